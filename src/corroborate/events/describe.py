"""What an event is called, when and where it happened, and what kind of event it is.

Built from the member reports only:

* **title**: the headline most representative of the event (the one sharing the most
  distinctive words with the other headlines), with outlet tails (" - WMC Action News 5")
  cut; without headlines, the lede of the most representative report. Trimmed to about
  ``TITLE_CHARS`` characters at a word boundary.
* **date**: the day most reports' dated mentions vote for ("day" precision); when no
  report dates the incident, the earliest publication day ("publication" precision).
* **places**: every place named, the most specific place most reports share first: towns
  named by at least half as many reports as the best-supported place come first (town
  before district before province before country), then the rest by support; a name
  the reports read two ways is read the way the surest of them read it.
* **type**: the event type the member reports' headlines and ledes name most.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from corroborate.events.features import Features, clean_headline
from corroborate.events.kinds import best_type
from corroborate.events.scoring import place_key
from corroborate.model import Place
from corroborate.provenance.features import sentence_words

TITLE_CHARS: Final = 100
_SPECIFIC: Final = {"city": 0, "admin2": 1, "region": 2, "admin1": 3, "country": 4, "unknown": 5}


@dataclass(frozen=True, slots=True)
class Member:
    """What :func:`describe` needs of one member report."""

    article_id: str
    headline: str | None
    lede: str
    features: Features


def trim(text: str, limit: int = TITLE_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:-")
    return cut + "…"


def _representative(texts: Sequence[str]) -> int:
    """Index of the text sharing the most words with the others (ties: the first)."""
    if len(texts) <= 2:
        return 0
    bags = [set(sentence_words(t)) for t in texts]
    df = Counter(w for b in bags for w in b)
    scores = [sum(df[w] - 1 for w in b) / (1 + len(b)) ** 0.5 for b in bags]
    top = max(scores)
    return scores.index(top)


def title_of(members: Sequence[Member]) -> str:
    heads = [clean_headline(m.headline) for m in members if m.headline and m.headline.strip()]
    if heads:
        return trim(heads[_representative(heads)])
    ledes = [m.lede for m in members if m.lede]
    if ledes:
        return trim(ledes[_representative(ledes)])
    return "untitled event"


def date_of(
    members: Sequence[Member],
) -> tuple[str | None, Literal["day", "publication"] | None]:
    """(ISO day, precision) by vote of the members' dated mentions, no later than the first
    report's publication day (else that day, at ``publication`` precision)."""
    votes: dict[str, float] = {}
    for m in members:
        f = m.features
        if f.precision == "day" and f.days:
            total = sum(f.days.values())
            # One vote per report, spread over its days; less when its mentions are weak
            # (one in the tenth sentence, or one that dates a statement).
            share = min(1.0, total)
            for day, w in f.days.items():
                votes[day] = votes.get(day, 0.0) + share * w / total
            assert f.day is not None
            votes[f.day] = votes.get(f.day, 0.0) + share  # and its own best reading again
    pubs = sorted(m.features.pub for m in members if m.features.pub)
    if votes and pubs:
        # Nothing happens after its first report: a later day is a follow-up's own news
        # ("expected to turn herself in Wednesday") or a misread weekday.
        votes = {d: v for d, v in votes.items() if d <= pubs[0]}
        if not votes:
            return pubs[0], "publication"
    if votes:
        top = max(votes.values())
        return min(d for d, v in votes.items() if v >= top - 1e-9), "day"
    if pubs:
        return pubs[0], "publication"
    return None, None


#: A place in a report's headline counts this many times a place named only in its body.
HEADLINE_SUPPORT: Final = 2.0


def places_of(members: Sequence[Member]) -> tuple[Place, ...]:
    """Every place the members name, the most specific well-supported coherent one first.

    Support: each report counts a place once, or ``HEADLINE_SUPPORT`` times when its
    headline names it. The event's region is the first-level division (else the country)
    with the most support, a town voting for its own; places outside it come last (a
    namesake town in another state is more likely a misreading than the scene).
    """
    # (Weights are fractional: plain dicts, as a Counter's values are typed int.)
    support: dict[str, float] = {}
    chosen: dict[str, Place] = {}
    sense = _one_sense(members)
    for m in members:
        weights: dict[str, float] = {}
        for places, w in ((m.features.title_places, HEADLINE_SUPPORT), (m.features.places, 1.0)):
            for p in places:
                if p.kind in ("city", "admin2"):
                    p = sense.get(p.mention.casefold(), p)
                k = place_key(p)
                chosen.setdefault(k, p)
                weights[k] = max(weights.get(k, 0.0), w)
        for k, w in weights.items():
            support[k] = support.get(k, 0.0) + w
    if not chosen:
        return ()
    region: dict[tuple[str | None, str | None], float] = {}
    for k, p in chosen.items():
        if p.country:
            key = (p.country, p.admin1 if p.kind != "country" else None)
            region[key] = region.get(key, 0.0) + support[k]
    countries: dict[str | None, float] = {}
    for (country, _), n in region.items():
        countries[country] = countries.get(country, 0.0) + n
    home_country = max(countries, key=lambda c: countries[c]) if countries else None
    admins = {a: n for (c, a), n in region.items() if c == home_country and a}
    home_admin = max(admins, key=lambda a: admins[a]) if admins else None
    fits = {k: _coherent(p, home_country, home_admin) for k, p in chosen.items()}
    order = {k: n for n, k in enumerate(chosen)}
    top = (
        max(support[k] for k in chosen if fits[k])
        if any(fits.values())
        else max(support.values())
    )
    # (Key functions, not nested ``def``s: compiled, a nested function is kept in its
    # enclosing call's environment, which it refers back to: a reference cycle per event
    # that only the cyclic collector frees, and the pipeline pauses it.)
    return tuple(
        chosen[k]
        for k in sorted(
            chosen,
            key=lambda k: (
                0 if fits[k] else 1,
                0 if support[k] * 2 >= top else 1,
                _SPECIFIC.get(chosen[k].kind, 5),
                -support[k],
                order[k],
            ),
        )
    )


def _coherent(p: Place, home_country: str | None, home_admin: str | None) -> bool:
    """Whether a place lies in the event's country and first-level division."""
    if home_country is None or p.country is None:
        return p.lat is not None
    if p.country != home_country:
        return False
    return p.kind == "country" or home_admin is None or p.admin1 == home_admin


def _one_sense(members: Sequence[Member]) -> dict[str, Place]:
    """One place for each town or county name the members read two ways: the reading one
    of them was surest of ("Wilmington, Del." in one report makes the others' "Wilmington"
    Delaware's). A name read two ways with equal confidence is left as read."""
    readings: dict[str, dict[str, Place]] = {}
    for m in members:
        for p in m.features.places:
            if p.kind in ("city", "admin2"):
                readings.setdefault(p.mention.casefold(), {}).setdefault(place_key(p), p)
    sense: dict[str, Place] = {}
    for name, found in readings.items():
        if len(found) < 2:
            continue
        ranked = sorted(found.values(), key=lambda p: -p.confidence)
        if ranked[0].confidence > ranked[1].confidence:
            sense[name] = ranked[0]
    return sense


def type_of(members: Sequence[Member]) -> str | None:
    scores: Counter[str] = Counter()
    for m in members:
        scores.update(m.features.kind_scores)
    return best_type(scores)
