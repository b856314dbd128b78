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

import re
from collections import Counter
from dataclasses import dataclass

from corroborate.ingest.credits import find_credits
from corroborate.model import Removal

__all__ = ["FILLERS", "Cleaned", "clean", "is_boilerplate", "lost_characters"]


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The result of :func:`clean`: text, what was removed, and the outlets credited."""

    text: str
    removed: tuple[Removal, ...] = ()
    credits: tuple[str, ...] = ()


# --- line joining -------------------------------------------------------------------------

# A line ending in one of these words cannot end a sentence, so the next line continues it.
_FUNCTION_WORDS = frozenset(
    """a an the of to in on at for with by from and or but nor as that which who whom whose
    its their his her our your is are was were be been has have had than into onto over
    under after before during while about between against through across amid among per
    via this these those if when where whether not""".split()
)
_FIRST_LETTER = re.compile(r"""^[\s"'“‘(\[«]*(\w)""")
_LAST_WORD = re.compile(r"(\w+)\W*$")
_TERMINAL = ".!?:;\"'”’)»"


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


def _join(line: str, nxt: str) -> str:
    # "co-" + "ordinated": keep the hyphen and add no space (no character is lost).
    if re.search(r"\w-$", line):
        return line + nxt.lstrip()
    return line + " " + nxt.lstrip()


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
        cur, last = block[0], block[0]
        for ln in block[1:]:
            # Judge by the last physical line: that is what the wrapper filled.
            if _continues(last, ln, width):
                cur = _join(cur, ln)
            else:
                out.append(cur)
                cur = ln
            last = ln
        out.append(cur)
    return [p.strip() for p in out if p.strip()]


# --- boilerplate ---------------------------------------------------------------------------

# Page furniture and calls to action that are boilerplate wherever they stand.
_LINE_BOILERPLATE = re.compile(
    r"""(?ix)^[\W_]*(?:
        advertisement(?:\s*[-–—:]\s*(?:scroll|continue)[\w\s]*)?
      | (?:story\s+)?continues?\s+(?:reading\s+)?below(?:\s+(?:this\s+)?advertisement)?
      | continue\s+reading
      | share\s+(?:this|the)\s+(?:article|story|post|page)(?:\s+(?:on|via)\b.*)?
      | share\s+(?:on|via)\s+(?:facebook|twitter|x|whatsapp|linkedin|email)\b.*
      | click\s+here\b.{0,80}
      | (?:subscribe|sign\s+up)\s+(?:to|for)\s+(?:our|the)\s+\w*\s*newsletters?\b.{0,60}
      | follow\s+us\s+on\b.{0,80}
      | skip\s+to\s+(?:main\s+)?content
      | listen\s+to\s+this\s+article.{0,30}
      | (?:also\s+read|read\s+also|read\s+more|related|recommended(?:\s+stories)?)\s*:.{0,150}
    )[\W_]*$"""
)

_PROMO = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bdownload\s+(?:the|our)\b.{0,60}?\bapps?\b",
        r"\b(?:google\s+)?play\s+store\b|\bapp\s+store\b",
        r"\bsubscribe\s+(?:to|for|now|today|here)\b",
        r"\bfollow\s+us\b",
        r"\bnewsletters?\b",
        r"\bclick\s+here\b",
        r"\bsign\s+up\b",
        r"\bread\s+more\b",
        r"\bstay\s+(?:updated|tuned|informed|connected)\b",
        r"\bshare\s+this\b",
        r"\bcookies?\b",
        r"\b(?:whatsapp|telegram|youtube)\s+channel\b",
        r"\blatest\s+(?:news|updates|headlines)\b",
        r"\bbreaking\s+news\b",
        r"\bin-depth\s+coverage\b",
    )
)
_CALL_TO_ACTION = re.compile(
    r"^[\W_]*(?:download|subscribe|follow|sign\s+up|click|read\s+more|check\s+out|stay|get\s+the"
    r"|join|like\s+us|share|don'?t\s+miss|for\s+(?:the\s+)?latest)\b",
    re.IGNORECASE,
)
_DISCLAIMER = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bhas\s+not\s+been\s+edited\s+by\b",
        r"\b(?:published|auto-generated|generated|sourced|taken)\s+from\s+(?:a|an|the)\s+"
        r"(?:[\w-]+\s+){0,3}(?:feed|wire)\b",
        r"\bsyndicated\s+(?:feed|content)\b",
        r"^\W*disclaimer\b",
        r"\b(?:views|opinions)\s+(?:and\s+opinions\s+)?expressed\b",
        r"\b(?:headline|picture|image)s?\b.{0,80}\bmay\s+have\s+been\s+(?:reworked|edited)\b",
        r"\bthis\s+(?:article|story|content|report)\s+(?:was|is|has\s+been)\s+"
        r"(?:originally\s+)?(?:published|generated|auto-generated|produced|sourced)\b",
        r"\ball\s+rights\s+reserved\b",
        r"^\W*(?:©|copyright\b|\(c\)\s*\d{4})",
    )
)
# Lines that only credit (reporters, agencies): metadata, not facts.
_CREDIT_LINE = re.compile(
    r"""(?ix)^[\W_]*(?:
        (?:with\s+)?inputs?\s+from\s+[^.]{1,80}
      | (?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by\s+.{1,200}
      | source\s*:\s*.{1,60}
    )[\W_]*$"""
)
_SYNDICATED = re.compile(r"\bsyndicat|\bwire\s+(?:agency\s+)?feed\b", re.IGNORECASE)


