"""Throughput of the Spark job against the single-machine pipeline, on synthetic batches.

The batches (10k and 100k reports) are the realistic feed of ``benchmarks/stream.py``: the
real gva reports, then new reports mixed from them with new names and numbers, and one in
about seven a copy or rewrite of a recent report.

Every run reads the same JSON lines file and writes everything a run writes; the clock
covers ingest to output (Spark session start-up is reported apart). Each configuration
runs in its own process with a time limit:

* ``local``: ``read_paths`` + ``analyse`` (one core);
* ``spark-1`` and ``spark-2``: ``corroborate.spark.run_pipeline`` on ``local[1]`` and
  ``local[2]`` (one and two executor cores).

    python benchmarks/bench_spark.py            # 10k and 100k (hours on 2 cores: see docs)
    python benchmarks/bench_spark.py --quick    # 1k, for a smoke test
    python benchmarks/bench_spark.py --sizes 10000
    python benchmarks/bench_spark.py --sizes 100000 --configs spark-1,spark-2 \
        --provenance-block 100000       # one provenance block (the few-cores advice)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from stream import write_stream

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
SIZES = (10_000, 100_000)
QUICK_SIZES = (1_000,)
CONFIGS = ("local", "spark-1", "spark-2")
#: Wall-clock limit per configuration and size (seconds). A configuration whose rate at
#: the smaller size projects past it at the larger one is not started.
LIMIT = 2400
def _one(config: str, path: Path, workdir: Path, block: int | None = None) -> dict[str, Any]:
    """One configuration over one input, in this process."""
    if config == "local":
        from corroborate.ingest import read_paths
        from corroborate.pipeline import analyse

        t0 = time.perf_counter()
        result = read_paths([path])
        report = analyse(result.articles)
        (workdir / "report.json").write_text(report.to_json(indent=None), encoding="utf-8")
        seconds = time.perf_counter() - t0
        return {"articles": len(report.articles), "seconds": round(seconds, 1),
                "articles_per_s": round(len(report.articles) / seconds, 1),
                "events": len(report.events), "relations": len(report.relations),
                "claims": len(report.claims)}  # fmt: skip
    from corroborate.spark import local_session, run_pipeline

    cores = int(config.split("-")[1])
    t0 = time.perf_counter()
    spark = local_session(cores=cores, shuffle_partitions=max(4, 2 * cores))
    startup = time.perf_counter() - t0
    t0 = time.perf_counter()
    from corroborate.spark.settings import SparkSettings

    settings = SparkSettings(max_provenance_block=block) if block else SparkSettings()
    summary = run_pipeline(spark, [str(path)], str(workdir / "out"), settings)
    seconds = time.perf_counter() - t0
    spark.stop()
    return {"articles": summary.articles, "seconds": round(seconds, 1),
            "articles_per_s": round(summary.articles / seconds, 1),
            "session_start_s": round(startup, 1), "stages_s": summary.seconds,
            "events": summary.events, "relations": summary.relations, "claims": summary.claims,
            "provenance": summary.provenance, "event_blocks": summary.event_blocks}  # fmt: skip


def _measure(
    config: str, path: Path, workdir: Path, limit: int, block: int | None = None
) -> dict[str, Any]:
    workdir.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, __file__, "--one", config, str(path), str(workdir)]
    cmd += [str(block)] if block else []
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return {"status": "not run to the end", "limit_s": limit}
    if done.returncode != 0:
        return {"status": "failed", "stderr": done.stderr[-2000:]}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return {"status": "ok", **result}


def _bcubed_f1(pred: list[frozenset[str]], gold: list[frozenset[str]]) -> float:
    p_of = {a: c for c in pred for a in c}
    g_of = {a: c for c in gold for a in c}
    items = [a for a in g_of if a in p_of]
    prec = sum(len(p_of[a] & g_of[a]) / len(p_of[a]) for a in items) / max(1, len(items))
    rec = sum(len(p_of[a] & g_of[a]) / len(g_of[a]) for a in items) / max(1, len(items))
    return round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0


def agreement(local_dir: Path, spark_dir: Path) -> dict[str, Any]:
    """How the Spark run's results compare with the single-machine run's."""
    from corroborate.model import Report
    from corroborate.spark import read_report

    local = Report.model_validate_json((local_dir / "report.json").read_text("utf-8"))
    got = read_report(spark_dir / "out")

    def rel(r: Any) -> tuple[Any, ...]:
        return (r.a, r.b, r.kind, r.original, r.credited, r.external)

    lr, sr = {rel(r) for r in local.relations}, {rel(r) for r in got.relations}
    le = [frozenset(e.articles) for e in local.events]
    se = [frozenset(e.articles) for e in got.events]
    lc = {c.id: c.model_dump(exclude={"period", "scope"}) for c in local.claims}
    sc = {c.id: c.model_dump(exclude={"period", "scope"}) for c in got.claims}
    return {
        "articles_equal": [a.id for a in local.articles] == [a.id for a in got.articles],
        "claims_equal": sum(1 for k, v in lc.items() if sc.get(k) == v) / max(1, len(lc)),
        "relations": {"local": len(lr), "spark": len(sr), "common": len(lr & sr)},
        "events": {"local": len(le), "spark": len(se), "identical": len(set(le) & set(se)),
                   "bcubed_f1": _bcubed_f1(se, le)},
    }  # fmt: skip


def run(
    data_dir: Path = DEFAULT_DATA,
    quick: bool = False,
    sizes: tuple[int, ...] | None = None,
    configs: tuple[str, ...] = CONFIGS,
    provenance_block: int | None = None,
) -> dict[str, Any]:
    """Articles per second of each configuration at each size (JSON-able).

    ``provenance_block``: the Spark runs' ``max_provenance_block`` (default: the setting's).
    """
    sizes = sizes or (QUICK_SIZES if quick else SIZES)
    out: dict[str, Any] = {"sizes": {}, "limit_s": LIMIT, "provenance_block": provenance_block,
                           "configs": {"local": "read_paths + analyse, one process",
                                       "spark-1": "run_pipeline on local[1]",
                                       "spark-2": "run_pipeline on local[2]"}}  # fmt: skip
    if not (data_dir / "gva" / "articles.jsonl").is_file():
        out["skipped"] = f"{data_dir}/gva/articles.jsonl not found"
        return out
    with tempfile.TemporaryDirectory(prefix="bench-spark-data-") as tmp:
        rates: dict[str, float | None] = {}
        for n in sizes:
            path = write_stream(data_dir, n, Path(tmp) / f"stream-{n}.jsonl")
            results: dict[str, Any] = {}
            for c in configs:
                rate = rates.get(c, -1.0)
                if rate is None or (rate > 0 and n / rate > LIMIT):
                    why = (f"projected {n / rate:.0f} s at the {rate:.1f} articles/s of the "
                           f"smaller size, over the {LIMIT} s limit" if rate else
                           "did not finish at the smaller size")  # fmt: skip
                    results[c] = {"status": "not run", "why": why}
                    continue
                results[c] = _measure(c, path, Path(tmp) / f"{n}-{c}", LIMIT, provenance_block)
                ok = results[c].get("status") == "ok"
                rates[c] = float(results[c]["articles_per_s"]) if ok else None
            for c in configs:
                if c == "local" or "local" not in results:
                    continue
                if results["local"].get("status") == "ok" and results[c].get("status") == "ok":
                    results[c]["agreement"] = agreement(Path(tmp) / f"{n}-local",
                                                        Path(tmp) / f"{n}-{c}")  # fmt: skip
            out["sizes"][str(n)] = results
    return out


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        block = int(sys.argv[5]) if len(sys.argv) > 5 else None
        print(json.dumps(_one(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]), block)))
    else:
        # --sizes 10000,100000 picks the batch sizes, --configs spark-1,spark-2 the runs,
        # --provenance-block N the Spark runs' max_provenance_block
        args = sys.argv[1:]

        def opt(name: str) -> str | None:
            return args[args.index(name) + 1] if name in args else None

        chosen = opt("--sizes")
        picked = opt("--configs")
        pblock = opt("--provenance-block")
        result = run(
            quick="--quick" in args,
            sizes=tuple(int(n) for n in chosen.split(",")) if chosen else None,
            configs=tuple(picked.split(",")) if picked else CONFIGS,
            provenance_block=int(pblock) if pblock else None,
        )
        print(json.dumps(result, indent=2))
