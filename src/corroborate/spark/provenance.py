"""Provenance on Spark: candidate pairs by shuffles, judgement by the unchanged stage code.

``provenance.find_relations`` on one machine (see ``docs/provenance.md``):

1. folds every text and groups equal ones (exact duplicates); the first article of each
   group whose body tells its titled story is the group's *representative*;
2. proposes candidate pairs among representatives: MinHash LSH over sentence word sets
   (pairs with enough colliding sentences) plus pairs sharing quoted 5-grams; a batch of
   ``all_pairs_max`` or fewer representatives tries every pair;
3. judges each candidate pair (near copy, rewrite, shared quotations) with batch-wide
   word statistics, and reads credit lines for syndication.

Here step 1 is a window over the folded-text hash, step 2 two shuffles (LSH buckets keyed
by (band, key); an inverted index of quoted 5-grams), each bucket paired exactly as
``provenance.blocking`` pairs it. The candidate pairs, and the pairs of reports crediting
one outlet, form a graph whose connected components are *blocks*; each block goes to
``find_relations`` unchanged, with the batch-wide statistics of
:mod:`corroborate.spark.batchstats`. A component larger than
``SparkSettings.max_provenance_block`` is covered by overlapping chunks (a run of
articles in breadth-first order and their neighbours further on); each pair is kept only
from the one chunk responsible for it. Duplicate sets and reports without alignable text go
through ``find_relations`` on their own, for their ``duplicate`` and outside-outlet
``syndicated`` relations.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from corroborate.model import Article
from corroborate.spark.features import outlet_key

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

    from corroborate.spark.batchstats import WordStats
    from corroborate.spark.settings import SparkSettings

RELATION_SCHEMA = (
    "a_ord long, b_ord long, a string, b string, kind string, score double, "
    "original string, credited string, external boolean, credited_key string, json string"
)
_BLOCK_ROWS = "block string, ord long, center boolean, kind string"
_PAIR_ROWS = "block string, a long, b long"


@dataclass
class ProvenanceInfo:
    """What the provenance plan did, for the run summary."""

    representatives: int = 0
    candidate_pairs: int = 0
    credit_pairs: int = 0
    blocks: int = 0
    largest_component: int = 0
    chunked_components: int = 0
    articles_in_blocks: int = 0
    single_block: bool = False
    batch_statistics: bool = True

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


# --------------------------------------------------------------------------- executors


def _bucket_pairs(n: int, cap: int, window: int) -> Iterator[tuple[int, int]]:
    """Index pairs inside a bucket of ``n``: all pairs, or a sliding window past ``cap``
    (``provenance.blocking._bucket_pairs``)."""
    if n <= cap:
        for i in range(n):
            for j in range(i + 1, n):
                yield i, j
    else:
        for i in range(n):
            for j in range(i + 1, min(n, i + window + 1)):
                yield i, j


def unit_pair_batches(
    batches: Iterator[pd.DataFrame], cap: int, window: int
) -> Iterator[pd.DataFrame]:
    """mapInPandas body: LSH buckets (lists of [ord, unit]) to sentence pairs of two
    different articles, ordered as ``provenance.blocking`` orders bucket members."""
    import pandas as pd

    for pdf in batches:
        rows: list[tuple[int, int, int, int]] = []
        for members in pdf["m"]:
            ms = sorted((int(m[0]), int(m[1])) for m in members)
            for i, j in _bucket_pairs(len(ms), cap, window):
                (a, ua), (b, ub) = ms[i], ms[j]
                if a != b:
                    rows.append((a, ua, b, ub))
        if rows:
            yield pd.DataFrame(rows, columns=["a", "ua", "b", "ub"]).astype("int64")


def key_pair_batches(
    batches: Iterator[pd.DataFrame], cap: int, window: int
) -> Iterator[pd.DataFrame]:
    """mapInPandas body: inverted-index lists (article ords) to article pairs."""
    import pandas as pd

    for pdf in batches:
        rows: list[tuple[int, int]] = []
        for members in pdf["m"]:
            ms = sorted({int(m) for m in members})
            rows.extend((ms[i], ms[j]) for i, j in _bucket_pairs(len(ms), cap, window))
        if rows:
            yield pd.DataFrame(rows, columns=["a", "b"]).astype("int64")


def judge_block(
    members: pd.DataFrame,
    pairs: pd.DataFrame,
    settings: SparkSettings,
    stats: WordStats | None,
) -> pd.DataFrame:
    """One block through ``find_relations``; keeps what this block is responsible for.

    ``members``: (block, ord, center, kind, json); ``pairs``: the pairs (a, b) of
    ``main`` blocks it answers for. ``kind`` is ``main`` (representatives), ``aux`` (a
    duplicate set, or a report without alignable text: only its ``duplicate`` relations
    and its members' outside-outlet credits) or ``all`` (the whole batch, small enough
    for one call).
    """
    import pandas as pd

    from corroborate.provenance import find_relations
    from corroborate.spark.batchstats import provenance_statistics

    members = members.sort_values("ord")
    kind = str(members["kind"].iloc[0])
    arts = [Article.model_validate_json(j) for j in members["json"]]
    ords = {a.id: int(o) for a, o in zip(arts, members["ord"], strict=True)}
    centers = {a.id for a, c in zip(arts, members["center"], strict=True) if bool(c)}
    cfg = settings.provenance
    if kind != "all":
        cfg = dataclasses.replace(cfg, all_pairs_max=0)
    with provenance_statistics(stats if kind == "main" else None):
        rels = find_relations(arts, cfg)
    responsible = {(int(a), int(b)) for a, b in zip(pairs["a"], pairs["b"], strict=True)}
    rows: list[dict[str, Any]] = []
    for r in rels:
        if kind == "main":
            if r.external:
                if r.b not in centers:
                    continue
            elif (ords[r.a], ords[r.b]) not in responsible:
                continue
        elif kind == "aux" and not (r.kind == "duplicate" or (r.external and r.b not in centers)):
            continue  # representatives get their relations from their main block
        rows.append({
            "a_ord": ords[r.a], "b_ord": ords[r.b], "a": r.a, "b": r.b, "kind": r.kind,
            "score": r.score, "original": r.original, "credited": r.credited,
            "external": r.external,
            "credited_key": outlet_key(r.credited) if r.credited else None,
            "json": r.model_dump_json(),
        })  # fmt: skip
    columns = [c.split()[0] for c in RELATION_SCHEMA.split(", ")]
    return pd.DataFrame(rows, columns=columns).astype({"a_ord": "int64", "b_ord": "int64"})


# --------------------------------------------------------------------------- driver


def _roles(feats: DataFrame, settings: SparkSettings) -> DataFrame:
    """Each article's part: ``rep`` (representative), else ``other``; with its group."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    cfg = settings.provenance
    whole = Window.partitionBy("group").orderBy("ord").rowsBetween(
        Window.unboundedPreceding, Window.unboundedFollowing
    )
    df = feats.select(
        "ord", "id", "n_units", "units_on_topic", "text_on_topic", "credits", "outlet_key",
        "lsh", "quotes", "unit_words", "sentence_keys", "ts", "title_key",
        F.coalesce(F.col("norm"), F.concat(F.lit("id:"), F.col("id"))).alias("group"),
        F.col("norm").isNotNull().alias("has_text"),
    )
    df = df.withColumn("first_units", F.first("n_units").over(whole))
    df = df.withColumn("group_size", F.count(F.lit(1)).over(whole))
    # Page furniture: one text under many headlines over weeks (no relations at all).
    titles = F.size(F.collect_set("title_key").over(whole))
    span_days = F.floor((F.max("ts").over(whole) - F.min("ts").over(whole)) / 86400)
    furniture = (titles >= cfg.furniture_min_titles) & F.coalesce(
        span_days > cfg.furniture_span_days, F.lit(False)
    )
    rep_ord = F.min(F.when(F.col("units_on_topic"), F.col("ord"))).over(whole)
    is_rep = (
        F.col("has_text") & ~furniture & (F.col("first_units") > 0) & (F.col("ord") == rep_ord)
    )
    return df.withColumn("role", F.when(is_rep, "rep").otherwise("other"))


