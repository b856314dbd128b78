"""Run every benchmark and write the results.

    python -m benchmarks                 # all benchmarks, full data
    python -m benchmarks --quick         # a fast sample of each
    python -m benchmarks --only claims,events --data /path/to/bench   # updates those entries
    compiled/bin/python -m benchmarks --only pipeline --label compiled  # as "pipeline (compiled)"

Each ``benchmarks/bench_*.py`` module exposes ``run(data_dir, quick) -> dict``; this runner
calls each in its own process (so peak memory and failures stay separate), then writes
``benchmarks/results.json`` and ``docs/benchmarks.md``. Gold labels are read only by the
benchmark modules, never by the pipeline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_DATA = REPO.parent / "shared" / "bench"


def modules() -> list[str]:
    """Names of the benchmark modules (bench_claims -> "claims")."""
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def run_one(name: str, data: Path, quick: bool, timeout: int) -> dict[str, Any]:
    code = (
        "import json, sys; from pathlib import Path; "
        f"sys.path.insert(0, {str(HERE)!r}); import bench_{name} as m; "
        f"print('\\n@@RESULT@@' + json.dumps(m.run(Path({str(data)!r}), {quick!r})))"
    )
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, cwd=REPO
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout} s"}
    took = round(time.perf_counter() - start, 1)
    if proc.returncode != 0 or "@@RESULT@@" not in proc.stdout:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        return {"error": " | ".join(tail), "seconds": took}
    result: dict[str, Any] = json.loads(proc.stdout.rsplit("@@RESULT@@", 1)[1])
    result["seconds"] = took
    return result


def _rows(data: Any, prefix: str = "") -> list[tuple[str, str]]:
    """Flatten nested results into (path, value) rows for a table."""
    if isinstance(data, dict):
        out: list[tuple[str, str]] = []
        for k, v in data.items():
            out.extend(_rows(v, f"{prefix}.{k}" if prefix else str(k)))
        return out
    if isinstance(data, list) and data and all(isinstance(x, dict) for x in data):
        out = []
        for i, item in enumerate(data):
            out.extend(_rows(item, f"{prefix}[{_label(item, i)}]"))
        return out
    text = json.dumps(data) if isinstance(data, list | dict) else str(data)
    if prefix.endswith("note"):  # a run's note, said in full
        return [(prefix, " ".join(text.split()))]
    return [(prefix, text if len(text) < 160 else text[:157] + "...")]


def _label(item: dict[str, Any], i: int) -> str:
    """A list item's name in a row's path: its article count, and for runs on a chosen
    length of report, their kind and length ("253 real 500-700 words")."""
    count = str(item.get("articles", i))
    if not item.get("words"):
        return count
    low, high = item["words"]
    span = f"{low}-{high}" if high else f"{low}+"
    return " ".join(filter(None, [count, item.get("reports"), span, "words"]))


def write_markdown(results: dict[str, Any], path: Path) -> None:
    meta = results["_meta"]
    lines = [
        "# Benchmarks",
        "",
        "Written by `python -m benchmarks` "
        f"({'quick sample' if meta['quick'] else 'full data'}) on {meta['when']} (entries "
        "run separately with `--only` say when, under `_run`), "
        f"Python {meta['python']}, {meta['machine']}. Data: `{meta['data']}` "
        "(development halves; held-out sets of the same form are scored elsewhere).",
        "",
        "Every quality number stands next to its baseline from the same run; speeds are "
        "articles per second and multiples of the read-and-tokenise floor. The stage docs "
        "(`docs/claims.md`, `docs/events.md`, `docs/provenance.md`, `docs/ingest.md`, "
        "`docs/spark.md`) discuss these numbers.",
        "",
    ]
    for name in sorted(k for k in results if not k.startswith("_")):
        lines += [f"## {name}", "", "| result | value |", "|---|---|"]
        lines += [f"| `{k}` | {v.replace('|', '/')} |" for k, v in _rows(results[name])]
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of bench sets")
    ap.add_argument("--quick", action="store_true", help="a fast sample of each benchmark")
    ap.add_argument("--only", default="", help="comma-separated subset, e.g. claims,events")
    ap.add_argument("--timeout", type=int, default=3600, help="seconds per benchmark")
    ap.add_argument(
        "--label", default="", help='store entries as "NAME (LABEL)", e.g. for another build'
    )
    ap.add_argument("--json", type=Path, default=HERE / "results.json")
    ap.add_argument("--markdown", type=Path, default=REPO / "docs" / "benchmarks.md")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"error: {args.data} is not a folder of benchmark data (use --data)", file=sys.stderr)
        return 2
    names = [n for n in modules() if not args.only or n in args.only.split(",")]
    results: dict[str, Any] = {
        "_meta": {
            "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "python": platform.python_version(),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores",
            "data": os.path.relpath(args.data.resolve(), REPO),
            "quick": args.quick,
        }
    }
    if args.only and args.json.is_file():
        # A subset updates its entries and keeps the others (each says when it ran).
        kept = json.loads(args.json.read_text(encoding="utf-8"))
        results = {**{k: v for k, v in kept.items() if k != "_meta"}, **results}
    for name in names:
        key = f"{name} ({args.label})" if args.label else name
        print(f"running {key} ...", file=sys.stderr, flush=True)
        results[key] = run_one(name, args.data, args.quick, args.timeout)
        results[key]["_run"] = {"when": results["_meta"]["when"], "quick": args.quick}
        status = results[key].get("error", f"done in {results[key].get('seconds')} s")
        print(f"  {key}: {status}", file=sys.stderr, flush=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    write_markdown(results, args.markdown)
    print(f"wrote {args.json} and {args.markdown}", file=sys.stderr)
    return 1 if any("error" in v for k, v in results.items() if not k.startswith("_")) else 0


if __name__ == "__main__":
    sys.exit(main())
