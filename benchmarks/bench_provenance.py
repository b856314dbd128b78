"""Throughput of ``corroborate.provenance.find_relations`` on synthetic ~600-word reports.

Builds ``N`` articles from the seed sentences in synthetic "events" of four reports: an
original (about 30 sentences drawn from the seed pool), a near copy with filler, a
sentence-by-sentence rewrite (words dropped and shuffled inside each sentence) and an
independent report (other sentences, same names). Each event renames most content words
with an event-specific suffix, so different events share phrasing but not vocabulary,
much as reports of different incidents share news language but not names and details.

    python benchmarks/bench_provenance.py            # N = 2000
    python benchmarks/bench_provenance.py 600 --data ../shared/bench   # seeds: ../shared/seeds
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from pathlib import Path
from typing import Any

from corroborate.model import Article
from corroborate.provenance import find_relations, origin_groups
from corroborate.text import sentences

_DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
_WORD = re.compile(r"[A-Za-z]{4,}")


def _pool(seed_dir: Path) -> list[str]:
    out: list[str] = []
    for path in sorted(seed_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("---", 2)[2]
        out.extend(s.text for s in sentences(text) if len(s.text.split()) >= 6)
    return out


def _rename(sentence: str, event: int, rng: random.Random, share: float) -> str:
    """Give most longer words an event-specific form (stable within the event)."""

    def sub(m: re.Match[str]) -> str:
        w = m.group()
        keep = random.Random(f"{event}:{w.lower()}").random() >= share
        return w if keep else f"{w}{event}x"

    return _WORD.sub(sub, sentence)


def _rewrite(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    kept = [w for w in words if rng.random() > 0.2]
    if len(kept) > 4:
        i = rng.randrange(len(kept) - 1)
        kept[i], kept[i + 1] = kept[i + 1], kept[i]
    return " ".join(kept)


def build(n: int, pool: list[str], seed: int = 7) -> list[Article]:
    """``n`` synthetic articles in events of four (original, copy, rewrite, independent)."""
    rng = random.Random(seed)
    arts: list[Article] = []
    event = 0
    while len(arts) < n:
        base = [_rename(s, event, rng, 0.7) for s in rng.sample(pool, 30)]
        other = [_rename(s, event, rng, 0.7) for s in rng.sample(pool, 30)]
        copy = list(base)
        for _ in range(3):
            copy.insert(rng.randrange(len(copy)), "Let's dive into the details of this story.")
        texts = [base, copy, [_rewrite(s, rng) for s in base], other]
        for k, body in enumerate(texts):
            if len(arts) < n:
                arts.append(Article.create("\n".join(body), f"bench/{event}-{k}.txt"))
        event += 1
    return arts


def run(
    data_dir: Path = _DEFAULT_DATA, quick: bool = False, n: int | None = None
) -> dict[str, Any]:
    """Throughput on ``n`` synthetic seed-based reports (the seeds sit beside ``data_dir``)."""
    n = n or (600 if quick else 2000)
    arts = build(n, _pool(data_dir.parent / "seeds"))
    words = sum(len(a.text.split()) for a in arts) / len(arts)
    t0, c0 = time.perf_counter(), time.process_time()
    rels = find_relations(arts)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    groups = origin_groups([a.id for a in arts], rels)
    kinds: dict[str, int] = {}
    for r in rels:
        kinds[r.kind] = kinds.get(r.kind, 0) + 1
    return {
        "articles": len(arts),
        "mean_words": round(words),
        "wall_seconds": round(secs, 2),
        "cpu_seconds": round(cpu, 2),
        "articles_per_second_cpu": round(len(arts) / cpu),
        "relations": kinds,
        "origin_groups": len(groups),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=2000, help="number of articles")
    parser.add_argument("--data", type=Path, default=_DEFAULT_DATA, help="bench data folder")
    parser.add_argument("--quick", action="store_true", help="600 articles")
    args = parser.parse_args()
    print(json.dumps(run(args.data, args.quick, None if args.quick else args.n), indent=2))


if __name__ == "__main__":
    main()
