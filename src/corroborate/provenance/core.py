"""Which reports are copies of others: duplicates, near copies and sentence-by-sentence rewrites.

Pipeline (pure, no I/O):

1. **Duplicates** — bodies equal after case, quote and whitespace folding, found by hashing.
   Only the first article of each duplicate set goes on to the next steps.
2. **Blocking** — MinHash LSH over sentence word sets (:mod:`.blocking`) proposes candidate
   pairs; small batches (``all_pairs_max`` articles or fewer) simply try every pair.
3. **Near copy** — word 5-gram containment of the smaller text in the larger one.
4. **Rewrite** — sentences are aligned greedily one-to-one by TF-IDF cosine over stemmed
   content words (numbers excluded; IDF over the batch's sentences); a rewrite is a pair
   where most of the shorter article's sentences align and the alignment keeps their order.

Shared figures and names are not enough: numbers never enter the sentence vectors, words
that every report of the event uses get a low IDF, and a handful of matching sentences
covers too little of either article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np
import numpy.typing as npt

from corroborate.model import Article, Relation, RelationKind
from corroborate.provenance.blocking import (
    BUCKET_CAP,
    LSH_BANDS,
    LSH_ROWS,
    LSH_WINDOW,
    MIN_COLLISION_SHARE,
    MIN_COLLISIONS,
    candidate_pairs_hashed,
    word_hash,
)
from corroborate.provenance.features import (
    alignable_units,
    containment,
    longest_increasing,
    normalised,
    shared_count,
    shingles,
)
from corroborate.text import Piece

#: Cosine (TF-IDF, content words) at which two sentences count as saying the same thing.
#: Rewritten sentences of seeds 000/001 score 0.39-0.90; the best cross-pairs of the
#: independent seeds score <= 0.55 and only one or two of them per article pair.
SENTENCE_SIM = 0.40

#: Share of the shorter article's alignable sentences that must align for a rewrite.
REWRITE_COVERAGE = 0.5

#: Share of the aligned pairs that must lie on one increasing chain (same order).
REWRITE_ORDER = 0.8

#: Fewest aligned sentences for a rewrite (lowered to the shorter article's size).
REWRITE_MIN_ALIGNED = 3

#: Mean similarity of the aligned sentences needed for a rewrite.
REWRITE_MEAN_SIM = 0.5

#: Word 5-gram containment (smaller set in larger) at which a pair is a near copy.
#: Seeds 000/001 (a reworded rendering) share 0.23; verbatim copies with filler share > 0.8.
NEAR_COPY_CONTAINMENT = 0.5

#: Fewest shared 5-grams for a near copy, so a shared stock phrase is never enough.
NEAR_COPY_MIN_SHARED = 12

#: One-sided containment above which "the text that contains the other" is the original.
CONTAINS_OTHER = 0.9

#: Batches up to this size try every pair; larger ones use LSH blocking.
ALL_PAIRS_MAX = 32


@dataclass(frozen=True, slots=True)
class ProvenanceSettings:
    """Tunable thresholds of :func:`find_relations`; defaults are the module constants."""

    sentence_sim: float = SENTENCE_SIM
    rewrite_coverage: float = REWRITE_COVERAGE
    rewrite_order: float = REWRITE_ORDER
    rewrite_min_aligned: int = REWRITE_MIN_ALIGNED
    rewrite_mean_sim: float = REWRITE_MEAN_SIM
    near_copy_containment: float = NEAR_COPY_CONTAINMENT
    near_copy_min_shared: int = NEAR_COPY_MIN_SHARED
    contains_other: float = CONTAINS_OTHER
    all_pairs_max: int = ALL_PAIRS_MAX
    lsh_bands: int = LSH_BANDS
    lsh_rows: int = LSH_ROWS
    bucket_cap: int = BUCKET_CAP
    lsh_window: int = LSH_WINDOW
    min_collisions: int = MIN_COLLISIONS
    min_collision_share: float = MIN_COLLISION_SHARE


@dataclass(slots=True)
class _Doc:
    """One article's alignment features (word ids are batch-global)."""

    article: Article
    units: list[Piece]
    unit_ids: list[list[int]]  # word ids of each unit, in text order
    cols: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, np.int64))
    matrix: npt.NDArray[np.float64] = field(default_factory=lambda: np.zeros((0, 0)))
    _shingles: npt.NDArray[np.uint64] | None = None

    @property
    def shingle_set(self) -> npt.NDArray[np.uint64]:
        if self._shingles is None:
            self._shingles = shingles(self.article.text)
        return self._shingles


@dataclass(frozen=True, slots=True)
class _Alignment:
    pairs: list[tuple[int, int, float]]  # (unit in a, unit in b, cosine), ordered by a
    coverage: float
    order: float
    mean_sim: float


