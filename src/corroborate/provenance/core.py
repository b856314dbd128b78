"""Which reports are not independent: duplicates, near copies, rewrites, syndication, quotes.

Pipeline (pure, no I/O):

1. **Duplicates** — bodies equal after case, quote and whitespace folding, found by hashing.
   Only the first article of each duplicate set goes on to the next steps. Pages whose body
   never mentions their own headline (site furniture scraped instead of the story) and
   bodies without a single sentence take no part in any relation.
2. **Blocking** — MinHash LSH over sentence word sets (:mod:`.blocking`), plus an inverted
   index of quoted 5-grams, proposes candidate pairs; small batches (``all_pairs_max``
   articles or fewer) simply try every pair.
3. **Near copy** — word 5-gram containment of the smaller text in the larger one, counted
   outside quotations when there is enough text outside them.
4. **Rewrite** — sentences are aligned greedily one-to-one by TF-IDF cosine over stemmed
   content words (numbers excluded; IDF over the batch's sentences); a rewrite is a pair
   where most of the shorter article's sentences align, in order, and the aligned sentences
   do not disagree on their figures and rare names (one template, two incidents).
5. **Shares quotes** — no copy, but a long quotation (>= ``quote_min_shared`` 5-grams) in
   both: two independent reports of one statement. Never merges origins.
6. **Syndicated** — credit lines (:mod:`.credits`): a report relaying an outlet's story is
   syndicated from that outlet — from its article when the batch has one on the same story,
   else from the outlet itself (an ``external`` relation, ``a == b``); two reports crediting
   one outlet for the same story are syndicated from one source.

Shared figures and names are not enough: numbers never enter the sentence vectors, words
that every report of the event uses get a low IDF, and a handful of matching sentences
covers too little of either article.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import time
from array import array
from collections import Counter, deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np
import numpy.typing as npt

from corroborate.model import Article, Relation, RelationKind, Span, shared
from corroborate.provenance.arrays import (
    Ids,
    ranges,
    run_lengths,
    run_starts,
    unique,
    unique_counts,
    unique_inverse,
)
from corroborate.provenance.blocking import (
    BUCKET_CAP,
    LSH_BANDS,
    LSH_ROWS,
    LSH_WINDOW,
    MIN_COLLISION_SHARE,
    MIN_COLLISIONS,
    candidate_pair_counts,
    shared_key_pairs,
    word_hash,
)
from corroborate.provenance.credits import CreditLine, story_credits
from corroborate.provenance.features import (
    alignable_units,
    longest_increasing,
    normalised,
    quoted_shingles,
    quoted_spans,
    shingles,
    specifics,
    title_coverage,
    word_ids,
)
from corroborate.provenance.graph import COPY_KINDS, origin_groups, publication_time
from corroborate.sequences import MadeOnRead
from corroborate.text import Piece, _piece

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

#: Aligned sentence pairs kept as a relation's evidence (the first ones, in text order).
MAX_EVIDENCE = 64

#: Batches up to this size try every pair; larger ones use LSH blocking.
ALL_PAIRS_MAX = 32

#: A titled page whose body uses less than this share of the title's content words is not
#: the titled story (a scrape of site furniture: sign-in forms, newsletter prompts) and
#: takes no part in copy relations. On the GVA articles, 532 of 540 copy pairs between
#: different incidents had such a page on one side, against 4 of 52 within one incident.
TITLE_COVERAGE = 0.2

#: One text (after folding) under at least this many different headlines, published over
#: more than FURNITURE_SPAN_DAYS, is page furniture (a sign-in form, a social-media prompt).
FURNITURE_MIN_TITLES = 3
FURNITURE_SPAN_DAYS = 30

#: A sentence found word for word in this many distinct texts of the batch is a stock
#: sentence (newsletter prompts, copyright lines): set aside when testing rewrites.
COMMON_SENTENCE_DOCS = 5

#: Quoted 5-grams two reports must share for ``shares_quotes`` (6 = ten identical words).
QUOTE_MIN_SHARED = 6

#: A sentence counts as a quotation when this share of its characters is inside quotes.
QUOTE_UNIT_SHARE = 0.5

#: A capitalised word is a "rare name" (specific to an incident) when at most
#: max(RARE_NAME_MIN_DOCS, RARE_NAME_SHARE x batch size) articles use it.
RARE_NAME_MIN_DOCS = 10
RARE_NAME_SHARE = 0.01

#: Document cosine (TF-IDF over content words) above which two reports crediting one
#: outlet are taken to carry the same story.
SAME_STORY_SIM = 0.25

#: With sentence embeddings (all-MiniLM-L6-v2, :mod:`.semantic`): the cosine at which two
#: sentences align, and the mean a rewrite needs. Seeds 000/001 align 11 of 15 sentences at
#: >= 0.75 (mean 0.92); independent seed pairs align at most 2 (their best are 0.71-0.90).
SEMANTIC_SIM = 0.75
SEMANTIC_MEAN_SIM = 0.8

#: Reports crediting one outlet are compared all-pairs up to this many; a larger group (a
#: wire's whole day) is compared only along candidate pairs.
CREDIT_GROUP_MAX = 200


@dataclass(frozen=True, slots=True)
class ProvenanceSettings:
    """Tunable thresholds of :func:`find_relations`; defaults are the module constants.

    ``encoder`` (optional) turns a list of sentences into L2-normalised vectors (one row
    each); rewrites are then aligned by those vectors' cosine against ``semantic_sim`` /
    ``semantic_mean_sim`` instead of TF-IDF (see :mod:`.semantic`).
    """

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
    title_coverage: float = TITLE_COVERAGE
    furniture_min_titles: int = FURNITURE_MIN_TITLES
    furniture_span_days: int = FURNITURE_SPAN_DAYS
    quote_min_shared: int = QUOTE_MIN_SHARED
    common_sentence_docs: int = COMMON_SENTENCE_DOCS
    quote_unit_share: float = QUOTE_UNIT_SHARE
    rare_name_min_docs: int = RARE_NAME_MIN_DOCS
    rare_name_share: float = RARE_NAME_SHARE
    same_story_sim: float = SAME_STORY_SIM
    credit_group_max: int = CREDIT_GROUP_MAX
    encoder: Callable[[list[str]], npt.NDArray[np.float32]] | None = None
    semantic_sim: float = SEMANTIC_SIM
    semantic_mean_sim: float = SEMANTIC_MEAN_SIM


class _Units(MadeOnRead[Piece]):
    """A document's alignable sentences as offsets into its text; each :class:`Piece` is
    made on access. Holding every sentence's text copied the batch's text once more: a
    quarter of the stage's memory at 100k reports."""

    __slots__ = ("_bounds", "_odd", "_text")

    def __init__(self, text: str, pieces: Iterable[Piece]) -> None:
        self._text = text
        self._bounds = array("i")
        self._odd: dict[int, Piece] = {}  # pieces whose text is not text[start:end]
        for i, p in enumerate(pieces):
            self._bounds.append(p.start)
            self._bounds.append(p.end)
            if len(p.text) != p.end - p.start or not text.startswith(p.text, p.start):
                self._odd[i] = p

    def __len__(self) -> int:
        return len(self._bounds) // 2

    def _item(self, i: int) -> Piece:
        odd = self._odd.get(i)
        if odd is not None:
            return odd
        start, end = self._bounds[2 * i], self._bounds[2 * i + 1]
        return _piece(self._text[start:end], start, end)

    def texts(self) -> list[str]:
        """Every unit's text, with no :class:`Piece` made (the callers that read only the
        text: a batch reads each unit's text twice)."""
        text, bounds = self._text, self._bounds
        out = [text[bounds[k] : bounds[k + 1]] for k in range(0, len(bounds), 2)]
        for i, p in self._odd.items():
            out[i] = p.text
        return out


