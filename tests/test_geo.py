"""Tests of corroborate.geo: the gazetteer, its cache, and the place finder."""

from __future__ import annotations

import doctest
import os
import pickle
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from corroborate.events.scoring import km
from corroborate.geo import Gazetteer, PlaceMention, find_places, get_gazetteer, resolve
from corroborate.geo import gazetteer as gzmod

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data" / "geo"
CASES: dict[str, Any] = yaml.safe_load((DATA / "sentences.yaml").read_text("utf-8"))


def _shared() -> Path | None:
    for cand in (os.environ.get("CORROBORATE_SHARED"), ROOT / "shared", ROOT.parent / "shared"):
        if cand and (Path(cand) / "seeds").is_dir() and (Path(cand) / "gold").is_dir():
            return Path(cand)
    return None


SHARED = _shared()
needs_seeds = pytest.mark.skipif(SHARED is None, reason="shared/seeds and shared/gold not found")


@pytest.fixture(scope="module")
def gold_places() -> dict[str, Any]:
    assert SHARED is not None
    gold = yaml.safe_load((SHARED / "gold" / "seeds.yaml").read_text("utf-8"))
    places: dict[str, Any] = gold["places"]
    return places


@pytest.fixture(scope="module")
def seed_mentions() -> list[PlaceMention]:
    assert SHARED is not None
    found: list[PlaceMention] = []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        found.extend(find_places(path.read_text("utf-8")))
    return found


# --------------------------------------------------------------------------- seeds


@needs_seeds
@pytest.mark.parametrize("group", ["reported_by_military_or_media", "only_in_bla_statement"])
def test_seed_places_found_in_balochistan(
    group: str, gold_places: dict[str, Any], seed_mentions: list[PlaceMention]
) -> None:
    by_mention = {m.place.mention: m.place for m in seed_mentions}
    for name in gold_places[group]:
        assert name in by_mention, f"{name} not found"
        place = by_mention[name]
        assert (place.country, place.admin1) == ("PK", "Balochistan"), place
        assert place.lat is not None and 24 < place.lat < 32, place
        assert place.lon is not None and 60 < place.lon < 71, place


@needs_seeds
def test_seed_spelling_variants(
    gold_places: dict[str, Any], seed_mentions: list[PlaceMention]
) -> None:
    by_mention = {m.place.mention: m.place for m in seed_mentions}
    for canonical, variants in gold_places["spelling_variants"].items():
        for variant in variants:
            a, b = by_mention[canonical], by_mention[variant]
            assert (a.name, a.geonameid, a.lat, a.lon) == (b.name, b.geonameid, b.lat, b.lon)


@needs_seeds
def test_seed_not_places(gold_places: dict[str, Any], seed_mentions: list[PlaceMention]) -> None:
    mentions = {m.place.mention for m in seed_mentions}
    words = {w for m in mentions for w in m.split()}
    for phrase in gold_places["not_places"]:
        assert phrase not in mentions
        # The organisation words themselves must not leak out as places either.
        for word in phrase.split():
            if word != "Balochistan":
                assert word not in words, word
    assert "Pakistani" not in mentions


@needs_seeds
def test_seed_spans_point_at_mentions() -> None:
    assert SHARED is not None
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        text = path.read_text("utf-8")
        for m in find_places(text):
            assert text[m.span.start : m.span.end] == m.place.mention


@needs_seeds
def test_seed_org_context_skipped() -> None:
    assert SHARED is not None
    text = (SHARED / "seeds" / "002_987341432ad35015.txt").read_text("utf-8")
    # "Balochistan" inside "Baloch Liberation Army" / "Frontier Corps (FC)" spans is skipped,
    # while the free-standing "in Balochistan" is kept.
    for m in find_places(text):
        before = text[max(0, m.span.start - 30) : m.span.start]
        after = text[m.span.end : m.span.end + 20]
        assert not re.match(r"\s+(Liberation|Corps|Army)", after), (before, m, after)


# --------------------------------------------------------------------------- invented text


def _expect(case: dict[str, Any]) -> list[tuple[str, str, str, str | None]]:
    return [(p[0], p[1], p[2], p[3]) for p in case["places"]]


@pytest.mark.parametrize("case", CASES["ambiguity"], ids=lambda c: c["id"])
def test_ambiguity(case: dict[str, Any]) -> None:
    got = [
        (m.place.mention, m.place.name, m.place.country, m.place.admin1)
        for m in find_places(case["text"])
    ]
    assert got == _expect(case)


@pytest.mark.parametrize("case", CASES["not_places"], ids=lambda c: c["id"])
def test_not_places(case: dict[str, Any]) -> None:
    assert find_places(case["text"]) == []


def test_qualified_place_is_confident() -> None:
    (paris, _texas) = find_places("Paris, Texas")
    assert paris.place.country == "US" and paris.place.admin1 == "Texas"
    assert paris.place.confidence >= 0.9


