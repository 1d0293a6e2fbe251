"""Who sits at the centre of the agreement and partnership network, and which blocs form.

The actor network is undirected and weighted, over countries, regions, organisations
and people:

- direct ties: PARTNERS_WITH, MET_WITH, INVESTS_IN (between actors), LEADS and
  AFFILIATED_WITH (a person and the state or organisation they belong to);
- shared ties: two actors that SIGNED or are PARTY_TO the same agreement, or
  PARTICIPATED_IN the same event, are joined (the bipartite graph projected to actors);
- an edge's ``weight`` counts the claims and shared agreements/events behind it.

Scores:

- ``pagerank``: PageRank with damping 0.85 on the weighted network (power iteration,
  isolated actors share their rank uniformly); sums to 1 over the actors;
- ``betweenness``: normalised shortest-path betweenness (unweighted hops), exact while
  ``n × (n + m)`` stays under :data:`BETWEENNESS_BUDGET`, otherwise estimated from ``k``
  seeded sample sources with ``k = BETWEENNESS_BUDGET // (n + m)``;
- ``community``: bloc number from Louvain modularity (seed :data:`SEED`) on the
  agreement network only (shared agreements, PARTNERS_WITH, LEADS, AFFILIATED_WITH);
  blocs are numbered from the largest; actors outside that network have none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from reegraph.analytics.graph import Graph, GraphIndex, graph_index
from reegraph.model import ACTORS, Label, RelationType

SEED = 7
DAMPING = 0.85
BETWEENNESS_BUDGET = 1_500_000

DIRECT_TIES = (
    RelationType.PARTNERS_WITH,
    RelationType.MET_WITH,
    RelationType.INVESTS_IN,
    RelationType.LEADS,
    RelationType.AFFILIATED_WITH,
)
BLOC_TIES = (RelationType.PARTNERS_WITH, RelationType.LEADS, RelationType.AFFILIATED_WITH)
SHARED_AGREEMENT = (RelationType.SIGNED, RelationType.PARTY_TO)
SHARED_EVENT = (RelationType.PARTICIPATED_IN,)

UGraph = Any  # networkx.Graph


@dataclass(frozen=True)
class ActorCentrality:
    id: str
    name: str
    label: str
    pagerank: float
    betweenness: float
    community: int | None
    degree: int


def _actors(index: GraphIndex) -> list[str]:
    return index.with_label(*(Label(a) for a in ACTORS))


def _ties(
    index: GraphIndex,
    actors: set[str],
    direct: Iterable[RelationType],
    shared: Iterable[RelationType],
) -> Counter[tuple[str, str]]:
    weights: Counter[tuple[str, str]] = Counter()
    for rel_type in direct:
        for source, edges in index.out.get(rel_type.value, {}).items():
            for target, _ in edges:
                if source in actors and target in actors and source != target:
                    weights[(min(source, target), max(source, target))] += 1
    parties: dict[str, set[str]] = {}
    for rel_type in shared:
        for hub, edges in index.into.get(rel_type.value, {}).items():
            parties.setdefault(hub, set()).update(s for s, _ in edges if s in actors)
    for members in parties.values():
        for a, b in combinations(sorted(members), 2):
            weights[(a, b)] += 1
    return weights


def actor_network(graph: Graph, *, blocs_only: bool = False) -> UGraph:
    """The weighted actor–actor network (or only its agreement part, for blocs).

    >>> from reegraph.analytics.graph import to_networkx
    >>> net = actor_network(to_networkx(tiny_treaty_bundle()))
    >>> sorted(net.edges(data="weight"))
    [('country:a', 'country:b', 1), ('country:a', 'country:c', 1), ('country:b', 'country:c', 1)]
    """
    import networkx as nx

    index = graph_index(graph)
    actors = _actors(index)
    direct = BLOC_TIES if blocs_only else DIRECT_TIES
    shared = SHARED_AGREEMENT if blocs_only else SHARED_AGREEMENT + SHARED_EVENT
    net = nx.Graph()
    if not blocs_only:
        net.add_nodes_from(actors)
    net.add_weighted_edges_from(
        (a, b, w) for (a, b), w in sorted(_ties(index, set(actors), direct, shared).items())
    )
    return net


def pagerank(net: UGraph, damping: float = DAMPING, tol: float = 1e-10) -> dict[str, float]:
    """Weighted PageRank by power iteration (numpy; networkx's own needs scipy).

    >>> import networkx as nx
    >>> scores = pagerank(nx.path_graph(["a", "b", "c"]))
    >>> {k: round(v, 6) for k, v in scores.items()}
    {'a': 0.256757, 'b': 0.486486, 'c': 0.256757}
    """
    import numpy as np

    nodes = list(net.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    position = {node: i for i, node in enumerate(nodes)}
    edges = list(net.edges(data="weight", default=1.0))
    u = np.fromiter((position[a] for a, _, _ in edges), dtype=np.int64, count=len(edges))
    v = np.fromiter((position[b] for _, b, _ in edges), dtype=np.int64, count=len(edges))
    w = np.fromiter((float(x) for _, _, x in edges), dtype=np.float64, count=len(edges))
    src, dst, weight = np.concatenate([u, v]), np.concatenate([v, u]), np.concatenate([w, w])
    strength = np.bincount(src, weights=weight, minlength=n)
    dangling = strength == 0
    share = np.divide(weight, strength[src], out=np.zeros_like(weight), where=strength[src] > 0)
    rank = np.full(n, 1.0 / n)
    for _ in range(1000):
        spread = np.bincount(dst, weights=rank[src] * share, minlength=n)
        new = damping * (spread + rank[dangling].sum() / n) + (1.0 - damping) / n
        done = np.abs(new - rank).sum() < n * tol
        rank = new
        if done:
            break
    return {node: float(rank[i]) for i, node in enumerate(nodes)}


def betweenness(net: UGraph, budget: int = BETWEENNESS_BUDGET) -> dict[str, float]:
    """Normalised betweenness (as networkx's); from sampled sources past ``budget``.

    >>> import networkx as nx
    >>> betweenness(nx.path_graph(["a", "b", "c"]))
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    nodes = list(net.nodes)
    n, m = len(nodes), net.number_of_edges()
    if n < 3:
        return dict.fromkeys(nodes, 0.0)
    position = {node: i for i, node in enumerate(nodes)}
    adjacency = [[position[w] for w in net[v]] for v in nodes]
    sources = list(range(n))
    if n * (n + m) > budget:
        import random

        sources = sorted(random.Random(SEED).sample(sources, max(1, budget // (n + m))))
    raw = _brandes(adjacency, sources)
    # Each unordered pair is counted from both ends; sampling scales by n / k.
    scale = n / len(sources) / ((n - 1) * (n - 2))
    return {node: raw[i] * scale for i, node in enumerate(nodes)}


def _brandes(adjacency: list[list[int]], sources: list[int]) -> list[float]:
    """Brandes' accumulation for unweighted graphs over integer adjacency lists.

    Predecessors are not stored: the backward pass re-reads neighbours one level
    closer to the source, which is cheaper in Python than building lists per source.
    """
    n = len(adjacency)
    total = [0.0] * n
    for s in sources:
        sigma = [0] * n
        dist = [-1] * n
        sigma[s], dist[s] = 1, 0
        order = [s]
        i = 0
        while i < len(order):
            v = order[i]
            i += 1
            next_dist, paths = dist[v] + 1, sigma[v]
            for w in adjacency[v]:
                if dist[w] < 0:
                    dist[w] = next_dist
                    order.append(w)
                if dist[w] == next_dist:
                    sigma[w] += paths
        delta = [0.0] * n
        for w in reversed(order):
            closer, share = dist[w] - 1, (1.0 + delta[w]) / sigma[w]
            for v in adjacency[w]:
                if dist[v] == closer:
                    delta[v] += sigma[v] * share
            if w != s:
                total[w] += delta[w]
    return total


def communities(net: UGraph) -> dict[str, int]:
    """Louvain blocs, numbered from the largest (ties: the bloc with the smallest id first)."""
    import networkx as nx

    if net.number_of_edges() == 0:
        return {}
    found = nx.community.louvain_communities(net, weight="weight", seed=SEED)
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    return {node: i for i, members in enumerate(ordered) for node in members}


def centrality(graph: Graph) -> list[ActorCentrality]:
    """PageRank, betweenness and bloc of every actor, highest PageRank first."""
    index = graph_index(graph)
    net = actor_network(graph)
    ranks = pagerank(net)
    between = betweenness(net)
    blocs = communities(actor_network(graph, blocs_only=True))
    rows = [
        ActorCentrality(
            id=node,
            name=index.names[node],
            label=index.labels[node],
            pagerank=round(ranks.get(node, 0.0), 6),
            betweenness=round(between.get(node, 0.0), 6),
            community=blocs.get(node),
            degree=int(net.degree(node)),
        )
        for node in net.nodes
    ]
    return sorted(rows, key=lambda r: (-r.pagerank, r.name))


def tiny_treaty_bundle() -> Any:
    """Three countries party to one treaty (for the examples)."""
    from reegraph.model import Entity, Evidence, GraphBundle, Relation

    def claim(country: str) -> Relation:
        ev = Evidence(document="d", sentence=f"{country} joined.", start=0, end=1, rule="example")
        return Relation(type="PARTY_TO", source=country, target="agreement:t", evidence=[ev])

    ids = ["country:a", "country:b", "country:c"]
    return GraphBundle(
        entities=[Entity(label="Agreement", name="T")]
        + [Entity(label="Country", name=i.split(":")[1]) for i in ids],
        relations=[claim(i) for i in ids],
    )
