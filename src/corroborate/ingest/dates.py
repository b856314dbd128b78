"""Publication dates: parse what metadata, URLs and datelines say, to ISO 8601 with a precision.

Every date an article gets is a :class:`FoundDate`: the ISO 8601 value, how precise it is
(``day``, ``minute`` or ``second``) and where it came from (``front_matter``, ``html_meta``,
``feed``, ``record``, ``url`` or ``text``).

    >>> parse_date("2026-02-01T00:57:25Z")
    ('2026-02-01T00:57:25+00:00', 'second')
    >>> parse_date("Nov. 6, 2015"), parse_date("6 November 2015 at 3:45 pm")
    (('2015-11-06', 'day'), ('2015-11-06T15:45:00', 'minute'))
    >>> date_from_url("https://example.com/news/2015/11/06/fire-kills-two")
    ('2015-11-06', 'day')
    >>> date_from_text("Published: January 31, 2026\\n\\nTwo people died.")
    ('2026-01-31', 'day')

Only dates precise to the day or better are returned: "November 2015" says too little to
anchor "on Saturday" in a report. Dates before 1900 or far in the future are refused.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from typing import Any

from corroborate.ingest.urls import original_url

__all__ = ["FoundDate", "date_from_text", "date_from_url", "parse_date"]

DATE_SOURCES = ("front_matter", "html_meta", "feed", "record", "url", "text")
"""The values of ``Article.date_source``, most trusted first."""


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A publication date: ISO value, precision and where it was found."""

    value: str
    precision: str
    source: str


_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?"
)
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?" \
         r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:\s*(?:,|at|-|–|—)?\s*(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?" \
        r"(?:\s*([A-Z]{2,4}T|UTC|GMT|Z|[+-]\d{2}:?\d{2}))?)?"
# "November 6, 2015", "Nov. 6 2015 3:45 PM"
_MDY = re.compile(rf"\b{_WEEKDAY}({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b{_TIME}",
                  re.IGNORECASE)
# "6 November 2015", "6th Nov, 2015 15:45"
_DMY = re.compile(rf"\b{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH}),?\s+(\d{{4}})\b"
                  rf"{_TIME}", re.IGNORECASE)
_SLASHED = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


def _valid(year: int, month: int, day: int) -> dt.date | None:
    if not 1900 <= year <= dt.date.today().year + 1:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _tz(text: str | None) -> dt.tzinfo | None:
    if not text:
        return None
    if text in ("Z", "UTC", "GMT"):
        return dt.UTC
    if text[0] not in "+-":
        return None  # "EST", "PKT": ambiguous abbreviations
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 14 or minutes > 59:
        return None
    delta = dt.timedelta(hours=hours, minutes=minutes)
    return dt.timezone(-delta if text[0] == "-" else delta)


def _build(
    day: dt.date, hour: str | None, minute: str | None, second: str | None,
    ampm: str | None = None, tz: dt.tzinfo | None = None,
) -> tuple[str, str] | None:
    if hour is None or minute is None:
        return day.isoformat(), "day"
    h, m, s = int(hour), int(minute), int(second or 0)
    if ampm:
        if not 1 <= h <= 12:
            return day.isoformat(), "day"
        h = h % 12 + (12 if ampm.lower().startswith("p") else 0)
    if h > 23 or m > 59 or s > 59:
        return day.isoformat(), "day"
    stamp = dt.datetime(day.year, day.month, day.day, h, m, s, tzinfo=tz)
    return stamp.isoformat(), "second" if second is not None else "minute"


def _from_match(m: re.Match[str], dmy: bool) -> tuple[str, str] | None:
    if dmy:
        day_s, month_s, year_s = m.group(1), m.group(2), m.group(3)
    else:
        month_s, day_s, year_s = m.group(1), m.group(2), m.group(3)
    month = _MONTHS.get(month_s.lower().rstrip("."))
    if month is None:
        return None
    day = _valid(int(year_s), month, int(day_s))
    if day is None:
        return None
    return _build(day, m.group(4), m.group(5), m.group(6), m.group(7), _tz(m.group(8)))


