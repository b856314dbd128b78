"""Text utilities shared by the stages: sentences and tokens with exact character offsets.

>>> [s.text for s in sentences("Mr. Khan said 3 died. Police left.")]
['Mr. Khan said 3 died.', 'Police left.']
>>> [t.text for t in tokens("at least 92 militants")]
['at', 'least', '92', 'militants']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt cpl pvt adm cmdr gov sen rep rev st sr jr no
    nos vs etc inc ltd co corp dept est approx fig jan feb mar apr jun jul aug sep sept oct
    nov dec u.s u.k u.n e.g i.e a.m p.m mt ft ave blvd rd hon supt insp""".split()
)

_NON_SPACE = re.compile(r"\S")
_SENT_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+|$)""")
_TOKEN = re.compile(
    r"""\d+(?:[,.]\d+)*(?:st|nd|rd|th)?%?   # numbers: 1,200  2.0  4th  44%
      | \w+(?:[-'’]\w+)*                  # words, with inner hyphens and apostrophes
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
    for m in re.finditer(r"[^\n]+", text):
        chunk = m.group()
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            yield Piece(stripped, m.start() + lead, m.start() + lead + len(stripped))


def _ends_sentence(para: str, dot: int, after: int) -> bool:
    """Whether the terminal punctuation at ``dot`` really ends a sentence."""
    if para[dot] != ".":
        return True
    # The word before the dot: the run of word characters and dots ending there (the
    # same as ``[\w.]+$``, scanned backwards so long paragraphs stay linear).
    start = dot
    while start and (para[start - 1] in "._" or para[start - 1].isalnum()):
        start -= 1
    prev = para[start:dot].lower()
    if prev in _ABBREV or (len(prev) == 1 and prev.isalpha()):
        return False
    nxt = _NON_SPACE.search(para, after)
    # A lowercase continuation ("3 p.m. local time") is not a new sentence.
    return nxt is None or not nxt.group().islower()


def sentences(text: str) -> Iterator[Piece]:
    """Split into sentences; never across a line break, offsets exact."""
    for para in paragraphs(text):
        s = para.text
        begin = 0
        for m in _SENT_END.finditer(s):
            if _ends_sentence(s, m.start(), m.end()):
                chunk = s[begin : m.end()]
                lead = len(chunk) - len(chunk.lstrip())
                if chunk.strip():
                    yield Piece(chunk.strip(), para.start + begin + lead, para.start + m.end())
                begin = m.end()
        rest = s[begin:]
        if rest.strip():
            lead = len(rest) - len(rest.lstrip())
            yield Piece(rest.strip(), para.start + begin + lead, para.start + len(s))


def tokens(text: str, offset: int = 0) -> list[Piece]:
    """Word, number and punctuation tokens with offsets (shifted by ``offset``)."""
    return [Piece(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]


_STOP = frozenset(
    """a an the and or but of in on at to for from by with as is are was were be been being has
    have had that this these those it its they them their he she his her we our you your i
    not no nor so than then there here which who whom whose what when where why how all any
    each both few more most other some such only own same too very can will just should now
    also into over after before during while about against between through up down out off
    again further once said says say would could may might""".split()
)


def content_words(text: str) -> list[str]:
    """Lowercased words without stop words: the vocabulary of similarity measures."""
    return [
        w
        for w in (t.lower().replace("’", "'") for t in re.findall(r"\w+(?:['’]\w+)?", text))
        if (w not in _STOP and not w.isdigit()) or (w.isdigit() and len(w) < 5)
    ]


def normalise_quotes(text: str) -> str:
    """Fold typographic quotes and dashes to ASCII for matching (same length)."""
    return text.translate(_QUOTES)


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
