"""Recognise the news outlets and agencies a report credits as its source.

Credits come from syndication and attribution lines: a dateline ``QUETTA (Reuters) -``,
``(AP)`` or a sign-off ``— AFP`` (known agencies only), a wire byline ``By Jane Doe,
Associated Press`` or ``Reuters Staff``, ``The Associated Press contributed to this report``,
``According to The Express Tribune``, ``..., The Express Tribune reported.``, ``officials
told Reuters``, ``(With inputs from PTI)``, ``This article was originally published on
The Conversation``. Only names that look like a news outlet or agency are kept, so
``according to local officials`` or ``Police said`` credit nobody.

    >>> find_credits("92 militants were killed, The Express Tribune reported.")
    ['The Express Tribune']
    >>> find_credits("QUETTA (Reuters) - Officials said five people died.")
    ['Reuters']
    >>> find_credits("According to police, five people died.")
    []
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

from corroborate.text import AT_WORD_START as _AT_WORD

# Well-known agencies and outlets, alias -> canonical name. Acronyms match case-sensitively,
# longer names case-insensitively (see _canonical).
_KNOWN: Final[dict[str, str]] = {
    "Reuters": "Reuters",
    "Thomson Reuters": "Reuters",
    "AP": "Associated Press",
    "Associated Press": "Associated Press",
    "The Associated Press": "Associated Press",
    "AFP": "AFP",
    "Agence France-Presse": "AFP",
    "Agence France Presse": "AFP",
    "PTI": "PTI",
    "Press Trust of India": "PTI",
    "ANI": "ANI",
    "Asian News International": "ANI",
    "IANS": "IANS",
    "UNI": "UNI",
    "APP": "APP",
    "Associated Press of Pakistan": "APP",
    "Xinhua": "Xinhua",
    "Anadolu": "Anadolu Agency",
    "Anadolu Agency": "Anadolu Agency",
    "Bloomberg": "Bloomberg",
    "BBC": "BBC",
    "CNN": "CNN",
    "Al Jazeera": "Al Jazeera",
    "Dawn": "Dawn",
    "Express Tribune": "The Express Tribune",
    "The Express Tribune": "The Express Tribune",
    "Geo News": "Geo News",
    "DPA": "DPA",
    "EFE": "EFE",
    "Kyodo": "Kyodo",
    "Yonhap": "Yonhap",
    "TASS": "TASS",
    "Interfax": "Interfax",
    "IRNA": "IRNA",
    "WAFA": "WAFA",
    "NHK": "NHK",
    "Sputnik": "Sputnik",
    "NDTV": "NDTV",
    "The Hindu": "The Hindu",
    "Hindustan Times": "Hindustan Times",
    "Times of India": "The Times of India",
    "The Times of India": "The Times of India",
    "The New York Times": "The New York Times",
    "New York Times": "The New York Times",
    "The Washington Post": "The Washington Post",
    "Washington Post": "The Washington Post",
    "The Guardian": "The Guardian",
    "Sky News": "Sky News",
    "The Conversation": "The Conversation",
}
_KNOWN_FOLDED: Final = {k.casefold(): v for k, v in _KNOWN.items() if not k.isupper()}

# A capitalised name ending in one of these words is taken to be an outlet.
OUTLET_NAME_WORDS: Final = frozenset(
    """Tribune Times News Post Herald Journal Gazette Telegraph Express Daily Agency Press Wire
    Mail Chronicle Observer Guardian Standard Today Radio TV Television Broadcasting Network
    Channel Review Monitor Independent Star Nation Inquirer Courier Dispatch Bulletin Sun
    Mirror Reporter Magazine Newspaper Newsroom Online Weekly""".split()
)
# Words that may follow an outlet's name without being part of it.
# Capitalised words that start a sentence or phrase but never an outlet's name.
_LEADERS: Final = frozenset(
    """On In At As And But Earlier Later Meanwhile While When After Before Officials Sources
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Local State Police Authorities
    Security Military""".split()
)
_STAFF_WORDS: Final = frozenset(
    "Staff Writer Writers Correspondent Correspondents Reporter".split()
)
_OUTLET_NOUN: Final = (
    r"(?:\s+(?:newspaper|news\s+agency|agency|daily|broadcaster|television|TV|website))?"
)

# A capitalised name of up to six words ("The Express Tribune", "Press Trust of India").
# No apostrophes, so a possessive ("Pakistan's Dawn") is not swallowed.
# Dots only inside a word ("U.S"), so a sentence's full stop ends the name.
# Possessive (*+) and anchored at a word start, so a failed match never backtracks into a
# word: matching stays linear even on pathological input.
_WORD: Final = r"(?<![\w&.-])[A-Z](?:[\w&-]|\.(?=\w))*+"
_NAME: Final = rf"(?:The\s+)?{_WORD}(?:\s+(?:(?:of|the|de|al)\s+)?{_WORD}){{0,5}}"


class Starts:
    """The strings every match of a pattern starts with: the pattern is then tried only
    where one of them occurs (found with ``str.find``), not at every position of the text.
    A pattern that opens with a common letter ("told", "according") or a word boundary
    would otherwise start a match attempt at a large share of a report's characters.
    ``back``: how many characters before its string every match starts (one search for
    "taff" finds where "[Ss]taff" may start, one character before it).

        >>> [m.group() for m in Starts("told").finditer(re.compile(r"told \\w+"), "He told us.")]
        ['told us']
        >>> [m.group() for m in Starts("taff", back=1).finditer(re.compile("[Ss]taff"), "Staff")]
        ['Staff']
    """

    __slots__ = ("back", "words")

    def __init__(self, *words: str, back: int = 0) -> None:
        self.words = words
        self.back = back

    def positions(self, text: str) -> set[int]:
        """Where in ``text`` a match may start."""
        at: set[int] = set()
        back = self.back
        for word in self.words:
            i = text.find(word, back)
            while i >= 0:
                at.add(i - back)
                i = text.find(word, i + 1)
        return at

    def finditer(self, pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, for a pattern whose every match starts where
        :meth:`positions` says: the same matches (leftmost first, none overlapping)."""
        end = 0
        for i in sorted(self.positions(text)):
            if i < end:
                continue  # inside the last match
            m = pattern.match(text, i)  # (look-behinds still see the text before i)
            if m is not None:
                end = m.end()
                yield m


