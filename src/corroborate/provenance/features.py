"""Per-article features for copy detection: alignable sentences, their words, shingles.

Everything here is a pure function of one article's text, so features can be computed once
per article and reused for every candidate pair.

    >>> units = alignable_units("Police said the gunman fled\\non foot. Two died.")
    >>> [u.text for u, _ in units]
    ['Police said the gunman fled\\non foot.']
    >>> sentence_words("Pakistan's militants attacked 12 towns.")
    ['pakistan', 'militant', 'attacked', 'town']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from corroborate.text import Piece, content_words, normalise_quotes, sentences

#: A sentence needs this many content words (numbers excluded) to take part in alignment;
#: shorter pieces (headings, datelines, "Let's dive in:") carry no evidence of copying.
MIN_UNIT_WORDS = 3

#: Word n-gram length of the shingles used for verbatim (near-copy) detection.
SHINGLE_SIZE = 5

_CLOSERS = "\"'”’)]"
_ENDERS = frozenset(".!?:;")
_WORD = re.compile(r"\w+")


_MEMO_MAX = 200_000
_STEMS: dict[str, str] = {}
_WORDS: dict[str, str] = {}  # token -> stemmed content word, "" when not one
_TOKEN = re.compile(r"\w+(?:'\w+)?")


def _stem(word: str) -> str:
    """A deliberately tiny stemmer: fold possessives and plain plurals only.

    Rewrites change "attacks" to "attack" far more often than they change tense, and a
    predictable stemmer keeps similarity scores explainable.
    """
    stem = _STEMS.get(word)
    if stem is None:
        stem = word[:-2] if word.endswith("'s") else word
        if len(stem) > 3 and stem.endswith("s") and not stem.endswith(("ss", "us", "is")):
            stem = stem[:-1]
        if len(_STEMS) < _MEMO_MAX:  # memo for speed, bounded so it cannot grow forever
            _STEMS[word] = stem
    return stem


def _classify(token: str) -> str:
    # Ask content_words about the single token, so its stop list stays the only one.
    kept = content_words(token)
    word = _stem(kept[0]) if len(kept) == 1 and not kept[0].isdigit() else ""
    if len(_WORDS) < _MEMO_MAX:
        _WORDS[token] = word
    return word


def sentence_words(text: str) -> list[str]:
    """Stemmed content words of a sentence (as ``content_words``), numbers dropped.

    Numbers are dropped on purpose: independent reports of one event share the figures,
    so figures say nothing about whether one report was copied from another.
    """
    lowered = text.lower()
    if "’" in lowered:
        lowered = lowered.replace("’", "'")
    memo = _WORDS
    return [
        w for w in (memo[t] if t in memo else _classify(t) for t in _TOKEN.findall(lowered)) if w
    ]


def _ends_with_stop(text: str) -> bool:
    """Whether a piece ends with sentence punctuation (closing quotes allowed after it)."""
    return text.rstrip(_CLOSERS)[-1:] in _ENDERS


def alignable_units(text: str) -> list[tuple[Piece, list[str]]]:
    """Sentences worth aligning, with their :func:`sentence_words`.

    Hard-wrapped lines are glued back together: ``corroborate.text.sentences`` never
    crosses a line break, so text wrapped at a fixed width arrives as fragments; a fragment
    without end punctuation followed by one that starts in lower case is one sentence (the
    span then covers the line break).
    """
    merged: list[Piece] = []
    for piece in sentences(text):
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and not _ends_with_stop(prev.text)
            and (piece.text[:1].islower() or piece.text[:1].isdigit())
            and text.count("\n", prev.end, piece.start) <= 1
        ):
            merged[-1] = Piece(text[prev.start : piece.end], prev.start, piece.end)
        else:
            merged.append(piece)
    out = [(p, sentence_words(p.text)) for p in merged]
    return [(p, words) for p, words in out if len(words) >= MIN_UNIT_WORDS]


def _fold_quotes(text: str) -> str:
    """Like ``corroborate.text.normalise_quotes``, via ``str.replace`` (much faster than
    ``str.translate`` with a dict table on long texts)."""
    for typographic, plain in _QUOTE_PAIRS:
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


_QUOTE_PAIRS = tuple((q, normalise_quotes(q)) for q in "’‘“”–—")


def normalised(text: str) -> str:
    """Text folded for exact-duplicate tests: case, quotes and whitespace runs."""
    return " ".join(_fold_quotes(text).casefold().split())


def shingles(text: str, size: int = SHINGLE_SIZE) -> npt.NDArray[np.uint64]:
    """Sorted distinct hashes of the word ``size``-grams over all words.

    Stop words are kept: phrasing is what a verbatim copy preserves. Hashes are only
    comparable within one process (they build on ``hash(str)``).
    """
    words = _WORD.findall(_fold_quotes(text).casefold().replace("'", ""))
    if len(words) < size:
        return np.zeros(0, dtype=np.uint64)
    h = np.fromiter((hash(w) for w in words), dtype=np.int64, count=len(words)).view(np.uint64)
    key = h[: len(h) - size + 1].copy()
    for k in range(1, size):
        # Polynomial rolling combination with wrapping uint64 arithmetic.
        key = key * np.uint64(0x9E3779B97F4A7C15) + h[k : len(h) - size + 1 + k]
    return np.unique(key)


def containment(a: npt.NDArray[np.uint64], b: npt.NDArray[np.uint64]) -> float:
    """Share of the smaller shingle set found in the larger one (0 when either is empty)."""
    if not a.size or not b.size:
        return 0.0
    return shared_count(a, b) / min(a.size, b.size)


def shared_count(a: npt.NDArray[np.uint64], b: npt.NDArray[np.uint64]) -> int:
    """Number of shingles two sorted distinct hash arrays have in common."""
    return int(np.intersect1d(a, b, assume_unique=True).size)


def longest_increasing(seq: Sequence[int]) -> int:
    """Length of the longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []
    for x in seq:
        i = bisect.bisect_left(tails, x)
        if i == len(tails):
            tails.append(x)
        else:
            tails[i] = x
    return len(tails)
