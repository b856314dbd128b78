"""``corroborate serve``: run the app with uvicorn, safely by default.

Binds 127.0.0.1 unless told otherwise. On any other address a token is required: the one
given with ``--token`` (or ``CORROBORATE_TOKEN``), else a random one, printed with the
address to open.
"""

from __future__ import annotations

import ipaddress
import re
import secrets
from collections.abc import Callable
from pathlib import Path

from corroborate.web.security import LOOPBACK_HOSTS

TOKEN_RE = re.compile(r"[A-Za-z0-9._~-]{16,200}")


class ServeError(Exception):
    """Bad options: the message says which."""


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.strip("[]").lower() in LOOPBACK_HOSTS or host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def plan(host: str, token: str | None) -> tuple[str | None, frozenset[str] | None]:
    """The token to require and the Host headers to answer, for this address.

    On loopback: the given token (None: none required) and only loopback Host headers
    (against DNS rebinding). Elsewhere: a token always (a random one if none was given)
    and any Host header.
    """
    if token is not None and not TOKEN_RE.fullmatch(token):
        raise ServeError("--token must be 16-200 characters of A-Z a-z 0-9 . _ ~ -")
    if is_loopback(host):
        return token, LOOPBACK_HOSTS | {host.lower()}
    return token or secrets.token_urlsafe(24), None


def serve(
    db: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    read_only: bool = False,
    token: str | None = None,
    log_level: str = "info",
    echo: Callable[[str], None] = print,
) -> None:
    """Serve ``db`` until interrupted. Raises :class:`ServeError` for bad options and
    :class:`~corroborate.store.StoreError` when the store cannot be opened."""
    import uvicorn

    from corroborate.web.app import WebSettings, create_app

    if str(db) == ":memory:":
        raise ServeError("serve needs a store file, not :memory:")
    required, hosts = plan(host, token)
    app = create_app(WebSettings(db=db, read_only=read_only, token=required,
                                 allowed_hosts=hosts))
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    echo(f"Serving {db}{' (read-only)' if read_only else ''} at {url}"
         + (f"?token={required}" if required else ""))
    if required and token is None:
        echo("A token is required on this address; the one above was made for this run "
             "(pass --token to choose one).")
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False,
                proxy_headers=False, access_log=log_level == "debug")
