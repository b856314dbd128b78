"""Find place names in running text and resolve them by document context.

>>> [(m.place.name, m.place.country) for m in find_places("Clashes in Harnai and Quetta.")]
[('Harnai', 'PK'), ('Quetta', 'PK')]
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Final

from corroborate.geo.gazetteer import (
    ADMIN1,
    COUNTRY,
    KIND,
    POP,
    Candidate,
    Entries,
    Gazetteer,
    ambiguity_factor,
    get_gazetteer,
)
from corroborate.geo.lexicon import (
    AREA_WORDS,
    CONNECTORS,
    DEMONYMS,
    FORCE_WORDS,
    ORG_WORDS,
    PLACE_WORDS,
    STOP_WORDS,
    STREET_WORDS,
    TITLE_WORDS,
    US_STATE_CODES,
    US_STATE_STYLE,
)
from corroborate.model import Place, Span, shared, unchecked
from corroborate.text import _TOKEN, remember_tokens
from corroborate.text import STOP_WORDS as _STOP_LOWER

#: A foreign town smaller than this, in a country nothing else in the text points to, is
#: taken to be a false friend ("Rind" in Armenia, "Minster" in Ohio) and dropped.
MIN_FOREIGN_POPULATION: Final = 100_000
#: A one-word match on an alternate name only counts for a place at least this big
#: ("Bombay", "Calcutta"); smaller ones are mostly given names ("Owen", "Raj").
MIN_ALT_POPULATION: Final = 100_000
MAX_WORDS: Final = 4  # "Azad Jammu and Kashmir"

# A mention's span, built without validation (offsets into the text: ints, never negative).
_make_span = unchecked(Span)


@dataclass(slots=True, init=False, unsafe_hash=True)  # own __init__: see corroborate.buildinfo
class PlaceMention:
    """A place named in a text: where (``span``, offsets into the text) and which."""

    span: Final[Span]
    place: Final[Place]

    def __init__(self, span: Span, place: Place) -> None:
        self.span = span
        self.place = place


@dataclass(slots=True, init=False)
class _Tok:
    core: str  # the word without a possessive 's
    start: int
    end: int  # end of ``core``

    def __init__(self, core: str, start: int, end: int) -> None:
        self.core = core
        self.start = start
        self.end = end


@dataclass(slots=True, init=False)
class _Mention:
    start: int
    end: int
    text: str
    cands: list[Candidate]
    qualified: bool = field(default=False, init=False)
    countries: set[str] = field(default_factory=set, init=False)
    # The region (country, admin1 code) the text puts a town in when the gazetteer has no
    # town of that name there: "Felton, Minn." is a Felton in Minnesota, listed or not.
    unlisted: tuple[str, str] | None = field(default=None, init=False)

    def __init__(self, start: int, end: int, text: str, cands: list[Candidate]) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.cands = cands
        self.qualified = False
        self.countries = set()
        self.unlisted = None


def _core(word: str) -> str:
    if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
        return word[:-2]
    return word


#: Abbreviations whose full stop does not end a capitalised run ("St. Louis").
_DOTTED: Final = frozenset({"St", "Ste", "Mt", "Ft"})


def _tokens(text: str) -> tuple[list[str], list[int]]:
    """``corroborate.text``'s tokens of ``text`` (``_TOKEN.findall(text)``) and their starts.

    No token holds white space and every other character is in one, so the tokens of a
    text are those of its white-space-separated chunks, end to end. A chunk of letters
    (most of them) is one word token; the regex reads only the others. Compiled, half the
    time of one regex pass over the whole text.

    >>> _tokens("Two  were shot, 1,200 fled.")
    (['Two', 'were', 'shot', ',', '1,200', 'fled', '.'], [0, 5, 10, 14, 16, 22, 26])
    """
    found: list[str] = []
    starts: list[int] = []
    pos = 0
    for chunk in text.split():  # (``str.split`` and ``\s`` agree on white space)
        at = text.find(chunk, pos)  # only white space lies between ``pos`` and the chunk
        pos = at + len(chunk)
        if chunk.isalpha():
            found.append(chunk)
            starts.append(at)
            continue
        for token in _TOKEN.findall(chunk):
            found.append(token)
            starts.append(at)
            at += len(token)
    return found, starts


def _runs(text: str) -> tuple[list[tuple[list[_Tok], str]], list[str]]:
    """Capitalised word runs (with the word before each), and demonyms seen."""
    runs: list[tuple[list[_Tok], str]] = []
    demonyms: list[str] = []
    run: list[_Tok] = []
    prev_word = ""  # last word before the current run, lower case
    last_word = ""  # as written; lowered only when a run starts (most words never need it)
    joins = False  # whether the white space before this token keeps it in the run
    end = 0  # where the previous token ended
    found, starts = _tokens(text)  # kept for the claims stage
    # Every token is looked at; lower-case words (most of them) cost a few operations.
    for i in range(len(found)):
        word, start = found[i], starts[i]
        if run:
            # Spaces, but no line break: "Breaking News Staff" and the next paragraph's
            # "Dayton police" are two runs.
            joins = start > end and text.find("\n", end, start) < 0
        end = start + len(word)
        first = word[0]
        code = ord(first)
        # ASCII first letters (nearly all) are told apart by code; compiled, ``isupper`` and
        # ``isalpha`` are method calls looked up by name on every token.
        if code < 128:
            capital = 65 <= code <= 90
            alpha = capital or 97 <= code <= 122
        else:
            alpha = first.isalpha()
            capital = alpha and first.isupper()
        if capital:
            if run and not joins:
                runs.append((run, prev_word))
                run = []
            if not run:
                prev_word = last_word.lower()
            core = _core(word)
            run.append(_Tok(core, start, start + len(core)))
            if core in DEMONYMS:
                demonyms.append(DEMONYMS[core])
            if core != word:  # a possessive ends the name: "Pakistan's Interior Minister"
                runs.append((run, prev_word))
                run = []
        elif run:
            if word in CONNECTORS and joins:
                run.append(_Tok(word, start, end))
            elif word == "." and run[-1].end == start and run[-1].core in _DOTTED:
                run[-1].core += "."  # "St. Louis", "Mt. Vernon": the name goes on
                run[-1].end = end
            else:
                runs.append((run, prev_word))
                run = []
        if alpha:
            last_word = word
        elif word != ".":  # "Gen. Asim Munir": look through the abbreviation's full stop
            last_word = ""
    if run:
        runs.append((run, prev_word))
    remember_tokens(text, found, starts)
    return runs, demonyms


def _single_ok(word: str) -> bool:
    """Whether a lone word may be a place name at all."""
    if word in STOP_WORDS or word in DEMONYMS or word in PLACE_WORDS:
        return False
    if word.lower() in _STOP_LOWER:
        return False
    return len(word) >= 3 or word.isupper()  # "UK", "US"


def _neutral(word: str) -> bool:
    """Words that may sit next to a place name in a capitalised run without making the run
    a person's or a company's name: "In", "Pakistani", "Taliban-controlled", "Airport"."""
    if word in STOP_WORDS or word in DEMONYMS or word.lower() in _STOP_LOWER:
        return True
    if word in PLACE_WORDS:
        return True
    return "-" in word and word.rsplit("-", 1)[1].islower()  # "Taliban-controlled"


#: The result of matching one run, relative to its first word: the mentions (start, end,
#: text, candidates) and the words it adds to ``people``.
_Plan = tuple[tuple[tuple[int, int, str, tuple[Candidate, ...]], ...], tuple[str, ...]]
#: Most runs whose matching :func:`_match_run` remembers (per gazetteer). As for the
#: gazetteer's name memo, the runs that recur come early in a stream (see ``_MEMO_MAX``
#: there for what 200,000 cost).
_PLAN_MEMO_MAX: Final = 50_000


def _match_run(gz: Gazetteer, run: list[_Tok], people: set[str]) -> list[_Mention]:
    """Longest-first matching of the names in one capitalised run.

    Words that belong to a person's name are added to ``people``.

    Matching is a pure function of the run's words and their offsets from its first word
    (and of the gazetteer), and the same runs ("The", "Police", "Chicago") come back in
    report after report, so each distinct run is matched once and its plan replayed.
    """
    plans: dict[object, _Plan] = gz.run_plans
    base = run[0].start
    key: object = (
        run[0].core
        if len(run) == 1
        else (tuple(t.core for t in run), tuple(t.start - base for t in run))
    )
    plan = plans.get(key)
    if plan is None:
        added: set[str] = set()
        found = _match_run_once(gz, run, added)
        people |= added
        if len(plans) < _PLAN_MEMO_MAX:
            plans[key] = (
                tuple((m.start - base, m.end - base, m.text, tuple(m.cands)) for m in found),
                tuple(added),
            )
        return found
    people.update(plan[1])
    return [_Mention(base + s, base + e, text, list(c)) for s, e, text, c in plan[0]]


def _match_run_once(gz: Gazetteer, run: list[_Tok], people: set[str]) -> list[_Mention]:
    """:func:`_match_run` without the memo."""
    while run and run[-1].core in CONNECTORS:
        run = run[:-1]
    cores = [t.core for t in run]
    org = next((k for k, c in enumerate(cores) if c in ORG_WORDS), None)
    if org is not None:
        if cores[org] not in FORCE_WORDS or org == 0:
            return []  # "Balochistan Liberation Army", "Operation Herof", "Punjab Government"
        # "Richmond Police", "Stokes County Sheriff": a police force is named for its town.
        run, cores = run[:org], cores[:org]
    # Everything after a title is a person's name: "Interior Minister Mohsin Naqvi".
    for k, c in enumerate(cores):
        if c.lower() in TITLE_WORDS:
            people.update(cores[k + 1 :])
            run, cores = run[:k], cores[:k]
            break
    found: list[_Mention] = []
    unexplained: list[str] = []
    i = 0
    while i < len(run):
        if cores[i] in CONNECTORS:
            i += 1
            continue
        k = i
        while k < len(run) and cores[k] in AREA_WORDS:
            k += 1
        if k - i >= 2:  # "the South Side of Chicago": a part of the report's own town
            i = k
            continue
        for n in range(min(MAX_WORDS, len(run) - i), 0, -1):
            j = i + n - 1
            if cores[j] in CONNECTORS or (n == 1 and not _single_ok(cores[i])):
                continue
            key = " ".join(cores[i : j + 1])
            cands = gz.candidates(key)
            if cands:
                if j + 1 < len(run) and cores[j + 1] in STREET_WORDS:
                    i = j + 2  # "Columbus Street": a street, wherever it is
                    break
                found.append(_Mention(run[i].start, run[j].end, key, cands))
                i = j + 1
                break
        else:
            parts = _match_parts(gz, run[i])
            found.extend(parts)
            if not parts and not _neutral(cores[i]):
                unexplained.append(cores[i])
            i += 1
    # Two one-word "places" side by side ("Tara Reid") are a name, not a place list.
    starts = {t.start: k for k, t in enumerate(run)}  # parts of "Iran-Pakistan" start none
    adjacent = any(
        " " not in a.text and " " not in b.text and b.start in starts
        and not any(t.core in CONNECTORS for t in run if a.end <= t.start < b.start)
        for a, b in itertools.pairwise(found)
    )  # fmt: skip
    if adjacent:
        unexplained.append("")
    if unexplained:
        # "Sarah Palin", "Harry Reid", "Ford Motor": a one-word place next to a word that is
        # neither a place nor a function word is part of some other name. Right after such
        # a word it is a surname, and the same word alone elsewhere is that person ("Palin
        # said"); otherwise it names what a paper or a company is named for ("Houston
        # Chronicle", "The Sandusky Register"), and alone it is still the town.
        people.update(w for w in unexplained if w)
        single = [m for m in found if " " not in m.text]
        named = {*unexplained, *(m.text for m in single)}  # ("Tara Reid": both places)
        people.update(
            m.text for m in single if (k := starts.get(m.start, 0)) and cores[k - 1] in named
        )
        found = [m for m in found if " " in m.text]
    return found


def _match_parts(gz: Gazetteer, tok: _Tok) -> list[_Mention]:
    """Places inside a hyphenated word: "Iran-Pakistan border", "India-backed"."""
    if "-" not in tok.core:
        return []
    found: list[_Mention] = []
    offset = tok.start
    for part in tok.core.split("-"):
        if part and part[0].isupper() and _single_ok(part):
            cands = gz.candidates(part)
            if cands:
                found.append(_Mention(offset, offset + len(part), part, cands))
        offset += len(part) + 1
    return found


def _apply_qualifiers(gz: Gazetteer, mentions: list[_Mention], text: str) -> None:
    """Narrow a name by the region or country after it: "Paris, Texas"."""
    for m, q in itertools.pairwise(mentions):
        if text[m.end : q.start].strip() != ",":
            continue
        for qc in q.cands:
            qe = gz.entries[qc.index]
            if qe[KIND] not in ("admin1", "country"):
                continue
            keep = [
                c
                for c in m.cands
                if gz.entries.country(c.index) == qe[COUNTRY]
                and (qe[KIND] == "country" or gz.entries.admin1(c.index) == qe[ADMIN1])
                and c.index != qc.index
            ]
            if keep:
                m.cands, m.qualified = keep, True
                q.cands, q.qualified = [qc], True
                break
            if qe[KIND] == "admin1" and _unlisted_in(gz, m, qe[COUNTRY], qe[ADMIN1]):
                q.cands, q.qualified = [qc], True
                break


def _town_like(gz: Gazetteer, m: _Mention) -> bool:
    """Could the name be a town? Not when it also names a region or a country."""
    kinds = {gz.entries.kind(c.index) for c in m.cands}
    return bool(kinds & {"city", "admin2"}) and not kinds & {"admin1", "country"}


def _unlisted_in(gz: Gazetteer, m: _Mention, country: str, admin1: str) -> bool:
    """Put a town the gazetteer lists only elsewhere in the region the text names, if it
    can be a town there; ``m`` is updated. "LEWIS, Ky." with no Lewis in Kentucky is its
    Lewis County; "Felton, Minn." an unlisted Felton. Not a name that is also a region or
    a country: "Washington, Oregon and Idaho" lists three states."""
    if not _town_like(gz, m):
        return False
    county = [
        c
        for word in ("County", "Parish")
        for c in gz.candidates(f"{m.text} {word}")
        if gz.entries.country(c.index) == country and gz.entries.admin1(c.index) == admin1
    ]
    if county:
        m.cands = county
    else:
        m.unlisted = (country, admin1)
    m.qualified = True
    return True


#: A US state's abbreviation right after a town: ", Kan." (with its full stop) or ", MN".
_STATE_AFTER: Final = re.compile(
    r",[ \t]*(?:("
    + "|".join(re.escape(a) for a in sorted(US_STATE_STYLE, key=len, reverse=True))
    + r")\.|("
    + "|".join(sorted(US_STATE_CODES))
    + r")(?!\w))"
)


#: A dateline: a paragraph that opens with a place in capitals, then a comma, a bracket or
#: a dash ("SAN ANTONIO (KSAT) -", "TOPEKA, Kan. -").
_DATELINE: Final = re.compile(
    r"^[ \t]*([A-Z][A-Z.'\-]*[A-Z](?: [A-Z][A-Z.'\-]*[A-Z]){0,3})(?=,| \(| ?[-\u2013\u2014])",
    re.MULTILINE,
)


def dateline_names(text: str) -> list[str]:
    """The names in capitals that open a paragraph of ``text`` as a dateline, as written.

    >>> dateline_names("SAN ANTONIO (KSAT) - A man was shot.\\nUPDATE: he died.")
    ['SAN ANTONIO']
    """
    return [d[1] for d in _DATELINE.finditer(text)]


def _datelines(gz: Gazetteer, text: str) -> list[_Mention]:
    """Places named by datelines, which the capitalised-word runs cannot look up as
    written ("CHICAGO" is not a name in the gazetteer; "Chicago" is)."""
    found: list[_Mention] = []
    for d in _DATELINE.finditer(text):
        name = d[1].title()  # "ST. LOUIS" -> "St. Louis", "O'FALLON" -> "O'Fallon"
        if " " not in name and not _single_ok(name):
            continue  # "UPDATE -", "POLICE -"
        cands = gz.candidates(name)
        if cands:
            found.append(_Mention(d.start(1), d.end(1), name, cands))
    return found


def _apply_state_style(gz: Gazetteer, mentions: list[_Mention], text: str) -> list[_Mention]:
    """Narrow a town by the state abbreviation after it ("Topeka, Kan.", "Felton, MN"), and
    drop what the abbreviation itself was taken for ("Kan" is an old name of Ganzhou)."""
    spans: list[tuple[int, int]] = []
    for m in mentions:
        if not text.startswith(",", m.end):
            continue
        found = _STATE_AFTER.match(text, m.end)
        if found is None:
            continue
        code: str = US_STATE_STYLE[found[1]] if found[1] else found[2]
        keep = [
            c
            for c in m.cands
            if gz.entries.country(c.index) == "US" and gz.entries.admin1(c.index) == code
        ]
        if keep:  # "Paris, Ill." is in Illinois
            m.cands, m.qualified = keep, True
        elif not _unlisted_in(gz, m, "US", code):  # ("Felton, Minn.": only listed elsewhere)
            continue
        spans.append((found.start(), found.end()))
    if not spans:
        return mentions
    return [m for m in mentions if not any(a <= m.start < b for a, b in spans)]


def _by_region(
    gz: Gazetteer, mentions: list[_Mention], picks: list[tuple[Candidate, float]], country: str
) -> None:
    """Within the text's country, send an ambiguous town to the first-level region the rest
    of the text points to: "Benton" in a report that also names Shreveport is Benton,
    Louisiana, not the larger Benton, Arkansas.

    Each mention votes for its pick's region (or splits its vote when the pick is a close
    call); a town moves to another of its regions when the other mentions give that region
    at least one whole vote and more than they give the pick's. ``picks`` is updated.
    """
    entries = gz.entries
    regions: list[set[str]] = []
    shares: list[dict[str, float]] = []
    by_name: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    votes: dict[str, float] = defaultdict(float)
    for m, (best, margin) in zip(mentions, picks, strict=True):
        admins = {entries.admin1(c.index) for c in m.cands if entries.country(c.index) == country}
        admins.discard("")
        regions.append(admins)
        share: dict[str, float] = {}
        if m.unlisted:
            if m.unlisted[0] == country:
                share = {m.unlisted[1]: 1.0}
        elif admins and entries.country(best.index) == country:
            if margin >= 1.0 or len(admins) == 1:
                share = {entries.admin1(best.index): 1.0}
            else:
                share = dict.fromkeys(admins, 1.0 / len(admins))
        for a, w in share.items():
            votes[a] += w
            by_name[m.text][a] += w
        shares.append(share)
    if len(votes) < 2:
        return  # one region (or none): nothing to move towards
    for k, m in enumerate(mentions):
        best = picks[k][0]
        if m.qualified or len(regions[k]) < 2 or entries.country(best.index) != country:
            continue
        # A county is told apart by the towns around it, not by being named again: all its
        # own mentions are left out ("Franklin County" five times and Villa Ridge, Missouri
        # once is Missouri's). A town's repeats still count for it: the town a report keeps
        # naming is its scene, and a passing neighbourhood with a namesake elsewhere ("Liberty
        # City") does not move it.
        own = by_name[m.text] if entries.kind(best.index) == "admin2" else shares[k]
        support = {a: votes[a] - own.get(a, 0.0) for a in regions[k]}
        region = max(sorted(support), key=support.__getitem__)
        here = support[entries.admin1(best.index)]
        # Votes are sums of fractions (1/24 from each mention of "Franklin County"): compare
        # with a little slack, or 1.1666 - 0.1666 falls short of 1.0.
        if support[region] < 1.0 - _EPS or support[region] <= here + _EPS:
            continue
        cands = [c for c in m.cands if entries.admin1(c.index) == region]
        # A town of that name there, before a city that once had it ("Franklin", Texas, is
        # not El Paso).
        moved, _ = gz.rank([c for c in cands if not c.alt] or cands, country)
        # A namesake more than a hundred times smaller needs more than one other mention (one
        # more vote per further tenfold): a reporter called Drew does not move Philadelphia
        # to Mississippi.
        ratio = _pop(entries, best) / _pop(entries, moved)
        if support[region] - here < max(1.0, math.log10(max(ratio, 1.0)) - 1.0) - _EPS:
            continue
        picks[k] = (moved, 1.0 if support[region] - here >= 2.0 - _EPS else 0.0)


_EPS: Final = 1e-9


def _pop(entries: Entries, cand: Candidate) -> int:
    """A sense's population for comparing namesakes, at least 1,000: a county with no town
    of 1,000 (the data's threshold) still has people, just not a known number."""
    return max(entries.population(cand.index), 1000)


def _same_sense(mentions: list[_Mention]) -> None:
    """A name qualified once ("SULLIVAN COUNTY, Ind.") means the same place wherever else
    the text repeats it unqualified."""
    qualified: dict[str, _Mention] = {}
    for m in mentions:
        if m.qualified:
            qualified.setdefault(m.text, m)
    if qualified:
        for m in mentions:
            if not m.qualified and m.text in qualified:
                q = qualified[m.text]
                m.cands, m.qualified, m.unlisted = q.cands, True, q.unlisted


def find_places(text: str, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Every place named in ``text``, in order, resolved with the whole text as context.

    Ambiguous names go to the country most other mentions point to, then to the larger
    place; small foreign namesakes in countries nothing else mentions are dropped.

    >>> ms = find_places("Militants attacked Kalat. Harnai and Noshki were also hit.")
    >>> [(m.place.mention, m.place.name, m.place.admin1) for m in ms][-1]
    ('Noshki', 'Nushki', 'Balochistan')
    >>> find_places("The Balochistan Liberation Army said Pakistani troops left.")
    []
    """
    gz = gazetteer or get_gazetteer()
    if len(text) > _FOUND_MEMO_TEXT:
        return _find_places(gz, text)
    # The claims stage reads the places of each sentence with a count, and copies and
    # rewrites of a story repeat its sentences word for word: each is read once.
    found: list[PlaceMention] | None = gz.found.get(text)
    if found is None:
        found = _find_places(gz, text)
        if len(gz.found) >= _FOUND_MEMO_MAX:
            gz.found.clear()
        gz.found[text] = found
    return list(found)


#: ``find_places`` remembers texts up to this long (sentences, not whole reports) ...
_FOUND_MEMO_TEXT: Final = 1000
#: ... and this many of them (then starts again).
_FOUND_MEMO_MAX = 8192


def _find_places(gz: Gazetteer, text: str) -> list[PlaceMention]:
    """:func:`find_places` without the memo."""
    runs, demonyms = _runs(text)
    mentions: list[_Mention] = []
    people: set[str] = set()
    singles: set[int] = set()  # mentions that were a whole one-word run
    for run, prev in runs:
        if prev in TITLE_WORDS:
            people.update(t.core for t in run)
            continue  # "spokesperson Shahid Rind"
        found = _match_run(gz, run, people)
        # One word, give or take a connector after it ("Sandoval and his companions").
        if found and sum(t.core not in CONNECTORS for t in run) == 1:
            singles.add(len(mentions))
        mentions.extend(found)
    # "Palin said": a lone word already seen as part of a person's name is that person.
    mentions = [m for k, m in enumerate(mentions) if k not in singles or m.text not in people]
    if text[1:2].isupper() or "\n" in text:  # a dateline opens the text or a paragraph
        datelines = _datelines(gz, text)
        if datelines:
            taken = {m.start for m in mentions}
            mentions += [m for m in datelines if m.start not in taken]
            mentions.sort(key=lambda m: m.start)
    if not mentions:
        return []
    mentions = _apply_state_style(gz, mentions, text)
    _apply_qualifiers(gz, mentions, text)
    _same_sense(mentions)

    # Each mention splits one vote among the countries it could be in; demonyms vote whole.
    votes: dict[str, float] = defaultdict(float)
    for dem in demonyms:
        votes[dem] += 1.0
    for m in mentions:
        if m.unlisted:
            m.countries = {m.unlisted[0]}
        else:
            m.countries = {gz.entries.country(c.index) for c in m.cands}
        for cc in m.countries:
            votes[cc] += 1.0 / len(m.countries)
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    dominant = ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None

    picks = [gz.rank(m.cands, dominant, world_cities=not m.qualified) for m in mentions]
    if dominant is not None and len(mentions) > 1:
        _by_region(gz, mentions, picks, dominant)
    out: list[PlaceMention] = []
    for m, (best, margin) in zip(mentions, picks, strict=True):
        if m.unlisted:
            place = _unlisted(gz, m.text, text[m.start : m.end], *m.unlisted)
            out.append(PlaceMention(_make_span(start=m.start, end=m.end), place))
            continue
        e = gz.entries[best.index]
        foreign = dominant is not None and e[COUNTRY] != dominant
        if best.alt and " " not in m.text and (e[POP] < MIN_ALT_POPULATION or len(m.text) < 5):
            # One-word alternate names of small towns are mostly given names, and short ones
            # mostly words ("Rest", "Pet": old names of Rasht and Perth).
            continue
        if foreign and not m.qualified and e[KIND] in ("city", "admin2"):
            # Support from the rest of the text, not counting this mention's own vote.
            support = votes[e[COUNTRY]] - 1.0 / len(m.countries)
            if support < 1.0 and e[POP] < MIN_FOREIGN_POPULATION:
                continue
        conf = ambiguity_factor(max(margin, 3.0) if m.qualified else margin, best.alt)
        out.append(
            PlaceMention(
                _make_span(start=m.start, end=m.end), gz.place(best, text[m.start : m.end], conf)
            )
        )
    return out


#: How far to trust a town the text puts in a region where the gazetteer lists no town of
#: that name: the region is the text's own word, the town could be a misread name.
UNLISTED_CONFIDENCE: Final = 0.8


def _unlisted(gz: Gazetteer, name: str, mention: str, country: str, admin1: str) -> Place:
    """A town the gazetteer does not list, in the region the text names: no point, no id."""
    return shared(
        Place(
            name=name,
            mention=mention,
            kind="city",
            country=country,
            admin1=gz.admin1_name(country, admin1),
            confidence=UNLISTED_CONFIDENCE,
        )
    )


def resolve(name: str, country: str | None = None) -> Place | None:
    """Resolve one name, preferring ``country`` (ISO 3166-1 alpha-2) when given.

    >>> resolve("Noshki").name, resolve("Harnai", "IN").admin1
    ('Nushki', 'Maharashtra')
    >>> resolve("Zzyzxqville") is None
    True
    """
    return get_gazetteer().resolve(name, country)
