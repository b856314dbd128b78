"""Accusations and their denials, kept as pairs with both sides' words.

    >>> from corroborate.model import Article
    >>> art = Article.create("The army accused India of backing the rebels, a claim that "
    ...                      "Delhi has denied.", "a.txt")
    >>> [(s.accusers, s.accused, s.denied_by) for s in find_statements([art])]
    [(('The army',), 'India', ('Delhi',))]

Statements from different reports are merged when they point at the same country (the
accused, or else the denier, resolved with the gazetteer), so "India backs the militants"
told five ways is one statement with every accuser and denier beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from corroborate.model import Article, Span, Statement, StatementEvidence
from corroborate.text import sentence_list

_ACCUSE: Final = re.compile(
    r"(?:has\s+|had\s+|also\s+|repeatedly\s+)*(?P<verb>\baccus\w*|\bblam\w*)\s+"
    r"(?P<target>(?:the\s+)?(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+(?:of|for)\s+"
    r"(?P<what>[^,.;]+)"
)
_DENY: Final = re.compile(
    r"(?P<who>(?:New\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s+"
    r"(?:has\s+|have\s+|had\s+)?(?:repeatedly\s+|consistently\s+|strongly\s+|also\s+)?"
    r"(?:denied|denies|deny|rejected|rejects)"
)
_DENY_AFTER: Final = re.compile(r"(?:denied|rejected)\s+by\s+(?P<who>(?:New\s+)?[A-Z][\w’'-]*)")
_PRONOUNS: Final = {"It", "They", "He", "She", "The"}


def _clean(who: str) -> str:
    who = who.strip().rstrip(",")
    who = re.sub(r"^(?:However|Meanwhile|But|And|Also|Earlier|Later),?\s+", "", who)
    return who


def find_statements(articles: Sequence[Article]) -> list[Statement]:
    """Accusation/denial pairs across the articles, merged by the country they concern."""
    from corroborate.geo import resolve

    found: dict[str, Statement] = {}
    for art in articles:
        # Every match has "accus" or "blam" in it: a report with neither word is not split
        # into sentences and searched at all (most have none).
        if "accus" not in art.text and "blam" not in art.text:
            continue
        sents = sentence_list(art.text)
        for i, sent in enumerate(sents):
            m = _ACCUSE.search(sent.text)
            if not m:
                continue
            # The accuser: the words of this clause before the verb.
            before = re.split(r"[,;:–—]", sent.text[: m.start()])[-1].split()[-8:]
            accuser = _clean(" ".join(before)) or None
            if accuser in _PRONOUNS or (accuser and accuser.lower() in ("it", "they", "he", "she")):
                accuser = None  # "It accused India ...": the report named it before
            target = m.group("target").strip()
            # The denial may follow in the next sentence, unless that one accuses anew.
            nxt = sents[i + 1].text if i + 1 < len(sents) else ""
            window = sent.text[m.end() :] + " " + ("" if _ACCUSE.search(nxt) else nxt)
            deniers = [d.group("who") for d in _DENY.finditer(window)]
            deniers += [d.group("who") for d in _DENY_AFTER.finditer(window)]
            deniers = [d for d in deniers if d.split()[0] not in _PRONOUNS]
            if not deniers:
                continue
            place = resolve(target) or resolve(deniers[0])
            key = place.country if place and place.country else target.lower()
            prior = found.get(key)
            evidence = StatementEvidence(
                article=art.id, span=Span(start=sent.start, end=sent.end), text=sent.text
            )
            accusers = tuple(
                dict.fromkeys([*(prior.accusers if prior else ()), *([accuser] if accuser else [])])
            )
            found[key] = Statement(
                accusation=prior.accusation if prior else f"{target} {m.group('what').strip()}",
                accused=prior.accused if prior else target,
                accusers=accusers,
                denied_by=tuple(dict.fromkeys([*(prior.denied_by if prior else ()), *deniers])),
                articles=tuple(dict.fromkeys([*(prior.articles if prior else ()), art.id])),
                evidence=(*(prior.evidence if prior else ()), evidence),
            )
    return list(found.values())
