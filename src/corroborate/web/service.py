"""What the pages and the API read from the store, in one place (no HTTP here).

Each worker thread keeps its own SQLite connection (a connection must stay in the thread
that opened it); WAL mode lets them all read while the analysis job writes.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar, cast
from urllib.parse import quote

from corroborate.model import Article, Claim, Event, Fact, Relation, Report
from corroborate.report.view import anchor, format_period, format_place
from corroborate.store import Store
from corroborate.store.query import ArticleRow, EventFilter
from corroborate.web.schemas import (
    ArticleSummary,
    EventRef,
    EventSummary,
    Headline,
    HeadlineValue,
)

T = TypeVar("T")
HEADLINE_MEASURES = ("killed", "injured")
HEADLINE_FACTS = 3
EVENT_CACHE = 4096
"""Parsed events kept in memory (least recently read dropped first)."""
WRITE_WAIT = 60.0
"""Seconds a write waits for another writer (an analysis saving its report)."""
EXPORT_FORMATS = {"json": "application/json", "csv": "text/csv", "md": "text/markdown"}


class NotFound(LookupError):
    """No such event, article or job."""


def event_path(event_id: str) -> str:
    return f"/events/{quote(event_id, safe='')}"


def article_path(article_id: str) -> str:
    return f"/articles/{quote(article_id, safe='')}"


def claim_path(article_id: str, claim_id: str) -> str:
    """The article page, scrolled to the claim's sentence."""
    return f"{article_path(article_id)}#{anchor('claim', claim_id)}"


def event_type(event: Event) -> str | None:
    """The event's type, when the model has one (``type``/``kind``/``event_type``)."""
    for name in ("type", "kind", "event_type"):
        value = getattr(event, name, None)
        if isinstance(value, str) and value:
            return value
    return None


def headline_facts(event: Event, n: int = HEADLINE_FACTS) -> list[Fact]:
    """The facts to show in a list: deaths, then injuries, best supported first; named
    parts ("militants (suicide attackers)") and running totals left out."""
    order = {m: i for i, m in enumerate(HEADLINE_MEASURES)}
    facts = [
        f for f in event.facts
        if f.measure in order and "(" not in f.group and not f.period.cumulative
    ]  # fmt: skip
    facts.sort(key=lambda f: (order[f.measure], -sum(len(v.claims) for v in f.values)))
    return facts[:n]


def summarise(event: Event) -> EventSummary:
    """The events-list row of an event."""
    heads = [
        Headline(
            fact=f.id, measure=f.measure, group=f.group, period=format_period(f.period),
            conflict=f.conflict, low=f.low, best=f.best, high=f.high,
            values=[
                HeadlineValue(value=v.value, number_text=v.number_text,
                              claimants=list(v.claimants), origins=v.origins,
                              partisan=v.partisan)
                for v in f.values
            ],
        )
        for f in headline_facts(event)
    ]  # fmt: skip
    return EventSummary(
        id=event.id,
        title=event.title,
        date=event.date,
        type=event_type(event),
        places=list(dict.fromkeys(format_place(p) for p in event.places)),
        articles=len(event.articles),
        origins=len(event.origin_groups),
        facts=len(event.facts),
        conflicts=sum(f.conflict for f in event.facts),
        headline=heads,
        page=event_path(event.id),
    )


def article_summary(row: ArticleRow | Article) -> ArticleSummary:
    current = row.superseded_by is None if isinstance(row, ArticleRow) else True
    return ArticleSummary(
        id=row.id, key=row.key, title=row.title, outlet=row.outlet, date=row.date,
        source=row.source, format=row.format, revision=row.revision, current=current,
        page=article_path(row.id),
    )  # fmt: skip


def event_ref(event: Event) -> EventRef:
    return EventRef(id=event.id, title=event.title, date=event.date, page=event_path(event.id))


@dataclass(frozen=True)
class EventData:
    """An event and everything its page shows."""

    event: Event
    articles: list[ArticleRow]
    claims: list[Claim]
    relations: list[Relation]


@dataclass(frozen=True)
class ArticleData:
    """An article and everything its page shows."""

    article: Article
    claims: list[Claim]
    relations: list[Relation]
    events: list[Event]
    others: list[ArticleRow]  # the other articles its relations name