@dataclass(slots=True)
class _Doc:
    """One article's features (word ids are batch-global)."""

    article: Article
    units: _Units
    # Word ids of every unit, in text order, end to end; ``lengths``: each unit's share.
    # (Arrays: lists of Python ints cost ten times the memory, most of the stage's peak.)
    words: npt.NDArray[np.int32]
    lengths: npt.NDArray[np.int32]
    quotes: list[tuple[int, int]]
    unit_quoted: list[bool]
    # Sentences set aside in rewrite tests: quotations and stock sentences of the batch.
    unit_aside: list[bool] = field(default_factory=list)
    _prose: tuple[list[bool], int] | None = None  # (unit_aside, units not set aside)
    # Sentence vectors, sparse: word ids (sorted) and (row, column, weight) entries.
    cols: npt.NDArray[np.int64] | None = None
    rows: npt.NDArray[np.int64] | None = None
    indices: npt.NDArray[np.int64] | None = None
    data: npt.NDArray[np.float32] | None = None
    matrix: npt.NDArray[np.float32] | None = None  # dense rows, from an encoder
    # The sentence vectors as a dense (sentences x cols) matrix, while cached (_dense).
    dense: npt.NDArray[np.float32] | None = None
    # The whole text's TF-IDF vector (word ids, unit-length weights), while cached (_doc_vector).
    vector: tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]] | None = None
    _shingles: npt.NDArray[np.uint64] | None = None
    _quoted: npt.NDArray[np.uint64] | None = None
    _specs: dict[int, tuple[set[str], set[str]]] = field(default_factory=dict)
    # What _screen reads of the doc, gathered once (a doc is in many chunks' pairs).
    _view: _View | None = None

    @property
    def prose_units(self) -> int:
        """Units not set aside (counted once per ``unit_aside`` list, which may be replaced)."""
        if self._prose is None or self._prose[0] is not self.unit_aside:
            self._prose = (self.unit_aside, len(self.units) - sum(self.unit_aside))
        return self._prose[1]

    @property
    def shingle_sets(self) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
        """All 5-gram hashes, and those inside quotations."""
        if self._shingles is None:
            # Over the prose only: a shared link list or playlist is no shared story.
            self._shingles = shingles("\n".join(self.units.texts()))
        return self._shingles, self.quoted

    def release(self) -> None:
        """Let go of what is rebuilt on demand: vectors, shingles, figures and names."""
        self.cols = self.rows = self.indices = self.data = None
        self.matrix = self.dense = self.vector = None
        self._shingles = None
        self._specs = {}
        self._view = None

    @property
    def quoted(self) -> npt.NDArray[np.uint64]:
        """The 5-gram hashes of the quotations."""
        if self._quoted is None:
            self._quoted = quoted_shingles(self.article.text, self.quotes)
        return self._quoted


class _Pairs:
    """Candidate pairs ``(i, j)``, ``i < j``, of article indices, in order, as one sorted
    array of ``i * n + j`` (a set and a list of tuples of them cost ~200 bytes a pair)."""

    __slots__ = ("keys", "n")

    def __init__(self, keys: npt.NDArray[np.int64], n: int) -> None:
        self.keys, self.n = keys, n

    @classmethod
    def of(cls, pairs: Iterable[tuple[int, int]], n: int) -> _Pairs:
        keys = np.array([i * n + j for i, j in pairs], dtype=np.int64)
        return cls(unique(keys), n)

    def __len__(self) -> int:
        return len(self.keys)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        n = self.n
        for lo in range(0, len(self.keys), 65536):  # Python ints for a slice at a time
            yield from (divmod(k, n) for k in self.keys[lo : lo + 65536].tolist())

    def __contains__(self, pair: tuple[int, int]) -> bool:
        key = pair[0] * self.n + pair[1]
        at = int(np.searchsorted(self.keys, key))
        return at < len(self.keys) and int(self.keys[at]) == key

    def within(self, members: Collection[int]) -> list[tuple[int, int]]:
        """The pairs with both ends in ``members``, in order."""
        wanted = np.fromiter(members, dtype=np.int64, count=len(members))
        a, b = np.divmod(self.keys, self.n)
        keep = np.isin(a, wanted) & np.isin(b, wanted)
        return [(int(x), int(y)) for x, y in zip(a[keep], b[keep], strict=True)]

    def last_use(self) -> list[int]:
        """For each article index, the position of its last pair (-1: none)."""
        last = np.full(self.n, -1, dtype=np.int64)
        at = np.arange(len(self.keys), dtype=np.int64)
        a, b = np.divmod(self.keys, self.n)
        np.maximum.at(last, a, at)
        np.maximum.at(last, b, at)
        out: list[int] = last.tolist()
        return out


@dataclass(slots=True)
class _Batch:
    """Batch-wide statistics the pair judgements need."""

    idf: npt.NDArray[np.float64]
    doc_freq: npt.NDArray[np.int64]
    rare_cut: int
    vocab: dict[str, int]
    cfg: ProvenanceSettings
    # Docs holding a cached dense matrix, oldest first (bounded: _DENSE_CACHE_DOCS).
    dense_docs: deque[_Doc] = field(default_factory=deque)
    # Docs holding a cached whole-text vector, oldest first (bounded: _VECTOR_CACHE_DOCS).
    vector_docs: deque[_Doc] = field(default_factory=deque)
    # Scratch of _screen, all -1 / False between calls: word id -> anchor column (one
    # entry per vocabulary word), and a bitmap of an anchor's 5-gram hashes' top bits.
    slot: npt.NDArray[np.int64] | None = None
    seen: npt.NDArray[np.bool_] | None = None


@dataclass(frozen=True, slots=True)
class _Alignment:
    pairs: list[tuple[int, int, float]]  # (unit in a, unit in b, cosine), ordered by a
    coverage: float
    order: float
    mean_sim: float


