"""The pipeline speed benchmark (benchmarks/bench_pipeline.py) measured for real on a few
invented reports: the floor around every run, the repeats, and the run it reports."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench(load_benchmark: Callable[[str], ModuleType]) -> ModuleType:
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))  # it imports ``stream``
    try:
        return load_benchmark("bench_pipeline")
    finally:
        sys.path.remove(str(REPO / "benchmarks"))


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    """Six invented reports (the benchmark reads reports of over 200 characters): three of
    60 to 90 words, two of them the same."""
    texts = [
        "Police said two people were killed in a shooting on Oak Street in Dayton on Monday. " * 3,
        "Officer Lee said three men were injured when shots were fired outside a bar. " * 6,
        "Officer Lee said three men were injured when shots were fired outside a bar. " * 6,
        "A fire damaged a warehouse in Toledo on Friday; nobody was hurt, officials said. " * 5,
        "Two teenagers were arrested after a robbery at a store in Akron, police said. " * 3,
        "One woman died and four were wounded in an attack in Columbus on Sunday. " * 3,
    ]
    (tmp_path / "gva").mkdir()
    with (tmp_path / "gva" / "articles.jsonl").open("w", encoding="utf-8") as fh:
        for i, text in enumerate(texts):
            row = {"id": f"r{i}", "title": text.split(".")[0], "text": text}
            fh.write(json.dumps(row) + "\n")
    return tmp_path


def test_small_runs_are_repeated_between_floor_passes(bench: ModuleType, data_dir: Path) -> None:
    got = bench.measure(data_dir, 6, real=True)
    assert got["articles"] == 6 and got["reports"] == "real" and got["words"] is None
    assert len(got["floor_cpu_s"]) == 2 * bench.REPEATS  # one before, one after each run
    repeats = got["repeats_report_vs_floor"]
    assert len(repeats) == bench.REPEATS
    assert got["report_vs_floor"] == sorted(repeats)[len(repeats) // 2]  # the median run
    # Its figures are that run's, against the mean of its own two floor passes.
    k = repeats.index(got["report_vs_floor"])
    floor = sum(got["floor_cpu_s"][2 * k : 2 * k + 2]) / 2
    assert got["floor_articles_per_s"] == pytest.approx(6 / floor, rel=0.02)
    assert set(got["cpu_ms_per_article"]) >= {"ingest", "analyse", "claims", "write", "report"}


def test_memory_is_read_after_every_step_and_stage(bench: ModuleType, data_dir: Path) -> None:
    got = bench.measure(data_dir, 6, real=True)
    steps = ["before", "ingest", "provenance", "claims", "places", "events", "reconcile"]
    steps += ["analyse", "write"]
    peak, resident = got["peak_rss_mb_after"], got["rss_mb_after"]
    assert list(peak) == steps and list(resident) == steps
    highs = list(peak.values())
    assert highs == sorted(highs) and got["peak_rss_mb"] == highs[-1]  # a high-water mark
    if resident["before"] is not None:  # (read from /proc where there is one)
        assert all(0 < resident[s] <= peak[s] + 1 for s in steps)


def test_the_word_band_picks_the_real_reports_of_that_length(
    bench: ModuleType, data_dir: Path
) -> None:
    got = bench.measure(data_dir, 10, words=60, real=True, max_words=90)
    assert got["words"] == [60, 90]
    assert got["articles"] == 3  # the lines of 84, 84 and 70 words
    assert got["mean_words"] == 77  # over the two reports read: the copy is kept once
    assert got["claims"] > 0
