"""Synthetic corpora for the provenance benchmarks, built from the real GVA articles.

* :func:`edit` applies one kind of edit at a given rate (deletions, insertions, sentence
  reordering, boilerplate added, paragraphs truncated, numbers changed, or all of them),
  for the robustness benchmark (``bench_provenance_robustness.py``).
* :func:`scale_corpus` makes N articles for the scale benchmark: each synthetic incident is
  a real article whose words are mostly renamed (incident-specific forms, from a bounded
  pool so the vocabulary grows like a real one), and a share of incidents get planted
  copies (near copies and sentence rewrites) whose pairs are known.
* :func:`peer_pairs` is the peer: a plain ``datasketch.MinHashLSH`` over word 5-gram sets.

``run()`` here only describes a small generated sample (it is a helper of the others).

    python benchmarks/bench_provenance_synth.py
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from corroborate.model import Article
from corroborate.provenance.features import title_coverage
from corroborate.text import paragraphs, sentences

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
EDIT_KINDS = ("delete", "insert", "reorder", "boilerplate", "truncate", "numbers", "mixed")

BOILERPLATE = [
    "Sign up for our daily newsletter to get the top headlines delivered to your inbox.",
    "Copyright 2016 The Associated Press. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed.",
    "Download our free mobile app for breaking news alerts, weather and traffic updates.",
    "Follow us on Facebook and Twitter for the latest local news and community events.",
    "Comments are moderated and may take up to 24 hours to appear on the site.",
    "Have a news tip? Email our newsroom or call the tip line any time of day.",
    "Subscribe now for unlimited digital access to local news, sports and obituaries.",
]

_WORD = re.compile(r"[A-Za-z]{3,}")
_NUMBER = re.compile(r"\b\d+\b")
_ENDS = re.compile(r"""[.!?:]['"”’)]*$""")
_SPLIT = re.compile(r"\S+")


def load_gva(data_dir: Path) -> list[Article]:
    """The GVA articles as the brief reads them (id, text, title, date, url)."""
    out = []
    with (data_dir / "gva" / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            out.append(
                Article.create(
                    text=r["text"],
                    source=r["id"],
                    key=r["id"],
                    title=r.get("title"),
                    date=r.get("date"),
                    url=r.get("url"),
                )
            )
    return out


def story_articles(articles: Iterable[Article], min_sentences: int = 5) -> list[Article]:
    """Articles whose body is their titled story and has a few sentences (edit bases)."""
    out = []
    for a in articles:
        cov = title_coverage(a.title, a.text)
        if (cov is None or cov >= 0.5) and sum(1 for _ in sentences(a.text)) >= min_sentences:
            out.append(a)
    return out


def gva_incidents(data_dir: Path) -> dict[str, set[str]]:
    """Article id -> GVA incident ids (the gold file; read by benchmarks only)."""
    inc: dict[str, set[str]] = {}
    with (data_dir / "gva" / "incidents.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            for a in d["articles"]:
                inc.setdefault(a, set()).add(d["incident_id"])
    return inc


# --------------------------------------------------------------------------- edits


def edit(text: str, kind: str, rate: float, rng: random.Random, pool: Sequence[str]) -> str:
    """``text`` with one kind of edit at ``rate`` (share of words/sentences/paragraphs).

    ``pool``: words to insert (drawn from other articles).
    """
    if kind == "mixed":
        for k in ("numbers", "delete", "insert", "reorder", "boilerplate", "truncate"):
            text = edit(text, k, rate / 2, rng, pool)
        return text
    if kind in ("delete", "insert"):
        # Word edits inside sentences: sentence-final words (with their full stop) stay, as
        # an editor's cuts and additions do not run sentences together.
        out = []
        for para in text.split("\n"):
            words = para.split(" ")
            if kind == "delete":
                words = [w for w in words if _ENDS.search(w) or rng.random() >= rate]
            else:
                for _ in range(round(len(words) * rate)):
                    words.insert(rng.randrange(len(words)), rng.choice(pool))
            out.append(" ".join(words))
        return "\n".join(out)
    if kind == "reorder":
        sents = [s.text for s in sentences(text)]
        moved = [i for i in range(len(sents)) if rng.random() < rate]
        for i in moved:
            s = sents.pop(i)
            sents.insert(rng.randrange(len(sents) + 1), s)
        return "\n".join(sents)
    if kind == "boilerplate":
        n_words = len(text.split())
        added: list[str] = []
        while sum(len(b.split()) for b in added) < rate * n_words:
            added.append(rng.choice(BOILERPLATE))
        head = added[: len(added) // 2]
        tail = added[len(added) // 2 :]
        return "\n".join([*head, text, *tail])
    if kind == "truncate":
        paras = [p.text for p in paragraphs(text)]
        # At least one paragraph goes (when there are two), so the copy differs.
        keep = max(1, min(len(paras) - 1, round(len(paras) * (1 - rate))))
        return "\n".join(paras[:keep])
    if kind == "numbers":
        found = list(_NUMBER.finditer(text))
        if not found:
            return text
        # Each number changes with probability ``rate``; at least one does.
        picked = {i for i in range(len(found)) if rng.random() < rate} or {
            rng.randrange(len(found))
        }
        out, last = [], 0
        for i, m in enumerate(found):
            if i in picked:
                out += [text[last : m.start()], str(int(m.group()) + rng.randint(1, 9))]
                last = m.end()
        return "".join([*out, text[last:]])
    raise ValueError(kind)


# --------------------------------------------------------------------------- scale corpus


def rename(text: str, incident: int, share: float, variants: int = 30) -> str:
    """Give ``share`` of the longer words an incident-specific form from a bounded pool."""
    cut = int(share * 10_000)

    def sub(m: re.Match[str]) -> str:
        w = m.group()
        h = zlib.crc32(f"{incident}:{w.lower()}".encode())
        if h % 10_000 >= cut:
            return w
        h //= 10_000
        return f"{w}{'qxzvkj'[h % 6]}{(h // 6) % variants}"

    return _WORD.sub(sub, text)


def rewrite(text: str, rng: random.Random, drop: float = 0.2) -> str:
    """A sentence-by-sentence rewrite: words dropped and neighbours swapped per sentence."""
    out = []
    for s in sentences(text):
        words = s.text.split()
        kept = [w for w in words if rng.random() > drop] or words[:1]
        if len(kept) > 4:
            i = rng.randrange(len(kept) - 1)
            kept[i], kept[i + 1] = kept[i + 1], kept[i]
        out.append(" ".join(kept))
    return "\n".join(out)


def scale_corpus(
    bases: Sequence[Article],
    n: int,
    seed: int = 11,
    share: float = 0.7,
    copy_rate: float = 0.2,
    rewrite_rate: float = 0.1,
) -> tuple[list[Article], set[tuple[str, str]]]:
    """``n`` articles: renamed incidents, ``copy_rate`` of them with a near copy (filler and
    small edits) and ``rewrite_rate`` with a rewrite. Returns articles and planted pairs."""
    rng = random.Random(seed)
    arts: list[Article] = []
    planted: set[tuple[str, str]] = set()
    pool = ["reportedly", "local", "officials", "meanwhile", "nearby", "later"]
    incident = 0
    while len(arts) < n:
        base = bases[rng.randrange(len(bases))]
        text = rename(base.text, incident, share)
        title = rename(base.title or "", incident, share) or None
        orig = Article.create(text, f"syn/{incident}", key=f"syn{incident}", title=title)
        arts.append(orig)
        extra = []
        if rng.random() < copy_rate:
            copied = edit(edit(text, "insert", 0.05, rng, pool), "boilerplate", 0.1, rng, pool)
            extra.append(copied)
        if rng.random() < rewrite_rate:
            extra.append(rewrite(text, rng))
        for k, body in enumerate(extra):
            if len(arts) >= n:
                break
            copy = Article.create(body, f"syn/{incident}-{k}", key=f"syn{incident}-{k}",
                                  title=title)  # fmt: skip
            arts.append(copy)
            planted.add((orig.id, copy.id))
        incident += 1
    return arts, planted


# --------------------------------------------------------------------------- peer


def peer_pairs(
    articles: Sequence[Article], threshold: float = 0.5, num_perm: int = 128
) -> tuple[set[tuple[str, str]], float]:
    """Pairs a plain ``datasketch.MinHashLSH`` finds over word 5-gram sets (and seconds).

    The peer setup most near-duplicate pipelines start from: one MinHash per document,
    LSH at Jaccard ``threshold``, every query hit kept.
    """
    from datasketch import MinHash, MinHashLSH  # optional: pip install '.[bench]'

    t0 = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    sketches = {}
    for a in articles:
        words = re.findall(r"\w+", a.text.lower())
        grams = {" ".join(words[i : i + 5]).encode() for i in range(max(0, len(words) - 4))}
        if not grams:
            continue
        m = MinHash(num_perm=num_perm)
        m.update_batch(list(grams))
        if a.id in sketches:
            continue
        sketches[a.id] = m
        lsh.insert(a.id, m)
    pairs: set[tuple[str, str]] = set()
    for aid, m in sketches.items():
        for other in lsh.query(m):
            if other != aid:
                pairs.add((min(aid, other), max(aid, other)))
    return pairs, time.perf_counter() - t0


def have_peer() -> bool:
    try:
        import datasketch  # noqa: F401
    except ImportError:
        return False
    return True


def run(data_dir: Path = DEFAULT_DATA, quick: bool = False) -> dict[str, Any]:
    """Describe a small generated sample (sizes, planted pairs, one edited text)."""
    bases = story_articles(load_gva(data_dir))[:200]
    arts, planted = scale_corpus(bases, 200 if quick else 1000)
    rng = random.Random(3)
    pool = [w for a in bases[:50] for w in a.text.split()]
    sample = {k: edit(bases[0].text, k, 0.2, rng, pool)[:200] for k in EDIT_KINDS}
    return {
        "bases": len(bases),
        "articles": len(arts),
        "planted_pairs": len(planted),
        "mean_words": round(sum(len(a.text.split()) for a in arts) / len(arts), 1),
        "edited_sample": sample,
    }


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    data = Path(args[0]) if args else DEFAULT_DATA
    print(json.dumps(run(data, quick="--quick" in sys.argv), indent=2))
