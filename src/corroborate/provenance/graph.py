"""The derivation graph: which reports share one origin, and which one is the likely original.

:func:`origin_groups` partitions articles into groups that each count as one independent
origin; :func:`derivation` adds, per group, the likely original (or the outlet the group's
reports credit) and the directed edges behind it. Both read only :class:`Relation` records,
so they work the same on a fresh analysis and on a ``report.json`` read back.

    >>> from corroborate.model import Relation
    >>> rels = [Relation(a="x", b="y", kind="near_copy", score=0.9, original="x"),
    ...         Relation(a="z", b="z", kind="syndicated", score=1.0, credited="AFP",
    ...                  external=True)]
    >>> [(o.members, o.original, o.credited) for o in derivation(["x", "y", "z"], rels)]
    [(('x', 'y'), 'x', None), (('z',), 'z', 'AFP')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from corroborate.model import Article, Relation

#: Relation kinds meaning "not an independent origin". ``shares_quotes`` is not one: two
#: reports quoting one statement are still two independent reports.
COPY_KINDS = frozenset({"duplicate", "near_copy", "rewrite", "syndicated"})


def origin_groups(
    article_ids: Sequence[str], relations: Sequence[Relation]
) -> list[tuple[str, ...]]:
    """Connected components over copy relations; each id in exactly one group.

    Copy relations are ``duplicate``, ``near_copy``, ``rewrite`` and ``syndicated``;
    reports that credit the same outside outlet for their story (external ``syndicated``
    relations with the same ``credited``) share that outlet as their origin.
    Groups are ordered by their first member's position in ``article_ids`` and list their
    members in that order; relations naming unknown ids are ignored.

        >>> rel = Relation(a="x", b="z", kind="rewrite", score=0.9)
        >>> origin_groups(["x", "y", "z"], [rel])
        [('x', 'z'), ('y',)]
    """
    ids = list(dict.fromkeys(article_ids))
    parent = {i: i for i in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(x: str, y: str) -> None:
        rx, ry = root(x), root(y)
        if rx != ry:
            # The earlier id stays the root, so results do not depend on relation order.
            if ids_pos[rx] > ids_pos[ry]:
                rx, ry = ry, rx
            parent[ry] = rx

    ids_pos = {i: n for n, i in enumerate(ids)}
    by_outlet: dict[str, str] = {}
    for rel in relations:
        if rel.kind not in COPY_KINDS or rel.a not in parent or rel.b not in parent:
            continue
        join(rel.a, rel.b)
        if rel.kind == "syndicated" and rel.external and rel.credited:
            first = by_outlet.setdefault(rel.credited.casefold(), rel.b)
            join(first, rel.b)
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(root(i), []).append(i)
    return [tuple(g) for g in groups.values()]


@dataclass(frozen=True, slots=True)
class Origin:
    """One origin group of the derivation graph."""

    members: tuple[str, ...]
    #: The member judged the original in the batch (for a group relaying an outside outlet,
    #: the member that relays it); None when nothing tells.
    original: str | None
    #: The outside outlet the group's story comes from (credited, no article of it here).
    credited: str | None
    #: Why: "single report", "earliest publication", "contains the other", "credited by the
    #: others", "the others derive from it", "credits an outside outlet", "undetermined".
    reason: str
    #: Directed derivation edges (source, derived, kind) among the members; ``source`` is
    #: the credited outlet's name for external credits.
    edges: tuple[tuple[str, str, str], ...] = ()


def derivation(
    article_ids: Sequence[str],
    relations: Sequence[Relation],
    articles: Mapping[str, Article] | None = None,
) -> list[Origin]:
    """Origin groups with their likely original, in :func:`origin_groups` order.

    The original is the member nothing in the group points back from: relations name their
    ``original`` (earlier publication, the fuller text, the credited outlet's own report);
    among several such members the strictly earliest publication wins (dates from
    ``articles`` when given). When those members credit one outside outlet for the story,
    that outlet is the group's origin (``credited``) and the crediting member its text here.
    """
    groups = origin_groups(article_ids, relations)
    where = {aid: n for n, g in enumerate(groups) for aid in g}
    inner: list[list[Relation]] = [[] for _ in groups]
    for rel in relations:
        if (
            rel.kind in COPY_KINDS
            and rel.a in where
            and rel.b in where
            and where[rel.a] == where[rel.b]
        ):
            inner[where[rel.a]].append(rel)
    return [_origin(g, rels, articles or {}) for g, rels in zip(groups, inner, strict=True)]


def _origin(
    members: tuple[str, ...], relations: list[Relation], articles: Mapping[str, Article]
) -> Origin:
    edges: list[tuple[str, str, str]] = []
    incoming: set[str] = set()
    crediting: dict[str, str] = {}  # member -> outside outlet it credits for the story
    for rel in relations:
        if rel.external:
            crediting.setdefault(rel.b, rel.credited or "")
            edges.append((rel.credited or "?", rel.b, rel.kind))
        elif rel.original in (rel.a, rel.b):
            other = rel.b if rel.original == rel.a else rel.a
            edges.append((rel.original, other, rel.kind))
            incoming.add(other)
        else:
            edges.append((rel.a, rel.b, rel.kind))
    roots = [m for m in members if m not in incoming]
    # An outside outlet the group's roots credit is the group's origin; the root relaying it
    # is its text in the batch.
    outside = {crediting[m] for m in roots if crediting.get(m)}
    credited = outside.pop() if len(outside) == 1 else None
    if credited is not None:
        relays = [m for m in roots if crediting.get(m) == credited]
        original = relays[0] if len(relays) == 1 else _earliest(relays, articles)
        return Origin(members, original, credited, "credits an outside outlet", tuple(edges))
    if len(members) == 1:
        return Origin(members, members[0], None, "single report", tuple(edges))
    if len(roots) == 1:
        return Origin(members, roots[0], None, _why(roots[0], relations), tuple(edges))
    original = _earliest(roots, articles)
    if original is not None:
        return Origin(members, original, None, "earliest publication", tuple(edges))
    return Origin(members, None, None, "undetermined", tuple(edges))


def _earliest(candidates: Sequence[str], articles: Mapping[str, Article]) -> str | None:
    """The strictly earliest-published candidate, when every one has a publication time."""
    known = sorted(
        (t, m) for m in candidates if (t := publication_time(articles.get(m))) is not None
    )
    if not known or len(known) != len(candidates):
        return None
    if len(known) == 1 or known[0][0] < known[1][0]:
        return known[0][1]
    return None


_REASONS = {
    "published_first": "earliest publication",
    "contains_other": "contains the other",
    "credited": "credited by the others",
}


def _why(member: str, relations: list[Relation]) -> str:
    """The reason the relations give for ``member`` being the original (first one wins)."""
    for rel in relations:
        if rel.original == member and rel.original_by:
            return _REASONS[rel.original_by]
    return "the others derive from it"


def publication_time(article: Article | None) -> dt.datetime | None:
    """Publication time in UTC (naive), or None when unknown or unparseable."""
    if article is None or not article.date:
        return None
    try:
        t = dt.datetime.fromisoformat(article.date.replace("Z", "+00:00"))
    except ValueError:
        return None
    if t.tzinfo is not None:
        t = t.astimezone(dt.UTC).replace(tzinfo=None)
    return t
