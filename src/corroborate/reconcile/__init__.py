"""Stage: reconcile. Claims about the same quantity become one fact, values side by side.

    >>> from corroborate.model import Article, Event
    >>> from corroborate.claims import extract_claims
    >>> a = Article.create("The army said 12 militants were killed.", "a.txt")
    >>> b = Article.create("Rebels said only 3 fighters were killed.", "b.txt")
    >>> claims = extract_claims(a) + extract_claims(b)
    >>> ev = Event(id="ev-1", title="demo", articles=(a.id, b.id))
    >>> ev, _ = reconcile_event(ev, {a.id: a, b.id: b}, claims, [])
    >>> [(f.measure, f.group, [v.value for v in f.values], f.conflict) for f in ev.facts]
    [('killed', 'militants', [12, 3], True)]

A fact is keyed by (measure, top-level group, period, scope). Its values are the distinct
figures; each keeps its claimants, articles, claims and the number of independent origins
(origin groups from provenance: copies count once). Two values conflict unless one is a
range (vague, approximate, explicit range) that contains the other.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from corroborate.claims.lexicon import top_group as top_group  # (public here too)
from corroborate.claims.period import as_day, resolve
from corroborate.model import (
    Article,
    Claim,
    Event,
    Fact,
    Relation,
    TimelinePoint,
    ValueSupport,
    content_id,
    shared,
    unchecked,
)
from corroborate.provenance import origin_groups
from corroborate.reconcile.arithmetic import find_relations as find_arithmetic
from corroborate.reconcile.rules import RuleSettings, estimate
from corroborate.reconcile.sides import is_partisan
from corroborate.reconcile.statements import find_statements

# A fact's records, built without validation from the claims' typed values.
_make_point = unchecked(TimelinePoint)
_make_support = unchecked(ValueSupport)
_make_fact = unchecked(Fact)

# A figure told as an update of an earlier one ("the death toll rose to 15"). Searched in
# the lower-cased sentence: without IGNORECASE the engine skips to the words' first letters
# (half the time). (IGNORECASE also read "ſ" and "ı" as s and i; ``str.lower`` does not.)
_UPDATE: Final = re.compile(r"\b(?:rose|risen|climbed|increased|jumped|reached|now stands)\b")
MEASURE_ORDER: Final = [
    "killed",
    "injured",
    "kidnapped",
    "captured",
    "arrested",
    "freed",
    "missing",
    "displaced",
    "places_attacked",
]
_HEDGED_FIRST: Final = {
    "at_least": 0,
    "more_than": 1,
    "approximately": 2,
    "up_to": 3,
    "less_than": 4,
    "range": 5,
    "vague": 6,
    "exact": 7,
}


def event_day(claims: Sequence[Claim], articles: Mapping[str, Article]) -> dt.date | None:
    """The day most explicitly dated figures point to, none after the first report's
    publication; else the earliest publication day."""
    pubs = [a.pub_date for a in (articles.get(c.article) for c in claims) if a and a.pub_date]
    fallback = max(pubs) if pubs else None
    days: Counter[dt.date] = Counter()
    for c in claims:
        if c.parts_of is not None:
            continue  # a part is told in its total's words: one vote between them
        day = as_day(c.period)
        if day.kind in ("weekday", "date"):
            art = articles.get(c.article)
            resolved = resolve(day, pub=(art.pub_date if art else None) or fallback, event_day=None)
            if resolved.start and resolved.start == resolved.end:  # a day, not a month
                days[dt.date.fromisoformat(resolved.start)] += 1
    first = min((a.pub_date for a in articles.values() if a.pub_date), default=None)
    if first is not None:  # nothing happens after its first report (as in the events stage)
        days = Counter({d: n for d, n in days.items() if d <= first})
    if days:
        top = max(days.values())
        return max(d for d, n in days.items() if n == top)
    return first


def reconcile_event(
    event: Event,
    articles: Mapping[str, Article],
    claims: Sequence[Claim],
    relations: Sequence[Relation],
    settings: RuleSettings | None = None,
) -> tuple[Event, list[Claim]]:
    """Facts for one event; returns the event with facts and its claims with resolved periods."""
    settings = settings or RuleSettings()
    wanted = set(event.articles)
    mine = [c for c in claims if c.article in wanted]
    members = {k: v for k in event.articles if (v := articles.get(k)) is not None}
    # The events stage votes over every dated mention of its members (measured more often
    # right on gva than the claims alone); fall back to the claims when it could not.
    if event.date and event.date_precision == "day":
        day: dt.date | None = dt.date.fromisoformat(event.date)
    else:
        day = event_day(mine, members)
    pubs = [a.pub_date for a in members.values() if a.pub_date]
    latest = max(pubs) if pubs else None
    resolved: list[Claim] = []
    aliases = claimant_aliases(c.claimant_key for c in mine)
    for c in mine:
        art = members.get(c.article)
        pub = (art.pub_date if art else None) or latest
        period = shared(resolve(c.period, pub=pub, event_day=day))
        update: dict[str, object] = {"period": period}
        if c.claimant_key in aliases:
            update["claimant_key"] = aliases[c.claimant_key]
        resolved.append(c.model_copy(update=update))
    main_town = _main_town(resolved)
    resolved = [
        c.model_copy(update={"scope": None}) if c.scope and c.scope == main_town else c
        for c in resolved
    ]
    groups = origin_groups(list(event.articles), relations)
    origin_of = {aid: i for i, g in enumerate(groups) for aid in g}
    buckets: dict[tuple[str, str, str, str | None], list[Claim]] = defaultdict(list)
    by_id = {c.id: c for c in resolved}
    listed = _listed_apart(resolved)
    for c in resolved:
        group = c.group if c.id in listed else _fact_group(c, by_id)
        buckets[(c.measure, group, c.period.key, c.scope)].append(c)
    _fold_people_into_civilians(buckets)
    facts = [
        _fact(event.id, key, cs, origin_of, members, settings)
        for key, cs in sorted(
            buckets.items(),
            key=lambda kv: (
                _measure_rank(kv[0][0]),
                kv[0][3] is not None,
                -len({c.article for c in kv[1]}),
                kv[0][1],
                kv[0][2],
            ),
        )
    ]
    updated = event.model_copy(
        update={
            "facts": tuple(facts),
            "date": day.isoformat() if day else event.date,
            "origin_groups": tuple(tuple(g) for g in groups),
            "relations": tuple(find_arithmetic(facts, by_id)),
            "statements": tuple(find_statements(list(members.values()))),
        }
    )
    return updated, resolved


def _listed_apart(claims: Sequence[Claim]) -> set[str]:
    """Ids of claims one sentence lists beside another of the same measure whose group has
    the same parent: "three prison guards and a soldier were killed" are 3 `security_forces`
    and 1 `soldiers`, two facts, not rival figures of one."""
    by_sentence: dict[tuple[str, str, int, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.parts_of is None:
            by_sentence[(c.article, c.section, c.span.start, c.measure)].append(c)
    out: set[str] = set()
    for same in by_sentence.values():
        if len(same) < 2:
            continue
        tops: dict[str, set[str]] = defaultdict(set)
        for c in same:
            tops[top_group(c.group)].add(c.group)
        out.update(c.id for c in same if len(tops[top_group(c.group)]) > 1)
    return out


def _fact_group(claim: Claim, by_id: Mapping[str, Claim]) -> str:
    """The group a fact is keyed by.

    A named part of a total of the same group ("92 militants, including three suicide
    attackers") is a subset, not a rival figure: it gets a fact of its own.
    """
    group = top_group(claim.group)
    parent = by_id.get(claim.parts_of) if claim.parts_of else None
    if parent is not None and top_group(parent.group) == group and claim.group_text:
        return f"{group} ({claim.group_text.lower()})"
    return group


_PLAIN_PLURALS: Final = frozenset(["", "others", "people", "persons", "civilians", "residents"])


def claimant_aliases(keys: Iterable[str | None]) -> dict[str, str]:
    """Short claimant keys that name, within one event, a claimant told in full elsewhere:
    "Lysak" is "Serhiy Lysak", "the service" is "the State Emergency Service" when exactly
    one key ends with that word. Plural words ("officials") stay as they are: they name a
    kind of source, not one.

        >>> claimant_aliases(["serhiy_lysak", "lysak", "service", "state_emergency_service"])
        {'lysak': 'serhiy_lysak', 'service': 'state_emergency_service'}
    """
    known = {k for k in keys if k}
    out: dict[str, str] = {}
    for key in sorted(known):
        if "_" in key or key.endswith("s"):
            continue
        longer = [k for k in known if k.endswith("_" + key)]
        if len(longer) == 1:
            out[key] = longer[0]
    return out


def _fold_people_into_civilians(
    buckets: dict[tuple[str, str, str, str | None], list[Claim]],
) -> None:
    """ "48 others injured, including six children" (civilians) and, a day later, "the number
    of injured rose to 53" (people): where civilians, told as a plain plural, are the only
    group a quantity is told for, its figures for "people" are the same quantity, not a fact
    of their own. ("A 54-year-old man was killed" is one civilian, not the toll.)"""
    plain: dict[tuple[str, str, str | None], set[str]] = defaultdict(set)
    for measure, group, period, scope in buckets:
        if "(" not in group:
            plain[(measure, period, scope)].add(group)
    for (measure, period, scope), groups in plain.items():
        if groups == {"people", "civilians"} and all(
            c.group_text.lower() in _PLAIN_PLURALS
            for c in buckets[(measure, "civilians", period, scope)]
        ):
            moved = buckets.pop((measure, "people", period, scope))
            buckets[(measure, "civilians", period, scope)].extend(moved)


def _main_town(claims: Sequence[Claim]) -> str | None:
    """The town an event happens in, when one dominates: a scope to it is no narrowing."""
    towns = Counter(p.name for c in claims for p in c.places if p.kind in ("city", "admin2"))
    if not towns:
        return None
    name, n = towns.most_common(1)[0]
    return name if n >= 2 and n * 2 >= sum(towns.values()) else None


def _measure_rank(measure: str) -> int:
    return MEASURE_ORDER.index(measure) if measure in MEASURE_ORDER else len(MEASURE_ORDER)


def _value_key(c: Claim) -> tuple[str, int | None, int | None]:
    if c.qualifier == "vague":
        return ("vague", c.low, c.high)
    if c.qualifier == "range":
        return ("range", c.low, c.high)
    return ("n", c.value, None)


def _fact(
    event_id: str,
    key: tuple[str, str, str, str | None],
    claims: list[Claim],
    origin_of: Mapping[str, int],
    articles: Mapping[str, Article],
    settings: RuleSettings,
) -> Fact:
    measure, group, _, scope = key
    by_value: dict[tuple[str, int | None, int | None], list[Claim]] = defaultdict(list)
    for c in claims:
        by_value[_value_key(c)].append(c)
    values = [_support(cs, origin_of, articles, group) for cs in by_value.values()]
    values.sort(key=lambda v: (-v.origins, -len(v.articles), v.value is None, -(v.value or 0)))
    groups = {c.group for c in claims}
    est = estimate(values, settings)
    timeline = sorted(
        (
            _make_point(
                published=articles[c.article].date if c.article in articles else None,
                value=c.value,
                number_text=c.number_text,
                article=c.article,
                claim=c.id,
            )
            for c in claims
        ),
        key=lambda t: (t.published is None, t.published or ""),
    )
    return _make_fact(
        id=content_id(event_id, *(k or "" for k in key)),
        measure=measure,
        group=groups.pop() if len(groups) == 1 and "(" not in group else group,
        period=claims[0].period,
        scope=scope,
        values=tuple(values),
        conflict=_conflict(values),
        low=est.low,
        best=est.best,
        high=est.high,
        rule=est.rule,
        timeline=tuple(timeline),
    )


def _support(
    claims: list[Claim], origin_of: Mapping[str, int], articles: Mapping[str, Article], group: str
) -> ValueSupport:
    per_qual: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    for c in claims:
        if (c.article, c.qualifier) not in seen:
            seen.add((c.article, c.qualifier))
            per_qual[c.qualifier] += 1
    qualifier = min(per_qual, key=lambda q: (-per_qual[q], _HEDGED_FIRST.get(q, 9)))
    rep = next(c for c in claims if c.qualifier == qualifier)
    article_ids = list(dict.fromkeys(c.article for c in claims))
    dates = [d for d in (articles[a].date if a in articles else None for a in article_ids) if d]
    # One spelling per claimant: "Police" and "police" are the same words.
    claimants = list({c.claimant.lower(): c.claimant for c in claims if c.claimant}.values())
    keys = list(dict.fromkeys(c.claimant_key for c in claims if c.claimant_key))
    return _make_support(
        value=rep.value,
        low=rep.low,
        high=rep.high,
        qualifier=rep.qualifier,
        number_text=rep.number_text,
        claimants=tuple(claimants),
        claimant_keys=tuple(keys),
        articles=tuple(article_ids),
        claims=tuple(c.id for c in claims),
        origins=len({origin_of.get(a, -i - 1) for i, a in enumerate(article_ids)}),
        partisan=any(is_partisan(c.claimant_key, c.claimant, group) for c in claims),
        first_published=min(dates) if dates else None,
        updated=any(_UPDATE.search(c.text.lower()) for c in claims),
    )


def compatible(a: ValueSupport, b: ValueSupport) -> bool:
    """Whether two reported values can both be right ("about 10" and 11; "dozens" and 84)."""
    if a.value is not None and a.value == b.value:
        return True
    for x, y in ((a, b), (b, a)):
        if x.qualifier in ("vague", "approximately", "range", "up_to", "less_than"):
            lo = x.low if x.low is not None else 0
            hi = x.high if x.high is not None else 10**12
            if y.value is not None and lo <= y.value <= hi:
                return True
            if y.value is None and y.low is not None and lo <= y.low <= hi:
                return True
    return False


def _conflict(values: list[ValueSupport]) -> bool:
    return any(not compatible(a, b) for i, a in enumerate(values) for b in values[i + 1 :])


def event_counts(
    event: Event,
    claims: Sequence[Claim],
    measures: tuple[str, ...] = ("killed", "injured"),
) -> dict[str, int]:
    """One number per measure for an event, as an incident dataset row needs it.

    Each report's own figure comes from :func:`~corroborate.claims.counts.article_counts`;
    the event's is the figure backed by the most independent origins (copies count once),
    ties going to a figure from a report that tallies its incident (a headline or first
    sentence that numbers both the dead and the hurt; measured on gva, injured 0.7878 to
    0.7883), then to the smaller: conservative, and on gva right more often than the larger
    (0.852 against 0.842 for killed, 0.774 against 0.753 injured), because a report's
    misread figure more often adds people than drops them. Reports that state
    nothing for a measure do not vote.

        >>> from corroborate import analyse
        >>> from corroborate.model import Article
        >>> rep = analyse([Article.create("Police said 3 people were killed and the gunman "
        ...                               "was shot dead.", "a.txt")])
        >>> event_counts(rep.events[0], rep.claims)
        {'killed': 4, 'injured': 0}
    """
    from corroborate.claims.counts import article_counts, report_tally

    members = set(event.articles)
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.article in members:
            by_article[c.article].append(c)
    origin = {a: i for i, group in enumerate(event.origin_groups) for a in group}
    out: dict[str, int] = {}
    tallied = {aid for aid, cs in by_article.items() if report_tally(cs) is not None}
    for measure in measures:
        votes: dict[int, set[int]] = defaultdict(set)
        tally: dict[int, set[int]] = defaultdict(set)
        for i, aid in enumerate(event.articles):
            stated = [c for c in by_article.get(aid, ()) if c.measure == measure]
            if not stated:
                continue  # silence is no figure: measured on gva, letting it vote 0 is worse
            # All of the report's claims: its injured are read against its dead.
            value = article_counts(by_article[aid], measures=(measure,))[measure]
            votes[value].add(origin.get(aid, -1 - i))
            if aid in tallied:
                tally[value].add(origin.get(aid, -1 - i))
        out[measure] = (
            max(votes, key=lambda v: (len(votes[v]), len(tally[v]), -v)) if votes else 0
        )
    return out
