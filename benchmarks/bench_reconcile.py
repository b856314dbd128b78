"""Reconcile on real incidents: each gold incident's counts against its event's best value.

    python benchmarks/bench_reconcile.py [--data ../shared/bench] [--quick]

The gva reports are run through the whole pipeline (events grouped by the events stage,
not by the gold). Each gold incident is matched to the event holding most of its reports;
its killed and injured counts (victims + suspects) are compared with the event's best
values (``corroborate.reconcile.event_counts``), next to the baseline "take the figure from
the first report" computed in the same run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_claims import DEFAULT_DATA, _articles
from corroborate.claims.counts import article_counts


def run(data_dir: Path = DEFAULT_DATA, quick: bool = False) -> dict[str, Any]:
    from corroborate.pipeline import analyse
    from corroborate.reconcile import event_counts

    incidents = [json.loads(line) for line in (data_dir / "gva" / "incidents.jsonl").open()]
    if quick:
        incidents = incidents[:300]
    wanted = {a for inc in incidents for a in inc["articles"]}
    arts = [a for a in _articles(data_dir / "gva" / "articles.jsonl") if a.key in wanted]
    report = analyse(arts)
    key_of = {a.id: a.key for a in report.articles}
    event_of: dict[str, Any] = {}
    for ev in report.events:
        for aid in ev.articles:
            event_of[key_of[aid]] = ev
    claims_of: dict[str, list[Any]] = {}
    for c in report.claims:
        claims_of.setdefault(key_of[c.article], []).append(c)
    claims_by_event = {
        ev.id: [c for a in ev.articles for c in claims_of.get(key_of[a], [])]
        for ev in report.events
    }
    scores: dict[str, dict[str, float]] = {}
    matched = 0
    for measure in ("killed", "injured"):
        hit = base_hit = 0
        err = base_err = 0.0
        n = 0
        for inc in incidents:
            present = [a for a in inc["articles"] if a in event_of]
            if not present:
                continue
            n += 1
            votes = Counter(event_of[a].id for a in present)
            ev_id = votes.most_common(1)[0][0]
            ev = next(event_of[a] for a in present if event_of[a].id == ev_id)
            pred = event_counts(ev, claims_by_event[ev.id])[measure]
            first = article_counts(claims_of.get(present[0], []))[measure]
            gold = inc[measure]
            hit += pred == gold
            base_hit += first == gold
            err += abs(pred - gold)
            base_err += abs(first - gold)
        matched = n
        scores[measure] = {
            "corroborate_accuracy": round(hit / max(n, 1), 4),
            "corroborate_mae": round(err / max(n, 1), 3),
            "baseline_first_report_accuracy": round(base_hit / max(n, 1), 4),
            "baseline_first_report_mae": round(base_err / max(n, 1), 3),
        }
    return {"incidents": matched, "articles": len(arts), "events": len(report.events), **scores}


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    print(json.dumps(run(args.data, args.quick), indent=2))
