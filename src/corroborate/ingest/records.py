"""JSON lines (one article per line) and JSON files (an article or a list of them).

    >>> import io
    >>> lines = io.BytesIO(b'{"id": "a1", "title": "Fire", "text": "Two died.", "lang": "en", '
    ...                    b'"topic": "fire"}\\n\\nnot json\\n')
    >>> items = list(iter_jsonl(lines, "feed.jsonl"))
    >>> art, err = items
    >>> art.key, art.title, art.text, art.language, art.meta, art.source
    ('a1', 'Fire', 'Two died.', 'en', {'topic': 'fire'}, 'feed.jsonl:1')
    >>> str(err)
    'feed.jsonl:3: malformed JSON (Expecting value, column 1)'

Field names: the text is ``text``, ``content``, ``body``, ``articleBody``, ``maintext``,
``article`` or ``full_text`` (HTML in it is reduced to text; a record with only ``html``
is read as a web page); ``title``/``headline``; ``date``/``published``/...; ``url``/
``link``; ``id`` becomes the article's key; ``author``, ``outlet``/``source``/``site_name``,
``language``/``lang``. Every other field is kept in ``Article.meta``. The file is streamed
line by line, so its size is not limited, only each line's (``max_bytes``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import PurePath
from typing import IO, Any

from corroborate.ingest.clean import clean
from corroborate.ingest.dates import FoundDate, date_from_text, date_from_url, parse_date
from corroborate.ingest.errors import IngestError
from corroborate.ingest.frontmatter import json_safe
from corroborate.model import Article

__all__ = ["article_from_record", "iter_json", "iter_jsonl"]

TEXT_FIELDS = ("text", "content", "body", "articlebody", "article_body", "maintext",
               "main_text", "article", "full_text", "fulltext", "story")
SUMMARY_FIELDS = ("summary", "description", "abstract")
FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "date": ("date", "published", "pubdate", "published_at", "publish_date", "date_publish",
             "datepublished", "datetime", "pub_date", "timestamp"),
    "author": ("author", "authors", "byline", "creator"),
    "outlet": ("outlet", "source", "publisher", "site", "site_name", "sitename", "source_name",
               "domain"),
    "url": ("url", "link", "canonical", "canonical_url", "permalink", "uri"),
    "language": ("language", "lang", "locale"),
    "key": ("id", "_id", "doc_id", "article_id", "uuid", "guid", "key"),
}
_HTML_HINT = re.compile(r"<(?:p|br|div|span|a|b|i|em|strong|li|h[1-6])\b[^>]*>", re.IGNORECASE)


def _pick(record: dict[str, Any], names: tuple[str, ...]) -> tuple[str | None, Any]:
    lowered = {k.lower(): k for k in record}
    for name in names:
        key = lowered.get(name)
        if key is not None and record[key] not in (None, "", [], {}):
            return key, record[key]
    return None, None


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        parts = [_as_text(v) for v in value[:20]]
        return ", ".join(p for p in parts if p) or None
    if isinstance(value, dict):
        return _as_text(value.get("name") or value.get("title") or value.get("value"))
    s = " ".join(str(value).split())
    return s or None


def _body(value: Any) -> str:
    if isinstance(value, list):
        return "\n\n".join(str(v) for v in value if isinstance(v, str | int | float))
    if isinstance(value, dict):
        return _body(value.get("text") or value.get("value") or "")
    return str(value)


def article_from_record(
    record: dict[str, Any], source: str, *, key: str | None = None,
    max_bytes: int | None = None, fmt: str = "jsonl",
) -> Article:
    """One JSON object to an Article (see the module docstring for the field names)."""
    if not isinstance(record, dict):
        raise IngestError(source, f"expected a JSON object, got {type(record).__name__}")
    used: set[str] = set()
    fields: dict[str, Any] = {}
    for name, aliases in FIELDS.items():
        k, v = _pick(record, aliases)
        if k is not None:
            used.add(k)
            fields[name] = v
    text_key, raw = _pick(record, TEXT_FIELDS)
    html_key, html = _pick(record, ("html", "raw_html", "page"))
    url = _as_text(fields.get("url"))
    record_key = _as_text(fields.get("key"))
    meta = {k: json_safe(v) for k, v in record.items()
            if k not in used and k not in (text_key, html_key)}
    if raw is None and isinstance(html, str):
        from corroborate.ingest.html import parse_html

        art = parse_html(html, source, url=url, key=record_key or key, max_bytes=max_bytes,
                         extra_meta=meta)
        updates: dict[str, Any] = {"format": fmt}
        for name in ("title", "author", "outlet", "language"):
            value = _as_text(fields.get(name))
            if value:
                updates[name] = value
        return art.model_copy(update=updates)
    if raw is None:
        text_key, raw = _pick(record, SUMMARY_FIELDS)
        meta.pop(text_key or "", None)
    if raw is None:
        if any(k.lower() in TEXT_FIELDS for k in record):
            raise IngestError(source, "empty text")
        raise IngestError(source, "no text field (looked for " + ", ".join(TEXT_FIELDS[:6])
                          + ", ...)")
    text = _body(raw)
    if not text.strip():
        raise IngestError(source, "empty text")
    if _HTML_HINT.search(text[:2000]):
        from corroborate.ingest.html import html_to_text

        text = html_to_text(text)
    cleaned = clean(text)
    if not cleaned.text:
        raise IngestError(source, "no report text left after cleaning "
                                  f"({len(cleaned.removed)} part(s) removed as boilerplate)")

    date: FoundDate | None = None
    raw_date = fields.get("date")
    if raw_date is not None:
        parsed = parse_date(raw_date)
        if parsed:
            date = FoundDate(parsed[0], parsed[1], "record")
        else:
            meta["date_text"] = _as_text(raw_date)
    if date is None:
        found = date_from_url(url)
        if found:
            date = FoundDate(found[0], found[1], "url")
    if date is None:
        date = cleaned.date  # a metadata line's ("Dnipro Daily | 19 November 2026")
    if date is None:
        found = date_from_text(text)
        if found:
            date = FoundDate(found[0], found[1], "text")
    if any(r.kind == "disclaimer" and "syndicated" in r.reason for r in cleaned.removed):
        meta["syndicated"] = True
    return Article.create(
        text=cleaned.text,
        source=source,
        key=record_key or key or PurePath(source).stem or "record",
        format=fmt,
        title=_as_text(fields.get("title")),
        outlet=_as_text(fields.get("outlet")) or cleaned.outlet,
        author=_as_text(fields.get("author")) or cleaned.byline,
        date=date.value if date else None,
        date_source=date.source if date else None,
        date_precision=date.precision if date else None,
        url=url,
        language=_as_text(fields.get("language")),
        removed=cleaned.removed,
        credits=cleaned.credits,
        meta=meta,
    )


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"malformed JSON ({exc.msg}, column {exc.colno})"


def _skip_rest_of_line(stream: IO[bytes]) -> None:
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def iter_jsonl(
    stream: IO[bytes], source: str, *, encoding: str | None = None,
    max_bytes: int | None = None, stem: str | None = None,
) -> Iterator[Article | IngestError]:
    """Articles from a JSON-lines stream, one per non-blank line, in order.

    A bad line (malformed JSON, not an object, no text, too long, undecodable) is yielded
    as an :class:`IngestError` with its line number; the lines after it are still read.
    """
    stem = stem or PurePath(source).stem or "line"
    limit = max_bytes if max_bytes is not None else 1 << 62
    codec = encoding or "utf-8"
    lineno = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield IngestError(source, f"line too long (more than {limit:,} bytes; the limit "
                                      f"is {limit:,})", line=lineno)
            continue
        if not line.strip():
            continue
        try:
            text = line.decode(codec)
        except UnicodeDecodeError as exc:
            yield IngestError(source, f"not {'UTF-8' if codec == 'utf-8' else codec} text "
                                      f"(invalid byte 0x{line[exc.start:exc.start + 1].hex()} "
                                      f"at column {exc.start + 1})", line=lineno)
            continue
        except LookupError:
            yield IngestError(source, f"unknown encoding {codec!r}")
            return
        if lineno == 1:
            text = text.lstrip("\ufeff")
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            yield IngestError(source, _json_error(exc), line=lineno)
            continue
        except RecursionError:
            yield IngestError(source, "malformed JSON (nested too deeply)", line=lineno)
            continue
        if not isinstance(record, dict):
            yield IngestError(source, f"expected a JSON object, got {type(record).__name__}",
                              line=lineno)
            continue
        try:
            yield article_from_record(record, f"{source}:{lineno}", key=f"{stem}-{lineno}",
                                      max_bytes=max_bytes)
        except IngestError as exc:
            yield IngestError(source, exc.message, line=lineno)


def iter_json(data: str, source: str, *, max_bytes: int | None = None
              ) -> Iterator[Article | IngestError]:
    """Articles from a JSON document: one object, a list of objects, or an object holding
    the list under ``articles``/``items``/``entries``/``data``/``results``/``documents``.

    Raises :class:`IngestError` when the document is not valid JSON.
    """
    try:
        doc = json.loads(data)
    except json.JSONDecodeError as exc:
        raise IngestError(source, f"malformed JSON ({exc.msg}, line {exc.lineno}, "
                                  f"column {exc.colno})") from None
    except RecursionError:
        raise IngestError(source, "malformed JSON (nested too deeply)") from None
    if isinstance(doc, dict):
        for name in ("articles", "items", "entries", "data", "results", "documents", "docs"):
            if isinstance(doc.get(name), list):
                doc = doc[name]
                break
    stem = PurePath(source).stem or "item"
    if isinstance(doc, dict):
        yield article_from_record(doc, source, key=stem, max_bytes=max_bytes, fmt="json")
        return
    if not isinstance(doc, list):
        raise IngestError(source, f"expected a JSON object or list, got {type(doc).__name__}")
    if not doc:
        raise IngestError(source, "empty JSON list")
    for i, item in enumerate(doc, 1):
        try:
            yield article_from_record(item, f"{source}#{i}", key=f"{stem}-{i}",
                                      max_bytes=max_bytes, fmt="json")
        except IngestError as exc:
            yield IngestError(source, f"item {i}: {exc.message}")
