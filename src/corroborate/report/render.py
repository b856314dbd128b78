"""Renderers of a :class:`~corroborate.model.Report`: pure functions returning strings.

>>> from corroborate.model import Report
>>> empty = Report(generated="2026-02-01T00:00:00Z", articles=(), events=(), claims=())
>>> render_markdown(empty).splitlines()[0]
'# Corroborate report'
>>> render_csv(empty).splitlines()[0].split(",")[:3]
['event_id', 'event_date', 'event_title']
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final, TextIO

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from corroborate.model import Relation, Report
from corroborate.report.view import (
    ArticleRef,
    ArticleView,
    ClaimView,
    EventView,
    FactView,
    RelationView,
    ReportView,
    ValueView,
    anchor,
    build_view,
    plural,
)

FORMATS: Final = ("md", "html", "json", "csv")

CSV_COLUMNS: Final = (
    "event_id", "event_date", "event_title", "places", "measure", "group", "period_start",
    "period_end", "scope", "value", "low", "high", "qualifier", "claimants", "articles",
    "origins", "conflict", "claims", "fact_low", "fact_best", "fact_high",
)  # fmt: skip

#: How a relation reads in a sentence: "<b> is a near copy of <a>".
RELATION_WORDS: Final = {
    "duplicate": "is a duplicate of",
    "near_copy": "is a near copy of",
    "rewrite": "is a rewrite of",
    "syndicated": "is syndicated from",
    "shares_quotes": "shares quotes with",
    "independent": "is independent of",
}


# --------------------------------------------------------------------------- JSON


def render_json(report: Report) -> str:
    """The report as ``report.json`` (the public schema, see ``docs/schema.md``).

    >>> from corroborate.model import Report
    >>> '"schema"' in render_json(Report(generated="x", articles=(), events=(), claims=()))
    True
    """
    return report.to_json()


_LIST_LINE: Final = re.compile(r'  "(articles|events|claims|relations)": \[\](,?)')


def json_chunks(report: Report) -> Iterator[str]:
    """:func:`render_json`'s text in pieces, one record at a time: the same characters
    without the whole document in memory (at 10k reports it was most of the peak of
    ``write_report``).

    >>> from corroborate.model import Article, Report
    >>> rep = Report(generated="x", articles=(Article.create("Two hurt.", "a.txt"),),
    ...              events=(), claims=())
    >>> "".join(json_chunks(rep)) == render_json(rep)
    True
    """
    lists = {"articles": (), "events": (), "claims": (), "relations": ()}
    shell = report.model_copy(update=lists).to_json()
    for line in shell.splitlines(keepends=True):
        m = _LIST_LINE.fullmatch(line.rstrip("\n"))
        if m is None or not getattr(report, m.group(1)):
            yield line
            continue
        name, comma = m.groups()
        records = getattr(report, name)
        yield f'  "{name}": [\n'
        for i, record in enumerate(records):
            # A record two levels down: its own pretty-printed lines, four spaces in.
            body = record.model_dump_json(indent=2).replace("\n", "\n    ")
            yield f"    {body}{',' if i + 1 < len(records) else ''}\n"
        yield f"  ]{comma}\n" if line.endswith("\n") else f"  ]{comma}"


# --------------------------------------------------------------------------- HTML


@cache
def _env() -> Environment:
    # Autoescape on for everything: all article text reaches the page through {{ }}.
    env = Environment(
        loader=PackageLoader("corroborate.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )
    return env


def render_html(report: Report, view: ReportView | None = None) -> str:
    """One self-contained HTML page (inline CSS, no scripts, no external resources).

    All text from the articles is HTML-escaped; figures link to their source sentence.
    ``view`` (here and in the other renderers): the report's :func:`build_view`, when the
    caller has made it already.

    >>> from corroborate.model import Report
    >>> page = render_html(Report(generated="x", articles=(), events=(), claims=()))
    >>> page.startswith("<!DOCTYPE html>") and "<script" not in page
    True
    """
    return "".join(_html_chunks(report, view or build_view(report)))


def _html_chunks(report: Report, view: ReportView) -> Iterator[str]:
    """The page in pieces, so files can be written without the whole page in memory."""
    template = _env().get_template("report.html.j2")
    return template.generate(
        view=view,
        relation_words=RELATION_WORDS,
        origins=origin_views(report, view),
        claim_rows=claim_rows_html,
        event_sections=event_sections_html,
        relation_item=relation_item_html,
        articles_table=articles_table_html,
    )


def html_escape(text: str) -> str:
    r"""``markupsafe.escape(text)`` as a plain string: the same five characters, escaped
    the same way.

    >>> html_escape('<a href="x">Tom & Jerry\'s</a>')
    '&lt;a href=&#34;x&#34;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;'
    """
    # Most cells hold none of the five: a scan for each (``memchr``) takes a fraction of one
    # regex scan for all of them.
    if not ("&" in text or "<" in text or ">" in text or "'" in text or '"' in text):
        return text
    return (
        text.replace("&", "&amp;")
        .replace(">", "&gt;")
        .replace("<", "&lt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


def _article_link(a: ArticleRef) -> str:
    """A link to an article's row, escaped (the template's ``art``)."""
    return f'<a href="#{html_escape(a.anchor)}">{html_escape(a.key)}</a>'


def event_sections_html(
    events: Iterable[EventView], origins: Mapping[str, Sequence[OriginView]]
) -> Iterator[Markup]:
    """The page's event sections, one piece each.

    (Not joined into larger pieces as the claims table's rows are: pieces of 16 sections,
    tens of kilobytes each, left the C allocator holding 85 MB more after the 100k feed's
    page, over the memory target.)
    """
    for ev in events:
        yield Markup(event_section_html(ev, origins.get(ev.id, ())))


def event_section_html(ev: EventView, origins: Sequence[OriginView]) -> str:
    """One event's section of the page (summary, fact sheet, copies, origins, reports),
    every field escaped.

    Built here rather than in the template for the reason :func:`claim_row_html` gives: a
    batch has nearly an event per report, and the template paid a lookup and an escape per
    field (built here, writing the page took 0.057 instead of 0.064 ms a report compiled,
    0.076 instead of 0.094 pure Python).
    """
    e = html_escape
    conflicts = ev.conflicts
    badge = (
        f'<span class="badge conflict">{conflicts} CONFLICT{"" if conflicts == 1 else "S"}</span>'
        if conflicts
        else "none"
    )
    parts = [
        f'\n<section class="event" id="{e(ev.anchor)}">\n  <h2>{e(ev.title)}</h2>'
        '\n  <dl class="summary">'
        f"\n    <dt>Date</dt><dd>{e(ev.date or 'unknown')}</dd>"
        f"\n    <dt>Places</dt><dd>{'; '.join(map(e, ev.places)) if ev.places else '–'}</dd>"
        f"\n    <dt>Reports</dt><dd>{ev.n_reports}</dd>"
        f"\n    <dt>Independent origins</dt><dd>{ev.n_origins}</dd>"
        f"\n    <dt>Conflicting facts</dt><dd>{badge}</dd>"
        "\n  </dl>\n\n  <h3>Fact sheet</h3>"
    ]
    if ev.facts:
        parts.append(
            '\n  <table class="facts">'
            "\n    <thead><tr><th>Measure</th><th>Group</th><th>Period</th><th>Scope</th>"
            "<th>Values reported</th><th>Best (range)</th><th>Status</th></tr></thead>"
            f"\n    <tbody>{fact_rows_html(ev.anchor, ev.facts)}\n    </tbody>\n  </table>"
        )
        rules = ev.rules
        if rules:
            parts.append(f'\n  <p class="muted">Best (range): {" · ".join(map(e, rules))}.</p>')
    else:
        parts.append('\n  <p class="muted">No figures were found for this event.</p>')
    parts.append("\n\n  <h3>Copies and rewrites</h3>")
    if ev.relations:
        items = "".join(map(relation_item_html, ev.relations))
        parts.append(f'\n  <ul class="relations">{items}</ul>')
    else:
        parts.append(
            '\n  <p class="muted">No report is a copy of another: every report is its own'
            " origin.</p>"
        )
    if origins:
        items = "".join(
            f"<li>{', '.join(map(_article_link, o.members))} — {e(o.summary)}</li>"
            for o in origins
        )
        parts.append(f'\n  <h3>Origins</h3>\n  <ol class="origins-list">{items}</ol>')
    parts.append("\n\n  <h3>Reports</h3>")
    if ev.articles:
        parts.append(f"\n  {articles_table_html(ev.articles)}")
    else:
        parts.append(
            '\n  <p class="muted">All reports of this event are listed under an earlier'
            " event.</p>"
        )
    parts.append("\n</section>")
    return "".join(parts)


def relation_item_html(r: RelationView) -> Markup:
    """One copy relation's list item, with its aligned sentences, every field escaped."""
    e = html_escape
    b = _article_link(r.b)
    if r.a.id == r.b.id:
        a = f"<strong>{e(r.credited)}</strong> (no report of it in this batch)"
    else:
        a = f"<strong>{_article_link(r.a)}</strong>"
    original = f"; likely original {_article_link(r.original)}" if r.original else ""
    credits = f"; credits {e(r.credited)}" if r.credited else ""
    parts = [
        f"<li><strong>{b}</strong> {e(RELATION_WORDS.get(r.kind, r.kind))} {a}"
        f'\n  <span class="muted">({e(r.kind)}, score {r.score:.2f}{original}{credits})</span>'
    ]
    if r.evidence:
        parts.append(
            '\n  <table class="evidence">'
            f"\n    <thead><tr><th>{e(r.a.key)}</th><th>{e(r.b.key)}</th><th>similarity</th>"
            "</tr></thead>\n    <tbody>"
        )
        for p in r.evidence:
            parts.append(
                f"\n      <tr><td>{e(p.a_text)}</td><td>{e(p.b_text)}</td>"
                f'<td class="num">{p.similarity:.2f}</td></tr>'
            )
        parts.append("\n    </tbody>\n  </table>")
    parts.append("\n</li>")
    return Markup("".join(parts))


