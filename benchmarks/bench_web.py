"""Load test of the web app on loopback: p50/p95 latency of the event page and the events
API over a store of 10,000 articles.

    python benchmarks/bench_web.py [--quick] [--data ../shared/bench] [--requests 600]
                                   [--store /tmp/web10k.db]   # keep and reuse the store

The store: the real gva reports (``gva/articles.jsonl``, 3,404 rows) go through the whole
pipeline (``corroborate.pipeline.analyse``) and are saved with ``Store.save_report``; the
rest up to 10,000 articles are *renamed copies* of that analysed batch: each copy gives every
article a marker line (so a new content id), and every claim, fact and event a new id, and
is saved as its own report. Re-running the pipeline on 10,000 articles would only change
which events exist, not how the app reads them, and takes minutes.

The app runs in uvicorn on 127.0.0.1 in a background thread; a client sends a bounded number
of requests with keep-alive, one at a time (latency), then from 8 threads at once
(throughput). Event pages are sampled uniformly over all events, and events API queries
cycle through no filter, a text search, a place, a date range, conflicts only and deep
pages. ``quick`` uses 400 real reports x 3 and fewer requests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "bench"
TARGET = 10_000
_HEX = re.compile(r"\b[0-9a-f]{16}\b")


def load_articles(data: Path, n: int | None) -> list[Any]:
    from corroborate.model import Article

    arts = []
    for line in (data / "gva" / "articles.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if len(row.get("text") or "") < 100:
            continue
        arts.append(Article.create(
            text=row["text"], source=f"gva/{row['id']}", key=str(row["id"])[:12],
            title=row.get("title") or None, date=row.get("date") or None,
            url=row.get("url") or None,
        ))  # fmt: skip
        if n is not None and len(arts) >= n:
            break
    return list({a.id: a for a in arts}.values())


def copy_report(report: Any, k: int, limit: int | None = None) -> Any:
    """The analysed batch again under new ids: a marker line makes each article new content;
    claims, facts and events get ids derived from the old ones. With ``limit``, only whole
    events (in order) up to that many articles."""
    from corroborate.model import Article, Report, content_id

    if limit is not None:
        events: list[Any] = []
        keep: set[str] = set()
        for ev in report.events:  # whole events that still fit
            if len(keep) + len(ev.articles) <= limit:
                events.append(ev)
                keep.update(ev.articles)
        report = report.model_copy(update={
            "events": tuple(events),
            "articles": tuple(a for a in report.articles if a.id in keep),
            "claims": tuple(c for c in report.claims if c.article in keep),
            "relations": tuple(r for r in report.relations if r.a in keep and r.b in keep),
        })  # fmt: skip
    mapping: dict[str, str] = {}
    articles = []
    for a in report.articles:
        text = f"{a.text}\n\n(Copy {k} of {a.key}.)"
        new = Article.create(text=text, source=f"{a.source}#copy{k}", key=f"{a.key}-c{k}",
                             **a.model_dump(exclude={"id", "key", "source", "text", "url"}))
        mapping[a.id] = new.id
        articles.append(new)
    doc = report.model_dump_json(by_alias=True, exclude={"articles"})
    doc = _HEX.sub(lambda m: mapping.get(m.group(), content_id(m.group(), str(k))), doc)
    data = json.loads(doc)
    data["articles"] = [a.model_dump(mode="json") for a in articles]
    return Report.model_validate(data)


def build_store(db: Path, data: Path, quick: bool) -> dict[str, Any]:
    from corroborate.pipeline import analyse
    from corroborate.store import Store

    real = load_articles(data, 400 if quick else None)
    start = time.perf_counter()
    report = analyse(real)
    analysed = time.perf_counter() - start
    target = 3 * len(real) if quick else TARGET
    copies = 0
    start = time.perf_counter()
    with Store(db) as store:
        store.save_report(report)
        while (missing := target - store.count()) > 0:
            copies += 1
            extra = copy_report(report, copies, missing)
            if not extra.articles:
                break
            store.save_report(extra)
        stats = store.stats()
    return {
        "real_articles": len(real),
        "copies": copies,
        "pipeline_seconds": round(analysed, 1),
        "save_seconds": round(time.perf_counter() - start, 1),
        "store_mb": round(db.stat().st_size / 2**20, 1),
        **{f"store_{k}": v for k, v in stats.items()},
    }


@contextmanager
def serving(db: Path) -> Iterator[str]:
    import uvicorn

    from corroborate.web import WebSettings, create_app

    app = create_app(WebSettings(db=db, read_only=True))
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets that say so, and
    # without it every keep-alive response waits ~40 ms for a delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(15)
        sock.close()


def percentiles(ms: list[float]) -> dict[str, float]:
    ms = sorted(ms)
    q = statistics.quantiles(ms, n=100, method="inclusive")
    return {"n": len(ms), "p50_ms": round(q[49], 1), "p95_ms": round(q[94], 1),
            "p99_ms": round(q[98], 1), "max_ms": round(ms[-1], 1)}


def timed(get: Callable[[str], Any], urls: list[str], threads: int = 1) -> dict[str, Any]:
    def one(url: str) -> float:
        start = time.perf_counter()
        r = get(url)
        took = (time.perf_counter() - start) * 1000
        if r.status_code != 200:
            raise RuntimeError(f"{url}: HTTP {r.status_code}")
        return took

    start = time.perf_counter()
    if threads == 1:
        ms = [one(u) for u in urls]
    else:
        with ThreadPoolExecutor(threads) as pool:
            ms = list(pool.map(one, urls))
    wall = time.perf_counter() - start
    return {**percentiles(ms), "requests_per_s": round(len(urls) / wall, 1)}


def workload(base: str, db: Path, n: int, seed: int = 11) -> dict[str, list[str]]:
    import sqlite3
    from urllib.parse import urlencode

    conn = sqlite3.connect(db)
    events = [r[0] for r in conn.execute("SELECT id FROM events")]
    titles = [r[0] for r in conn.execute("SELECT json_extract(json, '$.title') FROM events "
                                         "LIMIT 2000")]
    places = [r[0] for r in conn.execute(
        "SELECT DISTINCT json_extract(value, '$.name') FROM events, json_each(events.json, "
        "'$.places') LIMIT 500") if r[0]]
    dates = sorted(r[0] for r in conn.execute("SELECT date FROM events WHERE date IS NOT NULL"))
    conn.close()
    rng = random.Random(seed)
    words = [w for t in titles for w in re.findall(r"[A-Za-z]{5,}", t or "")]
    queries: list[dict[str, Any]] = []
    for i in range(n):
        kind = i % 6
        if kind == 0:
            queries.append({})
        elif kind == 1:
            queries.append({"q": rng.choice(words)})
        elif kind == 2:
            queries.append({"place": rng.choice(places)})
        elif kind == 3:
            a = dt.date.fromisoformat(rng.choice(dates)[:10])
            b = a + dt.timedelta(days=rng.choice((1, 30, 365)))
            queries.append({"date_from": a.isoformat(), "date_to": b.isoformat()})
        elif kind == 4:
            queries.append({"conflict": "true"})
        else:
            queries.append({"offset": rng.randrange(0, max(1, len(events) - 50))})
    return {
        "event_page": [f"{base}/events/{rng.choice(events)}" for _ in range(n)],
        "events_api": [f"{base}/api/events?{urlencode(q)}" for q in queries],
        "event_api": [f"{base}/api/events/{rng.choice(events)}" for _ in range(n // 2)],
        "events_page": [f"{base}/?{urlencode({k.replace('date_', ''): v for k, v in q.items()})}"
                        for q in queries[: n // 2]],
    }


def run(data_dir: Path, quick: bool = False, requests: int | None = None,
        store: Path | None = None) -> dict[str, Any]:
    """Build the store, serve it, measure; returns the numbers (see the module docstring).

    ``store``: a store file to use, built there first when missing (kept afterwards)."""
    import httpx

    from corroborate.store import Store

    n = requests or (120 if quick else 600)
    with tempfile.TemporaryDirectory() as tmp:
        db = store or Path(tmp) / "web.db"
        if db.exists():
            with Store(db, read_only=True) as s:
                result: dict[str, Any] = {"store": {f"store_{k}": v
                                                    for k, v in s.stats().items()}}
        else:
            result = {"store": build_store(db, data_dir, quick)}
        with serving(db) as base, httpx.Client(timeout=60) as client:
            urls = workload(base, db, n)
            for u in urls["event_page"][:10] + urls["events_api"][:10]:
                client.get(u)  # warm up: first connections, caches, page cache
            sequential = {name: timed(client.get, u) for name, u in urls.items()}
            # 8 clients at once (each thread its own connection pool via one shared client).
            concurrent = {name: timed(client.get, urls[name], threads=8)
                          for name in ("event_page", "events_api")}
        result["sequential"] = sequential
        result["concurrent_8"] = concurrent
        result["target_p95_ms"] = 200
        result["meets_target"] = all(
            sequential[k]["p95_ms"] < 200 for k in ("event_page", "events_api"))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--requests", type=int, default=None)
    parser.add_argument("--store", type=Path, default=None,
                        help="store file to reuse (built there first when missing)")
    args = parser.parse_args()
    print(json.dumps(run(args.data, args.quick, args.requests, args.store), indent=2))


if __name__ == "__main__":
    main()
