"""Group reports into real-world events, one article at a time.

An article links to an earlier one when their combined evidence clears
:attr:`EventSettings.join_threshold`:

* **text** — TF-IDF cosine over stemmed content words of title and body (numbers left to
  the figures signal). IDF mixes the articles seen so far with a fixed background of
  :data:`GENERIC_NEWS_WORDS` (pseudo-documents), so a batch of two reports already knows
  that "police", "killed" and "said" say little while "Halden" says a lot;
* **places** — overlap of the articles' place names (when given), and a penalty when both
  name places and share none;
* **figures** — shared (measure, value) pairs among their claims (same count, same kind);
* **dates** — a small penalty per day apart; articles more than ``max_days`` apart link
  only on very strong text evidence.

Events are the connected components of these links (single linkage): a new article joins
every event it links to, merging them. With fixed IDF (see :meth:`EventGrouper.prime`) the
partition is the same whatever the order articles arrive in.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from corroborate.model import Article, Claim, Event, Place
from corroborate.provenance.features import sentence_words
from corroborate.text import sentences

#: Words any news report may use whatever happened: the fixed IDF background. They still
#: count, but far less than names and specific details.
GENERIC_NEWS_WORDS = frozenset(
    """people person police officer official authority government minister spokesperson
    spokesman spokeswoman statement report reporter news told according killed kill dead
    death died injured wounded hurt attack attacked incident day week month year time
    morning afternoon evening night today yesterday monday tuesday wednesday thursday
    friday saturday sunday city town village province district region country area local
    national state public security force forces group member many several least number
    called added including following later earlier early late first second third last
    new old large small major main number total part side hospital scene site
    investigation inquiry case condition continue continued confirmed comment
    immediately yet still already since another among within around near across""".split()
)


@dataclass(frozen=True, slots=True)
class EventSettings:
    """Tunable weights and thresholds of :class:`EventGrouper` (all scores are 0..~1.5)."""

    #: Combined score at which an article links to an earlier article's event.
    join_threshold: float = 0.25
    #: Added for shared places: weight x overlap coefficient of the two name sets.
    place_weight: float = 0.15
    #: Subtracted when both articles name places and share none.
    place_conflict: float = 0.10
    #: Added per shared (measure, value) figure, at most ``max_figures`` of them;
    #: figures below ``small_figure`` count half (two deaths is common to many incidents).
    figure_weight: float = 0.06
    max_figures: int = 3
    small_figure: int = 5
    #: Subtracted per day between known publication dates.
    day_penalty: float = 0.02
    #: Articles further apart than this many days link only when text cosine >= strong_text.
    max_days: int = 7
    strong_text: float = 0.6
    #: Pseudo-documents behind the fixed background IDF, and the share of them assumed to
    #: contain each generic news word.
    background_docs: float = 20.0
    generic_share: float = 0.5
    #: Words of the title count this many times (titles name the event).
    title_weight: int = 2
    #: Per add: the new article's rarest already-seen words looked up in the inverted index,
    #: and the most-hit earlier articles scored in full (others are never close).
    index_words: int = 30
    max_candidates: int = 50


@dataclass(slots=True)
class _Item:
    """One added article's features."""

    index: int
    article: Article
    tf: Counter[str]
    places: tuple[Place, ...]
    place_names: frozenset[str]
    figures: frozenset[tuple[str, int]]


@dataclass(slots=True)
class _Group:
    first: int  # index of the first article added
    members: list[int] = field(default_factory=list)