def find_relations(
    articles: Sequence[Article],
    settings: ProvenanceSettings | None = None,
    stats: dict[str, Any] | None = None,
) -> list[Relation]:
    """Every non-independent pair among ``articles``.

    Kinds: ``duplicate``, ``near_copy``, ``rewrite`` (copies: one origin), ``syndicated``
    (credits another outlet: one origin with it) and ``shares_quotes`` (two reports of one
    statement: still two origins). Relations come in input order (``a`` before ``b``);
    ``original`` names the likely source when it can be told, with ``original_by`` saying
    how. An external ``syndicated`` relation (``a == b``) names an outlet with no article
    in the batch. ``stats``, when given, is filled with counts and CPU seconds per step.

        >>> from corroborate.model import Article
        >>> a = Article.create("Two people died. Police closed the road.", "a.txt")
        >>> b = Article.create("two people  died.  Police closed the road.", "b.txt")
        >>> [(r.kind, r.score) for r in find_relations([a, b])]
        [('duplicate', 1.0)]
    """
    cfg = settings or ProvenanceSettings()
    relations: list[Relation] = []
    clock = _Clock()

    # 1. Exact duplicates (after folding), among articles whose body is their story.
    same_text: dict[bytes, list[int]] = {}
    for i, art in enumerate(articles):
        norm = normalised(art.text)
        if norm:
            key = hashlib.blake2b(norm.encode("utf-8"), digest_size=16).digest()
            same_text.setdefault(key, []).append(i)
    vocab: dict[str, int] = {}
    docs: dict[int, _Doc] = {}
    reps: list[int] = []
    for group in same_text.values():
        if _repeated_furniture([articles[i] for i in group], cfg):
            continue
        found_units = alignable_units(articles[group[0]].text, prose_only=True)
        if not found_units:
            continue  # nothing but headings or fragments: no story to have copied
        body = {w for _, words in found_units for w in words}
        members = [i for i in group if _on_topic(articles[i], cfg, body)]
        if not members:
            continue
        rep = members[0]
        if rep != group[0]:
            found_units = alignable_units(articles[rep].text, prose_only=True)
        reps.append(rep)
        quotes = quoted_spans(articles[rep].text)
        units = [p for p, _ in found_units]
        lengths = [len(words) for _, words in found_units]
        docs[rep] = _Doc(
            articles[rep],
            _Units(articles[rep].text, units),
            np.array(word_ids(found_units, vocab), dtype=np.int32),
            np.array(lengths, dtype=np.int32),
            quotes,
            [share >= cfg.quote_unit_share for share in _quoted_shares(units, quotes)],
        )
        for i in members[1:]:
            if articles[i].id != articles[rep].id:  # the same record twice is no copy
                relations.append(_duplicate(articles[rep], articles[i], units))
    reps.sort()
    reps = [i for i in reps if i in docs]
    rep_docs = [docs[i] for i in reps]
    _mark_aside(rep_docs, cfg)
    unit_doc, token_unit, token_word = _unit_arrays(rep_docs)
    batch = _batch_stats(unit_doc, token_unit, token_word, len(vocab), len(reps), vocab, cfg)

    clock.lap("features")

    # 2. Candidate pairs among the representatives.
    if len(reps) <= cfg.all_pairs_max:
        pairs = _Pairs.of(combinations(reps, 2), len(articles))
    else:
        hashes = np.fromiter((word_hash(w) for w in vocab), dtype=np.uint64, count=len(vocab))
        found_a, found_b, _ = candidate_pair_counts(
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
        quoted = shared_key_pairs(
            [docs[i].quoted for i in reps],
            min_shared=cfg.quote_min_shared,
            bucket_cap=cfg.bucket_cap,
            window=cfg.lsh_window,
        )
        found_a = np.concatenate((found_a, [x for x, _ in quoted])).astype(np.int64)
        found_b = np.concatenate((found_b, [y for _, y in quoted])).astype(np.int64)
        rep_at = np.array(reps, dtype=np.int64)
        # Representatives are in input order, so rep_at[x] < rep_at[y] where x < y.
        pairs = _Pairs(unique(rep_at[found_a] * len(articles) + rep_at[found_b]), len(articles))

    clock.lap("candidates")

    # 3-5. Near copies, rewrites, shared quotations. A document's cached vectors and
    # shingles are let go after its last pair: holding every document's was the stage's
    # peak on large batches (syndication, below, rebuilds the few it needs again).
    # Pairs are screened a chunk at a time (_screen); only those it cannot rule out are
    # judged one by one.
    judged: dict[tuple[int, int], Relation] = {}
    last = pairs.last_use()
    hopeless: list[bool] = []
    for k, (i, j) in enumerate(pairs):
        if k % _SCREEN_PAIRS == 0:
            hopeless = _screen(pairs.keys[k : k + _SCREEN_PAIRS], pairs.n, docs, batch)
        if not hopeless[k % _SCREEN_PAIRS]:
            rel = _judge(docs[i], docs[j], batch)
            if rel is not None:
                judged[(i, j)] = rel
        if last[i] == k:
            docs[i].release()
        if last[j] == k:
            docs[j].release()

    clock.lap("judge")

    # 6. Syndication from credit lines.
    relations.extend(_syndication(articles, docs, judged, pairs, batch))
    relations.extend(judged.values())
    position: dict[str, int] = {}
    for n, art in enumerate(articles):
        position.setdefault(art.id, n)
    relations.sort(key=lambda r: (position[r.a], position[r.b], r.kind))
    clock.lap("syndication")
    if stats is not None:
        stats.update(
            articles=len(articles),
            distinct_texts=len(same_text),
            representatives=len(reps),
            units=len(unit_doc),
            vocabulary=len(vocab),
            candidate_pairs=len(pairs),
            relations=len(relations),
            cpu_seconds=clock.laps,
        )
    return relations


class _Clock:
    """CPU seconds per step of :func:`find_relations` (for ``stats``)."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.process_time()

    def lap(self, name: str) -> None:
        now = time.process_time()
        self.laps[name] = round(now - self._last, 3)
        self._last = now


def _on_topic(
    article: Article, cfg: ProvenanceSettings, body: set[str] | None = None
) -> bool:
    """False for a titled page whose body never mentions the headline's words."""
    cov = title_coverage(article.title, article.text, body)
    return cov is None or cov >= cfg.title_coverage


def _mark_aside(docs: Sequence[_Doc], cfg: ProvenanceSettings) -> None:
    """Set aside quotations and **stock sentences**: a sentence found word for word in at
    least ``common_sentence_docs`` distinct texts of the batch ("This material may not be
    published, broadcast, rewritten or redistributed.", "Sign up for our newsletter").
    Verbatim copies are near copies by their 5-grams; a rewrite must align on the rest."""
    keys = [[hash(" ".join(t.casefold().split())) for t in doc.units.texts()] for doc in docs]
    docs_with: Counter[int] = Counter(k for doc_keys in keys for k in set(doc_keys))
    for doc, doc_keys in zip(docs, keys, strict=True):
        doc.unit_aside = [
            quoted or docs_with[k] >= cfg.common_sentence_docs
            for quoted, k in zip(doc.unit_quoted, doc_keys, strict=True)
        ]


def _repeated_furniture(group: Sequence[Article], cfg: ProvenanceSettings) -> bool:
    """Whether one text under many different headlines over weeks is page furniture.

    A story syndicated verbatim runs under one headline (give or take a station's suffix)
    within days; "Add a location to your Tweets..." or a sign-in form is the body of pages
    with unrelated headlines published months apart.
    """
    titles = {(a.title or "").casefold().strip() for a in group if a.title}
    if len(titles) < cfg.furniture_min_titles:
        return False
    times = [t for t in (publication_time(a) for a in group) if t is not None]
    return bool(times) and (max(times) - min(times)).days > cfg.furniture_span_days


def _quoted_shares(units: Sequence[Piece], quotes: Sequence[tuple[int, int]]) -> list[float]:
    """The share of each unit's characters inside quotes.

    ``quotes`` are in text order and disjoint (as ``quoted_spans`` gives them), so a unit
    sums only the quotes that reach into it, found by bisection (a long quoted report has
    dozens of units and quotes).
    """
    ends = [hi for _, hi in quotes]
    out: list[float] = []
    for unit in units:
        if not quotes or unit.end <= unit.start:
            out.append(0.0)
            continue
        inside = 0
        k = bisect.bisect_right(ends, unit.start)  # the first quote ending after its start
        while k < len(quotes) and quotes[k][0] < unit.end:
            lo, hi = quotes[k]
            inside += min(unit.end, hi) - max(unit.start, lo)
            k += 1
        out.append(inside / (unit.end - unit.start))
    return out


def _unit_arrays(
    docs: Sequence[_Doc],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int32], npt.NDArray[np.int32]]:
    """Batch-wide arrays: each unit's document, and the distinct (unit, word) pairs, sorted
    by unit, then word (as int32: they are held through the whole stage)."""
    unit_doc = np.repeat(np.arange(len(docs), dtype=np.int64), [len(d.lengths) for d in docs])
    width = np.int64(max((int(d.words.max()) for d in docs if d.words.size), default=0) + 1)
    units: list[npt.NDArray[np.int32]] = []
    words: list[npt.NDArray[np.int32]] = []
    first_unit = 0
    # A chunk of documents at a time: one (unit, word) key per token, deduplicated by a sort,
    # costs a few times the tokens' size, so bounded by the chunk rather than the batch.
    for lo in range(0, len(docs), _UNIT_CHUNK_DOCS):
        chunk = docs[lo : lo + _UNIT_CHUNK_DOCS]
        lengths = np.concatenate([d.lengths for d in chunk]).astype(np.int64)
        unit = np.repeat(np.arange(first_unit, first_unit + lengths.size), lengths)
        first_unit += lengths.size
        keys = unique(unit * width + np.concatenate([d.words for d in chunk]).astype(np.int64))
        units.append((keys // width).astype(np.int32))
        words.append((keys % width).astype(np.int32))
    if not units:
        return unit_doc, np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32)
    return unit_doc, np.concatenate(units), np.concatenate(words)


#: Documents whose tokens :func:`_unit_arrays` deduplicates at once.
_UNIT_CHUNK_DOCS = 4096


def _batch_stats(
    unit_doc: npt.NDArray[np.int64],
    token_unit: Ids,
    token_word: Ids,
    n_words: int,
    n_docs: int,
    vocab: dict[str, int],
    cfg: ProvenanceSettings,
) -> _Batch:
    df = np.bincount(token_word, minlength=n_words)
    # Smoothed IDF: words used by many sentences of the batch (the event's names) count less.
    idf = np.log((1 + len(unit_doc)) / (1 + df)) + 1.0
    # Document frequency of each word, for telling rare names from common ones.
    if len(token_word):
        pair = unique(unit_doc[token_unit] * np.int64(max(n_words, 1)) + token_word)
        doc_freq = np.bincount(pair % max(n_words, 1), minlength=n_words)
    else:
        doc_freq = np.zeros(n_words, dtype=np.int64)
    rare_cut = max(cfg.rare_name_min_docs, math.floor(cfg.rare_name_share * n_docs))
    return _Batch(idf, doc_freq, rare_cut, vocab, cfg)


def _weigh(doc: _Doc, batch: _Batch) -> None:
    """Fill the doc's L2-normalised sentence vectors: sparse TF-IDF rows over content words,
    or the encoder's dense embeddings."""
    if doc.cols is not None:
        return
    encoder = batch.cfg.encoder
    if encoder is not None:
        doc.matrix = np.asarray(encoder(doc.units.texts()), dtype=np.float32)
        doc.cols = np.arange(doc.matrix.shape[1], dtype=np.int64)
        return
    lengths = doc.lengths
    ids = doc.words.astype(np.int64)
    rows = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    cols, local = unique_inverse(ids)
    entry, counts = unique_counts(rows * len(cols) + local)  # term counts
    r, c = entry // len(cols), entry % len(cols)
    w = counts * batch.idf[cols[c]]
    norms = np.sqrt(np.bincount(r, weights=w * w, minlength=len(lengths)))
    norms[norms == 0] = 1.0
    doc.cols, doc.rows, doc.indices = cols, r, c
    doc.data = (w / norms[r]).astype(np.float32)


#: Pairs whose dense product (sentences x sentences x shared words) stays under this many
#: multiply-adds are multiplied densely; larger ones (long articles) add up word by word.
_DENSE_LIMIT = 1_000_000

#: Documents whose dense sentence matrix is kept for their next pairs (most recent ones),
#: and the largest matrix (entries) worth keeping: 128 MB at most, far less in practice.
_DENSE_CACHE_DOCS = 2048
_DENSE_CACHE_ENTRIES = 16384


def _dense(doc: _Doc, batch: _Batch) -> npt.NDArray[np.float32]:
    """The doc's sentence vectors as a dense (sentences x its words) matrix."""
    if doc.dense is not None:
        return doc.dense
    assert doc.cols is not None and doc.rows is not None
    assert doc.indices is not None and doc.data is not None
    dense = np.zeros((len(doc.units), doc.cols.size), dtype=np.float32)
    dense[doc.rows, doc.indices] = doc.data
    if dense.size <= _DENSE_CACHE_ENTRIES:
        doc.dense = dense
        batch.dense_docs.append(doc)
        if len(batch.dense_docs) > _DENSE_CACHE_DOCS:
            batch.dense_docs.popleft().dense = None
    return dense


def _similarities(a: _Doc, b: _Doc, batch: _Batch) -> npt.NDArray[np.float32] | None:
    """Cosine of every sentence of ``a`` with every sentence of ``b`` (None: no shared word)."""
    _weigh(a, batch)
    _weigh(b, batch)
    if a.matrix is not None and b.matrix is not None:
        return a.matrix @ b.matrix.T
    assert a.cols is not None and b.cols is not None
    assert a.rows is not None and a.indices is not None and a.data is not None
    assert b.rows is not None and b.indices is not None and b.data is not None
    in_a, in_b = _match_sorted(a.cols, b.cols)
    k = in_a.size
    if k == 0:
        return None
    na, nb = len(a.units), len(b.units)
    if na * nb * k <= _DENSE_LIMIT:
        # The columns of the shared words, in word order: the same matrices, entry for entry,
        # as scattering the shared entries into zeros, so the same product.
        return _dense(a, batch)[:, in_a] @ _dense(b, batch)[:, in_b].T
    amap = np.full(a.cols.size, -1, dtype=np.int64)
    amap[in_a] = np.arange(k)
    bmap = np.full(b.cols.size, -1, dtype=np.int64)
    bmap[in_b] = np.arange(k)
    sa, sb = amap[a.indices], bmap[b.indices]
    ka, kb = sa >= 0, sb >= 0
    ra, sa, va = a.rows[ka], sa[ka], a.data[ka]
    rb, sb, vb = b.rows[kb], sb[kb], b.data[kb]
    # Word by word: every (sentence of a, sentence of b) pair sharing the word gets its share.
    order = np.argsort(sb, kind="stable")
    rb, sb, vb = rb[order], sb[order], vb[order]
    lo = np.searchsorted(sb, sa, "left")
    hits = np.searchsorted(sb, sa, "right") - lo
    ia = np.repeat(np.arange(sa.size), hits)
    ib = np.repeat(lo - np.cumsum(hits) + hits, hits) + np.arange(int(hits.sum()))
    flat = np.bincount(ra[ia] * nb + rb[ib], weights=va[ia] * vb[ib], minlength=na * nb)
    return flat.reshape(na, nb).astype(np.float32)


def _align(a: _Doc, b: _Doc, batch: _Batch, at_least: int = 1) -> _Alignment | None:
    """Greedy one-to-one sentence alignment by cosine, best pairs first.

    None when fewer than ``at_least`` sentences could possibly align (a cheap bound checked
    before matching, so most candidate pairs cost one small matrix product).
    """
    if not a.units or not b.units:
        return None
    threshold = batch.cfg.semantic_sim if batch.cfg.encoder else batch.cfg.sentence_sim
    sim = _similarities(a, b, batch)
    if sim is None:
        return None
    hits = sim >= threshold - 1e-9
    if min(np.count_nonzero(hits.any(axis=1)), np.count_nonzero(hits.any(axis=0))) < at_least:
        return None
    rows, cols = np.nonzero(hits)
    vals = sim[rows, cols]
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    # Stable tie-break on (row, col) so results never depend on numpy's sort internals.
    for k in np.lexsort((cols, rows, -vals)).tolist():
        i, j = int(rows[k]), int(cols[k])
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, j, min(1.0, float(vals[k]))))
    pairs.sort()
    shorter = min(len(a.units), len(b.units))
    return _Alignment(
        pairs=pairs,
        coverage=len(pairs) / shorter,
        order=longest_increasing([j for _, j, _ in pairs]) / len(pairs),
        mean_sim=sum(s for _, _, s in pairs) / len(pairs),
    )


