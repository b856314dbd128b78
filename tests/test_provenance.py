"""Tests of the provenance stage: duplicates, near copies, rewrites and origin groups."""

from __future__ import annotations

import itertools
import json
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate.model import Article, Relation
from corroborate.provenance import ProvenanceSettings, blocking, find_relations, origin_groups
from corroborate.provenance import features as provenance_features
from corroborate.provenance.blocking import (
    _merge_sorted,
    candidate_pair_counts,
    candidate_pairs,
    token_arrays,
)
from corroborate.provenance.core import _Pairs, _Units
from corroborate.provenance.features import alignable_units, sentence_words
from corroborate.text import Piece

DATA = Path(__file__).parent / "data" / "provenance"
ALL_PAIRS = ProvenanceSettings()
LSH = ProvenanceSettings(all_pairs_max=0)  # force the blocking code path
MODES = pytest.mark.parametrize("settings", [ALL_PAIRS, LSH], ids=["all_pairs", "lsh"])


@pytest.fixture(scope="module")
def seeds(seed_articles: list[Article]) -> list[Article]:
    return seed_articles


@pytest.fixture(scope="module")
def corpus() -> dict[str, Article]:
    manifest = json.loads((DATA / "manifest.json").read_text())
    return {
        m["key"]: Article.create(
            (DATA / m["file"]).read_text(encoding="utf-8"), m["file"], key=m["key"], date=m["date"]
        )
        for m in manifest["articles"]
    }


def _by_key(rels: list[Relation], arts: list[Article]) -> dict[tuple[str, str], Relation]:
    key = {a.id: a.key for a in arts}
    return {(key[r.a], key[r.b]): r for r in rels}


# --- seeds (acceptance) -----------------------------------------------------------------


@MODES
def test_seeds_only_000_and_001_are_related(
    seeds: list[Article], settings: ProvenanceSettings
) -> None:
    rels = find_relations(seeds, settings)
    found = _by_key(rels, seeds)
    assert set(found) == {("000_185330fc7772ac96", "001_82c4aee20f8c5f32")}
    rel = next(iter(found.values()))
    assert rel.kind in {"rewrite", "near_copy"}
    assert rel.original is None  # 000 has no date; neither text contains the other
    groups = origin_groups([a.id for a in seeds], rels)
    assert [len(g) for g in groups] == [2, 1, 1, 1]


def test_seed_rewrite_evidence(seeds: list[Article]) -> None:
    (rel,) = find_relations(seeds)
    a, b = seeds[0], seeds[1]
    assert rel.evidence and len(rel.evidence) >= 10
    for pair in rel.evidence:
        assert a.text[pair.a.start : pair.a.end] == pair.a_text
        assert b.text[pair.b.start : pair.b.end] == pair.b_text
        assert 0.0 < pair.similarity <= 1.0
    # In order: the second article's sentences follow the first's.
    starts = [p.b.start for p in rel.evidence]
    assert starts == sorted(starts)


def test_same_figures_and_names_are_not_enough(seeds: list[Article]) -> None:
    independent = seeds[2:]  # 002, 003, 004 report the same numbers and places
    assert find_relations(independent) == []
    assert find_relations(independent, LSH) == []


# --- invented corpus ---------------------------------------------------------------------


@MODES
def test_corpus_relations(corpus: dict[str, Article], settings: ProvenanceSettings) -> None:
    manifest = json.loads((DATA / "manifest.json").read_text())
    arts = list(corpus.values())
    found = _by_key(find_relations(arts, settings), arts)
    expected = {(r["a"], r["b"]): r for r in manifest["relations"]}
    assert set(found) == set(expected)
    for pair, exp in expected.items():
        assert found[pair].kind == exp["kind"], pair
        assert found[pair].original == corpus[exp["original"]].id, pair


def test_corpus_origin_groups(corpus: dict[str, Article]) -> None:
    manifest = json.loads((DATA / "manifest.json").read_text())
    arts = list(corpus.values())
    groups = origin_groups([a.id for a in arts], find_relations(arts))
    key = {a.id: a.key for a in arts}
    assert [[key[i] for i in g] for g in groups] == manifest["origin_groups"]


