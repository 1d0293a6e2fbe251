"""reegraph: critical-mineral geopolitics from news articles to a property graph with evidence."""

from __future__ import annotations

__version__ = "0.1.0"
