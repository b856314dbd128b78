"""Read many report files and folders into Articles, collecting errors instead of stopping.

    >>> result = read_paths(["reports/"])        # doctest: +SKIP
    >>> [a.key for a in result.articles], [str(e) for e in result.errors]  # doctest: +SKIP
    (['000', '001'], ['reports/bad.txt: empty file'])
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from corroborate.ingest.document import DEFAULT_MAX_BYTES, parse_document
from corroborate.ingest.errors import IngestError
from corroborate.model import Article

REPORT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
"""File extensions picked up when walking a folder (a file named explicitly is always read)."""


@dataclass
class IngestResult:
    """What :func:`read_paths` produced: articles in input order, errors and warnings."""

    articles: list[Article] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


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
        elif entry.is_file() and entry.suffix.lower() in REPORT_SUFFIXES:
            yield entry


def _read_one(path: Path, encoding: str | None, max_bytes: int) -> Article:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:  # refuse before reading it all into memory
            raise IngestError(source, f"file too large ({size:,} bytes; the limit is "
                                      f"{max_bytes:,})")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise IngestError(source, f"cannot read ({exc.strerror or exc})") from None
    return parse_document(data, source, encoding=encoding, max_bytes=max_bytes)


def read_paths(
    paths: Iterable[str | Path],
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> IngestResult:
    """Read report files and folders; one bad file never stops the batch.

    Folders are walked recursively in sorted order for ``.txt``, ``.text``, ``.md`` and
    ``.markdown`` files (hidden files and folders skipped); a file named explicitly is read
    whatever its extension. Content seen twice is kept once, with a warning.

        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "a.txt").write_text("Two people died.")
        >>> r = read_paths([d, d / "missing.txt"])
        >>> [a.key for a in r.articles], [e.message for e in r.errors]
        (['a'], ['no such file or folder'])
    """
    result = IngestResult()
    seen_files: set[Path] = set()
    seen_ids: dict[str, str] = {}
    keys: dict[str, str] = {}

    def add(path: Path) -> None:
        real = path.resolve()
        if real in seen_files:
            return  # the same file reached twice (named and inside a named folder)
        seen_files.add(real)
        try:
            art = _read_one(path, encoding, max_bytes)
        except IngestError as exc:
            result.errors.append(exc)
            return
        if art.id in seen_ids:
            result.warnings.append(
                f"{art.source}: same content as {seen_ids[art.id]}; kept once"
            )
            return
        if art.key in keys:
            result.warnings.append(f"{art.source}: same name {art.key!r} as {keys[art.key]}")
        seen_ids[art.id] = art.source
        keys.setdefault(art.key, art.source)
        result.articles.append(art)

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                found = list(_walk(path))
            except IngestError as exc:
                result.errors.append(exc)
                continue
            if not found:
                looked = ", ".join(REPORT_SUFFIXES)
                result.errors.append(IngestError(str(raw), f"no reports found (looked for "
                                                           f"{looked})"))
            for f in found:
                add(f)
        elif path.exists():
            add(path)
        elif os.path.lexists(path):
            result.errors.append(IngestError(str(raw), "broken symbolic link"))
        else:
            result.errors.append(IngestError(str(raw), "no such file or folder"))
    return result
