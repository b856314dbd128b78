"""Where a text's sentences begin and end: the rules of :func:`corroborate.text.sentences`,
as offsets.

The splitting rules live here, apart from :class:`~corroborate.text.Piece`, so that a
compiled build compiles them (``corroborate.text`` stays interpreted: its ``Piece`` is built
fastest by the interpreter). Every report's body is split once, and the loop over each
line's end marks is the pipeline's most frequent.

    >>> text = "Mr. Khan said 3 died. Police left.\\n  Gunmen fled"
    >>> bounds = sentence_bounds(text)
    >>> [text[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]
    ['Mr. Khan said 3 died.', 'Police left.', 'Gunmen fled']
"""

from __future__ import annotations

import re
from typing import Final

# Abbreviations after which a full stop does not end a sentence.
_ABBREV: Final = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt cpl pvt adm cmdr gov sen rep rev st sr jr no
    nos vs etc inc ltd co corp dept est approx fig jan feb mar apr jun jul aug sep sept oct
    nov dec u.s u.k u.n e.g i.e a.m p.m mt ft ave blvd rd hon supt insp""".split()
)

# A full stop run into the next sentence ("hospitalized.It happened"), as scraped text has it,
# ends a sentence too: a lowercase word before it, a capitalised word after. Both branches
# open with the end mark itself (the second looks back past it), so the regex engine skips
# straight to the next mark instead of trying both branches at every character.
_SENT_END: Final = re.compile(
    r"""[.!?](?:[.!?]*["'”’)\]]*(?=\s|$)|(?<=[a-z]{2}.)["”]?(?=[A-Z][a-z]))"""
)
_LINE: Final = re.compile(r"[^\n]+")

#: The longest sentence, in characters. News sentences stay far below it (in the gva and
#: gvdb reports, 8 of about 100,000 pass 1,000 characters, all page furniture or caption
#: transcripts); a longer run is a table, a transcript or text without full stops, and the
#: stages' rules, which compare the counts and words of a sentence pairwise, must not see
#: it whole. It is cut at its last clause mark (then space) before the limit.
MAX_SENTENCE: Final = 1000
_CUT_MARKS: Final = ("; ", ", ", " ")


#: The longest abbreviation: a word before a full stop that is longer ends a sentence.
_LONGEST: Final = max(map(len, _ABBREV))


def ends_sentence(para: str, dot: int, after: int) -> bool:
    """Whether the terminal punctuation at ``dot`` really ends a sentence (``after``: where
    the end mark and its closing quotes end)."""
    if para[dot] != ".":
        return True
    # The word before the dot: the run of word characters and dots ending there (``[\w.]+$``
    # on ``para[:dot]``; ``\w`` is exactly ``isalnum()`` or "_"). Only a run as long as the
    # longest abbreviation can be one (lower-casing never shortens a word), so no more of it
    # is read: a run of thousands of dots costs no more than a word.
    start = dot
    while start > 0 and dot - start <= _LONGEST:
        c = para[start - 1]
        if not (c.isalnum() or c == "_" or c == "."):
            break
        start -= 1
    prev = para[start:dot].lower()
    if prev in _ABBREV or (len(prev) == 1 and prev.isalpha()):
        return False
    # A lowercase continuation ("3 p.m. local time") is not a new sentence.
    while after < len(para) and para[after].isspace():
        after += 1
    return after == len(para) or not para[after].islower()


def _add(out: list[int], s: str, start: int) -> None:
    """Add ``s`` (stripped, at ``start``), cut into pieces of at most :data:`MAX_SENTENCE`
    characters."""
    while len(s) > MAX_SENTENCE:
        cut = -1
        for mark in _CUT_MARKS:
            cut = s.rfind(mark, MAX_SENTENCE // 2, MAX_SENTENCE)
            if cut > 0:
                cut += len(mark.rstrip())  # the mark stays with the piece it ends
                break
        if cut <= 0:
            cut = MAX_SENTENCE
        head = s[:cut].rstrip()
        out.append(start)
        out.append(start + len(head))
        rest = s[cut:]
        lead = len(rest) - len(rest.lstrip())
        s, start = rest[lead:], start + cut + lead
    if s:
        out.append(start)
        out.append(start + len(s))


def sentence_bounds(text: str) -> list[int]:
    """Each sentence's start and end in ``text``, flat: ``[start, end, start, end, ...]``.

    Never across a line break; a sentence's ends are its first and last characters that are
    not white space; a run longer than :data:`MAX_SENTENCE` characters is cut into pieces no
    longer than it.
    """
    out: list[int] = []
    for line in _LINE.finditer(text):
        chunk = line.group()
        s = chunk.strip()
        if not s:
            continue
        offset = line.start() + len(chunk) - len(chunk.lstrip())  # the paragraph's start
        begin = 0
        for m in _SENT_END.finditer(s):
            end = m.end()
            if ends_sentence(s, m.start(), end):
                piece = s[begin:end]
                lead = len(piece) - len(piece.lstrip())
                if lead < len(piece):
                    stripped = piece[lead:].rstrip()
                    if len(stripped) > MAX_SENTENCE:
                        _add(out, stripped, offset + begin + lead)
                    else:
                        out.append(offset + begin + lead)
                        out.append(offset + end)
                begin = end
        rest = s[begin:]
        lead = len(rest) - len(rest.lstrip())
        if lead < len(rest):
            _add(out, rest[lead:], offset + begin + lead)
    return out
