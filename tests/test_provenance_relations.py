"""Provenance beyond copies: syndication, shared quotations, scraped furniture, templates,
and the derivation graph (likely originals, origin groups). Invented reports throughout."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from corroborate.model import Article, Relation
from corroborate.provenance import (
    ProvenanceSettings,
    credit_lines,
    derivation,
    find_relations,
    origin_groups,
)
from corroborate.provenance.blocking import shared_key_pairs
from corroborate.provenance.credits import is_story_credit
from corroborate.provenance.features import quoted_spans, specifics, title_coverage

DATA = Path(__file__).parent / "data" / "provenance" / "halden"
LSH = ProvenanceSettings(all_pairs_max=0)
MODES = pytest.mark.parametrize("settings", [None, LSH], ids=["all_pairs", "lsh"])

def _text(name: str) -> str:
    return (DATA / f"{name}.txt").read_text(encoding="utf-8").rstrip("\n")


# One invented incident (a ferry fire at the port of Halden), told several ways.
WIRE = _text("wire")

# The same story told in other words, crediting the wire for it.
RELAY = _text("relay")

# A short relay of the wire's story in other order and words: no sentence-by-sentence rewrite.
SUMMARY = _text("summary")

# Another outlet's own reporting of the incident, with a quote from the coastguard.
OWN = _text("own")

# An independent piece quoting the same statement, otherwise its own words.
QUOTING = _text("quoting")

# A different story entirely.
OTHER = _text("other")


def art(text: str, key: str, **fields: object) -> Article:
    return Article.create(text, f"{key}.txt", key=key, **fields)


def kinds(rels: list[Relation], arts: list[Article]) -> dict[tuple[str, str], str]:
    key = {a.id: a.key for a in arts}
    return {(key[r.a], key[r.b]): r.kind for r in rels}


# --- credits ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "outlet", "story"),
    [
        ("HALDEN (Harbour Wire) - Fire swept through a ferry.", "Harbour Wire", True),
        ("Three died in the fire, Harbour Wire reported.", "Harbour Wire", True),
        ("According to Harbour Wire, three died.", "Harbour Wire", True),
        ("(With inputs from PTI and Harbour Wire)", "Harbour Wire", True),
        ("This article was originally published on The Conversation.", "The Conversation", True),
        ("The story is published from a syndicated feed of the Coast Daily.", "Coast Daily", True),
        ("Two officials, speaking to Reuters, said three died.", "Reuters", False),
        ("The commander told Harbour Wire the alarms failed.", "Harbour Wire", False),
        ("A spokesman said in an interview with the BBC that nobody was hurt.", "BBC", False),
    ],
)
def test_story_credit_or_attribution(line: str, outlet: str, story: bool) -> None:
    assert is_story_credit(line, outlet) is story


def test_credit_lines_locate_the_sentence_and_skip_own_outlet() -> None:
    relay = art(RELAY, "relay", credits=("Harbour Wire",))
    (line,) = credit_lines(relay)
    assert line.story and line.text is not None and line.span is not None
    assert relay.text[line.span.start : line.span.end] == line.text
    assert "Harbour Wire reported" in line.text
    own = art(WIRE, "wire", credits=("Harbour Wire",), outlet="Harbour Wire")
    assert credit_lines(own) == []  # a wire's own dateline credits nobody else


def test_credit_found_only_in_removed_line() -> None:
    from corroborate.model import Removal

    a = art(
        OWN,
        "own",
        credits=("Coast Daily",),
        removed=(Removal(kind="credit", text="Story: Coast Daily feed", reason="credit line"),),
    )
    (line,) = credit_lines(a)
    assert line.text == "Story: Coast Daily feed" and line.span is None and line.story


# --- syndicated ---------------------------------------------------------------------------


@MODES
def test_credited_outlet_without_a_report_here_is_an_external_source(
    settings: ProvenanceSettings | None,
) -> None:
    relay = art(RELAY, "relay", credits=("Harbour Wire",))
    own, other = art(OWN, "own"), art(OTHER, "other")
    rels = find_relations([relay, own, other], settings)
    (rel,) = rels
    assert rel.kind == "syndicated" and rel.external
    assert rel.a == rel.b == relay.id
    assert rel.credited == "Harbour Wire" and rel.original is None
    assert rel.credit_span is not None
    assert relay.text[rel.credit_span.start : rel.credit_span.end] == rel.credit_line
    (origin,) = [o for o in derivation([relay.id], rels) if relay.id in o.members]
    assert origin.credited == "Harbour Wire" and origin.original == relay.id


@MODES
def test_report_crediting_an_outlet_in_the_batch_derives_from_its_report(
    settings: ProvenanceSettings | None,
) -> None:
    wire = art(WIRE, "wire", outlet="Harbour Wire", credits=("Harbour Wire",))
    summary = art(SUMMARY, "summary", credits=("Harbour Wire",))
    other = art(OTHER, "other")
    batch = [wire, summary, other]
    rels = find_relations(batch, settings)
    assert kinds(rels, batch) == {("wire", "summary"): "syndicated"}
    (rel,) = rels
    assert rel.original == wire.id and rel.original_by == "credited" and not rel.external
    assert rel.credit_line and rel.credit_line.startswith("Harbour Wire reported")
    groups = origin_groups([a.id for a in batch], rels)
    assert sorted(map(len, groups)) == [1, 2]
    origin = next(o for o in derivation([a.id for a in batch], rels) if len(o.members) == 2)
    assert origin.original == wire.id and origin.reason == "credited by the others"


@MODES
def test_a_credited_rewrite_stays_a_rewrite_with_its_credit(
    settings: ProvenanceSettings | None,
) -> None:
    wire = art(WIRE, "wire", outlet="Harbour Wire")
    relay = art(RELAY, "relay", credits=("Harbour Wire",))
    (rel,) = find_relations([relay, wire], settings)
    assert rel.kind == "rewrite" and rel.credited == "Harbour Wire"
    assert rel.original == wire.id and rel.original_by == "credited"
    assert rel.evidence and rel.credit_line


def test_reports_crediting_one_agency_for_one_story_share_an_origin() -> None:
    first = art(SUMMARY, "first", credits=("Harbour Wire",))
    second_text = WIRE.replace("HALDEN (Harbour Wire) - ", "") + "\nHarbour Wire contributed."
    second = art(
        second_text.replace("Fire swept through", "A fire ripped through"),
        "second",
        credits=("Harbour Wire",),
    )
    other = art(OTHER, "other", credits=("Harbour Wire",))  # credits it for another story
    batch = [first, second, other]
    rels = find_relations(batch)
    pairs = {k: v for k, v in kinds(rels, batch).items() if k[0] != k[1]}
    assert pairs == {("first", "second"): "syndicated"}
    externals = sorted(a for (a, b), kind in kinds(rels, batch).items() if a == b)
    assert externals == ["first", "other", "second"]
    # Within one event, reports relaying one agency count once.
    assert origin_groups([first.id, second.id], rels) == [(first.id, second.id)]


def test_whole_text_vectors_kept_or_rebuilt_give_the_same_relations(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Reports crediting one agency are compared pairwise by whole-text vectors, each kept
    while the cache has room: with room for one, every vector is rebuilt, to the same end."""
    from corroborate.provenance import core

    texts = [SUMMARY, WIRE + "\nHarbour Wire contributed.", OTHER, RELAY, QUOTING]
    batch = [art(t, f"r{k}", credits=("Harbour Wire",)) for k, t in enumerate(texts)]
    kept = find_relations(batch)
    monkeypatch.setattr(core, "_VECTOR_CACHE_DOCS", 1)
    assert find_relations(batch) == kept
    assert any(r.kind == "syndicated" and not r.external for r in kept)


