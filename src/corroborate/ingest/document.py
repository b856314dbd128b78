"""Turn the bytes of one report file into an :class:`~corroborate.model.Article`.

    >>> art = parse_document(b"Police said two people were killed.\\n", "news/a.txt")
    >>> art.key, art.format, art.text
    ('a', 'text', 'Police said two people were killed.')
"""

from __future__ import annotations

import codecs
import re
from pathlib import PurePath
from typing import Any

from corroborate.ingest.clean import (
    byline_author,
    clean,
    is_boilerplate,
    meta_line,
    outlet_name,
)
from corroborate.ingest.dates import FoundDate, date_from_text, date_from_url, parse_date
from corroborate.ingest.errors import IngestError
from corroborate.ingest.frontmatter import json_safe, split_front_matter
from corroborate.ingest.markdown import strip_markdown
from corroborate.model import Article, Removal

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
"""Largest report read (5 MiB): a news report is a few kilobytes, so more is a mistake."""

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

# BOMs, longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b",
                 b"\x7fELF", b"SQLite format 3")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "date": ("date", "published", "pubdate", "published_at", "datetime"),
    "author": ("author", "authors", "byline", "by"),
    "outlet": ("outlet", "source", "publisher", "site", "site_name"),
    "url": ("url", "link", "canonical", "canonical_url", "permalink"),
    "language": ("language", "lang", "locale"),
}
_TITLE_MAX = 150


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """The text of ``data``: by BOM, else ``encoding``, else strict UTF-8.

    Raises :class:`IngestError` for binary content and undecodable bytes.
    """
    bom_codec = next((codec for bom, codec in _BOMS if data.startswith(bom)), None)
    # Without a BOM, NUL bytes mean binary (UTF-16 text always starts with a BOM here).
    if bom_codec is None and (data.startswith(_BINARY_MAGIC) or b"\x00" in data[:65536]):
        raise IngestError(source, "binary file, not a text report")
    codec = bom_codec or encoding or "utf-8"
    try:
        text = data.decode(codec)
    except LookupError:
        raise IngestError(source, f"unknown encoding {codec!r}") from None
    except UnicodeDecodeError as exc:
        bad = exc.object[exc.start : exc.start + 1].hex()
        if encoding is None and bom_codec is None:
            raise IngestError(
                source,
                f"not UTF-8 text (invalid byte 0x{bad} at offset {exc.start}); "
                "pass --encoding to read it",
            ) from None
        raise IngestError(
            source, f"not {codec} text (invalid byte 0x{bad} at offset {exc.start})"
        ) from None
    text = text.lstrip("\ufeff")
    sample = text[:65536]
    # Stray control characters are a sign of a binary format read as text.
    if "\x00" in sample or len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise IngestError(source, "binary file, not a text report")
    return text


def _pick(fields: dict[str, Any], names: tuple[str, ...]) -> tuple[str | None, Any]:
    lowered = {k.lower(): k for k in fields}
    for name in names:
        if name in lowered:
            return lowered[name], fields[lowered[name]]
    return None, None


