"""NEREL as JSON Lines: one document a line, converted from NEREL's brat standoff.

    {"id", "split", "text", "entities": [{"id", "type", "start", "end", "text"}],
     "relations": [{"id", "type", "head", "tail"}], "links": [{"entity", "kb_id", "name"}]}

Offsets are Python string indices into ``text``, end exclusive. Entities are nested and typed
with NEREL's 29 types; those brat's mapping knows become gold mentions (:data:`MAPPING`: PERSON
-> PER, ORGANIZATION -> ORG, COUNTRY, CITY, STATE_OR_PROVINCE, DISTRICT, LOCATION -> LOC; the
others, PROFESSION, EVENT, DATE..., are not scored). Nested mentions are kept and flagged (see
:mod:`dyad.eval.gold`). NEREL annotates no coreference chains and no meetings as such
(``chains`` and ``meetings`` are None), and its documents have no date. Wikidata links are not
read.

Events: every EVENT entity is a :class:`~dyad.eval.gold.GoldEvent`; its actors are the entities
of an actor-like type (:data:`ACTOR_TYPES`: PERSON, ORGANIZATION, the places that act as states
or their parts, COUNTRY, STATE_OR_PROVINCE, CITY, and the words that name people by what they
are, PROFESSION, NATIONALITY) that an AGENT or PARTICIPANT_IN relation ties to it. Two arguments
of one event that a WORKS_AS or ALTERNATIVE_NAME relation joins ("министра" and "Лавров") are
one actor. FAMILY, IDEOLOGY, WORK_OF_ART... arguments are not actors.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..types import Span
from .brat import MAPPING, TYPES
from .gold import GoldActor, GoldDoc, GoldEvent, GoldMention, flatten

ACTOR_TYPES = ("PERSON", "ORGANIZATION", "COUNTRY", "STATE_OR_PROVINCE", "CITY", "PROFESSION",
               "NATIONALITY")
ACTOR_ROLES = ("AGENT", "PARTICIPANT_IN")
SAME_ACTOR = ("WORKS_AS", "ALTERNATIVE_NAME")     # two arguments of one event joined by these: one actor

DATE_NOTE = ("NEREL documents have no publication date: they are given date = null, and the "
             "pipeline estimates one from the text where it can (warning W104)")


class NerelError(ValueError):
    pass


def read_dir(path: str | Path) -> list[GoldDoc]:
    """Every document in a ``.jsonl`` file, or in every ``*.jsonl`` under a directory, in order."""
    root = Path(path)
    files = [root] if root.is_file() else sorted(root.rglob("*.jsonl"))
    out = []
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8-sig").splitlines(), 1):
            if not line.strip():
                continue
            try:
                out.append(document_from_json(json.loads(line)))
            except (ValueError, KeyError, TypeError) as exc:
                raise NerelError(f"{file}:{number}: not a NEREL document: {exc}") from None
    return out


def document_from_json(d: dict[str, Any]) -> GoldDoc:
    text = d["text"]
    mentions = []
    for e in d.get("entities") or ():
        typ = TYPES.get(str(e["type"]).upper())
        if typ is None:
            continue
        start, end = int(e["start"]), int(e["end"])
        if not 0 <= start < end <= len(text):
            raise ValueError(f"entity {e.get('id')}: offsets {start} {end} outside the text")
        mentions.append(GoldMention(str(e["id"]), typ, (Span(start, end),)))
    return GoldDoc(str(d["id"]), text, None, flatten(mentions), events=events_from_json(d))


def events_from_json(d: dict[str, Any]) -> tuple[GoldEvent, ...]:
    """Every EVENT entity with its actors (:data:`ACTOR_TYPES` tied by :data:`ACTOR_ROLES`), in
    text order."""
    entities = {str(e["id"]): e for e in d.get("entities") or ()}
    relations = [(str(r["type"]).upper(), str(r["head"]), str(r["tail"])) for r in d.get("relations") or ()]
    args: dict[str, dict[str, str]] = {}             # event id -> actor entity id -> role
    for typ, head, tail in relations:
        h, t = entities.get(head), entities.get(tail)
        if typ in ACTOR_ROLES and h and t and t["type"] == "EVENT" and h["type"] in ACTOR_TYPES:
            args.setdefault(tail, {}).setdefault(head, typ)
    joined = {(h, t) for typ, h, t in relations if typ in SAME_ACTOR}
    out = []
    for e in entities.values():
        if e["type"] != "EVENT":
            continue
        start, end = int(e["start"]), int(e["end"])
        actors = _actors(args.get(str(e["id"]), {}), joined, entities)
        out.append(GoldEvent(str(e["id"]), Span(start, end), d["text"][start:end], actors))
    return tuple(sorted(out, key=lambda g: (g.trigger.start, g.trigger.end, g.id)))


def _actors(roles: dict[str, str], joined: set[tuple[str, str]], entities) -> tuple[GoldActor, ...]:
    """The arguments as actors, the joined ones together, in the order of their first span."""
    group = {i: i for i in roles}

    def find(i: str) -> str:
        while group[i] != i:
            i = group[i]
        return i

    for a, b in joined:
        if a in group and b in group:
            group[find(a)] = find(b)
    members: dict[str, list[str]] = {}
    for i in roles:
        members.setdefault(find(i), []).append(i)
    out = []
    for ids in members.values():
        ids.sort(key=lambda i: (int(entities[i]["start"]), i))
        out.append(GoldActor(tuple(ids), tuple(entities[i]["type"] for i in ids),
                             tuple(roles[i] for i in ids),
                             tuple(Span(int(entities[i]["start"]), int(entities[i]["end"])) for i in ids),
                             tuple(str(entities[i].get("text", "")) for i in ids)))
    return tuple(sorted(out, key=lambda a: (a.spans[0].start, a.ids)))