class LineStarts(Starts):
    """For a pattern (``re.MULTILINE``, opening with ``^``) whose every match starts a line
    and has its one string within ``reach`` characters of the line's start, no line break
    between: it is tried at the start of such lines only, not (for ``^``) at every
    position of the text.

        >>> pattern = re.compile(r"^.{0,5}?\\(", re.MULTILINE)
        >>> [m.span() for m in LineStarts("(", 5).finditer(pattern, "ab (\\n(\\nlong line (")]
        [(0, 4), (5, 6)]
    """

    __slots__ = ("reach",)

    def __init__(self, word: str, reach: int) -> None:
        super().__init__(word)
        self.reach = reach

    def positions(self, text: str) -> set[int]:
        at: set[int] = set()
        word = self.words[0]
        i = text.find(word)
        while i >= 0:
            line = text.rfind("\n", 0, i) + 1
            if i - line <= self.reach:
                at.add(line)
            i = text.find(word, i + 1)
        return at


# Each pattern with words one of which must be in the text for it to match: a substring
# test is far cheaper than running the pattern, and most texts have none of them.
_PATTERNS: Final[tuple[tuple[tuple[str, ...] | Starts, re.Pattern[str]], ...]] = (
    # Dateline: "ISLAMABAD, Jan 31 (Reuters) -"
    (LineStarts("(", 80), re.compile(rf"^.{{0,80}}?\(({_NAME})\)\s*[-–—:]", re.MULTILINE)),
    (Starts("ccording", back=1),
     re.compile(rf"[Aa]{_AT_WORD}ccording\s+to\s+(?:the\s+)?({_NAME}){_OUTLET_NOUN}")),
    (Starts("reported", "told", "speaking", "spoke", "interview"),
     re.compile(rf"(?:r{_AT_WORD}eported\s+by|t{_AT_WORD}old|s{_AT_WORD}peaking\s+to"
                rf"|s{_AT_WORD}poke\s+to|i{_AT_WORD}nterview\s+with)"
                rf"\s+(?:the\s+)?({_NAME}){_OUTLET_NOUN}")),
    (("riginally",),
     re.compile(rf"\boriginally\s+(?:published|appeared)\s+(?:on|in|by)\s+({_NAME})")),
    # A sign-off on a line of its own: "(Savanna Wire)"
    (("\n(",), re.compile(rf"^\(({_NAME})\)[ \t.]*$", re.MULTILINE)),
    (("feed", "wire"), re.compile(rf"\bfrom\s+(?:a|an|the)\s+({_NAME})\s+(?:feed|wire)\b")),
    (("yndicated",),
     re.compile(rf"\bsyndicated\s+feed\s+(?:of|from)\s+(?:the\s+)?({_NAME})")),
    (("©", "Copyright"), re.compile(rf"(?:©|C{_AT_WORD}opyright\b)\s*(?:\d{{4}}\s+)?({_NAME})")),
    # Wire bylines: "By Jane Doe, Associated Press", "By JANE DOE | Reuters".
    (("By ",), re.compile(rf"^[^\w\n]*By\s+[^\n]{{1,80}}?(?:,|\||\s[-–—]|\bof\b|\bfor\b)\s*"
                          rf"(?:the\s+)?({_NAME})[ \t.]*$", re.MULTILINE)),
)
# Patterns that start with the name, each with the word that must follow it: they are only
# tried just before that word, so a long text is not scanned from every capital letter.
_NameRule = tuple[tuple[str, ...] | Starts, re.Pattern[str], re.Pattern[str]]
_NAME_FIRST: Final[tuple[_NameRule, ...]] = (
    (
        Starts("report", "said"),
        re.compile(rf"(?:r{_AT_WORD}eported|r{_AT_WORD}eports|s{_AT_WORD}aid\s+in\s+a\s+report)\b"),
        re.compile(rf"({_NAME}){_OUTLET_NOUN},?\s+(?:reported|reports|said\s+in\s+a\s+report)\b"),
    ),
    (  # "Associated Press Writer", "Reuters Staff", "AP Correspondent"
        Starts("taff", "riter", "orrespondent", "eporter", back=1),
        re.compile(r"\b(?:[Ss]taff|[Ww]riters?|[Cc]orrespondents?|[Rr]eporters?)\b"),
        re.compile(rf"({_NAME})\s+(?:[Ss]taff|[Ww]riters?|[Cc]orrespondents?|[Rr]eporters?)\b"),
    ),
    (  # "The Associated Press contributed to this report."
        Starts("contributed"),
        re.compile(rf"c{_AT_WORD}ontributed\s+(?:reporting\s+)?to\s+this\b"),
        re.compile(rf"({_NAME})\s+contributed\s+(?:reporting\s+)?to\s+this\s+"
                   r"(?:report|story|article)"),
    ),
)
_WINDOW: Final = 160
# Only well-known agencies and outlets count in these looser places: "(Reuters)" anywhere,
# and a sign-off "— AFP" ending a paragraph.
_KNOWN_ONLY: Final[tuple[tuple[tuple[str, ...] | Starts, re.Pattern[str]], ...]] = (
    (("(",), re.compile(rf"\(({_NAME})\)")),
    (Starts("-", "–", "—"), re.compile(rf"[-–—]\s*({_NAME})[ \t.]*$", re.MULTILINE)),
)
_INPUTS: Final = re.compile(r"\b(?:with\s+)?inputs?\s+from\s+([^()\n]+)", re.IGNORECASE)
_ACRONYM: Final = re.compile(r"[A-Z]{2,6}")


