"""Quality and cost of the events stage (``corroborate.events``) on the development sets.

Reads ``articles.jsonl`` of ``gvc/``, ``ecbplus/`` and ``gva/`` under the bench folder (the
pipeline never sees the gold files; only this scorer reads them) and reports:

* **grouping**: B-cubed precision, recall and F1 of article-to-event assignment, predicted
  and gold cluster counts, next to a baseline computed in the same run: TF-IDF cosine
  (scikit-style, sublinear tf, smoothed idf) with connected components at one threshold
  (``BASELINE_THRESHOLD``), and the same baseline at the best threshold of a grid chosen
  with the gold (an upper bound for any single-threshold cosine clustering);
* **incremental vs batch** (gva): the partition after many small date-ordered batches
  against the one-batch partition (B-cubed F1 between the two partitions);
* **event attributes** (gva): event-date exact match, and place accuracy (city, state,
  distance of the resolved point to the gold coordinates), each against a baseline;
* **cost**: time and peak memory of grouping synthetic collections of 10k and 100k
  reports made from the gva reports (each copy of the collection renames the capitalised
  words and most other words, moves places and shifts dates: new incidents),
  each in a fresh process, fed in batches of 5,000.

Scoring conventions (``../shared/bench/README.md``): every article of ``articles.jsonl``
is input; B-cubed is computed over the articles the gold assigns. In gva an article listed
under two incidents belongs to both gold clusters; for its own precision and recall it is
scored against whichever of its incidents gives it the higher F1 ("matching either"), and
for the other articles it counts as a member of every incident it is listed under.
Articles with identical title and text are one article (one content id) to the pipeline;
each gold row is scored with the event of its content id.

    python benchmarks/bench_events.py               # everything (100k takes minutes)
    python benchmarks/bench_events.py --quick       # no 100k, no one-by-one stream
    python benchmarks/bench_events.py --fit gva     # re-estimate the link weights
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import itertools
import json
import math
import multiprocessing
import re
import resource
import sys
import time
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from corroborate.claims import extract_claims
from corroborate.claims.period import MONTHS, WEEKDAYS
from corroborate.events import SIGNALS, EventGrouper, EventSettings
from corroborate.events.scoring import km
from corroborate.geo import find_places
from corroborate.model import Article, Claim, Event, Place
from corroborate.reconcile import event_day

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
BASELINE_THRESHOLD = 0.5
BASELINE_GRID = tuple(round(0.1 + 0.05 * k, 2) for k in range(13))  # 0.10 .. 0.70
SCALE_SIZES = (10_000, 100_000)
QUICK_SCALE_SIZES = (2_000, 10_000)
STREAM_BATCHES = (1, 25)

Gold = dict[str, list[str]]
Prepared = tuple[list[Article], list[Claim], dict[str, list[Place]]]


# --- data ---------------------------------------------------------------------------------


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load(data_dir: Path, name: str) -> tuple[list[dict[str, Any]], Gold]:
    """Rows of ``articles.jsonl`` and the gold map article id -> event ids."""
    rows = read_jsonl(data_dir / name / "articles.jsonl")
    gold: Gold = collections.defaultdict(list)
    if name == "gva":
        for inc in read_jsonl(data_dir / name / "incidents.jsonl"):
            for a in inc["articles"]:
                gold[a].append(str(inc["incident_id"]))
    else:
        for r in read_jsonl(data_dir / name / "gold.jsonl"):
            gold[r["article"]].append(str(r["event"]))
    return rows, dict(gold)


def to_article(row: Mapping[str, Any]) -> Article:
    return Article.create(
        text=row["text"],
        source=row["id"],
        key=row["id"],
        title=row.get("title"),
        date=row.get("date"),
        url=row.get("url"),
    )


def upstream(articles: Sequence[Article]) -> tuple[list[Claim], dict[str, list[Place]]]:
    """What the pipeline's claims and places stages give the events stage."""
    claims = [c for a in articles for c in extract_claims(a)]
    places = {a.id: [m.place for m in find_places(a.text)] for a in articles}
    return claims, places


# --- scoring ------------------------------------------------------------------------------


