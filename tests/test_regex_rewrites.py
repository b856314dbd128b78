"""Regexes rewritten for speed find exactly what their plain forms find.

A pattern that opens with ``\\b``, a look-behind or an alternation gives the regex engine
no first character to skip to, so it tries every position of the text. The rewrites open
with the character itself and look back from after it, or are tried only where their first
words occur; tokenisers use possessive repeats, which keep no backtracking points. These
tests hold each to the plain form it replaced, on edge cases and on random texts.
"""

from __future__ import annotations

import random
import re

import pytest

from corroborate import splitting
from corroborate import words as words_module
from corroborate.events import features as events_features
from corroborate.events.features import _STREET, _STREET_SUFFIX, _street_matches, streets_in
from corroborate.geo import finder
from corroborate.geo.lexicon import CONNECTORS, DEMONYMS
from corroborate.ingest import clean as clean_module
from corroborate.ingest import credits
from corroborate.provenance import features as provenance_features
from corroborate.splitting import _SENT_END
from corroborate.text import _TOKEN, STOP_WORDS, has_whole, sentences

PLAIN_SENT_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+|$)|(?<=[a-z]{2})[.!?]["”]?(?=[A-Z][a-z])""")
PLAIN_TOKEN = re.compile(r"\d+(?:[,.]\d+)*(?:st|nd|rd|th)?%?|\w+(?:[-'’]\w+)*|[^\w\s]")
#: Pieces of words, numbers and the marks that join or split them.
TOKEN_PIECES = [*"ab1_-'’.,% \n", "É", "2nd", "th", "--", "''", "é", "\u00a0"]
PLAIN_STREET = re.compile(
    r"\b((?:(?:[A-Z]\.|[A-Z][\w'’-]*)[ \t]+){1,3}?)("
    + "|".join(sorted((s.capitalize() for s in _STREET_SUFFIX), key=len, reverse=True))
    + r")\b\.?"
)


def _found(
    pattern: re.Pattern[str], text: str, starts: credits.Starts | None = None
) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    """The matches' spans and groups: ``pattern.finditer``'s, or ``starts.finditer``'s."""
    found = starts.finditer(pattern, text) if starts else pattern.finditer(text)
    return [(m.span(), m.groups()) for m in found]


#: Each rewrite beside its plain form: edge cases, then pieces to build random texts from.
REWRITES = {
    "tokens (possessive)": (
        _TOKEN,
        PLAIN_TOKEN,
        ["It's 1,200.5th-place 44% x--y a'-b don’t", "a-", "-a", "4th'", ""],
        TOKEN_PIECES,
        12,
    ),
    "alignment tokens (possessive)": (
        provenance_features._TOKEN,
        re.compile(r"\w+(?:'\w+)?"),
        ["don't a'' b'c'd 'x"],
        TOKEN_PIECES,
        12,
    ),
    "cleaning words (possessive)": (
        clean_module._WORD,
        re.compile(r"\w+(?:[-'’]\w+)*"),
        ["Prime-Minister's a- -b a--b x'y’z"],
        TOKEN_PIECES,
        12,
    ),
    "sentence ends": (
        _SENT_END,
        PLAIN_SENT_END,
        [
            "Two died. Three were hurt!",
            "He was hospitalized.It happened at 3 p.m. local time.",
            'She said "stop." Then left',
            "Really?! (Yes.) Fine.",
            "at.No",  # one letter before the stop: not a run-on sentence end
            "ab.Cd ab.CD ab!Cd ab?”Cd",
            "…end.\n",
            "",
            "...",
        ],
        [*"ab.!?\"'”’)] \nAZcx.", "Ab", "xy.", "Mr."],
        20,
    ),
    "streets": (
        _STREET,
        PLAIN_STREET,
        [
            "on Elm Street and N. Clark St. near 5th Avenue",
            "the O'Neil Ave crash, McDonaldStreet, xMain Street",
            "Main\tSt",
            "É Street",  # a capital outside A-Z does not open a name
            "in the 400 block of South Main Street.",
            "Martin Luther King Jr. Boulevard",
        ],
        "Main |St. |N. |Elm |Street|Ave|Avenue |Oak-Hill |a|x| |\t|O'Neil |Ave.|9|É|Road|Rd."
        "| Blvd|_".split("|"),
        8,
    ),
}


