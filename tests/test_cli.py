"""The command line, end to end, on a real SQLite store in a temporary folder."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from corroborate.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "garissa-market-attack"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _count(db: Path) -> int:
    with sqlite3.connect(db) as con:
        return int(con.execute("select count(*) from articles").fetchone()[0])


def test_report_writes_every_format_and_is_idempotent(runner: CliRunner, tmp_path: Path) -> None:
    db, out = tmp_path / "c.db", tmp_path / "out"
    args = ["report", str(EXAMPLE), "--out", str(out), "--db", str(db), "--json"]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    summary = json.loads(first.output)
    assert summary["ok"] and summary["articles"] == 5 and summary["events"] == 1
    assert summary["conflicts"] >= 2
    for name in ("report.md", "report.html", "report.json", "report.csv"):
        assert (out / name).stat().st_size > 0
    assert _count(db) == 5
    again = runner.invoke(main, args)
    assert again.exit_code == 0
    assert _count(db) == 5  # same content, nothing duplicated


def test_summary_counts_read_as_english(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(main, ["report", str(EXAMPLE), "--no-store", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    text = " ".join(res.output.split())  # rich wraps long lines
    assert "(2026-03-14, 5 reports, 3 independent origins)" in text
    assert "; 1 report)" in text and "1 reports" not in text
    # each fact leads with its best figure and range; another site than the event's is named
    assert "killed people = 12 (9–12): at least nine" in text
    assert "injured people [in the second post] = 0: No one was hurt" in text


def test_summary_prints_report_text_as_written(runner: CliRunner, tmp_path: Path) -> None:
    # Console markup in a report ("[/]", "[red]") is text, not styling or a crash.
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Rebels [/bold] claim [/] victory\n\n"
        "Police said two people were killed in the attack [red]on Monday[/red].\n",
        encoding="utf-8",
    )
    res = runner.invoke(main, ["report", str(tmp_path / "in"), "--no-store", "--out",
                               str(tmp_path / "out")])  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "Rebels [/bold] claim [/] victory" in res.output
    assert "killed people" in res.output and "two (Police; 1 report)" in res.output


def test_report_from_store_without_paths(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    assert runner.invoke(main, ["ingest", str(EXAMPLE), "--db", str(db)]).exit_code == 0
    res = runner.invoke(main, ["report", "--db", str(db), "--out", str(tmp_path / "o"), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["articles"] == 5


def test_bad_inputs_are_named_and_nothing_is_lost(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    assert runner.invoke(main, ["ingest", str(EXAMPLE), "--db", str(db)]).exit_code == 0
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02ELF" * 50)
    (tmp_path / "latin1.txt").write_bytes(
        "Caf\xe9 owner said 3 people were hurt.".encode("latin-1")
    )
    (tmp_path / "nothing").mkdir()
    bad = ["empty.txt", "binary.txt", "latin1.txt", "nothing"]
    res = runner.invoke(main, ["ingest", *(str(tmp_path / b) for b in bad), "--db", str(db)])
    assert res.exit_code == 2  # nothing could be read
    lines = [ln for ln in res.output.splitlines() if ln.startswith("error:")]
    assert len(lines) == len(bad)
    for name, line in zip(bad, lines, strict=True):
        assert name in line
    assert _count(db) == 5
    # Mixed good and bad input: the report is still written, and the exit code says 1.
    out = tmp_path / "out"
    mixed = [
        "report",
        str(EXAMPLE),
        str(tmp_path / "empty.txt"),
        "--db",
        str(db),
        "--out",
        str(out),
    ]
    res = runner.invoke(main, mixed)
    assert res.exit_code == 1
    assert (out / "report.json").exists()
    assert _count(db) == 5


@pytest.mark.parametrize(
    "args", [["events"], ["articles", "--json"], ["events", "merge", "ev-a", "ev-b"]]
)
def test_reading_a_missing_store_is_an_error(
    runner: CliRunner, tmp_path: Path, args: list[str]
) -> None:
    db = tmp_path / "typo.db"
    res = runner.invoke(main, [*args, "--db", str(db)])
    assert res.exit_code == 2
    assert f"no store at {db}" in res.output and "corroborate ingest" in res.output
    assert not db.exists()  # nothing left behind


def test_encoding_option_reads_legacy_files(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("The café owner said 3 people were hurt.".encode("latin-1"))
    res = runner.invoke(main, ["claims", str(path), "--encoding", "latin-1", "--json"])
    assert res.exit_code == 0, res.output
    (claim,) = json.loads(res.output)
    assert (claim["measure"], claim["value"]) == ("injured", 3)


def test_empty_folder_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "none").mkdir()
    res = runner.invoke(
        main, ["report", str(tmp_path / "none"), "--no-store", "--out", str(tmp_path / "o")]
    )
    assert res.exit_code == 2
    assert "no reports found" in res.output


def test_not_a_store_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    db.write_text("hello")
    res = runner.invoke(main, ["articles", "--db", str(db)])
    assert res.exit_code == 2
    assert "x.db" in res.output and "Traceback" not in res.output


def test_script_in_a_report_is_escaped_in_html(runner: CliRunner, tmp_path: Path) -> None:
    evil = tmp_path / "evil.txt"
    evil.write_text("<script>alert(1)</script> Police said 4 people were killed on Friday.\n")
    out = tmp_path / "o"
    res = runner.invoke(main, ["report", str(evil), "--no-store", "--out", str(out)])
    assert res.exit_code == 0, res.output
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_schema_command_prints_json_schema(runner: CliRunner) -> None:
    res = runner.invoke(main, ["schema"])
    assert res.exit_code == 0
    assert json.loads(res.output)["properties"]["schema"]["const"].startswith("corroborate.report/")


def test_unknown_format_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(
        main, ["report", str(EXAMPLE), "--format", "pdf", "--no-store", "--out", str(tmp_path)]
    )
    assert res.exit_code == 2 and "pdf" in res.output


def test_version_names_the_build(runner: CliRunner) -> None:
    from importlib.metadata import version

    from corroborate.buildinfo import build_name

    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"corroborate, version {version('corroborate')} ({build_name()})\n"
