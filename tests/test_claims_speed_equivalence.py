"""The claims stage's fast paths give what the plain definitions they replace give."""

from __future__ import annotations

import itertools

from corroborate.claims.extract import _TOKEN
from corroborate.claims.numbers import HEDGES, find_hedge, parse_quantity
from corroborate.claims.period import find_periods
from corroborate.text import tokens

TEXTS = [
    "At least 12 people were killed, 1,200 hurt and 2.5 million displaced on Monday's raid.",
    "“Two” men—aged 23-year-old—were shot; police said it’s the 4th shooting (44%).",
    "Twenty-one soldiers, ΟΔΟΣ İstanbul ſ, were wounded last week in 2012 and 3 May 2020.",
]


def test_token_text_is_tokens_text() -> None:
    """``_sentence_claims`` reads token text with ``_TOKEN.findall`` instead of ``tokens``."""
    for text in TEXTS:
        assert _TOKEN.findall(text) == [t.text for t in tokens(text)]


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
