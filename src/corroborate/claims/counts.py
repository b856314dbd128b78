"""One article's best single figure per measure, from its claims.

    >>> from corroborate.model import Article
    >>> from corroborate.claims import extract_claims
    >>> text = "Two men were shot dead on Friday. Police killed the gunman."
    >>> article_counts(extract_claims(Article.create(text, "a.txt")))["killed"]
    3

This is what a coder fills into one row of an incident dataset from one report:

- within one sentence, figures of one measure joined by "and" are different people ("the
  woman was shot and the man was shot" is two), so they add up ("shot and killed" joins
  verbs, not people; a headline run into the first line is not joined to it);
- across sentences they are usually the same people told again, so the largest wins;
- figures for suspects and attackers are a separate side and are added;
- once someone is reported killed, a single injured person in another sentence ("he was
  shot", "the victim had been shot", "a man was found with a gunshot wound") is the same
  victim told again, not another casualty, unless the text marks them as someone else
  ("another man", "a second victim", "was also wounded") or names them beside the dead
  ("one was killed and one was hurt");
- a count of wounded or shot people in a sentence of its own, not marked as others, includes
  those who died ("two people were shot ... one of them died" is 1 killed, 1 injured):
  the dead are taken off it, unless it is a group other than the dead ("two officers were
  wounded" beside "a man was killed");
- figures dated to a whole past year, a month or a long span ("130 people had been shot this
  year") are context, not the incident, unless they are one person ("the man fatally shot
  last month"); so are figures in a sentence dated only to years before the latest year the
  report names ("the 2012 theater shooting that left 12 dead" in a report of a 2015 one);
- a figure summed over several incidents ("nine killed in separate shootings across the
  city", "six wounded in weekend shootings", "in four shootings") is a roundup, not this
  incident, when the report has another figure of that measure;
- a killer's suicide told beside the victims ("killing two, then himself") adds one to that
  sentence's figure; a total that names the killer among the dead ("three dead, including
  the gunman") already holds them;
- a headline that numbers both the dead and the hurt ("2 dead, 3 wounded in shooting") is
  the report's own tally and gives its figures; so does a first sentence that numbers both
  ("a shooting left one man dead and three others injured") when the headline does not: a
  larger figure later in the body is more often another incident or a misread;
- a single wounded person of another sex or age than the dead ("a man was killed ... a woman
  was shot", "the 19-year-old") is someone else, not the dead told again; "N shot, M dead"
  holds the dead among the shot.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from corroborate.claims.extract import is_tally
from corroborate.claims.lexicon import (
    FEMALE,
    IMPLIED_DEATHS,
    MALE,
    PERPETRATOR_GROUPS,
    top_group,
)
from corroborate.claims.numbers import WORD_NUMBERS
from corroborate.model import Claim

# Number words of a mention that refers back to someone already introduced.
_REFERRING = frozenset(["he", "she", "the", "him", "her", ""])
# "the victim was treated at ... and then transferred, where he was listed": the same person.
_PRONOUNS = frozenset(["he", "she", "him", "her"])


def _count_word(claim: Claim) -> str:
    """The word a count is told by, lower-cased; "her" as a pronoun only ("shot her"): the
    "her" of "her mother" is told as "his" is."""
    word = claim.number_text.lower()
    return "his" if word == "her" and claim.group_text else word


def _background(claim: Claim) -> bool:
    """Figures for a whole year, month or long span ("in 2012, 28 were killed", "130 people
    had been shot this year") are context, not this incident."""
    p = claim.period
    if claim.value == 1 and p.kind in ("span", "vague"):
        return False  # "the man fatally shot last month" is this report's victim
    if (p.text or "").lower() in ("last week", "last month") and not re.search(
        r"\b(the|over|in|during|within)\s+$", claim.text[: claim.text.lower().find("last ")]
    ):
        return False  # "two men found dead last month" dates the incident, not a tally
    if p.kind == "date" and p.start is not None and p.end is not None and p.start != p.end:
        return True
    if p.kind == "since":
        return p.weekday is None  # "since January", "since 2012"; not "since Thursday"
    return p.kind == "vague" or (p.kind == "span" and (p.days or 0) > 7)


# "and" inside a predicate ("shot and killed") joins verbs, not people.
_VERB_AND = re.compile(r"\b(shot|shoots|shooting|stabbed|beaten|treated) and (?=\w)", re.IGNORECASE)


def _coordinated(claim: Claim, other: Claim) -> bool:
    """Two counts joined by "and" in one sentence are different people; a headline run into
    the first line ("Man shot and killed | WXYZ A 42-year-old man was shot") is one."""
    if _REFERENCE.search(claim.text, 0, claim.number_span.start - claim.span.start):
        return False  # "three dead, nine wounded and of the three dead one is the gunman"
    if _same_surname(claim, other):
        return False  # "Nygel Williams was shot ... and others drove Williams to a hospital"
    lo, hi = sorted((claim.number_span.start, other.number_span.start))
    text = _VERB_AND.sub(" ", claim.text[lo - claim.span.start : hi - claim.span.start])
    if " and " in text and "|" not in text:
        return True
    if _WHILE_ANOTHER.search(text) and claim.number_text.lower() in ("a", "an", "another"):
        return True  # "a boy was shot, while a 4-year-old girl was grazed"
    if (
        _CLAUSE_THEN_ANOTHER.search(text)
        and claim.number_text.lower() in ("a", "an", "another")
        and other.number_text.lower() in ("a", "an", "another")
    ):
        return True  # "a 16-year-old was flown to the hospital, an 18-year-old was hit"
    if _listed(claim, other, text):
        return True
    if _ALSO_HURT.search(text):
        return True  # "a boy was wounded in a shooting that also injured a woman"
    later = claim if claim.number_span.start > other.number_span.start else other
    if _OTHERS.match(later.text, later.number_span.end - later.span.start):
        return True  # "a boy is in critical condition after a shooting that wounded two others"
    # "Michael, Connor, Jaeci and Kailey Westerhuis were shot": a list of names
    return not claim.number_text and not other.number_text and bool(_NAME_IN_LIST.fullmatch(text))


def _same_surname(claim: Claim, other: Claim) -> bool:
    """Are both counts a name ending in the same word ("Dario Pike", "Pike")?"""
    name = _surname(claim)
    return name is not None and name == _surname(other)


def _surname(claim: Claim) -> str | None:
    """The last word of a count that is a name ("Dario Pike": "Pike"), else None."""
    words = claim.group_text.split()
    if words and words[-1].isalpha() and all(w[:1].isupper() for w in words):
        return words[-1]
    return None


# "Teen, 4-year-old shot": one person or group, then a comma before the next.
_LIST_ITEM = re.compile(r"[^,;:.|]{1,40}, (?:an? |the )?")
_PREDICATE = re.compile(
    r"\b(kill\w*|dead|die[sd]?|shot|shoots?|wound\w*|hurt|injur\w*|slain|murder\w*"
    r"|hospitali[sz]ed|struck|hit|fatal\w*|was|were|is|are)\b",
    re.IGNORECASE,
)


def _listed(claim: Claim, other: Claim, text: str) -> bool:
    """Counts listed with commas before one predicate are different people: a headline's
    "Teen, 4-year-old shot", "Man, woman, child wounded"; in the body only a list that ends
    with "and" ("a man, a woman and a child were shot"), as an aside after a comma there is
    more often the same person ("a man, a father of three, was shot")."""
    if not _LIST_ITEM.fullmatch(text) or _PREDICATE.search(text):
        return False
    if claim.section == "title" and other.section == "title":
        return True
    start = claim.number_span.start - claim.span.start
    after = claim.text[start : start + 60]
    rest = _PREDICATE.split(after, maxsplit=1)[0]
    return bool(_AND_ANOTHER.search(rest))


# "..., and a child": the last item of a list ("a neighbor and close friend" is one person).
_AND_ANOTHER = re.compile(
    r",? and (an?|the|his|her|their|himself|herself|\d+|one|two|three|four|five|six|seven"
    r"|eight|nine|ten)\b",
    re.IGNORECASE,
)


_WHILE_ANOTHER = re.compile(
    r", (?:while|whereas|but) $",
    re.IGNORECASE,
)
# A count that is the subject of its own clause, then a comma: "a teen was flown to
# hospital, " (the next count opens a clause of its own).
_CLAUSE_THEN_ANOTHER = re.compile(
    r"^[^,;:]{0,25}?\b(?:was|were|is|are)\b[^,;:]*, $",
    re.IGNORECASE,
)
_ALSO_HURT = re.compile(
    r"\balso\s+(?:injur|wound|hurt|struck|hit|shot|shoot|grazed|left)\w*\s+(?:an?|another"
    r"|the|his|her|their|\d+|one|two|three|four|five)?\s*$",
    re.IGNORECASE,
)
# Right after a later count: its people are more than the ones counted before it.
_OTHERS = re.compile(r"\s+others?\b", re.IGNORECASE)
_REFERENCE = re.compile(r"\bof (the|those|these) $", re.IGNORECASE)
_NAME_IN_LIST = re.compile(
    r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}(?:(?:, \d{1,3})?, |, \d{1,3}; )"
)


