"""Publication dates: ISO 8601 with a precision and a source (front matter, HTML metadata,
feed, JSON record, URL, text)."""

from __future__ import annotations

import datetime as dt

import pytest

from corroborate.ingest import parse_document
from corroborate.ingest.dates import date_from_text, date_from_url, parse_date
from corroborate.ingest.urls import key_from_url, original_url, url_key

STORY = "Police said two people were killed in the attack on Monday."


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-02-01", ("2026-02-01", "day")),
        ("2026-02-01T00:57", ("2026-02-01T00:57:00", "minute")),
        ("2026-02-01T00:57:25Z", ("2026-02-01T00:57:25+00:00", "second")),
        ("2026-02-01 00:57:25.123-05:00", ("2026-02-01T00:57:25-05:00", "second")),
        ("2026/02/01", ("2026-02-01", "day")),
        ("20260201", ("2026-02-01", "day")),
        ("February 1, 2026", ("2026-02-01", "day")),
        ("Feb. 1, 2026", ("2026-02-01", "day")),
        ("Sept. 9, 2015", ("2015-09-09", "day")),
        ("1st February 2026", ("2026-02-01", "day")),
        ("Sunday, 1 February 2026 14:05", ("2026-02-01T14:05:00", "minute")),
        ("Feb 1, 2026 at 2:05 p.m.", ("2026-02-01T14:05:00", "minute")),
        ("Feb 1, 2026 12:30 AM", ("2026-02-01T00:30:00", "minute")),
        ("Sun, 01 Feb 2026 14:05:09 +0500", ("2026-02-01T14:05:09+05:00", "second")),
        ("Sun, 01 Feb 2026 14:05:09 GMT", ("2026-02-01T14:05:09+00:00", "second")),
        (dt.date(2026, 2, 1), ("2026-02-01", "day")),
        (dt.datetime(2026, 2, 1, 8, 30), ("2026-02-01T08:30:00", "second")),
        (1769904000, ("2026-02-01T00:00:00+00:00", "second")),
    ],
)
def test_parse_date(value: object, expected: tuple[str, str]) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    ["", "last Tuesday", "2026-13-01", "2026-02-30", "February 2026", "2026", "1066-10-14",
     "3000-01-01", None, True, 12, "x" * 200],
)
def test_parse_date_refuses_what_is_not_a_full_date(value: object) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.example/news/2015/11/06/fire", "2015-11-06"),
        ("https://x.example/2015/1/6/fire.html", "2015-01-06"),
        ("https://x.example/news/2015-11-06-fire-kills-two", "2015-11-06"),
        ("https://x.example/general-news/20151106/fire", "2015-11-06"),
        # A web-archive snapshot's time stamp is when it was crawled, not published.
        ("http://web.archive.org/web/20151108234928/http://x.example/20151106/fire",
         "2015-11-06"),
        ("http://web.archive.org/web/20151108234928/http://x.example/fire", None),
        ("https://x.example/news/fire-kills-2015-people", None),
        ("https://x.example/2015/13/45/fire", None),
        (None, None),
    ],
)
def test_date_from_url(url: str | None, expected: str | None) -> None:
    found = date_from_url(url)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published: January 31, 2026\n\nTwo died.", ("2026-01-31", "day")),
        ("Title\n\nUpdated 6 Nov 2015 15:45\n\nTwo died.", ("2015-11-06T15:45:00", "minute")),
        ("Posted on 2015-11-06\nTwo died.", ("2015-11-06", "day")),
        ("QUETTA, Jan. 31, 2026 (Reuters) - Two died.", ("2026-01-31", "day")),
        ("January 31, 2026 — Two people died.", ("2026-01-31", "day")),
        ("Two people died on January 31, 2026, police said.", None),  # a date in the story
        ("One.\nTwo.\nThree.\nFour.\nPublished: January 31, 2026", None),  # too far down
        ("", None),
    ],
)
def test_date_from_text(text: str, expected: tuple[str, str] | None) -> None:
    assert date_from_text(text) == expected


def test_text_report_date_sources() -> None:
    art = parse_document(f"---\ndate: 2026-01-31 08:30:00\n---\n{STORY}".encode(), "a.md")
    assert (art.date, art.date_source, art.date_precision) == (
        "2026-01-31T08:30:00", "front_matter", "second",
    )
    art = parse_document(f"---\nurl: https://x.example/2026/01/30/a\n---\n{STORY}".encode(),
                         "a.md")
    assert (art.date, art.date_source) == ("2026-01-30", "url")
    art = parse_document(f"Published: 29 January 2026\n\n{STORY}".encode(), "a.txt")
    assert (art.date, art.date_source, art.date_precision) == ("2026-01-29", "text", "day")
    assert [(r.kind, r.text) for r in art.removed] == [("date", "Published: 29 January 2026")]
    art = parse_document(STORY.encode(), "a.txt")
    assert (art.date, art.date_source, art.date_precision) == (None, None, None)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://www.x.example/news/fire/", "http://x.example/news/fire"),
        ("https://x.example/news/fire?utm_source=tw&utm_medium=social", "https://x.example/news/fire"),
        ("https://X.EXAMPLE:443/news/fire#comments", "https://x.example/news/fire"),
        ("http://web.archive.org/web/20151108234928/http://www.x.example:80/news/fire",
         "https://x.example/news/fire"),
        ("https://x.example/story?id=2&b=1", "https://x.example/story?b=1&id=2"),
    ],
)
def test_url_key_same_page(a: str, b: str) -> None:
    assert url_key(a) == url_key(b) is not None


def test_url_key_different_pages() -> None:
    assert url_key("https://x.example/story?id=1") != url_key("https://x.example/story?id=2")
    assert url_key("https://x.example/a") != url_key("https://y.example/a")
    assert url_key(None) is None and url_key("not a url") is None
    assert url_key("ftp://x.example/a") is None


def test_url_helpers() -> None:
    assert original_url("https://web.archive.org/web/2015id_/x.example/a") == "http://x.example/a"
    assert original_url("https://x.example/a") == "https://x.example/a"
    assert key_from_url("https://x.example/2015/11/fire/index.html") == "fire"
    assert key_from_url("https://x.example/") == "x.example"
    assert key_from_url(None) is None