def articles_table_html(arts: Iterable[ArticleView]) -> Markup:
    """A reports table (an event's, or the reports not assigned to one)."""
    return Markup(
        '<table class="reports">'
        "\n  <thead><tr><th>Key</th><th>Title</th><th>Outlet</th><th>Date</th><th>Source</th>"
        f"</tr></thead>\n  <tbody>{article_rows_html(arts)}\n  </tbody>\n</table>"
    )


def article_rows_html(arts: Iterable[ArticleView]) -> str:
    """The rows of a reports table, every field escaped."""
    e = html_escape
    rows = []
    for a in arts:
        source = (
            f'<a href="{e(a.url)}" rel="noopener noreferrer">{e(a.source)}</a>'
            if a.url
            else e(a.source)
        )
        rows.append(
            f'\n    <tr id="{e(a.ref.anchor)}"><td><code>{e(a.ref.key)}</code></td>'
            f"<td>{e(a.title)}</td><td>{e(a.outlet)}</td><td>{e(a.date)}</td>"
            f"\n      <td>{source}</td></tr>"
        )
    return "".join(rows)


def fact_rows_html(event_anchor: str, facts: Iterable[FactView]) -> str:
    """The rows of an event's fact sheet, every field escaped."""
    e = html_escape
    rows = []
    for i, f in enumerate(facts, 1):
        note = f'<div class="muted">{e(f.rule_note)}</div>' if f.rule_note else ""
        if f.conflict:
            badge = '<span class="badge conflict">CONFLICT</span>'
        elif len(f.values) > 1:
            badge = '<span class="badge agree">compatible</span>'
        else:
            badge = '<span class="badge">single value</span>'
        rows.append(
            f'\n      <tr class="{"conflict" if f.conflict else "ok"}"'
            f' id="{e(event_anchor)}-fact-{i}">'
            f"\n        <td>{e(f.measure)}</td><td>{e(f.group)}</td><td>{e(f.period)}</td>"
            f"<td>{e(f.scope or '–')}</td>"
            f'\n        <td><div class="values">{"".join(map(value_box_html, f.values))}</div></td>'
            f'\n        <td class="estimate"><b>{e(f.estimate)}</b>{note}</td>'
            f"\n        <td>{badge}</td>"
            "\n      </tr>"
        )
    return "".join(rows)


