"""Clean the body text of one report, recording everything removed.

:func:`clean` normalises line endings and whitespace, joins hard-wrapped lines, drops
promotional footers and publisher disclaimers, filler phrases ("Let's dive into the
details:") and doubled words ("Prime Minister Prime Minister"), and collects the outlets
the report credits. Each removal is a :class:`~corroborate.model.Removal`, so nothing
is lost silently: every non-whitespace character of the input is either in
``Cleaned.text`` or in one of ``Cleaned.removed`` (the only other change is that the
first letter after a removed filler phrase is capitalised).

    >>> c = clean("Let's dive into the details: the the army said 3 died.\\n\\nShare this article")
    >>> c.text
    'The army said 3 died.'
    >>> [r.kind for r in c.removed]
    ['promo', 'filler', 'repeat']
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Final

from corroborate.ingest.credits import OUTLET_NAME_WORDS, find_credits
from corroborate.ingest.dates import FoundDate, parse_date
from corroborate.model import Removal

__all__ = [
    "FILLERS",
    "Cleaned",
    "byline_author",
    "clean",
    "is_boilerplate",
    "lost_characters",
    "meta_line",
]


@dataclass(slots=True, init=False, unsafe_hash=True)  # own __init__: see corroborate.buildinfo
class Cleaned:
    """The result of :func:`clean`: text, what was removed, the outlets credited, and the
    author, outlet and date a byline or metadata line gave."""

    text: Final[str]
    removed: Final[tuple[Removal, ...]]
    credits: Final[tuple[str, ...]]
    byline: Final[str | None]
    outlet: Final[str | None]
    date: Final[FoundDate | None]

    def __init__(
        self,
        text: str,
        removed: tuple[Removal, ...] = (),
        credits: tuple[str, ...] = (),
        byline: str | None = None,
        outlet: str | None = None,
        date: FoundDate | None = None,
    ) -> None:
        self.text = text
        self.removed = removed
        self.credits = credits
        self.byline = byline
        self.outlet = outlet
        self.date = date


# --- line joining -------------------------------------------------------------------------

# A line ending in one of these words cannot end a sentence, so the next line continues it.
_FUNCTION_WORDS: Final = frozenset(
    """a an the of to in on at for with by from and or but nor as that which who whom whose
    its their his her our your is are was were be been has have had than into onto over
    under after before during while about between against through across amid among per
    via this these those if when where whether not""".split()
)
_FIRST_LETTER: Final = re.compile(r"""^[\s"'“‘(\[«]*(\w)""")
_LAST_WORD: Final = re.compile(r"(\w+)\W*$")
_TERMINAL: Final = ".!?:;\"'”’)»"


def _starts_lower(line: str) -> bool:
    m = _FIRST_LETTER.match(line)
    return bool(m and m.group(1).islower())


def _is_heading(line: str, width: int | None = None) -> bool:
    """A short line with no terminal punctuation: a heading such as "Foiling armed plots".

    In a fixed-width document a line filled to the width is wrapped text, not a heading.
    """
    s = line.strip()
    if width is not None and len(s) >= 0.75 * width:
        return False
    return bool(s) and len(s) <= 60 and len(s.split()) <= 8 and s[-1] not in _TERMINAL + ","


def _fixed_width(lines: list[str]) -> int | None:
    """The wrap width when most lines of the document are about equally long, else None."""
    lengths = [len(ln) for ln in lines if ln.strip()]
    if len(lengths) < 4:
        return None
    width = max(lengths)
    near = sum(1 for n in lengths if n >= width - 15)
    # Wrapped text fills most lines to within a word's length of the width; the last line
    # of each paragraph is shorter.
    if 30 <= width <= 100 and near >= 0.6 * len(lengths):
        return width
    return None


def _continues(line: str, nxt: str, width: int | None) -> bool:
    """Whether ``nxt`` continues the paragraph that ``line`` is part of."""
    if not line.strip() or not nxt.strip():
        return False
    if _starts_lower(nxt):
        return True
    if _is_heading(nxt, width):
        # Never glue a heading onto the paragraph before it.
        return line.rstrip()[-1] in ",-" or _ends_function_word(line)
    if line.rstrip()[-1] in ",-–—" or _ends_function_word(line):
        return True
    if width is not None and not _is_heading(line, width):
        first = nxt.split()[0]
        # The next word did not fit on this line: the line was wrapped, not ended.
        return len(line) + 1 + len(first) > width
    return False


def _ends_function_word(line: str) -> bool:
    s = line.rstrip()
    if not s or not (s[-1].isalpha()):
        return False
    m = _LAST_WORD.search(s)
    return bool(m and m.group(1).lower() in _FUNCTION_WORDS)


