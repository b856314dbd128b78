"""The web app in a real browser: the seed reports, the 92-vs-67 fact, an upload, a script.

One server for the module, on a store built by the real pipeline from ``../shared/seeds``
(or, where that folder is not beside the checkout, from the bundled example, whose "at
least nine" vs "Twelve" people killed play the same part); the tests run in order (the
upload adds a report the last test opens).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parents[1]
DATA = TESTS / "data" / "web"
SEEDS = TESTS.parent.parent / "shared" / "seeds"
EXAMPLE = TESTS.parent / "examples" / "garissa-market-attack"


@dataclass(frozen=True)
class Corpus:
    """Reports to serve and the conflicting fact to click: (value, words in the sentence)."""

    path: Path
    listed: str  # text of the events-list row of the event
    figures: tuple[tuple[str, str], tuple[str, str]]
    group: str


CORPUS = (
    Corpus(SEEDS, "at least 67", (("92", "92"), ("67", "67")), "militants")
    if SEEDS.is_dir()
    else Corpus(EXAMPLE, "Twelve", (("9", "nine"), ("12", "Twelve")), "")
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, make_store: Any,
           server_thread: Any) -> Iterator[Any]:
    from corroborate.web import WebSettings, create_app

    db = tmp_path_factory.mktemp("e2e") / "reports.db"
    make_store(db, CORPUS.path)
    with server_thread(create_app(WebSettings(db=db))) as srv:
        yield srv


@pytest.fixture
def page(browser: Any, server: Any) -> Iterator[Any]:
    context = browser.new_context(base_url=server.url, viewport={"width": 1200, "height": 800})
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    # A console error would be a blocked resource (CSP), a missing file or a script error.
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield pg
    context.close()
    assert not errors, errors


def target_state(pg: Any) -> dict[str, Any]:
    """The element the URL's #fragment points at, and whether it is on screen."""
    state: dict[str, Any] = pg.evaluate(
        """() => {
            const el = document.querySelector(':target');
            if (!el) return {found: false};
            const r = el.getBoundingClientRect();
            return {found: true, id: el.id, text: el.textContent,
                    visible: r.bottom > 0 && r.top < window.innerHeight && r.height > 0,
                    highlighted: getComputedStyle(el).backgroundColor};
        }"""
    )
    return state


def open_militants_fact(pg: Any) -> Any:
    """The event page's row of the conflicting fact (92 vs 67 militants killed)."""
    pg.goto("/")
    row = pg.locator("table.events tr.event").filter(has_text=CORPUS.listed)
    assert row.count() == 1, f"no event lists {CORPUS.listed!r}"
    row.locator("a").first.click()
    pg.wait_for_url(re.compile(r"/events/"))
    (a, _), (b, _) = CORPUS.figures
    fact = pg.locator("tr.fact").filter(
        has=pg.locator(f'.value[data-value="{a}"]')).filter(
        has=pg.locator(f'.value[data-value="{b}"]'))  # fmt: skip
    assert fact.count() == 1
    return fact


@pytest.mark.parametrize("which", [1, 0])
def test_click_the_92_vs_67_fact_lands_on_its_sentence(page: Any, which: int) -> None:
    value, words = CORPUS.figures[which]
    fact = open_militants_fact(page)
    assert "conflict" in fact.inner_text().lower()
    fact.locator(f'.value[data-value="{value}"] a.num').click()
    page.wait_for_url(re.compile(r"/articles/[^#]+#claim-"))
    page.wait_for_load_state()
    state = target_state(page)
    assert state["found"], "the link's anchor is not on the article page"
    assert words in state["text"] and CORPUS.group in state["text"].lower()
    assert state["visible"], "the sentence is not scrolled into view"
    assert state["highlighted"] not in ("rgba(0, 0, 0, 0)", "transparent")
    # The number itself is marked inside the sentence.
    anchor = page.url.split("#", 1)[1]
    assert words in page.locator(f"[id='{anchor}'] mark.num").first.inner_text()


def test_event_page_draws_charts_and_lists_reports(page: Any) -> None:
    open_militants_fact(page)
    assert page.locator("svg.timeline circle.point").count() > 5
    assert page.locator("svg.map circle.place").count() >= 1
    assert page.locator("svg.map path.land").count() >= 1
    reports = page.locator("table.reports tbody tr").count()
    assert reports >= 2 and f"{reports} reports" in page.locator("main").inner_text()
    # A timeline point links to its sentence too.
    page.locator("svg.timeline a").last.click()  # the last one drawn is on top
    page.wait_for_url(re.compile(r"#claim-"))
    assert target_state(page)["found"]


def test_removed_boilerplate_shows_on_demand(page: Any) -> None:
    page.goto("/articles")
    page.locator("table a").filter(has_text="002_" if SEEDS.is_dir() else "02-").first.click()
    page.wait_for_url(re.compile(r"/articles/."))  # (and its load): count() does not wait
    details = page.locator("details#removed")
    assert details.count() == 1
    removed = details.locator("pre.removed").first
    assert not removed.is_visible()
    details.locator("summary").click()
    assert removed.is_visible()


def test_upload_through_the_add_page_and_script_does_not_run(page: Any) -> None:
    page.goto("/add")
    page.set_input_files("#files", [str(DATA / "script-report.txt"),
                                    str(DATA / "not-a-report.bin")])
    page.click("#add-submit")
    page.wait_for_url(re.compile(r"/added/"))
    # Per-file results: the good file's article, the bad file's error.
    bad = page.locator("tr.file-error")
    assert "binary file" in bad.inner_text() and "not-a-report.bin" in bad.inner_text()
    assert page.locator("tr.file-ok a").count() == 1
    # The page refreshes itself until the analysis is done.
    page.wait_for_selector('#job-state[data-state="done"]', timeout=90_000)
    assert page.evaluate("window.__pwned") is None
    page.locator("tr.file-ok a").first.click()
    page.wait_for_url(re.compile(r"/articles/"))
    text = page.locator("article.text").inner_text()
    assert "<script>window.__pwned = 'script'" in text  # shown as text, not run
    assert '<img src=x onerror="window.__pwned=' in page.locator("h1").inner_text()
    assert page.locator("article.text script, article.text b, h1 img").count() == 0
    page.hover("article.text")
    assert page.evaluate("window.__pwned") is None
    assert page.title().startswith("Gunmen kill four")  # the script would set it to "pwned"
    # The new report is analysed: its figures are claims, highlighted in the text.
    assert page.locator("article.text mark.num").count() >= 2
    # And it is searchable from the events list.
    page.goto("/?q=wajir")
    assert page.locator("table.events a").count() >= 1
    assert page.evaluate("window.__pwned") is None