def test_an_interview_credit_is_not_syndication() -> None:
    text = OWN.replace("told reporters at the quay", "told Harbour Wire at the quay")
    assert find_relations([art(text, "own", credits=("Harbour Wire",))]) == []


def test_near_copy_of_a_credited_report_names_it_the_original() -> None:
    wire = art(WIRE, "wire", outlet="Harbour Wire")
    copy_text = WIRE + "\nThis story was published from a syndicated feed of Harbour Wire."
    copy = art(copy_text, "copy", credits=("Harbour Wire",))
    (rel,) = find_relations([copy, wire])
    assert rel.kind == "near_copy" and rel.credited == "Harbour Wire"
    assert rel.original == wire.id and rel.original_by == "credited"


# --- shared quotations --------------------------------------------------------------------


@MODES
def test_independent_reports_of_one_statement_share_quotes(
    settings: ProvenanceSettings | None,
) -> None:
    own, quoting, other = art(OWN, "own"), art(QUOTING, "quoting"), art(OTHER, "other")
    rels = find_relations([own, quoting, other], settings)
    (rel,) = rels
    assert rel.kind == "shares_quotes"
    (pair,) = rel.evidence
    assert pair.a_text.startswith("We will not rest") and pair.a_text == pair.b_text
    assert own.text[pair.a.start : pair.a.end] == pair.a_text
    assert quoting.text[pair.b.start : pair.b.end] == pair.b_text
    # Quoting one statement does not make two reports one origin.
    assert len(origin_groups([own.id, quoting.id], rels)) == 2