def _joiner(line: str) -> str:
    """What goes between ``line`` and the line that continues it: nothing after a word's
    hyphen ("co-" + "ordinated": no character is lost), else a space."""
    return "" if (line[-2:-1].isalnum() and line.endswith("-")) or line.endswith("_-") else " "


def _paragraphs(lines: list[str]) -> list[str]:
    """Group lines into paragraphs: blank lines separate, wrapped lines are joined."""
    blocks: list[list[str]] = [[]]
    for ln in lines:
        if ln.strip():
            blocks[-1].append(ln)
        elif blocks[-1]:
            blocks.append([])
    width = _fixed_width([ln for b in blocks for ln in b])
    out: list[str] = []
    for block in (b for b in blocks if b):
        # A paragraph's lines are gathered and joined once: adding each line to a growing
        # string copies the paragraph again for every line.
        cur, last = [block[0]], block[0]
        for ln in block[1:]:
            # Judge by the last physical line: that is what the wrapper filled.
            if _continues(last, ln, width):
                cur += (_joiner(cur[-1]), ln.lstrip())
            else:
                out.append("".join(cur))
                cur = [ln]
            last = ln
        out.append("".join(cur))
    return [p.strip() for p in out if p.strip()]


# --- boilerplate ---------------------------------------------------------------------------

# Page furniture and calls to action that are boilerplate wherever they stand.
_LINE_BOILERPLATE: Final = re.compile(
    r"""(?ix)^[\W_]*(?:
        advertisement(?:\s*[-–—:]\s*(?:scroll|continue)[\w\s]*)?
      | (?:story\s+)?continues?\s+(?:reading\s+)?below(?:\s+(?:this\s+)?advertisement)?
      | continue\s+reading
      | click\s+here\b.{0,80}
      | follow\s+us\s+on\b.{0,80}
      | skip\s+to\s+(?:main\s+)?content
      | listen\s+to\s+this\s+article.{0,30}
      | media\s+playback\s+is\s+(?:unsupported|not\s+supported)\s+on\s+your\s+device
      | (?:also\s+read|read\s+also|read\s+more|related|recommended(?:\s+stories)?)\s*:.{0,150}
      | also\s+on\s+[\w-]+\.[a-z]{2,}\b.{0,150}
      | (?:tags|topics|related\s+topics|filed\s+under)(?:\s*:.{0,200})?
      | (?:tell\s+us\s+what\s+you\s+think|leave\s+a\s+(?:comment|reply)|post\s+a\s+comment
          |add\s+a\s+comment|join\s+the\s+(?:conversation|discussion)|comments?\s+(?:are\s+)?closed
          |show\s+comments|view\s+comments)\b.{0,40}
      | (?:order|buy)\s+reprints?|reprints?(?:\s+(?:&|and)\s+permissions)?
      | print\s+(?:this\s+)?(?:article|story|page)|e-?mail\s+(?:this\s+)?(?:article|story)
    )[\W_]*$"""
)
# Share buttons: "Share this article", "Share on Facebook", "Facebook Twitter Email Print".
_SHARE_LINE: Final = re.compile(
    r"""(?ix)^[\W_]*(?:
        share\s+(?:this|the)\s+(?:article|story|post|page|video)(?:\s+(?:on|via|with)\b.*)?
      | share\s+this\s*:?
      | (?:like|enjoy(?:ed)?)\s+this\s+(?:story|article)\s*\?.{0,60}
      | share\s+(?:on|via|to)\s+(?:facebook|twitter|x|whatsapp|linkedin|e-?mail|reddit)\b.*
      | (?:share|tweet|e-?mail|print|pin|whatsapp|facebook|twitter|linkedin|reddit|telegram
          |messenger|copy\s+link|save|comments?|\d+\s+comments?)
        (?:[\s|,·•/]+(?:share|tweet|e-?mail|print|pin|whatsapp|facebook|twitter|linkedin|reddit
          |telegram|messenger|copy\s+link|save|comments?|\d+\s+comments?|x))*
    )[\W_]*$"""
)
# Subscription and sign-in prompts.
_SUBSCRIBE_LINE: Final = re.compile(
    r"""(?ix)^[\W_]*(?:
        (?:subscribe|sign\s+up)\s+(?:to|for)\s+(?:our|the)\s+\w*\s*newsletters?\b.{0,60}
      | subscribe(?:\s+(?:now|today|here))?
      | (?:already\s+a\s+subscriber|become\s+a\s+(?:subscriber|member))\b.{0,100}
      | subscribe\s+(?:now\s+)?(?:to|for)\s+(?:continue|read|get|unlimited|full|just|only)\b.{0,100}
      | (?:sign|log)\s+in\s+to\s+(?:continue|read|comment|keep\s+reading)\b.{0,80}
      | get\s+(?:unlimited|full|digital)\s+(?:digital\s+)?access\b.{0,100}
      | this\s+(?:article|story|content)\s+is\s+(?:for|available\s+to)\s+subscribers\b.{0,60}
    )[\W_]*$"""
)
# Cookie and privacy notices.
_COOKIE_LINE: Final = re.compile(
    r"""(?ix)^[\W_]*(?:
        (?:we|this\s+(?:site|website)|our\s+(?:site|website))\s+uses?\s+cookies\b.{0,250}
      | by\s+(?:continuing\s+to\s+(?:use|browse)|using)\s+(?:this|our)\s+(?:site|website)\b.{0,200}
      | (?:accept|allow|manage|reject)\s+(?:all\s+)?cookies\b.{0,60}
      | cookies?\s+(?:policy|settings|preferences|notice)\b.{0,60}
    )$"""
)
# Photo captions and credits: "Image copyright Getty Images", "Photo: Reuters",
# "FILE PHOTO: ...", "(AP Photo/Jane Doe)", "Police at the scene. (Photo by J. Doe/AFP)".
# Two patterns, one line's caption if either matches: those that credit in brackets are
# tried only on a line with a "(" (each scans up to 250 characters for one, three times).
_CAPTION_LINE: Final = re.compile(
    r"""(?ix)^[\W_]*(?:
        (?:image|photo|picture|video)\s+(?:copyright|caption|credit|source)\b.{0,250}
      | (?:photo(?:graph)?|picture|image|pic|file\s+photo|credit|caption)s?\s*:.{1,250}
      | (?:photo(?:graph)?|picture|image)s?\s+(?:by|courtesy(?:\s+of)?)\b.{1,120}
    )[\W_]*$"""
)
_CAPTION_BRACKETS: Final = re.compile(
    r"""(?ix)^[\W_]*(?:
        .{0,250}\(\s*(?:[\w-]+\s+){0,3}(?:photo(?:graph)?|picture|image|pic)s?\b[^()]{0,100}\)
      | .{0,250}\([^()]{1,60}/\s*(?:getty\s+images|afp|reuters|ap|epa|shutterstock
          |associated\s+press)\s*\)
      | .{0,250}\((?:getty\s+images|shutterstock)\)
    )[\W_]*$"""
)
# "Police at the scene in Quetta. REUTERS/Naseer Ahmed": an agency photo credit ends it.
# "... in New York.Reuters": a caption with the agency glued on, no full stop after it.
_PHOTO_CREDIT_END: Final = re.compile(
    r"\b(?:REUTERS|AFP|AP|EPA|XINHUA)/[A-Z][\w .'-]{2,40}$"
    r"|[.!?)”\"]\s*(?:Reuters|AP|AFP|EPA|Getty\s+Images|Shutterstock|Associated\s+Press)"
    r"(?:\s*/\s*[\w .'-]{2,40})?$"
)
# Every photo credit names one of these: a substring test is much cheaper than the search.
_PHOTO_CREDIT_HINTS: Final = ("REUTERS", "AFP", "AP", "EPA", "XINHUA", "Reuters", "Getty",
                       "Shutterstock", "Associated")
