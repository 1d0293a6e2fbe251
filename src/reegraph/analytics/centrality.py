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
- ``betweenness``: normalised shortest-path betweenness (unweighted hops) of ``n``
  actors and ``m`` ties. One source costs about ``n + m`` steps; the computation gets
  :data:`BETWEENNESS_BUDGET` steps. It is exact (every actor a source) while
  ``n × (n + m)`` fits the budget (1,000 actors with 9,000 ties still do); past it,
  it is estimated from ``k = BETWEENNESS_BUDGET // (n + m)``
  sources sampled with seed :data:`SEED` (about 50 sources, under a second, for
  45k actors and 145k ties) and scaled by ``n / k``;
- ``community``: bloc number on the agreement network only (shared agreements,
  PARTNERS_WITH, LEADS, AFFILIATED_WITH); blocs are numbered from the largest;
  actors outside that network have none. Up to :data:`LOUVAIN_MAX_TIES` ties it is
  Louvain modularity (seed :data:`SEED`). Past it, Louvain in pure Python takes
  many seconds, so fast label propagation (Traag & Šubelj 2023, seed :data:`SEED`)
  finds small dense groups first and Louvain (seed :data:`SEED`) then merges those
  groups into blocs.
"""

from __future__ import annotations

import random
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from reegraph.analytics.graph import Graph, GraphIndex, graph_index
from reegraph.model import ACTORS, Label, RelationType

SEED = 7
DAMPING = 0.85
BETWEENNESS_BUDGET = 10_000_000
LOUVAIN_MAX_TIES = 20_000

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
Array = Any  # numpy.ndarray (numpy is imported only when a score is computed)


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
    position: dict[str, int],
    direct: Iterable[RelationType],
    shared: Iterable[RelationType],
) -> dict[int, int]:
    """Claims and shared agreements/events per actor pair, keyed ``a × n + b`` (``a < b``)."""
    n = len(position)
    # A plain dict with get(): Counter's += goes through Python code for every new pair.
    weights: dict[int, int] = {}
    for rel_type in direct:
        for source, edges in index.out.get(rel_type.value, {}).items():
            a = position.get(source)
            if a is None:
                continue
            for target, _ in edges:
                b = position.get(target)
                if b is not None and a != b:
                    pair = a * n + b if a < b else b * n + a
                    weights[pair] = weights.get(pair, 0) + 1
    parties: dict[str, set[int]] = {}
    for rel_type in shared:
        for hub, edges in index.into.get(rel_type.value, {}).items():
            found = {position[s] for s, _ in edges if s in position}
            parties.setdefault(hub, set()).update(found)
    for members in parties.values():
        for a, b in combinations(sorted(members), 2):
            pair = a * n + b
            weights[pair] = weights.get(pair, 0) + 1
    return weights


@dataclass(frozen=True)
class TieArrays:
    """A weighted undirected network as arrays: tie ``i`` joins ``u[i]`` and ``v[i]``."""

    nodes: list[str]
    u: Array
    v: Array
    weight: Array

    @classmethod
    def of(cls, nodes: list[str], ties: Iterable[tuple[str, str, float]]) -> TieArrays:
        import numpy as np

        position = {node: i for i, node in enumerate(nodes)}
        listed = list(ties)
        count = len(listed)
        return cls(
            nodes=nodes,
            u=np.fromiter((position[a] for a, _, _ in listed), dtype=np.int64, count=count),
            v=np.fromiter((position[b] for _, b, _ in listed), dtype=np.int64, count=count),
            weight=np.fromiter((float(w) for _, _, w in listed), dtype=np.float64, count=count),
        )

    @classmethod
    def of_networkx(cls, net: UGraph) -> TieArrays:
        return cls.of(list(net.nodes), net.edges(data="weight", default=1.0))

    def networkx(self, *, with_isolated: bool) -> UGraph:
        """The same network as a ``networkx.Graph`` (actors without ties only if asked)."""
        import networkx as nx

        net = nx.Graph()
        if with_isolated:
            net.add_nodes_from(self.nodes)
        nodes = self.nodes
        net.add_weighted_edges_from(
            (nodes[a], nodes[b], w)
            for a, b, w in zip(self.u.tolist(), self.v.tolist(), self.weight.tolist(), strict=True)
        )
        return net

    def neighbours(self) -> tuple[Array, Array, Array]:
        """CSR adjacency, both directions: ``indices[indptr[i]:indptr[i+1]]`` and weights."""
        import numpy as np

        src = np.concatenate([self.u, self.v])
        order = np.argsort(src, kind="stable")
        indptr = np.zeros(len(self.nodes) + 1, dtype=np.int64)
        np.cumsum(np.bincount(src, minlength=len(self.nodes)), out=indptr[1:])
        dst = np.concatenate([self.v, self.u])[order]
        return indptr, dst, np.concatenate([self.weight, self.weight])[order]


def actor_network(graph: Graph, *, blocs_only: bool = False) -> UGraph:
    """The weighted actor–actor network (or only its agreement part, for blocs).

    >>> from reegraph.analytics.graph import to_networkx
    >>> net = actor_network(to_networkx(tiny_treaty_bundle()))
    >>> sorted(net.edges(data="weight"))
    [('country:a', 'country:b', 1), ('country:a', 'country:c', 1), ('country:b', 'country:c', 1)]
    """
    index = graph_index(graph)
    return _actor_ties(index, _actors(index), blocs_only=blocs_only).networkx(
        with_isolated=not blocs_only
    )


def _actor_ties(index: GraphIndex, actors: list[str], *, blocs_only: bool) -> TieArrays:
    """The actor network as arrays, ties ordered by their ends' ids."""
    import numpy as np

    direct = BLOC_TIES if blocs_only else DIRECT_TIES
    shared = SHARED_AGREEMENT if blocs_only else SHARED_AGREEMENT + SHARED_EVENT
    position = {actor: i for i, actor in enumerate(actors)}  # actors are sorted by id
    weights = _ties(index, position, direct, shared)
    codes = np.fromiter(weights.keys(), dtype=np.int64, count=len(weights))
    counts = np.fromiter(weights.values(), dtype=np.int64, count=len(weights))
    order = np.argsort(codes)
    codes, n = codes[order], len(actors)
    return TieArrays(actors, codes // n, codes % n, counts[order])


def pagerank(net: UGraph, damping: float = DAMPING, tol: float = 1e-10) -> dict[str, float]:
    """Weighted PageRank by power iteration (numpy; networkx's own needs scipy).

    >>> import networkx as nx
    >>> scores = pagerank(nx.path_graph(["a", "b", "c"]))
    >>> {k: round(v, 6) for k, v in scores.items()}
    {'a': 0.256757, 'b': 0.486486, 'c': 0.256757}
    """
    return _pagerank(TieArrays.of_networkx(net), damping, tol)


def _pagerank(ties: TieArrays, damping: float = DAMPING, tol: float = 1e-10) -> dict[str, float]:
    import numpy as np

    n = len(ties.nodes)
    if n == 0:
        return {}
    u, v, w = ties.u, ties.v, ties.weight
    src, dst = np.concatenate([u, v]), np.concatenate([v, u])
    weight = np.concatenate([w, w]).astype(np.float64)
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
    return dict(zip(ties.nodes, rank.tolist(), strict=True))


def betweenness(net: UGraph, budget: int = BETWEENNESS_BUDGET) -> dict[str, float]:
    """Normalised betweenness (as networkx's); from sampled sources past ``budget``.

    >>> import networkx as nx
    >>> betweenness(nx.path_graph(["a", "b", "c"]))
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    return _betweenness(TieArrays.of_networkx(net), budget)


def _betweenness(ties: TieArrays, budget: int = BETWEENNESS_BUDGET) -> dict[str, float]:
    nodes = ties.nodes
    n, m = len(nodes), len(ties.u)
    if n < 3:
        return dict.fromkeys(nodes, 0.0)
    sources = list(range(n))
    if n * (n + m) > budget:
        sources = sorted(random.Random(SEED).sample(sources, max(1, budget // (n + m))))
    indptr, indices, _ = ties.neighbours()
    raw = _brandes(indptr, indices, sources)
    # Each unordered pair is counted from both ends; sampling scales by n / k.
    scale = n / len(sources) / ((n - 1) * (n - 2))
    return dict(zip(nodes, (raw * scale).tolist(), strict=True))


def _brandes(indptr: Array, indices: Array, sources: list[int]) -> Array:
    """Brandes' accumulation for unweighted graphs, one breadth-first level at a time.

    Each level is a handful of numpy operations over the ties leaving it, so a source
    costs a few milliseconds on 100k ties instead of a Python loop over every tie.
    The ties that reach a level along shortest paths are kept for the backward pass.
    """
    import numpy as np

    n = len(indptr) - 1
    degree = np.diff(indptr)
    total = np.zeros(n)
    for s in sources:
        dist = np.full(n, -1, dtype=np.int64)
        sigma = np.zeros(n)
        dist[s], sigma[s] = 0, 1.0
        frontier = np.array([s], dtype=np.int64)
        levels: list[tuple[Array, Array]] = []
        depth = 0
        while frontier.size:
            depth += 1
            counts = degree[frontier]
            ends = np.cumsum(counts)
            parents = np.repeat(frontier, counts)
            slots = np.repeat(indptr[frontier] - (ends - counts), counts) + np.arange(ends[-1])
            children = indices[slots]
            dist[children[dist[children] < 0]] = depth
            on_path = dist[children] == depth
            parents, children = parents[on_path], children[on_path]
            sigma += np.bincount(children, weights=sigma[parents], minlength=n)
            levels.append((parents, children))
            frontier = np.flatnonzero(dist == depth)
        delta = np.zeros(n)
        for parents, children in reversed(levels):
            share = (1.0 + delta[children]) / sigma[children]
            delta += np.bincount(parents, weights=sigma[parents] * share, minlength=n)
        delta[s] = 0.0
        total += delta
    return total


def communities(net: UGraph, louvain_max_ties: int = LOUVAIN_MAX_TIES) -> dict[str, int]:
    """Blocs, numbered from the largest (ties: the bloc with the smallest id first).

    Louvain up to ``louvain_max_ties`` ties, label propagation then Louvain past it.
    """
    return _blocs(TieArrays.of_networkx(net), net, louvain_max_ties)


def _blocs(ties: TieArrays, net: UGraph | None, louvain_max_ties: int) -> dict[str, int]:
    """Blocs of ``ties`` (``net``: the same network in networkx, when already built)."""
    import networkx as nx

    if len(ties.u) == 0:
        return {}
    if len(ties.u) > louvain_max_ties:
        return _large_communities(ties)
    net = ties.networkx(with_isolated=False) if net is None else net
    return _numbered(nx.community.louvain_communities(net, weight="weight", seed=SEED))


def _numbered(found: Iterable[Iterable[str]]) -> dict[str, int]:
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    return {node: i for i, members in enumerate(ordered) for node in members}


def _large_communities(ties: TieArrays) -> dict[str, int]:
    """Blocs of a large network: label propagation, then Louvain over the groups found."""
    import networkx as nx
    import numpy as np

    indptr, indices, weights = ties.neighbours()
    labels = np.asarray(_label_propagation(indptr.tolist(), indices.tolist(), weights.tolist()))
    # The network of groups: each tie adds its weight between its ends' groups (a
    # self-loop inside one), which keeps every node's weighted degree for modularity.
    group_u, group_v = labels[ties.u], labels[ties.v]
    low, high = np.minimum(group_u, group_v), np.maximum(group_u, group_v)
    pairs: Counter[tuple[int, int]] = Counter()
    for a, b, w in zip(low.tolist(), high.tolist(), ties.weight.tolist(), strict=True):
        pairs[(a, b)] += w
    groups = nx.Graph()
    groups.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(pairs.items()))
    merged = nx.community.louvain_communities(groups, weight="weight", seed=SEED)
    bloc_of_group = {g: i for i, bloc in enumerate(merged) for g in bloc}
    members: dict[int, list[str]] = {}
    present = np.zeros(len(ties.nodes), dtype=bool)
    present[ties.u] = present[ties.v] = True
    for node in np.flatnonzero(present).tolist():
        members.setdefault(bloc_of_group[int(labels[node])], []).append(ties.nodes[node])
    return _numbered(members.values())


def _label_propagation(indptr: list[int], indices: list[int], weights: list[float]) -> list[int]:
    """Fast label propagation: visit nodes from a queue, adopt the heaviest label around.

    Only nodes whose neighbourhood changed are revisited; heaviest-label ties are
    broken at random (seed :data:`SEED`), as in networkx's version, over integer lists.
    """
    n = len(indptr) - 1
    rng = random.Random(SEED)
    labels = list(range(n))
    order = list(range(n))
    rng.shuffle(order)
    queue = deque(order)
    queued = [True] * n
    while queue:
        node = queue.popleft()
        queued[node] = False
        lo, hi = indptr[node], indptr[node + 1]
        if lo == hi:
            continue
        weight_of: dict[int, float] = {}
        for j in range(lo, hi):
            label = labels[indices[j]]
            weight_of[label] = weight_of.get(label, 0.0) + weights[j]
        heaviest = max(weight_of.values())
        best = [label for label, w in weight_of.items() if w == heaviest]
        chosen = best[0] if len(best) == 1 else rng.choice(best)
        if chosen == labels[node]:
            continue
        labels[node] = chosen
        for j in range(lo, hi):
            other = indices[j]
            if not queued[other] and labels[other] != chosen:
                queued[other] = True
                queue.append(other)
    return labels


def centrality(graph: Graph) -> list[ActorCentrality]:
    """PageRank, betweenness and bloc of every actor, highest PageRank first."""
    import numpy as np

    index = graph_index(graph)
    actors = _actors(index)
    ties = _actor_ties(index, actors, blocs_only=False)
    ranks = _pagerank(ties)
    between = _betweenness(ties)
    blocs = _blocs(_actor_ties(index, actors, blocs_only=True), None, LOUVAIN_MAX_TIES)
    n = len(actors)
    degree = (np.bincount(ties.u, minlength=n) + np.bincount(ties.v, minlength=n)).tolist()
    rows = [
        ActorCentrality(
            id=node,
            name=index.names[node],
            label=index.labels[node],
            pagerank=round(ranks.get(node, 0.0), 6),
            betweenness=round(between.get(node, 0.0), 6),
            community=blocs.get(node),
            degree=degree[i],
        )
        for i, node in enumerate(actors)
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
