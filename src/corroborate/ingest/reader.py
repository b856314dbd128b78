"""Read report files, folders, standard input and (when allowed) URLs into Articles.

Inputs are streamed: a JSON-lines file or a WARC crawl is read item by item, so
:func:`iter_articles` (and :func:`ingest` into a store) keeps memory flat however large
the input. One bad file, line or record becomes an :class:`IngestError` and the batch
goes on.

    >>> result = read_paths(["reports/"])        # doctest: +SKIP
    >>> [a.key for a in result.articles], [str(e) for e in result.errors]  # doctest: +SKIP
    (['000', '001'], ['reports/bad.txt: empty file'])
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import IO, TYPE_CHECKING, cast

from corroborate.ingest.detect import sniff
from corroborate.ingest.document import DEFAULT_MAX_BYTES, decode, parse_document
from corroborate.ingest.errors import IngestError
from corroborate.ingest.urls import is_url
from corroborate.model import Article

if TYPE_CHECKING:
    from corroborate.store import AddResult, Store

REPORT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".jsonl",
                   ".ndjson", ".rss", ".atom", ".xml", ".warc")
"""File extensions picked up when walking a folder, also with ``.gz`` after them (a file
named explicitly is always read, whatever its extension). ``.json`` is left out of folder
walks, since folders often hold unrelated JSON (manifests, settings); name such a file
explicitly."""

CONTAINER_FACTOR = 20
"""A feed or JSON file must be read whole, and holds many articles: it may be this many
times ``max_bytes``. JSON lines and WARC files are streamed and have no total limit."""

STDIN = "-"
_HEAD = 8192
_MAX_NESTING = 2

Item = Article | IngestError


@dataclass
class IngestResult:
    """What :func:`read_paths` produced: articles in input order, errors and warnings."""

    articles: list[Article] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class IngestSummary:
    """What :func:`ingest` did: what the store added, and the errors and warnings."""

    stored: AddResult
    errors: list[IngestError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --- streams ------------------------------------------------------------------------------


class _Replay(io.RawIOBase):
    """A stream that gives back the bytes already read from ``rest`` first."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head.nbytes:
            n = min(len(buffer), self._head.nbytes)
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        return n


def _read_head(stream: IO[bytes], n: int) -> bytes:
    parts: list[bytes] = []
    got = 0
    while got < n:
        chunk = stream.read(n - got)
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def _read_upto(stream: IO[bytes], n: int) -> bytes:
    return _read_head(stream, n)


