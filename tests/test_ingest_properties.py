"""Properties of the readers on arbitrary input: nothing crashes (only IngestError comes
out), and no text is lost silently (every character is in the article or a removal)."""

from __future__ import annotations

import gzip
import io
import json
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborate.ingest import IngestError, parse_document, read_paths
from corroborate.ingest.detect import sniff
from corroborate.ingest.html import parse_html
from corroborate.ingest.records import iter_jsonl
from corroborate.model import Article

_PIECES = [
    "Two people were killed.", "Police said", "\n", "\n\n", "---\n", "+++\n", "title: x\n",
    "# Heading\n", "[link](http://x.y)", "<p>", "</p>", "<html>", "<rss>", "<?xml ?>", "{",
    "}", "[", "]", '"text": ', "WARC/1.0\r\n", "Share this article", "By Jane Doe",
    "Published: March 1, 2026", "(Reuters) -", "Photo: AP", "the the", "é", "\u2028", "\x0c",
    "\ufeff", "\t", "  ",
]
_texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=10)), max_size=40).map(
        "".join
    ),
)
_bytes = st.one_of(
    st.binary(max_size=600),
    _texts.map(lambda t: t.encode("utf-8")),
    _texts.map(lambda t: gzip.compress(t.encode("utf-8"))),
    _texts.map(lambda t: gzip.compress(t.encode("utf-8"))[:-5]),
    _texts.map(lambda t: t.encode("utf-16")),
)
_FAST = settings(max_examples=150, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])


def _chars(s: str) -> Counter[str]:
    return Counter(c.lower() for c in s if not c.isspace())


@_FAST
@given(_bytes, st.sampled_from(["a.txt", "a.md", "a.html", "a.jsonl", "a.json", "a.rss",
                                "a.warc", "a.gz", "noext"]))
def test_no_input_crashes_the_reader(data: bytes, name: str) -> None:
    result = read_paths(["-"], stdin=io.BytesIO(data))
    assert all(isinstance(a, Article) for a in result.articles)
    assert all(isinstance(e, IngestError) and "\n" not in str(e) for e in result.errors)
    assert sniff(data, name) in ("gzip", "warc", "feed", "html", "xml", "jsonl", "json", "text")


@_FAST
@given(_texts)
def test_text_is_never_silently_lost(text: str) -> None:
    """Every non-whitespace character of a text report ends up in the title, the text or
    a recorded removal (case aside: a letter after a removed filler is capitalised)."""
    try:
        art = parse_document(text.encode("utf-8"), "a.txt")
    except IngestError:
        return
    kept = _chars(art.text) + _chars(art.title or "")
    for r in art.removed:
        kept.update(_chars(r.text))
    # Front-matter values are parsed (quotes and YAML syntax go), so compare only bodies
    # without front matter; in Markdown, heading marks, bullets, list numbers and emphasis
    # are formatting: there every letter must survive.
    if any(r.kind == "front_matter" for r in art.removed):
        return
    lost = _chars(text.lstrip("\ufeff")) - kept
    if art.format == "markdown":
        lost = Counter({c: n for c, n in lost.items() if c.isalpha()})
    assert not lost, (text, art)


@_FAST
@given(st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["text", "title", "id", "date", "url", "x"]),
                    st.one_of(st.text(max_size=40), st.integers(), st.none()), max_size=5)
    .map(json.dumps),
    st.text(max_size=30).filter(lambda s: "\n" not in s and "\r" not in s),
), max_size=12))
def test_every_json_line_becomes_one_article_or_one_error(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8")
    items = list(iter_jsonl(io.BytesIO(data), "x.jsonl"))
    expected = sum(1 for ln in data.split(b"\n") if ln.strip())
    assert len(items) == expected
    for item in items:
        if isinstance(item, IngestError):
            assert item.line is not None


@_FAST
@given(st.lists(st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>", "</script>",
                                 "<meta name='author' content='A'>", "<title>T</title>",
                                 "Two people were killed.", "<br>", "&amp;", "<", ">",
                                 "<html lang='xx-YY'>", "<!-- c -->", "\x00"]),
                max_size=30).map("".join))
def test_html_reader_never_crashes(html: str) -> None:
    try:
        art = parse_html(html.encode("utf-8"), "x.html")
    except IngestError as exc:
        assert "\n" not in str(exc)
        return
    assert art.text and art.format == "html"
