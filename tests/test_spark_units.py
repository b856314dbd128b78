"""The Spark plans' pure-Python parts, without starting Spark: candidate pairing equals
``provenance.blocking``, block packing, graph helpers, input listing and line parsing."""

from __future__ import annotations

import io
import json
import math
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest

from corroborate.ingest.records import iter_jsonl
from corroborate.model import Article, Place
from corroborate.provenance.blocking import (
    BUCKET_CAP,
    LSH_BANDS,
    LSH_ROWS,
    LSH_WINDOW,
    MIN_COLLISION_SHARE,
    MIN_COLLISIONS,
    candidate_pair_counts,
    token_arrays,
)
from corroborate.provenance.features import alignable_units
from corroborate.spark.events import pack_days
from corroborate.spark.features import band_keys, outlet_key, quoted_grams, region_keys
from corroborate.spark.graph import bfs_order, components, forward_chunks
from corroborate.spark.ingest import InputFile, is_remote, list_inputs, parse_lines
from corroborate.spark.provenance import _bucket_pairs

MIXED = Path(__file__).parent / "data" / "spark" / "mixed"
GVA = Path(__file__).resolve().parents[2] / "shared" / "bench" / "gva" / "articles.jsonl"


def _gva_texts(n: int) -> list[str]:
    if not GVA.is_file():
        pytest.skip("../shared/bench/gva is not beside this checkout")
    with GVA.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for _, line in zip(range(n), fh, strict=False)]


def _spark_style_candidates(docs: list[list[list[str]]]) -> set[tuple[int, int]]:
    """The Spark plan, in plain Python: bucket (band, key) -> pairs -> collisions."""
    buckets: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for d, units in enumerate(docs):
        distinct = [sorted(set(u)) for u in units]
        for pos, key in enumerate(band_keys(distinct, LSH_BANDS, LSH_ROWS)):
            buckets[(pos % LSH_BANDS, key)].append((d, pos // LSH_BANDS))
    unit_pairs: set[tuple[int, int, int, int]] = set()
    for members in buckets.values():
        ms = sorted(members)
        for i, j in _bucket_pairs(len(ms), BUCKET_CAP, LSH_WINDOW):
            (a, ua), (b, ub) = ms[i], ms[j]
            if a != b:
                unit_pairs.add((a, ua, b, ub))
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for a, _, b, _ in unit_pairs:
        counts[(a, b)] += 1
    out = set()
    for (a, b), n in counts.items():
        shorter = min(len(docs[a]), len(docs[b]))
        need = max(MIN_COLLISIONS, math.ceil(MIN_COLLISION_SHARE * shorter))
        if n >= min(need, shorter):
            out.add((a, b))
    return out


def test_lsh_candidates_match_provenance_blocking() -> None:
    texts = _gva_texts(300)
    docs = [[words for _, words in alignable_units(t)] for t in texts]
    docs = [d for d in docs if d]
    a, b, _ = candidate_pair_counts(*token_arrays(docs))
    expected = set(zip(a.tolist(), b.tolist(), strict=True))
    assert expected  # the sample has candidates (templated gun-violence reports)
    assert _spark_style_candidates(docs) == expected


def test_bucket_pairs_all_then_window() -> None:
    assert list(_bucket_pairs(3, 40, 2)) == [(0, 1), (0, 2), (1, 2)]
    assert list(_bucket_pairs(4, 3, 2)) == [(0, 1), (0, 2), (1, 2), (1, 3), (2, 3)]


def test_quoted_grams_are_stable_and_need_a_long_quote() -> None:
    text = 'He said "we will rebuild every single house in this town" on Monday.'
    assert quoted_grams(text) == quoted_grams(text) and len(quoted_grams(text)) == 5  # 9 words
    assert quoted_grams('He said "no comment" today.') == []


def test_outlet_and_region_keys() -> None:
    assert outlet_key("The A.P.") == outlet_key("a p") == "a p"
    places = [
        Place(name="Quetta", mention="Quetta", country="PK", admin1="Balochistan"),
        Place(name="Pakistan", mention="Pakistan", kind="country", country="PK"),
        Place(name="Nowhere", mention="Nowhere", kind="unknown"),
    ]
    assert region_keys(places) == ["pk/balochistan", "pk", "nowhere"]


def test_pack_days() -> None:
    blocks, big = pack_days({10: 2, 11: 2, 12: 2, 40: 1, None: 3}, 4)
    assert blocks == {10: "d10", 11: "d10", 12: "d12", 40: "d12", None: "u"}
    assert big == set()
    blocks, big = pack_days({1: 9, 2: 1}, 4)
    assert blocks == {1: "d1", 2: "d2"} and big == {1}


def test_components_and_forward_chunks_cover_every_edge() -> None:
    assert components([5], [1, 2], [2, 3]) == {1: 1, 2: 1, 3: 1, 5: 5}
    rng = np.random.default_rng(7)
    edges = sorted({(int(x), int(y)) for x, y in rng.integers(0, 60, (200, 2)) if x < y})
    chunks = forward_chunks(list(range(60)), edges, 15)
    centers = [c for cs, _ in chunks for c in cs]
    assert sorted(centers) == list(range(60))  # every node is a center exactly once
    for cs, nodes in chunks:
        assert len(nodes) <= 15 or len(cs) == 1
    rank = {m: i for i, m in enumerate(bfs_order(list(range(60)), edges))}
    for a, b in edges:  # each edge lies in the chunk of its endpoint met first
        first, second = (a, b) if rank[a] < rank[b] else (b, a)
        cs, nodes = next(ch for ch in chunks if first in ch[0])
        assert second in nodes


def test_list_inputs_walks_like_the_reader(tmp_path: Path) -> None:
    files, errors = list_inputs(None, [str(MIXED), str(tmp_path / "missing"), "-"], 1 << 30)
    # Listed like the reader lists them; empty.txt fails when read, as on one machine.
    assert [Path(f.path).name for f in files] == ["empty.txt", "feed.jsonl", "note.txt"]
    assert [f.ord for f in files] == [0, 1, 2]
    assert all(f.local and not f.split for f in files)
    assert [e.message for e in errors] == [
        "no such file or folder",
        "standard input cannot be read by a Spark job",
    ]
    big, _ = list_inputs(None, [str(MIXED / "feed.jsonl")], 10)
    assert big == [InputFile(0, str(MIXED / "feed.jsonl"), big[0].size, True, True)]
    assert is_remote("hdfs://nn/x") and is_remote("s3a://b/k")
    assert not is_remote("file:///x") and not is_remote("C:/x") and not is_remote("news/")


def test_parse_lines_reads_like_iter_jsonl() -> None:
    path = MIXED / "feed.jsonl"
    raw = path.read_bytes()
    expected = list(iter_jsonl(io.BytesIO(raw), str(path), stem="feed"))
    lines = raw.decode("utf-8").splitlines()
    rows = list(parse_lines(((line, n) for n, line in enumerate(lines)), 3, str(path), None))
    got_articles = [Article.model_validate_json(r[2]) for r in rows if r[1] is not None]
    want_articles = [a for a in expected if isinstance(a, Article)]
    assert got_articles == want_articles
    assert [r[0] >> 32 for r in rows if r[1]] == [3] * len(want_articles)
    assert [(r[4], r[5]) for r in rows if r[1] is None] == [
        (e.line, e.message) for e in expected if not isinstance(e, Article)
    ]
