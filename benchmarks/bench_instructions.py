"""Instructions per report for the whole report path and for its floor, counted by valgrind.

    python benchmarks/bench_instructions.py                 # 100 real 500-700-word reports
    python benchmarks/bench_instructions.py --reports 25    # fewer, faster

CPU time swings with the host (``bench_pipeline.py`` measured the same floor pass 1.5x
slower than the next); the number of instructions a program runs does not. This counts them
with valgrind's callgrind (Debian package ``valgrind``; without it the benchmark says it was
skipped) for three runs of one script, each in its own process:

* ``setup``: the imports, the gazetteer, and the report path once on a one-sentence
  invented report (one-time work: the HTML template compiled, tables built on first use);
* ``floor``: the same, then ``bench_pipeline._floor`` on the reports (read the JSON lines,
  build the records, split sentences and tokens);
* ``report``: the same, then the report path (``read_paths``, ``analyse``, the five report
  files written to a temporary folder).

Each run's count less the ``setup`` run's is its work; per report, and the report path as a
multiple of the floor. The reports are the target's case: the first real gva reports of 500
to 700 words. ``PYTHONHASHSEED=0`` and ``OPENBLAS_NUM_THREADS=1`` keep the counts steady
from run to run (string hashes decide how dicts probe; idle BLAS threads add instructions):
two runs of the same code agree to about 0.05%.

Instructions are not time: the report path runs at fewer instructions per cycle than the
floor's tight tokenising loop, so its multiple in CPU time is higher (``bench_pipeline``).
What this measures well is a change between two versions of the code.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from stream import real_reports

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parents[1] / "shared" / "bench"
REPORTS = 100
QUICK_REPORTS = 25
WORDS = (500, 700)
MODES = ("setup", "floor", "report")
NO_VALGRIND = "valgrind is not installed (Debian package valgrind)"

# The measured script: the same start-up, floor and report path as ``bench_pipeline.py``.
# Every mode does the same setup, so the setup run's count is exactly what the other two
# share.
_SCRIPT = """
import json, sys, tempfile
from pathlib import Path
sys.path.insert(0, {here!r})
from bench_pipeline import _floor, _report_path, start_up
start_up()
src, mode = Path(sys.argv[1]), sys.argv[2]
with tempfile.TemporaryDirectory() as out:
    # One-time work (the HTML template compiled, patterns and tables built on first use) is
    # done here, on an invented report, so that it counts as setup, not as the reports' work.
    warm = Path(out) / "warm.jsonl"
    text = "Police said two people were killed in Lahore on Monday."
    warm.write_text(json.dumps({{"id": "w", "text": text}}) + "\\n", encoding="utf-8")
    _report_path(warm, Path(out) / "warm")
    if mode == "floor":
        _floor(src)
    elif mode == "report":
        _report_path(src, Path(out) / "report")
"""

_TOTAL = re.compile(r"^(?:summary|totals):\s*(\d+)", re.MULTILINE)


def callgrind_total(text: str) -> int:
    """The instruction count of a callgrind output file's text (its ``summary:`` line)."""
    m = _TOTAL.search(text)
    if not m:
        raise ValueError("no 'summary:' or 'totals:' line in the callgrind output")
    return int(m.group(1))


def count(script: Path, src: Path, mode: str, tmp: Path) -> int:
    """Instructions of one run of ``script`` on ``src`` in ``mode``, under callgrind."""
    out = tmp / f"callgrind.{mode}"
    env = {**os.environ, "PYTHONHASHSEED": "0", "OPENBLAS_NUM_THREADS": "1"}
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
           sys.executable, str(script), str(src), mode]  # fmt: skip
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    return callgrind_total(out.read_text(encoding="utf-8", errors="replace"))


def measure(data: Path, n: int) -> dict[str, Any]:
    """Count the three runs on the first ``n`` real reports of 500-700 words."""
    from corroborate.buildinfo import build_name
    from corroborate.geo import get_gazetteer

    rows = real_reports(data, WORDS[0], WORDS[1])[:n]
    # The gazetteer's cache file is written here, once: a run that had to build it (a fresh
    # machine, or an edited geo module) would count that build as its own work.
    get_gazetteer()
    with tempfile.TemporaryDirectory(prefix="bench-instructions-") as name:
        tmp = Path(name)
        src = tmp / "reports.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        script = tmp / "measured.py"
        script.write_text(_SCRIPT.format(here=str(HERE)), encoding="utf-8")
        # Counts do not depend on what else runs, so the three runs share the cores.
        with ThreadPoolExecutor(max_workers=min(len(MODES), os.cpu_count() or 1)) as pool:
            counts = pool.map(lambda m: count(script, src, m, tmp), MODES)
            totals = dict(zip(MODES, counts, strict=True))
    floor = (totals["floor"] - totals["setup"]) / len(rows)
    report = (totals["report"] - totals["setup"]) / len(rows)
    return {
        "build": build_name(),
        "reports": len(rows),
        "words": list(WORDS),
        "mean_words": round(sum(len(r["text"].split()) for r in rows) / max(1, len(rows))),
        "setup_million": round(totals["setup"] / 1e6, 1),
        "floor_million_per_report": round(floor / 1e6, 2),
        "report_million_per_report": round(report / 1e6, 2),
        "report_vs_floor": round(report / floor, 2),
    }


def run(data_dir: Path = DEFAULT_DATA, quick: bool = False) -> dict[str, Any]:
    """Entry point of ``python -m benchmarks``."""
    if shutil.which("valgrind") is None:
        return {"skipped": NO_VALGRIND}
    return measure(data_dir, QUICK_REPORTS if quick else REPORTS)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--reports", type=int, default=REPORTS, help="how many reports (100)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit(NO_VALGRIND)
    print(json.dumps(measure(args.data, args.reports), indent=2))
