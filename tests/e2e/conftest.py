"""End-to-end fixtures: a real store, the app served by uvicorn on loopback, a real browser.

The browser is Debian's ``chromium`` (``/usr/bin/chromium``, installed by ``.ci/run``) driven
by Playwright for Python; ``playwright install`` is never run. The tests skip only when no
chromium executable can be found.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


def chromium_path() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def build_store(db: Path, *paths: Path) -> None:
    """A store filled by the real pipeline, as ``corroborate report PATHS --db db``."""
    from corroborate.ingest import read_paths
    from corroborate.pipeline import analyse
    from corroborate.store import Store

    result = read_paths(list(paths))
    assert not result.errors, result.errors
    report = analyse(result.articles)
    with Store(db) as store:
        store.add_articles(result.articles)
        store.save_report(report)


class ServerThread:
    """uvicorn serving ``app`` on 127.0.0.1 (a free port) in a background thread."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]},
                                       daemon=True)

    def __enter__(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(15)
        self.sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    path = chromium_path()
    if path is None:
        pytest.skip("no chromium executable found (CI installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def make_store() -> Any:
    """:func:`build_store`, for test modules (they cannot import this conftest)."""
    return build_store


@pytest.fixture(scope="session")
def server_thread() -> Any:
    """:class:`ServerThread`, for test modules."""
    return ServerThread
