"""Stage: claims. Every count a report gives, with claimant, group, period and places.

>>> from corroborate.model import Article
>>> from corroborate.claims import extract_claims
>>> art = Article.create("Two soldiers were killed and 5 injured, the army said.", "a.txt")
>>> [(c.measure, c.group, c.value, c.claimant_key) for c in extract_claims(art)]
[('killed', 'soldiers', 2, 'military'), ('injured', 'soldiers', 5, 'military')]
"""

from corroborate.claims.extract import claimant_key, extract_claims

__all__ = ["claimant_key", "extract_claims"]
