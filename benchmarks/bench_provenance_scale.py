"""Scale: time, memory and pairs found per second for 10k, 100k and (light) 1M articles.

* **full** (10k, 100k): ``find_relations`` end to end on a synthetic corpus built from the
  real GVA articles (``bench_provenance_synth.scale_corpus``: incidents renamed from real
  articles, 20% with a planted near copy, 10% with a planted rewrite). Reports wall and
  CPU seconds per step, candidate pairs, relations, recall of the planted copies, pairs
  found per second and the process's peak RSS. The peer, a plain ``datasketch.MinHashLSH``,
  runs on the same corpus.
* **light** (1M): only candidate generation (MinHash LSH over sentence word sets), on the
  features of the 10k corpus repeated 1x, 10x and 100x with each copy's rare words renamed
  (common words stay shared, so sentences of stock phrases collide across copies), to show
  how candidate generation grows. The full pipeline at 1M is not run: sentence features
  alone take ~0.4 ms per article in CPython (~7 minutes per million on one core) on top of
  alignment, beyond the ~10 minutes this 2-core machine allows a benchmark.

Each size runs in a fresh subprocess so peak memory is its own.

    python benchmarks/bench_provenance_scale.py [DATA_DIR] [--quick]
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_provenance_synth import (
    DEFAULT_DATA,
    have_peer,
    load_gva,
    peer_pairs,
    scale_corpus,
    story_articles,
)

COPY_KINDS = {"duplicate", "near_copy", "rewrite"}


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _full(data_dir: Path, n: int, peer: bool) -> dict[str, Any]:
    from corroborate.provenance import find_relations

    t0 = time.perf_counter()
    arts, planted = scale_corpus(story_articles(load_gva(data_dir)), n)
    gen = time.perf_counter() - t0
    rss_input = _peak_mb()
    stats: dict[str, Any] = {}
    t0, c0 = time.perf_counter(), time.process_time()
    rels = find_relations(arts, stats=stats)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    pairs = [r for r in rels if r.a != r.b]
    kinds: dict[str, int] = {}
    for r in rels:
        kinds[r.kind] = kinds.get(r.kind, 0) + 1
    found = {(min(r.a, r.b), max(r.a, r.b)) for r in pairs if r.kind in COPY_KINDS}
    planted_pairs = {(min(a, b), max(a, b)) for a, b in planted}
    out: dict[str, Any] = {
        "articles": n,
        "mean_words": round(sum(len(a.text.split()) for a in arts) / n, 1),
        "generate_seconds": round(gen, 1),
        "wall_seconds": round(wall, 1),
        "cpu_seconds": round(cpu, 1),
        "cpu_seconds_by_step": stats["cpu_seconds"],
        "sentences": stats["units"],
        "vocabulary": stats["vocabulary"],
        "candidate_pairs": stats["candidate_pairs"],
        "candidate_pairs_per_article": round(stats["candidate_pairs"] / n, 2),
        "relations": kinds,
        "pairs_found": len(pairs),
        "pairs_per_second_wall": round(len(pairs) / wall, 1),
        "pairs_per_second_cpu": round(len(pairs) / cpu, 1),
        "articles_per_second_cpu": round(n / cpu, 1),
        "planted_copies": len(planted_pairs),
        "planted_recall": round(len(found & planted_pairs) / max(1, len(planted_pairs)), 4),
        "unplanted_copy_pairs": len(found - planted_pairs),
        "peak_rss_mb_input_only": rss_input,
        "peak_rss_mb": _peak_mb(),
    }
    if peer:
        got, secs = peer_pairs(arts)
        out["peer_datasketch_minhashlsh"] = {
            "seconds": round(secs, 1),
            "pairs": len(got),
            "planted_recall": round(len(got & planted_pairs) / max(1, len(planted_pairs)), 4),
            "peak_rss_mb": _peak_mb(),
        }
    return out


def _light(data_dir: Path, base_n: int, copies: int) -> dict[str, Any]:
    """Candidate generation only, on ``copies`` renamed repeats of a ``base_n`` corpus."""
    import numpy as np

    from corroborate.provenance.blocking import candidate_pair_counts, word_hash
    from corroborate.provenance.features import alignable_units

    arts, _ = scale_corpus(story_articles(load_gva(data_dir)), base_n)
    vocab: dict[str, int] = {}
    ud: list[int] = []
    tu: list[int] = []
    tw: list[int] = []
    for d, a in enumerate(arts):
        for _, ws in alignable_units(a.text, prose_only=True):
            ids = sorted({vocab.setdefault(w, len(vocab)) for w in ws})
            tu.extend([len(ud)] * len(ids))
            tw.extend(ids)
            ud.append(d)
    unit_doc, token_unit, token_word = (np.asarray(x, np.int64) for x in (ud, tu, tw))
    words = list(vocab)
    n_words, n_docs, n_units = len(words), int(unit_doc.max()) + 1, len(unit_doc)
    # Words in more than 1% of the sentences stay shared by every copy (stock phrases).
    df = np.bincount(token_word, minlength=n_words)
    common = df > 0.01 * n_units
    t0, c0 = time.perf_counter(), time.process_time()
    reps = np.arange(copies, dtype=np.int64)
    all_unit_doc = (unit_doc[None, :] + reps[:, None] * n_docs).ravel()
    all_token_unit = (token_unit[None, :] + reps[:, None] * n_units).ravel()
    renamed = token_word[None, :] + reps[:, None] * n_words
    all_token_word = np.where(common[token_word][None, :], token_word[None, :], renamed).ravel()
    base_hashes = np.fromiter((word_hash(w) for w in words), np.uint64, n_words)
    # Renamed copies get fresh hashes (a copy's rare words are other words).
    hashes = (
        base_hashes[None, :] * np.uint64(0x9E3779B97F4A7C15) + reps[:, None].astype(np.uint64)
    ).ravel() % np.uint64((1 << 31) - 1)
    hashes[:n_words] = base_hashes
    build = time.perf_counter() - t0
    t1, c1 = time.perf_counter(), time.process_time()
    a, _, _ = candidate_pair_counts(all_unit_doc, all_token_unit, all_token_word, hashes)
    wall, cpu = time.perf_counter() - t1, time.process_time() - c1
    return {
        "articles": n_docs * copies,
        "sentences": n_units * copies,
        "tokens": int(all_token_word.size),
        "build_arrays_seconds": round(build, 1),
        "candidate_generation_wall_seconds": round(wall, 1),
        "candidate_generation_cpu_seconds": round(cpu, 1),
        "candidate_pairs": int(a.size),
        "candidate_pairs_per_article": round(a.size / (n_docs * copies), 2),
        "articles_per_second_cpu": round(n_docs * copies / cpu, 1),
        "peak_rss_mb": _peak_mb(),
        "setup_cpu_seconds": round(time.process_time() - c0 - cpu, 1),
    }


def _child(args: list[str]) -> dict[str, Any]:
    mode, data_dir = args[0], Path(args[1])
    if mode == "full":
        return _full(data_dir, int(args[2]), args[3] == "peer")
    return _light(data_dir, int(args[2]), int(args[3]))


def _spawn(*args: object) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", *map(str, args)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1:] or ["failed"]}
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def run(data_dir: Path = DEFAULT_DATA, quick: bool = False) -> dict[str, Any]:
    peer = "peer" if have_peer() else "nopeer"
    sizes = (2_000, 10_000) if quick else (10_000, 100_000)
    out: dict[str, Any] = {"full": {str(n): _spawn("full", data_dir, n, peer) for n in sizes}}
    base = 2_000 if quick else 10_000
    copies = (1, 10) if quick else (1, 10, 100)
    out["light_candidate_generation"] = {
        str(base * k): _spawn("light", data_dir, base, k) for k in copies
    }
    if quick:
        out["note"] = "quick mode: 2k/10k full, 2k/20k light; run without --quick for 10k/100k/1M"
    return out


if __name__ == "__main__":
    if "--child" in sys.argv:
        print(json.dumps(_child(sys.argv[sys.argv.index("--child") + 1 :])))
    else:
        args = [a for a in sys.argv[1:] if not a.startswith("--")]
        data = Path(args[0]) if args else DEFAULT_DATA
        print(json.dumps(run(data, quick="--quick" in sys.argv), indent=2))
