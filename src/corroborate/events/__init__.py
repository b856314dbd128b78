"""Stage: events — which reports describe the same real-world incident.

    >>> from corroborate.model import Article
    >>> from corroborate.events import group_events
    >>> arts = [Article.create("Gunman kills two at Brenford market.", "a.txt"),
    ...         Article.create("Storm floods the Vessport railway line.", "b.txt")]
    >>> [e.articles == (a.id,) for e, a in zip(group_events(arts), arts)]
    [True, True]

See ``docs/events.md`` for the signals, thresholds and measured quality.
"""

from corroborate.events.features import Features, article_features
from corroborate.events.grouping import Change, EventGrouper, EventSettings, group_events
from corroborate.events.kinds import EVENT_TRIGGERS
from corroborate.events.kinds import event_type as article_event_type
from corroborate.events.scoring import GENERIC_NEWS_WORDS, SIGNALS, Weights

__all__ = [
    "EVENT_TRIGGERS",
    "GENERIC_NEWS_WORDS",
    "SIGNALS",
    "Change",
    "EventGrouper",
    "EventSettings",
    "Features",
    "Weights",
    "article_event_type",
    "article_features",
    "group_events",
]