def _match_sorted(
    x: npt.NDArray[np.int64], y: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Indices ``(i, j)`` with ``x[i] == y[j]`` for two sorted arrays of distinct values."""
    if not x.size or not y.size:
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty
    pos = np.searchsorted(y, x)
    pos[pos == y.size] = 0
    found = y[pos] == x
    return np.flatnonzero(found), pos[found]


def _common_count(x: npt.NDArray[np.uint64], y: npt.NDArray[np.uint64]) -> int:
    """Number of values two sorted arrays of distinct values share."""
    if not x.size or not y.size:
        return 0
    if x.size > y.size:
        x, y = y, x
    pos = np.searchsorted(y, x)
    pos[pos == y.size] = 0
    return int(np.count_nonzero(y[pos] == x))


#: Candidate pairs :func:`_screen` takes at once (their docs' features are all built first).
_SCREEN_PAIRS = 1024

#: Bits of the 5-gram bitmap of :func:`_screen` (a 256 kB scratch, cache-sized).
_SEEN_BITS = 18


@dataclass(frozen=True, slots=True)
class _View:
    """The features of a doc :func:`_screen` reads."""

    grams: npt.NDArray[np.uint64]
    quoted: npt.NDArray[np.uint64]
    cols: npt.NDArray[np.int64]
    indices: npt.NDArray[np.int64]
    words: npt.NDArray[np.int64]  # cols[indices]: each entry's word id
    rows: npt.NDArray[np.int64]
    data: npt.NDArray[np.float32]
    units: int
    aside: npt.NDArray[np.bool_]  # unit_aside

    @classmethod
    def of(cls, doc: _Doc, batch: _Batch) -> _View:
        if doc._view is None:
            _weigh(doc, batch)
            assert doc.cols is not None and doc.rows is not None
            assert doc.indices is not None and doc.data is not None
            grams, quoted = doc.shingle_sets
            doc._view = cls(
                grams, quoted, doc.cols, doc.indices, doc.cols[doc.indices], doc.rows,
                doc.data, len(doc.units), np.array(doc.unit_aside, dtype=np.bool_),
            )  # fmt: skip
        return doc._view


class _Side:
    """The :class:`_View` fields of some docs, as lists, and their prose unit counts."""

    __slots__ = (
        "aside", "cols", "data", "grams", "indices", "prose", "quoted", "rows", "units", "words"
    )  # fmt: skip

    def __init__(self, docs: Sequence[_Doc], batch: _Batch) -> None:
        views = [_View.of(d, batch) for d in docs]
        self.grams = [v.grams for v in views]
        self.quoted = [v.quoted for v in views]
        self.cols = [v.cols for v in views]
        self.indices = [v.indices for v in views]
        self.words = [v.words for v in views]
        self.rows = [v.rows for v in views]
        self.data = [v.data for v in views]
        self.units = [v.units for v in views]
        self.aside = [v.aside for v in views]
        self.prose = [d.prose_units for d in docs]


def _screen(
    keys: npt.NDArray[np.int64], n: int, docs: dict[int, _Doc], batch: _Batch
) -> list[bool]:
    """For each pair (``i * n + j``, in order), True when ``_judge`` certainly returns None.

    Four in five candidate pairs are no relation, and judging them one at a time cost a
    dozen small numpy calls each, so the pairs per report (which grow with the batch) set
    the stage's cost. Here a chunk of pairs shares the calls. A pair is ruled out only when
    all three of _judge's ways to a relation are closed, each by an upper bound:

    * near copy and shared quotations: shared 5-grams are counted on 40 of their 64 bits
      (a false match only adds to the count), against the sizes of the full sets;
    * rewrite: fewer sentences than the rewrite floor on either side have a partner
      sentence within ``sentence_sim`` (the early None of :func:`_align`). Cosines are
      summed in float64 from the same float32 weights, and compared against the threshold
      lowered by more than the float32 rounding of _similarities can make.

    Everything else goes to _judge, so every pair gets the relation it got before.
    """
    cfg = batch.cfg
    m = int(keys.size)
    if cfg.encoder is not None or not m:
        return [False] * m
    first, second = np.divmod(keys, n)
    # Pairs are sorted: each first article's pairs are one run (it is the run's "anchor").
    starts = np.flatnonzero(run_starts(first))
    pa = np.repeat(np.arange(starts.size), run_lengths(starts, m))
    b_ids, pb = unique_inverse(second)
    a_side = _Side([docs[i] for i in first[starts].tolist()], batch)
    b_side = _Side([docs[j] for j in b_ids.tolist()], batch)
    a_units, b_units = np.array(a_side.units)[pa], np.array(b_side.units)[pb]
    # Near copy: shared 5-grams (upper bound) against the smaller set.
    shared = _shared_grams(a_side.grams, b_side.grams, pa, pb, starts, batch)
    a_size = np.array([g.size for g in a_side.grams], dtype=np.int64)[pa]
    b_size = np.array([g.size for g in b_side.grams], dtype=np.int64)[pb]
    smaller = np.minimum(a_size, b_size)
    near = np.where(smaller > 0, shared / np.maximum(smaller, 1), 0.0)
    out = (near < cfg.near_copy_containment) | (shared < cfg.near_copy_min_shared)
    if any(q.size for q in a_side.quoted):
        quoted = _shared_grams(a_side.quoted, b_side.quoted, pa, pb, starts, batch)
        out &= quoted < cfg.quote_min_shared
    if out.any():
        hits, prose_hits = _sentence_hits(
            a_side, b_side, pa, pb, starts, a_units, b_units, batch
        )  # fmt: skip
        # The rewrite floor (_rewrite_floor) of each pair: below it, _align gives None.
        least = np.minimum(np.array(a_side.prose)[pa], np.array(b_side.prose)[pb])
        units = np.minimum(a_units, b_units)
        prose = least >= cfg.rewrite_min_aligned
        shorter = np.where(prose, np.minimum(units, least), units)
        need = np.ceil(cfg.rewrite_coverage * shorter - 1e-9).astype(np.int64)
        floor = np.maximum(1, np.minimum(np.minimum(need, cfg.rewrite_min_aligned), shorter))
        # _is_rewrite's count and coverage tests, on at most that many aligned pairs (with
        # enough prose, only pairs of sentences not set aside count, against the prose).
        most = np.where(prose, prose_hits, hits)
        shorter = np.where(prose, least, units)
        rewrite = (
            (most > 0)
            & (most >= np.minimum(cfg.rewrite_min_aligned, shorter))
            & (most / np.maximum(shorter, 1) >= cfg.rewrite_coverage)
        )
        out &= (hits < floor) | ~rewrite
    result: list[bool] = out.tolist()
    return result


def _sizes(arrays: Sequence[npt.NDArray[Any]]) -> npt.NDArray[np.int64]:
    return np.fromiter((a.size for a in arrays), dtype=np.int64, count=len(arrays))


def _pair_entries(
    b_sizes: npt.NDArray[np.int64], pb: npt.NDArray[np.int64], starts: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int64], list[int], npt.NDArray[np.int64]]:
    """Each pair's entries of its b doc, pair after pair (indices into b's arrays end to
    end); where each anchor's pairs' entries begin and end (``cuts[g]:cuts[g + 1]``: one
    slice per anchor); and where each pair's end (``searchsorted(ends, e, "right")`` is the
    pair of entry ``e``)."""
    per_pair = b_sizes[pb]
    ends = np.cumsum(per_pair)
    entries = ranges((np.cumsum(b_sizes) - b_sizes)[pb], per_pair)
    from_zero = np.concatenate((np.zeros(1, dtype=ends.dtype), ends))
    cuts: list[int] = [*from_zero[starts].tolist(), int(from_zero[-1])]
    return entries, cuts, ends


def _shared_grams(
    a_sets: list[npt.NDArray[np.uint64]],
    b_sets: list[npt.NDArray[np.uint64]],
    pa: npt.NDArray[np.int64],
    pb: npt.NDArray[np.int64],
    starts: npt.NDArray[np.int64],
    batch: _Batch,
) -> npt.NDArray[np.int64]:
    """For each pair ``(pa[k], pb[k])`` of sorted 5-gram hash sets, at least the number of
    values they share (exact unless two hashes differ only in their low 24 bits)."""
    a_size, b_size = _sizes(a_sets), _sizes(b_sets)
    out = np.zeros(pa.size, dtype=np.int64)
    if not a_size.any() or not b_size.any():
        return out
    b_all = np.concatenate(b_sets)
    needle, cuts, ends = _pair_entries(b_size, pb, starts)  # into b_all
    # Most of b's 5-grams are not a's: a bitmap of a's top bits rules them out first,
    # one anchor at a time (its pairs' needles are one slice).
    top = (b_all >> np.uint64(64 - _SEEN_BITS))[needle]
    if batch.seen is None:
        batch.seen = np.zeros(1 << _SEEN_BITS, dtype=np.bool_)
    seen = batch.seen
    maybe = np.empty(needle.size, dtype=np.bool_)
    for g, grams in enumerate(a_sets):
        marks = grams >> np.uint64(64 - _SEEN_BITS)
        seen[marks] = True
        maybe[cuts[g] : cuts[g + 1]] = seen[top[cuts[g] : cuts[g + 1]]]
        seen[marks] = False
    found = np.flatnonzero(maybe)
    pair = np.searchsorted(ends, found, "right")
    # The rest are looked up in a's set: anchor in the top 24 bits, hash's top 40 below,
    # sorted as the sets are.
    owner = np.repeat(np.arange(a_size.size, dtype=np.uint64), a_size)
    keyed = (owner << np.uint64(40)) | (np.concatenate(a_sets) >> np.uint64(24))
    wanted = (pa[pair].astype(np.uint64) << np.uint64(40)) | (b_all[needle[found]] >> np.uint64(24))
    pos = np.searchsorted(keyed, wanted)
    pos[pos == keyed.size] = 0
    return np.bincount(pair[keyed[pos] == wanted], minlength=pa.size)


def _sentence_hits(
    a_side: _Side,
    b_side: _Side,
    pa: npt.NDArray[np.int64],
    pb: npt.NDArray[np.int64],
    starts: npt.NDArray[np.int64],
    na: npt.NDArray[np.int64],
    nb: npt.NDArray[np.int64],
    batch: _Batch,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """For each pair, at least as many sentences as can align (:func:`_align`): the fewer
    of a's and b's sentences with a cosine to the other doc that may reach ``sentence_sim``;
    and the same among sentences not set aside."""
    # a's entries by column (CSR): the anchors' distinct words end to end are the columns.
    a_cols = _sizes(a_side.cols)
    col_at = np.cumsum(a_cols) - a_cols
    a_ent = _sizes(a_side.indices)
    flat = np.concatenate(a_side.indices) + np.repeat(col_at, a_ent)
    by_col = np.argsort(flat, kind="stable")
    per_col = np.bincount(flat, minlength=int(a_cols.sum()))
    at_col = np.cumsum(per_col) - per_col
    a_row = np.concatenate(a_side.rows)[by_col]
    a_val = np.concatenate(a_side.data)[by_col].astype(np.float64)
    # Each pair's b entries, and the a column of their word (-1: a does not use it).
    b_ent = _sizes(b_side.indices)
    b_word = np.concatenate(b_side.words)
    ent, cuts, ends = _pair_entries(b_ent, pb, starts)
    word = b_word[ent]
    pos = np.empty(ent.size, dtype=np.int64)
    if batch.slot is None:
        batch.slot = np.full(batch.idf.size, -1, dtype=np.int64)
    slot = batch.slot
    for g, cols in enumerate(a_side.cols):  # one lookup table per anchor
        slot[cols] = np.arange(col_at[g], col_at[g] + cols.size)
        pos[cuts[g] : cuts[g + 1]] = slot[word[cuts[g] : cuts[g + 1]]]
        slot[cols] = -1
    keep = np.flatnonzero(pos >= 0)
    pair = np.searchsorted(ends, keep, "right")
    ent, pos = ent[keep], pos[keep]
    # Every (b entry, a entry) product on a shared word, summed per sentence pair.
    n_hits = per_col[pos]
    ib = np.repeat(np.arange(ent.size), n_hits)
    ia = ranges(at_col[pos], n_hits)
    cells = na * nb
    cell_at = np.cumsum(cells) - cells
    k = pair[ib]
    b_row = np.concatenate(b_side.rows)[ent[ib]]
    b_val = np.concatenate(b_side.data)[ent[ib]].astype(np.float64)
    cell = cell_at[k] + b_row * na[k] + a_row[ia]
    sim = np.bincount(cell, weights=b_val * a_val[ia], minlength=int(cells.sum()))
    # float32 weights multiply exactly in float64, and these sums round far less than
    # _similarities' float32 ones: about k * 2**-24 over k shared words (unit vectors, any
    # summation order). Twice that, over the most words any anchor has, is the margin.
    cut = batch.cfg.sentence_sim - 1e-9 - (int(a_cols.max()) + 2) * 2.0**-23
    hit = np.flatnonzero(sim >= cut)
    k = np.searchsorted(cell_at, hit, "right") - 1
    spot = hit - cell_at[k]
    ra, rb = spot % na[k], spot // na[k]
    # Distinct sentences per pair on each side, the fewer of the two: of all, and of those
    # not set aside (hitting one not set aside).
    row_a, row_b = np.cumsum(na) - na, np.cumsum(nb) - nb
    aside_a = np.concatenate(a_side.aside)[(np.cumsum(a_side.units) - a_side.units)[pa[k]] + ra]
    aside_b = np.concatenate(b_side.aside)[(np.cumsum(b_side.units) - b_side.units)[pb[k]] + rb]
    prose = ~(aside_a | aside_b)
    return _fewer(row_a, row_b, k, ra, rb, pa.size), _fewer(
        row_a, row_b, k[prose], ra[prose], rb[prose], pa.size
    )


def _fewer(
    row_a: npt.NDArray[np.int64],
    row_b: npt.NDArray[np.int64],
    k: npt.NDArray[np.int64],
    ra: npt.NDArray[np.int64],
    rb: npt.NDArray[np.int64],
    m: int,
) -> npt.NDArray[np.int64]:
    """Per pair ``k``: the fewer of its distinct sentences ``ra`` and ``rb`` (numbered from
    ``row_a[k]`` and ``row_b[k]``) in the cells given."""
    hits_a = np.searchsorted(row_a, unique(row_a[k] + ra), "right") - 1
    hits_b = np.searchsorted(row_b, unique(row_b[k] + rb), "right") - 1
    fewer: npt.NDArray[np.int64] = np.minimum(
        np.bincount(hits_a, minlength=m), np.bincount(hits_b, minlength=m)
    )
    return fewer


def _rewrite_floor(a: _Doc, b: _Doc, cfg: ProvenanceSettings) -> int:
    """Fewest aligned sentences any rewrite reading of the pair needs (see _is_rewrite)."""
    shorter = min(len(a.units), len(b.units))
    prose = min(a.prose_units, b.prose_units)
    if prose >= cfg.rewrite_min_aligned:
        shorter = min(shorter, prose)
    return max(1, min(math.ceil(cfg.rewrite_coverage * shorter - 1e-9), cfg.rewrite_min_aligned,
                      shorter))  # fmt: skip


def _judge(a: _Doc, b: _Doc, batch: _Batch) -> Relation | None:
    """The relation between two non-duplicate articles, or None when independent."""
    cfg = batch.cfg
    sa, qa = a.shingle_sets
    sb, qb = b.shingle_sets
    shared = _common_count(sa, sb)
    near = shared / min(sa.size, sb.size) if sa.size and sb.size else 0.0
    shared_quoted = _common_count(qa, qb)
    template = False
    if (
        near >= cfg.near_copy_containment
        and shared >= cfg.near_copy_min_shared
        and not _only_quotes_shared(sa, qa, sb, qb, shared, shared_quoted, cfg)
    ):
        alignment = _align(a, b, batch)
        # One template filled in for two incidents: the words match, figures and names not.
        template = alignment is not None and _specifics_conflict(a, b, alignment.pairs, batch)
    if not template and (
        near >= cfg.near_copy_containment
        and shared >= cfg.near_copy_min_shared
        and not _only_quotes_shared(sa, qa, sb, qb, shared, shared_quoted, cfg)
    ):
        evidence = _evidence(a, b, alignment)
        original, by = _earlier(a.article, b.article), "published_first"
        if original is None:
            in_b, in_a = shared / max(sa.size, 1), shared / max(sb.size, 1)
            by = "contains_other"
            if in_b >= cfg.contains_other > in_a:
                original = b.article.id
            elif in_a >= cfg.contains_other > in_b:
                original = a.article.id
        return _relation(a.article, b.article, "near_copy", near, original, by, evidence)
    alignment = None if template else _align(a, b, batch, _rewrite_floor(a, b, cfg))
    if alignment is not None and _is_rewrite(a, b, alignment, batch):
        evidence = _evidence(a, b, alignment)
        score = min(1.0, alignment.coverage) * alignment.order
        return _relation(
            a.article,
            b.article,
            "rewrite",
            score,
            _earlier(a.article, b.article),
            "published_first",
            evidence,
        )
    if shared_quoted >= cfg.quote_min_shared:
        quote_evidence = _quote_evidence(a, b)
        if quote_evidence:
            score = shared_quoted / max(1, min(qa.size, qb.size))
            return _relation(
                a.article, b.article, "shares_quotes", score, None, None, quote_evidence
            )
    return None


def _only_quotes_shared(
    sa: npt.NDArray[np.uint64],
    qa: npt.NDArray[np.uint64],
    sb: npt.NDArray[np.uint64],
    qb: npt.NDArray[np.uint64],
    shared: int,
    shared_quoted: int,
    cfg: ProvenanceSettings,
) -> bool:
    """Whether the overlap is a quotation both carry, the text around it being their own."""
    if not shared_quoted:
        return False
    outside_a, outside_b = sa.size - qa.size, sb.size - qb.size
    if min(outside_a, outside_b) < cfg.near_copy_min_shared:
        return False  # (nearly) all quotation: nothing else to judge the pair by
    return (shared - shared_quoted) / min(outside_a, outside_b) < cfg.near_copy_containment


def _is_rewrite(a: _Doc, b: _Doc, alignment: _Alignment, batch: _Batch) -> bool:
    """Rewrite test on the aligned sentences, quotations and stock sentences set aside when
    both reports have enough others."""
    cfg = batch.cfg
    pairs = alignment.pairs
    units_a = a.prose_units
    units_b = b.prose_units
    prose = [(i, j, s) for i, j, s in pairs if not (a.unit_aside[i] or b.unit_aside[j])]
    if min(units_a, units_b) >= cfg.rewrite_min_aligned:
        if not prose:
            return False
        pairs, shorter = prose, min(units_a, units_b)
    else:
        shorter = min(len(a.units), len(b.units))
    need = min(cfg.rewrite_min_aligned, shorter)
    coverage = len(pairs) / shorter
    order = longest_increasing([j for _, j, _ in pairs]) / len(pairs)
    mean_sim = sum(s for _, _, s in pairs) / len(pairs)
    mean_needed = cfg.semantic_mean_sim if cfg.encoder else cfg.rewrite_mean_sim
    if not (
        len(pairs) >= need
        and coverage >= cfg.rewrite_coverage
        and order >= cfg.rewrite_order
        and mean_sim >= mean_needed
    ):
        return False
    return not _specifics_conflict(a, b, pairs, batch)


def _specifics_conflict(
    a: _Doc, b: _Doc, pairs: Sequence[tuple[int, int, float]], batch: _Batch
) -> bool:
    """True when more aligned sentences disagree on figures and rare names than agree.

    A rewrite keeps each sentence's figures and names; two reports of different incidents
    written from one template ("A 24-year-old man was shot in the leg ... Stroger Hospital")
    align on wording but not on those.
    """
    agree = conflict = 0
    step = max(1, len(pairs) // _SPECIFICS_SAMPLE)  # long copies: an even sample suffices
    for i, j, _ in pairs[::step]:
        nums_a, names_a = _spec(a, i, batch)
        nums_b, names_b = _spec(b, j, batch)
        both = (nums_a | names_a) and (nums_b | names_b)
        if not both:
            continue
        if (nums_a & nums_b) or (names_a & names_b):
            agree += 1
        else:
            conflict += 1
    return conflict > 0 and conflict >= agree


_SPECIFICS_SAMPLE = 40


def _spec(doc: _Doc, unit: int, batch: _Batch) -> tuple[set[str], set[str]]:
    """The figures and rare names of one sentence (memoised on the doc)."""
    found = doc._specs.get(unit)
    if found is None:
        nums, names = specifics(doc.units[unit].text)
        rare = set()
        for name in names:
            w = batch.vocab.get(name)
            if w is not None and batch.doc_freq[w] <= batch.rare_cut:
                rare.add(name)
        found = doc._specs[unit] = (nums, rare)
    return found


def _evidence(a: _Doc, b: _Doc, alignment: _Alignment | None) -> list[dict[str, Any]]:
    if alignment is None:
        return []
    pairs = alignment.pairs[:MAX_EVIDENCE]
    return [_pair(a.units[i], b.units[j], round(s, 4)) for i, j, s in pairs]


def _quote_evidence(a: _Doc, b: _Doc) -> list[dict[str, Any]]:
    """The quotation pairs the two reports share (most shared 5-grams first, one-to-one)."""
    text_a, text_b = a.article.text, b.article.text
    keys_a, owner_a = _quote_index(text_a, a.quotes)
    keys_b, owner_b = _quote_index(text_b, b.quotes)
    sizes_a = np.bincount(owner_a, minlength=len(a.quotes))
    sizes_b = np.bincount(owner_b, minlength=len(b.quotes))
    # Match every 5-gram of a's quotations against b's (sorted), then count per quote pair.
    order = np.argsort(keys_b, kind="stable")
    keys_b, owner_b = keys_b[order], owner_b[order]
    lo = np.searchsorted(keys_b, keys_a, "left")
    hi = np.searchsorted(keys_b, keys_a, "right")
    hits = hi - lo
    x = np.repeat(owner_a, hits)
    at = np.repeat(lo - np.cumsum(hits) + hits, hits) + np.arange(int(hits.sum()))
    y = owner_b[at]
    pair_ids, counts = unique_counts(x * len(b.quotes) + y)
    scored = sorted(
        (-n / max(1, min(sizes_a[p // len(b.quotes)], sizes_b[p % len(b.quotes)])),
         int(p // len(b.quotes)), int(p % len(b.quotes)))
        for p, n in zip(pair_ids.tolist(), counts.tolist(), strict=True)
    )  # fmt: skip
    out: list[dict[str, Any]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for neg, qx, qy in scored:
        if qx in used_a or qy in used_b:
            continue
        used_a.add(qx)
        used_b.add(qy)
        (la, ha), (lb, hb) = a.quotes[qx], b.quotes[qy]
        out.append(_pair(Piece(text_a[la:ha], la, ha), Piece(text_b[lb:hb], lb, hb), -neg))
    out.sort(key=lambda p: p["a"].start)
    return out


def _quote_index(
    text: str, quotes: Sequence[tuple[int, int]]
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64]]:
    """Distinct 5-gram hashes of each quotation, and the quotation each came from."""
    parts = [shingles(text[lo:hi]) for lo, hi in quotes]
    if not parts:
        return np.zeros(0, np.uint64), np.zeros(0, np.int64)
    owner = np.repeat(np.arange(len(parts), dtype=np.int64), [len(p) for p in parts])
    return np.concatenate(parts), owner


def _pair(p: Piece, q: Piece, similarity: float) -> dict[str, Any]:
    """An :class:`AlignedPair` as plain data (validated once, with its relation).

    Copies align identical sentences, and a widely copied report's sentences recur in
    each of its relations: equal spans are one object, and equal texts one string.
    """
    return {
        "a": shared(Span(start=p.start, end=p.end)),
        "b": shared(Span(start=q.start, end=q.end)),
        "a_text": p.text,
        "b_text": p.text if q.text == p.text else q.text,
        "similarity": round(similarity, 4),
    }


def _relation(
    a: Article,
    b: Article,
    kind: RelationKind,
    score: float,
    original: str | None,
    original_by: str | None,
    evidence: list[dict[str, Any]],
    **extra: Any,
) -> Relation:
    # One validation call per relation: building the AlignedPair records one by one
    # (or with model_construct) is several times slower on large batches.
    return Relation.model_validate(
        {
            "a": a.id,
            "b": b.id,
            "kind": kind,
            "score": round(min(1.0, score), 4),
            "original": original,
            "original_by": original_by if original else None,
            "evidence": tuple(evidence),
            **extra,
        }
    )


def _duplicate(first: Article, copy: Article, first_units: list[Piece]) -> Relation:
    units = [p for p, _ in alignable_units(copy.text, prose_only=True)]
    pairs = zip(first_units[:MAX_EVIDENCE], units[:MAX_EVIDENCE], strict=False)
    evidence = [_pair(p, q, 1.0) for p, q in pairs]
    return _relation(
        first, copy, "duplicate", 1.0, _earlier(first, copy), "published_first", evidence
    )


# --------------------------------------------------------------------------- syndication


def _outlet_key(name: str) -> str:
    words = name.casefold().replace(".", " ").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _syndication(
    articles: Sequence[Article],
    docs: dict[int, _Doc],
    judged: dict[tuple[int, int], Relation],
    candidates: _Pairs,
    batch: _Batch,
) -> list[Relation]:
    """``syndicated`` relations from story credits; updates ``judged`` copies' originals."""
    credits: dict[int, list[CreditLine]] = {}
    for i, art in enumerate(articles):
        if art.credits and _on_topic(art, batch.cfg):
            found = story_credits(art)
            if found:
                credits[i] = found
    if not credits:
        return []
    by_outlet: dict[str, list[int]] = {}
    for i, lines in credits.items():
        for line in lines:
            by_outlet.setdefault(_outlet_key(line.outlet), []).append(i)
    own: dict[str, list[int]] = {}
    for i, art in enumerate(articles):
        if art.outlet and _outlet_key(art.outlet) in by_outlet and _on_topic(art, batch.cfg):
            own.setdefault(_outlet_key(art.outlet), []).append(i)
    out: list[Relation] = []
    linked: set[tuple[int, str]] = set()  # (crediting article, outlet) with a source here
    done: set[tuple[int, int]] = set()
    for outlet, crediting in by_outlet.items():
        line_of = {i: next(c for c in credits[i] if _outlet_key(c.outlet) == outlet)
                   for i in crediting}  # fmt: skip
        # The outlet's own report, credited by another report of the same story.
        for src in own.get(outlet, []):
            for i in crediting:
                if i == src or not _same_story(src, i, docs, candidates, len(crediting), batch):
                    continue
                linked.add((i, outlet))
                key = (min(src, i), max(src, i))
                done.add(key)
                rel = judged.get(key)
                source = articles[src]
                if rel is not None and rel.kind in COPY_KINDS:
                    update = _credit_fields(line_of[i])
                    if rel.original is None:
                        update.update(original=source.id, original_by="credited")
                    judged[key] = rel.model_copy(update=update)
                    continue
                judged.pop(key, None)  # shares_quotes gives way to the credit
                out.append(_credited(source, articles[i], line_of[i], docs, batch, key, src))
        # Reports crediting one outlet for one story: syndicated from one source.
        group = sorted(set(crediting))
        for x, y in _group_pairs(group, candidates, batch.cfg.credit_group_max):
            key = (x, y)
            if key in done or not _same_story(x, y, docs, candidates, len(group), batch):
                continue
            done.add(key)
            rel = judged.get(key)
            if rel is not None and rel.kind in COPY_KINDS:
                continue
            judged.pop(key, None)
            out.append(_co_credited(articles[x], articles[y], line_of[y], docs, batch, x, y))
    # Every other story credit: syndicated from the outlet itself (no article of it here).
    for i, lines in credits.items():
        for line in lines:
            if (i, _outlet_key(line.outlet)) in linked:
                continue
            out.append(_external(articles[i], line))
    return out


