"""Tests for corroborate.ingest: decoding, formats, front matter, titles, errors, batches."""

from __future__ import annotations

import codecs
import doctest
import importlib
import pickle
from pathlib import Path

import pytest

from corroborate.ingest import (
    DEFAULT_MAX_BYTES,
    IngestError,
    IngestResult,
    parse_document,
    read_paths,
)
from corroborate.ingest.frontmatter import normalise_date
from corroborate.model import Article

DATA = Path(__file__).parent / "data" / "ingest"
SEEDS = Path(__file__).parents[2] / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds not available")

STORY = "Police said two people were killed in the attack on Monday."


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


# --- the seeds ------------------------------------------------------------------------------


@needs_seeds
def test_seed_001_front_matter() -> None:
    path = seed_path("001")
    art = parse_document(path.read_bytes(), str(path))
    assert art.title == "Breaking: Pakistan military says it has killed 92 militants in Balochistan"
    assert art.date == "2026-02-01T00:57:25"
    assert art.author == "badely"
    assert art.format == "markdown"
    assert art.key == path.stem
    assert art.meta["layout"] == "post"
    assert art.meta["categories"] == ["News"]
    assert "excerpt" in art.meta and "image" in art.meta
    assert art.removed[0].kind == "front_matter"
    assert art.removed[0].text.startswith("---\nlayout: post")
    assert art.text.startswith("Pakistan' military says it has killed at least 92 militants")
    assert "title:" not in art.text


@needs_seeds
@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_seeds_without_title_line(prefix: str) -> None:
    path = seed_path(prefix)
    art = parse_document(path.read_bytes(), str(path))
    assert art.title is None
    assert art.format == "text"
    assert art.id == Article.create(text=art.text, source="x").id


@needs_seeds
def test_seed_002_credits_and_syndication() -> None:
    path = seed_path("002")
    art = parse_document(path.read_bytes(), str(path))
    assert "The Express Tribune" in art.credits
    assert art.meta.get("syndicated") is True
    assert {r.kind for r in art.removed} >= {"disclaimer", "promo"}


@needs_seeds
def test_seed_folder_reads_all_five() -> None:
    result = read_paths([SEEDS])
    assert [a.key for a in result.articles] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert result.errors == [] and result.warnings == []


# --- formats, front matter, titles ---------------------------------------------------------


def test_plain_text() -> None:
    art = parse_document(STORY.encode(), "reports/a.txt")
    assert (art.key, art.source, art.format, art.text, art.title) == (
        "a",
        "reports/a.txt",
        "text",
        STORY,
        None,
    )


def test_toml_front_matter_and_markdown() -> None:
    path = DATA / "toml_front.md"
    art = parse_document(path.read_bytes(), str(path))
    assert art.title == "Floods kill 30 in the north"
    assert art.date == "2026-03-04T10:15:00+00:00"
    assert (art.outlet, art.language, art.url) == (
        "Example Times",
        "en",
        "https://example.org/floods",
    )
    assert art.meta == {"tags": ["floods", "weather"]}
    assert art.text == (
        "At least 30 people were killed in floods, officials said, "
        "according to the disaster agency."
    )
    kinds = [r.kind for r in art.removed]
    assert kinds[0] == "front_matter" and "markup" in kinds


@pytest.mark.parametrize(
    ("front", "field", "value"),
    [
        ("source: Dawn", "outlet", "Dawn"),
        ("publisher: Dawn", "outlet", "Dawn"),
        ("link: https://x.org/a", "url", "https://x.org/a"),
        ("canonical: https://x.org/a", "url", "https://x.org/a"),
        ("lang: ur", "language", "ur"),
        ("author: [A. One, B. Two]", "author", "A. One, B. Two"),
        ("date: 2026-01-31", "date", "2026-01-31"),
        ("date: 2026-01-31 08:30:00", "date", "2026-01-31T08:30:00"),
        ("date: 'January 31, 2026'", "date", "2026-01-31"),
        ("date: 'Sat, 31 Jan 2026 08:30:00 +0500'", "date", "2026-01-31T08:30:00+05:00"),
    ],
)
def test_front_matter_fields(front: str, field: str, value: str) -> None:
    art = parse_document(f"---\n{front}\n---\n{STORY}\n".encode(), "a.md")
    assert getattr(art, field) == value