def _gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of gzip data (empty when they cannot be had)."""
    try:
        return zlib.decompressobj(wbits=31).decompress(head, 64)
    except zlib.error:
        return b""


def _plain_name(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def _key(name: str) -> str:
    return PurePath(_plain_name(name)).stem or "article"


@dataclass
class _Options:
    encoding: str | None
    max_bytes: int
    warn: Callable[[str], None]


def _too_large(source: str, limit: int, size: int | None = None) -> IngestError:
    got = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
    return IngestError(source, f"file too large ({got}; the limit is {limit:,})")


def _read_stream(
    stream: IO[bytes], source: str, name: str, opts: _Options, *, url: str | None = None,
    size: int | None = None, depth: int = 0,
) -> Iterator[Item]:
    """Sniff the format of ``stream`` and read it (see :mod:`corroborate.ingest.detect`)."""
    head = _read_head(stream, _HEAD)
    fmt = sniff(head, name)
    if fmt == "gzip":
        if depth >= _MAX_NESTING:
            raise IngestError(source, "gzip inside gzip inside gzip: refused")
        if _gunzip_head(head).startswith(b"WARC/"):
            # warcio reads a .warc.gz record by record (one gzip member each), so a
            # truncated crawl still yields the pages before the cut.
            from corroborate.ingest.warc import iter_warc

            raw = io.BufferedReader(_Replay(head, stream), 1 << 16)
            yield from iter_warc(raw, source, max_bytes=opts.max_bytes, warn=opts.warn)
            return
        inner = cast(IO[bytes], gzip.GzipFile(fileobj=io.BufferedReader(_Replay(head, stream)),
                                              mode="rb"))
        yield from _read_stream(inner, source, _plain_name(name), opts, url=url,
                                depth=depth + 1)
        return
    full = io.BufferedReader(_Replay(head, stream), 1 << 16)
    if fmt == "jsonl":
        from corroborate.ingest.records import iter_jsonl

        yield from iter_jsonl(full, source, encoding=opts.encoding, max_bytes=opts.max_bytes,
                              stem=_key(name))
        return
    if fmt == "warc":
        from corroborate.ingest.warc import iter_warc

        yield from iter_warc(full, source, max_bytes=opts.max_bytes, warn=opts.warn)
        return
    limit = opts.max_bytes * (CONTAINER_FACTOR if fmt in ("feed", "json") else 1)
    if size is not None and depth == 0 and size > limit:
        raise _too_large(source, limit, size)  # refuse before reading it into memory
    data = _read_upto(full, limit + 1)
    if len(data) > limit:
        raise _too_large(source, limit)
    if fmt == "feed":
        from corroborate.ingest.feeds import iter_feed

        yield from iter_feed(data, source)
    elif fmt == "json":
        from corroborate.ingest.records import iter_json

        text = decode(data, source, opts.encoding)
        try:
            items = list(iter_json(text, source, max_bytes=opts.max_bytes))
        except IngestError:
            if PurePath(_plain_name(name)).suffix.lower() == ".json":
                raise
            # "[Updated] Police said ..." is a text report that starts like JSON.
            items = [parse_document(data, source, encoding=opts.encoding,
                                    max_bytes=opts.max_bytes, key=_key(name))]
        yield from items
    elif fmt == "xml":
        raise IngestError(source, "XML, but neither an RSS/Atom feed nor an HTML page")
    elif fmt == "html":
        from corroborate.ingest.html import parse_html

        yield parse_html(data, source, url=url, key=_key(name), encoding=opts.encoding,
                         max_bytes=opts.max_bytes)
    else:
        yield parse_document(data, source, encoding=opts.encoding, max_bytes=opts.max_bytes,
                             key=_key(name))


def _guarded(items: Iterator[Item], source: str) -> Iterator[Item]:
    """``items``, with any failure turned into one last IngestError: a truncated gzip, a
    read error, or a bug in a third-party parser never stops the batch."""
    n = 0
    try:
        for item in items:
            n += isinstance(item, Article)
            yield item
    except IngestError as exc:
        yield exc
    except EOFError:
        after = f" after {n} article(s)" if n else ""
        yield IngestError(source, f"truncated gzip file (the compressed data ends early){after}")
    except (gzip.BadGzipFile, zlib.error) as exc:
        yield IngestError(source, f"corrupt gzip data ({exc})")
    except OSError as exc:
        yield IngestError(source, f"cannot read ({exc.strerror or exc})")
    except RecursionError:
        yield IngestError(source, "cannot read (nested too deeply)")
    except Exception as exc:  # a parser bug on odd input: report it, keep going
        yield IngestError(source, f"cannot read ({type(exc).__name__}: {exc})")


def _read_file(path: Path, opts: _Options) -> Iterator[Item]:
    source = str(path)
    try:
        size = path.stat().st_size
        fh = path.open("rb")
    except OSError as exc:
        yield IngestError(source, f"cannot read ({exc.strerror or exc})")
        return
    with fh:
        if size == 0:
            yield IngestError(source, "empty file")
            return
        yield from _guarded(_read_stream(fh, source, path.name, opts, size=size), source)


def _read_stdin(stream: IO[bytes], opts: _Options) -> Iterator[Item]:
    yield from _guarded(_read_stream(stream, STDIN, "stdin", opts), STDIN)


def _read_url(url: str, opts: _Options, timeout: float) -> Iterator[Item]:
    from corroborate.ingest.fetch import fetch

    try:
        page = fetch(url, max_bytes=opts.max_bytes * CONTAINER_FACTOR, timeout=timeout)
    except IngestError as exc:
        yield exc
        return
    name = PurePath(page.url.split("?")[0].split("#")[0]).name or "page"
    if "html" in page.content_type and "." not in name:
        name += ".html"
    yield from _guarded(
        _read_stream(io.BytesIO(page.data), url, name, opts, url=page.url), url
    )


def _is_report_file(name: str) -> bool:
    return _plain_name(name.lower()).endswith(REPORT_SUFFIXES)


def _walk(folder: Path) -> Iterator[Path]:
    """Report files under ``folder``, recursively, in sorted order, skipping hidden ones."""
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise IngestError(str(folder), f"cannot list folder ({exc.strerror or exc})") from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():  # no symlink loops
            yield from _walk(entry)
        elif entry.is_file() and _is_report_file(entry.name):
            yield entry


def _looked_for() -> str:
    return " ".join(REPORT_SUFFIXES) + ", also .gz"


# --- the public readers -------------------------------------------------------------------


def iter_articles(
    paths: Iterable[str | Path],
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_fetch: bool = False,
    stdin: IO[bytes] | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
    timeout: float = 30.0,
) -> Iterator[Article]:
    """Articles from files, folders, ``-`` (standard input) and URLs, streamed in order.

    Errors and warnings go to the callbacks (by default they are dropped). Content seen
    twice is yielded once, with a warning. A URL is fetched only with ``allow_fetch``;
    otherwise it is an error that says so.
    """
    errors: Callable[[IngestError], None] = on_error or (lambda e: None)
    warn: Callable[[str], None] = on_warning or (lambda w: None)
    opts = _Options(encoding=encoding, max_bytes=max_bytes, warn=warn)
    seen_files: set[Path] = set()
    seen_ids: dict[str, str] = {}
    keys: dict[str, str] = {}

    def emit(items: Iterator[Item], single: bool) -> Iterator[Article]:
        for item in items:
            if isinstance(item, IngestError):
                errors(item)
                continue
            if item.id in seen_ids:
                warn(f"{item.source}: same content as {seen_ids[item.id]}; kept once")
                continue
            seen_ids[item.id] = item.source
            if single:  # keys inside one feed or crawl are the publisher's business
                if item.key in keys:
                    warn(f"{item.source}: same name {item.key!r} as {keys[item.key]}")
                keys.setdefault(item.key, item.source)
            yield item

    def file_items(path: Path) -> Iterator[Article]:
        real = path.resolve()
        if real in seen_files:
            return  # the same file reached twice (named and inside a named folder)
        seen_files.add(real)
        yield from emit(_read_file(path, opts), single=True)

    for raw in paths:
        text = str(raw)
        if text == STDIN:
            yield from emit(_read_stdin(stdin or sys.stdin.buffer, opts), single=True)
            continue
        if is_url(text):
            if not allow_fetch:
                errors(IngestError(text, "is a URL; fetching is off (pass --allow-fetch to "
                                         "download it)"))
                continue
            yield from emit(_read_url(text, opts, timeout), single=True)
            continue
        path = Path(raw)
        if path.is_dir():
            try:
                found = list(_walk(path))
            except IngestError as exc:
                errors(exc)
                continue
            if not found:
                errors(IngestError(text, f"no reports found (looked for {_looked_for()})"))
            for f in found:
                yield from file_items(f)
        elif path.exists():
            yield from file_items(path)
        elif os.path.lexists(path):
            errors(IngestError(text, "broken symbolic link"))
        else:
            errors(IngestError(text, "no such file or folder"))


def read_paths(
    paths: Iterable[str | Path],
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_fetch: bool = False,
    stdin: IO[bytes] | None = None,
) -> IngestResult:
    """Read report files and folders; one bad file never stops the batch.

    Folders are walked recursively in sorted order for the extensions in
    :data:`REPORT_SUFFIXES` (and ``.gz`` of them; hidden files and folders skipped); a
    file named explicitly is read whatever its extension; the format is told by content.
    ``-`` reads standard input (or ``stdin``). Content seen twice is kept once, with a
    warning. Everything is held in memory: for big inputs use :func:`iter_articles` or
    :func:`ingest`.

        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "a.txt").write_text("Two people died.")
        >>> r = read_paths([d, d / "missing.txt"])
        >>> [a.key for a in r.articles], [e.message for e in r.errors]
        (['a'], ['no such file or folder'])
    """
    result = IngestResult()
    result.articles.extend(
        iter_articles(paths, encoding=encoding, max_bytes=max_bytes, allow_fetch=allow_fetch,
                      stdin=stdin, on_error=result.errors.append,
                      on_warning=result.warnings.append)
    )
    return result


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_fetch: bool = False,
    stdin: IO[bytes] | None = None,
    commit_every: int | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Stream articles from ``paths`` into ``store``; memory stays flat as inputs grow.

    The same content again is a no-op; a changed page at a known URL becomes a new
    revision (see :meth:`corroborate.store.Store.add_articles`). By default the whole run
    is one transaction, so a crash or Ctrl-C leaves the store as it was; with
    ``commit_every=N`` every N articles are committed, and running the same command again
    after an interruption adds only what is missing.

        >>> import tempfile, pathlib
        >>> from corroborate.store import Store
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "a.txt").write_text("Two people died.")
        >>> with Store(":memory:") as store:
        ...     first, again = ingest([d], store), ingest([d], store)
        >>> len(first.stored.added), len(again.stored.added), len(again.stored.existing)
        (1, 0, 1)
    """
    errors: list[IngestError] = []
    warnings: list[str] = []

    def on_err(e: IngestError) -> None:
        errors.append(e)
        if on_error is not None:
            on_error(e)

    def on_warn(w: str) -> None:
        warnings.append(w)
        if on_warning is not None:
            on_warning(w)

    articles = iter_articles(paths, encoding=encoding, max_bytes=max_bytes,
                             allow_fetch=allow_fetch, stdin=stdin, on_error=on_err,
                             on_warning=on_warn)
    stored = store.add_articles(articles, commit_every=commit_every)
    return IngestSummary(stored=stored, errors=errors, warnings=warnings)
