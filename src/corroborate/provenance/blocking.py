"""Candidate generation: MinHash LSH over sentence word sets, so alignment is not all-pairs.

Each alignable sentence gets a MinHash signature of its (stemmed, numberless) content-word
set; the signature is cut into ``bands`` bands of ``rows`` values and sentences that agree
on a whole band fall into one bucket. Two articles become a candidate pair when enough of
their sentence pairs share a bucket. A rewrite keeps most sentences' word sets (Jaccard
0.3-0.8), so it collides many times; two independent reports of one event share a few
names per sentence (Jaccard < 0.25) and rarely collide on a whole band.

Work is near-linear: hashing is vectorised with numpy, and a bucket larger than
``bucket_cap`` (boilerplate, or a wire sentence copied everywhere) only pairs each member
with its next ``window`` neighbours instead of all other members.

    >>> docs = [[["gunman", "opened", "fire", "market"]],
    ...         [["gunman", "opened", "fire", "market"]],
    ...         [["storm", "flooded", "valley", "road"]]]
    >>> sorted(candidate_pairs(docs, min_collisions=1))
    [(0, 1)]
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Sequence
from typing import Final

import numpy as np
import numpy.typing as npt

from corroborate.provenance.arrays import Ids, ranges, run_starts, unique, unique_counts

#: Bands x rows of the LSH scheme: with 16 bands of 3 rows a sentence pair of Jaccard 0.5
#: collides with probability 0.88, Jaccard 0.3 with 0.35 and Jaccard 0.1 with 0.016.
LSH_BANDS: Final = 16
LSH_ROWS: Final = 3

#: Buckets with more sentences than this are treated as boilerplate-like: each member is
#: paired only with its next LSH_WINDOW neighbours (keeps the work linear).
BUCKET_CAP: Final = 40
LSH_WINDOW: Final = 2

#: Distinct colliding sentence pairs needed before two articles are aligned: at least
#: MIN_COLLISIONS and MIN_COLLISION_SHARE of the shorter article's sentences (capped at that
#: article's size, so one-sentence briefs can still match). Seeds: the rewrite pair collides
#: 17 times over 15 sentences, independent pairs 1-6 times.
MIN_COLLISIONS: Final = 2
MIN_COLLISION_SHARE: Final = 0.15

_SEED: Final = 20260131
#: Sentence pairs turned into document pairs at once (bounds that step's memory; a slice
#: grows to hold a whole document's pairs).
_PAIR_CHUNK = 1 << 22
# Tokens gathered at once: bounds memory to ~ tokens * num_perm * 4 bytes.
_MAX_CHUNK: Final = 500_000


def word_hash(word: str) -> int:
    """Stable 31-bit hash of a word (crc32: independent of PYTHONHASHSEED and input order)."""
    return zlib.crc32(word.encode("utf-8")) % ((1 << 31) - 1)


def signatures(
    token_unit: Ids,
    token_word: Ids,
    word_hashes: npt.NDArray[np.uint64],
    n_units: int,
    num_perm: int = LSH_BANDS * LSH_ROWS,
) -> npt.NDArray[np.uint32]:
    """MinHash signatures (``n_units`` x ``num_perm``) of the units' word sets.

    ``token_unit`` (sorted) and ``token_word`` list each unit's distinct word ids;
    ``word_hashes[w]`` is :func:`word_hash` of word ``w``. Units without words keep the
    maximum value.

        >>> unit = np.array([0, 0, 1, 1, 2], dtype=np.int64)
        >>> word = np.array([0, 1, 1, 0, 2], dtype=np.int64)
        >>> hashes = np.array([word_hash(w) for w in "a b x".split()], dtype=np.uint64)
        >>> sig = signatures(unit, word, hashes, 3)
        >>> bool((sig[0] == sig[1]).all()), bool((sig[0] == sig[2]).all())
        (True, False)
    """
    mult, add = _permutations(num_perm)
    return np.ascontiguousarray(
        _signature_rows(token_unit, token_word, word_hashes, n_units, mult, add).T
    )


#: ``_permutations(LSH_BANDS * LSH_ROWS)``, as ``np.random.default_rng(_SEED)`` draws them:
#: the 48 multipliers, then the 48 offsets, 64-bit little-endian, in hex. Importing
#: ``numpy.random`` (16 ms on the development host) is then left to other sizes; a test
#: checks the table against the generator.
_DEFAULT_PERMUTATIONS: Final = (
    "6f87652c89c25fa4f3df695260c6825321cd87a8168880c93d464339e9b0bb7c"
    "05e1908e25b8ff8621b5bfe1c123f43ddf7324180d7c0e29f5521ad0a8595c4f"
    "516e83d98d7f1654793241f613f8deb7d7b5804d2cf283d3b78c4ce0a11783dc"
    "dd0a843e785df2bdad7401dd874d87a915c88d8ed8bc79a09323a126e89fbf8d"
    "37f1898ce99603d35d6aef80a5aee22fd5f69fb079dc17e8019a048223872bba"
    "7150c20e5009c528c5e2d6d6e3a002b119f375456ff0fee561fe61e4db683720"
    "db72dc07c100406ce146b61241c1094e13aa8cfe646dce6d3fcd6f70b742c0ad"
    "f1ea2c07d79012951dd0289293a9ec8b974b5fd133dcda0eb3f9694186d78a65"
    "839c420a02120cda33b66018eed8f0bd93f00aa656a81530db759d10ad971827"
    "9b9c25b05b1ecfe39564e04920ef7098d9d753f366a0d2a0716e411290e04d62"
    "1fc3ebb61bc53b36cd171ac23402fe68f38b77cd2f0657affd0c319f77f6cbce"
    "b7377885297170d9cb44d01733014a1033bcb6c8197c6e8f837c7e21f71b8b26"
    "e5ab2ea1ac0c807bfbf158933b3b7fec834bac92d2b89a4a0fa14db42fd393ad"
    "8dfabaf82487872744f54d005bbf756145411a2f8b440209b5c869281defa7a7"
    "ca8ff26912eb0bda300ce6d3c3bb867df3a6ddd278d294328e9e57206058ed8a"
    "491a50a86b6611ae607617932f8a4cbaffd164f3fb5ee2e50c090f642e46768c"
    "762d3c2e40fd24d3ac155038ff1fc8be516e47a7b591c789784e08462441eddb"
    "16d4d7fab3f3c598063bd3fb48a30d098798486e64b7773378d44462a16a5d29"
    "2c820025192b088ae56f4e50316d20474570c3218e1fa0c2f99261e76472f12a"
    "96c075b73bb46acb2371446bb544248b2461d46231a0da5a511e251bb7b2e7af"
    "ff393e6caa8905b5ff237b3cbfffcdfca9be5433d5e7d6873f5504e6b11a5175"
    "49a2a44e19e590247a912d25c7e09dbed1d31662f433672673d9406f195602a4"
    "027ebc7aa7e997b6c57211a55388cdc8dea55bc4c9068329f940968b05e76212"
    "2a4c4abaee39450fa849e8946aae0ed5040a596e302ede4881ef83bdf5f06175"
)


def _permutations(num_perm: int) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """The fixed multiply-shift hash functions (odd multipliers, offsets)."""
    if num_perm == LSH_BANDS * LSH_ROWS:
        both = np.frombuffer(bytes.fromhex(_DEFAULT_PERMUTATIONS), "<u8").astype(np.uint64)
        return both[:num_perm], both[num_perm:]
    return _drawn_permutations(num_perm)


def _drawn_permutations(num_perm: int) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """:func:`_permutations` as drawn from the seeded generator (what the table holds)."""
    rng = np.random.default_rng(_SEED)
    top = np.iinfo(np.uint64).max
    mult = rng.integers(1, top, size=num_perm, dtype=np.uint64, endpoint=True) | np.uint64(1)
    add = rng.integers(0, top, size=num_perm, dtype=np.uint64, endpoint=True)
    return mult, add


def _signature_rows(
    token_unit: Ids,
    token_word: Ids,
    word_hashes: npt.NDArray[np.uint64],
    n_units: int,
    mult: npt.NDArray[np.uint64],
    add: npt.NDArray[np.uint64],
) -> npt.NDArray[np.uint32]:
    """Min-hashes (``len(mult)`` x ``n_units``) under the given hash functions."""
    # Permuted value of every vocabulary word, once (multiply-shift hashing with wrapping
    # uint64 arithmetic); tokens then only gather from this table.
    table = ((mult[:, None] * word_hashes[None, :] + add[:, None]) >> np.uint64(32)).astype(
        np.uint32
    )
    out = np.full((len(mult), n_units), np.iinfo(np.uint32).max, dtype=np.uint32)
    n, lo = len(token_unit), 0
    while lo < n:
        hi = min(n, lo + _MAX_CHUNK)
        if hi < n:
            # Cut on a unit boundary so each reduceat segment is one whole unit.
            cut = int(np.searchsorted(token_unit, token_unit[hi], side="left"))
            hi = cut if cut > lo else int(np.searchsorted(token_unit, token_unit[lo], "right"))
        units = token_unit[lo:hi]
        starts = np.flatnonzero(run_starts(units))
        out[:, units[starts]] = np.minimum.reduceat(table[:, token_word[lo:hi]], starts, axis=1)
        lo = hi
    return out


def candidate_pairs(
    docs: Sequence[Sequence[Sequence[str]]],
    *,
    bands: int = LSH_BANDS,
    rows: int = LSH_ROWS,
    bucket_cap: int = BUCKET_CAP,
    window: int = LSH_WINDOW,
    min_collisions: int = MIN_COLLISIONS,
    min_collision_share: float = MIN_COLLISION_SHARE,
) -> set[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of documents worth aligning.

    ``docs[d][u]`` is the word list of sentence ``u`` of document ``d``. A convenience over
    :func:`candidate_pairs_hashed`, which takes pre-hashed arrays.
    """
    return candidate_pairs_hashed(
        *token_arrays(docs),
        bands=bands,
        rows=rows,
        bucket_cap=bucket_cap,
        window=window,
        min_collisions=min_collisions,
        min_collision_share=min_collision_share,
    )