def value_box_html(v: ValueView) -> str:
    """One value's box in the fact sheet, every field escaped (built here for the reason
    :func:`claim_row_html` gives: a fact sheet has a box per value)."""
    e = html_escape
    label = e(v.label)
    figure = (
        f'<a href="#{e(v.first_claim.anchor)}" title="source sentence">{label}</a>'
        if v.first_claim
        else label
    )
    reading = f'<div class="reading">read as {e(v.number)}</div>' if v.number != v.label else ""
    who = "; ".join(map(e, v.claimants)) if v.claimants else "unattributed"
    where = ", ".join(map(_article_link, v.articles))
    src = (
        '\n  <div class="src">sentences: '
        + " · ".join(
            f'<a href="#{e(c.anchor)}">{e(c.article_key or str(i))}</a>'
            for i, c in enumerate(v.claims, 1)
        )
        + "</div>"
        if v.claims
        else ""
    )
    return (
        f'<div class="value">\n  <div class="figure">{figure}</div>{reading}'
        f'\n  <div class="who">{who}</div>\n  <div class="where">in {where}</div>{src}'
        f'\n  <div class="origins">{v.origins} independent origin{"" if v.origins == 1 else "s"}'
        "</div>\n</div>"
    )


#: Claims table rows per piece of the page: the template's loop costs a call and an escape
#: per piece, and a piece of rows stays small however many claims there are.
ROWS_PER_PIECE: Final = 64


