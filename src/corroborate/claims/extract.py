"""The claims grammar: cascaded patterns over tokens, one sentence at a time.

    >>> from corroborate.model import Article
    >>> art = Article.create("Police said at least 12 people were killed on Monday.", "x.txt")
    >>> [(c.measure, c.group, c.value, c.qualifier, c.claimant) for c in extract_claims(art)]
    [('killed', 'people', 12, 'at_least', 'Police')]

Steps per sentence: find quantities (and their hedges), read the noun phrase after each to
get the group, link each count to a measure (a predicate after it, a verb or noun before
it, a coordinated neighbour, or the total it is part of), then attach claimant, period and
places. Each step is a small function; docs/claims.md describes the rules.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Final

from corroborate.claims import lexicon as lx
from corroborate.claims.numbers import (
    SCALES,
    TENS,
    UNITS,
    VAGUE,
    WORD_NUMBERS,
    Quantity,
    apply_qualifier,
    find_hedge,
    parse_quantity,
    parse_range,
)
from corroborate.claims.period import (
    PeriodMention,
    _make_period,
    _month_day,
    attributive_year,
    find_periods,
    is_cumulative,
    since_origin,
)
from corroborate.geo.finder import PlaceMention, find_places
from corroborate.model import (
    Article,
    Claim,
    Period,
    Place,
    Section,
    Span,
    content_id,
    shared,
    unchecked,
)
from corroborate.text import (
    _TOKEN,
    Piece,
    normalise_quotes,
    paragraphs,
    remembered_tokens,
    sentence_list,
    sentences,
)
from corroborate.words import WholeWords

# The records built per sentence, without validation (their values are the types mypy checks;
# periods with claims.period's constructor).
_make_span = unchecked(Span)
_make_claim = unchecked(Claim)
#: The period of a figure nothing dates.
_UNSTATED: Final = Period()

_PUNCT_STOP: Final = frozenset(',;:.!?()[]–—"“”')
_NP_BOUNDARY: Final = frozenset(
    """in on at of for from by with to into during after before since while as and or but that
    who which whom whose when where were was are is be been have has had will would could
    may might the a an this these those their its his her our some any no not than across
    near around including among said says say told according amid following suffered
    sustained received suffering sustaining died dies""".split()
)
_DETERMINERS: Final = frozenset(["a", "an", "one", "the", "another"])
# What may open a noun phrase for one person: "a man", "the driver", "his son".
_LEADS: Final = _DETERMINERS | {"his", "her", "their"}
_SINGULAR: Final = frozenset(
    """man woman child boy girl baby infant toddler teenager teen person officer official
    soldier policeman policewoman militant insurgent attacker assailant gunman suspect
    victim civilian resident worker student journalist reporter prisoner inmate hostage
    pilgrim passenger guard commander driver trooper juvenile male female youth motorist
    deputy father mother son daughter brother sister husband wife girlfriend boyfriend
    clerk employee customer owner neighbor neighbour friend relative cousin shooter
    latino latina hispanic cop waitress waiter cashier bartender teacher pastor rapper
    homeowner veteran mom dad grandma grandpa roommate tenant landlord patron guest
    bystander pedestrian cabbie grandmother grandfather uncle aunt nephew niece grader
    freshman sophomore first-grader second-grader third-grader fourth-grader fifth-grader
    sixth-grader seventh-grader eighth-grader ninth-grader tenth-grader farmer trader vendor
    shopkeeper herder herdsman villager vigilante fighter rebel militiaman priest imam cleric
    doctor nurse medic paramedic tourist migrant refugee protester demonstrator worshipper
    peacekeeper schoolgirl schoolboy pupil marine sailor airman grandson granddaughter
    stepson stepdaughter stepfather stepmother""".split()
)
_GENERIC_HEADS: Final = frozenset(
    ["people", "persons", "casualties", "personnel", "others", "individuals"]
)
_CURRENCY: Final = frozenset(["$", "€", "£", "¥", "rs", "usd", "inr", "pkr", "eur", "gbp"])
_BE: Final = frozenset(["is", "are", "was", "were", "be", "been", "being"])
_SUBJ_SKIP: Final = frozenset(
    """also later earlier previously further had has have then separately again initially
    officially reportedly repeatedly had earlier already""".split()
)
_SUBJ_STOP: Final = frozenset(
    """that and but while which who when after as because if since where than however meanwhile
    whereas though although so""".split()
)
_PAREN_OPENERS: Final = frozenset(
    ["in", "speaking", "citing", "according", "who", "which", "on", "via"]
)
_PART_MARKERS: Final = (("including",), ("among", "them"), ("among", "whom"), ("of", "whom"))
_COORD: Final = frozenset(
    [",", "and", "as", "well", "plus", "along", "with", "also", "while", "his", "her", "their"]
)
_ZERO: Final = re.compile(
    r"\b(no one|no-one|nobody|none)\s+(?:\w+\s+){0,3}?(killed|injured|hurt|wounded|harmed|died)\b"
    r"|\bno (deaths|casualties|injuries|fatalities)\b",
    re.IGNORECASE,
)


@dataclass(init=False)  # own __init__: see corroborate.buildinfo
class _Count:
    q: Quantity
    first: int  # first token, hedge included
    np_start: int
    np_end: int
    head: str | None = None
    kind: str = "none"  # people | place | other | none
    group: str | None = None
    group_text: str = ""
    measure: str | None = None
    via: str = ""
    hedge: str | None = None
    part_of: int | None = None
    subparts: list[int] = field(default_factory=list, init=False)
    subset: str | None = None  # "two of them / of the injured / of the victims": of what
    subset_end: int = 0  # token after "of the injured"
    care: bool = False  # told as being treated ("two are being treated in hospital")
    held: str | None = None  # "15 of the abducted": the measure of the set they are part of
    among: str | None = None  # "among the dead were three children": the set's measure

    def __init__(
        self,
        q: Quantity,
        first: int,
        np_start: int,
        np_end: int,
        head: str | None = None,
        kind: str = "none",
        group: str | None = None,
        group_text: str = "",
        measure: str | None = None,
        via: str = "",
        hedge: str | None = None,
        part_of: int | None = None,
        subset: str | None = None,
        subset_end: int = 0,
        care: bool = False,
        held: str | None = None,
        among: str | None = None,
    ) -> None:
        self.q = q
        self.first = first
        self.np_start = np_start
        self.np_end = np_end
        self.head = head
        self.kind = kind
        self.group = group
        self.group_text = group_text
        self.measure = measure
        self.via = via
        self.hedge = hedge
        self.part_of = part_of
        self.subparts = []
        self.subset = subset
        self.subset_end = subset_end
        self.care = care
        self.held = held
        self.among = among


@dataclass(init=False)  # own __init__: see corroborate.buildinfo
class _Speech:
    verb: int
    subject: str | None
    after_count_ok: bool = True

    def __init__(self, verb: int, subject: str | None, after_count_ok: bool = True) -> None:
        self.verb = verb
        self.subject = subject
        self.after_count_ok = after_count_ok


@dataclass
class _Context:
    """What a sentence may borrow from earlier ones of the same article."""

    body: str
    body_places: Sequence[PlaceMention] | None = None  # found once a sentence keeps a count
    # The body's tokens and their starts, when the place finder has just read them.
    body_tokens: tuple[list[str], list[int]] | None = None
    last_claimant: str | None = None
    totals: list[Claim] = field(default_factory=list)  # figures "two of the injured" may be of

    def places_in(self, section: Section, sent: Piece) -> list[tuple[Span, Place]]:
        """The places named in ``sent`` (spans from its start), resolved with the whole
        section as context: "Springfield" is the one the rest of the report points to."""
        if section == "title":
            return _places(sent.text)
        if self.body_places is None:
            self.body_places = find_places(self.body)
        lo, hi = sent.start, sent.end
        return [
            (_make_span(start=m.span.start - lo, end=m.span.end - lo), m.place)
            for m in self.body_places
            if lo <= m.span.start and m.span.end <= hi
        ]


def extract_claims(
    article: Article, places: Sequence[PlaceMention] | None = None
) -> list[Claim]:
    """Every count the article's title and body give, as :class:`Claim` records.

    ``places``: ``find_places(article.text)``, when the caller has it already (the pipeline
    does); otherwise it is found once a sentence keeps a count. A claim keeps the places of
    its own sentence, each resolved with the whole report as context.
    """
    # (Taken first: the title's places are found next, and the finder keeps one text's.)
    tokens = remembered_tokens(article.text)
    ctx = _Context(body=article.text, body_places=places, body_tokens=tokens)
    claims: list[Claim] = []
    sections: list[tuple[Section, str]] = [("body", article.text)]
    if article.title:
        sections.insert(0, ("title", article.title))
    heading_ids: set[str] = set()
    for section, text in sections:
        paras = list(paragraphs(text))
        heads = {(p.start, p.end) for p in paras if _is_heading(p.text)}
        # (The body's split is usually the provenance stage's, remembered.)
        pieces: Iterable[Piece] = sentence_list(text) if section == "body" else sentences(text)
        if section == "body" and article.title:
            pieces = _split_run_in_headline(text, article.title.strip(), pieces, heads)
        links = [(p.start, p.end) for p in paras if _LINK.match(p.text)]
        if links:
            pieces = _drop_links(text, pieces, links)
        for sent in pieces:
            found = _sentence_claims(article, section, sent, ctx)
            if section == "title" or (sent.start, sent.end) in heads:
                heading_ids.update(c.id for c in found)
            claims.extend(found)
    return _drop_restated_headings(claims, heading_ids)


# "RELATED: Man killed in drive-by", "Related Coverage ...", "READ MORE: ...": a line that
# links to another story; its headline is not this report's figure.
_LINK: Final = re.compile(
    r"\W*(?:[\d/]+\s+)?(?:RELATED(?: COVERAGE| STORY| STORIES| CONTENT| LINK)?:?|Related"
    r"(?: Coverage| Story| Stories| Content| Link)?:|Related Coverage|STORY:|READ MORE:"
    r"|Read more:|MORE:|More:|ALSO:|SEE ALSO:|See also:)\s*\S"
    r"|\W*\d{1,2}:\d\d\s+(?!a\.?m\b|p\.?m\b)[A-Z\"“']"  # a video's length: "3:50 Defendant in ..."
    r"|\+\s.*[^.!?\"”'’\s]$"  # a "+" line with no full stop: "+ Two killed in county crash"
)


# A dateline: a place in capitals, then a comma or a bracket, up to a spaced dash
# ("KHARTOUM, March 14 (Reuters) -", "INDIANAPOLIS (July 3, 2015) –").
_DATELINE: Final = re.compile(
    r"[A-Z][A-Z.'’\-]*[A-Z](?: [A-Z][A-Z.'’\-]*[A-Z]){0,3}(?:,| \()[^\n]{0,70}?\s(?:-{1,2}|[–—])\s"
)


def dateline_chars(text: str) -> int:
    """How many characters of a report's first sentence its dateline takes ("KHARTOUM, March
    14 (Reuters) - "); 0 when it has none.

        >>> dateline_chars("JOS, Nigeria, Nov 15 (Wire) - Gunmen killed 27 people.")
        30
    """
    m = _DATELINE.match(text) if text[1:2].isupper() else None
    return m.end() if m else 0


def _dateline_end(text: str) -> int:
    """How many tokens of the sentence a dateline takes: the day it names is when the story
    was filed, not when its figures happened. 0 when none."""
    end = dateline_chars(text)
    return len(_TOKEN.findall(text, 0, end)) if end else 0


def _drop_links(
    text: str, pieces: Iterable[Piece], links: list[tuple[int, int]]
) -> Iterator[Piece]:
    """Sentences less the link lines in them (a link's headline has no full stop, so it is
    often run into the next line's sentence)."""
    for piece in pieces:
        cuts = [(a, b) for a, b in links if a < piece.end and b > piece.start]
        if not cuts:
            yield piece
            continue
        at = piece.start
        for a, b in [*cuts, (piece.end, piece.end)]:
            chunk = text[at : max(at, a)]
            if chunk.strip():
                lead = len(chunk) - len(chunk.lstrip())
                yield Piece(chunk.strip(), at + lead, at + lead + len(chunk.strip()))
            at = max(at, b)


def _split_run_in_headline(
    text: str, title: str, pieces: Iterable[Piece], heads: set[tuple[int, int]]
) -> Iterator[Piece]:
    """A body that opens with its own headline run into the first line ("Man shot in Avondale
    | WXYZA man was shot ..."): the headline is a sentence (and a heading) of its own."""
    cut = len(title) if title and text.startswith(title) else -1
    for piece in pieces:
        if piece.start < cut < piece.end:
            head = text[piece.start : cut].rstrip()
            rest = text[cut : piece.end]
            lead = len(rest) - len(rest.lstrip())
            heads.add((piece.start, piece.start + len(head)))
            yield Piece(head, piece.start, piece.start + len(head))
            if rest.strip():
                yield Piece(rest.strip(), cut + lead, cut + lead + len(rest.strip()))
        else:
            yield piece


def _is_heading(line: str) -> bool:
    return len(line) < 90 and not line.rstrip().endswith((".", "!", "?", '"', "”", ":"))


def _drop_restated_headings(claims: list[Claim], heading_ids: set[str]) -> list[Claim]:
    """A headline figure the body repeats is one claim: keep the body's (it has the context).
    A title that numbers both the dead and the hurt ("2 dead, 3 wounded") is kept whole: it
    is the report's own tally (see :func:`~corroborate.claims.counts.article_counts`)."""
    title = [c for c in claims if c.section == "title"]
    keep = {c.id for c in title} if is_tally(title) else set()
    # A death told without a count ("charged with manslaughter") restates no headline figure:
    # it says someone died, not how many.
    body = {
        (c.measure, c.value)
        for c in claims
        if c.id not in heading_ids and not _uncounted(c)
    }
    # A heading's several counts of one measure ("Woman, 3-year-old dead") are restated only
    # by their sum: a body's "he died" is one of them, not the two.
    told: dict[tuple[str, int, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.id in heading_ids:
            told[(c.section, c.span.start, c.measure)].append(c)
    for group in told.values():
        if len(group) > 1 and all(c.value is not None for c in group):
            total = sum(c.value or 0 for c in group)
            if (group[0].measure, total) not in body:
                keep.update(c.id for c in group)
    return [
        c
        for c in claims
        if c.id not in heading_ids or c.id in keep or (c.measure, c.value) not in body
    ]


def _uncounted(c: Claim) -> bool:
    """A death told without a count ("a fatal shooting", "charged with murder")."""
    return c.qualifier == "at_least" and not _COUNTED.search(c.number_text)


_COUNTED: Final = re.compile(r"\d|\bleast\b|\bfewer\b|\bless\b|\bminimum\b", re.IGNORECASE)


_TALLY_NUMBER: Final = re.compile(
    r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve", re.IGNORECASE
)


def is_tally(claims: Sequence[Claim]) -> bool:
    """Do these (a headline's) claims number both the dead and the hurt, as digits or number
    words ("2 dead, 3 wounded", "Seven shot, one fatally"), or as one person and "another"
    ("Teen killed, another wounded")?"""
    victims = [c for c in claims if c.group not in lx.PERPETRATOR_GROUPS]
    # "another" counts one more beside someone told before it, so that one is counted too.
    another = {c.measure for c in victims if c.number_text.lower() == "another"}
    told = {
        c.measure
        for c in victims
        if _TALLY_NUMBER.fullmatch(c.number_text)
        or c.measure in another
        or (c.number_text == "" and another - {c.measure})
    }
    return {"killed", "injured"} <= told


def _sentence_claims(article: Article, section: Section, sent: Piece, ctx: _Context) -> list[Claim]:
    lower = sent.text.lower()
    runs = WholeWords.words(lower)  # both gates look up the same words
    speech_only = not _TRIGGER_GATE.search(lower, runs)
    if speech_only and not _SPEECH_GATE.search(lower, runs):
        return []  # no word that could give a measure, and nobody speaking
    # The tokens' text only; their offsets (``tokens``) are found once a claim needs them.
    kept = ctx.body_tokens if section == "body" else None
    shown = _tokens_within(kept, sent.start, sent.end) if kept is not None else None
    if shown is None:
        shown = _TOKEN.findall(sent.text)
    if sent.text.isascii():  # no quotes to fold: skip a call per token
        words = [w.lower() for w in shown]
    else:
        # (Most tokens of such a sentence are ASCII still: no call into ``text`` for them.)
        words = [w.lower() if w.isascii() else normalise_quotes(w).lower() for w in shown]
    if speech_only:
        # Nothing to count, but a claimant named here may be referred back to later.
        for sp in _speeches(words, shown):
            if sp.subject and not _is_anaphor(sp.subject) and not _is_outlet(sp.subject):
                ctx.last_claimant = sp.subject
        return []
    dateline = _dateline_end(sent.text)
    periods = [
        p
        for p in _anchor_relative(words, shown, find_periods(words, shown))
        if p.start >= dateline
        and not speech_time(words, p.start)
        and not _future(words, p)
        and not _comparison(words, p)
    ]
    speeches = _speeches(words, shown)
    claimant_before = ctx.last_claimant
    # Later sentences may refer back to the last named claimant ("the statement said").
    for sp in speeches:
        if (
            sp.subject
            and not _is_anaphor(sp.subject)
            and not _is_outlet(sp.subject)
            and not (claimant_before and _refers_back(sp.subject, claimant_before))
        ):
            ctx.last_claimant = sp.subject
    counts = _find_counts(words, shown, periods, headline=section == "title")
    # "recovered by Sunday morning", "as of June 15": no figure's day (nor a figure)
    dating = (
        [p for p in periods if not as_of(words, p)]
        if "by" in words or "of" in words
        else periods
    )
    zero = [
        z.model_copy(update={"claimant": who, "claimant_key": claimant_key(who) if who else None})
        for z in _zero_claims(article, section, sent, lower)
        for who in [
            _claimant_for(
                words,
                shown,
                speeches,
                next(
                    (
                        i
                        for i, at in enumerate(_token_starts(sent.text, shown))
                        if sent.start + at >= z.number_span.start
                    ),
                    0,
                ),
                claimant_before,
            )
        ]
    ]
    if not counts and not zero and not _UNCOUNTED_DEATH_WORDS.intersection(words):
        return zero  # (a suicide or "a fatal shooting" is a death with no count word)
    for c in counts:
        _read_np(words, shown, c)
        _listed_ages(words, c)
        title = words[c.first - 1] if c.first and c.q.start == c.q.end else ""
        if title in _NAME_TITLES and title in lx.GROUP_NOUNS and c.group in (None, "", "people"):
            c.group = lx.GROUP_NOUNS[title]  # "Deputy Jason Hagen died": a deputy
    if section != "title":  # a headline's capitals name no one for sure: "Mother, Father"
        counts = _drop_appositions(words, shown, counts)
    _link_parts(words, counts)
    _reference_sets(words, counts)
    for c in counts:
        _measure(words, c, shown)
    _coordinate(words, counts)
    if not _RAISING.isdisjoint(words):
        _raised_by(words, counts)
    _inherit_parts(words, counts)
    _bare_groups(words, shown, counts)
    _multiple_listed(words, counts)
    if "among" in words or words[:1] == ["of"]:
        _among(words, shown, counts)
    _link_subsets(words, shown, counts)
    _self_killings(words, shown, counts)
    _implicit_death(words, counts)
    _restated_by_pronoun(words, counts)
    # Places are looked up only once a count is kept: most sentences with counts keep none.
    places: list[tuple[Span, Place]] | None = None
    starts: list[int] | None = None  # the tokens' offsets in the sentence
    out: list[Claim] = list(zero)
    dropped: set[str] = set()
    for idx, c in enumerate(counts):
        if c.measure is None or c.kind in ("other",):
            continue
        if c.kind == "place" and (c.measure != "places_attacked" or c.q.value is None):
            continue  # "attacks at several locations" is no count
        if c.kind != "place" and c.measure == "places_attacked":
            continue
        if c.measure == "killed" and section != "title" and _mourned(words, c.first):
            continue  # "a vigil for a man killed last week": an earlier death, not this toll
        if c.measure == "killed" and _NATURAL_DEATH.search(lower) and not _VIOLENCE.search(lower):
            continue  # "her mother died months ago from a blood disorder": no killing
        if starts is None:
            starts = _token_starts(sent.text, shown)
        claimant = _claimant_for(words, shown, speeches, c.first, claimant_before)
        hedge = c.hedge or _sentence_hedge(lower)
        period = _period_for(dating, c, words)
        if is_cumulative(lower) and c.via == "toll":
            period = period.model_copy(update={"cumulative": True})
        num_start = sent.start + starts[c.first]
        last = max(c.q.end - 1, c.first)
        num_end = sent.start + starts[last] + len(shown[last])
        q = c.q
        parent = counts[c.part_of] if c.part_of is not None else None
        parent_id = (
            # the parent's own id: "shot four people, including one who died" is a part
            # of another measure's count
            content_id(article.id, section, str(sent.start + starts[parent.first]), parent.measure)
            if parent is not None and parent.measure
            else None
        )
        if (
            parent is not None
            and c.subset in _OF_TOTAL
            and _named_after(shown, c.subset_end) is None
        ):
            c.group = parent.group  # (the parent's group may have come from an earlier total)
        if parent is None and (c.subset is not None or c.among is not None):
            # "Two of the injured were flown to hospital", "Among the dead were three
            # children": a part of a figure told in an earlier sentence; with none told, no
            # figure (but "two of them died" is one).
            earlier = _earlier_total(ctx.totals, c)
            if earlier is not None:
                parent_id = earlier.id
                _subset_group(shown, c, earlier.group)
            elif c.among is not None or c.subset in _SUBSET_MEASURES:
                dropped.add(content_id(article.id, section, str(num_start), c.measure))
                continue
        claim_id = content_id(article.id, section, str(num_start), c.measure)
        if parent_id is not None and parent_id in dropped:
            continue  # "a driver and a teenage girl" of a dropped "two of the injured"
        if places is None:
            places = ctx.places_in(section, sent)
        out.append(
            _make_claim(
                id=claim_id,
                article=article.id,
                section=section,
                span=shared(_make_span(start=sent.start, end=sent.end)),
                number_span=_make_span(start=num_start, end=num_end),
                text=sent.text,
                measure=c.measure,
                group=c.group or "people",
                # Interned: a batch's claims repeat a few thousand group and number words
                # (about 65 bytes a claim on the 2k feed).
                group_text=sys.intern(_as_written(c.group_text)),
                value=q.value,
                low=q.low,
                high=q.high,
                qualifier=q.qualifier,
                number_text=sys.intern(" ".join(shown[c.first : c.q.end])),
                claimant=sys.intern(claimant) if claimant else None,
                claimant_key=sys.intern(claimant_key(claimant)) if claimant else None,
                hedge=hedge,
                period=shared(period),
                places=tuple(p for _, p in places),
                scope=_scope(words, shown, starts, places, c),
                parts_of=parent_id,
            )
        )
        del idx
    ctx.totals.extend(
        c for c in out if c.parts_of is None and c.value is not None and c.section == section
    )
    return out


# A death from illness or age, in a sentence with no word of violence.
_NATURAL_DEATH: Final = re.compile(
    r"\b(?:died|dies|die|dead|death|passed away)\b[^.;]{0,40}?\b(?:(?:of|from)|(?:after|following)"
    r"\s+(?:an?|his|her)\s+(?:[\w-]+\s+){0,2}?(?:battle|fight|struggle)\s+with)\s+(?:an?\s+|the\s+|"
    r"his\s+|her\s+)?(?:[\w-]+\s+){0,2}?(?:cancer|disease|illness|disorder|natural causes"
    r"|heart attack|(?:heart|kidney|liver|renal|organ) failure|stroke|overdose|pneumonia"
    r"|covid(?:-19)?|leukemia|tumou?r|infection|old age|diabetes)\b"
)
_VIOLENCE: Final = re.compile(r"shot|shoot|gun|wound|stab|kill|murder|slain|attack|beat|bullet")


# Words for a gathering or rite held for someone already dead: the person named right
# after one ("a vigil for a boy shot dead last week", "gathered to mourn a woman who was
# killed") is an earlier death that the gathering remembers, not a count of this report.
_MOURNING: Final = frozenset(
    """vigil vigils funeral funerals memorial memorials mourn mourned mourning mourns
    honoring honouring remember remembering commemorate commemorating""".split()
)
_MOURNED_LINK: Final = frozenset(
    ["for", "of", "the", "death", "deaths", "loss", "honoring", "honouring"]
)


def _mourned(words: list[str], first: int) -> bool:
    """Is the count at ``first`` the one a vigil, funeral or mourning is for?"""
    k = first - 1
    while k >= 0 and first - k <= 4 and words[k] in _MOURNED_LINK:
        k -= 1
    return (k >= 0 and k < first - 1 and words[k] in _MOURNING) or (
        first > 0 and words[first - 1] in _MOURNING
    )


# --- suicides -----------------------------------------------------------------------------
_REFLEXIVE: Final = frozenset(["himself", "herself"])  # "killing themselves" is talk, not a count
_SELF_VERBS: Final = frozenset(["killed", "killing", "kill", "kills"])
_TURNED: Final = frozenset(["turned", "turning", "turns", "turn"])
_TOOK: Final = frozenset(["took", "taking", "take", "takes"])
_COMMITTED: Final = frozenset(["committed", "committing", "commits", "commit"])
_ATTEMPT: Final = frozenset(
    """attempted attempt attempting tried trying try threatened threatening threaten threatens
    wanted wanting planned planning effort""".split()
)
_SURVIVED: Final = frozenset(["survived", "critical", "condition", "hospitalized", "hospitalised"])
# Words between a person and the suicide verb: "he later killed himself", "the boy
# accidentally shot and killed himself".
_BEFORE_SELF_VERB: Final = lx.AUX | {
    "shot", "shoots", "and", "then", "apparently", "accidentally", "fatally", ","
}


def _suicide_at(words: list[str], k: int) -> tuple[int, int] | None:
    """A suicide told at token ``k``: (first token of its predicate, the token that stands
    for the person: "himself", "his" of "took his own life", "suicide")."""
    w = words[k]
    if w == "self" and k > 0 and words[k - 1] in _SELF_VERBS:
        return k - 1, k  # a headline's "Child accidentally shoots, kills self"
    if w == "self" and k > 2 and words[k - 1] == "," and words[k + 1 : k + 2] != ["-"]:
        window = words[max(0, k - 8) : k - 1]
        if any(
            lx.ACTIVE_TRIGGERS.get(v) == "killed"
            or (v in ("shoots", "shot") and "fatally" in window)
            for v in window
        ):
            return k, k  # a headline's "Gunman kills 3 bandmates, self"
        return None
    if w in _REFLEXIVE and k > 0:
        before = words[k - 1]
        if before in _SELF_VERBS or (
            before in ("shot", "shoots", "shooting") and k > 1 and words[k - 2] == "fatally"
        ):
            return k - 1, k  # "killed himself", "fatally shot herself", "fatally shoots himself"
        if before == "on" and k > 3 and words[k - 4] in _TURNED and words[k - 2] in (
            "gun",
            "weapon",
            "rifle",
            "shotgun",
            "pistol",
            "handgun",
        ):
            return k - 4, k  # "turned the gun on himself"
        if (before in ("then", "and") or (before == "," and k > 2)) and any(
            lx.ACTIVE_TRIGGERS.get(v) == "killed" for v in words[max(0, k - 12) : k - 1]
        ):
            return k, k  # "killing two, then himself"
        return None
    if w in _TOOK and words[k + 2 : k + 4] == ["own", "life"] and k + 1 < len(words):
        return k, k + 1  # "took his own life"
    if w in _TOOK and words[k + 1 : k + 3] == ["own", "life"]:
        return k, k + 1  # a headline's "Student takes own life"
    if w == "suicide" and k > 0 and (words[k - 1] in _COMMITTED or words[k - 1] == "by"):
        return k - 1, k  # "committed suicide", "died by suicide"
    return None


# Words that may stand between "fatal" / "deadly" and the attack it qualifies: a place or a
# kind ("a fatal Hammond shooting", "the deadly homeless shelter shooting"), not a word that
# ends the phrase ("a fatal crash and a shooting", "deadly, police said, shooting").
# Any deadly event is a death, whatever the means: "a fatal hunting accident", "the deadly
# attack", "a fatal incident" ("deadly fire" is left out: it is as often gunfire as a blaze).
_IMPLIED_ATTACKS: Final = frozenset(
    """shooting stabbing accident crash attack incident assault beating rampage spree standoff
    explosion bombing blast collision wreck confrontation encounter ambush""".split()
)
_IMPLIED_GAP_STOPS: Final = frozenset(
    """and or but nor in at on of to for from after before with by near as than that which
    who when where while was were is are be been the a an this his her their its""".split()
)

_MURDER_SUICIDE: Final = frozenset(["murder-suicide", "murder-suicides", "murder/suicide"])
_IMPLICIT_WORDS: Final = (
    frozenset(pair[1] for pair in lx.IMPLIED_DEATHS) | _IMPLIED_ATTACKS | _MURDER_SUICIDE
)  # the rarer word


def _implied_at(words: list[str], k: int) -> tuple[int, int] | None:
    """A death told without a count at token ``k``: (its first token, its end token,
    exclusive), or None. "a fatal shooting", "a fatal Hammond shooting"; "charged with
    murder", "arrested in the killing of"; "a murder-suicide" (two, told apart)."""
    w = words[k]
    if k + 1 < len(words) and (w, words[k + 1]) in lx.IMPLIED_DEATHS:
        return k, k + 2
    if w in ("fatal", "deadly"):
        for j in range(k + 1, min(k + 4, len(words))):
            if words[j] in _IMPLIED_ATTACKS:
                return k, j + 1
            if not words[j].isalpha() or words[j] in _IMPLIED_GAP_STOPS:
                return None
        return None
    if (
        w in ("in", "with")
        and k + 2 < len(words)
        and words[k + 1] == "the"
        and (w, words[k + 2]) in lx.IMPLIED_DEATHS
    ):
        return k, k + 3  # "charged in the killing of"
    return None




def _implicit_death(words: list[str], counts: list[_Count]) -> None:
    """ "A fatal shooting" with no count of the dead in its sentence: at least one killed;
    "a murder-suicide" is at least two."""
    if not _IMPLICIT_WORDS.intersection(words):
        return
    for k in range(1, len(words)):
        if words[k] in _MURDER_SUICIDE and words[k - 1] in _MULTIPLES:
            # "a double murder-suicide": two killed and the killer, told beside a count of
            # the dead or not ("Boy, 3, killed by father in double murder-suicide")
            if any(c.q.start <= k - 1 < max(c.q.end, c.np_end) for c in counts):
                return
            n = _MULTIPLES[words[k - 1]] + 1
            _add_implicit_death(counts, Quantity(k - 1, k + 1, n, n, n))
            return
    if any(c.measure == "killed" for c in counts):
        return
    for k in range(len(words)):
        if words[k] in _MURDER_SUICIDE:
            if any(w in _ATTEMPT for w in words[max(0, k - 2) : k]):
                continue  # "an attempted murder-suicide": the victim may live
            if any(c.q.start <= k < max(c.q.end, c.np_end) for c in counts):
                continue
            _add_implicit_death(counts, Quantity(k, k + 1, 2, 2, None, "at_least"))
            return
        found = _implied_at(words, k)
        if found is None:
            continue
        if _attempted_before(words, k) or words[k + 1 : k + 2] == ["attempted"]:
            continue  # "charged with attempted murder", "attempted aggravated murder charges"
        if any(c.q.start <= k < max(c.q.end, c.np_end) for c in counts):
            continue  # inside a count's own words: "a double fatal shooting"
        end = found[1]
        if words[end - 1] == "homicide" and words[end : end + 1] and words[end] in _INQUIRY:
            continue  # "a homicide investigation started, but no deaths were reported"
        _add_implicit_death(counts, Quantity(k, end, 1, 1, None, "at_least"))
        return


def _attempted_before(words: list[str], k: int) -> bool:
    """Is the murder at ``k`` an attempted one, "attempted" before it with up to two words of
    kind between ("attempted first-degree murder"; not "attempted robbery and murder")?"""
    for j in range(k - 1, max(-1, k - 4), -1):
        if words[j] == "attempted":
            return True
        if words[j] in ("and", "or", ",", "but"):
            return False
    return False


def _add_implicit_death(counts: list[_Count], q: Quantity) -> None:
    """Add the dead that words like "a fatal shooting" imply, as a count spanning them."""
    counts.append(
        _Count(
            q=q,
            first=q.start,
            np_start=q.end,
            np_end=q.end,
            kind="people",
            group="people",
            measure="killed",
            via="implicit",
        )
    )
    counts.sort(key=lambda c: c.first)


# "a homicide investigation / detective": the inquiry, not the death.
_INQUIRY: Final = frozenset(
    """investigation investigations investigator investigators detective detectives unit
    division squad sergeant lieutenant team bureau""".split()
)
_SUICIDE_WORDS: Final = _REFLEXIVE | {"suicide", "life", "self"}
_UNCOUNTED_DEATH_WORDS: Final = _IMPLICIT_WORDS | _SUICIDE_WORDS


def _self_killings(words: list[str], shown: list[str], counts: list[_Count]) -> None:
    """A suicide is a death: "killing two, then himself", "before taking his own life",
    "the shooter committed suicide". One told beside the killer's victims is a count of its
    own ("himself"), in the suspects' group, that adds to theirs; a person who is already a
    count ("he killed himself") gets the measure."""
    if _SUICIDE_WORDS.isdisjoint(words):
        return
    for k in range(len(words)):
        found = _suicide_at(words, k)
        if found is None:
            continue
        verb, who = found
        if any(w in _ATTEMPT for w in words[max(0, verb - 3) : verb]):
            continue  # "tried to take his own life", "in an effort to kill himself"
        survived = bool(_SURVIVED.intersection(words[verb:]))
        subject = None
        if verb != who:  # "killing two, then himself" has the killer as its subject
            subject = next(
                (
                    c
                    for c in reversed(counts)
                    if c.q.end <= verb
                    and c.kind == "people"
                    and c.via not in ("active", "coord")  # "shot his wife, then ..."
                    # (an age aside may come between: "Girl, 5, fatally shoots herself")
                    and all(w in _BEFORE_SELF_VERB or w.isdecimal() for w in words[c.np_end : verb])
                ),
                None,
            )
        killer = any(
            c is not subject
            and c.measure in ("killed", "injured")
            and c.group not in lx.PERPETRATOR_GROUPS
            for c in counts
        ) or (subject is not None and subject.group in lx.PERPETRATOR_GROUPS)
        if subject is not None:
            if not survived:
                subject.measure = "killed"
            elif subject.measure is None:
                subject.measure = "injured"
            continue
        if any(c.q.start <= who < max(c.q.end, c.np_end) for c in counts):
            continue  # already a count of its own
        if "including" in words[max(0, verb - 6) : verb]:
            continue  # "four are dead, including Syed, who took his own life"
        counts.append(
            _Count(
                q=Quantity(who, who + 1, 1, 1, 1),
                first=who,
                np_start=who + 1,
                np_end=who + 1,
                kind="people",
                group="suspects" if killer else "people",
                group_text=shown[who],
                measure="injured" if survived else "killed",
                via="suicide",
            )
        )
    counts.sort(key=lambda c: c.first)


def _earlier_total(totals: list[Claim], c: _Count) -> Claim | None:
    """The figure told before that the count is a part of: for "two of the injured" the latest
    of that measure; for "two of the victims" the latest casualty figure, if it is of the
    count's measure ("five people were shot. One of the victims died" is the dead among them).
    """
    want = c.among or _SUBSET_MEASURES.get(c.subset or "")
    for t in reversed(totals):
        if want is not None and t.measure != want:
            continue
        if want is None and t.measure not in ("killed", "injured", c.measure):
            continue
        if t.measure == (want or c.measure) and _within(c, t.value, t.high):
            return t
        if want is None:
            return None
    return None


# The site after a zero: up to five words, ending before a clause's next verb or link.
_ZERO_SITE: Final = re.compile(
    r"\s+(?:at|in|inside|near)\s+((?:the\s+)?[\w'’-]+"
    r"(?:[ \t]+(?!(?:said|says|told|and|but|or|when|while|after|before|as|on|during|because"
    r"|which|who|where|that|from|by|for|with|to)\b)[\w'’-]+){0,4})",
    re.IGNORECASE,
)


def _zero_claims(article: Article, section: Section, sent: Piece, lower: str) -> list[Claim]:
    """Explicit zeros: "no one was hurt" is a claim of 0, not a missing claim (``lower``:
    the sentence lowercased)."""
    out: list[Claim] = []
    if "no" not in lower:
        return out  # every pattern of _ZERO has "no" (no Unicode letter folds to n or o)
    for m in _ZERO.finditer(sent.text):
        verb = (m.group(2) or m.group(3) or "").lower()
        killed = ("killed", "died", "deaths", "fatalities", "casualties")
        measure = "killed" if verb in killed else "injured"
        start, end = sent.start + m.start(), sent.start + m.end()
        # "No one was hurt at the second post" speaks of one site only.
        where = _ZERO_SITE.match(sent.text, m.end())
        out.append(
            _make_claim(
                id=content_id(article.id, section, str(start), measure),
                article=article.id,
                section=section,
                span=shared(_make_span(start=sent.start, end=sent.end)),
                number_span=_make_span(start=start, end=end),
                text=sent.text,
                measure=measure,
                group="people",
                group_text="",
                value=0,
                low=0,
                high=0,
                number_text=m.group(0),
                scope=where.group(1) if where else None,
            )
        )
    return out


_SUFFERED: Final = frozenset(
    ["suffered", "sustained", "received", "suffering", "sustaining", "suffers", "sustains"]
)
_WOUNDS: Final = frozenset(["injuries", "injury", "wound", "wounds"])
_FATAL_WOUNDS: Final = frozenset(["fatal", "mortal", "deadly"])
# How one who was hurt reaches care: "two others arrived at a hospital".
_ARRIVED: Final = {
    ("arrived", "at"),
    ("appeared", "at"),
    ("showed", "up", "at"),
    ("turned", "up", "at"),
    ("walked", "into"),
    ("went", "to"),  # only "with" a wound (see ``_went_hurt``)
    ("recovering", "in"),
    ("recovering", "at"),
}
_ARRIVALS: Final = frozenset(p[0] for p in _ARRIVED)
# ... or takes themselves there: "drove himself to a hospital" (see ``_self_carried``).
_SELF_CARRY: Final = frozenset(
    "drove drives drive driving took takes take taking walked walks tried attempted".split()
)
# Words a predicate may open with after its subject: "was", "killed", "suffered", "arrived"
# (an arrival is a count only where a hospital follows).
_PREDICATE_OPENERS: Final = (
    lx.AUX | frozenset(lx.PASSIVE_TRIGGERS) | _SUFFERED | {"passed"} | _ARRIVALS | _SELF_CARRY
)


_GATE_FUNCTION_WORDS: Final = frozenset(["to", "in", "of", "for", "by", "was", "were"])
_GATE_SKIP: Final = _GATE_FUNCTION_WORDS | {
    "set", "violence", "fighting", "homes", "forced", "driven"
}


def _trigger_vocabulary() -> WholeWords:
    words = {
        *lx.PASSIVE_TRIGGERS,
        *lx.ACTIVE_TRIGGERS,
        *lx.OF_NOUNS,
        *_WOUNDS,
        "treated",
        "hospital",
        "hospitals",
        "clinic",  # "taken to a clinic", "... to the University Medical Center"
        "infirmary",
        "center",
        "centre",
        "toll",
        "total",
        "no one",
        "nobody",
        "no-one",
        "none",
        "casualties",
        "fatalities",
        "bodies",
        "corpses",
        "lives",
        "end",
        "dead",
        "death",
        "double",
        "triple",
        "quadruple",
        "suicide",
        "homicide",
        "fatal",
        "deadly",
        "murder",
        "manslaughter",
        "murder-suicide",
        "murder-suicides",
    }
    # A phrase matches only whole, so one of its words is enough; its function words ("in
    # critical condition", "died of") and common words ("set free", "fled the violence")
    # would let many sentences through for nothing.
    for p, _ in lx.PASSIVE_PHRASES:
        ends = {w for w in (p[0], p[-1]) if w not in _GATE_SKIP}
        words |= ends or {next(w for w in p if w not in _GATE_FUNCTION_WORDS)}
    return WholeWords(words)


# A sentence with none of these words cannot yield a claim: the cheap first test.
_TRIGGER_GATE = _trigger_vocabulary()
# Nor, without these, name a claimant (every word :func:`_speeches` looks for).
_SPEECH_GATE: Final = WholeWords(
    lx.SPEECH_VERBS | lx.GERUND_SPEECH | lx.STANCE_VERBS | {"according"}
)


# --- quantities ------------------------------------------------------------------------------
_COUNT_STARTS: Final = frozenset(
    [
        "double",
        "triple",
        "quadruple",
        *UNITS,
        *TENS,
        *VAGUE,
        "a",
        "an",
        "half",
        "both",
        "he",
        "she",
        "his",
        "her",
        "their",
        "the",
        "another",
        "one",
        "him",
        *(f"{t}-{u}" for t in TENS for u in UNITS),
    ]
)


_COUNT_WORDS: Final = _COUNT_STARTS | _SINGULAR


def _find_counts(
    words: list[str], shown: list[str], periods: list[PeriodMention], headline: bool = False
) -> list[_Count]:
    used = {i for p in periods for i in range(p.start, p.end)}
    counts: list[_Count] = []
    free = 0  # the first token not inside a count found already
    for i in _count_starts(words, shown):
        if i < free or i in used:
            continue
        q = parse_quantity(words, i)
        if q is None or _not_a_count(words, shown, q):
            q = _singular(words, i, shown, headline)
            if q is None:
                continue
        q = parse_range(words, q)
        first = q.start
        hedge = find_hedge(words, q.start)
        if hedge and q.qualifier != "vague":
            first, qual = hedge
            q = apply_qualifier(q, qual)
        counts.append(_Count(q=q, first=first, np_start=q.end, np_end=q.end))
        free = max(q.end, i + 1)
    return counts


def _count_starts(words: list[str], shown: list[str]) -> list[int]:
    """The tokens a count may start at; most cannot, and skip the parsers. A capitalised
    word that is no number word ("Hundred") nor a count word can only be a person's name
    (``_singular``), so a name's later words and known words are left out at once."""
    return [
        i
        for i, w in enumerate(words)
        if w[0].isdecimal()
        or w in _COUNT_WORDS
        or (
            shown[i][:1].isupper()
            and (
                w in SCALES
                or w in _AGE_TOKENS
                or _name_start(words, shown, i)
                or w.endswith("'s")  # "Jada's father was shot"
            )
        )
    ]


def _after_brackets(words: list[str], k: int) -> int:
    """The token after a short bracketed aside that opens at ``k`` ("(pictured)", "(w/m,
    46)"), or ``k``."""
    if k < len(words) and words[k] == "(":
        for j in range(k + 1, min(k + 8, len(words))):
            if words[j] == ")":
                return j + 1
            if words[j] == "(":
                break
    return k


def _before_caption(words: list[str], k: int) -> int:
    """The token before a bracketed aside that ends at ``k`` ("Poe (pictured)"), or ``k``."""
    if words[k] == ")":
        for j in range(k - 1, max(k - 5, 0), -1):
            if words[j] == "(":
                return j - 1
    return k


def _not_a_count(words: list[str], shown: list[str], q: Quantity) -> bool:
    before = words[q.start - 1] if q.start > 0 else ""
    after = words[q.end] if q.end < len(words) else ""
    after2 = words[q.end + 1] if q.end + 1 < len(words) else ""
    tok = words[q.start]
    if tok.endswith("%") or after in ("%", "percent", "per") or before in _CURRENCY:
        return True
    if after == "s" or tok == "911" or before in _NUMBERED_ROADS:
        return True  # "in his 80s", "dial 911", "Hwy 150"
    if before == "," and q.start >= 2 and after in _AFTER_AGE and (
        shown[_before_caption(words, q.start - 2)][:1].isupper()
        or (words[q.start - 2] == "." and q.start >= 3 and words[q.start - 3] in _NAME_SUFFIXES)
    ):
        # an age after a name: "Lamont Jones, 33, and Mario King, 26, were killed"; "Dana
        # Poe (left), 37, and her son"
        return True
    if (
        before == ","
        and q.start >= 2
        and words[q.start - 2] in _SINGULAR
        and (
            after in ("", ",", ".", ";", "and", "was", "is", "died")
            or (q.end < len(shown) and shown[q.end][:1].isupper())  # "kills man, 18 Jose ..."
        )
        and tok.isdecimal()
        and int(tok) < 120
    ):
        return True  # "kills man, 18", "a woman, 34, was shot"
    if after in _YO or (before == "than" and q.start >= 2 and words[q.start - 2] in _YOUNGER):
        return True  # "a 16yo", "a boy younger than 12"
    if (
        tok.isdecimal()
        and len(tok) >= 3
        and q.end < len(shown)
        and shown[q.end][:1].isupper()
        and after not in lx.GROUP_NOUNS
        and after not in lx.PASSIVE_TRIGGERS
    ):
        return True  # an address: "7900 Scott Hamilton", "1415 Fifth Avenue"
    if after in ("a.m", "p.m", "am", "pm", "gmt", "utc"):
        return True
    if (
        before in _CLOCK_LEADS
        and (q.start == 1 or words[q.start - 2] == ",")
        and (after in lx.WEEKDAYS_LOWER or (after in ("that", "last") and after2 in _DAY_PARTS))
    ):
        return True  # a clock time opening a clause: "Around 10 Saturday night, four were shot"
    if (after == ":" and after2[:1].isdecimal()) or (
        before == ":" and q.start >= 2 and words[q.start - 2][:1].isdecimal()
    ):
        return True  # a time or a score ("10:45", "3:2"), not "Police: 2 dead"
    if after in ("a", "p") and after2 == "." and words[q.end + 2 : q.end + 3] == ["m"]:
        return True  # "about 8 p.m." split as p . m .
    if after == "-" and after2.startswith(("year", "month", "week", "day", "hour", "storey")):
        return True  # "12-year-old", "a 10-day siege"
    if _years_old(words, q.end):
        return True  # "a 28 year-old man", "were 28 and 31 years old"
    decimal = _DECIMAL.fullmatch(tok) and q.end == q.start + 1  # "2.5 million" is fine
    if decimal or _ORDINAL.fullmatch(tok):
        return True
    if tok.isdecimal() and len(tok) == 4 and 1800 <= int(tok) <= 2100:
        return True  # years ("in 1948")
    if (
        tok.isdecimal()
        and int(tok) <= 31
        and before == "."
        and q.start >= 2
        and words[q.start - 2] in _MONTHS
    ):
        return True  # a date: "Nov. 25"
    if before in ("no", "no.", "number", "#", "page", "phase", "route", "flight", "article"):
        return True
    if before == "of" and q.start >= 2 and words[q.start - 2] in _PARENTS:
        return True  # "a mother of three"
    if before == "of" and q.start >= 2 and words[q.start - 2] in ("age", "ages"):
        return True  # "children under the age of 12"
    if _listed_age(words, q.start) or (before == "both" and after in ("", ",", ".", ";", ")")):
        return True  # "two boys, ages 7 and 10,", "a woman and a man, both 19,"
    if before == "also" and tok.isdecimal() and after in ("", ",", ".", ";", ")"):
        return True  # an age after a name: "the death of Dan Cole, also 18."
    if before == "of" and q.start >= 3 and words[q.start - 3] in _GALLERY:
        return True  # "Image 2 of 10"
    # "Operation Storm 2", "Brigade 7": a number that ends a capitalised name
    if tok.isdecimal() and q.start >= 1 and shown[q.start - 1][:1].isupper():
        if before in lx.WEEKDAYS_LOWER or before in _MONTHS:
            return False
        if before in lx.ACTIVE_TRIGGERS or before in _TITLE_CASE_LEADS:
            return False  # a title-case headline: "Gunman Kills 3", "As Many As 6 Wounded"
        return before in _NAME_NUMBERED or (q.start >= 2 and shown[q.start - 2][:1].isupper())
    return False


_DECIMAL: Final = re.compile(r"\d+\.\d+")
_ORDINAL: Final = re.compile(r"\d+(st|nd|rd|th)")


_AGES: Final = frozenset(["age", "ages", "aged"])
_AGE_LIST_LINKS: Final = frozenset([",", "and", "to", "-"])
_PEOPLE_PLURALS: Final = frozenset(
    """men women males females boys girls teens teenagers victims people persons adults
    brothers sisters friends cousins""".split()
)
_AFTER_LISTED_AGE: Final = frozenset(["", ",", ".", ";", ")", "and", "were", "are", "have", "had"])
_YOUNGER: Final = frozenset(["younger", "older"])
_NAME_SUFFIXES: Final = frozenset(["jr", "sr"])
# A bare figure after these, opening a clause and followed by a day, is a clock time.
_CLOCK_LEADS: Final = frozenset(["around", "about", "at", "approximately", "shortly"])
_DAY_PARTS: Final = frozenset(["morning", "afternoon", "evening", "night"])


def _listed_age(words: list[str], i: int) -> bool:
    """Is the number at ``i`` in a list of ages ("ages 7 and 10", "aged 3, 5 and 9",
    "between the ages of 21 and 58", "two men, 30 and 42")?"""
    if not words[i].isdecimal():
        return False  # ages are written in figures: "ages 7 and 10, and two adults"
    k = i - 1
    while k >= 0 and (words[k] in _AGE_LIST_LINKS or words[k].isdecimal()) and i - k < 8:
        k -= 1
    if k < 0:
        return False
    if words[k] in _AGES or (words[k] == "of" and k >= 1 and words[k - 1] in _AGES):
        return True
    # Figures set off after people already counted are their ages: "two males, 30 and 42
    # were injured", "Five victims, 19, 22 and 30, were shot".
    after = words[i + 1] if i + 1 < len(words) else ""
    return (
        words[k] in _PEOPLE_PLURALS
        and words[k + 1] == ","
        and int(words[i]) < 120
        and after in _AFTER_LISTED_AGE
        and any(parse_quantity(words, j) is not None for j in range(max(0, k - 2), k))
    )


# "a 28 year old", "a nineteen month old child", "his 6 month old daughter"
_AGE_UNITS: Final = frozenset(
    ["year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days"]
)
_YO: Final = frozenset(["yo", "yoa"])  # "a 14yo", "6yoa" (split into a number and this)


def _years_old(words: list[str], k: int) -> bool:
    for m in range(k, min(k + 5, len(words))):
        w = words[m]
        if w in ("year-old", "years-old") or (
            w in _AGE_UNITS and m + 1 < len(words) and words[m + 1] == "old"
        ):
            return True
        if not (w.isdecimal() or w in ("and", ",", "-")):
            return False
    return False


_MONTHS: Final = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# Capitalised words that are not the name of a person.
_KNOWN_WORDS: Final = (
    frozenset(lx.GROUP_NOUNS)
    | frozenset(lx.PLACE_NOUNS)
    | lx.OTHER_NOUNS
    | frozenset(
        """police the a he she they it we i officials authorities witnesses two one nobody no
    someone everyone anyone none both all his her this that there monday tuesday wednesday
    thursday friday saturday sunday""".split()
    )
)
# Words a count follows in a title-case headline, never part of a name.
_TITLE_CASE_LEADS: Final = frozenset(
    """as than about least to of at nearly almost over some more leaves left leave
    leaving and with after""".split()
)
_NUMBERED_ROADS: Final = frozenset(
    ["hwy", "highway", "interstate", "route", "rt", "sr", "us", "i", "county", "fm", "state"]
)
# Words that follow an age set off after a name ("Jamal Berry, 30, was", "Berry, 30 after").
_AFTER_AGE: Final = frozenset(
    ", ; and was were is of ( ) . after before when who from".split()
)
_GALLERY: Final = frozenset(
    ["image", "images", "photo", "photos", "slide", "picture", "page", "video"]
)
_PARENTS: Final = frozenset(["mother", "father", "parent", "parents", "grandmother", "grandfather"])
_NAME_NUMBERED: Final = frozenset(
    [
        "operation",
        "phase",
        "brigade",
        "route",
        "flight",
        "unit",
        "camp",
        "sector",
        "block",
        "highway",
        "gate",
        "building",
        "ward",
    ]
)


def _singular(
    words: list[str], i: int, shown: list[str] | None = None, headline: bool = False
) -> Quantity | None:
    """One person, counted only if a predicate follows: "a man", "the 64-year-old victim",
    "his wife", "54-year-old Gregory Bishop", a headline's "Man shot", "He was pronounced dead".
    A headline drops its articles: "gunman shoots 15-year-old", "killed teenager".
    """
    w0 = words[i]
    if (
        w0 == "her"
        and i > 0
        and words[i - 1] in _HIM_VERBS
        and (
            i + 1 == len(words)
            or not words[i + 1].isalpha()
            or words[i + 1].endswith("ly")
            or words[i + 1] in _AFTER_OBJECT
            or words[i + 2 : i + 3] == ["times"]  # "shot her several times"
        )
    ):
        return Quantity(i, i + 1, 1, 1, 1)  # "shot his wife, killing her.", "killing her and"
    # "the", "his", "her" are no number, name nor word counted alone: only the noun phrase
    # they open can be one person, and the tests of the words themselves can be skipped.
    if w0 not in _NP_ONLY:
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w0 in ("he", "she") and (
            nxt in lx.AUX
            or nxt in lx.PASSIVE_TRIGGERS
            # "he suffered a wound", but not "died of the wound he suffered"
            or (nxt in _SUFFERED and not (i and words[i - 1] in _WOUNDS))
        ):
            return Quantity(i, i + 1, 1, 1, 1)
        if w0 == "him" and i > 0 and words[i - 1] in _HIM_VERBS:
            return Quantity(i, i + 1, 1, 1, 1)  # "the suspects who shot and killed him"
        if w0 in _MULTIPLES and nxt in _MULTIPLE_EVENTS:
            n = _MULTIPLES[w0]
            return Quantity(i, i + 1, n, n, n)  # "a double homicide", "a triple shooting"
        if w0 == "another" and (
            (nxt and (_np_ends(nxt) or nxt in ("person", "victim")))
            or (i > 0 and words[i - 1] in lx.ACTIVE_TRIGGERS)  # "killed three and wounded another"
        ):
            return Quantity(i, i + 1, 1, 1, 1)  # "one was killed, another was injured"
        if w0 == "both" and (
            nxt in lx.AUX
            or nxt in lx.GROUP_NOUNS
            # "(they) both died", "both committed suicide"; not "the two men were both
            # shot" nor "a man and a woman, both dead": there the subject is the count
            or (
                (nxt in _PREDICATE_OPENERS or nxt in _COMMITTED)
                and (
                    i == 0
                    or words[i - 1] in ("they", "that", "and", "but")
                    or words[i - 1] in lx.SPEECH_VERBS
                )
            )
        ):
            return Quantity(i, i + 1, 2, 2, 2)  # "Both were injured", "both teens died"
        if w0 in _SINGULAR and shown is not None and _headline_start(words, shown, i):
            # headline: "Man shot inside supermarket", "Augusta man shot while fleeing"
            return Quantity(i, i, 1, 1, 1)
        age = _age_end(words, i)
        if age is not None and (headline or (i > 1 and words[i - 1] == "of")):
            return Quantity(i, age, 1, 1, 1)  # "shoots 15-year-old in head", "death of 5-year-old"
        if headline and w0 in _SINGULAR and i > 0 and words[i - 1] in _HEADLINE_VERBS:
            return Quantity(i, i, 1, 1, 1)  # "gunman who killed teenager"
        if (
            headline
            and w0 in _SINGULAR
            and i > 1
            and words[i - 2] in _HEADLINE_VERBS
            and words[i - 1].isalpha()
            and words[i - 1] not in _NP_BOUNDARY
            and words[i - 1] not in _COUNT_STARTS
        ):
            return Quantity(i - 1, i - 1, 1, 1, 1)  # "killed township man": with its modifier
        if headline and w0 in _SINGULAR and i > 0 and words[i - 1] in (",", ";"):
            return Quantity(i, i, 1, 1, 1)  # "Man killed, woman wounded"
        if (
            age is not None
            and shown is not None
            and age < len(shown)
            and (shown[age][:1].isupper() or (i == 0 and words[age] in _SINGULAR))
        ):
            # "the death of 54-year-old Gregory Bishop"; a headline's "24-year-old man shot"
            return Quantity(i, age, 1, 1, 1)
        if shown is not None and _person_name(words, shown, i):
            return Quantity(i, i, 1, 1, 1)
        if w0 not in _LEADS and not (shown is not None and _named_owner(words, shown, i)):
            return None
    j = i + 1
    while j < min(i + 7, len(words)):
        w = words[j]
        if w in _SINGULAR:
            return Quantity(i, i + 1, 1, 1, 1)
        if w.endswith("'s") and w[:-2] in _SINGULAR and (
            words[j + 1 : j + 2] == ["body"] or _death_after(words, j + 1)
        ):
            return Quantity(i, i + 1, 1, 1, 1)  # "a man's body", "a man's murder"
        if w in ("second", "third", "fourth", "fifth") and j == i + 1 and w0 == "a":
            return Quantity(i, i + 2, 1, 1, 1)  # "a second victim", "a third was injured"
        if w == "couple" and words[j + 1 : j + 2] != ["of"]:
            return Quantity(i, i + 1, 2, 2, 2)  # "killed a young couple"
        skip = _age_end(words, j)
        if skip is not None:
            if j == i + 1 and skip < len(words) and _np_ends(words[skip]):
                return Quantity(i, i + 1, 1, 1, 1)  # "a 15-year-old with a gunshot wound"
            if words[skip - 1].endswith("'s") and _death_after(words, skip):
                return Quantity(i, i + 1, 1, 1, 1)  # "the 6-year-old's shooting death"
            j = skip
            continue
        if w == "." and shown is not None and _initialism_stop(shown, j):
            j += 1  # "a U.S. soldier"
            continue
        if w in _NP_BOUNDARY or w in _PUNCT_STOP or parse_quantity(words, j):
            return None
        j += 1
    return None


def _named_owner(words: list[str], shown: list[str], i: int) -> bool:
    """Does a name's possessive at ``i`` lead a noun phrase as "his" does ("Jada's father
    was shot"), not inside one that an article leads ("A Polk County Sheriff's deputy")?"""
    if not (words[i].endswith("'s") and shown[i][:1].isupper()):
        return False
    k = i - 1
    while k >= 0 and shown[k][:1].isupper() and words[k] not in _LEADS:
        k -= 1
    return k < 0 or words[k] not in _LEADS


_NP_ONLY: Final = frozenset(["the", "his", "her", "their"])
# Words after "shot her" that make "her" its object, not a possessive ("shot her husband").
_AFTER_OBJECT: Final = frozenset(
    """and in on at before after as while with during then twice once inside outside near
    to repeatedly""".split()
)
# A headline's verbs in the present, which no noun phrase runs on through.
_PRESENT_VERBS: Final = frozenset(["kills", "shoots", "injures", "stabs", "slays"])
# "killed him", "shot him in the hand": the person told before, as a count of one.
# ("hit him", "striking her" are wounds only after gunfire: see ``_fired_before``.)
_HIM_VERBS: Final = frozenset(
    """killed killing kill murdered shot wounded injured hit hitting struck striking""".split()
)
# Triggers that are verbs, not nouns ("kills teenager", not "shooting victim").
_HEADLINE_VERBS: Final = frozenset(
    """killed kills kill killing murdered murders slew shoots shot wounded wounds injured injures
    injure kidnapped kidnaps abducted abducts captured captures arrested arrests
    freed frees rescued rescues""".split()
)
_HEADLINE_BREAKS: Final = frozenset([":", ";", "|", ",", "-", "–", "—", "after", "as", "for"])


_MULTIPLES: Final = {"double": 2, "triple": 3, "quadruple": 4}
# Nouns of a multiple event and the measure their count takes.
_MULTIPLE_EVENTS: Final = {
    "homicide": "killed",
    "homicides": "killed",
    "murder": "killed",
    "murders": "killed",
    "slaying": "killed",
    "killing": "killed",
    "shooting": "injured",
}


def _headline_start(words: list[str], shown: list[str], i: int) -> bool:
    """A bare singular noun that opens a headline (or a headline clause), after at most two
    capitalised words: "Man shot", "Augusta man shot", "..., Michigan man wounded"."""
    k = i
    named = 0
    while (
        k > 0
        and named < 2
        and shown[k - 1][:1].isupper()
        and words[k - 1].isalpha()
        and words[k - 1] not in _COUNT_STARTS
        and words[k - 1] not in _KNOWN_WORDS
    ):
        k -= 1
        named += 1
        if k > 1 and words[k - 1] == "." and words[k - 2] in _PLACE_ABBREVIATIONS:
            k -= 2  # "St. Louis woman killed"
    if k > 0 and words[k - 1] not in _HEADLINE_BREAKS:
        return False
    # "Search for gunman after man shot": a headline drops the article after a conjunction.
    return k < i or shown[i][:1].isupper() or (k > 0 and words[k - 1] in ("after", "as", "for"))


_PLACE_ABBREVIATIONS: Final = frozenset(["st", "ft", "mt", "pt"])


def _abbreviation_stop(words: list[str], k: int) -> bool:
    """Is the token at ``k`` the full stop of an initial or a place's abbreviation ("E.
    Berlin", "St. Louis"), not a sentence's end?"""
    return words[k] == "." and (len(words[k - 1]) == 1 or words[k - 1] in _PLACE_ABBREVIATIONS)


def _np_ends(w: str) -> bool:
    return (
        w in _NP_BOUNDARY
        or w in _PUNCT_STOP
        or w in lx.AUX
        or w in lx.PASSIVE_TRIGGERS
        or w in _SUFFERED  # "a 13-year-old suffered a gunshot wound"
    )


def _name_start(words: list[str], shown: list[str], i: int) -> bool:
    """Can a person's name start at ``i`` (a capitalised word, not a known one, not inside
    a longer name nor after "year-old")? A rank or title before it starts no longer name:
    "Deputy Jason Hagen died"."""
    return (
        shown[i][:1].isupper()
        and _name_word(shown[i])
        and words[i] not in _KNOWN_WORDS
        and not (
            i
            and (
                (
                    shown[i - 1][:1].isupper()
                    and words[i - 1] not in _NAME_TITLES
                    and words[i - 1] not in _BEFORE_NAMES  # "Both Ann Lee and Bo Park"
                )
                or words[i - 1].startswith("year")
            )
        )
        and not (i > 1 and words[i - 1] == "old" and words[i - 2] in _AGE_UNITS)
    )


def _name_word(w: str) -> bool:
    """Is ``w`` a word a name is made of: letters, or two capitalised runs of letters joined
    by a hyphen ("Navarro-Garcia", "Jean-Phillip")?"""
    if w.isalpha():
        return True
    first, dash, second = w.partition("-")
    return bool(dash) and first.isalpha() and second[:1].isupper() and second.isalpha()


# Capitalised words opening a sentence before a list of names.
_BEFORE_NAMES: Final = frozenset(["both", "and", "but"])
# Ranks and titles written before a person's name, in lower case.
_NAME_TITLES: Final = frozenset(
    """officer deputy trooper detective sergeant corporal lieutenant captain constable agent
    patrolman firefighter private specialist sheriff marshal chief pastor reverend judge
    mayor senator councilman councilwoman""".split()
)


# Words a place name follows: "a man in Dayton", "a girl from White County".
_PLACE_PREPOSITIONS: Final = frozenset(["in", "from", "near", "outside", "inside"])


def _after_place_word(words: list[str], shown: list[str], i: int) -> bool:
    """Does the capitalised word at ``i`` follow "in"/"from"/"near", directly or after an
    earlier name and a comma ("in Dayton, Ohio")?"""
    k = i - 1
    if k >= 0 and words[k] == ",":
        k -= 1
        while k >= 0 and shown[k][:1].isupper() and shown[k].isalpha():
            k -= 1
        if k == i - 2:
            return False  # no name before the comma
    return k >= 0 and words[k] in _PLACE_PREPOSITIONS


def _person_name(words: list[str], shown: list[str], i: int, depth: int = 0) -> bool:
    """A capitalised name that is the victim of a predicate: "Watkins was killed",
    "Ronnie Chambers, 33, was fatally struck", "killing Jamal Berry", "the death of X"."""
    if not _name_start(words, shown, i) or words[i] in _HEADLINE_VERBS:
        return False  # a title-case verb opens no name: "Girl, 16, Killed After Accidentally"
    if _after_place_word(words, shown, i):
        return False  # "a man in Dayton, Ohio was shot": places, not people
    n = len(words)
    j = i
    while j < n and j - i < 3 and shown[j][:1].isupper() and _name_word(shown[j]):
        if words[j] in _KNOWN_WORDS:
            return False
        j += 1
    if j == i:
        return False
    if j < n and words[j] in _NAME_SUFFIXES:
        j += 1  # "Antwone Earl Price Sr."
    if j < n and words[j] == "." and words[j - 1] in _NAME_SUFFIXES:
        j += 1  # "Marcus Reed Jr."
    if j < n and words[j] == "(" and (aside := _after_brackets(words, j)) > j:
        j = aside  # "Nate Doe (pictured) was shot"
        if words[j : j + 1] == [","] and j + 1 < n and words[j + 1] in _PREDICATE_OPENERS:
            j += 1  # "the suspect, Nate Doe (w/m, 46), suffered"
    before = words[i - 1] if i else ""
    if before == "to" and i > 1 and words[i - 2] == "according":
        return False  # "According to Medical Examiners, Wren died": the source
    if before in lx.ACTIVE_TRIGGERS or (before == "of" and i > 1 and words[i - 2] in lx.OF_NOUNS):
        return True
    if before in ("and", ",", ";") and _listed_after_trigger(words, shown, i - 1):
        return True  # "killing Jacinta Walker, 18, and Aveion Bolden"
    if j + 2 < n and words[j] == "," and words[j + 1].isdecimal() and words[j + 2] in (",", ";"):
        j += 3 if words[j + 2] == "," else 2  # ", 33,"; ", 70;" leaves the list's semicolon
    if j + 1 < n and words[j] == "of" and shown[j + 1][:1].isupper():
        k = j + 1  # where the person lives: "Michael Harmon, 71, of Sanford, was shot"
        while k < n and k - j <= 4:
            if shown[k][:1].isupper() and shown[k].isalpha():
                k += 1
            elif _abbreviation_stop(words, k):
                k += 1  # "of E. Berlin", "of St. Louis"
            else:
                break
        if k > j + 1 and k < n:
            j = k + 1 if words[k] == "," else k
    if (
        j < n
        and (after := _apposition_end(words, j)) is not None
        and any(
            w in _SINGULAR or w in _KIN or _age_end(words, m)
            for m, w in enumerate(words[j:after], j)
        )
    ):
        # "Javon Wilson, the grandson of Rep. Danny Davis, was shot"; not "Dnipro, a city"
        j = after
    if depth < 4 and j + 1 < n and (words[j] in _NAME_LIST_LINKS or words[j - 1] == ","):
        # "Lamont Jones, 33, and Mario King were killed": a list of names, one predicate
        # (after an age, its comma may be the list's: "Ann Lee, 34, Bo Park, 20, and ...")
        if words[j] not in _NAME_LIST_LINKS:
            k = j
        else:
            k = j + 2 if words[j] in (",", ";") and words[j + 1] == "and" else j + 1
        if (
            k < n
            and _name_start(words, shown, k)
            and _person_name(words, shown, k, depth + 1)
        ):
            return True
    if (
        (depth or before in ("and", ","))
        and words[j : j + 1] in (["all"], ["both"])
        and words[j + 1 : j + 2] and words[j + 1] in _NAME_PREDICATES
    ):
        # "Ann Lee, Bo Park and Cy Dunn all suffered injuries" ("both were shot" counts
        # them itself)
        j += 1
    if (words[j : j + 1] == ["who"] and j - i > 1) or words[j : j + 2] == [",", "who"]:
        # "Ann Lee, who was shot in the head, is recovering": a passive clause (not "See
        # who was arrested")
        m = j + 1 + (words[j] == ",")
        if m < n and words[m] in _BE_HAVE:
            while m < n and words[m] in lx.AUX:
                m += 1
            return m < n and words[m] in lx.PASSIVE_TRIGGERS
    if j + 1 < n and words[j] in ("has", "had"):
        j += 1  # "Ronnie Bowers, 16, has died", "... had been shot"
        if words[j] == "been" and j + 1 < n:
            return words[j + 1] in lx.PASSIVE_TRIGGERS or words[j + 1] in _NAME_BE_PREDICATES
    if j < n and (words[j] in _NAME_PREDICATES or words[j : j + 2] == ["passed", "away"]):
        return True  # "Borders died", "Ann Lee suffered a gunshot wound"
    return (
        j + 1 < n
        and words[j] in _BE
        and (
            words[j + 1] in lx.PASSIVE_TRIGGERS
            or words[j + 1] in lx.AUX
            or words[j + 1] in _NAME_BE_PREDICATES
        )
    )


def _restated_by_pronoun(words: list[str], counts: list[_Count]) -> None:
    """ "The boy was shot and taken to a hospital, where he died": "he" is the person the
    sentence has counted already, not a second one; its predicate, when a death, is theirs.
    Only a pronoun right after the subject of a passive predicate, of the same sex where
    the noun tells it, is read so ("the gunman shot a man before he was killed" is not);
    and the object of ", killing" after one person shot ("shot a clerk, killing him")."""
    for c in counts:
        shot = _killing_the_shot(words, counts, c)
        if shot is not None:
            shot.measure, c.measure = "killed", None
    for prev, c in pairwise(counts):
        pronoun = words[c.first]
        if (
            pronoun not in ("he", "she")
            or c.measure not in ("killed", "injured")
            or prev.q.value != 1
            or prev.kind != "people"
            or prev.via != "passive"
            or prev.measure not in ("killed", "injured")
        ):
            continue
        if _sex_clash(pronoun, words[prev.np_start : prev.np_end]):
            continue
        if c.measure == "killed":
            prev.measure = "killed"
        c.measure = None  # (left in place: parts refer to counts by position)


def _killing_the_shot(words: list[str], counts: list[_Count], c: _Count) -> _Count | None:
    """ "shot a clerk, killing him": the one person shot (returned) is the one killed (one
    dead, no one hurt), when the pronoun fits the noun's sex."""
    pronoun = words[c.first]
    if (
        pronoun not in ("him", "her")
        or c.measure != "killed"
        or c.first < 2
        or words[c.first - 2 : c.first] != [",", "killing"]
    ):
        return None
    shot = next(
        (
            p
            for p in counts
            if p.np_end == c.first - 2
            and p.measure == "injured"
            and p.via == "active"
            and p.q.value == 1
            and p.kind == "people"
        ),
        None,
    )
    if shot is None or _sex_clash(pronoun, words[shot.np_start : shot.np_end]):
        return None
    return shot


def _sex_clash(pronoun: str, noun: list[str]) -> bool:
    """Does the pronoun ("he", "him"; "she", "her") name the other sex than the noun's
    words tell ("the woman" ... "he")?"""
    if pronoun in ("he", "him"):
        return bool(lx.FEMALE.intersection(noun))
    return pronoun in ("she", "her") and bool(lx.MALE.intersection(noun))


def _other_sex(part: list[str], whole: list[str]) -> bool:
    """Do a part's words name one sex and its total's only the other ("a woman" of "two
    men")?"""
    told, total = _sexes(part), _sexes(whole)
    return len(total) == 1 and len(told) == 1 and told != total


def _sexes(ws: list[str]) -> set[str]:
    """The sexes some words name ("m", "f")."""
    # "men", "women", "policewomen" end as the singular's "man"; other plurals in "s"
    singular = [w[:-3] + "man" if w.endswith("men") else w.removesuffix("s") for w in ws]
    return {"m" for w in singular if w in lx.MALE} | {"f" for w in singular if w in lx.FEMALE}


def _drop_appositions(
    words: list[str], shown: list[str], counts: list[_Count]
) -> list[_Count]:
    """Drop a person named again right after a noun for one person: "the suspect, Nathan
    Doe, 46, was killed" and "a passenger, a 26-year-old man, was shot" are one person
    each. The second phrase must lead straight to the predicate (after its own age, if
    any); "a man, a woman and a boy were shot" is a list. The first phrase's noun phrase
    then reaches over the second, so that its predicate is read after it."""
    if len(counts) < 2:
        return counts
    counts = _drop_listed_names(words, shown, counts)
    n = len(words)
    kept = [counts[0]]
    for prev, c in pairwise(counts):
        k = c.np_end
        if k < n and words[k] == "(":
            k = _after_brackets(words, k)  # "the suspect, Nate Doe (w/m, 46), was"
        if k + 2 < n and words[k] == "," and words[k + 1].isdecimal() and words[k + 2] == ",":
            k += 3  # the name's age: ", 46,"
        comma = k < n and words[k] == ","
        k += comma
        if (
            prev.q.value == 1
            and (
                # a noun phrase ("the driver"), or a name before a noun phrase ("Joel Ramos,
                # a 26-year-old man, died")
                (
                    prev.q.end > prev.q.start
                    and (words[prev.q.start] in _LEADS or words[prev.q.start].endswith("'s"))
                )
                or (
                    prev.q.end == prev.q.start
                    and _named(shown, prev)
                    and words[c.first] in _DETERMINERS
                )
            )
            and prev.kind in ("people", "none")
            and prev.np_end < n
            and words[prev.np_end] == ","
            and c.first == prev.np_end + 1
            and c.q.value == 1
            and words[c.first] not in ("he", "she")  # "after killing his wife, he was shot"
            and not (prev.first and words[prev.first - 1] in lx.ACTIVE_TRIGGERS)
            # a name ("Nathan Doe", "31-year-old Dana Whitlow"), or a noun phrase set off
            # by commas ("a 26-year-old man,"): "woman, 1-year-old boy wounded" lists two
            and (_named(shown, c) or (comma and words[c.first] in _DETERMINERS))
            and k < n
            and words[k] in _PREDICATE_OPENERS
        ):
            prev.np_end = k  # the predicate is read after the second phrase
            if prev.group in (None, "people") and c.kind == "people" and c.group:
                prev.group = c.group  # "the third person, a woman": a civilian
            continue
        kept.append(c)
    return kept


def _named(shown: list[str], c: _Count) -> bool:
    """Is the count a person's name ("Nathan Doe", "31-year-old Dana Whitlow"), even one
    whose last word is also a noun ("32-year-old James Page")?"""
    return c.head is None or (
        c.np_end > c.np_start and all(shown[x][:1].isupper() for x in range(c.np_start, c.np_end))
    )


def _drop_listed_names(words: list[str], shown: list[str], counts: list[_Count]) -> list[_Count]:
    """Drop the people a count names right after it, set off by commas: "Two men, James
    Smith, 32, and Tom Jones, 40, were shot" is two people shot, not four. The count's noun
    phrase then reaches over the names, so that its predicate is read after them."""
    n = len(words)
    drop: set[int] = set()
    for idx, prev in enumerate(counts):
        total = prev.q.value
        k = prev.np_end
        if total is None or total < 2 or prev.kind != "people" or k >= n or words[k] != ",":
            continue
        k += 1
        members: list[int] = []
        j = idx + 1
        while j < len(counts) and counts[j].first == k and counts[j].q.value == 1:
            c = counts[j]
            if not _named(shown, c):
                break
            members.append(j)
            k = c.np_end
            if k + 1 < n and words[k] == "," and words[k + 1].isdecimal():
                k += 2  # the name's age: ", 32"
            if k < n and words[k] == ",":
                k += 1
            if k < n and words[k] == "and":
                k += 1
            j += 1
        if k + 1 < n and words[k] in ("both", "all") and words[k + 1] == "of":
            # "..., both of Syracuse, were arrested": where they are from, then the predicate
            end = next((x for x in range(k + 2, min(n, k + 10)) if words[x] == ","), None)
            if end is not None:
                k = end + 1
        if (
            2 <= len(members) <= total
            and words[k - 1] == ","
            and k < n
            and words[k] in _PREDICATE_OPENERS
        ):
            drop.update(members)
            prev.np_end = k
    return [c for i, c in enumerate(counts) if i not in drop] if drop else counts


def _listed_after_trigger(words: list[str], shown: list[str], k: int) -> bool:
    """Does the list of names ending at ``k`` ("and", ",") follow a killing verb or "the
    deaths of" ("killing Jacinta Walker, 18, and ...")?"""
    stop = max(0, k - 24)
    while k > stop:
        w = words[k]
        if w in _NAME_LIST_LINKS or w.isdecimal() or (shown[k][:1].isupper() and w.isalpha()):
            k -= 1
            continue
        break
    w = words[k]
    if w in lx.ACTIVE_TRIGGERS and not (k > 0 and words[k - 1] in _BE):
        return k + 1 < len(shown) and shown[k + 1][:1].isupper()
    return w == "of" and k > 0 and words[k - 1] in lx.OF_NOUNS


_NAME_PREDICATES: Final = frozenset(["died", "dies", "suffered", "sustained"]) | _ARRIVALS
_NAME_LIST_LINKS: Final = frozenset(["and", ",", ";"])  # "A, 70; B, 47; and C"
_NAME_BE_PREDICATES: Final = frozenset(
    """fatally found pronounced suffering recovering listed taken transported rushed hospitalized
    hospitalised struck in treated grazed airlifted""".split()
)


# Ages in words, written as one token: "fifteen-year-old", "twenty-two-year-old".
_AGE_TOKENS: Final = frozenset(f"{a}-year-old" for a in WORD_NUMBERS)
# The word after an age's number.
_AGE_NEXT: Final = frozenset(["-", "year-old", *_YO, *_AGE_UNITS])
_YOUNG_AGES: Final = ("month-old", "months-old", "week-old", "weeks-old", "day-old", "days-old")


def _age_end(words: list[str], i: int) -> int | None:
    """End of an age "23-year-old" (tokens 23 - year-old) starting at ``i``."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if nxt not in _AGE_NEXT:  # most words: no age starts here ...
        # ... but an age in words is one token: "the two-year-old shot himself"
        return i + 1 if i < len(words) and words[i] in _AGE_TOKENS else None
    if i + 2 < len(words) and nxt == "-" and parse_quantity(words, i) is not None:
        if words[i + 2] in _AGE_UNITS and words[i + 3 : i + 4] == ["old"]:
            return i + 4  # "19-year old", "6-month old"
        if words[i + 2].startswith("year") or words[i + 2].startswith(_YOUNG_AGES):
            return i + 3
    if nxt in _AGE_UNITS and words[i + 2 : i + 3] == ["old"] and words[i].isdecimal():
        return i + 3  # "a 17 year old", "an 11 month old" (unhyphenated)
    if nxt in _YO and words[i].isdecimal():
        return i + 2  # "a 14yo"
    if i + 1 < len(words) and words[i + 1] == "year-old" and words[i].isdecimal():
        return i + 2  # "17 Year-Old"
    return None


# --- noun phrase and group -----------------------------------------------------------------
# "two of the injured / of the dead": the measure of the total they are part of.
_SUBSET_MEASURES: Final = {
    "injured": "injured",
    "wounded": "injured",
    "hurt": "injured",
    "dead": "killed",
    "killed": "killed",
    "deceased": "killed",
}
# A part of a total it names no noun of its own for: "two of them", "two of the injured".
_OF_TOTAL: Final = frozenset(["them", *_SUBSET_MEASURES])


# Measures whose people are still held ("of the abducted", "of those arrested").
_HELD: Final = frozenset(["kidnapped", "captured", "arrested", "missing", "displaced"])
# Predicates that free a captive ("18 of the abductees had escaped") but tell nothing of
# anyone else ("two suspects escaped" is no release).
_ESCAPED: Final = frozenset(["escaped", "fled"])


_OF_DETERMINERS: Final = frozenset(["the", "their", "its", "them", "those", "these", "whom"])


_WORD_CHAR: Final = re.compile(r"\w")


_DEATH_NOUNS: Final = frozenset(["death", "murder", "killing", "slaying", "homicide"])


def _age_group(words: list[str], i: int) -> str:
    """The group of someone told only by an age at ``i`` ("the 6-year-old")."""
    years = parse_quantity(words, i)
    return "children" if years and years.value is not None and years.value < 18 else "people"


def _death_after(words: list[str], k: int) -> bool:
    """ "(shooting) death", "murder", "killing" at ``k``: a possessive's death."""
    if k < len(words) and words[k] in ("shooting", "stabbing", "fatal"):
        k += 1
    return k < len(words) and words[k] in _DEATH_NOUNS


_PRONOUN_STARTS: Final = frozenset(["he", "she", "him", "his", "her", "their"])
# Words that cannot modify a noun: "(he) shot a man" has no noun between verb and head.
_NOT_MODIFIERS: Final = frozenset(
    """a an the this that these those his her their its my our your one another some any no
    to in at on of for by with from into as and or""".split()
)


# Places whose size is told in people: "a city of about 1 million people".
_SETTLEMENTS: Final = frozenset(
    """city town village township district county region province state country nation
    municipality suburb neighbourhood neighborhood community settlement camp island capital
    population""".split()
)


def _population(words: list[str], first: int) -> bool:
    """ "a city of about 1 million people", "home to 30,000 residents": who lives in a place,
    not who was hurt there."""
    before = words[max(0, first - 2) : first]
    if before == ["home", "to"]:
        return True
    return len(before) == 2 and before[1] == "of" and before[0] in _SETTLEMENTS


# An initialism as its tokens are joined: "U . S . " (for "U.S.").
_INITIALISM: Final = re.compile(r"(?<![\w.])(?:[A-Z] \. )+")


def _as_written(joined: str) -> str:
    """Tokens joined by spaces as the text has them: "3 - year-old girl" is "3-year-old
    girl", "U . S . Marines" is "U.S. Marines"."""
    return _INITIALISM.sub(lambda m: m.group().replace(" ", "") + " ", joined.replace(" - ", "-"))


def _initialism_stop(shown: list[str], k: int) -> bool:
    """Is token ``k`` a full stop of an initialism of two letters or more ("U.S.", "U.N."),
    not a name's middle initial ("Nygel E. Williams")?"""
    if shown[k] != "." or k == 0 or not _initial(shown[k - 1]):
        return False
    return (k + 2 < len(shown) and _initial(shown[k + 1]) and shown[k + 2] == ".") or (
        k >= 3 and shown[k - 2] == "." and _initial(shown[k - 3])
    )


def _initial(token: str) -> bool:
    return len(token) == 1 and token.isupper()


def _third_name(words: list[str], shown: list[str], c: _Count, k: int) -> bool:
    """Is the word at ``k`` the third of a person's name ("Tyler Alan Smith was shot"), not
    a suffix ("Marcus Reed Jr.") nor after a title ("Pastor Ann Lee", whose name is read
    on its own)?"""
    return (
        c.q.start == c.q.end
        and shown[k][:1].isupper()
        and words[k] not in _NAME_SUFFIXES
        and words[k - 2] not in _NAME_TITLES
    )


def _read_np(words: list[str], shown: list[str], c: _Count) -> None:
    j = c.q.end
    if words[c.q.start] in _MULTIPLES and j < len(words) and words[j] in _MULTIPLE_EVENTS:
        # "a double homicide": two people killed; "a double shooting": two people shot
        c.measure, c.via = _MULTIPLE_EVENTS[words[j]], "multiple"
        c.kind, c.group, c.head, c.group_text = "people", "people", words[j], ""
        c.np_start, c.np_end = j, j + 1
        return
    if (
        j + 1 < len(words)
        and words[j] in lx.PASSIVE_TRIGGERS
        and lx.PASSIVE_TRIGGERS[words[j]] in lx.PEOPLE_MEASURES
        and (
            words[j + 1] in lx.GROUP_NOUNS
            # "three kidnapped aid workers": a noun before the head
            or (
                words[j + 2 : j + 3]
                and words[j + 2] in lx.GROUP_NOUNS
                and shown[j + 1].isalpha()
                and shown[j + 1].islower()  # not a name: "5 injured SAPD officials"
                and words[j + 1] not in _NOT_MODIFIERS
                and words[j + 1] not in lx.PASSIVE_TRIGGERS
                and words[j + 1] not in _FINITE
                and words[j + 1] not in _SUBJ_STOP
                and words[c.q.start] not in _PRONOUN_STARTS
            )
        )
    ):
        # "200 displaced people were abducted": a description; the verb after tells the measure
        if words[j] != "displaced" or not any(
            w in lx.PASSIVE_TRIGGERS for w in words[j + 2 : j + 5]
        ):
            c.measure, c.via = lx.PASSIVE_TRIGGERS[words[j]], "adjective"  # "17 injured people"
        j += 1
    if (
        j < len(words)
        and words[j] in ("bodies", "corpses")
        and (j + 1 >= len(words) or words[j + 1] not in lx.OTHER_NOUNS)
    ):
        c.measure, c.via, c.kind, c.group = "killed", "bodies", "people", "people"
        c.head, c.group_text = words[j], shown[j]
        c.np_start, c.np_end = j, j + 1
        return
    if (
        c.q.value == 1
        and j + 1 < len(words)
        and words[j].endswith("'s")
        and words[j][:-2] in _SINGULAR
        and words[j + 1] == "body"
    ):
        c.measure, c.via, c.kind, c.group = "killed", "bodies", "people", "people"
        c.head, c.group_text = words[j][:-2], shown[j][:-2]
        c.group = _group_of([c.head], [c.head]) if c.head in lx.GROUP_NOUNS else "people"
        c.np_start, c.np_end = j, j + 2
        return  # "a man's body was found"
    aged = _age_end(words, j)
    poss = j - 1 if j and words[j - 1].endswith("'s") else (aged - 1 if aged is not None else j)
    if (
        c.q.value == 1
        and poss < len(words)
        and words[poss].endswith("'s")
        and (poss != j or words[poss][:-2] in _SINGULAR)
        and _death_after(words, poss + 1)
    ):
        c.measure, c.via, c.kind = "killed", "possessive", "people"
        c.head = words[poss][:-2]
        c.group = _group_of([c.head], [c.head]) if c.head in lx.GROUP_NOUNS else "people"
        c.group_text = shown[poss][:-2]
        age_at = c.q.start if poss == j - 1 else j
        if poss != j and _age_end(words, age_at) == poss + 1:
            c.group = _age_group(words, age_at)
            c.group_text = ""
        c.np_start, c.np_end = poss, poss + 1
        return  # "the 5-year-old's shooting death", "a man's murder"
    if j < len(words) and words[j] == "of":
        j += 1
        det = words[j] if j < len(words) else ""
        if c.first > 0 and words[c.first - 1] == "all":
            det = ""  # "all eight of the dead": the whole, not a part
        if words[j : j + 1] and words[j] in _OF_DETERMINERS:
            j += 1
        head = words[j] if j < len(words) else ""
        if det in ("the", "those", "these") and lx.PASSIVE_TRIGGERS.get(head) in _HELD:
            # "15 of the abducted (students) had escaped": a part of the captives; what
            # befell them is the predicate's, and with none it is the captives' measure.
            c.held = lx.PASSIVE_TRIGGERS[head]
            j += 1
            head = words[j] if j < len(words) else ""
        if det in ("the", "those", "these") and head in _SUBSET_MEASURES:
            # "two of the injured": a part of the injured told before, not a new total
            c.kind, c.subset, c.subset_end = "people", head, j + 1
            c.np_start, c.np_end = j, j + 1
            return
        if det in ("them", "whom") or (det in ("those", "these") and _np_ends(head)):
            c.subset, c.subset_end = "them", j  # "two of them", "one of whom"
        elif head in ("victims", "casualties") and det in ("the", "those", "these"):
            c.subset, c.subset_end = head, j + 1  # "three of the victims"
    start = j
    last_known = -1
    k = j
    nouns: list[int] = []
    while k < len(words) and k - start < 6:
        w = words[k]
        age = _age_end(words, k)
        if age is not None:
            k = age  # "a 23-year-old man"
            continue
        if w in ("'", '"') or (w == "-" and nouns):
            k += 1
            continue
        if w == "." and k > start and (
            _initialism_stop(shown, k) or words[k - 1] in _PLACE_ABBREVIATIONS
        ):
            k += 1  # an initialism's full stops: "four U.S. Marines", "two St. Mary deputies"
            continue
        if w in ("and", "or") and nouns:
            nxt = next(
                (m for m in range(k + 1, min(k + 3, len(words))) if _noun_class(words[m])), None
            )
            if (
                nxt is not None
                and parse_quantity(words, k + 1) is None
                and words[k + 1] not in ("a", "an")  # "three children and a police officer"
                and _noun_class(words[nxt]) == _noun_class(words[nouns[-1]])
            ):
                k = nxt
                continue
            break
        if w in _PUNCT_STOP or w in _NP_BOUNDARY or w in lx.PASSIVE_TRIGGERS or w in lx.AUX:
            break
        if w in ("-",) or not _WORD_CHAR.match(w) or parse_quantity(words, k):
            break
        if w in _PRESENT_VERBS:
            break  # a headline's "Man shoots wife, kills self": the verb ends the subject
        if _noun_class(w):
            nouns.append(k)
            last_known = k
        k += 1
    if last_known < 0 and c.held:
        # "30 of those abducted had regained their freedom": the captives themselves
        c.kind, c.group, c.head, c.group_text = "people", "hostages", words[j - 1], shown[j - 1]
        c.np_start, c.np_end = j, j
        return
    if last_known < 0:
        # An unknown noun ("12 fishermen"): people, if a predicate says so.
        unknown = _age_end(words, j) or j  # "a 5-year-old was hurt"
        # Tokens, less an initialism's letters and stops ("U.S. service members"); an age
        # counts as taken ("a 5-year-old was hurt" has no noun after it).
        taken = unknown - j
        while (
            unknown < len(words)
            and (taken < 2 or (taken == 2 and _third_name(words, shown, c, unknown)))
            and _name_word(shown[unknown])
            and words[unknown] not in _NP_BOUNDARY
            and words[unknown] not in lx.AUX
            and words[unknown] not in lx.PASSIVE_TRIGGERS
            and words[unknown] not in lx.SPEECH_VERBS
            and words[unknown] not in _CONDITIONS  # "the other two stable"
            and words[unknown] not in _SUFFERED  # "1-year-old suffers gunshot wound"
            and words[unknown] not in _COMMITTED  # "both committed suicide"
        ):
            if unknown + 1 < len(words) and _initialism_stop(shown, unknown + 1):
                unknown += 2
                continue
            unknown += 1
            taken += 1
        c.np_start, c.np_end = j, unknown
        c.group_text = " ".join(shown[j:unknown])
        return
    end = last_known + 1
    # An unknown plural right after a known modifier is the real head ("militant compounds").
    if (
        end < len(words)
        and words[end].endswith("s")
        and not words[end].endswith("ss")
        and (
            _noun_class(words[end]) is None
            and words[end] not in _NP_BOUNDARY
            and words[end] not in lx.PASSIVE_TRIGGERS
            and words[end] not in lx.AUX
            and len(words[end]) > 3
            and words[last_known] in lx.GROUP_MODIFIERS
        )
    ):
        c.np_start, c.np_end, c.kind, c.head = start, end + 1, "other", words[end]
        c.group_text = " ".join(shown[start : end + 1])
        return
    if words[last_known] in ("victim", "victims") and words[end : end + 1] == ["of"]:
        # "the victim of Friday night's shooting died": the predicate follows the attack
        for m in range(end + 1, min(end + 7, len(words))):
            if words[m] in _ATTACK_NOUNS:
                if words[m + 1 : m + 2] in (["died"], ["dies"]) or words[m + 1 : m + 3] in (
                    ["has", "died"],
                    ["later", "died"],
                ):
                    end = m + 1
                break
            if not words[m].replace("'s", "").replace("’s", "").isalpha():
                break
    c.np_start, c.np_end = start, end
    c.head = words[last_known]
    c.group_text = " ".join(shown[start:end])
    if (
        c.q.value == 1
        and c.q.end == c.q.start + 1
        and words[c.q.start] in ("a", "an")
        and len(nouns) == 2
        and all(words[n] in _SINGULAR for n in nouns)
        and nouns[1] == nouns[0] + 2
        and words[nouns[0] + 1] == "and"
        and not _singular_verb(words, end)  # "a husband and father (of two) was killed"
    ):
        c.q = Quantity(c.q.start, c.q.end, 2, 2, 2)  # "a man and woman were shot"
    cls = _noun_class(c.head)
    if cls == "place":
        c.kind, c.group = "place", lx.PLACE_NOUNS[c.head]
        return
    if cls == "other" or _population(words, c.first):
        c.kind = "other"
        return
    c.kind = "people"
    c.group = _group_of([words[n] for n in nouns], words[start:end])
    if c.head in ("victim", "victims") and _murder_victim(words, start, end):
        c.measure, c.via = "killed", "noun"  # "the homicide victim", "victim of a fatal shooting"


def _listed_ages(words: list[str], c: _Count) -> None:
    """ "A 40-year-old man, 38-year-old woman and 12-year-old girl were shot", "a 19-year-old
    and 20-year-old": one article, then further people told by their ages alone, each one
    more person of the count."""
    n = len(words)
    if (
        c.q.value != 1
        or c.q.end != c.q.start + 1
        or words[c.q.start] not in ("a", "an")
        or _age_end(words, c.q.end) is None
        or c.kind not in ("people", "none")
    ):
        return
    k = c.np_end
    nouns = [c.head] if c.head else []
    people = 1
    while k + 1 < n and words[k] in (",", "and"):
        m = k + 2 if words[k] == "," and words[k + 1] == "and" else k + 1
        age = _age_end(words, m)
        if age is None:
            break
        if age < n and words[age] in _SINGULAR:
            nouns.append(words[age])
            age += 1
        people += 1
        k = age
    if people == 1:
        return
    c.q = Quantity(c.q.start, c.q.end, people, people, people)
    c.np_end = k
    c.kind = "people"
    known = [w for w in nouns if w in lx.GROUP_NOUNS]
    c.group = _group_of(known, " and ".join(known).split()) if known else "people"
    c.group_text = " ".join(words[c.np_start : k])


_ATTACK_NOUNS: Final = frozenset(["shooting", "shootings", "attack", "attacks", "stabbing"])
_FATAL_MODIFIERS: Final = frozenset(
    ["homicide", "murder", "murdered", "slain", "deceased", "fatal"]
)


def _murder_victim(words: list[str], start: int, end: int) -> bool:
    if any(w in _FATAL_MODIFIERS for w in words[start:end]):
        return True
    tail = words[end : end + 5]
    return tail[:1] == ["of"] and any(w in ("fatal", "deadly") for w in tail[1:])


def _noun_class(w: str) -> str | None:
    if w in lx.GROUP_NOUNS:
        return "people"
    if w in lx.PLACE_NOUNS:
        return "place"
    if w in lx.OTHER_NOUNS:
        return "other"
    return None


def _group_of(nouns: list[str], np_words: list[str]) -> str:
    """The group of a noun phrase; conjoined heads ("police and security personnel") merge."""
    conjuncts: list[list[str]] = [[]]
    for w in np_words:
        if w in ("and", "or", ","):
            conjuncts.append([])
        else:
            conjuncts[-1].append(w)
    groups = [g for g in (_conjunct_group(c) for c in conjuncts) if g]
    if not groups:
        return lx.GROUP_NOUNS[nouns[-1]]
    return _joint_group(groups)


def _joint_group(groups: Iterable[str]) -> str:
    """The one group of several, else their one parent (soldiers and police: security
    forces), else the parents joined ("civilians+security_forces")."""
    found = set(groups)
    if len(found) == 1:
        return found.pop()
    tops = {lx.top_group(g) for g in found}
    return tops.pop() if len(tops) == 1 else "+".join(sorted(tops))


def _conjunct_group(words: list[str]) -> str | None:
    for a, b in pairwise(words):
        if (a, b) in lx.GROUP_PHRASES:
            return lx.GROUP_PHRASES[(a, b)]
    heads = [w for w in words if w in lx.GROUP_NOUNS]
    if not heads:
        return None
    group = lx.GROUP_NOUNS[heads[-1]]
    if heads[-1] in _GENERIC_HEADS or group == "security_forces":
        # A modifier steers a generic head: "civilian casualties", "army personnel".
        for w in words[:-1]:
            if w in lx.GROUP_MODIFIERS:
                return lx.GROUP_MODIFIERS[w]
    return group


def _link_parts(words: list[str], counts: list[_Count]) -> None:
    """ "33 people dead, including 18 civilians and 15 police": 18 and 15 are parts of 33."""
    for i in range(1, len(counts)):
        prev, cur = counts[i - 1], counts[i]
        gap = [w for w in words[prev.np_end : cur.first] if w != ","]
        gap_tail = tuple(gap[-2:]) if len(gap) >= 2 else tuple(gap)
        is_part = any(gap_tail[-len(m) :] == m for m in _PART_MARKERS) or (
            words[prev.np_end : cur.first] in ([","], [":"]) and _apposed_sum(words, counts, i)
        )
        split = 0 if is_part or prev.part_of is not None else _split_sum(words, counts, i)
        if split:
            # "All four remain in hospital, one in critical condition and the other three in
            # stable condition": bare numbers after a comma that add up to the count before.
            for j in range(i, i + split):
                counts[j].part_of = i - 1
                prev.subparts.append(j)
            continue
        if is_part and (prev.kind == "people" or (prev.kind == "none" and not prev.group_text)):
            # ("the toll rose to 12, including a child": a bare total has parts too)
            root = prev.part_of if prev.part_of is not None else i - 1
            if prev.part_of is None:
                cur.part_of = i - 1
            else:
                cur.part_of = root
        elif (
            prev.part_of is not None
            and prev.np_end < cur.first
            and _coord_gap(words[prev.np_end : cur.first]) <= {",", "and", "as", "well"}
        ):
            cur.part_of = prev.part_of  # the list goes on: "..., a 19-year-old man, a ...
        if cur.part_of is not None:
            counts[cur.part_of].subparts.append(i)


_REFERENCE_DETS: Final = frozenset(["the", "those", "these"])
# "the three dead", "the five people hospitalized": a set's own participle, not a verb.
_SET_PARTICIPLES: Final = frozenset(
    "killed dead slain deceased shot injured wounded hurt hospitalized hospitalised hit struck"
    .split()
)


def _reference_sets(words: list[str], counts: list[_Count]) -> None:
    """ "one of the three dead was the gunman", "one of the five people hospitalized has
    died": the count after "of the" names a set told before, and the count before it is a
    part of that set. The set takes its measure only from its own participle ("the three
    dead", "the five people hospitalized", "the four shot"), not from the sentence's
    predicate, which is the part's; a set with none ("two of the four victims died") is no
    figure here."""
    for i in range(1, len(counts)):
        part, ref = counts[i - 1], counts[i]
        of = ref.first - 1 if words[ref.first - 1 : ref.first] == ["of"] else ref.first - 2
        if (
            ref.first < 2
            or (of == ref.first - 2 and words[ref.first - 1] not in _REFERENCE_DETS)
            or words[of] != "of"
            or part.q.end != of
            or ref.part_of is not None
            or ref.q.value is None
            or ref.kind in ("other", "place")  # "one of the three Taser shots"
        ):
            continue
        part.kind, part.group_text, part.head = "people", "", None
        k = ref.np_end
        if words[k : k + 1] in (["who"], ["that"]) and words[k + 1 : k + 2] in (["were"], ["was"]):
            k += 2  # "of the two people who were shot"
        if words[k : k + 1] and words[k] not in _SET_PARTICIPLES:
            k = ref.q.end  # "of the three dead"
        measure, end = _set_participle(words, k)
        if measure is None:
            ref.kind = "other"  # "two of the four victims died": the set is no figure here
            part.np_end = ref.np_end
            continue
        ref.measure, ref.via, ref.kind = measure, "reference", "people"
        ref.np_end = max(ref.np_end, end)
        part.np_end = ref.np_end
        part.part_of = i
        ref.subparts.append(i - 1)
        if measure == "injured" and _dies_after(words, ref.np_end, 8):
            part.measure, part.via = "killed", "passive"  # "One of two men shot Monday dies"


def _set_participle(words: list[str], k: int) -> tuple[str | None, int]:
    """The measure of a participle at k ("shot and killed", "dead", "hospitalized") and the
    token after it."""
    w = words[k] if k < len(words) else ""
    for phrase, measure in _PHRASES_BY_FIRST.get(w, ()):
        if tuple(words[k : k + len(phrase)]) == phrase and measure in ("killed", "injured"):
            return measure, k + len(phrase)
    if w in ("hit", "struck"):
        return "injured", k + 1  # "one of four people hit by gunfire"
    if w in _SET_PARTICIPLES:
        return lx.PASSIVE_TRIGGERS[w], k + 1
    return None, k


def _split_sum(words: list[str], counts: list[_Count], i: int) -> int:
    """ "four people remain in hospital, one in critical condition and the other three in
    stable condition": how many bare numbers from the i-th on, the first after a comma and
    the rest each after an "and", add up to the count before them (0 when they do not)."""
    total = counts[i - 1].q.value
    whole = counts[i - 1]
    if (
        total is None
        or not (whole.kind == "people" or (whole.kind == "none" and not whole.group_text))
        or words[counts[i].first - 1] != ","
    ):  # ("All three remain in hospital, one ...": a bare number is people too)
        return 0
    run = n = 0
    for j in range(i, len(counts)):
        c = counts[j]
        if c.group_text or c.q.value is None or c.part_of is not None:
            break
        if j > i and "and" not in words[counts[j - 1].np_end : c.first]:
            break
        run += c.q.value
        n += 1
        if run >= total:
            break
    return n if n >= 2 and run == total else 0


_GENDERED: Final = frozenset(["men", "women", "boys", "girls"])


def _apposed_sum(words: list[str], counts: list[_Count], i: int) -> bool:
    """ "nine people, six civilians and three police officers": counts after a comma that add
    up to the count before it are its parts."""
    total = counts[i - 1].q.value
    if total is None or counts[i - 1].kind != "people" or counts[i - 1].head in _GENDERED:
        return False  # "two men, a woman and a teenager": a list goes on, whatever the sum
    run = counts[i].q.value or 0
    for j in range(i + 1, len(counts)):
        gap = words[counts[j - 1].np_end : counts[j].first]
        # (an aside of ages aside: "two men, ages 20 and 22, and a woman")
        if not gap or not _coord_gap(gap) <= {",", "and"} or counts[j].q.value is None:
            break
        run += counts[j].q.value or 0
    return run == total and run > (counts[i].q.value or 0)


# --- measure --------------------------------------------------------------------------------
def _measure(words: list[str], c: _Count, shown: list[str] | None = None) -> None:
    if c.kind == "other" or c.measure is not None:
        return
    if c.kind == "none" and not c.group_text:
        toll = _toll(words, c)
        if toll:
            c.measure, c.via = toll, "toll"
            return
    active = _active_trigger(words, c)
    if active:
        c.measure, c.via = active, "active"
        return
    passive = _passive_trigger(words, c, shown)
    if passive:
        c.measure, c.via = passive, "passive"
        return
    if c.held:
        c.measure, c.via = c.held, "held"  # "ten of the kidnapped were women"
        return
    if c.kind == "people":
        toll = _toll(words, c)
        if toll:
            c.measure, c.via = toll, "toll"


# Words between an active verb and its object's count; a quote mark opens a quoted figure
# ('killed "more than 200 fighters"').
_BEFORE_OBJECT: Final = frozenset(
    ["the", "a", "an", "have", "has", "had", "to", "also", "some", '"']
)


def _active_trigger(words: list[str], c: _Count) -> str | None:
    k = c.first - 1
    while k >= 0 and words[k] in _BEFORE_OBJECT:
        k -= 1
    if k < 0:
        return None
    w = words[k]
    if w == "of" and k > 0:
        noun = words[k - 1]
        if noun in ("lives", "life") and any(
            w in ("claimed", "claiming", "claim", "claims", "took", "taking")
            for w in words[max(0, k - 4) : k - 1]
        ):
            return "killed"  # "claimed the lives of 19 pilgrims", "claims life of a boy"
        if noun == "shooting" and k > 1 and words[k - 2] in ("fatal", "deadly"):
            return "killed"  # "the fatal shooting of a man"
        return lx.OF_NOUNS.get(noun)
    if w in _SENT and _to_hospital_after(words, c.np_end):
        return "injured"  # "a shooting that sent four people to the hospital"
    if w in ("shot", "shooting", "shoots", "shoot") and k > 0 and words[k - 1] == "fatally":
        return "killed"  # "fatally shooting a Good Samaritan"
    if w == "dead" and k > 0 and words[k - 1] == "shot":
        return "killed"  # "a man who shot dead four shoppers"
    if w in lx.ACTIVE_TRIGGERS and not (k > 0 and words[k - 1] in _BE):
        if (
            w.endswith("ing")
            and c.first == k + 1
            and c.q.start == c.q.end
            and (k == 0 or words[k - 1] in (":", "|", "-", "–", "—"))
        ):
            return None  # an opening noun, not a verb: "Shooting Victim Dies", "Killing Suspect"
        if w in lx.PEOPLE_ONLY_TRIGGERS and c.kind != "people":
            return None  # "seized 20 rifles"
        measure = lx.ACTIVE_TRIGGERS[w]
        if measure == "killed" and k > 1 and words[k - 1] == "to" and words[k - 2] in _MEANT:
            return None  # "accused of trying to kill two officers", "plotted to kill her"
        if measure == "places_attacked" and c.kind != "place":
            if w not in _HITS or words[k - 1] in _NEAR_MISS or not _fired_before(words, k):
                return None  # "a bullet nearly hit her"; "the car struck him"
            measure = "injured"  # "fired several shots, striking the boy"; "a bullet hit her"
        if (
            measure == "injured"
            and c.np_end < len(words)
            and words[c.np_end] == "who"
            and _dies_after(words, c.np_end + 1, 4)
        ):
            return "killed"  # "shot the 18-year-old man who died at the scene"
        if measure == "injured" and (
            words[c.np_end : c.np_end + 1] == ["dead"]
            or words[c.np_end : c.np_end + 2] == ["to", "death"]
        ):
            return "killed"  # "shot two people to death", "shot his wife dead"
        return measure
    if w in _BE and k > 0 and c.kind != "place":
        if words[k - 1] in lx.PASSIVE_TRIGGERS:
            return lx.PASSIVE_TRIGGERS[words[k - 1]]  # "the dead were six civilians"
        inverted = _fronted_trigger(words, k)
        if inverted:
            return inverted  # "Injured in the gunfire were a boy and a woman"
    if c.kind == "place" and w in ("at", "on", "in", "across", "against"):
        # "attacks at 48 locations across 14 cities"
        for m in range(max(0, k - 6), k):
            if words[m] in ("attacks", "attack", "assaults", "raids", "strikes", "attacked"):
                return "places_attacked"
    return None


_FRONTED_LINKS: Final = frozenset(
    ["in", "during", "by", "at", "from", "the", "a", "an", "this", "that"]
)


def _fronted_trigger(words: list[str], be: int) -> str | None:
    """The measure of a participle that opens the clause and is put before its subject,
    with a short phrase between it and the "was" / "were" at ``be`` ("Injured in the
    gunfire was a boy", "Killed in Sunday's attack were ...")."""
    for m in range(be - 2, max(-1, be - 7), -1):
        w = words[m]
        if w in lx.PASSIVE_TRIGGERS:
            opens = m == 0 or words[m - 1] in _CLAUSE_END or words[m - 1] in ('"', "“")
            return lx.PASSIVE_TRIGGERS[w] if opens and words[m + 1] in _FRONTED_LINKS else None
        if not (w in _FRONTED_LINKS or w.replace("'", "").replace("’", "").isalpha()):
            return None
    return None


# Verbs of intent before "to kill": a plan, a try or a threat, not a death.
_MEANT: Final = frozenset(
    """try tries tried trying attempt attempts attempted attempting plot plots plotted
    plotting plan plans planned planning going threaten threatens threatened threatening
    want wants wanted wanting intend intends intended intending conspire conspired
    conspiring vowed vow vows hired hoping""".split()
)
_SENT: Final = frozenset(["sent", "sends", "send", "sending", "put", "puts", "putting", "landed"])


def _to_hospital_after(words: list[str], k: int) -> bool:
    """ "(sent) four people to the hospital", "(put two) in area hospitals", "(sent) a girl
    and her mother to a hospital": the place after the object, or after the list it opens."""
    for m in range(k, min(k + 10, len(words))):
        if words[m] in ("to", "in"):
            return _hospital_at(words, m + 1)
        if words[m] in _PUNCT_STOP and words[m] != ",":
            return False
    return False


# Words of gunfire that make "hit" / "struck" a wound: a shot hits people, not places.
_GUNFIRE: Final = frozenset(
    """fired firing shots rounds round gunfire bullet bullets discharged gunshot gunshots
    volley""".split()
)
_FIRE_OPENERS: Final = frozenset(["opened", "open", "opens", "opening", "returned", "return"])
_LESS_LETHAL: Final = frozenset(
    ["taser", "tasers", "stun", "beanbag", "pepperball", "rubber", "plastic", "paintball"]
)
_HITS: Final = frozenset(["hit", "hits", "hitting", "struck", "strikes", "striking"])
_NEAR_MISS: Final = frozenset(["nearly", "almost", "narrowly", "barely"])


def _fired_before(words: list[str], k: int) -> bool:
    """Is there gunfire in the clauses before the verb at k ("fired several rounds at the
    car, hitting her", "opened fire, striking five people", "a stray bullet hit a boy")?"""
    for m in range(k - 1, max(-1, k - 30), -1):
        w = words[m]
        if w in _GUNFIRE or (w == "fire" and m > 0 and words[m - 1] in _FIRE_OPENERS):
            # ("the Taser shots struck him", "a beanbag round hit her": no gunshot wound)
            return m == 0 or words[m - 1] not in _LESS_LETHAL
        if w in (".", ";", "?", "!"):
            return False
    return False


_ASIDE_OPENERS: Final = frozenset(
    ["including", "among", "mostly", "most", "many", "all", "some", "mainly", "who", "both"]
)


_AGE_ASIDE_STARTS: Final = frozenset(["age", "ages", "aged", "between", "younger", "older"])


def _age_aside_end(words: list[str], k: int) -> int | None:
    """Where the predicate may start after an aside of ages that opens at ``k``, right
    after a count's noun: ", 33 and 41," / ", ages 20 to 26," / "aged 7 and 9" / "between
    the ages of 18 and 45" / "younger than 10"; None when no such aside opens there."""
    n = len(words)
    comma = words[k] == ","
    m = k + 1 if comma else k
    if words[m : m + 3] == ["between", "the", "ages"]:
        m += 3
    elif m < n and words[m] in _YOUNGER and words[m + 1 : m + 2] == ["than"]:
        m += 2  # "a girl younger than 10 was grazed"
    elif m < n and words[m] in _AGES:
        m += 1
    elif not comma:
        return None
    if m < n and words[m] == "of":
        m += 1
    start = m
    while m < n and (words[m].isdecimal() or (m > start and words[m] in _AGE_LIST_LINKS)):
        m += 1
    while m > start and not words[m - 1].isdecimal():
        m -= 1  # the links after the last age ("..., 41,") are not part of the list
    if m == start or any(w.isdecimal() and int(w) >= 120 for w in words[start:m]):
        return None
    if start == k + 1 and m == start + 1:
        return None  # one bare figure (", 4,"): a name's or a person's age, read elsewhere
    if comma:  # set off by commas: the closing one must follow
        return m + 1 if m < n and words[m] == "," else None
    return m


# What ends "shot at" when it means fired on, not hit ("shot at numerous times", "was shot
# at by a gunman"); "shot at a party", "shot at least twice" are wounds.
_FIRED_AT_ENDS: Final = frozenset(
    """. , ; : ! ? by but and or while as when numerous several multiple repeatedly twice
    again""".split()
)


def _passive_trigger(words: list[str], c: _Count, shown: list[str] | None = None) -> str | None:
    k = c.np_end
    n = len(words)
    if (
        c.first >= 2
        and k < n
        and words[k] in _BE_HAVE
        and (_participle_object(words, c.first) or _kin_object(words, c))
    ):
        # Another's verb: "a man wielding two handguns was shot" (the man was), "the
        # mother of the two boys was killed" (the mother was)
        return None
    steps = 0
    passive = False  # a form of "be" / "have" seen: "was shot", not "shot his wife"
    relative = False  # inside "who ...", where an active verb has the count as its subject
    jumps = 0  # past a "who ..." clause that told nothing, to the subject's own verb
    clause = 0  # where that clause starts
    while k < n and steps < 14:
        w = words[k]
        if steps == 0 and w in _NAME_SUFFIXES:
            k += 2 if words[k + 1 : k + 2] == ["."] else 1  # "Marcus Reed Jr., 24, was shot"
            continue
        # (The comma test repeats ``_age_aside_end``'s first one: most commas open no list,
        # and this loop is hot.)
        if steps == 0 and (
            w in _AGE_ASIDE_STARTS
            or (w == "," and k + 1 < n and (words[k + 1][:1].isdecimal() or words[k + 1] in _AGES))
        ):
            aside = _age_aside_end(words, k)
            if aside is not None and aside < n and words[aside] in _PREDICATE_OPENERS:
                # "two men, 33 and 41, were injured"; "Jo Poe, 42, suffered a wound"
                k = aside
                steps += 1
                continue
        if (
            w == ","
            and k + 1 < n
            and words[k + 1]
            in _ASIDE_OPENERS
        ):
            # The aside ends at the comma the predicate follows ("..., were killed").
            close = next(
                (
                    m
                    for m in range(k + 1, min(k + 16, n - 1))
                    if words[m] == ","
                    and (words[m + 1] in lx.AUX or words[m + 1] in lx.PASSIVE_TRIGGERS)
                ),
                None,
            )
            if close is None:
                return None
            k = close + 1
            continue
        for phrase, measure in _PHRASES_BY_FIRST.get(w, ()):
            if tuple(words[k : k + len(phrase)]) == phrase:
                # In "who ...", an active verb's subject is the count; a suicide there is
                # read by ``_self_killings`` ("who shot himself" is a wound, read here).
                actor = relative and (
                    phrase[-1] in _TRANSITIVE
                    or (phrase[-1] in _SELF_ENDS and measure == "killed")
                )
                if not passive and (actor or _agent(words, shown, k + len(phrase) - 1)):
                    return None  # "a man shot and killed his wife": the man is the shooter
                if measure == "injured" and _dies_after(words, k + len(phrase)):
                    return "killed"  # "Man shot in robbery dies"
                if phrase[0] in _CARE_PHRASE_OPENERS:
                    c.care = True  # "in critical condition", "were hospitalized"
                return measure  # before the jump below: "a man in critical condition"
        if w == "survived" and words[k + 1 : k + 2] == ["but"]:
            k += 2  # "three teens survived but were hit by gunfire"
            steps += 1
            continue
        if w in _SELF_CARRY and (m := _self_carried(words, k)) is not None:
            # "a fourth man drove himself to the hospital", "tried to drive herself to
            # Mercy Hospital": one who needed care
            c.care = True
            return "killed" if _died_there(words, m) or _then_died(words, m) else "injured"
        if w == "in" and (cond := _condition_end(words, k + 1)) is not None:
            # "in critical but stable condition", "in good condition": a hospital's word
            if _dies_after(words, cond):
                return "killed"
            c.care = True
            return "injured"
        if w == "who" and steps == 0:
            if _dies_after(words, k + 1, 20):
                return "killed"  # "a teen who was found shot on Sunday has died"
            j = _before_leads(words, c.first)
            if j >= 0 and (
                words[j] in ("and", "or")
                # (not the comma after an opening phrase: "Additionally, three troopers who")
                or (words[j] == "," and (j > 5 or "," in words[:j]))
            ):
                return None  # "the deaths of a pastor, his wife and their children who ...":
                # the clause may be the whole list's, which has its own verb
            # "a boy who had been shot in the ankle": the relative clause says what
            # happened to the person counted; its active verb ("who shot his wife", "who
            # killed friend", "who shot himself") makes them the one who did it.
            clause = k + 1
            k += 1
            steps += 1
            relative = True
            continue
        if steps == 0 and w in _ASIDE_CLOSE and (c.group_text or c.head):
            # "Two other people – both juveniles – were taken to a hospital", "four victims
            # (two men and two women) were wounded": an aside set off by dashes (folded to
            # "-") or brackets, when the predicate follows its end
            end = _ASIDE_CLOSE[w]
            opened = k + 2 if words[k + 1 : k + 2] == [end] else k + 1  # "--" is one dash
            close = next(
                (
                    m + (words[m + 1] == ",")  # "Nate Doe (w/m, 46), suffered"
                    for m in range(opened, min(k + 12, n - 2))
                    if words[m] == end
                    and (
                        words[m + 1] in _PREDICATE_OPENERS
                        or (w == "(" and words[m + 1] == "," and words[m + 2] in _PREDICATE_OPENERS)
                    )
                ),
                None,
            )
            if close is None:
                return None
            k = close + 1
            steps += 1
            continue
        if steps == 0 and w == "of" and c.head in _KIN and (m := _kin_phrase_end(words, k)):
            k = m  # "the mother of the two boys was killed"
            steps += 1
            continue
        if steps == 0 and (c.group_text or c.head) and (m := _participle_end(words, k)):
            k = m  # "a boy playing in the yard was shot": the predicate after the phrase
            steps += 1
            continue
        if (
            w in (",", "in", "at", "from", "near", "inside", "outside")
            and steps == 0
            and (c.group_text or c.head)
        ):
            # "84 soldiers, police and CTD personnel were neutralised"; "an official in
            # the Nushki district was abducted": jump to the predicate if one follows.
            if w == "," and k + 1 < n and words[k + 1] in lx.PASSIVE_TRIGGERS:
                # "..., shot in the chest, died": a reduced relative clause tells how; the
                # predicate, if one follows, tells what. A list's part has none of its own
                # ("nine people, six civilians and three officers, shot as they fled").
                close = next((m for m in range(k + 2, min(k + 14, n)) if words[m] == ","), None)
                after = _skip_to_predicate(words, close) if close is not None else None
                if after is not None:
                    k = after
                    steps += 1
                    continue
                if c.part_of is not None or (c.first > 0 and words[c.first - 1] in ("and", "or")):
                    # A list's part, or a later conjunct ("the dead were six civilians and
                    # three officers, shot as ..."): its measure is its list's.
                    return None
            if w == "," and c.first > 0 and words[c.first - 1] in _OBJECT_PREPOSITIONS:
                # "A boy, shot as he ran from a gunman, has died": the object of a
                # preposition ends an aside; the predicate after it is the subject's
                return None
            jump = _skip_to_predicate(words, k)
            if jump is not None:
                k = jump
                steps += 1
                continue
        if w in _ESCAPED and (c.held or c.group in ("hostages", "prisoners")):
            return "freed"  # "18 of the abductees had escaped", "412 inmates escaped"
        if w in lx.PASSIVE_TRIGGERS:
            if relative and not passive and w in _TRANSITIVE:
                return None
            if w in lx.PEOPLE_ONLY_TRIGGERS and c.kind != "people":
                return None  # "200 cattle were seized"
            if w in ("shot", "hit", "struck") and _has_object(words, k + 1, passive):
                return None  # "a man shot Owens": the man is the shooter
            if not passive and _agent(words, shown, k):
                return None  # "the boy killed his sister"
            if w == "shot" and words[k + 1 : k + 2] == ["at"] and (
                k + 2 >= n or words[k + 2] in _FIRED_AT_ENDS
            ):
                return None  # "the house was shot at", "was shot at but not hit": fired on
            measure = lx.PASSIVE_TRIGGERS[w]
            if measure == "places_attacked" and w in ("struck", "hit") and (
                passive or (c.kind != "place" and words[k + 1 : k + 2] in (["in"], ["by"]))
            ):
                measure = "injured"  # a person "was struck" by a bullet; "boy struck in arm"
            if measure == "injured" and _dies_after(words, k + 1):
                return "killed"  # "Girl shot at party dies"
            if (
                measure == "freed"
                and words[k + 1 : k + 2] == ["from"]
                and _named_hospital(_up_to_place_word(words[k + 2 : k + 10]))
            ):
                # "was released from the hospital" (or "from Boston Medical Center"): a patient,
                # not a captive; nor a count of the hurt ("when he is released from the
                # hospital")
                return None
            return measure
        if w in _SUFFERED and any(x in _WOUNDS for x in words[k + 1 : k + 9]):
            # "received non-life-threatening injuries"; "suffered a fatal gunshot wound",
            # "sustained serious injuries and was pronounced dead" tell a death
            fatal = any(
                x in _FATAL_WOUNDS and words[m - 1] != "-"  # not "non-fatal"
                for m, x in enumerate(words[k + 1 : k + 5], k + 1)
            )
            return "killed" if fatal or _then_died(words, k + 1) else "injured"
        if passive and (
            w in _WOUNDS
            or (w in ("gunshot", "bullet") and words[k + 1 : k + 2] and words[k + 1] in _WOUNDS)
        ):
            return "injured"  # "two of the victims had gunshot wounds"
        if w == "with" and any(x in _WOUNDS for x in words[k + 1 : k + 9]):
            # "found with a gunshot wound"; "Man with gunshot wound dies"
            return "killed" if _dies_after(words, k + 1) else "injured"
        if passive and w == "treated":
            # "nine people were being treated in hospital", "was treated and released"
            c.care = True
            return "killed" if _died_there(words, k + 1) else "injured"
        if (
            w in ("in", "admitted")
            and words[k - 1] in _STAY
            and "hospital" in words[k + 1 : k + 4]
            and (w == "admitted" or words[k + 1] == "hospital")
        ):
            c.care = True
            return "injured"  # "three remain in hospital", "were admitted to hospital"
        if _in_hospital(words, k, c, steps):
            c.care = True
            return "injured"  # "two others are in the hospital", "arrived at a hospital"
        if w in _CARRIED and _hurt_after(words, k + 1):
            # "was taken to a hospital with life-threatening injuries", "... where he died"
            if _died_there(words, k + 1) or _then_died(words, k + 1):
                return "killed"
            c.care = True
            return "injured"
        if w == "fatally" and (k + 1 >= n or words[k + 1] in _CLAUSE_END):
            return "killed"  # "two people were shot, one of them fatally"
        if w in lx.AUX:
            if w in lx.HEDGE_WORDS:
                c.hedge = lx.HEDGE_WORDS[w]
            passive = passive or w in _BE or w in ("have", "has", "had", "being", "found")
            k += 1
            steps += 1
            continue
        if w in _GET:  # "a teen got shot in the leg", "ended up getting shot"
            passive = True
            k += 1
            steps += 1
            continue
        if w in _END_UP and words[k + 1 : k + 2] == ["up"]:
            k += 2
            steps += 1
            continue
        if relative and jumps < 2 and (m := _verb_after_relative(words, clause, k, c.q)):
            # "three men who were sitting on a porch were shot": the clause says where they
            # were; the verb after it says what happened to them (a second jump: "a man
            # who police say was walking home was shot")
            k = m
            passive = False
            jumps += 1
            steps += 1
            continue
        return None
    return None


# "Get" as the passive's auxiliary, and "ended up" before it.
_GET: Final = frozenset(["get", "gets", "got", "gotten", "getting"])
_END_UP: Final = frozenset(["end", "ends", "ended"])
# What closes an aside after a count's noun, by what opens it.
_ASIDE_CLOSE: Final = {"-": "-", "(": ")"}
# Finite forms of "be" and "have" by number, and what ends a "who" clause's search for the
# subject's own verb (a new clause or list: the verb found after it may be another subject's).
_SINGULAR_VERBS: Final = frozenset(["was", "is", "has"])
_FINITE_SINGULAR: Final = _SINGULAR_VERBS | {"had"}
_FINITE_PLURAL: Final = frozenset(["were", "are", "have", "had"])
_THEY: Final = frozenset(["they"])
_HE_SHE: Final = frozenset(["he", "she"])
_RELATIVE_STOPS: Final = frozenset(
    """, ; : . ( ) " - and but or who whom which that when where while as after before
    because if since until than""".split()
)


def _verb_after_relative(words: list[str], clause: int, k: int, q: Quantity) -> int | None:
    """Where the subject's own verb starts after a "who" clause without commas (the clause
    starts at ``clause``; its word ``k`` is no auxiliary): the first finite "be" or "have"
    after ``k`` agreeing with the count's number ("two men who were sitting in a car *were*
    killed"), or None."""
    if q.value is None:
        return None
    plural = q.value != 1
    finite = _FINITE_PLURAL if plural else _FINITE_SINGULAR
    end = min(k + 12, len(words) - 1)
    for m in range(clause, end):
        w = words[m]
        if w in _RELATIVE_STOPS:
            return None
        if w in lx.SPEECH_VERBS and not (
            words[m + 1] in finite or words[m + 1] in (_THEY if plural else _HE_SHE)
        ):
            return None  # "a man who said his stepson had been shot": another's verb
        if m > k and w in finite:
            return m
    return None


# Last words of the phrases that tell a suicide ("killed himself", "took his own life").
_SELF_ENDS: Final = frozenset(["himself", "herself", "self", "life"])
#: Words ending in -ing that open no reduced relative clause after a count's noun.
_NOT_PARTICIPLES: Final = frozenset(
    """including during following according being nothing something anything everything
    morning evening building regarding concerning involving king spring""".split()
)
_PARTICIPLE_STOPS: Final = frozenset(
    """, ; : . ( ) " and but or who which that when where while as after before because
    if than""".split()
)


def _participle_end(words: list[str], k: int) -> int | None:
    """Where the predicate starts after a reduced relative clause that opens at ``k``,
    right after a count's noun ("a boy playing on his skateboard | was shot", "a woman
    sitting in her car | had been wounded", "a man trying to rob the store | shot
    himself"): the first form of "be" or "have", or a self-inflicted shot, within a few
    words, with no clause break or speech verb before it (a count inside the phrase is its
    object: :func:`_participle_object`)."""
    w = words[k]
    if (
        len(w) < 5
        or not w.endswith("ing")
        or w in _NOT_PARTICIPLES
        or w in lx.AUX
        or w in _TELLING  # "an officer explaining the child was shot"
    ):
        return None
    for m in range(k + 1, min(k + 10, len(words))):
        x = words[m]
        if x in _BE_HAVE:
            return m
        if x in ("shot", "shoots") and words[m + 1 : m + 2] in (["himself"], ["herself"]):
            return m
        if x in _PARTICIPLE_STOPS or x in lx.SPEECH_VERBS or x in lx.PASSIVE_TRIGGERS:
            return None
        if x == "-":  # "two men ranging in age from 17 to 28 - had been shot": a list's part
            return None
    return None


def _participle_object(words: list[str], i: int) -> bool:
    """Is the count at ``i`` the object of a participle after a person ("a man carrying
    two bags", "a woman holding two children", "a man driving with two passengers"), whose
    predicate is that person's?"""
    if words[i - 1] in ("with", "to", "for", "at") and i >= 3:
        i -= 1
    w = words[i - 1]
    return (
        len(w) >= 5
        and w.endswith("ing")
        and w not in _NOT_PARTICIPLES
        and w not in _TELLING
        and w not in lx.AUX
        and (words[i - 2] in _SINGULAR or words[i - 2] in _PEOPLE_PLURALS)
    )


# Who someone is to others: "the mother of the two boys", "a friend of the victims".
_KIN: Final = frozenset(
    """mother father parent parents sister brother son daughter wife husband grandmother
    grandfather grandson granddaughter aunt uncle cousin niece nephew relative relatives
    family friend friends girlfriend boyfriend fiance fiancee widow widower neighbor
    neighbour""".split()
)


def _singular_verb(words: list[str], k: int) -> bool:
    """Is the verb at ``k``, or after a kin noun's "of ..." there, singular ("a husband and
    father of two was killed": one man)?"""
    if words[k : k + 1] == ["of"]:
        k = _kin_phrase_end(words, k) or k
    return k < len(words) and words[k] in _SINGULAR_VERBS


def _kin_object(words: list[str], c: _Count) -> bool:
    """Is the count the people someone is kin to ("the sister of the two boys"; not the
    size of "a family of five")?"""
    if c.np_end <= c.q.end:
        return False
    j = _before_leads(words, c.first)
    # (the kin a count itself: "the sister of", "a friend of"; not "that friend of")
    return j >= 2 and words[j] == "of" and words[j - 1] in _KIN and words[j - 2] in _LEADS


def _kin_phrase_end(words: list[str], k: int) -> int | None:
    """Where the predicate starts after "of ..." at ``k`` following a kin noun ("the mother
    of the two boys | was killed"): the first form of "be" or "have" within a few words,
    with no clause break or speech verb before it."""
    for m in range(k + 1, min(k + 8, len(words))):
        x = words[m]
        if x in _BE_HAVE:
            return m
        if x in _PARTICIPLE_STOPS or x in lx.SPEECH_VERBS or x in lx.PASSIVE_TRIGGERS:
            return None
    return None


_BE_HAVE: Final = _BE | {"has", "have", "had"}
# Participles a clause follows: "an officer explaining the child was shot".
_TELLING: Final = lx.GERUND_SPEECH | frozenset(
    """explaining telling screaming yelling shouting crying calling believing thinking
    fearing knowing realizing realising learning discovering finding""".split()
)


_STAY: Final = frozenset(
    ["is", "are", "was", "were", "been", "being", "remain", "remains", "remained", "still"]
)
# "(remain) in the hospital", "arrived at a hospital", "recovering at area hospitals".
_AT_HOSPITAL: Final = frozenset(["the", "a", "an", "area", "local", "nearby", "different", "two"])


def _in_hospital(words: list[str], k: int, c: _Count, steps: int) -> bool:
    """ "two others are in the hospital", "three remained at the hospital Monday", "two
    others showed up at a hospital", "left one dead and two others in the hospital": people
    in hospital care are the hurt. A count right before "in the hospital" needs an "and"
    before it (a tally's second part), or "the people in the hospital" would be read."""
    if c.kind != "people" and not c.group_text:
        return False
    m = k
    if words[k] in ("in", "at"):
        if steps == 0:
            # "left two dead and two others in the hospital"
            before = words[max(0, c.first - 2) : c.first]
            if words[k] != "in" or len(before) < 2 or before[1] != "and":
                return False
            if before[0] not in lx.PASSIVE_TRIGGERS or c.q.value is None:
                return False
        elif words[k - 1] not in _STAY:
            return False
        m = k + 1
    else:
        for phrase in _ARRIVED:
            if tuple(words[k : k + len(phrase)]) == phrase:
                m = k + len(phrase)
                break
        else:
            return False
        if words[k] == "went":
            return _went_hurt(words, m)
        # A hospital by name needs the wound told too ("arrived at Calais Regional Hospital
        # with a gunshot wound"): four friends who "showed up at Mercy Hospital" brought one.
        return _hospital_at(words, m) or (
            _named_hospital(_up_to_place_word(words[m : m + 8]))
            and (c.head in ("victim", "victims") or _hurt_after(words, m))
        )
    return _hospital_at(words, m)


def _went_hurt(words: list[str], m: int) -> bool:
    """ "went to a local hospital with gunshot wounds": going there is care only with the
    wound told right after the hospital (officers "went to the hospital to interview" the
    hurt, or "after a man arrived with a gunshot wound")."""
    for h in range(m, min(m + 8, len(words) - 1)):
        w = words[h]
        if w in _CARE_PLACES or (w in _CENTERS and words[h - 1] in ("medical", "trauma")):
            return words[h + 1] == "with" and any(x in _WOUNDS for x in words[h + 2 : h + 7])
        if w in _CLAUSE_END and not _abbreviation_stop(words, h):
            return False
    return False


def _hospital_at(words: list[str], m: int) -> bool:
    """Is "hospital(s)" at ``m``, after at most three words like "the", "area", "local"?"""
    stop = m + 3
    while m < len(words) and words[m] in _AT_HOSPITAL and m < stop:
        m += 1
    return m < len(words) and words[m] in ("hospital", "hospitals")
_DIES: Final = frozenset(["dies", "died"])
_CLAUSE_END: Final = frozenset(
    [",", ";", ".", "|", ":", "and", "but", "while", "when", "as", "—", "–"]
)


def _dies_after(words: list[str], k: int, limit: int = 10) -> bool:
    """Does the clause go on to say the person died ("shot at a party dies", "who was shot
    on Sunday has died", "shot Friday, later died" is another clause)?"""
    for m in range(k, min(k + limit, len(words))):
        w = words[m]
        if w in _DIES or (w == "dead" and words[m - 1] in ("found", "pronounced", "declared")):
            return True
        if w in ("and", "but"):
            return _and_died(words, m + 1)
        if w in _CLAUSE_END:
            return False
    return False


_THEN: Final = frozenset(
    ["later", "then", "subsequently", "eventually", "ultimately", "soon", "has"]
)


def _and_died(words: list[str], k: int) -> bool:
    """ "was shot and (later) died", "was taken to hospital but died": a second verb of the
    same subject, not a new clause ("were shot and one died" has a subject of its own)."""
    while k < len(words) and words[k] in _THEN:
        k += 1
    if k < len(words) and words[k] in _DIES:
        return True
    if words[k : k + 1] in (["was"], ["were"]):
        k += 1
    return words[k : k + 2] == ["pronounced", "dead"]


# The first words of a phrase that tells a patient's state, not the wounding itself.
_CARE_PHRASE_OPENERS: Final = frozenset(
    ["in", "was", "were", "treated", "recovering", "underwent", "undergoing", "had", "out"]
)


def _self_carried(words: list[str], k: int) -> int | None:
    """Where the place starts after "drove himself" ("took herself", "tried to drive
    themselves") at ``k``, when a hospital or a wound follows; None otherwise."""
    if words[k] in ("tried", "attempted"):
        if words[k + 1 : k + 2] != ["to"]:
            return None
        k += 2
    if words[k + 1 : k + 2] not in (["himself"], ["herself"], ["themselves"]):
        return None
    return k + 2 if _hurt_after(words, k + 2) else None


_CARRIED: Final = frozenset(
    "taken transported rushed airlifted flown brought driven sent hospitalized hospitalised".split()
)


def _hurt_after(words: list[str], k: int) -> bool:
    """ "(taken) to the hospital with a gunshot wound / in critical condition"."""
    window = words[k : k + 10]
    if window[:1] == ["to"] and "hospital" in window[1:4]:
        return True  # "taken to the hospital"
    if window[:1] == ["to"] and _named_hospital(window[1:8]):
        return True  # "taken to University of Louisville Hospital", "... Medical Center"
    for m, w in enumerate(window):
        if w == "where":
            return _died_there(words, k)
        if w in (".", ";", "but", "and") and m and not _abbreviation_stop(window, m):
            return False  # (not the full stop of "St. Mary's Hospital")
        if w in _WOUNDS or (w == "condition" and m and window[m - 1] in _CONDITIONS):
            return True
    return False


_CARE_PLACES: Final = frozenset(["hospital", "hospitals", "clinic", "infirmary"])
_CENTERS: Final = frozenset(["center", "centre"])


def _named_hospital(window: list[str]) -> bool:
    """Does a hospital's name open the window ("Mercy Hospital", "the University of
    Virginia Medical Center", "a trauma center"), before any clause break?"""
    for m, w in enumerate(window):
        if w in _CARE_PLACES or (
            w in _CENTERS and m and window[m - 1] in ("medical", "trauma", "health")
        ):
            return True
        if w == "." and m and window[m - 1] in ("st", "mt"):
            continue  # "St. Mary's Hospital"
        if w in _CLAUSE_END or w in ("where", "with", "after", "for", "by"):
            return False
    return False


# Words that end the noun phrase of a place: "a compound near the health center" is no
# health center.
_PLACE_PHRASE_ENDS: Final = frozenset("near in at on outside inside behind beside across".split())


def _up_to_place_word(window: list[str]) -> list[str]:
    """``window`` up to its first word of place (:data:`_PLACE_PHRASE_ENDS`)."""
    return next(
        (window[:m] for m, w in enumerate(window) if w in _PLACE_PHRASE_ENDS), window
    )


def _then_died(words: list[str], k: int) -> bool:
    """ "(was taken) to a medical center and died a short time later": the same subject's
    second verb, after the place."""
    for m in range(k, min(k + 12, len(words))):
        if words[m] in ("and", "but"):
            return _and_died(words, m + 1)
        if words[m] in _CLAUSE_END:
            return False
    return False


def _died_there(words: list[str], k: int) -> bool:
    """ "(taken to a hospital,) where he later died / was pronounced dead"."""
    window = words[k : k + 10]
    if "where" not in window:
        return False
    m = k + window.index("where") + 1
    return _dies_after(words, m, 6)


_CONDITIONS: Final = frozenset(["critical", "serious", "stable", "fair", "grave", "good"])
_MORE_CONDITIONS: Final = frozenset(["satisfactory", "guarded", "noncritical", "non-critical"])
# Words that may join or qualify the states: "critical but stable", "serious-to-critical",
# "extremely critical".
_CONDITION_LINKS: Final = frozenset(
    ["but", "and", "or", "to", "-", "very", "extremely", "temporary", "non"]
)


def _condition_end(words: list[str], k: int) -> int | None:
    """The token after "condition" when a hospital's condition opens at ``k`` ("critical
    but stable condition", "good condition"), else None."""
    named = False
    for m in range(k, min(k + 6, len(words))):
        w = words[m]
        if w == "condition":
            return m + 1 if named else None
        parts = w.split("-") if "-" in w else (w,)  # "serious-to-critical" is one token
        for part in parts:
            if part in _CONDITIONS or part in _MORE_CONDITIONS:
                named = True
            elif part not in _CONDITION_LINKS:
                return None
    return None


# Multi-word predicates by their first word, longest first (the matcher's inner loop).
_PHRASES_BY_FIRST: Final[dict[str, list[tuple[tuple[str, ...], str]]]] = {}
for _phrase, _phrase_measure in lx.PASSIVE_PHRASES:
    _PHRASES_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _phrase_measure))

_NEW_SUBJECT: Final = frozenset(
    ";  . while but which who where when his her their its he she they it".split()
)


# Verbs whose object follows them when used actively ("shot and killed his wife").
_TRANSITIVE: Final = frozenset(
    """killed murdered executed shot wounded injured hurt struck hit kidnapped abducted
    captured down stabbed beheaded massacred""".split()
)
_OBJECTS: Final = frozenset(
    """him her them his their its a an the this that another two three four five several
    multiple both""".split()
)


def _agent(words: list[str], shown: list[str] | None, k: int) -> bool:
    """Is the count before the active verb ending at ``k`` its subject ("a woman shot and
    killed a man", "the boy shot his sister", "a man killed Jamal Berry")?"""
    if words[k] not in _TRANSITIVE or k + 1 >= len(words):
        return False
    nxt = words[k + 1]
    if nxt in _OBJECTS or (
        nxt.isdecimal() and k + 2 < len(words) and words[k + 2] not in ("-", "times")
    ):
        return True
    return (
        shown is not None
        and shown[k + 1][:1].isupper()
        and nxt.isalpha()
        and nxt not in _NP_BOUNDARY  # a title-case headline: "Driver Shot In Road Rage"
        and nxt not in lx.WEEKDAYS_LOWER
        and nxt not in _MONTHS
        and nxt not in _KNOWN_WORDS
        and not shown[k + 1].isupper()
    )


_SHOT_OBJECTS: Final = frozenset("him her them the a an his their and killed several".split())


def _has_object(words: list[str], k: int, passive: bool = False) -> bool:
    if k < len(words) and words[k] == "at":
        return _shot_at_people(words, k + 1)
    return not passive and k < len(words) and words[k] in _SHOT_OBJECTS


def _shot_at_people(words: list[str], k: int) -> bool:
    """ "shot at officers" / "shot at him" (a shooter) against "shot at a party" (a victim,
    shot at a place)."""
    while k < len(words) and words[k] in ("the", "a", "an", "his", "her", "their", "two"):
        k += 1
    if k >= len(words):
        return False
    w = words[k]
    return (
        w in ("him", "her", "them", "us", "me", "police", "people")
        or (w in lx.GROUP_NOUNS and lx.GROUP_NOUNS[w] != "people")
        or w in _SINGULAR
    )


_OBJECT_PREPOSITIONS: Final = frozenset(
    ["from", "by", "with", "at", "toward", "towards", "against", "behind", "past"]
)


def _apposition_end(words: list[str], k: int) -> int | None:
    """Where the predicate starts after an apposition opening with the comma at ``k``, read
    past whole: "A fifth victim, an 18-year-old woman found outside with a wound, was taken
    to a hospital"; "a man, the father of a boy shot last week, was arrested" (the boy's
    "shot" is not the man's predicate). None when no such apposition opens there."""
    if words[k] != "," or words[k + 1 : k + 2] not in (["a"], ["an"], ["the"]):
        return None
    close = next(
        (
            m
            for m in range(k + 2, min(k + 22, len(words) - 1))
            if words[m] in (",", ";") or words[m] in lx.SPEECH_VERBS
        ),
        None,
    )
    if close is not None and words[close] == "," and words[close + 1] in _PREDICATE_OPENERS:
        return close + 1
    return None


def _skip_to_predicate(words: list[str], k: int) -> int | None:
    if (after := _apposition_end(words, k)) is not None:
        return after
    for m in range(k + 1, min(k + 12, len(words))):
        w = words[m]
        if w in _PREDICATE_OPENERS:
            # "Joel Gonzalez, a 26-year-old man, died": the aside may end right here.
            return m if m > k + 1 or words[k] == "," else None
        if _abbreviation_stop(words, m):
            continue  # "of St. Louis", "of E. Berlin"
        if w in lx.SPEECH_VERBS or w in _NEW_SUBJECT:
            return None
        age = 0 < m < len(words) - 1 and words[m - 1] == "," and words[m + 1] == ","
        if parse_quantity(words, m) is not None and w not in ("a", "an", "one") and not age:
            return None  # another count; but ", 33," after a name is an age
    return None


def _toll(words: list[str], c: _Count) -> str | None:
    """ "bringing the total number of militants killed ... to 133", "the toll rose to 15",
    "the number of injured rose to 53", "bringing to five the number of guards killed"."""
    if c.first == 0 or words[c.first - 1] not in (
        "to", "at", "reached", "of", "hit", "is", "was", "toll", ":"
    ):
        return None
    if (
        c.first >= 2
        and words[c.first - 2] in _RAISING
        and words[c.q.end : c.q.end + 1] == ["the"]
    ):
        # "bringing to five the number of guards killed": the total named after its figure
        window = words[c.q.end : c.q.end + 12]
    else:
        # (wide enough for "the death toll from Sunday's attack on a military base in the
        # town of Djibo has risen to 51")
        window = words[max(0, c.first - 24) : c.first]
    if "toll" not in window and "total" not in window and "number" not in window:
        return None
    # "bringing the number in custody to eight", "the total of those abducted rose to 40"
    last = max(k for k, w in enumerate(window) if w in ("toll", "total", "number"))
    held = next((lx.TOLL_NOUNS[w] for w in window[last + 1 :] if w in lx.TOLL_NOUNS), None)
    if held is not None:
        measure = held
    elif any(w in window for w in ("injured", "wounded", "injuries")) and not any(
        w in window for w in ("death", "dead", "killed", "fatalities", "died")
    ):
        measure = "injured"
    elif any(w in window for w in ("death", "dead", "killed", "fatalities", "died", "toll")):
        measure = "killed"
    else:
        return None
    nouns = [w for w in window if w in lx.GROUP_NOUNS]
    if nouns:
        c.group = lx.GROUP_NOUNS[nouns[-1]]
        c.group_text = nouns[-1]
        c.kind = "people"
    return measure


_RAISING: Final = frozenset(["bringing", "raising", "taking", "pushing"])


def _raised_by(words: list[str], counts: list[_Count]) -> None:
    """ "Two more people died on Sunday, bringing the death toll to 30": the two are part of
    the 30, not a rival figure for it. (A count without "more" keeps its own figure: "41
    were killed on Friday, bringing the total over two days to 133".)"""
    for i in range(len(counts) - 1):
        c, total = counts[i], counts[i + 1]
        if (
            c.measure is not None
            and _increment(words, c)
            and c.part_of is None
            and total.via == "toll"
            and total.measure == c.measure
            and not _RAISING.isdisjoint(words[c.np_end : total.first])
        ):
            c.part_of = i + 1
            total.subparts.append(i)


_MORE: Final = frozenset(["more", "further", "additional", "another"])


def _increment(words: list[str], c: _Count) -> bool:
    """ "two more people", "another two soldiers", "an additional five", "three further"."""
    return bool(
        words[c.first] in _MORE
        or (c.first and words[c.first - 1] in _MORE)
        or (c.group_text and c.group_text.split(" ", 1)[0].lower() in _MORE)
    )


def _coordinate(words: list[str], counts: list[_Count]) -> None:
    """ "15 soldiers and 18 civilians were killed": neighbours share a predicate."""
    # The people someone is kin to take no neighbour's predicate: "the sister of the two
    # boys, Tia Ross, died" (she did).
    kin = {i for i, c in enumerate(counts) if _kin_object(words, c)} if "of" in words else ()
    # A round passes a predicate one count on: as many rounds as a list may need
    # ("a man, a woman, a boy and a girl were shot").
    for _ in range(max(2, len(counts) - 1)):
        for i, c in enumerate(counts):
            if c.measure is not None or c.kind == "other" or i in kin:
                continue
            if i + 1 < len(counts):
                nxt = counts[i + 1]
                gap = _coord_gap(words[c.np_end : nxt.first])
                if (
                    nxt.via in ("passive", "coord")
                    and gap
                    and gap <= _COORD
                    and "while" not in gap
                    # (a singular verb: "a husband and father was killed" is one person)
                    and not (nxt.np_end < len(words) and words[nxt.np_end] in _SINGULAR_VERBS)
                ):
                    c.measure, c.via = nxt.measure, "coord"
                    continue
            if i > 0:
                prev = counts[i - 1]
                gap = _coord_gap(words[prev.np_end : c.first])
                if (
                    prev.via in ("active", "coord")
                    and gap
                    and gap <= _COORD
                    and ("while" not in gap)
                ):
                    c.measure, c.via = prev.measure, "coord"
    for i, c in enumerate(counts):
        if c.subset is None and c.part_of is None and (
            words[c.np_end : c.np_end + 1] == ["dead"]
            or words[c.np_end : c.np_end + 2] == ["to", "death"]
        ):
            # "shooting a woman and a child to death": the whole list is dead
            for j in range(i, -1, -1):
                cj = counts[j]
                if j < i and (
                    cj.via not in ("active", "coord")
                    or cj.measure != "injured"
                    or not _coord_gap(words[cj.np_end : counts[j + 1].first]) <= _COORD
                ):
                    break
                if cj.measure == "injured" and cj.via in ("active", "coord"):
                    cj.measure = "killed"
                if cj.via == "active":
                    break


_AGE_ASIDE: Final = _AGES | {"both"}


def _coord_gap(gap: list[str]) -> set[str]:
    """The words between two counts, less an aside of ages ("two boys, ages 7 and 10, and
    two adults"; "a woman and a man, both 19, and ...")."""
    # "Jacinta Walker, 18, and Aveion Bolden": an age set off by commas (or a comma and the
    # semicolon of a list: "Fred Swiger, 70; Todd Amos, 29; and ...")
    words = {
        "," if w == ";" else w
        for k, w in enumerate(gap)
        if not (
            w.isdecimal()
            and 0 < k < len(gap) - 1
            and gap[k - 1] == ","
            and gap[k + 1] in (",", ";")
        )
        and not (w == ";" and k > 1 and gap[k - 1].isdecimal() and gap[k - 2] == ",")
    }
    if words & _AGE_ASIDE:
        words = {w for w in words if not w.isdecimal() and w not in _AGE_ASIDE}
        return words or {","}
    return words


def _inherit_parts(words: list[str], counts: list[_Count]) -> None:
    # A total with no predicate of its own takes its parts' ("nine people, six civilians
    # and three officers, were shot dead").
    for i, parent in enumerate(counts):
        # (a bare number takes none: in "two, including the woman killed, were in their
        # thirties" the two are not dead; nor does a part's own relative clause pass on:
        # "ten friends, including the boy who was killed")
        if parent.measure is None and parent.kind not in ("other", "none"):
            got = {
                counts[j].measure
                for j in parent.subparts
                if counts[j].part_of == i
                and words[counts[j].np_end : counts[j].np_end + 1] != ["who"]
            }
            got.discard(None)
            if len(got) == 1:
                parent.measure, parent.via = got.pop(), "parts"
    for c in counts:
        if c.part_of is None:
            continue
        parent = counts[c.part_of]
        # The verb after an object's aside is the subject's: in "Teen who shot 4, including
        # 2 ATF agents, is killed" the two were shot.
        if (
            c.measure is None
            or c.via == "coord"
            or (
                (parent.via, c.via) == ("active", "passive")
                and words[c.np_end : c.np_end + 1] == [","]
            )
        ):
            c.measure, c.via = parent.measure, "part"
    # A total of unnamed "people" made of named groups takes their union.
    for i, parent in enumerate(counts):
        subs = [counts[j] for j in parent.subparts if counts[j].part_of == i]
        if (
            parent.group == "people"
            and len(subs) >= 2
            and parent.q.value is not None
            and all(s.q.value is not None for s in subs)
            and sum(s.q.value or 0 for s in subs) == parent.q.value
        ):
            groups = {lx.top_group(s.group or "") for s in subs}
            if len(groups) > 1:
                parent.group = "+".join(sorted(groups))


# Heads that name a side or a class of people as a whole, so that "others" after them are
# more of it ("47 civilians ... 80 others"); after "a man" or "two people" they are anyone.
_COLLECTIVE_HEADS: Final = frozenset(
    """civilians villagers residents soldiers troops police policemen personnel militants
    insurgents fighters rebels gunmen attackers assailants bandits terrorists jihadists
    hostages captives abductees passengers worshippers worshipers pilgrims students pupils
    schoolgirls volunteers militiamen""".split()
)


def _bare_groups(words: list[str], shown: list[str], counts: list[_Count]) -> None:
    """A number with no noun ("dozens were wounded") refers to the group named before it."""
    for i, c in enumerate(counts):
        if c.group is not None or c.kind not in ("none",):
            continue
        c.kind = "people"
        if _age_end(words, c.q.start) == c.q.end:  # "shoots 15-year-old": a person of that age
            c.group = _age_group(words, c.q.start)
            continue
        # (not a part: "58 people, including 14 children, died, and 97 were hurt")
        prev = next(
            (
                p
                for p in reversed(counts[:i])
                if p.kind == "people"
                and p.group
                and (p.part_of is None or words[c.q.start] in _PRONOUN_STARTS)  # "he": the boy
                # "the gunman opened fire, killing her": the agent, not a victim told before
                and not (c.via == "active" and p.measure is None and _opens_clause(words, p.first))
            ),
            None,
        )
        if (
            c.via == "active"
            and prev is not None
            and (
                c.first - prev.np_end <= 1
                or (c.first - prev.np_end <= 3 and words[prev.np_end] in ("who", "that"))
            )
        ):
            # "Gunman kills 3", "a teen who shot 4": the group just before the verb is the
            # agent's
            prev = None
        if prev is not None and not c.group_text:
            c.group = _listed_group(counts, counts.index(prev))
        else:
            c.group = "people"
    for i, c in enumerate(counts):
        if c.group == "people" and c.head == "others" and c.np_end - c.np_start == 1:
            # "47 civilians died and 80 others were hurt": more of the group named before
            prev = next((p for p in reversed(counts[:i]) if p.kind == "people"), None)
            if prev is not None and prev.head in _COLLECTIVE_HEADS:
                c.group = _listed_group(counts, counts.index(prev))
                continue
        if c.group == "people" and c.kind == "people":
            # "11 people, including women and children" are civilians.
            tail = words[c.np_end : c.np_end + 6]
            if "including" in tail and any(w in tail for w in ("women", "children", "elderly")):
                c.group = "civilians"


def _before_leads(words: list[str], first: int) -> int:
    """The index of the word before the noun phrase starting at ``first`` and the
    determiners or possessives that open it (-1 at the sentence's start)."""
    k = first - 1
    while k >= 0 and words[k] in _LEADS:
        k -= 1
    return k


def _opens_clause(words: list[str], first: int) -> bool:
    """Does the noun phrase starting at ``first`` open its clause, as a subject does ("The
    gunman opened fire", "when militants attacked"), not follow a verb ("came across three
    suspects")?"""
    k = _before_leads(words, first)
    return k < 0 or words[k] in _CLAUSE_OPENERS


_CLAUSE_OPENERS: Final = frozenset(
    [",", ";", ":", "when", "after", "as", "while", "that", "said", "says", "-", "—", "–"]
)


def _listed_group(counts: list[_Count], last: int) -> str:
    """The group of the count at ``last``, or of the whole list it ends ("12 soldiers and four
    volunteers were killed and 25 were wounded": the 25 are of both)."""
    groups = [counts[last].group or "people"]
    k = last - 1
    while k >= 0 and counts[k].via == "coord" and counts[k].measure == counts[last].measure:
        groups.append(counts[k].group or "people")
        k -= 1
    return _joint_group(groups)


def _link_subsets(words: list[str], shown: list[str], counts: list[_Count]) -> None:
    """ "nine people were being treated in hospital, two of them with life-threatening wounds":
    the two are a part of the nine (of the same measure), not a rival total. "one of them
    fatally" is another measure (the dead among the shot) and stays a figure of its own."""
    for i, c in enumerate(counts):
        if c.among is not None:
            _link_among(counts, i)
            continue
        if c.care and c.part_of is None and c.subset is None and c.measure == "injured":
            _link_care(words, counts, i)
        if c.subset is None or c.part_of is not None:
            continue
        want = _SUBSET_MEASURES.get(c.subset)
        for j in range(i - 1, -1, -1):
            prev = counts[j]
            if prev.kind != "people" or prev.measure is None or prev.part_of is not None:
                if want is None and prev.kind == "people":
                    break  # "them", "the victims": the nearest people
                continue
            measure = want or c.measure or prev.measure
            if prev.measure != measure or not _within(c, prev.q.value, prev.q.high):
                if want is None:
                    break  # "two people were shot, one of them fatally": the dead among them
                continue
            c.measure, c.via, c.part_of = measure, "part", j
            prev.subparts.append(i)
            _subset_group(shown, c, prev.group or "people")
            break
        if c.part_of is None and c.measure is None and want:
            c.measure, c.via = want, "subset"  # "two of the dead were children"
    for c in counts:
        if c.part_of is not None and c.measure is None:
            c.measure, c.via = counts[c.part_of].measure, "part"  # "a driver and a girl"


def _multiple_listed(words: list[str], counts: list[_Count]) -> None:
    """ "a double shooting that injured a man and a teenager": the people listed (before or
    after) that add up to a double or triple are the same victims, its parts."""
    for i, c in enumerate(counts):
        if c.via != "multiple" or not c.q.value:
            continue
        for side in (range(i + 1, len(counts)), range(i - 1, -1, -1)):
            members: list[int] = []
            run = 0
            for j in side:
                cj = counts[j]
                if cj.kind != "people" or cj.part_of is not None or cj.q.value is None:
                    break
                if members:
                    a, b = sorted((j, members[-1]))
                    if not _coord_gap(words[counts[a].np_end : counts[b].first]) <= {",", "and"}:
                        break
                members.append(j)
                run += cj.q.value
                if run >= c.q.value:
                    break
            if run == c.q.value and len(members) >= 2:
                for j in members:
                    counts[j].part_of = i
                    c.subparts.append(j)
                    if counts[j].measure is None:
                        counts[j].measure, counts[j].via = c.measure, "part"
                break


def _total_before(counts: list[_Count], i: int, measure: str) -> int | None:
    """The nearest count before the i-th that is a total of ``measure`` it can be a part of
    (itself no part, nor listed "among" a set)."""
    for j in range(i - 1, -1, -1):
        t = counts[j]
        if (
            t.kind == "people"
            and t.measure == measure
            and t.part_of is None
            and t.among is None
            and _within(counts[i], t.q.value, t.q.high)
        ):
            return j
    return None


def _link_among(counts: list[_Count], i: int) -> None:
    """ "Nine people were killed; among the dead were three children": the three are a part
    of the nine, and keep their own group."""
    c = counts[i]
    measure = c.among or ""
    c.measure, c.via = measure, "among"
    if c.part_of is not None:
        return
    j = _total_before(counts, i, measure)
    if j is not None:
        c.part_of = j
        counts[j].subparts.append(i)


# "among the dead", "among those killed", "among the people injured"
_AMONG_BE: Final = frozenset(["was", "were", "is", "are", "included"])


def _among(words: list[str], shown: list[str], counts: list[_Count]) -> None:
    """Mark the counts a sentence lists as "among" a set of casualties: "Among the injured
    were a 3-year-old girl and two teenagers", "Two soldiers were among those killed", "Of
    those killed, 24 were shot by police"."""
    for m, w in enumerate(words):
        if w not in ("among", "of") or words[m + 1 : m + 2] not in (["the"], ["those"]):
            continue
        k = m + 3 if words[m + 2 : m + 3] == ["people"] else m + 2
        measure = _SUBSET_MEASURES.get(words[k]) if k < len(words) else None
        if measure is None:
            continue
        opens = w == "of" and m == 0 and words[k + 1 : k + 2] == [","]
        if w == "of" and not opens:
            continue  # only "Of those killed, 24 were shot by police" opens a list
        listed: list[_Count] = []
        if opens or (words[k + 1 : k + 2] and words[k + 1] in _AMONG_BE):
            # after: "among the dead were three children and a police officer"
            at = k + 2
            for c in counts:
                if c.first == at:
                    listed.append(c)
                    at = c.np_end
                    while at < len(words) and words[at] in (",", "and"):
                        at += 1
        elif m and words[m - 1] in _AMONG_BE:
            # before: "three children and a police officer were among the dead"
            end = m - 1
            for c in reversed(counts):
                listed_on = c.np_end < end and listed and _coord_gap(words[c.np_end : end]) <= {
                    ",", "and"
                }
                if c.np_end == end or listed_on:
                    listed.append(c)
                    end = c.first
                elif c.first < end:
                    break
        for c in listed:
            # ("Of those killed, 24 were shot": how the dead died, not 24 more hurt)
            shot = opens and c.measure == "injured" and measure == "killed"
            if c.kind == "people" and (c.measure in (None, measure) or shot) and not c.subset:
                c.among = measure
                if not c.group_text:  # a bare number is named by its set: "of those killed"
                    c.group_text = " ".join(shown[m : k + 1]).lower()
                    named = _named_after(shown, c.np_end)  # "... 41 were women and children"
                    if named is not None:
                        c.group, c.group_text = named


def _link_care(words: list[str], counts: list[_Count], i: int) -> None:
    """ "four people were shot and two are being treated in hospital": the two are those of
    the four still in care, not two more (but "two men were shot and a woman is in serious
    condition" tells a third person)."""
    c = counts[i]
    j = _total_before(counts, i, "injured")
    if j is not None and not _other_sex(
        words[c.first : c.np_end], words[counts[j].first : counts[j].np_end]
    ):
        c.part_of = j
        counts[j].subparts.append(i)
        if not c.group_text:
            c.group = counts[j].group
            c.group_text = "in hospital"


def _within(c: _Count, value: int | None, high: int | None) -> bool:
    """Can ``c`` be a part of a total of ``value`` (``high`` when vague)? A part as large as
    the total is the total told again ("1 dead ... one of the victims later died")."""
    if c.q.value is None:
        return False
    if value is not None:
        return c.q.value < value
    return high is None or c.q.value < high


def _subset_group(shown: list[str], c: _Count, parent_group: str) -> None:
    """A part with no noun of its own ("two of them") is of the total's group, and is named
    by its "of ..." words so that it is kept apart from the total's figures."""
    if c.subset in _OF_TOTAL or not c.group_text:
        c.group = parent_group
        c.group_text = " ".join(shown[c.q.end : c.subset_end])
        named = _named_after(shown, c.subset_end)
        if named is not None:
            c.group, c.group_text = named


def _named_after(shown: list[str], k: int) -> tuple[str, str] | None:
    """(group, words) of a part that its predicate names: "41 of the dead were women and
    children", "12 of them soldiers"; None unless group nouns fill the rest of the clause."""
    if k < len(shown) and shown[k].lower() in _BE:
        k += 1
    nouns: list[int] = []
    while k < len(shown):
        w = shown[k].lower()
        if w in lx.GROUP_NOUNS:
            nouns.append(k)
        elif not (nouns and w in ("and", ",")):
            break
        k += 1
    if not nouns or (k < len(shown) and shown[k] not in (".", ",", ";")):
        return None
    group = _joint_group(lx.GROUP_NOUNS[shown[n].lower()] for n in nouns)
    if "+" in group:
        return None  # "women and soldiers": no one group
    return group, " ".join(shown[nouns[0] : nouns[-1] + 1])


# --- claimant ---------------------------------------------------------------------------------
# "put" / "placed" the toll at: a statement of the figure.
_PUT: Final = frozenset(["put", "puts", "putting", "placed"])
_SPEECH_WORDS: Final = lx.SPEECH_VERBS | lx.GERUND_SPEECH | {"according"} | _PUT
# Things a statement is made in: "a video posted online", "a statement released on Sunday".
_MEDIA: Final = frozenset(
    "video statement post message tweet letter recording clip audio report notice".split()
)
# Subjects of "read"/"reads" that are writings ("the statement read").
_WRITTEN: Final = re.compile(r"statement|post|message|tweet|notice|letter|release", re.I)


def _speeches(words: list[str], shown: list[str]) -> list[_Speech]:
    out: list[_Speech] = []
    n = len(words)
    # Most sentences have no speech word at all: one set test instead of a loop.
    for v, w in enumerate(() if _SPEECH_WORDS.isdisjoint(words) else words):
        if w in lx.SPEECH_VERBS:
            if (
                v > 0
                and (
                    words[v - 1] in _BE
                    or words[v - 1] in ("a", "an", "the", "many", "several")
                    # "five reports of people shot": a noun; "ABC 7 reported": a station
                    or (
                        (words[v - 1] in UNITS or words[v - 1].isdecimal())
                        and (v < 2 or not shown[v - 2][:1].isupper())
                    )
                )
            ):
                continue  # "attacks were reported in ...", "is said to"
            if "lives" in words[v + 1 : v + 4]:
                continue  # "the blast claimed the lives of ..." is no statement
            if (
                v >= 2
                and words[v - 2] in ("a", "an")
                and w.endswith("ed")
                and words[v - 1] in _MEDIA
            ):
                continue  # "in a video posted online": a participle, no statement
            subject = _subject_before(words, shown, v)
            if subject is None and v > 0 and words[v - 1] in (",", '"', "'") and v + 1 < n:
                subject = _subject_after(words, shown, v)  # "..., said Ali Khan."
            if w in ("read", "reads") and not (subject and _WRITTEN.search(subject)):
                continue
            out.append(_Speech(v, subject))
        elif w in lx.GERUND_SPEECH:
            out.append(_Speech(v, None))
        elif w == "according" and v + 1 < n and words[v + 1] == "to":
            out.append(_Speech(v, _np_after(words, shown, v + 2)))
        elif w in _PUT and "toll" in words[v + 1 : v + 5]:
            out.append(_Speech(v, _subject_before(words, shown, v)))  # "X put the toll at 31"
    if not any(s.subject for s in out) and not lx.STANCE_VERBS.isdisjoint(words):
        for v, w in enumerate(words):
            if w in lx.STANCE_VERBS:
                if w in lx.DENIAL_VERBS and lx.DENIED_OBJECTS.isdisjoint(words[v + 1 : v + 4]):
                    continue
                subject = _subject_before(words, shown, v)
                if subject:
                    out.append(_Speech(v, subject))
                    break
    return out


_SUBJECT_CHAR: Final = re.compile(r"[\w()'’]")
_SPACE_AFTER_OPEN: Final = re.compile(r"\(\s+")
_SPACE_BEFORE_CLOSE: Final = re.compile(r"\s+([)'’])")
_SPACE_BEFORE_PAREN: Final = re.compile(r"\s+\)")
_SPACE_BEFORE_COMMA: Final = re.compile(r"\s+,")


def _tidy(subject: str) -> str:
    """Joined tokens as written: "( JNIM )" -> "(JNIM)", "Harger ’s" -> "Harger’s"."""
    # Most subjects hold none of these characters; a ``sub`` with a group in its
    # template costs a call into the ``re`` module's Python code even when nothing matches.
    if "(" in subject:
        subject = _SPACE_AFTER_OPEN.sub("(", subject)
    if ")" in subject or "'" in subject or "’" in subject:
        subject = _SPACE_BEFORE_CLOSE.sub(r"\1", subject)
    return subject


def _subject_before(words: list[str], shown: list[str], v: int) -> str | None:
    k = v - 1
    while k >= 0:
        w = words[k]
        if w in _SUBJ_SKIP:
            k -= 1
        elif w in lx.WEEKDAYS_LOWER and k > 0:
            k -= 1
            while k >= 0 and words[k] in ("on", "late", "early", "earlier"):
                k -= 1
        elif w == "," and k > 0:
            close = k
            opener = next((m for m in range(k - 1, max(-1, k - 14), -1) if words[m] == ","), None)
            if opener is not None and words[opener + 1] in _PAREN_OPENERS:
                k = opener - 1
                continue
            if close == v - 1:
                # "A camp coordinator, Adam Rojal, told ...": a subject with its apposition;
                # otherwise "..., said Ali Khan" names the speaker after the verb.
                if opener is None:
                    return None
                found = _apposed_subject(words, shown, opener, close)
                if found is None:
                    # "... has risen to 61, the council chairman, Joseph Lar, said."
                    first = next(
                        (m for m in range(opener - 1, max(-1, opener - 9), -1) if words[m] == ","),
                        None,
                    )
                    if first is not None:
                        found = _apposed_subject(words, shown, opener, close, first + 1)
                return found
            break
        elif w == "statement" and k >= 2 and words[k - 2 : k] == ["in", "a"]:
            k -= 3
        else:
            break
    end = k + 1
    start = end
    while start > 0 and end - start < 9:
        w = words[start - 1]
        if w in _SUBJ_STOP or (w in _PUNCT_STOP and w not in ("(", ")")) or w in _BE:
            break
        if w in ("'", "’") and start - 2 >= 0 and shown[start - 2][:1].isupper():
            start -= 1
            continue
        if not _SUBJECT_CHAR.match(w):
            break
        start -= 1
    if start >= end or (end - start == 1 and words[start] in _DETERMINERS):
        return None  # "The accused gunman": an article is no subject
    return _tidy(" ".join(shown[start:end])).strip() or None


def _apposed_subject(
    words: list[str], shown: list[str], opener: int, close: int, start: int = 0
) -> str | None:
    """ "A camp coordinator, Adam Rojal," / "Adam Rojal, a camp coordinator,": a short noun
    phrase opening the sentence (or, from ``start``, set off by a comma after the figure)
    and its apposition between commas; None if it is not one."""
    head, aside = shown[start:opener], shown[opener + 1 : close]
    if not 1 <= len(aside) <= 6 or not (
        1 <= len(head) <= 5 or (len(head) <= 12 and _named_part(head))
    ):
        return None
    if any(
        w in _FINITE
        or w in lx.ACTIVE_TRIGGERS
        or w in lx.SPEECH_VERBS
        or not (w[:1].isalpha() or w in ("(", ")"))
        for w in words[start:opener] + words[opener + 1 : close]
    ):
        return None
    # "the Sahel branch of al Qaeda", "al Qaeda's affiliate in the Sahel"
    described = aside[0].lower() in ("a", "an", "the") or any(
        w.endswith(("'s", "’s")) for w in aside[:3]
    )
    if (_role_part(head, start) and _named_part(aside)) or (_named_part(head) and described):
        return _tidy(f"{' '.join(head)}, {' '.join(aside)}")
    return None


# Small words inside a name: "Group for the Support of Islam and Muslims".
_NAME_LINKS: Final = frozenset(["for", "the", "of", "and"])


# (Module functions, not ``def``s nested in _apposed_subject: compiled, a nested function is
# kept in its enclosing call's environment, which it refers back to: a reference cycle per
# call that only the cyclic collector frees, and the pipeline pauses it.)
def _named_part(part: list[str]) -> bool:
    """A name: "Adam Rojal"; an organisation's full name: "The Group for the Support of
    Islam and Muslims (JNIM)"."""
    return part[0][:1].isupper() and all(
        w[:1].isupper() or w in _NAME_LINKS or w in ("(", ")") for w in part
    )


def _role_part(part: list[str], start: int) -> bool:
    """A role; after the figure (``start``) it needs its article: "..., John Doe, Jane
    Roe, said" lists."""
    return part[0].lower() in ("a", "an", "the") or (not start and _named_part(part[:1]))


def _subject_after(words: list[str], shown: list[str], v: int) -> str | None:
    """ "..., said Ali Khan, a police spokesman."""
    return _np_after(words, shown, v + 1)


def _np_after(words: list[str], shown: list[str], k: int) -> str | None:
    end = _np_after_end(words, k)
    if end <= k:
        return None
    # "..., said Ahmed Khan, a police official." keeps the role: it names the source.
    if end + 1 < len(words) and words[end] == "," and words[end + 1] in ("a", "an", "the"):
        role_end = _np_after_end(words, end + 1)
        if role_end >= len(words) - 1:
            end = role_end
    text = " ".join(shown[k:end])
    text = _SPACE_BEFORE_COMMA.sub(",", text)
    text = _SPACE_AFTER_OPEN.sub("(", _SPACE_BEFORE_PAREN.sub(")", text))
    return text.strip() or None


def _np_after_end(words: list[str], k: int) -> int:
    end = k
    while end < len(words) and end - k < 10:
        w = words[end]
        if w in (",", ".", ";", ":", "–", "—", '"', "”") or w in (
            "that",
            "who",
            "which",
            "and",
            "while",
            "on",
        ):
            break
        end += 1
    return end


def _claimant_for(
    words: list[str], shown: list[str], speeches: list[_Speech], pos: int, earlier: str | None
) -> str | None:
    chosen: str | None = None
    if "claim" in words or "claims" in words:
        owner = _claim_owner(words, shown, pos)
        if owner is not None:
            return owner
    according = [s for s in speeches if words[s.verb] == "according" and s.subject]
    non_outlet = [s for s in according if s.subject and not _is_outlet(s.subject)]
    if non_outlet:
        chosen = min(non_outlet, key=lambda s: abs(s.verb - pos)).subject
    else:
        before = [s for s in speeches if s.verb < pos and words[s.verb] != "according"]
        for s in reversed(before):
            if s.subject and not _is_outlet(s.subject):
                chosen = s.subject
                break
            if s.subject is None and words[s.verb] in lx.GERUND_SPEECH:
                continue
        if chosen is None:
            after = [s for s in speeches if s.verb > pos and s.subject]
            real = [s for s in after if s.subject and not _is_outlet(s.subject)]
            if real:
                chosen = real[0].subject
            elif after or according:
                chosen = (after or according)[0].subject
        if chosen is None and any(words[s.verb] in lx.GERUND_SPEECH for s in speeches):
            chosen = _initial_subject(words, shown)
    if chosen and _is_anaphor(chosen):
        # With nobody named before, "the group" still says a party made the claim.
        return earlier or (chosen if chosen.lower() in lx.GROUP_ANAPHORS else None)
    if chosen and earlier and _refers_back(chosen, earlier):
        return earlier
    return chosen


def _claim_owner(words: list[str], shown: list[str], pos: int) -> str | None:
    """ "The separatists' claim that they had freed 500 prisoners was propaganda, Ayuk
    said": the figure is the separatists', whoever disputes it."""
    for k in range(pos - 1, 0, -1):
        if words[k] in (".", ";"):
            break
        if words[k] not in ("claim", "claims") or words[k + 1] != "that":
            continue
        # "separatists ' claim" (a plural's apostrophe is a token) or "army's claim"
        end = k - 1 if words[k - 1] in ("'", "’") else k
        if end == k and not words[k - 1].endswith(("'s", "’s")):
            return None  # "dismissed claims that ...": nobody's
        start = end - 1
        while (
            start > max(0, end - 5)
            and words[start - 1] not in _SUBJ_STOP
            and words[start - 1] not in _BE
            and _SUBJECT_CHAR.match(words[start - 1])
        ):
            start -= 1
        owner = " ".join(shown[start:end])
        return _tidy(_POSSESSIVE_END.sub("", owner)) or None
    return None


@lru_cache(maxsize=4096)
def _refers_back(text: str, earlier: str) -> bool:
    """ "the commission" after "the Kenya National Commission on Human Rights": a short
    definite name whose last word is a word of the longer claimant named before."""
    m = _DEFINITE_NAME.fullmatch(text.lower())
    if m is None:
        return False
    named = _LOWER_RUNS.findall(earlier.lower())
    return len(named) > len(text.split()) and m.group(1) in named


def _initial_subject(words: list[str], shown: list[str]) -> str | None:
    """The sentence's first noun phrase (the subject of a gerund like "saying")."""
    for v, w in enumerate(words):
        if w in lx.SPEECH_VERBS or w in ("claimed", "had", "has", "have"):
            return _subject_before(words, shown, v)
    return None


# Claimant strings recur (each "police said" is asked about several times): cache the pure
# tests on them.
@lru_cache(maxsize=4096)
def _is_anaphor(text: str) -> bool:
    low = text.lower()
    return low in lx.ANAPHORS or bool(_STATEMENT_ANAPHOR.fullmatch(low))


@lru_cache(maxsize=4096)
def _is_outlet(text: str) -> bool:
    words = set(_LOWER_HYPHENED.findall(text.lower()))
    return bool(words & lx.OUTLET_WORDS) and not words & {
        "officials",
        "police",
        "military",
        "minister",
        "spokesman",
        "army",
    }


@lru_cache(maxsize=4096)
def claimant_key(text: str) -> str:
    """A normalised key for a claimant: aliases, acronyms, then the words themselves.

    >>> claimant_key("the Inter-Services Public Relations (ISPR)")
    'military'
    >>> claimant_key("The banned Baloch Liberation Army (BLA)")
    'bla'
    """
    # "(JNIM)"; "JNIM, the Sahel branch of al Qaeda"
    acronym = _ACRONYM_IN_PARENS.search(text) or _ACRONYM_FIRST.match(text)
    low = normalise_quotes(text).lower()
    low_words = " " + _NOT_KEY_CHAR.sub(" ", low) + " "
    names = _CAPITALISED.findall(text)
    if acronym:
        key = acronym.group(1).lower()
        aliased = _alias(f" {key} ")
        return aliased or key
    capital_words = [w for w in _TITLE_CASE.findall(text.split("(")[0]) if w != "The"]
    if len(capital_words) >= 2 and capital_words[-1] in _ORG_HEADS:
        return (
            "".join(w[0] for w in capital_words[-4:]).lower()
            if len(capital_words) >= 3
            else ("_".join(w.lower() for w in capital_words))
        )
    aliased = _alias(low_words)
    if aliased:
        return aliased
    title = _TITLE_WORD.search(low)
    if title and len(names) >= 2:
        return "_".join(n.lower() for n in names[-2:])
    if len(capital_words) >= 4 and _LONG_NAME.fullmatch(text.split("(")[0].strip()):
        # "the Kenya National Commission on Human Rights": its initials, as its acronym
        # "(KNCHR)" gives them
        return "".join(w[0] for w in capital_words).lower()
    low = _APOSTROPHES.sub("", low)
    words = [w for w in _LOWER_RUNS.findall(low) if w not in ("the", "a", "an", "four", "two")]
    return "_".join(words[-3:]) or low


# The claimant rules' patterns, compiled once (``re.sub(pattern, ...)`` looks each up in
# the ``re`` module's cache through its Python code on every call).
_POSSESSIVE_END: Final = re.compile(r"['’]s$")
_DEFINITE_NAME: Final = re.compile(r"the (?:[a-z]+ )?([a-z]+)")
_LOWER_RUNS: Final = re.compile(r"[a-z]+")
_LOWER_HYPHENED: Final = re.compile(r"[a-z][a-z-]*")
_STATEMENT_ANAPHOR: Final = re.compile(
    r"(the|its|his|her|their|this|that)( \w+)? (statement|post|report|message)"
)
_ACRONYM_IN_PARENS: Final = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_ACRONYM_FIRST: Final = re.compile(r"([A-Z]{2,9}),")
_NOT_KEY_CHAR: Final = re.compile(r"[^a-z0-9' -]")
_CAPITALISED: Final = re.compile(r"\b[A-Z][\w-]*")
_TITLE_CASE: Final = re.compile(r"[A-Z][a-z]+")
_TITLE_WORD: Final = re.compile(r"(minister|spokes\w+|governor|mayor|chief|president|commander)")
_APOSTROPHES: Final = re.compile(r"'s\b|'")

# A name of capitalised words and the small words between them ("Commission on Human Rights").
_LONG_NAME: Final = re.compile(r"(?:[Tt]he )?[A-Z][\w-]*(?: (?:[A-Z][\w-]*|of|on|for|and|the|in))*")


_ORG_HEADS: Final = frozenset(
    [
        "Army",
        "Front",
        "Movement",
        "Party",
        "Group",
        "Organisation",
        "Brigade",
        "Organization",
        "Council",
        "Corps",
        "Force",
        "Forces",
        "Command",
    ]
)


def _alias(low_words: str) -> str | None:
    for alias, key in lx.CLAIMANT_ALIASES:
        if f" {alias} " in low_words:
            return key
    return None


def _sentence_hedge(lower: str) -> str | None:
    for w in ("reportedly", "allegedly", "unconfirmed"):
        if w in lower:
            return w
    return None


# --- period and places -------------------------------------------------------------------------
_TIME_LEAD: Final = frozenset(["on", "late", "early", "earlier", "later"])
# What may stand between a speech verb and the day it was said: "told reporters on Monday",
# "said in a statement on Sunday", "told the Associated Press late on Friday".
_SPEECH_ASIDE_LEAD: Final = frozenset(["in", "at", "to", "during", "via", "through"])


def as_of(words: list[str], p: PeriodMention) -> bool:
    """ "34 bodies had been recovered by Sunday morning", "as of Monday": when a count was
    reached, not when the people died ("killed by Sunday's blast" names the attack)."""
    i = p.start
    return (
        i > 0
        and (words[i - 1] == "by" or (i > 1 and words[i - 2 : i] == ["as", "of"]))
        and not words[i].endswith("'s")
    )


def speech_time(words: list[str], i: int) -> bool:
    """ "said on Sunday", "police said Sunday", "told reporters on Monday", "said in a
    statement on Sunday" date the statement, not the figure ("said Saturday's attack" does
    not: it names the attack's day)."""
    k = i - 1
    while k >= 0 and words[k] in _TIME_LEAD:
        k -= 1
    if k < 0:
        return False
    if k == i - 1 and (words[i].endswith("'s") or words[i] not in lx.WEEKDAYS_LOWER):
        return words[k] in lx.SPEECH_VERBS and words[i] in lx.WEEKDAYS_LOWER  # "said Sunday"
    if words[k] in lx.SPEECH_VERBS or words[k] in lx.GERUND_SPEECH:
        return True
    # A short aside after the verb: "told reporters", "said in a statement".
    for m in range(k, max(-1, k - 5), -1):
        w = words[m]
        if w in ("told", "telling", "tell", "tells"):
            return m < k  # "told AP on Monday"
        if w in lx.SPEECH_VERBS or w in lx.GERUND_SPEECH:
            return m < k and words[m + 1] in _SPEECH_ASIDE_LEAD
        if not w.isalpha() or w in _SUBJ_STOP or w in lx.PASSIVE_TRIGGERS or w in lx.AUX:
            return False
    return False


# Words before a day that put it in the future ("closed until Friday", "next Monday").
_FUTURE_LEAD: Final = frozenset(["until", "till", "next", "through", "before"])


def _future(words: list[str], p: PeriodMention) -> bool:
    k = p.start - 1
    if k >= 0 and words[k] in ("on", "by") and p.period.kind in ("weekday", "date"):
        k -= 1  # "until on Friday" is rare, "due on Friday" is not a tense marker
    return (
        k >= 0
        and p.period.kind in ("weekday", "date")
        and words[k] in _FUTURE_LEAD
        and not (words[k] == "before" and p.start - 1 == k)  # "before Saturday's attack"
    )


_SUPERLATIVES: Final = frozenset(
    "deadliest worst bloodiest largest biggest highest most first latest".split()
)


def _comparison(words: list[str], p: PeriodMention) -> bool:
    """ "the deadliest shooting in the city this year" compares the incident with a year's; the
    year is not when the count happened."""
    if p.precise:
        return False
    for k in range(p.start - 1, max(-1, p.start - 8), -1):
        if words[k] in _SUPERLATIVES:
            return True
        if words[k] in _PUNCT_STOP or words[k] in _FINITE:
            return False
    return False


_AFTER_WORDS: Final = {"a": 1, "one": 1, "the": 1, "two": 2, "three": 3}


def _anchor_relative(
    words: list[str], shown: list[str], periods: list[PeriodMention]
) -> list[PeriodMention]:
    """ "on Sunday, a day after four people were killed": the day before that Sunday, not a
    day counted back from the event day."""
    out = list(periods)
    for p in periods:
        if p.period.kind not in ("weekday", "date"):
            continue
        j = p.end
        if j < len(words) and words[j] in ("night", "morning", "afternoon", "evening"):
            j += 1
        if j < len(words) and words[j] == ",":
            j += 1
        if j < len(words) and words[j] in ("just", "only"):
            j += 1
        if j + 2 >= len(words) or words[j] not in _AFTER_WORDS or words[j + 2] != "after":
            continue
        days = _AFTER_WORDS[words[j]]
        if words[j + 1] != ("day" if days == 1 else "days"):
            continue
        shifted = _shift(p.period, -days, " ".join(shown[p.start : j + 3]).replace(" ,", ","))
        if shifted is None:
            continue
        end = j + 3
        out = [q for q in out if q.end <= j or q.start >= end]
        out.append(PeriodMention(j, end, shifted, True))
    return sorted(out, key=lambda q: q.start)


def _shift(period: Period, days: int, text: str) -> Period | None:
    if period.kind == "weekday" and period.weekday is not None:
        return _make_period(kind="weekday", text=text, weekday=(period.weekday + days) % 7)
    if period.kind == "date" and period.start and period.start == period.end:
        iso = (dt.date.fromisoformat(period.start) + dt.timedelta(days=days)).isoformat()
        return _make_period(kind="date", text=text, start=iso, end=iso)
    month_day = _month_day(period.text or "")
    if period.kind == "date" and month_day:
        day = dt.date(2000, *month_day) + dt.timedelta(days=days)  # a leap year: Feb 29 exists
        return _make_period(kind="date", text=f"{day:%B} {day.day}")
    return None


_RELATIVE_PRONOUNS: Final = frozenset(["who", "which", "that"])
# Nouns a "that" clause may describe ("the attack that killed 12"); after other words
# ("said that") it introduces a statement.
_THAT_NOUNS: Final = frozenset(
    """attack attacks shooting shootings bombing bombings blast blasts explosion explosions
    ambush raid raids assault incident violence fire clash clashes crash gunfire strike
    strikes operation rampage massacre spree""".split()
)
_FINITE: Final = frozenset(
    """had has have was were is are will would could should may might can did does do""".split()
)
_CLAUSE_CONJ: Final = frozenset(["but", "while", "whereas", "although", "though"])


def _new_clause_at(words: list[str], k: int) -> bool:
    """Does a new clause start at token ``k`` (";", ", but", ", and the station will ...")?"""
    w = words[k]
    if w == ";":
        return True
    if k == 0 or words[k - 1] != ",":
        return False
    if w in _CLAUSE_CONJ:
        return True
    # ", and the bus station will stay closed": "and" + a subject + a finite verb; not a
    # list ("killing a woman, her son, and the driver").
    return (
        w == "and"
        and any(x in _FINITE for x in words[k + 2 : k + 6])
        and (words[k + 1] not in _FINITE and words[k + 1] not in lx.PASSIVE_TRIGGERS)
    )


def _clause_of(words: list[str], c: _Count) -> tuple[int, int]:
    """Token range of the clause a count is told in."""
    lo, hi = 0, len(words)
    for k in range(c.first - 1, -1, -1):
        if _new_clause_at(words, k):
            lo = k + 1
            break
    for k in range(max(c.np_end, c.q.end), len(words)):
        if _new_clause_at(words, k):
            hi = k - 1 if words[k] != ";" else k
            break
    # "The gunman who killed three people ... had been barred last year": a count inside a
    # relative clause; the clause ends where the main verb comes.
    rel = next(
        (
            k
            for k in range(c.first - 1, lo - 1, -1)
            if words[k] in _RELATIVE_PRONOUNS
            and k > 0
            and (
                words[k] != "that"
                or words[k - 1] in _THAT_NOUNS
                or words[k - 1] in lx.GROUP_NOUNS
                or words[k - 1] in _SINGULAR
            )
        ),
        None,
    )
    if rel is not None:
        lo = rel
        m = max(c.np_end, c.q.end)
        if c.via != "active":
            while m < hi and (words[m] in lx.AUX or words[m] in lx.PASSIVE_TRIGGERS):
                m += 1  # the count's own predicate: "in which 12 people were killed"
        for k in range(m, hi):
            if words[k] in _FINITE or words[k] == ",":
                hi = k
                break
    return lo, hi


def _period_for(periods: list[PeriodMention], c: _Count, words: list[str]) -> Period:
    if any(p.clause_only for p in periods):
        periods = [
            p
            for p in periods
            if not p.clause_only or (p.end <= c.first and "," not in words[p.end : c.first])
        ]
    of_noun = c.first >= 2 and words[c.first - 1] == "of"  # "the 2014 killing of two boys"
    if not periods and not of_noun and _RELATIVE_PRONOUNS.isdisjoint(words):
        return _UNSTATED  # (nothing to date it, not even an event noun with a year)
    when = c.first - 1
    if when >= 2 and words[when] == "when" and words[when - 1] == ",":
        # "since June 2025, when 50 soldiers were killed": the time the clause describes
        told = next((p for p in periods if p.end == when - 1), None)
        origin = since_origin(told.period) if told is not None else None
        if origin is not None:
            return origin
    lo, hi = _clause_of(words, c)
    # The end of the noun a "that" / "which" clause describes ("a 2024 assault that left 100
    # dead", "the bombing, which killed 40"); a "who" clause describes a person.
    described = (lo - 1 if words[lo - 1] == "," else lo) if words[lo] in ("that", "which") else None
    # A period of another clause is not the count's ("..., and the station will stay closed
    # until Friday"); one that opens the sentence ("On Saturday, ...") covers all of it.
    mine = (
        [p for p in periods if lo <= p.start and p.end <= hi]
        # the noun the clause describes dates it ("a Monday shooting that ...")
        or [
            p
            for p in periods
            if described is not None
            and lo - 4 <= p.start < p.end <= lo
            and not any(
                w in _NOT_MODIFIERS or w in _FINITE or w == "," for w in words[p.end : described]
            )
        ]
        or [p for p in periods if p.start <= 1 and (p.end >= len(words) or words[p.end] == ",")]
    )
    if not mine:
        # a figure told of an event that a year dates is of that year
        if described is not None:
            return attributive_year(words, described) or _UNSTATED
        if of_noun:
            return attributive_year(words, c.first - 1) or _UNSTATED
        return _UNSTATED
    tally = _tally_period(words, c, mine)
    if tally is not None:
        return tally
    precise = [p for p in mine if p.precise] or mine
    # The nearest (a key function, not a nested ``def``: see _named_part).
    best = min(
        precise,
        key=lambda p: (min(abs(p.start - c.first), abs(p.end - c.q.end)), p.period.kind != "span"),
    )
    return best.period


# Verbs of a report or a count that put the figure in their complement: "a report
# released Wednesday shows 30 people were killed this year".
_SHOWING: Final = frozenset(
    """shows show showed showing reveals revealed revealing finds found finding indicates
    indicated suggests suggested""".split()
)


def _long_period(period: Period) -> bool:
    """A period that sums a year, a month or a long span ("this year", "in 2015", "since
    January", "the past six months")."""
    if period.kind == "vague":
        return (period.text or "").lower() in ("this year", "last year", "last month")
    if period.kind == "span":
        return (period.days or 0) > 7
    if period.kind == "date":
        return period.start is not None and period.end is not None and period.start != period.end
    return period.kind == "since" and period.weekday is None


def _tally_period(words: list[str], c: _Count, mine: list[PeriodMention]) -> Period | None:
    """A year-to-date figure told in a statement's or a report's complement: "The fund on
    Wednesday issued a report revealing that 67 officers have been killed this year" is of
    this year, not of Wednesday, the day the report came out."""
    end = c.q.end
    after = next(
        (
            p
            for p in mine
            if p.start >= end
            and _long_period(p.period)
            and not any(w in (",", ";", "and", "but") for w in words[end : p.start])
        ),
        None,
    )
    if after is None:
        return None
    for p in mine:
        if p is after or _long_period(p.period):
            continue
        between = words[p.end : c.first]
        if p.start >= c.first or not any(
            w == "that" or w in _SHOWING or w in lx.SPEECH_VERBS or w in lx.GERUND_SPEECH
            for w in between
        ):
            return None
    return after.period


def _places(sentence: str) -> list[tuple[Span, Place]]:
    return [(m.span, m.place) for m in find_places(sentence)]


def _tokens_within(kept: tuple[list[str], list[int]], start: int, end: int) -> list[str] | None:
    """``_TOKEN.findall(text[start:end])``, sliced from ``kept``, the whole text's tokens and
    their starts; None when a token crosses either edge (the slice would read it otherwise).

    The token pattern looks neither behind nor ahead of what it takes, and takes every
    character but white space, so tokens that lie wholly inside read the same alone.

    >>> kept = (["Two", "were", "shot", ".", "None", "died", "."], [0, 4, 9, 13, 15, 20, 24])
    >>> _tokens_within(kept, 15, 25), _tokens_within(kept, 17, 25)
    (['None', 'died', '.'], None)
    """
    found, starts = kept
    lo = bisect_left(starts, start)
    hi = bisect_left(starts, end, lo)
    if lo and starts[lo - 1] + len(found[lo - 1]) > start:
        return None
    if hi > lo and starts[hi - 1] + len(found[hi - 1]) > end:
        return None
    return found[lo:hi]


def _token_starts(text: str, shown: list[str]) -> list[int]:
    """Where each of ``shown`` (``_TOKEN.findall(text)``) starts in ``text``.

    The token pattern reads every character but whitespace into some token, so only
    whitespace lies between two tokens and each starts at the next find of its own text:
    the offsets without a ``Piece`` per token (``tokens``), of which a claim needs two.

    >>> _token_starts("Two  were shot.", ["Two", "were", "shot", "."])
    [0, 5, 10, 14]
    """
    out: list[int] = []
    at = 0
    for t in shown:
        at = text.find(t, at)
        out.append(at)
        at += len(t)
    return out


def _scope(
    words: list[str],
    shown: list[str],
    starts: list[int],
    places: list[tuple[Span, Place]],
    c: _Count,
) -> str | None:
    """A single town the count is limited to ("In Quetta, two police officers were killed").

    ``shown``: the sentence's tokens as written; ``starts``: their offsets in it.
    """
    towns = [(s, p) for s, p in places if p.kind in ("city", "admin2")]
    if not towns:
        return None
    # The clause of the count: split at ';' and ', while' / ', but'.
    start_tok, end_tok = 0, len(words)
    for k in range(c.first - 1, -1, -1):
        if words[k] == ";" or (
            words[k] in ("while", "but", "whereas") and k and words[k - 1] == ","
        ):
            start_tok = k + 1
            break
    for k in range(c.q.end, len(words)):
        if words[k] == ";" or (words[k] in ("while", "but", "whereas") and words[k - 1] == ","):
            end_tok = k
            break
    lo = starts[start_tok]
    hi = starts[end_tok - 1] + len(shown[end_tok - 1]) if end_tok > start_tok else lo
    inside = [(s, p) for s, p in towns if lo <= s.start and s.end <= hi]
    # "the city of Gwadar, where ... killing 11 people": the place before "where".
    for k in range(c.first - 1, start_tok - 1, -1):
        if words[k] == "where" and k >= 2 and words[k - 1] == ",":
            before = [(s, p) for s, p in inside if s.end <= starts[k - 1]]
            if before:
                return before[-1][1].name
    if len({p.name for _, p in inside}) != 1:
        return None
    span, place = inside[0]
    # Only a locative "in/at/near X", not a dateline or a name in passing.
    tok_idx = next((i for i, at in enumerate(starts) if at == span.start), None)
    if tok_idx is None:
        return None
    window = words[max(0, tok_idx - 5) : tok_idx]
    if any(w in _CARE_PLACES or w in _TREATED for w in window):
        return None  # "taken to hospital in Jos": where they were treated, not hurt
    if any(w in ("in", "at", "near", "outside") for w in window):
        return place.name
    return None


_TREATED: Final = frozenset(["treatment", "treated", "admitted", "airlifted", "evacuated"])


def with_period(claim: Claim, period: Period) -> Claim:
    """A copy of ``claim`` with a resolved period (claims are immutable)."""
    return claim.model_copy(update={"period": shared(period)})


__all__ = ["claimant_key", "extract_claims", "with_period"]
