"""NEREL as JSON Lines: one document a line, converted from NEREL's brat standoff.

    {"id", "split", "text", "entities": [{"id", "type", "start", "end", "text"}],
     "relations": [{"id", "type", "head", "tail"}], "links": [{"entity", "kb_id", "name"}]}

Offsets are Python string indices into ``text``, end exclusive. Entities are nested and typed
with NEREL's 29 types; those brat's mapping knows become gold mentions (:data:`MAPPING`: PERSON
-> PER, ORGANIZATION -> ORG, COUNTRY, CITY, STATE_OR_PROVINCE, DISTRICT, LOCATION -> LOC; the
others, PROFESSION, EVENT, DATE..., are not scored). Nested mentions are kept and flagged (see
:mod:`dyad.eval.gold`). Relations and Wikidata links are not read. NEREL annotates no
coreference chains and no meetings as such (``chains`` and ``meetings`` are None), and its
documents have no date.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..types import Span
from .brat import MAPPING, TYPES
from .gold import GoldDoc, GoldMention, flatten

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
    return GoldDoc(str(d["id"]), text, None, flatten(mentions))
