"""Which day or span a figure covers, and resolving it against a date.

    >>> import datetime as dt
    >>> p = find_periods(["on", "saturday", "militants", "attacked"])[0].period
    >>> resolve(p, pub=dt.date(2026, 2, 1), event_day=None).start   # a Sunday report
    '2026-01-31'

Rules: a weekday means the latest such day on or before the publication date (a Saturday
report saying "on Saturday" means that same day); relative days ("a day after", "the day
before") and spans ("over the past 48 hours") count from the event day; a figure with no
stated period covers the event day.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Final

from corroborate.claims.numbers import parse_quantity
from corroborate.model import Period, unchecked

# Built per mention, without validation (see corroborate.model.unchecked).
_make_period = unchecked(Period)

WEEKDAYS: Final = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
MONTHS: Final = {
    m: i + 1
    for i, ms in enumerate(
        [
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ]
    )
    for m in ms.split()
}
_SPAN_UNITS: Final = {
    "hour": 1 / 24,
    "hours": 1 / 24,
    "day": 1,
    "days": 1,
    "week": 7,
    "weeks": 7,
    "month": 30,
    "months": 30,
    "year": 365,
    "years": 365,
}
_RELATIVE: Final = [
    (("a", "day", "after"), -1),
    (("one", "day", "after"), -1),
    (("the", "day", "before"), -1),
    (("a", "day", "earlier"), -1),
    (("the", "previous", "day"), -1),
    (("yesterday",), -1),
    (("a", "day", "before"), -1),
    (("two", "days", "earlier"), -2),
    (("two", "days", "ago"), -2),
    (("today",), 0),
    (("tonight",), 0),
    (("this", "morning"), 0),
    (("earlier", "today"), 0),
]
_VAGUE: Final = [
    ("earlier", "in", "the", "week"),
    ("earlier", "this", "week"),
    ("last", "week"),
    ("last", "month"),
    ("last", "year"),
    ("this", "year"),
    ("recent", "days"),
    ("recent", "weeks"),
]
_RELATIVE_BY_FIRST: Final[dict[str, list[tuple[tuple[str, ...], int]]]] = {}
for _phrase, _offset in _RELATIVE:
    _RELATIVE_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _offset))
_VAGUE_BY_FIRST: Final[dict[str, list[tuple[str, ...]]]] = {}
for _vphrase in _VAGUE:
    _VAGUE_BY_FIRST.setdefault(_vphrase[0], []).append(_vphrase)
# Words (bare or with "'s") a period may start with, other than numbers.
_CUES: Final = frozenset(
    [*WEEKDAYS, *MONTHS, "past", "last"]
    + [f"{w}'s" for w in (*WEEKDAYS, *MONTHS, "past", "last")]
    + [*_RELATIVE_BY_FIRST, *_VAGUE_BY_FIRST]
)
_CUMULATIVE: Final = {
    "bringing", "so far", "to date", "since", "cumulative", "overall toll", "in all"
}


# Nouns a year may date as an adjective: "the 2019 attack".
_YEAR_EVENTS: Final = frozenset(
    """attack attacks assault assaults killing killings shooting shootings massacre bombing
    bombings blast explosion raid raids ambush ambushes siege offensive war clashes riots
    uprising incident crash death deaths murder murders homicide slaying""".split()
)


def attributive_year(words: list[str], end: int) -> Period | None:
    """The year of "a 2024 assault" / "the 2012 theater attack" ending at token ``end``.

    >>> attributive_year("since a 2024 assault that".split(), 4).start
    '2024-01-01'
    """
    if end < 3 or words[end - 1] not in _YEAR_EVENTS:
        return None
    for y in (end - 2, end - 3):  # (one word may come between: "the 2012 theater attack")
        w = words[y]
        if _is_year(w):
            return _whole_year(w, w) if y > 0 and words[y - 1] in ("a", "an", "the") else None
    return None


def _is_year(w: str) -> bool:
    return len(w) == 4 and w.isdecimal() and 1900 <= int(w) <= 2100


def _whole_year(year: str, text: str) -> Period:
    return _make_period(kind="date", text=text, start=f"{year}-01-01", end=f"{year}-12-31")


@dataclass(slots=True, init=False, unsafe_hash=True)  # read-only as numbers.Quantity
class PeriodMention:
    """A period expression at tokens ``[start, end)`` of a sentence."""

    start: Final[int]
    end: Final[int]
    period: Final[Period]
    precise: Final[bool]
    #: Dates only the clause that follows it, up to a comma ("two weeks after ...").
    clause_only: Final[bool]

    def __init__(
        self, start: int, end: int, period: Period, precise: bool, clause_only: bool = False
    ) -> None:
        self.start = start
        self.end = end
        self.period = period
        self.precise = precise
        self.clause_only = clause_only


def _phrase_at(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(words[i : i + len(phrase)]) == phrase


def find_periods(words: list[str], text_of: list[str] | None = None) -> list[PeriodMention]:
    """All period expressions in a lowercased token list (``text_of``: original tokens)."""
    shown = text_of or words
    out: list[PeriodMention] = []
    n = len(words)
    # Only a cue word or a number can start a period: skip the rest without the tests below.
    for i in [k for k, word in enumerate(words) if word in _CUES or word[:1].isdecimal()]:
        word = words[i]
        w = word.removesuffix("'s")  # "Saturday's attack"
        since = i > 0 and words[i - 1] == "since"
        if w in WEEKDAYS and since:
            text = f"{shown[i - 1]} {shown[i]}"
            after = _make_period(kind="since", text=text, weekday=WEEKDAYS[w])
            out.append(PeriodMention(i, i + 1, after, True))
        elif w in WEEKDAYS:
            if _named(shown, words, i):
                continue
            out.append(
                PeriodMention(
                    i, i + 1, _make_period(kind="weekday", text=shown[i], weekday=WEEKDAYS[w]), True
                )
            )
        elif w in MONTHS and i + 1 < n and words[i + 1].isdecimal() and len(words[i + 1]) <= 2:
            day = int(words[i + 1])
            year = words[i + 3] if i + 3 < n and words[i + 2] == "," else ""
            year = year if len(year) == 4 else ""
            out.append(_date_mention(i, i + 2, MONTHS[w], day, year, shown, since))
        elif w.isdecimal() and len(w) <= 2 and i + 1 < n and words[i + 1] in MONTHS:
            year = words[i + 2] if i + 2 < n and len(words[i + 2]) == 4 else ""
            out.append(_date_mention(i, i + 2, MONTHS[words[i + 1]], int(w), year, shown, since))
        elif (
            _is_year(w)
            and i > 0
            and words[i - 1] in ("in", "since", "of", "during")
            and (i < 2 or words[i - 2] not in MONTHS)
        ):
            # A bare year ("in 2012", "the summer of 2012") dates background, not the event;
            # "since 2012" runs from its start to the report.
            period = (
                _make_period(kind="since", text=f"{shown[i - 1]} {shown[i]}", start=f"{w}-01-01")
                if since
                else _whole_year(w, shown[i])
            )
            out.append(PeriodMention(i, i + 1, period, True))
        elif w in MONTHS and i + 1 < n and _is_year(words[i + 1]):
            out.append(_month_mention(i, MONTHS[w], words[i + 1], shown, since))
        elif (
            w in MONTHS
            and len(w) > 3
            and i > 0
            and words[i - 1] in ("in", "during", "since")
            and (i + 1 >= n or not words[i + 1].isdecimal())
        ):
            # "45 people were killed in July": a whole month, not the event's day; "since
            # January" runs from its first day to the report.
            period = (
                _make_period(kind="since", text=f"{shown[i - 1]} {shown[i]}")
                if since
                else _make_period(kind="vague", text=shown[i])
            )
            out.append(PeriodMention(i, i + 1, period, since))
        elif w in ("past", "last") and i + 1 < n:
            span = _span(words, i + 1)
            if span:
                days, end = span
                text = " ".join(shown[i:end])
                period = _make_period(kind="span", text=text, days=days)
                out.append(PeriodMention(i, end, period, True))
        for phrase, offset in _RELATIVE_BY_FIRST.get(word, ()):
            if _phrase_at(words, i, phrase) and not _paper_today(shown, words, i):
                text = " ".join(shown[i : i + len(phrase)])
                period = _make_period(kind="relative_day", text=text, offset_days=offset)
                out.append(PeriodMention(i, i + len(phrase), period, True))
        for vphrase in _VAGUE_BY_FIRST.get(word, ()):
            if _phrase_at(words, i, vphrase):
                text = " ".join(shown[i : i + len(vphrase)])
                out.append(
                    PeriodMention(i, i + len(vphrase), _make_period(kind="vague", text=text), False)
                )
    if ("after" in words or "before" in words) and not _FOLLOWING.isdisjoint(words):
        out.extend(_earlier_events(words, shown))
    return out


# Verbs before "two weeks after ..." that make it the time between this event and another:
# "The attacks came two weeks after 17 people were killed in Mangu", "The shooting occurred
# eight months after a bystander was killed". (A follow-up report's
# "Four months after a girl was killed, police named a suspect" tells of its own event.)
_FOLLOWING: Final = frozenset(
    ["came", "comes", "come", "coming", "follows", "followed", "occurred", "happened"]
)


def _earlier_events(words: list[str], shown: list[str]) -> list[PeriodMention]:
    """ "(came) two weeks after ...": what the clause after it tells happened that long
    before this event, not on its day."""
    out: list[PeriodMention] = []
    for k, w in enumerate(words):
        if k < 1 or words[k - 1] not in _SPAN_UNITS or w not in ("after", "before"):
            continue
        # Hours after are most often this event's own aftermath: "(it) came just hours
        # after police said he was shot".
        if words[k - 1] in ("hour", "hours"):
            continue
        start = k - 1
        if k >= 2 and words[k - 2] in ("a", "several", "few", "some"):
            start = k - 2 - (k >= 3 and words[k - 3] == "a" and words[k - 2] == "few")
        else:
            for j in (k - 2, k - 3):
                q = parse_quantity(words, j) if j >= 0 else None
                if q is not None and q.end == k - 1:
                    start = j
                    break
        before = start - 1
        if before >= 0 and words[before] in ("just", "only", "barely", "nearly", "almost"):
            before -= 1
        if before >= 0 and words[before] in _FOLLOWING:
            text = " ".join(shown[start : k + 1])
            period = _make_period(kind="vague", text=text)
            out.append(PeriodMention(start, k + 1, period, True, clause_only=True))
    return out


def _named(shown: list[str], words: list[str], i: int) -> bool:
    """A weekday that is a person's or a paper's name: "Monday Gwom, a community leader",
    "a leader, Monday Gwom, said", "the Sunday Times". The next word is a capitalised one
    that is neither a month nor a part of the day, and the two stand where a name does:
    after "the", or opening the sentence or an apposition and followed by a comma or a
    speech verb (a title-case headline's "Saturday Shooting Leaves 2 Dead" is a day)."""
    n = len(words)
    nxt = shown[i + 1] if i + 1 < n else ""
    if not (
        nxt[:1].isupper()
        and nxt.isalpha()
        and words[i + 1] not in MONTHS
        and words[i + 1] not in _DAY_PARTS
        and not words[i].endswith("'s")
    ):
        return False
    prev = words[i - 1] if i else ""
    after = words[i + 2] if i + 2 < n else ""
    return prev == "the" or (prev in ("", ",", "(") and after in _NAME_ENDS)


def _paper_today(shown: list[str], words: list[str], i: int) -> bool:
    """A "Today" that names a paper or a show: "USA Today", "NBC's Today", "the Today
    show" (a title-case headline's "Man Shot Today" is the day)."""
    if shown[i] != "Today" or i == 0:
        return False
    prev = words[i - 1]
    return prev in ("usa", "the") or (prev.endswith("'s") and shown[i - 1][:1].isupper())


# Parts of the day that may follow a weekday ("Saturday Night", "Sunday Morning").
_DAY_PARTS: Final = frozenset(["morning", "afternoon", "evening", "night", "midnight", "noon"])
# What may follow a name that opens a sentence or an apposition.
_NAME_ENDS: Final = frozenset([",", ")", "said", "says", "told", "added"])


def _month_mention(i: int, month: int, year: str, shown: list[str], since: bool) -> PeriodMention:
    """ "(in) June 2025": the whole month; "since June 2025": from its first day."""
    first = dt.date(int(year), month, 1)
    last = dt.date(int(year) + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    text = " ".join(shown[i - 1 if since else i : i + 2])
    if since:
        since_month = _make_period(kind="since", text=text, start=first.isoformat())
        return PeriodMention(i, i + 2, since_month, True)
    period = _make_period(kind="date", text=text, start=first.isoformat(), end=last.isoformat())
    return PeriodMention(i, i + 2, period, True)


def _date_mention(
    start: int, end: int, month: int, day: int, year: str, shown: list[str], since: bool = False
) -> PeriodMention:
    text = " ".join(shown[start - 1 if since else start : end])
    iso = None
    if year.isdecimal():
        try:
            iso = dt.date(int(year), month, day).isoformat()
        except ValueError:
            iso = None
    if since:  # "since March 3": from that day to the report
        return PeriodMention(start, end, _make_period(kind="since", text=text, start=iso), True)
    return PeriodMention(start, end, _make_period(kind="date", text=text, start=iso, end=iso), True)


def _span(words: list[str], i: int) -> tuple[int, int] | None:
    """ "48 hours", "two days", "week", "year" after "past"/"last"."""
    if i < len(words) and words[i] in _SPAN_UNITS:
        return max(1, math.ceil(_SPAN_UNITS[words[i]])), i + 1
    q = parse_quantity(words, i)
    if q and q.value and q.end < len(words) and words[q.end] in _SPAN_UNITS:
        return max(1, math.ceil(q.value * _SPAN_UNITS[words[q.end]])), q.end + 1
    return None


#: Days in each month of a leap year (Feb 29 can be stated).
_MONTH_DAYS: Final = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _months_and_days(text: str) -> tuple[list[int], list[int]]:
    """The months and the day numbers a period's words name ("Feb. 29" -> [2], [29])."""
    words = text.lower().replace(".", "").split()
    return [MONTHS[w] for w in words if w in MONTHS], [
        int(w) for w in words if w.isdecimal() and len(w) <= 2
    ]


def _month_day(text: str) -> tuple[int, int] | None:
    """(month, day) from "January 31", "31 Jan"; None for a day no month has ("June 31").

        >>> _month_day("Feb. 29"), _month_day("June 31")
        ((2, 29), None)
    """
    months, days = _months_and_days(text)
    if not months or not days or not 1 <= days[0] <= _MONTH_DAYS[months[0] - 1]:
        return None
    return months[0], days[0]


def since_origin(period: Period) -> Period | None:
    """The day, month or year a "since" period counts from ("since June 2025" -> June 2025,
    "since Thursday" -> Thursday); any other period as it is; None when it names no point
    that can be placed ("since January" has no year).

        >>> since_origin(find_periods("since june 2025".split())[0].period).end
        '2025-06-30'
    """
    if period.kind != "since":
        return period
    if period.weekday is not None:
        return _make_period(kind="weekday", text=period.text, weekday=period.weekday)
    shown = (period.text or "").split()[1:]
    found = find_periods([w.lower() for w in shown], shown)
    if found and found[0].period.kind == "date":
        named = found[0].period  # "March 3" (its year, if given, is in ``start``), "June 2025"
        if named.start is None and period.start:
            return named.model_copy(update={"start": period.start, "end": period.start})
        return named
    if period.start:
        return _whole_year(period.start[:4], period.start[:4])  # "since 2012"
    return None


def as_day(period: Period) -> Period:
    """A "since" period that counts from a day, as that day ("since Thursday" -> Thursday),
    so that it can vote for an incident day as "on Thursday" does; others as they are.

        >>> as_day(find_periods("since thursday".split())[0].period).kind
        'weekday'
    """
    origin = since_origin(period)
    if origin is not None and origin is not period and origin.start == origin.end:
        return origin
    return period


def _since_start(period: Period, end: dt.date) -> dt.date | None:
    """The first day of "since Thursday", "since January", "since March 3" or "since 2012",
    the latest such day on or before ``end``."""
    if period.start:
        return dt.date.fromisoformat(period.start)
    if period.weekday is not None:
        return end - dt.timedelta(days=(end.weekday() - period.weekday) % 7)
    month_day = _month_day(period.text or "")
    months, _ = _months_and_days(period.text or "")
    if month_day is None and not months:
        return None
    month, day = month_day or (months[0], 1)
    try:
        start = dt.date(end.year, month, day)
        return start if start <= end else dt.date(end.year - 1, month, day)
    except ValueError:
        return None


def is_cumulative(sentence_lower: str) -> bool:
    """Whether a sentence states a running total ("bringing the total to ...")."""
    return any(c in sentence_lower for c in _CUMULATIVE)


def resolve(period: Period, pub: dt.date | None, event_day: dt.date | None) -> Period:
    """Fill ``start``/``end`` (ISO dates) where the anchors allow it."""
    start: dt.date | None = None
    end: dt.date | None = None
    if period.kind == "weekday" and period.weekday is not None:
        anchor = pub or event_day
        if anchor:
            start = end = anchor - dt.timedelta(days=(anchor.weekday() - period.weekday) % 7)
    elif period.kind == "date":
        if period.start:
            return period  # stated with its year
        anchor = pub or event_day
        month_day = _month_day(period.text or "")
        if anchor and month_day:
            month, day = month_day
            try:
                start = end = dt.date(anchor.year, month, day)
                if start > anchor + dt.timedelta(days=1):
                    start = end = dt.date(anchor.year - 1, month, day)
            except ValueError:
                return period
    elif period.kind == "relative_day" and period.offset_days is not None:
        anchor = event_day or pub
        if anchor:
            start = end = anchor + dt.timedelta(days=period.offset_days)
    elif period.kind == "span" and period.days:
        anchor = event_day or pub
        if anchor:
            end = anchor
            start = anchor - dt.timedelta(days=period.days - 1)
    elif period.kind == "unstated":
        anchor = event_day or pub
        if anchor:
            start = end = anchor
    elif period.kind == "since":
        end = pub or event_day
        if end:
            start = _since_start(period, end)
    if start is None or end is None:
        return period
    return period.model_copy(update={"start": start.isoformat(), "end": end.isoformat()})
