"""The report shows provenance: external syndication, origin groups and likely originals."""

from __future__ import annotations

import json

import jsonschema
import pytest

from corroborate.model import Article, Event, Relation, Report
from corroborate.provenance import find_relations, origin_groups
from corroborate.report.render import render_html, render_markdown
from corroborate.schema import report_schema

WIRE = (
    "HALDEN (Harbour Wire) - Fire swept through a passenger ferry moored at the port of "
    "Halden on Sunday, killing three crew members, the coastguard said.\n"
    "Flames broke out in the engine room shortly after midnight while passengers slept.\n"
    "Coastguard commander Rolf Aune said rescue boats evacuated 240 people within an hour.\n"
    "Investigators boarded the ferry on Monday to examine the wiring in the engine room."
)
OTHER = (
    "Families gathered at the Halden ferry terminal on Monday as investigators boarded the "
    "burnt-out Nordlys.\nLocal residents described thick black smoke over the harbour.\n"
    "The ferry operator has suspended all sailings on the route until further notice."
)


@pytest.fixture(scope="module")
def report() -> Report:
    relay = Article.create(WIRE, "relay.txt", key="relay", credits=("Harbour Wire",))
    copy = Article.create(WIRE + "\nShare this story.", "copy.txt", key="copy")
    own = Article.create(OTHER, "own.txt", key="own")
    arts = (relay, copy, own)
    rels = find_relations(arts)
    ids = tuple(a.id for a in arts)
    event = Event(
        id="ev-1",
        title="Ferry fire",
        articles=ids,
        origin_groups=tuple(origin_groups(ids, rels)),
    )
    return Report(generated="2031-03-05T00:00:00Z", articles=arts, events=(event,), claims=(),
                  relations=tuple(rels))  # fmt: skip


def test_relations_found(report: Report) -> None:
    kinds = sorted((r.kind, r.external) for r in report.relations)
    assert kinds == [("near_copy", False), ("syndicated", True)]
    assert [len(g) for g in report.events[0].origin_groups] == [2, 1]


@pytest.mark.parametrize("render", [render_markdown, render_html], ids=["md", "html"])
def test_report_shows_origins_and_external_credit(report: Report, render: object) -> None:
    page = render(report)  # type: ignore[operator]
    assert "Origins" in page
    assert "from Harbour Wire (credited; no report of it in this batch)" in page
    assert "is syndicated from" in page and "no report of it in this batch" in page
    assert "its own reporting" in page


def test_report_json_validates_with_provenance_fields(report: Report) -> None:
    data = json.loads(report.to_json())
    jsonschema.validate(data, report_schema())
    external = next(r for r in data["relations"] if r["external"])
    assert external["a"] == external["b"] and external["credited"] == "Harbour Wire"
    assert external["credit_span"]["start"] == 0
    back = Report.model_validate(data)
    assert back.relations == report.relations


def test_relation_fields_default_for_old_records() -> None:
    old = {"a": "x", "b": "y", "kind": "rewrite", "score": 0.9, "original": None,
           "credited": None, "evidence": []}  # fmt: skip
    rel = Relation.model_validate(old)
    assert rel.external is False and rel.credit_line is None and rel.original_by is None
