"""The pipeline: named, registered stages run over a batch of articles.

    >>> from corroborate import Article, analyse
    >>> report = analyse([Article.create("Police said two people were killed.", "a.txt")])
    >>> len(report.events), report.claims[0].value
    (1, 2)

Stages are pure: they take records and return records, with no I/O, so the same functions
run in the CLI, the web app, or inside a distributed job. Replace or add one with
:func:`register`::

    @register("claims")
    def my_claims(articles, ctx): ...
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import functools
import gc
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from corroborate.model import Article, Claim, Event, Place, Relation, Report


@dataclass
class Batch:
    """The working state that flows through the stages."""

    articles: list[Article]
    claims: list[Claim] = field(default_factory=list)
    places: dict[str, list[Place]] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


Stage = Callable[[Batch], None]
STAGES: dict[str, Stage] = {}
#: Provenance reads only the articles, and its working memory (sentence features, candidate
#: pairs) is the largest of any stage: run first, it peaks over the articles alone rather
#: than over the claims and places as well.
DEFAULT_STAGES = ("provenance", "claims", "places", "events", "reconcile")


def register(name: str) -> Callable[[Stage], Stage]:
    """Register (or replace) a stage under ``name``."""

    def deco(fn: Stage) -> Stage:
        STAGES[name] = fn
        return fn

    return deco


@register("claims")
def _claims(batch: Batch) -> None:
    from corroborate.claims import extract_claims
    from corroborate.geo import find_places

    # A claim keeps the places of its sentence, read from its article's places: each
    # article's are found once here, for both stages (the places stage keeps them).
    claims: list[Claim] = []
    for a in batch.articles:
        mentions = find_places(a.text)
        batch.places.setdefault(a.id, [m.place for m in mentions])
        claims.extend(extract_claims(a, places=mentions))
    batch.claims = claims


@register("places")
def _places(batch: Batch) -> None:
    from corroborate.geo import find_places

    for a in batch.articles:
        if a.id not in batch.places:  # (the claims stage found most)
            batch.places[a.id] = [m.place for m in find_places(a.text)]


@register("provenance")
def _provenance(batch: Batch) -> None:
    from corroborate.provenance import find_relations

    batch.relations = find_relations(batch.articles)


@register("events")
def _events(batch: Batch) -> None:
    from corroborate.events import group_events

    batch.events = group_events(batch.articles, batch.claims, batch.places)


@register("reconcile")
def _reconcile(batch: Batch) -> None:
    from corroborate.reconcile import reconcile_event

    by_id = {a.id: a for a in batch.articles}
    # Index once: each event then touches only its own claims and relations (linear, not
    # events x claims).
    claims_of: dict[str, list[Claim]] = {}
    at: dict[str, list[int]] = {}  # claim id -> its places in batch.claims
    for k, c in enumerate(batch.claims):
        claims_of.setdefault(c.article, []).append(c)
        at.setdefault(c.id, []).append(k)
    relations_of: dict[str, list[Relation]] = {}
    for r in batch.relations:
        relations_of.setdefault(r.a, []).append(r)
    uses = Counter(a for ev in batch.events for a in ev.articles)
    # Resolved claims and events take the given ones' places as each event is done (the
    # last event to resolve a claim wins), and an article's given claims are let go after
    # its last event: holding both to the end kept a second copy of every claim.
    for n, ev in enumerate(batch.events):
        members = {a: by_id[a] for a in ev.articles if a in by_id}
        ev_claims = [c for a in ev.articles for c in claims_of.get(a, ())]
        ev_relations = [r for a in ev.articles for r in relations_of.get(a, ())]
        batch.events[n], claims = reconcile_event(ev, members, ev_claims, ev_relations)
        for c in claims:
            for k in at.get(c.id, ()):
                batch.claims[k] = c
        for a in ev.articles:
            uses[a] -= 1
            if not uses[a]:
                claims_of.pop(a, None)


def analyse(
    articles: Sequence[Article],
    stages: Sequence[str] = DEFAULT_STAGES,
    progress: Callable[[str], None] | None = None,
    events: Sequence[Event] | None = None,
) -> Report:
    """Run the stages over ``articles`` and return the :class:`Report`.

    ``events``: a grouping made beforehand (the store's incremental one,
    :func:`corroborate.store.events.group_stored`); the ``events`` stage is then skipped and
    each given event keeps only its members among ``articles``.
    """
    unique = list({a.id: a for a in articles}.values())
    batch = Batch(articles=unique)
    with gc_paused():
        for name in stages:
            if progress:
                progress(name)
            if name == "events" and events is not None:
                batch.events = restrict_events(events, {a.id for a in unique})
                grouped = {a for ev in batch.events for a in ev.articles}
                rest = [a for a in unique if a.id not in grouped]
                if rest:  # articles the given grouping has not seen: grouped among themselves
                    ids = {a.id for a in rest}
                    sub = Batch(
                        articles=rest,
                        claims=[c for c in batch.claims if c.article in ids],
                        places={k: v for k, v in batch.places.items() if k in ids},
                    )
                    STAGES[name](sub)
                    batch.events.extend(sub.events)
            else:
                STAGES[name](batch)
            release_heap()
    return Report(
        generated=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        articles=tuple(batch.articles),
        events=tuple(batch.events),
        claims=tuple(batch.claims),
        relations=tuple(batch.relations),
    )


def release_heap() -> None:
    """Hand the C heap's free pages back to the system (glibc's ``malloc_trim``; nothing
    on a C library without it).

    A stage frees most of the arrays and tables it builds, but glibc keeps freed heap pages
    for later C allocations; the next stage builds mostly Python objects, which come from
    Python's own arenas, so without this the resident size kept every stage's peak.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(None)
    except OSError:
        return None
    trim: Callable[[int], int] | None = getattr(libc, "malloc_trim", None)
    return trim


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Run a block with Python's cyclic garbage collector paused.

    The stages build millions of small acyclic objects (records, tokens, dicts); each full
    collection walks all of them again, which cost 6-13% of the pipeline's CPU time on the
    gva reports, and found nothing to free: nothing in the stages makes reference cycles
    (their memory is freed by reference counting as usual). Collection resumes afterwards,
    and is left alone when it was already off (nested or concurrent calls).

    What the block made and kept (a whole batch's report) would be walked once by the next
    young collection and again by the next middle one; it goes straight to the oldest
    generation instead (``gc.freeze`` then ``gc.unfreeze``: no walk), unless the program
    keeps frozen objects of its own.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def restrict_events(events: Sequence[Event], article_ids: set[str]) -> list[Event]:
    """``events`` with only the members in ``article_ids``; events left empty are dropped."""
    out: list[Event] = []
    for ev in events:
        keep = tuple(a for a in ev.articles if a in article_ids)
        if len(keep) == len(ev.articles):
            out.append(ev)
        elif keep:
            out.append(ev.model_copy(update={"articles": keep}))
    return out
