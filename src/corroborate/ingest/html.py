"""Read a saved web page: the article's main text (trafilatura) and its metadata.

    >>> page = (b"<html lang='en-GB'><head><title>Blast kills two | Daily Example</title>"
    ...         b"<meta property='article:published_time' content='2026-01-31T08:30:00Z'>"
    ...         b"<link rel='canonical' href='https://example.com/news/blast'></head><body>"
    ...         b"<article><h1>Blast kills two</h1><p>Two people were killed in a blast in "
    ...         b"the market on Saturday, police said.</p><p>Share this article</p></article>"
    ...         b"</body></html>")
    >>> art = parse_html(page, "saved/blast.html")
    >>> art.format, art.title, art.date, art.date_source, art.language
    ('html', 'Blast kills two', '2026-01-31T08:30:00+00:00', 'html_meta', 'en')
    >>> art.url
    'https://example.com/news/blast'
    >>> art.text
    'Two people were killed in a blast in the market on Saturday, police said.'

The main text comes from trafilatura (comments excluded); each extracted line is a
paragraph, and the same cleaning as for text reports runs on it (promotional lines,
captions, bylines, filler, doubled words), with every removal recorded. Page furniture
that trafilatura leaves out (menus, sidebars, comments) is not recorded: the page is the
record of that. Nothing here touches the network.
"""

from __future__ import annotations

import copy
import json
import logging
import re
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from corroborate.ingest.clean import clean
from corroborate.ingest.dates import FoundDate, date_from_text, date_from_url, parse_date
from corroborate.ingest.errors import IngestError
from corroborate.ingest.urls import key_from_url
from corroborate.model import Article, Removal

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["html_to_text", "parse_html"]

# trafilatura and htmldate log every page they give up on; a report tool says it once.
for _name in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

# Publication-date metadata, most specific first (OpenGraph, schema.org, Dublin Core,
# CMS-specific names).
_DATE_KEYS = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "article.published", "published_time", "publishdate", "publish-date",
    "publish_date", "pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued",
    "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created",
    "citation_publication_date", "originalpublicationdate", "article_date_original",
    "rnews:datepublished", "date", "displaydate", "cxenseparse:recs:publishtime",
)
_MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                  "last-modified", "lastmod")
_LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{2,8})*$")
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "object", "embed",
              "form", "button", "select", "textarea")
_BLOCK_TAGS = frozenset(
    """p div br li h1 h2 h3 h4 h5 h6 blockquote tr section article header footer figcaption
    figure pre ul ol table dd dt main aside nav address hr""".split()
)


def _meta(tree: HtmlElement) -> dict[str, str]:
    """``<meta>`` and ``itemprop`` values by lower-cased name/property (first one wins)."""
    out: dict[str, str] = {}
    for el in tree.iter("meta"):
        name = (el.get("property") or el.get("name") or el.get("itemprop")
                or el.get("http-equiv") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if name and value:
            out.setdefault(name, value)
    for el in tree.xpath("//*[@itemprop]"):
        name = str(el.get("itemprop", "")).strip().lower()
        if el.tag == "meta" or name not in ("datepublished", "datemodified"):
            continue
        value = (el.get("datetime") or el.get("content") or el.text_content() or "").strip()
        if value:
            out.setdefault(name, value)
    return out


def _json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """The objects of every JSON-LD block (``@graph`` flattened); broken blocks skipped."""
    found: list[dict[str, Any]] = []

    def walk(node: Any, depth: int = 0) -> None:
        if depth > 6:
            return
        if isinstance(node, list):
            for item in node:
                walk(item, depth + 1)
        elif isinstance(node, dict):
            found.append(node)
            if "@graph" in node:
                walk(node["@graph"], depth + 1)

    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            walk(json.loads(script.text or ""))
        except (ValueError, RecursionError):
            continue
    return found


def _ld_value(objects: list[dict[str, Any]], key: str) -> str | None:
    # Prefer the article object over the web page or the breadcrumb list.
    def rank(obj: dict[str, Any]) -> int:
        kind = str(obj.get("@type", ""))
        return 0 if "Article" in kind or "Posting" in kind else 1

    for obj in sorted(objects, key=rank):
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _clean(value: Any) -> str | None:
    text = " ".join(str(value or "").split())
    return text or None


def _person(value: Any) -> str | None:
    """An author given as metadata: a name, a list of names, or schema.org Person objects."""
    if isinstance(value, list):
        names = [n for n in (_person(v) for v in value[:5]) if n]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        return _person(value.get("name"))
    name = _clean(value)
    if not name or re.match(r"^(?:https?:|www\.)", name) or len(name) > 120:
        return None  # "article:author" is often a profile URL
    return re.sub(r"^by\s+", "", name, flags=re.IGNORECASE) or None


def _title(tree: HtmlElement, meta: dict[str, str], ld: list[dict[str, Any]],
           site: str | None) -> str | None:
    h1s = [_clean(h.text_content()) for h in tree.iter("h1")]
    h1s = [h for h in h1s if h]
    for value in (meta.get("og:title"), meta.get("twitter:title"), _ld_value(ld, "headline"),
                  h1s[0] if len(h1s) == 1 else None):
        title = _clean(value)
        if title:
            return _strip_site(title, site)
    el = tree.find(".//title")
    title = _clean(el.text_content()) if el is not None else None
    if title:
        return _strip_site(title, site)
    return h1s[0] if h1s else None


def _strip_site(title: str, site: str | None) -> str:
    """"Blast kills two | Daily Example" -> "Blast kills two"."""
    parts = re.split(r"\s+[|–—·:»-]\s+", title)
    if len(parts) > 1:
        last = parts[-1].casefold()
        if (site and (last == site.casefold() or site.casefold() in last)) or len(
            parts[-1].split()
        ) <= 3 < len(" ".join(parts[:-1]).split()):
            return " - ".join(parts[:-1]) if len(parts) > 2 else parts[0]
    return title


def _site_name(meta: dict[str, str], ld: list[dict[str, Any]]) -> str | None:
    for obj in ld:
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and _clean(publisher.get("name")):
            return _clean(publisher.get("name"))
    return _clean(meta.get("og:site_name") or meta.get("application-name")
                  or meta.get("twitter:site", "").lstrip("@") or None)


def _authors(meta: dict[str, str], ld: list[dict[str, Any]]) -> str | None:
    for obj in ld:
        if "Article" in str(obj.get("@type", "")) or "Posting" in str(obj.get("@type", "")):
            name = _person(obj.get("author"))
            if name:
                return name
    for key in ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                "byl", "twitter:creator"):
        name = _person(meta.get(key))
        if name and not name.startswith("@"):
            return name
    return None


