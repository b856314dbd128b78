"""Three invented reports of one attack, written the way wire and conflict reporting is
(tests/data/conflict): header lines, a dateline, partisan figures from both sides, a
background toll from an earlier year, a quoted figure and a subject set off with its name.
Nothing here is tuned on: it checks that the whole pipeline reads a kind of report the
benchmarks do not hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.ingest import read_paths
from corroborate.model import Report
from corroborate.pipeline import analyse

DATA = Path(__file__).parent / "data" / "conflict"


@pytest.fixture(scope="module")
def report() -> Report:
    return analyse(read_paths([DATA]).articles)


def _fact(report: Report, measure: str, group: str, start: str):
    (event,) = report.events
    return next(
        f
        for f in event.facts
        if f.measure == measure and f.group == group and f.period.start == start
    )


def test_header_lines_give_title_outlet_and_date(report: Report) -> None:
    by_key = {a.key: a for a in report.articles}
    wire = by_key["01-wire"]
    assert wire.outlet == "Continental Wire"
    assert wire.date == "2026-03-14"
    assert wire.title is not None and wire.title.startswith("Sudan paramilitary attack")
    assert not wire.text.startswith("Title:")
    # The dateline credits the report's own outlet: that is no syndication.
    assert not any(r.kind == "syndicated" for r in report.relations)


def test_one_event_on_the_day_the_reports_name(report: Report) -> None:
    (event,) = report.events
    assert len(event.articles) == 3
    # "on Friday" in reports dated Saturday 14 March, not the dateline's "March 14"
    assert event.date == "2026-03-13"


def test_civilian_toll_conflicts_between_sources(report: Report) -> None:
    fact = _fact(report, "killed", "civilians", "2026-03-13")
    values = {v.value: v for v in fact.values}
    assert set(values) == {47, 58}
    assert fact.conflict
    assert values[47].qualifier == "at_least"
    assert "local health officials" in values[47].claimants
    assert "The Sudan Doctors Network" in values[58].claimants


def test_each_side_claims_the_other_sides_dead(report: Report) -> None:
    militants = _fact(report, "killed", "militants", "2026-03-13")
    (army,) = militants.values
    assert (army.value, army.qualifier) == (200, "more_than")  # a quoted figure
    assert army.claimants == ("The army",)
    soldiers = _fact(report, "killed", "soldiers", "2026-03-13")
    (rsf,) = soldiers.values
    assert rsf.value == 63
    # "The RSF denied ... and said", then "the group claimed": one party, not unattributed
    assert all("RSF" in c for c in rsf.claimants)


def test_an_earlier_years_toll_is_its_own_fact(report: Report) -> None:
    background = _fact(report, "killed", "people", "2024-01-01")
    (value,) = background.values
    assert value.value == 100 and not background.conflict


def test_later_figures_keep_their_day_and_speaker(report: Report) -> None:
    (freed,) = _fact(report, "freed", "people", "2026-03-14").values
    assert freed.value == 2  # "Two of the three kidnapped aid workers were freed on Saturday"
    (arrested,) = _fact(report, "arrested", "civilians", "2026-03-13").values
    assert arrested.claimants == ("A camp coordinator, Adam Rojal",)  # "..., he said."
