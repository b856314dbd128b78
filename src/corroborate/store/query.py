"""Read side of the store: a full-text search index and the queries the web app needs.

The index is two SQLite FTS5 tables kept current by triggers, so every write path (the
CLI, ``save_report``, an older Corroborate that knows nothing of them) updates it in the
same transaction:

* ``article_fts`` (contentless: only the index, not a second copy of the text) over each
  article's title and cleaned text; ``article_search`` maps its rowids to article ids. An
  article is indexed when an analysis first puts it in an event (``event_articles``), not
  when it is added, so ``corroborate ingest`` pays nothing for it (indexing costs about
  0.2-0.8 ms an article, several times the insert itself; the analysis costs ~25 ms);
  :meth:`StoreQueries.search_articles` matches articles not analysed yet by substring;
* ``event_fts`` over each event's title, places (name, admin1, country), type and flags
  (``conflict`` when a fact is in conflict), one row per ``events.seq``.

:func:`ensure_search_index` adds them in place to a store that lacks them (a store written
before they existed), filling them from the stored rows; it changes no table the rest of
the store uses, so ``STORE_VERSION`` stays as it is.

    >>> from corroborate.model import Article
    >>> from corroborate.store import Store
    >>> with Store(":memory:") as store:
    ...     _ = store.add_articles([Article.create("Two people died in Quetta.", "a.txt")])
    ...     [a.key for a in store.search_articles("quetta")[1]]
    ['a']
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from pydantic import ValidationError

from corroborate.model import Article, Claim, Event, Relation

# The event type lives in the event's JSON when the model has one (``type``; ``kind`` and
# ``event_type`` are accepted too), so the index works before and after it is added.
_EVENT_KIND = (
    "coalesce(json_extract({j}, '$.type'), json_extract({j}, '$.kind'), "
    "json_extract({j}, '$.event_type'), '')"
)
_EVENT_PLACES = (
    "coalesce((SELECT group_concat(coalesce(json_extract(value, '$.name'), '') || ' ' || "
    "coalesce(json_extract(value, '$.mention'), '') || ' ' || "
    "coalesce(json_extract(value, '$.admin1'), '') || ' ' || "
    "coalesce(json_extract(value, '$.country'), ''), ' ; ') "
    "FROM json_each({j}, '$.places')), '')"
)
_EVENT_FLAGS = (
    "CASE WHEN EXISTS (SELECT 1 FROM json_each({j}, '$.facts') "
    "WHERE json_extract(value, '$.conflict')) THEN 'conflict' ELSE '' END"
)
_ARTICLE_TEXT = "coalesce(json_extract({j}, '$.text'), '')"


def _event_values(j: str) -> str:
    return (
        f"json_extract({j}, '$.title'), {_EVENT_PLACES.format(j=j)}, "
        f"{_EVENT_KIND.format(j=j)}, {_EVENT_FLAGS.format(j=j)}"
    )


SEARCH_SCHEMA = f"""
CREATE TABLE article_search (
    seq     INTEGER PRIMARY KEY,
    article TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, text, content='', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE event_fts USING fts5(
    title, places, kind, flags, tokenize='unicode61 remove_diacritics 2'
);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE TRIGGER article_fts_insert AFTER INSERT ON event_articles
WHEN NOT EXISTS (SELECT 1 FROM article_search WHERE article = new.article) BEGIN
    INSERT INTO article_search (article) VALUES (new.article);
    INSERT INTO article_fts (rowid, title, text)
        SELECT s.seq, coalesce(a.title, ''), {_ARTICLE_TEXT.format(j="a.json")}
        FROM article_search s JOIN articles a ON a.id = s.article
        WHERE s.article = new.article;
END;
CREATE TRIGGER article_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, text)
        SELECT 'delete', seq, coalesce(old.title, ''), {_ARTICLE_TEXT.format(j="old.json")}
        FROM article_search WHERE article = old.id;
    DELETE FROM article_search WHERE article = old.id;
END;
CREATE TRIGGER article_fts_update AFTER UPDATE OF title, json ON articles BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, text)
        SELECT 'delete', seq, coalesce(old.title, ''), {_ARTICLE_TEXT.format(j="old.json")}
        FROM article_search WHERE article = old.id;
    INSERT INTO article_fts (rowid, title, text)
        SELECT seq, coalesce(new.title, ''), {_ARTICLE_TEXT.format(j="new.json")}
        FROM article_search WHERE article = new.id;
END;
CREATE TRIGGER event_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO event_fts (rowid, title, places, kind, flags)
        VALUES (new.seq, {_event_values("new.json")});
END;
CREATE TRIGGER event_fts_delete AFTER DELETE ON events BEGIN
    DELETE FROM event_fts WHERE rowid = old.seq;
