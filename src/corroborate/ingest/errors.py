"""The error every ingest failure is reported as: one line naming the file."""

from __future__ import annotations


class IngestError(Exception):
    """A report that could not be read, with the path and a one-line reason.

        >>> str(IngestError("news/a.txt", "empty file"))
        'news/a.txt: empty file'
    """

    def __init__(self, source: str, message: str) -> None:
        # One line, always: messages end up in CLI output and logs.
        self.source = str(source)
        self.message = " ".join(str(message).split())
        super().__init__(self.source, self.message)

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"

    def __reduce__(self) -> tuple[type[IngestError], tuple[str, str]]:
        # Picklable, so errors can cross process boundaries in a parallel ingest.
        return (type(self), (self.source, self.message))