def test_front_matter_with_crlf_and_utf16() -> None:
    doc = "---\r\ntitle: X\r\ndate: 2026-01-01\r\n---\r\n\r\nTwo died.\r\n".encode("utf-16")
    art = parse_document(doc, "a.txt")
    assert (art.title, art.date, art.text) == ("X", "2026-01-01", "Two died.")


def test_unparseable_date_is_kept_in_meta() -> None:
    art = parse_document(f"---\ndate: last Tuesday\n---\n{STORY}".encode(), "a.md")
    assert art.date is None
    assert art.meta["date_text"] == "last Tuesday"


def test_invalid_yaml_front_matter_falls_back_to_key_value_lines() -> None:
    art = parse_document(f"---\ntitle: A: B: [\n---\n{STORY}".encode(), "a.md")
    assert art.title == "A: B: ["
    assert art.text == STORY


def test_horizontal_rule_is_not_front_matter() -> None:
    art = parse_document(f"---\n{STORY}\n---\nMore text here.".encode(), "a.txt")
    assert STORY in art.text


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        (f"Three Killed In Market Blast\n\n{STORY}", "Three Killed In Market Blast"),
        (f"Police said two people died.\n\n{STORY}", None),  # a sentence, not a title
        (f"Three killed in blast\n{STORY}", None),  # no blank line after it
        (f"UPDATE\n\n{STORY}", None),  # a label
        (f"Share this article\n\n{STORY}", None),  # boilerplate
        ("Three killed in blast\n\n", None),  # nothing after it
    ],
)
def test_plain_text_title_is_conservative(raw: str, title: str | None) -> None:
    art = parse_document(raw.encode(), "a.txt")
    assert art.title == title
    if title:
        assert title not in art.text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # an export's header lines, with or without blank lines between them
        (
            f"Title: Blast at Lake Market\nOutlet: Coast Wire\nDate: 2026-03-14\n\n{STORY}",
            ("Blast at Lake Market", "Coast Wire", None, "2026-03-14"),
        ),
        (
            f"Headline: Blast at Lake Market\n\nBy: Ana Ruiz\n\nPublished: 2026-03-14\n\n{STORY}",
            ("Blast at Lake Market", None, "Ana Ruiz", "2026-03-14"),
        ),
        (f"Title: Blast at Lake Market\n{STORY}", ("Blast at Lake Market", None, None, None)),
        # a report whose first line has a colon keeps it: one line with a key that is no
        # header name, or a lone date, is text
        (f"Police: two dead in blast\n{STORY}", (None, None, None, None)),
    ],
)
def test_plain_text_header_lines_are_metadata(
    raw: str, expected: tuple[str | None, str | None, str | None, str | None]
) -> None:
    art = parse_document(raw.encode(), "a.txt")
    assert (art.title, art.outlet, art.author, art.date) == expected
    assert art.text.endswith(STORY)
    if expected[0]:
        assert art.text == STORY
        assert art.removed[0].kind == "front_matter"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Dnipro Daily | 19 November 2026 | Olena Hrytsenko",
         ("Dnipro Daily", "Olena Hrytsenko", "2026-11-19")),
        ("Published 18 November 2026 | By Staff Reporter | Morning Herald Online",
         ("Morning Herald Online", "Staff Reporter", "2026-11-18")),
        ("By Ana Ruiz · Nov. 3, 2025 09:40 GMT · 4 min read",
         (None, "Ana Ruiz", "2025-11-03T09:40:00+00:00")),
        ("Coast Wire • Updated March 14, 2026", ("Coast Wire", None, "2026-03-14")),
    ],
)
def test_metadata_line_under_a_title(line: str, expected: tuple[str | None, ...]) -> None:
    art = parse_document(f"Blast at Lake Market\n\n{line}\n\n{STORY}".encode(), "a.txt")
    assert (art.outlet, art.author, art.date) == expected
    assert art.text == STORY
    assert [r.text for r in art.removed if r.kind == "byline"] == [line]


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        # a paper's unlabelled header: one item per line, in any order
        (
            "Plateau Mirror\nBlast at Lake Market\nBy Ruth Danjuma\n16 November 2026",
            ("Blast at Lake Market", "Plateau Mirror", "Ruth Danjuma", "2026-11-16"),
        ),
        (
            "Blast at Lake Market\nMonday, 16 November 2026",
            ("Blast at Lake Market", None, None, "2026-11-16"),
        ),
        (
            "The Coast Star\nBlast at Lake Market\nCoast Wire | 3 March 2026 | Ana Ruiz",
            ("Blast at Lake Market", "The Coast Star", "Ana Ruiz", "2026-03-03"),
        ),
    ],
)
def test_unlabelled_header_block(block: str, expected: tuple[str | None, ...]) -> None:
    art = parse_document(f"{block}\n\n{STORY}".encode(), "a.txt")
    assert (art.title, art.outlet, art.author, art.date) == expected
    assert art.text == STORY