# A line that is only a time stamp: "Updated at 1:23 p.m.", "2019-11-19T08:57:40+01:00".
_STAMP_LINE: Final = re.compile(
    r"""(?ix)^[\W_]*(?:(?:first\s+)?(?:published|posted|updated|last\s+updated|modified)
        (?:\s+(?:on|at))?\s*:?\s*)?
      (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?
      (?:\d{4}-\d{2}-\d{2}(?:[t\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:z|[+-]\d{2}:?\d{2})?
        |(?:[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[a-z]{3,9}\.?,?\s+\d{4})
          (?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)?
        |\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)
    [\W_]*$"""
)
_STAMP_LABEL: Final = re.compile(r"^[\W_]*(?:first\s+)?(?:published|posted|updated|last\s+updated|"
                          r"modified)\b", re.IGNORECASE)
_CAPTION_MAX_WORDS: Final = 50
_FURNITURE_MAX: Final = 400

# Each promotional phrase and disclaimer pattern, with the words (lower-cased) one of which
# every match of it contains: a pattern is searched only in a paragraph that has one. (The
# regex engine's case folding also reads "ı" and "ſ" as i and s, ``str.lower`` does not: a
# phrase spelled with them is not counted; before, it was, if another phrase's hint let
# the paragraph through to the patterns.)
# Searched blindly, each pattern's opening ``\b`` made the engine try every character of
# the paragraph, for each of 25 patterns (0.8% of the compiled pipeline's instructions).
_PROMO: Final = tuple(
    (hints, re.compile(p, re.IGNORECASE))
    for hints, p in (
        (("download",), r"\bdownload\s+(?:the|our)\b.{0,60}?\bapps?\b"),
        (("store",), r"\b(?:google\s+)?play\s+store\b|\bapp\s+store\b"),
        (("subscribe",), r"\bsubscribe\s+(?:to|for|now|today|here)\b"),
        (("follow",), r"\bfollow\s+us\b"),
        (("newsletter",), r"\bnewsletters?\b"),
        (("click",), r"\bclick\s+here\b"),
        (("sign",), r"\bsign\s+up\b"),
        (("read",), r"\bread\s+more\b"),
        (("stay",), r"\bstay\s+(?:updated|tuned|informed|connected)\b"),
        (("share",), r"\bshare\s+this\b"),
        (("cookie",), r"\bcookies?\b"),
        (("channel",), r"\b(?:whatsapp|telegram|youtube)\s+channel\b"),
        (("latest",), r"\blatest\s+(?:news|updates|headlines)\b"),
        (("breaking",), r"\bbreaking\s+news\b"),
        (("in-depth",), r"\bin-depth\s+coverage\b"),
    )
)
# A cheap test before any of the patterns (each phrase and disclaimer contains one of these).
_PROMO_HINTS: Final = ("download", "store", "subscribe", "follow us", "newsletter", "click here",
                "sign up", "read more", "stay", "share this", "cookie", "channel", "latest",
                "breaking news", "in-depth")