def test_a_long_shared_quotation_is_not_a_near_copy() -> None:
    statement = (
        '"The coastguard evacuated two hundred and forty people from the burning vessel in '
        "less than an hour, and every one of our crews performed with courage and skill "
        "under the worst conditions imaginable. We mourn the three crew members who died "
        'and we will find out what happened," the statement said.'
    )
    a = art(OWN.split("\n")[0] + "\n" + statement + "\n" + OWN.split("\n")[2], "a")
    b = art(QUOTING.split("\n")[0] + "\n" + statement + "\n" + QUOTING.split("\n")[3], "b")
    (rel,) = find_relations([a, b])
    assert rel.kind == "shares_quotes"


def test_a_copy_keeping_the_quotes_is_still_a_copy() -> None:
    copy = art(OWN + "\nShare this story with your friends.", "copy")
    (rel,) = find_relations([art(OWN, "own"), copy])
    assert rel.kind == "near_copy"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said "the fire started in the engine room after midnight" on Monday.', 1),
        ("He said “the fire started in the engine room after midnight” on Monday.", 1),
        ('He said "too short to count" on Monday.', 0),
        ("“The fire started in the engine room after midnight and spread fast", 1),  # open
    ],
)
def test_quoted_spans(text: str, quoted: int) -> None:
    spans = quoted_spans(text)
    assert len(spans) == quoted
    for lo, hi in spans:
        assert text[lo:hi].startswith("the fire") or text[lo:hi].startswith("The fire")


# --- scraped furniture and templates -----------------------------------------------------

FURNITURE = """Close Get email notifications on daily!
Your notification has been saved.
There was a problem saving your notification.
Whenever new content is posted, you'll get an email delivered to your inbox with a link."""


@pytest.mark.parametrize(
    ("title_a", "title_b", "related"),
    [
        ("Ferry fire kills three crew in Halden", "Snow closes mountain pass again", False),
        (None, None, True),  # untitled: nothing tells the page is not the story
        ("Get email notifications daily", "Get email notifications daily", True),
    ],
)
def test_scraped_furniture_under_real_headlines_is_no_copy(
    title_a: str | None, title_b: str | None, related: bool
) -> None:
    a = art(FURNITURE, "a", title=title_a)
    b = art(FURNITURE.replace("Close ", "Close  "), "b", title=title_b)
    assert bool(find_relations([a, b])) is related


