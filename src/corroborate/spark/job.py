"""The Spark job: ingest -> claims and places -> provenance -> events -> reconcile -> Parquet.

Each stage is materialised (persisted and counted) before the next, so the summary can
time it and a failure names the stage it happened in.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from corroborate.model import SCHEMA_VERSION

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

    from corroborate.spark.settings import SparkSettings
    from corroborate.store import Store

#: Errors listed in full in the summary (the ``errors`` table has all of them).
MAX_LISTED_ERRORS = 50


@dataclass
class RunSummary:
    """What a run read, found and wrote, and how long each stage took."""

    inputs: list[str]
    output: str
    files: int = 0
    articles: int = 0
    duplicates: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    claims: int = 0
    relations: int = 0
    events: int = 0
    facts: int = 0
    conflicts: int = 0
    partitions: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    provenance: dict[str, Any] = field(default_factory=dict)
    event_blocks: dict[str, Any] = field(default_factory=dict)
    spark: dict[str, Any] = field(default_factory=dict)
    stored: dict[str, Any] | None = None
    schema: str = SCHEMA_VERSION

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def articles_per_second(self) -> float:
        total = sum(v for k, v in self.seconds.items() if k != "store")
        return self.articles / total if total else 0.0


class _Clock:
    def __init__(self, summary: RunSummary, log: Callable[[str], None] | None) -> None:
        self.summary, self.log = summary, log
        self.t = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.summary.seconds[stage] = round(now - self.t, 3)
        if self.log:
            self.log(f"{stage}: {now - self.t:.1f} s")
        self.t = now


def run_pipeline(
    spark: SparkSession,
    inputs: Sequence[str],
    output: str,
    settings: SparkSettings | None = None,
    store: Store | None = None,
    log: Callable[[str], None] | None = None,
) -> RunSummary:
    """Run every stage over ``inputs`` on ``spark``; write the tables under ``output``.

    With ``store``, the results are also loaded into that SQLite store (the articles, and
    the report as ``corroborate report`` saves it).
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from corroborate.spark.events import events_and_facts
    from corroborate.spark.features import FEATURE_SCHEMA, features_batches
    from corroborate.spark.ingest import (
        errors_of,
        list_inputs,
        read_items,
        unique_articles,
        warnings_of,
    )
    from corroborate.spark.outputs import collect_report, write_tables, write_text
    from corroborate.spark.provenance import relations
    from corroborate.spark.session import quiet_pandas_warning
    from corroborate.spark.settings import SparkSettings

    quiet_pandas_warning()
    settings = settings or SparkSettings()
    summary = RunSummary(inputs=[str(i) for i in inputs], output=output)
    sc = spark.sparkContext
    summary.spark = {"version": spark.version, "master": sc.master,
                     "default_parallelism": sc.defaultParallelism}  # fmt: skip
    clock = _Clock(summary, log)
    keep = StorageLevel.MEMORY_AND_DISK

    # Ingest.
    files, list_errors = list_inputs(spark, inputs, settings.split_bytes)
    summary.files = len(files)
    items = read_items(spark, files, settings).persist(keep)
    n_items = items.where(F.col("id").isNotNull()).count()
    articles = unique_articles(items)
    read_errors = errors_of(items)
    errors = [str(e) for e in list_errors]
    errors += [
        f"{r['source']}{'' if r['line'] is None else ':' + str(r['line'])}: {r['message']}"
        for r in read_errors.limit(MAX_LISTED_ERRORS).collect()
    ]
    summary.failed = len(list_errors) + read_errors.count()
    summary.errors = errors[:MAX_LISTED_ERRORS]
    warnings = [str(r["warning"]) for r in warnings_of(items).collect()]
    summary.warnings = warnings[:MAX_LISTED_ERRORS]
    n = articles.count()
    in_file = sum(1 for w in warnings if "same content as" in w)
    summary.articles, summary.duplicates = n, n_items - n + in_file
    clock.lap("ingest")
    if n == 0:
        items.unpersist()
        return summary

    # Per-article stages: claims, places and the features of the comparing stages.
    parts = settings.partitions or max(sc.defaultParallelism,
                                       math.ceil(n / settings.articles_per_partition))  # fmt: skip
    summary.partitions = parts
    feats = (
        articles.repartition(parts)
        .mapInPandas(lambda it: features_batches(it, settings), FEATURE_SCHEMA)
        .persist(keep)
    )
    feats.count()
    items.unpersist()
    clock.lap("claims+places")

    # Provenance.
    rels, pinfo = relations(spark, feats, n, settings)
    rels = rels.persist(keep)
    summary.relations = rels.count()
    summary.provenance = pinfo.as_dict()
    clock.lap("provenance")

    # Events, then reconciliation inside each event block.
    results, einfo = events_and_facts(feats, rels, n, settings)
    results = results.persist(keep)
    results.count()
    summary.event_blocks = einfo.as_dict()
    clock.lap("events+reconcile")

    kind = F.col("kind")
    tables: dict[str, DataFrame] = {
        "articles": feats.select("ord", "id", "key", "source", "format", "title", "outlet",
                                 "author", "date", "url", "language", "day", "json"),
        "claims": results.where(kind == "claim").select(
            "ord", "idx", "id", "article", "event", "measure", "group", "value", "low",
            "high", "qualifier", "claimant", "period", "scope", "json"),
        "relations": rels.select("a_ord", "b_ord", "a", "b", "kind", "score", "original",
                                 "credited", "external", "json"),
        "events": results.where(kind == "event").select(
            "ord", "id", "title", "date", "n_articles", "articles", "places", "json"),
        "facts": results.where(kind == "fact").select(
            "ord", "idx", "id", "event", "measure", "group", "period", "scope", "low",
            "best", "high", "conflict", "n_values", "json"),
        "errors": read_errors if not list_errors else read_errors.unionByName(
            spark.createDataFrame([(e.source, e.line, e.message) for e in list_errors],
                                  "source string, line int, message string")),
    }  # fmt: skip
    counts = results.groupBy("kind").agg(
        F.count(F.lit(1)).alias("n"), F.sum(F.col("conflict").cast("int")).alias("c")
    ).collect()
    by_kind = {r["kind"]: (int(r["n"]), int(r["c"] or 0)) for r in counts}
    summary.claims = by_kind.get("claim", (0, 0))[0]
    summary.events = by_kind.get("event", (0, 0))[0]
    summary.facts, summary.conflicts = by_kind.get("fact", (0, 0))
    write_tables(tables, output)
    clock.lap("write")

    if store is not None:
        report = collect_report(spark, output)
        added = store.add_articles(report.articles)
        run = store.save_report(report)
        summary.stored = {"path": str(store.path), "run": run, "added": len(added.added),
                          "existing": len(added.existing)}  # fmt: skip
        clock.lap("store")
    write_text(spark, f"{output.rstrip('/')}/summary.json",
               json.dumps(summary.as_dict(), indent=2, default=str))  # fmt: skip
    for df in (feats, rels, results):
        df.unpersist()
    return summary
