"""Group reports into real-world events, incrementally.

Every pair of reports gets a link probability from several signals (text, headline, names,
streets, places, figures, incident days, distance; :mod:`corroborate.events.scoring`).
Events are built by *average linkage*, online:

1. a new report joins the event whose members it links to with the highest **mean**
   probability, when that mean reaches :attr:`EventSettings.join_probability`; otherwise
   it opens a new event;
2. when it also reaches that mean with other events, and the events' own mean
   probability (group average, new report included) does too, they **merge**;
3. after each batch, every event the batch touched is checked again with the statistics
   as they now stand: its members are re-clustered by average linkage and the event is
   **split** when they fall apart, then events that now belong together merge.

Only earlier reports sharing a rare word, a name, a street, a town, a figure or an
incident day with the new one are scored (an inverted index; keys held by more than
``max_postings`` reports are not distinctive and are skipped), so the cost per report does
not grow with the number of reports seen.

Event ids are ``"ev-" + the id of the event's founding report``: an event keeps its id when
others merge into it (the older event's id wins) and when it is split (the part with the
founding report keeps it). Merges and splits of events that existed before a batch (the
ones a store or a reader may already hold) are recorded in :attr:`EventGrouper.history`
and in :attr:`corroborate.model.Event.merged_from`; events opened and merged within one
batch were never shown to anyone and are not news.

:meth:`EventGrouper.to_state` is plain JSON-able data (features of every report, word
statistics, events, links, history); :meth:`EventGrouper.from_state` continues from it.
"""

from __future__ import annotations

import dataclasses
import math
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np

from corroborate.events.describe import Member, date_of, places_of, title_of, type_of
from corroborate.events.features import Features, Paragraphs, article_features
from corroborate.events.scoring import (
    Scratch,
    Vectors,
    Vocabulary,
    Weights,
    channel_key_sets,
    channel_keys,
    link_logits,
    sigmoid,
    signals,
    vectors,
)
from corroborate.model import Article, Claim, Event, Place
from corroborate.text import leading_sentences

STATE_VERSION: Final = 1


@dataclass(frozen=True, slots=True)
class EventSettings:
    """Tunable weights and thresholds of :class:`EventGrouper` (docs/events.md)."""

    #: Log-odds weights of the pairwise link probability.
    weights: Weights = field(default_factory=Weights)
    #: Mean link probability at which a report joins an event, and two events merge.
    join_probability: float = 0.4
    #: Towns further apart than this (km) count as different places.
    far_km: float = 50.0
    #: A paragraph found in more reports than this is page furniture (weight n/this).
    boilerplate_docs: int = 3
    #: Fixed IDF background: pseudo-documents, and the share holding each generic word.
    background_docs: float = 20.0
    generic_share: float = 0.5
    #: Blocking: rarest words looked up per report, most-hit reports scored, and keys
    #: held by more reports than this skipped as not distinctive.
    index_words: int = 30
    max_candidates: int = 20
    max_postings: int = 200
    #: Members of one event scored against a report (the latest ones), for huge events.
    max_members: int = 50
    #: Vectors are rebuilt with fresh IDF when the collection has grown by this factor.
    refresh_growth: float = 1.5
    #: Rounds of split/merge checks after each batch.
    refine_rounds: int = 3

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EventSettings:
        values = dict(data)
        values["weights"] = Weights(**values.get("weights", {}))
        return cls(**values)

    def __reduce__(self) -> tuple[type[EventSettings], tuple[Any, ...]]:
        # Pickled through the constructor, as Weights is: Spark ships the settings to its
        # workers, and a frozen class compiled by mypyc can not be rebuilt field by field.
        return EventSettings, tuple(getattr(self, f.name) for f in dataclasses.fields(self))


@dataclass(slots=True)
class _Doc:
    article_id: str
    headline: str | None
    lede: str
    features: Features
    vec: Vectors | None = None
    #: Earlier documents found by blocking when this one was placed (C ints: a list of
    #: Python ints costs five times the memory).
    cands: Sequence[int] = ()
    #: Its :func:`channel_keys` while the document is being placed.
    keys: dict[str, list[str]] | None = None

    def channel_keys(self) -> dict[str, list[str]]:
        if self.keys is None:
            self.keys = channel_keys(self.features)
        return self.keys


