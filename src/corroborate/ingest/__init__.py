"""Stage: ingest. Read reports in any format they arrive in into cleaned
:class:`~corroborate.model.Article` records.

    >>> from corroborate.ingest import parse_document, read_paths
    >>> parse_document(b"Police said two people died.", "a.txt").text
    'Police said two people died.'

Formats (told by content): plain text, Markdown with YAML/TOML front matter, HTML pages,
JSON lines and JSON, RSS/Atom feeds, WARC crawls, ``.gz`` of any of these; folders are
walked recursively and ``-`` is standard input. See ``docs/ingest.md``.

The cleaning function is :func:`corroborate.ingest.clean.clean`; the name ``clean`` is
deliberately not re-exported here, so ``corroborate.ingest.clean`` stays the module.
"""

from __future__ import annotations

from corroborate.ingest.clean import Cleaned
from corroborate.ingest.document import DEFAULT_MAX_BYTES, parse_document
from corroborate.ingest.errors import IngestError
from corroborate.ingest.reader import (
    REPORT_SUFFIXES,
    IngestResult,
    IngestSummary,
    ingest,
    iter_articles,
    read_paths,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "REPORT_SUFFIXES",
    "Cleaned",
    "IngestError",
    "IngestResult",
    "IngestSummary",
    "ingest",
    "iter_articles",
    "parse_document",
    "read_paths",
]