def bcubed(pred: Mapping[str, str], gold: Gold) -> dict[str, float]:
    """B-cubed P/R/F1 over the gold-labelled articles (module docstring for gva)."""
    ids = [a for a in gold if a in pred]
    members: dict[str, set[str]] = collections.defaultdict(set)
    clusters: dict[str, set[str]] = collections.defaultdict(set)
    for a in ids:
        members[pred[a]].add(a)
        for g in gold[a]:
            clusters[g].add(a)
    p_sum = r_sum = 0.0
    for a in ids:
        mine = members[pred[a]]
        best = (-1.0, 0.0, 0.0)
        for g in gold[a]:
            shared = len(mine & clusters[g])
            p, r = shared / len(mine), shared / len(clusters[g])
            f = 2 * p * r / (p + r)
            best = max(best, (f, p, r))
        p_sum += best[1]
        r_sum += best[2]
    n = max(1, len(ids))
    p, r = p_sum / n, r_sum / n
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "predicted": len(members),
        "gold": len(clusters),
        "articles": len(ids),
    }


def by_row(rows: Sequence[Mapping[str, Any]], event_of: Mapping[str, str]) -> dict[str, str]:
    """Row id -> predicted event, through each row's content id."""
    return {r["id"]: event_of[to_article(r).id] for r in rows}


# --- baseline -----------------------------------------------------------------------------

_TOKEN = re.compile(r"[a-z]+")
_STOP = frozenset(
    """a an the and or but of in on at to for from by with as is are was were be been being
    has have had that this these those it its they them their he she his her we our you
    your i not no so than then there here which who what when where how all any each more
    most other some such only can will just also into over after before during while about
    said says would could may up out""".split()
)


def tfidf_matrix(texts: Sequence[str]) -> Any:
    """Rows of sublinear, smoothed-idf TF-IDF weights, L2-normalised (a scipy CSR matrix;
    scipy is imported here, so the scorers above run without it)."""
    import scipy.sparse as sp

    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, text in enumerate(texts):
        counts = collections.Counter(
            w for w in _TOKEN.findall(text.lower()) if w not in _STOP and len(w) > 1
        )
        for w, n in counts.items():
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
            vals.append(1.0 + math.log(n))
    x = sp.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(vocab)))
    df = np.bincount(x.indices, minlength=len(vocab))
    idf = np.log((1 + len(texts)) / (1 + df)) + 1.0
    x = sp.csr_matrix(x.multiply(idf))
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ x)


def baseline_partitions(
    articles: Sequence[Article], thresholds: Iterable[float]
) -> dict[float, dict[str, str]]:
    """TF-IDF cosine of headline + text, connected components at each threshold."""
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components

    x = tfidf_matrix([f"{a.title or ''}\n{a.text}" for a in articles])
    sims = sp.csr_matrix(x @ x.T)
    out = {}
    for t in thresholds:
        adj = sims.copy()
        adj.data = (adj.data >= t).astype(np.int8)
        adj.eliminate_zeros()
        _, labels = connected_components(adj, directed=False)
        out[t] = {a.id: f"b{labels[i]}" for i, a in enumerate(articles)}
    return out


# --- grouping -----------------------------------------------------------------------------


def group(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    places: Mapping[str, Sequence[Place]],
    settings: EventSettings | None = None,
    batch: int | None = None,
) -> EventGrouper:
    """One batch, or date-ordered batches of ``batch`` articles (a stream)."""
    g = EventGrouper(settings)
    if not batch:
        g.update(articles, claims, places)
        return g
    by_article: dict[str, list[Claim]] = collections.defaultdict(list)
    for c in claims:
        by_article[c.article].append(c)
    order = sorted(articles, key=lambda a: (a.date or "", a.id))
    for k in range(0, len(order), batch):
        part = order[k : k + batch]
        g.update(part, [c for a in part for c in by_article[a.id]], places)
    return g


def event_of(g: EventGrouper) -> dict[str, str]:
    return {a: e for e, ids in g.partition().items() for a in ids}


def bench_grouping(
    name: str, rows: list[dict[str, Any]], gold: Gold, prepared: Prepared
) -> dict[str, Any]:
    articles, claims, places = prepared
    t0 = time.perf_counter()
    g = group(articles, claims, places)
    seconds = time.perf_counter() - t0
    ours = bcubed(by_row(rows, event_of(g)), gold)
    base = {
        t: bcubed(by_row(rows, p), gold)
        for t, p in baseline_partitions(
            articles, sorted({BASELINE_THRESHOLD, *BASELINE_GRID})
        ).items()
    }
    best_t = max(base, key=lambda t: base[t]["f1"])
    return {
        "dataset": name,
        "articles": len(rows),
        "events": ours,
        "seconds": seconds,
        "baseline": {"threshold": BASELINE_THRESHOLD, **base[BASELINE_THRESHOLD]},
        "baseline_best": {"threshold": best_t, **base[best_t]},
        "merges_splits": dict(collections.Counter(c.op for c in g.history)),
    }


