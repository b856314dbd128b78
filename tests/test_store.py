"""Tests for corroborate.store: idempotency, atomicity, persistence, versions, reports."""

from __future__ import annotations

import doctest
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import corroborate.store.sqlite as store_module
from corroborate.model import Article, Claim, Event, Relation, Report, Span
from corroborate.store import DEFAULT_DB, STORE_VERSION, AddResult, Store, StoreError


def art(text: str, key: str | None = None) -> Article:
    return Article.create(text=text, source=f"{key or 'a'}.txt", key=key or "a")


ARTS = [art("One died.", "a"), art("Two died.", "b"), art("Three died.", "c")]


class ExplodingArticle(Article):
    """An article whose JSON serialisation fails, to break a batch half-way."""

    def model_dump_json(self, **kwargs: Any) -> str:
        raise RuntimeError("serialisation failed")


def claim(article: Article, cid: str, measure: str = "killed", value: int = 1) -> Claim:
    return Claim(
        id=cid,
        article=article.id,
        span=Span(start=0, end=9),
        number_span=Span(start=0, end=3),
        text=article.text,
        measure=measure,
        group="people",
        group_text="people",
        value=value,
        number_text=str(value),
    )


def report(
    articles: list[Article], tag: str = "1", generated: str = "2026-02-01T00:00:00+00:00"
) -> Report:
    return Report(
        generated=generated,
        articles=tuple(articles),
        events=(Event(id=f"ev{tag}", title="Attack", articles=tuple(a.id for a in articles)),),
        claims=tuple(claim(a, f"c{tag}-{i}", value=i + 1) for i, a in enumerate(articles)),
        relations=(
            (Relation(a=articles[0].id, b=articles[1].id, kind="independent", score=0.1),)
            if len(articles) > 1
            else ()
        ),
    )


def test_default_db_name() -> None:
    assert DEFAULT_DB == "corroborate.db"