_ANOTHER = re.compile(r"\b(another|other|others|second|third|fourth|also|too)\b", re.IGNORECASE)


def _another(claim: Claim) -> bool:
    """A single injured person marked as someone else ("another man", "a second victim",
    "his friend was also wounded"), not the one already reported killed."""
    start = claim.number_span.start - claim.span.start
    near = claim.text[max(0, start - 25) : start + len(claim.number_text) + 40]
    return bool(_ANOTHER.search(near)) or bool(_ANOTHER.search(claim.group_text))


# After the count ("The woman was also shot"), where ``_ALSO_HURT`` reads before it ("also
# wounded a man").
_ALSO_AFTER = re.compile(r"[\w\s,'’-]{0,40}?\b(?:was|were|is|are|had been|has been) also\b")


def _also_in_predicate(claim: Claim) -> bool:
    """ "The woman was also shot", "her brother, 9, was also wounded": the count's own
    predicate says this is one more person hurt."""
    return bool(_ALSO_AFTER.match(claim.text, claim.number_span.end - claim.span.start))


def _after_the_dead(claim: Claim, claims: list[Claim]) -> bool:
    """A headline's bare noun after its dead and a comma ("Man killed, teen wounded", "Man
    dead, infant injured"): someone else, where the body's "the man was shot" is not."""
    if claim.section != "title" or claim.number_text:
        return False
    start = claim.number_span.start
    return any(
        k.measure == "killed"
        and k.span == claim.span
        and k.number_span.end <= start
        and "," in claim.text[k.number_span.end - claim.span.start : start - claim.span.start]
        for k in claims
    )


