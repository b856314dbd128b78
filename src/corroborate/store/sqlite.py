"""The embedded SQLite store: articles and analysis results, one file, no server.

    >>> from corroborate.model import Article
    >>> with Store(":memory:") as store:
    ...     first = store.add_articles([Article.create("Two died.", "a.txt")])
    ...     again = store.add_articles([Article.create("Two died.", "a.txt")])
    ...     (len(first.added), len(again.added), len(again.existing), len(store))
    (1, 0, 1, 1)

Every write is one transaction, so a crash mid-batch leaves the store as it was. Rows keep
the full record as JSON next to a few indexed columns; all SQL is parameterised because
article text is untrusted.

A changed page at a URL already stored becomes a new *revision* of that article: it is
stored with ``revision`` 2, 3, ... and ``previous`` (the id it replaces), and the older one
is kept but no longer listed by :meth:`Store.articles`:

    >>> v1 = Article.create("Two died.", "a.html", url="https://x.org/fire")
    >>> v2 = Article.create("Three died.", "a.html", url="https://www.x.org/fire/")
    >>> with Store(":memory:") as store:
    ...     _ = store.add_articles([v1])
    ...     result = store.add_articles([v2])
    ...     current = store.articles()
    ...     history = store.revisions("https://x.org/fire")
    >>> result.revised == [(v1.id, v2.id)], [(a.revision, a.previous == v1.id) for a in current]
    (True, [(2, True)])
    >>> [a.text for a in history]
    ['Two died.', 'Three died.']
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from corroborate.ingest.urls import url_key
from corroborate.model import Article, Claim, Event, Relation, Report
from corroborate.store.query import StoreQueries, ensure_search_index, has_search_index

if TYPE_CHECKING:
    from corroborate.events import EventGrouper, EventSettings

DEFAULT_DB = "corroborate.db"
"""File name used when the store path is a folder (and the CLI's default)."""

STORE_VERSION = 3
"""``PRAGMA user_version`` of the schema below; bump with a migration when it changes.
Version 2 added revisions (``url_key``, ``revision``, ``superseded_by``), version 3 the
incremental event grouping (``event_state``, ``event_docs``); older stores are upgraded in
place when opened."""

# "CORB": marks the file as ours, so another program's SQLite file is not mistaken for one.
APPLICATION_ID = 0x434F5242

# The incremental event grouping (corroborate.store.events): the grouper's state without
# its per-article features, which are appended to event_docs in the order they were added.
_EVENT_TABLES = """
CREATE TABLE event_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    updated TEXT NOT NULL,
    json    TEXT NOT NULL
);
CREATE TABLE event_docs (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    article TEXT NOT NULL UNIQUE,
    json    TEXT NOT NULL
);
"""

_SCHEMA = """
CREATE TABLE articles (
    id      TEXT PRIMARY KEY,
    key     TEXT NOT NULL,
    source  TEXT NOT NULL,
    format  TEXT NOT NULL,
    title   TEXT,
    outlet  TEXT,
    date    TEXT,
    added   TEXT NOT NULL,
    json    TEXT NOT NULL,
    url_key TEXT,
    revision INTEGER NOT NULL DEFAULT 1,
    superseded_by TEXT
);
CREATE INDEX articles_key ON articles(key);
CREATE INDEX articles_url_key ON articles(url_key);
CREATE TABLE runs (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    kind      TEXT NOT NULL,
    schema    TEXT,
    generated TEXT,
    inputs    TEXT NOT NULL,
    counts    TEXT NOT NULL
);
CREATE TABLE claims (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    id      TEXT NOT NULL,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event   TEXT,
    measure TEXT NOT NULL,
    run     INTEGER NOT NULL REFERENCES runs(id),
    json    TEXT NOT NULL
);
CREATE INDEX claims_id ON claims(id);
CREATE INDEX claims_article ON claims(article);
CREATE INDEX claims_event ON claims(event);
CREATE INDEX claims_measure ON claims(measure);
CREATE TABLE relations (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    a       TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    b       TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind    TEXT NOT NULL,
    run     INTEGER NOT NULL REFERENCES runs(id),
    json    TEXT NOT NULL
);
CREATE INDEX relations_a ON relations(a);
CREATE INDEX relations_b ON relations(b);
CREATE TABLE events (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    id      TEXT NOT NULL,
    date    TEXT,
    run     INTEGER NOT NULL REFERENCES runs(id),
    json    TEXT NOT NULL
);
CREATE INDEX events_id ON events(id);
CREATE INDEX events_run ON events(run);
CREATE TABLE event_articles (
    event   INTEGER NOT NULL REFERENCES events(seq) ON DELETE CASCADE,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (event, article)
);
CREATE INDEX event_articles_article ON event_articles(article);
""" + _EVENT_TABLES



class StoreError(Exception):
    """The store file cannot be used: not a store, too new, or unreadable."""


@dataclass(frozen=True)
class AddResult:
    """Ids newly added and ids that were already stored (each listed once); ``revised``
    pairs (old id, new id) for added articles that are a new version of a stored URL."""

    added: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)
    revised: list[tuple[str, str]] = field(default_factory=list)


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