def test_folder_path_means_default_file(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.add_articles(ARTS[:1])
    assert (tmp_path / DEFAULT_DB).is_file()


def test_add_is_idempotent(tmp_path: Path) -> None:
    with Store(tmp_path / "x.db") as store:
        first = store.add_articles(ARTS)
        again = store.add_articles(ARTS)
        assert first == AddResult(added=[a.id for a in ARTS], existing=[])
        assert again == AddResult(added=[], existing=[a.id for a in ARTS])
        assert len(store) == store.count() == 3


def test_duplicates_within_one_batch_count_once() -> None:
    with Store(":memory:") as store:
        result = store.add_articles([ARTS[0], ARTS[0], ARTS[1]])
        assert result.added == [ARTS[0].id, ARTS[1].id] and result.existing == []


def test_articles_in_insertion_order_and_round_trip() -> None:
    with Store(":memory:") as store:
        store.add_articles([ARTS[2], ARTS[0]])
        store.add_articles([ARTS[1]])
        assert store.articles() == [ARTS[2], ARTS[0], ARTS[1]]
        assert store.articles([ARTS[1].id, ARTS[2].id, "unknown"]) == [ARTS[2], ARTS[1]]
        assert store.articles([]) == []
        assert ARTS[0].id in store and "nope" not in store


def test_full_article_survives(tmp_path: Path) -> None:
    from corroborate.ingest import parse_document

    doc = b"---\ntitle: T\ndate: 2026-01-31\ntags: [a]\n---\nLet's dive in: Two died.\n\nShare this"
    a = parse_document(doc, "x.md")
    with Store(tmp_path / "s.db") as store:
        store.add_articles([a])
    with Store(tmp_path / "s.db") as store:
        assert store.articles() == [a]


@pytest.mark.parametrize("fail_at", [0, 1, 2])
def test_add_is_atomic(tmp_path: Path, fail_at: int) -> None:
    path = tmp_path / "x.db"
    with Store(path) as store:
        store.add_articles(ARTS[:1])
        batch: list[Article] = [art("Four died.", "d"), art("Five died.", "e")]
        batch.insert(fail_at, ExplodingArticle.create(text="Boom.", source="boom.txt"))
        with pytest.raises(RuntimeError, match="serialisation failed"):
            store.add_articles(batch)
        assert store.articles() == ARTS[:1]
        # The store is still usable after the rollback.
        assert store.add_articles(ARTS[1:2]).added == [ARTS[1].id]
    with Store(path) as store:
        assert [a.key for a in store.articles()] == ["a", "b"]
        assert [r["counts"]["added"] for r in store.runs()] == [1, 1]  # no run for the failure


def test_reopen_persists(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    with Store(path) as store:
        store.add_articles(ARTS)
    with Store(path) as store:
        assert store.articles() == ARTS
        assert store.add_articles(ARTS).added == []


def test_wal_and_version(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == STORE_VERSION
    conn.close()


@pytest.mark.parametrize(
    "content", [b"hello, this is a text file", b"\x00" * 100, b"SQLite format 2\x00" + b"x" * 100]
)
def test_rejects_non_sqlite_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=r"x\.db is not a Corroborate store"):
        Store(path)
    assert path.read_bytes() == content  # untouched


def test_rejects_other_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"other\.db is not a Corroborate store"):
        Store(path)


def test_rejects_newer_store(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {STORE_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer Corroborate"):
        Store(path)


def test_closed_store_errors_clearly() -> None:
    store = Store(":memory:")
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        store.count()


def test_untrusted_text_is_just_data() -> None:
    evil = art("'); DROP TABLE articles; --", "evil")
    with Store(":memory:") as store:
        store.add_articles([evil])
        assert store.articles([evil.id]) == [evil]
        assert store.articles(["') OR 1=1 --"]) == []


# --- reports --------------------------------------------------------------------------------


def test_no_report_yet() -> None:
    with Store(":memory:") as store:
        assert store.load_report() is None


def test_report_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    rep = report(ARTS)
    with Store(path) as store:
        store.save_report(rep)
        assert len(store) == 3  # the report's articles are added
    with Store(path) as store:
        assert store.load_report() == rep


def test_save_report_replaces_results_for_its_articles() -> None:
    with Store(":memory:") as store:
        store.save_report(report(ARTS, "1"))
        newer = report(ARTS[:2], "2", generated="2026-02-02T00:00:00+00:00")
        store.save_report(newer)
        assert store.load_report() == newer
        db = store._db
        # Old claims of a and b are gone, c's claim from the first report stays.
        assert sorted(r[0] for r in db.execute("SELECT id FROM claims")) == [
            "c1-2",
            "c2-0",
            "c2-1",
        ]
        # The old event covered a and b too, so it was replaced.
        assert [r[0] for r in db.execute("SELECT id FROM events")] == ["ev2"]
        assert db.execute("SELECT count(*) FROM relations").fetchone()[0] == 1
        assert [r["kind"] for r in store.runs()] == ["report", "report"]


def test_save_report_is_atomic() -> None:
    with Store(":memory:") as store:
        good = report(ARTS, "1")
        store.save_report(good)
        stranger = art("Not in the report.", "z")
        bad = good.model_copy(
            update={"claims": (*good.claims, claim(stranger, "orphan")), "generated": "later"}
        )
        # The orphan claim breaks a foreign key mid-transaction.
        with pytest.raises(StoreError, match="refers to an article it does not contain"):
            store.save_report(bad)
        assert store.load_report() == good
        assert len(store) == 3


def test_doctests() -> None:
    assert doctest.testmod(store_module).failed == 0


# --- revisions ------------------------------------------------------------------------------


def page(text: str, url: str = "https://x.example/news/fire", key: str = "fire") -> Article:
    return Article.create(text=text, source=f"{key}.html", key=key, url=url, format="html")


def test_changed_page_at_the_same_url_is_a_new_revision(tmp_path: Path) -> None:
    v1, v2, v3 = page("Two died."), page("Three died."), page("Four died.")
    with Store(tmp_path / "x.db") as store:
        assert store.add_articles([v1]).revised == []
        second = store.add_articles([v2])
        assert second.added == [v2.id] and second.revised == [(v1.id, v2.id)]
        # Re-ingesting the same content is a no-op, whichever revision it is.
        again = store.add_articles([v1, v2])
        assert again == AddResult(added=[], existing=[v1.id, v2.id])
        store.add_articles([v3])
        (current,) = store.articles()
        assert (current.id, current.revision, current.previous) == (v3.id, 3, v2.id)
        assert len(store) == 1 and store.count(all_revisions=True) == 3
        history = store.revisions("http://www.x.example/news/fire/?utm_source=feed")
        assert [(a.text, a.revision) for a in history] == [
            ("Two died.", 1), ("Three died.", 2), ("Four died.", 3)
        ]
        assert [a.id for a in store.articles(all_revisions=True)] == [v1.id, v2.id, v3.id]
        assert store.articles([v1.id])[0].revision == 1  # asked for by id: any revision
        assert store.runs()[1]["counts"] == {"added": 1, "existing": 0, "revised": 1}


def test_revisions_within_one_batch_and_other_urls() -> None:
    v1, v2 = page("Two died."), page("Three died.")
    other = page("Five died.", url="https://x.example/news/flood", key="flood")
    no_url = Article.create(text="Six died.", source="a.txt")
    with Store(":memory:") as store:
        result = store.add_articles([v1, other, v2, no_url])
        assert result.added == [v1.id, other.id, v2.id, no_url.id]
        assert result.revised == [(v1.id, v2.id)]
        assert [a.id for a in store.articles()] == [other.id, v2.id, no_url.id]
        assert store.article_ids() == [other.id, v2.id, no_url.id]
        assert store.article_ids(all_revisions=True) == [v1.id, other.id, v2.id, no_url.id]
        assert store.revisions("https://x.example/news/flood") == [other]
        assert store.revisions("not a url") == []


def test_a_web_archive_snapshot_is_a_revision_of_its_page() -> None:
    live = page("Two died.", url="https://www.x.example/news/fire")
    snap = page("Three died.", url="http://web.archive.org/web/20260101000000/"
                                   "http://x.example:80/news/fire")
    with Store(":memory:") as store:
        assert store.add_articles([live, snap]).revised == [(live.id, snap.id)]


def test_report_of_a_newer_revision_keeps_the_store_consistent() -> None:
    v1, v2 = page("Two died."), page("Three died.")
    with Store(":memory:") as store:
        store.add_articles([v1])
        store.save_report(report([v2, ARTS[0]]))  # adds v2 through the same path
        assert [a.id for a in store.articles()] == [v2.id, ARTS[0].id]
        assert store.articles([v2.id])[0].previous == v1.id


V1_SCHEMA = """
CREATE TABLE articles (id TEXT PRIMARY KEY, key TEXT NOT NULL, source TEXT NOT NULL,
    format TEXT NOT NULL, title TEXT, outlet TEXT, date TEXT, added TEXT NOT NULL,
    json TEXT NOT NULL);
CREATE INDEX articles_key ON articles(key);
CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, kind TEXT NOT NULL,
    schema TEXT, generated TEXT, inputs TEXT NOT NULL, counts TEXT NOT NULL);
"""


def test_version_1_store_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    v1 = page("Two died.")
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA)
    conn.execute(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (v1.id, v1.key, v1.source, v1.format, None, None, None, "2026-01-01",
         v1.model_dump_json(exclude={"date_source", "date_precision", "revision", "previous"})),
    )
    conn.execute(f"PRAGMA application_id = {store_module.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.articles() == [v1]  # old JSON still reads (new fields default)
        v2 = page("Three died.")
        assert store.add_articles([v2]).revised == [(v1.id, v2.id)]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == STORE_VERSION == 3
    conn.close()


# --- streaming and crash safety ---------------------------------------------------------


def numbered(n: int, start: int = 0) -> list[Article]:
    return [art(f"Story {i}: {i} died.", f"s{i}") for i in range(start, start + n)]


def test_add_articles_consumes_a_generator_and_commits_in_batches(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    arts = numbered(25)

    def stream() -> Any:
        yield from arts[:12]
        raise RuntimeError("the input broke")

    with Store(path) as store:
        with pytest.raises(RuntimeError):
            store.add_articles(stream(), commit_every=5)
        # Two full batches were committed before the failure; the third was rolled back.
        assert len(store) == 10
        result = store.add_articles(iter(arts), commit_every=5)
        assert len(result.added) == 15 and len(result.existing) == 10
        assert len(store) == 25
        assert sum(r["counts"]["added"] for r in store.runs()) == 25
        conn = store._db
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


_CRASH_SCRIPT = """
import sys, time
from corroborate.model import Article
from corroborate.store import Store

def stream():
    for i in range(100000):
        if i == 300:
            print("mid-batch", flush=True)
            time.sleep(60)
        yield Article.create(text=f"Story {i}: {i} died.", source=f"s{i}.txt")

with Store(sys.argv[1]) as store:
    store.add_articles(stream(), commit_every=int(sys.argv[2]) or None)
"""


@pytest.mark.parametrize(
    ("sig", "commit_every", "kept"),
    [("KILL", 0, 0), ("INT", 0, 0), ("KILL", 100, 300), ("INT", 100, 300)],
)
def test_killed_mid_ingest_leaves_the_store_consistent(
    tmp_path: Path, sig: str, commit_every: int, kept: int
) -> None:
    import signal
    import subprocess
    import sys

    path = tmp_path / "x.db"
    Store(path).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", _CRASH_SCRIPT, str(path), str(commit_every)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "mid-batch"  # 300 articles are in flight
        proc.send_signal(signal.SIGKILL if sig == "KILL" else signal.SIGINT)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode != 0
    with Store(path) as store:
        # One transaction: nothing of the interrupted batch; batches: the committed ones.
        assert len(store) == kept
        assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # Running it again adds exactly what is missing.
        again = [Article.create(text=f"Story {i}: {i} died.", source=f"s{i}.txt")
                 for i in range(400)]
        result = store.add_articles(again)
        assert (len(result.added), len(result.existing)) == (400 - kept, kept)
