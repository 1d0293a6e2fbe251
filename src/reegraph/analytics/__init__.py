"""Supply-risk analytics: pure functions over the graph, plain data out.

Each module answers one question from a :class:`~reegraph.model.GraphBundle` turned
into a networkx graph by :func:`~reegraph.analytics.graph.to_networkx`:

- ``concentration``: who controls each mineral at each supply stage (HHI, top share);
- ``criticality``: concentration weighed by how many sectors and countries depend on it;
- ``exposure``: what each country and sector depends on, and through which suppliers;
- ``centrality``: PageRank, betweenness and blocs of actors in the agreement network;
- ``whatif``: who is cut off when suppliers restrict exports, and what could offset it;
- ``terms``: which agreements apply on a given date.

``api`` is the store-facing layer the CLI calls; ``report`` runs everything at once.
Nothing here imports networkx at package import time.
"""
