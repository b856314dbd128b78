"""Ingest on Spark: list the inputs on the driver, read them on the executors.

Inputs are local paths (files or folders, walked like ``corroborate ingest`` walks them) or
any Hadoop-compatible URI (``hdfs://``, ``s3a://``, ``gs://``, ``abfs://``, ... with
globs). Each file is read by the ingest package's own reader, so formats, cleaning and
errors are the same as on one machine:

* a file is read whole by one task (a remote file is copied to the task's temporary
  folder first), except
* a JSON lines file larger than ``SparkSettings.split_bytes``, which Spark splits by line
  across tasks; each line goes through ``ingest.records.article_from_record``.

Every article gets ``ord``, its position in the input (file order, then position in the
file): the order the single-machine pipeline would see it in. Content read twice is kept
once, at its first position.
"""

from __future__ import annotations

import functools
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from corroborate.ingest import REPORT_SUFFIXES, IngestError
from corroborate.model import Article

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

    from corroborate.spark.settings import SparkSettings

#: One read item: an article (``id``, ``json``), an error (``err_*``) or a reader's warning
#: (``warning``: content seen twice in one file, ...).
ITEM_SCHEMA = (
    "ord long, id string, json string, err_source string, err_line int, err_message string, "
    "warning string"
)
ERROR_SCHEMA = "source string, line int, message string"

#: ``ord`` = file position << ORD_SHIFT | item position in the file.
ORD_SHIFT = 32
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_SPLITTABLE = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class InputFile:
    """One file to read: its position, where it is, and how to read it."""

    ord: int
    path: str
    size: int
    local: bool
    split: bool


