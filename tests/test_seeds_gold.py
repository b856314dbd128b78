"""Acceptance: the report on the five real seed reports agrees with ../shared/gold/seeds.yaml.

Everything expected is read from the gold file; nothing about the seeds is written here.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from corroborate.claims.lexicon import PEOPLE_MEASURES
from corroborate.reconcile import top_group

# The acceptance facts of the foundation issue; later issues widen this to every gold fact.
CORE_FACTS = [
    "militants_killed_attack_day",
    "security_killed_attack_day",
    "civilians_killed_attack_day",
]
COPY_KINDS = {"duplicate", "near_copy", "rewrite"}


def _norm(text: str) -> str:
    text = re.sub(r"\(.*?\)", " ", text.replace("’", "'"))
    text = re.sub(r"'s\b|'", "", text.lower())  # possessives, and the seeds' "Pakistan' military"
    return " ".join(re.findall(r"[a-z]+", text))


def _keys(report) -> dict[str, str]:
    """Gold article key (a000) -> article id, from the file-name prefix."""
    out = {}
    for art in report.articles:
        m = re.match(r"(\d{3})_", art.key)
        assert m, art.key
        out["a" + m.group(1)] = art.id
    return out


def _period_days(gold: dict, key: str) -> tuple[str, str]:
    day = dt.date.fromisoformat(str(gold["event"]["date"]))
    before = day - dt.timedelta(days=1)
    return {
        "attack_day": (day.isoformat(), day.isoformat()),
        "day_before": (before.isoformat(), before.isoformat()),
        "two_days": (before.isoformat(), day.isoformat()),
    }[key]


def _alias_match(claimant: str | None, aliases: list[str]) -> bool:
    if claimant is None:
        return False
    mine = _norm(claimant)
    return any(_norm(a) and (_norm(a) in mine or mine in _norm(a)) for a in aliases)


def test_all_five_reports_are_one_event(seeds_report, gold):
    keys = _keys(seeds_report)
    wanted = {keys[a] for a in gold["event"]["articles"]}
    events = [e for e in seeds_report.events if wanted & set(e.articles)]
    assert len(events) == 1
    assert set(events[0].articles) == wanted


def test_event_date_and_region(seeds_report, gold):
    (event,) = seeds_report.events
    assert event.date == str(gold["event"]["date"])
    assert any(p.country == gold["event"]["country"] for p in event.places)


def test_only_the_derived_pair_is_flagged(seeds_report, gold):
    keys = _keys(seeds_report)
    expected = {
        frozenset((keys[p["a"]], keys[p["b"]])) for p in gold["provenance"]["derived_pairs"]
    }
    flagged = {frozenset((r.a, r.b)) for r in seeds_report.relations if r.kind in COPY_KINDS}
    assert flagged == expected
    for r in seeds_report.relations:
        if r.kind in COPY_KINDS:
            assert r.evidence, "a copy relation must show its aligned sentences"


@pytest.mark.parametrize("fact_id", CORE_FACTS)
def test_core_fact(seeds_report, gold, fact_id):
    keys = _keys(seeds_report)
    by_id = {a.id: a for a in seeds_report.articles}
    claims = {c.id: c for c in seeds_report.claims}
    spec = next(f for f in gold["facts"] if f["id"] == fact_id)
    start, end = _period_days(gold, spec["period"])
    (event,) = seeds_report.events
    facts = [
        f
        for f in event.facts
        if f.measure == spec["measure"]
        and top_group(f.group) == spec["group"]
        and f.period.start == start
        and f.period.end == end
        and f.scope is None
    ]
    assert len(facts) == 1, [f"{f.measure} {f.group} {f.period.key}" for f in event.facts]
    fact = facts[0]
    for gv in spec["values"]:
        if isinstance(gv["value"], int):
            matches = [v for v in fact.values if v.value == gv["value"]]
        else:
            matches = [
                v
                for v in fact.values
                if v.qualifier == "vague" and gv["value"] in v.number_text.lower()
            ]
        assert len(matches) == 1, (gv, [v.number_text for v in fact.values])
        value = matches[0]
        assert value.qualifier == gv["qualifier"], (gv, value.qualifier)
        gold_articles = {keys[a] for a in gv["articles"]}
        assert gold_articles <= set(value.articles), (gv, [by_id[a].key for a in value.articles])
        aliases = gold["claimants"][gv["claimant"]]
        for art in gold_articles:
            stated = [claims[c].claimant for c in value.claims if claims[c].article == art]
            assert any(_alias_match(s, aliases) for s in stated), (gv, by_id[art].key, stated)
    assert fact.conflict is (spec["expected"] == "conflict")


def _occurrences(phrase: str, text: str) -> list[tuple[int, int]]:
    words = re.findall(r"[\w.%]+", phrase)
    pattern = r"\W+(?:\S+\W+){0,2}?".join(re.escape(w) for w in words)
    return [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]


def test_not_casualty_counts_are_never_claims(seeds_report, gold):
    bodies = {a.id: a.text for a in seeds_report.articles}
    people_claims = [
        c for c in seeds_report.claims if c.measure in PEOPLE_MEASURES and c.section == "body"
    ]
    for entry in gold["not_casualty_counts"]:
        phrases = [p.strip() for p in entry.split("(")[0].split("/")]
        found = 0
        for phrase in phrases:
            for aid, text in bodies.items():
                for s, e in _occurrences(phrase, text):
                    found += 1
                    for c in people_claims:
                        if c.article == aid:
                            assert not (c.number_span.start < e and s < c.number_span.end), (
                                entry,
                                c.text,
                            )
        assert found, f"gold phrase not located in any report: {entry}"
