"""Documents: a page of them, one with every annotation, and full-text search (FTS5 on SQLite,
tsvector on PostgreSQL; the two dialect-specific statements use ``text()`` with ``:name``
parameters)."""
from __future__ import annotations

import json

from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine

from . import schema as t
from .filters import EventFilter, heading, _event_item, _event_select, _fact_item, _fact_select, _page, event_where


# --- documents ------------------------------------------------------------------------------
PG_TSVECTOR = "to_tsvector('russian'::regconfig, coalesce(title, '') || ' ' || text)"  # = migration 0002
HIT_START, HIT_END = "\ue000", "\ue001"   # snippet markers, turned into segments before leaving here


def documents(engine: Engine, start: str | None = None, end: str | None = None,
              limit: int = 50, offset: int = 0) -> dict:
    limit, offset = _page(limit, offset)
    doc = t.documents
    where = []
    if start:
        where.append(doc.c.date >= start)
    if end:
        where.append(doc.c.date <= end)
    cols = (doc.c.id, doc.c.date, doc.c.date_source, doc.c.date_precision, doc.c.title, doc.c.lang, doc.c.url,
            func.length(doc.c.text).label("length"), func.substr(doc.c.text, 1, 240).label("start"))
    q = select(*cols).where(*where).order_by(doc.c.date.desc().nulls_last(), doc.c.id).limit(limit).offset(offset)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(doc).where(*where)).scalar_one()
        items = []
        for r in conn.execute(q).mappings():
            item = {k: v for k, v in r.items() if k != "start"}
            items.append({**item, "heading": heading(r["title"], r["start"])})
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def document(engine: Engine, doc_id: str, min_confidence: float = 0.0) -> dict | None:
    """One document with every annotation: mentions, events (with at least ``min_confidence``)
    and facts (offsets into ``text``)."""
    doc, me = t.documents, t.mentions
    with engine.connect() as conn:
        row = conn.execute(select(*[c for c in doc.c if c.name != "search_terms"])
                           .where(doc.c.id == doc_id)).mappings().first()
        if row is None:
            return None
        mentions = []
        for m in conn.execute(select(me).where(me.c.document_id == doc_id).order_by(me.c.start, me.c.id)).mappings():
            mentions.append({"start": m["start"], "end": m["end"], "text": m["text"], "type": m["type"],
                             "norm": m["norm"], "rule": m["rule"],
                             "actor": json.loads(m["actor_json"]) if m["actor_json"] else None,
                             "confidence": m["confidence"], "warnings": json.loads(m["warnings"] or "[]")})
        where = event_where(EventFilter(document=doc_id, min_confidence=min_confidence))
        evs = [_event_item(r) for r in conn.execute(_event_select().where(*where)
                                                    .order_by(t.events.c.evidence_start, t.events.c.id))]
        fas = [_fact_item(r) for r in conn.execute(_fact_select().where(t.facts.c.document_id == doc_id)
                                                   .order_by(t.facts.c.evidence_start, t.facts.c.id))]
    out = {k: row[k] for k in ("id", "date", "date_source", "date_precision", "lang", "title", "url", "source",
                               "encoding", "text", "ingested_at")}
    out["warnings"] = json.loads(row["warnings"] or "[]")
    out["heading"] = heading(row["title"], row["text"][:240])
    out.update(mentions=mentions, events=evs, facts=fas)
    return out


def fts5_query(q: str) -> str:
    """User words -> an FTS5 query that cannot be a syntax error: each word quoted, as a prefix,
    or its normal form (``dyad.lang.search_terms``, the forms indexed in the ``terms`` column by
    migration 0008): "Эрдогану" is ``("Эрдогану"* OR "эрдоган"*)``."""
    import re
    from ..lang import search_terms
    out = []
    for w in re.findall(r"\w+", q)[:32]:
        forms = dict.fromkeys([w, *search_terms(w, "ru" if re.search("[а-яёА-ЯЁ]", w) else "en")])
        quoted = ['"' + f.replace('"', '""') + '"*' for f in forms]
        out.append(quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")")
    return " AND ".join(out)


def _segments(snippet: str | None) -> list[dict]:
    out, rest = [], snippet or ""
    while rest:
        i = rest.find(HIT_START)
        if i < 0:
            out.append({"text": rest, "match": False})
            break
        if i:
            out.append({"text": rest[:i], "match": False})
        j = rest.find(HIT_END, i)
        j = len(rest) if j < 0 else j
        out.append({"text": rest[i + 1:j], "match": True})
        rest = rest[j + 1:]
    return [s for s in out if s["text"]]


def search(engine: Engine, q: str, limit: int = 20, offset: int = 0) -> dict:
    """Documents matching the words of ``q`` (FTS5 on SQLite, tsvector on PostgreSQL), best first."""
    limit, offset = _page(limit, offset)
    params = {"limit": limit, "offset": offset}
    if engine.dialect.name == "sqlite":
        params["q"] = fts5_query(q)
        if not params["q"]:
            return {"q": q, "total": 0, "limit": limit, "offset": offset, "items": []}
        params.update(a=HIT_START, b=HIT_END)
        count = text("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH :q")
        rows = text("SELECT d.id, d.date, d.title, substr(d.text, 1, 240) AS start, snippet(documents_fts, 2, :a, :b, '…', 24) AS snippet "
                    "FROM documents_fts JOIN documents d ON d.id = documents_fts.doc_id "
                    "WHERE documents_fts MATCH :q ORDER BY rank, d.id LIMIT :limit OFFSET :offset")
    else:
        params.update(q=q, opts=f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=35, MinWords=15")
        tsq = "websearch_to_tsquery('russian'::regconfig, :q)"
        count = text(f"SELECT count(*) FROM documents WHERE {PG_TSVECTOR} @@ {tsq}")
        rows = text(f"SELECT id, date, title, substr(text, 1, 240) AS start, ts_headline('russian'::regconfig, text, {tsq}, :opts) AS snippet "
                    f"FROM documents WHERE {PG_TSVECTOR} @@ {tsq} "
                    f"ORDER BY ts_rank({PG_TSVECTOR}, {tsq}) DESC, id LIMIT :limit OFFSET :offset")
    with engine.connect() as conn:
        total = conn.execute(count, {"q": params["q"]}).scalar_one()
        items = [{"id": r.id, "date": r.date, "title": r.title, "heading": heading(r.title, r.start),
                  "snippet": _segments(r.snippet)}
                 for r in conn.execute(rows, params)]
    return {"q": q, "total": total, "limit": limit, "offset": offset, "items": items}