def test_title_coverage() -> None:
    # ferry, fire, three, halden of ferry, fire, kill, three, halden ("killing" is no "kill")
    assert title_coverage("Ferry fire kills three in Halden", WIRE) == pytest.approx(0.8)
    assert title_coverage("Ferry fire kills three in Halden", FURNITURE) == 0.0
    assert title_coverage("Breaking", WIRE) is None  # too short to judge


def _shooting(age: int, street: str, hospital: str, day: str, district: str) -> str:
    return (
        f"A {age}-year-old man was shot in the leg late {day} in the {age}00 block of {street} "
        f"in {district}, police said.\n"
        f"He was taken to {hospital} where his condition was stabilized.\n"
        f"A {age + 7}-year-old woman standing nearby was struck in the arm and taken to "
        f"{hospital} as well.\n"
        "The pair were outside a corner store when a gunman walked up and opened fire.\n"
        f"Nobody was in custody on {day} and detectives from {district} were investigating."
    )


def test_one_template_two_incidents_is_not_a_rewrite() -> None:
    """Formulaic crime briefs align on wording; their figures and rare names disagree."""
    a = art(_shooting(24, "Roosevelt Road", "Mount Sinai Hospital", "Tuesday", "Lawndale"), "a")
    b = art(_shooting(31, "Lexington Street", "Stroger Hospital", "Friday", "Garfield"), "b")
    # The same template for the same incident, reworded a little, is a rewrite.
    c_text = _shooting(24, "Roosevelt Road", "Mount Sinai Hospital", "Tuesday", "Lawndale")
    c = art(c_text.replace("walked up and opened fire", "approached and started shooting"), "c")
    rels = kinds(find_relations([a, b, c]), [a, b, c])
    assert ("a", "b") not in rels and ("b", "c") not in rels
    assert rels[("a", "c")] in {"near_copy", "rewrite"}


@pytest.mark.parametrize(
    ("sentence", "nums", "names"),
    [
        ("Police said 1,200 people fled Quetta on Saturday.", {"1200"}, ["quetta", "saturday"]),
        ("Three people died.", set(), []),
        ("The 24-year-old was taken to Stroger Hospital.", {"24"}, ["stroger"]),
    ],
)
def test_specifics(sentence: str, nums: set[str], names: list[str]) -> None:
    assert specifics(sentence) == (nums, names)


# --- the derivation graph -----------------------------------------------------------------


def _rel(a: str, b: str, kind: str = "near_copy", **kw: object) -> Relation:
    return Relation.model_validate({"a": a, "b": b, "kind": kind, "score": 1.0, **kw})


@pytest.mark.parametrize(
    ("relations", "dates", "original", "credited", "reason"),
    [
        # Publication times: the earliest report of the group.
        ([_rel("x", "y", original="x", original_by="published_first")], {}, "x", None,
         "earliest publication"),
        # The text that contains the other (a truncated copy), no dates.
        ([_rel("x", "y", original="y", original_by="contains_other")], {}, "y", None,
         "contains the other"),
        # Undated rewrites of each other: nothing tells which came first.
        ([_rel("x", "y", "rewrite")], {}, None, None, "undetermined"),
        # Undated relations, but dates on the articles: the earliest is the original.
        ([_rel("x", "y", "rewrite")], {"x": "2031-03-05T09:00", "y": "2031-03-04T23:00"}, "y",
         None, "earliest publication"),
        # Both relay one agency with no report here: the agency is the origin.
        ([_rel("x", "y", "syndicated"),
          _rel("x", "x", "syndicated", credited="AFP", external=True),
          _rel("y", "y", "syndicated", credited="AFP", external=True)], {}, None, "AFP",
         "credits an outside outlet"),
        # A relay of an outside outlet and an undated rewrite of it: the outlet is the origin,
        # the relay its text here.
        ([_rel("x", "x", "syndicated", credited="Coastal Wire", external=True),
          _rel("x", "y", "rewrite")], {}, "x", "Coastal Wire", "credits an outside outlet"),
        # One credits the other's outlet.
        ([_rel("x", "y", "syndicated", original="x", original_by="credited")], {}, "x", None,
         "credited by the others"),
    ],
)  # fmt: skip
def test_derivation_likely_original(
    relations: list[Relation],
    dates: dict[str, str],
    original: str | None,
    credited: str | None,
    reason: str,
) -> None:
    arts = {k: Article(id=k, key=k, source=k, text="t", date=d) for k, d in dates.items()}
    (origin,) = derivation(["x", "y"], relations, arts)
    assert origin.members == ("x", "y")
    assert (origin.original, origin.credited, origin.reason) == (original, credited, reason)