@pytest.mark.parametrize(
    ("name", "text"),
    [(name, text) for name, (_, _, cases, _, _) in REWRITES.items() for text in cases],
)
def test_rewrite_as_the_plain_pattern(name: str, text: str) -> None:
    fast, plain = REWRITES[name][:2]
    assert _found(fast, text) == _found(plain, text)


@pytest.mark.parametrize("name", list(REWRITES))
def test_rewrite_on_random_texts(name: str) -> None:
    fast, plain, _, pieces, longest = REWRITES[name]
    rng = random.Random(name)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, longest)))
        assert _found(fast, text) == _found(plain, text), repr(text)


def test_sentences_still_split_run_on_stops() -> None:
    got = [s.text for s in sentences("Two were hospitalized.Police said nothing. Mr. Doe left.")]
    assert got == ["Two were hospitalized.", "Police said nothing.", "Mr. Doe left."]


def _plain_ends_sentence(para: str, dot: int, after: int) -> bool:
    """The sentence-end rule as first written: the whole word before the stop, matched by
    regex on the reversed text."""
    if para[dot] != ".":
        return True
    reverse = para[::-1]
    at = len(para) - dot
    start = dot - (re.compile(r"[\w.]*").match(reverse, at).end() - at)  # type: ignore[union-attr]
    prev = para[start:dot].lower()
    if prev in splitting._ABBREV or (len(prev) == 1 and prev.isalpha()):
        return False
    nxt = re.compile(r"\S").search(para, after)
    return nxt is None or not nxt.group().islower()


SENTENCE_END_CASES = [
    "Mr. Doe left.", "U.S. forces left. Then", "at 3 p.m. local time. Then", "e.g. this",
    "x.y.z.approx. Next", "1.5. Two", "Sgt.Doe. A", "İ. Next", "ΟΔΟΣ. σ", "a_b. c", "..x. Y",
    "st.. Next", "ab. \u00a0c", "approxx. Next",
]  # fmt: skip


@pytest.mark.parametrize("text", SENTENCE_END_CASES)
def test_sentence_ends_as_the_plain_rule(text: str) -> None:
    for m in _SENT_END.finditer(text):
        want = _plain_ends_sentence(text, m.start(), m.end())
        assert splitting.ends_sentence(text, m.start(), m.end()) is want, (text, m.start())


def test_sentence_ends_as_the_plain_rule_on_random_texts() -> None:
    pieces = [*"aZ._ .!\n", "Mr", "mr", "u.s", "p.m", "approx", "İ", "x" * 7, "é", "1", "\u00a0"]
    rng = random.Random(13)
    checked = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        for m in _SENT_END.finditer(text):
            checked += 1
            want = _plain_ends_sentence(text, m.start(), m.end())
            assert splitting.ends_sentence(text, m.start(), m.end()) is want, (text, m.start())
    assert checked > 5_000  # (the texts do reach the rule)


def test_a_long_run_of_stops_is_split_at_every_run_on_stop() -> None:
    # Each "b.C" ends a sentence run on into the next, and the word before each stop runs
    # back to the start of the text ("ab.Cd.ab"): only an abbreviation's length of it is
    # read, so this takes milliseconds, not seconds (benchmarks/bench_hostile.py measures
    # the growth: "stops run into words").
    text = "ab.Cd." * 20_000
    assert sum(1 for _ in sentences(text)) == 20_001


STREET_CASES = [
    *REWRITES["streets"][2],
    "Court Street Court St",  # a suffix that opens the next name
    "A B C D Street",  # four words: the name is the last three
    "Supreme Court. Elm  Street, Oak\nStreet and Main \tStreet",
    "Elm Street. Street",
    "x Street",
    "Street",
]


@pytest.mark.parametrize("text", STREET_CASES)
def test_street_names_only_where_a_suffix_is(text: str) -> None:
    found = [(m.span(), m.groups()) for m in _street_matches(text)]
    assert found == _found(PLAIN_STREET, text)


