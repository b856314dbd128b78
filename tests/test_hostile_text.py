"""Text no reporter writes: the pipeline neither crashes nor does work that grows with the
square of a sentence or a document. Inputs are invented: runs without full stops, lists of
thousands of numbers, Unicode digits that ``int()`` refuses, numbers of thousands of digits."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate import Article, analyse
from corroborate import text as text_module
from corroborate.claims import extract_claims
from corroborate.claims.numbers import MAX_VALUE
from corroborate.ingest import parse_document
from corroborate.provenance import features as provenance_features
from corroborate.provenance.features import (
    MAX_UNITS,
    alignable_units,
    paragraph_words,
    sentence_words,
)
from corroborate.store import Store
from corroborate.text import MAX_SENTENCE, leading_sentences, sentence_list, sentences

_WORDS = ["police", "said", "two", "killed", "people", "at", "least", "1,200", ",", ";", "Mr.",
          "U.S.", "Kabul", "were", "wounded", "-", "(", ")", "'", "12-year-old"]  # fmt: skip

HOSTILE = {
    "no full stops": " ".join(_WORDS[i % len(_WORDS)] for i in range(6000)),
    "a list of numbers": ", ".join(["two"] * 5000) + " people were killed",
    "a number of 6,000 digits": "1" * 6000 + " people were killed.",
    "a number past the limit": "Police said 9,000,000,000,000,000 people were killed.",
    "hundreds of hundreds": "Police said " + "hundred " * 300 + "people were killed.",
    "superscript digits": "Police said ³ people were shot on Jan. ²², 2024, and ² died.",
    "an age in superscripts": "A ²³-year-old man was killed on March ².",
    "Arabic-Indic digits": "Police said ٣ people were killed on Monday.",
    "one long paragraph": "Two people were killed. " * 3000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_is_analysed_and_stored(name: str, tmp_path: Path) -> None:
    text = HOSTILE[name]
    arts = [Article.create(text, "a.txt", title=text[:300]),
            Article.create(text[: len(text) // 2], "b.txt")]  # fmt: skip
    report = analyse(arts)
    for c in report.claims:
        art = next(a for a in arts if a.id == c.article)
        source = art.text if c.section == "body" else art.title or ""
        assert source[c.span.start : c.span.end] == c.text
        assert len(c.text) <= MAX_SENTENCE
        assert c.value is None or 0 <= c.value <= MAX_VALUE
    with Store(tmp_path / "c.db") as store:  # every value fits SQLite's integers
        store.add_articles(arts)
        store.save_report(report)


def test_numbers_past_the_limit_are_not_counts() -> None:
    assert extract_claims(Article.create(HOSTILE["a number past the limit"], "a.txt")) == []
    assert extract_claims(Article.create(HOSTILE["hundreds of hundreds"], "a.txt")) == []
    # The largest real figures still read.
    (claim,) = extract_claims(Article.create("About 1,200,000 people were displaced.", "a.txt"))
    assert claim.value == 1_200_000


def test_superscripts_are_not_numbers() -> None:
    assert extract_claims(Article.create("Police said ³ people were killed.", "a.txt")) == []
    (claim,) = extract_claims(Article.create("Police said 3 people were killed.", "a.txt"))
    assert claim.value == 3


def test_a_long_run_is_cut_at_clause_marks() -> None:
    text = "; ".join(f"clause {i} of a list" for i in range(200))  # 3,900 characters
    pieces = list(sentences(text))
    assert len(pieces) > 3
    assert all(p.text.endswith(";") for p in pieces[:-1])
    assert all(len(p.text) <= MAX_SENTENCE for p in pieces)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from([*_WORDS, " ", "  ", "\n", ". ", "x" * 700]),
                          st.text(max_size=30)), max_size=300).map("".join))  # fmt: skip
def test_sentences_are_exact_bounded_and_cover_the_text(text: str) -> None:
    pieces = list(sentences(text))
    covered: set[int] = set()
    for p in pieces:
        assert text[p.start : p.end] == p.text == p.text.strip() != ""
        assert len(p.text) <= MAX_SENTENCE
        covered.update(range(p.start, p.end))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from([*_WORDS, " ", "\n", ". ", "Mr. ", "x" * 700]),
                          st.text(max_size=30)), max_size=300).map("".join))  # fmt: skip
def test_a_remembered_split_is_the_split(text: str) -> None:
    first = sentence_list(text)
    again = sentence_list(text)  # rebuilt from the remembered offsets
    assert first == again == list(sentences(text))
    assert all(p.text == text[p.start : p.end] for p in again)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from([*_WORDS, " ", "\n", ". ", "Mr. ", "x" * 700, "died.The"]),
                       st.text(max_size=30)), max_size=300).map("".join),
    st.integers(min_value=0, max_value=20),
    st.one_of(st.none(), st.integers(min_value=0, max_value=4000)),
)  # fmt: skip
def test_leading_sentences_are_the_prefix_split(text: str, most: int, limit: int | None) -> None:
    cut = text if limit is None else text[:limit]
    want = list(itertools.islice(sentences(cut), most))
    assert leading_sentences(text, most, limit) == want  # nothing remembered: split afresh
    sentence_list(text)
    got = leading_sentences(text, most, limit)  # from the remembered split
    assert got == want
    assert all(p.text == text[p.start : p.end] for p in got)


def test_leading_sentences_cut_the_last_line_at_the_limit() -> None:
    text = "One died. Two left.\nThree fled. Four hid. Five ran."
    sentence_list(text)
    # The limit cuts the second line's fourth word: the second line is split afresh.
    assert [s.text for s in leading_sentences(text, 9, 34)] == [
        "One died.", "Two left.", "Three fled.", "Fo"]  # fmt: skip
    assert [s.text for s in leading_sentences(text, 2, 34)] == ["One died.", "Two left."]
    assert [s.text for s in leading_sentences(text, 2, 5)] == ["One d"]
    assert [s.start for s in leading_sentences(text, 9)] == [0, 10, 20, 32, 42]


@pytest.mark.parametrize("most", range(6))
def test_leading_sentences_without_a_split_read_only_the_lines_they_need(
    monkeypatch: pytest.MonkeyPatch, most: int
) -> None:
    monkeypatch.setattr(text_module, "_SPLITS", {})  # nothing remembered
    lines = ["", "  ", "One died.", " \t ", "Two left. Three fled.", "x" * 1500, "", "Four hid."]
    text = "\n".join(lines)
    got = leading_sentences(text, most)
    assert got == list(itertools.islice(sentences(text), most))
    assert len(got) == most
    assert leading_sentences(text, most, 30) == list(itertools.islice(sentences(text[:30]), most))
    # Only the first ``most`` lines that hold text are split (each holds a sentence at least).
    split: list[str] = []
    monkeypatch.setattr(text_module, "sentences", lambda t: split.append(t) or sentences(t))
    assert leading_sentences(text, most) == got
    with_text = [i for i, line in enumerate(lines) if line.strip()][:most]
    needed = len("\n".join(lines[: with_text[-1] + 1])) if with_text else 0
    assert len(split[0]) <= needed + 1


def test_remembered_splits_are_by_text_and_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_module, "_SPLITS", {})
    monkeypatch.setattr(text_module, "_SPLITS_LIMIT", 3)
    texts = [f"Report {i}. Two died on road {i}." for i in range(5)]
    for t in texts:
        sentence_list(t)
    assert 0 < len(text_module._SPLITS) <= 3
    # Equal texts in other objects, and a caller changing its list, change nothing.
    for t in texts:
        got = sentence_list("".join(list(t)))
        assert [p.text for p in got] == [p.text for p in sentences(t)]
        got.clear()
        assert sentence_list(t) == list(sentences(t))


# Runs with no space (cut inside a word at MAX_SENTENCE), sentences run together
# ("died.The"), apostrophes either side of a cut, curly quotes, a Greek final sigma.
_JOINED = ["x" * 700, "y'" * 400, "died.The", "killed.’", "’s", "ΟΔΟΣ. Σ", "rock’n’roll", "Kabul’s"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from([*_WORDS, *_JOINED, " ", "\n", ". ", "Mr. "]),
                          st.text(max_size=30)), max_size=300).map("".join))  # fmt: skip
def test_paragraph_words_after_alignment_are_each_lines_words(text: str) -> None:
    units = alignable_units(text)
    assert all(words == sentence_words(p.text) for p, words in units)
    assert paragraph_words(text) == [sentence_words(line) for line in text.split("\n")]
    # Again: its entry was taken, so the lines are read afresh.
    assert paragraph_words(text) == [sentence_words(line) for line in text.split("\n")]


def test_a_word_cut_at_the_sentence_limit_is_read_whole() -> None:
    text = "Two died. " + "z" * (MAX_SENTENCE + 200) + " police said.\nGunmen fled."
    alignable_units(text)
    words = paragraph_words(text)
    assert words[0] == ["two", "died", "z" * (MAX_SENTENCE + 200), "police"]
    assert words[1] == ["gunmen", "fled"]


def test_remembered_sentence_words_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(provenance_features, "_SENTENCE_WORDS", {})
    monkeypatch.setattr(provenance_features, "_SENTENCE_WORDS_WRAPPED", False)
    texts = [f"Report {i} here.\nTwo died on road {i}." for i in range(5)]
    for t in texts:
        alignable_units(t)
    remembered = provenance_features._SENTENCE_WORDS
    assert len(remembered) == len(texts)
    for n, t in enumerate(texts, 1):
        # An equal text in another object is read afresh; the same object takes its entry.
        assert paragraph_words("".join(list(t))) == [sentence_words(x) for x in t.split("\n")]
        assert len(remembered) == len(texts) - n + 1
        assert paragraph_words(t) == [sentence_words(x) for x in t.split("\n")]
        assert len(remembered) == len(texts) - n


def test_remembered_sentence_words_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(provenance_features, "_SENTENCE_WORDS", {})
    monkeypatch.setattr(provenance_features, "_SENTENCE_WORDS_LIMIT", 3)
    monkeypatch.setattr(provenance_features, "_SENTENCE_WORDS_WRAPPED", False)
    texts = [f"Report {i} here.\nTwo died on road {i}." for i in range(5)]
    for t in texts:
        alignable_units(t)
    remembered = provenance_features._SENTENCE_WORDS
    assert 0 < len(remembered) <= 3
    # The batch outgrew the memo: its first report's miss lets the rest go.
    assert paragraph_words(texts[0]) == [sentence_words(x) for x in texts[0].split("\n")]
    assert not remembered
    assert [paragraph_words(t) for t in texts] == [
        [sentence_words(x) for x in t.split("\n")] for t in texts
    ]


def test_content_words_are_interned() -> None:
    # The events stage keeps every report's words: equal words are one object.
    (word,) = sentence_words("attacks")
    assert word is sys.intern("attack")


def test_alignment_reads_at_most_max_units_sentences() -> None:
    text = "\n".join(f"Police closed road number {i} after the crash." for i in range(1500))
    units = alignable_units(text)
    assert len(units) == MAX_UNITS
    assert units[-1][0].text == f"Police closed road number {MAX_UNITS - 1} after the crash."


# --- the readers ----------------------------------------------------------------------------

_LAUGHS = "\n".join(
    ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]"
       for a, b in zip("abcdefgh", "bcdefghi", strict=True)]
)


def test_yaml_aliases_are_not_expanded() -> None:
    # Nine levels of nine aliases: 387 million strings if expanded. The block is read as
    # plain "key: value" lines instead.
    doc = f"---\n{_LAUGHS}\ntitle: Two killed in Jos\n---\nPolice said two people died.\n"
    art = parse_document(doc.encode(), "a.md")
    assert art.title == "Two killed in Jos"
    assert art.text == "Police said two people died."


def test_deep_toml_front_matter_is_no_front_matter() -> None:
    doc = "+++\ntitle = \"x\"\na = " + "[" * 5000 + "]" * 5000 + "\n+++\nPolice said two died.\n"
    art = parse_document(doc.encode(), "a.md")
    assert art.text.endswith("Police said two died.")


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("See [the map](https://w.example/wiki/Kano_(city)) of Kano.", "See the map of Kano."),
        ("[[[[ two [a]( [b](x) ]]]]", "[[[[ two [a]( b ]]]]"),
        ("<!-- a --> kept <!-- <!-- open", "kept <!-- <!-- open"),
        ("{{ x }} kept {{ open", "kept {{ open"),
        ("**bold** and **a **a **a", "bold and **a **a **a"),
    ],
)
def test_markdown_markup_is_removed_and_unclosed_marks_kept(markdown: str, text: str) -> None:
    art = parse_document(f"{markdown}\n".encode(), "a.md")
    assert " ".join(art.text.split()) == text


def test_hard_wrapped_lines_join_like_before() -> None:
    doc = "Police said the attack was co-\nordinated by two groups and that\nnine died.\n"
    art = parse_document(doc.encode(), "a.txt")
    assert art.text == "Police said the attack was co-ordinated by two groups and that nine died."