def find_relations(
    articles: Sequence[Article], settings: ProvenanceSettings | None = None
) -> list[Relation]:
    """Every non-independent pair among ``articles``: duplicates, near copies, rewrites.

    Relations come in input order (``a`` before ``b``); ``original`` names the likely source
    when it can be told, else ``None``.

        >>> from corroborate.model import Article
        >>> a = Article.create("Two people died. Police closed the road.", "a.txt")
        >>> b = Article.create("two people  died.  Police closed the road.", "b.txt")
        >>> [(r.kind, r.score) for r in find_relations([a, b])]
        [('duplicate', 1.0)]
    """
    cfg = settings or ProvenanceSettings()
    relations: list[Relation] = []

    # 1. Exact duplicates (after folding): star-link every copy to the first one.
    first_by_text: dict[str, int] = {}
    reps: list[int] = []
    docs: dict[int, _Doc] = {}
    for i, art in enumerate(articles):
        norm = normalised(art.text)
        if norm in first_by_text:
            first = articles[first_by_text[norm]]
            if first.id != art.id:  # the very same record twice is not a copy of itself
                relations.append(_duplicate(first, art))
        else:
            first_by_text[norm] = i
            reps.append(i)
    vocab: dict[str, int] = {}
    for i in reps:
        found_units = alignable_units(articles[i].text)
        docs[i] = _Doc(
            articles[i],
            [p for p, _ in found_units],
            [[vocab.setdefault(w, len(vocab)) for w in words] for _, words in found_units],
        )
    rep_docs = [docs[i] for i in reps]
    unit_doc, token_unit, token_word = _unit_arrays(rep_docs)
    _weigh(rep_docs, unit_doc, token_unit, token_word, len(vocab))

    # 2. Candidate pairs among the representatives.
    if len(reps) <= cfg.all_pairs_max:
        pairs = list(combinations(reps, 2))
    else:
        hashes = np.fromiter((word_hash(w) for w in vocab), dtype=np.uint64, count=len(vocab))
        found = candidate_pairs_hashed(
            unit_doc,
            token_unit,
            token_word,
            hashes,
            bands=cfg.lsh_bands,
            rows=cfg.lsh_rows,
            bucket_cap=cfg.bucket_cap,
            window=cfg.lsh_window,
            min_collisions=cfg.min_collisions,
            min_collision_share=cfg.min_collision_share,
        )
        pairs = sorted((reps[x], reps[y]) for x, y in found)

    # 3-4. Near copies, then rewrites.
    for i, j in pairs:
        rel = _judge(docs[i], docs[j], cfg)
        if rel is not None:
            relations.append(rel)
    position: dict[str, int] = {}
    for n, art in enumerate(articles):
        position.setdefault(art.id, n)
    relations.sort(key=lambda r: (position[r.a], position[r.b]))
    return relations