def _beside_suicide(claim: Claim, claims: list[Claim]) -> bool:
    """Is the only death the report tells the killer's own, in the count's sentence ("Man
    shoots wife, kills self", "he shot his neighbour and then himself")? Then the hurt is
    the victim, not the dead told again."""
    dead = [k for k in claims if k.measure == "killed"]
    return (
        _count_word(claim) not in _PRONOUNS | _SELF
        and any(k.span == claim.span for k in dead)
        and all(_suicide(k) for k in dead)
    )


_OF_THEM = re.compile(r"\s*(of (them|whom|those|the victims)\b|fatally\b)", re.IGNORECASE)


def _of_them(claim: Claim) -> bool:
    """ "one of them fatally", "two of whom died": a part of a count told before."""
    return bool(_OF_THEM.match(claim.text, claim.number_span.end - claim.span.start))


def _bare_part(claim: Claim, claims: list[Claim]) -> bool:
    """ "Four people were shot and one died": a bare number after a larger count of the
    shot in the same sentence is a part of it, not someone else ("and a woman was killed")."""
    if claim.group_text or claim.number_text.lower() in _REFERRING or claim.value is None:
        return False
    for k in claims:
        if k.measure != "injured" or k.span != claim.span or (k.value or 0) <= claim.value:
            continue
        between = claim.text[
            k.number_span.end - claim.span.start : claim.number_span.start - claim.span.start
        ]
        if _SHOT_AND.fullmatch(between):
            return True
    return False


