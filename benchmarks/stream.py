"""A realistic stream of news reports built from the real gva reports, for speed benchmarks.

    from stream import write_stream
    write_stream(Path("../shared/bench"), 100_000, Path("/tmp/stream.jsonl"))

The first reports are the real ones, as they are. Past their number the stream goes on the
way a news feed does:

* most reports (``1 - COPY_SHARE``) are **new**: the lede and a random quarter of one real
  report's sentences, then a random quarter of each of ``MIX - 1`` others (in their order,
  quotations left out), with every person's name
  replaced by a made-up one (a new cast per report), every number by another of as many
  digits, and the date moved. Sentences with neither ("Police are investigating.") stay
  shared, as stock phrases are in real news;
* the rest are **copies** of a report published shortly before: half verbatim (syndication
  under another outlet's title), half rewritten (a quarter of the sentences dropped, the
  rest kept in order).

So copies are about as common as in a real feed (one report in six or seven) and spread
evenly, instead of the dense families of near-identical reports that repeating one source
text many times would make; the cost per report then stays what it would be on a real feed.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

COPY_SHARE = 0.15
#: Source reports mixed into one new report.
MIX = 4
#: Copies pick their original among this many latest reports.
RECENT = 2_000
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
_QUOTE = re.compile(r"[\"“”]")
_DIGITS = re.compile(r"\d+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
#: Capitalised words that are never names, though rarely written in lower case.
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split()
)
_SYLLABLES = (
    "ba be bi bo da de di do fa fe ka ke ko la le li lo ma me mi mo na ne ni no ra re ri ro "
    "sa se si so ta te ti to va ve vi wa we ya yo za zi"
).split()


def _load(data_dir: Path) -> list[dict[str, Any]]:
    with (data_dir / "gva" / "articles.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    return [r for r in rows if len(r.get("text", "")) > 200]


def _names(rows: list[dict[str, Any]]) -> list[set[str]]:
    """Per report, the capitalised words that are people's names: never seen in lower case
    anywhere in the collection, and not part of a place name (so places still resolve)."""
    from corroborate.geo import find_places

    lower = {w for r in rows for w in re.findall(r"\b[a-z]{3,}\b", r["text"])}
    out = []
    for r in rows:
        text = (r.get("title") or "") + "\n" + r["text"]
        places = {w for m in find_places(text) for w in re.findall(r"\w+", m.place.mention)}
        out.append(
            {
                w
                for w in _CAPITALISED.findall(text)
                if w.lower() not in lower and w.lower() not in _CALENDAR
            }
            - places
        )
    return out


def _made_up(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() + "n"


def _sentences(text: str) -> list[str]:
    return [s for para in text.split("\n") for s in _SENTENCE.split(para) if s.strip()]


def _new_report(
    rows: list[dict[str, Any]],
    names: list[set[str]],
    rng: random.Random,
    tag: int,
    words: int | None = None,
) -> dict[str, Any]:
    picks = rng.sample(range(len(rows)), MIX)
    parts: list[str] = []
    i = 0
    while i < len(picks):
        p = picks[i]
        # Quotations are left out: a quote repeated word for word is what marks two reports
        # of one statement, which unrelated reports are not.
        sents = [s for s in _sentences(rows[p]["text"]) if not _QUOTE.search(s)]
        if not sents:
            i += 1
            continue
        # A random share of each source, in order (the first source's lede first): reports
        # mixed from one source then share a sentence or so, not a whole passage.
        keep = sorted(rng.sample(range(len(sents)), max(1, len(sents) // MIX)))
        if i == 0 and keep[0] != 0:
            keep[0] = 0
        parts += [sents[k] for k in keep]
        i += 1
        if words and i == len(picks) and sum(len(x.split()) for x in parts) < words:
            picks.append(rng.choice([r for r in range(len(rows)) if r not in picks]))
    cast = set().union(*(names[p] for p in picks))
    new = {w: _made_up(rng) for w in sorted(cast)}

    def rename(text: str) -> str:
        # New people, and new ages, addresses and times: other digits of the same length.
        text = _CAPITALISED.sub(lambda m: new.get(m.group(), m.group()), text)
        return _DIGITS.sub(
            lambda m: (
                str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in m.group()[1:])
            ),
            text,
        )

    lead = rows[picks[0]]
    day = lead.get("date")
    if day:
        day = (
            dt.date.fromisoformat(day[:10]) + dt.timedelta(days=rng.randint(1, 2000))
        ).isoformat()
    paragraphs = [" ".join(parts[i : i + 2]) for i in range(0, len(parts), 2)]
    return {
        "id": f"new{tag}",
        "text": rename("\n".join(paragraphs)),
        "title": rename(lead.get("title") or "") or None,
        "date": day,
    }


def _copy(original: dict[str, Any], rng: random.Random, tag: int) -> dict[str, Any]:
    text = original["text"]
    if rng.random() < 0.5:
        kept = [s for s in _sentences(text) if rng.random() > 0.25] or _sentences(text)[:1]
        text = "\n".join(" ".join(kept[i : i + 2]) for i in range(0, len(kept), 2))
    title = original.get("title")
    return {"id": f"copy{tag}", "text": text, "title": f"{title} (wire)" if title else None,
            "date": original.get("date")}  # fmt: skip


def stream(
    data_dir: Path, n: int, seed: int = 7, words: int | None = None
) -> Iterator[dict[str, Any]]:
    """``n`` report rows (``id``, ``text``, ``title``, ``date``): the real ones, then the
    synthetic feed described in the module docstring.

    ``words``: new reports of at least that many words (sources are added until they reach
    it; copies are of reports already that long), and no real ones, which are shorter.
    """
    rows = _load(data_dir)
    real = 0 if words else min(n, len(rows))
    yield from rows[:real]
    if n <= real:
        return
    names = _names(rows)
    rng = random.Random(seed)
    recent: list[dict[str, Any]] = [] if words else list(rows[-RECENT:])
    for tag in range(n - real):
        if recent and rng.random() < COPY_SHARE:
            row = _copy(rng.choice(recent), rng, tag)
        else:
            row = _new_report(rows, names, rng, tag, words)
        if words and len(recent) < RECENT:
            recent.append(row)
        else:
            recent[tag % len(recent)] = row
        yield row


def real_reports(data_dir: Path, words: int, max_words: int | None = None) -> list[dict[str, Any]]:
    """The real gva reports of at least ``words`` words (split on white space) and, with
    ``max_words``, at most that many, as they are."""
    top = max_words if max_words is not None else float("inf")
    return [r for r in _load(data_dir) if words <= len(r["text"].split()) <= top]


def write_stream(
    data_dir: Path, n: int, out: Path, seed: int = 7, words: int | None = None
) -> Path:
    """Write :func:`stream` as JSON lines to ``out``."""
    with out.open("w", encoding="utf-8") as fh:
        for row in stream(data_dir, n, seed, words):
            fh.write(json.dumps(row) + "\n")
    return out
