"""Tell the format of an input from its first bytes (and, only to break ties, its name).

    >>> sniff(b"\\x1f\\x8b\\x08\\x00", "a.txt")
    'gzip'
    >>> sniff(b"<!DOCTYPE html><html><body><p>Hi</p>", "page.txt")
    'html'
    >>> sniff(b'<?xml version="1.0"?><rss version="2.0"><channel>', "feed.xml")
    'feed'
    >>> sniff(b'{"text": "Two died.", "title": "Attack"}\\n{"text": "...', "x")
    'jsonl'
    >>> sniff(b"WARC/1.1\\r\\nWARC-Type: warcinfo\\r\\n", "crawl")
    'warc'
    >>> sniff(b"<script>alert(1)</script> Police said 4 died.", "evil.txt")
    'text'

Formats: ``gzip`` (decompress, then look again), ``warc``, ``feed`` (RSS/Atom/RDF),
``html``, ``xml`` (some other XML: refused), ``jsonl``, ``json``, and ``text`` (plain text
or Markdown, which :func:`~corroborate.ingest.document.parse_document` tells apart).
"""

from __future__ import annotations

import codecs
import json
import re
from pathlib import PurePath

__all__ = ["FORMATS", "HTML_SUFFIXES", "JSONL_SUFFIXES", "sniff"]

FORMATS = ("gzip", "warc", "feed", "html", "xml", "jsonl", "json", "text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
FEED_SUFFIXES = (".rss", ".atom")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Declarations, comments and doctypes that may come before the first element.
_PROLOGUE = re.compile(r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!(?!--)[^>]*>)*", re.DOTALL)
_ROOT = re.compile(r"<([a-zA-Z][\w:.-]*)")
_HTML_ROOTS = frozenset("html head body".split())
_FEED_ROOTS = frozenset("rss feed rdf:rdf rdf channel".split())
# Elements a bare HTML fragment starts with ("<p>...", "<div class=...>", "<meta ...>").
_HTML_START = frozenset(
    """p div article section main header nav span a b i em strong h1 h2 h3 h4 h5 h6 table
    ul ol li meta title link br img figure blockquote font center""".split()
)
_TAG = re.compile(r"</?(?:p|div|br|span|a|li|h[1-6]|table|tr|td|article|section|img|meta|"
                  r"link|title|b|i|em|strong|ul|ol|figure|blockquote)\b[^>]*>", re.IGNORECASE)


def _head_text(head: bytes) -> str:
    codec = next((c for bom, c in _BOMS if head.startswith(bom)), "utf-8")
    # The head may end inside a multi-byte character: replace, never fail.
    return head.decode(codec, errors="replace").lstrip("\ufeff")


def _suffixes(name: str) -> list[str]:
    return [s.lower() for s in PurePath(name).suffixes]


def sniff(head: bytes, name: str = "") -> str:
    """The format of an input whose first bytes are ``head`` (a few KiB is plenty).

    The content decides; ``name``'s extension only breaks ties (a ``.jsonl`` file whose
    first line is broken is still JSON lines, so the error names the line).
    """
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    suffixes = _suffixes(name)
    last = suffixes[-1] if suffixes else ""
    text = _head_text(head[:65536])
    stripped = text.lstrip()
    if stripped.startswith(("WARC/", "warc/")):
        return "warc"
    if last in JSONL_SUFFIXES:
        return "jsonl"
    if stripped.startswith("<"):
        return _markup(stripped, last)
    if stripped.startswith("{"):
        first = stripped.split("\n", 1)[0].strip()
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            pass
        return "json"
    if stripped.startswith("[") or last == ".json":
        return "json"
    if last == ".warc":
        return "warc"
    if last in HTML_SUFFIXES and re.search(r"<(?:html|body|head)\b", text, re.IGNORECASE):
        return "html"
    return "text"


def _markup(text: str, suffix: str) -> str:
    body = text[_PROLOGUE.match(text).end():]  # type: ignore[union-attr]
    lowered = text[:4096].lower()
    m = _ROOT.match(body)
    root = m.group(1).lower() if m else ""
    if root in _FEED_ROOTS:
        return "feed"
    if root in _HTML_ROOTS or "<!doctype html" in lowered:
        return "html"
    if text.startswith("<?xml"):
        # XHTML declares its namespace; anything else is some other XML.
        return "html" if "xhtml" in lowered or suffix in HTML_SUFFIXES else "xml"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    # A bare fragment: an HTML element first and a few more tags soon after. A text report
    # that merely starts with "<script>" or "<b>" stays text.
    if root in _HTML_START and len(_TAG.findall(text[:4096])) >= 3:
        return "html"
    return "text"
