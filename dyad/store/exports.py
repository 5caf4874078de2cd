"""Exports: flat event and fact rows (CSV, JSON Lines, Parquet), at most :data:`EXPORT_MAX` at a
time through the API (``limit=None``: every row, for ``dyad export``). The GDELT and PLOVER layouts
are written from the stored records by dyad.serve.export, the one writer of the CLI and the API."""
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


def _names_of(blob: str | None) -> str:
    return "; ".join(a.get("id", "") for a in json.loads(blob or "[]"))


def _cap(limit: int | None) -> int | None:
    return None if limit is None else max(1, min(int(limit), EXPORT_MAX))


def export_events(engine: Engine, f: EventFilter = EventFilter(), limit: int | None = 10_000) -> Iterator[dict]:
    """Flat event rows (one per event) for CSV, JSON Lines and Parquet."""
    ev, doc = t.events, t.documents
    limit = _cap(limit)
    q = (select(ev, doc.c.url, _evidence(ev).label("evidence"))
         .select_from(ev.join(doc, doc.c.id == ev.c.document_id))
         .where(*event_where(f)).order_by(ev.c.date.desc().nulls_last(), ev.c.id).limit(limit))
    with engine.connect() as conn:
        for r in conn.execute(q).mappings():
            row = {k: r[k] for k in EVENT_COLUMNS if k in r}
            row["sources"], row["targets"] = _names_of(r["sources_json"]), _names_of(r["targets_json"])
            row["negated"] = bool(r["negated"])
            yield {k: row.get(k) for k in EVENT_COLUMNS}


def export_facts(engine: Engine, f: FactFilter = FactFilter(), limit: int | None = 10_000) -> Iterator[dict]:
    fa, doc = t.facts, t.documents
    limit = _cap(limit)
    q = (select(fa, doc.c.url, _evidence(fa).label("evidence"))
         .select_from(fa.join(doc, doc.c.id == fa.c.document_id))
         .where(*_fact_where(f)).order_by(fa.c.id).limit(limit))
    with engine.connect() as conn:
        for r in conn.execute(q).mappings():
            row = {k: r[k] for k in FACT_COLUMNS if k in r}
            row["attributes"] = r["attributes_json"]
            yield {k: row.get(k) for k in FACT_COLUMNS}