_DISCLAIMER_HINTS: Final = ("edited by", "feed", "wire", "syndicated", "disclaimer", "expressed",
                     "may have been", "this article", "this story", "this content", "this report",
                     "rights reserved", "commercial use", "©", "copyright", "(c)")
_CALL_TO_ACTION: Final = re.compile(
    r"^[\W_]*(?:download|subscribe|follow|sign\s+up|click|read\s+more|check\s+out|stay|get\s+the"
    r"|join|like\s+us|share|don'?t\s+miss|for\s+(?:the\s+)?latest)\b",
    re.IGNORECASE,
)
_DISCLAIMER: Final = tuple(
    (hints, re.compile(p, re.IGNORECASE))
    for hints, p in (
        (("edited",), r"\bhas\s+not\s+been\s+edited\s+by\b"),
        (
            ("feed", "wire"),
            r"\b(?:published|auto-generated|generated|sourced|taken)\s+from\s+(?:a|an|the)\s+"
            r"(?:[\w-]+\s+){0,3}(?:feed|wire)\b",
        ),
        (("syndicated",), r"\bsyndicated\s+(?:feed|content)\b"),
        (("disclaimer",), r"^\W*disclaimer\b"),
        (("expressed",), r"\b(?:views|opinions)\s+(?:and\s+opinions\s+)?expressed\b"),
        (
            ("been",),
            r"\b(?:headline|picture|image)s?\b.{0,80}\bmay\s+have\s+been\s+(?:reworked|edited)\b",
        ),
        (
            ("published", "generated", "produced", "sourced"),
            r"\bthis\s+(?:article|story|content|report)\s+(?:was|is|has\s+been)\s+"
            r"(?:originally\s+)?(?:published|generated|auto-generated|produced|sourced)\b",
        ),
        (("reserved",), r"\ball\s+rights\s+reserved\b"),
        (("commercial",), r"\bfor\s+your\s+personal,?\s+non-?commercial\s+use\s+only\b"),
        (("©", "copyright", "(c)"), r"^\W*(?:©|copyright\b|\(c\)\s*\d{4})"),
    )
)
# Lines that only credit (reporters, agencies): metadata, not facts.
_CREDIT_LINE: Final = re.compile(
    r"""(?ix)^[\W_]*(?:
        (?:with\s+)?inputs?\s+from\s+[^.]{1,80}
      | (?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by\s+.{1,200}
      | source\s*:\s*.{1,60}
      | write\s+to\s+.{1,80}?\bat\s+\S+@\S+
    )[\W_]*$"""
)
_SYNDICATED: Final = re.compile(r"\bsyndicat|\bwire\s+(?:agency\s+)?feed\b", re.IGNORECASE)
# A byline: "By Jane Doe", "By JANE DOE and John Roe, Associated Press", "By Reuters Staff".
# Possessive quantifiers: a name is never split into two, so a long paragraph that starts
# with "By" fails fast instead of backtracking.
_BYLINE: Final = re.compile(
    r"^[\W_]*+by\s++((?:(?:[A-Z][\w.'’-]*+|&)[ \t,|/–—-]*+){1,10})$",
    re.IGNORECASE,
)


