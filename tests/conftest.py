"""Shared fixtures: the seed reports and gold file (beside the repo), and the example corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLE = REPO / "examples" / "garissa-market-attack"
EVENTS_DATA = Path(__file__).parent / "data" / "events"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    return path


@pytest.fixture(scope="session")
def gold() -> dict:
    import yaml

    path = SHARED / "gold" / "seeds.yaml"
    if not path.is_file():
        pytest.skip("../shared/gold/seeds.yaml is not beside this checkout")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds_report(seeds_dir: Path):
    from corroborate.ingest import read_paths
    from corroborate.pipeline import analyse

    result = read_paths([seeds_dir])
    assert not result.errors
    return analyse(result.articles)


@pytest.fixture(scope="session")
def example_report():
    from corroborate.ingest import read_paths
    from corroborate.pipeline import analyse

    result = read_paths([EXAMPLE])
    assert not result.errors
    return analyse(result.articles)


@pytest.fixture(scope="session")
def events_manifest() -> dict:
    """tests/data/events: invented reports of three incidents (two shootings in one town on
    one day) and an unrelated story; the manifest gives their dates, places, figures and
    the gold events."""
    import json

    return json.loads((EVENTS_DATA / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def events_corpus(events_manifest: dict) -> list:
    from corroborate.model import Article

    return [
        Article.create((EVENTS_DATA / m["file"]).read_text(encoding="utf-8"), m["file"],
                       key=m["key"], date=m["date"])
        for m in events_manifest["articles"]
    ]
