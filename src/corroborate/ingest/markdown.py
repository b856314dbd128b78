"""Reduce Markdown to plain paragraphs before cleaning, recording the markup removed.

Links keep their text, images, comments, rules and template tags go, headings and list
items become paragraphs of their own. Line breaks inside a block are kept for
:func:`~corroborate.ingest.clean.clean` to judge.

    >>> text, removed, title = strip_markdown("# Attack\\n\\nSee [the report](http://x.y) now.")
    >>> text, title, [r.kind for r in removed]
    ('See the report now.', 'Attack', ['markup', 'title'])
"""

from __future__ import annotations

import re

from corroborate.model import Removal

# Every pattern here stops at the next opening mark, or has a closing mark that
# ``_sub_recorded`` checks for first: a pattern that scans to the end of the text from every
# opening mark ("[[[[...", "<!--<!--...") costs the square of the text's length.
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TEMPLATE_STATEMENT = re.compile(r"\{%.*?%\}", re.DOTALL)
_TEMPLATE_VALUE = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
# Link text may wrap onto the next line, but not across a blank line; a target may hold one
# pair of brackets ("/wiki/Kano_(city)").
_LINK = re.compile(
    r"\[((?:[^\[\]\n]|\n(?![ \t]*\n))+)\]"
    r"\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)?)(?:\s+\"[^\"\n]*\")?\)"
)
#: The closing mark of the patterns that would otherwise scan to the end of the text.
_CLOSERS = {_COMMENT: "-->", _TEMPLATE_STATEMENT: "%}", _TEMPLATE_VALUE: "}}"}
_REF_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*\S+.*$", re.MULTILINE)
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s*>\s?")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1")  # bold: a few words


def _sub_recorded(
    pattern: re.Pattern[str], repl: str, text: str, removed: list[Removal], reason: str
) -> str:
    """``pattern.sub`` that records each removed match (its text minus what ``repl`` keeps)."""

    def one(m: re.Match[str]) -> str:
        removed.append(Removal(kind="markup", text=m.group(), reason=reason))
        return m.expand(repl)

    closer = _CLOSERS.get(pattern)
    if closer is None:
        return pattern.sub(one, text)
    # Nothing after the last closing mark can match: only the text up to it is searched.
    end = text.rfind(closer)
    if end < 0:
        return text
    end += len(closer)
    return pattern.sub(one, text[:end]) + text[end:]


def strip_markdown(text: str) -> tuple[str, list[Removal], str | None]:
    """Plain text (blank line between paragraphs), the markup removed, and an H1 title."""
    removed: list[Removal] = []
    text = _sub_recorded(_COMMENT, "", text, removed, "HTML comment")
    text = _sub_recorded(_TEMPLATE_STATEMENT, "", text, removed, "template tag")
    text = _sub_recorded(_TEMPLATE_VALUE, "", text, removed, "template tag")
    text = _sub_recorded(_IMAGE, "", text, removed, "image")
    text = _sub_recorded(_LINK, r"\1", text, removed, "link target (the link text is kept)")
    text = _sub_recorded(_REF_DEF, "", text, removed, "link reference definition")
    text = _EMPHASIS.sub(r"\2", text)  # bold markers: formatting, not content

    title: str | None = None
    paras: list[str] = []
    cur: list[str] = []

    def flush() -> None:
        if cur:
            # Keep the line breaks: clean() decides which are soft wraps, so an unmarked
            # heading or a one-paragraph-per-line file is not glued into one paragraph.
            paras.append("\n".join(s.strip() for s in cur))
            cur.clear()

    for line in text.splitlines():
        if not line.strip():
            flush()
            continue
        if _RULE.match(line) and not cur:
            removed.append(Removal(kind="markup", text=line.strip(), reason="horizontal rule"))
            continue
        if _SETEXT.match(line) and cur:
            # "Title\n=====": the line(s) above are a heading.
            removed.append(Removal(kind="markup", text=line.strip(), reason="heading underline"))
            flush()
            continue
        h = _HEADING.match(line)
        if h:
            flush()
            if title is None and not paras and len(h.group(1)) == 1 and h.group(2):
                title = h.group(2)
                removed.append(
                    Removal(kind="title", text=line.strip(), reason="first heading used as title")
                )
            elif h.group(2):
                paras.append(h.group(2))
            continue
        if _BULLET.match(line) or _QUOTE.match(line):
            flush()
            line = _QUOTE.sub("", _BULLET.sub("", line, count=1), count=1)
        cur.append(line)
    flush()
    return "\n\n".join(paras), removed, title
