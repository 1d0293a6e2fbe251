"""Writing the standalone HTML page (the only module that imports pyvis).

The page needs no network: vis-network and its CSS come inlined from pyvis's
bundled copy. Article text reaches the page only as JSON inside a
``<script type="application/json">`` (jinja's ``tojson`` escapes ``<``, ``>``, ``&``
and ``'``), and the page puts it on screen with ``textContent``, never as HTML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

VIS_VERSION = "vis-9.1.2"


def render_page(data: dict[str, Any]) -> str:
    import jinja2
    import pyvis

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(
            [
                str(Path(__file__).parent.parent / "templates"),
                str(Path(pyvis.__file__).parent / "templates"),
            ]
        ),
        autoescape=True,
    )
    return env.get_template("view.html").render(
        heading=data["heading"], data=data, vis=f"lib/{VIS_VERSION}"
    )


def write_page(data: dict[str, Any], output: Path) -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(render_page(data), encoding="utf-8")
    return output
