"""The bundled example corpus (invented) goes through the whole pipeline as the README says."""

from __future__ import annotations

from corroborate.reconcile import top_group

COPY_KINDS = {"duplicate", "near_copy", "rewrite"}


def _by_key(report):
    return {a.key: a for a in report.articles}


def test_one_event_with_all_reports(example_report):
    assert len(example_report.articles) == 5
    (event,) = example_report.events
    assert len(event.articles) == 5
    assert event.date == "2026-03-14"  # "on Saturday" in a report dated Sunday 2026-03-15
    assert event.places and event.places[0].name == "Garissa"


def test_copies_found_and_independents_left_alone(example_report):
    keys = {a.id: a.key[:2] for a in example_report.articles}
    pairs = {
        frozenset((keys[r.a], keys[r.b])) for r in example_report.relations if r.kind in COPY_KINDS
    }
    assert frozenset(("01", "02")) in pairs  # near copy with filler and a promo footer
    assert frozenset(("01", "03")) in pairs or frozenset(("02", "03")) in pairs  # paraphrase
    for independent in ("04", "05"):
        assert not any(independent in p for p in pairs)
    (event,) = example_report.events
    # 01, 02 and 03 share one origin; 04 and 05 are independent: three origins.
    assert len(event.origin_groups) == 3


def test_conflicting_death_tolls(example_report):
    (event,) = example_report.events
    fact = next(
        f for f in event.facts if f.measure == "killed" and f.group == "people" and f.scope is None
    )
    assert fact.period.start == "2026-03-14"
    values = {v.value: v for v in fact.values}
    assert set(values) == {9, 11, 12}
    assert fact.conflict
    assert values[9].qualifier == "at_least"
    assert len(values[9].articles) == 3 and values[9].origins == 1  # one wire story, copied
    assert values[12].claimant_keys[0] == "medical"
    assert "County governor Amina Yusuf" in values[11].claimants


def test_partisan_figure_kept_beside_official_one(example_report):
    (event,) = example_report.events
    police = next(
        f for f in event.facts if f.measure == "killed" and top_group(f.group) == "security_forces"
    )
    assert {v.value for v in police.values} == {3, 20}
    jlf = next(v for v in police.values if v.value == 20)
    assert jlf.claimant_keys == ("jlf",)
    assert police.conflict


def test_cleaning_and_metadata(example_report):
    arts = _by_key(example_report)
    tribune = arts["04-northern-tribune"]
    assert tribune.title == "Garissa hospital says 12 killed in market attack"
    assert tribune.date and tribune.date.startswith("2026-03-15")
    assert tribune.author == "Halima Noor"
    horizon = arts["02-horizon-news"]
    assert "Download the Horizon News app" not in horizon.text
    assert "Here's what you need to know" not in horizon.text
    assert "commander commander" not in horizon.text
    assert {r.kind for r in horizon.removed} >= {"promo", "filler", "repeat"}
    dispatch = arts["05-frontier-dispatch"]
    assert "11 people had been killed in the attack" in dispatch.text  # hard wraps joined


def test_explicit_zero_and_not_counts(example_report):
    values = [(c.measure, c.value) for c in example_report.claims]
    assert ("injured", 0) in values  # "No one was hurt at the second post"
    texts = [c.number_text for c in example_report.claims]
    for trap in ("3,000", "2019", "240", "840,000", "10", "12-year-old"):
        assert trap not in texts
