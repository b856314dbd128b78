"""Text no reporter writes: does the work grow linearly with it?

    python benchmarks/bench_hostile.py [--quick]

Each input is a unit repeated ``n`` and ``4n`` times: on one line and one per line, read as
a text file, a Markdown file and an HTML page, then run through the whole pipeline
(``analyse``) with a half-length copy beside it. Linear work gives a ratio of about 4
between the two CPU times; a rule that compares every piece with every other one gives 16.
The result lists every (input, format) with its ratio and its time per 1,000 characters
(``runs``), the worst ratio, and the slowest run's time per 1,000 characters next to that
of the real gva reports of 500 to 700 words (the typical case), so a slow path shows as a
multiple of normal work. The typical reports are analysed from records, without reading
them; the hostile runs include reading, so the multiple errs high.

Nothing here reads gold labels; ``data_dir`` is used only for the typical reports.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stream import real_reports

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "bench"

#: name -> the repeated unit. Each was once (or is near) a path that scanned to the end of
#: the text from every unit, or compared every count of a sentence with every other.
UNITS = {
    "words without full stops": "police said two killed people at least 1,200 , wounded ",
    "a list of numbers": "two, ",
    "opening brackets": "[",
    "link openings": "[a](",
    "unclosed comments": "<!--",
    "unclosed template tags": "{{",
    "bold without an end": "**a ",
    "bare links": "http://",
    "hyphen ends": "co- ",
    "a short sentence": "Two people were killed. ",
    "a heading word": "BY ",
    "stops run into words": "ab.Cd.",
}
N = 2000
QUICK_N = 500
FORMATS = ("txt", "md", "html")


def _cpu(fn: Any) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def _one(text: str, fmt: str) -> float:
    from corroborate.ingest import parse_document
    from corroborate.pipeline import analyse

    data = (f"<html><body><p>{text}</p></body></html>" if fmt == "html" else text).encode()

    def work() -> None:
        arts = [parse_document(data, f"a.{fmt}"), parse_document(data[: len(data) // 2], "b.txt")]
        analyse([a for a in arts if a.text.strip()])

    return _cpu(work)


def _safe(text: str, fmt: str) -> float:
    """CPU seconds; an input the readers refuse counts as what it cost to refuse it."""
    from corroborate.ingest import IngestError

    start = time.process_time()
    try:
        return _one(text, fmt)
    except IngestError:
        return time.process_time() - start


def run(data_dir: Path = DEFAULT_DATA, quick: bool = False) -> dict[str, Any]:
    from corroborate.model import Article
    from corroborate.pipeline import analyse

    n = QUICK_N if quick else N
    analyse([Article.create("Police said two people were killed.", "warm.txt")])  # imports
    rows: list[dict[str, Any]] = []
    for name, unit in UNITS.items():
        for layout, sep in (("one line", ""), ("one per line", "\n")):
            for fmt in FORMATS:
                small = (unit + sep) * n + " Police said two people were killed."
                big = (unit + sep) * (4 * n) + " Police said two people were killed."
                t1, t4 = _safe(small, fmt), _safe(big, fmt)
                rows.append({
                    "input": f"{name}, {layout}", "format": fmt, "characters": len(big),
                    "seconds_4n": round(t4, 3), "ratio_4n_to_n": round(t4 / max(t1, 1e-3), 1),
                    "ms_per_1000_chars": round(1000 * t4 / len(big) * 1000, 3),
                })  # fmt: skip
    typical = real_reports(Path(data_dir), 500, 700)[:100] if Path(data_dir).exists() else []
    typical_ms = None
    if typical:
        arts = [Article.create(r["text"], str(r["id"]), title=r.get("title")) for r in typical]
        chars = sum(len(a.text) for a in arts)
        typical_ms = round(1000 * _cpu(lambda: analyse(arts)) / chars * 1000, 3)
    worst = max(rows, key=lambda r: r["ratio_4n_to_n"])
    slowest = max(rows, key=lambda r: r["ms_per_1000_chars"])
    return {
        "units_n": n,
        "worst_ratio": {k: worst[k] for k in ("input", "format", "ratio_4n_to_n")},
        "slowest": {k: slowest[k] for k in ("input", "format", "ms_per_1000_chars")},
        "typical_ms_per_1000_chars": typical_ms,
        "slowest_vs_typical": (
            round(slowest["ms_per_1000_chars"] / typical_ms, 1) if typical_ms else None
        ),
        # One row per run: [ratio of 4n to n, ms per 1,000 characters at 4n].
        "runs": {
            f"{r['input']} ({r['format']})": [r["ratio_4n_to_n"], r["ms_per_1000_chars"]]
            for r in rows
        },
    }


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    print(json.dumps(run(args.data, args.quick), indent=2))
