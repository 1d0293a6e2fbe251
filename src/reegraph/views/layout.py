"""Positions computed in Python, so a big graph opens already laid out with physics off.

Each connected component is laid out on its own (networkx's spring layout for small
ones; for large ones a force layout whose repulsion is estimated from a random
sample of nodes, O(n·s) per step instead of O(n²)), then the components are packed
in rows, largest first, so isolated pairs do not drift around one big cluster.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

SPACING = 90.0  # canvas pixels per node, roughly: the area of a component grows with its size
EXACT_LIMIT = 400  # components up to this size get networkx's exact spring layout
REPULSION_SAMPLE = 120
ITERATIONS = 60


def layout_positions(
    node_ids: list[str], edges: Iterable[tuple[str, str]], seed: int = 7
) -> dict[str, tuple[float, float]]:
    """Canvas coordinates for every node; the same input always gives the same layout."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(node_ids)
    graph.add_edges_from(edges)
    components = sorted(
        (sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0])
    )
    placed: list[tuple[list[str], dict[str, tuple[float, float]], float]] = []
    for members in components:
        local = _component_layout(graph.subgraph(members), members, seed)
        placed.append((members, local, SPACING * math.sqrt(len(members))))
    return _pack(placed)


def _component_layout(
    subgraph: Any, members: list[str], seed: int
) -> dict[str, tuple[float, float]]:
    """Positions in a box of side ``SPACING * sqrt(n)`` centred on the origin."""
    import networkx as nx
    import numpy as np

    if len(members) == 1:
        return {members[0]: (0.0, 0.0)}
    if len(members) <= EXACT_LIMIT:
        raw = nx.spring_layout(subgraph, seed=seed, iterations=80)
        coords = np.array([raw[m] for m in members], dtype=float)
    else:
        index = {m: i for i, m in enumerate(members)}
        pairs = np.array([(index[a], index[b]) for a, b in subgraph.edges()], dtype=np.int64)
        coords = _sampled_force_layout(len(members), pairs, seed)
    coords -= coords.mean(axis=0)
    extent = float(np.abs(coords).max()) or 1.0
    half = SPACING * math.sqrt(len(members)) / 2
    coords *= half / extent
    return {m: (float(x), float(y)) for m, (x, y) in zip(members, coords, strict=True)}


def _sampled_force_layout(n: int, pairs: Any, seed: int) -> Any:
    """Fruchterman–Reingold with repulsion from a fresh random sample of nodes each step."""
    import numpy as np

    rng = np.random.default_rng(seed)
    x, y = rng.random(n), rng.random(n)
    k2 = 1.0 / n  # (ideal edge length)², ideal length = 1/sqrt(n) in a unit square
    sample = min(n, REPULSION_SAMPLE)
    scale = k2 * n / sample  # the sample stands for all n nodes
    step = 0.1
    src, dst = pairs[:, 0], pairs[:, 1]
    for _ in range(ITERATIONS):
        pick = rng.choice(n, sample, replace=False)
        dx = x[:, None] - x[None, pick]
        dy = y[:, None] - y[None, pick]
        weight = scale / np.maximum(dx * dx + dy * dy, 1e-8)
        move_x = (dx * weight).sum(axis=1)
        move_y = (dy * weight).sum(axis=1)
        ex, ey = x[src] - x[dst], y[src] - y[dst]
        pull = np.sqrt(ex * ex + ey * ey) * math.sqrt(n)  # |d| / k
        fx, fy = ex * pull, ey * pull
        move_x += np.bincount(dst, fx, n) - np.bincount(src, fx, n)
        move_y += np.bincount(dst, fy, n) - np.bincount(src, fy, n)
        length = np.maximum(np.sqrt(move_x * move_x + move_y * move_y), 1e-12)
        factor = np.minimum(length, step) / length
        # A little noise parts leaves that the sampled repulsion would let coincide.
        x += move_x * factor + rng.normal(0.0, step * 0.02, n)
        y += move_y * factor + rng.normal(0.0, step * 0.02, n)
        step *= 0.95
    return np.column_stack([x, y])


def _pack(
    placed: list[tuple[list[str], dict[str, tuple[float, float]], float]],
) -> dict[str, tuple[float, float]]:
    """Shelf-pack component boxes into rows about as wide as the whole is tall."""
    total_area = sum((side + SPACING) ** 2 for _, _, side in placed)
    row_width = max(math.sqrt(total_area), placed[0][2] + SPACING) if placed else 0.0
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for members, local, side in placed:
        box = side + SPACING
        if x > 0 and x + box > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + box / 2, y + box / 2
        for m in members:
            lx, ly = local[m]
            positions[m] = (round(cx + lx, 1), round(cy + ly, 1))
        x += box
        row_height = max(row_height, box)
    return positions
