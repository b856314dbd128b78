"""Per-article evidence for event grouping, computed once per article.

Everything here is a pure function of one article (plus the places and claims other stages
found in it), so features are computed once and reused for every candidate pair, and are
small enough to keep in the grouper's saved state.

    >>> from corroborate.model import Article
    >>> art = Article.create("Police said Jon Doe, 24, was shot on the 1200 block of "
    ...     "Elm Street on Friday. Doe died.", "a.txt", date="2016-05-09")
    >>> f = article_features(art)
    >>> sorted(f.names), f.streets, f.day, f.kind
    (['doe', 'elm', 'jon'], ('elm street',), '2016-05-06', 'shooting')
"""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from corroborate.events.dates import article_dates
from corroborate.events.kinds import best_type, type_scores
from corroborate.geo.finder import dateline_names, find_places
from corroborate.model import Article, Claim, Place, content_id
from corroborate.provenance.features import paragraph_words, sentence_words
from corroborate.sequences import MadeOnRead
from corroborate.text import AT_WORD_START, STOP_WORDS, has_whole, leading_sentences

#: Sentences of the body read as the lede (event type, names of what happened).
LEDE_SENTENCES: Final = 3

#: Capitalised words that are never a name of a person, place or organisation in news text
#: (sentence openers, titles, calendar words). Lower case.
NOT_NAMES: Final = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug
    sep sept oct nov dec police officer officers sheriff deputy deputies detective sgt lt
    capt chief mr mrs ms dr st the a an this that these those it he she they we i you his
    her their our its there here when where what who why how after before while during
    according authorities officials investigators witnesses neighbors neighbours family
    relatives friends update updated breaking video photo photos watch read click copyright
    associated press ap reuters afp news story advertisement more related share email print
    tweet facebook twitter instagram sign subscribe but and or if as at by for from in into
    of on to with about also one two three four five six seven eight nine ten first last
    new no not now said says am pm et est cst pst edt cdt pdt today tonight yesterday
    """.split()
)

_STREET_SUFFIX: Final = {
    "street": "street",
    "st": "street",
    "avenue": "avenue",
    "ave": "avenue",
    "road": "road",
    "rd": "road",
    "boulevard": "boulevard",
    "blvd": "boulevard",
    "drive": "drive",
    "dr": "drive",
    "lane": "lane",
    "ln": "lane",
    "way": "way",
    "court": "court",
    "ct": "court",
    "place": "place",
    "pl": "place",
    "parkway": "parkway",
    "pkwy": "parkway",
    "highway": "highway",
    "hwy": "highway",
    "terrace": "terrace",
    "circle": "circle",
    "trail": "trail",
    "square": "square",
    "expressway": "expressway",
    "freeway": "freeway",
    "pike": "pike",
    "plaza": "plaza",
}
# ``\b(?:[A-Z]...){1,3}?`` written to open with the capital itself (its word boundary looked
# back at from after it), so the regex engine skips from capital to capital.
_STREET_KINDS: Final = "|".join(
    sorted((s.capitalize() for s in _STREET_SUFFIX), key=len, reverse=True)
)
_STREET: Final = re.compile(
    rf"([A-Z]{AT_WORD_START}(?:\.|[\w'’-]*)[ \t]+(?:(?:[A-Z]\.|[A-Z][\w'’-]*)[ \t]+){{0,2}}?)("
    + _STREET_KINDS
    + r")\b\.?"
)
# The suffixes alone: each street name ends with one, so the full pattern is tried only in
# the few words before each (the full pattern tried at every capital of a report took 2.5
# times as long).
_STREET_KIND: Final = re.compile(rf"(?:{_STREET_KINDS})\b")
_DIRECTIONS: Final = frozenset("n s e w n. s. e. w. north south east west the of".split())


class Terms(Mapping[str, int]):
    """Word counts, packed: the words in one tuple and their counts in one byte string.

    The grouper holds every report's paragraphs until the report is placed; as dicts their
    counts were the largest part of its memory (a dict costs about five times a tuple and
    bytes of the same words). Iteration keeps the order of ``counts``.

        >>> t = Terms({"shot": 2, "police": 1})
        >>> list(t.items()), t["shot"], t == {"police": 1, "shot": 2}
        ([('shot', 2), ('police', 1)], 2, True)
    """

    __slots__ = ("_counts", "_index", "_words")

    def __init__(self, counts: Mapping[str, int]) -> None:
        self._words = tuple(counts)
        values = list(counts.values())
        self._counts: bytes | array[int] = (
            bytes(values) if all(0 <= v < 256 for v in values) else array("q", values)
        )
        self._index: dict[str, int] | None = None  # built on the first lookup by word

    @classmethod
    def packed(cls, words: tuple[str, ...], counts: bytes | array[int]) -> Terms:
        """Terms of ``words`` with their ``counts`` (as :class:`Terms` keeps them)."""
        terms = cls({})
        terms._words, terms._counts = words, counts
        return terms

    def __len__(self) -> int:
        return len(self._words)

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __getitem__(self, word: str) -> int:
        if self._index is None:
            self._index = {w: i for i, w in enumerate(self._words)}
        return self._counts[self._index[word]]

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def items(self) -> Iterator[tuple[str, int]]:  # type: ignore[override]
        return zip(self._words, self._counts, strict=True)

    def values(self) -> Iterator[int]:  # type: ignore[override]
        return iter(self._counts)

    def __reduce__(self) -> tuple[type[Terms], tuple[dict[str, int]]]:
        return (Terms, (dict(self.items()),))


#: (hash of the paragraph's words, stemmed content-word counts, capitalised name tokens)
Paragraph = tuple[str, Terms, tuple[str, ...]]

_HEX16: Final = re.compile(r"[0-9a-f]{16}")


class Paragraphs(MadeOnRead[Paragraph]):
    """An article's paragraphs, packed: every paragraph's words in one tuple, their counts
    in one byte string, names in one tuple, and the hashes (``content_id``'s 16 hex digits)
    as 64-bit numbers. Each :data:`Paragraph` is made on access.

    The grouper reads every report's features before it places the first one; a tuple,
    a hash string, a :class:`Terms` and two small tuples per paragraph cost about 300 bytes
    more than the words themselves, a third of the grouper's memory.

        >>> ps = Paragraphs([("00000000000000ff", Terms({"shot": 2}), ("doe",))])
        >>> len(ps), ps[0][0], dict(ps[0][1].items()), ps[0][2]
        (1, '00000000000000ff', {'shot': 2}, ('doe',))
        >>> ps.hashes(), ps.words
        (['00000000000000ff'], ('shot',))
    """

    __slots__ = ("_counts", "_ends", "_hashes", "_name_ends", "_names", "_words")

    def __init__(
        self, paragraphs: Iterable[tuple[str, Mapping[str, int], tuple[str, ...]]] = ()
    ) -> None:
        hashes: list[str] = []
        words: list[str] = []
        counts: list[int] = []
        names: list[str] = []
        self._ends = array("I")
        self._name_ends = array("I")
        for h, terms, found in paragraphs:
            hashes.append(h)
            words += terms
            counts += terms.values()
            names += found
            self._ends.append(len(words))
            self._name_ends.append(len(names))
        self._words = tuple(words)
        self._counts: bytes | array[int] = (
            bytes(counts) if all(0 <= v < 256 for v in counts) else array("q", counts)
        )
        self._names = tuple(names)
        self._hashes: array[int] | tuple[str, ...] = (
            array("Q", [int(h, 16) for h in hashes])
            if all(_HEX16.fullmatch(h) for h in hashes)
            else tuple(hashes)
        )

    def __len__(self) -> int:
        return len(self._ends)

    @property
    def words(self) -> tuple[str, ...]:
        """Every paragraph's words, end to end (without making the paragraphs)."""
        return self._words

    def hashes(self) -> list[str]:
        """Every paragraph's hash, in order (without making the paragraphs)."""
        return [_hash_text(h) for h in self._hashes]

    def _item(self, i: int) -> Paragraph:
        start, end = self._ends[i - 1] if i else 0, self._ends[i]
        names_start = self._name_ends[i - 1] if i else 0
        return (
            _hash_text(self._hashes[i]),
            Terms.packed(self._words[start:end], self._counts[start:end]),
            self._names[names_start : self._name_ends[i]],
        )

    def tally(
        self, weights: Sequence[float], with_names: Sequence[bool]
    ) -> tuple[dict[str, float], dict[str, float]]:
        """Each word's counts summed over the paragraphs, a paragraph's counts times its
        weight; and each name's number of paragraphs, over those ``with_names``. Added
        paragraph by paragraph, in order, straight from the packed arrays.

            >>> ps = Paragraphs([("a" * 16, Terms({"shot": 2}), ("doe",)),
            ...                  ("b" * 16, Terms({"shot": 1, "fire": 1}), ("doe",))])
            >>> ps.tally([1.0, 0.5], [True, False])
            ({'shot': 2.5, 'fire': 0.5}, {'doe': 1.0})
        """
        words, counts, names = self._words, self._counts, self._names
        totals: dict[str, float] = {}
        named: dict[str, float] = {}
        start = names_start = 0
        for n, end in enumerate(self._ends):
            w = weights[n]
            for k in range(start, end):
                word = words[k]
                totals[word] = totals.get(word, 0.0) + counts[k] * w
            start = end
            names_end = self._name_ends[n]
            if with_names[n]:
                for k in range(names_start, names_end):
                    name = names[k]
                    named[name] = named.get(name, 0.0) + 1.0
            names_start = names_end
        return totals, named

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[type[Paragraphs], tuple[list[Paragraph]]]:
        return (Paragraphs, (list(self),))


def _hash_text(h: int | str) -> str:
    """A paragraph hash as ``content_id`` wrote it (kept as a number when it was hex)."""
    return h if isinstance(h, str) else f"{h:016x}"


@dataclass(slots=True)
class Features:
    """What one article contributes to event grouping (JSON-able through ``to_dict``)."""

    #: (hash, stemmed content-word counts, name tokens) per paragraph.
    paragraphs: Paragraphs
    #: Whether the first paragraph is the headline.
    has_title: bool
    #: Lower-case tokens of capitalised names (people, organisations, venues, places),
    #: sorted (a tuple: a frozenset of them costs five times the memory).
    names: tuple[str, ...]
    #: Street names ("elm street"), normalised.
    streets: tuple[str, ...]
    places: tuple[Place, ...]
    #: Places the headline names (resolved with the body as context).
    title_places: tuple[Place, ...]
    #: (measure, value) of the figures its claims state.
    figures: frozenset[tuple[str, int]]
    #: Incident day estimate, its precision, and every day mentioned with its vote.
    day: str | None
    precision: str | None
    days: dict[str, float]
    pub: str | None
    #: Event type named in the lede, and the trigger hits behind it.
    kind: str | None
    kind_scores: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "paragraphs": [[h, dict(t.items()), list(n)] for h, t, n in self.paragraphs],
            "has_title": self.has_title,
            "names": sorted(self.names),
            "streets": list(self.streets),
            "places": [p.model_dump(exclude_defaults=True) for p in self.places],
            "title_places": [p.model_dump(exclude_defaults=True) for p in self.title_places],
            "figures": sorted([m, v] for m, v in self.figures),
            "day": self.day,
            "precision": self.precision,
            "days": self.days,
            "pub": self.pub,
            "kind": self.kind,
            "kind_scores": self.kind_scores,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Features:
        return cls(
            paragraphs=Paragraphs((h, t, tuple(n)) for h, t, n in data["paragraphs"]),
            has_title=bool(data["has_title"]),
            names=tuple(sorted(set(data["names"]))),
            streets=tuple(data["streets"]),
            places=tuple(Place(**p) for p in data["places"]),
            title_places=tuple(Place(**p) for p in data["title_places"]),
            figures=frozenset((m, int(v)) for m, v in data["figures"]),
            day=data["day"],
            precision=data["precision"],
            days={k: float(v) for k, v in data["days"].items()},
            pub=data["pub"],
            kind=data["kind"],
            kind_scores={k: int(v) for k, v in data["kind_scores"].items()},
        )


def paragraphs_of(article: Article) -> list[tuple[str, dict[str, int], tuple[str, ...]]]:
    """Words and names per paragraph, keyed by a hash of the paragraph's words.

    The hash lets the grouper count in how many articles a paragraph recurs: a paragraph
    that many unrelated reports share is page furniture ("Please enable JavaScript"), not
    news. The headline, when there is one, is the first paragraph.
    """
    blocks = [article.title] if article.title else []
    blocks += article.text.split("\n")
    # The body's words as the provenance stage read them (when it has just read this body).
    block_words = paragraph_words(article.text)
    if article.title:
        block_words.insert(0, sentence_words(article.title))
    found: list[tuple[str, dict[str, int], set[str], set[str]]] = []
    all_mid: set[str] = set()
    for block, words in zip(blocks, block_words, strict=True):
        if not words:
            continue
        mid, openers = _name_tokens(block)
        all_mid |= mid
        # (The words are interned, ``sentence_words``'s: the grouper keeps every report's
        # words, and most recur across reports.)
        counts: dict[str, int] = {}
        for w in words:
            counts[w] = counts.get(w, 0) + 1
        found.append((content_id(" ".join(words)), counts, mid, openers))
    return [
        (h, terms, tuple(sorted(map(sys.intern, mid | (openers & all_mid)))))
        for h, terms, mid, openers in found
    ]


def names_in(text: str) -> set[str]:
    """Lower-case tokens of capitalised names: mid-sentence capitals, or runs of them.

    A capitalised sentence opener counts only as part of a run ("Jon Doe said") or when
    the same word is capitalised mid-sentence elsewhere.
    """
    mid, openers = _name_tokens(text)
    return mid | (openers & mid)


_WORD_RE: Final = re.compile(r"[^\W\d_][\w'’-]*")
_OPENERS: Final = frozenset('.!?"“‘(:;')


# Where a capitalised word of ``_WORD_RE`` may start: a letter that is not ASCII lower case
# and does not follow another letter, with the rest of its run. ``_WORD_RE`` finds one word
# per run of word characters, apostrophes and hyphens, from the run's first letter to its
# end; a candidate after digits, "_", "'" or "-" is checked by looking back (rare). The
# pattern starts with a character set, so the regex engine skips everything else fast.
_CAPITAL_RE: Final = re.compile(r"[^\W\d_a-z](?<![^\W\d_][^\W\d_a-z])[\w'’-]*")
# The two patterns for ASCII text (three paragraphs in four), with the same matches there:
# a capital is [A-Z] and a letter [A-Za-z], ranges the regex engine tests faster than the
# categories above (``_name_tokens``' scan, 76 to 54 us a report).
_CAPITAL_ASCII: Final = re.compile(r"[A-Z](?<![A-Za-z][A-Z])[\w'’-]*", re.ASCII)
_WORD_ASCII: Final = re.compile(r"[A-Za-z][\w'’-]*", re.ASCII)
_RUN_NON_LETTERS: Final = frozenset("_'’-")


def _first_letter(text: str, start: int) -> bool:
    """Whether the letter at ``start`` is the first letter of its run (a word start)."""
    k = start - 1
    while k >= 0:
        ch = text[k]
        if ch.isdecimal() or ch in _RUN_NON_LETTERS:
            k -= 1
            continue
        return not ch.isalnum()  # another letter (not a digit, checked above) begins the run
    return True


def _name_tokens(text: str) -> tuple[set[str], set[str]]:
    """(mid-sentence or run capitals, lone capitalised sentence openers) of a text."""
    mid: set[str] = set()
    openers: set[str] = set()
    plain = text.isascii()
    words = _WORD_ASCII if plain else _WORD_RE
    for m in (_CAPITAL_ASCII if plain else _CAPITAL_RE).finditer(text):
        w: str = m[0]  # typed, so the compiled build calls str's own methods on it
        code = ord(w[0])
        if not (65 <= code <= 90 if code < 128 else w[0].isupper()):
            continue
        start = m.start()
        if start and not text[start - 1].isspace() and not _first_letter(text, start):
            continue
        low = w.lower().removesuffix("'s").removesuffix("’s")
        if low in NOT_NAMES or low in STOP_WORDS or low in _STREET_SUFFIX or len(low) < 2:
            continue
        # The last non-space character before the word (scanned back, not ``text[:start]
        # .rstrip()``, which copies the whole prefix for every capitalised word).
        k = start - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        first = k < 0 or text[k] in _OPENERS
        if first:
            end = m.end()
            nxt = words.search(text, end)  # the next word
            joined = nxt is not None and text[end : nxt.start()].strip() == ""
            run = joined and nxt is not None and nxt.group()[0].isupper()
            if not (run and nxt is not None and nxt.group().lower() not in NOT_NAMES):
                openers.add(low)
                continue
        mid.add(low)
    return mid, openers


def _street_matches(text: str) -> Iterator[re.Match[str]]:
    """``_STREET.finditer(text)``, tried only where a suffix word follows a space.

    A name is one to three words, each followed by blanks, before its suffix, so it starts
    no earlier than the third run of non-blank characters before the suffix: the full
    pattern searches from there (or from the last name's end) to just past the suffix.
    Leftmost-first, non-overlapping: the same matches as one scan of the whole text.
    """
    if "\t" in text:  # (the bound below counts spaces only)
        yield from _STREET.finditer(text)
        return
    done = 0  # where the last name ended
    for hit in _STREET_KIND.finditer(text):
        at = hit.start()
        if at <= done or text[at - 1] != " ":
            continue
        start = at
        for _ in range(3):
            while start and text[start - 1] == " ":
                start -= 1
            start = text.rfind(" ", 0, start) + 1
        # (One character past the suffix, for its ``\b`` and full stop.)
        m = _STREET.search(text, max(done, start), hit.end() + 1)
        if m is not None:
            done = m.end()
            yield m


def streets_in(text: str) -> tuple[str, ...]:
    """Street names ("Elm Street", "N. Clark St." -> "clark street"), in order, unique."""
    found: dict[str, None] = {}
    for m in _street_matches(text):
        named: str = m[1]
        words = [w.lower() for w in named.split()]
        while words and words[0] in _DIRECTIONS:
            words = words[1:]
        words = [w for w in words if w.lower() not in NOT_NAMES or w in _DIRECTIONS]
        if not words:
            continue
        kind: str = m[2]
        suffix = _STREET_SUFFIX[kind.lower()]
        found[" ".join([*words, suffix]).replace("’", "'")] = None
    return tuple(found)


#: How far into a report's body a dateline is looked for.
DATELINE_CHARS: Final = 600


def headline_places(
    title: str | None, places: Sequence[Place], text: str = ""
) -> tuple[Place, ...]:
    """The body's places that the headline names too (matched on the words the body used;
    resolved with the whole body as context), and the place of the body's dateline
    ("HARTFORD, Conn. -"), which is as deliberate a statement of where.

    >>> p = Place(name="Hartford", mention="Hartford", admin1="Connecticut")
    >>> [x.name for x in headline_places("Four wounded in Hartford shooting", [p])]
    ['Hartford']
    """
    if not places:
        return ()
    found: dict[str, Place] = {}
    if text:
        datelines = set(dateline_names(text[:DATELINE_CHARS]))
        if datelines:
            for p in places:
                if p.mention in datelines:
                    found.setdefault(p.name, p)
    if not title:
        return tuple(found.values())
    for p in places:
        for words in {p.mention, p.name}:
            if words and has_whole(title, words):
                found.setdefault(p.name, p)
    return tuple(found.values())


_TAIL: Final = re.compile(r"\s+(?:[-|–—:]|::)\s+")
_SITE: Final = re.compile(
    r"(?i)\b(?:news|\.com|tv|radio|times|post|herald|tribune|journal|"
    r"gazette|online|channel|fox\d*|abc\d*|cbs\d*|nbc\d*|wsb|kvvu|wmc)\b"
)
_LABEL: Final = re.compile(
    r"(?i)^\s*(?:breaking(?: news)?|update[d]?|watch|video|photos?|live|exclusive|"
    r"new information|developing)\s*[:|-]\s*"
)


def clean_headline(title: str) -> str:
    """Cut outlet tails and labels: "BREAKING: Teen shot - WMC Action News 5" -> "Teen shot"."""
    title = _LABEL.sub("", title)
    parts = _TAIL.split(title.strip())
    if len(parts) == 1:
        return title.strip()
    keep = [p for p in parts if not _SITE.search(p) and len(p.split()) >= 3]
    best = max(keep or parts, key=lambda p: len(p.split()))
    return best.strip()


def article_features(
    article: Article,
    claims: Sequence[Claim] = (),
    places: Sequence[Place] = (),
) -> Features:
    """Compute an article's :class:`Features` (``places``: those the places stage found in
    its body, then those its headline names that the body does not, in the body's country:
    a page whose body is a sign-in form still has its headline's town)."""
    if article.title:
        told = {p.mention.casefold() for p in places}
        countries = {p.country for p in places}
        places = [*places] + [
            m.place
            for m in find_places(clean_headline(article.title))
            if m.place.mention.casefold() not in told
            and (not countries or m.place.country in countries)
        ]
    pub = article.pub_date
    dates = article_dates(article.title, article.text, pub)
    first = leading_sentences(article.text, LEDE_SENTENCES, 2000)
    lede = " ".join(s.text for s in first)
    scores = type_scores(article.title, lede)
    both = f"{article.title}.\n{article.text}" if article.title else article.text
    paragraphs = paragraphs_of(article)
    # Place names are the places signal's evidence; as names they would count twice.
    place_words = {w.lower() for p in places for w in f"{p.mention} {p.name}".split()}
    paragraphs = [
        (h, t, tuple(n for n in names if n not in place_words)) for h, t, names in paragraphs
    ]
    return Features(
        paragraphs=Paragraphs(paragraphs),
        has_title=bool(article.title and paragraphs and sentence_words(article.title)),
        names=tuple(sorted({n for _, _, names in paragraphs for n in names} - place_words)),
        streets=streets_in(both),
        places=tuple(places),
        title_places=headline_places(article.title, places, article.text),
        figures=frozenset(
            (c.measure, c.value) for c in claims if c.value is not None and c.value > 0
        ),
        day=dates.day,
        precision=dates.precision,
        days=dates.votes,
        pub=pub.isoformat() if pub else None,
        kind=best_type(scores),
        kind_scores=dict(scores),
    )
