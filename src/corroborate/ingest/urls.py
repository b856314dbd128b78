"""URLs: the page behind a web-archive snapshot, a stable key per page, a short name.

    >>> original_url("http://web.archive.org/web/20151108234928/http://www.x.com:80/a/b")
    'http://www.x.com:80/a/b'
    >>> url_key("https://www.Example.com/news/fire/?utm_source=tw#top")
    'example.com/news/fire'
    >>> url_key("http://web.archive.org/web/2015/http://example.com:80/news/fire")
    'example.com/news/fire'
    >>> key_from_url("https://example.com/news/2015/11/06/fire-kills-two.html")
    'fire-kills-two'
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

__all__ = ["is_url", "key_from_url", "original_url", "url_key"]

_WAYBACK = re.compile(r"^https?://(?:web\.)?archive\.org/web/\d{1,14}[a-z_]*/(.+)$", re.I)
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|ncid|_ga|"
                       r"ito|icid|mbid|smid|ref|referrer|s_cid)$", re.I)


def is_url(text: str) -> bool:
    """Whether ``text`` is an http(s) URL (what ``--allow-fetch`` downloads)."""
    return re.match(r"^https?://\S+$", text.strip(), re.I) is not None


def original_url(url: str) -> str:
    """The page a web-archive URL is a snapshot of (``web.archive.org/web/<stamp>/<url>``)."""
    url = url.strip()
    m = _WAYBACK.match(url)
    if not m:
        return url
    inner = m.group(1)
    return inner if re.match(r"^[a-z][a-z0-9+.-]*://", inner, re.I) else "http://" + inner


def url_key(url: str | None) -> str | None:
    """A key that is the same for every address of one page, or None for a non-URL.

    Scheme, ``www.``, default ports, the fragment, a trailing slash, tracking parameters
    (``utm_*``, ``fbclid``, ...) and a web-archive wrapper are dropped; the host is
    lower-cased; other query parameters are kept in sorted order (they may name the
    article: ``?id=123``).
    """
    if not url:
        return None
    try:
        parts = urlsplit(original_url(url))
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").lower().rstrip(".")
    if not host or parts.scheme.lower() not in ("http", "https", ""):
        return None
    host = host.removeprefix("www.")
    if port not in (None, 80, 443):
        host = f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path).rstrip("/")
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not _TRACKING.match(k))
    return host + path + (f"?{urlencode(query)}" if query else "")


def key_from_url(url: str | None) -> str | None:
    """A short name for a page: its last path segment without extension, else the host."""
    if not url:
        return None
    try:
        parts = urlsplit(original_url(url))
    except ValueError:
        return None
    segments = [s for s in parts.path.split("/") if s]
    while segments and re.fullmatch(r"(?:index|default)(?:\.\w+)?|\d{1,4}|amp", segments[-1],
                                    re.I):
        segments.pop()  # ".../2015/11/fire/index.html" -> "fire"
    if segments:
        name = re.sub(r"\.(?:s?html?|php|aspx?|jsp|cms)$", "", segments[-1], flags=re.I)
        if name:
            return name[:80]
    host = (parts.hostname or "").removeprefix("www.")
    return host or None