def test_small_foreign_namesake_dropped() -> None:
    # "Harnai" exists in India (pop. ~7k); in a Pakistani text it must be the Pakistani one,
    # and a village that only exists abroad is dropped rather than mislocated.
    places = find_places("Pakistani troops in Quetta and Gwadar met elders from Rind.")
    assert [m.place.name for m in places] == ["Quetta", "Gwadar"]


def test_empty_and_plain_text() -> None:
    assert find_places("") == []
    assert find_places("nothing here at all, 42 times.") == []


# --------------------------------------------------------------------------- resolve


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Quetta", None, ("Quetta", "city", "PK", "Balochistan")),
        ("quetta", None, ("Quetta", "city", "PK", "Balochistan")),
        ("Noshki", None, ("Nushki", "city", "PK", "Balochistan")),
        ("Harnai", None, ("Harnai", "city", "PK", "Balochistan")),
        ("Harnai", "IN", ("Harnai", "city", "IN", "Maharashtra")),
        ("Harnai", "in", ("Harnai", "city", "IN", "Maharashtra")),
        ("Baluchistan", None, ("Balochistan", "admin1", "PK", "Balochistan")),
        ("Punjab", "IN", ("Punjab", "admin1", "IN", "Punjab")),
        ("Punjab", "PK", ("Punjab", "admin1", "PK", "Punjab")),
        ("Kech", None, ("Kech", "admin2", "PK", "Balochistan")),
        ("Lasbela", None, ("Lasbela", "admin2", "PK", "Balochistan")),
        ("Texas", None, ("Texas", "admin1", "US", "Texas")),
        ("UK", None, ("United Kingdom", "country", "GB", None)),
        ("Pakistan", None, ("Pakistan", "country", "PK", None)),
        ("Islamabad", None, ("Islamabad", "city", "PK", "Islamabad Capital Territory")),
        ("Kandahar", None, ("Kandahār", "city", "AF", "Kandahar Province")),
    ],
)
def test_resolve(name: str, country: str | None, expected: tuple[str, ...]) -> None:
    place = resolve(name, country)
    assert place is not None
    assert (place.name, place.kind, place.country, place.admin1) == expected
    assert place.mention == name


@pytest.mark.parametrize("name", ["Zzyzxqville", "", "   ", "Xqzwv"])
def test_resolve_unknown(name: str) -> None:
    assert resolve(name) is None


def test_resolve_variants_same_place() -> None:
    a, b = resolve("Nushki"), resolve("Noshki")
    assert a is not None and b is not None
    assert (a.name, a.geonameid, a.lat, a.lon) == (b.name, b.geonameid, b.lat, b.lon)
    assert a.geonameid == 1168749


def test_supplement_confidence_lower_for_approximate_rows() -> None:
    tump = resolve("Tump")
    quetta = resolve("Quetta")
    assert tump is not None and quetta is not None
    assert tump.confidence <= 0.6 < quetta.confidence


# --------------------------------------------------------------------------- supplement and docs


def test_every_supplement_row_documented() -> None:
    rows = gzmod._supplement_rows(gzmod._supplement_text())
    assert rows
    doc = (ROOT / "docs" / "places.md").read_text("utf-8")
    for row in rows:
        assert row["name"] in doc, f"{row['name']} missing from docs/places.md"
        assert 0 < float(row["confidence"]) <= 1


def test_pakistan_provinces_present() -> None:
    gz = get_gazetteer()
    for code, name in [("02", "Balochistan"), ("03", "Khyber Pakhtunkhwa"), ("04", "Punjab"),
                       ("05", "Sindh"), ("06", "Azad Kashmir"), ("07", "Gilgit-Baltistan"),
                       ("08", "Islamabad Capital Territory")]:  # fmt: skip
        assert gz.admin1_name("PK", code) == name


@pytest.mark.parametrize(
    ("name", "state", "town"),
    [("Ouachita County", "AR", "Camden"), ("Stokes County", "NC", "King"),
     ("Nez Perce County", "ID", "Lewiston")],
)  # fmt: skip
def test_us_counties_present(name: str, state: str, town: str) -> None:
    gz = get_gazetteer()
    (cand,) = gz.candidates(name)
    entry = gz.entries[cand.index]
    assert (entry[gzmod.KIND], entry[gzmod.COUNTRY], entry[gzmod.ADMIN1]) == ("admin2", "US", state)
    # The county's point is the centre of its towns: near its main town, in its state.
    (seat,) = [
        gz.entries[c.index] for c in gz.candidates(town)
        if gz.entries[c.index][gzmod.ADMIN1] == state and gz.entries[c.index][gzmod.KIND] == "city"
    ]  # fmt: skip
    assert entry[gzmod.LAT] is not None and entry[gzmod.LON] is not None
    assert km((entry[gzmod.LAT], entry[gzmod.LON]), (seat[gzmod.LAT], seat[gzmod.LON])) < 40
    assert entry[gzmod.POP] > 0


def test_county_without_towns_has_no_made_up_point() -> None:
    gz = get_gazetteer()
    (cand,) = gz.candidates("Kalawao County")  # Hawaii's smallest: no town of 1,000
    entry = gz.entries[cand.index]
    assert entry[gzmod.LAT] is None and entry[gzmod.POP] == 0


