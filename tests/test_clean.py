"""Tests for corroborate.ingest.clean: one block per cleaning rule, the seeds, a property."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corroborate.ingest.clean as clean_module
import corroborate.ingest.credits as credits_module
import corroborate.text as text_module
from corroborate.ingest.clean import Cleaned, clean, lost_characters
from corroborate.ingest.credits import find_credits

DATA = Path(__file__).parent / "data" / "ingest"
SEEDS = Path(__file__).parents[2] / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds not available")


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def kinds(c: Cleaned) -> list[str]:
    return [r.kind for r in c.removed]


# --- line endings, spaces, blank lines -----------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "One died.\r\n\r\nTwo were hurt.",
        "One died.\r\rTwo were hurt.",
        "One died.   \n\n\n\nTwo were hurt.\t ",
        "\n\n  \nOne died.\n\nTwo were hurt.\n\n\n",
        "One died.\nTwo were hurt.",
    ],
)
def test_line_endings_and_blank_lines_are_normalised(raw: str) -> None:
    assert clean(raw).text == "One died.\n\nTwo were hurt."


def test_outer_blank_lines_are_recorded() -> None:
    c = clean("\n\nOne died.\n\n\n")
    assert kinds(c) == ["blank", "blank"]
    assert all(r.text.isspace() for r in c.removed)


def test_output_is_one_paragraph_per_line() -> None:
    c = clean("A died.\nB died.\n\n\nC died.")
    assert c.text.split("\n\n") == ["A died.", "B died.", "C died."]
    assert "\n\n\n" not in c.text


# --- joining hard-wrapped lines ------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        (
            "Officials said the blast\nkilled four people.",
            "Officials said the blast killed four people.",
        ),
        (
            "In Quetta, Mastung,\nNushki and Gwadar, police said.",
            "In Quetta, Mastung, Nushki and Gwadar, police said.",
        ),
        (
            "They were attacked by the\nBalochistan Liberation Army.",
            "They were attacked by the Balochistan Liberation Army.",
        ),
        ("It was a well co-\nordinated attack.", "It was a well co-ordinated attack."),
        (
            "He called them “terrorist,”\nwhile praising the army.",
            "He called them “terrorist,” while praising the army.",
        ),
    ],
)
def test_wrapped_lines_are_joined(raw: str, joined: str) -> None:
    c = clean(raw)
    assert c.text == joined
    assert c.removed == ()  # a join loses nothing, so records nothing


@pytest.mark.parametrize(
    "heading",
    ["Foiling armed plots", "Eleven people killed, and an official kidnapped", "Rescue work"],
)
def test_headings_are_not_joined(heading: str) -> None:
    c = clean(f"The army said the attack was foiled.\n{heading}\nThe attacks targeted cities.")
    assert c.text.split("\n\n") == [
        "The army said the attack was foiled.",
        heading,
        "The attacks targeted cities.",
    ]


def test_fixed_width_document_is_unwrapped() -> None:
    c = clean((DATA / "wrapped_fixed.txt").read_text(encoding="utf-8"))
    paras = c.text.split("\n\n")
    # "...Quetta late\nFriday" starts with a capital: only the width says it is one sentence.
    assert paras[0].startswith(
        "Gunmen attacked a police checkpost on the outskirts of Quetta late Friday,"
    )
    assert paras[0].endswith("in a statement sent to reporters.")
    assert paras[1] == "Police Attacked at Night"
    assert paras[2].endswith("under way in Mastung and Kalat.")
    assert len(paras) == 3


def test_ragged_wrapping_keeps_short_heading() -> None:
    paras = clean((DATA / "wrapped_ragged.txt").read_text(encoding="utf-8")).text.split("\n\n")
    assert paras == [
        "Officials said at least 12 people were killed in the blast at the market, and more "
        "than 30 were wounded, according to the provincial health department.",
        "Rescue work",
        "Rescue teams worked through the night to reach people trapped under the rubble of two "
        "collapsed shops.",
    ]


# --- promotional footers, disclaimers, boilerplate lines -----------------------------------


@pytest.mark.parametrize(
    ("footer", "kind"),
    [
        ("Download the Example News App from the Play Store for the latest news.", "promo"),
        ("Subscribe to our newsletter.", "promo"),
        ("Follow us on Twitter and Facebook.", "promo"),
        ("Click here to read more stories like this.", "promo"),
        ("Sign up for our daily briefing and stay updated.", "promo"),
        ("Share this article", "promo"),
        ("We use cookies to improve your experience.", "promo"),
        ("© 2026 Example Media. All rights reserved.", "disclaimer"),
        ("Copyright 2026 Example Media", "disclaimer"),
        (
            "(This story has not been edited by Example staff and is auto-generated from a "
            "syndicated feed.)",
            "disclaimer",
        ),
        ("Disclaimer: The views expressed are the author's own.", "disclaimer"),
        ("(With inputs from PTI)", "credit"),
        ("(Reporting by Jane Doe; Editing by John Roe)", "credit"),
    ],
)
def test_trailing_footer_is_removed(footer: str, kind: str) -> None:
    c = clean(f"Two people were killed, police said.\n\n{footer}")
    assert c.text == "Two people were killed, police said."
    assert [(r.kind, r.text) for r in c.removed] == [(kind, footer)]
    assert c.removed[0].reason


def test_leading_boilerplate_is_removed() -> None:
    c = clean("Advertisement\n\nShare this article\n\nTwo people were killed.")
    assert c.text == "Two people were killed."
    assert kinds(c) == ["promo", "promo"]


def test_unmistakable_boilerplate_inside_the_story_is_removed() -> None:
    c = clean("Two died.\n\nClick here to subscribe\n\nThree were hurt.")
    assert c.text == "Two died.\n\nThree were hurt."
    assert [(r.kind, r.text) for r in c.removed] == [("promo", "Click here to subscribe")]


@pytest.mark.parametrize(
    "middle",
    [
        "The company said users could download the app to report damage.",
        "Rescue workers said the newsletter office was destroyed in the blast, along with the "
        "market and a school, and that at least ten shops had burned down overnight.",
    ],
)
def test_story_paragraphs_mentioning_promo_words_are_kept(middle: str) -> None:
    text = f"Two died.\n\n{middle}\n\nThree were hurt."
    assert clean(text).text == text


def test_footer_file_removes_everything_but_the_story() -> None:
    c = clean((DATA / "footer_promo.txt").read_text(encoding="utf-8"))
    assert c.text.split("\n\n") == [
        "Two soldiers were killed in a roadside bomb attack on Tuesday, the army said.",
        "The army said the attackers had been identified.",
        "The injured were taken to a military hospital.",
    ]
    assert kinds(c) == ["promo", "promo", "disclaimer", "promo", "disclaimer"]


# --- share, subscribe, cookie, caption, time-stamp and byline lines (anywhere) ------------


@pytest.mark.parametrize(
    ("line", "kind", "reason"),
    [
        ("Share this article", "promo", "share buttons"),
        ("Share on Facebook", "promo", "share buttons"),
        ("Share via Email", "promo", "share buttons"),
        ("Facebook Twitter Email Print", "promo", "share buttons"),
        ("Tweet", "promo", "share buttons"),
        ("12 Comments", "promo", "share buttons"),
        ("Like this story? Share it with a friend!", "promo", "share buttons"),
        ("Subscribe now", "promo", "subscription prompt"),
        ("Already a subscriber? Log in", "promo", "subscription prompt"),
        ("Subscribe to continue reading.", "promo", "subscription prompt"),
        ("Sign in to keep reading", "promo", "subscription prompt"),
        ("Get unlimited digital access for $1 a week.", "promo", "subscription prompt"),
        ("We use cookies to give you the best experience. Accept?", "promo", "cookie notice"),
        ("By continuing to use this site you agree to our cookie policy.", "promo",
         "cookie notice"),
        ("Accept all cookies", "promo", "cookie notice"),
        ("Image copyright Getty Images", "caption", "photo caption or credit"),
        ("Image caption Rescue workers at the scene", "caption", "photo caption or credit"),
        ("Photo: Reuters", "caption", "photo caption or credit"),
        ("FILE PHOTO: Police officers at the market in 2025.", "caption",
         "photo caption or credit"),
        ("Photograph by Jane Doe", "caption", "photo caption or credit"),
        ("Police at the scene on Friday. (Photo by Jane Doe/Getty Images)", "caption",
         "photo caption or credit"),
        ("Mourners gather in Quetta. (AP Photo/Jane Doe)", "caption", "photo caption or credit"),
        ("Mourners gather in Quetta. REUTERS/Naseer Ahmed", "caption", "photo caption or credit"),
        ("The logo outside the office in New York.Reuters", "caption",
         "photo caption or credit"),
        ("Updated at 1:23 p.m.", "date", "time stamp line"),
        ("Published: March 14, 2026", "date", "time stamp line"),
        ("2019-11-19T08:57:40+01:00", "date", "time stamp line"),
        ("Order Reprints", "promo", "page furniture or call to action"),
        ("Print Article", "promo", "page furniture or call to action"),
        ("Tell us what YOU think...", "promo", "page furniture or call to action"),
        ("Leave a comment", "promo", "page furniture or call to action"),
        ("Also on rt.com Journalists threatened with arrest", "promo",
         "page furniture or call to action"),
        ("Tags: Kenya, Garissa", "promo", "page furniture or call to action"),
        ("Media playback is unsupported on your device", "promo",
         "page furniture or call to action"),
    ],
)
def test_page_furniture_lines_are_removed_anywhere(line: str, kind: str, reason: str) -> None:
    c = clean(f"Two people were killed, police said.\n\n{line}\n\nThree were hurt.")
    assert c.text == "Two people were killed, police said.\n\nThree were hurt."
    assert [(r.kind, r.text, r.reason) for r in c.removed] == [(kind, line, reason)]


@pytest.mark.parametrize(
    "line",
    [
        "Police said the photographer had been shot in the leg.",
        "He posted a photo of the scene on Twitter, police said.",
        "Officials shared the statement on Facebook on Monday.",
        "Updated figures from the health ministry showed 14 dead.",
        "Subscribers to the service were told to evacuate, officials said.",
        "Police said the suspect, who was photographed at 10:15, fled (see map) on foot.",
        "Two people died in the attack, police told Reuters.",
        "The cookie factory in the town was damaged in the blast, the owner said.",
    ],
)
def test_story_lines_like_furniture_are_kept(line: str) -> None:
    text = f"Two died.\n\n{line}\n\nThree were hurt."
    assert clean(text).text == text


def test_long_story_paragraph_is_never_furniture() -> None:
    par = "Share this article, the minister told reporters, " + "and more words here " * 30
    assert clean(f"Two died.\n\n{par.strip()}\n\nThree were hurt.").removed == ()


@pytest.mark.parametrize(
    ("line", "author", "credits"),
    [
        ("By Jane Doe", "Jane Doe", ()),
        ("By JANE DOE and JOHN ROE, Associated Press", "JANE DOE and JOHN ROE, Associated Press",
         ("Associated Press",)),
        ("By Jane Doe | Reuters", "Jane Doe | Reuters", ("Reuters",)),
        ("By Reuters Staff", "Reuters Staff", ("Reuters",)),
    ],
)
def test_byline_at_the_start_is_metadata(line: str, author: str, credits: tuple[str, ...]) -> None:
    c = clean(f"{line}\n\nTwo people were killed, police said.")
    assert c.text == "Two people were killed, police said."
    assert [(r.kind, r.text) for r in c.removed] == [("byline", line)]
    assert c.byline == author
    assert c.credits == credits


@pytest.mark.parametrize(
    "line", ["By the time police arrived, two people had died.", "By Friday, 20 had died."]
)
def test_sentences_starting_with_by_are_not_bylines(line: str) -> None:
    c = clean(f"{line}\n\nThree were hurt.")
    assert c.removed == () and c.byline is None


@pytest.mark.parametrize(
    ("footer", "kind"),
    [
        ("Write to Al Root at allen.root@example.com", "credit"),
        ("This copy is for your personal, non-commercial use only.", "disclaimer"),
    ],
)
def test_more_footers(footer: str, kind: str) -> None:
    c = clean(f"Two people were killed, police said.\n\n{footer}")
    assert c.text == "Two people were killed, police said."
    assert [r.kind for r in c.removed] == [kind]


# --- filler phrases -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected", "filler"),
    [
        ("Let's dive into the details: Two died.", "Two died.", "Let's dive into the details:"),
        ("Let’s dive into the details: two died.", "Two died.", "Let’s dive into the details:"),
        ("Here's what you need to know: Two died.", "Two died.", "Here's what you need to know:"),
        (
            "Police arrived. Without further ado, the search began.",
            "Police arrived. The search began.",
            "Without further ado,",
        ),
        (
            "In this article, we will look at the attack. Two died.",
            "Two died.",
            "In this article, we will look at the attack.",
        ),
    ],
)
def test_filler_phrases_are_removed(raw: str, expected: str, filler: str) -> None:
    c = clean(raw)
    assert c.text == expected
    assert [(r.kind, r.text) for r in c.removed] == [("filler", filler)]


def test_filler_words_inside_a_sentence_are_kept() -> None:
    text = "Officials said here's what you need to know about the curfew."
    assert clean(text).text == text


# --- doubled words ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected", "dup"),
    [
        (
            "Prime Minister Prime Minister Shehbaz Sharif spoke.",
            "Prime Minister Shehbaz Sharif spoke.",
            "Prime Minister",
        ),
        ("Police said the the attack failed.", "Police said the attack failed.", "the"),
        ("The the attack failed.", "The attack failed.", "the"),
        (
            "Militants attacked at least 12 at least 12 towns.",
            "Militants attacked at least 12 towns.",
            "at least 12",
        ),
        ("He said he\nhe was there.", "He said he was there.", "he"),
        (
            "Regional police commander commander Daniel Mwangi said.",
            "Regional police commander Daniel Mwangi said.",
            "commander",
        ),
        (
            "Nine people were killed killed on Saturday.",
            "Nine people were killed on Saturday.",
            "killed",
        ),
    ],
)
def test_doubled_words_are_collapsed(raw: str, expected: str, dup: str) -> None:
    c = clean(raw)
    assert c.text == expected
    assert [(r.kind, r.text) for r in c.removed] == [("repeat", dup)]


@pytest.mark.parametrize(
    "text",
    [
        "He was born in New York, New York, in 1950.",
        "He had had enough of the war.",
        "She said that that was false.",
        "Sirhan Sirhan was convicted.",
        "Flights to Walla Walla resumed.",
        "The toll rose from 10 10 days ago.",
        "It was a very, very bad day.",
        "It was a very very bad day.",
        "Bora Bora and Baden Baden were quiet.",
        "Turnout was 55 55 percent.",
        # Lists repeat on purpose; a chain is a figure of speech; other languages
        # reduplicate words.
        "Charges: dealing in methamphetamine, possession of methamphetamine, possession of "
        "heroin.",
        "The installation, Jewels after Jewels after Jewels, opened on Monday.",
        "Jangan lebay dalam mencintai. Biasa biasa saja.",
        "Orang itu amat amat baik kepada kami semua.",
    ],
)
def test_legitimate_repeats_are_kept(text: str) -> None:
    c = clean(text)
    assert c.text == text
    assert c.removed == ()


# --- credits ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "credits"),
    [
        ("QUETTA, Pakistan (Reuters) - Two people were killed.", ("Reuters",)),
        ("ISLAMABAD (AP) — Two people were killed.", ("Associated Press",)),
        ("According to The Express Tribune, two people were killed.", ("The Express Tribune",)),
        ("Two people were killed, The Express Tribune reported.", ("The Express Tribune",)),
        ("Two officials, speaking to Reuters, said two died.", ("Reuters",)),
        ("The state-run IRNA news agency reported two deaths.", ("IRNA",)),
        ("Two people were killed.\n\n(With inputs from PTI and agencies)", ("PTI",)),
        ("According to police, two people were killed.", ()),
        ("According to local officials, two people were killed.", ()),
        ("Police reported two deaths, Interior Minister Mohsin Naqvi said.", ()),
        ("Two died.\n\nDownload the Geo News app for the latest news.", ()),
        ("Two people were killed, police said (AP).", ("Associated Press",)),
        ("Two people were killed, police said. — AFP", ("AFP",)),
        ("Two people were killed.\n\nThe Associated Press contributed to this report.",
         ("Associated Press",)),
        ("Two died.\n\nBy JANE DOE, AP Staff Writer", ("Associated Press",)),
        ("Two people were killed (Balochistan Liberation Army) said.", ()),
        ("The Dawn Times reported two deaths.", ("The Dawn Times",)),
        ("Two died.\n\nPhoto: Reuters", ()),  # a photo credit is not the story's source
    ],
)
def test_credits(text: str, credits: tuple[str, ...]) -> None:
    assert clean(text).credits == credits


def test_credit_sentences_stay_in_the_text() -> None:
    text = "Two people were killed, The Express Tribune reported."
    assert clean(text).text == text


@pytest.mark.parametrize(
    ("text", "credits"),
    [
        ("Officials told Reuters two died.", ["Reuters"]),
        ("Officials untold Reuters two died.", []),  # the cue must start a word
        ("Officials_told Reuters two died.", []),
        ("“According to Dawn News, two died.", ["Dawn News"]),
        ("Reaccording to Dawn News, two died.", []),
        ("Copyright 2024 Dawn News", ["Dawn News"]),
        ("NoCopyright 2024 Dawn News", []),
        ("Two died, Dawn News reported.", ["Dawn News"]),
        ("Two died, Dawn News misreported.", []),
        ("Dawn News contributed to this report.", ["Dawn News"]),
        ("Dawn News recontributed to this report.", []),
    ],
)
def test_credit_cues_start_a_word(text: str, credits: list[str]) -> None:
    assert find_credits(text) == credits


def test_find_credits_keeps_first_mention_order() -> None:
    assert find_credits("Dawn reported it. Officials told Reuters. Dawn reported more.") == [
        "Dawn",
        "Reuters",
    ]


# --- the real seeds -----------------------------------------------------------------------


@needs_seeds
def test_seed_000_trailing_blank_lines() -> None:
    c = clean(seed("000"))
    assert not c.text.endswith("\n")
    assert kinds(c) == ["blank"]
    assert len(c.text.split("\n\n")) == 12


@needs_seeds
def test_seed_001_filler_and_doubled_words() -> None:
    c = clean(seed("001"))
    assert "Let's dive" not in c.text
    assert "Prime Minister Prime Minister" not in c.text
    assert "Prime Minister Shehbaz Sharif later praised the military" in c.text
    removed = {(r.kind, r.text) for r in c.removed}
    assert ("filler", "Let's dive into the details:") in removed
    assert ("repeat", "Prime Minister") in removed


@needs_seeds
def test_seed_002_footer_disclaimer_and_credits() -> None:
    c = clean(seed("002"))
    assert c.text.endswith("popular unity has been a key factor in sustaining the operation.")
    assert "syndicated feed" not in c.text
    assert "Download the" not in c.text
    assert kinds(c) == ["blank", "disclaimer", "promo"]
    assert "The Express Tribune" in c.credits
    assert "Asianet Newsable English" not in c.credits  # the publisher, not the source
    # The credit sentences carry facts, so they stay.
    assert (
        "92 militants, including three suicide attackers, were killed, The Express "
        "Tribune reported." in c.text
    )


@needs_seeds
def test_seed_004_lines_joined_headings_kept() -> None:
    paras = clean(seed("004")).text.split("\n\n")
    assert "Foiling armed plots" in paras
    assert "Eleven people killed, and an official kidnapped" in paras
    assert paras[0] == (
        "Islamabad, Pakistan – Pakistani security officials announced that at least 67 militants"
        " were killed during fierce clashes with security forces in several cities in the "
        "southwestern province of Balochistan, following coordinated attacks by armed groups in"
        " various parts of the province."
    )
    # Every other paragraph is a full sentence (or several).
    for p in paras:
        if p not in ("Foiling armed plots", "Eleven people killed, and an official kidnapped"):
            assert p[0].isupper() and p.endswith("."), p
    assert len(paras) == 13


@needs_seeds
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_lose_nothing(prefix: str) -> None:
    raw = seed(prefix)
    assert not lost_characters(raw, clean(raw))


# --- properties ---------------------------------------------------------------------------

_pieces = st.sampled_from(
    [
        "Two died.",
        "the",
        "the the",
        "Prime Minister Prime Minister",
        "Let's dive into the details:",
        "Without further ado,",
        "\n",
        "\n\n",
        "\r\n",
        "  ",
        "\t",
        "Share this article",
        "Share",
        "By Jane Doe",
        "By",
        "Photo: AP",
        "(Photo by A/Getty Images)",
        "REUTERS/Jane",
        "Updated at 1:23 p.m.",
        "We use cookies",
        "Subscribe now",
        "Biasa biasa",
        "3 anos, 3 anos,",
        "Download the app",
        "(Reuters) -",
        ",",
        "-",
        "co-",
        "Foiling armed plots",
        "killed",
        "© 2026",
        "According to The Express Tribune",
        "é",
        "ß",
        "İ",
        "\u2028",
        "\x0c",
    ]
)
_texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_pieces, st.text(max_size=8)), max_size=40).map(" ".join),
    st.lists(_pieces, max_size=40).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_clean_never_raises_and_loses_nothing(raw: str) -> None:
    c = clean(raw)
    # Every non-whitespace character is kept or recorded as removed (case aside: the
    # letter after a removed filler phrase is capitalised); nothing is invented either.
    assert not lost_characters(raw, c)
    kept = sorted(ch.lower() for ch in c.text if not ch.isspace())
    removed = sorted(ch.lower() for r in c.removed for ch in r.text if not ch.isspace())
    assert sorted(kept + removed) == sorted(ch.lower() for ch in raw if not ch.isspace())
    # Output shape: paragraphs separated by one blank line, no blank or padded paragraphs.
    if c.text:
        assert all(p and p == p.strip() and "\n" not in p for p in c.text.split("\n\n"))
    clean(c.text)  # cleaning the output again must not raise either


@settings(max_examples=100, deadline=None)
@given(_texts)
def test_clean_output_is_normalised(raw: str) -> None:
    once = clean(raw).text
    assert "\r" not in once
    assert once == once.strip()


def test_doctests() -> None:
    for module in (clean_module, credits_module, text_module):
        assert doctest.testmod(module).failed == 0