@pytest.mark.parametrize(
    "block",
    [
        # a hard-wrapped first paragraph is text, whatever its lines look like
        "Gunmen attacked the market\non Saturday, killing nine people,\npolice said",
        # a block with no headline, or with two
        "Plateau Mirror\n16 November 2026",
        "Blast at Lake Market\nNine Killed In Garissa",
    ],
)
def test_lines_that_are_no_header_block_stay(block: str) -> None:
    art = parse_document(f"{block}\n\n{STORY}".encode(), "a.txt")
    assert art.title is None and art.outlet is None
    assert art.text.startswith(block.split("\n")[0])


def test_wire_sign_off_on_its_own_line_is_a_credit() -> None:
    art = parse_document(f"{STORY}\n\n(Savanna Wire)".encode(), "a.txt")
    assert art.credits == ("Savanna Wire",)
    # only a name that looks like an outlet's: a person's is none
    art = parse_document(f"{STORY}\n\n(Ana Ruiz)".encode(), "a.txt")
    assert art.credits == ()


@pytest.mark.parametrize(
    "line",
    [
        "Police | fire | ambulance",  # no date and no byline
        "Kyiv | 19 November 2026 | two people were killed in the strike",  # a part is text
        "Markets | Politics | Sport | World | Business | Culture | Opinion",  # a menu
    ],
)
def test_piped_lines_that_are_not_metadata_stay(line: str) -> None:
    art = parse_document(f"Blast at Lake Market\n\n{line}\n\n{STORY}".encode(), "a.txt")
    assert art.author is None and art.outlet is None
    assert art.text.startswith(line)


def test_markdown_heading_becomes_title() -> None:
    art = parse_document(f"# Blast in Quetta\n\n{STORY}\n\n## Reaction\n\nShock.".encode(), "a.md")
    assert art.title == "Blast in Quetta"
    assert art.text == f"{STORY}\n\nReaction\n\nShock."


def test_normalise_date_variants() -> None:
    assert normalise_date("2026-02-01T00:57:25Z") == "2026-02-01T00:57:25+00:00"
    assert normalise_date("1 February 2026") == "2026-02-01"
    assert normalise_date("") is None
    assert normalise_date(None) is None


# --- encodings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + STORY.encode("utf-8"),
        STORY.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"),
        STORY.encode("utf-32"),
    ],
)
def test_bom_encodings(data: bytes) -> None:
    assert parse_document(data, "a.txt").text == STORY


def test_explicit_encoding() -> None:
    data = "Le café a été détruit.".encode("latin-1")
    assert parse_document(data, "a.txt", encoding="latin-1").text == "Le café a été détruit."


# --- errors: one line each, naming the file -----------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n  ", "empty file"),
        (codecs.BOM_UTF8, "empty file"),
        (b"PK\x03\x04\x14\x00\x00\x00binary", "binary file, not a text report"),
        (b"abc\x00def\x00", "binary file, not a text report"),
        (b"%PDF-1.7\n1 0 obj", "binary file, not a text report"),
        (bytes(range(1, 9)) * 20, "binary file, not a text report"),
        (
            "Le café".encode("latin-1"),
            "not UTF-8 text (invalid byte 0xe9 at offset 6); pass --encoding to read it",
        ),
        (
            b"Share this article\n\nSubscribe to our newsletter",
            "no report text left after cleaning",
        ),
    ],
)
def test_bad_documents(data: bytes, message: str) -> None:
    with pytest.raises(IngestError) as info:
        parse_document(data, "news/bad.txt")
    err = info.value
    assert err.source == "news/bad.txt"
    assert err.message.startswith(message)
    assert str(err).startswith(f"news/bad.txt: {message}")
    assert "\n" not in str(err)


