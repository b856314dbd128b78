"""Who is a party to the conflict, and when a figure is a party speaking about its enemy.

    >>> claimant_side("military"), claimant_side("bla", "The Baloch Liberation Army (BLA)")
    ('state', 'armed_group')
    >>> group_side("militants"), group_side("police")
    ('armed_group', 'state')
    >>> is_partisan("bla", "The Baloch Liberation Army (BLA)", "security_forces")
    True

A figure is *partisan* when its claimant belongs to one side and the victims to the other:
the rebels' count of soldiers killed, the military's count of militants killed. Such
figures are shown but, by default, not used for the best estimate.
"""

from __future__ import annotations

import re
from typing import Final

# Claimant keys that speak for the state's forces.
STATE_KEYS: Final = frozenset(
    ["military", "police", "security_officials", "government", "provincial_officials"]
)
# Claimant keys that are nobody's side: medics, rescuers, witnesses.
NEUTRAL_KEYS: Final = frozenset(["medical", "witnesses", "rescuers"])
# Words that mark a claimant as a non-state armed group.
_ARMED_WORDS: Final = re.compile(
    r"\b(army|front|movement|brigade|rebels?|militants?|insurgents?|fighters|taliban|group|"
    r"militia|jihadists?|separatists?|liberation|mujahideen|jamaat|lashkar|tehreek|ansar)\b",
    re.IGNORECASE,
)
_STATE_WORDS: Final = re.compile(
    r"\b(government|ministry|minister|governor|federal|national|official|officials|police|"
    r"military|army chief|spokes(?:man|woman|person) for the government)\b",
    re.IGNORECASE,
)
_GROUP_SIDES: Final = {
    "militants": "armed_group",
    "security_forces": "state",
    "police": "state",
    "soldiers": "state",
}


def claimant_side(key: str | None, text: str | None = None) -> str | None:
    """``state``, ``armed_group`` or None (neutral: medics, witnesses, the report itself)."""
    if key is None or key in NEUTRAL_KEYS:
        return None
    if key in STATE_KEYS:
        return "state"
    words = text or key
    if key.isalpha() and key.islower() and len(key) <= 6 and text and f"({key.upper()})" in text:
        # An organisation known by its acronym: armed unless its name says otherwise.
        return (
            "state"
            if _STATE_WORDS.search(text) and not _ARMED_WORDS.search(text)
            else ("armed_group")
        )
    armed, state = _ARMED_WORDS.search(words), _STATE_WORDS.search(words)
    if armed and not state:
        return "armed_group"
    return "state" if state and not armed else None


def group_side(group: str) -> str | None:
    """The side a victim group belongs to, if any (civilians belong to none)."""
    return _GROUP_SIDES.get(group.split("+")[0].split(" ")[0]) if "+" not in group else None


def is_partisan(key: str | None, text: str | None, group: str) -> bool:
    """True when a party to the conflict counts its enemy's dead."""
    mine, theirs = claimant_side(key, text), group_side(group)
    return mine is not None and theirs is not None and mine != theirs