def _canonical(name: str) -> str | None:
    """The canonical outlet name, or None when ``name`` does not look like an outlet."""
    words = re.sub(r"\s+", " ", name).strip(" .,-").split(" ")
    while len(words) > 1 and words[-1] in _STAFF_WORDS:  # "AP Staff" -> "AP"
        words = words[:-1]
    if not words or not words[0]:
        return None
    # The match may start early ("On Saturday Geo News"): try each tail, longest first.
    for i in range(len(words)):
        tail = " ".join(words[i:])
        if tail in _KNOWN:
            return _KNOWN[tail]
        if tail.casefold() in _KNOWN_FOLDED:
            return _KNOWN_FOLDED[tail.casefold()]
    while len(words) > 1 and words[0] in _LEADERS:
        words = words[1:]
    # A capitalised name of two or more words ending in "Tribune", "News", ... is an
    # outlet; "The Times" or a lone "News" is too generic to tell.
    if words[-1] in OUTLET_NAME_WORDS and len(words) >= 2 and (words[0] != "The" or len(words) > 2):
        return " ".join(words)
    return None


def _inputs_names(listing: str) -> list[str]:
    """Outlets in ``With inputs from PTI, Reuters and agencies``."""
    out: list[str] = []
    for part in re.split(r",|\band\b|&|/", listing):
        part = part.strip(" .)")
        if not part or part.lower() in {"agencies", "agency", "wire services", "staff"}:
            continue
        canon = _canonical(part)
        if canon is None and _ACRONYM.fullmatch(part):
            canon = part  # "inputs from" lists name agencies, usually by acronym
        if canon:
            out.append(canon)
    return out


