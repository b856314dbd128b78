"""Main-text extraction from HTML: our ingest against plain trafilatura, on the Zyte
article-extraction benchmark (``../shared/bench/zyte``: 181 saved pages, gold
``articleBody`` in ``ground-truth.json``).

Scoring follows the benchmark: the text is split into ``\\w+`` tokens, every run of four
tokens is a shingle, and per page precision = shared shingles / predicted shingles,
recall = shared / gold (counted with multiplicity). Reported: precision and recall
averaged over pages, F1 of those averages (the benchmark's headline number), and the mean
of per-page F1. "ours" is :func:`corroborate.ingest.html.parse_html` (trafilatura, then
our cleaning, with metadata); "trafilatura" is ``trafilatura.extract(html,
include_comments=False)`` on the same pages in the same run. The gold is read here only,
never by the pipeline.

    python benchmarks/bench_extraction.py            # all 181 pages
    python benchmarks/bench_extraction.py --quick    # 30 pages
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
_TOKEN = re.compile(r"\w+")
QUICK_PAGES = 30


def shingles(text: str, n: int = 4) -> Counter[str]:
    """Word n-gram shingles with counts (the benchmark's tokenisation: ``\\w+``)."""
    tokens = _TOKEN.findall(text or "")
    return Counter(" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i : i + n])


def score(gold: str, predicted: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``predicted`` against ``gold`` (4-gram shingles)."""
    g, p = shingles(gold), shingles(predicted)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _summary(scores: list[tuple[float, float, float]], seconds: float) -> dict[str, Any]:
    p = statistics.mean(s[0] for s in scores)
    r = statistics.mean(s[1] for s in scores)
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
        "mean_page_f1": round(statistics.mean(s[2] for s in scores), 4),
        "pages_per_s": round(len(scores) / seconds, 1),
    }


def run(data_dir: Path = DEFAULT_DATA, quick: bool = False) -> dict[str, Any]:
    """Score our HTML ingest and plain trafilatura on the Zyte pages; a JSON-able dict."""
    import trafilatura

    from corroborate.ingest import IngestError
    from corroborate.ingest.html import parse_html

    zyte = Path(data_dir) / "zyte"
    gold: dict[str, dict[str, Any]] = json.loads(
        (zyte / "ground-truth.json").read_text(encoding="utf-8")
    )
    ids = sorted(gold)[:QUICK_PAGES] if quick else sorted(gold)
    pages = {i: gzip.decompress((zyte / "html" / f"{i}.html.gz").read_bytes()) for i in ids}

    failures: list[str] = []

    def ours(page_id: str) -> str:
        try:
            art = parse_html(pages[page_id], f"{page_id}.html", url=gold[page_id].get("url"))
        except IngestError as exc:
            failures.append(str(exc))
            return ""
        return art.text

    def baseline(page_id: str) -> str:
        return trafilatura.extract(pages[page_id], include_comments=False) or ""

    results: dict[str, Any] = {"pages": len(ids)}
    per_page: dict[str, dict[str, float]] = {}
    systems: list[tuple[str, Callable[[str], str]]] = [("trafilatura", baseline),
                                                       ("ours", ours)]
    for name, extract in systems:
        extract(ids[0])  # warm up imports and caches outside the timing
        scores = []
        start = time.perf_counter()
        texts = {i: extract(i) for i in ids}
        seconds = time.perf_counter() - start
        for i in ids:
            s = score(str(gold[i].get("articleBody") or ""), texts[i])
            scores.append(s)
            per_page.setdefault(i, {})[name] = round(s[2], 4)
        results[name] = _summary(scores, seconds)
    results["ours"]["failed_pages"] = len(failures)
    better = sum(p["ours"] > p["trafilatura"] for p in per_page.values())
    worse = sum(p["ours"] < p["trafilatura"] for p in per_page.values())
    results["pages_ours_better"] = better
    results["pages_ours_worse"] = worse
    results["f1_gain_over_trafilatura"] = round(
        results["ours"]["f1"] - results["trafilatura"]["f1"], 4
    )
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--quick", action="store_true", help=f"first {QUICK_PAGES} pages only")
    args = parser.parse_args(argv)
    if not (args.data_dir / "zyte" / "ground-truth.json").is_file():
        sys.exit(f"no Zyte benchmark under {args.data_dir}/zyte")
    print(json.dumps(run(args.data_dir, quick=args.quick), indent=2))


if __name__ == "__main__":
    main()