def token_arrays(
    docs: Sequence[Sequence[Sequence[str]]],
) -> tuple[
    npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.uint64]
]:
    """The arrays :func:`candidate_pairs_hashed` takes, from word lists: each sentence's
    document, each sentence's distinct word ids (sorted), and every word's hash.

    ``docs[d][u]`` is the word list of sentence ``u`` of document ``d``.
    """
    vocab: dict[str, int] = {}
    unit_doc: list[int] = []
    token_unit: list[int] = []
    token_word: list[int] = []
    for d, units in enumerate(docs):
        for words in units:
            ids = sorted({vocab.setdefault(w, len(vocab)) for w in words})
            token_unit += [len(unit_doc)] * len(ids)
            token_word += ids
            unit_doc.append(d)
    return (
        np.asarray(unit_doc, dtype=np.int64),
        np.asarray(token_unit, dtype=np.int64),
        np.asarray(token_word, dtype=np.int64),
        np.fromiter((word_hash(w) for w in vocab), dtype=np.uint64, count=len(vocab)),
    )


def candidate_pairs_hashed(
    unit_doc: npt.NDArray[np.int64],
    token_unit: Ids,
    token_word: Ids,
    word_hashes: npt.NDArray[np.uint64],
    *,
    bands: int = LSH_BANDS,
    rows: int = LSH_ROWS,
    bucket_cap: int = BUCKET_CAP,
    window: int = LSH_WINDOW,
    min_collisions: int = MIN_COLLISIONS,
    min_collision_share: float = MIN_COLLISION_SHARE,
) -> set[tuple[int, int]]:
    """Candidate document pairs from array input.

    ``unit_doc``: the document of each unit, in order; ``token_unit`` (sorted) and
    ``token_word``: each unit's distinct word ids; ``word_hashes``: :func:`word_hash` of
    each word id.
    """
    a, b, _ = candidate_pair_counts(
        unit_doc,
        token_unit,
        token_word,
        word_hashes,
        bands=bands,
        rows=rows,
        bucket_cap=bucket_cap,
        window=window,
        min_collisions=min_collisions,
        min_collision_share=min_collision_share,
    )
    return set(zip(a.tolist(), b.tolist(), strict=True))


