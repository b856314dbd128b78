"""Robustness: recall of copies by kind of edit and edit rate, false positives on the rest.

From real GVA articles (one story per gold incident, none related to another), each edit
kind (deletions, insertions, sentence reordering, boilerplate added, paragraphs truncated,
numbers changed, and all of them at once) is applied at several rates to make one copy per
article. Each (kind, rate) batch holds the originals and their copies; a copy counts as
found when ``find_relations`` relates it to its original as ``duplicate``, ``near_copy`` or
``rewrite``. Every other relation between two different stories is a false positive.
The peer, a plain ``datasketch.MinHashLSH`` at Jaccard 0.5 over word 5-grams, runs on the
same batches.

    python benchmarks/bench_provenance_robustness.py [DATA_DIR] [--quick]
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_provenance_synth import (
    DEFAULT_DATA,
    EDIT_KINDS,
    edit,
    gva_incidents,
    have_peer,
    load_gva,
    peer_pairs,
    story_articles,
)
from corroborate.model import Article
from corroborate.provenance import find_relations

RATES = (0.05, 0.1, 0.2, 0.3, 0.5)
COPY_KINDS = {"duplicate", "near_copy", "rewrite"}


def originals(data_dir: Path, n: int, seed: int = 5) -> list[Article]:
    """``n`` story articles from distinct incidents that are related to none of the others."""
    arts = story_articles(load_gva(data_dir))
    incidents = gva_incidents(data_dir)
    rng = random.Random(seed)
    rng.shuffle(arts)
    seen: set[str] = set()
    picked: list[Article] = []
    for a in arts:
        inc = incidents.get(a.key, set())
        if not inc or inc & seen:
            continue
        seen |= inc
        picked.append(a)
        if len(picked) >= n + n // 5:
            break
    related = {x for r in find_relations(picked) for x in (r.a, r.b)}
    return [a for a in picked if a.id not in related][:n]


def run(data_dir: Path = DEFAULT_DATA, quick: bool = False) -> dict[str, Any]:
    n = 60 if quick else 200
    rates = (0.1, 0.3) if quick else RATES
    kinds = ("delete", "reorder", "mixed") if quick else EDIT_KINDS
    bases = originals(data_dir, n)
    pool = [w for a in bases for w in a.text.split() if w.isalpha()]
    peer_ok = have_peer()
    rows = []
    for kind in kinds:
        for rate in rates:
            rng = random.Random(f"{kind}:{rate}")
            edited = [(a, edit(a.text, kind, rate, rng, pool)) for a in bases]
            # A copy the edit left unchanged is the same record, not a copy: left out.
            kept = [(a, text) for a, text in edited if text != a.text]
            copies = [
                Article.create(text, f"copy/{a.key}", key=f"copy-{a.key}", title=a.title)
                for a, text in kept
            ]
            row = _score(kind, rate, [a for a, _ in kept], copies, peer_ok)
            row["unchanged_left_out"] = len(bases) - len(kept)
            rows.append(row)
    summary: dict[str, Any] = {
        "originals": len(bases),
        "rates": list(rates),
        "recall_by_rate": {
            str(rate): _mean([r["recall"] for r in rows if r["rate"] == rate]) for rate in rates
        },
        "false_positive_pairs_total": sum(r["false_positives"] for r in rows),
        "unrelated_pairs_total": sum(r["unrelated_pairs"] for r in rows),
    }
    if peer_ok:
        summary["peer_recall_by_rate"] = {
            str(rate): _mean([r["peer_recall"] for r in rows if r["rate"] == rate])
            for rate in rates
        }
        summary["peer_false_positive_pairs_total"] = sum(r["peer_false_positives"] for r in rows)
    else:
        summary["peer"] = "not run: pip install '.[bench]' (datasketch)"
    return {"summary": summary, "by_edit": rows}


def _score(
    kind: str, rate: float, bases: list[Article], copies: list[Article], peer_ok: bool
) -> dict[str, Any]:
    batch = bases + copies
    story = {a.id: i for i, a in enumerate(bases)}
    story.update({c.id: i for i, c in enumerate(copies)})
    t0 = time.process_time()
    rels = find_relations(batch)
    secs = time.process_time() - t0
    found: dict[int, str] = {}
    false_pos = 0
    for r in rels:
        if r.a == r.b:
            continue
        if story[r.a] == story[r.b]:
            if r.kind in COPY_KINDS:
                found[story[r.a]] = r.kind
        else:
            false_pos += 1
    n = len(bases)
    row: dict[str, Any] = {
        "edit": kind,
        "rate": rate,
        "recall": round(len(found) / n, 3),
        "as_near_copy": sum(k in ("near_copy", "duplicate") for k in found.values()),
        "as_rewrite": sum(k == "rewrite" for k in found.values()),
        "false_positives": false_pos,
        "unrelated_pairs": len(batch) * (len(batch) - 1) // 2 - n,
        "cpu_seconds": round(secs, 2),
    }
    if peer_ok:
        pairs, _ = peer_pairs(batch)
        hits = {story[a] for a, b in pairs if story[a] == story[b]}
        row["peer_recall"] = round(len(hits) / n, 3)
        row["peer_false_positives"] = sum(story[a] != story[b] for a, b in pairs)
    return row


def _mean(xs: list[float]) -> float:
    return round(sum(xs) / len(xs), 3) if xs else 0.0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    data = Path(args[0]) if args else DEFAULT_DATA
    print(json.dumps(run(data, quick="--quick" in sys.argv), indent=2))
