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
import sys
from array import array
from collections.abc import Iterable, Sequence
from typing import Final

import numpy as np
import numpy.typing as npt

from corroborate.provenance.arrays import unique
from corroborate.text import STOP_WORDS, Piece, normalise_quotes, object_key, sentence_list

#: A sentence needs this many content words (numbers excluded) to take part in alignment;
#: shorter pieces (headings, datelines, "Let's dive in:") carry no evidence of copying.
MIN_UNIT_WORDS: Final = 3

#: The most sentences of one document that are aligned (its first ones). Two documents'
#: sentence similarities are a dense matrix: news reports have tens of sentences (273 at
#: most in the gva, gvdb and ECB+ reports), but two 5 MB texts of 40,000 sentences each
#: would need gigabytes. A copy shows in its first thousand sentences as well as in all.
MAX_UNITS: Final = 1000

#: Word n-gram length of the shingles used for verbatim (near-copy) detection.
SHINGLE_SIZE: Final = 5

_CLOSERS: Final = "\"'”’)]"
_ENDERS: Final = frozenset(".!?:;")
_WORD: Final = re.compile(r"\w+")
_WORD_ASCII: Final = re.compile(_WORD.pattern, re.ASCII)  # (see ``_TOKEN_ASCII``)


_MEMO_MAX = 1_000_000
_STEMS: Final[dict[str, str]] = {}
_TOKEN: Final = re.compile(r"\w++(?:'\w++)?+")  # possessive: no backtracking points kept
# The same on ASCII text (most sentences), where ``\w`` is read from a table instead of the
# Unicode database: a fifth less time.
_TOKEN_ASCII: Final = re.compile(_TOKEN.pattern, re.ASCII)


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


#: token -> stemmed content word ("" when not one); bounded by _MEMO_MAX.
_WORDS: dict[str, str] = {}


def _learn(tokens: Iterable[str]) -> dict[str, str]:
    """Classify unseen lowercased tokens (stemmed content word, or "" for a stop word or
    a number); memoise them while the memo has room and return them all."""
    known, stop = _WORDS, STOP_WORDS  # (read once: compiled, each global is a dict lookup)
    missing = {t for t in tokens if t not in known}
    if not missing:
        return {}
    # Interned: the events stage keeps every report's words, and most recur across reports.
    learned = {t: ("" if t in stop or t.isdecimal() else sys.intern(_stem(t))) for t in missing}
    if len(_WORDS) + len(learned) <= _MEMO_MAX:
        _WORDS.update(learned)
    return learned


def sentence_words(text: str) -> list[str]:
    """Stemmed content words of a sentence: its words outside ``STOP_WORDS``, numbers dropped.

    Numbers are dropped on purpose: independent reports of one event share the figures,
    so figures say nothing about whether one report was copied from another.
    """
    return _content(_tokens(_lowered(text)))


def _content(tokens: list[str]) -> list[str]:
    """The stemmed content words among lowercased tokens, in order."""
    try:
        return list(filter(None, map(_WORDS.__getitem__, tokens)))
    except KeyError:  # words no text used before: classify them (one pass), look again
        learned = _learn(tokens)
    try:
        return list(filter(None, map(_WORDS.__getitem__, tokens)))
    except KeyError:  # the memo is full, so they were not kept
        return [w for w in (_WORDS.get(t) or learned.get(t, "") for t in tokens) if w]


def _tokens(lowered: str) -> list[str]:
    """``_TOKEN.findall(lowered)``."""
    return (_TOKEN_ASCII if lowered.isascii() else _TOKEN).findall(lowered)


def _lowered(text: str) -> str:
    lowered = text.lower()
    return lowered.replace("’", "'") if "’" in lowered else lowered


def _ends_with_stop(text: str) -> bool:
    """Whether a piece ends with sentence punctuation (closing quotes allowed after it)."""
    return text.rstrip(_CLOSERS)[-1:] in _ENDERS