# "[Four] people were shot Sunday and [one] ...": the count's own predicate, then "and".
_SHOT_AND = re.compile(
    r"[^,;.]*?\b(shot|wounded|injured|hurt|hit|struck)\b[^,;.\d]*\band\s+", re.IGNORECASE
)


_GENERIC = frozenset(["people", "victims"])
_MULTIPLE = frozenset(["double", "triple", "quadruple"])


_SHOT = re.compile(r"\s*(?:\w+\s+){0,2}?(?:were\s+|are\s+)?shot\b(?!\s+and)", re.IGNORECASE)


def _shot_then_dead(claim: Claim, claims: list[Claim]) -> bool:
    """ "Four shot, two dead": the dead told after a count of the shot, set off by a
    comma, are among them."""
    end = claim.number_span.end - claim.span.start
    if not _SHOT.match(claim.text, end):
        return False
    for k in claims:
        after = k.number_span.start - claim.span.start
        if k.measure == "killed" and k.span == claim.span and after > end:
            between = claim.text[end:after]
            return " and " not in between and "," in between
    return False


def _implied(claim: Claim) -> bool:
    """A death told without a count ("police investigate a fatal shooting")."""
    return claim.qualifier == "at_least" and claim.number_text.lower() in _IMPLIED_PHRASES


_IMPLIED_PHRASES = frozenset(" ".join(pair) for pair in IMPLIED_DEATHS)


# The hurt told as alive now, after their count and in its number ("Both were injured and
# are still in the hospital"), in a sentence with no death: they are not the dead told
# elsewhere. (Not "were hospitalized": one may have died since.)
_STILL_IN = (
    r"\s+(?:still\s+|both\s+|all\s+)?(?:in\s+(?:the\s+)?hospital\b|hospitali[sz]ed\b"
    r"|in\s+(?:stable|good|fair|serious|critical)\s+condition\b|recovering\b)"
)
_ALIVE_ONE = re.compile(r"\b(?:is|remains)" + _STILL_IN, re.IGNORECASE)
_ALIVE_MANY = re.compile(r"\b(?:are|remain)" + _STILL_IN, re.IGNORECASE)
_DIED = re.compile(r"\b(?:died|dies|dead|killed|death|deaths|fatal|fatally|slain)\b", re.I)


def _alive(claim: Claim) -> bool:
    """Are the hurt of this claim told as still alive, in a sentence with no death?"""
    alive = _ALIVE_ONE if claim.value == 1 else _ALIVE_MANY
    after = claim.number_span.end - claim.span.start
    return bool(alive.search(claim.text, after)) and not _DIED.search(claim.text)


def _same_people(claim: Claim, killed_groups: set[str], killed_heads: set[str]) -> bool:
    """Can this count include the dead? Unnamed people can; civilians can when the dead are
    civilians or unnamed people; officers cannot when a man was killed, nor two women when
    the dead is a man."""
    if _unlike(_head(claim.group_text), killed_heads):
        return False
    top = top_group(claim.group)
    if claim.group in _GENERIC or top in killed_groups:
        return True
    return top == "civilians" and bool(killed_groups & _GENERIC)


# Person nouns that tell an age group; the sex is the lexicon's (FEMALE, MALE).
_ADULT = frozenset(
    """man woman gentleman lady husband wife father mother dad mom stepfather stepmother
    grandfather grandmother""".split()
)
_CHILD = frozenset(["boy", "girl", "child", "baby", "toddler", "infant"])
# What a head word says of a person: (sex, "adult" or "child"), None where it does not say.
_PERSON: dict[str, tuple[str | None, str | None]] = {
    w: (
        "f" if w in FEMALE else "m" if w in MALE else None,
        "adult" if w in _ADULT else "child" if w in _CHILD else None,
    )
    for w in FEMALE | MALE | _ADULT | _CHILD
} | {"her": ("f", None), "him": ("m", None)}  # objects, not "he shot himself"
_SINGULARS = {
    "men": "man",
    "women": "woman",
    "boys": "boy",
    "girls": "girl",
    "children": "child",
    "sons": "son",
    "daughters": "daughter",
}


