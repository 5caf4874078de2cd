"""Invariants of the country, organisation, region and initiative tables in dyad/data, of their
aliases (dyad/lang/ru/data/kb_aliases.tsv, dyad/lang/en/data/kb_aliases.tsv) and of the Russian
titles (dyad/lang/ru/data/titles.tsv)."""
from __future__ import annotations

import pytest

from conftest import ALIAS_DIRS, DATA, EN_DATA, RU_DATA, alias_rows, data_lines, data_rows

ALIAS_COLUMNS = ["actor_id", "lang", "alias", "type", "source"]
FILES = {                                 # name -> (path, columns)
    "actors.tsv": (DATA / "actors.tsv",
                   ["id", "kind", "name_en", "name_ru", "country", "code", "source"]),
    "ru/kb_aliases.tsv": (RU_DATA / "kb_aliases.tsv", ALIAS_COLUMNS),
    "en/kb_aliases.tsv": (EN_DATA / "kb_aliases.tsv", ALIAS_COLUMNS),
    "memberships.tsv": (DATA / "memberships.tsv",
                        ["org", "member", "status", "start", "end", "source", "state"]),
    "ru/titles.tsv": (RU_DATA / "titles.tsv", ["title", "office", "country", "alone", "source"]),
}


def read_lines(name: str) -> list[list[str]]:
    return data_lines(FILES[name][0])


def read_rows(name: str) -> list[dict[str, str]]:
    return data_rows(FILES[name][0])


@pytest.fixture(scope="module")
def actors() -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in read_rows("actors.tsv")}


@pytest.fixture(scope="module")
def aliases() -> list[dict[str, str]]:
    return alias_rows("kb_aliases.tsv")


@pytest.mark.parametrize("name", sorted(FILES))
def test_data_countries_column_count(name):
    header, *rows = read_lines(name)
    assert header == FILES[name][1]
    bad = [(number, row) for number, row in enumerate(rows, 2) if len(row) != len(header)]
    assert bad == []


@pytest.mark.parametrize("name", sorted(FILES))
def test_data_countries_every_row_has_source(name):
    assert [row for row in read_rows(name) if not row["source"]] == []


@pytest.mark.parametrize("lang", sorted(ALIAS_DIRS))
def test_data_countries_alias_files_hold_their_language(lang):
    """Each language's kb_aliases*.tsv holds that language's rows only."""
    paths = sorted(ALIAS_DIRS[lang].glob("kb_aliases*.tsv"))
    assert paths
    assert [(p.name, r["alias"]) for p in paths for r in data_rows(p) if r["lang"] != lang] == []


def test_data_countries_knowledge_base_reads_kb_aliases_only():
    from dyad.resolve.kb import alias_files
    paths = alias_files()
    assert {p.parent.parent.name for p in paths} == set(ALIAS_DIRS)
    assert [p.name for p in paths if not p.name.startswith("kb_aliases")] == []


def test_data_countries_actor_ids_unique():
    ids = [row[0] for row in read_lines("actors.tsv")[1:]]
    assert len(ids) == len(set(ids))


def test_data_countries_no_duplicate_alias(aliases):
    keys = [(row["actor_id"], row["lang"], row["alias"]) for row in aliases]
    assert len(keys) == len(set(keys))


def test_data_countries_alias_actor_exists(actors, aliases):
    assert sorted({row["actor_id"] for row in aliases} - actors.keys()) == []


def test_data_countries_membership_ends_exist(actors):
    rows = read_rows("memberships.tsv")
    missing = {row["org"] for row in rows} | {row["member"] for row in rows}
    assert sorted(missing - actors.keys()) == []


def test_data_countries_all_iso_codes(actors):
    territorial = [row for row in actors.values() if len(row["id"]) == 3 and row["id"].isupper()
                   and row["kind"] in ("country", "place")]
    assert len(territorial) >= 249


def test_data_countries_country_has_russian_name_and_adjective(actors, aliases):
    types = {}
    for row in aliases:
        if row["lang"] == "ru":
            types.setdefault(row["actor_id"], set()).add(row["type"])
    countries = [code for code, row in actors.items() if row["kind"] == "country"]
    assert [code for code in countries if "adj" not in types.get(code, set())] == []
    assert [code for code in countries if not types.get(code, set()) & {"name", "official"}] == []


@pytest.mark.parametrize("alias, actor_id, kind", [
    ("азербайджанский", "AZE", "adj"),
    ("КНР", "CHN", "abbr"),
    ("Пекин", "CHN", "metonym"),
    ("ШОС", "SCO", "abbr"),
    ("Средний коридор", "middle-corridor", "name"),
])
def test_data_countries_examples(aliases, alias, actor_id, kind):
    found = {(row["actor_id"], row["type"]) for row in aliases
             if row["lang"] == "ru" and row["alias"] == alias}
    assert (actor_id, kind) in found
