"""What a request may ask for beyond its parameters' shapes: codes the codebooks know, ranges in
order, actors and pairs the store or the knowledge base knows.

An unknown CAMEO code (a prefix no code starts with) or PLOVER type, or a start after the end, is
an invalid request (422, FastAPI's ``detail`` list); an actor or a side of a pair that neither the
knowledge base nor the store knows is not found (404). Without these an unknown code or actor
answered 200 with nothing, which reads like "no events" (docs/api.md).
"""
from __future__ import annotations

from functools import cache
from typing import Iterable

from fastapi import HTTPException

from ..store import queries as Q


def invalid(name: str, value: str, why: str, where: str = "query") -> HTTPException:
    return HTTPException(422, detail=[{"loc": [where, name], "msg": why, "input": value, "type": "value_error"}])


@cache
def cameo_prefixes() -> frozenset[str]:
    """Every CAMEO code of the codebook and every prefix of one (2 digits up)."""
    from ..code.codebook import cameo_codes
    return frozenset(c.code[:n] for c in cameo_codes() for n in range(2, len(c.code) + 1))


@cache
def plover_names() -> frozenset[str]:
    from ..code.codebook import plover_types
    return frozenset(p.type for p in plover_types())


def known_codes(cameo: Iterable[str] = (), plover: Iterable[str] = ()) -> None:
    for c in cameo:
        if c not in cameo_prefixes():
            raise invalid("cameo", c, "no CAMEO code is or starts with this")
    for p in plover:
        if p not in plover_names():
            raise invalid("plover", p, "not a PLOVER event type: " + ", ".join(sorted(plover_names())))


def in_order(start: str | None, end: str | None) -> None:
    if start and end and start > end:
        raise invalid("end", end, f"the end {end} is before the start {start}")


def known_actors(engine, ids: Iterable[str], what: str = "actor") -> None:
    """404 for the first of ``ids`` that neither the knowledge base nor the store knows."""
    ids = list(dict.fromkeys(ids))
    unknown = [i for i in ids if i not in Q.known_actors(engine, ids)]
    if unknown:
        raise HTTPException(404, f"no {what} {unknown[0]!r}")
