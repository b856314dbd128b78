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

import datetime as dt
import math
import operator
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Final

import numpy as np
import numpy.typing as npt

from corroborate.events.features import Features
from corroborate.model import Place, shared

#: Words any news report may use whatever happened: the fixed IDF background.
GENERIC_NEWS_WORDS: Final = frozenset(
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
CHANNELS: Final = ("text", "names", "streets", "places", "figures")

SIGNALS: Final = (
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
MAX_TERMS: Final = 400

#: Place kinds that locate an incident (a country or province is too wide to).
LOCAL_KINDS: Final = frozenset({"city", "admin2"})


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

    def __reduce__(self) -> tuple[type[Weights], tuple[float, ...]]:
        # Pickled by value through the constructor (Spark ships the settings to workers):
        # a frozen class compiled by mypyc can not be rebuilt field by field.
        return Weights, tuple(getattr(self, f.name) for f in fields(self))


def link_logit(w: tuple[float, ...], x: Vectors, y: Vectors, far_km: float) -> float:
    """:meth:`Weights.link_logit` with the weights as :meth:`Weights.as_floats` gives them."""
    return link_logits(w, x, [y], far_km)[0]


def link_logits(
    w: tuple[float, ...],
    x: Vectors,
    ys: Sequence[Vectors],
    far_km: float,
    scratch: Scratch | None = None,
) -> list[float]:
    """:func:`link_logit` of ``x`` with each of ``ys`` (the innermost step of grouping;
    ``scratch`` as :func:`cosines` takes it)."""
    weights = w[1:]
    return [
        w[0] + sum(map(operator.mul, weights, _signals(x, y, row, far_km)))
        for y, row in zip(ys, cosines(x, ys, scratch), strict=True)
    ]


def _signals(x: Vectors, y: Vectors, cos: Sequence[float], far_km: float) -> tuple[float, ...]:
    """The values of :data:`SIGNALS`, in order, given the pair's :func:`cosines` row."""
    streets = cos[STREETS]
    agree = bool(x.days & y.days)
    gap = 0.0
    if not agree and x.day is not None and y.day is not None:
        gap = math.log1p(abs(x.day - y.day))
    far = 1.0 if x.main and y.main and _km(x.main, y.main) > far_km else 0.0
    return (
        cos[TEXT],
        cos[TITLE],
        cos[NAMES],
        streets,
        1.0 if x.streets and y.streets and not streets else 0.0,
        cos[PLACES],
        cos[FIGURES],
        1.0 if agree else 0.0,
        gap,
        far,
    )


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
        #: Key -> id per vector channel (:func:`vectors`; not saved: only this process's
        #: vectors use them).
        self._ids: dict[str, dict[str, int]] = {c: {} for c in VECTOR_CHANNELS}
        # idf values computed since the counts last changed, per channel (vectors look up
        # the same words again and again between two batches).
        self._idf: dict[str, dict[str, float]] = {}

    def count(self, keys: Mapping[str, set[str]], paragraphs: Iterable[str]) -> None:
        """Count one document: its keys per channel (:func:`channel_key_sets`), and its
        paragraph hashes."""
        self.docs += 1
        self._idf = {}
        for channel, ks in keys.items():
            self.df[channel].update(ks)
        self.paragraph_df.update(set(paragraphs))

    def idfs(self, channel: str, keys: Collection[str]) -> list[float]:
        """The idf of each of ``keys`` of a channel."""
        memo = self._idf.get(channel)
        if memo is None:
            memo = self._idf[channel] = {}
        try:
            return list(map(memo.__getitem__, keys))
        except KeyError:  # some not computed since the counts last changed
            n = self.docs + self.background_docs
            counts = self.df[channel]
            for key in keys:
                if key not in memo:
                    df = float(counts[key])
                    if channel == "text" and key in GENERIC_NEWS_WORDS:
                        df += self.background_docs * self.generic_share
                    memo[key] = math.log((n + 1) / (df + 1)) + 1.0
            return list(map(memo.__getitem__, keys))

    def key_ids(self, channel: int, keys: Collection[str]) -> list[int]:
        """Ids of keys of a channel in the vectors: ``n * CHANNEL_SLOTS + channel``, ``n``
        counting the channel's keys in order of first use."""
        ids = self._ids[VECTOR_CHANNELS[channel]]
        try:
            return list(map(ids.__getitem__, keys))
        except KeyError:  # keys seen for the first time
            for k in keys:
                if k not in ids:
                    ids[k] = len(ids) * CHANNEL_SLOTS + channel
            return list(map(ids.__getitem__, keys))

    def id_bound(self) -> int:
        """A number larger than every key id given so far."""
        return CHANNEL_SLOTS * (1 + max(map(len, self._ids.values())))

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

#: Channels of :class:`Vectors`, and the index of each (its low bits in a key id).
VECTOR_CHANNELS: Final = ("text", "title", "names", "streets", "places", "figures")
TEXT, TITLE, NAMES, STREETS, PLACES, FIGURES = range(len(VECTOR_CHANNELS))
#: A power of two > len(VECTOR_CHANNELS): a key id's remainder by it is its channel.
CHANNEL_SLOTS: Final = 8


def local_places(places: Iterable[Place]) -> list[Place]:
    return [p for p in places if p.kind in LOCAL_KINDS]


def place_key(p: Place) -> str:
    """A place's identity: its GeoNames id, else its name within its region (the twelve
    "Clark County"s are twelve places)."""
    if p.geonameid is not None:
        return str(p.geonameid)
    return f"{p.name.casefold()}|{p.country or ''}|{p.admin1 or ''}"


def channel_keys(f: Features) -> dict[str, list[str]]:
    """The discrete keys of each channel (for vectors and blocking), in a fixed order."""
    return {
        "text": sorted(set(f.paragraphs.words)),
        "names": sorted(f.names),
        "streets": list(f.streets),
        "places": sorted(_place_keys(f)),
        "figures": sorted(_figure_keys(f)),
    }


def channel_key_sets(f: Features) -> dict[str, set[str]]:
    """:func:`channel_keys` as sets: what document frequencies count, in no order (sorted,
    as for vectors, they took two and a half times as long)."""
    return {
        "text": set(f.paragraphs.words),
        "names": set(f.names),
        "streets": set(f.streets),
        "places": _place_keys(f),
        "figures": _figure_keys(f),
    }


def _place_keys(f: Features) -> set[str]:
    return {place_key(p) for p in local_places((*f.title_places, *f.places))}


def _figure_keys(f: Features) -> set[str]:
    return {f"{m}:{v}" for m, v in f.figures}


@dataclass(slots=True)
class Vectors:
    """Unit-length IDF-weighted vectors of one article, one per channel of
    :data:`VECTOR_CHANNELS`, plus date and place.

    The vectors are held together as two arrays (a small fraction of dicts' memory, and
    pair scoring runs in numpy): the key ids (:meth:`Vocabulary.key_ids`, ascending; the
    channel is each id's remainder by :data:`CHANNEL_SLOTS`) and their weights.
    """

    ids: npt.NDArray[np.int32]
    weights: npt.NDArray[np.float64]
    #: Whether the streets vector is not empty.
    streets: bool
    days: frozenset[str]
    #: Incident day (proleptic Gregorian ordinal).
    day: int | None
    #: Main town as (latitude, longitude) in radians, and the cosine of the latitude.
    main: tuple[float, float, float] | None


Scratch = npt.NDArray[np.float64]


def cosines(x: Vectors, ys: Sequence[Vectors], scratch: Scratch | None = None) -> list[list[float]]:
    """The cosine of ``x`` with each of ``ys`` per channel: a row of
    ``len(VECTOR_CHANNELS)`` cosines per one of ``ys`` (0.0 where either vector is empty).

    ``scratch``: zeros, longer than any key id (:meth:`Vocabulary.id_bound`); given back as
    zeros. Each cosine adds its products in ascending key id order.
    """
    n = len(ys)
    if not n or not len(x.ids):
        return [[0.0] * len(VECTOR_CHANNELS) for _ in range(n)]
    ids = np.concatenate([y.ids for y in ys])
    if scratch is None:
        scratch = np.zeros(max(int(x.ids[-1]), int(ids.max(initial=0))) + 1)
    # x spread out over key ids: looking the ys' keys up gives x's weight, or 0.0.
    scratch[x.ids] = x.weights
    products = scratch[ids] * np.concatenate([y.weights for y in ys])
    scratch[x.ids] = 0.0
    # Sum per (pair, channel): bincount adds in order, pair by pair, channel by channel
    # (adding the keys x lacks adds 0.0, which changes no sum).
    slot = np.repeat(np.arange(0, n * CHANNEL_SLOTS, CHANNEL_SLOTS), [len(y.ids) for y in ys])
    slot += ids & (CHANNEL_SLOTS - 1)
    sums = np.bincount(slot, products, n * CHANNEL_SLOTS).reshape(n, CHANNEL_SLOTS)
    rows: list[list[float]] = sums[:, : len(VECTOR_CHANNELS)].tolist()
    return rows


def _unit(v: Vector) -> Vector:
    norm = math.sqrt(sum(x * x for x in v.values()))
    return {k: x / norm for k, x in v.items()} if norm else {}


def _top(v: Vector, n: int) -> Vector:
    """The ``n`` heaviest entries of a unit vector (the tail adds little to a cosine)."""
    if len(v) <= n:
        return v
    return dict(sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[:n])


def _weighted(vocab: Vocabulary, channel: str, keys: Collection[str]) -> Vector:
    return _unit(dict(zip(keys, vocab.idfs(channel, keys), strict=True)))


def _tf_idf(vocab: Vocabulary, channel: str, counts: Mapping[str, float]) -> Vector:
    """``{k: log1p(count) * idf(k)}``."""
    idfs = vocab.idfs(channel, counts.keys())
    return dict(zip(counts, map(operator.mul, map(math.log1p, counts.values()), idfs), strict=True))


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


def vectors(
    f: Features,
    vocab: Vocabulary,
    boilerplate_docs: int,
    keys: Mapping[str, Sequence[str]] | None = None,
) -> Vectors:
    """Build an article's vectors with the vocabulary as it stands (``keys``: its
    :func:`channel_keys`, when at hand)."""
    shares: list[float] = []  # each paragraph's weight
    with_names: list[bool] = []
    for h in f.paragraphs.hashes():
        in_docs = vocab.paragraph_df[h]  # reports with this paragraph
        shares.append(min(1.0, boilerplate_docs / in_docs) ** 2 if in_docs else 1.0)
        with_names.append(in_docs <= boilerplate_docs)  # furniture's names name nothing
    raw, names = f.paragraphs.tally(shares, with_names)
    title: dict[str, float] = {}
    if f.has_title and len(f.paragraphs):
        title = _tf_idf(vocab, "text", f.paragraphs[0][1])
    text = _tf_idf(vocab, "text", raw)
    if keys is None:
        keys = channel_keys(f)
    channels = (
        _unit(_top(text, MAX_TERMS)),
        _unit(title),
        _unit(_tf_idf(vocab, "names", names)),
        _weighted(vocab, "streets", keys["streets"]),
        _weighted(vocab, "places", keys["places"]),
        _weighted(vocab, "figures", keys["figures"]),
    )
    ids = np.array([i for c, v in enumerate(channels) for i in vocab.key_ids(c, v)], np.int32)
    order = ids.argsort()
    weights = np.array([w for v in channels for w in v.values()], np.float64)
    mp = main_place(f.title_places) or main_place(f.places)
    main = None
    if mp and mp.lat is not None and mp.lon is not None:
        lat = math.radians(mp.lat)
        main = (lat, math.radians(mp.lon), math.cos(lat))
    return Vectors(
        ids=ids[order],
        weights=weights[order],
        streets=bool(channels[STREETS]),
        # Shared: a large batch's reports name a few thousand distinct sets of days, and
        # each vector kept its own (216 bytes; 20 MB at 100k reports).
        days=shared(frozenset(f.days)) if f.precision == "day" else _NO_DAYS,
        day=dt.date.fromisoformat(f.day).toordinal() if f.day else None,
        main=main,
    )


_NO_DAYS: Final[frozenset[str]] = frozenset()  # one object: frozenset() makes a new one each time


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    return _km((la1, lo1, math.cos(la1)), (la2, lo2, math.cos(la2)))


def _km(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """:func:`km` of (latitude, longitude, cosine of latitude) in radians."""
    h = math.sin((b[0] - a[0]) / 2) ** 2 + a[2] * b[2] * math.sin((b[1] - a[1]) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def signals(x: Vectors, y: Vectors, far_km: float) -> dict[str, float]:
    """The pair signals of two articles (module docstring)."""
    return dict(zip(SIGNALS, _signals(x, y, cosines(x, [y])[0], far_km), strict=True))