def _unlike(head: str, killed_heads: set[str]) -> bool:
    """Is a person of this head word someone other than every one of the dead ("man killed,
    woman wounded", "man killed ... the child was shot", "a man was killed; his wife was
    hurt")? Only when every head of the dead says the sex or age that this one differs in."""
    person = _PERSON.get(head)
    if person is None or not killed_heads:
        return False
    dead = [_PERSON.get(k) for k in killed_heads]
    if any(d is None for d in dead):
        return False
    return any(
        person[i] is not None and all(d is not None and d[i] not in (None, person[i]) for d in dead)
        for i in (0, 1)
    )


_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b(?!\s+block)")  # not "the 2000 block"


def _earlier_year(claim: Claim, latest: int) -> bool:
    """Is the figure's sentence dated only to years before the latest the report names
    ("the 2012 Aurora shooting that left 12 dead", in a report of a 2015 shooting)?"""
    years = [int(y) for y in _YEAR.findall(claim.text)]
    return bool(years) and max(years) < latest


_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_COUNTWORD = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|\d+)"
# A sentence set in another time or another incident than the report's: "A year earlier, a man
# was shot dead there", "In August, a 23-year-old was gunned down ...", "Last year, two ...",
# "... killed two years ago".
_ELSEWHEN = (
    re.compile(
        rf"\b{_COUNTWORD}\s+(?:and a half\s+)?(?:years?|months?)\s+(?:and a half\s+)?"
        r"(?:ago|earlier)\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"^\W*(?:(?:In|During|Back in|Since|Earlier in|Early in|Late in)\s+(?:(?:early|late|mid)"
        rf"[- ])?(?:{_MONTHS}|(?:19|20)\d\d|the (?:spring|summer|fall|autumn|winter))"
        rf"|(?:Last|The previous|The prior|Earlier this|Earlier that)\s+(?:year|month|summer"
        rf"|spring|fall|autumn|winter|{_MONTHS}))(?!\w)",
        re.IGNORECASE,
    ),
    # "Two others died in a house fire years ago", "decades earlier"
    re.compile(r"\b(?:months|years|decades)\s+(?:ago|earlier|before)\b", re.IGNORECASE),
)


# "could have caused injuries or death", "would have been killed": what did not happen.
_UNREAL = re.compile(
    r"(?:\b(?:could|would|might)(?:\s+(?:easily|well|very well|have|not))*\s+have"
    # a near miss: "nearly killed two", "came within inches of possibly killing the trooper"
    r"|\b(?:nearly|almost|narrowly(?:\s+missed)?|barely\s+missed|within\s+(?:inches|feet)\s+of"
    r"|came\s+close\s+to)(?:\s+possibly)?(?=\s+(?:kill|hitt?|strik|struck|shoot|shot|injur|wound)))"
    r"\s+(?:(?!\b(?:that|which|who|whom|where|when|after|and)\b)[^.;,:]){0,60}$",
    re.IGNORECASE,
)


def _unreal(claim: Claim) -> bool:
    """Is the count told as what could have happened ("could have caused death"), or as a
    rate ("accidental shootings kill dozens of minors each year")?"""
    return (
        _UNREAL.search(claim.text, 0, claim.number_span.start - claim.span.start) is not None
        or _RATE.search(claim.text) is not None
    )


_RATE = re.compile(r"\b(?:each|every|per)\s+(?:year|month|week)\b|\bannually\b", re.IGNORECASE)


def _elsewhen(claim: Claim) -> bool:
    """Is a death told in a sentence set in another time ("A year earlier, a man was shot dead
    there", "In August, a 23-year-old was gunned down")? Another incident, not this one."""
    return claim.measure == "killed" and (
        any(p.search(claim.text) for p in _ELSEWHEN) or _came_after(claim)
    )


# "The shooting comes a week after ...", "Saturday's attack follows the killing of ...": what
# the incident is set against is an earlier one.
_CAME_AFTER = re.compile(
    r"\b(?:shootings?|attacks?|incidents?|killings?|deaths?|homicides?|stabbings?|violence"
    r"|slayings?|rampage)\s+(?:(?:comes|came)\b[^.;]{0,50}?\b(?:after|as|amid|since|following"
    r"|in the wake of)|(?:occurred|happened)\b[^.;]{0,30}?\b(?:days?|weeks?|months?|years?)"
    r"\s+(?:after|since)|(?:follows|followed))\b",
    re.IGNORECASE,
)


# "... was in retaliation for a shooting that left one dead", "to avenge the killing of": a
# reprisal answers an earlier incident.
_REPRISAL = re.compile(
    r"\b(?:retaliation|revenge|reprisal)\s+(?:for|to|against|over)\b|\bto avenge\b",
    re.IGNORECASE,
)


def _came_after(claim: Claim) -> bool:
    """Is the count told after "the shooting comes (a week) after" or "in retaliation for"
    in its sentence?"""
    start = claim.number_span.start - claim.span.start
    return any(
        m.end() <= start for p in (_CAME_AFTER, _REPRISAL) for m in p.finditer(claim.text)
    )


# A figure summed over several incidents ("10 killed in separate shootings across Chicago",
# "2 dead, 4 hurt in 3 shootings", "weekend shootings", "injured in those shootings"): a
# roundup, not one incident.
_ROUNDUP = re.compile(
    r"\b(?:separate|unrelated|different|several|multiple|weekend|overnight|holiday|citywide"
    r"|city-wide|those|these|two|three|four|five|six|seven|eight|nine|ten|[2-9]|\d\d+)"
    r"\s+(?:\w+\s+)?(?:shootings|incidents|attacks)\b"
    r"|\bshootings\s+(?:across|around|throughout)\b",
    re.IGNORECASE,
)


def _roundup(claim: Claim) -> bool:
    """Is the figure's sentence a tally over several incidents?"""
    return _ROUNDUP.search(claim.text) is not None


_AGE = re.compile(r"\s*(?:\S+\s+)?(\d{1,3}|[a-z]+(?:-[a-z]+)?)\s?-\s?year-old\b", re.IGNORECASE)


def _age(claim: Claim) -> int | None:
    """The age told with a count of one ("the 19-year-old", "a 4-year-old boy", "Fifteen-
    year-old Jo Poe")."""
    m = _AGE.match(claim.text, claim.number_span.start - claim.span.start)
    if m is None:
        return None
    age = m.group(1).lower()
    return int(age) if age.isdecimal() else WORD_NUMBERS.get(age)


def _other_age(claim: Claim, killed_ages: set[int | None]) -> bool:
    """ "A 17-year-old was killed ... the 19-year-old was taken to hospital": someone else."""
    age = _age(claim)
    known = bool(killed_ages) and None not in killed_ages
    return age is not None and known and age not in killed_ages


def _other_sex(claim: Claim, killed_heads: set[str]) -> bool:
    """ "Man killed, woman wounded": the injured cannot be the dead."""
    # a pronoun says the sex alone: "a man was killed and the gunman also shot her"
    return _unlike(_head(claim.group_text) or claim.number_text.lower(), killed_heads)


# Groups that say who a person is: an officer wounded beside soldiers or a man killed is
# someone else. Not "officials" (an "officer" may be either), nor the attackers' groups
# (a killer's suicide is told beside victims the same killer shot).
_KINDS = frozenset(
    "police soldiers security_forces civilians prisoners hostages journalists".split()
)


def _kind(group: str) -> str:
    return "civilians" if group == "children" else group  # ages are ``_other_age``'s


def _other_kind(claim: Claim, killed_kinds: set[str]) -> bool:
    """Is a single wounded person of another kind than every one of the dead ("Four
    Marines were killed ... a police officer was wounded", "a deputy was killed ... a
    woman was shot")?"""
    kind = _kind(claim.group)
    return (
        kind in _KINDS
        and bool(killed_kinds)
        and killed_kinds <= _KINDS
        and kind not in killed_kinds
    )


def _head(group_text: str) -> str:
    words = group_text.lower().split()
    last = words[-1] if words else ""
    return _SINGULARS.get(last, last)


def _side(claim: Claim) -> str:
    perpetrator = claim.group in PERPETRATOR_GROUPS and not _suicide(claim)
    return "perpetrators" if perpetrator else "victims"


_SELF = frozenset(["himself", "herself", "his", "her", "their", "self"])


def _suicide(claim: Claim) -> bool:
    """A killer's suicide told beside their victims ("killing two, then himself"): the claims
    stage makes the reflexive its own count."""
    word = claim.number_text.lower()
    return word in _SELF and word == claim.group_text.lower()


_CASUALTIES = frozenset(["killed", "injured"])


def report_tally(claims: Iterable[Claim]) -> list[Claim] | None:
    """The claims of a report's own tally of its incident: a headline that numbers both the
    dead and the hurt ("2 dead, 3 wounded in shooting"), else a first sentence that does
    ("A shooting left one man dead and three others injured"); None when neither does."""
    told = [c for c in claims if c.measure in _CASUALTIES]
    title = [c for c in told if c.section == "title"]
    body = [c for c in told if c.section == "body"]
    lede = [c for c in body if c.span == body[0].span] if body else []
    return next((t for t in (title, lede) if t and is_tally(t)), None)


def article_counts(
    claims: Iterable[Claim],
    measures: tuple[str, ...] = ("killed", "injured"),
    sides: tuple[str, ...] = ("victims", "perpetrators"),
) -> dict[str, int]:
    """The best single count per measure (0 when nothing is stated).

    ``sides=("victims",)`` leaves out suspects and attackers, as victim-only datasets do.
    """
    claims = list(claims)
    # "2 dead, 3 wounded in shooting": a headline that numbers both is the report's own tally
    # of its incident; the body's larger figures are more often other incidents or misreads.
    # ... and so is a first sentence that does ("A shooting left one man dead and three
    # others injured"), when the headline does not.
    tally = report_tally(claims)
    if (
        tally is not None
        and set(measures) <= _CASUALTIES
        and len(tally) < len(claims)
        and not any(_roundup(c) for c in tally)
    ):
        return article_counts(tally, measures, sides)
    per_sentence: dict[tuple[str, str, int], int] = defaultdict(int)
    seen: dict[tuple[str, str, int], Claim] = {}
    inclusive: dict[tuple[str, str, int], bool] = {}
    referring_injured: list[Claim] = []

    def add(c: Claim, side: str, value: int, shot_total: bool = False) -> None:
        key = (c.measure, side, c.span.start if c.section == "body" else -1)
        if key in per_sentence and not _suicide(c) and (
            not _coordinated(c, seen[key])
            or (c.measure == "injured" and _count_word(c) in _PRONOUNS)
        ):
            if value > per_sentence[key]:  # the larger figure stands, with its own reading
                per_sentence[key] = value  # of whether it holds the dead
                inclusive[key] = shot_total
            elif value == per_sentence[key]:
                inclusive[key] = inclusive[key] and shot_total
        else:
            per_sentence[key] += value
            inclusive[key] = inclusive.get(key, True) and shot_total
        seen[key] = c

    claims = list(claims)
    # "a fatal shooting" with no count: one dead only if nothing else says how many; it is
    # too weak a sign (a related link, a caption) to read the injured against.
    implied = [c for c in claims if _implied(c) and not _background(c) and not _elsewhen(c)]
    claims = [c for c in claims if not _implied(c)]
    wanted = {*measures, "killed"}  # the dead are needed to read the injured
    dead = [c for c in claims if c.measure == "killed" and _side(c) == "victims"]
    killed_sentences = {(c.section, c.span.start) for c in dead}
    # "Two people were shot, one of them fatally", "shot four, including one who died": the
    # dead are among the shot.
    shot_ids = {c.id for c in claims if c.measure == "injured"}
    part_killed = {
        (c.section, c.span.start)
        for c in dead
        if _of_them(c) or _bare_part(c, claims) or (c.parts_of or "") in shot_ids
    }
    killed_groups = {top_group(c.group) for c in dead}
    killed_heads = {_head(c.group_text) for c in dead}
    killed_kinds = {_kind(c.group) for c in dead}
    killed_names = {_surname(c) for c in dead} - {None}
    latest = max((int(y) for c in claims for y in _YEAR.findall(c.text)), default=0)
    undated = {c.measure for c in claims if not _earlier_year(c, latest) and not _background(c)}
    single = {
        c.measure
        for c in claims
        if not _roundup(c) and not _earlier_year(c, latest) and not _background(c)
    }
    killed_ages = {_age(c) for c in dead}
    for c in claims:
        if c.measure not in wanted or (
            c.parts_of is not None and (c.measure != "killed" or c.parts_of not in shot_ids)
        ):
            continue  # a part of a total counts with it; the dead among the shot count apart
        value = c.value if c.value is not None else c.low
        side = _side(c)
        if value is None or side not in sides or _background(c) or _elsewhen(c) or _unreal(c):
            continue
        if c.measure != "killed" and _came_after(c):
            continue  # "the shooting comes a week after one where four were shot": the hurt too
        if c.measure in undated and _earlier_year(c, latest):
            continue  # "the 2012 Aurora shooting that left 12 dead": another incident
        if c.measure in single and _roundup(c):
            continue  # "10 killed in separate shootings across the city": several incidents
        if c.group in PERPETRATOR_GROUPS and "perpetrators" not in sides:
            continue  # a killer's suicide, counted with the victims it is told beside
        shot_total = False
        if c.measure == "injured" and side == "victims":
            apart = (c.section, c.span.start) not in killed_sentences and not _another(c)
            # "The woman was also shot": someone else; "he was also shot", maybe the same man.
            also = (
                _count_word(c) not in _PRONOUNS and _also_in_predicate(c)
            ) or _after_the_dead(c, claims) or _beside_suicide(c, claims)
            if (
                value == 1
                and not also
                # "Dario Pike was shot ... where Pike died": the dead, named again
                and (_count_word(c) in _REFERRING or apart or _surname(c) in killed_names)
                and not _other_sex(c, killed_heads)
                and not _other_age(c, killed_ages)
                and not _other_kind(c, killed_kinds)
            ):
                referring_injured.append(c)
                continue
            # A count of unnamed people that includes the dead ("both were shot"), not a
            # named other group ("two officers were wounded").
            someone_else = (
                _other_sex(c, killed_heads)
                or _other_age(c, killed_ages)
                or _other_kind(c, killed_kinds)
            )
            shot_total = not someone_else and not _alive(c) and (
                apart
                or (c.section, c.span.start) in part_killed
                or c.number_text.lower() in _MULTIPLE  # "killed in a double shooting"
                or _shot_then_dead(c, claims)
            ) and _same_people(c, killed_groups, killed_heads)
        add(c, side, value, shot_total)
    killed = max(
        (v for (m, side, _), v in per_sentence.items() if m == "killed" and side == "victims"),
        default=0,
    )
    if not killed:
        # Nobody died: "he was shot" is the casualty itself. A death told without a count in
        # the headline or in the same sentence ("Deadly shooting under investigation | a boy
        # shot himself", "charged with murder after shooting his wife") is of that person.
        told = {(c.section, c.span.start) for c in implied}
        headline = any(c.section == "title" for c in implied)
        for c in referring_injured:
            if headline or (c.section, c.span.start) in told:
                continue
            add(c, "victims", 1)
    # "Three people are dead, including the gunman": a total that holds the perpetrators.
    with_perpetrators = {
        c.parts_of for c in claims if c.parts_of is not None and _side(c) == "perpetrators"
    }
    best: dict[tuple[str, str], int] = {}
    for key, value in per_sentence.items():
        measure, side, _ = key
        if measure == "injured" and side == "victims" and inclusive.get(key):
            # "Two people were shot ... one of them died": the shot include the dead.
            value = max(0, value - killed)
        if side == "victims" and seen[key].id in with_perpetrators:
            side = "all"
        best[(measure, side)] = max(best.get((measure, side), 0), value)
    out = {
        m: max(
            best.get((m, "all"), 0),
            best.get((m, "victims"), 0) + best.get((m, "perpetrators"), 0),
        )
        for m in measures
    }
    if "killed" in out and not out["killed"] and implied:
        out["killed"] = 1
    return out
