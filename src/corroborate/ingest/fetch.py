"""Download one URL, only when the user asked for it (``--allow-fetch``).

Nothing else in Corroborate touches the network: a URL given without the flag is an
error that says so. Only ``http``/``https`` are fetched, with a timeout and the same size
cap as files; redirects are followed by urllib.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from corroborate.ingest.errors import IngestError
from corroborate.ingest.urls import is_url

__all__ = ["Fetched", "fetch"]

USER_AGENT = "corroborate/0.1 (+https://example.invalid/corroborate; news report reader)"


@dataclass(frozen=True)
class Fetched:
    """A downloaded page: its bytes, the final URL after redirects, its content type."""

    data: bytes
    url: str
    content_type: str


def fetch(url: str, *, max_bytes: int, timeout: float = 30.0) -> Fetched:
    """Download ``url`` (at most ``max_bytes``); raises :class:`IngestError` on failure."""
    if not is_url(url):
        raise IngestError(url, "not an http(s) URL")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept-Encoding": "identity"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            final = response.geturl()
            ctype = response.headers.get("Content-Type", "") or ""
    except urllib.error.HTTPError as exc:
        raise IngestError(url, f"cannot fetch (HTTP {exc.code} {exc.reason})") from None
    except urllib.error.URLError as exc:
        raise IngestError(url, f"cannot fetch ({exc.reason})") from None
    except (TimeoutError, OSError, ValueError) as exc:
        raise IngestError(url, f"cannot fetch ({exc})") from None
    if len(data) > max_bytes:
        raise IngestError(url, f"file too large (more than {max_bytes:,} bytes; the limit is "
                               f"{max_bytes:,})")
    return Fetched(data=data, url=final, content_type=ctype.lower())
