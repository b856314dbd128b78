"""Tests of the events stage: grouping reports into real-world incidents, incrementally."""

from __future__ import annotations

import itertools
import json
import pickle
import random
from typing import Any

import pytest

from corroborate.events import EventGrouper, EventSettings, Weights, group_events, grouping
from corroborate.model import Article, Claim, Event, Place, Span


@pytest.fixture(scope="module")
def seeds(seed_articles: list[Article]) -> list[Article]:
    return seed_articles


@pytest.fixture(scope="module")
def corpus(events_corpus: list[Article]) -> list[Article]:
    return events_corpus


def _claim(article: Article, measure: str, value: int) -> Claim:
    return Claim(
        id=f"{article.key}-{measure}-{value}",
        article=article.id,
        span=Span(start=0, end=1),
        number_span=Span(start=0, end=1),
        text="x",
        measure=measure,
        group="all",
        group_text="people",
        value=value,
        number_text=str(value),
    )


Signals = tuple[list[Claim], dict[str, list[Place]]]


@pytest.fixture(scope="module")
def signals(corpus: list[Article], events_manifest: dict[str, Any]) -> Signals:
    by_key = {a.key: a for a in corpus}
    claims: list[Claim] = []
    places: dict[str, list[Place]] = {}
    for m in events_manifest["articles"]:
        art = by_key[m["key"]]
        claims += [_claim(art, measure, value) for measure, value in m["figures"]]
        places[art.id] = [Place(name=n, mention=n) for n in m["places"]]
    return claims, places


def _keys(events: list[Event], arts: list[Article]) -> list[list[str]]:
    key = {a.id: a.key for a in arts}
    return [[key[i] for i in e.articles] for e in events]


def _as_sets(events: list[Event] | dict[str, list[str]]) -> set[frozenset[str]]:
    if isinstance(events, dict):
        return {frozenset(v) for v in events.values()}
    return {frozenset(e.articles) for e in events}


def _by_key(corpus: list[Article]) -> dict[str, Article]:
    return {a.key: a for a in corpus}


# --- seeds ------------------------------------------------------------------------------


def test_seeds_are_one_event(seeds: list[Article]) -> None:
    (event,) = group_events(seeds)
    assert event.articles == tuple(a.id for a in seeds)
    assert event.id == "ev-" + seeds[0].id
    assert event.title and len(event.title) <= 101
    assert event.event_type == "attack"
    # Only one seed carries a publication date; it says "on Saturday" (2026-01-31).
    assert (event.date, event.date_precision) == ("2026-01-31", "day")
    assert event.facts == () and event.merged_from == ()


def test_seeds_one_by_one_are_one_event(seeds: list[Article]) -> None:
    g = EventGrouper()
    ids = {g.add(a) for a in seeds}
    assert len(g.events()) == 1
    assert g.event_id(seeds[-1].id) == "ev-" + seeds[0].id
    assert len(ids) >= 1


# --- invented corpus --------------------------------------------------------------------


@pytest.mark.parametrize("with_signals", [False, True], ids=["text_only", "with_signals"])
def test_incidents_are_found(
    corpus: list[Article], signals: Signals, with_signals: bool, events_manifest: dict[str, Any]
) -> None:
    """Two shootings in one town on one day stay apart; so do the others."""
    claims, places = signals if with_signals else ([], None)
    events = group_events(corpus, claims, places)
    assert _keys(events, corpus) == events_manifest["events"]
    assert [e.id for e in events] == ["ev-" + e.articles[0] for e in events]


def test_event_attributes(corpus: list[Article], signals: Signals) -> None:
    claims, places = signals
    market, bus, council, pub = group_events(corpus, claims, places)
    # Brenford's market shooting was on Saturday 2031-06-07; reports say "Saturday".
    assert (market.date, market.date_precision, market.event_type) == (
        "2031-06-07",
        "day",
        "shooting",
    )
    assert (pub.date, pub.event_type) == ("2031-06-07", "shooting")
    assert bus.date == "2031-06-10" and bus.event_type == "shooting"
    # Nothing dates the council story: its publication day stands in.
    assert (council.date, council.date_precision, council.event_type) == (
        "2031-06-09",
        "publication",
        None,
    )
    assert [p.name for p in market.places] == ["Brenford"]
    assert [p.name for p in bus.places] == ["Tallis Bay", "Kelmore"]
    assert all(e.places == () for e in group_events(corpus))
    assert "Brenford" in market.title and len(market.title) <= 101