def test_street_names_only_where_a_suffix_is_on_random_texts() -> None:
    pieces = [*REWRITES["streets"][3], "\n", "Court ", ", ", "Long-Named ", "  "]
    rng = random.Random(12)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        if rng.random() < 0.5:
            text = text.replace("\t", " ")  # (a tab reads the whole text)
        found = [(m.span(), m.groups()) for m in _street_matches(text)]
        assert found == _found(PLAIN_STREET, text), repr(text)


def test_streets_in_reads_the_names() -> None:
    assert streets_in("Shots on N. Clark St. and Elm Street.") == ("clark street", "elm street")


@pytest.mark.parametrize(
    "text",
    [
        "Police at the scene in Quetta. REUTERS/Naseer Ahmed",
        "A rally in New York.Reuters",
        "Firefighters at work. Getty Images",
        "Crowds gathered. (Associated Press)",
        "The mayor spoke. AP Photo/Jane Doe",
        "The mayor spoke. Shutterstock",
    ],
)
def test_photo_credit_hints_cover_every_credit(text: str) -> None:
    """The substring gate before the credit search never hides a credit it would find."""
    if clean_module._PHOTO_CREDIT_END.search(text):
        assert any(h in text for h in clean_module._PHOTO_CREDIT_HINTS)


def test_photo_credit_hints_on_random_texts() -> None:
    rng = random.Random(7)
    parts = ["REUTERS", "AFP", "AP", "EPA", "XINHUA", "Reuters", "Getty", "Images", "Getty Images",
             "Shutterstock", "Associated", "Press", "Associated Press", "/", ".", ")", "”", " ",
             "Jane Doe", "x", "Photo"]  # fmt: skip
    matched = 0
    for _ in range(20_000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(1, 6)))
        if clean_module._PHOTO_CREDIT_END.search(text):
            matched += 1
            assert any(h in text for h in clean_module._PHOTO_CREDIT_HINTS), text
    assert matched > 100  # the texts do exercise the pattern


def test_quoted_shares_as_summed_over_every_quote() -> None:
    """Provenance's per-unit quoted share, found by bisection, is the plain sum over quotes."""
    from corroborate.provenance.core import _quoted_shares
    from corroborate.text import Piece

    rng = random.Random(8)
    for _ in range(2_000):
        cuts = sorted(rng.sample(range(200), 2 * rng.randint(0, 6)))
        quotes = list(zip(cuts[::2], cuts[1::2], strict=True))
        starts = sorted(rng.sample(range(200), rng.randint(1, 8)))
        units = [Piece("x", a, b) for a, b in zip(starts, [*starts[1:], 210], strict=True)]
        units.append(Piece("", 50, 50))  # an empty unit has no share
        plain = [
            sum(max(0, min(u.end, hi) - max(u.start, lo)) for lo, hi in quotes) / (u.end - u.start)
            if quotes and u.end > u.start
            else 0.0
            for u in units
        ]
        assert _quoted_shares(units, quotes) == plain, (units, quotes)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Four shot in Hartford", "Hartford"),
        ("West Hartfordshire fair", "Hartford"),
        ("Hartford_2 and Hartford.", "Hartford"),
        ("St. Louis, Mo. - St. Louis police", "St. Louis"),
        ("Kafanchan's market; Kafanchan", "Kafanchan"),
        ("São Paulo2 then São Paulo", "São Paulo"),
        ("Ürümqi", "Ürümqi"),
        ("aa", "a"),
    ],
)
def test_has_whole_as_the_plain_pattern(text: str, phrase: str) -> None:
    plain = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")
    assert has_whole(text, phrase) is (plain.search(text) is not None)


