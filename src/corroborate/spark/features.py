"""The per-article pass: every stage that needs one article at a time, in one mapInPandas.

For each article it runs the registered ``claims`` and ``places`` stages of
``corroborate.pipeline`` unchanged (on a batch of one) and computes the per-article inputs
of the comparing stages:

* provenance: the duplicate key (folded text), whether the body tells the titled story,
  the MinHash band keys of every alignable sentence (the same keys
  ``provenance.blocking`` computes: they depend only on each word's crc32), stable
  hashes of the quoted 5-grams, each sentence's words (for batch-wide IDF) and folded
  text (for stock sentences), the publication time and headline (for page furniture) and
  the outlets it credits for its story;
* events: the publication day and the regions it names (for blocking), and what the
  event grouper counts in its word statistics (for batch-wide statistics in each block).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from corroborate.model import Article, Place
from corroborate.provenance.graph import publication_time

if TYPE_CHECKING:
    import pandas as pd

    from corroborate.spark.settings import SparkSettings

FEATURE_SCHEMA = ", ".join(
    [
        "ord long", "id string", "json string",
        # flat article columns, for the articles table
        "key string", "source string", "format string", "title string", "outlet string",
        "author string", "date string", "url string", "language string",
        # claims and places
        "claims array<string>", "places string",
        # provenance
        "norm string", "units_on_topic boolean", "text_on_topic boolean", "n_units int",
        "lsh array<bigint>", "quotes array<bigint>", "unit_words array<string>",
        "sentence_keys array<bigint>", "credits array<string>", "outlet_key string",
        "ts double", "title_key string",
        # events
        "day int", "regions array<string>", "event_keys array<string>",
        "paragraphs array<string>",
    ]
)  # fmt: skip

_WORD = re.compile(r"\w+")
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def outlet_key(name: str) -> str:
    """An outlet's name folded for matching credits ("The A.P." ~ "a p")."""
    words = name.casefold().replace(".", " ").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def stable_hash(text: str) -> int:
    """A 64-bit signed hash that is the same in every process (unlike ``hash``)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(),
                          "little", signed=True)  # fmt: skip


def quoted_grams(text: str) -> list[int]:
    """Stable hashes of the word 5-grams inside the article's quotations (the same grams
    ``provenance.features.quoted_shingles`` compares, hashed stably)."""
    from corroborate.provenance.features import SHINGLE_SIZE, normalised, quoted_spans

    size = SHINGLE_SIZE
    out: set[int] = set()
    for lo, hi in quoted_spans(text):
        words = _WORD.findall(normalised(text[lo:hi]).replace("'", ""))
        for k in range(len(words) - size + 1):
            out.add(stable_hash(" ".join(words[k : k + size])))
    return sorted(out)


def band_keys(units: list[list[str]], bands: int, rows: int) -> list[int]:
    """The LSH bucket key of every (sentence, band), sentence-major: ``provenance.
    blocking``'s signatures, folded per band exactly as ``candidate_pair_counts`` does."""
    from corroborate.provenance.blocking import signatures, word_hash

    if not units:
        return []
    vocab: dict[str, int] = {}
    token_unit: list[int] = []
    token_word: list[int] = []
    for u, words in enumerate(units):
        ids = sorted({vocab.setdefault(w, len(vocab)) for w in words})
        token_unit.extend([u] * len(ids))
        token_word.extend(ids)
    hashes = np.fromiter((word_hash(w) for w in vocab), dtype=np.uint64, count=len(vocab))
    sig = signatures(
        np.asarray(token_unit, dtype=np.int64),
        np.asarray(token_word, dtype=np.int64),
        hashes,
        len(units),
        bands * rows,
    )
    keys = np.empty((len(units), bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(bands):
            key = sig[:, band * rows].astype(np.uint64)
            for r in range(1, rows):
                key = key * _GOLDEN + sig[:, band * rows + r]
            keys[:, band] = key
    return [int(k) for k in keys.reshape(-1).view(np.int64)]


def event_vocabulary_keys(
    art: Article, claims: list[Any], places: list[Place]
) -> tuple[list[str], list[str]]:
    """What the event grouper counts for an article in its word statistics: the distinct
    keys of each channel (``"channel\\0key"``) and the paragraph hashes. Empty when the
    grouper's features have changed shape (the blocks then use their own statistics)."""
    try:
        from corroborate.events import article_features
        from corroborate.events.scoring import channel_key_sets

        feats = article_features(art, claims, places)
        keys = channel_key_sets(feats)
        flat = sorted({f"{channel}\0{k}" for channel, ks in keys.items() for k in ks})
        return flat, sorted({str(p[0]) for p in feats.paragraphs})
    except Exception:  # a refactoring of the events stage: fall back, never fail the job
        return [], []


def region_keys(places: Iterable[Place]) -> list[str]:
    """Coarse regions (first-level division, else country, else the name) for blocking."""
    out: dict[str, None] = {}
    for p in places:
        if p.admin1:
            out[f"{p.country or ''}/{p.admin1}".casefold()] = None
        elif p.country:
            out[p.country.casefold()] = None
        else:
            out[p.name.casefold()] = None
    return list(out)


def article_features(art: Article, settings: SparkSettings) -> dict[str, Any]:
    """Every per-article result and feature of one article (one row of FEATURE_SCHEMA)."""
    from corroborate.pipeline import STAGES, Batch
    from corroborate.provenance.credits import story_credits
    from corroborate.provenance.features import alignable_units, normalised, title_coverage

    cfg = settings.provenance
    # The registered stages, as analyse() runs them (a replaced stage is honoured).
    batch = Batch(articles=[art])
    STAGES["claims"](batch)
    STAGES["places"](batch)
    claims, places = batch.claims, batch.places.get(art.id, [])
    norm = normalised(art.text)
    found = alignable_units(art.text, prose_only=True)  # the sentences find_relations aligns
    units = [words for _, words in found]
    distinct = [sorted(set(words)) for words in units]
    stamp = publication_time(art)
    event_keys, paragraphs = event_vocabulary_keys(art, claims, places)
    body = {w for words in distinct for w in words}
    cov_units = title_coverage(art.title, art.text, body)
    cov_text = title_coverage(art.title, art.text)
    text_on_topic = cov_text is None or cov_text >= cfg.title_coverage
    credits: list[str] = []
    if art.credits and text_on_topic:
        credits = list(dict.fromkeys(outlet_key(c.outlet) for c in story_credits(art)))
    day = art.pub_date
    return {
        "ord": None,
        "id": art.id,
        "json": None,
        "key": art.key,
        "source": art.source,
        "format": art.format,
        "title": art.title,
        "outlet": art.outlet,
        "author": art.author,
        "date": art.date,
        "url": art.url,
        "language": art.language,
        "claims": [c.model_dump_json() for c in claims],
        "places": json.dumps([p.model_dump(mode="json") for p in places]),
        "norm": hashlib.blake2b(norm.encode("utf-8"), digest_size=16).hexdigest() if norm else None,
        "units_on_topic": cov_units is None or cov_units >= cfg.title_coverage,
        "text_on_topic": text_on_topic,
        "n_units": len(units),
        "lsh": band_keys(distinct, cfg.lsh_bands, cfg.lsh_rows),
        "quotes": quoted_grams(art.text),
        "unit_words": [w for words in distinct for w in words],
        "sentence_keys": sorted({stable_hash(" ".join(p.text.casefold().split()))
                                 for p, _ in found}),
        "ts": stamp.replace(tzinfo=dt.UTC).timestamp() if stamp else None,
        "title_key": (art.title or "").casefold().strip() if art.title else None,
        "credits": credits,
        "outlet_key": outlet_key(art.outlet) if art.outlet and text_on_topic else None,
        "day": day.toordinal() if day else None,
        "regions": region_keys(places),
        "event_keys": event_keys,
        "paragraphs": paragraphs,
    }


def features_batches(
    batches: Iterable[pd.DataFrame], settings: SparkSettings
) -> Iterator[pd.DataFrame]:
    """mapInPandas body: article rows (ord, id, json) to feature rows."""
    import pandas as pd

    for pdf in batches:
        rows = []
        for ord_, raw in zip(pdf["ord"], pdf["json"], strict=True):
            art = Article.model_validate_json(raw)
            row = article_features(art, settings)
            row["ord"] = int(ord_)
            row["json"] = raw
            rows.append(row)
        if rows:
            out = pd.DataFrame(rows)
            yield out.astype({"ord": "int64", "n_units": "int32", "day": "Int32"})