@pytest.mark.parametrize("seed", range(6))
def test_batch_is_order_independent(corpus: list[Article], seed: int) -> None:
    expected = _as_sets(group_events(corpus))
    order = corpus[:]
    random.Random(seed).shuffle(order)
    assert _as_sets(group_events(order)) == expected


@pytest.mark.parametrize("seed", range(8))
def test_one_by_one_gives_the_batch_partition(
    corpus: list[Article], signals: Signals, seed: int
) -> None:
    claims, places = signals
    order = corpus[:]
    random.Random(seed).shuffle(order)
    grouper = EventGrouper()  # statistics grow as articles arrive
    for art in order:
        grouper.add(art, [c for c in claims if c.article == art.id], places.get(art.id, ()))
    assert _as_sets(grouper.events()) == _as_sets(group_events(corpus, claims, places))


def test_one_batch_grouper_matches_the_incremental_one_and_takes_one_batch(
    corpus: list[Article], signals: Signals
) -> None:
    claims, places = signals
    full = EventGrouper()
    full.update(corpus, claims, places)
    lean = EventGrouper(one_batch=True)
    lean.update(corpus, claims, places)
    assert lean.events() == full.events()
    with pytest.raises(ValueError, match="single update"):
        lean.update([Article.create("A ferry sank off Orrin Point.", "new.txt")])
    with pytest.raises(ValueError, match="saved"):
        lean.to_state()