def prepare(rows: Sequence[Mapping[str, Any]]) -> Prepared:
    articles = list({a.id: a for a in (to_article(r) for r in rows)}.values())
    claims, places = upstream(articles)
    return articles, claims, places


def bench_stream(
    rows: list[dict[str, Any]], gold: Gold, prepared: Prepared, batches: Sequence[int]
) -> list[dict[str, Any]]:
    """Small date-ordered batches against one batch: same partition?"""
    articles, claims, places = prepared
    whole = event_of(group(articles, claims, places))
    out = []
    for size in batches:
        t0 = time.perf_counter()
        g = group(articles, claims, places, batch=size)
        seconds = time.perf_counter() - t0
        part = event_of(g)
        agreement = bcubed(part, {a: [e] for a, e in whole.items()})
        out.append(
            {
                "batch": size,
                "seconds": seconds,
                "events": bcubed(by_row(rows, part), gold),
                "agreement_f1": agreement["f1"],
                "same_event_share": same_event_share(whole, part),
                "merges_splits": dict(collections.Counter(c.op for c in g.history)),
            }
        )
    return out


def _groups(p: Mapping[str, str]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = collections.defaultdict(set)
    for a, e in p.items():
        found[e].add(a)
    return {e: frozenset(m) for e, m in found.items()}


def same_event_share(x: Mapping[str, str], y: Mapping[str, str]) -> float:
    """Share of articles whose event holds exactly the same articles in both partitions."""
    gx, gy = _groups(x), _groups(y)
    return sum(1 for a in x if gx[x[a]] == gy[y[a]]) / max(1, len(x))


# --- event date and place (gva) -----------------------------------------------------------


def _fold(name: str) -> str:
    name = name.lower().replace("saint ", "st ").replace("st. ", "st ").replace("-", " ")
    name = re.sub(r"\b(county|city|township|parish|borough|village|town)\b", "", name)
    return " ".join(name.split())


_GOLD_PART = re.compile(r"(.*?)\s*\((.*)\)\s*$")


def city_matches(gold: str, name: str, kind: str) -> bool:
    """Does a place (its name and kind) name the gold's city or county?

    GVA writes a county as ``"Brown (county)"`` and a city with the place inside it that
    the report names as ``"Chicago (Englewood)"`` or ``"Fort Worth (Benbrook)"``: either
    name is right.

        >>> city_matches("Chicago (Englewood)", "Englewood", "city")
        True
        >>> city_matches("Brown (county)", "Brown County", "admin2")
        True
        >>> city_matches("Brown (county)", "Brown", "city")
        False
    """
    if kind not in ("city", "admin2"):
        return False
    part = _GOLD_PART.match(gold)
    if part is None:
        return _fold(name) == _fold(gold)
    outer, inner = part.groups()
    if inner.lower() == "county":
        return kind == "admin2" and _fold(name) == _fold(outer)
    return _fold(name) in (_fold(outer), _fold(inner))


def bench_attributes(
    rows: list[dict[str, Any]], data_dir: Path, prepared: Prepared
) -> dict[str, Any]:
    """Event date and place of the predicted event of each gva incident, vs baselines."""
    articles, claims, places = prepared
    g = group(articles, claims, places)
    events = {e.id: e for e in g.events()}
    row_article = {r["id"]: to_article(r).id for r in rows}
    art_by_id = {a.id: a for a in articles}
    ev_of = event_of(g)
    n = date_ok = date_base_ok = date_reconcile_ok = 0
    claims_of: dict[str, list[Claim]] = collections.defaultdict(list)
    for c in claims:
        claims_of[c.article].append(c)
    city_ok = state_ok = city_base_ok = state_base_ok = with_place = base_with_place = 0
    distances: list[float] = []
    base_distances: list[float] = []
    precisions: collections.Counter[str] = collections.Counter()
    day_ok = 0
    for inc in read_jsonl(data_dir / "gva" / "incidents.jsonl"):
        ids = [row_article[a] for a in inc["articles"] if a in row_article]
        if not ids:
            continue
        n += 1
        votes = collections.Counter(ev_of[a] for a in ids)
        ev: Event = events[votes.most_common(1)[0][0]]
        precisions[ev.date_precision or "none"] += 1
        if ev.date == inc["date"]:
            date_ok += 1
            if ev.date_precision == "day":
                day_ok += 1
        pubs = sorted(d for d in (art_by_id[a].pub_date for a in ev.articles) if d)
        if pubs and pubs[0].isoformat() == inc["date"]:
            date_base_ok += 1
        members = {a: art_by_id[a] for a in ev.articles}
        day = event_day([c for a in ev.articles for c in claims_of.get(a, ())], members)
        if day is not None and day.isoformat() == inc["date"]:
            date_reconcile_ok += 1
        gold_city, gold_state = inc["city_or_county"] or "", inc["state"] or ""
        gold_pt = (inc["lat"], inc["lon"]) if inc.get("lat") is not None else None
        # Ours: the event's first place. Baseline: the first town the first report names.
        ours = next(iter(ev.places), None)
        first = art_by_id[ev.articles[0]]
        base = next((p for p in places.get(first.id, ()) if p.kind in ("city", "admin2")), None)
        for place, tally in ((ours, "ours"), (base, "base")):
            if place is None:
                continue
            state = place.admin1 == gold_state
            # A namesake in another state is another city.
            city = state and city_matches(gold_city, place.name, place.kind)
            point = (
                km((place.lat, place.lon), gold_pt)
                if gold_pt and place.lat is not None and place.lon is not None
                else None
            )
            if tally == "ours":
                with_place += 1
                city_ok += city
                state_ok += state
                if point is not None:
                    distances.append(point)
            else:
                base_with_place += 1
                city_base_ok += city
                state_base_ok += state
                if point is not None:
                    base_distances.append(point)

    def dist_summary(d: list[float]) -> dict[str, float | int | None]:
        if not d:
            return {"n": 0, "median_km": None, "within_25km": None}
        arr = np.array(d)
        return {
            "n": len(d),
            "median_km": float(np.median(arr)),
            "within_25km": float((arr <= 25).mean()),
        }

    return {
        "incidents": n,
        "date_exact": date_ok / n,
        "date_exact_day_precision": day_ok / max(1, precisions["day"]),
        "date_precision": dict(precisions),
        "date_baseline_earliest_publication": date_base_ok / n,
        "date_reconcile_event_day": date_reconcile_ok / n,
        "place_named": with_place / n,
        "city": city_ok / n,
        "state": state_ok / n,
        "distance": dist_summary(distances),
        "baseline_first_town": {
            "place_named": base_with_place / n,
            "city": city_base_ok / n,
            "state": state_base_ok / n,
            "distance": dist_summary(base_distances),
        },
    }


# --- cost ---------------------------------------------------------------------------------

_CAPITAL = re.compile(r"\b([A-Z][a-z]{2,})\b")
_LONG_WORD = re.compile(r"\b([a-z]{4,})\b")
#: Share of the longer lower-case words a synthetic copy renames: a copy keeps a quarter of
#: its original's wording, like a report of another incident of the same kind.
RENAME_SHARE = 0.75
_CALENDAR = frozenset(WEEKDAYS) | frozenset(MONTHS)  # kept, so dates read as in real reports


def _tag(k: int) -> str:
    letters = ""
    k += 1
    while k:
        k, r = divmod(k - 1, 26)
        letters = chr(97 + r) + letters
    return "q" + letters


def synthetic(prepared: Prepared, size: int, chunk: int = 5_000) -> Iterator[Prepared]:
    """``size`` reports made from real ones, in chunks.

    Copy ``k`` of the collection renames every capitalised word (new people, streets and
    towns) and ``RENAME_SHARE`` of the other longer words (the same words in all of its
    reports, so reports of one incident still share them) and shifts dates by ``7 * k``
    days: each copy is a new set of incidents. Claims of the original are reused, places are
    those of another report (the copy happens somewhere else).
    """
    articles, claims, places = prepared
    by_article: dict[str, list[Claim]] = collections.defaultdict(list)
    for c in claims:
        by_article[c.article].append(c)
    out_a: list[Article] = []
    out_c: list[Claim] = []
    out_p: dict[str, list[Place]] = {}
    made = 0
    for k in itertools.count():
        tag = _tag(k)
        renamed: dict[str, str] = {}

        def rename(m: re.Match[str], tag: str = tag, renamed: dict[str, str] = renamed) -> str:
            w = m.group(1)
            new = renamed.get(w)
            if new is None:
                coin = zlib.crc32(f"{tag}:{w}".encode()) % 100 < 100 * RENAME_SHARE
                pick = w.lower() not in _CALENDAR and (w[0].isupper() or coin)
                new = renamed[w] = w + tag if pick else w
            return new

        def rewrite(text: str) -> str:
            return _LONG_WORD.sub(rename, _CAPITAL.sub(rename, text))

        for n, a in enumerate(articles):
            if made >= size:
                break
            if k == 0:
                new = a
            else:
                day = a.pub_date
                new = Article.create(
                    text=rewrite(a.text),
                    source=f"{a.source}-{tag}",
                    title=rewrite(a.title) if a.title else None,
                    date=(day + dt.timedelta(days=7 * k)).isoformat() if day else None,
                )
            made += 1
            out_a.append(new)
            out_c += [
                c.model_copy(update={"article": new.id, "id": f"{c.id}-{tag}"})
                for c in by_article[a.id]
            ]
            # Another report's places: a copy happens somewhere else.
            out_p[new.id] = places.get(articles[(n + 7919 * k) % len(articles)].id, [])
            if len(out_a) >= chunk:
                yield out_a, out_c, out_p
                out_a, out_c, out_p = [], [], {}
        if made >= size:
            break
    if out_a:
        yield out_a, out_c, out_p


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _scale_worker(args: tuple[Path, int]) -> dict[str, Any]:
    data_dir, size = args
    rows, _ = load(data_dir, "gva")
    articles = list({a.id: a for a in (to_article(r) for r in rows)}.values())
    # Upstream stages are not what is measured: their output is computed once and reused.
    claims, places = upstream(articles)
    before = _rss_mb()
    g = EventGrouper()
    seconds = cpu = 0.0
    for chunk in synthetic((articles, claims, places), size):
        t0, c0 = time.perf_counter(), time.process_time()
        g.update(*chunk)
        seconds += time.perf_counter() - t0
        cpu += time.process_time() - c0
    peak = _rss_mb()
    state_bytes = len(json.dumps(g.to_state()))
    return {
        "reports": size,
        "events": len(g.partition()),
        "seconds": seconds,
        "cpu_seconds": cpu,
        "reports_per_second": size / seconds,
        "cpu_ms_per_report": 1000 * cpu / size,
        "peak_rss_mb": peak,
        "rss_growth_mb": peak - before,
        "state_mb": state_bytes / 1e6,
    }


def bench_scale(data_dir: Path, sizes: Sequence[int]) -> list[dict[str, Any]]:
    """Each size in a fresh process, so peak memory is its own."""
    ctx = multiprocessing.get_context("spawn")
    out = []
    for size in sizes:
        with ctx.Pool(1) as pool:
            out.append(pool.apply(_scale_worker, ((data_dir, size),)))
    for prev, cur in itertools.pairwise(out):
        cur["time_ratio_per_size_ratio"] = (cur["cpu_seconds"] / prev["cpu_seconds"]) / (
            cur["reports"] / prev["reports"]
        )
    return out


# --- weight fitting -----------------------------------------------------------------------


def fit_weights(data_dir: Path, name: str, l2: float = 0.1) -> dict[str, float]:
    """Logistic regression of same-incident on the pair signals of blocked candidate pairs.

    This is how the defaults of :class:`corroborate.events.Weights` were estimated (on gva,
    then rounded); it reads the gold, so it lives here and never in the pipeline.
    """
    from scipy.optimize import minimize

    rows, gold = load(data_dir, name)
    prepared = prepare(rows)
    g = group(*prepared)
    labels: dict[str, set[str]] = collections.defaultdict(set)
    for r in rows:
        labels[to_article(r).id].update(gold.get(r["id"], ()))
    xs: list[list[float]] = []
    ys: list[float] = []
    seen: set[tuple[str, str]] = set()
    for a, doc_cands in g.candidate_pairs():
        for b in doc_cands:
            pair = (min(a, b), max(a, b))
            if pair in seen or not labels[a] or not labels[b]:
                continue
            seen.add(pair)
            s = g.link_signals(a, b)
            xs.append([s[k] for k in SIGNALS])
            ys.append(1.0 if labels[a] & labels[b] else 0.0)
    x = np.hstack([np.array(xs), np.ones((len(xs), 1))])
    y = np.array(ys)

    def loss(beta: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ beta
        p = 1.0 / (1.0 + np.exp(-z))
        eps = 1e-12
        value = -(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)).sum()
        value += l2 * float((beta[:-1] ** 2).sum())
        grad = x.T @ (p - y)
        grad[:-1] += 2 * l2 * beta[:-1]
        return float(value), grad

    beta = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B").x
    return {k: round(float(v), 2) for k, v in zip([*SIGNALS, "bias"], beta, strict=True)}


# --- entry points -------------------------------------------------------------------------


def run(data_dir: Path = DEFAULT_DATA, quick: bool = False) -> dict[str, Any]:
    """Run every measurement; JSON-able results."""
    t0 = time.perf_counter()
    results: dict[str, Any] = {"settings": EventSettings().to_dict(), "grouping": []}
    for name in ("gvc", "ecbplus", "gva"):
        rows, gold = load(data_dir, name)
        prepared = prepare(rows)
        results["grouping"].append(bench_grouping(name, rows, gold, prepared))
        if name == "gva":
            results["attributes"] = bench_attributes(rows, data_dir, prepared)
            batches = STREAM_BATCHES[1:] if quick else STREAM_BATCHES
            results["stream"] = bench_stream(rows, gold, prepared, batches)
    results["scale"] = bench_scale(data_dir, QUICK_SCALE_SIZES if quick else SCALE_SIZES)
    results["seconds"] = time.perf_counter() - t0
    return results


def _table(results: Mapping[str, Any]) -> str:
    lines = [
        "grouping (B-cubed over gold-labelled articles)",
        f"{'set':8} {'method':22} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'gold':>6}",
    ]
    for r in results["grouping"]:
        for label, key in (
            ("events", "events"),
            (f"tfidf cc @{r['baseline']['threshold']}", "baseline"),
            (f"tfidf cc best @{r['baseline_best']['threshold']}", "baseline_best"),
        ):
            s = r[key]
            lines.append(
                f"{r['dataset']:8} {label:22} {s['precision']:6.3f} {s['recall']:6.3f} "
                f"{s['f1']:6.3f} {s['predicted']:6d} {s['gold']:6d}"
            )
    if "stream" in results:
        lines.append("\ngva: date-ordered batches vs one batch")
        for s in results["stream"]:
            lines.append(
                f"  batch {s['batch']:4d}: F1 {s['events']['f1']:.3f}, agreement with "
                f"one batch {s['agreement_f1']:.4f}, same event "
                f"{s['same_event_share']:.3f}, {s['seconds']:.0f}s, "
                f"{s['merges_splits']}"
            )
    if "attributes" in results:
        a = results["attributes"]
        b = a["baseline_first_town"]
        lines += [
            f"\ngva event attributes ({a['incidents']} incidents)",
            f"  date exact {a['date_exact']:.3f} (precision {a['date_precision']}; day-precision "
            f"dates exact {a['date_exact_day_precision']:.3f}); baseline earliest publication "
            f"{a['date_baseline_earliest_publication']:.3f}; reconcile.event_day (claims) "
            f"{a['date_reconcile_event_day']:.3f}",
            f"  city {a['city']:.3f} state {a['state']:.3f} named {a['place_named']:.3f} "
            f"distance {a['distance']}",
            f"  baseline first town: city {b['city']:.3f} state {b['state']:.3f} named "
            f"{b['place_named']:.3f} distance {b['distance']}",
        ]
    lines.append("\ncost (synthetic from gva, events stage only, batches of 5,000)")
    for s in results["scale"]:
        lines.append(
            f"  {s['reports']:7d} reports: {s['seconds']:7.1f}s wall, "
            f"{s['cpu_seconds']:.1f}s CPU ({s['cpu_ms_per_report']:.2f} ms/report), "
            f"peak RSS {s['peak_rss_mb']:.0f} MB "
            f"(+{s['rss_growth_mb']:.0f} MB while grouping), "
            f"state {s['state_mb']:.0f} MB, events {s['events']}"
            + (
                f", CPU-time ratio / size ratio {s['time_ratio_per_size_ratio']:.2f}"
                if "time_ratio_per_size_ratio" in s
                else ""
            )
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--fit", metavar="SET", help="print weights fitted on SET and exit")
    args = parser.parse_args(argv)
    if args.fit:
        print(json.dumps(fit_weights(args.data, args.fit)))
        return 0
    results = run(args.data, quick=args.quick)
    print(_table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