def test_has_whole_on_random_texts() -> None:
    rng = random.Random(11)
    alphabet = ["Ab", "ab", " ", "_", "1", "é", ".", "-", "²", "\n"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        phrase = "".join(rng.choice([*alphabet[:3], "é"]) for _ in range(rng.randint(1, 3)))
        plain = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")
        assert has_whole(text, phrase) is (plain.search(text) is not None), (text, phrase)


def _started_patterns() -> list[tuple[credits.Starts, re.Pattern[str]]]:
    """Every credits pattern (or name-first gate) that is tried only where its words start."""
    found = [*credits._PATTERNS, *credits._KNOWN_ONLY]
    found += [(w, gate) for w, gate, _ in credits._NAME_FIRST]
    return [(w, p) for w, p in found if isinstance(w, credits.Starts)]


#: Pieces of credit lines, near misses ("retold", "Staffs") and the characters between.
CREDIT_PIECES = [
    "Reuters", "AP", "Associated Press", " told ", "retold", "told", " reported by ",
    "reports", "said in a report", "said", " according to ", "According to the ", "Staff",
    "Staffs", "staff writer", " Writer", "Correspondent", "-", "–", "—", " — AFP", "\n", "(",
    ")", " ", ".", "The ", "Express Tribune", "contributed to this report", "spoke to ",
    "speaking to the", "interview with", "news agency", ",", "U.S.", "x", "_", "x" * 39,
]


def test_started_patterns_are_all_marked() -> None:
    assert len(_started_patterns()) == 7


@pytest.mark.parametrize(
    "text",
    [
        "He told Reuters the toll rose.",
        "retold Reuters; toldReuters told  Associated Press",
        "Staff Staff Writer - AP",
        "— AFP\n- Reuters.\n-Reuters",
        "According to According to the Express Tribune newspaper",
        "said in a report said in a report Geo News reported",
        "ISLAMABAD, Jan 31 (Reuters) - x\nQUETTA (AP) -\n(PTI): y",
        "x" * 80 + "(Reuters) -\n" + "x" * 81 + "(Reuters) -\n" + "x" * 79 + "\n(AP) -",
        "",
    ],
)
def test_starts_finds_what_finditer_finds(text: str) -> None:
    for words, pattern in _started_patterns():
        assert _found(pattern, text, words) == _found(pattern, text), (pattern, text)


def test_starts_on_random_texts() -> None:
    rng = random.Random(5)
    patterns = _started_patterns()
    for _ in range(3000):
        text = "".join(rng.choice(CREDIT_PIECES) for _ in range(rng.randint(0, 25)))
        for words, pattern in patterns:
            assert _found(pattern, text, words) == _found(pattern, text), (pattern, text)



#: Phrases and words of the promotional and disclaimer patterns, to build texts from.
HINTED_PIECES = [
    "download our free app", "Google Play Store", "app store", "subscribe to", "Follow us",
    "newsletters", "click here", "Sign up", "read more", "stay tuned", "share this",
    "cookies", "WhatsApp channel", "latest news", "Breaking News", "in-depth coverage",
    "has not been edited by", "published from a", "taken from the", "wire", "feed",
    "syndicated content", "Disclaimer", "views and opinions expressed", "Images may have",
    "been reworked", "this article was", "originally", "auto-generated", "published",
    "All Rights Reserved", "for your personal, non-commercial use only", "©", "Copyright",
    "(c) 2024", "news agency", "the", "x", "-", ":", ".", "2024", "HAS NOT BEEN",
]  # fmt: skip
_JOINS = [" ", "  ", "\n", "", ", ", " - "]


@pytest.mark.parametrize("name", ["_PROMO", "_DISCLAIMER"])
def test_hinted_patterns_match_only_where_a_hint_is(name: str) -> None:
    """A pattern searched only where one of its words is would find nothing more without
    that gate: every match contains one of its words (lower-cased)."""
    rng = random.Random(11)
    patterns = getattr(clean_module, name)
    matched: set[str] = set()
    for _ in range(20_000):
        text = ""
        for _ in range(rng.randint(1, 8)):
            text += rng.choice(HINTED_PIECES) + rng.choice(_JOINS)
        for hints, pattern in patterns:
            for m in pattern.finditer(text):
                matched.add(pattern.pattern)
                assert any(h in m.group().lower() for h in hints), (pattern.pattern, text)
    assert len(matched) == len(patterns)  # every pattern was exercised


def _plain_repeat_starts(lower: list[str]) -> dict[int, list[int]]:
    """The whole-list comparisons ``clean._repeat_starts`` replaced, one per ``k``."""
    n = len(lower)
    candidates: dict[int, list[int]] = {}
    for k in range(clean_module._MAX_REPEAT, 0, -1):
        found = [
            i
            for i in range(n - 2 * k + 1)
            if lower[i] == lower[i + k] and lower[i : i + k] == lower[i + k : i + 2 * k]
        ]
        if k == 1 and found and not clean_module._looks_english(lower):
            break
        for i in found:
            candidates.setdefault(i, []).append(k)
    return {i: candidates[i] for i in sorted(candidates)}


@pytest.mark.parametrize(
    "words",
    [
        [],
        ["the"],
        "the the the the".split(),
        "prime minister prime minister said".split(),
        "biasa biasa saja kata dia".split(),  # no English: a lone doubled word is kept
        "a b c d e f a b c d e f a".split(),
        "a b a b a b a b".split(),
        "x y z x y z x".split(),
    ],
)
def test_repeat_starts_as_the_plain_passes(words: list[str]) -> None:
    assert clean_module._repeat_starts(words) == _plain_repeat_starts(words)


def test_repeat_starts_on_random_texts() -> None:
    rng = random.Random(3)
    for _ in range(20_000):
        vocab = ["the", "of", "a", "x", "y", "z", "said"][: rng.randint(1, 7)]
        words = [rng.choice(vocab) for _ in range(rng.randint(0, 30))]
        got = clean_module._repeat_starts(words)
        assert got == _plain_repeat_starts(words), words
        assert list(got) == sorted(got)


def _content_words(text: str) -> list[str]:
    """``corroborate.text.content_words`` as it was: lower-cased words without stop words."""
    return [
        w
        for w in (t.lower().replace("’", "'") for t in re.findall(r"\w+(?:['’]\w+)?", text))
        if (w not in STOP_WORDS and not w.isdecimal()) or (w.isdecimal() and len(w) < 5)
    ]


def _learned_through_content_words(tokens: set[str]) -> dict[str, str]:
    """What ``provenance.features._learn`` gave when it ran its tokens through
    ``content_words`` (its stop list, tokenising and folding) instead of testing them."""
    kept = set(_content_words(" ".join(tokens)))
    stem = provenance_features._stem
    return {t: (stem(t) if t in kept and not t.isdecimal() else "") for t in tokens}


def test_learned_words_as_content_words_keeps_them(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(9)
    pieces = ["The", "don’t", "it's", "12", "2024", "12345", "ΟΔΟΣ", "İstanbul", "Straße", "said",
              "attacks", "x_y", "-", "’s", " ", "\n", "may", "MIGHT", "ﬁre", "²"]  # fmt: skip
    for _ in range(300):
        text = " ".join(rng.choice(pieces) + rng.choice(["", "s", "’s", "'"]) for _ in range(12))
        tokens = provenance_features._TOKEN.findall(provenance_features._lowered(text))
        monkeypatch.setattr(provenance_features, "_WORDS", {})  # all unseen
        assert provenance_features._learn(tokens) == _learned_through_content_words(set(tokens))


#: Pieces of texts for the place finder's runs: names, possessives, connectors, dotted
#: abbreviations, marks, digits and letters that are not ASCII.
RUN_PIECES = [*"aA. ,\n\t-'’_5", "St", "Mt", "of", "and", "de", "Gen", "Pakistan",
              "Pakistan's", "Pakistani", "New York", "İ", "ı", "ǅ", "Ω", "é", "É", "5th",
              "4Km", "²", "\u00a0"]  # fmt: skip


def _random_texts(pieces: list[str], seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 24))) for _ in range(n)]


