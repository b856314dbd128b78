"""Tests of corroborate.report: the four renderers and the writer."""

from __future__ import annotations

import csv
import dataclasses
import doctest
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markupsafe
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.model import (
    AlignedPair,
    Article,
    Claim,
    Event,
    Fact,
    Period,
    Place,
    Relation,
    Report,
    Span,
    ValueSupport,
)
from corroborate.reconcile.rules import PARTISAN_NOTES, RULE_TEXT
from corroborate.report import (
    CSV_COLUMNS,
    csv_cell,
    json_chunks,
    md_escape,
    render_csv,
    render_html,
    render_json,
    render_markdown,
    write_report,
)
from corroborate.report import render as render_module
from corroborate.report.events_csv import render_events_csv
from corroborate.report.render import (
    OriginView,
    article_rows_html,
    claim_row_html,
    claim_rows_html,
    csv_pieces,
    event_section_html,
    event_sections_html,
    fact_rows_html,
    html_escape,
    relation_item_html,
    value_box_html,
)
from corroborate.report.view import (
    ArticleRef,
    ArticleView,
    ClaimRef,
    ClaimView,
    LazyViews,
    PairView,
    RelationView,
    ValueView,
    build_view,
    split_claim,
)

SAT = Period(kind="weekday", text="on Saturday", weekday=5, start="2026-01-31", end="2026-01-31")
FRI = Period(kind="weekday", text="on Friday", weekday=4)


def _claim(
    cid: str, art: Article, sentence: str, number: str, measure: str, group: str,
    value: int | None, qualifier: str = "exact", claimant: str | None = None,
    period: Period = SAT,
) -> Claim:  # fmt: skip
    start = art.text.index(sentence)
    at = start + sentence.index(number)
    return Claim(
        id=cid,
        article=art.id,
        span=Span(start=start, end=start + len(sentence)),
        number_span=Span(start=at, end=at + len(number)),
        text=sentence,
        measure=measure,
        group=group,
        group_text=group,
        value=value,
        qualifier=qualifier,
        number_text=number,
        claimant=claimant,
        period=period,
    )


