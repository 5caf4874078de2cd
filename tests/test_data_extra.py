"""Invariants of the extra actor tables (sub-national places, institutions, companies) and of their
aliases, one table per part split by language (dyad/lang/ru/data/kb_aliases_<part>.tsv and
dyad/lang/en/data/kb_aliases_<part>.tsv)."""
from __future__ import annotations

import re

import pytest

from conftest import ALIAS_DIRS, DATA, alias_rows, data_lines as read_lines, data_rows as read_rows

ACTOR_COLUMNS = ["id", "kind", "name_en", "name_ru", "country", "code", "source"]
ALIAS_COLUMNS = ["actor_id", "lang", "alias", "type", "source"]
PARTS = ["subnational", "institutions", "companies"]
PATHS = ({f"actors_{p}.tsv": DATA / f"actors_{p}.tsv" for p in PARTS}
         | {f"{lang}/kb_aliases_{p}.tsv": folder / f"kb_aliases_{p}.tsv"
            for p in PARTS for lang, folder in ALIAS_DIRS.items()})
KINDS = {"country", "person", "organization", "igo", "place", "region", "initiative", "group"}
ALIAS_TYPES = {"name", "official", "abbr", "adj", "metonym", "demonym", "surname"}
HISTORICAL = {"SUN", "YUG", "CSK", "DDR", "ottoman-empire", "russian-empire"}
ROLES = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "BUS", "MED", "PTY", "REB", "INS"}


@pytest.fixture(scope="module")
def all_actors() -> list[dict[str, str]]:
    return [row for path in sorted(DATA.glob("actors*.tsv")) for row in read_rows(path)]


@pytest.fixture(scope="module")
def actor_ids(all_actors) -> set[str]:
    return {row["id"] for row in all_actors}


@pytest.fixture(scope="module")
def mine() -> dict[str, list[dict[str, str]]]:
    """``aliases_<part>.tsv``: the rows of both languages' ``kb_aliases_<part>.tsv``."""
    return ({f"actors_{p}.tsv": read_rows(DATA / f"actors_{p}.tsv") for p in PARTS}
            | {f"aliases_{p}.tsv": alias_rows(f"kb_aliases_{p}.tsv") for p in PARTS})


@pytest.fixture(scope="module")
def iso3() -> set[str]:
    return {row["id"] for row in read_rows(DATA / "actors.tsv")
            if re.fullmatch(r"[A-Z]{3}", row["id"]) and row["kind"] in ("country", "place")}


@pytest.mark.parametrize("name", sorted(PATHS))
def test_data_extra_columns(name):
    header, *rows = read_lines(PATHS[name])
    assert header == (ACTOR_COLUMNS if name.startswith("actors_") else ALIAS_COLUMNS)
    assert rows, name
    bad = [(number, row) for number, row in enumerate(rows, 2) if len(row) != len(header)]
    assert bad == []


@pytest.mark.parametrize("name", sorted(PATHS))
def test_data_extra_version_and_source(name):
    assert "# version: 1" in PATHS[name].read_text(encoding="utf-8").splitlines()[:3]
    assert [row for row in read_rows(PATHS[name]) if not row["source"].strip()] == []


def test_data_extra_no_duplicate_ids(all_actors):
    seen: dict[str, int] = {}
    for row in all_actors:
        seen[row["id"]] = seen.get(row["id"], 0) + 1
    assert sorted(i for i, n in seen.items() if n > 1) == []


def test_data_extra_ids_and_kinds(mine):
    for part in PARTS:
        for row in mine[f"actors_{part}.tsv"]:
            assert row["kind"] in KINDS, row
            assert row["name_en"] and row["name_ru"], row
            assert re.fullmatch(r"[A-Z]{2,}[A-Z0-9-]*|[a-z0-9]+(-[a-z0-9]+)*", row["id"]), row["id"]


def test_data_extra_alias_actor_exists(mine, actor_ids):
    for part in PARTS:
        missing = {row["actor_id"] for row in mine[f"aliases_{part}.tsv"]} - actor_ids
        assert sorted(missing) == []


def test_data_extra_alias_fields(mine):
    for part in PARTS:
        rows = mine[f"aliases_{part}.tsv"]
        assert [r for r in rows if r["lang"] not in ("ru", "en") or r["type"] not in ALIAS_TYPES
                or r["alias"] != r["alias"].strip() or not r["alias"]] == []
        keys = [(r["actor_id"], r["lang"], r["alias"]) for r in rows]
        assert len(keys) == len(set(keys))


def test_data_extra_no_alias_repeats_other_files(mine):
    """An alias line of ours must not repeat one already in another kb_aliases*.tsv."""
    ours = {f"kb_aliases_{p}.tsv" for p in PARTS}
    other = {(r["actor_id"], r["lang"], r["alias"]) for folder in ALIAS_DIRS.values()
             for path in folder.glob("kb_aliases*.tsv") if path.name not in ours
             for r in read_rows(path)}
    for part in PARTS:
        assert [r for r in mine[f"aliases_{part}.tsv"] if (r["actor_id"], r["lang"], r["alias"]) in other] == []


def test_data_extra_every_actor_has_an_alias(mine):
    for part in PARTS:
        named = {r["actor_id"] for r in mine[f"aliases_{part}.tsv"]}
        assert [r["id"] for r in mine[f"actors_{part}.tsv"] if r["id"] not in named] == []