def _known_fields(raw: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """The metadata fields under any of their names (``headline`` is the title), and which
    of ``raw``'s keys gave them."""
    fields: dict[str, Any] = {}
    used: set[str] = set()
    for name, aliases in _FIELDS.items():
        k, v = _pick(raw, aliases)
        if k is not None:
            used.add(k)
            fields[name] = v
    return fields, used


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        parts = [_as_text(v) for v in value]
        return ", ".join(p for p in parts if p) or None
    if isinstance(value, dict):
        return _as_text(value.get("name") or value.get("title"))
    s = " ".join(str(value).split())
    return s or None


def _title_like(line: str) -> bool:
    """Whether a line could be a headline: short, unpunctuated, capitalised."""
    words = line.split()
    return not (
        not line
        or len(line) > _TITLE_MAX
        or not 2 <= len(words) <= 20
        or line[-1] in ".,;:!?\"'”’)"
        or not (line[0].isupper() or line[0].isdecimal())
        or (line.isupper() and len(words) <= 2)  # "UPDATE", "LONDON": a label, not a title
        or is_boilerplate(line)  # "Share this article"
    )


def _plain_title(text: str) -> tuple[str | None, str]:
    """A first line that is clearly a title (short, unpunctuated, then a blank line)."""
    lines = text.lstrip("\r\n").splitlines()
    if len(lines) < 3 or lines[1].strip() or not "".join(lines[2:]).strip():
        return None, text
    first = lines[0].strip()
    if not _title_like(first):
        return None, text
    return first, "\n".join(lines[2:])


#: Most lines in an unlabelled header block ("Outlet / Headline / By ... / date").
_HEADER_BLOCK_MAX = 5


def _plain_header(text: str) -> tuple[dict[str, Any], list[Removal], str]:
    """An unlabelled header block opening a plain-text report, one item per line: the
    outlet's name, the headline, a byline, a date, or a "date | byline | outlet" line.

    Every line of the block (up to the first blank line) must be one of these, one of them
    the headline and at least one something else; a hard-wrapped first paragraph has lines
    that are none of them. Returns (fields, removals, the text after the block).

        >>> f, _, rest = _plain_header("Lakeside Times\\nTwo hurt in fire\\nBy Ann Lee\\n\\nText.")
        >>> f, rest
        ({'outlet': 'Lakeside Times', 'title': 'Two hurt in fire', 'author': 'Ann Lee'}, 'Text.')
    """
    stripped = text.lstrip("\n")
    block, sep, rest = stripped.partition("\n\n")
    lines = [ln.strip() for ln in block.split("\n")]
    if not sep or not rest.strip() or not 2 <= len(lines) <= _HEADER_BLOCK_MAX:
        return {}, [], text
    fields: dict[str, Any] = {}
    removals: list[Removal] = []
    for line in lines:
        date = parse_date(line) if len(line.split()) <= 8 else None
        author = byline_author(line)
        meta = None if date or author else meta_line(line)
        if date and "date" not in fields:
            fields["date"] = date[0]
        elif author and "author" not in fields:
            fields["author"] = author
        elif meta:
            for key, value in zip(("date", "author", "outlet"), meta, strict=True):
                if value and key not in fields:
                    fields[key] = value[0] if key == "date" else value
        elif "outlet" not in fields and outlet_name(line):
            fields["outlet"] = line
        elif "title" not in fields and _title_like(line):
            fields["title"] = line
            removals.append(Removal(kind="title", text=line, reason="header line used as title"))
            continue
        else:
            return {}, [], text
        removals.append(Removal(kind="byline", text=line, reason="header line (kept as metadata)"))
    if "title" not in fields or len(fields) < 2:
        return {}, [], text
    return fields, removals, rest


_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z _-]{0,20}?)[ \t]*:[ \t]*(\S.*?)[ \t]*")
_HEADER_KEYS = frozenset(k for names in _FIELDS.values() for k in names)


def _header_lines(text: str) -> tuple[dict[str, str], str, str]:
    """``Title: ...`` / ``Date: ...`` lines opening a plain-text report, as an export or an
    e-mail writes them: (fields, the block as written, the text after it). Only known keys
    count, and a block is two or more of them (or one title or URL line), so a report that
    opens "Police: two dead" keeps its first line."""
    fields: dict[str, str] = {}
    end = pos = 0  # where the block ends; where the line read next starts
    for line in text.split("\n"):
        pos = min(pos + len(line) + 1, len(text))
        if not line.strip():
            end = pos if fields else end
            continue
        kv = _HEADER_LINE.fullmatch(line.strip())
        if kv is None:
            break
        key = kv.group(1).strip().lower().replace(" ", "_")
        if key not in _HEADER_KEYS or key in fields:
            break
        fields[key] = kv.group(2)
        end = pos
    if not (len(fields) >= 2 or fields.keys() & {"title", "headline", "url"}):
        return {}, "", text
    if not text[end:].strip():
        return {}, "", text  # nothing but headers: the lines are the report
    return fields, text[:end], text[end:]


def _is_markdown(text: str, source: str) -> bool:
    if PurePath(source).suffix.lower() in MARKDOWN_SUFFIXES:
        return True
    signals = len(_MARKDOWN_SIGNALS.findall(text))
    return signals >= 2


# A heading, a link target, two bullet lines. No part scans past the next "(" or line
# break, so a text of "[a](" or blank lines repeated costs time linear in its length.
_MARKDOWN_SIGNALS = re.compile(r"(?m)^#{1,6} \S|\]\([^()\s]+\)|^[ \t]*[-*] \S.*\n[ \t]*[-*] \S")