def word_ids(units: list[tuple[Piece, list[str]]], vocab: dict[str, int]) -> list[int]:
    """Every unit's words end to end, each as its number in ``vocab``; a new word gets the
    next number (compiled: the provenance stage's loop over every word of every body).

    >>> vocab = {"police": 0}
    >>> word_ids([(Piece("x", 0, 1), ["shot", "police", "shot"])], vocab), vocab
    ([1, 0, 1], {'police': 0, 'shot': 1})
    """
    out: list[int] = []
    for _, words in units:
        for w in words:
            i = vocab.get(w)
            if i is None:
                i = vocab[w] = len(vocab)
            out.append(i)
    return out


def alignable_units(text: str, prose_only: bool = False) -> list[tuple[Piece, list[str]]]:
    """Sentences worth aligning, with their :func:`sentence_words`.

    Hard-wrapped lines are glued back together: ``corroborate.text.sentences`` never
    crosses a line break, so text wrapped at a fixed width arrives as fragments; a fragment
    without end punctuation followed by one that starts in lower case is one sentence (the
    span then covers the line break). With ``prose_only``, pieces that do not end like a
    sentence (headings, link lists, video playlists, photo credits) are left out. At most
    :data:`MAX_UNITS` are returned.

        >>> [u.text for u, _ in alignable_units("Related videos here\\nPolice closed the road.",
        ...                                      prose_only=True)]
        ['Police closed the road.']
    """
    pieces = sentence_list(text)
    # Every sentence's words, the aligned ones or not: the events stage reads them again
    # as its paragraphs' words (:func:`paragraph_words`).
    per_piece = [_content(_tokens(_lowered(p.text))) for p in pieces]
    _remember(text, pieces, per_piece)
    merged: list[tuple[Piece, list[str]]] = []
    glued = False  # whether the last of ``merged`` is glued from several pieces
    for piece, words in zip(pieces, per_piece, strict=True):
        prev = merged[-1][0] if merged else None
        if (
            prev is not None
            and not _ends_with_stop(prev.text)
            and (piece.text[:1].islower() or piece.text[:1].isdecimal())
            and text.count("\n", prev.end, piece.start) <= 1
        ):
            merged[-1] = (Piece(text[prev.start : piece.end], prev.start, piece.end), [])
            glued = True
        else:
            if glued:
                _read_glued(merged)
            merged.append((piece, words))
            glued = False
    if glued:
        _read_glued(merged)
    if prose_only:
        merged = [(p, words) for p, words in merged if _ends_with_stop(p.text)]
    out = [(p, words) for p, words in merged if len(words) >= MIN_UNIT_WORDS]
    return out[:MAX_UNITS]


def _read_glued(merged: list[tuple[Piece, list[str]]]) -> None:
    """The words of the last glued piece, read from its own text: a hard cut can fall
    inside a word, which the glued text joins again."""
    piece = merged[-1][0]
    merged[-1] = (piece, _content(_tokens(_lowered(piece.text))))


#: The words of every sentence of the bodies :func:`alignable_units` read most recently,
#: by the text object (``corroborate.text.object_key``, as ``sentence_list`` keeps their
#: offsets): all the words end to end, each sentence's end among them, and the
#: sentences' offsets. Emptied when it reaches ``_SENTENCE_WORDS_LIMIT`` texts; an entry is
#: dropped once :func:`paragraph_words` has read it.
_SENTENCE_WORDS: dict[tuple[int, int, int], tuple[list[str], array[int], array[int]]] = {}
_SENTENCE_WORDS_LIMIT = 4096
#: Whether the memo was emptied for room since :func:`paragraph_words` last missed: a batch
#: larger than the memo, whose later entries would wait for its last reports.
_SENTENCE_WORDS_WRAPPED = False


def _remember(text: str, pieces: list[Piece], per_piece: list[list[str]]) -> None:
    global _SENTENCE_WORDS_WRAPPED
    if len(text) >= 1 << 31:  # (offsets fit the arrays' C ints)
        return
    if len(_SENTENCE_WORDS) >= _SENTENCE_WORDS_LIMIT:
        _SENTENCE_WORDS.clear()
        _SENTENCE_WORDS_WRAPPED = True
    flat: list[str] = []
    ends = array("i")
    for words in per_piece:
        flat += words
        ends.append(len(flat))
    bounds = array("i", [at for p in pieces for at in (p.start, p.end)])
    _SENTENCE_WORDS[object_key(text)] = (flat, ends, bounds)