def candidate_pair_counts(
    unit_doc: npt.NDArray[np.int64],
    token_unit: Ids,
    token_word: Ids,
    word_hashes: npt.NDArray[np.uint64],
    *,
    bands: int = LSH_BANDS,
    rows: int = LSH_ROWS,
    bucket_cap: int = BUCKET_CAP,
    window: int = LSH_WINDOW,
    min_collisions: int = MIN_COLLISIONS,
    min_collision_share: float = MIN_COLLISION_SHARE,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Like :func:`candidate_pairs_hashed`, as arrays ``(a, b, collisions)`` with ``a < b``.

    ``collisions`` counts the distinct sentence pairs of the two documents that share a
    bucket in at least one band.
    """
    empty = np.zeros(0, dtype=np.int64)
    if len(unit_doc) == 0:
        return empty, empty, empty
    mult, add = _permutations(bands * rows)
    n_units = np.int64(len(unit_doc))
    # Distinct cross-document sentence pairs so far (a pair colliding in several bands counts
    # once), merged band by band: identical sentences collide in every band, and keeping
    # every band's pairs until the end was the stage's peak memory.
    unit_pairs = empty
    for band in range(bands):
        # One band at a time, so memory holds ``rows`` signature values per unit, not all.
        part = slice(band * rows, (band + 1) * rows)
        sig = _signature_rows(
            token_unit, token_word, word_hashes, len(unit_doc), mult[part], add[part]
        )
        # Fold the band's rows into one key; uint64 wrap-around is fine for bucketing.
        key = sig[0].astype(np.uint64)
        for r in range(1, rows):
            key = key * np.uint64(0x9E3779B97F4A7C15) + sig[r]
        order = np.argsort(key, kind="stable")
        sorted_key = key[order]
        del sig, key
        cuts = np.flatnonzero(sorted_key[1:] != sorted_key[:-1]) + 1
        del sorted_key
        # A stable sort keeps each bucket's units in ascending order: u < v.
        u, v = _run_pairs(order, np.concatenate(([0], cuts, [len(order)])), bucket_cap, window)
        del order, cuts
        cross = unit_doc[u] != unit_doc[v]
        new = u[cross]
        del u
        new *= n_units
        new += v[cross]
        del v, cross
        unit_pairs = _merge_sorted(unit_pairs, unique(new))
        del new
    # Units are numbered in document order, so the lower unit's document is the lower one,
    # and the sentence pairs of one document pair lie together among the sorted pairs.
    n_docs = int(unit_doc[-1]) + 1
    doc_start = np.searchsorted(unit_doc, np.arange(n_docs + 1))
    sizes_by_doc = np.diff(doc_start)
    # Counted a slice of sentence pairs at a time, each slice cut where a lower document
    # starts so that it holds every sentence pair of its document pairs; only the pairs
    # that pass are kept. Counting all document pairs at once (most collide only once) was
    # the stage's peak memory at 100k reports.
    found: list[tuple[npt.NDArray[np.int64], ...]] = []
    lo = 0
    while lo < unit_pairs.size:
        hi = min(unit_pairs.size, lo + _PAIR_CHUNK)
        if hi < unit_pairs.size:
            doc = int(unit_doc[unit_pairs[hi] // n_units])
            cut = int(np.searchsorted(unit_pairs, doc_start[doc] * n_units))
            hi = cut if cut > lo else int(np.searchsorted(unit_pairs, doc_start[doc + 1] * n_units))
        chunk = unit_pairs[lo:hi]
        keys = unit_doc[chunk // n_units]
        keys *= n_docs
        keys += unit_doc[chunk % n_units]
        pairs, counts = unique_counts(keys)
        a, b = pairs // n_docs, pairs % n_docs
        shorter = np.minimum(sizes_by_doc[a], sizes_by_doc[b])
        need = np.maximum(min_collisions, np.ceil(min_collision_share * shorter).astype(np.int64))
        keep = counts >= np.minimum(need, shorter)
        found.append((a[keep], b[keep], counts[keep]))
        lo = hi
    if not found:
        return empty, empty, empty
    a, b, counts = (np.concatenate(parts) for parts in zip(*found, strict=True))
    return a, b, counts


def _merge_sorted(
    old: npt.NDArray[np.int64], new: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """The sorted distinct values of two sorted distinct arrays, with one copy of ``old``
    (sorting the two concatenated costs several: ``old`` grows to millions of pairs)."""
    at = np.searchsorted(old, new)
    seen = at < old.size
    seen[seen] = old[at[seen]] == new[seen]
    return np.insert(old, at[~seen], new[~seen])


@functools.lru_cache(maxsize=256)
def _bucket_pairs(
    n: int, bucket_cap: int, window: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Index pairs within a bucket of ``n``: all pairs, or a sliding window when too big."""
    if n <= bucket_cap:
        x, y = np.triu_indices(n, k=1)
        return x.astype(np.int64), y.astype(np.int64)
    x = np.repeat(np.arange(n, dtype=np.int64), window)
    y = x + np.tile(np.arange(1, window + 1, dtype=np.int64), n)
    keep = y < n
    return x[keep], y[keep]


def _run_pairs(
    members: npt.NDArray[np.int64], bounds: npt.NDArray[np.int64], bucket_cap: int, window: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The pairs ``(members[x], members[y])``, ``x < y``, within each run
    ``members[bounds[k]:bounds[k + 1]]``: all pairs of a run up to ``bucket_cap``
    members, each member with its next ``window`` ones in a larger run.

    Runs of one size are paired together (a Python step per run was most of the time).

        >>> m = np.arange(10, 17, dtype=np.int64)
        >>> u, v = _run_pairs(m, np.array([0, 1, 3, 7]), bucket_cap=3, window=1)
        >>> sorted(zip(u.tolist(), v.tolist()))
        [(11, 12), (13, 14), (14, 15), (15, 16)]
    """
    sizes = np.diff(bounds)
    starts = bounds[:-1]
    us: list[npt.NDArray[np.int64]] = [np.zeros(0, dtype=np.int64)]
    vs: list[npt.NDArray[np.int64]] = [np.zeros(0, dtype=np.int64)]
    for size in unique(sizes[(sizes >= 2) & (sizes <= bucket_cap)]).tolist():
        x, y = _bucket_pairs(size, bucket_cap, window)
        at = starts[sizes == size][:, None]
        us.append(members[(at + x).ravel()])
        vs.append(members[(at + y).ravel()])
    big = sizes > bucket_cap
    if big.any():
        at = ranges(starts[big], sizes[big])
        end = np.repeat(bounds[1:][big], sizes[big])
        for step in range(1, window + 1):
            ok = at + step < end
            us.append(members[at[ok]])
            vs.append(members[at[ok] + step])
    return np.concatenate(us), np.concatenate(vs)


def shared_key_pairs(
    keys: Sequence[npt.NDArray[np.uint64]],
    *,
    min_shared: int,
    bucket_cap: int = BUCKET_CAP,
    window: int = LSH_WINDOW,
) -> dict[tuple[int, int], int]:
    """Document pairs sharing at least ``min_shared`` keys (e.g. hashes of quoted 5-grams).

    An inverted index built by sorting: each key's documents are paired like an LSH bucket
    (all pairs, or a sliding window past ``bucket_cap``), so a statement quoted by
    thousands of reports stays linear. Returns ``{(i, j): shared}`` with ``i < j``.

        >>> k = [np.array([1, 2, 3], np.uint64), np.array([2, 3, 9], np.uint64),
        ...      np.array([7], np.uint64)]
        >>> shared_key_pairs(k, min_shared=2)
        {(0, 1): 2}
    """
    sizes = [len(k) for k in keys]
    if sum(sizes) == 0:
        return {}
    key = np.concatenate([np.asarray(k, dtype=np.uint64) for k in keys])
    doc = np.repeat(np.arange(len(keys), dtype=np.int64), sizes)
    order = np.lexsort((doc, key))
    key, doc = key[order], doc[order]
    keep = np.r_[True, (key[1:] != key[:-1]) | (doc[1:] != doc[:-1])]
    key, doc = key[keep], doc[keep]
    cuts = np.flatnonzero(key[1:] != key[:-1]) + 1
    # Sorted by document within a key: lo < hi.
    lo, hi = _run_pairs(doc, np.concatenate(([0], cuts, [len(key)])), bucket_cap, window)
    n = np.int64(len(keys))
    pairs, counts = unique_counts(lo * n + hi)
    good = counts >= min_shared
    return {
        (int(p // n), int(p % n)): int(c)
        for p, c in zip(pairs[good].tolist(), counts[good].tolist(), strict=True)
    }
