"""Batch-wide statistics for provenance, when Spark hands it one block of the batch at a
time.

``find_relations`` weighs words by how rare they are *in the batch* (TF-IDF over
sentences; "rare names" for telling two incidents apart). Run on one block, it would weigh
words by the block instead, and decide differently than over the whole batch. Spark counts
the words over the whole batch once; :func:`provenance_statistics` makes the unchanged
stage code use those counts inside each block, so a block judges its pairs exactly as a
single-machine run over the whole batch would.

``find_relations`` computes these statistics in two private functions
(``provenance.core._batch_stats``, ``_mark_aside``). The hooks wrap only those, check
their results still have the expected fields, and fall back to block-local statistics
with a warning when a refactoring has moved them (the Spark tests then show the
difference). A public parameter for batch statistics in ``find_relations`` would make the
hooks unnecessary.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np

log = logging.getLogger(__name__)
_warned: set[str] = set()


def _warn_once(what: str) -> None:
    if what not in _warned:
        _warned.add(what)
        log.warning("corroborate.spark: %s; using block-local statistics", what)


@dataclass(frozen=True)
class WordStats:
    """Counts over the batch's representative articles (one per duplicate set).

    ``unit_df[w]``: alignable sentences using word ``w``; ``doc_df[w]``: articles using it;
    ``sentence_docs[k]``: articles with the sentence whose folded text hashes to ``k``
    (:func:`corroborate.spark.features.stable_hash`; only those in two or more).
    """

    n_units: int
    n_docs: int
    unit_df: Mapping[str, int]
    doc_df: Mapping[str, int]
    sentence_docs: Mapping[int, int]


@contextmanager
def provenance_statistics(stats: WordStats | None) -> Iterator[bool]:
    """Inside the block, ``find_relations`` uses ``stats`` instead of the block's own: word
    frequencies (TF-IDF, rare names) and stock sentences (set aside when found in at least
    ``common_sentence_docs`` texts of the batch).

    Yields whether the hooks are in place. Python workers run one task at a time, so
    swapping module attributes for the duration of one call is safe.
    """
    if stats is None:
        yield False
        return
    from corroborate.provenance import core

    original: Callable[..., Any] | None = getattr(core, "_batch_stats", None)
    aside: Callable[..., Any] | None = getattr(core, "_mark_aside", None)
    if original is None or aside is None:
        _warn_once("provenance.core._batch_stats or _mark_aside is gone")
        yield False
        return

    def batch_wide(*args: Any, **kwargs: Any) -> Any:
        batch = original(*args, **kwargs)
        vocab = getattr(batch, "vocab", None)
        cfg = getattr(batch, "cfg", None)
        if not isinstance(vocab, dict) or cfg is None or not hasattr(batch, "idf"):
            _warn_once("provenance batch statistics changed shape")
            return batch
        words = sorted(vocab, key=vocab.__getitem__)
        unit_df = np.fromiter((stats.unit_df.get(w, 1) for w in words), np.float64, len(words))
        doc_df = np.fromiter((stats.doc_df.get(w, 1) for w in words), np.int64, len(words))
        batch.idf = np.log((1 + stats.n_units) / (1 + unit_df)) + 1.0
        batch.doc_freq = doc_df
        batch.rare_cut = max(
            cfg.rare_name_min_docs, math.floor(cfg.rare_name_share * stats.n_docs)
        )
        return batch

    def stock_sentences(docs: Any, cfg: Any, *args: Any, **kwargs: Any) -> Any:
        from corroborate.spark.features import stable_hash

        result = aside(docs, cfg, *args, **kwargs)
        need = getattr(cfg, "common_sentence_docs", None)
        for doc in docs:
            if need is None or not all(
                hasattr(doc, a) for a in ("units", "unit_quoted", "unit_aside")
            ):
                _warn_once("provenance stock-sentence marks changed shape")
                return result
            keys = [stable_hash(" ".join(u.text.casefold().split())) for u in doc.units]
            doc.unit_aside = [
                bool(quoted) or stats.sentence_docs.get(k, 1) >= need
                for quoted, k in zip(doc.unit_quoted, keys, strict=True)
            ]
        return result

    core._batch_stats = batch_wide
    core._mark_aside = stock_sentences
    try:
        yield True
    finally:
        core._batch_stats = original
        core._mark_aside = aside
