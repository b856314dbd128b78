"""events.csv: one UCDP/ACLED-like row per event."""

from __future__ import annotations

import csv
import io

from corroborate import analyse
from corroborate.model import Article
from corroborate.report.events_csv import COLUMNS, event_rows, render_events_csv


def test_deaths_by_side_and_totals():
    arts = [
        Article.create(
            "The army said 12 militants were killed and 3 soldiers died in the "
            "raid near Garissa on Monday.",
            "a.txt",
            date="2026-03-10",
        ),
        Article.create(
            "Hospital officials said 4 civilians were also killed in the raid near "
            "Garissa on Monday.",
            "b.txt",
            date="2026-03-10",
        ),
    ]
    (row,) = event_rows(analyse(arts))
    assert (row["deaths_state"], row["deaths_armed_group"], row["deaths_civilians"]) == (3, 12, 4)
    assert row["best"] == 19 and row["low"] <= 19 <= row["high"]
    assert row["reports"] == 2 and row["independent_origins"] == 2
    assert row["place"] == "Garissa" and row["country"] == "KE" and row["geo_precision"] == "city"


def test_seeds_row_counts_the_disputed_toll(seeds_report, gold):
    (row,) = event_rows(seeds_report)
    assert row["date"] == str(gold["event"]["date"]) and row["country"] == gold["event"]["country"]
    assert row["disputed"] is True
    assert row["independent_origins"] == len(gold["event"]["articles"]) - 1


def test_csv_has_the_documented_columns_and_is_formula_safe():
    art = Article.create(
        '=HYPERLINK("x") Police said 2 people were killed.', "=evil.txt", title="=cmd|' /C calc'!A0"
    )
    text = render_events_csv(analyse([art]))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == COLUMNS
    assert not rows[0]["title"].startswith("=")
    assert not rows[0]["source_articles"].startswith("=")