class Service:
    """Reads (and, unless read-only, writes) one store for the web app."""

    def __init__(self, db: str | Path, *, read_only: bool = False) -> None:
        self.db = Path(db)
        self.read_only = read_only
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()
        # Parsed events by row number (rows never change) and per-version results.
        self._events: OrderedDict[int, tuple[Event, EventSummary]] = OrderedDict()
        self._memo: dict[str, tuple[int, object]] = {}
        with self.store() as s:  # fail now, not at the first request, if it cannot open
            self.has_search = s.has_search

    def open_store(self) -> Store:
        """A new connection to the store (the caller closes it). Each is used by one thread
        only; :meth:`close` may close it from another at shutdown."""
        return Store(self.db, read_only=self.read_only, check_same_thread=False,
                     timeout=WRITE_WAIT)

    @contextmanager
    def store(self) -> Iterator[Store]:
        """This thread's connection."""
        s: Store | None = getattr(self._local, "store", None)
        if s is None:
            s = self.open_store()
            self._local.store = s
            with self._lock:
                self._all.append(s)
        yield s

    def close(self) -> None:
        """Close every thread's connection."""
        with self._lock:
            for s in self._all:
                s.close()
            self._all.clear()
        self._local = threading.local()

    # --- reads -------------------------------------------------------------------------

    def events(self, flt: EventFilter, limit: int, offset: int) -> tuple[int, list[Event]]:
        """A page of events, newest first, and how many match."""
        total, page = self._page(flt, limit, offset)
        return total, [ev for ev, _ in page]

    def summaries(
        self, flt: EventFilter, limit: int, offset: int
    ) -> tuple[int, list[EventSummary]]:
        """A page of the events list, newest first, and how many match."""
        total, page = self._page(flt, limit, offset)
        return total, [summary for _, summary in page]

    def _page(
        self, flt: EventFilter, limit: int, offset: int
    ) -> tuple[int, list[tuple[Event, EventSummary]]]:
        with self.store() as s:
            seqs = s.event_seqs(flt)
            page = seqs[offset : offset + limit]
            with self._lock:
                cached = {q: self._events[q] for q in page if q in self._events}
            missing = [q for q in page if q not in cached]
            if missing:
                found = {q: (ev, summarise(ev)) for q, ev in s.events_at(missing).items()}
                cached.update(found)
                with self._lock:
                    self._events.update(found)
                    while len(self._events) > EVENT_CACHE:
                        self._events.popitem(last=False)
        return len(seqs), [cached[q] for q in page if q in cached]

    def _cached(self, name: str, compute: Callable[[Store], T]) -> T:
        """``compute(store)``, recomputed only when the store has changed."""
        with self.store() as s:
            version = s.version()
            with self._lock:
                hit = self._memo.get(name)
            if hit is not None and hit[0] == version:
                return cast(T, hit[1])
            value = compute(s)
            with self._lock:
                self._memo[name] = (version, value)
            return value

    def event_data(self, event_id: str) -> EventData:
        with self.store() as s:
            ev = s.event(event_id)
            if ev is None:
                raise NotFound(f"no event with id {event_id!r}")
            ids = list(ev.articles)
            return EventData(ev, s.article_rows(ids), s.claims_of(articles=ids),
                             s.relations_of(ids))

    def article_data(self, article_id: str) -> ArticleData:
        with self.store() as s:
            art = s.article(article_id)
            if art is None:
                raise NotFound(f"no article with id {article_id!r}")
            rels = [r for r in s.relations_of([article_id], both=False) if r.kind != "independent"]
            others = {i for r in rels for i in (r.a, r.b, r.original) if i and i != article_id}
            return ArticleData(
                art, s.claims_of(articles=[article_id]), rels, s.events_of_article(article_id),
                s.article_rows(sorted(others)),
            )

    def articles(self, q: str | None, limit: int, offset: int) -> tuple[int, list[ArticleRow]]:
        with self.store() as s:
            return s.search_articles(q, limit=limit, offset=offset)

    def claims(
        self, *, article: str | None, event: str | None, measure: str | None, limit: int,
        offset: int,
    ) -> tuple[int, list[Claim]]:
        with self.store() as s:
            ids: list[str] | None = None
            if event is not None:
                ev = s.event(event)
                if ev is None:
                    raise NotFound(f"no event with id {event!r}")
                ids = list(ev.articles)
            if article is not None:
                ids = [article] if ids is None or article in ids else []
            total = s.count_claims(articles=ids, measure=measure)
            return total, s.claims_of(articles=ids, measure=measure, limit=limit, offset=offset)

    def stats(self) -> dict[str, int]:
        return self._cached("stats", lambda s: s.stats())

    def event_kinds(self) -> list[str]:
        return self._cached("kinds", lambda s: s.event_kinds())

    # --- exports -----------------------------------------------------------------------

    def report_of(self, events: Sequence[Event]) -> Report:
        """A :class:`Report` of exactly these events: their articles, claims and the
        relations between their articles (what ``corroborate report`` would write)."""
        ids = list(dict.fromkeys(a for ev in events for a in ev.articles))
        with self.store() as s:
            arts = s.articles(ids)
            claims = s.claims_of(articles=ids)
            relations = s.relations_of(ids)
        return Report(
            generated=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            articles=tuple(arts),
            events=tuple(events),
            claims=tuple(claims),
            relations=tuple(relations),
        )

    def export(self, report: Report, fmt: str) -> str:
        from corroborate.report import render_csv, render_json, render_markdown

        renderers = {"json": render_json, "csv": render_csv, "md": render_markdown}
        return renderers[fmt](report)
