"""Exports: flat event and fact rows (CSV, JSON Lines, Parquet) and GDELT 2.0-style rows, at most
:data:`EXPORT_MAX` at a time."""
from __future__ import annotations

import json
from typing import Iterator

from sqlalchemy import select
from sqlalchemy.engine import Engine

from . import schema as t
from .filters import EventFilter, FactFilter, _evidence, _fact_where, event_where


EXPORT_MAX = 100_000
EVENT_COLUMNS = ("id", "document_id", "date", "date_precision", "cameo", "quad_class", "goldstein",
                 "plover_type", "plover_mode", "plover_context", "sources", "targets", "trigger_text",
                 "evidence", "negated", "modality", "rule", "confidence", "url")
FACT_COLUMNS = ("id", "document_id", "kind", "subject_id", "object_id", "subject_country", "object_country",
                "period_start", "period_end", "value", "unit", "comparator", "change_kind", "change_value",
                "baseline_start", "baseline_end", "attributes", "evidence", "rule", "url")
GDELT_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "Actor1Code", "Actor1Name",
                 "Actor1CountryCode", "Actor2Code", "Actor2Name", "Actor2CountryCode", "IsRootEvent",
                 "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
                 "NumSources", "NumArticles", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat",
                 "ActionGeo_Long", "DATEADDED", "SOURCEURL")


def _names_of(blob: str | None) -> str:
    return "; ".join(a.get("id", "") for a in json.loads(blob or "[]"))


def export_events(engine: Engine, f: EventFilter = EventFilter(), limit: int = 10_000) -> Iterator[dict]:
    """Flat event rows (one per event) for CSV, JSON Lines and Parquet."""
    ev, doc = t.events, t.documents
    limit = max(1, min(int(limit), EXPORT_MAX))
    q = (select(ev, doc.c.url, _evidence(ev).label("evidence"))
         .select_from(ev.join(doc, doc.c.id == ev.c.document_id))
         .where(*event_where(f)).order_by(ev.c.date.desc().nulls_last(), ev.c.id).limit(limit))
    with engine.connect() as conn:
        for r in conn.execute(q).mappings():
            row = {k: r[k] for k in EVENT_COLUMNS if k in r}
            row["sources"], row["targets"] = _names_of(r["sources_json"]), _names_of(r["targets_json"])
            row["negated"] = bool(r["negated"])
            yield {k: row.get(k) for k in EVENT_COLUMNS}


def export_facts(engine: Engine, f: FactFilter = FactFilter(), limit: int = 10_000) -> Iterator[dict]:
    fa, doc = t.facts, t.documents
    limit = max(1, min(int(limit), EXPORT_MAX))
    q = (select(fa, doc.c.url, _evidence(fa).label("evidence"))
         .select_from(fa.join(doc, doc.c.id == fa.c.document_id))
         .where(*_fact_where(f)).order_by(fa.c.id).limit(limit))
    with engine.connect() as conn:
        for r in conn.execute(q).mappings():
            row = {k: r[k] for k in FACT_COLUMNS if k in r}
            row["attributes"] = r["attributes_json"]
            yield {k: row.get(k) for k in FACT_COLUMNS}


def export_gdelt(engine: Engine, f: EventFilter = EventFilter(), limit: int = 10_000) -> Iterator[dict]:
    """GDELT 2.0-style rows: one per (source, target) pair of each event (the dyadic expansion); an
    event that names one side only gives one row per known actor, the other actor's columns empty
    (dyad.code.dyads.gdelt_pairs). ``limit`` counts rows."""
    from ..code.dyads import gdelt_pairs
    ev, d, doc = t.events, t.event_dyads, t.documents
    limit = max(1, min(int(limit), EXPORT_MAX))
    q = (select(d.c.source_id, d.c.target_id, d.c.source_country, d.c.target_country, ev.c.id, ev.c.date,
                ev.c.cameo, ev.c.root, ev.c.quad_class, ev.c.goldstein, ev.c.rule, ev.c.sources_json,
                ev.c.targets_json, ev.c.location_json, doc.c.url, doc.c.ingested_at)
         .select_from(ev.join(doc, doc.c.id == ev.c.document_id).outerjoin(d, d.c.event_id == ev.c.id))
         .where(*event_where(f)).order_by(ev.c.date.desc().nulls_last(), ev.c.id, d.c.source_id, d.c.target_id)
         .limit(limit))
    n = 0
    with engine.connect() as conn:
        for r in conn.execute(q).mappings():
            sources, targets = json.loads(r["sources_json"] or "[]"), json.loads(r["targets_json"] or "[]")
            if r["source_id"] is None:       # no dyad row: an event with one side
                pairs = gdelt_pairs(sources, targets, r["rule"])
            else:
                refs = {a["id"]: a for a in sources + targets}
                pairs = [(refs.get(r["source_id"], {"id": r["source_id"], "country": r["source_country"]}),
                          refs.get(r["target_id"], {"id": r["target_id"], "country": r["target_country"]}))]
            loc = json.loads(r["location_json"]) if r["location_json"] else {}
            day = (r["date"] or "").replace("-", "")
            cameo = r["cameo"] or ""
            for s, g in pairs:
                s, g = s or {}, g or {}
                yield dict(zip(GDELT_COLUMNS, (
                    r["id"], day, day[:6], day[:4], s.get("code") or s.get("country"), s.get("name"),
                    s.get("country"), g.get("code") or g.get("country"), g.get("name"), g.get("country"),
                    1, cameo, cameo[:3], r["root"] or cameo[:2], r["quad_class"], r["goldstein"], 1, 1, 1,
                    loc.get("name"), loc.get("country"), loc.get("lat"), loc.get("lon"),
                    (r["ingested_at"] or "")[:19].replace("-", "").replace(":", "").replace("T", ""), r["url"])))
                n += 1
                if n >= limit:
                    return