_AUTHOR_XPATH = ("//*[@itemprop='author']//*[@itemprop='name']|//a[@rel='author']"
                 "|//*[@itemprop='author']")


def _author_in_page(tree: HtmlElement) -> str | None:
    """A byline marked up in the page (``rel=author``, ``itemprop=author``)."""
    for el in tree.xpath(_AUTHOR_XPATH)[:3]:
        name = _person(el.get("content") or el.text_content())
        if name and len(name.split()) <= 6:
            return name
    return None


def _keywords(meta: dict[str, str]) -> tuple[list[str], list[str]]:
    section = [s for s in (_clean(meta.get("article:section")),) if s]
    tags = [t.strip() for t in (meta.get("keywords") or meta.get("news_keywords") or "")
            .split(",") if t.strip()][:30]
    return section, tags


def _html_date(meta: dict[str, str], ld: list[dict[str, Any]]) -> FoundDate | None:
    candidates = [meta.get(k) for k in _DATE_KEYS[:4]]
    candidates.append(_ld_value(ld, "datePublished"))
    candidates.extend(meta.get(k) for k in _DATE_KEYS[4:])
    for value in candidates:
        found = parse_date(value) if value else None
        if found:
            return FoundDate(found[0], found[1], "html_meta")
    return None


def _language(tree: HtmlElement, meta: dict[str, str]) -> str | None:
    for value in (
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        meta.get("content-language"),
        meta.get("language"),
        meta.get("og:locale"),
    ):
        m = _LANG.match((value or "").strip())
        if m:
            return m.group(1).lower()
    return None


def _canonical(tree: HtmlElement, meta: dict[str, str], base: str | None) -> str | None:
    hrefs = [str(h) for h in tree.xpath("//link[@rel='canonical']/@href")]
    for value in [*hrefs, meta.get("og:url")]:
        value = (value or "").strip()
        if value and not value.startswith(("javascript:", "#")):
            url = urljoin(base, value) if base else value
            if re.match(r"^https?://", url, re.I):
                return url
    return None


_FURNITURE_TAGS = ("nav", "aside", "footer", "menu")


def html_to_text(fragment: str | HtmlElement, *, page: bool = False) -> str:
    """Plain text of some HTML (a feed entry's content, a whole page as a fallback): one
    paragraph per block element, separated by blank lines; scripts and styles dropped, and
    for a ``page`` its navigation, sidebars and footer too."""
    from lxml import html as lxml_html
    from lxml.etree import ParserError

    if isinstance(fragment, str):
        if not fragment.strip():
            return ""
        try:
            root = lxml_html.fragment_fromstring(fragment, create_parent="div")
        except (ParserError, ValueError):
            return " ".join(re.sub(r"<[^>]*>", " ", fragment).split())
    else:
        root = fragment
    for el in list(root.iter(*_DROP_TAGS, *(_FURNITURE_TAGS if page else ()))):
        if el.getparent() is not None:
            el.drop_tree()
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    paras = (" ".join(p.split()) for p in re.split(r"\n\s*\n", "".join(parts)))
    return "\n\n".join(p for p in paras if p)


