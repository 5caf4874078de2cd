"""What a read request selects and how a stored record reads: the event and fact filters, their
``WHERE`` clauses, paging (capped at :data:`PAGE_MAX`), the record selects and items that
:mod:`dyad.store.queries`, :mod:`dyad.store.documents` and :mod:`dyad.store.exports` share."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable

from sqlalchemy import and_, func, or_, select

from . import schema as t


PAGE_MAX = 500
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                4: "material conflict"}
TRADE_KINDS = ("trade_turnover", "export", "import", "investment", "loan", "aid")


@dataclass(frozen=True, slots=True)
class EventFilter:
    actors: tuple[str, ...] = ()          # every one must take part
    pair: tuple[str, str] | None = None   # two country codes, either direction
    start: str | None = None              # YYYY-MM-DD, inclusive
    end: str | None = None
    cameo: tuple[str, ...] = ()           # code prefixes: "04" matches 040..0499
    quad_class: tuple[int, ...] = ()
    plover_type: tuple[str, ...] = ()
    document: str | None = None
    min_confidence: float = 0.0           # 0-1; 0: every event, also those without a confidence
    directed: bool = False                # pair[0] acts on pair[1] (the source's side to the target's)


@dataclass(frozen=True, slots=True)
class FactFilter:
    actors: tuple[str, ...] = ()
    pair: tuple[str, str] | None = None
    start: str | None = None              # the fact's period (else its document's date) overlaps
    end: str | None = None
    kinds: tuple[str, ...] = ()
    document: str | None = None


@dataclass(frozen=True, slots=True)
class AttitudeFilter:
    actors: tuple[str, ...] = ()
    pair: tuple[str, str] | None = None   # two actor ids or country codes, either direction
    start: str | None = None              # the document's date, inclusive
    end: str | None = None
    polarity: str | None = None           # pos | neg
    document: str | None = None
    min_confidence: float = 0.0           # the attitude's score


def cameo_name(code: str | None) -> str | None:
    if not code:
        return None
    try:
        from ..code.codebook import cameo
        return cameo(code).name
    except Exception:      # codebook missing or code unknown: the code alone is still shown
        return None


HEADING_CHARS = 90


def heading(title: str | None, start: str | None) -> str | None:
    """How a document is listed: its title, else the first line of its text, cut at a word near
    HEADING_CHARS characters (never its id, a hash for files)."""
    if title and title.strip():
        return title.strip()
    line = next((x.strip() for x in (start or "").splitlines() if x.strip()), "")
    if line.lower().startswith("date ") and len(line) <= 16:          # a dated text file's header line
        rest = [x.strip() for x in (start or "").splitlines() if x.strip()][1:]
        line = rest[0] if rest else ""
    if len(line) > HEADING_CHARS:
        cut = line.rfind(" ", 0, HEADING_CHARS)
        line = line[:cut if cut > 30 else HEADING_CHARS].rstrip(" ,;:") + "…"
    return line or None


def meets(confidence: float | None, minimum: float) -> bool:
    """The rule of ``min_confidence``: at least ``minimum``; with a minimum of 0, every event."""
    return not minimum or (confidence is not None and confidence >= minimum)


def _page(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(int(limit), PAGE_MAX)), max(0, int(offset))


def _pair(d, a: str, b: str):
    return or_(and_(d.c.source_country == a, d.c.target_country == b),
               and_(d.c.source_country == b, d.c.target_country == a))


def event_where(f: EventFilter) -> list:
    """The filter as conditions on ``events``."""
    ev, d, ea = t.events, t.event_dyads, t.event_actors
    where = []
    for actor in f.actors:
        where.append(ev.c.id.in_(select(ea.c.event_id).where(or_(ea.c.actor_id == actor, ea.c.country == actor))))
    if f.pair:
        side = (and_(d.c.source_country == f.pair[0], d.c.target_country == f.pair[1]) if f.directed
                else _pair(d, *f.pair))
        where.append(ev.c.id.in_(select(d.c.event_id).where(side)))
    if f.start:
        where.append(ev.c.date >= f.start)
    if f.end:
        where.append(ev.c.date <= f.end)
    if f.cameo:
        where.append(or_(*[ev.c.cameo.startswith(c, autoescape=True) for c in f.cameo]))
    if f.quad_class:
        where.append(ev.c.quad_class.in_(f.quad_class))
    if f.plover_type:
        where.append(ev.c.plover_type.in_(f.plover_type))
    if f.document:
        where.append(ev.c.document_id == f.document)
    if f.min_confidence:
        where.append(ev.c.confidence >= f.min_confidence)
    return where


def _evidence(table):
    doc = t.documents.c.text
    return func.substr(doc, table.c.evidence_start + 1, table.c.evidence_end - table.c.evidence_start)


def _record_select(table, *extra):
    """Stored records of ``table`` (events or facts) with their document and evidence text."""
    doc = t.documents
    return (select(table.c.id, table.c.document_id, *extra, table.c.record_json, doc.c.title,
                   func.substr(doc.c.text, 1, 240).label("document_start"),
                   doc.c.date.label("document_date"), doc.c.url,
                   _evidence(table).label("evidence_text"))
            .select_from(table.join(doc, doc.c.id == table.c.document_id)))


def _record_item(row, add: Callable[[dict], None] | None = None) -> dict:
    """A stored record as the API shows it: its store id, ``add``'s fields, evidence, document."""
    rec = json.loads(row.record_json or "{}")
    rec["local_id"] = rec.get("id")
    rec["id"] = row.id
    if add is not None:
        add(rec)
    rec.setdefault("evidence", {})["text"] = row.evidence_text
    rec["document"] = {"id": row.document_id, "title": row.title, "heading": heading(row.title, row.document_start),
                       "date": row.document_date, "url": row.url}
    return rec