def _word_stats(spark: SparkSession, reps: DataFrame) -> WordStats:
    from pyspark.sql import functions as F

    from corroborate.spark.batchstats import WordStats

    head = reps.agg(F.count(F.lit(1)).alias("n"), F.sum("n_units").alias("u")).first()
    n_docs = int(head["n"]) if head else 0
    n_units = int(head["u"] or 0) if head else 0
    words = reps.select(F.explode("unit_words").alias("w"))
    distinct = reps.select(F.explode(F.array_distinct("unit_words")).alias("w"))
    counted: Any = (
        words.groupBy("w").count().withColumnRenamed("count", "units")
        .join(distinct.groupBy("w").count().withColumnRenamed("count", "docs"), "w")
        .toPandas()
    )
    unit_df = dict(zip(counted["w"].tolist(), counted["units"].astype("int64").tolist(),
                       strict=True))
    doc_df = dict(zip(counted["w"].tolist(), counted["docs"].astype("int64").tolist(),
                      strict=True))
    sentences: Any = (
        reps.select(F.explode("sentence_keys").alias("k"))
        .groupBy("k").count().where(F.col("count") > 1)
        .toPandas()
    )  # fmt: skip
    sentence_docs = dict(zip(sentences["k"].astype("int64").tolist(),
                             sentences["count"].astype("int64").tolist(), strict=True))
    return WordStats(n_units=n_units, n_docs=n_docs, unit_df=unit_df, doc_df=doc_df,
                     sentence_docs=sentence_docs)  # fmt: skip


