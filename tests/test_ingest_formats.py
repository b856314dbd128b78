"""Tests for every input format: HTML, JSON lines, JSON, RSS/Atom, WARC, gzip, standard
input, URLs (fetching off by default), format detection by content, limits and errors."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from corroborate.cli import main
from corroborate.ingest import IngestError, iter_articles, read_paths
from corroborate.ingest.detect import sniff
from corroborate.ingest.html import html_to_text, parse_html
from corroborate.ingest.records import iter_json, iter_jsonl

DATA = Path(__file__).parent / "data" / "ingest" / "formats"
STORY = "Police said two people were killed in the attack on Monday."
MORE = "Officials said the attackers escaped towards the border before dawn."


def errors_of(paths: list[str | Path], **kw: object) -> list[str]:
    return [str(e) for e in read_paths(paths, **kw).errors]  # type: ignore[arg-type]


# --- format detection ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "name", "fmt"),
    [
        (b"\x1f\x8b\x08\x00", "x.txt", "gzip"),
        (b"WARC/1.0\r\nWARC-Type: response\r\n", "crawl.bin", "warc"),
        (b"<!DOCTYPE html><html><head>", "page.txt", "html"),
        (b"  \n<html lang='en'><body>", "noext", "html"),
        (b"<?xml version='1.0'?><rss version='2.0'>", "feed.txt", "feed"),
        (b"<?xml version='1.0'?>\n<!-- c --><feed xmlns='http://www.w3.org/2005/Atom'>", "",
         "feed"),
        (b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'>", "", "feed"),
        (b"<?xml version='1.0'?><urlset>", "sitemap.xml", "xml"),
        (b'{"text": "a"}\n{"text": "b"}\n', "dump", "jsonl"),
        (b'{\n  "text": "a"\n}\n', "one", "json"),
        (b'[{"text": "a"}]', "list", "json"),
        (b"not json at all", "x.jsonl", "jsonl"),  # the extension breaks the tie
        (b"<p>One.</p><p>Two.</p><p>Three.</p>", "frag", "html"),
        (b"<p>fragment</p>", "frag.htm", "html"),
        (b"<script>alert(1)</script> Police said 4 died.", "evil.txt", "text"),
        (b"<b>Breaking</b>: two died.", "x.txt", "text"),
        (b"Police said two died.", "x.html", "text"),  # content wins over the extension
        (b"---\ntitle: x\n---\nBody", "x.md", "text"),
        ("\ufeff<html>".encode("utf-16"), "x", "html"),
        (b"", "", "text"),
    ],
)
def test_sniff(head: bytes, name: str, fmt: str) -> None:
    assert sniff(head, name) == fmt


def test_text_report_starting_like_json_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "update.txt"
    path.write_text("[Updated] " + STORY)
    (art,) = read_paths([path]).articles
    assert art.format == "text" and art.text.startswith("[Updated]")


def test_html_in_a_txt_file_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_bytes((DATA / "page.html").read_bytes())
    (art,) = read_paths([path]).articles
    assert art.format == "html" and art.key == "saved"


# --- HTML -----------------------------------------------------------------------------------


def test_html_page_text_and_metadata() -> None:
    (art,) = read_paths([DATA / "page.html"]).articles
    assert art.format == "html"
    assert art.key == "page"
    assert art.title == "Gunmen kill nine in Garissa market attack"
    assert art.author == "Amina Hassan"
    assert art.outlet == "Coastal Wire"
    assert (art.date, art.date_source, art.date_precision) == (
        "2026-03-14T09:45:00+03:00", "html_meta", "second",
    )
    assert art.url == "https://coastalwire.example/news/2026/03/14/garissa-market-attack"
    assert art.language == "en"
    assert art.credits == ("Reuters",)
    assert art.meta["tags"] == ["Kenya", "Garissa", "attack"]
    paras = art.text.split("\n\n")
    assert paras[0].startswith("GARISSA, Kenya (Reuters) - Gunmen killed at least nine")
    assert any(p.startswith("The county governor, Amina Yusuf") for p in paras)
    # Scripts, styles, navigation, the sidebar and the footer are not story text.
    for junk in ("should never appear", "color: red", "Most read", "Football scores",
                 "All rights reserved", "Home"):
        assert junk not in art.text
    # The headline repeated above the text, share and cookie lines: removed and recorded.
    removed = {(r.kind, r.text) for r in art.removed}
    assert ("title", "Gunmen kill nine in Garissa market attack") in removed
    assert ("promo", "Share this article") in removed
    assert ("promo", "We use cookies to improve your experience on our site.") in removed
    assert "Share this article" not in art.text


def test_html_date_from_the_url_then_the_text() -> None:
    page = (b"<html><head><title>Fire</title></head><body><article><p>"
            + STORY.encode() + b"</p><p>" + MORE.encode() + b"</p></article></body></html>")
    art = parse_html(page, "a.html", url="https://x.example/2015/11/06/fire")
    assert (art.date, art.date_source, art.date_precision) == ("2015-11-06", "url", "day")
    assert art.url == "https://x.example/2015/11/06/fire"
    dated = page.replace(b"<article><p>", b"<article><p>Published: Nov. 6, 2015</p><p>")
    art = parse_html(dated, "a.html")
    assert (art.date, art.date_source) == ("2015-11-06", "text")


def test_html_json_ld_metadata() -> None:
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": "Blast in Quetta", "datePublished": "2026-01-31T08:30:00+05:00",
                     "author": [{"@type": "Person", "name": "A. Writer"}],
                     "publisher": {"@type": "Organization", "name": "Example Daily"}})
    page = (f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
            f"<article><p>{STORY}</p><p>{MORE}</p></article></body></html>").encode()
    art = parse_html(page, "x.html")
    assert (art.title, art.author, art.outlet) == ("Blast in Quetta", "A. Writer", "Example Daily")
    assert (art.date, art.date_source) == ("2026-01-31T08:30:00+05:00", "html_meta")


def test_short_html_page_falls_back_to_body_text() -> None:
    art = parse_html(f"<html><body><p>{STORY}</p></body></html>".encode(), "short.html")
    assert art.text == STORY


@pytest.mark.parametrize(
    ("page", "message"),
    [
        (b"", "empty file"),
        (b"<html>\x00\x01binary</html>", "binary file, not a text report"),
        (b"<html><body><script>x()</script><img src=a.png></body></html>",
         "no article text found"),
    ],
)
def test_bad_html(page: bytes, message: str) -> None:
    with pytest.raises(IngestError, match=message):
        parse_html(page, "bad.html")


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    html = "<div><p>One <b>bold</b> line.</p><script>x()</script><ul><li>Two</li></ul>Three</div>"
    assert html_to_text(html) == "One bold line.\n\nTwo\n\nThree"
    assert html_to_text("") == ""


# --- JSON lines and JSON --------------------------------------------------------------------


def test_jsonl_articles_fields_and_meta() -> None:
    result = read_paths([DATA / "articles.jsonl"])
    arts = {a.key: a for a in result.articles}
    assert list(arts) == ["cw-1", "hn-2", "articles-8"]
    cw = arts["cw-1"]
    assert (cw.format, cw.title, cw.outlet, cw.url) == (
        "jsonl", "Gunmen kill nine in Garissa", "Coastal Wire",
        "https://coastalwire.example/news/garissa",
    )
    assert (cw.date, cw.date_source, cw.date_precision) == ("2026-03-14", "record", "day")
    assert cw.meta == {"topic": "security", "tags": ["kenya", "attack"]}  # extra fields kept
    assert cw.text == ("Gunmen killed at least nine people in Garissa on Saturday, police "
                       "said.\n\nThree of the dead were police officers.")
    assert [r.text for r in cw.removed] == ["Advertisement"]
    assert cw.source.endswith("articles.jsonl:1")
    hn = arts["hn-2"]  # HTML in the text field, other field names
    assert (hn.title, hn.text) == ("Governor speaks",
                                   "The governor said forces were pursuing the attackers.")
    assert (hn.date, hn.date_precision) == ("2026-03-15T08:00:00+03:00", "second")
    assert arts["articles-8"].title is None  # no id: file stem and line number


def test_jsonl_errors_name_the_line() -> None:
    path = DATA / "articles.jsonl"
    assert errors_of([path]) == [
        f"{path}:4: malformed JSON (Invalid control character at, column 41)",
        f"{path}:5: expected a JSON object, got list",
        f"{path}:6: no text field (looked for text, content, body, articlebody, "
        "article_body, maintext, ...)",
        f"{path}:7: empty text",
    ]
    err = read_paths([path]).errors[0]
    assert (err.source, err.line) == (str(path), 4)


def test_jsonl_each_non_blank_line_is_one_item() -> None:
    lines = [json.dumps({"text": f"Story {i} of the day."}) for i in range(5)]
    lines.insert(2, "{broken")
    items = list(iter_jsonl(io.BytesIO("\n".join(lines).encode()), "x.jsonl"))
    assert [type(i).__name__ for i in items] == ["Article"] * 2 + ["IngestError"] + ["Article"] * 3
    assert isinstance(items[2], IngestError) and items[2].line == 3


def test_jsonl_line_too_long_and_bad_bytes() -> None:
    data = (json.dumps({"text": "x" * 500}) + "\n" + '{"text": "caf\xe9"}\n'
            + json.dumps({"text": STORY}) + "\n").encode("latin-1")
    items = list(iter_jsonl(io.BytesIO(data), "x.jsonl", max_bytes=100))
    assert [str(i) for i in items[:2]] == [
        "x.jsonl:1: line too long (more than 100 bytes; the limit is 100)",
        "x.jsonl:2: not UTF-8 text (invalid byte 0xe9 at column 14)",
    ]
    assert items[2].text == STORY  # type: ignore[union-attr]


def test_json_file_with_a_list_of_articles() -> None:
    result = read_paths([DATA / "articles.json"])
    assert [(a.key, a.format) for a in result.articles] == [("j1", "json"), ("j3", "json")]
    assert result.articles[0].date == "2026-03-14T09:45:00+00:00"
    assert [e.message for e in result.errors] == ["item 2: empty text"]


def test_json_variants() -> None:
    (one,) = list(iter_json(json.dumps({"text": STORY, "title": "T"}), "one.json"))
    assert one.title == "T"  # type: ignore[union-attr]
    with pytest.raises(IngestError, match=r"malformed JSON \(Expecting"):
        list(iter_json("[{", "bad.json"))
    with pytest.raises(IngestError, match="empty JSON list"):
        list(iter_json("[]", "empty.json"))
    with pytest.raises(IngestError, match="expected a JSON object or list, got int"):
        list(iter_json("3", "n.json"))


def test_malformed_json_file_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[{"text": "a"')
    assert [e.message for e in read_paths([path]).errors] == [
        "malformed JSON (Expecting ',' delimiter, line 1, column 14)"
    ]


# --- feeds ----------------------------------------------------------------------------------


def test_rss_feed_every_entry_is_an_article() -> None:
    result = read_paths([DATA / "feed.rss"])
    first, second = result.articles
    assert (first.format, first.outlet, first.author, first.language) == (
        "feed", "Horizon News", "John Otieno", "en",
    )
    assert first.title == "Nine killed in Garissa market attack"
    assert first.url == "https://horizon.example/2026/03/14/garissa-attack"
    assert (first.date, first.date_source) == ("2026-03-14T10:30:00+03:00", "feed")
    # content:encoded, not the short description, paragraph by paragraph.
    assert first.text == ("Gunmen killed at least nine people in an attack on a market in "
                          "Garissa on Saturday, police said.\n\nThree of the dead were police "
                          "officers, commander Daniel Mwangi said.")
    assert first.meta["guid"] == "horizon-1001" and first.meta["tags"] == ["Kenya"]
    assert first.key == "garissa-attack" and first.source.endswith("feed.rss#1")
    assert second.text.startswith("The governor of Garissa county")  # escaped HTML summary
    assert [str(e) for e in result.errors] == [
        f"{DATA / 'feed.rss'}: entry 3 (Photo gallery): no text"
    ]


def test_atom_feed() -> None:
    (art,) = read_paths([DATA / "feed.atom"]).articles
    assert (art.title, art.author, art.outlet, art.language) == (
        "Neuf morts dans une attaque à Garissa", "Claire Martin", "Le Monde Exemple", "fr",
    )
    assert art.date == "2026-03-14T11:00:00+00:00"
    assert art.meta["modified"] == "2026-03-14T12:00:00+00:00"
    assert art.text.startswith("Des hommes armés ont tué")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<?xml version='1.0'?><rss><channel><title>x</title></channel></rss>",
         "feed has no entries"),
        (b"<rss version='2.0'><channel><title>broken", "malformed feed"),
    ],
)
def test_bad_feeds(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "x.rss"
    path.write_bytes(data)
    assert message in errors_of([path])[0]


def test_other_xml_is_refused() -> None:
    assert errors_of([DATA / "sitemap.xml"]) == [
        f"{DATA / 'sitemap.xml'}: XML, but neither an RSS/Atom feed nor an HTML page"
    ]


# --- WARC -----------------------------------------------------------------------------------


def _page(title: str, body: str) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><article><p>{body}</p>"
            f"<p>{MORE}</p></article></body></html>").encode()


def write_warc(path: Path, compress: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=compress)

        def response(uri: str, payload: bytes, status: str = "200 OK",
                     ctype: str = "text/html; charset=utf-8") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(payload), http_headers=headers))

        request = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "x.example")],
                                   is_http_request=True)
        writer.write_record(writer.create_warc_record(
            "https://x.example/a", "request", payload=io.BytesIO(b""), http_headers=request))
        response("https://x.example/news/2026/03/14/attack", _page("Attack", STORY))
        response("https://x.example/logo.png", b"\x89PNG....", ctype="image/png")
        response("https://x.example/gone", b"<html>Not found</html>", status="404 Not Found")
        response("https://x.example/news/governor",
                 _page("Governor", "The governor said the attackers fled to the border."))


@pytest.mark.parametrize("compress", [True, False])
def test_warc_reads_html_responses_only(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    write_warc(path, compress)
    result = read_paths([path])
    assert [a.key for a in result.articles] == ["attack", "governor"]
    first = result.articles[0]
    assert first.format == "warc"
    assert first.url == "https://x.example/news/2026/03/14/attack"
    assert (first.date, first.date_source) == ("2026-03-14", "url")
    assert "crawled" in first.meta and "warc_record_id" in first.meta
    assert first.text == f"{STORY}\n\n{MORE}"
    assert result.errors == []
    assert len(result.warnings) == 1 and "skipped 3 WARC record(s)" in result.warnings[0]


def test_truncated_warc_keeps_the_pages_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 200])
    result = read_paths([cut])
    assert [a.key for a in result.articles] == ["attack"]
    assert len(result.errors) == 1 and str(cut) in str(result.errors[0])


# --- gzip -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["page.html", "feed.rss", "articles.jsonl", "dated.txt"])
def test_gzip_of_any_format(tmp_path: Path, name: str) -> None:
    plain = read_paths([DATA / name])
    path = tmp_path / f"{name}.gz"
    path.write_bytes(gzip.compress((DATA / name).read_bytes()))
    packed = read_paths([path])
    assert [a.text for a in packed.articles] == [a.text for a in plain.articles]
    assert [a.key for a in packed.articles] == [a.key for a in plain.articles]
    assert len(packed.errors) == len(plain.errors)


def test_gzip_without_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_bytes(gzip.compress(STORY.encode()))
    assert [a.text for a in read_paths([path]).articles] == [STORY]


def test_truncated_gzip(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(STORY.encode() * 50)[:-30])
    assert errors_of([path]) == [
        f"{path}: truncated gzip file (the compressed data ends early)"
    ]


def test_truncated_gzip_of_json_lines_keeps_the_lines_before(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": f"Story number {i} of many."}) + "\n"
                    for i in range(2000))
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(lines.encode(), compresslevel=1)[:-2000])
    result = read_paths([path])
    assert 0 < len(result.articles) < 2000
    (err,) = result.errors
    assert err.message.startswith("truncated gzip file") and "article(s)" in err.message


def test_corrupt_gzip(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    data = bytearray(gzip.compress(STORY.encode() * 50))
    data[20:30] = b"\xff" * 10
    path.write_bytes(bytes(data))
    (err,) = read_paths([path]).errors
    assert "gzip" in err.message or "cannot read" in err.message


def test_gzip_bomb_is_capped(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a " * 5_000_000))
    assert errors_of([path], max_bytes=1000) == [
        f"{path}: file too large (more than 1,000 bytes; the limit is 1,000)"
    ]


# --- folders, standard input, URLs ----------------------------------------------------------


def test_folder_walk_picks_every_format(tmp_path: Path) -> None:
    for name in ("page.html", "feed.rss", "articles.jsonl", "feed.atom", "dated.txt"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "story.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    (tmp_path / "manifest.json").write_text('{"not": "a report"}')  # skipped in walks
    (tmp_path / "notes.csv").write_text("a,b")
    result = read_paths([tmp_path])
    formats = sorted({a.format for a in result.articles})
    assert formats == ["feed", "html", "jsonl", "text"]
    assert any(a.key == "story" and a.text == STORY for a in result.articles)
    assert not any("manifest" in a.source for a in result.articles)


def test_stdin_text_and_jsonl() -> None:
    result = read_paths(["-"], stdin=io.BytesIO(STORY.encode()))
    assert [(a.source, a.key, a.text) for a in result.articles] == [("-", "stdin", STORY)]
    lines = b'{"text": "One died."}\n{"text": "Two died."}\n'
    result = read_paths(["-"], stdin=io.BytesIO(gzip.compress(lines)))
    assert [a.text for a in result.articles] == ["One died.", "Two died."]


def test_cli_reads_standard_input(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    res = CliRunner().invoke(main, ["ingest", "-", "--db", str(db), "--json"],
                             input='{"text": "Two people died in Garissa."}\n')
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["added"] == 1


def test_urls_are_not_fetched_without_the_flag() -> None:
    result = read_paths(["https://example.com/news/a"])
    assert [str(e) for e in result.errors] == [
        "https://example.com/news/a: is a URL; fetching is off (pass --allow-fetch to "
        "download it)"
    ]


@pytest.fixture()
def local_server(tmp_path: Path) -> Iterator[str]:
    """A web server on localhost serving tests/data/ingest/formats (no internet needed)."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(DATA), **kwargs)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_fetch_with_the_flag(local_server: str) -> None:
    result = read_paths([f"{local_server}/page.html", f"{local_server}/missing.html"],
                        allow_fetch=True)
    (art,) = result.articles
    assert art.format == "html" and art.title == "Gunmen kill nine in Garissa market attack"
    assert art.source == f"{local_server}/page.html"
    assert [e.message for e in result.errors] == ["cannot fetch (HTTP 404 File not found)"]


