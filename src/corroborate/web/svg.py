"""Charts drawn on the server as inline SVG: no JavaScript, no external resources.

* :func:`timeline_svg`: the reported tolls of an event's main facts over publication time;
* :func:`map_svg`: the event's places as points over country outlines (Natural Earth
  1:110m, public domain, vendored in ``data/countries-110m.json``);
* :func:`provenance_svg`: who copied whom, from the copy relations.

Every text that comes from a report is escaped; colours come from CSS classes (the page's
Content-Security-Policy allows no inline styles), and every point links to its sentence.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from markupsafe import Markup, escape

from corroborate.model import Event, Fact, Place, Relation
from corroborate.web.service import HEADLINE_MEASURES, article_path, claim_path

SERIES = 6
"""Facts drawn at most on one timeline (each gets a colour class s0..s5)."""

MAX_GRAPH_NODES = 60
"""Articles drawn at most in a provenance graph (the rest are only listed)."""

MAX_MAP_POINTS = 40


def _f(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _nice_max(v: float) -> float:
    if v <= 0:
        return 1
    mag = float(10 ** math.floor(math.log10(v)))
    for m in (1.0, 2.0, 2.5, 5.0, 10.0):
        if v <= m * mag:
            return m * mag
    return 10 * mag


def _when(s: str | None) -> dt.datetime | None:
    if not s:
        return None
    try:
        d = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        try:
            d = dt.datetime.fromisoformat(s[:10])
        except ValueError:
            return None
    return d.replace(tzinfo=None) if d.tzinfo is None else d.astimezone(dt.UTC).replace(tzinfo=None)


# --------------------------------------------------------------------------- timeline


def timeline_facts(event: Event) -> list[Fact]:
    """The facts a timeline draws: those with figures, deaths and injuries first, best
    supported first."""
    rank = {m: i for i, m in enumerate(HEADLINE_MEASURES)}
    facts = [f for f in event.facts if any(p.value is not None for p in f.timeline)]
    facts.sort(key=lambda f: (rank.get(f.measure, len(rank)), "(" in f.group,
                              -len(f.timeline)))
    return facts[:SERIES]


def fact_label(f: Fact) -> str:
    scope = f" in {f.scope}" if f.scope else ""
    return f"{f.measure} {f.group}{scope}"


def timeline_svg(event: Event, keys: Mapping[str, str]) -> Markup | None:
    """The reported figures of the event's main facts by publication time; None when no
    fact has a figure. Reports with no publication date are drawn in an "undated" band."""
    facts = timeline_facts(event)
    if not facts:
        return None
    W, H, left, right, top, bottom = 760, 300, 56, 16, 16, 48
    legend_h = 18 * math.ceil(len(facts) / 2)
    points = [
        (i, _when(p.published), p)
        for i, f in enumerate(facts) for p in f.timeline if p.value is not None
    ]  # fmt: skip
    dated = [t for _, t, _ in points if t is not None]
    n_undated_all = sum(t is None for _, t, _ in points)
    undated = n_undated_all > 0
    band = min(200, 50 + 6 * n_undated_all) if undated else 0
    x0, x1 = left, W - right - band - (10 if undated else 0)
    ymax = _nice_max(max(p.value or 0 for _, _, p in points))
    y0, y1 = H - bottom, top

    def y(v: float) -> float:
        return y0 - (y0 - y1) * v / ymax

    if dated:
        tmin, tmax = min(dated), max(dated)
        if tmin == tmax:
            tmin, tmax = tmin - dt.timedelta(hours=12), tmax + dt.timedelta(hours=12)
        span = (tmax - tmin).total_seconds()

        def x(t: dt.datetime) -> float:
            return x0 + (x1 - x0) * (t - tmin).total_seconds() / span

    out = [
        f'<svg class="chart timeline" viewBox="0 0 {W} {H + legend_h}" role="img" '
        f'aria-labelledby="tl-title" xmlns="http://www.w3.org/2000/svg">',
        '<title id="tl-title">Reported figures by publication time</title>',
    ]
    for k in range(5):  # y grid and labels
        v = ymax * k / 4
        out.append(f'<line class="grid" x1="{x0}" x2="{W - right}" y1="{_f(y(v))}" '
                   f'y2="{_f(y(v))}"/>')
        out.append(f'<text class="tick" x="{x0 - 6}" y="{_f(y(v) + 4)}" text-anchor="end">'
                   f"{_f(v)}</text>")
    out.append(f'<line class="axis" x1="{x0}" x2="{x0}" y1="{y1}" y2="{y0}"/>')
    if dated:
        ticks = 5 if span > 0 else 1
        fmt = "%Y-%m-%d" if span >= 3 * 86400 else "%m-%d %H:%M"
        for k in range(ticks + 1):
            t = tmin + dt.timedelta(seconds=span * k / ticks)
            align = "start" if k == 0 else "end" if k == ticks else "middle"
            out.append(f'<text class="tick" x="{_f(x(t))}" y="{y0 + 16}" '
                       f'text-anchor="{align}">{escape(t.strftime(fmt))}</text>')
    else:
        out.append(f'<text class="tick" x="{x0 + 8}" y="{y0 + 16}">no report has a '
                   "publication date</text>")
    if undated:
        bx = W - right - band
        out.append(f'<rect class="band" x="{bx}" y="{y1}" width="{band}" height="{y0 - y1}"/>')
        out.append(f'<text class="tick" x="{bx + band / 2}" y="{y0 + 16}" '
                   'text-anchor="middle">undated</text>')
    for i in range(len(facts)):
        if dated:
            line = sorted((t, p.value) for j, t, p in points if j == i and t is not None
                          and p.value is not None)
            if len(line) > 1:
                pts = " ".join(f"{_f(x(t))},{_f(y(v))}" for t, v in line)
                out.append(f'<polyline class="series s{i}" points="{pts}"/>')
    n_undated = 0
    for i, when, p in points:
        assert p.value is not None
        if when is not None:
            cx = x(when)
        else:
            bx = W - right - band
            cx = bx + 10 + (n_undated * 13) % max(band - 20, 1)
            n_undated += 1
        tip = (f"{fact_label(facts[i])}: {p.number_text} ({p.value}) — "
               f"{keys.get(p.article, p.article)}, {p.published or 'no date'}")
        out.append(
            f'<a href="{escape(claim_path(p.article, p.claim))}"><circle class="point s{i}" '
            f'cx="{_f(cx)}" cy="{_f(y(p.value))}" r="4.5"><title>{escape(tip)}</title>'
            "</circle></a>"
        )
    for i, f in enumerate(facts):  # legend, two columns
        lx = left + (i % 2) * 340
        ly = H + 18 * (i // 2) + 2
        out.append(f'<rect class="swatch s{i}" x="{lx}" y="{ly}" width="12" height="12"/>')
        out.append(f'<text class="legend" x="{lx + 18}" y="{ly + 11}">'
                   f"{escape(fact_label(f))}{' (conflict)' if f.conflict else ''}</text>")
    out.append("</svg>")
    return Markup("".join(out))


# --------------------------------------------------------------------------- map


@dataclass(frozen=True)
class _Country:
    name: str
    a2: str | None
    bbox: tuple[float, float, float, float]  # degrees
    rings: tuple[tuple[float, ...], ...]  # flat lon, lat in degrees


@cache
def countries() -> tuple[_Country, ...]:
    """The vendored outlines (loaded once)."""
    raw: dict[str, Any] = json.loads(
        resources.files("corroborate.web").joinpath("data/countries-110m.json").read_text("utf-8")
    )
    return tuple(
        _Country(
            c["name"], c.get("a2"), tuple(v / 100 for v in c["bbox"]),
            tuple(tuple(v / 100 for v in ring) for ring in c["rings"]),
        )
        for c in raw["countries"]
    )


def map_svg(places: Sequence[Place]) -> Markup | None:
    """The places with coordinates as points over country outlines; countries named as
    places are shaded. None when no place has coordinates. (Cached: events that name the
    same places share one drawing.)"""
    return _map_svg(tuple(places))


@lru_cache(maxsize=1024)
def _map_svg(places: tuple[Place, ...]) -> Markup | None:
    pts = [p for p in places if p.lat is not None and p.lon is not None and p.kind != "country"]
    named = {p.country for p in places if p.kind == "country" and p.country}
    if not pts:
        pts = [p for p in places if p.lat is not None and p.lon is not None]
    if not pts:
        return None
    pts = list({(p.name, p.lat, p.lon): p for p in pts}.values())[:MAX_MAP_POINTS]
    lons = [p.lon for p in pts if p.lon is not None]
    lats = [p.lat for p in pts if p.lat is not None]
    W, H = 640, 400
    lat_mid = (min(lats) + max(lats)) / 2
    kx = max(math.cos(math.radians(lat_mid)), 0.2)
    # The view: the points' box, padded, at least 8 degrees tall, with the SVG's aspect.
    span_lat = max((max(lats) - min(lats)) * 1.3, 8.0)
    span_lon = max((max(lons) - min(lons)) * 1.3, 8.0 / kx)
    if span_lon * kx / span_lat > W / H:
        span_lat = span_lon * kx * H / W
    else:
        span_lon = span_lat * W / H / kx
    span_lat, span_lon = min(span_lat, 170.0), min(span_lon, 360.0)
    lon0 = (min(lons) + max(lons)) / 2 - span_lon / 2
    lat1 = min((min(lats) + max(lats)) / 2 + span_lat / 2, 85.0)
    sx, sy = W / span_lon, H / span_lat

    def proj(lon: float, lat: float) -> tuple[float, float]:
        return (lon - lon0) * sx, (lat1 - lat) * sy

    view = (lon0, lat1 - span_lat, lon0 + span_lon, lat1)
    out = [
        f'<svg class="chart map" viewBox="0 0 {W} {H}" role="img" aria-labelledby="map-title" '
        'xmlns="http://www.w3.org/2000/svg">',
        '<title id="map-title">Places named in the reports</title>',
        f'<rect class="sea" x="0" y="0" width="{W}" height="{H}"/>',
    ]
    here = {p.country for p in pts if p.country} | named
    for c in countries():
        b = c.bbox
        if b[2] < view[0] or b[0] > view[2] or b[3] < view[1] or b[1] > view[3]:
            continue
        d = []
        for ring in c.rings:
            xy = [proj(ring[k], ring[k + 1]) for k in range(0, len(ring) - 1, 2)]
            d.append("M" + "L".join(f"{_f(px)},{_f(py)}" for px, py in xy) + "Z")
        cls = "land named" if c.a2 in here else "land"
        out.append(f'<path class="{cls}" d="{"".join(d)}"><title>{escape(c.name)}</title></path>')
    labels: list[tuple[float, float]] = []
    for p in pts:
        assert p.lon is not None and p.lat is not None
        px, py = proj(p.lon, p.lat)
        out.append(f'<circle class="place {escape(p.kind)}" cx="{_f(px)}" cy="{_f(py)}" r="5">'
                   f"<title>{escape(p.name)} ({escape(p.kind)}; mentioned as "
                   f"“{escape(p.mention)}”)</title></circle>")
        if all(abs(px - lx) > 60 or abs(py - ly) > 14 for lx, ly in labels):
            labels.append((px, py))
            out.append(f'<text class="place-label" x="{_f(px + 7)}" y="{_f(py + 4)}">'
                       f"{escape(p.name)}</text>")
    out.append(f'<text class="credit" x="{W - 6}" y="{H - 6}" text-anchor="end">'
               "outlines: Natural Earth (public domain)</text>")
    out.append("</svg>")
    return Markup("".join(out))


# --------------------------------------------------------------------------- provenance


def provenance_svg(
    article_ids: Sequence[str], relations: Sequence[Relation], keys: Mapping[str, str]
) -> Markup | None:
    """Who copied whom: articles in columns by how far they are from an original, an
    arrow from each original to its copy, labelled with the kind of copy. None when no
    two articles are related."""
    members = set(article_ids)
    edges: list[tuple[str, str, str, bool]] = []  # (from, to, kind, directed)
    for r in relations:
        if r.kind == "independent":
            continue
        if r.a == r.b or r.external:
            src = f"outlet:{r.credited or 'credited outlet'}"
            edges.append((src, r.b, r.kind, True))
        elif r.a in members and r.b in members:
            if r.original in (r.a, r.b):
                other = r.b if r.original == r.a else r.a
                edges.append((r.original, other, r.kind, True))
            else:
                edges.append((r.a, r.b, r.kind, False))
    if not edges:
        return None
    nodes = list(dict.fromkeys(n for s, t, _, _ in edges for n in (s, t)))[:MAX_GRAPH_NODES]
    shown = set(nodes)
    edges = [e for e in edges if e[0] in shown and e[1] in shown]
    depth = dict.fromkeys(nodes, 0)
    for _ in range(len(nodes)):  # longest path from an original, cycles cut off
        changed = False
        for s, t, _, directed in edges:
            if directed and depth[t] < depth[s] + 1 <= len(nodes):
                depth[t] = depth[s] + 1
                changed = True
        if not changed:
            break
    columns: dict[int, list[str]] = {}
    for n in nodes:
        columns.setdefault(depth[n], []).append(n)
    bw, bh, gx, gy, pad = 170, 30, 90, 16, 10
    pos: dict[str, tuple[float, float]] = {}
    for c, col in enumerate(sorted(columns)):
        for row, n in enumerate(columns[col]):
            pos[n] = (pad + c * (bw + gx), pad + row * (bh + gy))
    W = pad * 2 + len(columns) * (bw + gx) - gx
    H = pad * 2 + max(len(v) for v in columns.values()) * (bh + gy) - gy
    out = [
        f'<svg class="chart graph" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" '
        'aria-labelledby="pg-title" '
        'xmlns="http://www.w3.org/2000/svg">',
        '<title id="pg-title">Who copied whom</title>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path class="arrowhead" '
        'd="M0,0L10,5L0,10z"/></marker></defs>',
    ]
    for s, t, kind, directed in edges:
        (sx, sy), (tx, ty) = pos[s], pos[t]
        if sx != tx:  # side to side
            x1, x2 = (sx + bw, tx) if sx < tx else (sx, tx + bw)
            y1, y2 = sy + bh / 2, ty + bh / 2
        else:  # same column: bottom to top
            x1 = x2 = sx + bw / 2
            y1, y2 = (sy + bh, ty) if sy < ty else (sy, ty + bh)
        marker = ' marker-end="url(#arrow)"' if directed else ""
        cls = "edge" if directed else "edge undirected"
        out.append(f'<line class="{cls} {escape(kind)}" x1="{_f(x1)}" y1="{_f(y1)}" '
                   f'x2="{_f(x2)}" y2="{_f(y2)}"{marker}><title>{escape(kind)}</title></line>')
        out.append(f'<text class="edge-label" x="{_f((x1 + x2) / 2)}" y="{_f((y1 + y2) / 2 - 4)}" '
                   f'text-anchor="middle">{escape(kind.replace("_", " "))}</text>')
    for n in nodes:
        x, y = pos[n]
        if n.startswith("outlet:"):
            label = n.removeprefix("outlet:")
            out.append(f'<g class="node outlet"><rect x="{x}" y="{y}" width="{bw}" height="{bh}" '
                       f'rx="14"/><text x="{x + 8}" y="{y + 19}">{escape(label[:26])}</text>'
                       f"<title>{escape(label)} (credited, not in the store)</title></g>")
            continue
        label = keys.get(n, n)
        out.append(
            f'<a href="{escape(article_path(n))}"><g class="node"><rect x="{x}" y="{y}" '
            f'width="{bw}" height="{bh}" rx="4"/><text x="{x + 8}" y="{y + 19}">'
            f"{escape(label[:24])}</text><title>{escape(label)}</title></g></a>"
        )
    out.append("</svg>")
    return Markup("".join(out))
