"""The Parquet tables a Spark run writes, and reading them back as a :class:`Report`.

``OUTPUT/articles``, ``claims``, ``relations``, ``events``, ``facts`` and ``errors``, each a
Parquet dataset (a folder of part files). Every table has flat columns to query and a
``json`` column holding the full record (``corroborate.model``), so nothing is lost and a
:class:`~corroborate.model.Report` can be rebuilt. ``OUTPUT/summary.json`` describes the
run. Column lists: ``docs/spark.md``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corroborate.model import Article, Claim, Event, Relation, Report

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

TABLES = ("articles", "claims", "relations", "events", "facts", "errors")

#: The order rows are written in (and a Report lists them in).
ORDER = {
    "articles": ["ord"],
    "claims": ["ord", "idx"],
    "relations": ["a_ord", "b_ord", "kind"],
    "events": ["ord"],
    "facts": ["ord", "idx"],
    "errors": ["source", "line"],
}


def write_tables(tables: dict[str, DataFrame], output: str) -> None:
    """Write each table to ``output/<name>`` (replacing an earlier run's); rows are sorted
    within each part file (sort by the :data:`ORDER` columns for the global order)."""
    for name, df in tables.items():
        df.sortWithinPartitions(*ORDER[name]).write.mode("overwrite").parquet(
            f"{output.rstrip('/')}/{name}"
        )


def write_text(spark: SparkSession, path: str, text: str) -> None:
    """Write a small text file to any Hadoop-compatible path (``summary.json``)."""
    jvm: Any = spark.sparkContext._jvm
    conf: Any = spark.sparkContext._jsc.hadoopConfiguration()
    p = jvm.org.apache.hadoop.fs.Path(path)
    stream = p.getFileSystem(conf).create(p, True)
    try:
        stream.write(bytearray(text.encode("utf-8")))
    finally:
        stream.close()


def _report(
    articles: list[str], events: list[str], claims: list[str], relations: list[str]
) -> Report:
    return Report(
        generated=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        articles=tuple(Article.model_validate_json(j) for j in articles),
        events=tuple(Event.model_validate_json(j) for j in events),
        claims=tuple(Claim.model_validate_json(j) for j in claims),
        relations=tuple(Relation.model_validate_json(j) for j in relations),
    )


def read_report(output: str | Path) -> Report:
    """The run in a local ``output`` folder as one :class:`Report` (no Spark needed)."""
    import pyarrow.parquet as pq

    def column(name: str) -> list[str]:
        table = pq.read_table(Path(output) / name, columns=[*ORDER[name], "json"])
        table = table.sort_by([(c, "ascending") for c in ORDER[name]])
        return [str(v) for v in table.column("json").to_pylist()]

    return _report(column("articles"), column("events"), column("claims"), column("relations"))


def collect_report(spark: SparkSession, output: str) -> Report:
    """The run in ``output`` (any file system) as one :class:`Report`, through Spark."""

    def column(name: str) -> list[str]:
        df = spark.read.parquet(f"{output.rstrip('/')}/{name}")
        return [str(r["json"]) for r in df.orderBy(*ORDER[name]).select("json").toLocalIterator()]

    return _report(column("articles"), column("events"), column("claims"), column("relations"))


def read_summary(output: str | Path) -> dict[str, Any]:
    """``summary.json`` of a local output folder."""
    data: dict[str, Any] = json.loads((Path(output) / "summary.json").read_text("utf-8"))
    return data
