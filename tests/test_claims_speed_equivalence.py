"""The claims stage's fast paths give what the plain definitions they replace give."""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path
from typing import Any

import pytest

from corroborate.claims import extract
from corroborate.claims.extract import _TOKEN, extract_claims
from corroborate.claims.numbers import HEDGES, Quantity, find_hedge, parse_quantity
from corroborate.claims.period import PeriodMention, find_periods
from corroborate.model import Article, Period
from corroborate.text import WholeWords, tokens


def _open_gate(texts: list[str]) -> WholeWords:
    """A gate every sentence of ``texts`` passes: one of all their words (a real
    ``WholeWords``, so it also stands in for the gate in a compiled build)."""
    return WholeWords({w for t in [TITLE, *texts] for w in WholeWords.words(t.lower())})

TEXTS = [
    "At least 12 people were killed, 1,200 hurt and 2.5 million displaced on Monday's raid.",
    "“Two” men—aged 23-year-old—were shot; police said it’s the 4th shooting (44%).",
    "Twenty-one soldiers, ΟΔΟΣ İstanbul ſ, were wounded last week in 2012 and 3 May 2020.",
]


def test_token_text_is_tokens_text() -> None:
    """``_sentence_claims`` reads token text with ``_TOKEN.findall`` instead of ``tokens``."""
    for text in TEXTS:
        assert _TOKEN.findall(text) == [t.text for t in tokens(text)]


def test_token_starts_are_the_tokens_offsets() -> None:
    """Claims read token offsets from ``_token_starts`` instead of building ``tokens``."""
    rng = random.Random(2)
    pieces = [*TEXTS, " ", "  ", "\n", "\t", "\u00a0", "x", "1,2", "-", "’", "é", "__"]
    texts = [*TEXTS, "", "   ", " lead and trail "]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for text in texts:
        shown = _TOKEN.findall(text)
        assert extract._token_starts(text, shown) == [t.start for t in tokens(text)], text


@pytest.mark.parametrize(
    ("make", "other"),
    [
        (lambda: Quantity(1, 3, 12, 12, None, "at_least"), lambda: Quantity(1, 3, 12, 12, 13)),
        (
            lambda: PeriodMention(0, 2, Period(kind="since", text="since Monday"), True),
            lambda: PeriodMention(0, 2, Period(kind="since", text="since Monday"), False),
        ),
    ],
)
def test_read_only_records_compare_as_values(make: Any, other: Any) -> None:
    """``Quantity`` and ``PeriodMention`` are plain classes with ``Final`` fields now (a frozen
    dataclass is slow to build compiled), still equal and hashed by value."""
    assert make() == make() and hash(make()) == hash(make())
    assert make() != other() and len({make(), make(), other()}) == 2
    assert repr(make()).startswith(type(make()).__name__ + "(")


def _plain_hedge(words: list[str], start: int) -> tuple[int, str] | None:
    for phrase, qual in HEDGES:
        n = len(phrase)
        if start - n >= 0 and tuple(words[start - n : start]) == phrase:
            return start - n, qual
    return None


def test_find_hedge_is_the_longest_hedge_first() -> None:
    vocab = sorted({w for phrase, _ in HEDGES for w in phrase} | {"12", "x"})
    for n in range(1, 4):
        for words in itertools.product(vocab, repeat=n):
            ws = [*words, "12"]
            for start in range(len(ws) + 2):
                assert find_hedge(ws, start) == _plain_hedge(ws, start), (ws, start)


def test_hyphenated_numbers_still_parse() -> None:
    q = parse_quantity(["twenty-one", "soldiers"], 0)
    assert q is not None and (q.value, q.end) == (21, 1)
    assert parse_quantity(["twenty-", "soldiers"], 0) is None


def test_periods_with_possessive_and_numbers() -> None:
    words = "on monday's raid , 3 may and in 2012 over the past 48 hours".split()
    kinds = [(p.start, p.period.kind) for p in find_periods(words)]
    assert kinds == [(1, "weekday"), (4, "date"), (8, "date"), (11, "span")]


# Reports whose figures hang on words the gate of ``_sentence_claims`` must let through: a
# care place after "to" with no other trigger, a phrase whose first word is a function
# word, and a claimant named by a stance verb in a sentence that counts nothing.
GATED = [
    "The boy was rushed to Grant Medical Center.\nAll four were flown to a trauma centre.",
    "Two men remain in critical condition.\nA third was airlifted to a clinic.",
    "Officials warned of more violence. Three people were arrested on Friday, the report said.",
    "Police described the scene as chaotic.\nAuthorities arrested two men after the raid.",
    "A woman died of her wounds in Harnai. Her husband succumbed to his injuries.",
    "The toll rose to 12.\nNo one was hurt in the second blast, according to the army.",
]