def origin_groups(
    article_ids: Sequence[str], relations: Sequence[Relation]
) -> list[tuple[str, ...]]:
    """Connected components over copy relations; each id in exactly one group.

    Groups are ordered by their first member's position in ``article_ids`` and list their
    members in that order; relations naming unknown ids are ignored.

        >>> rel = Relation(a="x", b="z", kind="rewrite", score=0.9)
        >>> origin_groups(["x", "y", "z"], [rel])
        [('x', 'z'), ('y',)]
    """
    ids = list(dict.fromkeys(article_ids))
    parent = {i: i for i in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for rel in relations:
        if rel.kind in COPY_KINDS and rel.a in parent and rel.b in parent:
            ra, rb = root(rel.a), root(rel.b)
            if ra != rb:
                parent[rb] = ra
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(root(i), []).append(i)
    return [tuple(g) for g in groups.values()]


#: Relation kinds meaning "not an independent origin".
COPY_KINDS = frozenset({"duplicate", "near_copy", "rewrite", "syndicated"})


def _unit_arrays(
    docs: Sequence[_Doc],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Batch-wide arrays: each unit's document, and the distinct (unit, word) pairs."""
    unit_doc: list[int] = []
    token_unit: list[int] = []
    token_word: list[int] = []
    for d, doc in enumerate(docs):
        for ids in doc.unit_ids:
            distinct = sorted(set(ids))
            token_unit.extend([len(unit_doc)] * len(distinct))
            token_word.extend(distinct)
            unit_doc.append(d)
    return (
        np.asarray(unit_doc, dtype=np.int64),
        np.asarray(token_unit, dtype=np.int64),
        np.asarray(token_word, dtype=np.int64),
    )


def _weigh(
    docs: Sequence[_Doc],
    unit_doc: npt.NDArray[np.int64],
    token_unit: npt.NDArray[np.int64],
    token_word: npt.NDArray[np.int64],
    n_words: int,
) -> None:
    """Fill each doc's L2-normalised TF-IDF sentence matrix (IDF over all batch sentences)."""
    df = np.bincount(token_word, minlength=n_words)
    # Smoothed IDF: words used by many sentences of the batch (the event's names) count less.
    idf = np.log((1 + len(unit_doc)) / (1 + df)) + 1.0
    for doc in docs:
        ids = np.fromiter((w for u in doc.unit_ids for w in u), dtype=np.int64)
        rows = np.repeat(np.arange(len(doc.unit_ids)), [len(u) for u in doc.unit_ids])
        cols, local = np.unique(ids, return_inverse=True)
        m = np.zeros((len(doc.unit_ids), len(cols)))
        np.add.at(m, (rows, local), 1.0)  # term counts
        m *= idf[cols]
        norms = np.linalg.norm(m, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        doc.cols, doc.matrix = cols, m / norms


def _align(a: _Doc, b: _Doc, threshold: float) -> _Alignment | None:
    """Greedy one-to-one sentence alignment by cosine, best pairs first."""
    if not a.units or not b.units:
        return None
    _, in_a, in_b = np.intersect1d(a.cols, b.cols, assume_unique=True, return_indices=True)
    if in_a.size == 0:
        return None
    sim = a.matrix[:, in_a] @ b.matrix[:, in_b].T
    rows, cols = np.nonzero(sim >= threshold)
    if rows.size == 0:
        return None
    vals = sim[rows, cols]
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    # Stable tie-break on (row, col) so results never depend on numpy's sort internals.
    for k in np.lexsort((cols, rows, -vals)):
        i, j = int(rows[k]), int(cols[k])
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, j, float(vals[k])))
    pairs.sort()
    shorter = min(len(a.units), len(b.units))
    return _Alignment(
        pairs=pairs,
        coverage=len(pairs) / shorter,
        order=longest_increasing([j for _, j, _ in pairs]) / len(pairs),
        mean_sim=sum(s for _, _, s in pairs) / len(pairs),
    )


def _judge(a: _Doc, b: _Doc, cfg: ProvenanceSettings) -> Relation | None:
    """The relation between two non-duplicate articles, or None when independent."""
    sa, sb = a.shingle_set, b.shingle_set
    shared = shared_count(sa, sb)
    near = containment(sa, sb)
    alignment = _align(a, b, cfg.sentence_sim)
    evidence = _evidence(a, b, alignment)
    if near >= cfg.near_copy_containment and shared >= cfg.near_copy_min_shared:
        original = _earlier(a.article, b.article)
        if original is None:
            in_b, in_a = shared / max(sa.size, 1), shared / max(sb.size, 1)
            if in_b >= cfg.contains_other > in_a:
                original = b.article.id
            elif in_a >= cfg.contains_other > in_b:
                original = a.article.id
        return _relation(a.article, b.article, "near_copy", near, original, evidence)
    if alignment is None:
        return None
    need = min(cfg.rewrite_min_aligned, len(a.units), len(b.units))
    if (
        len(alignment.pairs) >= need
        and alignment.coverage >= cfg.rewrite_coverage
        and alignment.order >= cfg.rewrite_order
        and alignment.mean_sim >= cfg.rewrite_mean_sim
    ):
        score = min(1.0, alignment.coverage) * alignment.order
        return _relation(
            a.article, b.article, "rewrite", score, _earlier(a.article, b.article), evidence
        )
    return None


def _evidence(a: _Doc, b: _Doc, alignment: _Alignment | None) -> list[dict[str, object]]:
    if alignment is None:
        return []
    return [_pair(a.units[i], b.units[j], round(s, 4)) for i, j, s in alignment.pairs]


def _pair(p: Piece, q: Piece, similarity: float) -> dict[str, object]:
    """An :class:`AlignedPair` as plain data (validated once, with its relation)."""
    return {
        "a": {"start": p.start, "end": p.end},
        "b": {"start": q.start, "end": q.end},
        "a_text": p.text,
        "b_text": q.text,
        "similarity": similarity,
    }


def _relation(
    a: Article,
    b: Article,
    kind: RelationKind,
    score: float,
    original: str | None,
    evidence: list[dict[str, object]],
) -> Relation:
    # One validation call per relation: building the AlignedPair records one by one
    # dominated the run time of large batches.
    return Relation.model_validate(
        {
            "a": a.id,
            "b": b.id,
            "kind": kind,
            "score": round(score, 4),
            "original": original,
            "evidence": evidence,
        }
    )


def _duplicate(first: Article, copy: Article) -> Relation:
    units = [p for p, _ in alignable_units(copy.text)]
    first_units = [p for p, _ in alignable_units(first.text)]
    evidence = [_pair(p, q, 1.0) for p, q in zip(first_units, units, strict=False)]
    return _relation(first, copy, "duplicate", 1.0, _earlier(first, copy), evidence)


def _timestamp(article: Article) -> dt.datetime | None:
    if not article.date:
        return None
    try:
        t = dt.datetime.fromisoformat(article.date.replace("Z", "+00:00"))
    except ValueError:
        return None
    if t.tzinfo is not None:
        t = t.astimezone(dt.UTC).replace(tzinfo=None)
    return t


def _earlier(a: Article, b: Article) -> str | None:
    """The id of the strictly earlier-published article, when both dates are known."""
    ta, tb = _timestamp(a), _timestamp(b)
    if ta is None or tb is None or ta == tb:
        return None
    return a.id if ta < tb else b.id
