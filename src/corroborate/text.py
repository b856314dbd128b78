"""Text utilities shared by the stages: sentences and tokens with exact character offsets.

>>> [s.text for s in sentences("Mr. Khan said 3 died. Police left.")]
['Mr. Khan said 3 died.', 'Police left.']
>>> [t.text for t in tokens("at least 92 militants")]
['at', 'least', '92', 'militants']
"""

from __future__ import annotations

import itertools
import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from corroborate.splitting import _LINE, sentence_bounds
from corroborate.splitting import MAX_SENTENCE as MAX_SENTENCE  # (re-exported)
from corroborate.words import WholeWords as WholeWords  # (re-exported)

#: ``"x" + AT_WORD_START + "yz"`` matches what ``\bxyz`` does for a word "xyz": the first
#: letter, then a look back that no word character comes before it. A pattern that opens with
#: a letter (not ``\b``) lets the regex engine skip to that letter instead of trying every
#: position of a long text.
AT_WORD_START = r"(?<!\w.)"

# The word branch's repeats are possessive (``++``, ``*+``): nothing after them could need a
# character back, so the engine keeps no backtracking points (tokenising is about 6% faster).
_TOKEN = re.compile(
    r"""\d+(?:[,.]\d+)*(?:st|nd|rd|th)?%?   # numbers: 1,200  2.0  4th  44%
      | \w++(?:[-'’]\w+)*+                # words, with inner hyphens and apostrophes
      | [^\w\s]                           # any other single character
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Piece:
    """A slice of a larger text: ``text == source[start:end]``."""

    text: str
    start: int
    end: int


def paragraphs(text: str) -> Iterator[Piece]:
    """Non-empty lines (paragraphs after ingest's cleaning), with offsets."""
    for m in _LINE.finditer(text):
        chunk = m.group()
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            yield _piece(stripped, m.start() + lead, m.start() + lead + len(stripped))


def sentences(text: str) -> Iterator[Piece]:
    """Split into sentences; never across a line break, offsets exact.

    A run longer than :data:`MAX_SENTENCE` characters is cut into pieces no longer than it.
    (The rules are :func:`corroborate.splitting.sentence_bounds`.)
    """
    bounds = sentence_bounds(text)
    for i in range(0, len(bounds), 2):
        start, end = bounds[i], bounds[i + 1]
        yield _piece(text[start:end], start, end)


#: :func:`sentence_list`'s memo: the sentence offsets of the texts split most recently, by
#: the text object (its id, length and hash), emptied when it reaches ``_SPLITS_LIMIT``
#: texts. Offsets only, so no text is kept alive by it: about 300 bytes a report.
_SPLITS: dict[tuple[int, int, int], array[int]] = {}
_SPLITS_LIMIT = 4096


def object_key(text: str) -> tuple[int, int, int]:
    """The key of a memo about this text object (its id, length and hash): it does not
    keep the text alive, and an equal text in another object misses."""
    return (id(text), len(text), hash(text))


#: The last text :func:`remember_tokens` was given: its key, tokens and their starts.
_LAST_TOKENS: tuple[tuple[int, int, int], list[str], list[int]] | None = None


def remember_tokens(text: str, found: list[str], starts: list[int]) -> None:
    """Keep ``found`` (``_TOKEN.findall(text)``) and where each starts in ``text``, for the
    next reader of the same text object (:func:`remembered_tokens`).

    The place finder reads every report's tokens, and the claims stage reads those of most
    of its sentences right after: it slices them from here instead. One text is kept.
    """
    global _LAST_TOKENS
    _LAST_TOKENS = (object_key(text), found, starts)


def remembered_tokens(text: str) -> tuple[list[str], list[int]] | None:
    """The tokens and starts last remembered, if they are of this text object.

    >>> remember_tokens(s := "Two were shot.", ["Two", "were", "shot", "."], [0, 4, 9, 13])
    >>> remembered_tokens(s)
    (['Two', 'were', 'shot', '.'], [0, 4, 9, 13])
    >>> remembered_tokens("Another text.") is None
    True
    """
    last = _LAST_TOKENS
    if last is None or last[0] != object_key(text):
        return None
    return last[1], last[2]


def sentence_list(text: str) -> list[Piece]:
    """``list(sentences(text))``, remembered for the last few thousand texts split.

    The provenance stage splits every report's body to align it, and the claims stage
    splits it again to read its counts (one batch, one stage after the other): the second
    split of the same text object is rebuilt from the offsets, at a sixth of the cost.

        >>> body = "Two died. Police left."
        >>> sentence_list(body) == list(sentences(body))
        True
    """
    key = object_key(text)
    bounds: Sequence[int] | None = _SPLITS.get(key)
    if bounds is None:
        bounds = sentence_bounds(text)
        if len(text) < 1 << 31:  # (offsets fit the array's C ints)
            if len(_SPLITS) >= _SPLITS_LIMIT:
                _SPLITS.clear()
            _SPLITS[key] = array("i", bounds)
    return [_piece(text[start:end], start, end) for start, end in zip(
        bounds[::2], bounds[1::2], strict=True
    )]


def leading_sentences(text: str, most: int, limit: int | None = None) -> list[Piece]:
    """The first ``most`` sentences of ``text[:limit]``: ``list(islice(sentences(text[:limit]),
    most))``, taken from the split :func:`sentence_list` remembers for this text object
    where it has one.

    The events stage reads a report's first sentences three times (its dates, its lede, its
    first sentence), right after the claims stage split the whole body. Sentences never run
    across a line break, so the remembered split's sentences on the lines that end before
    ``limit`` are the prefix's own; only the line the limit cuts is split again.

        >>> body = "Two died. Police left.\\nA third line."
        >>> _ = sentence_list(body)
        >>> [s.text for s in leading_sentences(body, 3, limit=25)]
        ['Two died.', 'Police left.', 'A']
    """
    if limit is None or limit >= len(text):
        limit = len(text)
    bounds = _SPLITS.get(object_key(text))
    if bounds is None:
        # Split no further than needed: every line with text holds at least one sentence,
        # so the first ``most`` lie on the first ``most`` such lines.
        end = found = 0
        while found < most and end < limit:
            stop = text.find("\n", end, limit)
            stop = limit if stop < 0 else stop
            if stop > end and not text[end:stop].isspace():
                found += 1
            end = stop + 1
        return list(itertools.islice(sentences(text[: min(end, limit)]), most))
    cut = text.rfind("\n", 0, limit) + 1 if limit < len(text) else limit  # the cut line's start
    out: list[Piece] = []
    for i in range(0, min(len(bounds), 2 * most), 2):
        start, end = bounds[i], bounds[i + 1]
        if end > cut:
            break
        out.append(_piece(text[start:end], start, end))
    if len(out) < most and cut < limit:
        for p in itertools.islice(sentences(text[cut:limit]), most - len(out)):
            out.append(_piece(p.text, p.start + cut, p.end + cut))
    return out


def _piece(text: str, start: int, end: int) -> Piece:
    """``Piece(text, start, end)`` without the frozen dataclass's ``__init__``."""
    p = _new(Piece)
    _set_text(p, text)
    _set_start(p, start)
    _set_end(p, end)
    return p


def tokens(text: str, offset: int = 0) -> list[Piece]:
    """Word, number and punctuation tokens with offsets (shifted by ``offset``)."""
    # Pieces are built without the frozen dataclass's ``__init__`` (three guarded
    # ``object.__setattr__`` calls each): this is the hottest loop of the pipeline.
    out: list[Piece] = []
    append = out.append
    for m in _TOKEN.finditer(text):
        p = _new(Piece)
        _set_text(p, m.group())
        _set_start(p, m.start() + offset)
        _set_end(p, m.end() + offset)
        append(p)
    return out


_new = object.__new__
_set_text = vars(Piece)["text"].__set__  # the slots' member descriptors
_set_start = vars(Piece)["start"].__set__
_set_end = vars(Piece)["end"].__set__


#: Words too common to tell two texts apart: left out of the words provenance aligns
#: sentences by (``corroborate.provenance.features``) and of the names events and places read.
STOP_WORDS = frozenset(
    """a an the and or but of in on at to for from by with as is are was were be been being has
    have had that this these those it its they them their he she his her we our you your i
    not no nor so than then there here which who whom whose what when where why how all any
    each both few more most other some such only own same too very can will just should now
    also into over after before during while about against between through up down out off
    again further once said says say would could may might""".split()
)


def has_whole(text: str, phrase: str) -> bool:
    r"""Whether ``phrase`` occurs in ``text`` with no word character either side.

    The answer of ``re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)``, without a
    pattern compiled for each phrase (place names are too many to keep compiled).

    >>> has_whole("Four shot in Hartford", "Hartford"), has_whole("West Hartfordshire", "Hartford")
    (True, False)
    """
    size = len(phrase)
    at = text.find(phrase)
    while at >= 0:
        end = at + size
        # ``\w`` is exactly isalnum() or "_".
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
            return True
        at = text.find(phrase, at + 1)
    return False


def normalise_quotes(text: str) -> str:
    """Fold typographic quotes and dashes to ASCII for matching (same length)."""
    if text.isascii():  # nothing to fold (a constant-time test; most tokens and sentences)
        return text
    for typographic, plain in _QUOTE_PAIRS:  # str.replace: much faster than str.translate
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_QUOTE_PAIRS = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"))