def parse_document(
    data: bytes,
    source: str,
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    key: str | None = None,
) -> Article:
    """Parse one report: decode, split off front matter, clean, and build the Article.

    The format is detected from the content and the extension: plain text, or Markdown
    (``.md``, or ``---`` YAML / ``+++`` TOML front matter). ``key`` defaults to the stem
    of ``source``.

        >>> doc = b"---\\ntitle: Attack\\ndate: 2026-01-31\\nauthor: A. Writer\\n---\\nTwo died."
        >>> art = parse_document(doc, "001.txt")
        >>> art.title, art.date, art.author, art.format, art.text
        ('Attack', '2026-01-31', 'A. Writer', 'markdown', 'Two died.')

    Raises :class:`IngestError` (``str()`` is one line, ``"SOURCE: message"``) for an empty,
    binary, undecodable, oversized or (after cleaning) textless document.
    """
    if len(data) > max_bytes:
        raise IngestError(source, f"file too large ({len(data):,} bytes; the limit is "
                                  f"{max_bytes:,})")
    if not data.strip():
        raise IngestError(source, "empty file")
    # Normalise line endings first: front matter and title detection work line by line.
    text = decode(data, source, encoding).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(source, "empty file")

    removed: list[Removal] = []
    fields: dict[str, Any] = {}
    meta: dict[str, Any] = {}
    fmt = "text"
    title: str | None = None
    fm = split_front_matter(text)
    if fm is not None:
        fmt = "markdown"
        removed.append(Removal(kind="front_matter", text=fm.raw.rstrip("\r\n"),
                               reason=f"{fm.syntax.upper()} front matter (kept as metadata)"))
        text = fm.body
        fields, used = _known_fields(fm.fields)
        meta = {k: json_safe(v) for k, v in fm.fields.items() if k not in used}
    else:
        header, raw, rest = _header_lines(text)
        if header:
            removed.append(Removal(kind="front_matter", text=raw.strip(),
                                   reason="header lines (kept as metadata)"))
            text = rest
            fields, _ = _known_fields(header)
    body_text = text  # after front matter, before markup and title are taken off
    if fmt == "markdown" or _is_markdown(text, source):
        fmt = "markdown"
        text, md_removed, title = strip_markdown(text)
        removed.extend(md_removed)
    else:
        title, text = _plain_title(text)
        if title is not None:
            removed.append(Removal(kind="title", text=title, reason="first line used as title"))
        elif not fields:
            fields, header_removed, text = _plain_header(text)
            removed.extend(header_removed)

    cleaned = clean(text)
    if not cleaned.text:
        raise IngestError(source, "no report text left after cleaning "
                                  f"({len(cleaned.removed)} part(s) removed as boilerplate)")
    removed.extend(cleaned.removed)

    raw_date = fields.get("date")
    url = _as_text(fields.get("url"))
    date: FoundDate | None = None
    if raw_date is not None:
        parsed = parse_date(raw_date)
        if parsed:
            date = FoundDate(parsed[0], parsed[1], "front_matter")
        else:
            meta["date_text"] = _as_text(raw_date)  # keep what we could not parse
    if date is None:
        found = date_from_url(url)
        date = FoundDate(found[0], found[1], "url") if found else None
    if date is None:
        date = cleaned.date  # a metadata line's ("Dnipro Daily | 19 November 2026")
    if date is None:
        found = date_from_text(body_text)
        date = FoundDate(found[0], found[1], "text") if found else None
    if any(r.kind == "disclaimer" and "syndicated" in r.reason for r in cleaned.removed):
        meta["syndicated"] = True
    return Article.create(
        text=cleaned.text,
        source=source,
        key=key or PurePath(source).stem or "article",
        format=fmt,
        title=_as_text(fields.get("title")) or title,
        outlet=_as_text(fields.get("outlet")) or cleaned.outlet,
        author=_as_text(fields.get("author")) or cleaned.byline,
        date=date.value if date else None,
        date_source=date.source if date else None,
        date_precision=date.precision if date else None,
        url=url,
        language=_as_text(fields.get("language")),
        removed=tuple(removed),
        credits=cleaned.credits,
        meta=meta,
    )
