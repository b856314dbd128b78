"""The guard in front of every request (plain ASGI middleware).

* **Host check**: when served on loopback, only ``Host: 127.0.0.1 / localhost / [::1]`` is
  answered, so a web page cannot reach the app through DNS rebinding.
* **Token**: when a token is set (always when bound to another address), every request
  needs it: ``Authorization: Bearer <token>``, the cookie the app sets, or ``?token=`` once
  (a page then gets the cookie and is redirected to the same URL without it).
* **Cross-site writes**: a POST from another origin (``Sec-Fetch-Site`` other than
  ``same-origin``/``none``, or else an ``Origin`` that is not this host) is refused.
* **Body size**: a request body over the limit is refused (413), by its Content-Length
  before reading and while streaming otherwise.
* **Headers**: a Content-Security-Policy that allows no script at all and nothing from
  another origin, ``nosniff``, no framing, no referrer sent to other sites.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from corroborate.web.errors import ApiError, error_response

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "corroborate_token"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def host_only(host: str) -> str:
    """``"127.0.0.1:8000"`` -> ``"127.0.0.1"``; ``"[::1]:80"`` -> ``"[::1]"``."""
    if host.startswith("["):
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class BodyTooLarge(ApiError):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body too large (the limit is {limit:,} bytes)")


class Guard:
    """See the module docstring."""

    def __init__(self, app: ASGIApp, *, token: str | None, allowed_hosts: frozenset[str] | None,
                 max_body: int) -> None:
        self.app = app
        self.token = token
        self.allowed_hosts = allowed_hosts
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "/")
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        method: str = scope.get("method", "GET")

        async def send_secure(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                have = {k.lower() for k, _ in message["headers"]}
                message["headers"] = [*message["headers"],
                                      *((k, v) for k, v in SECURITY_HEADERS if k not in have)]
            await send(message)

        async def refuse(status: int, text: str, extra: dict[str, str] | None = None) -> None:
            await error_response(path, status, text, headers=extra)(scope, receive, send_secure)

        host = headers.get("host", "")
        if self.allowed_hosts is not None and host_only(host).lower() not in self.allowed_hosts:
            await refuse(400, f"unexpected Host header {host!r}: this server answers only "
                              "on its own address")
            return
        if self.token is not None and not path.startswith("/static/"):
            query = scope.get("query_string", b"").decode("latin-1")
            given = self._given(headers, query)
            if given is None or not hmac.compare_digest(given.encode(), self.token.encode()):
                await refuse(401, "a token is required: open the address that "
                                  "`corroborate serve` printed, or send Authorization: Bearer "
                                  "<token>", {"WWW-Authenticate": "Bearer"})
                return
            if method == "GET" and not path.startswith("/api") and ("token=" in query):
                await self._set_cookie_and_redirect(path, query, send_secure)
                return
        if method in UNSAFE_METHODS and self._cross_site(headers, host):
            await refuse(403, "refused a write from another site")
            return
        length = headers.get("content-length")
        if length is not None:
            # ASCII digits only: "²" is a digit to str.isdigit, not to int().
            if not (length.isascii() and length.isdigit()):
                await refuse(400, "bad Content-Length header")
                return
            if len(length) > 15 or int(length) > self.max_body:  # int() of any length fails
                size = f"{int(length):,} bytes" if len(length) <= 15 else f"{len(length)} digits"
                await refuse(413, f"request body too large ({size}; the limit "
                                  f"is {self.max_body:,} bytes)")
                return
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        await self.app(scope, counted_receive, send_secure)

    def _given(self, headers: dict[str, str], query: str) -> str | None:
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip()
        for k, v in parse_qsl(query):
            if k == "token":
                return v
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:
            return None
        morsel = cookie.get(COOKIE)
        return morsel.value if morsel is not None else None

    async def _set_cookie_and_redirect(self, path: str, query: str, send: Send) -> None:
        rest = urlencode([(k, v) for k, v in parse_qsl(query, keep_blank_values=True)
                          if k != "token"])
        location = path + (f"?{rest}" if rest else "")
        assert self.token is not None
        cookie = f"{COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
        await send({"type": "http.response.start", "status": 303,
                    "headers": [(b"location", location.encode("latin-1")),
                                (b"set-cookie", cookie.encode("latin-1")),
                                (b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})

    @staticmethod
    def _cross_site(headers: dict[str, str], host: str) -> bool:
        fetch_site = headers.get("sec-fetch-site")
        if fetch_site is not None:  # browsers say where a request comes from
            return fetch_site not in ("same-origin", "none")
        origin = headers.get("origin")
        if not origin or origin == "null":
            return origin == "null"
        return urlsplit(origin).netloc.lower() != host.lower()
