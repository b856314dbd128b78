"""Unit tests of the web app's pieces: highlighting, SVG charts, upload names, search queries."""

from __future__ import annotations

import doctest
import importlib
import re
from html.parser import HTMLParser

import pytest

from corroborate.model import (
    Claim,
    Event,
    Fact,
    Period,
    Place,
    Relation,
    Span,
    TimelinePoint,
    ValueSupport,
)
from corroborate.store.query import fts_query
from corroborate.web.highlight import highlight_text
from corroborate.web.jobs import safe_name
from corroborate.web.svg import map_svg, provenance_svg, timeline_svg


class Balanced(HTMLParser):
    """Checks that tags nest properly and collects ids and text."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.text = ""
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        self.ids += [v or "" for k, v in attrs if k == "id"]

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> (open: {self.stack})")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text += data


def parse(html: str) -> Balanced:
    p = Balanced()
    p.feed(html)
    p.close()
    assert not p.errors and not p.stack, (p.errors, p.stack)
    return p


def claim(cid: str, start: int, end: int, n0: int, n1: int, text: str = "x") -> Claim:
    return Claim(id=cid, article="a", span=Span(start=start, end=end),
                 number_span=Span(start=n0, end=n1), text=text, measure="killed",
                 group="people", group_text="people", value=1, number_text="1")


TEXT = "First 12 died here.\nThen 3 more <died> and 4 were hurt.\n\nLast line 5."


def test_highlight_keeps_text_and_nests_claims() -> None:
    claims = [
        claim("a", 0, 19, 6, 8),
        claim("b", 20, 55, 25, 26),  # two claims on one sentence: two anchors
        claim("c", 20, 55, 41, 42),
        claim("d", 15, 30, 27, 28),  # overlaps two sentences and crosses a line break
        claim("e", 57, 69, 67, 68),
        claim("f", 60, 500, 0, 1),  # stale offsets past the end: clipped, no number
    ]
    html = str(highlight_text(TEXT, claims))
    p = parse(html)
    assert p.text.replace("\n", "") == TEXT.replace("\n", "")
    assert {f"claim-{c.id}" for c in claims} <= set(p.ids)
    assert len(p.ids) == len(set(p.ids))  # an id once, even when reopened across lines
    assert "&lt;died&gt;" in html and "<died>" not in html
    assert html.count("<p>") == 3  # blank lines count once
    assert re.search(r'<mark class="num"[^>]*>12</mark>', html)


def test_highlight_without_claims_or_paragraphs() -> None:
    assert str(highlight_text("a <b> c", [])) == "<p>a &lt;b&gt; c</p>"
    title = highlight_text('He said "<x>" 4', [claim("t", 0, 15, 14, 15)], paragraphs=False)
    assert str(title).startswith('<span class="claim" id="claim-t">He said &#34;&lt;x&gt;')


def fact(fid: str, values: list[tuple[int, str | None]], conflict: bool = True) -> Fact:
    return Fact(
        id=fid, measure="killed", group="people", period=Period(), conflict=conflict,
        values=tuple(ValueSupport(value=v, number_text=str(v), claimants=("<b>x</b>",),
                                  articles=("a1",), claims=(f"c{v}",), origins=1)
                     for v, _ in values),
        timeline=tuple(TimelinePoint(published=d, value=v, number_text=f"<i>{v}</i>",
                                     article="a1", claim=f"c{v}") for v, d in values),
    )  # fmt: skip


def test_timeline_dated_undated_and_escaped() -> None:
    ev = Event(id="e", title="t", articles=("a1",), facts=(
        fact("f1", [(5, "2026-01-01"), (9, "2026-01-02T10:00:00"), (7, None)]),
        fact("f2", [(2, None)]),
    ))  # fmt: skip
    svg = str(timeline_svg(ev, {"a1": "<evil>"}))
    p = parse(svg)
    assert svg.count("<circle") == 4 and "undated" in p.text
    assert "<evil>" not in svg and "&lt;evil&gt;" in svg and "<i>" not in svg
    assert 'href="/articles/a1#claim-c5"' in svg
    assert timeline_svg(Event(id="e", title="t", articles=()), {}) is None


def test_map_points_outlines_and_escaping() -> None:
    places = (
        Place(name="Quetta<script>", mention="Quetta", country="PK", lat=30.18, lon=66.99),
        Place(name="Pakistan", mention="Pakistan", kind="country", country="PK", lat=30, lon=70),
        Place(name="Nowhere", mention="Nowhere", kind="unknown"),
    )
    svg = str(map_svg(places))
    p = parse(svg)
    assert svg.count("<circle") == 1 and "<script>" not in svg
    assert 'class="land named"' in svg and "Afghanistan" in p.text  # neighbours drawn
    assert map_svg(places[2:]) is None


def test_provenance_graph() -> None:
    rels = [
        Relation(a="a1", b="a2", kind="near_copy", score=0.9, original="a1"),
        Relation(a="a2", b="a3", kind="rewrite", score=0.7),
        Relation(a="a4", b="a4", kind="syndicated", score=0.8, credited="Reuters<>",
                 external=True),
        Relation(a="a1", b="a5", kind="independent", score=0.1),
    ]
    svg = str(provenance_svg(["a1", "a2", "a3", "a4", "a5"], rels, {"a1": "one"}))
    p = parse(svg)
    assert svg.count('class="node"') == 4 and svg.count('class="node outlet"') == 1
    assert "Reuters&lt;&gt;" in svg and "a5" not in svg
    assert svg.count("marker-end") == 2  # the undirected rewrite has no arrow
    assert "one" in p.text
    assert provenance_svg(["a1"], rels[3:], {}) is None


@pytest.mark.parametrize(("given", "expected"), [
    ("../../etc/passwd", "passwd"), ("C:\\Users\\x\\report.txt", "report.txt"),
    (".hidden", "hidden"), ("", "upload-3.txt"), ("..", "upload-3.txt"),
    ("a<b>|c.txt", "a_b_c.txt"), ("x" * 300, "x" * 100),
])  # fmt: skip
def test_safe_name(given: str, expected: str) -> None:
    assert safe_name(given, 3) == expected


def test_fts_query_only_passes_words() -> None:
    assert fts_query('NEAR(a b) OR "c" AND d*') == '"near" "a" "b" "or" "c" "and" "d"*'
    assert fts_query("") is None and fts_query(None) is None


@pytest.mark.parametrize("module", ["corroborate.web.highlight", "corroborate.web.jobs",
                                    "corroborate.store.query"])
def test_doctests(module: str) -> None:
    assert doctest.testmod(importlib.import_module(module)).failed == 0