@pytest.mark.parametrize(
    "text", ["", "  ", " Hello  world, 1,200 .\n x", "a--b\u00a0’s 4th%", "1990s\x1c3pm_x"]
)
def test_finder_tokens_are_the_token_patterns(text: str) -> None:
    matches = list(_TOKEN.finditer(text))
    assert finder._tokens(text) == ([m.group() for m in matches], [m.start() for m in matches])


def test_finder_tokens_on_random_texts() -> None:
    for text in _random_texts([*TOKEN_PIECES, *RUN_PIECES], 5, 3000):
        test_finder_tokens_are_the_token_patterns(text)


#: Patterns read on ASCII text with ``re.ASCII``, and the pattern each stands for.
ASCII_TWINS = {
    "claims gates' words": (words_module._WORD_CHARS_ASCII, words_module._WORD_CHARS),
    "alignment tokens": (provenance_features._TOKEN_ASCII, provenance_features._TOKEN),
    "shingle words": (provenance_features._WORD_ASCII, provenance_features._WORD),
    "cleaning words": (clean_module._WORD_ASCII, clean_module._WORD),
    "name capitals": (events_features._CAPITAL_ASCII, events_features._CAPITAL_RE),
    "name words": (events_features._WORD_ASCII, events_features._WORD_RE),
}