END
"""

_FILL = f"""
INSERT INTO article_search (article)
    SELECT id FROM articles WHERE id IN (SELECT article FROM event_articles) ORDER BY rowid;
INSERT INTO article_fts (rowid, title, text)
    SELECT s.seq, coalesce(a.title, ''), {_ARTICLE_TEXT.format(j="a.json")}
    FROM article_search s JOIN articles a ON a.id = s.article;
INSERT INTO event_fts (rowid, title, places, kind, flags)
    SELECT seq, {_event_values("events.json")} FROM events
"""

#: The last object SEARCH_SCHEMA creates: when it exists, the whole index does.
_MARKER = "event_fts_delete"

MAX_QUERY_TERMS = 16
"""Words of a search kept (the rest are ignored)."""


def has_search_index(conn: sqlite3.Connection) -> bool:
    """Whether the store's full-text index exists."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?", (_MARKER,)
    ).fetchone()
    return row is not None


def ensure_search_index(conn: sqlite3.Connection) -> bool:
    """Create and fill the search index if it is missing, in one transaction.

    Returns whether the store has the index afterwards (False when this SQLite lacks FTS5:
    searches then fall back to plain substring matching).
    """
    if has_search_index(conn):
        return True
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"articles", "events", "event_articles"} <= tables:
        return False  # a partial store (only ever used for articles): substring search
    conn.execute("BEGIN IMMEDIATE")
    try:
        if not has_search_index(conn):  # another process may have just added it
            _run_script(conn, SEARCH_SCHEMA)
            _run_script(conn, _FILL)
    except sqlite3.OperationalError as exc:
        conn.execute("ROLLBACK")
        if "fts5" in str(exc):
            return False
        raise
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return True


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one (executescript would commit the open transaction)."""
    buf = ""
    for line in script.strip().splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            conn.execute(buf)
            buf = ""
    if buf.strip():
        conn.execute(buf)


def fts_query(text: str | None) -> str | None:
    """A safe FTS5 query from free text: every word must appear, the last as a prefix.

    Only word characters reach FTS5, each quoted, so no input can be a syntax error.

        >>> fts_query('quetta "attack" OR bla-')
        '"quetta" "attack" "or" "bla"*'
        >>> fts_query("  ?! ") is None
        True
    """
    words = re.findall(r"\w+", (text or "").lower())[:MAX_QUERY_TERMS]
    if not words:
        return None
    return " ".join(f'"{w}"' for w in words) + "*"


def _like_terms(text: str | None) -> list[str]:
    words = re.findall(r"\w+", (text or "").lower())[:MAX_QUERY_TERMS]
    return ["%" + re.sub(r"([%_\\])", r"\\\1", w) + "%" for w in words]


@dataclass(frozen=True)
class EventFilter:
    """What the events list is narrowed to; every field optional.

    ``q`` searches the event's title and places and its articles' titles and texts;
    ``place`` its places; ``kind`` its type; ``date_from``/``date_to`` (ISO dates,
    inclusive) its day; ``conflict`` keeps only events with (True) or without (False)
    a conflicting fact.
    """

    q: str | None = None
    place: str | None = None
    kind: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    conflict: bool | None = None


@dataclass(frozen=True)
class EventPage:
    """One page of events, newest first, and how many match in all."""

    total: int
    events: list[Event]


@dataclass(frozen=True)
class ArticleRow:
    """An article's listing fields (no text), read from indexed columns."""

    id: str
    key: str
    source: str
    format: str
    title: str | None
    outlet: str | None
    date: str | None
    revision: int
    superseded_by: str | None


class QueryError(Exception):
    """Stored rows do not match this version's records (re-run the analysis)."""


M = TypeVar("M", Event, Claim, Relation, Article)


def _parse(model: type[M], doc: str, name: str) -> M:
    try:
        return model.model_validate_json(doc)
    except ValidationError as exc:
        raise QueryError(
            f"a stored {name} does not match this version's records ({exc.error_count()} "
            "errors); run the analysis again"
        ) from None