def test_one_batch_grouper_with_a_tiny_probability_table_gives_the_same_events(
    corpus: list[Article], signals: Signals, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims, places = signals
    full = EventGrouper(one_batch=True)
    full.update(corpus, claims, places)
    monkeypatch.setattr(grouping, "_ONE_BATCH_CACHE", 2)  # pairs let go are scored again
    lean = EventGrouper(one_batch=True)
    lean.update(corpus, claims, places)
    assert lean.events() == full.events()


@pytest.mark.parametrize("size", [1, 2, 3])
def test_small_batches_give_the_batch_partition(corpus: list[Article], size: int) -> None:
    grouper = EventGrouper()
    for k in range(0, len(corpus), size):
        grouper.update(corpus[k : k + size])
    assert _as_sets(grouper.partition()) == _as_sets(group_events(corpus))


def test_add_returns_the_event_joined(corpus: list[Article]) -> None:
    by_key = _by_key(corpus)
    g = EventGrouper()
    first = g.add(by_key["brenford_1"])
    assert first == "ev-" + by_key["brenford_1"].id
    assert g.add(by_key["tallis_1"]) == "ev-" + by_key["tallis_1"].id
    assert g.add(by_key["brenford_2"]) == first
    assert g.add(by_key["brenford_2"]) == first  # adding again changes nothing
    assert len(g.events()) == 2
    assert g.link_probability(by_key["brenford_1"].id, by_key["brenford_2"].id) >= (
        g.settings.join_probability
    )
    assert g.update([by_key["brenford_1"]]) == []


# --- merges, splits, state --------------------------------------------------------------

_DEPOT = "Fire at the Halden fertiliser depot kills seven dock workers."
_WAREHOUSE = "Three firefighters missing after Northgate warehouse blaze."
_BRIDGE = (
    "Halden fertiliser depot fire: seven dock workers dead and three firefighters missing "
    "after the Northgate warehouse blaze spread to the depot."
)


def test_bridging_report_merges_events_and_is_recorded() -> None:
    a, b, c = (Article.create(t, f"{n}.txt") for n, t in enumerate((_DEPOT, _WAREHOUSE, _BRIDGE)))
    g = EventGrouper()
    assert g.add(a) != g.add(b)
    changes = g.update([c])
    assert g.event_id(c.id) == g.event_id(b.id) == "ev-" + a.id  # the older id survives
    assert [(ch.op, ch.event, ch.others) for ch in changes] == [
        ("merge", "ev-" + a.id, ("ev-" + b.id,))
    ]
    (event,) = g.events()
    assert event.articles == (a.id, b.id, c.id)
    assert event.merged_from == ("ev-" + b.id,)


def test_merges_inside_one_batch_are_not_news() -> None:
    arts = [Article.create(t, f"{n}.txt") for n, t in enumerate((_DEPOT, _WAREHOUSE, _BRIDGE))]
    g = EventGrouper()
    assert g.update(arts) == [] and g.history == []
    assert len(g.events()) == 1


def test_manual_split_and_merge(corpus: list[Article]) -> None:
    by_key = _by_key(corpus)
    g = EventGrouper()
    g.update(corpus)
    market = g.event_id(by_key["brenford_1"].id)
    new = g.split(market, [by_key["brenford_3"].id])
    assert new == "ev-" + by_key["brenford_3"].id
    assert g.event_id(by_key["brenford_1"].id) == market  # the founder's part keeps the id
    assert g.history[-1].op == "split" and g.history[-1].others == (new,)
    g.merge(market, new)
    assert g.event_id(by_key["brenford_3"].id) == market
    assert g.history[-1].op == "merge"
    with pytest.raises(ValueError):
        g.split(market, [by_key["tallis_1"].id])


def test_state_round_trip_continues_identically(corpus: list[Article], signals: Signals) -> None:
    claims, places = signals
    first, rest = corpus[:3], corpus[3:]
    straight = EventGrouper()
    straight.update(first, claims, places)
    state = json.loads(json.dumps(straight.to_state()))  # JSON-able
    restored = EventGrouper.from_state(state)
    assert restored.partition() == straight.partition()
    for g in (straight, restored):
        g.update(rest, claims, places)
    assert restored.partition() == straight.partition()
    assert [e.model_dump() for e in restored.events()] == [
        e.model_dump() for e in straight.events()
    ]


def test_state_rejects_unknown_versions() -> None:
    with pytest.raises(ValueError):
        EventGrouper.from_state({"version": 999})


def test_settings_survive_the_state() -> None:
    settings = EventSettings(join_probability=0.7, weights=Weights(names=5.0))
    g = EventGrouper(settings)
    g.add(Article.create("A storm hit Vessport.", "a.txt"))
    assert EventGrouper.from_state(g.to_state()).settings == settings


def test_settings_pickle_by_value() -> None:
    # Spark ships the settings to its workers; a compiled frozen class must still load.
    settings = EventSettings(join_probability=0.7, far_km=12.5, weights=Weights(names=5.0))
    copy = pickle.loads(pickle.dumps(settings))
    assert copy == settings and type(copy) is EventSettings
    assert copy.weights.names == 5.0


# --- signals and thresholds -------------------------------------------------------------


def test_far_apart_days_lower_the_link(corpus: list[Article]) -> None:
    by_key = _by_key(corpus)
    b1, b2 = by_key["brenford_1"], by_key["brenford_2"]
    close = group_events([b1, b2])
    later = b2.model_copy(update={"date": "2031-09-20"})
    g = EventGrouper()
    g.update([b1, later])
    h = EventGrouper()
    h.update([b1, b2])
    assert len(close) == 1
    assert g.link_probability(b1.id, later.id) < h.link_probability(b1.id, b2.id)


def test_places_and_figures_move_the_link(corpus: list[Article]) -> None:
    by_key = _by_key(corpus)
    b1, t1 = by_key["brenford_1"], by_key["tallis_1"]

    def prob(names: tuple[str, str], figures: bool) -> float:
        g = EventGrouper()
        g.update(
            [b1, t1],
            [_claim(a, "killed", 12) for a in (b1, t1)] if figures else [],
            {a.id: [Place(name=n, mention=n)] for a, n in zip((b1, t1), names, strict=True)},
        )
        return g.link_probability(b1.id, t1.id)

    other_place = prob(("Brenford", "Tallis Bay"), figures=False)
    same_place = prob(("Brenford", "Brenford"), figures=False)
    with_figures = prob(("Brenford", "Brenford"), figures=True)
    assert other_place < same_place < with_figures


def test_distant_towns_lower_the_link(corpus: list[Article]) -> None:
    by_key = _by_key(corpus)
    b1, b2 = by_key["brenford_1"], by_key["brenford_2"]

    def prob(lat: float) -> float:
        g = EventGrouper()
        g.update(
            [b1, b2],
            places={
                b1.id: [Place(name="Brenford", mention="Brenford", lat=51.0, lon=0.0)],
                b2.id: [Place(name="Elsewhere", mention="Elsewhere", lat=lat, lon=0.0)],
            },
        )
        return g.link_probability(b1.id, b2.id)

    assert prob(55.0) < prob(51.1)


@pytest.mark.parametrize(("threshold", "n_events"), [(1.01, 8), (0.5, 4)])
def test_threshold_is_tunable(corpus: list[Article], threshold: float, n_events: int) -> None:
    events = group_events(corpus, settings=EventSettings(join_probability=threshold))
    assert len(events) == n_events


_FOOTER = (
    "Please enable JavaScript to watch this video. Get email notifications on daily news and "
    "sign up for our best value subscription today with home delivery."
)
_TOPICS = [
    "Flooding closed the Arnholt bridge after three days of rain. Drivers took the ring road.",
    "The Vessport orchestra named Lena Marsh its new conductor. She starts in autumn.",
    "A fire destroyed a barn near Quillby; nobody was hurt. Firefighters stayed overnight.",
    "Tolmere council raised parking fees in the town centre. Shop owners protested.",
    "The Dunmore ferry resumed sailings after engine repairs. Queues formed at dawn.",
    "Carrow school pupils won a national robotics prize. Their robot sorts litter.",
    "Heavy snow cut power to Ellingham villages. Engineers worked through the night.",
    "A rare owl nested in the Brackwater church tower. Birdwatchers gathered below.",
]


def test_boilerplate_paragraphs_do_not_link_reports() -> None:
    arts = [Article.create(f"{t}\n{_FOOTER}", f"{n}.txt") for n, t in enumerate(_TOPICS)]
    assert len(group_events(arts)) == len(arts)
    # The same page furniture under two reports of one story does not keep them apart.
    copy = Article.create(f"{_TOPICS[0]} The county said repairs take a week.\n{_FOOTER}", "c")
    events = group_events([*arts, copy])
    assert len(events) == len(arts) and copy.id in events[0].articles


@pytest.mark.parametrize("pair", [(0, 1), (2, 5)])
def test_boilerplate_weight_lowers_the_link(pair: tuple[int, int]) -> None:
    arts = [Article.create(f"{t}\n{_FOOTER}", f"{n}.txt") for n, t in enumerate(_TOPICS)]
    a, b = (arts[i].id for i in pair)
    probs = []
    for docs in (3, 10_000):  # 10,000: no paragraph is ever page furniture
        g = EventGrouper(EventSettings(boilerplate_docs=docs))
        g.update(arts)
        probs.append(g.link_probability(a, b))
    assert probs[0] < probs[1]


def test_empty_input_and_titles() -> None:
    assert group_events([]) == []
    long = "word " * 60
    (event,) = group_events([Article.create(long.strip() + ".", "l.txt")])
    assert event.title.endswith("…") and len(event.title) <= 101
    titled = Article.create("Body text here.", "t.txt", title="  A headline here  ")
    assert group_events([titled])[0].title == "A headline here"


def test_title_is_the_most_representative_headline() -> None:
    texts = [
        ("Gunman kills four at Brenford market - Brenford Evening News", "Four shot at market."),
        ("Four killed in Brenford market shooting | WXYZ TV", "A gunman killed four."),
        ("Brenford market gunman kills four, wounds nine", "Nine wounded at the market."),
    ]
    arts = [Article.create(body, f"{n}.txt", title=t) for n, (t, body) in enumerate(texts)]
    g = EventGrouper(EventSettings(join_probability=0.0))
    g.update(arts)
    (event,) = g.events()
    assert " - " not in event.title and "|" not in event.title
    assert "Brenford" in event.title


@pytest.mark.parametrize("n", [2, 5])
def test_permutations_of_small_batches(corpus: list[Article], n: int) -> None:
    expected = _as_sets(group_events(corpus))
    for perm in itertools.islice(itertools.permutations(corpus), 0, 40, 40 // n):
        assert _as_sets(group_events(list(perm))) == expected


def test_merged_from_follows_chains_of_merges() -> None:
    texts = [
        "Fire at the Halden fertiliser depot kills seven dock workers.",
        "Three firefighters missing after Northgate warehouse blaze.",
        "Ferry Ormsby ran aground off Skellan point with forty passengers.",
    ]
    a, b, c = (Article.create(t, f"{n}.txt") for n, t in enumerate(texts))
    g = EventGrouper()
    for art in (a, b, c):
        g.add(art)
    g.merge("ev-" + b.id, "ev-" + c.id)
    g.merge("ev-" + a.id, "ev-" + b.id)
    (event,) = g.events()
    assert event.id == "ev-" + a.id
    assert set(event.merged_from) == {"ev-" + b.id, "ev-" + c.id}
    with pytest.raises(ValueError):
        g.merge("ev-" + a.id, "ev-nope")
