"""The sides of an event: how an actor stands for a side (a government for its country, a
person for themselves), a country's sector, people named only by what they are, and when two
actors are one side. Shared by the Russian coder (:mod:`dyad.code.arguments`) and the English one."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Iterable

from ..lang.types import Token
from ..resolve.translit import slug
from ..types import ActorRef
from .argument_nouns import SECTOR_NAMES, SECTOR_RU, sector_name


STATE_SECTORS = ("GOV", "MIL", "LEG", "COP", "SPY", "JUD")


@lru_cache(maxsize=1)
def _kb():
    from ..resolve.kb import load_kb
    return load_kb()


@lru_cache(maxsize=None)
def country_ref(country: str) -> ActorRef:
    """The knowledge base's ActorRef of a country (a bare one if it is unknown)."""
    return _kb().ref(country) or ActorRef(id=country, name=country, kind="country", country=country,
                                          code=country)


def actor_key(a: ActorRef) -> str:
    """One side of an event: a government and its country are one side (the country), a person
    is a side of their own; non-state sectors (CHNBUS, GEOOPP) and organisations are sides of their own."""
    code = a.code or ""
    if a.kind in ("organization", "group") and code[3:] and code[3:] not in STATE_SECTORS:
        return code
    if a.kind == "person":
        return "person:" + a.id          # two people of one country are two sides
    if a.kind == "country" or code[3:] in STATE_SECTORS:
        return a.country or a.id
    return a.id


def country_key(a: ActorRef) -> str:
    """:func:`actor_key` with people standing for their country (how golden files name sides)."""
    if a.kind == "person":
        return a.country or a.id
    return actor_key(a)


def sector_actor(country: ActorRef, sector: str, name: str) -> ActorRef:
    """A country's sector: state organs (government, military, parliament...) keep the country's
    id with a CAMEO code such as JPNGOV; the others are actors of their own (CHNBUS)."""
    cid = country.country or country.id
    if sector in STATE_SECTORS:
        return replace(country, code=cid + sector)
    return ActorRef(id=cid + sector, name=sector_name(country, sector), kind="group", country=cid,
                    code=cid + sector, role=SECTOR_NAMES.get(sector), rule="args.sector",
                    confidence=country.confidence)



def relative_of(person: ActorRef, kin: str) -> ActorRef:
    """"супруга президента": a person of their own, of the named person's country."""
    return ActorRef(id=f"person:{slug(kin)}-{person.id.removeprefix('person:')}", name=f"{kin} ({person.name})",
                    kind="person", country=person.country, code=person.country, rule="args.relative",
                    confidence=person.confidence)


PERSON_NOUN_CONFIDENCE = 0.45
DESCRIBED_CONFIDENCE = 0.6      # a bare noun taken for the person the document named with it


def one_person(tok: Token) -> bool:
    """An animate singular noun: someone (plural people, "жителей", stay unknown)."""
    return tok.pos == "NOUN" and tok.feat("Animacy") == "Anim" and tok.feat("Number") == "Sing"


def person_noun(lemma: str, sector: str | None = None) -> ActorRef:
    """Someone the text names only by what they are ("футболиста", "девушку", "журналиста"): a
    person of their own, unknown to the knowledge base and to any country, with the sector the
    noun names (MED for a journalist), less sure."""
    return ActorRef(id=f"person:{slug(lemma)}", name=lemma, kind="person", country=None, code=sector,
                    rule="args.person-noun", confidence=PERSON_NOUN_CONFIDENCE)


def unplaced_sector(sector: str) -> ActorRef:
    """A sector named without its country ("полиция", "протестующие"): the CAMEO agent code alone."""
    return ActorRef(id=sector, name=SECTOR_RU.get(sector, sector), kind="group", country=None, code=sector,
                    role=SECTOR_NAMES.get(sector), rule="args.sector", confidence=0.5)


def same_side(a: ActorRef, b: ActorRef) -> bool:
    """One side: equal keys, or a person and their country named as a state ("Армения и
    Азербайджан договорились о встрече лидеров": the leaders are the two countries)."""
    ka, kb = actor_key(a), actor_key(b)
    if ka == kb:
        return True
    if (a.kind == "person") != (b.kind == "person"):
        person, other = (a, b) if a.kind == "person" else (b, a)
        return bool(person.country) and country_key(other) == person.country
    return False


def unique(actors: Iterable[ActorRef]) -> tuple[ActorRef, ...]:
    out: list[ActorRef] = []
    for a in actors:
        if not any(same_side(a, b) for b in out):
            out.append(a)
    return tuple(out)
