"""The day an incident happened, read from a report's words and its publication date.

Reports date events relative to publication: "on Saturday", "Friday night", "yesterday",
"on Nov. 22". Every such mention (found with :func:`corroborate.claims.period.find_periods`)
is resolved against the publication day (:func:`corroborate.claims.period.resolve`) and
votes for that day. Votes are weighted by where the mention sits and what its sentence
says:

* the headline and the first sentences (the lede) say when the incident happened; later
  sentences drift into follow-ups and background (:data:`POSITION_DECAY`);
* a sentence naming the incident ("shot", "killed", "attack") counts double
  (:data:`INCIDENT_CUE`), one saying when it "happened" or "occurred" three times more
  (:data:`WHEN_CUE`); one about arrests, court, funerals or what will happen next counts half
  (:data:`LATER_CUE`);
* "today", "tonight" and "overnight" count a quarter (:data:`SAME_DAY_CUE`): they more often
  date the report than the incident;
* the page's own stamps ("Posted: Saturday, May 30, 2015 1:11 PM", "(Published Friday, July
  31, 2015)", a full date opening a line) do not vote, and a caption repeated under each
  photo of a gallery votes once.

    >>> import datetime as dt
    >>> d = article_dates("Man shot dead", "A man was shot dead on Saturday night.",
    ...                   dt.date(2016, 5, 9))   # a Monday
    >>> d.day, d.precision
    ('2016-05-07', 'day')
    >>> article_dates(None, "Nothing dated here.", dt.date(2016, 5, 9)).precision
    'publication'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Final

from corroborate.claims.extract import as_of, dateline_chars, speech_time
from corroborate.claims.period import MONTHS, as_day, find_periods, resolve
from corroborate.model import Period
from corroborate.text import _TOKEN, leading_sentences
from corroborate.words import WholeWords

#: Weight of a mention in body sentence ``k`` (0-based) is ``1 / (1 + k * POSITION_DECAY)``;
#: the headline counts as sentence 0.
POSITION_DECAY: Final = 0.5
#: Only the first this many sentences vote (the rest is background).
MAX_SENTENCES: Final = 12
#: Only this many characters of the body are read (the lede is near the top).
LEDE_CHARS: Final = 3000
#: Multiplier for a sentence that names the incident itself.
INCIDENT_CUE: Final = 2.0
#: Multiplier for a sentence saying when it happened ("happened", "occurred", "took place").
WHEN_CUE: Final = 3.0
#: Multiplier for a sentence about later news (court, funeral, what will happen).
LATER_CUE: Final = 0.5
#: Multiplier for "today", "tonight", "this morning", "overnight": often the day of the
#: report or of a statement rather than of the incident, which a weekday or date then names.
SAME_DAY_CUE: Final = 0.25
#: Multiplier for a day that dates a statement, not the incident ("police said on Sunday").
SPEECH_CUE: Final = 0.25

# The cues: the words of a sentence that names the incident, says when it happened ("The
# shooting happened about 7:30 p.m. Saturday") or is about later news. Looked up in the
# sentence's words (``WholeWords``), not tried at every position as an alternation.
_INCIDENT: Final = WholeWords(
    """shot shooting shootings killed died dead wounded injured fired gunfire stabbed blast
    explosion happened occurred incident struck""".split(),
    stems=["attack", "bomb"],
)
_WHEN: Final = WholeWords(["happened", "occurred", "took place", "was reported", "were reported"])
_LATER: Final = WholeWords(
    """court hearing trial pleaded charged funeral vigil memorial will scheduled indicted
    verdict jury bond bail arrest arrests arrested custody""".split(),
    stems=["arraign", "sentenc", "plead"],
)
# A sentence without any of these words has no date in it (skips tokenising most).
_DATEISH_WORDS: Final = (
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)[a-z]*\b|\b(?:yesterday|today|tonight|night|overnight|morning|earlier|"
    r"previous|before|after|ago)\b"
)
_DATEISH: Final = re.compile("(?i)" + _DATEISH_WORDS)
# The same, exactly, on lower-cased ASCII text, in a third of the time (no case folding).
_DATEISH_LOWER: Final = re.compile(_DATEISH_WORDS)
# When the page was posted, not when the incident happened: "Posted: Saturday, May 30, 2015
# 1:11 PM EDT", "(Published Friday, July 31, 2015)", and a full date opening a sentence as a
# stamp or dateline ("(Feb. 20, 2014) -- Police are ...", "November 28, 2016 02:23 PM").
_WEEKDAY_PART: Final = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_MONTH_DAY: Final = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
)
_CLOCK: Final = (
    r"(?:,?\s*(?:at\s+|@\s*|-\s*)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4}\b)?)?"
)
_STAMP_WORDS: Final = ("published", "posted", "updated", "modified", "created")
_STAMP: Final = re.compile(
    rf"\b(?:{'|'.join(_STAMP_WORDS)})\b(?:\s+(?:on|at))?\s*:?\s*{_WEEKDAY_PART}"
    rf"(?:{_MONTH_DAY}(?:,?\s+\d{{4}})?|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}){_CLOCK}",
    re.IGNORECASE,
)
_OPENING_DATE: Final = re.compile(
    rf"\W*{_WEEKDAY_PART}{_MONTH_DAY},?\s+\d{{4}}{_CLOCK}(?=\s*(?:[)\-–—:|]|$))",
    re.IGNORECASE,
)
_EXTRA_RELATIVE: Final = {("last", "night"): -1, ("overnight",): 0}
_EXTRA_FIRST: Final = frozenset(phrase[0] for phrase in _EXTRA_RELATIVE)
_GALLERY: Final = re.compile(r"^(?:Image|Photo|Picture|Slide)\s+\d+\s+of\s+\d+\s+")
_ORDINAL: Final = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")

Precision = str  # "day" | "publication"


@dataclass(frozen=True, slots=True)
class ArticleDates:
    """What one report says about when its incident happened."""

    #: Best estimate of the incident day (ISO), or None when nothing dates the report.
    day: str | None
    #: "day": stated in the text; "publication": assumed to be the publication day.
    precision: Precision | None
    #: Every resolved day mentioned, with its vote weight.
    votes: dict[str, float] = field(default_factory=dict)


def _words(sentence: str) -> list[str]:
    """Lower-case tokens arranged for ``find_periods`` ("Nov. 22nd" -> "nov", "22")."""
    out: list[str] = []
    found: list[str] = _TOKEN.findall(sentence)  # the words of ``tokens()``, no offsets
    for token in found:
        w = token.lower()
        if w == "." and out and out[-1] in MONTHS:
            continue  # "Nov. 22"
        m = _ORDINAL.match(w) if w[0].isdecimal() else None
        out.append(m.group(1) if m else w)
    return out


def _mentions(words: list[str]) -> list[tuple[Period, bool]]:
    """Day mentions, each with whether it dates a statement ("said on Sunday")."""
    found = [
        (as_day(m.period), m.start)
        for m in find_periods(words)
        if m.precise and not as_of(words, m)  # "recaptured by Sunday afternoon"
    ]
    for i, word in enumerate(words):
        if word not in _EXTRA_FIRST:
            continue
        for phrase, offset in _EXTRA_RELATIVE.items():
            if tuple(words[i : i + len(phrase)]) == phrase:
                found.append(
                    (Period(kind="relative_day", text=" ".join(phrase), offset_days=offset), i)
                )
    return [
        (p, speech_time(words, start))
        for p, start in found
        if p.kind in ("weekday", "date", "relative_day")
    ]


def article_dates(title: str | None, text: str, pub: dt.date | None) -> ArticleDates:
    """Resolve every day a report's headline and lede mention, and pick the incident day."""
    votes: dict[str, float] = {}
    lines = [title] if title else []
    lines.extend(s.text for s in leading_sentences(text, MAX_SENTENCES, LEDE_CHARS))
    seen: set[str] = set()
    for k, line in enumerate(lines):
        if not line:
            continue
        if line[:1] in "IPS":  # "Image 2 of 40 A memorial ...": the gallery's counter
            line = _GALLERY.sub("", line)
        if line in seen:
            continue  # a caption repeated under each photo votes once
        seen.add(line)
        low = line.lower()
        if not (_DATEISH_LOWER.search(low) if line.isascii() else _DATEISH.search(line)):
            continue  # no day named: its weight does not matter
        if any(w in low for w in _STAMP_WORDS):
            line = _STAMP.sub(" ", line)
            low = line.lower()
        opening = _OPENING_DATE.match(line)
        if opening:
            line = line[opening.end() :]
            low = line.lower()
        elif k == (1 if title else 0) and (dateline := dateline_chars(line)):
            line = line[dateline:]  # "JOS, Nigeria, Nov 15 (Wire) -": when it was filed
            low = line.lower()
        weight = 1.0 / (1.0 + max(0, k - (1 if title else 0)) * POSITION_DECAY)
        runs = WholeWords.words(low)  # the three cues look up the same words
        if _INCIDENT.search(low, runs):
            weight *= INCIDENT_CUE
        if _WHEN.search(low, runs):
            weight *= WHEN_CUE
        if _LATER.search(low, runs):
            weight *= LATER_CUE
        for period, speech in _mentions(_words(line)):
            resolved = resolve(period, pub=pub, event_day=None)
            if resolved.start and resolved.start == resolved.end:
                day = dt.date.fromisoformat(resolved.start)
                if pub is None or day <= pub + dt.timedelta(days=1):
                    w = weight * SPEECH_CUE if speech else weight
                    if period.kind == "relative_day" and period.offset_days == 0:
                        w *= SAME_DAY_CUE
                    votes[resolved.start] = votes.get(resolved.start, 0.0) + w
    if votes:
        top = max(votes.values())
        best = min(d for d, v in votes.items() if v == top)  # ties: the earlier day
        return ArticleDates(best, "day", dict(votes))
    if pub is not None:
        return ArticleDates(pub.isoformat(), "publication", {})
    return ArticleDates(None, None, {})
