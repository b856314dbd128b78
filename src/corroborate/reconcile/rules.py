"""Low / best / high for a fact, by a stated, configurable rule.

    >>> from corroborate.model import ValueSupport as V
    >>> vals = [V(value=92, number_text="92", claimants=("army",), articles=("a", "b"),
    ...          claims=("c1",), origins=2, partisan=True),
    ...        V(value=67, number_text="67", claimants=("officials",), articles=("c",),
    ...          claims=("c2",), origins=1),
    ...        V(value=70, number_text="70", claimants=("medics",), articles=("d",),
    ...          claims=("c3",), origins=1, first_published="2026-02-02")]
    >>> estimate(vals, RuleSettings()).best
    70
    >>> estimate(vals, RuleSettings(rule="conservative")).best
    67

Rules (``RuleSettings.rule``):

- ``ucdp`` (default): *best* is the figure backed by the most independent origins among
  non-partisan claimants; ties go to the most recently published figure, then the smaller;
  *low* and *high* are the smallest and largest credible figures.
- ``conservative`` (ACLED-style): *best* is the smallest credible figure.

Partisan figures (a party counting its enemy's dead) are shown but not used, unless they are
all there is. A toll explicitly updated in a later report ("rose to 15") is the best figure
when it is credible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from corroborate.model import ValueSupport

RULE_TEXT: Final = {
    "ucdp": (
        "best = the figure with the most independent non-partisan origins (tie: the latest "
        "report, then the smaller); low/high = smallest/largest credible figure"
    ),
    "conservative": (
        "best = low = the smallest credible figure (conservative, ACLED-style); "
        "high = the largest credible figure"
    ),
}


#: What ``estimate`` adds to a rule's words when partisan figures were set aside or used.
PARTISAN_NOTES: Final = ("partisan figures shown, not used", "only partisan figures were reported")


def rule_parts(rule: str) -> tuple[str, str]:
    """A fact's ``rule`` split into the rule itself and its note on partisan figures.

    >>> rule_parts("best = the latest updated toll; partisan figures shown, not used")
    ('best = the latest updated toll', 'partisan figures shown, not used')
    """
    for note in PARTISAN_NOTES:
        if rule.endswith("; " + note):
            return rule[: -len(note) - 2], note
    return rule, ""


@dataclass(frozen=True)
class RuleSettings:
    """How facts are summarised; see the module docstring."""

    rule: Literal["ucdp", "conservative"] = "ucdp"
    exclude_partisan: bool = True


@dataclass(init=False, unsafe_hash=True)  # own __init__: see corroborate.buildinfo
class Estimate:
    low: Final[int | None]
    best: Final[int | None]
    high: Final[int | None]
    rule: Final[str]

    def __init__(self, low: int | None, best: int | None, high: int | None, rule: str) -> None:
        self.low = low
        self.best = best
        self.high = high
        self.rule = rule


def _point(v: ValueSupport) -> int | None:
    return v.value if v.value is not None else v.low


def estimate(values: Sequence[ValueSupport], settings: RuleSettings) -> Estimate:
    """Summarise a fact's values as low / best / high with the rule that produced them."""
    numeric = [v for v in values if _point(v) is not None]
    if not numeric:
        return Estimate(None, None, None, "no figure")
    credible = [v for v in numeric if not (settings.exclude_partisan and v.partisan)]
    note = ""
    if not credible:
        credible, note = numeric, "; " + PARTISAN_NOTES[1]
    elif len(credible) < len(numeric):
        note = "; " + PARTISAN_NOTES[0]
    lows = [v.low if v.low is not None else _point(v) for v in credible]
    highs = [v.high if v.high is not None else _point(v) for v in credible]
    low = min(x for x in lows if x is not None)
    high = max(x for x in highs if x is not None)
    updated = [v for v in credible if v.updated]
    if settings.rule == "conservative":
        best = min(p for p in (_point(v) for v in credible) if p is not None)
        return Estimate(best, best, high, RULE_TEXT["conservative"] + note)
    if updated:
        latest = max(updated, key=lambda v: v.first_published or "")
        return Estimate(low, _point(latest), high, "best = the latest updated toll" + note)
    top = max(
        credible,
        key=lambda v: (v.origins, v.first_published or "", -(_point(v) or 0)),
    )
    return Estimate(low, _point(top), high, RULE_TEXT["ucdp"] + note)
