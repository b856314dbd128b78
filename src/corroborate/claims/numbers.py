"""Reading quantities: digits, number words, dozens, vague amounts, and their hedges.

    >>> q = parse_quantity(["two", "dozen", "soldiers"], 0)
    >>> (q.value, q.end)
    (24, 2)
    >>> parse_quantity(["dozens", "of", "soldiers"], 0).qualifier
    'vague'

Conventions (documented in docs/claims.md):
- vague amounts carry no ``value`` but a ``low``/``high`` range from :data:`VAGUE`;
- "approximately N" spans ``round(0.9 N)``..``round(1.1 N)``;
- "at least N" is ``N``..open, "more than N" is ``N+1``..open, "up to N" is open..``N``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from corroborate.model import Qualifier

UNITS: Final = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: Final = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES: Final = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# Vague quantities and the range each stands for.
VAGUE: Final[dict[str, tuple[int, int]]] = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "tens": (20, 99),
    "several": (3, 9),
    "few": (2, 5),
    "handful": (2, 6),
    "numerous": (5, 99),
}

# Hedge words before a number -> qualifier. Longest phrases first.
HEDGES: Final[list[tuple[tuple[str, ...], Qualifier]]] = sorted(
    [
        (("at", "least"), "at_least"),
        (("no", "fewer", "than"), "at_least"),
        (("no", "less", "than"), "at_least"),
        (("a", "minimum", "of"), "at_least"),
        (("more", "than"), "more_than"),
        (("over",), "more_than"),
        (("upwards", "of"), "more_than"),
        (("in", "excess", "of"), "more_than"),
        (("up", "to"), "up_to"),
        (("as", "many", "as"), "up_to"),
        (("at", "most"), "up_to"),
        (("a", "maximum", "of"), "up_to"),
        (("fewer", "than"), "less_than"),
        (("less", "than"), "less_than"),
        (("under",), "less_than"),
        (("about",), "approximately"),
        (("around",), "approximately"),
        (("approximately",), "approximately"),
        (("roughly",), "approximately"),
        (("some",), "approximately"),
        (("nearly",), "approximately"),
        (("almost",), "approximately"),
        (("close", "to"), "approximately"),
        (("an", "estimated"), "approximately"),
        (("estimated",), "approximately"),
        (("approx",), "approximately"),
        (("a", "total", "of"), "exact"),
        (("a", "further"), "exact"),
        (("another",), "exact"),
    ],
    key=lambda h: -len(h[0]),
)


# Read-only through ``Final`` (checked by mypy, and enforced by the compiled build) rather
# than ``frozen=True``: a frozen dataclass sets its fields through ``object.__setattr__``,
# 0.65 us per instance compiled against 0.02 us for this one (the claims stage makes about
# 40 per report).
@dataclass(slots=True, init=False, unsafe_hash=True)
class Quantity:
    """A number found at tokens ``[start, end)``."""

    start: Final[int]
    end: Final[int]
    value: Final[int | None]
    low: Final[int | None]
    high: Final[int | None]
    qualifier: Final[Qualifier]
    vague_word: Final[str | None]

    def __init__(
        self,
        start: int,
        end: int,
        value: int | None,
        low: int | None,
        high: int | None,
        qualifier: Qualifier = "exact",
        vague_word: str | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.low = low
        self.high = high
        self.qualifier = qualifier
        self.vague_word = vague_word


_THOUSANDS: Final = re.compile(r"\d{1,3}(,\d{3})+")
_DECIMAL: Final = re.compile(r"\d+\.\d+")


#: The largest count read (a trillion): past it a "number" is an identifier, a phone
#: number or junk, and its value must still fit the store's 64-bit integers.
MAX_VALUE: Final = 10**12


def _digits(tok: str) -> int | None:
    if len(tok) > 17:  # more than 10**12, commas included: not a count (and int() is costly)
        return None
    if tok.isascii() and tok.isdecimal():
        return int(tok)
    if _THOUSANDS.fullmatch(tok):
        return int(tok.replace(",", ""))
    return None


def _word_number(words: list[str], i: int) -> tuple[int, int] | None:
    """Parse number words starting at ``i``; returns (value, end)."""
    total, current, j, seen = 0, 0, i, False
    while j < len(words):
        w = words[j]
        if w in _HYPHENATED:
            current += _HYPHENATED[w]
        elif w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in SCALES and (seen or w != "million"):
            scale = SCALES[w]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        elif (
            w == "and"
            and seen
            and j + 1 < len(words)
            and (words[j + 1] in UNITS or words[j + 1] in TENS)
        ):
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    return total + current, j


def parse_quantity(words: list[str], i: int) -> Quantity | None:
    """Parse a quantity at lowercased token ``i`` (without its hedge)."""
    w = words[i]
    if not (w in _STARTS or w[:1].isdecimal()):
        return None  # the cheap test before parsing: most tokens cannot start a quantity
    nxt = words[i + 1] if i + 1 < len(words) else ""
    # "a dozen", "two dozen", "half a dozen"
    if w == "half" and words[i + 1 : i + 3] == ["a", "dozen"]:
        return Quantity(i, i + 3, 6, 6, 6)
    if w in ("a", "one") and nxt == "dozen":
        return Quantity(i, i + 2, 12, 12, 12)
    if w in VAGUE and w not in ("few", "handful"):
        # "dozens", "hundreds of"; "tens of thousands" stays vague
        return Quantity(i, i + 1, None, *VAGUE[w], qualifier="vague", vague_word=w)
    if w == "a" and nxt in ("few", "handful"):
        return Quantity(i, i + 2, None, *VAGUE[nxt], qualifier="vague", vague_word=nxt)
    if w in ("a", "an") and nxt in ("hundred", "thousand"):
        parsed = _word_number(["one", *words[i + 1 :]], 0)
        if parsed:
            return Quantity(i, i + parsed[1], parsed[0], parsed[0], parsed[0])
    value = _digits(w)
    if value is not None:
        end = i + 1
        if nxt in ("hundred", "thousand", "million"):
            value *= SCALES[nxt]
            end += 1
    elif len(w) < 16 and _DECIMAL.fullmatch(w) and nxt in ("thousand", "million"):
        value, end = round(float(w) * SCALES[nxt]), i + 2
    else:
        parsed = _word_number(words, i)
        if parsed is None:
            return None
        value, end = parsed
    if end < len(words) and words[end] == "dozen":
        value, end = value * 12, end + 1
    if value > MAX_VALUE:  # "hundred hundred hundred ...", "900,000,000,000,000"
        return None
    return Quantity(i, end, value, value, value)


def parse_range(words: list[str], q: Quantity) -> Quantity:
    """Extend ``q`` to a range: "10 to 12", "10-12", "10 or 12"."""
    if q.value is None:
        return q
    j = q.end
    if q.start > 0 and words[q.start - 1] == "between" and j + 1 < len(words) and words[j] == "and":
        other = parse_quantity(words, j + 1)
        if other and other.value is not None and other.value > q.value:
            return Quantity(q.start - 1, other.end, q.value, q.value, other.value, "range")
    if j + 1 < len(words) and words[j] in ("to", "or", "-", "–"):
        other = parse_quantity(words, j + 1)
        if other and other.value is not None and other.value > q.value:
            return Quantity(q.start, other.end, q.value, q.value, other.value, "range")
    return q


def find_hedge(words: list[str], start: int) -> tuple[int, Qualifier] | None:
    """The hedge right before token ``start``: (its first token, qualifier)."""
    if not 0 < start <= len(words):
        return None
    for phrase, qual in _HEDGES_BY_LAST.get(words[start - 1], ()):
        n = len(phrase)
        if start - n >= 0 and tuple(words[start - n : start]) == phrase:
            return start - n, qual
    return None


def apply_qualifier(q: Quantity, qualifier: Qualifier) -> Quantity:
    """Set low/high from the hedge (see module docstring for the convention)."""
    v = q.value
    if v is None or qualifier == "exact" or q.qualifier == "range":
        return q
    low: int | None = v
    high: int | None = v
    if qualifier == "at_least":
        high = None
    elif qualifier == "more_than":
        low, high = v + 1, None
    elif qualifier == "up_to":
        low = None
    elif qualifier == "less_than":
        low, high = None, max(v - 1, 0)
    elif qualifier == "approximately":
        low, high = round(v * 0.9), round(v * 1.1)
    return Quantity(q.start, q.end, v, low, high, qualifier, q.vague_word)


# "twenty-one": looked up whole rather than splitting every token at "-".
_HYPHENATED: Final = {f"{t}-{u}": TENS[t] + UNITS[u] for t in TENS for u in UNITS}
# Every number written as one word token: "seven", "forty", "twenty-one".
WORD_NUMBERS: Final[dict[str, int]] = {**UNITS, **TENS, **_HYPHENATED}
_STARTS: Final = frozenset([*UNITS, *TENS, *VAGUE, *SCALES, "a", "an", "half", "one", *_HYPHENATED])
# HEDGES by their last word, longest first as in HEDGES: only those can end before a number.
_HEDGES_BY_LAST: Final[dict[str, list[tuple[tuple[str, ...], Qualifier]]]] = {}
for _hedge in HEDGES:
    _HEDGES_BY_LAST.setdefault(_hedge[0][-1], []).append(_hedge)