def claim_rows_html(claims: Iterable[ClaimView]) -> Iterator[Markup]:
    """The claims table's rows, :data:`ROWS_PER_PIECE` at a time."""
    rows: list[str] = []
    for c in claims:
        rows.append(claim_row_html(c))
        if len(rows) == ROWS_PER_PIECE:
            yield Markup("".join(rows))
            rows = []
    if rows:
        yield Markup("".join(rows))


def claim_row_html(c: ClaimView) -> str:
    """One row of the page's claims table, every field escaped.

    Built here rather than in the template: the table has a row per claim, the largest
    part of the page, and the template paid an attribute lookup, an escape and a
    ``Markup`` per field (built here, the rows took writing the page from 324 to 278 us
    a 600-word report, pure-Python build).
    """
    e = html_escape
    title = ' <span class="muted">(title)</span>' if c.section == "title" else ""
    value = f' <span class="muted">({e(c.value)})</span>' if c.value != c.number_text else ""
    return (
        f'\n      <tr id="{e(c.anchor)}">'
        f"\n        <td>{_article_link(c.article)}{title}</td>"
        f"\n        <td>{e(c.before)}<mark>{e(c.number)}</mark>{e(c.after)}</td>"
        f"\n        <td>{e(c.measure)}</td><td>{e(c.group)}</td>"
        f"\n        <td>{e(c.number_text)}{value}</td>"
        f"\n        <td>{e(c.claimant or '–')}</td><td>{e(c.period)}</td>"
        "\n      </tr>"
    )


