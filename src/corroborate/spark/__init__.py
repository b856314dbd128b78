"""Run the pipeline on Apache Spark: the same stages over millions of reports.

    corroborate spark run news/ --output out/            # local, every core
    spark-submit --master yarn $(corroborate spark entrypoint) run hdfs:///news/ --output ...

or from Python::

    from corroborate.spark import run_pipeline, local_session, read_report
    summary = run_pipeline(local_session(2), ["news/"], "out/")
    report = read_report("out/")       # the same Report as corroborate.analyse()

The per-article stages (claims, places) run unchanged inside ``mapInPandas``; the stages
that compare articles get Spark plans (:mod:`.provenance`, :mod:`.events`) that hand
blocks of articles to the unchanged stage code. ``docs/spark.md`` explains the plans, how
results compare with a single-machine run, and how to run and size a cluster job.

Needs the ``spark`` extra (``pip install 'corroborate[spark]'``: PySpark, pandas, PyArrow)
and Java 17 or later. Importing this package does not import PySpark.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from corroborate.spark.job import RunSummary, run_pipeline
    from corroborate.spark.outputs import TABLES, collect_report, read_report
    from corroborate.spark.session import get_session, local_session
    from corroborate.spark.settings import SparkSettings

__all__ = [
    "TABLES",
    "RunSummary",
    "SparkSettings",
    "collect_report",
    "get_session",
    "local_session",
    "read_report",
    "run_pipeline",
]

_WHERE = {
    "RunSummary": "job",
    "run_pipeline": "job",
    "TABLES": "outputs",
    "collect_report": "outputs",
    "read_report": "outputs",
    "get_session": "session",
    "local_session": "session",
    "SparkSettings": "settings",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'corroborate.spark' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"corroborate.spark.{module}"), name)