_TOKEN_MARKS: Final = "_'’"  # with the letters and digits, what a token is made of


def _joins(text: str, end: int, start: int) -> bool:
    """Whether a sentence ending at ``end`` runs into one starting at ``start`` with no
    space between, both sides characters a token can hold (a cut inside a word)."""
    if start != end:
        return False
    a, b = text[end - 1], text[start]
    return (a.isalnum() or a in _TOKEN_MARKS) and (b.isalnum() or b in _TOKEN_MARKS)


def paragraph_words(text: str) -> list[list[str]]:
    """:func:`sentence_words` of each line of ``text`` (``text.split("\\n")``).

    A line's words are its sentences' words end to end (sentences never cross a line
    break, and a token never crosses a sentence's end), so a body :func:`alignable_units`
    has just read is not read again.

        >>> body = "Gunmen killed two. Police came.\\n\\nRoads shut"
        >>> _ = alignable_units(body)  # remembers each sentence's words
        >>> paragraph_words(body)
        [['gunmen', 'killed', 'two', 'police', 'came'], [], ['road', 'shut']]
    """
    global _SENTENCE_WORDS_WRAPPED
    lines = text.split("\n")
    got = _SENTENCE_WORDS.pop(object_key(text), None)
    if got is None:
        if _SENTENCE_WORDS_WRAPPED:
            # The batch outgrew the memo: its first reports' words are gone, and holding the
            # last ones until the stage reaches them costs more memory than it saves time.
            _SENTENCE_WORDS.clear()
            _SENTENCE_WORDS_WRAPPED = False
        return [sentence_words(line) for line in lines]
    flat, ends, bounds = got
    out: list[list[str]] = []
    k = 0  # the next sentence
    n = len(ends)
    line_start = 0
    for line in lines:
        line_end = line_start + len(line)
        first = k
        while k < n and bounds[2 * k] < line_end:
            k += 1
        if first == k:
            out.append([])
        elif any(_joins(text, bounds[2 * j - 1], bounds[2 * j]) for j in range(first + 1, k)):
            out.append(sentence_words(line))
        else:
            out.append(flat[ends[first - 1] if first else 0 : ends[k - 1]])
        line_start = line_end + 1
    return out


def _fold_quotes(text: str) -> str:
    """Like ``corroborate.text.normalise_quotes``, via ``str.replace`` (much faster than
    ``str.translate`` with a dict table on long texts)."""
    for typographic, plain in _QUOTE_PAIRS:
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


_QUOTE_PAIRS: Final = tuple((q, normalise_quotes(q)) for q in "’‘“”–—")


def normalised(text: str) -> str:
    """Text folded for exact-duplicate tests: case, quotes and whitespace runs."""
    return " ".join(_fold_quotes(text).casefold().split())


def shingles(text: str, size: int = SHINGLE_SIZE) -> npt.NDArray[np.uint64]:
    """Sorted distinct hashes of the word ``size``-grams over all words.

    Stop words are kept: phrasing is what a verbatim copy preserves. Hashes are only
    comparable within one process (they build on ``hash(str)``).
    """
    return _hashed_grams(text, size)