@dataclass(init=False, unsafe_hash=True)  # own __init__: see corroborate.buildinfo
class OriginView:
    """One origin group of an event's derivation graph (see corroborate.provenance.graph)."""

    members: Final[tuple[ArticleRef, ...]]
    original: Final[ArticleRef | None]
    credited: Final[str]
    reason: Final[str]

    def __init__(
        self,
        members: tuple[ArticleRef, ...],
        original: ArticleRef | None,
        credited: str,
        reason: str,
    ) -> None:
        self.members = members
        self.original = original
        self.credited = credited
        self.reason = reason

    @property
    def summary(self) -> str:
        """What the group goes back to, in words."""
        if self.credited:
            relay = (
                f", relayed here by {self.original.key}"
                if self.original is not None and len(self.members) > 1
                else ""
            )
            return f"from {self.credited} (credited; no report of it in this batch){relay}"
        if self.original is not None and len(self.members) == 1:
            return "its own reporting"
        if self.original is not None:
            return f"likely original {self.original.key} ({self.reason})"
        return "original undetermined (no publication times, credit or containment tell)"


def origin_views(report: Report, view: ReportView) -> dict[str, list[OriginView]]:
    """Per event id, its origin groups with the likely original of each."""
    from corroborate.provenance import derivation

    refs = {a.ref.id: a.ref for ev in view.events for a in ev.articles}
    refs.update((a.ref.id, a.ref) for a in view.other_articles)

    def ref(aid: str) -> ArticleRef:
        return refs.get(aid) or ArticleRef(aid, aid, anchor("article", aid))

    arts = {a.id: a for a in report.articles}
    # Each event reads only the relations touching its members (in report order): scanning
    # every relation for every event made writing grow with the square of the batch.
    touching: dict[str, list[int]] = {}
    for n, r in enumerate(report.relations):
        touching.setdefault(r.a, []).append(n)
        if r.b != r.a:
            touching.setdefault(r.b, []).append(n)

    def relations_of(ids: Sequence[str]) -> list[Relation]:
        found = sorted({n for a in ids for n in touching.get(a, ())})
        return [report.relations[n] for n in found]

    return {
        ev.id: [
            OriginView(
                tuple(ref(m) for m in o.members),
                ref(o.original) if o.original else None,
                o.credited or "",
                o.reason,
            )
            for o in derivation(ev.articles, relations_of(ev.articles), arts)
        ]
        for ev in report.events
    }


# --------------------------------------------------------------------------- Markdown

_MD_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>|#])")
_SPACES: Final = re.compile(r"\s+")


def md_escape(text: object) -> str:
    """Make text safe inside a Markdown table cell: no pipes, HTML or line breaks.

    >>> md_escape("a|b <i>c</i>\\nd")
    'a\\\\|b \\\\<i\\\\>c\\\\</i\\\\> d'
    """
    s = str(text)
    # Most cells hold no special character and no white space but lone spaces, and are
    # kept as they are. White space other than a space is never printable, so this asks
    # for each special character (``memchr``) and for two spaces in a row, not for the
    # regex's ``\s`` at every character.
    if (
        s.isprintable()
        and "  " not in s
        and "|" not in s
        and "<" not in s
        and ">" not in s
        and "*" not in s
        and "_" not in s
        and "#" not in s
        and "[" not in s
        and "]" not in s
        and "`" not in s
        and "\\" not in s
    ):
        return s
    # Newlines would end the row; edge spaces are kept so escaped pieces can be joined.
    return _MD_SPECIAL.sub(r"\\\1", _SPACES.sub(" ", s))


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(c.strip() or " " for c in cells) + " |"


def _table(header: Sequence[str], rows: Iterable[Iterable[str]]) -> Iterator[str]:
    yield _row(header)
    yield _row("---" for _ in header)
    yield from map(_row, rows)


def _md_value(v: ValueView) -> str:
    label = f"**{md_escape(v.label)}**"
    if v.number != v.label:
        label += f" (read as {md_escape(v.number)})"
    who = "; ".join(md_escape(c) for c in v.claimants) or "unattributed"
    where = ", ".join(md_escape(a.key) for a in v.articles)
    origins = plural(v.origins, "origin")
    return f"{label} — {who} — in {where} — {origins}"


