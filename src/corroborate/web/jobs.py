"""Adding reports: read uploads with the CLI's ingest, then re-analyse in the background.

Uploaded files are written to a private temporary folder under a cleaned-up name (only the
base name of what the client sent; never a path it chose) and read with
:func:`corroborate.ingest.read_paths`, exactly as ``corroborate ingest`` reads files; pasted
text goes through :func:`corroborate.ingest.parse_document`. The articles are added to the
store, then :class:`Jobs` runs :func:`corroborate.pipeline.analyse` over every stored
article and saves the report, one analysis at a time, reporting the stage it is in.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from corroborate.ingest import IngestError, parse_document, read_paths
from corroborate.model import Article
from corroborate.pipeline import DEFAULT_STAGES, analyse
from corroborate.store import Store
from corroborate.store.events import group_stored
from corroborate.web.schemas import FileResult, JobState, JobStatus

MAX_JOBS_KEPT = 50


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def safe_name(name: str | None, index: int) -> str:
    """A harmless file name from what a client sent: its last path component, with only
    letters, digits, ``._- `` kept, no leading dot, at most 100 characters.

        >>> safe_name("../../etc/passwd", 0), safe_name("C:\\\\x\\\\a b.txt", 1), safe_name("", 2)
        ('passwd', 'a b.txt', 'upload-2.txt')
    """
    base = re.split(r"[/\\]", name or "")[-1]
    base = re.sub(r"[^\w.\- ]+", "_", base).strip(" ._")[:100]
    return base or f"upload-{index}.txt"


@dataclass(frozen=True)
class Upload:
    """One file from the client: the name it gave and the bytes."""

    name: str
    data: bytes


@dataclass
class Pasted:
    """Text pasted into the form, with optional metadata."""

    text: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None


@dataclass
class ReadResult:
    """Articles read from one request, with what became of each file."""

    articles: list[Article] = field(default_factory=list)
    files: list[FileResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_uploads(uploads: Sequence[Upload], pasted: Pasted | None, max_bytes: int) -> ReadResult:
    """Read uploaded files and pasted text into articles; one bad file never stops the rest.

    Sources become ``upload:<name>`` and ``pasted:<title>``, so no server path shows.
    """
    out = ReadResult()
    if uploads:
        with tempfile.TemporaryDirectory(prefix="corroborate-upload-") as tmp:
            paths: list[Path] = []
            names: list[str] = []
            for i, up in enumerate(uploads):
                name = safe_name(up.name, i)
                folder = Path(tmp) / str(i)
                folder.mkdir()
                path = folder / name
                path.write_bytes(up.data)
                paths.append(path)
                names.append(name)

            def public(text: str) -> str:
                for path, name in zip(paths, names, strict=True):
                    text = text.replace(str(path), f"upload:{name}")
                return text.replace(tmp, "upload")

            result = read_paths(paths, max_bytes=max_bytes)
            for path, name in zip(paths, names, strict=True):
                arts = [a for a in result.articles
                        if a.source == str(path) or a.source.startswith(f"{path}:")
                        or a.source.startswith(f"{path}#")]
                errs = [e for e in result.errors if e.source == str(path)]
                out.articles += [a.model_copy(update={"source": public(a.source)}) for a in arts]
                out.files.append(FileResult(
                    name=name, articles=[a.id for a in arts],
                    errors=[public(f"{e.message}" + (f" (line {e.line})" if e.line else ""))
                            for e in errs],
                ))  # fmt: skip
            seen = {a.id for a in out.articles}
            out.articles += [a.model_copy(update={"source": public(a.source)})
                             for a in result.articles if a.id not in seen]
            out.warnings += [public(w) for w in result.warnings]
    if pasted is not None and pasted.text.strip():
        label = safe_name(pasted.title or "text", 0)[:60]
        fields = {k: v.strip() for k, v in (("title", pasted.title), ("date", pasted.date),
                                            ("outlet", pasted.outlet), ("url", pasted.url))
                  if v and v.strip()}
        data = pasted.text.encode("utf-8")
        if fields:  # the same front matter a Markdown file would carry
            data = ("---\n" + yaml.safe_dump(fields, allow_unicode=True) + "---\n").encode(
                "utf-8") + data
        try:
            art = parse_document(data, f"pasted:{label}", max_bytes=max_bytes, key=label)
            out.articles.append(art)
            out.files.append(FileResult(name="pasted text", articles=[art.id], errors=[]))
        except IngestError as exc:
            out.files.append(FileResult(name="pasted text", articles=[], errors=[exc.message]))
    return out


# --------------------------------------------------------------------------- jobs


@dataclass
class Job:
    """One analysis of the stored articles."""

    id: str
    created: str = field(default_factory=_now)
    state: JobState = "queued"
    stage: str | None = None
    done: list[str] = field(default_factory=list)
    finished: str | None = None
    message: str | None = None
    counts: dict[str, int] | None = None
    event: threading.Event = field(default_factory=threading.Event)

    def status(self) -> JobStatus:
        return JobStatus(
            id=self.id, state=self.state, stage=self.stage, stages=list(DEFAULT_STAGES),
            done=list(self.done), created=self.created, finished=self.finished,
            message=self.message, counts=self.counts, page=f"/jobs/{self.id}",
        )  # fmt: skip


class Jobs:
    """Runs analyses one at a time in a background thread.

    A request made while one is queued (not yet started) joins it: the queued analysis will
    read every stored article anyway.
    """

    def __init__(self, db: Path) -> None:
        self.db = db
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._queue: list[Job] = []
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._stop = False

    def submit(self) -> Job:
        with self._cond:
            if self._queue:
                return self._queue[-1]
            job = Job(id=secrets.token_hex(8))
            self._jobs[job.id] = job
            while len(self._jobs) > MAX_JOBS_KEPT:
                old = next(iter(self._jobs))
                if self._jobs[old].state in ("queued", "running"):
                    break
                self._jobs.pop(old)
            self._queue.append(job)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="corroborate-analysis",
                                                daemon=True)
                self._thread.start()
            self._cond.notify()
            return job

    def get(self, job_id: str) -> Job | None:
        with self._cond:
            return self._jobs.get(job_id)

    def stop(self, timeout: float = 5.0) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _work(self) -> None:
        while True:
            with self._cond:
                while not self._queue and not self._stop:
                    self._cond.wait()
                if self._stop:
                    return
                job = self._queue.pop(0)
                job.state = "running"
            self._run(job)

    def _run(self, job: Job) -> None:
        def progress(stage: str) -> None:
            if job.stage:
                job.done.append(job.stage)
            job.stage = stage

        try:
            with Store(self.db, timeout=60.0) as store:
                articles = store.articles()
                if articles:
                    # As `corroborate report` on the store: its incremental events, stable ids.
                    events = group_stored(store).events
                    report = analyse(articles, progress=progress, events=events)
                    store.save_report(report)
                    job.counts = {
                        "articles": len(report.articles), "events": len(report.events),
                        "claims": len(report.claims), "relations": len(report.relations),
                        "facts": sum(len(e.facts) for e in report.events),
                        "conflicts": sum(f.conflict for e in report.events for f in e.facts),
                    }  # fmt: skip
                else:
                    job.counts = {"articles": 0, "events": 0, "claims": 0, "relations": 0,
                                  "facts": 0, "conflicts": 0}
            if job.stage:
                job.done.append(job.stage)
            job.stage = None
            job.state = "done"
        except Exception as exc:  # reported on the job's page, never lost
            job.state = "failed"
            job.message = f"{type(exc).__name__}: {exc}"
        finally:
            job.finished = _now()
            job.event.set()
