"""The benchmark runner's results table (benchmarks/__main__.py), on invented results."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

RUNNER = Path(__file__).resolve().parents[1] / "benchmarks" / "__main__.py"


@pytest.fixture(scope="module")
def runner() -> ModuleType:
    # Not through ``load_benchmark``: registered as "__main__" it would replace pytest's own.
    spec = importlib.util.spec_from_file_location("benchmarks_runner", RUNNER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_runs_on_chosen_lengths_are_named_by_kind_and_length(runner: ModuleType) -> None:
    results = {
        "sizes": [{"articles": 1000, "reports": "feed", "words": None, "x": 1}],
        "long_reports": [
            {"articles": 1000, "reports": "synthetic", "words": [600, None], "x": 2},
            {"articles": 253, "reports": "real", "words": [500, 700], "x": 3},
        ],
        "other": [{"words": [100, None], "x": 4}],  # no count, no kind: its place and length
    }
    rows = dict(runner._rows(results))
    assert rows["sizes[1000].x"] == "1"
    assert rows["long_reports[1000 synthetic 600+ words].x"] == "2"
    assert rows["long_reports[253 real 500-700 words].x"] == "3"
    assert rows["long_reports[253 real 500-700 words].words"] == "[500, 700]"
    assert rows["other[0 100+ words].x"] == "4"


def test_long_lists_are_cut_and_notes_stay_whole(runner: ModuleType) -> None:
    text = "An article's text, quoted. " * 20
    rows = dict(runner._rows({"passes": [0.25, 0.26], "ids": list(range(100)), "text": text,
                              "_run": {"note": "Host slow.\n" * 30}}))  # fmt: skip
    assert rows["passes"] == "[0.25, 0.26]"
    assert len(rows["ids"]) == len(rows["text"]) == 160
    assert rows["ids"].endswith("...") and rows["text"].endswith("...")
    assert rows["_run.note"] == " ".join(["Host slow."] * 30)  # one table row, all of it


def test_label_stores_entries_beside_the_unlabelled_ones(
    runner: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    # The benchmark itself is not what is tested here: each run reports which build ran it.
    monkeypatch.setattr(runner, "run_one", lambda name, *_: {"build": f"{name} build"})
    out = tmp_path / "results.json"
    out.write_text(json.dumps({"_meta": {}, "instructions": {"build": "Python"}}))
    args = ["--data", str(tmp_path), "--json", str(out), "--markdown", str(tmp_path / "b.md")]
    assert runner.main([*args, "--only", "instructions", "--label", "compiled"]) == 0
    got = json.loads(out.read_text())
    assert got["instructions"]["build"] == "Python"  # kept
    assert got["instructions (compiled)"]["build"] == "instructions build"
    assert "## instructions (compiled)" in (tmp_path / "b.md").read_text()
