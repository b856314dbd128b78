"""The web app: server-rendered pages and a JSON API over one Corroborate store.

    >>> from corroborate.web import WebSettings, create_app
    >>> app = create_app(WebSettings(db="corroborate.db"))      # doctest: +SKIP

Pages: ``/`` (events), ``/events/{id}``, ``/articles``, ``/articles/{id}``, ``/add``,
``/added/{receipt}``, ``/jobs/{id}``. API: ``/api/...``, described by
``/api/openapi.json``; every API error is ``{"error": {"status", "code", "message",
"details"}}``. See ``docs/web.md``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import secrets
import sqlite3
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, File, Form, Query, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from corroborate.ingest import DEFAULT_MAX_BYTES
from corroborate.model import Event
from corroborate.store import StoreError
from corroborate.store.query import EventFilter, QueryError
from corroborate.web import pages, svg
from corroborate.web.errors import (
    ApiError,
    on_api_error,
    on_http_error,
    on_unexpected,
    on_validation_error,
)
from corroborate.web.highlight import highlight_text
from corroborate.web.jobs import Job, Jobs, Pasted, Upload, read_uploads
from corroborate.web.schemas import (
    ArticleDetail,
    ArticleList,
    ClaimList,
    ErrorBody,
    EventDetail,
    EventList,
    FileResult,
    IngestResponse,
    JobStatus,
    Status,
)
from corroborate.web.security import LOOPBACK_HOSTS, Guard
from corroborate.web.service import (
    EXPORT_FORMATS,
    NotFound,
    Service,
    article_summary,
    event_ref,
    summarise,
)

MiB = 1 << 20


@dataclass(frozen=True)
class WebSettings:
    """How the app serves its store."""

    db: Path | str
    read_only: bool = False
    token: str | None = None
    #: Host headers answered (None: any; the token then protects the app).
    allowed_hosts: frozenset[str] | None = LOOPBACK_HOSTS
    max_files: int = 20
    max_file_bytes: int = DEFAULT_MAX_BYTES
    max_body: int = 32 * MiB
    page_size: int = 50
    max_export_events: int = 500
    #: Longest an ``?wait=true`` ingest waits for its analysis, seconds.
    wait_timeout: float = 600.0


def _version() -> str:
    try:
        return version("corroborate")
    except PackageNotFoundError:  # pragma: no cover
        return "0"


@dataclass
class Receipt:
    """What one add-reports request did (shown on its page)."""

    id: str
    response: IngestResponse
    job: Job | None


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in (
        (400, "Bad request"), (401, "Token missing or wrong"), (403, "Forbidden"),
        (404, "Not found"), (409, "Stored analysis out of date"),
        (413, "Request too large"), (422, "Invalid parameters"),
        (500, "Internal error"),
    )
}  # fmt: skip


# Query parameters shared by the API routes.
Limit = Annotated[int, Query(ge=1, le=200, description="Page size")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip")]
QText = Annotated[str | None, Query(max_length=500, description=(
    "Words that must all appear in the event's title or places or in one of its "
    "reports (SQLite FTS5; the last word may be a prefix)"))]
QPlace = Annotated[str | None, Query(max_length=200, description="A place name")]
QType = Annotated[str | None, Query(alias="type", max_length=100,
                                    description="Event type, when events have one")]
QFrom = Annotated[dt.date | None, Query(description="Event day on or after (ISO date)")]
QTo = Annotated[dt.date | None, Query(description="Event day on or before (ISO date)")]
QConflict = Annotated[bool | None, Query(
    description="Only events with (true) or without (false) a conflicting fact")]
Fmt = Annotated[Literal["json", "csv", "md"], Query(alias="format")]


def create_app(settings: WebSettings) -> FastAPI:
    """Build the app for ``settings`` (opens the store now: a bad store fails here)."""
    service = Service(settings.db, read_only=settings.read_only)
    jobs = None if settings.read_only else Jobs(Path(settings.db))
    receipts: OrderedDict[str, Receipt] = OrderedDict()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if jobs is not None:
            jobs.stop()
        service.close()

    app = FastAPI(
        title="Corroborate",
        version=_version(),
        description="Events, fact sheets, articles and claims from a Corroborate store. "
        "Every error is an ErrorBody.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # the Swagger UI loads scripts from a CDN: off
        redoc_url=None,
        lifespan=lifespan,
        # Documented on every operation: the token, bad parameters, a bug.
        responses={k: v for k, v in ERRORS.items() if k in (401, 422, 500)},
    )
    app.state.settings = settings
    app.state.service = service
    app.state.jobs = jobs
    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(Exception, on_unexpected)
    app.add_middleware(Guard, token=settings.token, allowed_hosts=settings.allowed_hosts,
                       max_body=settings.max_body)
    app.mount("/static", StaticFiles(packages=[("corroborate.web", "static")]), name="static")

    # ------------------------------------------------------------------ shared helpers

    def guarded(fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except NotFound as exc:
            raise ApiError(404, str(exc)) from None
        except QueryError as exc:
            raise ApiError(409, str(exc)) from None
        except StoreError as exc:
            raise ApiError(503, str(exc)) from None
        except sqlite3.OperationalError as exc:  # locked for too long, disk I/O, ...
            raise ApiError(503, f"the store cannot be read now ({exc}); try again") from None

    def writable() -> Jobs:
        if jobs is None:
            raise ApiError(403, "this server is read-only (started with --read-only)",
                           code="read_only")
        return jobs

    def event_filter(q: str | None, place: str | None, type_: str | None,
                     date_from: dt.date | None, date_to: dt.date | None,
                     conflict: bool | None) -> EventFilter:
        return EventFilter(
            q=q or None, place=place or None, kind=type_ or None,
            date_from=date_from.isoformat() if date_from else None,
            date_to=date_to.isoformat() if date_to else None, conflict=conflict,
        )  # fmt: skip

    def limits() -> dict[str, int]:
        return {"max_files": settings.max_files, "max_file_bytes": settings.max_file_bytes,
                "max_body": settings.max_body, "max_export_events": settings.max_export_events}

    def page(name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        stats = guarded(service.stats)
        html = pages.render(name, read_only=settings.read_only, stats=stats, **ctx)
        return HTMLResponse(html, status_code=status)

    def export_response(text: str, fmt: str, name: str) -> Response:
        media = EXPORT_FORMATS[fmt]
        charset = "" if fmt == "json" else "; charset=utf-8"
        return Response(
            text, media_type=media + charset,
            headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
        )  # fmt: skip

    async def ingest(files: list[UploadFile], pasted: Pasted | None) -> tuple[IngestResponse,
                                                                              Job | None]:
        job_runner = writable()
        files = [f for f in files if f.filename or f.size]
        if len(files) > settings.max_files:
            raise ApiError(413, f"too many files ({len(files)}; the limit is "
                                f"{settings.max_files} per request)")
        uploads: list[Upload] = []
        too_big: list[FileResult] = []
        for f in files:
            data = await f.read(settings.max_file_bytes + 1)
            name = f.filename or "upload"
            if len(data) > settings.max_file_bytes:
                too_big.append(FileResult(name=name, articles=[], errors=[
                    f"file too large (more than {settings.max_file_bytes:,} bytes)"]))
            else:
                uploads.append(Upload(name, data))
        if not uploads and not too_big and (pasted is None or not pasted.text.strip()):
            raise ApiError(400, "nothing to add: upload files or paste a report")

        def work() -> tuple[IngestResponse, Job | None]:
            read = read_uploads(uploads, pasted, settings.max_file_bytes)
            with service.store() as s:
                stored = s.add_articles(read.articles)
            job = job_runner.submit() if read.articles else None
            return IngestResponse(
                added=stored.added, existing=stored.existing,
                revised=[list(p) for p in stored.revised], files=[*read.files, *too_big],
                warnings=read.warnings, job=job.status() if job else None,
            ), job  # fmt: skip

        try:
            return await run_in_threadpool(work)
        except StoreError as exc:
            raise ApiError(503, str(exc)) from None
        except sqlite3.OperationalError as exc:
            raise ApiError(503, f"the store is busy ({exc}); try again") from None

    # ------------------------------------------------------------------ API


    @app.get("/api/status", response_model=Status, tags=["store"])
    def api_status() -> Status:
        """The store: counts, read-only or not, how search works, upload limits."""
        stats = guarded(service.stats)
        return Status(version=_version(), read_only=settings.read_only,
                      search="fts5" if service.has_search else "substring",
                      articles=stats["articles"], events=stats["events"],
                      claims=stats["claims"], relations=stats["relations"],
                      event_types=guarded(service.event_kinds), limits=limits())

    @app.get("/api/events", response_model=EventList, tags=["events"],
             responses={k: ERRORS[k] for k in (409, 422)})
    def api_events(q: QText = None, place: QPlace = None, type_: QType = None,
                   date_from: QFrom = None, date_to: QTo = None,
                   conflict: QConflict = None, limit: Limit = 50,
                   offset: Offset = 0) -> EventList:
        """Events, newest first, with their headline figures, filtered and searched."""
        flt = event_filter(q, place, type_, date_from, date_to, conflict)
        total, rows = guarded(service.summaries, flt, limit, offset)
        return EventList(total=total, limit=limit, offset=offset, events=rows)

    @app.get("/api/events/{event_id}", response_model=EventDetail, tags=["events"],
             responses={k: ERRORS[k] for k in (404, 409)})
    def api_event(event_id: str) -> EventDetail:
        """One event: its fact sheet, reports, their claims and copy relations."""
        data = guarded(service.event_data, event_id)
        return EventDetail(event=data.event, articles=[article_summary(a) for a in data.articles],
                           claims=data.claims, relations=data.relations)

    text_responses: dict[int | str, dict[str, Any]] = {
        200: {"description": "The file (JSON, CSV or Markdown, as `report.*` of "
                             "`corroborate report`)",
              "content": {"application/json": {}, "text/csv": {}, "text/markdown": {}}},
    }

    @app.get("/api/events/{event_id}/export", tags=["export"], response_class=Response,
             responses={**text_responses, **{k: ERRORS[k] for k in (404, 409, 422)}})
    def api_export_event(event_id: str, fmt: Fmt = "json") -> Response:
        """One event as report.json, report.csv or report.md."""
        data = guarded(service.event_data, event_id)
        report = guarded(service.report_of, [data.event])
        return export_response(service.export(report, fmt), fmt, f"event-{event_id[:40]}")

    @app.get("/api/export", tags=["export"], response_class=Response,
             responses={**text_responses, **{k: ERRORS[k] for k in (409, 422)}})
    def api_export(fmt: Fmt = "json", q: QText = None, place: QPlace = None,
                   type_: QType = None, date_from: QFrom = None, date_to: QTo = None,
                   conflict: QConflict = None,
                   limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> Response:
        """The events a filter selects (newest first, at most ``limit`` and the server's
        max_export_events) as one report."""
        flt = event_filter(q, place, type_, date_from, date_to, conflict)
        _, events = guarded(service.events, flt, min(limit, settings.max_export_events), 0)
        report = guarded(service.report_of, events)
        return export_response(service.export(report, fmt), fmt, "events")

    @app.get("/api/articles", response_model=ArticleList, tags=["articles"],
             responses={k: ERRORS[k] for k in (422,)})
    def api_articles(q: Annotated[str | None, Query(max_length=500)] = None,
                     limit: Limit = 50, offset: Offset = 0) -> ArticleList:
        """Current articles, newest first; ``q`` searches titles and texts (FTS5)."""
        total, rows = guarded(service.articles, q, limit, offset)
        return ArticleList(total=total, limit=limit, offset=offset,
                           articles=[article_summary(r) for r in rows])

    @app.get("/api/articles/{article_id}", response_model=ArticleDetail, tags=["articles"],
             responses={k: ERRORS[k] for k in (404, 409)})
    def api_article(article_id: str) -> ArticleDetail:
        """One article: cleaned text, removals, metadata, claims, relations, events."""
        data = guarded(service.article_data, article_id)
        return ArticleDetail(article=data.article, claims=data.claims, relations=data.relations,
                             events=[event_ref(e) for e in data.events])

    @app.get("/api/claims", response_model=ClaimList, tags=["claims"],
             responses={k: ERRORS[k] for k in (404, 409, 422)})
    def api_claims(article: Annotated[str | None, Query(max_length=200)] = None,
                   event: Annotated[str | None, Query(max_length=200)] = None,
                   measure: Annotated[str | None, Query(max_length=100)] = None,
                   limit: Limit = 100, offset: Offset = 0) -> ClaimList:
        """Claims, in stored order, of one article and/or one event, of one measure."""
        total, claims = guarded(service.claims, article=article, event=event,
                                measure=measure, limit=limit, offset=offset)
        return ClaimList(total=total, limit=limit, offset=offset, claims=claims)

    @app.post("/api/ingest", response_model=IngestResponse, status_code=202, tags=["ingest"],
              responses={200: {"model": IngestResponse, "description": "Added and analysed "
                                                                       "(with wait=true)"},
                         **{k: ERRORS[k] for k in (400, 403, 413, 422)}})
    async def api_ingest(
        response: Response,
        files: Annotated[list[UploadFile] | None, File(
            description="Report files, any format `corroborate ingest` reads")] = None,
        text: Annotated[str | None, Form(description="A pasted report")] = None,
        title: Annotated[str | None, Form(max_length=500)] = None,
        date: Annotated[str | None, Form(max_length=50)] = None,
        outlet: Annotated[str | None, Form(max_length=200)] = None,
        url: Annotated[str | None, Form(max_length=2000)] = None,
        wait: Annotated[bool, Query(description="Wait for the analysis to finish")] = False,
    ) -> IngestResponse:
        """Add reports (uploaded files and/or pasted text), read as the CLI reads them, then
        re-analyse every stored article in the background (``job``). Per-file errors are in
        ``files``. 202 while the analysis runs; with ``wait=true``, 200 once it is done."""
        pasted = Pasted(text, title, date, outlet, url) if text else None
        result, job = await ingest(files or [], pasted)
        if wait and job is not None:
            await asyncio.get_running_loop().run_in_executor(
                None, job.event.wait, settings.wait_timeout)
            result = result.model_copy(update={"job": job.status()})
            response.status_code = 200 if job.state == "done" else 202
        return result

    @app.post("/api/analyse", response_model=JobStatus, status_code=202, tags=["ingest"],
              responses={k: ERRORS[k] for k in (403,)})
    def api_analyse() -> JobStatus:
        """Re-analyse every stored article (as ``corroborate report`` with no paths)."""
        return writable().submit().status()

    @app.get("/api/jobs/{job_id}", response_model=JobStatus, tags=["ingest"],
             responses={k: ERRORS[k] for k in (404,)})
    def api_job(job_id: str) -> JobStatus:
        """An analysis: queued, running (which stage), done (with counts) or failed."""
        job = jobs.get(job_id) if jobs is not None else None
        if job is None:
            raise ApiError(404, f"no job with id {job_id!r}")
        return job.status()

    # ------------------------------------------------------------------ pages

    def lenient_date(value: str | None, problems: list[str], name: str) -> dt.date | None:
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            problems.append(f"{name}: {value!r} is not a date (YYYY-MM-DD); ignored")
            return None

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def events_page(q: str | None = None, place: str | None = None,
                    type_: Annotated[str | None, Query(alias="type")] = None,
                    date_from: Annotated[str | None, Query(alias="from")] = None,
                    date_to: Annotated[str | None, Query(alias="to")] = None,
                    conflict: str | None = None, page_no: Annotated[int, Query(
                        alias="page", ge=1, le=100_000)] = 1) -> HTMLResponse:
        problems: list[str] = []
        d_from = lenient_date(date_from, problems, "from")
        d_to = lenient_date(date_to, problems, "to")
        only_conflicts = True if conflict in ("1", "on", "true") else None
        flt = event_filter((q or "")[:500], (place or "")[:200], (type_ or "")[:100], d_from,
                           d_to, only_conflicts)
        size = settings.page_size
        total, rows = guarded(service.summaries, flt, size, (page_no - 1) * size)
        params = {"q": q, "place": place, "type": type_, "from": date_from, "to": date_to,
                  "conflict": "1" if only_conflicts else None}
        api_params = {"q": q, "place": place, "type": type_,
                      "date_from": d_from.isoformat() if d_from else None,
                      "date_to": d_to.isoformat() if d_to else None,
                      "conflict": "true" if only_conflicts else None}
        return page("events.html", nav="events", title="Events", events=rows, total=total,
            params=params, api_params=api_params,
            page_no=page_no, pages=max(1, -(-total // size)), problems=problems,
            kinds=guarded(service.event_kinds), filtered=any(params.values()))

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(event_id: str) -> HTMLResponse:
        data = guarded(service.event_data, event_id)
        ev: Event = data.event
        keys = {a.id: a.key for a in data.articles}
        claims = {c.id: c for c in data.claims}
        origins = [[keys.get(a, a) for a in group] for group in ev.origin_groups]
        rels = [r for r in data.relations if r.kind != "independent"]
        return page(
            "event.html", title=ev.title, event=ev, summary=summarise(ev), articles=data.articles,
            keys=keys, claims=claims, relations=rels, origins=origins,
            fact_labels={f.id: svg.fact_label(f) for f in ev.facts},
            timeline=svg.timeline_svg(ev, keys), map=svg.map_svg(ev.places),
            graph=svg.provenance_svg(list(ev.articles), rels, keys),
            relation_sentence=pages.relation_sentence,
            claim_counts={a.id: sum(c.article == a.id for c in data.claims)
                          for a in data.articles},
        )

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(q: str | None = None, page_no: Annotated[int, Query(
            alias="page", ge=1, le=100_000)] = 1) -> HTMLResponse:
        size = settings.page_size
        total, rows = guarded(service.articles, (q or "")[:500] or None, size,
                              (page_no - 1) * size)
        return page("articles.html", nav="articles", title="Articles", rows=rows, total=total,
                    q=q or "", page_no=page_no, pages=max(1, -(-total // size)))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str) -> HTMLResponse:
        data = guarded(service.article_data, article_id)
        art = data.article
        body = [c for c in data.claims if c.section == "body"]
        title_claims = [c for c in data.claims if c.section == "title"]
        keys = {a.id: a.key for a in data.others}
        keys[art.id] = art.key
        fact_of: dict[str, tuple[Event, str, str]] = {}
        for ev in data.events:
            for f in ev.facts:
                for v in f.values:
                    for cid in v.claims:
                        fact_of.setdefault(cid, (ev, f.id, svg.fact_label(f)))
        return page(
            "article.html", title=art.title or art.key, article=art,
            text_html=highlight_text(art.text, body),
            title_html=highlight_text(art.title, title_claims, paragraphs=False)
            if art.title else None,
            claims=sorted(data.claims, key=lambda c: (c.section != "title", c.span.start,
                                                      c.number_span.start)),
            relations=data.relations, keys=keys, events=data.events, fact_of=fact_of,
            relation_sentence=pages.relation_sentence, claim_row=pages.claim_row,
        )

    @app.get("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_page() -> HTMLResponse:
        return page("add.html", nav="add", title="Add reports", limits=limits(), files=[],
                    form={})

    @app.post("/add", include_in_schema=False)
    async def add_submit(
        files: Annotated[list[UploadFile] | None, File()] = None,
        text: Annotated[str | None, Form()] = None,
        title: Annotated[str | None, Form(max_length=500)] = None,
        date: Annotated[str | None, Form(max_length=50)] = None,
        outlet: Annotated[str | None, Form(max_length=200)] = None,
        url: Annotated[str | None, Form(max_length=2000)] = None,
    ) -> Response:
        pasted = Pasted(text, title, date, outlet, url) if text and text.strip() else None
        try:
            result, job = await ingest(files or [], pasted)
        except ApiError as exc:
            if exc.status != 400:
                raise
            return await run_in_threadpool(
                page, "add.html", nav="add", title="Add reports", limits=limits(), files=[],
                form={"title": title, "date": date, "outlet": outlet, "url": url},
                problem=exc.message, status=400)
        receipt = Receipt(secrets.token_hex(8), result, job)
        receipts[receipt.id] = receipt
        while len(receipts) > 100:
            receipts.popitem(last=False)
        return RedirectResponse(f"/added/{receipt.id}", status_code=303)

    @app.get("/added/{receipt_id}", response_class=HTMLResponse, include_in_schema=False)
    def added_page(receipt_id: str) -> HTMLResponse:
        receipt = receipts.get(receipt_id)
        if receipt is None:
            raise ApiError(404, "no such upload (the server keeps the last 100)")
        job = receipt.job.status() if receipt.job else None
        return page("added.html", nav="add", title="Reports added", result=receipt.response,
                    job=job)

    @app.post("/analyse", include_in_schema=False)
    def analyse_submit() -> Response:
        job = writable().submit()
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(job_id: str) -> HTMLResponse:
        job = jobs.get(job_id) if jobs is not None else None
        if job is None:
            raise ApiError(404, f"no job with id {job_id!r}")
        return page("job.html", nav="add", title="Analysis", job=job.status())

    return app