@pytest.mark.parametrize(
    ("a", "b"),
    list(
        itertools.combinations(
            ["wire", "paraphrase", "filler_copy", "independent_a", "independent_b"], 2
        )
    ),
)
def test_independent_pairs_stay_independent(corpus: dict[str, Article], a: str, b: str) -> None:
    rels = find_relations([corpus[a], corpus[b]])
    copies = {"wire", "paraphrase", "filler_copy"}
    assert bool(rels) == (a in copies and b in copies)


def test_input_order_does_not_change_the_reading(corpus: dict[str, Article]) -> None:
    # Which copy of a duplicate set represents it depends on order, so compare the origin
    # partition and the kinds found, not the exact pairs.
    arts = list(corpus.values())

    def reading(batch: list[Article]) -> tuple[set[frozenset[str]], list[str]]:
        rels = find_relations(batch)
        groups = origin_groups([a.id for a in batch], rels)
        return {frozenset(g) for g in groups}, sorted(r.kind for r in rels)

    forward = reading(arts)
    for seed in range(4):
        shuffled = arts[:]
        random.Random(seed).shuffle(shuffled)
        assert reading(shuffled) == forward


def test_truncated_copy_without_dates_names_the_fuller_text(corpus: dict[str, Article]) -> None:
    wire = corpus["wire"].model_copy(update={"date": None})
    lines = wire.text.splitlines()
    short = Article.create("\n".join(lines[:6]), "short.txt")
    (rel,) = find_relations([short, wire])
    assert rel.kind == "near_copy"
    assert rel.original == wire.id


def test_exact_duplicates_link_to_first_and_skip_same_record(corpus: dict[str, Article]) -> None:
    wire, dup = corpus["wire"], corpus["duplicate"]
    # Same title and text give the same content id: the same report, not a copy of itself.
    again = Article.create(wire.text, "again.txt", key="again")
    assert again.id == wire.id
    recased = Article.create(wire.text.upper(), "upper.txt", key="upper")
    rels = find_relations([wire, dup, again, recased])
    assert [(r.a, r.b, r.kind) for r in rels] == [
        (wire.id, dup.id, "duplicate"),
        (wire.id, recased.id, "duplicate"),
    ]
    assert rels[0].original == wire.id  # earlier date
    assert rels[1].original is None  # no date on the copy


def test_empty_and_single_inputs() -> None:
    assert find_relations([]) == []
    assert find_relations([Article.create("One short line.", "x.txt")]) == []
    assert origin_groups([], []) == []


# --- features and blocking --------------------------------------------------------------


def test_hard_wrapped_lines_are_one_sentence() -> None:
    text = (
        "Officials said at least 67 militants were killed during clashes\n"
        "with security forces in several cities.\nFoiling plots\nThe army responded."
    )
    units = [p.text for p, _ in alignable_units(text)]
    assert units[0].startswith("Officials said") and units[0].endswith("several cities.")
    assert "Foiling plots" not in units  # too few content words to be evidence


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Pakistan's militants attacked 12 towns.", ["pakistan", "militant", "attacked", "town"]),
        ("The 2,000 residents fled.", ["resident", "fled"]),
        ("Police closed the bus station.", ["police", "closed", "bus", "station"]),
    ],
)
def test_sentence_words(sentence: str, words: list[str]) -> None:
    assert sentence_words(sentence) == words


@pytest.mark.parametrize("room", [0, 3, 1_000_000])
def test_sentence_words_whatever_room_the_memo_has(
    monkeypatch: pytest.MonkeyPatch, room: int
) -> None:
    # A full memo keeps no new words: they are classified again each time, with the same answer.
    monkeypatch.setattr(provenance_features, "_WORDS", {})
    monkeypatch.setattr(provenance_features, "_MEMO_MAX", room)
    for _ in range(2):
        assert sentence_words("Pakistan's militants attacked 12 towns.") == [
            "pakistan", "militant", "attacked", "town"
        ]
        assert len(provenance_features._WORDS) <= room


