"""The ``corroborate`` command line.

    corroborate report examples/harbour-blast/ --out report/
    corroborate ingest reports/ --db newsroom.db
    corroborate claims story.txt --json

Every command takes ``--json`` for machine-readable output. Exit codes: 0 all went well,
1 some inputs failed (the rest were processed), 2 nothing could be processed or bad usage.
Imports of the pipeline are deferred so ``corroborate --help`` starts fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from corroborate.ingest import IngestResult
    from corroborate.model import Event, Report
    from corroborate.store import Store
    from corroborate.store.events import Grouping

DB_HELP = "SQLite store to use (created if missing)."
FORMATS = ("md", "html", "json", "csv")


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _warn(msg: str) -> None:
    click.echo(click.style("warning: ", fg="yellow") + msg, err=True)


def _error(msg: str) -> None:
    click.echo(click.style("error: ", fg="red") + msg, err=True)


MAX_BYTES_HELP = "Largest document read, in bytes (default 5 MiB)."
FETCH_HELP = "Download http(s) URLs given as PATHS (off by default: no network access)."


def _read(
    paths: Sequence[str],
    encoding: str | None,
    quiet: bool,
    max_bytes: int | None = None,
    allow_fetch: bool = False,
) -> IngestResult:
    from corroborate.ingest import DEFAULT_MAX_BYTES, read_paths

    result = read_paths(paths, encoding=encoding, max_bytes=max_bytes or DEFAULT_MAX_BYTES,
                        allow_fetch=allow_fetch)
    if not quiet:
        for err in result.errors:
            _error(str(err))
        for w in result.warnings:
            _warn(w)
    return result


def _default_db() -> str:
    from corroborate.store import DEFAULT_DB

    return str(DEFAULT_DB)


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    # Which build runs, too: pip does not show the install's note when it fell back to
    # pure Python (read only when asked: finding the compiled modules imports them).
    if not value or ctx.resilient_parsing:
        return
    from importlib.metadata import version

    from corroborate.buildinfo import build_name

    click.echo(f"corroborate, version {version('corroborate')} ({build_name()})")
    ctx.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and the build (compiled or Python), and exit.",
)
def main() -> None:
    """Read many news reports of one event: who claims what, where they agree and
    conflict, and which reports are copies of others."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default="report",
    show_default=True,
    help="Folder for report.md/.html/.json/.csv.",
)
@click.option("--db", type=click.Path(dir_okay=False), default=None, help=DB_HELP)
@click.option(
    "--format",
    "formats",
    default=",".join(FORMATS),
    show_default=True,
    help="Comma-separated formats to write: md, html, json, csv.",
)
@click.option("--encoding", default=None, help="Read inputs in this encoding (default UTF-8).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, help=MAX_BYTES_HELP)
@click.option("--allow-fetch", is_flag=True, help=FETCH_HELP)
@click.option("--no-store", is_flag=True, help="Do not write to the SQLite store.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary.")
def report(
    paths: tuple[str, ...],
    out_dir: str,
    db: str | None,
    formats: str,
    encoding: str | None,
    max_bytes: int | None,
    allow_fetch: bool,
    no_store: bool,
    as_json: bool,
) -> None:
    """Turn a folder of news reports into a sourced fact sheet.

    PATHS are files or folders (read recursively). With no PATHS, every article already
    in the store is reported on.

    \b
    Example:
      corroborate report examples/harbour-blast/ --out report/
    """
    from corroborate.report import write_report

    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    bad = [f for f in wanted if f not in FORMATS]
    if bad:
        raise click.UsageError(f"unknown format(s): {', '.join(bad)} (choose from {FORMATS})")
    failed = False
    articles = []
    db_path = db or _default_db()
    store = None if no_store else _open_store(db_path)
    try:
        if paths:
            result = _read(paths, encoding, as_json, max_bytes, allow_fetch)
            failed = bool(result.errors)
            articles = result.articles
            if store is not None and articles:
                store.add_articles(articles)
        elif store is not None:
            articles = store.articles()
        if not articles:
            _error("no reports to analyse" + ("" if paths else f" (the store {db_path} is empty)"))
            if as_json:
                _echo_json({"ok": False, "articles": 0})
            sys.exit(2)
        # On the store: its incremental events (stable ids); on PATHS: those reports alone.
        grouped = _group(store, quiet=as_json).events if store is not None and not paths else None
        rep = _run(articles, quiet=as_json, events=grouped)
        if store is not None:
            store.save_report(rep)
    finally:
        if store is not None:
            store.close()
    written = write_report(rep, Path(out_dir), formats=tuple(wanted))
    summary = _summary(rep, written)
    if as_json:
        _echo_json({"ok": not failed, **summary})
    else:
        _print_summary(rep, written)
    sys.exit(1 if failed else 0)


def _open_store(path: str, must_exist: bool = False) -> Store:
    """The store at ``path``; with ``must_exist``, a missing file is an error rather than a
    new empty store (a mistyped --db should not list nothing and leave a file behind)."""
    from corroborate.store import Store, StoreError

    if must_exist and not Path(path).exists():
        _error(f"no store at {path}: add reports first with `corroborate ingest PATH --db {path}`")
        sys.exit(2)
    try:
        return Store(path)
    except StoreError as exc:  # its message names the file
        _error(str(exc))
        sys.exit(2)


def _run(articles: Sequence[Any], quiet: bool, events: Sequence[Event] | None = None) -> Report:
    from corroborate.pipeline import DEFAULT_STAGES, analyse

    if quiet or not sys.stderr.isatty():
        return analyse(articles, events=events)
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(f"Analysing {len(articles)} reports", total=len(DEFAULT_STAGES))

        def step(name: str) -> None:
            bar.update(task, advance=1, description=f"{name} ({len(articles)} reports)")

        return analyse(articles, progress=step, events=events)


def _group(store: Store, quiet: bool) -> Grouping:
    """Bring the store's event grouping up to date (a progress bar on a terminal)."""
    from corroborate.store import StoreError
    from corroborate.store.events import group_stored

    try:
        if quiet or not sys.stderr.isatty():
            return group_stored(store)
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("Grouping reports into events", total=None)
            return group_stored(
                store, progress=lambda done, total: bar.update(task, completed=done, total=total)
            )
    except StoreError as exc:
        _error(str(exc))
        sys.exit(2)


def _summary(rep: Report, written: Sequence[Path]) -> dict[str, Any]:
    return {
        "articles": len(rep.articles),
        "events": len(rep.events),
        "claims": len(rep.claims),
        "relations": len(rep.relations),
        "facts": sum(len(e.facts) for e in rep.events),
        "conflicts": sum(f.conflict for e in rep.events for f in e.facts),
        "files": [str(p) for p in written],
    }


def _print_summary(rep: Report, written: Sequence[Path]) -> None:
    from rich.console import Console
    from rich.markup import escape

    from corroborate.report.view import format_estimate, format_period, plural

    # Report text is untrusted: everything from it is escaped, so a "[/]" in a headline
    # prints as written instead of breaking (or styling) the console's markup.
    console = Console(stderr=False, highlight=False)
    keys = {a.id: a.key for a in rep.articles}
    for ev in rep.events:
        console.print(
            f"[bold]{escape(ev.title)}[/bold]  ({ev.date or 'date unknown'}, "
            f"{plural(len(ev.articles), 'report')}, "
            f"{plural(len(ev.origin_groups), 'independent origin')})"
        )
        for f in ev.facts[:8]:
            vals = "; ".join(
                f"{v.number_text} ({', '.join(v.claimants) or 'unattributed'}; "
                f"{plural(len(v.articles), 'report')})"
                for v in f.values
            )
            # A fact of another day or place than the event's says which.
            when = "" if f.period.start == f.period.end == ev.date else format_period(f.period)
            where = [w for w in (when, f"in {f.scope}" if f.scope else "") if w]
            label = f"{f.measure} {f.group}" + (f" [{', '.join(where)}]" if where else "")
            if f.best is not None:  # the best figure and its range, as the fact sheet has it
                label += f" = {format_estimate(f.low, f.best, f.high)}"
            flag = " [red]CONFLICT[/red]" if f.conflict else ""
            console.print(f"  {escape(label)}: {escape(vals)}{flag}")
    for r in rep.relations:
        if r.kind == "shares_quotes":
            continue
        if r.a == r.b:  # credits an outlet that has no report in the batch
            line = f"  {keys.get(r.b, r.b)} is syndicated from {r.credited}"
        else:
            kind = r.kind.replace("_", " ")
            line = f"  {keys.get(r.b, r.b)} is a {kind} of {keys.get(r.a, r.a)}"
        console.print(line, markup=False)
    console.print(f"Wrote {', '.join(str(p) for p in written)}", markup=False)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", type=click.Path(dir_okay=False), default=None, help=DB_HELP)
@click.option("--encoding", default=None, help="Read inputs in this encoding (default UTF-8).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, help=MAX_BYTES_HELP)
@click.option("--allow-fetch", is_flag=True, help=FETCH_HELP)
@click.option("--no-events", is_flag=True,
              help="Only store the reports; group them into events at the next ingest.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary.")
def ingest(
    paths: tuple[str, ...],
    db: str | None,
    encoding: str | None,
    max_bytes: int | None,
    allow_fetch: bool,
    no_events: bool,
    as_json: bool,
) -> None:
    """Read reports into the store and group them into its events.

    Re-reading the same content adds nothing; a changed page at a stored URL becomes a new
    revision. PATHS may be files, folders, - for standard input, or URLs with
    --allow-fetch. Inputs are streamed in one transaction; then the reports not yet
    grouped join the stored events or open new ones (docs/events.md).

    \b
    Example:
      corroborate ingest morning/ --db newsroom.db
      corroborate ingest afternoon/ --db newsroom.db   # joins this morning's events
    """
    from corroborate.ingest import DEFAULT_MAX_BYTES
    from corroborate.ingest import ingest as ingest_into

    store = _open_store(db or _default_db())
    grouping = None
    try:
        summary = ingest_into(
            paths, store, encoding=encoding, max_bytes=max_bytes or DEFAULT_MAX_BYTES,
            allow_fetch=allow_fetch, on_error=None if as_json else (lambda e: _error(str(e))),
            on_warning=None if as_json else _warn,
        )
        if not no_events and (summary.stored.added or summary.stored.existing):
            grouping = _group(store, quiet=as_json)
    finally:
        store.close()
    n_added, n_existing = len(summary.stored.added), len(summary.stored.existing)
    n_revised, errors = len(summary.stored.revised), summary.errors
    if as_json:
        _echo_json(
            {
                "ok": not errors,
                "added": n_added,
                "existing": n_existing,
                "revised": n_revised,
                "errors": [str(e) for e in errors],
                "warnings": summary.warnings,
                "events": _grouping_summary(grouping) if grouping else None,
            }
        )
    else:
        revised = f" ({n_revised} as new revisions)" if n_revised else ""
        click.echo(f"{n_added} added{revised}, {n_existing} already stored, {len(errors)} failed")
        if grouping is not None and grouping.grouped:
            click.echo(_grouping_line(grouping))
    sys.exit(2 if not n_added + n_existing and errors else 1 if errors else 0)


def _grouping_summary(g: Grouping) -> dict[str, Any]:
    return {
        "grouped": g.grouped,
        "joined": g.joined,
        "opened": g.opened,
        "events": len(g.events),
        "changes": [c.to_dict() for c in g.changes],
    }


def _grouping_line(g: Grouping) -> str:
    merges = sum(c.op == "merge" for c in g.changes)
    splits = len(g.changes) - merges
    return (
        f"{g.grouped} grouped: {g.joined} joined existing events, {g.opened} new events "
        f"({len(g.events)} in all); {merges} merges, {splits} splits"
    )


@main.group(invoke_without_command=True)
@click.option("--db", type=click.Path(dir_okay=False), default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def events(ctx: click.Context, db: str | None, as_json: bool) -> None:
    """List the store's events (grouping reports not grouped yet first).

    Event ids are stable: an event keeps the id of its founding report, merged events
    are listed under merged_from. Fix the grouping by hand with the subcommands.

    \b
    Example:
      corroborate events --db newsroom.db
      corroborate events merge ev-3f2a... ev-91c0... --db newsroom.db
    """
    ctx.ensure_object(dict)
    ctx.obj.update(db=db, as_json=as_json)
    if ctx.invoked_subcommand is not None:
        return
    store = _open_store(db or _default_db(), must_exist=True)
    try:
        grouping = _group(store, quiet=as_json)
    finally:
        store.close()
    _print_events(grouping.events, as_json)


def _print_events(evs: Sequence[Event], as_json: bool) -> None:
    from corroborate.report.view import plural

    rows: list[dict[str, Any]] = [
        {
            "id": e.id,
            "date": e.date,
            "date_precision": e.date_precision,
            "event_type": e.event_type,
            "place": e.places[0].name if e.places else None,
            "title": e.title,
            "articles": list(e.articles),
            "merged_from": list(e.merged_from),
        }
        for e in evs
    ]
    if as_json:
        _echo_json(rows)
        return
    for r in rows:
        merged = f"  (merged: {', '.join(r['merged_from'])})" if r["merged_from"] else ""
        click.echo(
            f"{r['id']}  {r['date'] or '-'}  {plural(len(r['articles']), 'report')}  "
            f"{r['place'] or '-'}  {r['title']}{merged}"
        )


def _event_options(fn: Any) -> Any:
    """``--db`` and ``--json`` after a subcommand too (``events merge A B --json``)."""
    fn = click.option("--json", "as_json", is_flag=True, help="Print as JSON.")(fn)
    return click.option("--db", type=click.Path(dir_okay=False), default=None, help=DB_HELP)(fn)


def _opts(ctx: click.Context, db: str | None, as_json: bool) -> dict[str, Any]:
    return {"db": db or ctx.obj["db"] or _default_db(), "as_json": as_json or ctx.obj["as_json"]}


def _edit_events(opts: dict[str, Any], edit: Any) -> None:
    """Load the stored grouping, apply ``edit(grouper)``, save it, print the events."""
    from corroborate.pipeline import restrict_events
    from corroborate.store import StoreError

    store = _open_store(opts["db"], must_exist=True)
    try:
        grouper = _group(store, quiet=True).grouper
        try:
            edit(grouper)
        except (KeyError, ValueError) as exc:
            _error(f"{exc}".strip("'\"") + " (see `corroborate events` for the ids)")
            sys.exit(2)
        store.save_grouper(grouper)
        current = set(store.article_ids())
    except StoreError as exc:
        _error(str(exc))
        sys.exit(2)
    finally:
        store.close()
    _print_events(restrict_events(grouper.events(), current), opts["as_json"])


@events.command("merge")
@click.argument("keep")
@click.argument("others", nargs=-1, required=True)
@_event_options
@click.pass_context
def events_merge(
    ctx: click.Context, keep: str, others: tuple[str, ...], db: str | None, as_json: bool
) -> None:
    """Merge events OTHERS into event KEEP (recorded in its merged_from)."""

    def edit(grouper: Any) -> None:
        for other in others:
            grouper.merge(keep, other)

    _edit_events(_opts(ctx, db, as_json), edit)


@events.command("split")
@click.argument("event")
@click.argument("article_ids", nargs=-1, required=True)
@_event_options
@click.pass_context
def events_split(
    ctx: click.Context, event: str, article_ids: tuple[str, ...], db: str | None, as_json: bool
) -> None:
    """Move ARTICLE_IDS out of EVENT into a new event of their own."""
    _edit_events(_opts(ctx, db, as_json), lambda grouper: grouper.split(event, article_ids))


@events.command("reset")
@_event_options
@click.pass_context
def events_reset(ctx: click.Context, db: str | None, as_json: bool) -> None:
    """Forget the stored grouping (the reports stay); the next run groups them afresh."""
    opts = _opts(ctx, db, as_json)
    store = _open_store(opts["db"], must_exist=True)
    try:
        n = store.reset_grouper()
    finally:
        store.close()
    if opts["as_json"]:
        _echo_json({"ok": True, "forgotten": n})
    else:
        click.echo(f"forgot the grouping of {n} reports")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--encoding", default=None, help="Read inputs in this encoding (default UTF-8).")
@click.option("--json", "as_json", is_flag=True, help="Print the claims as JSON.")
def claims(paths: tuple[str, ...], encoding: str | None, as_json: bool) -> None:
    """Print every count the reports give, with claimant, group and period."""
    from corroborate.claims import extract_claims

    result = _read(paths, encoding, as_json)
    found = [(a, c) for a in result.articles for c in extract_claims(a)]
    if as_json:
        _echo_json([{"article": a.key, **c.model_dump(mode="json")} for a, c in found])
    else:
        for a, c in found:
            who = c.claimant or "(the report)"
            click.echo(
                f"{a.key}: {c.measure} {c.group} {c.number_text} - {who}"
                f"{' - ' + c.period.text if c.period.text else ''}"
            )
    sys.exit(2 if not result.articles else 1 if result.errors else 0)


@main.command()
@click.option("--db", type=click.Path(dir_okay=False), default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def articles(db: str | None, as_json: bool) -> None:
    """List the articles in the store."""
    store = _open_store(db or _default_db(), must_exist=True)
    try:
        arts = store.articles()
    finally:
        store.close()
    rows = [
        {"id": a.id, "key": a.key, "title": a.title, "date": a.date, "source": a.source}
        for a in arts
    ]
    if as_json:
        _echo_json(rows)
    else:
        for r in rows:
            click.echo(f"{r['id']}  {r['key']}  {r['date'] or '-'}  {r['title'] or ''}")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Same output (the schema is JSON).")
def schema(as_json: bool) -> None:
    """Print the JSON Schema of report.json."""
    from corroborate.schema import report_schema

    del as_json
    _echo_json(report_schema())


@main.command()
@click.option("--db", type=click.Path(dir_okay=False), default=None, help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback requires a token.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--read-only", is_flag=True, help="Serve without writing: no adding reports.")
@click.option("--token", default=None, envvar="CORROBORATE_TOKEN",
              help="Require this token (a random one is made when bound beyond loopback).")
def serve(db: str | None, host: str, port: int, read_only: bool, token: str | None) -> None:
    """Browse the store in a web app with a JSON API (docs/web.md).

    \b
    Example:
      corroborate serve --db newsroom.db          # then open http://127.0.0.1:8000/
    """
    from corroborate.store import StoreError
    from corroborate.web.server import ServeError
    from corroborate.web.server import serve as run_server

    try:
        run_server(db or _default_db(), host=host, port=port, read_only=read_only,
                   token=token, echo=click.echo)
    except (ServeError, StoreError) as exc:
        _error(str(exc))
        sys.exit(2)


# `corroborate spark ...` (docs/spark.md): Click code only; PySpark loads when it runs.
from corroborate.spark.cli import spark as _spark  # noqa: E402

main.add_command(_spark)


if __name__ == "__main__":  # pragma: no cover
    main()