@pytest.mark.parametrize("name", ASCII_TWINS)
def test_ascii_twins_match_as_their_patterns_on_ascii_text(name: str) -> None:
    twin, pattern = ASCII_TWINS[name]
    assert twin.flags & re.ASCII and not pattern.flags & re.ASCII
    ascii_pieces = [p for p in [*TOKEN_PIECES, *RUN_PIECES] if p.isascii()]
    for text in [*_random_texts(ascii_pieces, 7, 2000), "".join(map(chr, range(128)))]:
        spans = [m.span() for m in twin.finditer(text)]
        assert spans == [m.span() for m in pattern.finditer(text)], text


def test_ascii_twins_are_used_on_ascii_text_only() -> None:
    assert words_module.WholeWords.words("café’s wall") == ["café", "s", "wall"]
    assert provenance_features._tokens("café’s a'b") == ["café", "s", "a'b"]
    assert events_features.names_in("In Ōita, Élise met Bob.") == {"ōita", "élise", "bob"}


def test_str_split_and_the_regex_agree_on_white_space() -> None:
    # finder._tokens splits at str.split's white space, where the token pattern's \s stops.
    space = re.compile(r"\s")
    odd = [c for c in map(chr, range(0x110000)) if c.isspace() != bool(space.match(c))]
    assert odd == []


Runs = list[tuple[list[tuple[str, int, int]], str]]


def _plain_runs(text: str) -> tuple[Runs, list[str]]:
    """The place finder's capitalised runs (and demonyms) read as it once did: a match object
    per token, each token's first letter tested with ``isupper`` and ``isalpha``."""
    runs: Runs = []
    demonyms: list[str] = []
    run: list[list] = []  # [core, start, end]
    prev_word = last_word = ""
    last: re.Match[str] | None = None

    def joins(end: int, start: int) -> bool:
        gap = text[end:start]
        return gap.isspace() and "\n" not in gap

    def close() -> None:
        runs.append(([(c, s, e) for c, s, e in run], prev_word))
        run.clear()

    for m in _TOKEN.finditer(text):
        word, first = m.group(), m.group()[0]
        if first.isupper() and first.isalpha():
            if run and not (last is not None and joins(last.end(), m.start())):
                close()
            if not run:
                prev_word = last_word.lower()
            core = finder._core(word)
            run.append([core, m.start(), m.start() + len(core)])
            if core in DEMONYMS:
                demonyms.append(DEMONYMS[core])
            if core != word:
                close()
        elif run:
            if word in CONNECTORS and last is not None and joins(last.end(), m.start()):
                run.append([word, m.start(), m.end()])
            elif word == "." and run[-1][2] == m.start() and run[-1][0] in finder._DOTTED:
                run[-1][0] += "."
                run[-1][2] = m.end()
            else:
                close()
        if first.isalpha():
            last_word = word
        elif word != ".":
            last_word = ""
        last = m
    if run:
        close()
    return runs, demonyms


def _runs(text: str) -> tuple[Runs, list[str]]:
    runs, demonyms = finder._runs(text)
    return [([(t.core, t.start, t.end) for t in run], prev) for run, prev in runs], demonyms


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Clashes in Harnai and Quetta, Pakistan's Interior Minister said.",
        "Gen. Asim Munir visited St. Louis and Mt. Vernon on Monday.",
        "Breaking News Staff\nDayton police said the Isle of Man was calm.",
        "The U.S. Army and İzmir's ǅemal met Ωmega in 5thAvenue, 4Km from al-Qaeda.",
    ],
)
def test_place_runs_as_the_plain_reading(text: str) -> None:
    assert _runs(text) == _plain_runs(text)


def test_place_runs_on_random_texts() -> None:
    for text in _random_texts(RUN_PIECES, 7, 20_000):
        assert _runs(text) == _plain_runs(text), text


