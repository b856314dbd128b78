"""Optional embedding alignment (the `semantic` extra); skipped when it is not installed."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.model import Article
from corroborate.provenance import find_relations
from corroborate.provenance.semantic import available

pytestmark = pytest.mark.skipif(
    not available(), reason="optional extra not installed: pip install '.[semantic]'"
)

DATA = Path(__file__).parent / "data" / "provenance" / "halden"

# The Halden wire story retold with synonyms throughout: few content words in common.
SYNONYMS = """A blaze ripped through a passenger vessel docked at Halden harbour on Sunday, leaving
three sailors dead and eleven travellers hurt, according to the coast guard.
The fire started in the machinery space just after midnight, while most travellers were
sleeping in their berths.
Coast guard chief Rolf Aune said lifeboats brought 240 people off the ship in under sixty
minutes.
The wounded went to Halden General Hospital, where two are still in critical care.
Maritime agency inspectors went aboard on Monday to check the electrical cabling near the
engines.
The Nordlys had cleared its yearly safety check in March."""


@pytest.fixture(scope="module")
def settings():  # type: ignore[no-untyped-def]
    from corroborate.provenance.semantic import semantic_settings

    return semantic_settings()


def _read(name: str) -> Article:
    return Article.create((DATA / f"{name}.txt").read_text(encoding="utf-8"), f"{name}.txt")


def test_synonym_rewrite_needs_embeddings(settings) -> None:  # type: ignore[no-untyped-def]
    wire, retold = _read("wire"), Article.create(SYNONYMS, "retold.txt")
    assert find_relations([wire, retold]) == []
    (rel,) = find_relations([wire, retold], settings)
    assert rel.kind == "rewrite" and all(p.similarity >= 0.75 for p in rel.evidence)


@pytest.mark.parametrize(("a", "b"), [("own", "other"), ("quoting", "other"), ("wire", "other")])
def test_different_stories_stay_apart(settings, a: str, b: str) -> None:  # type: ignore[no-untyped-def]
    rels = find_relations([_read(a), _read(b)], settings)
    assert not [r for r in rels if r.kind in {"near_copy", "rewrite"}]
