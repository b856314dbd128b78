"""The records that flow between the pipeline stages, defined once.

Every stage takes and returns these frozen records (slotted pydantic dataclasses), so the
same records can be written to SQLite, serialised to ``report.json`` and shipped to a
distributed job.

    >>> art = Article.create(text="Two people were killed.", source="demo.txt")
    >>> art.id == Article.create(text="Two people were killed.", source="other.txt").id
    True

The JSON Schema of :class:`Report` is ``docs/report.schema.json``; ``docs/schema.md`` explains
every field. Bump :data:`SCHEMA_VERSION` whenever a field changes meaning or disappears.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Mapping
from hashlib import sha256 as _sha256
from typing import Any, Literal, ParamSpec, Self, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field
from pydantic.dataclasses import dataclass

SCHEMA_VERSION = "corroborate.report/1.0"

Qualifier = Literal[
    "exact", "at_least", "more_than", "up_to", "less_than", "approximately", "range", "vague"
]
Section = Literal["title", "body"]
PlaceKind = Literal["city", "admin1", "admin2", "country", "region", "unknown"]
RelationKind = Literal[
    "duplicate", "near_copy", "rewrite", "syndicated", "shares_quotes", "independent"
]


#: What every record's class is built with (see :class:`Record`).
_CONFIG = ConfigDict(extra="forbid")


class Record:
    """Base of every record: an immutable, slotted pydantic dataclass, strict about unknown
    fields, with the ``model_*`` methods of a pydantic model.

    A large batch holds hundreds of thousands of records, so they are dataclasses with
    slots rather than ``BaseModel`` instances: a :class:`Span` takes 48 bytes instead of
    264 (object, attribute dict and given-field set), a claim 200 instead of about 420.
    Each subclass is decorated with ``@dataclass(frozen=True, slots=True, kw_only=True,
    config=_CONFIG)``; validation, serialisation and JSON Schema are pydantic's. What
    comes from outside (a file, JSON, the HTTP API) is validated; the stages build their
    per-sentence records from values they computed with :func:`unchecked` constructors.

        >>> span = Span(start=0, end=5)
        >>> span.model_dump()
        {'start': 0, 'end': 5}
        >>> Span.model_validate_json('{"start": 2, "end": 3}').model_copy(update={"end": 4})
        Span(start=2, end=4)
    """

    __slots__ = ()

    @classmethod
    def model_validate(cls, obj: Any) -> Self:
        """Validate a mapping (or an instance) into a record."""
        return cast(Self, cast(Any, cls).__pydantic_validator__.validate_python(obj))

    @classmethod
    def model_validate_json(cls, data: str | bytes) -> Self:
        """Validate JSON text into a record."""
        return cast(Self, cast(Any, cls).__pydantic_validator__.validate_json(data))

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """The record's field names, in order (a slotted dataclass's slots are its fields)."""
        return cls.__slots__

    def model_dump(
        self,
        *,
        mode: Literal["python", "json"] = "python",
        exclude: set[str] | None = None,
        exclude_defaults: bool = False,
    ) -> dict[str, Any]:
        """The record as plain values, nested records as dicts."""
        serializer = cast(Any, type(self)).__pydantic_serializer__
        dumped: dict[str, Any] = serializer.to_python(
            self, mode=mode, exclude=exclude, exclude_defaults=exclude_defaults
        )
        return dumped

    def model_dump_json(self, *, indent: int | None = None, exclude: set[str] | None = None) -> str:
        """The record as JSON text, fields in their declared order."""
        serializer = cast(Any, type(self)).__pydantic_serializer__
        return str(serializer.to_json(self, indent=indent, exclude=exclude).decode())

    def model_copy(self, *, update: Mapping[str, Any] | None = None) -> Self:
        """A copy with some fields changed; like pydantic's, the changes are not
        validated (callers pass values of the fields' types)."""
        cls = type(self)
        copier = _COPIERS.get(cls)
        if copier is None:
            copier = _COPIERS[cls] = _copier(cls)
        return cast(Self, copier(self, update))


#: Each record class's copier (see :func:`_copier`), made on its first copy.
_COPIERS: dict[type, Callable[[Any, Mapping[str, Any] | None], Any]] = {}


def _copier(cls: type) -> Callable[[Any, Mapping[str, Any] | None], Any]:
    """``cls``'s copy function for :meth:`Record.model_copy`: generated source that reads
    and writes each slot by name, as :func:`unchecked` builds a record (a loop over the
    names with ``getattr`` and ``object.__setattr__`` took 1.6 to 2 times as long; the
    reconcile stage copies about 17 claims per report)."""
    names = cast(Any, cls).field_names()
    setters = {name: vars(cls)[name].__set__ for name in names}  # the slots' descriptors
    env: dict[str, Any] = {"_new": object.__new__, "_cls": cls, "_setters": setters}
    body = []
    for i, name in enumerate(names):
        env[f"_set{i}"] = setters[name]
        body.append(f"    _set{i}(_obj, _self.{name})")
    source = "\n".join(
        [
            "def copy(_self, _update):",
            "    _obj = _new(_cls)",
            *body,
            "    if _update:",
            "        for _name, _value in _update.items():",
            "            _set = _setters.get(_name)",
            "            if _set is None:",
            "                raise TypeError(f'{_cls.__name__} has no field {_name!r}')",
            "            _set(_obj, _value)",
            "    return _obj",
        ]
    )
    exec(compile(source, f"<copy {cls.__qualname__}>", "exec"), env)
    return cast(Callable[[Any, Mapping[str, Any] | None], Any], env["copy"])


P = ParamSpec("P")
R = TypeVar("R", bound=Record)
_MISSING = object()  # an argument not given, for a field with a default factory


def unchecked(cls: Callable[P, R]) -> Callable[P, R]:
    """A constructor of the record class ``cls`` that does not validate: the same keyword
    arguments and defaults, the values stored as given.

    Validation costs 1 to 4 us a record (more than the work that finds most of them), and
    the stages build about 80 per report from values they computed themselves. Their hot
    paths use this constructor; mypy checks each call against the class's own signature,
    so a caller must pass values of the fields' types (a ``tuple``, not a ``list``; an
    ``int``, not a ``numpy`` integer), and field constraints (``ge=0``) are not checked.

        >>> make_span = unchecked(Span)
        >>> make_span(start=0, end=5) == Span(start=0, end=5)
        True
    """
    record: Any = cls
    # Generated source, as ``dataclasses`` writes ``__init__``: one keyword parameter per
    # field with its default, one slot write each, no loop over fields at call time. (The
    # local names start with "_", which no pydantic field name may.)
    env: dict[str, Any] = {"_new": object.__new__, "_cls": record, "_missing": _MISSING}
    params, body = [], []
    for i, (name, info) in enumerate(record.__pydantic_fields__.items()):
        env[f"_set{i}"] = vars(record)[name].__set__  # the slot's member descriptor
        if info.default_factory is not None:
            env[f"_factory{i}"] = info.default_factory
            params.append(f"{name}=_missing")
            body.append(f"    if {name} is _missing:\n        {name} = _factory{i}()")
        elif info.is_required():
            params.append(name)
        else:
            env[f"_default{i}"] = info.default
            params.append(f"{name}=_default{i}")
        body.append(f"    _set{i}(_obj, {name})")
    head = f"def {record.__name__}(*, {', '.join(params)}):"
    source = "\n".join([head, "    _obj = _new(_cls)", *body, "    return _obj"])
    exec(compile(source, f"<unchecked {record.__qualname__}>", "exec"), env)
    made = env[record.__name__]
    made.__qualname__ = f"unchecked({record.__qualname__})"
    return cast(Callable[P, R], made)


H = TypeVar("H", bound=Hashable)

#: The table of :func:`shared`, by type and value: emptied when it reaches
#: ``_SHARED_LIMIT`` entries, so a long-running process keeps a bounded number (the values
#: that recur are few).
_SHARED: dict[tuple[type, Hashable], Any] = {}
_SHARED_LIMIT = 1 << 15


def shared(value: H) -> H:
    """One instance for equal small immutable values (a :class:`Place`, :class:`Period` or
    :class:`Span`, an event vector's set of days), so a large batch holds each distinct
    value once.

    A batch's claims name a few thousand distinct places and periods hundreds of thousands
    of times; the values are immutable, so equal ones can be one object. Equal values of
    different types (``1`` and ``1.0``) stay apart.

    >>> shared(Span(start=0, end=5)) is shared(Span(start=0, end=5))
    True
    >>> type(shared(1.0)) is float and type(shared(1)) is int
    True
    """
    key = (type(value), value)
    got: H | None = _SHARED.get(key)
    if got is None:
        if len(_SHARED) >= _SHARED_LIMIT:
            _SHARED.clear()
        _SHARED[key] = got = value
    return got


def content_id(*parts: str) -> str:
    """Stable 16-hex-digit id of some text (sha256 prefix): of the parts, each followed
    by a NUL byte, in UTF-8."""
    # One update of the joined parts: the same bytes as one update per part, and cheaper
    # (the claims and events stages take an id for every count and paragraph).
    joined = "\x00".join(parts) + "\x00" if parts else ""
    return _sha256(joined.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True, kw_only=True, config=_CONFIG)
class Span(Record):
    """Character offsets ``[start, end)`` into one section (title or body) of an article."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


@dataclass(frozen=True, slots=True, kw_only=True, config=_CONFIG)
class Removal(Record):
    """A piece of the raw input that cleaning removed, kept so nothing is silently lost."""

    kind: str = Field(description="front_matter, promo, disclaimer, filler, repeat, blank, ...")
    text: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True, config=_CONFIG)
class Article(Record):
    """One report after ingest: cleaned body text plus metadata."""

    id: str = Field(description="Content hash of title and cleaned text")
    key: str = Field(description="Short human name, e.g. the file stem")
    source: str = Field(description="Where it was read from (path or URI)")
    format: str = Field(default="text", description="text, markdown, html, jsonl, ...")
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = Field(default=None, description="Publication date/time, ISO 8601")
    date_source: str | None = Field(
        default=None,
        description="Where the date was found: front_matter, html_meta, feed, record, url, text",
    )
    date_precision: str | None = Field(
        default=None, description="How precise the date is: day, minute or second"
    )
    url: str | None = None
    language: str | None = None
    revision: int = Field(
        default=1, ge=1, description="Version of the page at this URL (1 = first seen)"
    )
    previous: str | None = Field(
        default=None, description="Id of the earlier revision of the same URL that this replaces"
    )
    text: str = Field(description="Cleaned body text; every span points into it")
    removed: tuple[Removal, ...] = ()
    credits: tuple[str, ...] = Field(
        default=(), description="Outlets or agencies the report credits (syndication lines)"
    )
    meta: dict[str, Any] = Field(default_factory=dict)

    @classmethod
    def create(cls, text: str, source: str, **fields: Any) -> Article:
        """Build an article, deriving ``id`` from content and ``key`` from the source."""
        title = fields.get("title") or ""
        key = fields.pop("key", None) or source.rsplit("/", 1)[-1].rsplit(".", 1)[0] or "article"
        return cls(id=content_id(title, text), key=key, source=source, text=text, **fields)

    @property
    def pub_date(self) -> dt.date | None:
        """The publication day, or None when unknown or unparseable."""
        if not self.date:
            return None
        try:
            return dt.date.fromisoformat(self.date[:10])
        except ValueError:
            return None


@dataclass(frozen=True, slots=True, kw_only=True, config=_CONFIG)
class Place(Record):
    """A place name resolved against the offline gazetteer."""

    name: str = Field(description="Canonical gazetteer name")
    mention: str = Field(description="The words the text used")
    kind: PlaceKind = "city"
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    confidence: float = Field(default=1.0, ge=0, le=1)


@dataclass(frozen=True, slots=True, kw_only=True, config=_CONFIG)
class Period(Record):
    """The day or span a figure covers.

    ``start``/``end`` are set once the period is resolved against a publication or event
    date; ``text`` keeps the words ("on Saturday", "over the past 48 hours"); ``kind`` says
    how it was stated.
    """

    kind: Literal["unstated", "weekday", "date", "relative_day", "span", "since", "vague"] = (
        "unstated"
    )
    text: str | None = None
    weekday: int | None = Field(default=None, ge=0, le=6, description="Monday=0")
    offset_days: int | None = Field(default=None, description="relative_day: days from anchor")
    days: int | None = Field(default=None, description="span: length in days")
    start: str | None = Field(default=None, description="ISO date")
    end: str | None = Field(default=None, description="ISO date")
    cumulative: bool = False

    @property
    def key(self) -> str:
        """A grouping key: the resolved dates, or the stated words when unresolved."""
        if self.start and self.end:
            return self.start if self.start == self.end else f"{self.start}/{self.end}"
        if self.kind == "unstated":
            return "unstated"
        return f"{self.kind}:{self.text or ''}".lower()


@dataclass(frozen=True, slots=True, kw_only=True, config=_CONFIG)
class Claim(Record):
    """One count a report gives, with who claims it, for whom, when and where."""

    id: str
    article: str = Field(description="Article id")
    section: Section = "body"
    span: Span = Field(description="The sentence, in the section's text")
    number_span: Span = Field(description="The number words, in the section's text")
    text: str = Field(description="The sentence itself")
    measure: str = Field(description="killed, injured, captured, ... (docs/claims.md)")
    group: str = Field(description="Normalised victim group (docs/claims.md)")
    group_text: str = Field(description="The words the text used for the group")
    value: int | None = Field(description="The stated number; None for vague quantities")
    low: int | None = None
    high: int | None = None
    qualifier: Qualifier = "exact"
    number_text: str = Field(description="The number as written, with its hedge")
    claimant: str | None = Field(default=None, description="Who asserts it, in the text's words")
    claimant_key: str | None = Field(default=None, description="Normalised claimant")
    hedge: str | None = Field(default=None, description="reportedly, allegedly, ...")
    period: Period = Field(default_factory=Period)
    places: tuple[Place, ...] = ()
    scope: str | None = Field(
        default=None, description="A single place the count is limited to, when the text says so"
    )
    parts_of: str | None = Field(
        default=None, description="Id of the claim this one is a named part of ('including ...')"
    )


@dataclass(frozen=True, slots=True, kw_only=True, config=_CONFIG)
class AlignedPair(Record):
    """Two sentences, one in each article, that say the same thing."""

    a: Span
    b: Span
    a_text: str
    b_text: str
    similarity: float


@dataclass(frozen=True, slots=True, kw_only=True, config=_CONFIG)
class Relation(Record):
    """How article ``b`` relates to article ``a`` (a pair of the provenance graph)."""

    a: str
    b: str
    kind: RelationKind
    score: float = Field(description="Strength of the evidence, 0..1")
    original: str | None = Field(default=None, description="Which article is the likely source")
    credited: str | None = Field(
        default=None, description="The outlet credited (credit line's name), for syndicated"
    )
    evidence: tuple[AlignedPair, ...] = ()
    original_by: Literal["published_first", "contains_other", "credited"] | None = Field(
        default=None, description="How `original` was told, when it is set"
    )
    credit_line: str | None = Field(
        default=None, description="The words of b that credit the source, for syndicated"
    )
    credit_span: Span | None = Field(
        default=None, description="Where credit_line is in b's text (None: cleaning removed it)"
    )
    external: bool = Field(
        default=False,
        description="The source is the credited outlet, with no article in the batch: a == b",
    )


@dataclass(frozen=True, slots=True, kw_only=True, config=_CONFIG)
class ValueSupport(Record):
    """One distinct value of a fact and everything behind it."""

    value: int | None
    low: int | None = None
    high: int | None = None
    qualifier: Qualifier = "exact"
    number_text: str
    claimants: tuple[str, ...] = Field(description="Claimant names as the reports give them")
    claimant_keys: tuple[str, ...] = ()
    articles: tuple[str, ...]
    claims: tuple[str, ...]
    origins: int = Field(description="Independent origin groups among the articles")
    partisan: bool = Field(
        default=False, description="A party to the conflict counting its enemy's casualties"
    )
    first_published: str | None = Field(
        default=None, description="Earliest known publication date among its articles"
    )
    updated: bool = Field(
        default=False, description="Stated as an update of an earlier toll ('rose to')"
    )


@dataclass(frozen=True, slots=True, kw_only=True, config=_CONFIG)
class TimelinePoint(Record):
    """One report of a figure at its publication time."""

    published: str | None
    value: int | None
    number_text: str
    article: str
    claim: str


@dataclass(frozen=True, slots=True, kw_only=True, config=_CONFIG)
class FactRelation(Record):
    """An arithmetic relation between facts: a total and its parts."""

    kind: Literal["parts", "cumulative", "groups"]
    total: str = Field(description="Id of the fact holding the total")
    parts: tuple[str, ...] = Field(description="Ids of the facts that add up to it")
    expression: str = Field(description="The sum, e.g. '33 = 18 + 15'")
    holds: bool = Field(description="Whether the figures agree with the sum")
    claims: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True, config=_CONFIG)
class StatementEvidence(Record):
    """A sentence that states an accusation and its denial."""

    article: str
    span: Span
    text: str


@dataclass(frozen=True, slots=True, kw_only=True, config=_CONFIG)
class Statement(Record):
    """An accusation and its denial, with both sides' words."""

    accusation: str
    accused: str | None = None
    accusers: tuple[str, ...] = ()
    denied_by: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    evidence: tuple[StatementEvidence, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True, config=_CONFIG)
class Fact(Record):
    """One quantity (measure, group, period, scope) in one event, with every value reported."""

    id: str
    measure: str
    group: str
    period: Period
    scope: str | None = None
    values: tuple[ValueSupport, ...]
    conflict: bool = Field(description="True when two values cannot both be right")
    low: int | None = Field(default=None, description="Smallest credible figure")
    best: int | None = Field(default=None, description="Best estimate, by `rule`")
    high: int | None = Field(default=None, description="Largest credible figure")
    rule: str = Field(default="", description="The rule that produced low/best/high")
    timeline: tuple[TimelinePoint, ...] = Field(
        default=(), description="Every report of the figure, by publication time"
    )


@dataclass(frozen=True, slots=True, kw_only=True, config=_CONFIG)
class Event(Record):
    """A real-world incident and the reports that describe it."""

    id: str
    title: str
    articles: tuple[str, ...]
    date: str | None = Field(default=None, description="Event day, ISO 8601")
    date_precision: Literal["day", "publication"] | None = Field(
        default=None,
        description="day: the reports state the day; publication: assumed from publication",
    )
    event_type: str | None = Field(
        default=None, description="shooting, bombing, attack, clash, raid, ... when named"
    )
    places: tuple[Place, ...] = ()
    facts: tuple[Fact, ...] = ()
    origin_groups: tuple[tuple[str, ...], ...] = Field(
        default=(), description="Articles sharing one origin (copies count once)"
    )
    merged_from: tuple[str, ...] = Field(
        default=(), description="Ids of events merged into this one as reports arrived"
    )
    relations: tuple[FactRelation, ...] = Field(
        default=(), description="Totals and their parts, checked"
    )
    statements: tuple[Statement, ...] = Field(
        default=(), description="Accusations and their denials"
    )


class Report(BaseModel):
    """Everything ``corroborate report`` writes to ``report.json``."""

    schema_: str = Field(default=SCHEMA_VERSION, alias="schema", description="Schema version")
    generated: str = Field(description="UTC time the report was built, ISO 8601")
    articles: tuple[Article, ...]
    events: tuple[Event, ...]
    claims: tuple[Claim, ...]
    relations: tuple[Relation, ...] = ()

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def to_json(self, indent: int | None = 2) -> str:
        """Serialise with the public field names (``schema``, not ``schema_``)."""
        return self.model_dump_json(by_alias=True, indent=indent)
