"""Events and reconciliation on Spark: block by publication days (and region), then run the
unchanged ``events`` and ``reconcile`` stages of ``corroborate.pipeline`` inside each block.

``group_events`` clusters reports online by average linkage over pairwise link
probabilities (``docs/events.md``); an event's members must on average link to each other,
so two events cannot simply be joined afterwards. Blocks are therefore a *partition*:

* a batch of at most ``SparkSettings.max_event_block`` articles is one block, and the
  result is exactly the single-machine one;
* a larger batch is cut by publication day: consecutive days are packed into blocks of at
  most ``max_event_block`` articles (undated reports form one more block); a single day
  holding more than that is cut by the first region its reports name (first-level
  division, else country; reports naming none form one more part).

An incident whose reports straddle a block boundary (or name different regions first, on
a split day) comes out as two events; ``docs/spark.md`` gives the measured effect.
Each block then reconciles its own events: a fact only ever involves one event's claims
and the relations among that event's reports, all inside the block.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from corroborate.events import EventSettings
from corroborate.model import Article, Claim, Place, Relation

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

    from corroborate.spark.settings import SparkSettings

#: One output row of a block: an event, one of its facts, or a (period-resolved) claim.
RESULT_SCHEMA = ", ".join(
    [
        "kind string", "ord long", "idx int", "id string", "event string", "json string",
        # events
        "title string", "date string", "n_articles int", "articles array<string>",
        "places array<string>",
        # facts and claims
        "article string", "measure string", "group string", "period string",
        "scope string", "value long", "low long", "high long", "best long",
        "qualifier string", "claimant string", "conflict boolean", "n_values int",
    ]
)  # fmt: skip
_COLUMNS = [c.split()[0] for c in RESULT_SCHEMA.split(", ")]
_DEFAULT_EVENTS = EventSettings()
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EventVocabulary:
    """The event grouper's word statistics over the whole batch (``Vocabulary`` counts):
    documents, per-channel key counts and paragraph counts (those seen twice or more)."""

    docs: int
    df: dict[str, dict[str, int]]
    paragraph_df: dict[str, int]


@dataclass
class EventInfo:
    """What the event plan did, for the run summary."""

    blocks: int = 0
    split_days: int = 0
    largest_block: int = 0
    single_block: bool = False
    batch_statistics: bool = False

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def parse_places(raw: str | None) -> list[Place]:
    return [Place.model_validate(p) for p in json.loads(raw or "[]")]


def _row(kind: str, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(_COLUMNS)
    row["kind"] = kind
    row.update(values)
    return row


def _grouper_with(vocab: EventVocabulary, members: pd.DataFrame, settings: SparkSettings) -> Any:
    """A fresh :class:`EventGrouper` whose word statistics are the whole batch's minus the
    block's own articles (``update`` counts those back in), through the grouper's public
    state format."""
    from collections import Counter

    from corroborate.events import EventGrouper

    df = {c: Counter(v) for c, v in vocab.df.items()}
    paragraphs = Counter(vocab.paragraph_df)
    for keys, paras in zip(members["event_keys"], members["paragraphs"], strict=True):
        for key in keys if keys is not None else []:
            channel, _, k = str(key).partition("\0")
            df.setdefault(channel, Counter())[k] -= 1
        for h in paras if paras is not None else []:
            paragraphs[str(h)] -= 1
    state = EventGrouper(settings.events).to_state()
    state["vocabulary"] = {
        "docs": vocab.docs - len(members),
        "df": {c: {k: n for k, n in v.items() if n > 0} for c, v in df.items()},
        "paragraph_df": {h: n for h, n in paragraphs.items() if n > 0},
    }
    return EventGrouper.from_state(state)


def run_block(
    members: pd.DataFrame,
    rels: pd.DataFrame,
    settings: SparkSettings,
    vocab: EventVocabulary | None = None,
) -> pd.DataFrame:
    """One block through the ``events`` and ``reconcile`` stages of ``corroborate.pipeline``
    (the code ``analyse`` runs), over its articles in input order; rows of
    :data:`RESULT_SCHEMA`.

    ``members``: (ord, json, claims, places, event_keys, paragraphs); ``rels``: the
    relations whose first article (``a``) is in the block, in the batch's order. With
    ``vocab`` (a batch cut into blocks), the grouper scores with the batch's statistics.
    """
    import pandas as pd

    from corroborate import pipeline
    from corroborate.pipeline import STAGES, Batch

    members = members.sort_values("ord")
    arts = [Article.model_validate_json(j) for j in members["json"]]
    ords = {a.id: int(o) for a, o in zip(arts, members["ord"], strict=True)}
    batch = Batch(articles=arts)
    index: dict[str, int] = {}
    for art, raw_claims, raw_places in zip(arts, members["claims"], members["places"],
                                           strict=True):  # fmt: skip
        for n, raw in enumerate(raw_claims if raw_claims is not None else []):
            c = Claim.model_validate_json(raw)
            index[c.id] = n
            batch.claims.append(c)
        batch.places[art.id] = parse_places(raw_places)
    batch.relations = [Relation.model_validate_json(j) for j in rels["json"]]
    default_stage = STAGES["events"] is getattr(pipeline, "_events", None)
    grouper = None
    if vocab is not None and default_stage:
        try:
            grouper = _grouper_with(vocab, members, settings)
        except Exception as exc:  # the state format moved on: block statistics instead
            log.warning("corroborate.spark: event statistics not injected (%s)", exc)
    if grouper is not None:
        grouper.update(batch.articles, batch.claims, batch.places)
        batch.events = grouper.events()
    elif settings.events != _DEFAULT_EVENTS or not default_stage:
        from corroborate.events import group_events

        if default_stage:
            batch.events = group_events(batch.articles, batch.claims, batch.places,
                                        settings.events)  # fmt: skip
        else:
            STAGES["events"](batch)
    else:
        STAGES["events"](batch)
    STAGES["reconcile"](batch)
    event_of = {aid: ev.id for ev in batch.events for aid in ev.articles}
    rows: list[dict[str, Any]] = []
    for done in batch.events:
        first = ords[done.articles[0]]
        rows.append(_row(
            "event", ord=first, idx=0, id=done.id, event=done.id, json=done.model_dump_json(),
            title=done.title, date=done.date, n_articles=len(done.articles),
            articles=list(done.articles), places=[p.name for p in done.places],
        ))  # fmt: skip
        for n, f in enumerate(done.facts):
            rows.append(_row(
                "fact", ord=first, idx=n, id=f.id, event=done.id,
                json=f.model_dump_json(), measure=f.measure, group=f.group,
                period=f.period.key, scope=f.scope, low=f.low, best=f.best, high=f.high,
                conflict=f.conflict, n_values=len(f.values),
            ))  # fmt: skip
    for c in batch.claims:
        rows.append(_row(
            "claim", ord=ords[c.article], idx=index[c.id], id=c.id,
            event=event_of.get(c.article), json=c.model_dump_json(), article=c.article,
            measure=c.measure, group=c.group, period=c.period.key, scope=c.scope,
            value=c.value, low=c.low, high=c.high, qualifier=c.qualifier,
            claimant=c.claimant_key,
        ))  # fmt: skip
    out = pd.DataFrame(rows, columns=_COLUMNS)
    return out.astype({"ord": "int64", "idx": "int32", "n_articles": "Int32",
                       "value": "Int64", "low": "Int64", "high": "Int64", "best": "Int64",
                       "n_values": "Int32"})  # fmt: skip


def pack_days(
    counts: dict[int | None, int], cap: int
) -> tuple[dict[int | None, str], set[int | None]]:
    """Consecutive publication days packed into blocks of at most ``cap`` articles.

    Returns each day's block, and the days that alone hold more than ``cap`` articles
    (their block is split further by region). Undated articles form a block of their own.

        >>> pack_days({1: 3, 2: 3, 5: 4, None: 2, 9: 20}, 6)
        ({1: 'd1', 2: 'd1', 5: 'd5', 9: 'd9', None: 'u'}, {9})
    """
    blocks: dict[int | None, str] = {}
    big: set[int | None] = set()
    name, size = "", 0
    for day in sorted(d for d in counts if d is not None):
        n = counts[day]
        if n > cap:
            blocks[day] = f"d{day}"
            big.add(day)
            name, size = "", 0
            continue
        if not name or size + n > cap:
            name, size = f"d{day}", 0
        blocks[day] = name
        size += n
    if None in counts:
        blocks[None] = "u"
        if counts[None] > cap:
            big.add(None)
    return blocks, big


def event_blocks(
    spark: SparkSession, feats: DataFrame, n_articles: int, settings: SparkSettings,
    info: EventInfo,
) -> DataFrame:
    """Each article's block (ord, block)."""
    from pyspark.sql import functions as F

    cap = settings.max_event_block
    if n_articles <= cap:
        info.single_block = True
        info.blocks = 1
        info.largest_block = n_articles
        return feats.select("ord", F.lit("all").alias("block"))
    counts = {(None if r["day"] is None else int(r["day"])): int(r["count"])
              for r in feats.groupBy("day").count().collect()}  # fmt: skip
    by_day, big = pack_days(counts, cap)
    info.split_days = len(big)
    table = spark.createDataFrame(
        [(d, b, d in big) for d, b in by_day.items()], "tday int, window string, big boolean"
    )
    region = F.coalesce(F.element_at("regions", 1), F.lit("-"))
    blocks = feats.select("ord", "day", "regions").join(
        F.broadcast(table), F.col("day").eqNullSafe(F.col("tday"))
    ).select(
        "ord",
        F.when(F.col("big"), F.concat(F.col("window"), F.lit("|"), region))
        .otherwise(F.col("window"))
        .alias("block"),
    )
    sizes = blocks.groupBy("block").count().agg(F.count(F.lit(1)), F.max("count")).first()
    if sizes:
        info.blocks = int(sizes[0])
        info.largest_block = int(sizes[1] or 0)
    return blocks


