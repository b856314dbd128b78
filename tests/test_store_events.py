"""Events that survive in the store: incremental grouping at ingest, stable ids, edits."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from corroborate.cli import main
from corroborate.events import EventGrouper
from corroborate.model import Article
from corroborate.pipeline import STAGES, Batch, analyse
from corroborate.store import STORE_VERSION, Store, StoreError
from corroborate.store.events import group_stored


@pytest.fixture(scope="module")
def corpus(events_corpus: list[Article]) -> list[Article]:
    return events_corpus


@pytest.fixture(scope="module")
def gold(events_manifest: dict[str, Any], corpus: list[Article]) -> set[frozenset[str]]:
    ids = {a.key: a.id for a in corpus}
    return {frozenset(ids[k] for k in ev) for ev in events_manifest["events"]}


def _partition(events: Any) -> set[frozenset[str]]:
    return {frozenset(e.articles) for e in events}


def test_batches_join_stored_events_with_stable_ids(
    corpus: list[Article], gold: set[frozenset[str]]
) -> None:
    with Store(":memory:") as store:
        store.add_articles(corpus[:3])
        first = group_stored(store)
        assert (first.grouped, first.joined) == (3, 0)
        ids_before = {e.id for e in first.events}
        store.add_articles(corpus[3:])
        second = group_stored(store)
        assert second.grouped == len(corpus) - 3
        assert _partition(second.events) == gold
        # Events already shown keep their ids; brenford_3 joined brenford_1's event.
        assert ids_before <= {e.id for e in second.events}
        assert second.joined >= 2
        assert second.opened == len(gold) - len(ids_before)
        again = group_stored(store)  # nothing new: nothing grouped, same events
        assert (again.grouped, again.events) == (0, second.events)


def test_saved_grouping_continues_like_one_that_never_stopped(corpus: list[Article]) -> None:
    live = EventGrouper()
    with Store(":memory:") as store:
        for i in range(0, len(corpus), 3):
            chunk = corpus[i : i + 3]
            batch = Batch(articles=chunk)
            STAGES["claims"](batch)
            STAGES["places"](batch)
            live.update(chunk, batch.claims, batch.places)
            store.add_articles(chunk)
            group_stored(store)
        reloaded = store.load_grouper()
    assert reloaded.partition() == live.partition()
    assert [e.model_dump() for e in reloaded.events()] == [e.model_dump() for e in live.events()]


def test_stale_grouper_is_not_saved_over_a_newer_one(corpus: list[Article]) -> None:
    with Store(":memory:") as store:
        store.add_articles(corpus[:2])
        group_stored(store)
        stale = store.load_grouper()
        store.add_articles(corpus[2:4])
        group_stored(store)
        stale.update(corpus[4:5])
        with pytest.raises(StoreError, match="changed since it was loaded"):
            store.save_grouper(stale)
        assert len(store.load_grouper().partition()) == len(group_stored(store).events)
        assert sum(len(m) for m in store.load_grouper().partition().values()) == 4


def test_report_on_the_store_uses_its_events(corpus: list[Article]) -> None:
    with Store(":memory:") as store:
        store.add_articles(corpus)
        grouping = group_stored(store)
        rep = analyse(store.articles(), events=grouping.events)
    assert [e.id for e in rep.events] == [e.id for e in grouping.events]
    brenford = next(e for e in rep.events if len(e.articles) == 3)
    assert ("killed", 4) in {(f.measure, f.best) for f in brenford.facts}


def test_analyse_groups_articles_the_given_events_do_not_hold(corpus: list[Article]) -> None:
    with Store(":memory:") as store:
        store.add_articles(corpus[:4])
        grouping = group_stored(store)
    rep = analyse(corpus, events=grouping.events)
    assert sorted(a for e in rep.events for a in e.articles) == sorted(a.id for a in corpus)
    assert [e.id for e in rep.events[: len(grouping.events)]] == [e.id for e in grouping.events]
    # The rest are grouped among themselves, as one batch would be.
    rest = {a.id for a in corpus[4:]}
    assert all(set(e.articles) <= rest for e in rep.events[len(grouping.events) :])


def test_superseded_revisions_leave_the_listed_events() -> None:
    url = "https://x.example/news/depot-fire"
    v1 = Article.create("A fire at the Halden depot killed seven workers.", "a.html", url=url)
    v2 = Article.create("A fire at the Halden depot killed eight workers.", "a.html", url=url)
    with Store(":memory:") as store:
        store.add_articles([v1])
        group_stored(store)
        store.add_articles([v2])
        events = group_stored(store).events
    assert [a for e in events for a in e.articles] == [v2.id]


def test_version_2_store_gains_the_event_tables(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    with Store(path) as store:
        store.add_articles([Article.create("Two died in a fire.", "a.txt")])
    conn = sqlite3.connect(path)
    conn.executescript("DROP TABLE event_docs; DROP TABLE event_state; PRAGMA user_version = 2;")
    conn.close()
    with Store(path) as store:
        assert group_stored(store).grouped == 1
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == STORE_VERSION == 3
    assert conn.execute("SELECT count(*) FROM event_docs").fetchone()[0] == 1
    conn.close()


# --- command line -----------------------------------------------------------------------


def _write(folder: Path, corpus: list[Article], keys: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for a in corpus:
        if a.key in keys:
            (folder / f"{a.key}.md").write_text(f"---\ndate: {a.date}\n---\n\n{a.text}\n")
    return folder


def _json(args: list[str]) -> Any:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_cli_ingest_groups_incrementally_and_events_can_be_edited(
    tmp_path: Path, corpus: list[Article]
) -> None:
    db = str(tmp_path / "news.db")
    morning = _write(tmp_path / "morning", corpus, ["brenford_1", "tallis_1", "pub_1"])
    later = _write(tmp_path / "later", corpus, ["brenford_2", "brenford_3", "pub_2", "tallis_2"])
    out = _json(["ingest", str(morning), "--db", db, "--json"])
    assert out["events"]["grouped"] == 3 and out["events"]["opened"] == 3
    out = _json(["ingest", str(later), "--db", db, "--json"])
    assert out["events"] == {**out["events"], "grouped": 4, "joined": 4, "opened": 0}
    listed = _json(["events", "--db", db, "--json"])
    assert sorted(len(e["articles"]) for e in listed) == [2, 2, 3]
    brenford = next(e for e in listed if len(e["articles"]) == 3)

    # Split by hand, then merge back: both recorded, both survive a new process.
    moved = brenford["articles"][-1]
    after_split = _json(["events", "split", brenford["id"], moved, "--db", db, "--json"])
    assert len(after_split) == 4
    new_id = next(e["id"] for e in after_split if e["articles"] == [moved])
    merged = _json(["events", "merge", brenford["id"], new_id, "--db", db, "--json"])
    kept = next(e for e in merged if e["id"] == brenford["id"])
    assert new_id in kept["merged_from"] and moved in kept["articles"]
    assert _json(["events", "--db", db, "--json"]) == merged

    # A report on the store shows the same event ids.
    rep = _json(["report", "--db", db, "--out", str(tmp_path / "r"), "--json"])
    assert rep["events"] == 3
    saved = json.loads((tmp_path / "r" / "report.json").read_text())
    assert {e["id"] for e in saved["events"]} == {e["id"] for e in merged}


def test_cli_events_errors_are_clear(tmp_path: Path, corpus: list[Article]) -> None:
    db = str(tmp_path / "news.db")
    _json(["ingest", str(_write(tmp_path / "in", corpus, ["brenford_1"])), "--db", db, "--json"])
    result = CliRunner().invoke(main, ["events", "merge", "ev-nope", "ev-other", "--db", db])
    assert result.exit_code == 2 and "unknown event id" in result.output
    out = _json(["events", "reset", "--db", db, "--json"])
    assert out == {"ok": True, "forgotten": 1}
    assert len(_json(["events", "--db", db, "--json"])) == 1  # grouped afresh


def test_cli_ingest_no_events_defers_grouping(tmp_path: Path, corpus: list[Article]) -> None:
    db = str(tmp_path / "news.db")
    folder = _write(tmp_path / "in", corpus, ["brenford_1", "brenford_2"])
    out = _json(["ingest", str(folder), "--db", db, "--no-events", "--json"])
    assert out["added"] == 2 and out["events"] is None
    with Store(db) as store:
        assert store.load_grouper().partition() == {}
    assert [len(e["articles"]) for e in _json(["events", "--db", db, "--json"])] == [2]


def test_grouping_hands_back_the_saved_grouper(corpus: list[Article]) -> None:
    with Store(":memory:") as store:
        store.add_articles(corpus)
        grouping = group_stored(store)
        assert grouping.grouper.partition() == store.load_grouper().partition()
        assert _partition(grouping.events) == _partition(grouping.grouper.events())