def shingles_and_quoted(
    text: str, quotes: Sequence[tuple[int, int]], size: int = SHINGLE_SIZE
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """:func:`shingles` of ``text``, and those of the ``quotes`` spans (the 5-grams wholly
    inside a quotation).

        >>> text = 'He said "we will rebuild every single house here" on Monday.'
        >>> all_, quoted = shingles_and_quoted(text, quoted_spans(text, min_words=3))
        >>> len(all_), len(quoted), bool(np.isin(quoted, all_).all())
        (7, 3, True)
    """
    return _hashed_grams(text, size), quoted_shingles(text, quotes, size)


def quoted_shingles(
    text: str, quotes: Sequence[tuple[int, int]], size: int = SHINGLE_SIZE
) -> npt.NDArray[np.uint64]:
    """The :func:`shingles` of the quotations ``quotes`` (spans into ``text``), merged."""
    if not quotes:
        return np.zeros(0, dtype=np.uint64)
    return unique(np.concatenate([_hashed_grams(text[lo:hi], size) for lo, hi in quotes]))


def _hashed_grams(text: str, size: int) -> npt.NDArray[np.uint64]:
    # Quotes and dashes folded, most reports' text is ASCII.
    folded = _fold_quotes(text).casefold().replace("'", "")
    words = (_WORD_ASCII if folded.isascii() else _WORD).findall(folded)
    if len(words) < size:
        return np.zeros(0, dtype=np.uint64)
    h = np.fromiter(map(hash, words), dtype=np.int64, count=len(words)).view(np.uint64)
    n = len(h) - size + 1
    key = h[:n].copy()
    for k in range(1, size):
        # Polynomial rolling combination with wrapping uint64 arithmetic.
        key = key * np.uint64(0x9E3779B97F4A7C15) + h[k : n + k]
    return unique(key)


#: A quotation needs this many words to count as a statement worth matching.
QUOTE_MIN_WORDS: Final = 8

_QUOTE: Final = re.compile(r'“([^”\n]*)(?:”|(?=\n|$))|"([^"\n]*)"')


def quoted_spans(text: str, min_words: int = QUOTE_MIN_WORDS) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the quotations with at least ``min_words`` words.

    Curly quotes may stay open to the end of the paragraph (a quotation continued in the
    next paragraph opens again there); straight quotes must close on the same line.

        >>> t = 'The statement said "all nine of the wounded were taken to the county hospital".'
        >>> [t[a:b] for a, b in quoted_spans(t)]
        ['all nine of the wounded were taken to the county hospital']
    """
    out: list[tuple[int, int]] = []
    for m in _QUOTE.finditer(text):
        group = 1 if m.group(1) is not None else 2
        inner = m.group(group)
        if len(_WORD.findall(inner)) >= min_words:
            out.append((m.start(group), m.end(group)))
    return out


_NUMBER: Final = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
_NAME: Final = re.compile(r"(?<![\w'’])[A-Z][A-Za-z'’-]+")


def specifics(sentence: str) -> tuple[set[str], list[str]]:
    """The numbers of a sentence (digits only) and its capitalised words past the first.

    What a rewrite must keep and two reports of different incidents written from one
    template do not share: figures, names, places.

        >>> nums, names = specifics("Police said 1,200 people fled Quetta on Saturday.")
        >>> sorted(nums), names
        (['1200'], ['quetta', 'saturday'])
    """
    nums = {m.group().replace(",", "").rstrip(".") for m in _NUMBER.finditer(sentence)}
    first = len(sentence) - len(sentence.lstrip())  # the sentence's first word is no name
    names = [
        stem
        for m in _NAME.finditer(sentence)
        if m.start() > first
        and (stem := _stem(m.group().lower().replace("’", "'"))) not in GENERIC_NAMES
    ]
    return nums, names


#: Capitalised words that name a kind of place or body, not which one ("Stroger Hospital"
#: and "Mount Sinai Hospital" share only "hospital"): never evidence of one incident.
GENERIC_NAMES: Final = frozenset(
    """street road avenue boulevard drive lane highway route block north south east west
    central upper lower hospital center centre medical school university college church
    police department office county city town district province state park station hall
    court jail prison airport market bridge river lake mount port area side village
    national international new saint st ave rd blvd""".split()
)


def title_coverage(
    title: str | None, text: str, body_words: set[str] | None = None
) -> float | None:
    """Share of the title's content words that the body uses; None for short titles.

    A scraped page whose body is only site furniture ("Get email notifications...")
    keeps a real headline that its body never mentions. ``body_words`` (the body's
    :func:`sentence_words`, when already known) saves reading ``text`` again.

        >>> title_coverage("Gunman kills two in Quetta market", "Two died when a gunman fired.")
        0.4
    """
    wanted = set(sentence_words(title or ""))
    if len(wanted) < TITLE_MIN_WORDS:
        return None
    body = body_words if body_words is not None else set(sentence_words(text))
    return len(wanted & body) / len(wanted)


#: Titles with fewer content words than this are not used to judge their body.
TITLE_MIN_WORDS: Final = 3


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
