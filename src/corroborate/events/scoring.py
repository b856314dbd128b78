"""How strongly two reports look like one incident: signals and their log-odds weights.

Each pair of articles gets a few *signals*, each between 0 and 1 (or a count of days), and
a link probability ``p = sigmoid(bias + sum(weight * signal))``:

=============  ==========================================================================
signal         meaning
=============  ==========================================================================
``text``       TF-IDF cosine of the stemmed content words of headline and body
``title``      TF-IDF cosine of the two headlines
``names``      IDF-weighted cosine of the capitalised names (victims, suspects, venues)
``streets``    IDF-weighted cosine of street names ("Gallier Street")
``other_streets`` 1 when both name streets and share none (two scenes, not one)
``places``     IDF-weighted cosine of the towns and districts named
``figures``    IDF-weighted cosine of the (measure, value) figures ("killed 4")
``day_agree``  1 when the two reports date the incident to a common day
``day_gap``    ``log(1 + days)`` between their incident days when they share none
``far``        1 when their main towns lie more than ``far_km`` apart
=============  ==========================================================================

IDF is what makes the signals mean something: sharing "Chicago" or "killed 1" is weak
evidence, sharing "Bunny Friend Park" or "killed 17" is strong. It is counted over the
articles seen so far plus a fixed background in which generic news words are common, so a
batch of two reports already knows that "police" and "said" say little.

Paragraphs that recur in more than ``boilerplate_docs`` reports are page furniture
("Please enable JavaScript to watch this video"): their words count ``(boilerplate_docs /
n) ** 2`` of a normal paragraph's and their names not at all, so a page that is all
furniture but its headline is compared by its headline. Reports that are copies of each
other share all their paragraphs, so the weight scales them alike and their cosine stays.
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from corroborate.events.dates import days_between
from corroborate.events.features import Features
from corroborate.model import Place

#: Words any news report may use whatever happened: the fixed IDF background.
GENERIC_NEWS_WORDS = frozenset(
    """people person police officer official authority government minister spokesperson
    spokesman spokeswoman statement report reporter news told according killed kill dead
    death died injured wounded hurt attack attacked incident day week month year time
    morning afternoon evening night today yesterday monday tuesday wednesday thursday
    friday saturday sunday city town village province district region country area local
    national state public security force forces group member many several least number
    called added including following later earlier early late first second third last
    new old large small major main number total part side hospital scene site
    investigation inquiry case condition continue continued confirmed comment
    immediately yet still already since another among within around near across
    shot shooting shootings gun gunman gunfire fire fired victim suspect man woman men
    women year-old boy girl child children teen teenager family home house street car
    vehicle officers department sheriff deputy county""".split()
)

#: Channels of discrete keys counted for IDF.
CHANNELS = ("text", "names", "streets", "places", "figures")

SIGNALS = (
    "text",
    "title",
    "names",
    "streets",
    "other_streets",
    "places",
    "figures",
    "day_agree",
    "day_gap",
    "far",
)

#: Terms kept per text vector: the heaviest ones (bounds memory and time per pair).
MAX_TERMS = 400

#: Place kinds that locate an incident (a country or province is too wide to).
LOCAL_KINDS = frozenset({"city", "admin2"})


@dataclass(frozen=True, slots=True)
class Weights:
    """Log-odds weights of the link probability (see module docstring).

    Estimated by logistic regression of "same incident" on the signals of the candidate
    pairs blocking finds in the GVA development set (3,404 reports of US shootings), and
    rounded: ``python benchmarks/bench_events.py --fit gva``. Checked, not fitted, on ECB+
    (other kinds of events) — see docs/events.md.
    """

    bias: float = -2.7
    text: float = 6.4
    title: float = 2.0
    names: float = 4.2
    streets: float = 3.1
    other_streets: float = -1.5
    places: float = 2.2
    figures: float = 1.0
    day_agree: float = 0.65
    day_gap: float = -1.0
    far: float = -0.35

    def logit(self, signals: Mapping[str, float]) -> float:
        return self.bias + sum(float(getattr(self, k)) * v for k, v in signals.items())

    def link_logit(self, x: Vectors, y: Vectors, far_km: float) -> float:
        """``logit(signals(x, y, far_km))`` without building the signals dict: the same
        terms summed in the same order, so the same float."""
        return link_logit(self.as_floats(), x, y, far_km)

    def as_floats(self) -> tuple[float, ...]:
        """(bias, then the weight of each of :data:`SIGNALS`, in order), as floats."""
        return (float(self.bias), *(float(getattr(self, k)) for k in SIGNALS))


def link_logit(w: tuple[float, ...], x: Vectors, y: Vectors, far_km: float) -> float:
    """:meth:`Weights.link_logit` with the weights as :meth:`Weights.as_floats` gives them
    (the innermost step of grouping: a few million calls on large batches)."""
    xs, ys = x.streets, y.streets
    streets = cosine(xs, ys) if xs and ys else 0.0
    agree = bool(x.days & y.days)
    gap = 0.0
    if not agree and x.day and y.day:
        gap = math.log1p(days_between(x.day, y.day))
    far = 1.0 if x.main and y.main and km(x.main, y.main) > far_km else 0.0
    terms = (
        w[1] * cosine(x.text, y.text),
        w[2] * (cosine(x.title, y.title) if x.title and y.title else 0.0),
        w[3] * (cosine(x.names, y.names) if x.names and y.names else 0.0),
        w[4] * streets,
        w[5] * (1.0 if xs and ys and not streets else 0.0),
        w[6] * (cosine(x.places, y.places) if x.places and y.places else 0.0),
        w[7] * (cosine(x.figures, y.figures) if x.figures and y.figures else 0.0),
        w[8] * (1.0 if agree else 0.0),
        w[9] * gap,
        w[10] * far,
    )
    return w[0] + sum(terms)


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


class Vocabulary:
    """Document frequencies per channel, with a fixed background for generic words."""

    def __init__(self, background_docs: float = 20.0, generic_share: float = 0.5) -> None:
        self.background_docs = background_docs
        self.generic_share = generic_share
        self.docs = 0
        self.df: dict[str, Counter[str]] = {c: Counter() for c in CHANNELS}
        self.paragraph_df: Counter[str] = Counter()
        # idf values computed since the counts last changed, per channel (vectors look up
        # the same words again and again between two batches).
        self._idf: dict[str, dict[str, float]] = {}

    def count(self, keys: Mapping[str, Iterable[str]], paragraphs: Iterable[str]) -> None:
        """Count one document: its distinct keys per channel, and its paragraph hashes."""
        self.docs += 1
        self._idf = {}
        for channel, ks in keys.items():
            self.df[channel].update(set(ks))
        self.paragraph_df.update(set(paragraphs))

    def idf(self, channel: str, key: str) -> float:
        memo = self._idf.get(channel)
        if memo is None:
            memo = self._idf[channel] = {}
        value = memo.get(key)
        if value is None:
            n = self.docs + self.background_docs
            df = float(self.df[channel][key])
            if channel == "text" and key in GENERIC_NEWS_WORDS:
                df += self.background_docs * self.generic_share
            value = memo[key] = math.log((n + 1) / (df + 1)) + 1.0
        return value

    def to_state(self) -> dict[str, object]:
        return {
            "docs": self.docs,
            "df": {c: dict(v) for c, v in self.df.items()},
            "paragraph_df": dict(self.paragraph_df),
        }

    def load_state(self, data: Mapping[str, object]) -> None:
        self.docs = int(data["docs"])  # type: ignore[call-overload]
        df = data["df"]
        assert isinstance(df, dict)
        self.df = {c: Counter(df.get(c, {})) for c in CHANNELS}
        self._idf = {}
        pdf = data["paragraph_df"]
        assert isinstance(pdf, dict)
        self.paragraph_df = Counter(pdf)


Vector = dict[str, float]


def local_places(places: Iterable[Place]) -> list[Place]:
    return [p for p in places if p.kind in LOCAL_KINDS]


def place_key(p: Place) -> str:
    return str(p.geonameid) if p.geonameid is not None else p.name.casefold()


def channel_keys(f: Features) -> dict[str, list[str]]:
    """The discrete keys of each channel (for document frequencies and blocking)."""
    terms: set[str] = set()
    for _, t, _ in f.paragraphs:
        terms.update(t)
    return {
        "text": sorted(terms),
        "names": sorted(f.names),
        "streets": list(f.streets),
        "places": sorted({place_key(p) for p in local_places((*f.title_places, *f.places))}),
        "figures": sorted(f"{m}:{v}" for m, v in f.figures),
    }


@dataclass(slots=True)
class Vectors:
    """Unit-length IDF-weighted vectors of one article, per channel, plus date and place."""

    text: Vector
    title: Vector
    names: Vector
    streets: Vector
    places: Vector
    figures: Vector
    days: frozenset[str]
    day: str | None
    main: tuple[float, float] | None


def _unit(v: Vector) -> Vector:
    norm = math.sqrt(sum(x * x for x in v.values()))
    return {k: x / norm for k, x in v.items()} if norm else {}


def _top(v: Vector, n: int) -> Vector:
    """The ``n`` heaviest entries of a unit vector (the tail adds little to a cosine)."""
    if len(v) <= n:
        return v
    return dict(sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[:n])


def _weighted(vocab: Vocabulary, channel: str, keys: Iterable[str]) -> Vector:
    return _unit({k: vocab.idf(channel, k) for k in keys})


def main_place(places: Iterable[Place]) -> Place | None:
    """The town a report names most often (first named wins ties), if it has coordinates."""
    counts: Counter[str] = Counter()
    first: dict[str, Place] = {}
    for p in local_places(places):
        if p.lat is None or p.lon is None:
            continue
        k = place_key(p)
        counts[k] += 1
        first.setdefault(k, p)
    if not counts:
        return None
    top = max(counts.values())
    return next(p for k, p in first.items() if counts[k] == top)


def vectors(f: Features, vocab: Vocabulary, boilerplate_docs: int) -> Vectors:
    """Build an article's vectors with the vocabulary as it stands."""
    raw: dict[str, float] = {}
    title: dict[str, float] = {}
    names: dict[str, float] = {}
    for n, (h, terms, found) in enumerate(f.paragraphs):
        shared = vocab.paragraph_df[h]
        w = min(1.0, boilerplate_docs / shared) ** 2 if shared else 1.0
        for t, c in terms.items():
            raw[t] = raw.get(t, 0.0) + c * w
        if shared <= boilerplate_docs:  # names in page furniture name nothing that happened
            for name in found:
                names[name] = names.get(name, 0.0) + 1.0
        if n == 0 and f.has_title:
            title = {t: math.log1p(c) * vocab.idf("text", t) for t, c in terms.items()}
    text = {t: math.log1p(x) * vocab.idf("text", t) for t, x in raw.items()}
    keys = channel_keys(f)
    mp = main_place(f.title_places) or main_place(f.places)
    return Vectors(
        text=_unit(_top(text, MAX_TERMS)),
        title=_unit(title),
        names=_unit({k: math.log1p(w) * vocab.idf("names", k) for k, w in names.items()}),
        streets=_weighted(vocab, "streets", keys["streets"]),
        places=_weighted(vocab, "places", keys["places"]),
        figures=_weighted(vocab, "figures", keys["figures"]),
        days=frozenset(f.days) if f.precision == "day" else frozenset(),
        day=f.day,
        main=(mp.lat, mp.lon) if mp and mp.lat is not None and mp.lon is not None else None,
    )


def cosine(a: Vector, b: Vector) -> float:
    if not a or not b:
        return 0.0
    # The same products summed in the same order as ``sum(a[k] * b[k] for k in shared)``,
    # with the loop in C (this is the innermost loop of grouping).
    shared = a.keys() & b.keys()
    if not shared:
        return 0.0
    total: float = sum(map(operator.mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))
    return total


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def signals(x: Vectors, y: Vectors, far_km: float) -> dict[str, float]:
    """The pair signals of two articles (module docstring)."""
    agree = bool(x.days & y.days)
    gap = 0.0
    if not agree and x.day and y.day:
        gap = math.log1p(days_between(x.day, y.day))
    far = 1.0 if x.main and y.main and km(x.main, y.main) > far_km else 0.0
    streets = cosine(x.streets, y.streets)
    return {
        "text": cosine(x.text, y.text),
        "title": cosine(x.title, y.title),
        "names": cosine(x.names, y.names),
        "streets": streets,
        "other_streets": 1.0 if x.streets and y.streets and not streets else 0.0,
        "places": cosine(x.places, y.places),
        "figures": cosine(x.figures, y.figures),
        "day_agree": 1.0 if agree else 0.0,
        "day_gap": gap,
        "far": far,
    }