def _anywhere(par: str) -> tuple[str, str] | None:
    """(kind, reason) for a paragraph that is page furniture wherever it stands."""
    if len(par) > _FURNITURE_MAX and not par.lstrip()[:5].lower().startswith("share"):
        return None  # page furniture is short; a long paragraph is story text
    if _LINE_BOILERPLATE.match(par):
        return "promo", "page furniture or call to action"
    if _SHARE_LINE.match(par):
        return "promo", "share buttons"
    if _SUBSCRIBE_LINE.match(par):
        return "promo", "subscription prompt"
    if _COOKIE_LINE.match(par):
        return "promo", "cookie notice"
    if (
        _CAPTION_LINE.match(par)
        or ("(" in par and _CAPTION_BRACKETS.match(par))
        or (any(h in par for h in _PHOTO_CREDIT_HINTS) and _PHOTO_CREDIT_END.search(par))
    ) and len(par.split()) <= _CAPTION_MAX_WORDS:  # (counted only then: most lines miss)
        return "caption", "photo caption or credit"
    if len(par) <= 80 and _STAMP_LINE.match(par) and (
        _STAMP_LABEL.match(par) or re.match(r"\W*\d{4}-\d\d-\d\d", par)
    ):
        return "date", "time stamp line"
    return None


def byline_author(par: str) -> str | None:
    """The names in a byline paragraph ("By Jane Doe, Associated Press" -> "Jane Doe,
    Associated Press"), or None when ``par`` is not a byline."""
    par = par.strip()
    if par[:2].lower() != "by" or len(par) > 200 or len(par.split()) > 14:
        return None
    m = _BYLINE.match(par)
    if not m:
        return None
    names = m.group(1).strip(" \t,|/–—-")
    # "By the way" / "By Friday": a byline names people, each word capitalised.
    words = [w for w in re.split(r"[\s,|/–—-]+", names) if w]
    if not words or any(w[0].islower() and w not in ("de", "van", "von", "al", "bin", "and")
                        for w in words):
        return None
    if words[0] in _NOT_NAMES:
        return None
    return names


# A metadata line under a pasted title: "Dnipro Daily | 19 November 2026 | Olena Hrytsenko",
# "Published 18 Nov 2026 · By Staff Reporter · Morning Herald". Its parts are split on these.
_META_SPLIT: Final = re.compile(r"\s+[|·•]\s+")
_META_LABEL: Final = re.compile(
    r"^(?:(?:first\s+|last\s+)?(?:published|posted|updated|modified)(?:\s+on)?\s*:?\s*)",
    re.IGNORECASE,
)
_META_SKIP: Final = re.compile(
    r"^(?:\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?|\d+\s+min(?:ute)?s?\s+read)$",
    re.IGNORECASE,
)
_META_NAME: Final = re.compile(r"^[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|of|the|and|de|al))*$")


def meta_line(par: str) -> tuple[tuple[str, str] | None, str | None, str | None] | None:
    """(date, author, outlet) from a metadata line of two to six parts split by ``|``,
    ``·`` or ``•``, one of them a date or a byline; None when ``par`` is anything else.

        >>> meta_line("Dnipro Daily | 19 November 2026 | Olena Hrytsenko")
        (('2026-11-19', 'day'), 'Olena Hrytsenko', 'Dnipro Daily')
        >>> meta_line("Police | fire | ambulance") is None
        True
    """
    if len(par) > 200 or "\n" in par:
        return None
    parts = [p.strip(" \t,;") for p in _META_SPLIT.split(par.strip())]
    if not 2 <= len(parts) <= 6:
        return None
    date: tuple[str, str] | None = None
    author: str | None = None
    names: list[str] = []
    for part in parts:
        if not part or _META_SKIP.match(part):
            continue
        label = _META_LABEL.match(part)
        found = parse_date(part[label.end():] if label else part)
        if found and date is None:
            date = found
        elif (by := byline_author(part)) and author is None:
            author = by
        elif _short_name(part) and not label:
            names.append(part)
        else:
            return None  # a part that is no date, byline or name: this is text
    if date is None and author is None:
        return None
    outlet = next((n for n in names if _has_outlet_word(n)), None)
    for name in names:
        if name == outlet:
            continue
        # A person's name is two to four words; what is left over names the outlet.
        if author is None and 2 <= len(name.split()) <= 4:
            author = name
        elif outlet is None:
            outlet = name
    return date, author, outlet


def _short_name(part: str) -> bool:
    """Up to five capitalised words ("Olena Hrytsenko", "Dnipro Daily", "Bank of Ukraine")."""
    return bool(_META_NAME.match(part)) and len(part.split()) <= 5