def _plain_name(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def _is_report_file(name: str) -> bool:
    return _plain_name(name.lower()).endswith(REPORT_SUFFIXES)


def _stem(name: str) -> str:
    return PurePath(_plain_name(name)).stem or "article"


def is_remote(path: str) -> bool:
    """Whether ``path`` is a URI for Hadoop's file systems (``file:`` and ``C:`` are local)."""
    return bool(_SCHEME.match(path)) and not path.startswith("file:") and len(path) > 2 and (
        path[1] != ":"
    )


def _local_path(path: str) -> str:
    if path.startswith("file://"):
        return path[len("file://") :]
    if path.startswith("file:"):
        return path[len("file:") :]
    return path


def _walk(folder: Path) -> Iterator[Path]:
    """Report files under ``folder``, sorted, recursively, hidden ones skipped (as the
    single-machine reader walks folders)."""
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            yield from _walk(entry)
        elif entry.is_file() and _is_report_file(entry.name):
            yield entry


def _looked_for() -> str:
    return " ".join(REPORT_SUFFIXES) + ", also .gz"


def _splittable(name: str, size: int, split_bytes: int) -> bool:
    return size > split_bytes and name.lower().endswith(_SPLITTABLE)


def list_inputs(
    spark: SparkSession | None, inputs: Iterable[str], split_bytes: int
) -> tuple[list[InputFile], list[IngestError]]:
    """The files to read, in input order, and the inputs that cannot be read."""
    found: list[tuple[str, int, bool]] = []
    errors: list[IngestError] = []
    seen: set[str] = set()

    def add(path: str, size: int, local: bool, real: str) -> None:
        if real not in seen:
            seen.add(real)
            found.append((path, size, local))

    for raw in inputs:
        text = str(raw)
        if text == "-":
            errors.append(IngestError(text, "standard input cannot be read by a Spark job"))
        elif re.match(r"^https?://", text, re.IGNORECASE):
            errors.append(IngestError(text, "is a URL; a Spark job reads files, not web pages"))
        elif is_remote(text):
            if spark is None:
                errors.append(IngestError(text, "remote URIs need a Spark session"))
                continue
            for uri, size in _list_remote(spark, text, errors):
                add(uri, size, False, uri)
        else:
            path = Path(_local_path(text))
            if path.is_dir():
                files = list(_walk(path))
                if not files:
                    looked = f"no reports found (looked for {_looked_for()})"
                    errors.append(IngestError(text, looked))
                for found_file in files:
                    add(str(found_file), found_file.stat().st_size, True,
                        str(found_file.resolve()))  # fmt: skip
            elif path.is_file():
                add(str(path), path.stat().st_size, True, str(path.resolve()))
            elif os.path.lexists(path):
                errors.append(IngestError(text, "broken symbolic link"))
            else:
                errors.append(IngestError(text, "no such file or folder"))
    listed = [
        InputFile(n, p, size, local, _splittable(PurePath(p).name, size, split_bytes))
        for n, (p, size, local) in enumerate(found)
    ]
    return listed, errors


def _list_remote(
    spark: SparkSession, uri: str, errors: list[IngestError]
) -> list[tuple[str, int]]:
    """Files under a Hadoop URI (globs allowed), through the JVM's FileSystem API."""
    jvm: Any = spark.sparkContext._jvm
    conf: Any = spark.sparkContext._jsc.hadoopConfiguration()
    path = jvm.org.apache.hadoop.fs.Path(uri)
    try:
        fs = path.getFileSystem(conf)
        statuses = fs.globStatus(path)
    except Exception as exc:  # py4j wraps the JVM's IOException
        errors.append(IngestError(uri, f"cannot list ({str(exc).splitlines()[0]})"))
        return []
    if not statuses:
        errors.append(IngestError(uri, "no such file or folder"))
        return []
    out: list[tuple[str, int]] = []

    def walk(status: Any, named: bool) -> None:
        p = status.getPath()
        name = str(p.getName())
        if status.isDirectory():
            children = sorted(fs.listStatus(p), key=lambda s: str(s.getPath().getName()))
            for child in children:
                child_name = str(child.getPath().getName())
                if not child_name.startswith((".", "_")):
                    walk(child, False)
        elif named or _is_report_file(name):
            out.append((str(p.toString()), int(status.getLen())))

    for status in sorted(statuses, key=lambda s: str(s.getPath().toString())):
        before = len(out)
        walk(status, not status.isDirectory())
        if status.isDirectory() and len(out) == before:
            errors.append(IngestError(uri, f"no reports found (looked for {_looked_for()})"))
    return out


# --------------------------------------------------------------------------- executors


Item = Article | IngestError | str  # a str is a warning


def _item_rows(file_ord: int, items: Iterable[Item]) -> Iterator[tuple[Any, ...]]:
    n = 0
    for item in items:
        if isinstance(item, IngestError):
            yield (None, None, None, item.source, item.line, item.message, None)
        elif isinstance(item, str):
            yield (None, None, None, None, None, None, item)
        else:
            yield ((file_ord << ORD_SHIFT) | n, item.id, item.model_dump_json(), None, None,
                   None, None)  # fmt: skip
            n += 1


def _read_one(
    path: str, local: bool, content: bytes | None, encoding: str | None, max_bytes: int | None
) -> list[Item]:
    """Everything one file holds, read by the ingest package's reader."""
    from corroborate.ingest import DEFAULT_MAX_BYTES, iter_articles

    out: list[Item] = []
    limit = max_bytes or DEFAULT_MAX_BYTES
    if local:
        out.extend(iter_articles([path], encoding=encoding, max_bytes=limit,
                                 on_error=out.append, on_warning=out.append))  # fmt: skip
        return out
    if content is None:
        return [IngestError(path, "could not be read (file vanished after listing?)")]
    with tempfile.TemporaryDirectory(prefix="corroborate-") as tmp:
        name = PurePath(path).name or "input"
        copy = Path(tmp) / name
        copy.write_bytes(content)
        items: list[Item] = []
        items.extend(iter_articles([copy], encoding=encoding, max_bytes=limit,
                                   on_error=items.append, on_warning=items.append))  # fmt: skip
    prefix = str(copy)

    def where(source: str) -> str:
        return path + source[len(prefix) :] if source.startswith(prefix) else path

    for item in items:
        if isinstance(item, IngestError):
            out.append(IngestError(where(item.source), item.message, item.line))
        elif isinstance(item, str):
            out.append(item.replace(prefix, path))
        else:
            out.append(item.model_copy(update={"source": where(item.source)}))
    return out


def read_files_batches(
    batches: Iterable[pd.DataFrame], encoding: str | None, max_bytes: int | None
) -> Iterator[pd.DataFrame]:
    """mapInPandas body: rows (file_ord, path, local, content) to item rows."""
    import pandas as pd

    columns = ["ord", "id", "json", "err_source", "err_line", "err_message", "warning"]
    for pdf in batches:
        for file_ord, path, local, content in zip(
            pdf["file_ord"], pdf["path"], pdf["local"], pdf["content"], strict=True
        ):
            items = _read_one(str(path), bool(local), content, encoding, max_bytes)
            rows = list(_item_rows(int(file_ord), items))
            if rows:
                yield pd.DataFrame(rows, columns=columns).astype({"ord": "Int64",
                                                                   "err_line": "Int64"})


def parse_lines(
    lines: Iterable[tuple[str, int]], file_ord: int, source: str, max_bytes: int | None
) -> Iterator[tuple[Any, ...]]:
    """Rows for the lines of a split JSON lines file, as ``ingest.records.iter_jsonl``
    reads them (line numbers from 1; blank lines skipped; a bad line is an error)."""
    from corroborate.ingest.records import article_from_record

    stem = _stem(PurePath(source).name)
    limit = max_bytes if max_bytes is not None else 1 << 62
    for line, index in lines:
        lineno = index + 1
        if len(line.encode("utf-8")) > limit:
            yield (None, None, None, source,
                   lineno, f"line too long (more than {limit:,} bytes; the limit is {limit:,})",
                   None)
            continue
        if not line.strip():
            continue
        text = line.lstrip("\ufeff") if lineno == 1 else line
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            yield (None, None, None, source, lineno,
                   f"malformed JSON ({exc.msg}, column {exc.colno})", None)
            continue
        except RecursionError:
            yield (None, None, None, source, lineno, "malformed JSON (nested too deeply)", None)
            continue
        if not isinstance(record, dict):
            yield (None, None, None, source, lineno,
                   f"expected a JSON object, got {type(record).__name__}", None)
            continue
        try:
            art = article_from_record(record, f"{source}:{lineno}", key=f"{stem}-{lineno}",
                                      max_bytes=max_bytes)
        except IngestError as exc:
            yield (None, None, None, source, lineno, exc.message, None)
            continue
        yield ((file_ord << ORD_SHIFT) | index, art.id, art.model_dump_json(), None, None, None,
               None)  # fmt: skip


# --------------------------------------------------------------------------- driver


def _qualified(spark: SparkSession, path: str) -> str:
    jvm: Any = spark.sparkContext._jvm
    conf: Any = spark.sparkContext._jsc.hadoopConfiguration()
    p = jvm.org.apache.hadoop.fs.Path(path)
    return str(p.getFileSystem(conf).makeQualified(p).toString())


def read_items(
    spark: SparkSession, files: list[InputFile], settings: SparkSettings
) -> DataFrame:
    """Every article and error of ``files`` as item rows (:data:`ITEM_SCHEMA`)."""
    from pyspark.sql import functions as F

    parts: list[DataFrame] = []
    whole = [f for f in files if not f.split]
    encoding, max_bytes = settings.encoding, settings.max_bytes
    if whole:
        listing = spark.createDataFrame(
            [(f.ord, f.path, f.local) for f in whole], "file_ord long, path string, local boolean"
        )
        remote = [f.path for f in whole if not f.local]
        if remote:
            # binaryFile names files by their qualified URI ("file:/x", "hdfs://nn:8020/x").
            qualified = spark.createDataFrame(
                [(p, _qualified(spark, p)) for p in remote], "path string, uri string"
            )
            content = (
                spark.read.format("binaryFile").load(remote)
                .select(F.col("path").alias("uri"), "content")
                .join(qualified, "uri")
                .select("path", "content")
            )
            listing = listing.join(content, on="path", how="left")
        else:
            listing = listing.withColumn("content", F.lit(None).cast("binary"))
        slots = max(1, min(len(whole), spark.sparkContext.defaultParallelism * 4))
        listing = listing.repartition(slots)
        parts.append(
            listing.select("file_ord", "path", "local", "content").mapInPandas(
                lambda it: read_files_batches(it, encoding, max_bytes), ITEM_SCHEMA
            )
        )
    for f in files:
        if not f.split:
            continue
        uri = f.path if not f.local else Path(f.path).resolve().as_uri()
        file_ord, source = f.ord, f.path
        parse = functools.partial(parse_lines, file_ord=file_ord, source=source,
                                  max_bytes=max_bytes)  # fmt: skip
        rdd = spark.sparkContext.textFile(uri).zipWithIndex().mapPartitions(parse)
        parts.append(spark.createDataFrame(rdd, ITEM_SCHEMA))
    if not parts:
        return spark.createDataFrame([], ITEM_SCHEMA)
    out = parts[0]
    for p in parts[1:]:
        out = out.unionByName(p)
    return out


def unique_articles(items: DataFrame) -> DataFrame:
    """Articles (ord, id, json), each content once, at its first position."""
    from pyspark.sql import functions as F

    return (
        items.where(F.col("id").isNotNull())
        .groupBy("id")
        .agg(F.min("ord").alias("ord"), F.min_by("json", "ord").alias("json"))
        .select("ord", "id", "json")
    )


def warnings_of(items: DataFrame) -> DataFrame:
    """The readers' warnings (warning)."""
    from pyspark.sql import functions as F

    return items.where(F.col("warning").isNotNull()).select("warning")


def errors_of(items: DataFrame) -> DataFrame:
    """The items that are errors (source, line, message)."""
    from pyspark.sql import functions as F

    return items.where(F.col("err_message").isNotNull()).select(
        F.col("err_source").alias("source"),
        F.col("err_line").alias("line"),
        F.col("err_message").alias("message"),
    )
