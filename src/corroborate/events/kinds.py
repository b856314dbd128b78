"""What kind of incident a report describes: shooting, bombing, raid, clash, ...

A small trigger lexicon read over the headline and the first sentences (the lede), where a
report says what happened; later sentences drift into background and earlier incidents.

    >>> event_type("Gunman opens fire at Brenford market", "Four people were shot dead.")
    'shooting'
    >>> event_type("Council approves budget", "The vote was close.") is None
    True

The most frequent specific type wins (a lede saying "attack" and "bomb" is a bombing);
"attack" is the answer when nothing more specific is said, or when the reports say
"attack" at least ``GENERIC_DOMINANCE`` times as often.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Final

#: Event type -> trigger words/phrases (lower case, matched on word boundaries). Order
#: matters for ties: more specific types first, the generic "attack" last.
EVENT_TRIGGERS: Final[dict[str, tuple[str, ...]]] = {
    "bombing": (
        "bomb",
        "bombs",
        "bombing",
        "bombings",
        "bomber",
        "bombers",
        "blast",
        "blasts",
        "explosion",
        "explosions",
        "explosive",
        "explosives",
        "ied",
        "ieds",
        "detonated",
    ),
    "airstrike": (
        "airstrike",
        "airstrikes",
        "air strike",
        "air strikes",
        "drone strike",
        "drone strikes",
        "air raid",
        "air raids",
        "shelling",
    ),
    "shooting": (
        "shooting",
        "shootings",
        "shot",
        "shoots",
        "shootout",
        "gunman",
        "gunmen",
        "gunfire",
        "opened fire",
        "open fire",
        "gunshot",
        "gunshots",
        "gunpoint",
        "gun",
        "fatally shot",
    ),
    "stabbing": ("stabbing", "stabbings", "stabbed", "knife attack", "knifeman"),
    "kidnapping": ("kidnapped", "kidnapping", "abducted", "abduction", "hostage", "hostages"),
    "raid": ("raid", "raids", "raided", "crackdown"),
    "clash": (
        "clash",
        "clashes",
        "clashed",
        "firefight",
        "gunbattle",
        "gun battle",
        "fighting",
        "battle",
        "skirmish",
        "skirmishes",
    ),
    "arson": ("arson", "set fire", "set ablaze", "torched", "firebombed"),
    "riot": ("riot", "riots", "rioting", "unrest", "protesters", "protest"),
    "crash": ("crash", "crashed", "collision", "derailed", "derailment", "plane crash"),
    "disaster": (
        "earthquake",
        "quake",
        "flood",
        "floods",
        "flooding",
        "landslide",
        "cyclone",
        "hurricane",
        "tsunami",
        "wildfire",
        "storm",
    ),
    "attack": (
        "attack",
        "attacks",
        "attacked",
        "attackers",
        "assault",
        "ambush",
        "ambushed",
        "massacre",
        "killing",
        "killings",
        "murder",
        "murdered",
    ),
}

_TRIGGER_RE: Final = {
    kind: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
    for kind, words in EVENT_TRIGGERS.items()
}
_ORDER: Final = {kind: n for n, kind in enumerate(EVENT_TRIGGERS)}
# Substrings one of which every trigger of a type contains ("bomb" for "bombs", "bombing"):
# a text with none of them has no hit, and is not scanned with the type's pattern.
_PROBES: Final = {
    kind: tuple(w for w in words if not any(o != w and o in w for o in words))
    for kind, words in EVENT_TRIGGERS.items()
}
#: Title hits count this many times a lede hit: the headline names the event.
TITLE_WEIGHT: Final = 2


def type_scores(title: str | None, lede: str) -> Counter[str]:
    """Trigger hits per event type in the headline (weighted) and lede."""
    scores: Counter[str] = Counter()
    for text, weight in ((title or "", TITLE_WEIGHT), (lede, 1)):
        low = text.lower()
        for kind, rx in _TRIGGER_RE.items():
            if not any(probe in low for probe in _PROBES[kind]):
                continue
            hits = len(rx.findall(low))
            if hits:
                scores[kind] += hits * weight
    return scores


#: "attack" wins over a more specific type only when it has at least this many times the
#: specific type's trigger hits (coordinated "attacks" with some "fighting" are attacks).
GENERIC_DOMINANCE: Final = 2.0


def best_type(scores: Mapping[str, int | float]) -> str | None:
    """The most specific type with hits, unless "attack" clearly dominates it."""
    specific = {k: v for k, v in scores.items() if k != "attack" and v > 0}
    generic = scores.get("attack", 0)
    if specific:
        kind = min(specific, key=lambda k: (-specific[k], _ORDER[k]))
        if generic < GENERIC_DOMINANCE * specific[kind]:
            return kind
    return "attack" if generic else None


def event_type(title: str | None, lede: str) -> str | None:
    """The event type a report's headline and lede name, or None."""
    return best_type(type_scores(title, lede))