def _md_fact(f: FactView) -> list[str]:
    values = "<br>".join(_md_value(v) for v in f.values)  # <br>: ours, after escaping
    status = "**⚠ CONFLICT**" if f.conflict else ("agree" if len(f.values) > 1 else "single")
    return [
        md_escape(f.measure),
        md_escape(f.group),
        md_escape(f.period),
        md_escape(f.scope) or "–",
        values,
        md_escape(f"{f.estimate}; {f.rule_note}" if f.rule_note else f.estimate),
        status,
    ]


def _md_relation(r: RelationView) -> list[str]:
    extra = [f"score {r.score:.2f}"]
    if r.original:
        extra.append(f"likely original {md_escape(r.original.key)}")
    if r.credited:
        extra.append(f"credits {md_escape(r.credited)}")
    words = RELATION_WORDS.get(r.kind, md_escape(r.kind))
    if r.a.id == r.b.id:  # the source is the credited outlet, with no report in the batch
        return [f"- **{md_escape(r.b.key)}** {words} {md_escape(r.credited)} "
                f"(no report of it in this batch; score {r.score:.2f})"]  # fmt: skip
    lines = [f"- **{md_escape(r.b.key)}** {words} **{md_escape(r.a.key)}** ({'; '.join(extra)})"]
    for p in r.evidence:
        lines.append(f"  - {md_escape(r.a.key)}: “{md_escape(p.a_text)}”")
        lines.append(f"    {md_escape(r.b.key)}: “{md_escape(p.b_text)}” ({p.similarity:.2f})")
    return lines


def _md_articles(arts: Sequence[ArticleView]) -> Iterator[str]:
    return _table(
        ("Key", "Title", "Outlet", "Date", "Source"),
        (
            (md_escape(a.ref.key), md_escape(a.title), md_escape(a.outlet), md_escape(a.date),
             md_escape(a.url or a.source))
            for a in arts
        ),
    )  # fmt: skip


def _md_origins(origins: Sequence[OriginView]) -> list[str]:
    return [
        f"{n}. {', '.join(f'**{md_escape(m.key)}**' for m in o.members)} — {md_escape(o.summary)}"
        for n, o in enumerate(origins, 1)
    ]


def _markdown(
    view: ReportView, origins: Mapping[str, Sequence[OriginView]] | None = None
) -> Iterator[str]:
    """The Markdown page line by line (without line ends)."""
    yield from [
        "# Corroborate report",
        "",
        f"Generated {md_escape(view.generated)} · {plural(view.n_articles, 'report')} · "
        f"{plural(len(view.events), 'event')} · {plural(len(view.claims), 'claim')} · "
        f"schema {md_escape(view.schema)}",
    ]
    for ev in view.events:
        yield from ["", f"## {md_escape(ev.title)}", ""]
        yield from [
            f"- **Date:** {md_escape(ev.date or 'unknown')}",
            f"- **Places:** {'; '.join(md_escape(p) for p in ev.places) or '–'}",
            f"- **Reports:** {ev.n_reports}",
            f"- **Independent origins:** {ev.n_origins}",
            f"- **Conflicting facts:** {ev.conflicts or 'none'}",
            "",
            "### Fact sheet",
            "",
        ]
        if ev.facts:
            header = (
                "Measure", "Group", "Period", "Scope", "Values reported", "Best (range)", "Status"
            )  # fmt: skip
            yield from _table(header, (_md_fact(f) for f in ev.facts))
            if ev.rules:
                yield from ["", f"Best (range): {md_escape(' · '.join(ev.rules))}."]
        else:
            yield "No figures were found for this event."
        yield from ["", "### Copies and rewrites", ""]
        if ev.relations:
            for r in ev.relations:
                yield from _md_relation(r)
        else:
            yield "No report is a copy of another: every report is its own origin."
        if origins and origins.get(ev.id):
            yield from ["", "### Origins", "", *_md_origins(origins[ev.id])]
        yield from ["", "### Reports", ""]
        yield from _md_articles(ev.articles) if ev.articles else ["Listed under an earlier event."]
    if view.other_relations:
        yield from ["", "## Other copies and rewrites", ""]
        for r in view.other_relations:
            yield from _md_relation(r)
    if view.other_articles:
        yield from ["", "## Reports not assigned to an event", ""]
        yield from _md_articles(view.other_articles)
    yield from ["", "## Claims", ""]
    if view.claims:
        yield from _table(
            ("Report", "Sentence", "Measure", "Group", "Value", "Claimant", "Period"),
            _md_claim_rows(view.claims),
        )
    else:
        yield "No claims."