class EventGrouper:
    """Incremental event grouping: feed articles one by one, read events at any time.

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

    def __init__(self, settings: EventSettings | None = None) -> None:
        self.settings = settings or EventSettings()
        self._items: list[_Item] = []
        self._index_of: dict[str, int] = {}
        self._group_of: list[int] = []  # item index -> group key (first item index)
        self._groups: dict[int, _Group] = {}
        self._df: Counter[str] = Counter()
        self._docs = 0
        self._primed: set[str] = set()
        self._postings: dict[str, list[int]] = {}

    # --- public API ---------------------------------------------------------------------

    def prime(self, articles: Iterable[Article]) -> None:
        """Count ``articles`` in the IDF before adding them (batch use).

        With every article primed first, scores no longer depend on arrival order, so
        the partition is order-independent.
        """
        for art in articles:
            if art.id in self._primed or art.id in self._index_of:
                continue
            self._primed.add(art.id)
            self._count(_terms(art, self.settings.title_weight))

    def add(
        self, article: Article, claims: Sequence[Claim] = (), places: Sequence[Place] = ()
    ) -> str:
        """Add one article; return the id of the event it joined or opened.

        Adding an article already seen returns its current event id and changes nothing.
        When the article links several events they merge, keeping the oldest event's id.
        """
        if article.id in self._index_of:
            return self.event_id(article.id)
        cfg = self.settings
        tf = _terms(article, cfg.title_weight)
        if article.id not in self._primed:
            self._count(tf)
        item = _Item(
            index=len(self._items),
            article=article,
            tf=tf,
            places=tuple(places),
            place_names=frozenset(p.name.casefold() for p in places),
            figures=frozenset(
                (c.measure, c.value) for c in claims if c.value is not None and c.value > 0
            ),
        )
        linked = {
            self._group_of[other]
            for other in self._candidates(item)
            if self._score(item, self._items[other]) >= cfg.join_threshold
        }
        self._items.append(item)
        self._index_of[article.id] = item.index
        for key in [*tf, *_extra_keys(item)]:
            self._postings.setdefault(key, []).append(item.index)
        if not linked:
            self._groups[item.index] = _Group(first=item.index, members=[item.index])
            self._group_of.append(item.index)
        else:
            # Single linkage: join the oldest linked event, fold the others into it.
            keep = min(linked)
            self._group_of.append(keep)
            self._groups[keep].members.append(item.index)
            for merged in sorted(linked - {keep}):
                for m in self._groups.pop(merged).members:
                    self._group_of[m] = keep
                    self._groups[keep].members.append(m)
            self._groups[keep].members.sort()
        return self.event_id(article.id)

    def event_id(self, article_id: str) -> str:
        """The id of the event an added article currently belongs to."""
        first = self._items[self._group_of[self._index_of[article_id]]]
        return "ev-" + first.article.id

    def events(self) -> list[Event]:
        """Events so far, in order of their first article (date and facts left empty)."""
        return [self._event(g) for _, g in sorted(self._groups.items())]

    def link_score(self, a: str, b: str) -> float:
        """Link score of two added articles (by id), with the current IDF; for explanations
        and tuning. Articles link when it reaches ``settings.join_threshold``."""
        return self._score(self._items[self._index_of[a]], self._items[self._index_of[b]])

    # --- internals ----------------------------------------------------------------------

    def _score(self, x: _Item, y: _Item) -> float:
        """Combined evidence that two articles report one event (module docstring)."""
        cfg = self.settings
        text = self._cosine(x.tf, y.tf)
        gap = _days_apart(x.article, y.article)
        if gap is not None and gap > cfg.max_days and text < cfg.strong_text:
            return -math.inf  # never linked, whatever the threshold
        s = text
        if x.place_names and y.place_names:
            shared = len(x.place_names & y.place_names)
            if shared:
                s += cfg.place_weight * shared / min(len(x.place_names), len(y.place_names))
            else:
                s -= cfg.place_conflict
        common = sorted(x.figures & y.figures, key=lambda f: -f[1])[: cfg.max_figures]
        s += cfg.figure_weight * sum(1.0 if v >= cfg.small_figure else 0.5 for _, v in common)
        if gap is not None:
            s -= cfg.day_penalty * min(gap, cfg.max_days)
        return s

    def _count(self, tf: Counter[str]) -> None:
        self._docs += 1
        self._df.update(tf.keys())

    def _idf(self, word: str) -> float:
        cfg = self.settings
        background = cfg.background_docs * cfg.generic_share if word in GENERIC_NEWS_WORDS else 0
        n = self._docs + cfg.background_docs
        return math.log((n + 1) / (self._df[word] + background + 1)) + 1.0

    def _cosine(self, a: Counter[str], b: Counter[str]) -> float:
        if len(a) > len(b):
            a, b = b, a
        dot = sum(n * b[w] * self._idf(w) ** 2 for w, n in a.items() if w in b)
        if dot == 0:
            return 0.0
        na = math.sqrt(sum((n * self._idf(w)) ** 2 for w, n in a.items()))
        nb = math.sqrt(sum((n * self._idf(w)) ** 2 for w, n in b.items()))
        return dot / (na * nb)

    def _candidates(self, item: _Item) -> list[int]:
        """Earlier articles sharing a distinctive word, a place or a figure (inverted index)."""
        # The rarest words that some earlier article also used (hapaxes match nothing).
        seen = [w for w in item.tf if w in self._postings]
        keys = sorted(seen, key=lambda w: (-self._idf(w), w))[: self.settings.index_words]
        keys += _extra_keys(item)
        hits: Counter[int] = Counter()
        for key in keys:
            for other in self._postings.get(key, ()):
                hits[other] += 1
        ranked = sorted(hits, key=lambda i: (-hits[i], i))
        return ranked[: self.settings.max_candidates]

    def _event(self, group: _Group) -> Event:
        members = [self._items[i] for i in group.members]
        first = self._items[group.first]
        counts: Counter[str] = Counter()
        chosen: dict[str, Place] = {}
        for it in members:
            for p in it.places:
                key = p.name.casefold()
                chosen.setdefault(key, p)
            counts.update({p.name.casefold() for p in it.places})
        order = {k: n for n, k in enumerate(chosen)}
        places = tuple(chosen[k] for k in sorted(chosen, key=lambda k: (-counts[k], order[k])))
        return Event(
            id="ev-" + first.article.id,
            title=_title(first.article),
            articles=tuple(it.article.id for it in members),
            places=places,
        )


def group_events(
    articles: Sequence[Article],
    claims: Sequence[Claim] = (),
    places: Mapping[str, Sequence[Place]] | None = None,
    settings: EventSettings | None = None,
) -> list[Event]:
    """Group articles into events (a batch convenience over :class:`EventGrouper`).

    IDF is primed with the whole batch first, so the partition does not depend on the
    order of ``articles``; event ids and article order within events follow input order.

        >>> from corroborate.model import Article
        >>> arts = [Article.create("Gunman kills two at Brenford market.", "a.txt"),
        ...         Article.create("Two shot dead at Brenford market by gunman.", "b.txt")]
        >>> [len(e.articles) for e in group_events(arts)]
        [2]
    """
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article, []).append(c)
    grouper = EventGrouper(settings)
    grouper.prime(articles)
    for art in articles:
        grouper.add(art, by_article.get(art.id, ()), (places or {}).get(art.id, ()))
    return grouper.events()


def _extra_keys(item: _Item) -> list[str]:
    """Index keys for places and figures (NUL-prefixed: never a word)."""
    return [f"\0place:{p}" for p in sorted(item.place_names)] + [
        f"\0fig:{m}:{v}" for m, v in sorted(item.figures)
    ]


def _terms(article: Article, title_weight: int) -> Counter[str]:
    tf = Counter(sentence_words(article.text))
    if article.title:
        for w in sentence_words(article.title):
            tf[w] += title_weight
    return tf


def _days_apart(a: Article, b: Article) -> int | None:
    da, db = a.pub_date, b.pub_date
    if da is None or db is None:
        return None
    return abs((da - db).days)


def _title(article: Article, limit: int = 100) -> str:
    """The article's title, else its first sentence trimmed to about ``limit`` characters."""
    if article.title and article.title.strip():
        return article.title.strip()
    first = next(iter(sentences(article.text)), None)
    text = first.text if first else article.key
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:-")
    return cut + "…"
