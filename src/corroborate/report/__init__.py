"""Stage: report. Pure renderers of a :class:`~corroborate.model.Report` and one writer.

    >>> from pathlib import Path
    >>> from corroborate.model import Report
    >>> from corroborate.report import render_markdown, write_report
    >>> rep = Report(generated="2026-02-01T00:00:00Z", articles=(), events=(), claims=())
    >>> render_markdown(rep).startswith("# Corroborate report")
    True

``write_report(rep, Path("report"))`` writes report.md, report.html, report.json and
report.csv and returns their paths.
"""

from corroborate.report.render import (
    CSV_COLUMNS,
    FORMATS,
    csv_cell,
    json_chunks,
    md_escape,
    render_csv,
    render_html,
    render_json,
    render_markdown,
    write_report,
)

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "csv_cell",
    "json_chunks",
    "md_escape",
    "render_csv",
    "render_html",
    "render_json",
    "render_markdown",
    "write_report",
]