# --- limits and batches ---------------------------------------------------------------------


def test_size_cap_per_document(tmp_path: Path) -> None:
    (tmp_path / "big.html").write_bytes((DATA / "page.html").read_bytes())
    (tmp_path / "ok.txt").write_text(STORY)
    result = read_paths([tmp_path], max_bytes=500)
    assert [a.key for a in result.articles] == ["ok"]
    assert result.errors[0].message.startswith("file too large (1,")


def test_big_json_lines_file_is_streamed_not_capped(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"text": f"Story {i}: two died."}) + "\n"
                            for i in range(300)))
    assert path.stat().st_size > 5000
    result = read_paths([path], max_bytes=1000)  # the cap is per line, not per file
    assert len(result.articles) == 300 and not result.errors


def test_one_bad_item_never_stops_the_batch(tmp_path: Path) -> None:
    (tmp_path / "1.html").write_bytes(b"<html><body></body></html>")
    (tmp_path / "2.jsonl").write_text('{"text": "One died."}\nnot json\n{"text": "Two died."}\n')
    (tmp_path / "3.rss").write_text("<rss><channel><item>")
    (tmp_path / "4.txt.gz").write_bytes(b"\x1f\x8b\x08\x00broken")
    (tmp_path / "5.txt").write_text(STORY)
    result = read_paths([tmp_path])
    assert [a.text for a in result.articles] == ["One died.", "Two died.", STORY]
    assert len(result.errors) == 4


def test_iter_articles_streams_with_callbacks() -> None:
    errors: list[IngestError] = []
    arts = iter_articles([DATA / "articles.jsonl"], on_error=errors.append)
    first = next(arts)
    assert first.key == "cw-1" and errors == []  # nothing read beyond what was asked
    rest = list(arts)
    assert len(rest) == 2 and len(errors) == 4


def test_cli_max_bytes_and_fetch_flags(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    res = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db",
                                    str(tmp_path / "c.db"), "--max-bytes", "10", "--json"])
    assert res.exit_code == 2
    assert "file too large" in json.loads(res.output)["errors"][0]
    res = CliRunner().invoke(main, ["ingest", "https://example.com/a", "--db",
                                    str(tmp_path / "c.db")])
    assert res.exit_code == 2 and "--allow-fetch" in res.output
