"""Corroborate: read many news reports of one event and say who claims what.

    >>> from corroborate import analyse, Article
    >>> report = analyse([Article.create("Police said two people were killed.", "a.txt")])
    >>> [(c.measure, c.value, c.claimant) for c in report.claims]
    [('killed', 2, 'Police')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "Article", "Claim", "Event", "Fact", "Relation", "Report", "analyse"]

if TYPE_CHECKING:
    from corroborate.model import SCHEMA_VERSION, Article, Claim, Event, Fact, Relation, Report
    from corroborate.pipeline import analyse


def __getattr__(name: str) -> Any:
    # Lazy, so `corroborate --help` does not pay for pydantic and the stages.
    if name == "analyse":
        from corroborate.pipeline import analyse

        return analyse
    if name in __all__:
        from corroborate import model

        return getattr(model, name)
    raise AttributeError(name)
