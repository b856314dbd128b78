"""Connected components of an edge list, on the driver.

The comparing stages produce few edges per article (candidate pairs, links inside event
blocks), so the driver holds them as two int64 arrays (16 bytes an edge) and joins them
with a union-find; the result goes back to the executors as a small table.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt


def components(
    nodes: Sequence[int] | npt.NDArray[np.int64],
    a: Sequence[int] | npt.NDArray[np.int64],
    b: Sequence[int] | npt.NDArray[np.int64],
) -> dict[int, int]:
    """Each node's component, named by its smallest node.

        >>> components([1, 2, 3, 7], [1, 7], [2, 3])
        {1: 1, 2: 1, 3: 3, 7: 3}
    """
    keys = np.unique(np.concatenate([np.asarray(nodes, dtype=np.int64),
                                     np.asarray(a, dtype=np.int64),
                                     np.asarray(b, dtype=np.int64)]))  # fmt: skip
    parent = list(range(len(keys)))
    ia = np.searchsorted(keys, np.asarray(a, dtype=np.int64)).tolist()
    ib = np.searchsorted(keys, np.asarray(b, dtype=np.int64)).tolist()

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, y in zip(ia, ib, strict=True):
        rx, ry = root(x), root(y)
        if rx != ry:
            if rx < ry:
                parent[ry] = rx
            else:
                parent[rx] = ry
    key_list = keys.tolist()
    return {key_list[i]: key_list[root(i)] for i in range(len(key_list))}


def bfs_order(members: Sequence[int], edges: Sequence[tuple[int, int]]) -> list[int]:
    """``members`` in breadth-first order (from the smallest, neighbours in node order),
    so that neighbourhoods sit together.

        >>> bfs_order([1, 2, 3, 4, 5], [(1, 4), (2, 5), (4, 5), (3, 5)])
        [1, 4, 5, 2, 3]
    """
    adjacent: dict[int, list[int]] = {}
    for x, y in edges:
        adjacent.setdefault(x, []).append(y)
        adjacent.setdefault(y, []).append(x)
    seen: set[int] = set()
    order: list[int] = []
    for start in sorted(members):
        if start in seen:
            continue
        seen.add(start)
        queue = deque([start])
        while queue:
            node = queue.popleft()
            order.append(node)
            for nxt in sorted(adjacent.get(node, ())):
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
    return order


def forward_chunks(
    members: Sequence[int], edges: Sequence[tuple[int, int]], max_size: int
) -> list[tuple[list[int], list[int]]]:
    """Cover the ``edges`` of one large component with blocks of about ``max_size``
    nodes: runs of consecutive "centers" in breadth-first order (:func:`bfs_order`), each
    with its neighbours that come later in that order. Every edge lies in the block of its
    endpoint that comes first, which is *responsible* for it. Returns ``(centers, nodes)``
    per block (nodes sorted).

        >>> forward_chunks([1, 2, 3, 4], [(1, 2), (1, 4), (2, 3), (3, 4)], 3)
        [([1], [1, 2, 4]), ([2, 4, 3], [2, 3, 4])]
    """
    order = bfs_order(members, edges)
    rank = {m: i for i, m in enumerate(order)}
    forward: dict[int, list[int]] = {}
    for x, y in edges:
        first, second = (x, y) if rank[x] < rank[y] else (y, x)
        forward.setdefault(first, []).append(second)
    out: list[tuple[list[int], list[int]]] = []
    centers: list[int] = []
    nodes: set[int] = set()
    for m in order:
        mine = {m, *forward.get(m, ())}
        if centers and len(nodes | mine) > max_size:
            out.append((centers, sorted(nodes)))
            centers, nodes = [], set()
        centers.append(m)
        nodes |= mine
    if centers:
        out.append((centers, sorted(nodes)))
    return out
