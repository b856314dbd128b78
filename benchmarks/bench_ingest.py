"""Ingest throughput and memory: ``../shared/bench/gva/articles.jsonl`` (about 3,400 real
news articles, one per JSON line) into a real SQLite store on disk.

For the input as it is (1x) and four times as large (4x: every article four times, each
copy with its own id, URL and a marker line, so all are new content), each measurement
runs in a fresh process and reports:

- ``articles_per_s``: articles stored per second of wall time, end to end (read, detect,
  parse, clean, credits, dates, SQLite insert, commit); ``articles_per_cpu_s`` the same
  per second of this process's CPU time (one core; not slowed by other processes on a
  shared machine); ``lines_per_s`` counts every line read, including those reported as
  errors (empty texts);
- ``again_per_s``: the same input a second time, where every article is already stored
  (the idempotent no-op path);
- ``peak_rss_mib``: the process's peak resident memory (``ru_maxrss``), the Python
  interpreter and libraries included;
- ``peak_traced_mib``: peak memory allocated by Python during the ingest (tracemalloc,
  in a separate run, since tracing slows it down).

Memory stays flat when the 4x run needs about the same as the 1x run (``rss_ratio_4x``,
``traced_ratio_4x`` near 1), because articles are streamed into the store, not loaded.

    python benchmarks/bench_ingest.py            # the whole file
    python benchmarks/bench_ingest.py --quick    # the first 500 lines
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
QUICK_LINES = 500


def _make_input(source: Path, target: Path, copies: int, limit: int | None) -> int:
    """Write ``copies`` distinct copies of (the first ``limit`` lines of) ``source``."""
    n = 0
    with target.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            with source.open(encoding="utf-8") as fh:
                for i, line in enumerate(fh):
                    if limit is not None and i >= limit:
                        break
                    record = json.loads(line)
                    if copy:
                        record["id"] = f"{record.get('id')}-{copy}"
                        if record.get("url"):
                            record["url"] = f"{record['url']}?copy={copy}"
                        if record.get("text"):
                            record["text"] = f"{record['text']}\n\n(Copy {copy}.)"
                    out.write(json.dumps(record) + "\n")
                    n += 1
    return n


def _measure(path: Path, workdir: Path) -> dict[str, Any]:
    """One size, in this (fresh) process: timed run, repeat run, traced run."""
    from corroborate.ingest import ingest
    from corroborate.store import Store

    lines = sum(1 for _ in path.open("rb"))
    out: dict[str, Any] = {"lines": lines}
    with Store(workdir / "timed.db") as store:
        start, cpu = time.perf_counter(), time.process_time()
        summary = ingest([path], store)
        seconds = time.perf_counter() - start
        cpu_seconds = time.process_time() - cpu
        stored = len(summary.stored.added)
        out.update(
            articles=stored,
            errors=len(summary.errors),
            seconds=round(seconds, 2),
            articles_per_s=round(stored / seconds),
            articles_per_cpu_s=round(stored / cpu_seconds),
            lines_per_s=round(lines / seconds),
        )
        start = time.perf_counter()
        again = ingest([path], store)
        seconds = time.perf_counter() - start
        assert not again.stored.added, "re-ingesting the same content must add nothing"
        out["again_per_s"] = round(len(again.stored.existing) / seconds)
    out["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    with Store(workdir / "traced.db") as store:
        tracemalloc.start()
        ingest([path], store)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    out["peak_traced_mib"] = round(peak / 2**20, 2)
    out["db_mib"] = round((workdir / "timed.db").stat().st_size / 2**20, 1)
    return out


def _in_fresh_process(path: Path, workdir: Path) -> dict[str, Any]:
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[1] / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run(
        [sys.executable, __file__, "--measure", str(path), str(workdir)],
        capture_output=True, text=True, env=env, check=True,
    )
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def run(data_dir: Path = DEFAULT_DATA, quick: bool = False) -> dict[str, Any]:
    """Measure 1x and 4x; a JSON-able dict."""
    source = Path(data_dir) / "gva" / "articles.jsonl"
    limit = QUICK_LINES if quick else None
    results: dict[str, Any] = {"input": str(source), "quick": quick}
    with tempfile.TemporaryDirectory() as tmp:
        for label, copies in (("1x", 1), ("4x", 4)):
            work = Path(tmp) / label
            work.mkdir()
            path = work / "articles.jsonl"
            _make_input(source, path, copies, limit)
            results[label] = _in_fresh_process(path, work)
    one, four = results["1x"], results["4x"]
    results["rss_ratio_4x"] = round(four["peak_rss_mib"] / one["peak_rss_mib"], 2)
    results["traced_ratio_4x"] = round(four["peak_traced_mib"] / one["peak_traced_mib"], 2)
    results["articles_per_s"] = one["articles_per_s"]
    results["articles_per_cpu_s"] = one["articles_per_cpu_s"]
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--quick", action="store_true", help=f"first {QUICK_LINES} lines only")
    parser.add_argument("--measure", nargs=2, metavar=("JSONL", "WORKDIR"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(_measure(Path(args.measure[0]), Path(args.measure[1]))))
        return
    if not (args.data_dir / "gva" / "articles.jsonl").is_file():
        sys.exit(f"no gva/articles.jsonl under {args.data_dir}")
    print(json.dumps(run(args.data_dir, quick=args.quick), indent=2))


if __name__ == "__main__":
    main()