def _md_claim_rows(claims: Iterable[ClaimView]) -> Iterator[tuple[str, ...]]:
    # A generator function, not a generator expression: compiled, mypyc builds a generator
    # expression's whole list first (every claim's row at once: over 1 GB at 100k reports).
    for c in claims:
        yield (
            md_escape(c.article.key) + (" (title)" if c.section == "title" else ""),
            md_escape(c.before) + (f"**{md_escape(c.number)}**" if c.number else "")
            + md_escape(c.after),
            md_escape(c.measure),
            md_escape(c.group),
            md_escape(c.number_text) + (f" ({md_escape(c.value)})"
                                        if c.value != c.number_text else ""),
            md_escape(c.claimant) or "–",
            md_escape(c.period),
        )  # fmt: skip


def render_markdown(report: Report, view: ReportView | None = None) -> str:
    """A Markdown fact sheet: per event a summary, the facts table, copies and reports;
    then every claim. Table cells are escaped (pipes, newlines, HTML, emphasis).

    >>> from corroborate.model import Report
    >>> "## Claims" in render_markdown(Report(generated="x", articles=(), events=(), claims=()))
    True
    """
    return "".join(markdown_chunks(report, view))


def markdown_chunks(report: Report, view: ReportView | None = None) -> Iterator[str]:
    """:func:`render_markdown`'s text line by line (written without the whole page in
    memory)."""
    view = view or build_view(report)
    return _with_line_ends(_markdown(view, origin_views(report, view)))


def _with_line_ends(lines: Iterable[str]) -> Iterator[str]:
    # (Not a generator expression, which the compiled build would make a list of first.)
    for line in lines:
        yield f"{line}\n"


# --------------------------------------------------------------------------- CSV


def csv_cell(value: object) -> str:
    """A CSV cell that spreadsheets will not run as a formula.

    >>> csv_cell("=HYPERLINK(1)"), csv_cell("-2+3"), csv_cell(42), csv_cell(None)
    ("'=HYPERLINK(1)", "'-2+3", '42', '')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    s = str(value)
    # Leading = + - @ (and tab/CR, which some spreadsheets strip first) start a formula.
    return "'" + s if s and s[0] in "=+-@\t\r" else s


def csv_pieces(rows: Iterable[Iterable[object]], size: int = 1 << 16) -> Iterator[str]:
    """CSV text of ``rows`` in pieces of about ``size`` characters, so that a file of any
    length is written without being held whole.

    >>> list(csv_pieces([["a", 1], ["b, c", None]], size=4))
    ['a,1\\n', '"b, c",\\n']
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for row in rows:
        writer.writerow(row)
        if buf.tell() >= size:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    if buf.tell():
        yield buf.getvalue()


def render_csv(report: Report, view: ReportView | None = None) -> str:
    """One row per (event, fact, value); columns :data:`CSV_COLUMNS`.

    Lists (places, claimants, articles, claims) are joined with ``"; "``; articles by key.

    >>> from corroborate.model import Report
    >>> render_csv(Report(generated="x", articles=(), events=(), claims=())).count("\\n")
    1
    """
    return "".join(csv_chunks(report, view))


