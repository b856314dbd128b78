"""The pipeline on a real local Spark (local[2]) agrees with the single-machine pipeline.

One SparkSession serves the whole module. Needs PySpark and Java; skipped without them.
"""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java", allow_module_level=True)

from click.testing import CliRunner

from corroborate.cli import main
from corroborate.ingest import read_paths
from corroborate.model import Report
from corroborate.pipeline import analyse
from corroborate.spark import SparkSettings, read_report, run_pipeline
from corroborate.spark.ingest import InputFile, read_items, unique_articles
from corroborate.spark.outputs import read_summary
from corroborate.store import Store

# PySpark warns about pandas >= 3 on its own calls; nothing here depends on them.
pytestmark = pytest.mark.filterwarnings(
    "ignore:.*does not yet fully support pandas.*", "ignore:.*copy keyword is deprecated.*"
)

HERE = Path(__file__).parent
MIXED = HERE / "data" / "spark" / "mixed"
GVA = HERE.resolve().parents[1] / "shared" / "bench" / "gva" / "articles.jsonl"


@pytest.fixture(scope="module")
def spark():
    from corroborate.spark import local_session

    session = local_session(cores=2, shuffle_partitions=4)
    yield session
    session.stop()


@pytest.fixture(scope="module")
def gva_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not GVA.is_file():
        pytest.skip("../shared/bench/gva is not beside this checkout")
    path = tmp_path_factory.mktemp("gva") / "gva200.jsonl"
    with GVA.open(encoding="utf-8") as src:
        path.write_text("".join(itertools.islice(src, 200)), encoding="utf-8")
    return path


def _relation_key(r) -> tuple:
    return (r.a, r.b, r.kind, r.original, r.original_by, r.credited, r.external,
            round(r.score, 3), tuple((p.a, p.b) for p in r.evidence))  # fmt: skip


def assert_same(local: Report, spark: Report) -> None:
    """Same articles, claims, relations and events (with their facts), in the same order."""
    assert [a.model_dump() for a in spark.articles] == [a.model_dump() for a in local.articles]
    assert [c.model_dump() for c in spark.claims] == [c.model_dump() for c in local.claims]
    assert [_relation_key(r) for r in spark.relations] == [
        _relation_key(r) for r in local.relations
    ]
    assert [e.model_dump() for e in spark.events] == [e.model_dump() for e in local.events]