def make_report(
    *, title: str = "Breaking: militants attack Quetta", outlet: str = "Dawn",
    claimant_a: str = "the military", claimant_b: str = "security officials",
    sentence_b: str = "Officials said at least 67 militants were killed on Saturday.",
    event_title: str = "Attacks across Balochistan", group: str = "militants",
    key_b: str = "a002", url: str = "https://example.org/a1", evidence: str | None = None,
    place: str = "Quetta",
) -> Report:  # fmt: skip
    """Two articles, three claims, one event with a conflicting fact, one relation."""
    s1 = "The military said at least 92 militants were killed on Saturday."
    s2 = "It said 15 soldiers were also killed."
    s4 = "On Friday, 41 militants were killed in Harnai."
    a1 = Article.create(
        text=f"{s1} {s2} {s4}", source="seeds/a001.txt", key="a001", title=title,
        outlet=outlet, date="2026-02-01T00:57:25", url=url,
    )  # fmt: skip
    a2 = Article.create(
        text=f"Quetta, Pakistan. {sentence_b} {s4}", source="seeds/a002.txt", key=key_b,
        title="Pakistan says dozens killed", outlet="Reuters", date="2026-01-31",
    )  # fmt: skip
    c1 = _claim("c1", a1, s1, "at least 92", "killed", group, 92, "at_least", claimant_a)
    c2 = _claim("c2", a2, sentence_b, "at least 67", "killed", group, 67, "at_least", claimant_b)
    c3 = _claim("c3", a1, s2, "15", "killed", "security_forces", 15, claimant=claimant_a)
    c4 = _claim("c4", a1, s4, "41", "killed", group, 41, period=FRI)
    c5 = _claim("c5", a2, s4, "41", "killed", group, 41, period=FRI)
    militants = Fact(
        id="f-militants",
        measure="killed",
        group=group,
        period=SAT,
        values=(
            ValueSupport(value=92, qualifier="at_least", number_text="at least 92",
                         claimants=(claimant_a,), articles=(a1.id,), claims=("c1",), origins=1),
            ValueSupport(value=67, qualifier="at_least", number_text="at least 67",
                         claimants=(claimant_b,), articles=(a2.id,), claims=("c2",), origins=1),
        ),
        conflict=True, low=67, best=67, high=92, rule=RULE_TEXT["conservative"],
    )  # fmt: skip
    soldiers = Fact(
        id="f-soldiers", measure="killed", group="security_forces", period=SAT,
        values=(ValueSupport(value=15, number_text="15", claimants=(claimant_a,),
                             articles=(a1.id,), claims=("c3",), origins=1),),
        conflict=False, low=15, best=15, high=15,
        rule=f"{RULE_TEXT['ucdp']}; {PARTISAN_NOTES[1]}",
    )  # fmt: skip
    friday = Fact(
        id="f-friday", measure="killed", group=group, period=FRI, scope="Harnai",
        values=(ValueSupport(value=41, number_text="41", claimants=(), articles=(a1.id, a2.id),
                             claims=("c4", "c5"), origins=1),),
        conflict=False,
    )  # fmt: skip
    quetta = Place(name=place, mention=place, kind="city", country="PK", admin1="Balochistan",
                   lat=30.18, lon=67.0, geonameid=1167528)  # fmt: skip
    event = Event(
        id="ev1", title=event_title, articles=(a1.id, a2.id), date="2026-01-31",
        places=(quetta,), facts=(militants, soldiers, friday),
        origin_groups=((a1.id, a2.id),),
    )  # fmt: skip
    pair = AlignedPair(
        a=Span(start=0, end=len(s4)), b=Span(start=0, end=len(s4)),
        a_text=evidence or s4, b_text=s4, similarity=0.97,
    )  # fmt: skip
    relation = Relation(a=a1.id, b=a2.id, kind="rewrite", score=0.81, original=a1.id,
                        evidence=(pair,))  # fmt: skip
    return Report(
        generated="2026-02-01T06:00:00Z", articles=(a1, a2), events=(event,),
        claims=(c1, c2, c3, c4, c5), relations=(relation,),
    )  # fmt: skip


@pytest.fixture()
def report() -> Report:
    return make_report()


# --------------------------------------------------------------------------- HTML helpers