TITLE = "Gunfire in the market"


def _claims(text: str) -> list[str]:
    art = Article.create(text=text, source="gate.txt", title=TITLE)
    return [c.model_dump_json() for c in extract_claims(art)]


@pytest.mark.parametrize("text", GATED)
def test_gate_loses_no_claim(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The trigger and speech gates only skip sentences that would give nothing: the
    claims are the same with every sentence read in full."""
    gated = _claims(text)
    monkeypatch.setattr(extract, "_TRIGGER_GATE", _open_gate([text]))  # every sentence in full
    assert _claims(text) == gated
    assert gated  # each text gives figures (the gate is not trivially closed)


def test_gate_loses_no_claim_on_the_seeds(seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.iterdir()) if p.is_file()]
    gated = [_claims(t) for t in texts]
    monkeypatch.setattr(extract, "_TRIGGER_GATE", _open_gate(texts))
    assert [_claims(t) for t in texts] == gated


WORDS = ["shot", "killed", "no one", "no-one", "murder-suicide", "non-life-threatening", "é"]


@pytest.mark.parametrize(
    "text",
    [
        "Two were shot.",
        "One was shotgunned.",  # inside a longer word: no
        "un_shot",  # "_" is a word character
        "ex-shot",  # "-" is not
        "no one was hurt",
        "no  one was hurt",  # two spaces: not the phrase
        "nobody; no-one",
        "a murder-suicides",
        "non-life-threatening",
        "non-life-threateningly",
        "café é",
        "",
    ],
)
def test_whole_words_answers_as_the_alternation(text: str) -> None:
    """``WholeWords`` (the claims gates) is ``\\b(?:...)\\b`` searched, by a set lookup."""
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, WORDS)) + r")\b")
    expected = pattern.search(text) is not None
    assert WholeWords(WORDS).search(text) is expected
    # The words found once and handed over (as the claims stage asks two gates) answer alike.
    assert WholeWords(WORDS).search(text, WholeWords.words(text)) is expected


def test_whole_words_on_random_texts() -> None:
    rng = random.Random(11)
    pieces = [*WORDS, "shots", "one", "no", "murder", "-", "_", " ", "x", "\n", "'"]
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, WORDS)) + r")\b")
    gate = WholeWords(WORDS)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        expected = pattern.search(text) is not None
        assert gate.search(text) is expected, text
        assert gate.search(text, WholeWords.words(text)) is expected, text


def _kept(text: str) -> tuple[list[str], list[int]]:
    """The tokens and starts the place finder leaves for ``text``."""
    from corroborate.geo.finder import _runs
    from corroborate.text import remembered_tokens

    _runs(text)
    kept = remembered_tokens(text)
    assert kept is not None
    return kept


@pytest.mark.parametrize("text", [*TEXTS, *GATED, "", "  \n ", "a.b", "12.5 and 3,000th."])
def test_place_finder_keeps_the_texts_tokens(text: str) -> None:
    found, starts = _kept(text)
    assert found == _TOKEN.findall(text)
    assert starts == [m.start() for m in _TOKEN.finditer(text)]


def test_kept_tokens_slice_as_each_piece_reads_alone() -> None:
    """A slice of the whole text's tokens is the piece's own tokens, or None (never other)."""
    rng = random.Random(3)
    pieces = ["12", ".5", ",000", "th", "%", " ", "  ", "\n", "shot", "’s", "-", "'", "é", ".", "x"]
    served = 0
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        kept = _kept(text)
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        got = extract._tokens_within(kept, start, end)
        if got is not None:
            served += 1
            assert got == _TOKEN.findall(text[start:end]), (text, start, end)
    assert served > 2_000


def test_claims_read_the_kept_tokens_for_the_bodys_sentences(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from corroborate.geo import find_places
    from corroborate.text import sentence_list

    text = "\n".join(GATED)
    art = Article.create(text=text, source="kept.txt", title=TITLE)
    mentions = find_places(art.text)
    kept = _kept(art.text)
    # Every sentence of a plain report is served from the kept tokens ...
    assert all(extract._tokens_within(kept, s.start, s.end) for s in sentence_list(text))
    served = extract_claims(art, places=mentions)
    # ... and the claims are those of every sentence tokenised alone.
    monkeypatch.setattr(extract, "remembered_tokens", lambda _text: None)
    assert served == extract_claims(art, places=mentions)
    assert served


def test_whole_words_stems_are_whole_word_characters() -> None:
    assert WholeWords([], stems=["attack"]).search("Two attackers fled.")
    with pytest.raises(ValueError, match="word characters only"):
        WholeWords([], stems=["anti-"])
