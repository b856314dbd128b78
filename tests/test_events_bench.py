"""The events benchmark's scorer (benchmarks/bench_events.py): B-cubed as documented."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest

from corroborate.model import Article


@pytest.fixture(scope="module")
def bench(load_benchmark: Callable[[str], ModuleType]) -> ModuleType:
    return load_benchmark("bench_events")


def test_bcubed_perfect_and_lumped(bench: ModuleType) -> None:
    gold = {"a": ["1"], "b": ["1"], "c": ["2"]}
    perfect = bench.bcubed({"a": "x", "b": "x", "c": "y"}, gold)
    assert (perfect["precision"], perfect["recall"], perfect["f1"]) == (1.0, 1.0, 1.0)
    lumped = bench.bcubed({"a": "x", "b": "x", "c": "x"}, gold)
    assert lumped["recall"] == 1.0
    assert lumped["precision"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert (lumped["predicted"], lumped["gold"]) == (1, 2)


def test_bcubed_article_under_two_incidents_matches_either(bench: ModuleType) -> None:
    # "b" is listed under incidents 1 and 2; grouped with "a" it matches incident 1 fully.
    gold = {"a": ["1"], "b": ["1", "2"], "c": ["2"]}
    scores = bench.bcubed({"a": "x", "b": "x", "c": "y"}, gold)
    assert scores["precision"] == 1.0
    # "c" misses "b" (its incident 2 holds b and c): recall 1/2 for c only.
    assert scores["recall"] == pytest.approx((1 + 1 + 0.5) / 3)


def test_unlabelled_articles_are_input_but_not_scored(bench: ModuleType) -> None:
    gold = {"a": ["1"], "b": ["1"]}
    scores = bench.bcubed({"a": "x", "b": "x", "z": "x"}, gold)
    assert scores["articles"] == 2 and scores["f1"] == 1.0


def test_baseline_links_similar_texts(bench: ModuleType) -> None:
    pytest.importorskip("scipy")  # the baseline's sparse matrices (the `bench` extra)
    arts = [
        Article.create("Gunman kills four at Brenford market on Canal Street.", "a"),
        Article.create("Four killed by gunman at Brenford market, Canal Street.", "b"),
        Article.create("Council approves Kelmore library budget.", "c"),
    ]
    (part,) = bench.baseline_partitions(arts, [0.3]).values()
    assert part[arts[0].id] == part[arts[1].id] != part[arts[2].id]


@pytest.mark.parametrize(
    ("gold", "name", "kind", "right"),
    [
        ("Springfield", "Springfield", "city", True),
        ("Saint Albans", "St. Albans", "city", True),
        ("Springfield", "Shelbyville", "city", False),
        ("Springfield", "Springfield", "admin1", False),
        # GVA's "city (the place in it the reports name)": either is the incident's city
        ("Riverton (Eastgate)", "Eastgate", "city", True),
        ("Riverton (Eastgate)", "Riverton", "city", True),
        ("Riverton (Eastgate)", "Westgate", "city", False),
        # "name (county)": the county of that name, not a town called so
        ("Marsh (county)", "Marsh County", "admin2", True),
        ("Marsh (county)", "Marsh", "city", False),
        ("Marsh (county)", "Fen County", "admin2", False),
    ],
)
def test_gold_city_forms(bench: ModuleType, gold: str, name: str, kind: str, right: bool) -> None:
    assert bench.city_matches(gold, name, kind) is right
