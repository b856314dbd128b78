"""A display-ready view of a :class:`~corroborate.model.Report`, shared by all renderers.

Everything here is plain data: the Markdown, HTML and CSV renderers only lay it out, so
they cannot disagree about what a period, a value or an article link is. Text from the
articles is kept raw; each renderer escapes it for its own format.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final, Generic, TypeVar

from corroborate.model import (
    Article,
    Claim,
    Event,
    Fact,
    Period,
    Place,
    Relation,
    Report,
    ValueSupport,
)
from corroborate.reconcile.rules import rule_parts
from corroborate.sequences import MadeOnRead

#: Aligned sentence pairs shown as evidence per relation.
MAX_EVIDENCE: Final = 3

_QUALIFIER_WORDS: Final = {
    "exact": "",
    "at_least": "at least",
    "more_than": "more than",
    "up_to": "up to",
    "less_than": "less than",
    "approximately": "about",
    "range": "range",
    "vague": "vague",
}


_UNSAFE_ID: Final = re.compile(r"[^A-Za-z0-9_-]+")
# A key anchor() keeps as it is (record ids: hex digits).
_SAFE_ID: Final = re.compile(r"[A-Za-z0-9_]+(?:-+[A-Za-z0-9_]+)*")


def anchor(prefix: str, key: str) -> str:
    """An HTML id safe in any attribute: ``anchor("claim", 'x"y') == "claim-x-y"``."""
    if _SAFE_ID.fullmatch(key):
        return f"{prefix}-{key}"
    return f"{prefix}-{_UNSAFE_ID.sub('-', key).strip('-') or 'x'}"


def plural(n: int, word: str) -> str:
    """``"1 report"``, ``"3 reports"``."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def format_period(period: Period) -> str:
    """Human period: resolved dates first, with the words the text used.

    >>> format_period(Period(kind="weekday", text="on Saturday", start="2026-01-31",
    ...                      end="2026-01-31"))
    '2026-01-31 (on Saturday)'
    >>> format_period(Period())
    'unstated'
    """
    if period.start or period.end:
        start, end = period.start or "?", period.end or "?"
        dates = start if start == end else f"{start} – {end}"
        return f"{dates} ({period.text})" if period.text else dates
    if period.text:
        return period.text
    return period.kind


def format_place(place: Place) -> str:
    """``"Quetta (Balochistan, PK)"``; a country is just its name."""
    if place.kind == "country" or not (place.admin1 or place.country):
        return place.name
    where = [p for p in (place.admin1 if place.admin1 != place.name else None, place.country) if p]
    return f"{place.name} ({', '.join(where)})" if where else place.name


def format_value(value: int | None, low: int | None, high: int | None, qualifier: str) -> str:
    """The number with its qualifier, from the structured fields (``"at least 92"``)."""
    if low is not None and high is not None and (qualifier == "range" or value is None):
        return f"{low}–{high}"
    if value is None:
        return "vague"
    words = _QUALIFIER_WORDS.get(qualifier, qualifier)
    return f"{words} {value}".strip() if words not in ("range", "vague") else str(value)


def format_estimate(low: int | None, best: int | None, high: int | None) -> str:
    """A fact's best figure with its credible range (``"12 (9–12)"``; ``"–"`` for none).

    >>> format_estimate(9, 12, 12), format_estimate(3, 3, 3), format_estimate(None, None, None)
    ('12 (9–12)', '3', '–')
    """
    if best is None:
        return "–"
    lo = best if low is None else low
    hi = best if high is None else high
    return str(best) if lo == hi == best else f"{best} ({lo}–{hi})"


# The views made per claim, value and fact write their own ``__init__`` and keep their
# fields read-only through ``Final``: see corroborate.buildinfo.
@dataclass(slots=True, init=False, unsafe_hash=True)
class ArticleRef:
    """A link to an article's entry in the report list."""

    id: Final[str]
    key: Final[str]
    anchor: Final[str]

    def __init__(self, id: str, key: str, anchor: str) -> None:
        self.id = id
        self.key = key
        self.anchor = anchor


@dataclass(slots=True, init=False, unsafe_hash=True)
class ClaimRef:
    """A link to a claim's sentence in the claims table."""

    id: Final[str]
    anchor: Final[str]
    article_key: Final[str]

    def __init__(self, id: str, anchor: str, article_key: str) -> None:
        self.id = id
        self.anchor = anchor
        self.article_key = article_key


@dataclass(slots=True, init=False, unsafe_hash=True)
class ArticleView:
    """One row of a report list."""

    ref: Final[ArticleRef]
    title: Final[str]
    outlet: Final[str]
    date: Final[str]
    source: Final[str]
    url: Final[str | None]  # only http(s) URLs; anything else would be a script vector in href

    def __init__(
        self,
        ref: ArticleRef,
        title: str,
        outlet: str,
        date: str,
        source: str,
        url: str | None,
    ) -> None:
        self.ref = ref
        self.title = title
        self.outlet = outlet
        self.date = date
        self.source = source
        self.url = url


