"""RSS and Atom feeds (feedparser): every entry is an article.

    >>> feed = b'''<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>
    ... <language>en-us</language><item><title>Blast kills two</title>
    ... <link>https://example.com/2026/01/31/blast</link>
    ... <pubDate>Sat, 31 Jan 2026 08:30:00 +0500</pubDate>
    ... <description>&lt;p&gt;Two people were killed, police said.&lt;/p&gt;</description>
    ... </item></channel></rss>'''
    >>> [art] = list(iter_feed(feed, "news.rss"))
    >>> art.title, art.outlet, art.date, art.date_source, art.language
    ('Blast kills two', 'Example News', '2026-01-31T08:30:00+05:00', 'feed', 'en')
    >>> art.text
    'Two people were killed, police said.'

The entry's full content (``content:encoded``, Atom ``content``) is used when present,
else its summary/description; HTML in it is reduced to text. feedparser is given the bytes,
never a URL, so reading a feed never touches the network.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any

from corroborate.ingest.clean import clean
from corroborate.ingest.dates import FoundDate, date_from_url, parse_date
from corroborate.ingest.errors import IngestError
from corroborate.ingest.frontmatter import json_safe
from corroborate.ingest.urls import key_from_url
from corroborate.model import Article

__all__ = ["iter_feed"]

_LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{2,8})*$")


def _text(value: Any) -> str | None:
    s = " ".join(str(value or "").split())
    return s or None


def _content(entry: Any) -> str:
    """The fullest text the entry carries, reduced to plain paragraphs."""
    from corroborate.ingest.html import html_to_text

    candidates: list[tuple[str, str]] = []
    for part in entry.get("content") or []:
        candidates.append((str(part.get("value") or ""), str(part.get("type") or "")))
    detail = entry.get("summary_detail") or {}
    if entry.get("summary"):
        candidates.append((str(entry.get("summary")), str(detail.get("type") or "text/html")))
    best = ""
    for value, kind in candidates:
        text = html_to_text(value) if "html" in kind or "<" in value else value.strip()
        if len(text) > len(best):
            best = text
    return best


def _entry_date(entry: Any) -> FoundDate | None:
    for name in ("published", "updated", "created", "dc_date"):
        raw = dict.get(entry, name)  # not entry.get: feedparser maps "updated" with a warning
        found = parse_date(raw) if raw else None
        if found:
            return FoundDate(found[0], found[1], "feed")
    for name in ("published_parsed", "updated_parsed"):
        parsed = dict.get(entry, name)
        if parsed:
            try:
                stamp = dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC)
            except (OverflowError, ValueError, OSError):
                continue
            return FoundDate(stamp.isoformat(), "second", "feed")
    return None


def _language(*values: Any) -> str | None:
    for value in values:
        m = _LANG.match(str(value or "").strip())
        if m:
            return m.group(1).lower()
    return None


def iter_feed(data: bytes, source: str) -> Iterator[Article | IngestError]:
    """Articles from an RSS/Atom document, one per entry, in feed order.

    An entry without text is yielded as an :class:`IngestError` naming it; a document that
    is not a feed at all raises :class:`IngestError`.
    """
    import feedparser

    try:
        parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    except Exception as exc:  # third-party parser on untrusted input
        raise IngestError(source, f"malformed feed ({type(exc).__name__})") from None
    entries = list(parsed.get("entries") or [])
    if not entries:
        if parsed.get("bozo"):
            reason = " ".join(str(parsed.get("bozo_exception") or "not XML").split())[:160]
            raise IngestError(source, f"malformed feed ({reason})")
        raise IngestError(source, "feed has no entries")
    channel = parsed.get("feed") or {}
    outlet = _text(channel.get("title"))
    feed_lang = channel.get("language")
    stem = PurePath(source).stem or "entry"
    for i, entry in enumerate(entries, 1):
        title = _text(entry.get("title"))
        where = f"entry {i}" + (f" ({title[:60]})" if title else "")
        text = _content(entry)
        cleaned = clean(text)
        if not cleaned.text:
            yield IngestError(source, f"{where}: no text")
            continue
        link = _text(entry.get("link"))
        date = _entry_date(entry)
        if date is None:
            found = date_from_url(link)
            date = FoundDate(found[0], found[1], "url") if found else None
        meta: dict[str, Any] = {}
        if entry.get("id") and entry.get("id") != link:
            meta["guid"] = str(entry.get("id"))
        tags = [str(t.get("term")) for t in entry.get("tags") or [] if t.get("term")]
        if tags:
            meta["tags"] = tags
        modified = dict.get(entry, "updated")
        if modified and dict.get(entry, "published") not in (None, modified):
            updated = parse_date(modified)
            meta["modified"] = json_safe(updated[0] if updated else modified)
        if any(r.kind == "disclaimer" and "syndicated" in r.reason for r in cleaned.removed):
            meta["syndicated"] = True
        yield Article.create(
            text=cleaned.text,
            source=f"{source}#{i}",
            key=key_from_url(link) or f"{stem}-{i}",
            format="feed",
            title=title,
            outlet=outlet or cleaned.outlet,
            author=_text(entry.get("author")) or cleaned.byline,
            date=date.value if date else None,
            date_source=date.source if date else None,
            date_precision=date.precision if date else None,
            url=link,
            language=_language(entry.get("language"), feed_lang),
            removed=cleaned.removed,
            credits=cleaned.credits,
            meta=meta,
        )