# --------------------------------------------------------------------------- cache


def _tiny() -> Gazetteer:
    entries = [
        ("Testville", "city", "ZZ", "01", 1.0, 2.0, 1, 5000, 1.0),
        ("Twinford", "city", "ZZ", "01", -3.5, 4.25, 2, 900, 1.0),
        ("Twinford", "admin2", "ZZ", "01", None, None, None, 10_000, 0.6),
    ]
    # Code 0 (the first entry, primary name) must count as found, not as empty.
    names = {"Testville": 0, "Twinford": (2, 4)}
    return Gazetteer(gzmod.Entries(entries), names, {"ZZ.01": "Test Region"}, source="built")


def test_packed_entries_read_back_as_given() -> None:
    rows = [
        ("Ålesund", "city", "NO", "08", 62.47, 6.15, 3163392, 52_163, 1.0),
        ("Lower Dir", "admin2", "PK", "03", None, None, None, 10_000, 0.6),
        ("Nowhere", "region", "", "", 0.0, -0.0, 0, 0, 0.25),
    ]
    entries = gzmod.Entries(rows)
    assert list(entries) == rows and entries[-1] == rows[-1] and len(entries) == 3
    assert list(pickle.loads(pickle.dumps(entries))) == rows
    with pytest.raises(ValueError):
        gzmod.Entries([("X", "planet", "", "", None, None, None, 0, 1.0)])


def test_names_with_one_sense_or_several() -> None:
    gz = _tiny()
    assert [(c.index, c.alt) for c in gz.candidates("Testville")] == [(0, False)]
    assert sorted((c.index, c.alt) for c in gz.candidates("Twinford")) == [(1, False), (2, False)]
    assert gz.candidates("Elsewhere") == []


def test_cache_written_then_reused(tmp_path: Path) -> None:
    calls: list[int] = []

    def fake_build() -> Gazetteer:
        calls.append(1)
        return _tiny()

    path = tmp_path / "sub" / "index.pickle"
    first = gzmod.load_gazetteer(path, fake_build)
    assert path.exists() and calls == [1]
    second = gzmod.load_gazetteer(path, fake_build)
    assert calls == [1] and second.source == str(path)
    place = second.resolve("Testville")
    assert place is not None and place.admin1 == "Test Region"
    assert list(first.entries) == list(second.entries)
    assert not list(path.parent.glob(".geo-index-*"))  # no temp files left behind


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", pickle.dumps({"wrong": "layout"})])
def test_corrupt_cache_rebuilt(garbage: bytes, tmp_path: Path) -> None:
    path = tmp_path / "index.pickle"
    path.write_bytes(garbage)
    gz = gzmod.load_gazetteer(path, _tiny)
    assert gz.source == "built"
    assert gzmod.load_gazetteer(path, _tiny).source == str(path)  # rewritten, readable now


def test_cache_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CORROBORATE_CACHE", str(tmp_path))
    path = gzmod.cache_path()
    assert path.parent == tmp_path
    assert f"f{gzmod.FORMAT_VERSION}" in path.name and "gnc" in path.name
    monkeypatch.delenv("CORROBORATE_CACHE")
    assert gzmod.cache_dir() == Path.home() / ".cache" / "corroborate"


def test_unwritable_cache_still_works(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    gz = gzmod.load_gazetteer(blocker / "index.pickle", _tiny)  # parent is a file: cannot write
    assert gz.resolve("Testville") is not None


# --------------------------------------------------------------------------- memo


def test_short_texts_read_once_and_handed_out_as_copies() -> None:
    gz = get_gazetteer()
    text = "Gunmen attacked a checkpoint in Harnai and another in Kalat."
    first = find_places(text)
    assert gz.found[text] == first
    first.clear()  # a caller's list is its own
    again = find_places(text)
    assert [m.place.name for m in again] == ["Harnai", "Kalat"]
    assert again is not gz.found[text]


def test_long_texts_are_not_remembered() -> None:
    from corroborate.geo import finder

    text = "Police in Quetta said two people were hurt. " * 30
    assert len(text) > finder._FOUND_MEMO_TEXT
    assert len(find_places(text)) == 30
    assert text not in get_gazetteer().found


def test_memo_starts_again_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    from corroborate.geo import finder

    gz = get_gazetteer()
    monkeypatch.setattr(finder, "_FOUND_MEMO_MAX", 2)
    texts = [f"Clashes in Quetta left {n} hurt." for n in range(5)]
    for t in texts:
        assert [m.place.name for m in find_places(t)] == ["Quetta"]
        assert len(gz.found) <= 2
    assert texts[-1] in gz.found


def test_memo_is_per_gazetteer() -> None:
    gz = get_gazetteer()
    other = Gazetteer(entries=gz.entries, names=gz.names, admin1_names=gz.admin1_names)
    text = "Two were hurt in Noshki."
    assert find_places(text, other) == find_places(text)
    assert other.found is not get_gazetteer().found and text in other.found


def test_doctests() -> None:
    assert doctest.testmod(gzmod).failed == 0