def _finditer(
    words: tuple[str, ...] | Starts, pattern: re.Pattern[str], text: str
) -> Iterable[re.Match[str]]:
    """The matches of ``pattern`` in ``text``; none unless one of ``words`` is in it."""
    if isinstance(words, Starts):
        return words.finditer(pattern, text)
    return pattern.finditer(text) if any(w in text for w in words) else ()


def find_credits(text: str) -> list[str]:
    """Outlet names credited in ``text``, canonicalised, first mention first, no repeats.

        >>> find_credits("Four officials, speaking to Reuters, said... (With inputs from PTI)")
        ['Reuters', 'PTI']
    """
    found: list[tuple[int, str]] = []
    for words, pattern in _PATTERNS:
        for m in _finditer(words, pattern, text):
            canon = _canonical(m.group(1))
            if canon:
                found.append((m.start(1), canon))
    for words, gate, pattern in _NAME_FIRST:
        for g in _finditer(words, gate, text):
            start = max(0, g.start() - _WINDOW)
            if start:  # begin at a word boundary, never inside a name
                space = re.search(r"\s", text[start : g.start()])
                start = start + space.end() if space else g.start()
            for m in pattern.finditer(text, start, g.end() + 40):
                canon = _canonical(m.group(1))
                if canon:
                    found.append((m.start(1), canon))
    for words, pattern in _KNOWN_ONLY:
        for m in _finditer(words, pattern, text):
            name = " ".join(m.group(1).split())
            canon = _KNOWN.get(name) or _KNOWN_FOLDED.get(name.casefold())
            if canon:
                found.append((m.start(1), canon))
    for m in _INPUTS.finditer(text) if "nput" in text else ():
        found.extend((m.start(1), name) for name in _inputs_names(m.group(1)))
    out: list[str] = []
    for _, name in sorted(found, key=lambda p: p[0]):
        if name not in out:
            out.append(name)
    return out