def csv_chunks(report: Report, view: ReportView | None = None) -> Iterator[str]:
    """:func:`render_csv`'s text in pieces (written without the whole file in memory)."""
    return csv_pieces(itertools.chain([CSV_COLUMNS], _csv_rows(view or build_view(report))))


def _csv_rows(view: ReportView) -> Iterator[list[str]]:
    for ev in view.events:
        places = "; ".join(ev.places)
        for f in ev.facts:
            for v in f.values:
                row: tuple[object, ...] = (
                    ev.id, ev.date, ev.title, places, f.measure, f.group, f.period_start,
                    f.period_end, f.scope, v.value, v.low, v.high, v.qualifier,
                    "; ".join(v.claimants), "; ".join(a.key for a in v.articles), v.origins,
                    f.conflict, "; ".join(c.id for c in v.claims), f.low, f.best, f.high,
                )  # fmt: skip
                yield [csv_cell(x) for x in row]


# --------------------------------------------------------------------------- files


#: Characters :func:`_write_batched` gathers before each write.
_WRITE_BATCH: Final = 1 << 16


def _write_batched(fh: TextIO, chunks: Iterable[str]) -> None:
    """``fh.writelines(chunks)``, the small chunks joined into writes of about
    ``_WRITE_BATCH`` characters: the page's template yields some forty pieces a report,
    and a text file's ``write`` costs more per call than joining them (a fifth of writing
    the page)."""
    batch: list[str] = []
    size = 0
    for chunk in chunks:
        batch.append(chunk)
        size += len(chunk)
        if size >= _WRITE_BATCH:
            fh.write("".join(batch))
            batch.clear()
            size = 0
    fh.write("".join(batch))


def write_report(report: Report, out_dir: Path, formats: Sequence[str] = FORMATS) -> list[Path]:
    """Write ``report.<fmt>`` for each format into ``out_dir`` (created if needed).

    Returns the paths written, in the order of ``formats``. With ``csv``, ``events.csv``
    (one UCDP/ACLED-like row per event) is written beside ``report.csv``.

    >>> import tempfile
    >>> from corroborate.model import Report
    >>> rep = Report(generated="x", articles=(), events=(), claims=())
    >>> [p.name for p in write_report(rep, Path(tempfile.mkdtemp()), ("json", "md"))]
    ['report.json', 'report.md']
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown report format(s): {', '.join(unknown)}; choose from {FORMATS}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, list[Path]] = {}
    view = build_view(report) if set(formats) - {"json"} else None  # built once, for all
    # JSON goes last, once the view is let go: pydantic serialises a string that is not
    # ASCII through CPython's UTF-8 form of it, which the string then keeps as long as it
    # lives (about 90 MB of the articles' text at 100k reports). Written before the other
    # formats, those copies and the view took memory at the same time.
    for fmt in sorted(dict.fromkeys(formats), key=lambda f: f == "json"):
        path = out_dir / f"report.{fmt}"
        if fmt == "json":
            view = None
        # newline="" keeps the CSV's own line endings exactly as rendered.
        with path.open("w", encoding="utf-8", newline="") as fh:
            if fmt == "html":
                assert view is not None
                _write_batched(fh, _html_chunks(report, view))  # the largest files: streamed
            elif fmt == "json":
                fh.writelines(json_chunks(report))
            elif fmt == "md":
                _write_batched(fh, markdown_chunks(report, view))
            else:
                fh.writelines(csv_chunks(report, view))
        written[fmt] = [path]
        if fmt == "csv":
            from corroborate.report.events_csv import events_csv_chunks

            events_path = out_dir / "events.csv"
            with events_path.open("w", encoding="utf-8", newline="") as fh:
                fh.writelines(events_csv_chunks(report))
            written[fmt].append(events_path)
    return [path for fmt in dict.fromkeys(formats) for path in written[fmt]]
