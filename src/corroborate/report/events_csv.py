"""One row per event in the shape of UCDP / ACLED event data: ``events.csv``.

    >>> from corroborate import analyse
    >>> from corroborate.model import Article
    >>> text = "Police said 4 soldiers and 2 civilians were killed in Garissa, Kenya on Monday."
    >>> rep = analyse([Article.create(text, "a.txt", date="2026-03-10")])
    >>> row = event_rows(rep)[0]
    >>> (row["date"], row["place"], row["deaths_state"], row["deaths_civilians"], row["best"])
    ('2026-03-09', 'Garissa', 4, 2, 6)

Columns (documented in docs/reconcile.md): the event's date, place (most specific named place
first, with coordinates and how precise they are), deaths by side (state forces, armed
groups, civilians, unknown), best / low / high deaths and best injured, the number of
reports and of independent origins, whether any death toll is disputed, and the source
reports. Deaths by side take each side's best figure for the event day (subsets and
background periods left out); "unknown" is what an all-people total has beyond them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any, Final

from corroborate.model import Event, Fact, Report
from corroborate.reconcile import top_group
from corroborate.reconcile.sides import group_side

COLUMNS: Final = [
    "event_id",
    "date",
    "title",
    "country",
    "admin1",
    "place",
    "latitude",
    "longitude",
    "geo_precision",
    "deaths_state",
    "deaths_armed_group",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "low",
    "high",
    "injured_best",
    "reports",
    "independent_origins",
    "disputed",
    "source_articles",
    "source_urls",
]
_GEO_RANK: Final = {"city": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4, "unknown": 5}


def _day_facts(event: Event, measure: str) -> list[Fact]:
    day = event.date
    return [
        f
        for f in event.facts
        if f.measure == measure
        and "(" not in f.group
        and f.scope is None
        and (
            day is None
            or (f.period.start == day and f.period.end == day)
            or f.period.kind == "unstated"
        )
    ]


def _side_of(group: str) -> str:
    if "+" in group:
        return "mixed"
    top = top_group(group)
    if top == "civilians":
        return "civilians"
    side = group_side(top)
    return {"state": "state", "armed_group": "armed_group"}.get(side or "", "unknown")


def _deaths(event: Event) -> dict[str, int | None]:
    best: dict[str, int] = {}
    low: dict[str, int] = {}
    high: dict[str, int] = {}
    for f in _day_facts(event, "killed"):
        side = _side_of(f.group)
        if f.best is None:
            continue
        best[side] = max(best.get(side, 0), f.best)
        low[side] = max(low.get(side, 0), f.low if f.low is not None else f.best)
        high[side] = max(high.get(side, 0), f.high if f.high is not None else f.best)
    named = sum(best.get(s, 0) for s in ("state", "armed_group", "civilians"))
    if "mixed" in best:  # "33 civilians and security personnel" covers two sides at once
        named = max(named, best["mixed"] + best.get("armed_group", 0))
    unknown = max(0, best.get("unknown", 0) - named)
    total = named + unknown
    total_low = sum(low.get(s, 0) for s in ("state", "armed_group", "civilians"))
    total_high = max(
        sum(high.get(s, 0) for s in ("state", "armed_group", "civilians", "mixed")),
        high.get("unknown", 0),
    )
    return {
        "deaths_state": best.get("state", 0),
        "deaths_armed_group": best.get("armed_group", 0),
        "deaths_civilians": best.get("civilians", 0),
        "deaths_unknown": unknown,
        "best": total,
        "low": min(total_low, total) if best else 0,
        "high": max(total_high, total),
    }


def event_rows(report: Report) -> list[dict[str, Any]]:
    """The rows of ``events.csv``, one per event."""
    return list(iter_event_rows(report))


def iter_event_rows(report: Report) -> Iterator[dict[str, Any]]:
    """:func:`event_rows` one at a time."""
    by_id = {a.id: a for a in report.articles}
    for ev in report.events:
        places = sorted(ev.places, key=lambda p: _GEO_RANK.get(p.kind, 9))
        place = places[0] if places else None
        injured = [f.best for f in _day_facts(ev, "injured") if f.best is not None]
        arts = [by_id[a] for a in ev.articles if a in by_id]
        yield (
            {
                "event_id": ev.id,
                "date": ev.date or "",
                "title": ev.title,
                "country": place.country if place else "",
                "admin1": place.admin1 if place and place.admin1 else "",
                "place": place.name if place else "",
                "latitude": place.lat if place and place.lat is not None else "",
                "longitude": place.lon if place and place.lon is not None else "",
                "geo_precision": place.kind if place else "",
                **_deaths(ev),
                "injured_best": max(injured) if injured else 0,
                "reports": len(ev.articles),
                "independent_origins": len(ev.origin_groups) or len(ev.articles),
                "disputed": any(f.conflict for f in _day_facts(ev, "killed")),
                "source_articles": "; ".join(a.key for a in arts),
                "source_urls": "; ".join(a.url for a in arts if a.url),
            }
        )


def render_events_csv(report: Report) -> str:
    """``events.csv``: one UCDP/ACLED-like row per event (formula-safe cells)."""
    return "".join(events_csv_chunks(report))


def events_csv_chunks(report: Report) -> Iterator[str]:
    """:func:`render_events_csv`'s text in pieces (written without the whole file in
    memory)."""
    from corroborate.report.render import csv_cell, csv_pieces

    rows = (
        [csv_cell(v) if isinstance(v, str) else v for v in (row[k] for k in COLUMNS)]
        for row in iter_event_rows(report)
    )
    return csv_pieces(itertools.chain([COLUMNS], rows))