def _synthetic(n_events: int) -> list[list[list[str]]]:
    """Events of three docs: a base, its copy with words dropped, an unrelated-order doc."""
    rng = random.Random(1)
    docs = []
    for e in range(n_events):
        vocab = [f"w{e}_{i}" for i in range(120)] + ["police", "killed", "said", "city"]
        base = [rng.sample(vocab, 8) for _ in range(20)]
        copy = [[w for w in s if rng.random() > 0.15] for s in base]
        other = [rng.sample(vocab, 8) for _ in range(20)]
        docs += [base, copy, other]
    return docs


def test_blocking_finds_copies_and_stays_sparse() -> None:
    docs = _synthetic(60)
    pairs = candidate_pairs(docs)
    for e in range(60):
        assert (3 * e, 3 * e + 1) in pairs
    # Near-linear: candidates stay within events (at most 3 pairs each), never all-pairs.
    assert all(a // 3 == b // 3 for a, b in pairs)
    assert len(pairs) <= 3 * 60


def test_blocking_is_deterministic() -> None:
    docs = _synthetic(10)
    assert candidate_pairs(docs) == candidate_pairs(docs)


def test_default_permutations_are_the_seeded_draws() -> None:
    # The default hash functions come from a table, so that numpy.random is not imported.
    n = blocking.LSH_BANDS * blocking.LSH_ROWS
    mult, add = blocking._drawn_permutations(n)
    got = blocking._permutations(n)
    assert [a.dtype for a in got] == [np.dtype(np.uint64)] * 2
    assert got[0].tolist() == mult.tolist() and got[1].tolist() == add.tolist()
    assert len(blocking._permutations(n + 1)[0]) == n + 1  # other sizes: drawn


def test_blocking_imports_no_more_of_numpy() -> None:
    # numpy.ma (a plain np.unique call imports it) and numpy.random cost the report path
    # 30 ms the first time; the blocking step needs neither. (A process of its own: the
    # test session has imported them already.)
    code = (
        "import sys\n"
        "from corroborate.provenance.blocking import candidate_pairs\n"
        "docs = [[['gunman', 'opened', 'fire', 'market', 'sunday']]] * 8\n"
        "assert candidate_pairs(docs, min_collisions=1, bucket_cap=3)\n"
        "print(sorted(m for m in ('numpy.ma', 'numpy.random') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("seed", range(5))
def test_merge_sorted_is_a_sorted_union(seed: int) -> None:
    rng = np.random.default_rng(seed)
    old = np.unique(rng.integers(0, 50, size=int(rng.integers(0, 30))))
    new = np.unique(rng.integers(0, 50, size=int(rng.integers(0, 30))))
    assert _merge_sorted(old, new).tolist() == sorted(set(old.tolist()) | set(new.tolist()))


def test_pair_counts_do_not_depend_on_the_slice_size(monkeypatch: pytest.MonkeyPatch) -> None:
    arrays = token_arrays(_synthetic(20))
    whole = candidate_pair_counts(*arrays)
    assert whole[0].size  # copies collide
    monkeypatch.setattr(blocking, "_PAIR_CHUNK", 7)  # document pairs split across slices
    sliced = candidate_pair_counts(*arrays)
    for x, y in zip(whole, sliced, strict=True):
        assert x.tolist() == y.tolist()


@pytest.mark.parametrize(("cap", "window"), [(3, 1), (3, 2), (40, 2), (1, 3)])
def test_run_pairs_pairs_within_runs(cap: int, window: int) -> None:
    rng = np.random.default_rng(cap * 10 + window)
    sizes = rng.integers(1, 9, size=30)
    bounds = np.concatenate(([0], np.cumsum(sizes)))
    members = rng.permutation(int(bounds[-1])).astype(np.int64)
    u, v = blocking._run_pairs(members, bounds, cap, window)
    expected = []
    for lo, hi in itertools.pairwise(bounds.tolist()):
        run = members[lo:hi].tolist()
        for x in range(len(run)):
            ys = range(x + 1, len(run)) if len(run) <= cap else range(x + 1, x + 1 + window)
            expected += [(run[x], run[y]) for y in ys if y < len(run)]
    assert sorted(zip(u.tolist(), v.tolist(), strict=True)) == sorted(expected)


def test_units_are_the_pieces_they_were_made_from() -> None:
    text = "Police closed the road.\nTwo men were hurt in the crash on Main Street."
    pieces = [p for p, _ in alignable_units(text)]
    odd = Piece("not in the text", 0, 15)  # kept as given, never re-sliced
    units = _Units(text, [*pieces, odd])
    assert list(units) == [*pieces, odd]
    assert len(units) == 3 and units[-1] == odd and units[:2] == pieces
    assert units[1].text == text[units[1].start : units[1].end]
    assert units.texts() == [u.text for u in [*pieces, odd]]  # the odd one as given too
    with pytest.raises(IndexError):
        units[3]


def test_candidate_pair_set() -> None:
    pairs = _Pairs.of([(3, 4), (0, 2), (0, 1), (2, 4)], 5)
    assert list(pairs) == [(0, 1), (0, 2), (2, 4), (3, 4)]
    assert (2, 4) in pairs and (1, 2) not in pairs and (3, 4) in pairs
    assert pairs.within([0, 2, 4]) == [(0, 2), (2, 4)]
    # Position of each article's last pair: article 1 last appears in pair 0, 3 and 4 in 3.
    assert pairs.last_use() == [1, 0, 2, 3, 3]


# --- origin groups ----------------------------------------------------------------------


def test_origin_groups_ignores_non_copy_kinds_and_unknown_ids() -> None:
    rels = [
        Relation(a="a", b="c", kind="near_copy", score=0.9),
        Relation(a="b", b="d", kind="shares_quotes", score=0.5),
        Relation(a="d", b="zz", kind="duplicate", score=1.0),
        Relation(a="e", b="b", kind="syndicated", score=0.7),
    ]
    assert origin_groups(["a", "b", "c", "d", "e"], rels) == [("a", "c"), ("b", "e"), ("d",)]


@given(
    st.lists(st.sampled_from("abcdefgh"), unique=True, min_size=1),
    st.lists(st.tuples(st.sampled_from("abcdefgh"), st.sampled_from("abcdefgh"))),
)
def test_origin_groups_is_a_partition(ids: list[str], edges: list[tuple[str, str]]) -> None:
    rels = [Relation(a=x, b=y, kind="rewrite", score=1.0) for x, y in edges]
    groups = origin_groups(ids, rels)
    flat = [i for g in groups for i in g]
    assert sorted(flat) == sorted(ids)
    assert [g[0] for g in groups] == sorted((g[0] for g in groups), key=ids.index)
    for x, y in edges:
        if x in ids and y in ids:
            assert any(x in g and y in g for g in groups)


def test_copies_share_their_aligned_sentences_and_spans() -> None:
    body = (
        "Two men were shot outside the Brenford depot on Friday night, police said.\n"
        "Both were taken to Mercy Hospital, where one of them later died.\n"
        "Detectives asked anyone who saw the gunman to call the station."
    )
    first = Article.create(body, "a.txt", title="Two shot at Brenford depot")
    copy = Article.create(body + "\nCopyright 2026.", "b.txt", title="Two shot at depot")
    third = Article.create(body + "\nMore to follow.", "c.txt", title="Depot shooting")
    rels = find_relations([first, copy, third])
    pairs = [p for r in rels for p in r.evidence]
    assert pairs and all(p.a_text is p.b_text for p in pairs if p.a_text == p.b_text)
    spans = {}
    for p in pairs:  # one object per distinct span, across relations
        assert spans.setdefault((p.a.start, p.a.end), p.a) is p.a
