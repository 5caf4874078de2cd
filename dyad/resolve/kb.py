"""The knowledge base: actors, dated offices and memberships from dyad/data/; the aliases of each
language from its package (dyad/lang/<code>/data/kb_aliases*.tsv); the Russian titles and sector
nouns from dyad/lang/ru/data/.

Loaded once per process (:func:`load_kb`). Everything is plain data; resolution logic lives in
:mod:`dyad.resolve.actors`.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..types import ActorRef
from .keys import alias_keys
from ..tables import DATA_DIR, LANG_DIR, lang_data, read_rows, read_table

OFFICE_CODES = {"head_of_state": "GOV", "head_of_government": "GOV", "foreign_minister": "GOV"}


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    kind: str
    name_en: str
    name_ru: str
    country: str | None
    code: str | None


@dataclass(frozen=True, slots=True)
class Alias:
    actor_id: str
    lang: str
    alias: str
    type: str
    keys: tuple[frozenset[str], ...]     # per word, the keys it matches (dyad.resolve.keys)


@dataclass(frozen=True, slots=True)
class Term:
    country: str
    office: str
    person_id: str
    start: dt.date
    end: dt.date | None
    acting: bool

    def holds(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Title:
    keys: tuple[frozenset[str], ...]
    office: str
    country: str | None
    alone: bool = False


@dataclass(frozen=True, slots=True)
class Membership:
    org: str
    member: str
    status: str
    start: str | None
    end: str | None
    state: str = "held"


@dataclass
class KnowledgeBase:
    actors: dict[str, Actor] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)
    by_first_key: dict[str, list[Alias]] = field(default_factory=lambda: defaultdict(list))
    terms: dict[tuple[str, str], list[Term]] = field(default_factory=lambda: defaultdict(list))
    terms_by_person: dict[str, list[Term]] = field(default_factory=lambda: defaultdict(list))
    titles: list[Title] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    sector_nouns: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # lemma -> role
    max_alias_len: int = 1

    # --- look-ups -------------------------------------------------------------------------
    def holder(self, country: str, office: str, day: dt.date | None,
               until: dt.date | None = None) -> Term | None:
        """Who held ``office`` of ``country`` on ``day`` (through ``until`` when the date is a
        period: a month or year of an estimated article date): the one term that covers all of
        it, else None. Without a day nobody is named: the office is all that is known."""
        if day is None:
            return None
        end = until or day
        return next((t for t in self.terms.get((country, office), ()) if t.holds(day) and t.holds(end)),
                    None)

    def roles(self, person_id: str, day: dt.date | None, until: dt.date | None = None) -> list[Term]:
        """The terms of ``person_id`` that cover ``day`` (through ``until``); none without a day."""
        if day is None:
            return []
        end = until or day
        return [t for t in self.terms_by_person.get(person_id, ()) if t.holds(day) and t.holds(end)]

    def held(self, person_id: str, country: str | None, office: str) -> bool:
        """Whether the person ever held ``office`` (of ``country`` when given)."""
        return any(t.office == office and (country is None or t.country == country)
                   for t in self.terms_by_person.get(person_id, ()))

    def ref(self, actor_id: str, day: dt.date | None = None,
            until: dt.date | None = None) -> ActorRef | None:
        actor = self.actors.get(actor_id)
        if actor is None:
            return None
        role = None
        code = actor.code
        if actor.kind == "person":
            held = self.roles(actor_id, day, until)
            if held:
                rank = ["head_of_state", "head_of_government", "foreign_minister"]
                best = min(held, key=lambda t: rank.index(t.office) if t.office in rank else 9)
                role = best.office
                code = best.country + OFFICE_CODES.get(best.office, "GOV")
            elif actor.country:
                code = actor.country + ("ELI" if self.terms_by_person.get(actor_id) else "")
        name = actor.name_ru or actor.name_en
        return ActorRef(id=actor.id, name=name, kind=actor.kind, country=actor.country or None,
                        code=code or None, role=role)

    def members(self, org: str, day: dt.date | None = None) -> list[Membership]:
        out = []
        for m in self.memberships:
            if m.org != org:
                continue
            if day is not None:
                if m.start and m.start > day.isoformat():
                    continue
                if m.end and m.end < day.isoformat():
                    continue
            out.append(m)
        return out

    def search(self, name: str, limit: int = 20) -> list[Actor]:
        from .keys import fold
        needle = fold(name)
        hits: dict[str, Actor] = {}
        for actor in self.actors.values():
            if needle in fold(actor.name_ru) or needle in fold(actor.name_en) or needle == fold(actor.id):
                hits[actor.id] = actor
        for alias in self.aliases:
            if needle in fold(alias.alias) and alias.actor_id in self.actors:
                hits.setdefault(alias.actor_id, self.actors[alias.actor_id])
        return sorted(hits.values(), key=lambda a: (a.kind != "country", a.id))[:limit]


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


KB_FILES = ("actors*.tsv", "offices*.tsv", "memberships.tsv")        # in dyad/data
RU_FILES = ("titles.tsv", "actor_roles.tsv")                           # in dyad/lang/ru/data
ALIAS_FILES = "kb_aliases*.tsv"                                        # in dyad/lang/*/data


def alias_files(lang_dir: Path = LANG_DIR) -> list[Path]:
    """Every language's alias tables, grouped by name (``kb_aliases.tsv``, then
    ``kb_aliases_companies.tsv``...), the languages of one name in the order of their codes (en,
    ru). Only ``kb_aliases*.tsv`` belong to the knowledge base; a language's other tables
    (``aliases_phoenix.tsv``) are its own. The order matters where two aliases with one first
    word score alike: the first listed wins (:mod:`dyad.resolve.actors`)."""
    return sorted(lang_dir.glob(f"*/data/{ALIAS_FILES}"),
                  key=lambda p: (p.name, p.parent.parent.name))


def kb_inputs(data_dir: Path = DATA_DIR, lang_dir: Path = LANG_DIR) -> list[Path]:
    """The files the knowledge base is built from: a change in any of them rebuilds it."""
    return ([p for pattern in KB_FILES for p in sorted(data_dir.glob(pattern))]
            + alias_files(lang_dir) + [lang_data("ru", lang_dir) / name for name in RU_FILES])


@lru_cache(maxsize=1)
def load_kb(data_dir: Path = DATA_DIR, lang_dir: Path = LANG_DIR) -> KnowledgeBase:
    """The knowledge base of ``data_dir`` and ``lang_dir``, from the disk cache when its files
    have not changed (building it computes about 7,000 alias keys with pymorphy3; see
    :mod:`dyad.cache`)."""
    from ..cache import cached
    return cached("kb", kb_inputs(data_dir, lang_dir),
                  ("dyad.resolve.kb", "dyad.resolve.keys", "dyad.tables"),
                  lambda: build_kb(data_dir, lang_dir))


def build_kb(data_dir: Path = DATA_DIR, lang_dir: Path = LANG_DIR) -> KnowledgeBase:
    kb = KnowledgeBase()
    for row in read_rows("actors*.tsv", data_dir):
        if not row.get("id"):
            continue
        kb.actors[row["id"]] = Actor(row["id"], row.get("kind", ""), row.get("name_en", ""),
                                     row.get("name_ru", ""), row.get("country") or None,
                                     row.get("code") or None)
    for row in (r for path in alias_files(lang_dir) for r in read_table(path).rows):
        if not row.get("alias") or row.get("actor_id") not in kb.actors:
            continue
        kind = row.get("type", "name")
        person = kb.actors[row["actor_id"]].kind == "person" and kind in ("name", "surname", "official")
        keys = alias_keys(row["alias"], case_sensitive=kind == "abbr", name=person)
        if not keys:
            continue
        alias = Alias(row["actor_id"], row.get("lang", "ru"), row["alias"], row.get("type", "name"), keys)
        kb.aliases.append(alias)
        for key in keys[0]:
            kb.by_first_key[key].append(alias)
        kb.max_alias_len = max(kb.max_alias_len, len(keys))
    for row in read_rows("offices*.tsv", data_dir):
        if not row.get("person_id") or not row.get("start"):
            continue
        term = Term(row["country"], row["office"], row["person_id"], _date(row["start"]),
                    _date(row.get("end", "")), row.get("acting") == "1")
        kb.terms[(term.country, term.office)].append(term)
        kb.terms_by_person[term.person_id].append(term)
    for terms in kb.terms.values():
        terms.sort(key=lambda t: t.start)
    ru = lang_data("ru", lang_dir)
    for row in read_rows("titles.tsv", ru):
        if row.get("title"):
            kb.titles.append(Title(alias_keys(row["title"]), row.get("office", ""),
                                   row.get("country") or None, row.get("alone") == "1"))
    for row in read_rows("memberships.tsv", data_dir):
        if row.get("org") and row.get("member"):
            kb.memberships.append(Membership(row["org"], row["member"], row.get("status", "member"),
                                             row.get("start") or None, row.get("end") or None,
                                             row.get("state") or "held"))
    for row in read_rows("actor_roles.tsv", ru):
        if row.get("noun"):
            keys = alias_keys(row["noun"])
            if len(keys) == 1:                   # looked up by one lemma
                for key in keys[0]:
                    kb.sector_nouns[key] = (row["role"], row.get("name_en", ""), row.get("name_ru", ""))
    return kb