def _candidates(reps: DataFrame, settings: SparkSettings) -> DataFrame:
    """Candidate pairs (a, b), a < b, as ``find_relations`` proposes them on one machine."""
    from pyspark.sql import functions as F

    cfg = settings.provenance
    bands, cap, window = cfg.lsh_bands, cfg.bucket_cap, cfg.lsh_window
    units = reps.select(
        "ord",
        F.posexplode("lsh").alias("pos", "key"),
    ).select(
        "ord",
        (F.col("pos") / bands).cast("long").alias("unit"),
        (F.col("pos") % bands).alias("band"),
        "key",
    )
    buckets = (
        units.groupBy("band", "key")
        .agg(F.collect_list(F.array("ord", "unit")).alias("m"))
        .where(F.size("m") > 1)
        .select("m")
    )
    unit_pairs = buckets.mapInPandas(
        lambda it: unit_pair_batches(it, cap, window), "a long, ua long, b long, ub long"
    ).distinct()
    sizes = reps.select("ord", "n_units")
    collisions = unit_pairs.groupBy("a", "b").count()
    need = F.greatest(
        F.lit(cfg.min_collisions), F.ceil(F.lit(cfg.min_collision_share) * F.col("shorter"))
    )
    lsh = (
        collisions.join(sizes.withColumnRenamed("ord", "a").withColumnRenamed("n_units", "na"),
                        "a")
        .join(sizes.withColumnRenamed("ord", "b").withColumnRenamed("n_units", "nb"), "b")
        .withColumn("shorter", F.least("na", "nb"))
        .where(F.col("count") >= F.least(need, F.col("shorter")))
        .select("a", "b")
    )  # fmt: skip
    quoted = (
        reps.select("ord", F.explode(F.array_distinct("quotes")).alias("g"))
        .groupBy("g")
        .agg(F.collect_list("ord").alias("m"))
        .where(F.size("m") > 1)
        .select("m")
        .mapInPandas(lambda it: key_pair_batches(it, cap, window), "a long, b long")
        .groupBy("a", "b")
        .count()
        .where(F.col("count") >= cfg.quote_min_shared)
        .select("a", "b")
    )
    return lsh.unionByName(quoted).distinct()