def _event_select():
    return _record_select(t.events, t.events.c.cluster_id, t.events.c.confidence)


def _event_item(row) -> dict:
    def add(rec: dict) -> None:
        rec["cameo_name"] = cameo_name(rec.get("cameo"))
        rec.setdefault("trigger", {})          # records written by other tools may lack it
        rec.setdefault("confidence", row.confidence)
        rec["cluster_id"] = row.cluster_id
    return _record_item(row, add)


def _fact_pair(fa, a: str, b: str):
    return or_(and_(fa.c.subject_country == a, fa.c.object_country == b),
               and_(fa.c.subject_country == b, fa.c.object_country == a),
               and_(fa.c.subject_id == a, fa.c.object_id == b),
               and_(fa.c.subject_id == b, fa.c.object_id == a))


def _fact_where(f: FactFilter) -> list:
    fa, doc = t.facts, t.documents
    where = []
    for actor in f.actors:
        where.append(or_(fa.c.subject_id == actor, fa.c.object_id == actor,
                         fa.c.subject_country == actor, fa.c.object_country == actor))
    if f.pair:
        where.append(_fact_pair(fa, *f.pair))
    if f.start:
        where.append(func.coalesce(fa.c.period_end, doc.c.date) >= f.start)
    if f.end:
        where.append(func.coalesce(fa.c.period_start, doc.c.date) <= f.end)
    if f.kinds:
        where.append(fa.c.kind.in_(f.kinds))
    if f.document:
        where.append(fa.c.document_id == f.document)
    return where


def _fact_select():
    return _record_select(t.facts)


def _fact_item(row) -> dict:
    return _record_item(row)



def attitude_where(f: AttitudeFilter) -> list:
    at = t.attitudes
    where = []
    for actor in f.actors:
        where.append(or_(at.c.source_id == actor, at.c.target_id == actor,
                         at.c.source_country == actor, at.c.target_country == actor))
    if f.pair:
        a, b = f.pair
        where.append(or_(and_(or_(at.c.source_id == a, at.c.source_country == a),
                              or_(at.c.target_id == b, at.c.target_country == b)),
                         and_(or_(at.c.source_id == b, at.c.source_country == b),
                              or_(at.c.target_id == a, at.c.target_country == a))))
    if f.start:
        where.append(at.c.date >= f.start)
    if f.end:
        where.append(at.c.date <= f.end)
    if f.polarity:
        where.append(at.c.polarity == f.polarity)
    if f.document:
        where.append(at.c.document_id == f.document)
    if f.min_confidence:
        where.append(at.c.score >= f.min_confidence)
    return where


def _attitude_select():
    doc, at = t.documents, t.attitudes
    return (select(at.c.id, at.c.document_id, at.c.record_json, doc.c.title,
                   doc.c.date.label("document_date"), doc.c.url, doc.c.text.label("document_text"))
            .select_from(at.join(doc, doc.c.id == at.c.document_id)))


def _attitude_item(row) -> dict:
    """An attitude as the API shows it: every evidence span with its text (the document's)."""
    rec = json.loads(row.record_json or "{}")
    rec["local_id"] = rec.get("id")
    rec["id"] = row.id
    text = row.document_text or ""
    rec["evidence"] = [dict(e, text=text[e["start"]:e["end"]]) for e in rec.get("evidence", [])]
    rec["document"] = {"id": row.document_id, "title": row.title, "date": row.document_date, "url": row.url}
    return rec
