"""Syndication credits: which outlet a report says its story comes from, and the line saying so.

Ingest fills :attr:`Article.credits` with every outlet a report names as a source. Not all of
them mean the story was taken from that outlet:

* **story credits** — a dateline ``QUETTA (Reuters) -``, ``..., The Express Tribune
  reported``, ``According to AFP``, ``(With inputs from PTI)``, ``originally published on``,
  ``published from a syndicated feed``, ``© AP``, ``... contributed to this report``:
  the report relays that outlet's story. These make a ``syndicated`` relation.
* **attributions** — ``officials, speaking to Reuters, said`` or ``told the BBC``: one
  statement first reported elsewhere, inside a story of the report's own. These do not.

A credit line is looked up in the body's sentences and in the lines cleaning removed
(credit lines and disclaimers); a credit that cannot be located is taken at ingest's word.

    >>> from corroborate.model import Article
    >>> art = Article.create("QUETTA (Reuters) - Five people died, officials said.", "a.txt",
    ...                      credits=("Reuters",))
    >>> [(c.outlet, c.story, c.text) for c in credit_lines(art)]
    [('Reuters', True, 'QUETTA (Reuters) - Five people died, officials said.')]
    >>> art = Article.create("Officials, speaking to Reuters, said five people died.", "b.txt",
    ...                      credits=("Reuters",))
    >>> [(c.outlet, c.story) for c in credit_lines(art)]
    [('Reuters', False)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corroborate.ingest.credits import find_credits
from corroborate.model import Article, Span
from corroborate.text import Piece, sentence_list

#: Removal kinds whose text may hold a credit line (see docs/ingest.md).
CREDIT_REMOVALS = frozenset({"credit", "disclaimer", "promo"})

# Constructions that relay a whole story. Checked around the outlet's mention when it can be
# found in the line, else anywhere in the line.
_BEFORE_STORY = re.compile(
    r"(?:according\s+to|originally\s+(?:published|appeared)\s+(?:on|in|by)|published\s+(?:by|"
    r"on|in)|courtesy\s+(?:of)?|via|inputs?\s+from[^()\n]*|from\s+(?:a|an|the)|©|copyright"
    r"(?:\s+\d{4})?|source\s*:|credit\s*:|\()\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_AFTER_STORY = re.compile(
    r"^\s*(?:\)\s*[-–—:]|(?:news\s+agency|newspaper|agency|daily|website|broadcaster)?,?\s*"
    r"(?:reported|reports|said\s+in\s+a\s+report|contributed|wrote)\b|\s*(?:feed|wire)\b)",
    re.IGNORECASE,
)
_ANYWHERE_STORY = re.compile(
    r"\bsyndicated\b|\bwire\s+(?:service|report|story)|\bcontributed\s+to\s+this\s+report\b",
    re.IGNORECASE,
)
_INTERVIEW = re.compile(
    r"(?:told|speaking\s+to|spoke\s+to|talking\s+to|talked\s+to|interview\s+with|said\s+to)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class CreditLine:
    """One outlet a report credits, and how."""

    outlet: str
    story: bool  # True: the report relays the outlet's story; False: one attribution
    text: str | None  # the sentence or removed line that credits it (None: not located)
    span: Span | None  # where ``text`` is in the article's body (None: removed or unlocated)


def credit_lines(article: Article) -> list[CreditLine]:
    """The outlets ``article`` credits (not counting its own outlet), strongest line each."""
    own = (article.outlet or "").casefold()
    wanted = [c for c in dict.fromkeys(article.credits) if c.casefold() != own]
    if not wanted:
        return []
    # (A line's span is made only for the lines that name an outlet.)
    lines: list[tuple[str, Piece | None]] = [(p.text, p) for p in sentence_list(article.text)]
    lines += [(r.text, None) for r in article.removed if r.kind in CREDIT_REMOVALS]
    out: list[CreditLine] = []
    for outlet in wanted:
        best: CreditLine | None = None
        for text, piece in lines:
            if not _mentions(text, outlet):
                continue
            story = is_story_credit(text, outlet)
            if best is None or (story and not best.story):
                span = None if piece is None else Span(start=piece.start, end=piece.end)
                best = CreditLine(outlet, story, text, span)
            if story:
                break
        out.append(best or CreditLine(outlet, True, None, None))
    return out


def story_credits(article: Article) -> list[CreditLine]:
    """Only the story credits of :func:`credit_lines` (what makes a report syndicated)."""
    return [c for c in credit_lines(article) if c.story]


def _mentions(line: str, outlet: str) -> bool:
    if outlet.casefold() in line.casefold():
        return True
    # Aliases ("AP" for "Associated Press"): let ingest's recogniser canonicalise.
    return any(name == outlet for name in find_credits(line))


def is_story_credit(line: str, outlet: str) -> bool:
    """Whether ``line`` relays ``outlet``'s story rather than quoting it once.

        >>> is_story_credit("Five died, The Express Tribune reported.", "The Express Tribune")
        True
        >>> is_story_credit("An official told Reuters five died.", "Reuters")
        False
    """
    if _ANYWHERE_STORY.search(line):
        return True
    at = [m.start() for m in re.finditer(re.escape(outlet), line, re.IGNORECASE)]
    if not at:  # known under an alias: judge the line as a whole
        if _INTERVIEW.search(line.split(",")[0]) and not _BEFORE_STORY.search(line):
            return False
        return bool(
            re.search(r"\breport(?:ed|s)\b|according\s+to|\(\w+\)\s*[-–—]|inputs?\s+from", line,
                      re.IGNORECASE)
        )  # fmt: skip
    for start in at:
        before, after = line[:start], line[start + len(outlet) :]
        if _INTERVIEW.search(before):
            continue
        if _BEFORE_STORY.search(before) or _AFTER_STORY.search(after):
            return True
    return False