@dataclass(slots=True, init=False, unsafe_hash=True)
class ValueView:
    """One distinct value of a fact, with who says it and where."""

    label: Final[str]  # the number with its hedge, as written ("at least 92")
    number: Final[str]  # the structured reading ("at least 92", "24–99")
    qualifier: Final[str]
    value: Final[int | None]
    low: Final[int | None]
    high: Final[int | None]
    claimants: Final[tuple[str, ...]]
    articles: Final[tuple[ArticleRef, ...]]
    claims: Final[tuple[ClaimRef, ...]]
    origins: Final[int]
    first_claim: Final[ClaimRef | None]

    def __init__(
        self,
        label: str,
        number: str,
        qualifier: str,
        value: int | None,
        low: int | None,
        high: int | None,
        claimants: tuple[str, ...],
        articles: tuple[ArticleRef, ...],
        claims: tuple[ClaimRef, ...],
        origins: int,
        first_claim: ClaimRef | None,
    ) -> None:
        self.label = label
        self.number = number
        self.qualifier = qualifier
        self.value = value
        self.low = low
        self.high = high
        self.claimants = claimants
        self.articles = articles
        self.claims = claims
        self.origins = origins
        self.first_claim = first_claim


@dataclass(slots=True, init=False, unsafe_hash=True)
class FactView:
    """One row of the fact sheet."""

    id: Final[str]
    measure: Final[str]
    group: Final[str]
    period: Final[str]
    period_start: Final[str]
    period_end: Final[str]
    scope: Final[str]
    conflict: Final[bool]
    values: Final[tuple[ValueView, ...]]
    low: Final[int | None]
    best: Final[int | None]
    high: Final[int | None]
    #: The rule that chose ``best`` (reconcile's words) and its note on partisan figures.
    rule: Final[str]
    rule_note: Final[str]

    def __init__(
        self,
        id: str,
        measure: str,
        group: str,
        period: str,
        period_start: str,
        period_end: str,
        scope: str,
        conflict: bool,
        values: tuple[ValueView, ...],
        low: int | None,
        best: int | None,
        high: int | None,
        rule: str,
        rule_note: str,
    ) -> None:
        self.id = id
        self.measure = measure
        self.group = group
        self.period = period
        self.period_start = period_start
        self.period_end = period_end
        self.scope = scope
        self.conflict = conflict
        self.values = values
        self.low = low
        self.best = best
        self.high = high
        self.rule = rule
        self.rule_note = rule_note

    @property
    def estimate(self) -> str:
        """Best figure and credible range, as :func:`format_estimate` writes them."""
        return format_estimate(self.low, self.best, self.high)


@dataclass(frozen=True, slots=True)
class PairView:
    """An aligned sentence pair: evidence that two articles share text."""

    a_text: str
    b_text: str
    similarity: float


@dataclass(frozen=True, slots=True)
class RelationView:
    """How article ``b`` relates to ``a`` ("near_copy"), and the evidence."""

    a: ArticleRef
    b: ArticleRef
    kind: str
    score: float
    original: ArticleRef | None
    credited: str
    evidence: tuple[PairView, ...]


@dataclass(slots=True, init=False, unsafe_hash=True)
class ClaimView:
    """One row of the claims table; the sentence split around the number."""

    id: Final[str]
    anchor: Final[str]
    article: Final[ArticleRef]
    section: Final[str]
    before: Final[str]
    number: Final[str]
    after: Final[str]
    measure: Final[str]
    group: Final[str]
    value: Final[str]
    number_text: Final[str]
    claimant: Final[str]
    period: Final[str]

    def __init__(
        self,
        id: str,
        anchor: str,
        article: ArticleRef,
        section: str,
        before: str,
        number: str,
        after: str,
        measure: str,
        group: str,
        value: str,
        number_text: str,
        claimant: str,
        period: str,
    ) -> None:
        self.id = id
        self.anchor = anchor
        self.article = article
        self.section = section
        self.before = before
        self.number = number
        self.after = after
        self.measure = measure
        self.group = group
        self.value = value
        self.number_text = number_text
        self.claimant = claimant
        self.period = period