class Store(StoreQueries):
    """A Corroborate store in one SQLite file (``":memory:"`` for a throwaway one).

        >>> with Store(":memory:") as s:
        ...     s.count()
        0

    ``path`` may be a folder, meaning ``path / DEFAULT_DB``. Raises :class:`StoreError` when
    the file is not a Corroborate store or was written by a newer version.

    ``read_only=True`` opens an existing store without writing to it at all (no upgrade, no
    search index added: searches then match substrings); any write raises ``StoreError``.
    ``check_same_thread=False`` lets another thread close (or use) the connection; the
    caller then makes sure only one thread uses it at a time. ``timeout`` is how long a
    write waits for another writer (seconds).
    The read methods (search, events, claims, relations) are in
    :class:`~corroborate.store.query.StoreQueries`.
    """

    def __init__(
        self, path: str | Path, *, read_only: bool = False, check_same_thread: bool = True,
        timeout: float = 5.0,
    ) -> None:
        p = Path(path)
        if str(path) != ":memory:" and p.is_dir():
            p = p / DEFAULT_DB
        self.path = p
        self._name = str(path) if str(path) == ":memory:" else str(p)
        self.read_only = read_only
        if self._name != ":memory:":
            self._check_header(p)
        if read_only and (self._name == ":memory:" or not p.is_file()):
            raise StoreError(f"{self._name}: no store there to open read-only")
        try:
            # isolation_level=None: transactions are explicit (see _transaction).
            self._conn: sqlite3.Connection | None = (
                sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", isolation_level=None,
                                uri=True, check_same_thread=check_same_thread, timeout=timeout)
                if read_only
                else sqlite3.connect(self._name, isolation_level=None,
                                     check_same_thread=check_same_thread, timeout=timeout)
            )
        except sqlite3.Error as exc:
            raise StoreError(f"{self._name}: cannot open store ({exc})") from None
        try:
            if read_only:
                self._setup_read_only()
            else:
                self._setup()
        except sqlite3.DatabaseError as exc:
            self.close()
            raise StoreError(f"{self._name} is not a Corroborate store ({exc})") from None
        except StoreError:
            self.close()
            raise

    # --- opening -----------------------------------------------------------------------

    def _check_header(self, p: Path) -> None:
        # sqlite3 only notices a foreign file at the first query; check the magic up front.
        try:
            with p.open("rb") as fh:
                head = fh.read(16)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise StoreError(f"{p}: cannot open store ({exc.strerror or exc})") from None
        if head and head != b"SQLite format 3\x00":
            raise StoreError(f"{p} is not a Corroborate store (not a SQLite database)")

    def _setup(self) -> None:
        conn = self._db
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if version == 0 and app_id == 0 and tables == 0:
            with self._transaction():
                # Re-check under the write lock: another process may have just created it.
                if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            conn.execute(statement)
                    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    conn.execute(f"PRAGMA user_version = {STORE_VERSION}")
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise StoreError(f"{self._name} is not a Corroborate store (another SQLite database)")
        elif version > STORE_VERSION:
            raise StoreError(
                f"{self._name} was written by a newer Corroborate (store version {version}; "
                f"this version reads up to {STORE_VERSION}); upgrade corroborate to open it"
            )
        elif version < 1:
            raise StoreError(
                f"{self._name} has an old store version {version} that cannot be upgraded"
            )
        if version == 1:
            self._upgrade_from_1()
        if version <= 2:
            self._upgrade_from_2()
        # WAL: readers are not blocked by a writer, and a crash cannot corrupt the file.
        conn.execute("PRAGMA journal_mode = WAL")
        # The full-text index (corroborate.store.query), added in place to older stores.
        self._fts = ensure_search_index(conn)

    def _setup_read_only(self) -> None:
        conn = self._db
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise StoreError(f"{self._name} is not a Corroborate store")
        if version != STORE_VERSION:
            raise StoreError(
                f"{self._name} has store version {version}; this version reads "
                f"{STORE_VERSION} read-only (open it once without read-only to upgrade it)"
            )
        self._fts = has_search_index(conn)

    def _upgrade_from_1(self) -> None:
        """Version 1 -> 2: add the revision columns, keyed by each article's URL."""
        with self._transaction() as conn:
            if conn.execute("PRAGMA user_version").fetchone()[0] != 1:
                return  # another process upgraded it first
            conn.execute("ALTER TABLE articles ADD COLUMN url_key TEXT")
            conn.execute("ALTER TABLE articles ADD COLUMN revision INTEGER NOT NULL DEFAULT 1")
            conn.execute("ALTER TABLE articles ADD COLUMN superseded_by TEXT")
            conn.execute("CREATE INDEX articles_url_key ON articles(url_key)")
            rows = conn.execute(
                "SELECT id, json_extract(json, '$.url') FROM articles WHERE "
                "json_extract(json, '$.url') IS NOT NULL"
            ).fetchall()
            conn.executemany("UPDATE articles SET url_key = ? WHERE id = ?",
                             [(url_key(u), i) for i, u in rows])
            conn.execute("PRAGMA user_version = 2")

    def _upgrade_from_2(self) -> None:
        """Version 2 -> 3: add the event grouping tables (empty: filled at the next ingest)."""
        with self._transaction() as conn:
            if conn.execute("PRAGMA user_version").fetchone()[0] != 2:
                return
            for statement in _EVENT_TABLES.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("PRAGMA user_version = 3")

    @property
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"{self._name}: store is closed")
        return self._conn

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception: all or nothing."""
        conn = self._db
        if self.read_only:
            raise StoreError(f"{self._name}: opened read-only; nothing can be written")
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self._name!r})"

    # --- articles ----------------------------------------------------------------------

    def add_articles(
        self, articles: Iterable[Article], *, commit_every: int | None = None
    ) -> AddResult:
        """Insert articles not yet stored (by id), in one transaction; ``articles`` may be a
        generator, consumed as it goes, so memory does not grow with the input.

        Adding the same articles again adds nothing; they are listed in ``existing``. An
        article whose URL (:func:`~corroborate.ingest.urls.url_key`: scheme, ``www.``,
        tracking parameters and web-archive wrappers aside) matches a stored article with
        different content is stored as its next revision (``revision``, ``previous``) and
        the older one is superseded. With ``commit_every=N`` the batch is committed every N
        articles (a crash then keeps the committed part; adding again is idempotent).
        """
        result = AddResult()
        seen: set[str] = set()
        now = _now()
        iterator = iter(articles)
        logged = False
        while True:
            done = True
            pending: list[str] = []
            with self._transaction() as conn:
                for art in iterator:
                    if art.id in seen:
                        continue
                    seen.add(art.id)
                    self._add_one(conn, art, now, result)
                    pending.append(art.id)
                    if commit_every and len(pending) >= commit_every:
                        done = False
                        break
                if pending or not logged:
                    self._log_add(conn, now, pending, result)
                    logged = True
            if done:
                return result

    def _log_add(self, conn: sqlite3.Connection, now: str, ids: list[str],
                 result: AddResult) -> None:
        added = set(result.added)
        counts = {"added": sum(i in added for i in ids),
                  "existing": sum(i not in added for i in ids)}
        revised = {new for _, new in result.revised}
        if any(i in revised for i in ids):
            counts["revised"] = sum(i in revised for i in ids)
        conn.execute(
            "INSERT INTO runs (at, kind, inputs, counts) VALUES (?, 'add', ?, ?)",
            (now, json.dumps(ids), json.dumps(counts)),
        )

    @staticmethod
    def _add_one(conn: sqlite3.Connection, art: Article, now: str,
                 result: AddResult | None = None) -> bool:
        """Insert one article (as a new revision when its URL is known); True if added."""
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (art.id,)).fetchone():
            if result is not None:
                result.existing.append(art.id)
            return False
        key = url_key(art.url)
        previous = None
        if key is not None:
            previous = conn.execute(
                "SELECT id, revision FROM articles WHERE url_key = ? AND superseded_by IS NULL "
                "ORDER BY rowid DESC LIMIT 1",
                (key,),
            ).fetchone()
        if previous is not None:
            art = art.model_copy(update={"revision": previous[1] + 1, "previous": previous[0]})
        # Serialise inside the transaction: if one article fails, none is added.
        doc = art.model_dump_json()
        conn.execute(
            "INSERT INTO articles (id, key, source, format, title, outlet, date, added, json, "
            "url_key, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (art.id, art.key, art.source, art.format, art.title, art.outlet, art.date, now, doc,
             key, art.revision),
        )
        if previous is not None:
            conn.execute("UPDATE articles SET superseded_by = ? WHERE id = ?",
                         (art.id, previous[0]))
            if result is not None:
                result.revised.append((previous[0], art.id))
        if result is not None:
            result.added.append(art.id)
        return True

    def revisions(self, url: str) -> list[Article]:
        """Every stored version of the page at ``url``, oldest first."""
        key = url_key(url)
        if key is None:
            return []
        rows = self._db.execute(
            "SELECT json FROM articles WHERE url_key = ? ORDER BY revision, rowid", (key,)
        ).fetchall()
        return [Article.model_validate_json(r[0]) for r in rows]

    def runs(self) -> list[dict[str, Any]]:
        """The log of writes, oldest first: ``{"id", "at", "kind", "inputs", "counts"}``
        (``kind`` is ``"add"`` or ``"report"``; ``inputs`` are article ids)."""
        rows = self._db.execute("SELECT id, at, kind, inputs, counts FROM runs ORDER BY id")
        return [
            {"id": r[0], "at": r[1], "kind": r[2], "inputs": json.loads(r[3]),
             "counts": json.loads(r[4])}
            for r in rows
        ]

    def articles(
        self, ids: Sequence[str] | None = None, *, all_revisions: bool = False
    ) -> list[Article]:
        """Stored articles in insertion order: the current revision of each, or every
        revision with ``all_revisions``; exactly those in ``ids`` if given (unknown ids are
        skipped)."""
        if ids is None:
            where = "" if all_revisions else " WHERE superseded_by IS NULL"
            rows = self._db.execute(f"SELECT json FROM articles{where} ORDER BY rowid").fetchall()
        else:
            # One JSON parameter instead of building "IN (?, ?, ...)": no variable limit.
            rows = self._db.execute(
                "SELECT json FROM articles WHERE id IN (SELECT value FROM json_each(?)) "
                "ORDER BY rowid",
                (json.dumps(list(ids)),),
            ).fetchall()
        return [Article.model_validate_json(r[0]) for r in rows]

    def article_ids(self, *, all_revisions: bool = False) -> list[str]:
        """Ids of :meth:`articles`, in the same order, without reading the records."""
        where = "" if all_revisions else " WHERE superseded_by IS NULL"
        return [r[0] for r in self._db.execute(f"SELECT id FROM articles{where} ORDER BY rowid")]

    def __contains__(self, article_id: object) -> bool:
        row = self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def count(self, *, all_revisions: bool = False) -> int:
        """Number of stored articles (current revisions only unless ``all_revisions``)."""
        where = "" if all_revisions else " WHERE superseded_by IS NULL"
        return int(self._db.execute(f"SELECT count(*) FROM articles{where}").fetchone()[0])

    def __len__(self) -> int:
        return self.count()

    # --- analysis results --------------------------------------------------------------

    def save_report(self, report: Report) -> int:
        """Store a report's results, replacing earlier claims, relations and events of
        exactly its articles, in one transaction. Returns the run id.

        The report's articles are added if missing. :meth:`load_report` gives it back.
        """
        ids = [a.id for a in report.articles]
        event_of: dict[str, str] = {}
        for ev in report.events:
            for aid in ev.articles:
                event_of.setdefault(aid, ev.id)
        counts = {
            "articles": len(report.articles),
            "claims": len(report.claims),
            "events": len(report.events),
            "relations": len(report.relations),
        }
        try:
            run = self._save_report(report, ids, event_of, counts)
        except sqlite3.IntegrityError as exc:
            raise StoreError(
                f"{self._name}: the report refers to an article it does not contain ({exc}); "
                "nothing was saved"
            ) from None
        return run

    def _save_report(
        self, report: Report, ids: list[str], event_of: dict[str, str], counts: dict[str, int]
    ) -> int:
        ids_json = json.dumps(ids)
        with self._transaction() as conn:
            self._insert_articles(conn, report.articles)
            in_ids = "(SELECT value FROM json_each(?))"
            conn.execute(f"DELETE FROM claims WHERE article IN {in_ids}", (ids_json,))
            conn.execute(
                f"DELETE FROM relations WHERE a IN {in_ids} OR b IN {in_ids}",
                (ids_json, ids_json),
            )
            conn.execute(
                "DELETE FROM events WHERE seq IN (SELECT event FROM event_articles "
                f"WHERE article IN {in_ids})",
                (ids_json,),
            )
            run = conn.execute(
                "INSERT INTO runs (at, kind, schema, generated, inputs, counts) "
                "VALUES (?, 'report', ?, ?, ?, ?)",
                (_now(), report.schema_, report.generated, ids_json, json.dumps(counts)),
            ).lastrowid
            conn.executemany(
                "INSERT INTO claims (id, article, event, measure, run, json) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (c.id, c.article, event_of.get(c.article), c.measure, run,
                     c.model_dump_json())
                    for c in report.claims
                ],
            )
            conn.executemany(
                "INSERT INTO relations (a, b, kind, run, json) VALUES (?, ?, ?, ?, ?)",
                [(r.a, r.b, r.kind, run, r.model_dump_json()) for r in report.relations],
            )
            for ev in report.events:
                seq = conn.execute(
                    "INSERT INTO events (id, date, run, json) VALUES (?, ?, ?, ?)",
                    (ev.id, ev.date, run, ev.model_dump_json()),
                ).lastrowid
                conn.executemany(
                    "INSERT OR IGNORE INTO event_articles (event, article) VALUES (?, ?)",
                    [(seq, aid) for aid in ev.articles],
                )
        assert run is not None
        return run

    @classmethod
    def _insert_articles(cls, conn: sqlite3.Connection, articles: Iterable[Article]) -> None:
        now = _now()
        for art in articles:
            cls._add_one(conn, art, now)

    # --- incremental event grouping ------------------------------------------------------

    def load_grouper(self, settings: EventSettings | None = None) -> EventGrouper:
        """The event grouper saved by :meth:`save_grouper`, or a fresh one.

        ``settings`` apply to a fresh grouper only; a saved one keeps its own (changing
        thresholds midway would make the stored events inconsistent).
        """
        from corroborate.events import EventGrouper

        conn = self._db
        row = conn.execute("SELECT json FROM event_state WHERE id = 1").fetchone()
        if row is None:
            return EventGrouper(settings)
        state = json.loads(row[0])
        state["docs"] = [
            json.loads(r[0]) for r in conn.execute("SELECT json FROM event_docs ORDER BY seq")
        ]
        try:
            return EventGrouper.from_state(state)
        except (KeyError, ValueError, TypeError) as exc:
            raise StoreError(
                f"{self._name}: the saved event grouping cannot be read by this version "
                f"({exc}); clear it with `corroborate events reset`"
            ) from None

    def save_grouper(self, grouper: EventGrouper) -> None:
        """Save the grouper in one transaction: its new articles' features are appended,
        the rest of its state (statistics, events, links, history) replaced."""
        state = grouper.to_state()
        docs = state.pop("docs")
        with self._transaction() as conn:
            known = [r[0] for r in conn.execute("SELECT article FROM event_docs ORDER BY seq")]
            saved = len(known)
            if known != [d["article"] for d in docs[:saved]]:
                raise StoreError(
                    f"{self._name}: the event grouping changed since it was loaded (another "
                    "process grouped reports meanwhile); nothing was saved, run it again"
                )
            conn.executemany(
                "INSERT INTO event_docs (article, json) VALUES (?, ?)",
                [(d["article"], json.dumps(d, separators=(",", ":"))) for d in docs[saved:]],
            )
            conn.execute(
                "INSERT INTO event_state (id, updated, json) VALUES (1, ?, ?) ON CONFLICT(id) "
                "DO UPDATE SET updated = excluded.updated, json = excluded.json",
                (_now(), json.dumps(state, separators=(",", ":"))),
            )

    def reset_grouper(self) -> int:
        """Forget the saved event grouping (articles stay); returns how many were grouped."""
        with self._transaction() as conn:
            n: int = conn.execute("SELECT count(*) FROM event_docs").fetchone()[0]
            conn.execute("DELETE FROM event_docs")
            conn.execute("DELETE FROM event_state")
        return n

    def load_report(self) -> Report | None:
        """The latest saved report, rebuilt from its rows; None when none was saved."""
        conn = self._db
        row = conn.execute(
            "SELECT id, schema, generated, inputs FROM runs WHERE kind = 'report' "
            "ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        run, schema, generated, inputs = row
        ids: list[str] = json.loads(inputs)
        by_id = {a.id: a for a in self.articles(ids)}
        try:
            claims = [
                Claim.model_validate_json(r[0])
                for r in conn.execute(
                    "SELECT json FROM claims WHERE article IN "
                    "(SELECT value FROM json_each(?)) ORDER BY seq",
                    (inputs,),
                )
            ]
            relations = [
                Relation.model_validate_json(r[0])
                for r in conn.execute(
                    "SELECT json FROM relations WHERE a IN (SELECT value FROM json_each(?)) "
                    "AND b IN (SELECT value FROM json_each(?)) ORDER BY seq",
                    (inputs, inputs),
                )
            ]
            events = [
                Event.model_validate_json(r[0])
                for r in conn.execute("SELECT json FROM events WHERE run = ? ORDER BY seq",
                                      (run,))
            ]
            return Report.model_validate(
                {
                    "schema": schema,
                    "generated": generated,
                    "articles": [by_id[i] for i in ids if i in by_id],
                    "events": events,
                    "claims": claims,
                    "relations": relations,
                }
            )
        except ValidationError as exc:
            raise StoreError(
                f"{self._name}: the saved report (schema {schema}) does not match this "
                f"version's records; run the analysis again ({exc.error_count()} errors)"
            ) from None
