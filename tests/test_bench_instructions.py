"""The instruction-count benchmark (benchmarks/bench_instructions.py): reading callgrind's
totals, and saying it was skipped where valgrind is missing. (A counted run takes minutes
under valgrind: it is a benchmark, not a unit test.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture()
def bench(
    load_benchmark: Callable[[str], ModuleType], monkeypatch: pytest.MonkeyPatch
) -> ModuleType:
    monkeypatch.syspath_prepend(str(REPO / "benchmarks"))  # it imports ``stream``
    return load_benchmark("bench_instructions")


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("# callgrind format\nversion: 1\nevents: Ir\nsummary: 14450742523\n", 14450742523),
        ("events: Ir\nfl=a.c\n0 5\ntotals: 812\n", 812),
        ("positions: line\nevents: Ir\nsummary: 7\n\ntotals: 7\n", 7),
    ],
)
def test_reads_the_total_instruction_count(bench: ModuleType, text: str, total: int) -> None:
    assert bench.callgrind_total(text) == total


@pytest.mark.parametrize("text", ["", "events: Ir\nfn=main\n16 30\n", "my summary: 12\n"])
def test_output_without_a_total_is_an_error(bench: ModuleType, text: str) -> None:
    with pytest.raises(ValueError, match="summary"):
        bench.callgrind_total(text)


def test_without_valgrind_the_run_says_it_was_skipped(
    bench: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no valgrind on it
    result = bench.run(tmp_path, quick=True)
    assert result == {"skipped": "valgrind is not installed (Debian package valgrind)"}