def _credit_pairs(roles: DataFrame, settings: SparkSettings) -> DataFrame:
    """Pairs of representatives that ``find_relations`` compares for syndication: both
    crediting one outlet, or one crediting the other's outlet, for outlets credited by
    at most ``credit_group_max`` reports (larger groups are compared only along
    candidate pairs)."""
    from pyspark.sql import functions as F

    cap = settings.provenance.credit_group_max
    crediting = roles.select("ord", "role", F.explode("credits").alias("x"))
    sizes = crediting.groupBy("x").count().where(F.col("count") <= cap).select("x")
    own = roles.where(F.col("outlet_key").isNotNull()).select(
        "ord", "role", F.col("outlet_key").alias("x")
    )
    side = (
        crediting.unionByName(own)
        .where(F.col("role") == "rep")
        .join(sizes, "x")
        .select("x", "ord")
        .distinct()
    )
    left = side.withColumnRenamed("ord", "a")
    right = side.withColumnRenamed("ord", "b")
    return left.join(right, "x").where(F.col("a") < F.col("b")).select("a", "b").distinct()


def relations(
    spark: SparkSession, feats: DataFrame, n_articles: int, settings: SparkSettings
) -> tuple[DataFrame, ProvenanceInfo]:
    """Every relation of the batch (:data:`RELATION_SCHEMA`), as ``find_relations``
    over the whole batch would give them.

    A batch of at most ``settings.max_provenance_block`` articles is one call (exactly the
    single-machine result); a larger one is cut into blocks (module docstring)."""
    from pyspark.sql import functions as F

    from corroborate.spark.graph import bfs_order, components, forward_chunks

    info = ProvenanceInfo()
    articles = feats.select("ord", "json")
    roles = _roles(feats, settings).persist()
    reps = roles.where(F.col("role") == "rep")
    info.representatives = reps.count()
    if (n_articles <= settings.max_provenance_block
            or info.representatives <= settings.provenance.all_pairs_max):  # fmt: skip
        # One block: find_relations over the whole batch in one task, as on one machine.
        info.single_block = True
        info.blocks = 1
        members = feats.select(
            F.lit("all").alias("block"), "ord", F.lit(True).alias("center"),
            F.lit("all").alias("kind"),
        )  # fmt: skip
        pairs = spark.createDataFrame([], _PAIR_ROWS)
        roles.unpersist()
        return _run_blocks(members, pairs, articles, settings, None), info

    from corroborate.provenance import core

    info.batch_statistics = all(hasattr(core, f) for f in ("_batch_stats", "_mark_aside"))

    stats = _word_stats(spark, reps)
    cand = _candidates(reps, settings)
    credit = _credit_pairs(roles, settings)
    cand_pd: Any = cand.toPandas()
    credit_pd: Any = credit.toPandas()
    info.candidate_pairs, info.credit_pairs = len(cand_pd), len(credit_pd)
    pairs_set = set(zip(cand_pd["a"].astype("int64").tolist(),
                        cand_pd["b"].astype("int64").tolist(), strict=True))
    pairs_set.update(zip(credit_pd["a"].astype("int64").tolist(),
                         credit_pd["b"].astype("int64").tolist(), strict=True))
    edge_list = sorted(pairs_set)
    nodes = [int(r["ord"]) for r in reps.where(F.size("credits") > 0).select("ord").collect()]
    a_list = [a for a, _ in edge_list]
    b_list = [b for _, b in edge_list]
    comp = components(nodes, a_list, b_list)
    by_comp: dict[int, list[int]] = {}
    for node, root in comp.items():
        by_comp.setdefault(root, []).append(node)
    edges_of: dict[int, list[tuple[int, int]]] = {}
    for a, b in zip(a_list, b_list, strict=True):
        edges_of.setdefault(comp[a], []).append((a, b))

    block_rows: list[tuple[str, int, bool, str]] = []
    pair_rows: list[tuple[str, int, int]] = []
    cap = settings.max_provenance_block
    for root, members_ in by_comp.items():
        info.largest_component = max(info.largest_component, len(members_))
        mine = edges_of.get(root, [])
        if len(members_) <= cap:
            name = f"m{root}"
            block_rows.extend((name, m, True, "main") for m in members_)
            pair_rows.extend((name, a, b) for a, b in mine)
            info.blocks += 1
            continue
        info.chunked_components += 1
        rank = {m: i for i, m in enumerate(bfs_order(members_, mine))}
        owner = {(a, b): (a if rank[a] < rank[b] else b) for a, b in mine}
        for k, (centers, nodes_) in enumerate(forward_chunks(members_, mine, cap)):
            name = f"m{root}.{k}"
            chosen = set(centers)
            block_rows.extend((name, m, m in chosen, "main") for m in nodes_)
            pair_rows.extend((name, a, b) for a, b in mine if owner[(a, b)] in chosen)
            info.blocks += 1
    info.articles_in_blocks = len(block_rows)

    main_members = spark.createDataFrame(block_rows, _BLOCK_ROWS) if block_rows else None
    pairs = spark.createDataFrame(pair_rows, _PAIR_ROWS)
    # Duplicate sets, and reports without alignable text that credit an outlet.
    other_credits = (F.size("credits") > 0) & (F.col("role") != "rep")
    aux_groups = roles.where((F.col("group_size") > 1) | other_credits).select("group").distinct()
    aux = roles.join(aux_groups, "group").select(
        F.concat(F.lit("a"), F.col("group")).alias("block"),
        "ord",
        (F.col("role") == "rep").alias("center"),
        F.lit("aux").alias("kind"),
    )
    members = aux if main_members is None else main_members.unionByName(aux)
    broadcast = spark.sparkContext.broadcast(stats)
    out = _run_blocks(members, pairs, articles, settings, broadcast)
    roles_out = _drop_linked_externals(out, feats)
    roles.unpersist()
    return roles_out, info