def test_cli_on_seeds_and_mixed_inputs_equals_local(spark, seeds_dir, tmp_path) -> None:
    """`corroborate spark run`: the five seeds plus a folder with a bad line, a duplicate
    and an empty file; loads the store; exit code 1 for the failed inputs."""
    out, db = tmp_path / "out", tmp_path / "store.db"
    result = CliRunner().invoke(
        main,
        ["spark", "run", str(seeds_dir), str(MIXED), "--output", str(out),
         "--store", str(db), "--json"],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    summary = json.loads(result.output)
    assert summary == read_summary(out)
    local_in = read_paths([seeds_dir, MIXED])
    assert summary["articles"] == len(local_in.articles) == 8
    assert summary["duplicates"] == 1 and summary["failed"] == len(local_in.errors) == 3
    assert sorted(summary["errors"]) == sorted(str(e) for e in local_in.errors)
    assert {p.name for p in out.iterdir()} >= {"articles", "claims", "relations", "events",
                                               "facts", "errors", "summary.json"}  # fmt: skip
    local = analyse(local_in.articles)
    got = read_report(out)
    assert_same(local, got)
    # The seeds' known reading survives: one Balochistan event, its copy pair.
    seeds = {a.id for a in local.articles if a.source.startswith(str(seeds_dir))}
    assert any(seeds <= set(e.articles) for e in got.events)
    assert summary["relations"] == len(local.relations) >= 2
    with Store(db) as store:
        assert store.count() == 8
        loaded = store.load_report()
    assert loaded is not None
    assert [e.id for e in loaded.events] == [e.id for e in local.events]


def test_gva_sample_equals_local(spark, gva_sample, tmp_path) -> None:
    """200 GVA reports with the default settings: provenance and events each one block."""
    out = str(tmp_path / "out")
    summary = run_pipeline(spark, [str(gva_sample)], out, SparkSettings())
    assert summary.provenance["single_block"] is True
    assert summary.event_blocks["single_block"] is True
    local = analyse(read_paths([gva_sample]).articles)
    assert_same(local, read_report(out))


def test_gva_sample_in_small_blocks(spark, gva_sample, tmp_path) -> None:
    """The same sample with every plan forced to cut: lines split across tasks, candidate
    pairs from the LSH shuffles, the candidate graph chunked (batch-wide statistics in
    each chunk), events grouped in blocks of 50. Articles, claims' readings and relations
    stay equal; events differ only where an incident's reports fall into two blocks (the
    difference docs/spark.md describes)."""
    out = str(tmp_path / "out")
    settings = SparkSettings(split_bytes=1, max_provenance_block=20, max_event_block=50,
                             partitions=3)  # fmt: skip
    summary = run_pipeline(spark, [str(gva_sample)], out, settings)
    assert summary.provenance["single_block"] is False
    assert summary.provenance["candidate_pairs"] > 0
    assert summary.provenance["chunked_components"] >= 1
    assert summary.event_blocks["blocks"] >= 4
    local = analyse(read_paths([gva_sample]).articles)
    got = read_report(out)
    assert [a.model_dump() for a in got.articles] == [a.model_dump() for a in local.articles]
    strip = ("period", "scope")  # resolved against the event, which may differ
    assert [c.model_dump(exclude=set(strip)) for c in got.claims] == [
        c.model_dump(exclude=set(strip)) for c in local.claims
    ]
    assert [_relation_key(r) for r in got.relations] == [_relation_key(r) for r in local.relations]

    local_events = [frozenset(e.articles) for e in local.events]
    spark_events = [frozenset(e.articles) for e in got.events]
    same = len(set(local_events) & set(spark_events))
    assert same >= 0.95 * len(local_events)
    assert bcubed_f1(spark_events, local_events) >= 0.95


def bcubed_f1(pred: list[frozenset[str]], gold: list[frozenset[str]]) -> float:
    """B-cubed F1 of one partition of articles against another."""
    p_of = {a: c for c in pred for a in c}
    g_of = {a: c for c in gold for a in c}
    items = list(g_of)
    prec = sum(len(p_of[a] & g_of[a]) / len(p_of[a]) for a in items) / len(items)
    rec = sum(len(p_of[a] & g_of[a]) / len(g_of[a]) for a in items) / len(items)
    return 2 * prec * rec / (prec + rec)


def test_remote_files_are_read_through_hadoop(spark, seeds_dir) -> None:
    """Files named by URI go through Spark's binaryFile source and a task-local copy;
    they read exactly as local paths do (sources keep the URI)."""
    files = sorted(seeds_dir.iterdir())
    remote = [InputFile(n, f.resolve().as_uri(), f.stat().st_size, False, False)
              for n, f in enumerate(files)]  # fmt: skip
    rows = unique_articles(read_items(spark, remote, SparkSettings())).orderBy("ord").collect()
    local = read_paths(files).articles
    assert [r["id"] for r in rows] == [a.id for a in local]
    got = json.loads(rows[0]["json"])
    assert got["source"].endswith(files[0].name) and got["source"].startswith("file:")
    assert got["text"] == local[0].text


def test_local_workers_run_the_drivers_python(spark) -> None:
    """Local workers run this interpreter and import this build: run from a virtual
    environment that is not activated (the compiled build's, in CI), they ran the system
    Python, whose pure-Python classes unpickled the compiled driver's settings wrongly."""

    def where(_rows: object) -> list[tuple[str, str, str]]:
        # (Defined here: a test module's own functions are not importable by the workers.)
        import sys

        import corroborate
        from corroborate.buildinfo import build_name

        return [(sys.executable, corroborate.__file__ or "", build_name())]

    got = spark.sparkContext.parallelize([0], 1).mapPartitions(where).collect()
    assert got == where(None)
