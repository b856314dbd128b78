"""One article's best single figure per measure, from its claims.

    >>> from corroborate.model import Article
    >>> from corroborate.claims import extract_claims
    >>> text = "Two men were shot dead on Friday. Police killed the gunman."
    >>> article_counts(extract_claims(Article.create(text, "a.txt")))["killed"]
    3

This is what a coder fills into one row of an incident dataset from one report:

- within one sentence, figures of one measure are different people ("the woman was shot and
  the man was shot" is two), so they add up;
- across sentences they are usually the same people told again, so the largest wins;
- figures for suspects and attackers are a separate side and are added;
- once someone is reported killed, "he was shot", "the victim had been shot" or "Fabian was
  shot" tell how, not of another casualty: such referring mentions of one injured person
  are not counted, and one person first found wounded ("a man suffering from gunshot
  wounds") who then "was pronounced dead" is counted as killed, not also as injured.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from corroborate.model import Claim

_PERPETRATORS = frozenset(["suspects", "militants"])
_DEFINITE = frozenset(["he", "she", "the", "his", "her"])
# Number words of a mention that refers back to someone already introduced.
_REFERRING = frozenset(["he", "she", "the", ""])


def _background(claim: Claim) -> bool:
    """Figures for a whole year, month or long span ("in 2012, 28 were killed", "130 people
    had been shot this year") are context, not this incident."""
    p = claim.period
    if p.kind == "date" and p.start is not None and p.end is not None and p.start != p.end:
        return True
    return p.kind == "vague" or (p.kind == "span" and (p.days or 0) > 7)


def _coordinated(claim: Claim, other: Claim) -> bool:
    """Two counts joined by "and" in one sentence are different people."""
    lo, hi = sorted((claim.number_span.start, other.number_span.start))
    text = claim.text[lo - claim.span.start : hi - claim.span.start]
    return " and " in text


def _side(claim: Claim) -> str:
    return "perpetrators" if claim.group in _PERPETRATORS else "victims"


def article_counts(
    claims: Iterable[Claim],
    measures: tuple[str, ...] = ("killed", "injured"),
    sides: tuple[str, ...] = ("victims", "perpetrators"),
) -> dict[str, int]:
    """The best single count per measure (0 when nothing is stated).

    ``sides=("victims",)`` leaves out suspects and attackers, as victim-only datasets do.
    """
    per_sentence: dict[tuple[str, str, int], int] = defaultdict(int)
    injured_values: list[int] = []
    seen: dict[tuple[str, str, int], Claim] = {}
    referring_injured: list[Claim] = []
    died_later = False

    def add(c: Claim, side: str, value: int) -> None:
        key = (c.measure, side, c.span.start if c.section == "body" else -1)
        if key in per_sentence and not _coordinated(c, seen[key]):
            per_sentence[key] = max(per_sentence[key], value)
        else:
            per_sentence[key] += value
        seen[key] = c

    for c in claims:
        if c.measure not in measures or c.parts_of is not None:
            continue
        value = c.value if c.value is not None else c.low
        side = _side(c)
        if value is None or side not in sides or _background(c):
            continue
        if c.measure == "injured" and side == "victims":
            if value == 1 and c.number_text.lower() in _REFERRING:
                referring_injured.append(c)
                continue
            injured_values.append(value)
        add(c, side, value)
        if c.measure == "killed" and value == 1 and c.number_text.lower() in _DEFINITE:
            died_later = True
    if not any(m == "killed" and side == "victims" for m, side, _ in per_sentence):
        for c in referring_injured:  # nobody died: "he was shot" is the casualty itself
            add(c, "victims", 1)
            injured_values.append(1)
    best: dict[tuple[str, str], int] = {}
    for (measure, side, _), value in per_sentence.items():
        best[(measure, side)] = max(best.get((measure, side), 0), value)
    if died_later and injured_values and set(injured_values) == {1}:
        best[("injured", "victims")] = 0
    return {m: sum(v for (mm, _), v in best.items() if mm == m) for m in measures}