def _run_blocks(
    members: DataFrame,
    pairs: DataFrame,
    articles: DataFrame,
    settings: SparkSettings,
    stats: Any,
) -> DataFrame:
    """Each block through :func:`judge_block` (a cogroup of members and pairs)."""
    rows = members.join(articles, "ord")

    def run(m: pd.DataFrame, p: pd.DataFrame) -> pd.DataFrame:
        return judge_block(m, p, settings, stats.value if stats is not None else None)

    return (
        rows.groupBy("block")
        .cogroup(pairs.groupBy("block"))
        .applyInPandas(run, RELATION_SCHEMA)
    )


def _drop_linked_externals(rels: DataFrame, feats: DataFrame) -> DataFrame:
    """Remove the outside-outlet credit of a report whose credited outlet has its own
    article here, on the same story (a block that lacked that article could not know).

    That link shows as a relation between the report and the outlet's article carrying
    the credit (``_credited``, or a copy relation the credit was added to).
    """
    from pyspark.sql import functions as F

    outlets = feats.select("ord", "outlet_key").where(F.col("outlet_key").isNotNull())
    linked_rels = rels.where(~F.col("external") & F.col("credited_key").isNotNull())
    sides = linked_rels.select(
        F.col("a_ord").alias("i"), F.col("b_ord").alias("other"), "credited_key"
    ).unionByName(
        linked_rels.select(F.col("b_ord").alias("i"), F.col("a_ord").alias("other"),
                           "credited_key")
    )  # fmt: skip
    linked = (
        sides.join(outlets.withColumnRenamed("ord", "other"), "other")
        .where(F.col("outlet_key") == F.col("credited_key"))
        .select(F.col("i").alias("b_ord"), "credited_key")
        .distinct()
        .withColumn("linked", F.lit(True))
    )
    marked = rels.join(linked, ["b_ord", "credited_key"], "left")
    keep = ~(F.col("external") & F.coalesce(F.col("linked"), F.lit(False)))
    return marked.where(keep).drop("linked")


def sorted_relations(rels: Sequence[Any]) -> list[Any]:
    """Rows in the single-machine order: by a's position, b's position, then kind."""
    return sorted(rels, key=lambda r: (int(r["a_ord"]), int(r["b_ord"]), str(r["kind"])))
