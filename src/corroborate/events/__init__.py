"""Stage: events — which reports describe the same real-world incident.

    >>> from corroborate.model import Article
    >>> from corroborate.events import group_events
    >>> arts = [Article.create("Gunman kills two at Brenford market.", "a.txt"),
    ...         Article.create("Storm floods the Vessport railway line.", "b.txt")]
    >>> [e.articles == (a.id,) for e, a in zip(group_events(arts), arts)]
    [True, True]

See ``docs/events.md`` for the signals and thresholds.
"""

from corroborate.events.grouping import (
    GENERIC_NEWS_WORDS,
    EventGrouper,
    EventSettings,
    group_events,
)

__all__ = ["GENERIC_NEWS_WORDS", "EventGrouper", "EventSettings", "group_events"]
