"""Shared fixtures: the seed reports and gold file (beside the repo), and the example corpus."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLE = REPO / "examples" / "garissa-market-attack"
EVENTS_DATA = Path(__file__).parent / "data" / "events"


@pytest.fixture(scope="session")
def load_benchmark() -> Callable[[str], ModuleType]:
    """Import a module of ``benchmarks/`` by name (the folder is not a package on the path)."""

    def load(name: str) -> ModuleType:
        spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module

    return load


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = Path(os.environ.get("CORROBORATE_SEEDS") or SHARED / "seeds")
    if not path.is_dir():
        pytest.skip(f"{path} is not there (set CORROBORATE_SEEDS to the seed reports)")
    return path


def _strip_front_matter(text: str) -> tuple[str, dict[str, str]]:
    """Drop a leading ``---`` block; return the body and its simple ``key: value`` lines."""
    if not text.startswith("---"):
        return text, {}
    _, block, body = text.split("---", 2)
    meta = {}
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip()] = value.strip().strip('"')
    return body, meta


@pytest.fixture(scope="session")
def seed_articles(seeds_dir: Path) -> list:
    """The seed reports as articles, read without the ingest stage (front matter: date,
    title), for tests of later stages in isolation."""
    from corroborate.model import Article

    out = []
    for path in sorted(seeds_dir.glob("*.txt")):
        body, meta = _strip_front_matter(path.read_text(encoding="utf-8"))
        out.append(Article.create(body, str(path), date=meta.get("date"), title=meta.get("title")))
    return out


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
