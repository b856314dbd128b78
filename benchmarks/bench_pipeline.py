"""Speed of every stage and of the whole ``report`` pipeline, against the floor.

    python benchmarks/bench_pipeline.py [--sizes 1000,10000] [--data ../shared/bench]

Inputs are built from the real gva reports: the first N are the reports themselves; past
their number, each extra report is a new one made by mixing sentences of two random real
reports and renaming its people, so that copies stay rare, as in a real news stream. Each
size runs in a fresh process, so peak memory (max RSS) is that size's own.

The *floor* is the least work any reader of the same text must do: read it and split it
into sentences and tokens. Every stage is reported as articles per second and as a
multiple of that floor, measured in the same process.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "bench"
_NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")


def build_corpus(data: Path, n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` report rows: the real gva reports first, then synthetic mixtures."""
    rows = [json.loads(line) for line in (data / "gva" / "articles.jsonl").open()]
    rows = [r for r in rows if len(r.get("text", "")) > 200]
    out = rows[:n]
    rng = random.Random(seed)
    while len(out) < n:
        a, b = rng.sample(rows, 2)
        sa, sb = a["text"].split(". "), b["text"].split(". ")
        text = ". ".join(sa[: len(sa) // 2] + sb[len(sb) // 2 :])
        tag = len(out)
        text = _NAME.sub(lambda m, t=tag: f"{m.group()}{t % 997}", text)  # type: ignore[misc]
        out.append(
            {"id": f"syn{tag}", "text": text, "title": a.get("title"), "date": a.get("date")}
        )
    return out


def measure(data: Path, n: int) -> dict[str, Any]:
    """Run every stage on ``n`` reports in this process; timings and peak memory."""
    from corroborate.geo import get_gazetteer
    from corroborate.model import Article
    from corroborate.pipeline import DEFAULT_STAGES, STAGES, Batch
    from corroborate.text import sentences, tokens

    get_gazetteer()  # start-up cost, not per-article work
    rows = build_corpus(data, n)
    start = time.perf_counter()
    arts = [
        Article.create(
            text=r["text"],
            source=str(r["id"]),
            key=str(r["id"]),
            title=r.get("title") or None,
            date=r.get("date") or None,
        )
        for r in rows
    ]
    build = time.perf_counter() - start
    start = time.perf_counter()
    for a in arts:
        for s in sentences(a.text):
            tokens(s.text)
    floor = time.perf_counter() - start + build
    batch = Batch(articles=arts)
    stages: dict[str, float] = {}
    for name in DEFAULT_STAGES:
        start = time.perf_counter()
        STAGES[name](batch)
        stages[name] = time.perf_counter() - start
    total = sum(stages.values()) + build
    words = sum(len(a.text.split()) for a in arts)
    return {
        "articles": n,
        "mean_words": round(words / n),
        "floor_articles_per_s": round(n / floor, 1),
        "pipeline_articles_per_s": round(n / total, 1),
        "pipeline_vs_floor": round(total / floor, 2),
        "stages_articles_per_s": {k: round(n / v, 1) if v else None for k, v in stages.items()},
        "stages_vs_floor": {k: round(v / floor, 2) for k, v in stages.items()},
        "events": len(batch.events),
        "relations": len(batch.relations),
        "claims": len(batch.claims),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def startup() -> dict[str, float]:
    """Wall time of ``corroborate --help`` (lazy imports keep it short)."""
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "corroborate.cli", "--help"], check=True, capture_output=True
        )
        runs.append(time.perf_counter() - start)
    return {"help_seconds": round(min(runs), 3)}


def run(data_dir: Path = DEFAULT_DATA, quick: bool = False, sizes: str = "") -> dict[str, Any]:
    """Each size in a fresh process; JSON-able results."""
    chosen = [int(s) for s in (sizes or ("500" if quick else "1000,10000")).split(",")]
    out: dict[str, Any] = {"startup": startup(), "sizes": []}
    for n in chosen:
        proc = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--data", str(data_dir)],
            check=True,
            capture_output=True,
            text=True,
        )
        out["sizes"].append(json.loads(proc.stdout))
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sizes", default="")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.data, args.one)))
    else:
        print(json.dumps(run(args.data, args.quick, args.sizes), indent=2))
