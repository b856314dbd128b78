"""``corroborate spark``: run the pipeline on Apache Spark.

Only Click is imported here; PySpark is imported when a command runs, so ``corroborate
--help`` stays fast and works without the ``spark`` extra.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


def _error(msg: str) -> None:
    click.echo(click.style("error: ", fg="red") + msg, err=True)


def _conf_pairs(values: tuple[str, ...]) -> list[tuple[str, str]]:
    pairs = []
    for v in values:
        key, sep, value = v.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"expected KEY=VALUE, got {v!r}", param_hint="--conf")
        pairs.append((key.strip(), value))
    return pairs


@click.group(name="spark", context_settings={"help_option_names": ["-h", "--help"]})
def spark() -> None:
    """Run the pipeline on Apache Spark (needs the spark extra and Java 17+).

    \b
    Locally, on every core:
      corroborate spark run news/ --output out/
    On a cluster, with spark-submit (see docs/spark.md):
      spark-submit --master yarn $(corroborate spark entrypoint) \\
          run hdfs:///news/2024/ --output hdfs:///corroborate/2024/
    """


@spark.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", "-o", required=True,
              help="Folder or URI for the Parquet tables (replaced if it exists).")
@click.option("--master", default=None,
              help="Spark master (default: from spark-submit, $SPARK_MASTER, else local[*]).")
@click.option("--conf", "confs", multiple=True, metavar="KEY=VALUE",
              help="Extra Spark setting (repeatable), e.g. spark.executor.memory=8g.")
@click.option("--partitions", type=click.IntRange(min=1), default=None,
              help="Partitions for the per-article stages (default: articles / 2000).")
@click.option("--max-provenance-block", type=click.IntRange(min=2), default=None,
              help="Largest group of articles compared for copies in one task (10000).")
@click.option("--max-event-block", type=click.IntRange(min=1), default=None,
              help="Largest block of articles grouped into events in one task (20000).")
@click.option("--split-bytes", type=click.IntRange(min=1), default=None,
              help="JSON lines files larger than this are split by line (128 MiB).")
@click.option("--encoding", default=None, help="Read inputs in this encoding (default UTF-8).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Largest document read, in bytes (default 5 MiB).")
@click.option("--store", "store_path", type=click.Path(dir_okay=True), default=None,
              help="Also load the results into this SQLite store.")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress lines on stderr.")
def run(
    inputs: tuple[str, ...],
    output: str,
    master: str | None,
    confs: tuple[str, ...],
    partitions: int | None,
    max_provenance_block: int | None,
    max_event_block: int | None,
    split_bytes: int | None,
    encoding: str | None,
    max_bytes: int | None,
    store_path: str | None,
    as_json: bool,
    quiet: bool,
) -> None:
    """Read INPUTS (files, folders or Hadoop URIs: JSON lines, WARC, HTML, text, ...),
    run claims, places, provenance, events and reconcile on Spark, and write Parquet
    tables (articles, claims, relations, events, facts, errors) under --output.

    Exit codes: 0 all went well, 1 some inputs failed (the rest were processed),
    2 nothing could be processed or bad usage.
    """
    try:
        import pyspark  # noqa: F401
    except ImportError:
        _error("PySpark is not installed: pip install 'corroborate[spark]'")
        sys.exit(2)
    from dataclasses import replace

    from corroborate.spark.job import run_pipeline
    from corroborate.spark.session import get_session
    from corroborate.spark.settings import SparkSettings

    defaults = SparkSettings()
    settings = replace(
        defaults,
        encoding=encoding,
        max_bytes=max_bytes,
        partitions=partitions,
        max_provenance_block=max_provenance_block or defaults.max_provenance_block,
        max_event_block=max_event_block or defaults.max_event_block,
        split_bytes=split_bytes or defaults.split_bytes,
    )
    session = get_session(master, conf=_conf_pairs(confs))
    store = None
    if store_path is not None:
        from corroborate.store import Store, StoreError

        try:
            store = Store(store_path)
        except StoreError as exc:
            _error(str(exc))
            sys.exit(2)
    log = None if quiet or as_json else (lambda m: click.echo(m, err=True))
    try:
        summary = run_pipeline(session, list(inputs), output, settings, store=store, log=log)
    finally:
        if store is not None:
            store.close()
    if as_json:
        click.echo(json.dumps(summary.as_dict(), indent=2, default=str))
    else:
        for err in summary.errors:
            _error(err)
        if summary.failed > len(summary.errors):
            _error(f"... and {summary.failed - len(summary.errors)} more (see {output}/errors)")
        click.echo(
            f"{summary.articles} articles, {summary.claims} claims, {summary.relations} "
            f"relations, {summary.events} events, {summary.facts} facts "
            f"({summary.conflicts} in conflict) -> {output}"
        )
    if summary.articles == 0:
        if not as_json:
            _error("no reports could be read")
        sys.exit(2)
    sys.exit(1 if summary.failed else 0)


@spark.command()
def entrypoint() -> None:
    """Print the path of the Python file to give spark-submit."""
    from corroborate.spark import submit

    click.echo(str(Path(submit.__file__).resolve()))