@dataclass(frozen=True, slots=True)
class Change:
    """One merge or split, as recorded in :attr:`EventGrouper.history`."""

    op: str  # "merge" | "split"
    event: str  # the surviving (merge) or original (split) event id
    others: tuple[str, ...]  # merged-in ids (merge) or new ids (split)
    batch: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "event": self.event,
            "others": list(self.others),
            "batch": self.batch,
        }


class EventGrouper:
    """Incremental event grouping: feed batches of articles, read events at any time.

    >>> from corroborate.model import Article
    >>> g = EventGrouper()
    >>> a = Article.create("A fire at the Halden fertiliser depot killed seven.", "a.txt")
    >>> b = Article.create("Seven died in the Halden depot fire, officials said.", "b.txt")
    >>> c = Article.create("Floods cut the railway to Vessport for a week.", "c.txt")
    >>> g.add(a) == g.add(b) == "ev-" + a.id, g.add(c) == "ev-" + c.id
    (True, True)
    >>> [len(e.articles) for e in g.events()]
    [2, 1]
    """

    def __init__(self, settings: EventSettings | None = None, *, one_batch: bool = False) -> None:
        """``one_batch``: the grouper takes a single :meth:`update` and is not saved; each
        document's paragraph counts are then let go once it is placed (only a later batch's
        vector rebuild or :meth:`to_state` reads them again), which bounds a large batch's
        memory to the documents not yet placed."""
        self.settings = settings or EventSettings()
        self._one_batch = one_batch
        self._vocab = Vocabulary(self.settings.background_docs, self.settings.generic_share)
        self._docs: list[_Doc] = []
        self._index_of: dict[str, int] = {}
        self._event_of: list[str] = []
        self._events: dict[str, list[int]] = {}  # id -> member doc indices, ascending
        self._founder: dict[str, int] = {}  # event id -> founding doc index
        # Inverted index: text word -> documents, and other keys (``_other_keys``) -> documents.
        # (Arrays of C ints: half a list's memory, and numpy reads them in place.)
        self._word_postings: dict[str, array[int]] = {}
        self._postings: dict[str, array[int]] = {}
        self._refreshed_at = 0
        self._batches = 0
        # Link probabilities by pair (``_pair_key``): an int key, not a tuple of two, halves
        # the memory of a table that reaches millions of pairs on a large batch.
        self._cache: dict[int, float] = {}
        self._weights: tuple[Weights, tuple[float, ...]] | None = None  # and as floats
        self._scratch: Scratch = np.zeros(0)  # for scoring.cosines
        # Pairs whose link probability reached join_probability when scored (symmetric).
        self._links: dict[int, set[int]] = {}
        #: Every merge and split of events that existed before a batch, oldest first.
        self.history: list[Change] = []
        # Events that existed at the end of the last batch (changes to others are not news).
        self._published: set[str] = set()

    # --- public API ---------------------------------------------------------------------

    def add(
        self, article: Article, claims: Sequence[Claim] = (), places: Sequence[Place] = ()
    ) -> str:
        """Add one article; return the id of the event it is in afterwards."""
        self.update([article], claims, {article.id: places})
        return self.event_id(article.id)

    def update(
        self,
        articles: Sequence[Article],
        claims: Sequence[Claim] = (),
        places: Mapping[str, Sequence[Place]] | None = None,
    ) -> list[Change]:
        """Add a batch of articles; return the merges and splits it caused.

        The whole batch is counted into the word statistics first, so within a batch the
        result does not depend on the articles' order except for event ids. Articles
        already added are ignored.
        """
        by_article: dict[str, list[Claim]] = {}
        for c in claims:
            by_article.setdefault(c.article, []).append(c)
        fresh = list({a.id: a for a in articles if a.id not in self._index_of}.values())
        if not fresh:
            return []
        if self._one_batch and self._batches:
            raise ValueError("a one_batch EventGrouper takes a single update")
        self._batches += 1
        start = len(self.history)
        docs = []
        for art in fresh:
            feats = article_features(
                art, by_article.get(art.id, ()), (places or {}).get(art.id, ())
            )
            # Keys are made again when the document is placed: kept for the whole batch
            # they were a seventh of the grouper's memory, and take 2% of its time to make.
            self._vocab.count(channel_key_sets(feats), feats.paragraphs.hashes())
            docs.append(_Doc(art.id, art.title, _lede(art), feats))
        self._cache.clear()
        if self._vocab.docs >= self._refreshed_at * self.settings.refresh_growth:
            self._refresh()
        touched: set[str] = set()
        for doc in docs:
            touched.add(self._place(doc))
        self._refine(touched)
        self._cache.clear()
        self._published = set(self._events)
        return self.history[start:]

    def event_id(self, article_id: str) -> str:
        """The id of the event an added article currently belongs to."""
        return self._event_of[self._index_of[article_id]]

    def events(self) -> list[Event]:
        """Current events, in order of their founding article."""
        order = sorted(self._events, key=lambda e: self._founder[e])
        absorbed = self._absorbed()
        return [self._event(e, absorbed.get(e, set())) for e in order]

    def partition(self) -> dict[str, list[str]]:
        """Event id -> article ids, without building :class:`Event` records."""
        return {
            e: [self._docs[i].article_id for i in members]
            for e, members in sorted(self._events.items(), key=lambda kv: self._founder[kv[0]])
        }

    def link_probability(self, a: str, b: str) -> float:
        """Link probability of two added articles (by id), with the current statistics."""
        return self._prob(self._index_of[a], self._index_of[b])

    def link_signals(self, a: str, b: str) -> dict[str, float]:
        """The pair signals behind :meth:`link_probability`, for explanations and tuning."""
        x, y = self._vec(self._index_of[a]), self._vec(self._index_of[b])
        return signals(x, y, self.settings.far_km)

    def candidate_pairs(self) -> list[tuple[str, list[str]]]:
        """Each article with the earlier articles blocking found for it (for tuning)."""
        return [(d.article_id, [self._docs[j].article_id for j in d.cands]) for d in self._docs]

    def merge(self, keep: str, other: str) -> None:
        """Merge event ``other`` into ``keep`` by hand (recorded in the history)."""
        if keep not in self._events or other not in self._events:
            raise ValueError("unknown event id")
        if keep == other:
            return
        self._published.update((keep, other))
        self._published.add(self._merge(keep, [other]))

    def split(self, event: str, article_ids: Iterable[str]) -> str:
        """Move ``article_ids`` out of ``event`` into a new event (recorded); return its id."""
        moved = sorted(self._index_of[a] for a in article_ids)
        if not moved or any(self._event_of[i] != event for i in moved):
            raise ValueError("every article must belong to the event")
        if len(moved) == len(self._events[event]):
            raise ValueError("cannot split off every article of an event")
        self._published.add(event)
        new = self._split(event, [moved])[0]
        self._published.add(new)
        return new

    # --- state --------------------------------------------------------------------------

    def to_state(self) -> dict[str, Any]:
        """Everything needed to continue later, as plain JSON-able data."""
        if self._one_batch:
            raise ValueError("a one_batch EventGrouper keeps too little to be saved")
        return {
            "version": STATE_VERSION,
            "settings": self.settings.to_dict(),
            "vocabulary": self._vocab.to_state(),
            "docs": [
                {
                    "article": d.article_id,
                    "headline": d.headline,
                    "lede": d.lede,
                    "features": d.features.to_dict(),
                }
                for d in self._docs
            ],
            "events": {e: [self._docs[i].article_id for i in m] for e, m in self._events.items()},
            "founders": {e: self._docs[i].article_id for e, i in self._founder.items()},
            "batches": self._batches,
            "refreshed_at": self._refreshed_at,
            "links": sorted(
                [self._docs[i].article_id, self._docs[j].article_id]
                for i, js in self._links.items()
                for j in js
                if i < j
            ),
            "history": [c.to_dict() for c in self.history],
        }

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> EventGrouper:
        """Rebuild a grouper saved with :meth:`to_state`.

        Vectors are rebuilt from the saved features with the saved word statistics; a
        grouper that never stopped may still hold some built with older statistics, so
        link probabilities can differ slightly until its next refresh.
        """
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"unsupported event state version {state.get('version')!r}")
        g = cls(EventSettings.from_dict(state["settings"]))
        g._vocab.load_state(state["vocabulary"])
        for d in state["docs"]:
            doc = _Doc(d["article"], d["headline"], d["lede"], Features.from_dict(d["features"]))
            g._index_of[doc.article_id] = len(g._docs)
            g._docs.append(doc)
        g._event_of = [""] * len(g._docs)
        for e, ids in state["events"].items():
            g._events[e] = sorted(g._index_of[a] for a in ids)
            for i in g._events[e]:
                g._event_of[i] = e
        g._founder = {e: g._index_of[a] for e, a in state["founders"].items()}
        g._batches = int(state["batches"])
        g._published = set(g._events)
        g.history = [
            Change(c["op"], c["event"], tuple(c["others"]), int(c["batch"]))
            for c in state["history"]
        ]
        for a, b in state["links"]:
            i, j = g._index_of[a], g._index_of[b]
            g._links.setdefault(i, set()).add(j)
            g._links.setdefault(j, set()).add(i)
        for i in range(len(g._docs)):
            g._index(i)
        g._refreshed_at = int(state["refreshed_at"])
        return g

    # --- placing one document -----------------------------------------------------------

    def _place(self, doc: _Doc) -> str:
        """Add a document to the collection and to its event; return that event's id."""
        i = len(self._docs)
        self._docs.append(doc)
        self._index_of[doc.article_id] = i
        cfg = self.settings
        doc.vec = vectors(doc.features, self._vocab, cfg.boilerplate_docs, doc.channel_keys())
        doc.cands = self._candidates(i)
        near = {self._event_of[j] for j in doc.cands}
        self._score(i, [j for e in near for j in self._members(e, exclude=i)])
        means = {e: self._mean_to(i, e) for e in near}
        good = sorted(
            (e for e, m in means.items() if m >= cfg.join_probability),
            key=lambda e: (-means[e], self._founder[e]),
        )
        if not good:
            event = "ev-" + doc.article_id
            self._events[event] = [i]
            self._founder[event] = i
            self._event_of.append(event)
        else:
            event = good[0]
            self._events[event].append(i)
            self._event_of.append(event)
            others = [e for e in good[1:] if self._group_mean(event, e) >= cfg.join_probability]
            if others:
                event = self._merge(event, others)
        self._index(i)
        return event

    def _index(self, i: int) -> None:
        doc = self._docs[i]
        keys = doc.channel_keys()
        for postings, ks in (
            (self._word_postings, keys["text"]),
            (self._postings, _other_keys(doc.features, keys)),
        ):
            for key in ks:
                posting = postings.get(key)
                if posting is None:
                    postings[key] = array("i", (i,))
                else:
                    posting.append(i)
        doc.keys = None  # needed only until indexed (they would double its memory)
        if self._one_batch:  # read again only to rebuild vectors, which one batch never does
            doc.features.paragraphs = _NO_PARAGRAPHS
            doc.features.names = ()

    def _candidates(self, i: int) -> Sequence[int]:
        """Other documents sharing a distinctive key with document ``i``, best first."""
        cfg = self.settings
        doc = self._docs[i]
        keys = doc.channel_keys()
        df = self._vocab.df["text"]
        by_word = self._word_postings
        words = [w for w in keys["text"] if w in by_word]  # in sorted order
        # Rarest first (sorting (df, word) pairs: the same order as key=lambda w: (df[w], w)).
        rarest = [w for _, w in sorted(zip(map(df.__getitem__, words), words, strict=True))]
        looked_up = rarest[: cfg.index_words]
        postings = [by_word[w] for w in looked_up]
        if doc.features.has_title:  # headline words name the event: always looked up
            top = set(looked_up)
            title = doc.features.paragraphs[0][1]
            postings += [by_word[w] for w in title if w not in top and w in by_word]
        others = self._postings
        postings += [others[k] for k in _other_keys(doc.features, keys) if k in others]
        kept = [p for p in postings if len(p) <= cfg.max_postings]
        if not kept:
            return []
        total = len(self._docs) + 1
        sizes = [len(p) for p in kept]
        docs = np.concatenate([np.frombuffer(p, np.intc) for p in kept])
        gains = np.repeat([math.log(total / n) for n in sizes], sizes)  # rarer keys say more
        found, at = np.unique(docs, return_inverse=True)
        # Each document's hits: its keys' gains added in order (bincount adds in order).
        hits = np.bincount(at, gains)
        other = found != i
        found, hits = found[other], hits[other]
        best = np.lexsort((found, -hits))[: cfg.max_candidates]  # ties: the earlier one
        return array("i", found[best].tolist())

    # --- probabilities ------------------------------------------------------------------

    def _vec(self, i: int) -> Vectors:
        doc = self._docs[i]
        if doc.vec is None:
            doc.vec = vectors(doc.features, self._vocab, self.settings.boilerplate_docs)
        return doc.vec

    def _prob(self, i: int, j: int) -> float:
        p = self._cache.get(_pair_key(i, j))
        if p is None:
            p = self._score(i, [j])[0]
        return p

    def _score(self, i: int, js: Sequence[int]) -> list[float]:
        """Link probabilities of document ``i`` with each of ``js`` (all scored at once),
        cached; pairs that reach ``join_probability`` are recorded as links."""
        weights = self.settings.weights
        if self._weights is None or self._weights[0] is not weights:
            self._weights = (weights, weights.as_floats())
        x = self._vec(i)
        ys = [self._vec(j) for j in js]
        if len(self._scratch) < self._vocab.id_bound():
            self._scratch = np.zeros(2 * self._vocab.id_bound())
        logits = link_logits(self._weights[1], x, ys, self.settings.far_km, self._scratch)
        probs = [sigmoid(z) for z in logits]
        if self._one_batch and len(self._cache) >= _ONE_BATCH_CACHE:
            # A pair's probability does not change within one batch, so a pair let go is
            # scored again if needed; the table kept every pair scored (240 MB at 100k).
            self._cache.clear()
        for j, p in zip(js, probs, strict=True):
            self._cache[_pair_key(i, j)] = p
            if p >= self.settings.join_probability:
                self._links.setdefault(i, set()).add(j)
                self._links.setdefault(j, set()).add(i)
        return probs

    def _members(self, event: str, exclude: int | None = None) -> list[int]:
        m = [j for j in self._events[event] if j != exclude]
        return m[-self.settings.max_members :]

    def _mean_to(self, i: int, event: str) -> float:
        members = self._members(event, exclude=i)
        if not members:
            return 0.0
        return sum(self._prob(i, j) for j in members) / len(members)

    def _group_mean(self, a: str, b: str) -> float:
        ma, mb = self._members(a), self._members(b)
        return sum(self._prob(i, j) for i in ma for j in mb) / (len(ma) * len(mb))

    # --- merges, splits, refinement -----------------------------------------------------

    def _merge(self, keep: str, others: Sequence[str]) -> str:
        """Merge events; the one founded first keeps its id. Returns the surviving id."""
        everyone = [keep, *others]
        survivor = min(everyone, key=lambda e: self._founder[e])
        gone = tuple(e for e in everyone if e != survivor)
        for e in gone:
            for i in self._events.pop(e):
                self._event_of[i] = survivor
                self._events[survivor].append(i)
            del self._founder[e]
        self._events[survivor].sort()
        seen = tuple(e for e in gone if e in self._published)
        if seen:
            self.history.append(Change("merge", survivor, seen, self._batches))
        return survivor

    def _split(self, event: str, parts: Sequence[Sequence[int]]) -> list[str]:
        """Move each of ``parts`` (doc indices) out of ``event`` into a new event."""
        new_ids = []
        for part in parts:
            members = sorted(part)
            new = "ev-" + self._docs[members[0]].article_id
            self._events[event] = [i for i in self._events[event] if i not in set(members)]
            self._events[new] = members
            self._founder[new] = members[0]
            for i in members:
                self._event_of[i] = new
            new_ids.append(new)
        if event in self._published:
            self.history.append(Change("split", event, tuple(new_ids), self._batches))
        return new_ids

    def _refine(self, touched: set[str]) -> None:
        """Re-check touched events: split those whose members fall apart, merge neighbours."""
        cfg = self.settings
        for _ in range(cfg.refine_rounds):
            changed = False
            touched = {e for e in touched if e in self._events}
            for event in sorted(touched, key=lambda e: self._founder[e]):
                members = self._events[event]
                if len(members) < 2 or len(members) > cfg.max_members:
                    continue
                clusters = self._cluster(members)
                if len(clusters) > 1:
                    founder = self._founder[event]
                    parts = [c for c in clusters if founder not in c]
                    touched.update(self._split(event, parts))
                    changed = True
            for event in sorted(touched, key=lambda e: self._founder[e]):
                if event not in self._events:
                    continue
                near = {
                    self._event_of[j]
                    for i in self._events[event]
                    for j in self._links.get(i, ())
                    if j < len(self._event_of)
                }
                near.discard(event)
                near = {e for e in near if e in self._events}
                means = {e: self._group_mean(event, e) for e in near}
                good = [e for e, m in means.items() if m >= cfg.join_probability]
                if good:
                    best = max(good, key=lambda e: (means[e], -self._founder[e]))
                    touched.add(self._merge(event, [best]))
                    changed = True
            if not changed:
                break

    def _cluster(self, members: Sequence[int]) -> list[list[int]]:
        """Average-linkage clusters of some documents at ``join_probability``."""
        n = len(members)
        groups: dict[int, list[int]] = {a: [members[a]] for a in range(n)}
        # Sum of pair probabilities between two groups, keyed by (smaller, larger) group id.
        sums = {
            (a, b): self._prob(members[a], members[b]) for a in range(n) for b in range(a + 1, n)
        }
        while len(groups) > 1:
            (x, y), best = max(
                sums.items(),
                key=lambda kv: (kv[1] / (len(groups[kv[0][0]]) * len(groups[kv[0][1]])), kv[0]),
            )
            if best / (len(groups[x]) * len(groups[y])) < self.settings.join_probability:
                break
            groups[x] += groups.pop(y)
            merged: dict[tuple[int, int], float] = {}
            for (a, b), v in sums.items():
                if (a, b) == (x, y):
                    continue
                a2, b2 = (x if a == y else a), (x if b == y else b)
                k = (min(a2, b2), max(a2, b2))
                merged[k] = merged.get(k, 0.0) + v
            sums = merged
        return sorted(sorted(g) for g in groups.values())

    def _refresh(self) -> None:
        """Rebuild every vector with the current IDF (amortised: at geometric growth)."""
        for d in self._docs:
            d.vec = None
        self._cache.clear()
        self._refreshed_at = max(1, self._vocab.docs)

    # --- events -------------------------------------------------------------------------

    def _absorbed(self) -> dict[str, set[str]]:
        """Event id -> every recorded event id merged into it, directly or through others."""
        out: dict[str, set[str]] = {}
        for c in self.history:
            if c.op == "merge":
                into = out.setdefault(c.event, set())
                for o in c.others:
                    into.add(o)
                    into |= out.pop(o, set())
        return out

    def _event(self, event: str, absorbed: set[str]) -> Event:
        members = [
            Member(d.article_id, d.headline, d.lede, d.features)
            for d in (self._docs[i] for i in self._events[event])
        ]
        day, precision = date_of(members)
        merged = tuple(sorted(absorbed))
        return Event(
            id=event,
            title=title_of(members),
            articles=tuple(m.article_id for m in members),
            date=day,
            date_precision=precision,
            event_type=type_of(members),
            places=places_of(members),
            merged_from=merged,
        )


