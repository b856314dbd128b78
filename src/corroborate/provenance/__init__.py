"""Stage: provenance — which reports are copies of others, so origins are counted once.

    >>> from corroborate.model import Article
    >>> from corroborate.provenance import find_relations, origin_groups
    >>> a = Article.create("Two people died. Police closed the road.", "a.txt")
    >>> b = Article.create("Two people died.  Police closed the road.", "b.txt")
    >>> c = Article.create("A storm flooded the valley overnight.", "c.txt")
    >>> rels = find_relations([a, b, c])
    >>> [r.kind for r in rels], len(origin_groups([a.id, b.id, c.id], rels))
    (['duplicate'], 2)

See ``docs/provenance.md`` for the method and thresholds.
"""

from corroborate.provenance.core import (
    ALL_PAIRS_MAX,
    CONTAINS_OTHER,
    NEAR_COPY_CONTAINMENT,
    NEAR_COPY_MIN_SHARED,
    QUOTE_MIN_SHARED,
    REWRITE_COVERAGE,
    REWRITE_MEAN_SIM,
    REWRITE_MIN_ALIGNED,
    REWRITE_ORDER,
    SAME_STORY_SIM,
    SENTENCE_SIM,
    TITLE_COVERAGE,
    ProvenanceSettings,
    find_relations,
)
from corroborate.provenance.credits import CreditLine, credit_lines, story_credits
from corroborate.provenance.graph import COPY_KINDS, Origin, derivation, origin_groups

__all__ = [
    "ALL_PAIRS_MAX",
    "CONTAINS_OTHER",
    "COPY_KINDS",
    "NEAR_COPY_CONTAINMENT",
    "NEAR_COPY_MIN_SHARED",
    "QUOTE_MIN_SHARED",
    "REWRITE_COVERAGE",
    "REWRITE_MEAN_SIM",
    "REWRITE_MIN_ALIGNED",
    "REWRITE_ORDER",
    "SAME_STORY_SIM",
    "SENTENCE_SIM",
    "TITLE_COVERAGE",
    "CreditLine",
    "Origin",
    "ProvenanceSettings",
    "credit_lines",
    "derivation",
    "find_relations",
    "origin_groups",
    "story_credits",
]
