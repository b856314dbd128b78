"""Claims benchmarks: seeds gold, gvdb and gva per-article counts, and throughput.

    python benchmarks/bench_claims.py [--data ../shared/bench] [--quick]

Scores (see ../shared/bench/README.md): exact-match accuracy and mean absolute error of
each article's killed and injured counts, beside the trivial baselines (always 0; the most
frequent value) computed in the same run. Gold labels are read here only, never by the
pipeline.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from corroborate.claims import extract_claims
from corroborate.claims.counts import article_counts
from corroborate.model import Article

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "bench"


def _articles(path: Path, limit: int | None = None) -> list[Article]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                break
            row = json.loads(line)
            out.append(
                Article.create(
                    text=row["text"],
                    source=str(row["id"]),
                    key=str(row["id"]),
                    title=row.get("title") or None,
                    date=row.get("date") or None,
                    url=row.get("url") or None,
                )
            )
    return out


def _score(pred: Sequence[int], gold: Sequence[Iterable[int]]) -> dict[str, float]:
    """Exact accuracy and MAE; an article with several acceptable gold values matches any."""
    hits, err = 0, 0.0
    for p, g in zip(pred, gold, strict=True):
        options = list(g)
        hits += p in options
        err += min(abs(p - o) for o in options)
    n = max(len(pred), 1)
    return {"accuracy": round(hits / n, 4), "mae": round(err / n, 3)}


def _with_baselines(
    pred: Sequence[int], gold: Sequence[Iterable[int]], first: Sequence[int]
) -> dict[str, Any]:
    flat = Counter(v for g in gold for v in list(g)[:1])
    most = flat.most_common(1)[0][0] if flat else 0
    return {
        "corroborate": _score(pred, gold),
        "baseline_zero": _score([0] * len(pred), gold),
        f"baseline_most_frequent({most})": _score([most] * len(pred), gold),
        **({"baseline_first_number": _score(first, gold)} if first else {}),
    }


def _first_number(text: str) -> int:
    """The first small number in the text: a naive reader's guess."""
    import re

    for m in re.finditer(r"\b(\d{1,2})\b", text):
        return int(m.group(1))
    return 0


def gvdb(data: Path, quick: bool = False) -> dict[str, Any]:
    arts = _articles(data / "gvdb" / "articles.jsonl", 100 if quick else None)
    gold = {r["article"]: r for r in map(json.loads, (data / "gvdb" / "gold.jsonl").open())}
    arts = [a for a in arts if a.key in gold]
    # gvdb annotates victims only; suspects shot by police are not counted there.
    counts = [article_counts(extract_claims(a), sides=("victims",)) for a in arts]
    first = [_first_number(a.text) for a in arts]
    out: dict[str, Any] = {"articles": len(arts)}
    for measure in ("killed", "injured"):
        pred = [c[measure] for c in counts]
        g = [[gold[a.key][measure]] for a in arts]
        out[measure] = _with_baselines(pred, g, first)
    return out


def gva(data: Path, quick: bool = False) -> dict[str, Any]:
    arts = _articles(data / "gva" / "articles.jsonl", 500 if quick else None)
    incidents = [json.loads(line) for line in (data / "gva" / "incidents.jsonl").open()]
    by_article: dict[str, list[dict[str, Any]]] = {}
    for inc in incidents:
        for aid in inc["articles"]:
            by_article.setdefault(aid, []).append(inc)
    arts = [a for a in arts if a.key in by_article]
    counts = [article_counts(extract_claims(a)) for a in arts]
    out: dict[str, Any] = {"articles": len(arts)}
    for measure in ("killed", "injured"):
        pred = [c[measure] for c in counts]
        g = [[inc[measure] for inc in by_article[a.key]] for a in arts]
        out[measure] = _with_baselines(pred, g, [_first_number(a.text) for a in arts])
    return out


_GOLD_GROUPS = {"all": "people", "civilians_and_security": "civilians+security_forces"}
_GOLD_MEASURES = {"abducted": "kidnapped"}


def _norm(text: str) -> str:
    import re

    text = re.sub(r"\(.*?\)", " ", text.replace("’", "'").lower())
    return " ".join(re.findall(r"[a-z]+", re.sub(r"'s\b|'", "", text)))