def _boilerplate(par: str) -> tuple[str, str] | None:
    """(kind, reason) when a leading or trailing paragraph is boilerplate."""
    words = len(par.split())
    if _LINE_BOILERPLATE.match(par):
        return "promo", "page furniture or call to action"
    if words <= 60 and _CREDIT_LINE.match(par):
        return "credit", "credit line (metadata)"
    if words <= 80:
        for pat in _DISCLAIMER:
            if pat.search(par):
                if _SYNDICATED.search(par):
                    return "disclaimer", "publisher disclaimer: published from a syndicated feed"
                return "disclaimer", "publisher disclaimer or legal notice"
    hits = sum(1 for pat in _PROMO if pat.search(par))
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
        if _LINE_BOILERPLATE.match(p):
            head.append(Removal(kind="promo", text=p, reason="page furniture or call to action"))
        else:
            kept.append(p)
    removed.extend(head)
    removed.extend(reversed(tail))
    return kept


# --- filler and repeats --------------------------------------------------------------------

# Padding phrases that open a sentence and say nothing (documented in docs/ingest.md).
FILLERS: tuple[str, ...] = (
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
_FILLER = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"'”’)]\s))(?:"
    + "|".join(FILLERS).replace("'", "['’]")
    + r")[ \t]*",
    re.IGNORECASE,
)

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# A lone doubled lowercase word is a typo ("commander commander", "the the") except for
# these, which English doubles on purpose ("had had", "that that", "very very").
# Capitalised doubles are names ("Sirhan Sirhan", "Walla Walla") and are kept.
_DOUBLE_OK = frozenset(
    """had that is do bye no yes so very really ha far knock tut chop hush pooh boo there
    now well blah yada aye go ho tsk mahi""".split()
)
_MAX_REPEAT = 6


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
        # "The the" -> "The"; the repeat must be a lowercase word.
        return (
            a.lower() == b
            and b.isalpha()
            and b == b.lower()
            and b not in _DOUBLE_OK
        )
    return a == b and any(w.group().isalpha() for w in first)


def _drop_repeats(par: str, removed: list[Removal]) -> str:
    """Collapse doubled word sequences, longest first: "Prime Minister Prime Minister".

    One left-to-right pass per round, so a long text costs linear time per round; a run
    like "the the the the" halves each round.
    """
    while True:
        words = list(_WORD.finditer(par))
        cuts: list[tuple[int, int]] = []
        i = 0
        while i < len(words):
            k = next((k for k in range(_MAX_REPEAT, 0, -1) if _repeat_at(par, words, i, k)), 0)
            if not k:
                i += 1
                continue
            start, end = words[i + k - 1].end(), words[i + 2 * k - 1].end()
            dup = par[start:end].strip()
            removed.append(Removal(kind="repeat", text=dup, reason=f'doubled words "{dup}"'))
            cuts.append((start, end))
            i += 2 * k
        if not cuts:
            return par
        for start, end in reversed(cuts):
            par = par[:start] + par[end:]


def _drop_fillers(par: str, removed: list[Removal]) -> str:
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
        [out] + [r.text for r in removed if r.kind in ("disclaimer", "credit")]
    )
    return Cleaned(text=out, removed=tuple(removed), credits=tuple(find_credits(credit_text)))


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