def test_derivation_singletons_and_edges() -> None:
    rels = [_rel("x", "y", original="x", original_by="published_first")]
    origins = derivation(["x", "y", "z"], rels)
    assert [o.members for o in origins] == [("x", "y"), ("z",)]
    assert origins[0].edges == (("x", "y", "near_copy"),)
    assert (origins[1].original, origins[1].reason) == ("z", "single report")


def test_origin_groups_merge_reports_crediting_one_outlet_and_not_shared_quotes() -> None:
    rels = [
        _rel("a", "a", "syndicated", credited="AFP", external=True),
        _rel("c", "c", "syndicated", credited="afp", external=True),
        _rel("b", "d", "shares_quotes"),
    ]
    assert origin_groups(["a", "b", "c", "d"], rels) == [("a", "c"), ("b",), ("d",)]


# --- scaling pieces -----------------------------------------------------------------------


@pytest.mark.parametrize("n_docs", [10, 200])
def test_shared_key_pairs_stay_linear_in_a_huge_bucket(n_docs: int) -> None:
    import numpy as np

    # Every document quotes the same statement (keys 1..6) and nothing else.
    keys = [np.arange(1, 7, dtype=np.uint64) for _ in range(n_docs)]
    pairs = shared_key_pairs(keys, min_shared=6, bucket_cap=40, window=2)
    expected = n_docs * (n_docs - 1) // 2 if n_docs <= 40 else 2 * n_docs - 3
    assert len(pairs) == expected
    assert all(v == 6 for v in pairs.values())


def test_same_relations_whatever_the_candidate_path() -> None:
    batch = [
        art(WIRE, "wire", outlet="Harbour Wire"),
        art(RELAY, "relay", credits=("Harbour Wire",)),
        art(OWN, "own"),
        art(QUOTING, "quoting"),
        art(OTHER, "other"),
        art(WIRE + "\nRead more stories like this on our website.", "copy"),
    ]
    for perm in itertools.islice(itertools.permutations(batch), 0, 24, 5):
        found = {frozenset(kinds(find_relations(list(perm)), batch).items())}
        lsh = {frozenset(kinds(find_relations(list(perm), LSH), batch).items())}
        assert {tuple(sorted(k)) for k, _ in next(iter(found))} == {
            tuple(sorted(k)) for k, _ in next(iter(lsh))
        }


@pytest.mark.parametrize("size", [0, 1, 2, 50, 5000])
def test_sort_based_unique_matches_numpy(size: int) -> None:
    import numpy as np

    from corroborate.provenance.arrays import unique, unique_counts, unique_inverse

    x = np.random.default_rng(size).integers(0, max(1, size // 3), size).astype(np.int64)
    ref_values, ref_inverse, ref_counts = np.unique(x, return_inverse=True, return_counts=True)
    assert unique(x).tolist() == ref_values.tolist()
    values, counts = unique_counts(x)
    assert values.tolist() == ref_values.tolist() and counts.tolist() == ref_counts.tolist()
    values, inverse = unique_inverse(x)
    assert values.tolist() == ref_values.tolist()
    assert inverse.tolist() == ref_inverse.ravel().tolist()
