"""Dyad's own record format (docs/schema.md), one JSON object a line as `dyad extract` prints.

Read back into :class:`~dyad.types.Record` (to compare two runs, or to use a corrected run as
gold), and turned into a :class:`~dyad.eval.gold.GoldDoc`: the PER, ORG and LOC mentions become
gold mentions, the events whose CAMEO root is 04 (consult) become gold meetings.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..types import ActorRef, Attitude, Document, Event, Location, Mention, Plover, Record, Span
from .gold import GoldDoc, GoldMeeting, GoldMention, Participant, flatten

MAPPING = "PER→PER, ORG→ORG, LOC→LOC (the record's own mention types); other mention types not scored"
MEETING_ROOT = "04"


def read_records(path: str | Path) -> list[Record]:
    """Every record in a ``.jsonl`` file, or in every ``*.jsonl`` under a directory."""
    root = Path(path)
    files = [root] if root.is_file() else sorted(root.rglob("*.jsonl"))
    out = []
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8-sig").splitlines(), 1):
            if line.strip():
                try:
                    out.append(record_from_json(json.loads(line)))
                except (ValueError, KeyError, TypeError) as exc:
                    raise ValueError(f"{file}:{number}: not a Dyad record: {exc}") from None
    return out


def read_dir(path: str | Path) -> list[GoldDoc]:
    return [gold_from_record(r) for r in read_records(path)]


def actor_from_json(d: dict[str, Any]) -> ActorRef:
    return ActorRef(d["id"], d.get("name") or d["id"], d.get("kind") or "", d.get("country"),
                    d.get("code"), d.get("role"), d.get("lat"), d.get("lon"), d.get("geonames_id"),
                    d.get("rule"), d.get("confidence"))


def mention_from_json(d: dict[str, Any]) -> Mention:
    actor = actor_from_json(d["actor"]) if d.get("actor") else None
    members = tuple(actor_from_json(a) for a in d.get("members") or ())
    return Mention(d["start"], d["end"], d.get("text", ""), d["type"], d.get("norm"), actor,
                   d.get("rule"), members, d.get("confidence", 1.0), tuple(d.get("warnings") or ()))


def _span(d: dict[str, Any] | None) -> Span:
    return Span(d["start"], d["end"]) if d else Span(0, 0)


def event_from_json(d: dict[str, Any]) -> Event:
    plover = Plover(**d["plover"]) if d.get("plover") else None
    location = Location(**d["location"]) if d.get("location") else None
    trigger = d.get("trigger") or {}
    return Event(
        id=d.get("id", ""), date=d.get("date"), date_precision=d.get("date_precision"),
        sources=tuple(actor_from_json(a) for a in d.get("sources") or ()),
        targets=tuple(actor_from_json(a) for a in d.get("targets") or ()),
        cameo=str(d["cameo"]), goldstein=d.get("goldstein"), plover=plover, location=location,
        trigger=_span(trigger or None), trigger_text=trigger.get("text", ""),
        evidence=_span(d.get("evidence")), negated=bool(d.get("negated")), modality=d.get("modality"),
        rule=d.get("rule") or "", confidence=d.get("confidence", 1.0), quad_class=d.get("quad_class"),
        mentions=tuple(_span(m) for m in d.get("mentions") or ()))


def attitude_from_json(d: dict[str, Any]) -> Attitude:
    return Attitude(d.get("id", ""), actor_from_json(d["source"]), actor_from_json(d["target"]), d["polarity"],
                    d.get("score", 0.0), tuple(_span(s) for s in d.get("evidence") or ()), d.get("rule") or "",
                    d.get("date"), d.get("sentences", 0))


def record_from_json(d: dict[str, Any]) -> Record:
    doc = Document(str(d["id"]), d["text"], d.get("date"), d.get("lang"), d.get("title"), d.get("url"),
                   date_source=d.get("date_source"), date_precision=d.get("date_precision"))
    return Record(doc, tuple(mention_from_json(m) for m in d.get("mentions") or ()),
                  tuple(event_from_json(e) for e in d.get("events") or ()),
                  attitudes=tuple(attitude_from_json(a) for a in d.get("attitudes") or ()))


def gold_from_record(record: Record) -> GoldDoc:
    mentions = [GoldMention(f"m{i}", m.type, (Span(m.start, m.end),),
                            entity=m.actor.id if m.actor else None)
                for i, m in enumerate(record.mentions) if m.type in ("PER", "ORG", "LOC")]
    meetings = tuple(
        GoldMeeting(e.id or f"e{i}", tuple(Participant((a.name,), actors=(a.id,))
                                           for a in dict.fromkeys(e.sources + e.targets)),
                    e.modality)
        for i, e in enumerate(record.events) if e.cameo.startswith(MEETING_ROOT))
    d = record.document
    return GoldDoc(d.id, d.text, d.date, flatten(mentions), meetings)
