"""Copies among the real GVA articles: how many, how precise (hand-checked), against a peer.

Runs ``find_relations`` over ``gva/articles.jsonl`` (~3,400 archived news pages about gun
violence incidents) and reports:

* how many ``duplicate`` and ``near_copy`` pairs it finds (and the other kinds);
* **precision** on a fixed random sample of 50 of those pairs, judged by hand one by one
  (``tests/data/provenance/gva_sample.json``: true/false copy and a one-line reason);
* a proxy over all pairs: the share that join articles the GVA gold lists under one
  incident (a copy across incidents is usually site furniture or a template);
* the **peer**: a plain ``datasketch.MinHashLSH`` (Jaccard 0.5, 128 permutations) over word
  5-gram sets, with the same proxy, and how the two sets of pairs overlap.

    python benchmarks/bench_provenance_gva.py            # full run, JSON on stdout
    python benchmarks/bench_provenance_gva.py --dump     # print the sample pairs to judge
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_provenance_synth import (
    DEFAULT_DATA,
    gva_incidents,
    have_peer,
    load_gva,
    peer_pairs,
)
from corroborate.model import Article, Relation
from corroborate.provenance import find_relations

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "data" / "provenance" / "gva_sample.json"
SAMPLE_SIZE = 50
SAMPLE_SEED = 20260131
COPY_KINDS = ("duplicate", "near_copy")


def sample_pairs(rels: list[Relation], keys: dict[str, str]) -> list[tuple[str, str, str]]:
    """The fixed random sample of found duplicate/near-copy pairs, as (key a, key b, kind)."""
    found = sorted((keys[r.a], keys[r.b], r.kind) for r in rels if r.kind in COPY_KINDS)
    rng = random.Random(SAMPLE_SEED)
    return sorted(rng.sample(found, min(SAMPLE_SIZE, len(found))))


def run(data_dir: Path = DEFAULT_DATA, quick: bool = False) -> dict[str, Any]:
    arts = load_gva(data_dir)
    if quick:
        arts = arts[:800]
    keys = {a.id: a.key for a in arts}
    incidents = gva_incidents(data_dir)
    t0, c0 = time.perf_counter(), time.process_time()
    rels = find_relations(arts)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0

    def same_incident(a: str, b: str) -> bool:
        return bool(incidents.get(keys.get(a, a), set()) & incidents.get(keys.get(b, b), set()))

    kinds = Counter(r.kind for r in rels)
    by_kind_incident = {
        kind: {
            "same_incident": sum(same_incident(r.a, r.b) for r in rels if r.kind == kind),
            "other_incident": sum(not same_incident(r.a, r.b) for r in rels if r.kind == kind),
        }
        for kind in sorted(kinds)
    }
    ours = {(min(r.a, r.b), max(r.a, r.b)) for r in rels if r.kind in COPY_KINDS}
    out: dict[str, Any] = {
        "articles": len(arts),
        "distinct_texts": len({a.id for a in arts}),
        "seconds_wall": round(wall, 2),
        "seconds_cpu": round(cpu, 2),
        "relations": dict(sorted(kinds.items())),
        "duplicate_pairs": kinds.get("duplicate", 0),
        "near_copy_pairs": kinds.get("near_copy", 0),
        "by_gold_incident": by_kind_incident,
    }
    out["sample"] = _precision(rels, keys)
    if have_peer():
        peer, peer_secs = peer_pairs(arts)
        out["peer_datasketch_minhashlsh"] = {
            "settings": "MinHashLSH(threshold=0.5, num_perm=128) over word 5-gram sets",
            "seconds": round(peer_secs, 2),
            "pairs": len(peer),
            "same_incident": sum(same_incident(a, b) for a, b in peer),
            "other_incident": sum(not same_incident(a, b) for a, b in peer),
            "also_found_by_us_any_kind": len(
                peer & {(min(r.a, r.b), max(r.a, r.b)) for r in rels}
            ),
            "ours_dup_near_also_found_by_peer": len(ours & peer),
            "peer_same_incident_not_related_by_us": sum(
                same_incident(a, b)
                for a, b in peer - {(min(r.a, r.b), max(r.a, r.b)) for r in rels}
            ),
        }
    else:
        out["peer_datasketch_minhashlsh"] = "not run: pip install '.[bench]' (datasketch)"
    return out


def _precision(rels: list[Relation], keys: dict[str, str]) -> dict[str, Any]:
    judged = {}
    if FIXTURE.exists():
        for row in json.loads(FIXTURE.read_text(encoding="utf-8"))["pairs"]:
            judged[(row["a"], row["b"])] = row
    sample = sample_pairs(rels, keys)
    seen = [judged[(a, b)] for a, b, _ in sample if (a, b) in judged]
    true = sum(1 for row in seen if row["copy"])
    return {
        "size": len(sample),
        "judged": len(seen),
        "unjudged": [f"{a}~{b}" for a, b, _ in sample if (a, b) not in judged],
        "true_copies": true,
        "precision": round(true / len(seen), 3) if seen else None,
    }


def dump(data_dir: Path = DEFAULT_DATA) -> None:
    """Print every sampled pair, side by side, for judging by hand."""
    arts = load_gva(data_dir)
    by_key: dict[str, Article] = {a.key: a for a in arts}
    rels = find_relations(arts)
    keys = {a.id: a.key for a in arts}
    by_pair = {(keys[r.a], keys[r.b]): r for r in rels}
    for n, (a, b, kind) in enumerate(sample_pairs(rels, keys), 1):
        r = by_pair[(a, b)]
        print(f"===== {n} {kind} score={r.score} {a} ~ {b}")
        for k in (a, b):
            art = by_key[k]
            print(f"--- {k} | {art.title} | {art.date} | {art.url}")
            print(art.text[:1500])


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    data = Path(args[0]) if args else DEFAULT_DATA
    if "--dump" in sys.argv:
        dump(data)
    else:
        print(json.dumps(run(data, quick="--quick" in sys.argv), indent=2))