_NO_PARAGRAPHS: Final = Paragraphs()

#: Link probabilities a one-batch grouper keeps at most (about 12 MB: an int key and a
#: float each). A quarter of the earlier 1 << 19 gave the same events in the same time on
#: the 30k feed; pairs let go are scored again only when refining.
_ONE_BATCH_CACHE = 1 << 17


def _pair_key(i: int, j: int) -> int:
    """One int for the unordered pair of document indices ``i`` and ``j``."""
    return (i << 32 | j) if i < j else (j << 32 | i)


def _other_keys(f: Features, keys: Mapping[str, Sequence[str]]) -> list[str]:
    """Inverted-index keys of a document besides its text words, channel-prefixed ("n:"
    names, "s:" streets, "p:" places, "f:" figures, "d:" days); ``keys``: its
    :func:`channel_keys`."""
    out = [f"n:{k}" for k in keys["names"]]
    out += [f"s:{k}" for k in keys["streets"]]
    out += [f"p:{k}" for k in keys["places"]]
    out += [f"f:{k}" for k in keys["figures"]]
    if f.precision == "day":
        out += [f"d:{d}" for d in f.days]
    return out


def _lede(article: Article, limit: int = 240) -> str:
    first = leading_sentences(article.text, 1)
    text = first[0].text if first else article.key
    return text[:limit]


def group_events(
    articles: Sequence[Article],
    claims: Sequence[Claim] = (),
    places: Mapping[str, Sequence[Place]] | None = None,
    settings: EventSettings | None = None,
) -> list[Event]:
    """Group articles into events (one :meth:`EventGrouper.update` batch).

    >>> from corroborate.model import Article
    >>> arts = [Article.create("Gunman kills two at Brenford market.", "a.txt"),
    ...         Article.create("Two shot dead at Brenford market by gunman.", "b.txt")]
    >>> [len(e.articles) for e in group_events(arts)]
    [2]
    """
    grouper = EventGrouper(settings, one_batch=True)
    grouper.update(articles, claims, places)
    return grouper.events()
