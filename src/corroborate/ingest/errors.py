"""The error every ingest failure is reported as: one line naming the file (and line)."""

from __future__ import annotations


class IngestError(Exception):
    """A report that could not be read, with the path, a one-line reason and, for a
    line-based file (JSON lines), the line number.

        >>> str(IngestError("news/a.txt", "empty file"))
        'news/a.txt: empty file'
        >>> str(IngestError("feed.jsonl", "malformed JSON (Expecting value, column 1)", line=7))
        'feed.jsonl:7: malformed JSON (Expecting value, column 1)'
    """

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        # One line, always: messages end up in CLI output and logs.
        self.source = str(source)
        self.message = " ".join(str(message).split())
        self.line = line
        super().__init__(self.source, self.message, line)

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"

    def __reduce__(self) -> tuple[type[IngestError], tuple[str, str, int | None]]:
        # Picklable, so errors can cross process boundaries in a parallel ingest.
        return (type(self), (self.source, self.message, self.line))