def seeds(data: Path, quick: bool = False) -> dict[str, Any]:
    """Every value of every fact in ../shared/gold/seeds.yaml, found with its attributes?"""
    import datetime as dt

    import yaml

    from corroborate.ingest import read_paths
    from corroborate.pipeline import analyse
    from corroborate.reconcile import top_group

    shared = data.parent
    gold = yaml.safe_load((shared / "gold" / "seeds.yaml").read_text(encoding="utf-8"))
    report = analyse(read_paths([shared / "seeds"]).articles)
    keys = {"a" + a.key[:3]: a.id for a in report.articles}
    claims = {c.id: c for c in report.claims}
    day = dt.date.fromisoformat(str(gold["event"]["date"]))
    before = (day - dt.timedelta(days=1)).isoformat()
    periods = {"attack_day": (day.isoformat(),) * 2, "day_before": (before, before),
               "two_days": (before, day.isoformat())}  # fmt: skip
    facts = [f for e in report.events for f in e.facts]
    total = found = strict = 0
    misses = []
    for spec in gold["facts"]:
        measure = _GOLD_MEASURES.get(spec["measure"], spec["measure"])
        group = spec["group"].split(" ")[0]
        group = top_group(_GOLD_GROUPS.get(group, group))
        for gv in spec["values"]:
            total += 1
            ok = False
            for f in facts:
                if f.measure != measure or top_group(f.group.split(" ")[0]) != group:
                    continue
                if (f.period.start, f.period.end) != periods[spec["period"]]:
                    continue
                for v in f.values:
                    same = v.value == gv["value"] or (
                        isinstance(gv["value"], str) and gv["value"] in v.number_text.lower()
                    )
                    if same and {keys[a] for a in gv["articles"]} <= set(v.articles):
                        ok = True
                        aliases = [_norm(a) for a in gold["claimants"].get(gv["claimant"]) or []]
                        said = [_norm(claims[c].claimant or "") for c in v.claims]
                        claimant_ok = (gv["claimant"] is None and not any(said)) or any(
                            a and s and (a in s or s in a) for a in aliases for s in said
                        )
                        strict += claimant_ok and v.qualifier == gv["qualifier"]
            found += ok
            if not ok:
                misses.append(f"{spec['id']}={gv['value']}")
    values = [v for f in facts for v in f.values]
    gold_values = {(_GOLD_MEASURES.get(s["measure"], s["measure"]), v["value"])
                   for s in gold["facts"] for v in s["values"]}  # fmt: skip
    matched = [v for f in facts for v in f.values if (f.measure, v.value) in gold_values
               or (f.measure, v.number_text.lower()) in gold_values]  # fmt: skip
    return {
        "gold_values": total,
        "recall": round(found / total, 3),
        "recall_with_claimant_and_qualifier": round(strict / total, 3),
        # The gold lists the facts that matter, not every figure: a lower bound.
        "precision_lower_bound": round(len(matched) / max(len(values), 1), 3),
        "missed": misses,
    }


def throughput(data: Path, quick: bool = False) -> dict[str, Any]:
    arts = _articles(data / "gva" / "articles.jsonl", 500 if quick else None)
    words = sum(len(a.text.split()) for a in arts)
    start = time.perf_counter()
    n_claims = sum(len(extract_claims(a)) for a in arts)
    took = time.perf_counter() - start
    start = time.perf_counter()
    from corroborate.text import sentences, tokens

    for a in arts:
        for s in sentences(a.text):
            tokens(s.text)
    floor = time.perf_counter() - start
    return {
        "articles": len(arts),
        "mean_words": round(words / max(len(arts), 1)),
        "claims": n_claims,
        "articles_per_s": round(len(arts) / took, 1),
        "tokenise_floor_articles_per_s": round(len(arts) / floor, 1),
        "cost_vs_floor": round(took / floor, 2),
    }


def run(data_dir: Path = DEFAULT_DATA, quick: bool = False) -> dict[str, Any]:
    """All claims benchmarks; JSON-able results."""
    from corroborate.geo import get_gazetteer

    get_gazetteer()  # index load is start-up cost, not per-article work
    return {
        "seeds": seeds(data_dir, quick),
        "gvdb": gvdb(data_dir, quick),
        "gva": gva(data_dir, quick),
        "throughput": throughput(data_dir, quick),
    }


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    print(json.dumps(run(args.data, args.quick), indent=2))