@dataclass(slots=True, init=False, unsafe_hash=True)
class EventView:
    """One event: header, fact sheet, copies and reports."""

    id: Final[str]
    anchor: Final[str]
    title: Final[str]
    date: Final[str]
    places: Final[tuple[str, ...]]
    n_reports: Final[int]
    n_origins: Final[int]
    facts: Final[tuple[FactView, ...]]
    relations: Final[tuple[RelationView, ...]]
    articles: Final[tuple[ArticleView, ...]]

    def __init__(
        self,
        id: str,
        anchor: str,
        title: str,
        date: str,
        places: tuple[str, ...],
        n_reports: int,
        n_origins: int,
        facts: tuple[FactView, ...],
        relations: tuple[RelationView, ...],
        articles: tuple[ArticleView, ...],
    ) -> None:
        self.id = id
        self.anchor = anchor
        self.title = title
        self.date = date
        self.places = places
        self.n_reports = n_reports
        self.n_origins = n_origins
        self.facts = facts
        self.relations = relations
        self.articles = articles

    @property
    def conflicts(self) -> int:
        """How many facts are in conflict."""
        return sum(f.conflict for f in self.facts)

    @property
    def rules(self) -> list[str]:
        """The rules behind the facts' best figures, each once, in the facts' order."""
        return list(dict.fromkeys(f.rule for f in self.facts if f.best is not None and f.rule))


_In = TypeVar("_In")
_Out = TypeVar("_Out")


class LazyViews(MadeOnRead[_Out], Generic[_In, _Out]):
    """Views made from records each time they are read, never all held at once.

    A report of 100k articles has about 450k claims; held all at once while every format
    was written, their table rows (each with its sentence cut in three) took about 250 MB.
    The rows are cheap to make, so each renderer makes its own.

    >>> rows = LazyViews([1, 2, 3], str)
    >>> len(rows), list(rows), rows[-1], bool(LazyViews([], str))
    (3, ['1', '2', '3'], '3', False)
    """

    __slots__ = ("_items", "_make")

    def __init__(self, items: Sequence[_In], make: Callable[[_In], _Out]) -> None:
        self._items = items
        self._make = make

    def __len__(self) -> int:
        return len(self._items)

    def _item(self, i: int) -> _Out:
        return self._make(self._items[i])


@dataclass(frozen=True, slots=True)
class ReportView:
    """The whole report, ready to lay out."""

    schema: str
    generated: str
    events: tuple[EventView, ...]
    other_articles: tuple[ArticleView, ...]
    other_relations: tuple[RelationView, ...]
    claims: Sequence[ClaimView]  # made as they are read (:class:`LazyViews`)
    n_articles: int


def split_claim(claim: Claim) -> tuple[str, str, str]:
    """The sentence as (before, number, after), using ``number_span`` relative to ``span``.

    Falls back to finding ``number_text`` in the sentence when the offsets don't fit.
    """
    text = claim.text
    lo = claim.number_span.start - claim.span.start
    hi = claim.number_span.end - claim.span.start
    if not (0 <= lo < hi <= len(text)):
        at = text.find(claim.number_text) if claim.number_text else -1
        if at < 0:
            return text, "", ""
        lo, hi = at, at + len(claim.number_text)
    return text[:lo], text[lo:hi], text[hi:]


class _Refs:
    """Resolves article ids (or keys) to display keys and anchors."""

    def __init__(self, articles: tuple[Article, ...]) -> None:
        self.by_id: dict[str, ArticleRef] = {}
        self.by_key: dict[str, ArticleRef] = {}
        used: set[str] = set()
        for art in articles:
            a = anchor("article", art.key)
            if a in used:  # two articles with one key: disambiguate by id
                a = anchor("article", f"{art.key}-{art.id}")
            used.add(a)
            ref = ArticleRef(art.id, art.key, a)
            self.by_id[art.id] = ref
            self.by_key.setdefault(art.key, ref)

    def get(self, ident: str) -> ArticleRef:
        """The ref for an article id or key; an unknown one still gets a (dead) anchor."""
        return (
            self.by_id.get(ident)
            or self.by_key.get(ident)
            or ArticleRef(ident, ident, anchor("article", ident))
        )


def _article_view(art: Article, ref: ArticleRef) -> ArticleView:
    url = art.url if art.url and re.match(r"(?i)https?://", art.url) else None
    return ArticleView(
        ref=ref,
        title=art.title or "",
        outlet=art.outlet or "",
        date=art.date or "",
        source=art.source,
        url=url,
    )


def _value_view(v: ValueSupport, refs: _Refs, claims: dict[str, Claim]) -> ValueView:
    crefs = tuple(
        ClaimRef(
            cid, anchor("claim", cid), refs.get(claims[cid].article).key if cid in claims else ""
        )
        for cid in v.claims
    )
    return ValueView(
        label=v.number_text or format_value(v.value, v.low, v.high, v.qualifier),
        number=format_value(v.value, v.low, v.high, v.qualifier),
        qualifier=v.qualifier,
        value=v.value,
        low=v.low,
        high=v.high,
        claimants=v.claimants,
        articles=tuple(refs.get(a) for a in v.articles),
        claims=crefs,
        origins=v.origins,
        first_claim=next((c for c in crefs if c.id in claims), None),
    )