def vocabulary(feats: DataFrame) -> EventVocabulary:
    """The event grouper's word statistics over the whole batch (driver side)."""
    from pyspark.sql import functions as F

    docs = feats.count()
    # Keys and paragraphs of one article only matter inside its own block, which counts
    # them itself: keep those seen twice or more.
    keys: Any = (
        feats.select(F.explode("event_keys").alias("k")).groupBy("k").count()
        .where(F.col("count") > 1).toPandas()
    )  # fmt: skip
    df: dict[str, dict[str, int]] = {}
    for key, n in zip(keys["k"].tolist(), keys["count"].astype("int64").tolist(), strict=True):
        channel, _, k = str(key).partition("\0")
        df.setdefault(channel, {})[k] = int(n)
    paras: Any = (
        feats.select(F.explode("paragraphs").alias("h")).groupBy("h").count()
        .where(F.col("count") > 1).toPandas()
    )  # fmt: skip
    paragraph_df = dict(zip(paras["h"].astype(str).tolist(),
                            paras["count"].astype("int64").tolist(), strict=True))
    return EventVocabulary(docs=docs, df=df, paragraph_df=paragraph_df)


def events_and_facts(
    feats: DataFrame, rels: DataFrame, n_articles: int, settings: SparkSettings
) -> tuple[DataFrame, EventInfo]:
    """Events, facts and resolved claims of the batch (rows of :data:`RESULT_SCHEMA`)."""
    from pyspark.sql import functions as F

    info = EventInfo()
    spark = feats.sparkSession
    blocks = event_blocks(spark, feats, n_articles, settings, info).persist()
    members = blocks.join(
        feats.select("ord", "json", "claims", "places", "event_keys", "paragraphs"), "ord"
    )
    vocab = None if info.single_block else spark.sparkContext.broadcast(vocabulary(feats))
    info.batch_statistics = vocab is not None and bool(vocab.value.df)
    # As the reconcile stage gives each event the relations its articles are ``a`` of.
    ba = blocks.select(F.col("ord").alias("a_ord"), F.col("block").alias("rel_block"))
    inside = rels.select("a_ord", "b_ord", "kind", "json").join(ba, "a_ord")

    def run(m: pd.DataFrame, r: pd.DataFrame) -> pd.DataFrame:
        return run_block(m, r.sort_values(["a_ord", "b_ord", "kind"]), settings,
                         vocab.value if vocab is not None else None)  # fmt: skip

    out = members.groupBy("block").cogroup(inside.groupBy("rel_block")).applyInPandas(
        run, RESULT_SCHEMA
    )
    return out, info