def _has_outlet_word(name: str) -> bool:
    # A name with an outlet's word ("Daily", "Herald", "Wire") is the outlet.
    return not OUTLET_NAME_WORDS.isdisjoint(name.split())


def outlet_name(line: str) -> bool:
    """A short name with an outlet's word in it ("Plateau Mirror", "The Kisumu Star"), as a
    metadata line or a header block names the outlet."""
    return _short_name(line) and _has_outlet_word(line)


_NOT_NAMES: Final = frozenset(
    """The This That Then Now Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December
    Noon Midnight Morning Evening Night Tonight Today Tomorrow Yesterday Early Late""".split()
)


def _boilerplate(par: str) -> tuple[str, str] | None:
    """(kind, reason) when a leading or trailing paragraph is boilerplate."""
    words = len(par.split())
    hit = _anywhere(par)
    if hit:
        return hit
    if byline_author(par):
        return "byline", "byline (kept as metadata)"
    if meta_line(par):
        return "byline", "metadata line: date, author, outlet (kept as metadata)"
    if words <= 60 and _CREDIT_LINE.match(par):
        return "credit", "credit line (metadata)"
    low = par.lower()
    if words <= 80 and any(h in low for h in _DISCLAIMER_HINTS):
        for hints, pat in _DISCLAIMER:
            if any(h in low for h in hints) and pat.search(par):
                if _SYNDICATED.search(par):
                    return "disclaimer", "publisher disclaimer: published from a syndicated feed"
                return "disclaimer", "publisher disclaimer or legal notice"
    if not any(h in low for h in _PROMO_HINTS):
        return None
    hits = sum(1 for hints, pat in _PROMO if any(h in low for h in hints) and pat.search(par))
    # Two separate promotional signals, or one in a short call to action, make a footer;
    # one signal inside a long paragraph may be news ("the app store was fined").
    if hits >= 2 or (hits == 1 and (words <= 30 or _CALL_TO_ACTION.match(par))):
        return "promo", f"promotional text ({hits} promotional phrase{'s' * (hits > 1)})"
    return None


def is_boilerplate(line: str) -> bool:
    """Whether a line would be removed as boilerplate at the start or end of a report."""
    return _boilerplate(line.strip()) is not None


def _strip_boilerplate(paras: list[str], removed: list[Removal]) -> list[str]:
    """Drop boilerplate paragraphs at either end, and unmistakable boilerplate lines inside."""
    head: list[Removal] = []
    tail: list[Removal] = []
    while paras and (hit := _boilerplate(paras[0])):
        head.append(Removal(kind=hit[0], text=paras[0], reason=hit[1] + " at the start"))
        paras = paras[1:]
    while paras and (hit := _boilerplate(paras[-1])):
        tail.append(Removal(kind=hit[0], text=paras[-1], reason=hit[1] + " at the end"))
        paras = paras[:-1]
    kept: list[str] = []
    for p in paras:
        hit = _anywhere(p)
        if hit:
            head.append(Removal(kind=hit[0], text=p, reason=hit[1]))
        else:
            kept.append(p)
    removed.extend(head)
    removed.extend(reversed(tail))
    return kept


# --- filler and repeats --------------------------------------------------------------------

# Padding phrases that open a sentence and say nothing (documented in docs/ingest.md).
FILLERS: Final[tuple[str, ...]] = (
    r"let's\s+dive\s+(?:right\s+)?in(?:to\s+(?:it|the\s+details|the\s+story))?\s*[:.!,]",
    r"let's\s+take\s+a\s+(?:closer\s+)?look(?:\s+at\s+the\s+details)?\s*[:.!]",
    r"let's\s+break\s+(?:it|this)\s+down\s*[:.!]",
    r"let's\s+get\s+(?:right\s+)?(?:into\s+it|started)\s*[:.!]",
    r"here(?:'s|\s+is)\s+(?:what|everything)\s+(?:you|we)\s+(?:need\s+to\s+)?know"
    r"(?:\s+so\s+far)?\s*[:.]",
    r"here\s+are\s+the\s+details\s*[:.]",
    r"(?:so,?\s+)?without\s+further\s+ado\s*[,:]",
    r"first\s+things\s+first\s*[,:]",
    r"buckle\s+up\s*[,:!]",
    r"read\s+on\s+to\s+(?:find\s+out|learn)\s+more\s*[.!]",
    r"in\s+this\s+article,\s+we(?:'ll|\s+will)\s+[^.!?]*[.!?]",
)
_FILLER: Final = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"'”’)]\s))(?:"
    + "|".join(FILLERS).replace("'", "['’]")
    + r")[ \t]*",
    re.IGNORECASE,
)

