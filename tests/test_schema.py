"""report.json follows the documented, versioned schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema

from corroborate.model import SCHEMA_VERSION
from corroborate.schema import report_schema

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_committed_schema_matches_model() -> None:
    committed = json.loads((DOCS / "report.schema.json").read_text(encoding="utf-8"))
    assert committed == report_schema(), "regenerate: corroborate schema > docs/report.schema.json"


def test_docs_describe_every_field() -> None:
    doc = (DOCS / "schema.md").read_text(encoding="utf-8")
    assert SCHEMA_VERSION in doc
    schema = report_schema()
    for name in schema["properties"]:
        assert f"`{name}`" in doc, name
    for definition, spec in schema["$defs"].items():
        section = re.search(rf"^#+ {definition}\n(.*?)(?=^#|\Z)", doc, re.M | re.S)
        assert section, f"docs/schema.md has no section for {definition}"
        for name in spec.get("properties", {}):
            assert f"| `{name}` |" in section.group(1), f"{definition}.{name} undocumented"


def test_reports_validate(example_report) -> None:
    data = json.loads(example_report.to_json())
    assert data["schema"] == SCHEMA_VERSION
    jsonschema.validate(data, report_schema())
    for key in ("articles", "events", "claims"):
        assert data[key]
    claim = data["claims"][0]
    for field in (
        "article",
        "span",
        "text",
        "measure",
        "group",
        "value",
        "low",
        "high",
        "qualifier",
        "claimant",
        "period",
    ):
        assert field in claim
    for field in ("articles", "date", "places", "facts"):
        assert field in data["events"][0]