def _decode(data: bytes, source: str, encoding: str | None) -> str | bytes:
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise IngestError(source, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            bad = exc.object[exc.start : exc.start + 1].hex()
            raise IngestError(
                source, f"not {encoding} text (invalid byte 0x{bad} at offset {exc.start})"
            ) from None
    return data  # trafilatura reads the charset from the page or guesses it


def parse_html(
    data: bytes | str,
    source: str,
    *,
    url: str | None = None,
    key: str | None = None,
    encoding: str | None = None,
    max_bytes: int | None = None,
    extra_meta: dict[str, Any] | None = None,
) -> Article:
    """Parse one saved web page into an Article.

    ``url`` is where the page was fetched from (a crawl's target URI), used when the page
    names no canonical URL and to resolve relative links. Raises :class:`IngestError`
    for an empty, binary or oversized page, or one with no main text.
    """
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    size = len(data.encode("utf-8") if isinstance(data, str) else data)
    if max_bytes is not None and size > max_bytes:
        raise IngestError(source, f"file too large ({size:,} bytes; the limit is {max_bytes:,})")
    if isinstance(data, bytes):
        if not data.strip():
            raise IngestError(source, "empty file")
        if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise IngestError(source, "binary file, not a text report")
        content: str | bytes = _decode(data, source, encoding)
    else:
        content = data
    try:
        tree = load_html(content)
    except (ValueError, TypeError) as exc:
        raise IngestError(source, f"cannot parse the HTML ({exc})") from None
    if tree is None:
        raise IngestError(source, "cannot parse the HTML (not an HTML document)")

    meta_tags = _meta(tree)
    ld = _json_ld(tree)
    canonical = _canonical(tree, meta_tags, url) or url
    found_date = _html_date(meta_tags, ld)
    language = _language(tree, meta_tags)
    modified = next((meta_tags[k] for k in _MODIFIED_KEYS if k in meta_tags), None) or _ld_value(
        ld, "dateModified"
    )

    site = _site_name(meta_tags, ld)
    title = _title(tree, meta_tags, ld, site)
    try:
        # Metadata is read above (faster than trafilatura's, and with precisions).
        doc = bare_extraction(tree, url=canonical, include_comments=False, include_tables=True)
    except Exception as exc:  # trafilatura is third-party code on untrusted input
        raise IngestError(source, f"cannot extract the main text ({type(exc).__name__})") from None
    raw_text = str(getattr(doc, "text", None) or "") if doc is not None else ""
    if not raw_text.strip():
        # Too little for trafilatura's heuristics (a short page): take the body's text.
        body = tree.find(".//body")
        raw_text = html_to_text(copy.deepcopy(body if body is not None else tree), page=True)
    # Each extracted line is a paragraph: keep them apart so cleaning never joins two.
    text = "\n\n".join(ln.strip() for ln in raw_text.splitlines() if ln.strip())
    cleaned = clean(text)
    removed: list[Removal] = []
    body_text = cleaned.text
    if title and body_text:
        first, _, rest = body_text.partition("\n\n")
        if " ".join(first.split()).casefold() == title.casefold():
            removed.append(
                Removal(kind="title", text=first, reason="headline repeated above the text")
            )
            body_text = rest
    if not body_text:
        raise IngestError(source, "no article text found in the HTML page")
    removed.extend(cleaned.removed)

    date: FoundDate | None = found_date
    if date is None:
        from_url = date_from_url(canonical) or date_from_url(url)
        if from_url:
            date = FoundDate(from_url[0], from_url[1], "url")
    if date is None:
        date = cleaned.date  # a metadata line's ("Dnipro Daily | 19 November 2026")
    if date is None:
        from_text = date_from_text(raw_text)
        if from_text:
            date = FoundDate(from_text[0], from_text[1], "text")

    meta: dict[str, Any] = dict(extra_meta or {})
    description = _clean(meta_tags.get("og:description") or meta_tags.get("description"))
    if description:
        meta["description"] = description
    categories, tags = _keywords(meta_tags)
    if categories:
        meta["categories"] = categories
    if tags:
        meta["tags"] = tags
    if modified:
        parsed = parse_date(modified)
        meta["modified"] = parsed[0] if parsed else modified
    if url and canonical and url != canonical:
        meta["fetched_url"] = url
    if any(r.kind == "disclaimer" and "syndicated" in r.reason for r in cleaned.removed):
        meta["syndicated"] = True

    author = _authors(meta_tags, ld) or cleaned.byline or _author_in_page(tree)
    outlet = site or cleaned.outlet
    return Article.create(
        text=body_text,
        source=source,
        key=key or PurePath(source).stem or key_from_url(canonical) or "page",
        format="html",
        title=title,
        outlet=outlet,
        author=author or None,
        date=date.value if date else None,
        date_source=date.source if date else None,
        date_precision=date.precision if date else None,
        url=canonical,
        language=language,
        removed=tuple(removed),
        credits=cleaned.credits,
        meta=meta,
    )