_WORD: Final = re.compile(r"\w++(?:[-'’]\w++)*+")  # possessive: no backtracking points kept
# The same on ASCII text (most paragraphs): ``\w`` read from a table, not the Unicode
# database (a fifth less time).
_WORD_ASCII: Final = re.compile(_WORD.pattern, re.ASCII)
# A lone doubled lowercase word is a typo ("commander commander", "the the") except for
# these, which English doubles on purpose ("had had", "that that", "very very").
# Capitalised doubles are names ("Sirhan Sirhan", "Walla Walla") and are kept.
_DOUBLE_OK: Final = frozenset(
    """had that is do bye no yes so very really ha far knock tut chop hush pooh boo there
    now well blah yada aye go ho tsk mahi""".split()
)
_MAX_REPEAT: Final = 6


def _repeat_at(par: str, words: list[re.Match[str]], i: int, k: int) -> bool:
    if i + 2 * k > len(words):
        return False
    first, second = words[i : i + k], words[i + k : i + 2 * k]
    gap = par[first[-1].end() : second[0].start()]
    if not gap or not gap.isspace() or "\n" in gap:
        return False  # "New York, New York": a comma makes it legitimate
    a = par[first[0].start() : first[-1].end()]
    b = par[second[0].start() : second[-1].end()]
    if k == 1:
        # "the the" -> "the", "The the" -> "The" (a function word only: "Biasa biasa" is
        # Indonesian reduplication); the repeat must be a lowercase word.
        return (
            (a == b or (a.lower() == b and b in _FUNCTION_WORDS))
            and b.isalpha()
            and b == b.lower()
            and b not in _DOUBLE_OK
        )
    if a != b or not any(w.group().isalpha() for w in first):
        return False
    # Only plain word runs: "methamphetamine, possession of methamphetamine, possession of"
    # is a list, and "Jewels after Jewels after Jewels" a figure of speech.
    if any(not par[x.end() : y.start()].isspace() for x, y in itertools.pairwise(first)):
        return False
    after, before = i + 2 * k, i - 1
    if after < len(words) and words[after].group().lower() == first[0].group().lower():
        return False
    return not (before >= 0 and words[before].group().lower() == first[-1].group().lower())


_ENGLISH: Final = frozenset(
    "the of and to in a is was were said that for on with by at from".split()
)