class StoreQueries:
    """Read methods of :class:`~corroborate.store.Store` (mixed into it)."""

    _fts: bool = False

    @property
    def _db(self) -> sqlite3.Connection:  # provided by Store
        raise NotImplementedError

    @property
    def has_search(self) -> bool:
        """Whether searches use the FTS5 index (else substring matching)."""
        return self._fts

    # --- events ------------------------------------------------------------------------

    def _event_where(self, flt: EventFilter) -> tuple[list[str], list[object]]:
        where: list[str] = []
        params: list[object] = []
        if self._fts:
            q = fts_query(flt.q)
            if q:
                where.append(
                    "e.seq IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ? "
                    "UNION SELECT ea.event FROM article_fts "
                    "JOIN article_search s ON s.seq = article_fts.rowid "
                    "JOIN event_articles ea ON ea.article = s.article "
                    "WHERE article_fts MATCH ?)"
                )
                params += ["{title places kind} : (" + q + ")", q]
            for column, value in (("places", flt.place), ("kind", flt.kind)):
                q = fts_query(value)
                if q:
                    where.append("e.seq IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)")
                    params.append(f"{{{column}}} : ({q.removesuffix('*')})")
            if flt.conflict is not None:
                where.append(
                    ("" if flt.conflict else "NOT ")
                    + "e.seq IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)"
                )
                params.append("{flags} : conflict")
        else:  # no FTS5 in this SQLite, or an old store opened read-only
            for term in _like_terms(flt.q):
                where.append(
                    "(lower(e.json) LIKE ? ESCAPE '\\' OR e.seq IN (SELECT ea.event FROM "
                    "event_articles ea JOIN articles a ON a.id = ea.article "
                    "WHERE lower(a.json) LIKE ? ESCAPE '\\'))"
                )
                params += [term, term]
            for term in _like_terms(flt.place):
                where.append(f"lower({_EVENT_PLACES.format(j='e.json')}) LIKE ? ESCAPE '\\'")
                params.append(term)
            if flt.kind:
                where.append(f"lower({_EVENT_KIND.format(j='e.json')}) = ?")
                params.append(flt.kind.lower())
            if flt.conflict is not None:
                where.append(f"({_EVENT_FLAGS.format(j='e.json')}) {'=' if flt.conflict else '!='}"
                             " 'conflict'")
        if flt.date_from:
            where.append("e.date >= ?")
            params.append(flt.date_from[:10])
        if flt.date_to:
            where.append("e.date < date(?, '+1 day')")
            params.append(flt.date_to[:10])
        return where, params

    def search_events(
        self, flt: EventFilter | None = None, *, limit: int = 50, offset: int = 0
    ) -> EventPage:
        """Events matching ``flt``, newest first (undated last), and the total count."""
        seqs = self.event_seqs(flt)
        page = seqs[offset : offset + limit]
        docs = self.events_at(page)
        return EventPage(len(seqs), [docs[s] for s in page if s in docs])

    def event_seqs(self, flt: EventFilter | None = None) -> list[int]:
        """The row numbers (``events.seq``) of the events matching ``flt``, newest first
        (undated last). Only (date, seq) pairs are sorted, from the date index; the filters
        run once for the count and the page."""
        where, params = self._event_where(flt or EventFilter())
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        return [r[0] for r in self._db.execute(
            f"SELECT e.seq FROM events e{clause} "
            "ORDER BY e.date IS NULL, e.date DESC, e.seq DESC", params)]  # fmt: skip

    def events_at(self, seqs: Sequence[int]) -> dict[int, Event]:
        """The events stored at these row numbers (a row never changes: a new analysis
        writes new rows, so the parsed records may be cached by row number)."""
        rows = self._db.execute(
            "SELECT seq, json FROM events WHERE seq IN (SELECT value FROM json_each(?))",
            (json.dumps(list(seqs)),),
        ).fetchall()
        return {r[0]: _parse(Event, r[1], "event") for r in rows}

    def version(self) -> int:
        """A number that grows with every write to the store (its log of runs)."""
        row = self._db.execute("SELECT max(id) FROM runs").fetchone()
        return int(row[0] or 0)

    def event(self, event_id: str) -> Event | None:
        """The stored event with this id (the latest saved), or None."""
        row = self._db.execute(
            "SELECT json FROM events WHERE id = ? ORDER BY seq DESC LIMIT 1", (event_id,)
        ).fetchone()
        return None if row is None else _parse(Event, row[0], "event")

    def event_count(self) -> int:
        """Number of stored events."""
        return int(self._db.execute("SELECT count(*) FROM events").fetchone()[0])

    def event_kinds(self) -> list[str]:
        """The event types present, most common first (empty when events have none)."""
        source = "event_fts" if self._fts else "events"
        kind = "kind" if self._fts else _EVENT_KIND.format(j="json")
        rows = self._db.execute(
            f"SELECT {kind} AS k, count(*) FROM {source} "
            "GROUP BY k HAVING k != '' ORDER BY count(*) DESC, k"
        ).fetchall()
        return [str(r[0]) for r in rows]

    def events_of_article(self, article_id: str) -> list[Event]:
        """The stored events an article belongs to."""
        rows = self._db.execute(
            "SELECT e.json FROM events e JOIN event_articles ea ON ea.event = e.seq "
            "WHERE ea.article = ? ORDER BY e.seq",
            (article_id,),
        ).fetchall()
        return [_parse(Event, r[0], "event") for r in rows]

    # --- articles ----------------------------------------------------------------------

    def article(self, article_id: str) -> Article | None:
        """One article by id (any revision), or None."""
        row = self._db.execute("SELECT json FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else _parse(Article, row[0], "article")

    _ROW = "id, key, source, format, title, outlet, date, revision, superseded_by"

    def article_rows(self, ids: Sequence[str]) -> list[ArticleRow]:
        """Listing fields of these articles (no text), in the order of ``ids``."""
        rows = self._db.execute(
            f"SELECT {self._ROW} FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(ids)),),
        ).fetchall()
        by_id = {r[0]: ArticleRow(*r) for r in rows}
        return [by_id[i] for i in dict.fromkeys(ids) if i in by_id]

    def search_articles(
        self, q: str | None = None, *, limit: int = 50, offset: int = 0
    ) -> tuple[int, list[ArticleRow]]:
        """Current articles whose title or text has every word of ``q`` (all without
        ``q``), newest first; and the total count."""
        where = ["a.superseded_by IS NULL"]
        params: list[object] = []
        query = fts_query(q) if self._fts else None
        likes = _like_terms(q)
        unmatched = " AND ".join(["lower(a.json) LIKE ? ESCAPE '\\'"] * len(likes))
        if query:  # indexed articles by FTS5, the others (not analysed yet) by substring
            where.append(
                "(a.id IN (SELECT s.article FROM article_fts JOIN article_search s "
                "ON s.seq = article_fts.rowid WHERE article_fts MATCH ?) OR "
                f"(a.id NOT IN (SELECT article FROM article_search) AND {unmatched}))"
            )
            params += [query, *likes]
        elif likes:
            where.append(unmatched)
            params += likes
        clause = " WHERE " + " AND ".join(where)
        db = self._db
        total = int(db.execute(f"SELECT count(*) FROM articles a{clause}", params).fetchone()[0])
        rows = db.execute(
            f"SELECT {self._ROW} FROM articles a{clause} "
            "ORDER BY a.date IS NULL, a.date DESC, a.rowid DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return total, [ArticleRow(*r) for r in rows]

    # --- claims and relations ----------------------------------------------------------

    def claims_of(
        self,
        *,
        articles: Sequence[str] | None = None,
        ids: Sequence[str] | None = None,
        measure: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Claim]:
        """Stored claims, in stored order, of these articles and/or with these ids."""
        where, params = self._claim_where(articles, ids, measure)
        tail = " LIMIT ? OFFSET ?" if limit is not None else ""
        rows = self._db.execute(
            f"SELECT json FROM claims{where} ORDER BY seq{tail}",
            [*params, *((limit, offset) if limit is not None else ())],
        ).fetchall()
        return [_parse(Claim, r[0], "claim") for r in rows]

    def count_claims(
        self,
        *,
        articles: Sequence[str] | None = None,
        ids: Sequence[str] | None = None,
        measure: str | None = None,
    ) -> int:
        """How many claims :meth:`claims_of` would give without a limit."""
        where, params = self._claim_where(articles, ids, measure)
        return int(self._db.execute(f"SELECT count(*) FROM claims{where}", params).fetchone()[0])

    @staticmethod
    def _claim_where(
        articles: Sequence[str] | None, ids: Sequence[str] | None, measure: str | None
    ) -> tuple[str, list[object]]:
        where: list[str] = []
        params: list[object] = []
        if articles is not None:
            where.append("article IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(articles)))
        if ids is not None:
            where.append("id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(ids)))
        if measure:
            where.append("measure = ?")
            params.append(measure)
        return (" WHERE " + " AND ".join(where)) if where else "", params

    def relations_of(self, articles: Sequence[str], *, both: bool = True) -> list[Relation]:
        """Stored relations between these articles (``both``: both ends among them;
        else either end)."""
        ids = json.dumps(list(articles))
        op = "AND" if both else "OR"
        rows = self._db.execute(
            f"SELECT json FROM relations WHERE a IN (SELECT value FROM json_each(?)) {op} "
            "b IN (SELECT value FROM json_each(?)) ORDER BY seq",
            (ids, ids),
        ).fetchall()
        return [_parse(Relation, r[0], "relation") for r in rows]

    def stats(self) -> dict[str, int]:
        """Counts of the stored records."""
        db = self._db
        return {
            name: int(db.execute(sql).fetchone()[0])
            for name, sql in (
                ("articles", "SELECT count(*) FROM articles WHERE superseded_by IS NULL"),
                ("events", "SELECT count(*) FROM events"),
                ("claims", "SELECT count(*) FROM claims"),
                ("relations", "SELECT count(*) FROM relations"),
                ("reports", "SELECT count(*) FROM runs WHERE kind = 'report'"),
            )
        }