def test_unknown_encoding() -> None:
    with pytest.raises(IngestError, match="unknown encoding 'klingon'"):
        parse_document(b"text", "a.txt", encoding="klingon")


def test_wrong_explicit_encoding() -> None:
    with pytest.raises(IngestError, match=r"not ascii text \(invalid byte 0xc3 at offset 1\)"):
        parse_document("Lé".encode(), "a.txt", encoding="ascii")


def test_size_cap() -> None:
    with pytest.raises(IngestError, match="file too large"):
        parse_document(b"x" * 101, "big.txt", max_bytes=100)
    assert DEFAULT_MAX_BYTES == 5 * 1024 * 1024


def test_ingest_error_pickles_and_is_one_line() -> None:
    err = IngestError("a.txt", "bad\nthing")
    assert str(err) == "a.txt: bad thing"
    again = pickle.loads(pickle.dumps(err))
    assert (again.source, again.message) == ("a.txt", "bad thing")


# --- read_paths ---------------------------------------------------------------------------


def test_read_folder_recursively_sorted_skipping_hidden() -> None:
    result = read_paths([DATA / "batch"])
    assert isinstance(result, IngestResult)
    assert [Path(a.source).relative_to(DATA).as_posix() for a in result.articles] == [
        "batch/a.txt",
        "batch/sub/b.md",
    ]
    # empty.txt is one error; the batch goes on.
    assert [str(e) for e in result.errors] == [f"{DATA / 'batch' / 'empty.txt'}: empty file"]
    # dup_of_a.txt has the same content as a.txt: kept once, with a warning.
    assert len(result.warnings) == 1 and "same content as" in result.warnings[0]
    assert "dup_of_a.txt" in result.warnings[0]


def test_explicit_file_is_read_whatever_its_extension(tmp_path: Path) -> None:
    path = tmp_path / "report.html.bak"
    path.write_text(STORY)
    result = read_paths([path])
    assert [a.key for a in result.articles] == ["report.html"]


def test_same_file_twice_is_read_once() -> None:
    a = DATA / "batch" / "a.txt"
    result = read_paths([a, a, DATA / "batch"])
    assert [Path(x.source).name for x in result.articles] == ["a.txt", "b.md"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "empty_folder",
            "no reports found (looked for .txt .text .md .markdown .html .htm .xhtml .jsonl "
            ".ndjson .rss .atom .xml .warc, also .gz)",
        ),
        ("missing.txt", "no such file or folder"),
        ("missing_folder/", "no such file or folder"),
    ],
)
def test_bad_paths(name: str, message: str) -> None:
    path = str(DATA / name)
    result = read_paths([path, DATA / "batch" / "a.txt"])
    assert [str(e) for e in result.errors] == [f"{path}: {message}"]
    assert len(result.articles) == 1  # the good file is still read


def test_bad_files_do_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_bytes(b"bad\x00bytes")
    (tmp_path / "2.txt").write_bytes("Le café".encode("latin-1"))
    (tmp_path / "3.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "4.txt").write_text(STORY)
    (tmp_path / "5.md").write_text("x" * 200)
    result = read_paths([tmp_path], max_bytes=100)
    assert [a.key for a in result.articles] == ["4"]
    assert [e.source for e in result.errors] == [
        str(tmp_path / f"{i}.{ext}") for i, ext in [(1, "txt"), (2, "txt"), (3, "txt"), (5, "md")]
    ]
    assert "file too large" in result.errors[-1].message


def test_read_paths_with_encoding(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Le café a brûlé.".encode("cp1252"))
    assert read_paths([tmp_path]).errors[0].message.startswith("not UTF-8 text")
    assert read_paths([tmp_path], encoding="cp1252").articles[0].text == "Le café a brûlé."


def test_same_key_in_two_folders_warns(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "a.txt").write_text("One died.")
    (tmp_path / "y" / "a.txt").write_text("Two died.")
    result = read_paths([tmp_path])
    assert len(result.articles) == 2
    assert any("same name 'a'" in w for w in result.warnings)


@pytest.mark.parametrize(
    "module",
    ["errors", "frontmatter", "markdown", "document", "reader", "__init__", "dates", "urls",
     "detect", "html", "records", "feeds", "warc", "fetch"],
)
def test_doctests(module: str) -> None:
    name = "corroborate.ingest" + ("" if module == "__init__" else f".{module}")
    assert doctest.testmod(importlib.import_module(name)).failed == 0