def _looks_english(words: list[str]) -> bool:
    """Whether a paragraph reads as English (so a doubled word is a typo, not
    reduplication as in Indonesian "amat amat" or "biasa biasa")."""
    return sum(map(_ENGLISH.__contains__, words)) >= max(1, len(words) // 10)


def _repeat_starts(lower: list[str]) -> dict[int, list[int]]:
    """Where a run of ``k`` words (``k <= _MAX_REPEAT``) may be said twice in a row:
    first word's index -> those ``k``, longest first.

    A repeat of ``k`` words starting at ``i`` has the same word at ``i`` and ``i + k``. One
    pass links each word to its previous occurrence, so only the pairs of equal words at
    most ``_MAX_REPEAT`` apart are looked at (six whole-list comparisons took 2.3% of the
    compiled pipeline's instructions, this pass takes 0.9%), and a pair becomes a candidate
    when all ``k`` words repeat. A lone doubled word (``k == 1``) counts only in a paragraph
    that reads as English.
    """
    n = len(lower)
    last: dict[str, int] = {}
    before = [-1] * n  # the previous index of the same word
    found: list[tuple[int, int]] = []
    single = False
    for j, w in enumerate(lower):
        p = last.get(w, -1)
        before[j] = p
        last[w] = j
        while p >= 0 and j - p <= _MAX_REPEAT:
            k = j - p
            if k == 1:
                found.append((p, 1))
                single = True
            elif p + 2 * k <= n and lower[p : p + k] == lower[j : j + k]:
                found.append((p, k))
            p = before[p]
    if single and not _looks_english(lower):
        found = [f for f in found if f[1] != 1]
    candidates: dict[int, list[int]] = {}
    for i, k in sorted(found, key=lambda f: (f[0], -f[1])):
        candidates.setdefault(i, []).append(k)
    return candidates


def _drop_repeats(par: str, removed: list[Removal]) -> str:
    """Collapse doubled word sequences, longest first: "Prime Minister Prime Minister".

    One left-to-right pass per round, so a long text costs linear time per round; a run
    like "the the the the" halves each round.
    """
    while True:
        # (Lower-casing ASCII text cannot change how it splits into words.)
        lower = (_WORD_ASCII.findall(par.lower()) if par.isascii()
                 else [w.lower() for w in _WORD.findall(par)])
        candidates = _repeat_starts(lower)
        if not candidates:
            return par
        words = list(_WORD.finditer(par))
        cuts: list[tuple[int, int]] = []
        done_to = 0
        for i in sorted(candidates):
            if i < done_to:
                continue
            k = next((k for k in candidates[i] if _repeat_at(par, words, i, k)), 0)
            if not k:
                continue
            start, end = words[i + k - 1].end(), words[i + 2 * k - 1].end()
            dup = par[start:end].strip()
            removed.append(Removal(kind="repeat", text=dup, reason=f'doubled words "{dup}"'))
            cuts.append((start, end))
            done_to = i + 2 * k
        if not cuts:
            return par
        for start, end in reversed(cuts):
            par = par[:start] + par[end:]


# Every filler phrase contains one of these (lower-cased): a substring test is much cheaper
# than the full pattern, and most paragraphs have none.
_FILLER_HINTS: Final = ("let's", "let’s", "here", "ado", "first things", "buckle", "read on",
                 "this article")


def _drop_fillers(par: str, removed: list[Removal]) -> str:
    low = par.lower()
    if not any(h in low for h in _FILLER_HINTS):
        return par
    out: list[str] = []
    pos = 0
    for m in _FILLER.finditer(par):
        out.append(par[pos : m.start()])
        pos = m.end()
        removed.append(Removal(kind="filler", text=m.group().strip(), reason="filler phrase"))
        # The sentence now starts with the next word: capitalise it so sentence splitting
        # still sees a new sentence (ASCII only, so no character changes length).
        if pos < len(par) and "a" <= par[pos] <= "z":
            out.append(par[pos].upper())
            pos += 1
    out.append(par[pos:])
    return "".join(out).strip()


# --- the whole pipeline -------------------------------------------------------------------


def _lines(text: str, removed: list[Removal]) -> list[str]:
    """Normalised lines (any line ending), trailing spaces stripped, outer blanks dropped."""
    lines = [ln.rstrip() for ln in text.splitlines()]
    lead = 0
    while lead < len(lines) and not lines[lead].strip():
        lead += 1
    trail = len(lines)
    while trail > lead and not lines[trail - 1].strip():
        trail -= 1
    if lead:
        reason = f"{lead} leading blank line(s)"
        removed.append(Removal(kind="blank", text="\n" * lead, reason=reason))
    if len(lines) - trail:
        n = len(lines) - trail
        removed.append(Removal(kind="blank", text="\n" * n, reason=f"{n} trailing blank line(s)"))
    return lines[lead:trail]


def clean(text: str) -> Cleaned:
    """Clean one report's body text; see the module docstring for the rules.

        >>> c = clean("(Reuters) - Prime Minister Prime Minister Khan spoke.\\n\\n\\n")
        >>> c.text, c.credits
        ('(Reuters) - Prime Minister Khan spoke.', ('Reuters',))

    The output has one paragraph per line, paragraphs separated by a blank line.
    """
    removed: list[Removal] = []
    paras = _paragraphs(_lines(text, removed))
    paras = _strip_boilerplate(paras, removed)
    body: list[str] = []
    for par in paras:
        par = _drop_fillers(par, removed)
        par = _drop_repeats(par, removed)
        if par:
            body.append(par)
    out = "\n\n".join(body)
    # Credits come from the kept text and from removed disclaimers and credit lines
    # ("(With inputs from PTI)"), never from promotional footers.
    credit_text = "\n".join(
        [out] + [r.text for r in removed if r.kind in ("disclaimer", "credit", "byline")]
    )
    byline: str | None = None
    outlet: str | None = None
    date: tuple[str, str] | None = None
    for r in removed:
        if r.kind != "byline":
            continue
        author = byline_author(r.text)
        found = None if author else meta_line(r.text)
        if found:
            date, author, outlet = (date or found[0]), found[1], (outlet or found[2])
        byline = byline or author
    return Cleaned(
        text=out,
        removed=tuple(removed),
        credits=tuple(find_credits(credit_text)),
        byline=byline,
        outlet=outlet,
        date=FoundDate(*date, "text") if date else None,
    )


def lost_characters(original: str, cleaned: Cleaned) -> Counter[str]:
    """Non-whitespace characters of ``original`` found neither in the text nor the removals.

    Case is ignored (filler removal may capitalise a letter). Empty when nothing was lost.
    """

    def chars(s: str) -> Counter[str]:
        return Counter(c.lower() for c in s if not c.isspace())

    kept = chars(cleaned.text)
    for r in cleaned.removed:
        kept.update(chars(r.text))
    return chars(original) - kept
