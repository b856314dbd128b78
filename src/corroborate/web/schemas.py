"""The JSON API's response bodies (and the one error shape), as pydantic models.

The records themselves (:class:`~corroborate.model.Event`, ``Article``, ``Claim``,
``Relation``) are the public ``report.json`` records (docs/schema.md); these models only
wrap them in lists, pages and summaries.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from corroborate.model import Article, Claim, Event, Relation


class ErrorInfo(BaseModel):
    """What went wrong."""

    status: int = Field(description="The HTTP status code")
    code: str = Field(
        description="A stable machine-readable code: bad_request, unauthorized, forbidden, "
        "read_only, not_found, method_not_allowed, too_large, invalid, conflict, "
        "server_error, ..."
    )
    message: str = Field(description="One line for people")
    details: list[dict[str, Any]] = Field(
        default_factory=list, description="Per-field problems, for invalid requests"
    )


class ErrorBody(BaseModel):
    """Every error the API returns, whatever the status."""

    error: ErrorInfo


class HeadlineValue(BaseModel):
    """One value of a headline figure."""

    value: int | None
    number_text: str
    claimants: list[str]
    origins: int
    partisan: bool


class Headline(BaseModel):
    """A headline figure of an event: one fact, its values side by side."""

    fact: str = Field(description="Fact id")
    measure: str
    group: str
    period: str
    conflict: bool
    low: int | None
    best: int | None
    high: int | None
    values: list[HeadlineValue]


class EventSummary(BaseModel):
    """An event as the events list shows it."""

    id: str
    title: str
    date: str | None
    type: str | None = Field(description="Event type, when the events have one")
    places: list[str]
    articles: int = Field(description="Number of reports")
    origins: int = Field(description="Independent origins among them")
    facts: int
    conflicts: int = Field(description="Facts whose values cannot all be right")
    headline: list[Headline]
    page: str = Field(description="Path of the event's page")


class EventList(BaseModel):
    """A page of events, newest first."""

    total: int
    limit: int
    offset: int
    events: list[EventSummary]


class ArticleSummary(BaseModel):
    """An article's listing fields (no text)."""

    id: str
    key: str
    title: str | None
    outlet: str | None
    date: str | None
    source: str
    format: str
    revision: int
    current: bool = Field(description="False when a later revision of the page replaced it")
    page: str = Field(description="Path of the article's page")


class ArticleList(BaseModel):
    """A page of articles, newest first."""

    total: int
    limit: int
    offset: int
    articles: list[ArticleSummary]


class EventRef(BaseModel):
    """A link to an event."""

    id: str
    title: str
    date: str | None
    page: str


class EventDetail(BaseModel):
    """Everything the event page shows: the event with its facts, its reports, their
    claims and the copy relations between them."""

    event: Event
    articles: list[ArticleSummary]
    claims: list[Claim]
    relations: list[Relation]


class ArticleDetail(BaseModel):
    """Everything the article page shows."""

    article: Article
    claims: list[Claim]
    relations: list[Relation] = Field(description="Copy relations with other articles")
    events: list[EventRef]


class ClaimList(BaseModel):
    """A page of claims."""

    total: int
    limit: int
    offset: int
    claims: list[Claim]


JobState = Literal["queued", "running", "done", "failed"]


class JobStatus(BaseModel):
    """A background analysis of the stored articles (run after reports are added)."""

    id: str
    state: JobState
    stage: str | None = Field(description="The pipeline stage running now")
    stages: list[str] = Field(description="All stages, in order")
    done: list[str] = Field(description="Stages finished")
    created: str
    finished: str | None
    message: str | None = Field(description="Why it failed, when it did")
    counts: dict[str, int] | None = Field(description="What the analysis found, when done")
    page: str = Field(description="Path of the progress page")


class FileResult(BaseModel):
    """What became of one uploaded file (or the pasted text)."""

    name: str
    articles: list[str] = Field(description="Ids of the articles read from it")
    errors: list[str]


class IngestResponse(BaseModel):
    """What adding reports did; the analysis runs in ``job``."""

    added: list[str]
    existing: list[str]
    revised: list[list[str]] = Field(description="[old id, new id] pairs")
    files: list[FileResult]
    warnings: list[str]
    job: JobStatus | None = Field(description="The analysis started (none when nothing was read)")


class Status(BaseModel):
    """The store behind the app."""

    version: str
    read_only: bool
    search: Literal["fts5", "substring"]
    articles: int
    events: int
    claims: int
    relations: int
    event_types: list[str]
    limits: dict[str, int]