def _fact_view(f: Fact, refs: _Refs, claims: dict[str, Claim]) -> FactView:
    rule, note = rule_parts(f.rule)
    return FactView(
        id=f.id,
        measure=f.measure,
        group=f.group,
        period=format_period(f.period),
        period_start=f.period.start or "",
        period_end=f.period.end or "",
        scope=f.scope or "",
        conflict=f.conflict,
        values=tuple(_value_view(v, refs, claims) for v in f.values),
        low=f.low,
        best=f.best,
        high=f.high,
        rule=rule,
        rule_note=note,
    )


def _relation_view(r: Relation, refs: _Refs) -> RelationView:
    pairs = sorted(r.evidence, key=lambda p: -p.similarity)[:MAX_EVIDENCE]
    return RelationView(
        a=refs.get(r.a),
        b=refs.get(r.b),
        kind=r.kind,
        score=r.score,
        original=refs.get(r.original) if r.original else None,
        credited=r.credited or "",
        evidence=tuple(PairView(p.a_text, p.b_text, p.similarity) for p in pairs),
    )


def _claim_view(c: Claim, refs: _Refs) -> ClaimView:
    before, number, after = split_claim(c)
    return ClaimView(
        id=c.id,
        anchor=anchor("claim", c.id),
        article=refs.get(c.article),
        section=c.section,
        before=before,
        number=number,
        after=after,
        measure=c.measure,
        group=c.group,
        value=format_value(c.value, c.low, c.high, c.qualifier),
        number_text=c.number_text,
        claimant=c.claimant or "",
        period=format_period(c.period),
    )


def _event_view(
    ev: Event,
    refs: _Refs,
    claims: dict[str, Claim],
    arts: list[ArticleView],
    rels: list[Relation],
) -> EventView:
    rels_view = tuple(_relation_view(r, refs) for r in rels)
    return EventView(
        id=ev.id,
        anchor=anchor("event", ev.id),
        title=ev.title,
        date=ev.date or "",
        places=tuple(dict.fromkeys(format_place(p) for p in ev.places)),
        n_reports=len(ev.articles),
        n_origins=len(ev.origin_groups),
        facts=tuple(_fact_view(f, refs, claims) for f in ev.facts),
        relations=rels_view,
        articles=tuple(arts),
    )


def build_view(report: Report) -> ReportView:
    """Everything the renderers show, in display order.

    >>> from corroborate.model import Report
    >>> build_view(Report(generated="2026-02-01T00:00:00Z", articles=(), events=(),
    ...                   claims=())).n_articles
    0
    """
    refs = _Refs(report.articles)
    claims = {c.id: c for c in report.claims}
    # Indexed once (not scanned per event): which events hold each article, in order.
    events_of: dict[str, list[int]] = {}
    for i, ev in enumerate(report.events):
        for a in dict.fromkeys(refs.get(x).id for x in ev.articles):
            events_of.setdefault(a, []).append(i)
    ev_arts: list[list[ArticleView]] = [[] for _ in report.events]
    others_list: list[ArticleView] = []
    for art in report.articles:  # an article's anchor appears once, under its first event
        view = _article_view(art, refs.get(art.id))
        first = events_of.get(art.id)
        (ev_arts[first[0]] if first else others_list).append(view)
    ev_rels: list[list[Relation]] = [[] for _ in report.events]
    other_rels_list: list[Relation] = []
    for r in report.relations:
        if r.kind == "independent":
            continue
        b_events = set(events_of.get(refs.get(r.b).id, ()))
        shared = [i for i in events_of.get(refs.get(r.a).id, ()) if i in b_events]
        for i in shared:
            ev_rels[i].append(r)
        if not shared:  # copies between articles no single event holds both of
            other_rels_list.append(r)
    events = tuple(
        _event_view(ev, refs, claims, ev_arts[i], ev_rels[i]) for i, ev in enumerate(report.events)
    )
    others = tuple(others_list)
    other_rels = tuple(_relation_view(r, refs) for r in other_rels_list)
    order = {a.id: i for i, a in enumerate(report.articles)}

    def position(c: Claim) -> tuple[int, bool, int, int]:
        idx = order.get(refs.get(c.article).id, len(order))
        return idx, c.section != "title", c.span.start, c.number_span.start

    return ReportView(
        schema=report.schema_,
        generated=report.generated,
        events=events,
        other_articles=others,
        other_relations=other_rels,
        claims=LazyViews(sorted(report.claims, key=position), lambda c: _claim_view(c, refs)),
        n_articles=len(report.articles),
    )