def parse_date(value: Any) -> tuple[str, str] | None:
    """``(iso, precision)`` for a date given as metadata, or None when it is not a full date.

    Takes ``datetime``/``date`` objects, Unix timestamps, ISO 8601 (``Z`` and offsets kept),
    ``YYYY/MM/DD``, "November 6, 2015", "6 Nov 2015 15:45", RFC 2822 ("Fri, 06 Nov 2015
    10:00:00 -0500", as feeds write it).
    """
    if isinstance(value, dt.datetime):
        return value.isoformat(), "second"
    if isinstance(value, dt.date):
        return value.isoformat(), "day"
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 10**8 < value < 10**10:  # a Unix timestamp in seconds
            try:
                stamp = dt.datetime.fromtimestamp(value, tz=dt.UTC)
            except (ValueError, OverflowError, OSError):
                return None
            return stamp.isoformat(), "second"
        return None
    if not isinstance(value, str):
        return None
    s = " ".join(value.split())
    if not s or len(s) > 80:
        return None
    m = _ISO.fullmatch(s)
    if m:
        day = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day is None:
            return None
        return _build(day, m.group(4), m.group(5), m.group(6), tz=_tz(m.group(7)))
    m = _SLASHED.match(s)
    if m:
        day = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return _build(day, m.group(4), m.group(5), m.group(6)) if day else None
    if re.fullmatch(r"\d{8}", s):
        day = _valid(int(s[:4]), int(s[4:6]), int(s[6:]))
        return (day.isoformat(), "day") if day else None
    for pattern, dmy in ((_MDY, False), (_DMY, True)):
        m = pattern.fullmatch(s) or pattern.match(s)
        if m and (m.end() == len(s) or not s[m.end():].strip(" .,")):
            return _from_match(m, dmy)
    try:
        stamp = email.utils.parsedate_to_datetime(s)  # RFC 2822, from feeds and e-mail
    except (TypeError, ValueError, IndexError):
        return None
    if _valid(stamp.year, stamp.month, stamp.day) is None:
        return None
    has_seconds = re.search(r"\d:\d\d:\d\d", s) is not None
    return stamp.isoformat(), "second" if has_seconds else "minute"


# --- dates in URLs ------------------------------------------------------------------------

_URL_DATES = (
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$|[-_])"),  # /2015/11/06/
    re.compile(r"[/_-]((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[/_.-]|$)"),  # /2015-11-06-slug
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?:/|$|[-_])"),  # /20151106/
)


def date_from_url(url: str | None) -> tuple[str, str] | None:
    """A publication day written into a URL path (``/2015/11/06/``, ``/20151106/``)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]*", "", original_url(url), flags=re.I).split("?")[0]
    for pattern in _URL_DATES:
        m = pattern.search(path)
        if m:
            day = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if day is not None:
                return day.isoformat(), "day"
    return None


# --- dates in the text --------------------------------------------------------------------

_LABEL = re.compile(
    r"^[\W_]*(?:(?:first\s+)?(?:published|posted|updated|last\s+updated|date|dated|released)"
    r"(?:\s+(?:on|at))?\s*[:\-–—|]?\s*)",
    re.IGNORECASE,
)
# A dateline opening the story: "QUETTA, Jan. 31, 2026 (Reuters) -", "January 31, 2026 —".
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{1,40},\s+(?=\w)")
_TEXT_HEAD_LINES = 4


def date_from_text(text: str) -> tuple[str, str] | None:
    """A publication date the text states at its very top, or None.

    Only a labelled line near the start ("Published: January 31, 2026", "Updated 6 Nov
    2015 15:45") or a dateline opening the story ("QUETTA, Jan. 31, 2026 (Reuters) -")
    counts: a date in the body is usually the date of something else.
    """
    lines = [ln.strip() for ln in text.lstrip().splitlines()[:12] if ln.strip()]
    for i, line in enumerate(lines[:_TEXT_HEAD_LINES]):
        label = _LABEL.match(line)
        rest = line[label.end():] if label and label.end() > 0 else None
        if rest is None and i == 0:
            dl = _DATELINE.match(line)
            rest = line[dl.end():] if dl else line
        if rest is None:
            continue
        for pattern, dmy in ((_MDY, False), (_DMY, True)):
            m = pattern.match(rest)
            if m:
                found = _from_match(m, dmy)
                if found:
                    return found
        m = _ISO.match(rest)
        if m and label:
            day = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if day:
                return _build(day, m.group(4), m.group(5), m.group(6), tz=_tz(m.group(7)))
    return None
