"""The speed benchmarks' synthetic feed (benchmarks/stream.py), on invented source reports."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest


@pytest.fixture(scope="module")
def stream_mod(load_benchmark: Callable[[str], ModuleType]) -> ModuleType:
    return load_benchmark("stream")


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    """Twelve invented reports of six to eleven sentences each."""
    rows = []
    for i in range(12):
        sents = [
            f"Officer Ramos said {i + k} people were hurt near Oak Street on Monday."
            for k in range(6 + i % 6)
        ]
        rows.append({"id": f"r{i}", "title": f"Crash {i}", "date": "2024-03-0" + str(1 + i % 9),
                     "text": "\n".join(sents)})  # fmt: skip
    (tmp_path / "gva").mkdir()
    with (tmp_path / "gva" / "articles.jsonl").open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in rows)
    return tmp_path


def _words(row: dict[str, str]) -> int:
    return len(row["text"].split())


def test_real_reports_come_first_then_the_feed(stream_mod: ModuleType, data_dir: Path) -> None:
    rows = list(stream_mod.stream(data_dir, 40))
    assert [r["id"] for r in rows[:12]] == [f"r{i}" for i in range(12)]
    assert len(rows) == 40
    assert all(r["id"].startswith(("new", "copy")) for r in rows[12:])
    assert list(stream_mod.stream(data_dir, 40)) == rows  # seeded: the same feed every run


def test_long_reports_reach_the_word_count(stream_mod: ModuleType, data_dir: Path) -> None:
    short = list(stream_mod.stream(data_dir, 60))[12:]
    long = list(stream_mod.stream(data_dir, 60, words=200))
    assert len(long) == 60
    assert not any(r["id"].startswith("r") for r in long)  # no (shorter) real reports
    fresh = [r for r in long if r["id"].startswith("new")]
    assert fresh and all(_words(r) >= 200 for r in fresh)
    assert sum(map(_words, long)) / len(long) > 2 * sum(map(_words, short)) / len(short)


@pytest.mark.parametrize(
    ("words", "max_words", "ids"),
    [
        (0, None, range(12)),
        (100, None, [3, 4, 5, 9, 10, 11]),  # 108, 120 and 132 words
        (80, 100, [1, 2, 7, 8]),  # 84 and 96 words
        (100, 100, []),
    ],
)
def test_real_reports_within_the_word_band(
    stream_mod: ModuleType, data_dir: Path, words: int, max_words: int | None, ids: list[int]
) -> None:
    rows = stream_mod.real_reports(data_dir, words, max_words)
    assert [r["id"] for r in rows] == [f"r{i}" for i in ids]
