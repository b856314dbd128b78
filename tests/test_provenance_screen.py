"""The pair screen of provenance (``core._screen``) only rules out pairs ``_judge`` finds
independent: relations are the same with and without it."""

from __future__ import annotations

import random

import numpy as np
import pytest

from corroborate.model import Article
from corroborate.provenance import ProvenanceSettings, core, find_relations

_WORDS = (
    "police officers gunman market crowd witnesses hospital injured killed suspect vehicle "
    "district mayor council statement investigation shooting fire bridge river village "
    "soldiers border protest rally storm flood victims rescue teams engineers school"
).split() + ["".join(random.Random(k).choices("bcdfgklmnprstvz", k=6)) for k in range(300)]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 14))]
    return "The " + " ".join(words) + f" near {rng.choice(['Quetta', 'Lahore', 'Delhi'])}."


def _batch(seed: int, n: int = 90) -> list[Article]:
    """Reports drawn from a few stories: copies, rewrites (words changed), shared quotes,
    shared stock sentences and unrelated ones."""
    rng = random.Random(seed)
    stories = [[_sentence(rng) for _ in range(12)] for _ in range(30)]
    quotes = [" ".join(rng.choice(_WORDS) for _ in range(14)) for _ in range(4)]
    stock = "Sign up for our newsletter to get the latest news every day."
    out = []
    for k in range(n):
        story = rng.choice(stories)
        picked = sorted(rng.sample(range(len(story)), rng.randint(3, 10)))
        sents = []
        for i in picked:
            words = story[i].split()
            for _ in range(rng.choice([0, 0, 1, 3, 6])):  # rewrite some words
                words[rng.randrange(1, len(words) - 1)] = rng.choice(_WORDS)
            sents.append(" ".join(words))
        if rng.random() < 0.3:
            sents.append(f'The minister said "{rng.choice(quotes)}" on Monday.')
        if rng.random() < 0.3:
            sents.append(stock)
        if rng.random() < 0.5:
            sents.insert(rng.randrange(len(sents) + 1), _sentence(rng))
        day = 1 + rng.randrange(28)
        out.append(Article.create(" ".join(sents), f"r{k}.txt", date=f"2024-03-{day:02d}"))
    return out


SETTINGS = [ProvenanceSettings(all_pairs_max=1000), ProvenanceSettings(all_pairs_max=0)]


@pytest.mark.parametrize("settings", SETTINGS, ids=["all_pairs", "lsh"])
@pytest.mark.parametrize("seed", range(4))
def test_screen_changes_no_relation(
    seed: int, settings: ProvenanceSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    arts = _batch(seed)
    screened = find_relations(arts, settings)
    ruled_out: list[int] = []
    screen = core._screen

    def judged_all(
        keys: np.ndarray, n: int, docs: dict[int, core._Doc], batch: core._Batch
    ) -> list[bool]:
        out = screen(keys, n, docs, batch)
        for (i, j), hopeless in zip(map(lambda k: divmod(int(k), n), keys), out, strict=True):
            if hopeless:  # the screen's promise, pair by pair
                assert core._judge(docs[i], docs[j], batch) is None, (i, j)
                ruled_out.append(i)
        return [False] * len(out)

    monkeypatch.setattr(core, "_screen", judged_all)
    unscreened = find_relations(arts, settings)
    assert [r.model_dump_json() for r in screened] == [r.model_dump_json() for r in unscreened]
    assert ruled_out  # the screen did rule pairs out
    assert any(r.kind in ("rewrite", "near_copy") for r in screened)


def test_screen_is_off_with_an_encoder() -> None:
    def encoder(sentences: list[str]) -> np.ndarray:
        return np.ones((len(sentences), 4), dtype=np.float32) / 2

    batch = core._Batch(
        np.ones(1), np.ones(1, dtype=np.int64), 1, {}, ProvenanceSettings(encoder=encoder)
    )
    keys = np.array([1, 2], dtype=np.int64)
    assert core._screen(keys, 3, {}, batch) == [False, False]
