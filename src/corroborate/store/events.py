"""Events that survive in the store: the stored reports grouped incrementally.

Each call groups only the stored reports the saved grouping has not seen yet (new ingests,
reports added by ``corroborate report`` or the web app) into the events already there,
with :class:`~corroborate.events.EventGrouper`, and saves the grouping back in one
transaction. Event ids are stable across runs (``"ev-"`` + the founding report's id); a
merge keeps the older id and lists the others in ``Event.merged_from``.

    >>> from corroborate.model import Article
    >>> from corroborate.store import Store
    >>> fire = "A fire at the Halden fertiliser depot killed seven workers on Monday."
    >>> with Store(":memory:") as store:
    ...     _ = store.add_articles([Article.create(fire, "a.txt")])
    ...     first = group_stored(store)
    ...     _ = store.add_articles([
    ...         Article.create("Seven workers died in the Halden depot fire.", "b.txt"),
    ...         Article.create("Floods cut the railway to Vessport for a week.", "c.txt"),
    ...     ])
    ...     second = group_stored(store)
    >>> (first.grouped, first.opened), (second.grouped, second.joined, second.opened)
    ((1, 1), (2, 1, 1))
    >>> [len(e.articles) for e in second.events]
    [2, 1]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from corroborate.model import Event

if TYPE_CHECKING:
    from corroborate.events import Change, EventGrouper, EventSettings
    from corroborate.store.sqlite import Store

#: Reports grouped per :meth:`EventGrouper.update` call when catching up on many: bounds
#: the memory of their claims and places (the grouper's result hardly depends on it).
CHUNK = 2000


@dataclass(frozen=True)
class Grouping:
    """What :func:`group_stored` did, and the events as they now stand."""

    #: Reports added to the grouping by this call.
    grouped: int
    #: Of those, how many joined an event that existed before the call.
    joined: int
    #: Events that did not exist before the call (and still do).
    opened: int
    #: The grouper as saved, to edit further (merge, split) without loading it again.
    grouper: EventGrouper = field(repr=False)
    #: Merges and splits of events that existed before the call.
    changes: list[Change] = field(default_factory=list)
    #: Every event, in order of its founding report, with only current revisions.
    events: list[Event] = field(default_factory=list)


def group_stored(
    store: Store,
    *,
    settings: EventSettings | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Grouping:
    """Group the stored reports not yet grouped; save and return the grouping.

    ``settings`` only apply when the store has no grouping yet. ``progress(done, total)``
    is called after each chunk of reports.
    """
    from corroborate.pipeline import STAGES, Batch, restrict_events

    grouper = store.load_grouper(settings)
    before = grouper.partition()
    seen = {a for members in before.values() for a in members}
    # Ids first: only the reports not grouped yet are read and parsed.
    current = store.article_ids()
    pending = store.articles([i for i in current if i not in seen])
    changes: list[Change] = []
    for start in range(0, len(pending), CHUNK):
        chunk = pending[start : start + CHUNK]
        batch = Batch(articles=chunk)
        STAGES["claims"](batch)
        STAGES["places"](batch)
        changes.extend(grouper.update(chunk, batch.claims, batch.places))
        if progress:
            progress(start + len(chunk), len(pending))
    if pending:
        store.save_grouper(grouper)
    joined = sum(grouper.event_id(a.id) in before for a in pending)
    events = restrict_events(grouper.events(), set(current))
    opened = sum(e.id not in before for e in events)
    return Grouping(len(pending), joined, opened, grouper, changes, events)