# The dates stage's cues were these patterns, searched in each dated lede sentence; they are
# read from the sentence's runs of word characters now.
PLAIN_INCIDENT = re.compile(
    r"\b(?:shot|shooting|shootings|killed|died|dead|wounded|injured|attack\w*|fired|"
    r"gunfire|stabbed|bomb\w*|blast|explosion|happened|occurred|incident|struck)\b"
)
PLAIN_LATER = re.compile(
    r"\b(?:court|hearing|arraign\w*|sentenc\w*|trial|plead\w*|pleaded|charged|funeral|"
    r"vigil|memorial|will|scheduled|indicted|verdict|jury|bond|bail|arrest|arrests|arrested|"
    r"custody)\b"
)
PLAIN_WHEN = re.compile(r"\b(?:happened|occurred|took place|was reported|were reported)\b")
#: Cue words and stems, their neighbours, and what joins or splits runs of word characters.
CUE_PIECES = [
    "shot", "shots", "attack", "attacked", "bomb", "abomb", "arraigned", "sentenced",
    "sentencing", "pleads", "will", "took", "place", "took place", "was reported", "were",
    "reported", "happened", *" -_'.1xé’\n", "\u00a0", "ü",
]


def test_date_cues_as_their_patterns_on_random_texts() -> None:
    from corroborate.events import dates

    rng = random.Random(21)
    hits = 0
    for _ in range(20_000):
        low = "".join(rng.choice(CUE_PIECES) for _ in range(rng.randint(0, 7)))
        runs = words_module.WholeWords.words(low)
        incident = dates._INCIDENT.search(low, runs)
        assert incident is (PLAIN_INCIDENT.search(low) is not None), repr(low)
        assert dates._INCIDENT.search(low) is incident  # (the words found by the gate)
        later = dates._LATER.search(low, runs)
        assert later is (PLAIN_LATER.search(low) is not None), repr(low)
        when = dates._WHEN.search(low, runs)
        assert when is (PLAIN_WHEN.search(low) is not None), repr(low)
        hits += incident + later + when
    assert 4_000 < hits < 50_000  # (both answers are reached)


#: The caption pattern before it was split in two (the bracketed credits tried only on a
#: line with a "(").
PLAIN_CAPTION = re.compile(
    r"""(?ix)^[\W_]*(?:
        (?:image|photo|picture|video)\s+(?:copyright|caption|credit|source)\b.{0,250}
      | (?:photo(?:graph)?|picture|image|pic|file\s+photo|credit|caption)s?\s*:.{1,250}
      | (?:photo(?:graph)?|picture|image)s?\s+(?:by|courtesy(?:\s+of)?)\b.{1,120}
      | .{0,250}\(\s*(?:[\w-]+\s+){0,3}(?:photo(?:graph)?|picture|image|pic)s?\b[^()]{0,100}\)
      | .{0,250}\([^()]{1,60}/\s*(?:getty\s+images|afp|reuters|ap|epa|shutterstock
          |associated\s+press)\s*\)
      | .{0,250}\((?:getty\s+images|shutterstock)\)
    )[\W_]*$"""
)


def _caption(text: str) -> bool:
    return bool(
        clean_module._CAPTION_LINE.match(text)
        or ("(" in text and clean_module._CAPTION_BRACKETS.match(text))
    )


@pytest.mark.parametrize(
    "text",
    [
        "Police at the scene. (AP Photo/Jane Doe)",
        "Firefighters at work (Photo by J. Doe/AFP).",
        "A vigil on Sunday. (Getty Images)",
        "Mourners gather (Reuters/John Roe)",
        "Photo: Reuters",
        "Image copyright Getty Images",
        "Pictures courtesy of the family",
        "The mayor (left) spoke to reporters.",
        "Two were shot (one fatally) on Main Street.",
    ],
)
def test_split_caption_patterns_match_as_the_one_before(text: str) -> None:
    assert _caption(text) == bool(PLAIN_CAPTION.match(text))


def test_split_caption_patterns_on_random_texts() -> None:
    rng = random.Random(9)
    parts = ["(", ")", "Photo", "photo", " by ", "AP", "/", "Getty Images", "Reuters", "x",
             "image", "courtesy", ": ", " ", "credit", "The mayor", ".", "-", "Shutterstock"]
    matched = 0
    for _ in range(20_000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(1, 8)))
        plain = bool(PLAIN_CAPTION.match(text))
        matched += plain
        assert _caption(text) == plain, text
    assert matched > 100  # the texts do exercise the patterns