def _group_pairs(group: list[int], candidates: _Pairs, cap: int) -> list[tuple[int, int]]:
    if len(group) <= cap:
        return list(combinations(group, 2))
    return candidates.within(group)


def _same_story(
    x: int,
    y: int,
    docs: dict[int, _Doc],
    candidates: _Pairs,
    group_size: int,
    batch: _Batch,
) -> bool:
    """Whether two reports tell one story: TF-IDF cosine of their whole texts."""
    if x not in docs or y not in docs:
        return False
    key = (min(x, y), max(x, y))
    if group_size > batch.cfg.credit_group_max and key not in candidates:
        return False
    return _doc_cosine(docs[x], docs[y], batch) >= batch.cfg.same_story_sim


def _doc_cosine(a: _Doc, b: _Doc, batch: _Batch) -> float:
    ca, va = _doc_vector(a, batch)
    cb, vb = _doc_vector(b, batch)
    _, ia, ib = np.intersect1d(ca, cb, assume_unique=True, return_indices=True)
    return float(va[ia] @ vb[ib])


#: Whole-text vectors kept at once: a report that credits an agency is compared with every
#: other report crediting it (up to ``credit_group_max``), so each is built once per group.
_VECTOR_CACHE_DOCS = 4096


def _doc_vector(
    doc: _Doc, batch: _Batch
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """The doc's TF-IDF vector over its whole text: sorted word ids and unit-length weights."""
    if doc.vector is not None:
        return doc.vector
    cols, counts = unique_counts(doc.words.astype(np.int64))
    v = counts * batch.idf[cols]
    n = float(np.linalg.norm(v))
    doc.vector = (cols, v / n if n else v)
    batch.vector_docs.append(doc)
    if len(batch.vector_docs) > _VECTOR_CACHE_DOCS:
        batch.vector_docs.popleft().vector = None
    return doc.vector


def _credit_fields(line: CreditLine) -> dict[str, Any]:
    return {
        "credited": line.outlet,
        "credit_line": line.text,
        "credit_span": line.span,
    }


def _credited(
    source: Article,
    copy: Article,
    line: CreditLine,
    docs: dict[int, _Doc],
    batch: _Batch,
    key: tuple[int, int],
    src: int,
) -> Relation:
    x, y = key
    alignment = _align(docs[x], docs[y], batch)
    evidence = _evidence(docs[x], docs[y], alignment)
    a, b = (source, copy) if x == src else (copy, source)
    return _relation(
        a, b, "syndicated", 1.0, source.id, "credited", evidence, **_credit_fields(line)
    )


def _co_credited(
    a: Article, b: Article, line: CreditLine, docs: dict[int, _Doc], batch: _Batch, x: int, y: int
) -> Relation:
    alignment = _align(docs[x], docs[y], batch)
    evidence = _evidence(docs[x], docs[y], alignment)
    score = _doc_cosine(docs[x], docs[y], batch)
    return _relation(a, b, "syndicated", score, None, None, evidence, **_credit_fields(line))


def _external(article: Article, line: CreditLine) -> Relation:
    score = 1.0 if line.text is not None else 0.5
    return _relation(
        article, article, "syndicated", score, None, None, [], external=True,
        **_credit_fields(line),
    )  # fmt: skip


# --------------------------------------------------------------------------- dates


def _earlier(a: Article, b: Article) -> str | None:
    """The id of the strictly earlier-published article, when both dates are known."""
    ta, tb = publication_time(a), publication_time(b)
    if ta is None or tb is None or ta == tb:
        return None
    return a.id if ta < tb else b.id


__all__ = [
    "COPY_KINDS",
    "ProvenanceSettings",
    "find_relations",
    "origin_groups",
]
