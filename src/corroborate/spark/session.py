"""Getting a SparkSession: from ``spark-submit``, or a local one."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

#: Settings a local session gets unless told otherwise: no web UI, no progress bars,
#: few shuffle partitions (local data is small), Arrow for pandas conversions, and a JVM
#: heap that holds the persisted features of 100,000 reports (the 1 GB default does not:
#: measured, "Java heap space" at 100k; a cap, not an allocation).
LOCAL_DEFAULTS = {
    "spark.driver.memory": os.environ.get("CORROBORATE_SPARK_MEMORY", "6g"),
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "8",
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    "spark.sql.adaptive.enabled": "true",
}


def quiet_pandas_warning() -> None:
    """PySpark warns about pandas >= 3 on every pandas UDF; the calls used here work."""
    warnings.filterwarnings("ignore", message=".*does not yet fully support pandas.*")


def get_session(
    master: str | None = None,
    app_name: str = "corroborate",
    conf: Iterable[tuple[str, str]] = (),
) -> SparkSession:
    """The active session (under ``spark-submit``), or a new one.

    Without a master from ``spark-submit``, ``--master`` or ``$SPARK_MASTER``, the session
    is local with every core (``local[*]``). Local sessions run executors with this Python
    (``PYSPARK_PYTHON``, set here when unset), so the installed ``corroborate`` is the one
    they import.
    """
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    quiet_pandas_warning()
    given = SparkConf()
    chosen = master or given.get("spark.master") or os.environ.get("SPARK_MASTER") or "local[*]"
    builder = SparkSession.builder.appName(given.get("spark.app.name") or app_name)
    builder = builder.master(chosen)
    settings = dict(conf)
    if chosen.startswith("local"):
        for key, value in LOCAL_DEFAULTS.items():
            if given.get(key) is None:
                settings.setdefault(key, value)
        if given.get("spark.pyspark.python") is None and "PYSPARK_PYTHON" not in os.environ:
            settings.setdefault("spark.pyspark.python", sys.executable)
            # PySpark picks its workers' interpreter from this variable alone ("python3" on
            # the PATH without it): from a virtual environment that is not activated, the
            # workers ran the system Python and imported whatever corroborate it has.
            os.environ["PYSPARK_PYTHON"] = sys.executable
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel(os.environ.get("CORROBORATE_SPARK_LOG", "WARN"))
    return spark


def local_session(cores: int = 2, shuffle_partitions: int = 4) -> SparkSession:
    """A small local session (tests, benchmarks): ``local[cores]``."""
    return get_session(
        f"local[{cores}]",
        conf=[("spark.sql.shuffle.partitions", str(shuffle_partitions)),
              ("spark.default.parallelism", str(max(cores, 1) * 2))],
    )  # fmt: skip
