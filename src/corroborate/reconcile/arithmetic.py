"""Totals and their parts: check the sums the reports imply, and show them.

    33 = 18 + 15      "33 people dead, including 18 civilians and 15 security personnel"
    133 = 92 + 41     "bringing the total over the past two days to 133" (two daily facts)
    >120 ~ 92 + 33    "more than 120 killed" against the group figures of the same day

Three kinds of :class:`~corroborate.model.FactRelation`:

- ``parts``: a total and the parts the same sentence names ("including ...");
- ``cumulative``: a running total over a span and the daily figures inside it;
- ``groups``: an all-people total and figures for groups that make it up.

Each relation says whether the arithmetic holds given the qualifiers ("more than 120" holds
for 125); one that does not is a contradiction the report flags.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import Literal

from corroborate.model import Claim, Fact, FactRelation


def _holds(total: int, qualifier: str, parts_sum: int) -> bool:
    if qualifier in ("exact", "range", "vague"):
        return parts_sum == total
    if qualifier == "at_least":
        return parts_sum >= total
    if qualifier == "more_than":
        return parts_sum > total
    if qualifier in ("up_to", "less_than"):
        return parts_sum <= total
    if qualifier == "approximately":
        return abs(parts_sum - total) <= max(1, round(total * 0.1))
    return parts_sum == total


def _expr(total: int, qualifier: str, parts: Sequence[int]) -> str:
    sign = {
        "more_than": ">",
        "at_least": ">=",
        "up_to": "<=",
        "less_than": "<",
        "approximately": "~",
    }.get(qualifier, "")
    return f"{sign}{total} = " + " + ".join(str(p) for p in parts)


def _best_value(fact: Fact) -> tuple[int, str] | None:
    top = fact.values[0] if fact.values else None
    if top is None or top.value is None:
        return None
    return top.value, top.qualifier


def find_relations(facts: Sequence[Fact], claims: Mapping[str, Claim]) -> list[FactRelation]:
    """Every arithmetic relation between the facts of one event."""
    out: list[FactRelation] = []
    fact_of_claim = {cid: f for f in facts for v in f.values for cid in v.claims}
    out.extend(_parts(facts, claims, fact_of_claim))
    out.extend(_cumulative(facts))
    out.extend(_groups(facts))
    return out


def _parts(
    facts: Sequence[Fact], claims: Mapping[str, Claim], fact_of_claim: Mapping[str, Fact]
) -> list[FactRelation]:
    children: dict[str, list[Claim]] = {}
    for c in claims.values():
        if c.parts_of and c.parts_of in claims:
            children.setdefault(c.parts_of, []).append(c)
    out = []
    for parent_id, parts in children.items():
        parent = claims[parent_id]
        if parent.value is None or any(p.value is None for p in parts) or len(parts) < 2:
            continue
        values = [p.value or 0 for p in parts]
        total_fact = fact_of_claim.get(parent_id)
        if total_fact is None:
            continue
        out.append(
            FactRelation(
                kind="parts",
                total=total_fact.id,
                parts=tuple(fact_of_claim[p.id].id for p in parts if p.id in fact_of_claim),
                expression=_expr(parent.value, parent.qualifier, values),
                holds=_holds(parent.value, parent.qualifier, sum(values)),
                claims=(parent_id, *(p.id for p in parts)),
            )
        )
    return out


def _days(fact: Fact) -> tuple[dt.date, dt.date] | None:
    if not fact.period.start or not fact.period.end:
        return None
    return dt.date.fromisoformat(fact.period.start), dt.date.fromisoformat(fact.period.end)


def _cumulative(facts: Sequence[Fact]) -> list[FactRelation]:
    out = []
    for total in facts:
        span = _days(total)
        best = _best_value(total)
        if span is None or best is None or span[0] == span[1]:
            continue
        inside = [
            f
            for f in facts
            if f is not total
            and f.measure == total.measure
            and f.group == total.group
            and f.scope is None
            and (d := _days(f)) is not None
            and d[0] == d[1]
            and span[0] <= d[0] <= span[1]
            and _best_value(f) is not None
        ]
        if len({_days(f) for f in inside}) < 2:
            continue
        by_day: dict[tuple[dt.date, dt.date] | None, Fact] = {}
        for f in inside:
            by_day.setdefault(_days(f), f)
        out.append(_sum("cumulative", total, best, list(by_day.values())))
    return out


def _groups(facts: Sequence[Fact]) -> list[FactRelation]:
    """An all-people total against group figures of the same measure, day and scope."""
    out = []
    for total in facts:
        best = _best_value(total)
        if total.group != "people" or best is None:
            continue
        same = [
            f
            for f in facts
            if f is not total
            and f.measure == total.measure
            and _days(f) == _days(total)
            and f.scope == total.scope
            and f.group != "people"
            and "(" not in f.group
            and _best_value(f) is not None
        ]
        choice = _partition(same[:12])
        if choice is None:
            continue
        out.append(_sum("groups", total, best, choice))
    return out


def _sum(
    kind: Literal["cumulative", "groups"], total: Fact, best: tuple[int, str], parts: list[Fact]
) -> FactRelation:
    """The relation "total = sum of the parts' best values"."""
    values = [b[0] for b in map(_best_value, parts) if b is not None]
    return FactRelation(
        kind=kind,
        total=total.id,
        parts=tuple(f.id for f in parts),
        expression=_expr(best[0], best[1], values),
        holds=_holds(best[0], best[1], sum(values)),
    )


def _partition(facts: Sequence[Fact]) -> list[Fact] | None:
    """The largest set of facts whose groups do not overlap (composite groups first)."""
    for size in range(len(facts), 1, -1):
        for combo in combinations(facts, size):
            groups = [g for f in combo for g in f.group.split("+")]
            if len(groups) == len(set(groups)):
                return list(combo)
    return None
