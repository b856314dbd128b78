"""WARC crawl files (warcio): every HTML response is a web page to read.

Only ``response`` records (and ``resource`` records) whose payload is HTML are read:
requests, metadata, redirects, errors, images and scripts are skipped and counted in one
warning. The page's URL defaults to the record's ``WARC-Target-URI``; the crawl time is
kept in ``Article.meta["crawled"]`` (it is not the publication date). The file is
streamed record by record, so its size is not limited, only each page's (``max_bytes``).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from typing import IO, Any

from corroborate.ingest.dates import parse_date
from corroborate.ingest.errors import IngestError
from corroborate.ingest.html import parse_html
from corroborate.ingest.urls import key_from_url
from corroborate.model import Article

__all__ = ["iter_warc"]


class _Checked:
    """The raw WARC stream, checked on the way through: every gzip member complete (a
    ``.warc.gz`` is one member per record), or for plain WARC, the file ending with the
    blank line that ends a record. warcio itself stops quietly at a cut."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._gzip: bool | None = None
        self._inflate: Any = None
        self._tail = b""
        self.complete = True

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        if data:
            self._feed(data)
        else:
            self._finish()
        return data

    def _feed(self, data: bytes) -> None:
        if self._gzip is None:
            self._gzip = data[:2] == b"\x1f\x8b"
        self._tail = (self._tail + data)[-4:]
        if not self._gzip:
            return
        while data:
            if self._inflate is None:
                self._inflate = zlib.decompressobj(wbits=31)
            try:
                self._inflate.decompress(data, 1 << 16)
                # Only the member's end matters: skip through the rest of this chunk.
                while self._inflate.unconsumed_tail and not self._inflate.eof:
                    self._inflate.decompress(self._inflate.unconsumed_tail, 1 << 16)
            except zlib.error:
                self.complete = False
                self._gzip = False
                return
            if self._inflate.eof:
                data = self._inflate.unused_data
                self._inflate = None
            else:
                data = b""

    def _finish(self) -> None:
        if self._gzip:
            if self._inflate is not None:
                self.complete = False  # the last member never ended
        elif self._gzip is False and not self._tail.endswith((b"\r\n\r\n", b"\n\n")):
            self.complete = False


def _cut_short(record: Any) -> bool:
    """Whether the file ended before the record's declared length (a truncated crawl)."""
    raw = getattr(record, "raw_stream", None)
    if raw is None:
        return False
    try:
        raw.read(1 << 20)  # what is left of the record (nothing, when it was read whole)
    except (EOFError, OSError, ValueError, zlib.error):
        return True
    return bool(getattr(raw, "limit", 0) > 0)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(
    stream: IO[bytes],
    source: str,
    *,
    max_bytes: int | None = None,
    warn: Callable[[str], None] | None = None,
) -> Iterator[Article | IngestError]:
    """Articles from the HTML responses of a WARC (or gzipped WARC) stream, in order.

    A page that cannot be read is yielded as an :class:`IngestError` naming its record; a
    broken or truncated file ends the iteration with one error after the pages before it.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    skipped = 0
    n = 0
    last = None
    checked = _Checked(stream)
    try:
        for record in ArchiveIterator(checked):
            n += 1
            last = record
            if record.rec_type not in ("response", "resource"):
                skipped += 1
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or None
            where = f"record {n}" + (f" ({uri})" if uri else "")
            if record.rec_type == "response":
                http = record.http_headers
                status = http.get_statuscode() if http is not None else None
                ctype = (http.get_header("Content-Type") or "") if http is not None else ""
                if status is not None and status != "200":
                    skipped += 1
                    continue
            else:
                ctype = record.rec_headers.get_header("Content-Type") or ""
            if not any(t in ctype.lower() for t in _HTML_TYPES):
                skipped += 1
                continue
            limit = max_bytes if max_bytes is not None else 1 << 62
            payload = record.content_stream().read(limit + 1)
            if len(payload) > limit:
                yield IngestError(source, f"{where}: page too large (more than {limit:,} "
                                          f"bytes; the limit is {limit:,})")
                continue
            if _cut_short(record):
                break  # reported below
            crawled = parse_date(record.rec_headers.get_header("WARC-Date") or "")
            meta = {"crawled": crawled[0]} if crawled else {}
            record_id = record.rec_headers.get_header("WARC-Record-ID")
            if record_id:
                meta["warc_record_id"] = record_id.strip("<>")
            try:
                art = parse_html(payload, f"{source}#{n}", url=uri, max_bytes=max_bytes,
                                 key=key_from_url(uri) or f"record-{n}", extra_meta=meta)
            except IngestError as exc:
                yield IngestError(source, f"{where}: {exc.message}")
                continue
            yield art.model_copy(update={"format": "warc"})
    except ArchiveLoadFailed as exc:
        msg = " ".join(str(exc).split())[:160]
        yield IngestError(source, f"not a readable WARC file after record {n} ({msg})")
        last = None
    except (EOFError, OSError, ValueError, AttributeError, zlib.error):
        # warcio on a file cut inside a record's headers, or on a broken gzip member
        yield IngestError(source, f"truncated or corrupt WARC file in record {n}")
        last = None
    if last is not None and (_cut_short(last) or not checked.complete):
        yield IngestError(source, f"truncated WARC file: it ends inside or after record {n} "
                                  "(the pages before the cut were read)")
    if skipped and warn is not None:
        warn(f"{source}: skipped {skipped} WARC record(s) that are not HTML pages "
             "(requests, metadata, redirects, other content types)")
