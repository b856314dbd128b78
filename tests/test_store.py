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