class _Links(HTMLParser):
    """Collects ids, internal hrefs and anything that would load or run something."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.tags: set[str] = set()
        self.loaders: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, val in attrs:
            if name == "id" and val:
                self.ids.add(val)
            if name == "href" and val:
                self.hrefs.append(val)
            if name == "src" or name.startswith("on"):
                self.loaders.append((name, val or ""))


def _parse(page: str) -> _Links:
    p = _Links()
    p.feed(page)
    return p


# --------------------------------------------------------------------------- JSON


def test_json_round_trips(report: Report) -> None:
    text = render_json(report)
    assert json.loads(text)["schema"] == report.schema_
    assert Report.model_validate_json(text) == report


def test_json_written_in_pieces_is_the_same_text(
    report: Report, seed_articles: list[Article], tmp_path: Path
) -> None:
    from corroborate.pipeline import analyse

    full = analyse(seed_articles)  # every list filled: articles, events, claims, relations
    empty = Report(generated="x", articles=(), events=(), claims=())
    for rep in (report, full, empty):
        assert "".join(json_chunks(rep)) == render_json(rep)
    write_report(full, tmp_path, ("json",))
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == render_json(full)


# --------------------------------------------------------------------------- HTML


def test_html_content(report: Report) -> None:
    page = render_html(report)
    for needle in [
        "Attacks across Balochistan", "2026-01-31", "Quetta (Balochistan, PK)",
        "<dt>Reports</dt><dd>2</dd>", "<dt>Independent origins</dt><dd>1</dd>",
        "at least 92", "at least 67", "the military", "security officials", "CONFLICT",
        "2026-01-31 (on Saturday)", "on Friday", "Harnai", "is a rewrite of", "0.97",
        "Dawn", "Reuters", "seeds/a001.txt", "https://example.org/a1",
        "<mark>at least 92</mark>",
    ]:  # fmt: skip
        assert needle in page, needle
    # The conflicting fact is marked, the others are not.
    assert page.count('class="badge conflict">CONFLICT</span>') == 1


def test_html_links_resolve(report: Report) -> None:
    page = render_html(report)
    links = _parse(page)
    internal = [h[1:] for h in links.hrefs if h.startswith("#")]
    assert internal and set(internal) <= links.ids, set(internal) - links.ids
    # Each figure links to its claim's sentence; articles to their report entry.
    assert re.search(r'<a href="#claim-c1"[^>]*>at least 92</a>', page)
    assert '<a href="#article-a002">a002</a>' in page
    for cid in ("c1", "c2", "c3", "c4", "c5"):
        assert f"claim-{cid}" in links.ids
    assert {"article-a001", "article-a002"} <= links.ids


def test_html_self_contained(report: Report) -> None:
    links = _parse(render_html(report))
    assert "script" not in links.tags and "link" not in links.tags and "img" not in links.tags
    assert links.loaders == []
    external = [h for h in links.hrefs if not h.startswith("#")]
    assert external == ["https://example.org/a1"]  # a plain link, not a resource


ATTACKS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
]


@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize(
    "field",
    ["title", "outlet", "claimant_a", "sentence_b", "event_title", "group", "key_b",
     "evidence", "place"],
)  # fmt: skip
def test_html_escapes_article_text(attack: str, field: str) -> None:
    # The claim sentence must still contain its number for the highlight to work.
    value = f"Officials said at least 67 {attack} were killed." if field == "sentence_b" else attack
    page = render_html(make_report(**{field: value}))
    links = _parse(page)
    assert "script" not in links.tags and "img" not in links.tags and "svg" not in links.tags
    assert links.loaders == [], links.loaders
    assert attack not in page
    assert "&lt;" in page and ("alert(1)" in page)  # shown as text


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<b>x</b>", " JAVASCRIPT:x"])
def test_html_drops_unsafe_urls(url: str) -> None:
    page = render_html(make_report(url=url))
    assert not any(
        h.lower().lstrip().startswith(("javascript", "data")) for h in _parse(page).hrefs
    )


# --------------------------------------------------------------------------- Markdown


def test_markdown_content(report: Report) -> None:
    md = render_markdown(report)
    for needle in [
        "# Corroborate report", "## Attacks across Balochistan", "**Reports:** 2",
        "**Independent origins:** 1", "**⚠ CONFLICT**", "**at least 92**", "**at least 67**",
        "the military", "2026-01-31 (on Saturday)", "**a002** is a rewrite of **a001**",
        "likely original a001", "Quetta (Balochistan, PK)", "## Claims", "Harnai",
    ]:  # fmt: skip
        assert needle in md, needle
    assert md.count("CONFLICT") == 1


def test_fact_sheet_gives_best_and_range_with_its_rule(report: Report) -> None:
    md = render_markdown(report)
    cells = [[c.strip() for c in _cells(line)] for line in md.splitlines()
             if line.startswith("| killed |")]  # fmt: skip
    rows = {f"{c[1]} {c[3]}": c for c in cells}
    assert rows["militants –"][5] == "67 (67–92)"
    assert rows["security\\_forces –"][5] == f"15; {PARTISAN_NOTES[1]}"
    assert rows["militants Harnai"][5] == "–"  # no estimate was made
    # Each rule is written once under the table, without the per-fact note.
    rules = next(line for line in md.splitlines() if line.startswith("Best (range): "))
    assert rules.count("best = ") == 2 and PARTISAN_NOTES[1] not in rules
    page = render_html(report)
    assert '<td class="estimate"><b>67 (67–92)</b></td>' in page
    assert f'<b>15</b><div class="muted">{PARTISAN_NOTES[1]}</div>' in page
    first = _rows(render_csv(report))[0]
    assert (first["fact_low"], first["fact_best"], first["fact_high"]) == ("67", "67", "92")


def _cells(line: str) -> list[str]:
    # Split a Markdown table row on pipes that are not escaped.
    return re.split(r"(?<!\\)\|", line.strip())[1:-1]


def test_markdown_escapes_cells() -> None:
    nasty = "Officials | said\nat least 67 <b>militants</b> were killed."
    md = render_markdown(
        make_report(sentence_b=nasty, claimant_b="a|b", group="x|y", title="T|\nU")
    )
    rows = [ln for ln in md.splitlines() if ln.startswith("|")]
    widths = {len(_cells(r)) for r in rows if "---" not in r}
    # Every table row has its table's column count: 6 (facts), 5 (reports), 7 (claims).
    assert widths <= {5, 6, 7}
    claims_rows = [r for r in rows if "Officials" in r]
    assert claims_rows and all(len(_cells(r)) == 7 for r in claims_rows)
    assert "<b>" not in md and "\\<b\\>" in md
    assert "**at least 67**" in md  # the number is still highlighted


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [("a|b", "a\\|b"), ("line\nbreak", "line break"), ("<i>", "\\<i\\>"), ("*x*", "\\*x\\*"),
     ("plain", "plain"), (42, "42")],
)  # fmt: skip
def test_md_escape(raw: object, escaped: str) -> None:
    assert md_escape(raw) == escaped


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from([*"\\`*_[]<>|# ab\n\t\u00a0\u2009\u200bé’"]), max_size=30)
    | st.text(max_size=30)
)
def test_md_escape_is_the_plain_substitutions(text: str) -> None:
    # md_escape returns most cells untouched after a quick test; the rest get these.
    plain = re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", re.sub(r"\s+", " ", text))
    assert md_escape(text) == plain


def test_white_space_but_a_space_is_never_printable() -> None:
    # md_escape's quick test finds white space other than a space with str.isprintable.
    odd = [c for c in map(chr, range(0x110000)) if c.isspace() and c != " " and c.isprintable()]
    assert odd == []


# --------------------------------------------------------------------------- CSV


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_rows(report: Report) -> None:
    text = render_csv(report)
    assert text.splitlines()[0].split(",") == list(CSV_COLUMNS)
    rows = _rows(text)
    assert len(rows) == 4  # 2 values + 1 + 1
    first = rows[0]
    assert first["event_id"] == "ev1" and first["event_date"] == "2026-01-31"
    assert first["measure"] == "killed" and first["group"] == "militants"
    assert first["period_start"] == first["period_end"] == "2026-01-31"
    assert (first["value"], first["qualifier"], first["conflict"]) == ("92", "at_least", "true")
    assert first["claimants"] == "the military" and first["articles"] == "a001"
    assert first["claims"] == "c1" and first["origins"] == "1"
    assert first["places"] == "Quetta (Balochistan, PK)"
    assert rows[1]["value"] == "67" and rows[1]["articles"] == "a002"
    friday = rows[3]
    assert friday["period_start"] == "" and friday["scope"] == "Harnai"
    assert friday["articles"] == "a001; a002" and friday["claims"] == "c4; c5"
    assert friday["conflict"] == "false" and friday["low"] == ""


@pytest.mark.parametrize("attack", ["=cmd|' /C calc'!A0", "+SUM(1,1)", "-2+3", "@SUM(A1)"])
def test_csv_formula_injection(attack: str) -> None:
    rows = _rows(render_csv(make_report(claimant_a=attack, group=attack, event_title=attack)))
    for row in rows[:1]:
        for col in ("claimants", "group", "event_title"):
            assert row[col] == "'" + attack, col
    for row in rows:
        for cell in row.values():
            assert not cell or cell[0] not in "=+@" or cell.startswith("'")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("\t=1", "'\t=1"),
     ("ok", "ok"), (-5, "-5"), (None, ""), (True, "true"), (0.5, "0.5")],
)  # fmt: skip
def test_csv_cell(value: object, expected: str) -> None:
    assert csv_cell(value) == expected


# --------------------------------------------------------------------------- writer


def test_write_report_all_formats(report: Report, tmp_path: Path) -> None:
    out = tmp_path / "nested" / "out"
    paths = write_report(report, out)
    names = [p.name for p in paths]
    assert names == ["report.md", "report.html", "report.json", "report.csv", "events.csv"]
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)
    assert (out / "report.json").read_text("utf-8") == render_json(report)
    assert (out / "report.csv").read_text("utf-8") == render_csv(report)
    assert (out / "report.html").read_text("utf-8") == render_html(report)
    assert (out / "report.md").read_text("utf-8") == render_markdown(report)
    assert (out / "events.csv").read_text("utf-8") == render_events_csv(report)


@pytest.mark.parametrize("size", [1, 7, 1 << 16])
def test_csv_pieces_join_to_the_whole_file(size: int) -> None:
    rows = [["id", "text"], [1, 'said "92"'], [2, "two\nlines, and a comma"], [3, None]]
    whole = io.StringIO()
    csv.writer(whole, lineterminator="\n").writerows(rows)
    pieces = list(csv_pieces(rows, size=size))
    assert "".join(pieces) == whole.getvalue()
    assert all(len(p) >= size for p in pieces[:-1])  # full pieces; only the last is short
    assert list(csv_pieces([], size=size)) == []


def test_claim_rows_are_made_on_read(report: Report) -> None:
    claims = build_view(report).claims
    assert isinstance(claims, LazyViews) and len(claims) == len(report.claims)
    first, second = list(claims), list(claims)
    assert first == second and first[0] is not second[0]  # made again, not held
    assert claims[0] == first[0] and claims[-1] == first[-1] and claims[1:] == first[1:]


def test_write_report_subset_and_errors(report: Report, tmp_path: Path) -> None:
    written = [p.name for p in write_report(report, tmp_path, ("csv",))]
    assert written == ["report.csv", "events.csv"]
    # Paths come in the order asked for, though JSON is written last (and once).
    written = [p.name for p in write_report(report, tmp_path, ("json", "csv", "md", "json"))]
    assert written == ["report.json", "report.csv", "events.csv", "report.md"]
    assert (tmp_path / "report.json").read_text("utf-8") == render_json(report)
    with pytest.raises(ValueError, match="pdf"):
        write_report(report, tmp_path, ("md", "pdf"))


# --------------------------------------------------------------------------- view details


def test_split_claim_highlights_number(report: Report) -> None:
    c = next(c for c in report.claims if c.id == "c1")
    assert split_claim(c) == (
        "The military said ",
        "at least 92",
        " militants were killed on Saturday.",
    )


def test_split_claim_bad_offsets_fall_back(report: Report) -> None:
    c = next(c for c in report.claims if c.id == "c3")
    broken = c.model_copy(update={"number_span": Span(start=999, end=1001)})
    assert split_claim(broken) == ("It said ", "15", " soldiers were also killed.")


def test_empty_report_renders() -> None:
    rep = Report(generated="2026-02-01T00:00:00Z", articles=(), events=(), claims=())
    assert "No claims." in render_markdown(rep) and "No claims." in render_html(rep)
    assert render_csv(rep) == ",".join(CSV_COLUMNS) + "\n"


def test_unassigned_articles_listed(report: Report) -> None:
    lonely = Article.create(text="Nothing to see.", source="x.txt", key="a009")
    rep = report.model_copy(update={"articles": (*report.articles, lonely)})
    assert [a.ref.key for a in build_view(rep).other_articles] == ["a009"]
    assert 'id="article-a009"' in render_html(rep)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"&<>\"'ab é’\n"]) | st.characters(), max_size=40))
def test_html_escape_is_markupsafes(text: str) -> None:
    assert html_escape(text) == str(markupsafe.escape(text))


def _value(**fields: object) -> ValueView:
    base: dict[str, object] = dict(
        label="at least 92", number="at least 92", qualifier="at_least", value=92, low=None,
        high=None, claimants=("the army",), articles=(ArticleRef("a1", "k1", "article-k1"),),
        claims=(), origins=1, first_claim=None,
    )  # fmt: skip
    return ValueView(**{**base, **fields})  # type: ignore[arg-type]


def test_value_box_without_a_sentence_or_reading() -> None:
    box = value_box_html(_value())
    assert box == (
        '<div class="value">\n  <div class="figure">at least 92</div>\n'
        '  <div class="who">the army</div>\n  <div class="where">in '
        '<a href="#article-k1">k1</a></div>\n  <div class="origins">1 independent origin'
        "</div>\n</div>"
    )


def test_value_box_links_its_sentences_and_escapes_every_field() -> None:
    attack = "<b x='1'>&\""
    refs = (ClaimRef("c1", "claim-c1", attack), ClaimRef("c2", "claim-c2", ""))
    box = value_box_html(_value(
        label=attack, number="92", claimants=(attack, "police"), claims=refs,
        first_claim=refs[0], origins=2, articles=(ArticleRef("a1", attack, "article-x"),),
    ))  # fmt: skip
    assert attack not in box and "<b" not in box
    assert box.count(html_escape(attack)) == 4  # label, claimant, article key, sentence link
    assert '<div class="reading">read as 92</div>' in box
    assert '<a href="#claim-c2">2</a>' in box  # a sentence without a key: its number
    assert "2 independent origins" in box


def test_claim_row_escapes_every_field(report: Report) -> None:
    attack = "<i onclick='x'>&\"</i>"
    view = build_view(report).claims[0]
    names = ("before", "number", "after", "measure", "group", "value", "number_text",
             "claimant", "period")  # fmt: skip
    fields: dict[str, Any] = dict.fromkeys(names, attack)
    row = claim_row_html(dataclasses.replace(view, **fields))
    assert attack not in row and "<i" not in row
    assert row.count(html_escape(attack)) == len(fields) - 1  # value == number_text: once


def test_fact_rows_escape_every_field(report: Report) -> None:
    attack = "<i onclick='x'>&\"</i>"
    fact = next(ev for ev in build_view(report).events if ev.facts).facts[0]
    fields = ("measure", "group", "period", "scope", "rule_note")
    hostile = dataclasses.replace(fact, **dict.fromkeys(fields, attack))
    rows = fact_rows_html(attack, [hostile, fact])
    assert attack not in rows and "<i" not in rows
    assert rows.count(html_escape(attack)) == len(fields) + 2  # and both rows' anchors
    assert f'id="{html_escape(attack)}-fact-2"' in rows
    assert rows.count("<tr ") == 2 and rows.count('<div class="value">') == 2 * len(fact.values)


@pytest.mark.parametrize("url", ["https://example.org/a?<i>", None])
def test_article_rows_escape_every_field(url: str | None) -> None:
    attack = "<i onclick='x'>&\"</i>"
    ref = ArticleRef("a1", attack, attack)
    row = article_rows_html([ArticleView(ref, attack, attack, attack, attack, url)])
    assert attack not in row and "<i" not in row
    assert row.count(html_escape(attack)) == 6  # anchor, key, title, outlet, date, source
    assert ("rel=\"noopener noreferrer\"" in row) is (url is not None)


def test_event_section_escapes_every_field(report: Report) -> None:
    attack = "<i onclick='x'>&\"</i>"
    ev = next(ev for ev in build_view(report).events if ev.facts and ev.articles)
    hostile = dataclasses.replace(
        ev, anchor=attack, title=attack, date=attack, places=(attack, attack)
    )
    ref = ArticleRef("a1", attack, attack)
    origins = [OriginView((ref, ref), None, attack, "")]
    section = event_section_html(hostile, origins)
    assert attack not in section and "<i" not in section
    assert f'<section class="event" id="{html_escape(attack)}">' in section
    assert f"<dd>{html_escape(attack)}; {html_escape(attack)}</dd>" in section
    # the anchor, title, date and places; each fact row's anchor; the origin's two links
    # (anchor and key each) and its credit
    assert section.count(html_escape(attack)) == 5 + len(ev.facts) + 5
    assert section.count("<tr ") == len(ev.facts) + len(ev.articles)
    assert section.startswith("\n<section") and section.endswith("\n</section>")


def test_event_section_without_figures_copies_or_reports(report: Report) -> None:
    first = build_view(report).events[0]
    ev = dataclasses.replace(first, facts=(), relations=(), articles=(), date="")
    section = event_section_html(ev, ())
    assert "<dd>unknown</dd>" in section and "<dd>none</dd>" in section
    assert "No figures were found" in section and "every report is its own origin" in section
    assert "listed under an earlier event" in section
    assert "<table" not in section and "Origins" not in section


def test_event_sections_come_one_a_piece(report: Report) -> None:
    view = build_view(report)
    events = [view.events[0]] * 3
    pieces = list(event_sections_html(events, {}))
    assert [p.count("<section ") for p in pieces] == [1, 1, 1]
    assert "".join(pieces) == event_section_html(view.events[0], ()) * 3


@pytest.mark.parametrize("same", [False, True])
def test_relation_item_escapes_every_field(same: bool) -> None:
    attack = "<i onclick='x'>&\"</i>"
    a = ArticleRef("a1", attack, "article-1")
    b = ArticleRef("a1" if same else "a2", "k2", "article-2")
    pair = PairView(attack, attack, 0.876)
    item = relation_item_html(RelationView(a, b, attack, 0.5, a, attack, (pair, pair)))
    assert attack not in item and "<i" not in item
    # a's key (linked unless credited, in the evidence table's head, as the likely original),
    # the kind (twice), the credit (once more as the source when a is b) and each pair's texts
    assert item.count(html_escape(attack)) == (2 if same else 3) + 2 + (2 if same else 1) + 4
    assert ("(no report of it in this batch)" in item) is same
    assert "score 0.50" in item and item.count('<td class="num">0.88</td>') == 2
    assert item.startswith("<li><strong><a href=\"#article-2\">k2</a></strong> ")


def test_markdown_is_written_as_it_is_read(report: Report) -> None:
    # A row per claim is made only when the writer reaches it (mypyc builds a generator
    # expression's whole list first: at 100k reports, every claim's row at once).
    view = build_view(report)
    made: list[int] = []

    def make(c: ClaimView) -> ClaimView:
        made.append(1)
        return c

    many = LazyViews([view.claims[0]] * 50, make)
    chunks = render_module.markdown_chunks(report, dataclasses.replace(view, claims=many))
    assert next(chunks) == "# Corroborate report\n" and made == []
    while next(chunks) != "## Claims\n":
        pass
    assert [next(chunks) for _ in range(3)][1].startswith("| Report |") and made == []
    assert "**" in next(chunks) and len(made) == 1  # the first claim's row


def test_claim_rows_come_in_pieces_of_the_same_rows(report: Report) -> None:
    claims = build_view(report).claims
    per = render_module.ROWS_PER_PIECE
    many = [claims[0]] * (per * 2 + 3)
    pieces = list(claim_rows_html(many))
    assert [len(p) // len(claim_row_html(claims[0])) for p in pieces] == [per, per, 3]
    assert "".join(pieces) == "".join(map(claim_row_html, many))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"ab \t\n\u00a0\u2003*_|#<>[]\\`"]) | st.characters(),
               max_size=12))  # fmt: skip
def test_md_escape_leaves_alone_only_what_it_would_not_change(text: str) -> None:
    assert md_escape(text) == re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", re.sub(r"\s+", " ", text))


def test_render_doctests() -> None:
    assert doctest.testmod(render_module).failed == 0


class _Writes(io.StringIO):
    """A text file that counts its writes."""

    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, s: str) -> int:
        self.writes += 1
        return super().write(s)


@pytest.mark.parametrize("sizes", [[], [5], [70_000], [10] * 20_000, [40_000, 40_000, 3]])
def test_batched_writes_write_every_chunk_in_order(sizes: list[int]) -> None:
    chunks = [chr(97 + i % 26) * n for i, n in enumerate(sizes)]
    fh = _Writes()
    render_module._write_batched(fh, chunks)
    assert fh.getvalue() == "".join(chunks)
    # Small chunks are gathered: about one write per batch, plus the last.
    assert fh.writes <= sum(sizes) // render_module._WRITE_BATCH + 1 + (len(sizes) > 0)
