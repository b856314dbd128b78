"""The web app's JSON API and pages, in-process (httpx through Starlette's TestClient), on
real SQLite stores filled by the real pipeline: the seed reports and the bundled example."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():  # Starlette's notice that TestClient will move to httpx2
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from corroborate.model import Report
from corroborate.report import CSV_COLUMNS
from corroborate.store import Store
from corroborate.web import WebSettings, create_app

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "garissa-market-attack"
DATA = REPO / "tests" / "data" / "web"
LOCAL = "http://127.0.0.1:8000"


def build_store(db: Path, *paths: Path) -> Report:
    """A store as ``corroborate report PATHS --db db`` leaves it."""
    from corroborate.ingest import read_paths
    from corroborate.pipeline import analyse

    result = read_paths(list(paths))
    assert not result.errors
    report = analyse(result.articles)
    with Store(db) as store:
        store.add_articles(result.articles)
        store.save_report(report)
    return report


def client(db: Path, **settings: Any) -> TestClient:
    return TestClient(create_app(WebSettings(db=db, **settings)), base_url=LOCAL)


def assert_error(r: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """Every API error has the one shape."""
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"status", "code", "message", "details"}
    assert err["status"] == status and err["message"]
    if code:
        assert err["code"] == code
    return err  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("web") / "seeds.db"
    build_store(db, seeds_dir)
    return db


@pytest.fixture(scope="module")
def seeds(seeds_db: Path) -> Iterator[TestClient]:
    with client(seeds_db, read_only=True) as c:
        yield c


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("web") / "example.db"
    build_store(db, EXAMPLE)
    return db


@pytest.fixture(scope="module")
def example(example_db: Path) -> Iterator[TestClient]:
    with client(example_db) as c:
        yield c


def militants_fact(event: dict[str, Any]) -> dict[str, Any]:
    facts = [f for f in event["facts"] if f["measure"] == "killed"
             and {92, 67} <= {v["value"] for v in f["values"]}]
    assert len(facts) == 1
    return facts[0]  # type: ignore[no-any-return]


def seed_event(c: TestClient) -> dict[str, Any]:
    """The summary of the seed event that holds the 92-vs-67 fact (however the grouping
    splits the five reports)."""
    events = c.get("/api/events").json()["events"]
    found = [e for e in events for h in e["headline"]
             if {92, 67} <= {v["value"] for v in h["values"]}]
    assert len(found) == 1, events
    return found[0]  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- events


def test_events_list_has_headline_figures_and_conflicts(seeds: TestClient) -> None:
    body = seeds.get("/api/events").json()
    assert body["total"] == len(body["events"]) >= 1
    assert body["limit"] == 50 and body["offset"] == 0
    ev = seed_event(seeds)
    assert ev["date"] == "2026-01-31" and ev["articles"] >= 2 and ev["conflicts"] >= 1
    heads = {(h["measure"], h["group"]): h for h in ev["headline"]}
    militants = heads[("killed", "militants")]
    assert militants["conflict"] and {92, 67} <= {v["value"] for v in militants["values"]}
    assert any("Quetta" in p for p in ev["places"])
    assert ev["page"] == f"/events/{ev['id']}"


@pytest.mark.parametrize(("query", "hit"), [
    ("q=militants", True), ("q=MILITANT", True), ("q=balochistan liberation", True),
    ("q=garissa", False),
    ("q=%22%29%28*%20OR%20NEAR", False),  # FTS5 syntax in the input is only words
    ("place=quetta", True), ("place=Nairobi", False),
    ("date_from=2026-01-31&date_to=2026-01-31", True), ("date_from=2026-02-01", False),
    ("date_to=2026-01-30", False), ("conflict=true", True),
])  # fmt: skip
def test_events_filters(seeds: TestClient, query: str, hit: bool) -> None:
    """Whether the seed event (the one with the 92-vs-67 fact) is found."""
    seed_id = seed_event(seeds)["id"]
    r = seeds.get(f"/api/events?{query}")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == len(body["events"])
    assert (seed_id in {e["id"] for e in body["events"]}) is hit


def test_events_conflict_filter_splits_the_list(seeds: TestClient) -> None:
    everything = seeds.get("/api/events").json()["events"]
    with_c = seeds.get("/api/events?conflict=true").json()["events"]
    without = seeds.get("/api/events?conflict=false").json()["events"]
    assert all(e["conflicts"] for e in with_c) and not any(e["conflicts"] for e in without)
    assert len(with_c) + len(without) == len(everything)


def test_events_type_filter_when_events_have_types(seeds: TestClient) -> None:
    status = seeds.get("/api/status").json()
    for kind in status["event_types"]:
        assert seeds.get("/api/events", params={"type": kind}).json()["total"] >= 1
    assert seeds.get("/api/events", params={"type": "no-such-type"}).json()["total"] == 0


def test_events_newest_first_and_paged(example_db: Path, seeds_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "both.db"
    with Store(db) as store:
        for src in (seeds_db, example_db):
            with Store(src) as other:
                rep = other.load_report()
                assert rep is not None
                store.save_report(rep)
    with client(db) as c:
        dates = [e["date"] for e in c.get("/api/events").json()["events"]]
        dated = [d for d in dates if d]
        assert dated == sorted(dated, reverse=True) and dates == dated + [None] * (
            len(dates) - len(dated))  # newest first, undated last
        assert "2026-03-14" in dates and "2026-01-31" in dates
        page = c.get("/api/events?limit=1&offset=1").json()
        assert page["total"] == len(dates) and [e["date"] for e in page["events"]] == dates[1:2]
        assert c.get("/api/events?q=garissa").json()["total"] >= 1


@pytest.mark.parametrize("query", ["date_from=yesterday", "limit=0", "limit=201", "offset=-1",
                                   "conflict=maybe", "q=" + "x" * 501])
def test_bad_parameters_are_422_in_the_error_shape(seeds: TestClient, query: str) -> None:
    err = assert_error(seeds.get(f"/api/events?{query}"), 422, "invalid")
    assert err["details"] and err["details"][0]["field"]


def test_event_detail_has_everything_the_page_shows(seeds: TestClient) -> None:
    ev_id = seed_event(seeds)["id"]
    body = seeds.get(f"/api/events/{ev_id}").json()
    event = body["event"]
    fact = militants_fact(event)
    assert fact["conflict"] and fact["best"] == 92 and fact["rule"]
    by_value = {v["value"]: v for v in fact["values"]}
    assert by_value[92]["origins"] >= 2 and by_value[67]["claimants"]
    assert len(body["articles"]) == len(event["articles"]) >= 2
    assert all(a["page"] for a in body["articles"])
    claim_ids = {c["id"] for c in body["claims"]}
    assert set(by_value[67]["claims"]) <= claim_ids
    assert all(r["a"] in event["articles"] for r in body["relations"])
    assert event["origin_groups"] and event["relations"]  # origins and arithmetic


def test_unknown_ids_are_404(seeds: TestClient) -> None:
    assert_error(seeds.get("/api/events/nope"), 404, "not_found")
    assert_error(seeds.get("/api/articles/nope"), 404, "not_found")
    assert_error(seeds.get("/api/jobs/nope"), 404, "not_found")
    assert_error(seeds.get("/api/claims?event=nope"), 404)
    assert_error(seeds.get("/api/nowhere"), 404)
    assert_error(seeds.post("/api/events"), 405, "method_not_allowed")
    page = seeds.get("/events/nope")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]


# --------------------------------------------------------------------------- articles, claims


def test_article_detail(seeds: TestClient) -> None:
    arts = seeds.get("/api/articles").json()
    assert arts["total"] == 5
    one = next(a for a in arts["articles"] if a["key"].startswith("001_"))
    body = seeds.get(f"/api/articles/{one['id']}").json()
    art = body["article"]
    assert art["text"] and art["removed"] and body["claims"]  # front matter, filler, ...
    assert all(c["article"] == art["id"] for c in body["claims"])
    assert body["events"] and body["events"][0]["page"].startswith("/events/")
    for c in body["claims"]:
        text = art["title"] if c["section"] == "title" else art["text"]
        assert text[c["span"]["start"]:c["span"]["end"]] == c["text"]
    assert seeds.get("/api/articles?q=reuters").json()["total"] >= 1
    assert seeds.get("/api/articles?q=zzzqqq").json()["total"] == 0


def test_claims_endpoint(seeds: TestClient) -> None:
    ev_id = seed_event(seeds)["id"]
    all_claims = seeds.get(f"/api/claims?event={ev_id}&limit=200").json()
    assert all_claims["total"] == len(all_claims["claims"]) > 20
    killed = seeds.get(f"/api/claims?event={ev_id}&measure=killed&limit=200").json()
    assert 0 < killed["total"] < all_claims["total"]
    assert {c["measure"] for c in killed["claims"]} == {"killed"}
    aid = all_claims["claims"][0]["article"]
    one = seeds.get(f"/api/claims?article={aid}&limit=200").json()
    assert {c["article"] for c in one["claims"]} == {aid}
    page = seeds.get(f"/api/claims?event={ev_id}&limit=5&offset=5").json()
    assert [c["id"] for c in page["claims"]] == [c["id"] for c in all_claims["claims"][5:10]]


# --------------------------------------------------------------------------- exports


def test_event_exports_reuse_the_report_renderers(seeds: TestClient) -> None:
    ev = seed_event(seeds)
    ev_id = ev["id"]
    r = seeds.get(f"/api/events/{ev_id}/export?format=json")
    assert r.headers["content-type"].startswith("application/json")
    assert "attachment" in r.headers["content-disposition"]
    report = Report.model_validate_json(r.text)
    assert [e.id for e in report.events] == [ev_id] and len(report.articles) == ev["articles"]
    assert report.claims and {c.article for c in report.claims} <= set(report.events[0].articles)
    r = seeds.get(f"/api/events/{ev_id}/export?format=csv")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.text)))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) > 10
    r = seeds.get(f"/api/events/{ev_id}/export?format=md")
    assert r.headers["content-type"].startswith("text/markdown")
    assert r.text.startswith("# Corroborate report") and "92" in r.text
    assert_error(seeds.get(f"/api/events/{ev_id}/export?format=pdf"), 422)


def test_filtered_list_export(seeds: TestClient) -> None:
    hit = Report.model_validate_json(seeds.get("/api/export?format=json&q=quetta").text)
    assert seed_event(seeds)["id"] in {e.id for e in hit.events}
    miss = Report.model_validate_json(seeds.get("/api/export?format=json&q=garissa").text)
    assert not miss.events and not miss.articles
    md = seeds.get("/api/export?format=md&conflict=true")
    assert md.status_code == 200 and "## " in md.text


# --------------------------------------------------------------------------- pages


def test_event_page_links_every_value_to_its_sentence(seeds: TestClient) -> None:
    ev_id = seed_event(seeds)["id"]
    html = seeds.get(f"/events/{ev_id}").text
    assert "<script" not in html
    links = set(re.findall(r'href="(/articles/[0-9a-f]+#claim-[0-9a-f]+)"', html))
    assert links
    for link in sorted(links)[:8]:
        path, anchor = link.split("#")
        page = seeds.get(path).text
        assert f'id="{anchor}"' in page, link
    for part in ("svg class=\"chart timeline\"", "svg class=\"chart map\"",
                 "table class=\"facts\"", "partisan", "best 92", "independent origin",
                 "Totals and their parts", "Who copied whom"):
        assert part in html, part


def test_article_page_highlights_every_claim(seeds: TestClient) -> None:
    for art in seeds.get("/api/articles").json()["articles"]:
        body = seeds.get(f"/api/articles/{art['id']}").json()
        html = seeds.get(art["page"]).text
        for c in body["claims"]:
            assert f'id="claim-{c["id"]}"' in html
        assert html.count('<mark class="num"') >= len({
            (c["section"], c["number_span"]["start"]) for c in body["claims"]}) > 0
        if body["article"]["removed"]:
            assert '<details id="removed">' in html


def test_pages_render(seeds: TestClient) -> None:
    for path in ("/", "/?q=militants&place=quetta&from=2026-01-01&to=2026-12-31&conflict=1",
                 "/?from=junk", "/articles", "/articles?q=military&page=1", "/add"):
        r = seeds.get(path)
        assert r.status_code == 200, path
        assert "text/html" in r.headers["content-type"]
    assert "not a date" in seeds.get("/?from=junk").text
    assert "read-only" in seeds.get("/add").text
    assert seeds.get("/static/style.css").status_code == 200


def test_security_headers(seeds: TestClient) -> None:
    r = seeds.get("/")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


# --------------------------------------------------------------------------- adding reports


def upload(c: TestClient, *names: str, wait: bool = True, **form: str) -> Any:
    files = [("files", (n, (DATA / n).read_bytes())) for n in names]
    return c.post(f"/api/ingest?wait={str(wait).lower()}", files=files or None, data=form)


def test_ingest_uploads_with_per_file_errors_then_analyses(example: TestClient) -> None:
    before = example.get("/api/status").json()
    r = upload(example, "upload-report.md", "not-a-report.bin")
    assert r.status_code == 200, r.text
    body = r.json()
    assert len(body["added"]) == 1 and not body["existing"]
    files = {f["name"]: f for f in body["files"]}
    assert files["upload-report.md"]["articles"] == body["added"]
    assert files["not-a-report.bin"]["errors"] == ["binary file, not a text report"]
    job = body["job"]
    assert job["state"] == "done" and job["counts"]["articles"] == before["articles"] + 1
    assert job["done"] == job["stages"]
    art = example.get(f"/api/articles/{body['added'][0]}").json()
    assert art["article"]["source"] == "upload:upload-report.md"  # no server path shown
    assert art["article"]["title"].startswith("Two killed in Garissa")
    assert art["claims"] and art["events"]
    assert example.get(f"/api/jobs/{job['id']}").json()["state"] == "done"
    # The same file again adds nothing.
    again = upload(example, "upload-report.md").json()
    assert again["existing"] == body["added"] and not again["added"]


def test_ingest_pasted_text_with_metadata(example: TestClient) -> None:
    r = example.post("/api/ingest?wait=true", data={
        "text": "Police said nine people were killed in Mandera on Monday.",
        "title": "Nine killed in Mandera", "date": "2026-03-16", "outlet": "Paste News"})
    assert r.status_code == 200, r.text
    aid = r.json()["added"][0]
    art = example.get(f"/api/articles/{aid}").json()["article"]
    assert (art["title"], art["date"], art["outlet"]) == (
        "Nine killed in Mandera", "2026-03-16", "Paste News")
    assert art["source"].startswith("pasted:")


def test_ingest_limits(example_db: Path) -> None:
    with client(example_db, max_files=2, max_file_bytes=100, max_body=5000) as c:
        assert_error(upload(c, "upload-report.md", "upload-report.md", "script-report.txt"),
                     413, "too_large")
        r = upload(c, "script-report.txt")  # 391 bytes > 100
        assert r.status_code == 202 and r.json()["job"] is None
        assert "too large" in r.json()["files"][0]["errors"][0]
        big = [("files", ("big.txt", b"x" * 6000))]
        assert_error(c.post("/api/ingest", files=big), 413, "too_large")
        assert_error(c.post("/api/ingest", data={"text": "   "}), 400, "bad_request")
        assert_error(c.post("/api/ingest"), 400)


@pytest.mark.parametrize(
    ("length", "status"),
    [(b"\xb2", 400), (b"12a", 400), (b"9" * 5000, 413), (b"6001", 413)],
)
def test_bad_content_length_is_refused(example_db: Path, length: bytes, status: int) -> None:
    # Sent as raw ASGI: an HTTP client would not send such headers. "\xb2" is latin-1 "²",
    # a digit to str.isdigit() that int() rejects; 5,000 digits pass int()'s length limit.
    import asyncio

    app = create_app(WebSettings(db=example_db, max_body=5000))
    sent: list[dict[str, Any]] = []
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": "/api/ingest", "raw_path": b"/api/ingest",
        "query_string": b"", "root_path": "", "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
        "headers": [(b"host", b"127.0.0.1:8000"), (b"content-length", length),
                    (b"content-type", b"text/plain")],
    }  # fmt: skip

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == status
    body = json.loads(b"".join(m.get("body", b"") for m in sent[1:]))
    assert body["error"]["status"] == status


def test_upload_names_never_become_paths(example: TestClient, tmp_path: Path) -> None:
    files = [("files", ("../../../../tmp/evil.txt", b"Police said two people died."))]
    body = example.post("/api/ingest", files=files).json()
    assert [f["name"] for f in body["files"]] == ["evil.txt"]
    assert not Path("/tmp/evil.txt").exists() or Path("/tmp/evil.txt").read_bytes() != (
        b"Police said two people died.")


def test_a_script_in_a_report_is_text(example: TestClient) -> None:
    body = upload(example, "script-report.txt").json()
    aid = body["added"][0]
    html = example.get(f"/articles/{aid}").text
    assert "&lt;script&gt;window.__pwned" in html
    assert "<script" not in html and "onerror=\"window" not in html
    assert "<b onmouseover" not in html
    events = example.get("/api/events?q=wajir").json()["events"]
    assert events
    ev_html = example.get(events[0]["page"]).text
    assert "<script" not in ev_html and "<img" not in ev_html


def test_add_page_form_redirects_to_the_receipt(example: TestClient) -> None:
    files = [("files", ("mandera.txt", b"Police said 3 people were killed in Mandera."))]
    r = example.post("/add", files=files, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/added/")
    page = example.get(r.headers["location"])
    assert page.status_code == 200 and "mandera.txt" in page.text
    assert example.post("/add", data={"text": ""}).status_code == 400


# --------------------------------------------------------------------------- safety


def test_read_only_refuses_writes_and_leaves_the_file_alone(seeds_db: Path) -> None:
    before = seeds_db.read_bytes()
    with client(seeds_db, read_only=True) as c:
        assert_error(upload(c, "upload-report.md"), 403, "read_only")
        assert_error(c.post("/api/analyse"), 403, "read_only")
        assert c.post("/add", data={"text": "Two died."}).status_code == 403
        assert c.get("/api/status").json()["read_only"] is True
    assert seeds_db.read_bytes() == before


def test_token_is_required_when_set(seeds_db: Path) -> None:
    token = "t0ken-for-the-tests-0123456789"
    with client(seeds_db, read_only=True, token=token, allowed_hosts=None) as c:
        assert_error(c.get("/api/events"), 401, "unauthorized")
        assert c.get("/").status_code == 401
        assert_error(c.get("/api/events", headers={"Authorization": "Bearer wrong"}), 401)
        ok = c.get("/api/events", headers={"Authorization": f"Bearer {token}"})
        assert ok.status_code == 200
        r = c.get(f"/?token={token}&q=quetta", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/?q=quetta"
        assert "HttpOnly" in r.headers["set-cookie"] and "SameSite=Strict" in r.headers[
            "set-cookie"]
        c.cookies.set("corroborate_token", token)
        assert c.get("/").status_code == 200


def test_only_loopback_host_headers_are_answered(seeds: TestClient) -> None:
    assert_error(seeds.get("/api/events", headers={"Host": "evil.example"}), 400)
    assert seeds.get("/api/events", headers={"Host": "localhost:8000"}).status_code == 200


def test_cross_site_posts_are_refused(example: TestClient) -> None:
    files = [("files", ("x.txt", b"Police said two people died."))]
    r = example.post("/api/ingest", files=files, headers={"Origin": "http://evil.example"})
    assert_error(r, 403, "forbidden")
    r = example.post("/add", files=files, headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403


def test_serve_plan() -> None:
    from corroborate.web.server import ServeError, is_loopback, plan

    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")
    token, hosts = plan("127.0.0.1", None)
    assert token is None and hosts is not None and "127.0.0.1" in hosts
    token, hosts = plan("0.0.0.0", None)
    assert token is not None and len(token) >= 24 and hosts is None
    assert plan("0.0.0.0", "a-chosen-token-123")[0] == "a-chosen-token-123"
    with pytest.raises(ServeError):
        plan("0.0.0.0", "short")


def test_cli_serve_refuses_bad_options(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from corroborate.cli import main

    runner = CliRunner()
    r = runner.invoke(main, ["serve", "--db", str(tmp_path / "missing.db"), "--read-only"])
    assert r.exit_code == 2 and "no store there" in r.output
    r = runner.invoke(main, ["serve", "--host", "0.0.0.0", "--token", "bad token"])
    assert r.exit_code == 2 and "--token" in r.output
    assert "--read-only" in runner.invoke(main, ["serve", "--help"]).output


# --------------------------------------------------------------------------- OpenAPI


def test_openapi_describes_the_api_and_its_errors(seeds: TestClient) -> None:
    spec = seeds.get("/api/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}",
                 "/api/claims", "/api/ingest", "/api/events/{event_id}/export", "/api/export",
                 "/api/jobs/{job_id}", "/api/status"):
        assert path in paths, path
    assert not any(not p.startswith("/api/") for p in paths)  # pages are not API
    assert "ErrorBody" in spec["components"]["schemas"]
    for path, ops in paths.items():
        for op in ops.values():
            refs = json.dumps(op["responses"])
            assert "ErrorBody" in refs, path
    assert seeds.get("/docs").status_code == 404  # no CDN-loaded UI


QUERIES = ("place=quetta", "q=militants", "conflict=true", "type=clash", "q=garissa")


def test_old_store_gets_its_search_index_in_place(seeds_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    db.write_bytes(seeds_db.read_bytes())
    conn = sqlite3.connect(db)  # take the index away: a store written before it existed
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master WHERE name LIKE "
                                   "'%fts%' OR name LIKE 'article_search%'").fetchall():
        if kind in ("table", "trigger"):
            conn.execute(f"DROP {kind} IF EXISTS {name}")
    conn.commit()
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE '%fts%'").fetchone()[
        0] == 0
    conn.close()
    with client(seeds_db, read_only=True) as c:
        expected = [c.get(f"/api/events?{q}").json()["total"] for q in QUERIES]
    with client(db) as c:
        assert c.get("/api/status").json()["search"] == "fts5"
        assert [c.get(f"/api/events?{q}").json()["total"] for q in QUERIES] == expected
        assert expected[:2] != [0, 0]


def test_corroborate_serve_runs_and_guards_its_address(seeds_db: Path) -> None:
    """The real command: loopback without a token; 0.0.0.0 only with one."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    def free_port() -> int:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return int(s.getsockname()[1])

    def wait_for(url: str, headers: dict[str, str] | None = None) -> int:
        deadline = time.monotonic() + 30
        while True:
            try:
                req = urllib.request.Request(url, headers=headers or {})
                with urllib.request.urlopen(req, timeout=5) as r:
                    return int(r.status)
            except urllib.error.HTTPError as exc:
                return exc.code
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    cli = [sys.executable, "-m", "corroborate.cli", "serve", "--db", str(seeds_db),
           "--read-only"]
    port = free_port()
    proc = subprocess.Popen([*cli, "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    try:
        assert wait_for(f"http://127.0.0.1:{port}/api/status") == 200
    finally:
        proc.terminate()
        out = proc.communicate(timeout=15)[0]
    assert f"http://127.0.0.1:{port}/" in out and "token" not in out.split("\n")[0]
    port = free_port()
    token = "a-token-for-this-test-42"
    proc = subprocess.Popen([*cli, "--host", "0.0.0.0", "--port", str(port), "--token", token],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/api/status"
        assert wait_for(url) == 401
        assert wait_for(url, {"Authorization": f"Bearer {token}"}) == 200
    finally:
        proc.terminate()
        out = proc.communicate(timeout=15)[0]
    assert f"?token={token}" in out


def test_search_before_and_after_analysis(tmp_path: Path) -> None:
    """Ingested articles are searchable at once (by substring); an analysis indexes them."""
    from corroborate.ingest import read_paths

    db = tmp_path / "s.db"
    with Store(db) as store:
        store.add_articles(read_paths([EXAMPLE]).articles)
        assert store.has_search
        assert store._db.execute("SELECT count(*) FROM article_search").fetchone()[0] == 0
    with client(db) as c:
        assert c.get("/api/articles?q=garissa").json()["total"] == 5
        assert c.get("/api/articles?q=nosuchword").json()["total"] == 0
        assert c.get("/api/events").json()["total"] == 0
        assert "Analyse stored articles" in c.get("/").text
        job = c.post("/api/analyse").json()
        deadline = time.monotonic() + 60
        while c.get(f"/api/jobs/{job['id']}").json()["state"] not in ("done", "failed"):
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert c.get(f"/api/jobs/{job['id']}").json()["state"] == "done"
        assert c.get("/api/articles?q=garissa").json()["total"] == 5
        assert c.get("/api/events?q=garissa").json()["total"] >= 1
    with Store(db) as store:
        assert store._db.execute("SELECT count(*) FROM article_search").fetchone()[0] == 5


def test_read_only_store_without_index_searches_by_substring(seeds_db: Path,
                                                             tmp_path: Path) -> None:
    db = tmp_path / "noindex.db"
    db.write_bytes(seeds_db.read_bytes())
    conn = sqlite3.connect(db)
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master WHERE name LIKE "
                                   "'%fts%' OR name LIKE 'article_search%'").fetchall():
        if kind in ("table", "trigger"):
            conn.execute(f"DROP {kind} IF EXISTS {name}")
    conn.commit()
    conn.close()
    with client(seeds_db, read_only=True) as c:
        expected = [c.get(f"/api/events?{q}").json()["total"] for q in QUERIES]
    with client(db, read_only=True) as c:
        assert c.get("/api/status").json()["search"] == "substring"
        assert [c.get(f"/api/events?{q}").json()["total"] for q in QUERIES] == expected
        assert c.get("/api/articles?q=militants").json()["total"] >= 1