def test_data_extra_countries_valid(mine, iso3):
    valid = iso3 | HISTORICAL
    for part in PARTS:
        for row in mine[f"actors_{part}.tsv"]:
            if row["kind"] in ("place", "organization", "country") and row["country"]:
                assert row["country"] in valid, row
            if row["kind"] == "place":
                assert row["country"] and row["code"] == row["country"], row
            if row["kind"] == "country":
                assert row["id"] in HISTORICAL and row["country"] == row["id"], row


def test_data_extra_codes(mine):
    for part in ("institutions", "companies"):
        for row in mine[f"actors_{part}.tsv"]:
            if row["country"]:
                assert row["code"][:3] == row["country"] and row["code"][3:] in ROLES, row
            else:
                assert row["code"][:3] in ("IGO", "NGO", "IMG"), row
    assert {r["code"][3:] for r in mine["actors_companies.tsv"]} == {"BUS"}


def test_data_extra_coverage(mine):
    sub = {r["id"]: r for r in mine["actors_subnational.tsv"]}
    assert sum(1 for r in sub.values() if r["kind"] == "place" and r["country"] == "USA") == 50
    assert sum(1 for r in sub.values() if r["country"] == "DEU") == 16
    russia = [r for r in sub.values() if r["country"] == "RUS" and r["source"].startswith("wikipedia:ru:Субъекты")]
    assert len(russia) == 83          # recognised federal subjects; Crimea, Sevastopol and four oblasts are UKR
    for claimed in ("sevastopol", "donetsk-oblast", "luhansk-oblast", "zaporizhzhia-oblast", "kherson-oblast"):
        assert sub[claimed]["country"] == "UKR" and "disputed" in sub[claimed]["source"]
    assert "68/262" in sub["sevastopol"]["source"]
    assert HISTORICAL <= sub.keys()


def test_data_extra_alias_spot_checks(mine):
    rows = [r for part in PARTS for r in mine[f"aliases_{part}.tsv"]]
    found = {(r["alias"], r["actor_id"]) for r in rows}
    for pair in [("Свердловская область", "sverdlovsk-oblast"), ("Чечня", "chechnya"),
                 ("Чеченская Республика", "chechnya"), ("Аризона", "arizona"), ("Гуандун", "guangdong"),
                 ("Приморье", "primorsky-krai"), ("СССР", "SUN"), ("Пентагон", "pentagon"),
                 ("Госдеп", "state-department"), ("Газпром", "gazprom"), ("Майкрософт", "microsoft"),
                 ("ГНКАР", "socar"), ("Республика Крым", "crimea")]:
        assert pair in found, pair
    # abbreviations are matched case-sensitively, so they must carry a capital letter
    assert [r for r in rows if r["type"] == "abbr" and not any(ch.isupper() for ch in r["alias"])] == []


# --- end to end through the resolver -----------------------------------------------------

@pytest.fixture(scope="module")
def resolve():
    from dyad.lang.ru.nlp import analyse
    from dyad.resolve.actors import ActorResolver
    from dyad.resolve.kb import load_kb

    load_kb.cache_clear()
    resolver = ActorResolver(load_kb())

    def run(text: str):
        return [m for m in resolver.resolve(analyse(text, parse=False), "2025-06-01") if m.actor]
    return run


@pytest.mark.parametrize("text, actor_id, country, code", [
    ("Губернатор Свердловской области прибыл.", "sverdlovsk-oblast", "RUS", "RUS"),
    ("В Чечне прошли учения.", "chechnya", "RUS", "RUS"),
    ("Власти Аризоны объявили режим ЧС.", "arizona", "USA", "USA"),
    ("Наводнение в Гуандуне.", "guangdong", "CHN", "CHN"),
    ("Обстрел Херсонской области продолжился.", "kherson-oblast", "UKR", "UKR"),
    ("Пентагон заявил.", "pentagon", "USA", "USAMIL"),
    ("Кремль ответил.", "kremlin", "RUS", "RUSGOV"),
    ("Госдума приняла закон.", "state-duma", "RUS", "RUSLEG"),
    ("ХАМАС освободил заложников.", "hamas", "PSE", "PSEREB"),
    ("Газпром подписал контракт.", "gazprom", "RUS", "RUSBUS"),
    ("SOCAR увеличила добычу.", "socar", "AZE", "AZEBUS"),
    ("Акции Huawei выросли.", "huawei", "CHN", "CHNBUS"),
    ("Распад СССР.", "SUN", "SUN", "SUN"),
])
def test_data_extra_resolves(resolve, text, actor_id, country, code):
    hits = [m.actor for m in resolve(text) if m.actor.id == actor_id]
    assert hits, [(m.text, m.actor.id) for m in resolve(text)]
    assert hits[0].country == country
    assert hits[0].code == code


def test_data_extra_metonyms_untouched(resolve):
    """Bare capitals stay their country's metonym; only the longer forms name the sub-national unit."""
    ids = {m.actor.id for m in resolve("Москва и Вашингтон договорились.")}
    assert {"RUS", "USA"} <= ids and not ids & {"moscow-city", "washington-state"}
    assert "washington-state" in {m.actor.id for m in resolve("Пожары в штате Вашингтон.")}
