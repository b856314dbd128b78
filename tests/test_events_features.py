"""Per-article evidence for event grouping: dates, names, streets, types, titles, places."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import pytest

from corroborate.events import article_event_type, article_features
from corroborate.events.dates import article_dates
from corroborate.events.describe import Member, clean_headline, date_of, places_of, trim
from corroborate.events.features import (
    Features,
    Paragraphs,
    Terms,
    headline_places,
    names_in,
    streets_in,
)
from corroborate.events.scoring import channel_key_sets, channel_keys, km
from corroborate.model import Article, Place

MONDAY = dt.date(2016, 5, 9)


@pytest.mark.parametrize(
    ("title", "text", "pub", "day", "precision"),
    [
        (None, "A man was shot dead on Saturday night, police said.", MONDAY, "2016-05-07", "day"),
        (None, "Two men were wounded in a shooting yesterday.", MONDAY, "2016-05-08", "day"),
        (None, "A teenager was killed late last night.", MONDAY, "2016-05-08", "day"),
        (None, "Police said the shooting happened on Nov. 22.", MONDAY, "2015-11-22", "day"),
        (None, "The attack on March 3rd, 2016 killed two.", None, "2016-03-03", "day"),
        (None, "The attack on March 3, 2016 killed two.", None, "2016-03-03", "day"),
        ("Man shot Friday", "He will appear in court on Tuesday.", MONDAY, "2016-05-06", "day"),
        (None, "Nothing dates this report.", MONDAY, "2016-05-09", "publication"),
        (None, "Nothing dates this report.", None, None, None),
        (None, "Officials said on Sunday that three had died. The attack was on Saturday.",
         MONDAY, "2016-05-07", "day"),
        (None, "Two were shot, the mayor told reporters Sunday. It happened on Friday.",
         MONDAY, "2016-05-06", "day"),
        # When the page was posted is not when the incident happened.
        ("Boy hurt in shooting", "Boy hurt in shooting Posted: Monday, May 9, 2016 4:12 PM EDT "
         "Updated: Monday, May 9, 2016 6:40 PM EDT\n\nA boy was shot on Saturday night.",
         MONDAY, "2016-05-07", "day"),
        (None, "(Published Monday, May 9, 2016)\n\nThe crash on Saturday left a car in a ditch.",
         MONDAY, "2016-05-07", "day"),
        (None, "(May 9, 2016) -- Deputies are looking into a death.\n\nA body was found in a "
         "car on Saturday.", MONDAY, "2016-05-07", "day"),
        (None, "May 9, 2016 10:15 AM\n\nA clerk was robbed on Sunday.", MONDAY, "2016-05-08",
         "day"),
        (None, "Nothing else dates it. Posted: May 3, 2016", MONDAY, "2016-05-09", "publication"),
        # A caption repeated under each photo votes once.
        (None, "Photo 1 of 3 Crews clear the road where a man was shot Sunday. Photo 2 of 3 Crews "
         "clear the road where a man was shot Sunday. Photo 3 of 3 Crews clear the road where a "
         "man was shot Sunday. The shooting happened on Friday, the family said.",
         MONDAY, "2016-05-06", "day"),
        # "Today" or "overnight" more often dates the report than the incident.
        (None, "A man is recovering in hospital today.\n\nHe was hurt on Saturday in Elm Park.",
         MONDAY, "2016-05-07", "day"),
        # The sentence that says when it happened beats the one about an arrest.
        (None, "Two men were arrested Sunday in the fatal shooting of a teenager. Police said "
         "the shooting happened about 9 p.m. Friday.", MONDAY, "2016-05-06", "day"),
    ],
    ids=[
        "weekday",
        "yesterday",
        "last-night",
        "month-day",
        "ordinal-full-date",
        "full-date",
        "headline-beats-court",
        "publication",
        "nothing",
        "said-on-day-dates-the-statement",
        "told-reporters-on-day",
        "posted-and-updated-stamps",
        "published-stamp",
        "dated-dateline",
        "date-and-time-line",
        "stamp-alone-dates-nothing",
        "repeated-caption",
        "today-is-the-report",
        "happened-beats-arrest",
    ],
)
def test_article_dates(
    title: str | None, text: str, pub: dt.date | None, day: str | None, precision: str | None
) -> None:
    got = article_dates(title, text, pub)
    assert (got.day, got.precision) == (day, precision)


def test_future_days_do_not_vote() -> None:
    # "on Thursday" in a Monday report is the Thursday before, never one ahead.
    got = article_dates(None, "The funeral is on Thursday. He was shot on Sunday.", MONDAY)
    assert got.day == "2016-05-08"
    assert all(d <= "2016-05-10" for d in got.votes)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Police said Jon Doe, 24, was shot. Doe died.", {"jon", "doe"}),
        ("The victim, Maria Lopez of Oak Park, died.", {"maria", "lopez", "oak", "park"}),
        ("Shots rang out. Witnesses ran. Nobody saw the car.", set()),
        ("Sgt. Andy Breidenich said the boy was treated.", {"andy", "breidenich"}),
        ('"Smith was there," she said.', set()),
    ],
)
def test_names(text: str, names: set[str]) -> None:
    assert names_in(text) == names


@pytest.mark.parametrize(
    ("text", "streets"),
    [
        ("shot on the 1900 block of Gallier Street", ("gallier street",)),
        ("near N. Clark St. and W. Devon Ave.", ("clark street", "devon avenue")),
        ("at Lake Fenwick Road, then Main St", ("lake fenwick road", "main street")),
        ("The Street was closed.", ()),
        ("Officers stood on the street.", ()),
    ],
)
def test_streets(text: str, streets: tuple[str, ...]) -> None:
    assert streets_in(text) == streets


@pytest.mark.parametrize(
    ("title", "lede", "kind"),
    [
        ("Gunman opens fire at market", "Four people were shot dead.", "shooting"),
        ("Car bomb kills 12 in Quetta", "The blast tore through a market.", "bombing"),
        ("Militants attack army posts", "The attack was repelled. Heavy fighting.", "attack"),
        ("Troops raid militant hideout", "Soldiers raided a compound.", "raid"),
        ("Army and rebels clash", "Clashes continued for hours.", "clash"),
        ("Council approves budget", "The vote was close.", None),
    ],
)
def test_event_type(title: str, lede: str, kind: str | None) -> None:
    assert article_event_type(title, lede) == kind


@pytest.mark.parametrize(
    ("headline", "clean"),
    [
        (
            "Teen charged in park shooting - WMC Action News 5 - Memphis",
            "Teen charged in park shooting",
        ),
        ("Four killed in shooting | FOX5 Vegas - KVVU", "Four killed in shooting"),
        ("Shooting: what we know", "Shooting: what we know"),
        ("BREAKING: Gunman kills two in Brenford", "Gunman kills two in Brenford"),
        ("UPDATE: Five men shot outside restaurant", "Five men shot outside restaurant"),
        ("Police: Fight over women led to shootings", "Police: Fight over women led to shootings"),
    ],
)
def test_clean_headline(headline: str, clean: str) -> None:
    assert clean_headline(headline) == clean


def test_trim_cuts_at_a_word() -> None:
    assert trim("word " * 40, 20) == "word word word word…"
    assert trim("  short   text ") == "short text"


def test_headline_places_come_from_the_body() -> None:
    hartford = Place(name="Hartford", mention="Hartford", admin1="Connecticut")
    other = Place(name="Bristol", mention="Bristol", admin1="Connecticut")
    assert headline_places("Four wounded in Hartford shooting", [hartford, other]) == (hartford,)
    assert headline_places(None, [hartford]) == ()
    assert headline_places("Hartfordshire news", [hartford]) == ()


@pytest.mark.parametrize(
    ("title", "body", "body_places", "expected"),
    [
        # A body with no place (a sign-in form): the headline's town, outlet tail cut.
        ("Teen shot outside club in Greensboro - WXYZ Channel 9 Toledo",
         "Sign in using your account. Thank you for registering!", [], ["Greensboro"]),
        # The headline's places the body does not name come after the body's ...
        ("Teen shot outside club in Greensboro", "Police in Raleigh said a teen was shot.",
         ["Raleigh"], ["Raleigh", "Greensboro"]),
        # ... when they are in the body's country (alone, "Brasilia" is not read in context).
        ("Teen shot in Brasilia club", "Police in Raleigh said a teen was shot.",
         ["Raleigh"], ["Raleigh"]),
        ("Teen shot outside club", "Sign in using your account.", [], []),
    ],
    ids=["empty-body", "body-has-places", "foreign-headline-place", "nothing-named"],
)
def test_places_of_a_report_include_its_headline_s(
    title: str, body: str, body_places: list[str], expected: list[str]
) -> None:
    art = Article.create(body, "x.txt", title=title)
    places = [Place(name=n, mention=n, admin1="North Carolina", country="US") for n in body_places]
    feats = article_features(art, (), places)
    assert [p.name for p in feats.places] == expected
    assert [p.name for p in feats.title_places] == [n for n in expected if n in title]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HARTFORD, Conn. - Four men were wounded near Bristol.", ["Hartford"]),
        ("Video: scene\n\nHARTFORD (WFSB) -- Four men were wounded.", ["Hartford"]),
        # Capitals later in a sentence, or past the first lines, are no dateline.
        ("Police in BRISTOL said HARTFORD - style rules apply.", []),
        ("Four men were wounded.\n" + "More news. " * 80 + "\nHARTFORD - x", []),
    ],
)
def test_dateline_place_counts_like_a_headline_place(text: str, expected: list[str]) -> None:
    caps = Place(name="Hartford", mention="HARTFORD", admin1="Connecticut")
    bristol = Place(name="Bristol", mention="Bristol", admin1="Connecticut")
    got = headline_places(None, [caps, bristol], text)
    assert [p.name for p in got] == expected


def _member(places: list[Place], title_places: tuple[Place, ...] = ()) -> Member:
    art = Article.create("x", "x.txt")
    feats = article_features(art)
    feats.places = tuple(places)
    feats.title_places = tuple(title_places)
    return Member(art.id, None, "x", feats)


def _dated(title: str, text: str, pub: str) -> Member:
    art = Article.create(text, "x.txt", title=title, date=pub)
    return Member(art.id, title, text, article_features(art))


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        # Each report votes for its own reading.
        ([("Man shot", "A man was shot on Saturday night.", "2016-05-09"),
          ("Victim named", "The man shot on Saturday was named.", "2016-05-10")],
         ("2016-05-07", "day")),
        # Weeks later, "a Friday afternoon in mid-July" resolves to the Friday before the
        # follow-up: after the first report, so it is not the incident's day.
        ([("Teen killed", "A teenager was shot and killed on Friday evening.", "2016-07-16"),
          ("Gun was stolen", "On a rainy Friday afternoon in mid-July a shot rang out.",
           "2016-08-25"),
          ("Teen charged", "It happened on a Friday afternoon in mid-July.", "2016-08-24")],
         ("2016-07-15", "day")),
        # A first report that dates nothing, and a follow-up that dates only its own news.
        ([("Boy shoots himself", "A boy found a gun in a purse and shot himself.", "2017-03-25"),
          ("Mother charged", "The mother is expected to turn herself in Wednesday.",
           "2017-03-29")],
         ("2017-03-25", "publication")),
        # A weak mention (deep in the text, dating a statement) counts for less than a vote.
        ([("Two hurt", "Two men were shot on Sunday night in Elm Park.", "2016-05-10"),
          ("Two hurt", "Two men were shot in Elm Park. " + "He said nothing more. " * 9
           + "Police said Monday the men were stable.", "2016-05-10"),
          ("Two hurt", "Two men were shot in Elm Park. " + "He said nothing more. " * 9
           + "Police said Monday the men were stable.", "2016-05-10")],
         ("2016-05-08", "day")),
    ],
    ids=["own-readings", "follow-up-after-first-report", "only-later-news", "weak-mentions"],
)
def test_event_date_vote(members: list[tuple[str, str, str]], expected: tuple[str, str]) -> None:
    assert date_of([_dated(*m) for m in members]) == expected


def test_places_most_specific_coherent_first() -> None:
    def us(name: str, admin1: str, kind: str = "city") -> Place:
        return Place.model_validate(
            {
                "name": name,
                "mention": name,
                "kind": kind,
                "admin1": admin1,
                "country": "US",
                "lat": 40.0,
                "lon": -80.0,
            }
        )

    chicago, illinois = us("Chicago", "Illinois"), us("Illinois", "Illinois", "admin1")
    namesake = us("Austin", "Texas")
    members = [
        _member([illinois, chicago]),
        _member([chicago, namesake], (chicago,)),
        _member([illinois, namesake]),
    ]
    assert [p.name for p in places_of(members)] == ["Chicago", "Illinois", "Austin"]


def _town(name: str, admin1: str, confidence: float, gid: int) -> Place:
    return Place(
        name=name, mention=name, admin1=admin1, country="US", confidence=confidence,
        lat=40.0, lon=-80.0, geonameid=gid,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("readings", "expected"),
    [
        # One report read "Wilmington, Del." (sure); two others guessed the larger namesake:
        # the event has one Wilmington, Delaware's, named by all three.
        ([("Delaware", 1.0), ("North Carolina", 0.75), ("North Carolina", 0.75)],
         [("Wilmington", "Delaware")]),
        # Read two ways, equally unsure: both kept, the better supported first.
        ([("Delaware", 0.75), ("North Carolina", 0.75), ("North Carolina", 0.75)],
         [("Wilmington", "North Carolina"), ("Wilmington", "Delaware")]),
    ],
    ids=["surest-reading-wins", "tie-left-as-read"],
)
def test_one_name_one_place(
    readings: list[tuple[str, float]], expected: list[tuple[str, str]]
) -> None:
    gids = {"Delaware": 1, "North Carolina": 2}
    members = [_member([_town("Wilmington", a, c, gids[a])]) for a, c in readings]
    assert [(p.name, p.admin1) for p in places_of(members)] == expected


def test_features_survive_json() -> None:
    art = Article.create(
        "Police said Jon Doe was shot on Elm Street on Friday. Doe died.",
        "a.txt",
        title="Man shot in Brenford",
        date="2016-05-09",
    )
    place = Place(name="Brenford", mention="Brenford", lat=1.0, lon=2.0)
    feats = article_features(art, places=[place])
    again = Features.from_dict(json.loads(json.dumps(feats.to_dict())))
    assert again == feats
    assert again.title_places == (place,)
    assert "brenford" not in again.names  # a place, not a person: counted once, as a place


def test_km() -> None:
    assert km((0.0, 0.0), (0.0, 1.0)) == pytest.approx(111.2, abs=0.5)


_PARAGRAPHS = [
    ("0123456789abcdef", Terms({"shot": 2, "police": 1}), ("doe", "jon")),
    ("ffffffffffffffff", Terms({"market": 1}), ()),
    ("00000000000000aa", Terms({"gunman": 300}), ("brenford",)),  # a count past one byte
]


@pytest.mark.parametrize(
    "paragraphs",
    [
        _PARAGRAPHS,
        [],
        [("not-a-hex-hash", Terms({"fire": 1}), ("halden",)), *_PARAGRAPHS],  # kept as text
    ],
)
def test_packed_paragraphs_give_back_what_they_were_made_of(
    paragraphs: list[tuple[str, Terms, tuple[str, ...]]],
) -> None:
    packed = Paragraphs(paragraphs)
    assert len(packed) == len(paragraphs)
    assert list(packed) == paragraphs
    assert packed == paragraphs and packed == Paragraphs(paragraphs)
    assert [dict(t.items()) for _, t, _ in packed] == [dict(t.items()) for _, t, _ in paragraphs]
    assert packed[1:] == paragraphs[1:]
    assert packed.hashes() == [h for h, _, _ in paragraphs]
    assert packed.words == tuple(w for _, t, _ in paragraphs for w in t)
    if paragraphs:
        assert packed[-1] == paragraphs[-1]
        assert packed[0][1]["shot" if paragraphs is _PARAGRAPHS else "fire"] >= 1
    with pytest.raises(IndexError):
        packed[len(paragraphs)]
    assert pickle.loads(pickle.dumps(packed)) == paragraphs


def test_article_features_names_are_sorted_and_distinct() -> None:
    art = Article.create("Zed Quill met Anna Quill and Zed Moss in Halden.", "a.txt")
    names = article_features(art).names
    assert list(names) == sorted(set(names)) and "quill" in names


def test_channel_key_sets_hold_the_channel_keys() -> None:
    # Document frequencies count the sets, vectors and blocking read the sorted keys: the
    # same keys either way.
    art = Article.create(
        "Gunmen killed three people on Elm Street in Garissa, police said. "
        "Officer Jane Doe said two more were hurt.",
        "x.txt",
        title="Three killed in Garissa",
    )
    town = Place(name="Garissa", mention="Garissa", admin1="Garissa", country="KE",
                 lat=-0.45, lon=39.65)  # fmt: skip
    feats = article_features(art, (), [town])
    feats.title_places = (town,)
    feats.figures = frozenset({("killed", 3), ("injured", 2)})
    keys, sets = channel_keys(feats), channel_key_sets(feats)
    assert keys.keys() == sets.keys()
    for channel, listed in keys.items():
        assert set(listed) == sets[channel], channel
    assert keys["figures"] == ["injured:2", "killed:3"]
    assert keys["text"] == sorted(keys["text"]) and keys["places"] and keys["names"]
