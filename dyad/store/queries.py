"""Read queries behind the HTTP API and the dashboard: plain functions over an Engine.

Every function returns JSON-ready dicts and lists. Every value from a request reaches the database
as a bound parameter (SQLAlchemy Core expressions; the two dialect-specific search statements use
``text()`` with ``:name`` parameters). Paging is ``limit``/``offset``, capped at :data:`PAGE_MAX`.

An actor in a filter is an actor id (``ilham-aliyev``, ``SCO``) or a country code (``AZE``): it
matches an event when it names one of the event's sources or targets or their country
(``event_actors``: also an event that names one side only).

``min_confidence`` (0-1) keeps the events whose confidence is at least that; 0 keeps every event,
also those stored without a confidence. The dyad timeline, summary, top pairs and country partners
read ``dyad_months`` when it is 0, else the rows of ``dyad_months_by_confidence`` at least that
sure (both kept by triggers on ``event_dyads``, migrations 0002 and 0004); both count each event
once per pair even when the dyadic expansion gave it several rows for the pair, and dated events
only.

The filters and record items live in :mod:`dyad.store.filters`, documents and search in
:mod:`dyad.store.documents`, the exports in :mod:`dyad.store.exports`; they are named here too,
so ``queries.X`` answers every read.
"""
from __future__ import annotations

import json
import threading
import time
from typing import Any

from sqlalchemy import case, func, literal, or_, select, text, union
from sqlalchemy.engine import Engine

from . import schema as t
from .documents import HIT_END, HIT_START, PG_TSVECTOR, document, documents, fts5_query, search  # noqa: F401
from .exports import EVENT_COLUMNS, EXPORT_MAX, FACT_COLUMNS, export_events, export_facts  # noqa: F401
from .pairs import month_rows, pair_places  # noqa: F401
from .filters import (PAGE_MAX, QUAD_CLASSES, TRADE_KINDS, AttitudeFilter, EventFilter, FactFilter,  # noqa: F401
                      _event_item, _event_select, _fact_item, _fact_pair, _fact_select, _fact_where,
                      _page, _pair, cameo_name, event_where, meets)


def _months(d, start: str | None, end: str | None) -> list:
    out = []
    if start:
        out.append(d.c.month >= start[:7])
    if end:
        out.append(d.c.month <= end[:7])
    return out


# --- dyads ---------------------------------------------------------------------------------
def _aggregate(min_confidence: float = 0.0) -> tuple[Any, list]:
    """The per-pair aggregate to read and its conditions: ``dyad_months`` (every event), or the
    rows of ``dyad_months_by_confidence`` at least ``min_confidence`` sure."""
    if not min_confidence:
        return t.dyad_months, []
    m = t.dyad_months_by_confidence
    return m, [m.c.confidence >= min_confidence]


def _dm_pair(a: str, b: str, start: str | None = None, end: str | None = None,
             min_confidence: float = 0.0) -> tuple[Any, list]:
    m, where = _aggregate(min_confidence)
    lo, hi = sorted((a, b))
    where += [m.c.a == lo, m.c.b == hi, m.c.events > 0]
    if start:
        where.append(m.c.month >= start[:7])
    if end:
        where.append(m.c.month <= end[:7])
    return m, where


def dyad_timeline(engine: Engine, a: str, b: str, start: str | None = None,
                  end: str | None = None, min_confidence: float = 0.0) -> dict[str, Any]:
    """Events per month and quad class for the pair (both directions), with the mean Goldstein.

    Reads ``dyad_months`` (one row per month, CAMEO code and quad class of the pair), or
    ``dyad_months_by_confidence`` for the events with at least ``min_confidence``."""
    m, where = _dm_pair(a, b, start, end, min_confidence)
    q = (select(m.c.month, m.c.quad_class, func.sum(m.c.events), func.sum(m.c.goldstein_n),
                func.sum(m.c.goldstein_sum))
         .where(*where).group_by(m.c.month, m.c.quad_class).order_by(m.c.month))
    with engine.connect() as conn:
        out = month_rows(conn.execute(q))
    return {"a": a, "b": b, "min_confidence": min_confidence,
            "quad_classes": {str(k): v for k, v in QUAD_CLASSES.items()}, "months": out}


def dyad_summary(engine: Engine, a: str, b: str, start: str | None = None,
                 end: str | None = None, top: int = 10, min_confidence: float = 0.0) -> dict[str, Any]:
    """Totals for the pair: events, months, mean Goldstein, quad classes, top event types, facts
    (``min_confidence`` counts the events with at least that confidence; facts have none)."""
    fa = t.facts
    m, where = _dm_pair(a, b, start, end, min_confidence)
    with engine.connect() as conn:
        n, ng, sg, first, last = conn.execute(
            select(func.sum(m.c.events), func.sum(m.c.goldstein_n), func.sum(m.c.goldstein_sum),
                   func.min(m.c.month), func.max(m.c.month)).where(*where)).one()
        quads = dict(conn.execute(select(m.c.quad_class, func.sum(m.c.events)).where(*where)
                                  .group_by(m.c.quad_class)).all())
        types = conn.execute(select(m.c.cameo, func.sum(m.c.events).label("n")).where(*where)
                             .group_by(m.c.cameo).order_by(func.sum(m.c.events).desc(), m.c.cameo).limit(top)).all()
        fkinds = dict(conn.execute(select(fa.c.kind, func.count()).where(_fact_pair(fa, a, b))
                                   .group_by(fa.c.kind)).all())
    return {
        "a": a, "b": b, "min_confidence": min_confidence, "events": int(n or 0), "first_month": first,
        "last_month": last, "goldstein": round(float(sg) / int(ng), 3) if ng else None,
        "by_quad": {str(k): int(quads.get(k, 0)) for k in QUAD_CLASSES},
        "top_event_types": [{"cameo": c or None, "name": cameo_name(c), "events": int(k)} for c, k in types],
        "facts": fkinds,
    }


def pair_timeline(engine: Engine, f: EventFilter) -> dict[str, Any]:
    """:func:`dyad_timeline` of ``f.pair`` under every filter of ``f``: the monthly counts when it
    filters by dates and confidence only, else the events themselves (dyad.store.pairs)."""
    from . import pairs
    if f.cameo or f.plover_type or f.directed:
        return pairs.timeline(engine, f)
    return dyad_timeline(engine, *f.pair, f.start, f.end, f.min_confidence)


def pair_summary(engine: Engine, f: EventFilter) -> dict[str, Any]:
    """:func:`dyad_summary` of ``f.pair`` under every filter of ``f`` (as :func:`pair_timeline`)."""
    from . import pairs
    if f.cameo or f.plover_type or f.directed:
        return pairs.summary(engine, f)
    return dyad_summary(engine, *f.pair, f.start, f.end, min_confidence=f.min_confidence)


TOP_DYADS_MAX_AGE = 30.0        # seconds a pairs answer may be reused
_top_dyads_cache: dict[tuple[str, float], tuple[float, list[dict]]] = {}
_top_dyads_lock = threading.Lock()


def _ranked_pairs(engine: Engine, min_confidence: float = 0.0) -> list[dict]:
    """Every pair of countries with events (with at least ``min_confidence``), the busiest first.
    Summing every pair's months takes about a second on a million events, so an answer is reused
    for up to TOP_DYADS_MAX_AGE seconds (the overview may lag new documents by that much; pair
    pages never do)."""
    key = (engine.url.render_as_string(hide_password=True), min_confidence)
    now = time.monotonic()
    with _top_dyads_lock:
        hit = _top_dyads_cache.get(key)
    if hit is not None and now - hit[0] < TOP_DYADS_MAX_AGE:
        return hit[1]
    m, where = _aggregate(min_confidence)
    n = func.sum(m.c.events)
    q = select(m.c.a, m.c.b, n).where(*where).group_by(m.c.a, m.c.b).having(n > 0).order_by(n.desc(), m.c.a, m.c.b)
    with engine.connect() as conn:
        rows = [{"a": a, "b": b, "events": int(k)} for a, b, k in conn.execute(q)]
    with _top_dyads_lock:
        _top_dyads_cache[key] = (now, rows)
    return rows


def top_dyads(engine: Engine, limit: int = 20, min_confidence: float = 0.0) -> list[dict]:
    """The pairs of countries with the most events (with at least ``min_confidence``)."""
    return [dict(row) for row in _ranked_pairs(engine, min_confidence)[:limit]]


def dyads(engine: Engine, limit: int = 20, offset: int = 0, min_confidence: float = 0.0) -> dict:
    """One page of the pairs, the busiest first; ``total`` counts every pair with events."""
    limit, offset = _page(limit, offset)
    rows = _ranked_pairs(engine, min_confidence)
    return {"total": len(rows), "limit": limit, "offset": offset,
            "items": [dict(row) for row in rows[offset:offset + limit]]}


# --- events ---------------------------------------------------------------------------------


def _pair_page(conn, f: EventFilter, limit: int, offset: int) -> tuple[int, list]:
    """Newest events of a pair: each direction read backwards along (source, target, date), merged."""
    d = t.event_dyads
    need = limit + offset
    seen: dict[str, str] = {}
    within = [*([d.c.date >= f.start] if f.start else []), *([d.c.date <= f.end] if f.end else []),
              *([d.c.confidence >= f.min_confidence] if f.min_confidence else [])]
    for s, g in (f.pair,) if f.directed else (f.pair, f.pair[::-1]):
        where = [d.c.source_country == s, d.c.target_country == g, *within]
        for eid, day in conn.execute(select(d.c.event_id, d.c.date).where(*where)
                                     .order_by(d.c.date.desc(), d.c.event_id).limit(need * 4 + 10)):
            seen.setdefault(eid, day or "")
    ids = sorted(seen, key=lambda i: (seen[i], i), reverse=True)[offset:offset + limit]
    if f.start or f.end:
        total = conn.execute(select(func.count(func.distinct(d.c.event_id)))
                             .where(_pair(d, *f.pair), *within)).scalar_one()
    else:                   # the dated events from the aggregate, the undated ones from event_dyads
        m, where = _dm_pair(*f.pair, min_confidence=f.min_confidence)
        total = conn.execute(select(func.coalesce(func.sum(m.c.events), 0)).where(*where)).scalar_one()
        total += conn.execute(select(func.count(func.distinct(d.c.event_id)))
                              .where(_pair(d, *f.pair), d.c.month.is_(None), *within)).scalar_one()
    return int(total), ids


def events(engine: Engine, f: EventFilter = EventFilter(), limit: int = 50, offset: int = 0) -> dict:
    """Events matching the filter, newest first, one page; ``total`` counts every match.

    A filter on a pair alone (and dates, a minimum confidence) takes the fast path that the dyad
    page uses."""
    limit, offset = _page(limit, offset)
    ev = t.events
    fast = EventFilter(pair=f.pair, start=f.start, end=f.end, min_confidence=f.min_confidence)
    if f.pair and f.pair[0] != f.pair[1] and fast == f:     # (a directed pair takes the general path)
        with engine.connect() as conn:
            total, ids = _pair_page(conn, f, limit, offset)
            rows = {r.id: _event_item(r) for r in conn.execute(_event_select().where(ev.c.id.in_(ids)))} if ids else {}
            items = [rows[i] for i in ids if i in rows]
            _add_cluster_counts(conn, items)
        return {"total": total, "limit": limit, "offset": offset, "items": items}
    where = event_where(f)
    q = _event_select().where(*where).order_by(ev.c.date.desc().nulls_last(), ev.c.id).limit(limit).offset(offset)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(ev).where(*where)).scalar_one()
        items = [_event_item(r) for r in conn.execute(q)]
        _add_cluster_counts(conn, items)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _add_cluster_counts(conn, items: list[dict]) -> None:
    """GDELT's NumMentions, NumSources and NumArticles for each event: every stored telling of the
    same real-world event (same cluster: CAMEO root, actors, polarity, date window), in any
    document."""
    clusters = {i.get("cluster_id") for i in items if i.get("cluster_id")}
    if not clusters:
        return
    ev, doc = t.events, t.documents
    rows = conn.execute(select(ev.c.cluster_id, ev.c.record_json, ev.c.document_id, doc.c.url, doc.c.source)
                        .join(doc, doc.c.id == ev.c.document_id).where(ev.c.cluster_id.in_(clusters)))
    seen: dict[str, dict] = {}
    for cid, blob, doc_id, url, source in rows:
        c = seen.setdefault(cid, {"mentions": 0, "articles": set(), "sources": set()})
        c["mentions"] += 1 + len(json.loads(blob or "{}").get("mentions") or [])
        c["articles"].add(doc_id)
        c["sources"].add(_source_name(url or source or doc_id))
    for item in items:
        c = seen.get(item.get("cluster_id"))
        if c:
            item.update(num_mentions=c["mentions"], num_articles=len(c["articles"]),
                        num_sources=len(c["sources"]))


def _source_name(where: str) -> str:
    """A source is a site (the URL's host) or, for files, the folder they came from."""
    from urllib.parse import urlparse
    host = urlparse(where).netloc
    return host or where.rsplit("/", 1)[0]


def event(engine: Engine, event_id: str) -> dict | None:
    with engine.connect() as conn:
        row = conn.execute(_event_select().where(t.events.c.id == event_id)).first()
        if row is None:
            return None
        item = _event_item(row)
        _add_cluster_counts(conn, [item])
    return item


# --- facts ----------------------------------------------------------------------------------


def facts(engine: Engine, f: FactFilter = FactFilter(), limit: int = 50, offset: int = 0) -> dict:
    """Facts matching the filter, latest period first, one page."""
    limit, offset = _page(limit, offset)
    fa, doc = t.facts, t.documents
    where = _fact_where(f)
    when = func.coalesce(fa.c.period_end, doc.c.date)
    q = _fact_select().where(*where).order_by(when.desc().nulls_last(), fa.c.id).limit(limit).offset(offset)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(fa.join(doc, doc.c.id == fa.c.document_id))
                             .where(*where)).scalar_one()
        items = [_fact_item(r) for r in conn.execute(q)]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def fact(engine: Engine, fact_id: str) -> dict | None:
    with engine.connect() as conn:
        row = conn.execute(_fact_select().where(t.facts.c.id == fact_id)).first()
    return _fact_item(row) if row else None


# --- actors ---------------------------------------------------------------------------------
def _kb():
    try:
        from ..resolve.kb import load_kb
        return load_kb()
    except Exception:      # the knowledge base is optional for reading a store
        return None


PSEUDO_ACTORS = ("group:",)       # ids the coder builds for a set of actors (group:a+b): not actors


def kb_hits(kb, q: str) -> list:
    """The knowledge base's actors matching ``q``, else matching the normal forms of its words
    (any case form of an alias: "Эрдогану" finds Эрдоган)."""
    hits = kb.search(q, 10_000)
    if not hits:
        from ..lang import search_terms
        forms = search_terms(q)
        if forms:
            hits = kb.search(" ".join(forms), 10_000)
            for form in forms if not hits else ():
                hits += [a for a in kb.search(form, 10_000) if a not in hits]
    return hits


def actor_page(engine: Engine, q: str, limit: int = 20, offset: int = 0) -> dict:
    """Actors whose name, alias (in any case form) or id contains ``q``: the knowledge base first,
    then the store (never a pseudo-actor such as ``group:a+b``); ``total`` counts every match."""
    limit, offset = _page(limit, offset)
    out: dict[str, dict] = {}
    kb = _kb()
    if kb is not None:
        for a in kb_hits(kb, q):
            out[a.id] = {"id": a.id, "kind": a.kind, "name": a.name_ru or a.name_en, "name_en": a.name_en,
                         "country": a.country, "code": a.code, "source": "kb"}
    ac = t.actors
    real = [~ac.c.id.startswith(p, autoescape=True) for p in PSEUDO_ACTORS] + [or_(ac.c.kind.is_(None), ac.c.kind != "group")]
    with engine.connect() as conn:
        rows = conn.execute(select(ac).where(or_(ac.c.id == q, ac.c.name.contains(q, autoescape=True)), *real)
                            .order_by(ac.c.id).limit(offset + limit + len(out))).mappings()
        for r in rows:
            out.setdefault(r["id"], {**dict(r), "name_en": None, "source": "store"})
    items = list(out.values())
    return {"total": len(items), "limit": limit, "offset": offset, "items": items[offset:offset + limit]}


def actor_search(engine: Engine, q: str, limit: int = 20) -> list[dict]:
    """The first ``limit`` actors of :func:`actor_page`."""
    return actor_page(engine, q, limit)["items"]


def _country_partners(conn, actor: str, limit: int, min_confidence: float = 0.0) -> list[dict]:
    m, where = _aggregate(min_confidence)
    partner = case((m.c.a == actor, m.c.b), else_=m.c.a)
    n = func.sum(m.c.events)
    q = (select(partner, n, func.sum(m.c.goldstein_n), func.sum(m.c.goldstein_sum),
                func.sum(case((m.c.quad_class.in_((1, 2)), m.c.events), else_=0)),
                func.sum(case((m.c.quad_class.in_((3, 4)), m.c.events), else_=0)))
         .where(or_(m.c.a == actor, m.c.b == actor), *where).group_by(partner).having(n > 0)
         .order_by(n.desc(), partner).limit(limit))
    return [{"id": p, "events": int(k), "goldstein": round(float(sg) / int(ng), 3) if ng else None,
             "cooperation": int(c or 0), "conflict": int(x or 0)} for p, k, ng, sg, c, x in conn.execute(q)]


def _partners(conn, actor: str, by_country: bool, limit: int, min_confidence: float = 0.0) -> list[dict]:
    if by_country:
        return _country_partners(conn, actor, limit, min_confidence)
    d = t.event_dyads
    src, dst = d.c.source_id, d.c.target_id
    where = [d.c.confidence >= min_confidence] if min_confidence else []
    both = union(
        select(d.c.event_id, dst.label("partner"), d.c.goldstein, d.c.quad_class).where(src == actor, *where),
        select(d.c.event_id, src.label("partner"), d.c.goldstein, d.c.quad_class).where(dst == actor, *where),
    ).subquery()
    q = (select(both.c.partner, func.count(func.distinct(both.c.event_id)).label("n"), func.avg(both.c.goldstein),
                func.sum(case((both.c.quad_class <= 2, 1), else_=0)), func.sum(case((both.c.quad_class >= 3, 1), else_=0)))
         .where(both.c.partner.is_not(None), both.c.partner != actor)
         .group_by(both.c.partner).order_by(func.count(func.distinct(both.c.event_id)).desc(), both.c.partner)
         .limit(limit))
    return [{"id": p, "events": n, "goldstein": round(g, 3) if g is not None else None,
             "cooperation": int(c or 0), "conflict": int(k or 0)} for p, n, g, c, k in conn.execute(q)]


def _links(conn, ids: list[str], by_country: bool, min_confidence: float = 0.0) -> list[dict]:
    """Events between the partners themselves (the rest of the network), each counted once per pair."""
    if len(ids) < 2:
        return []
    if by_country:
        m, where = _aggregate(min_confidence)
        q = (select(m.c.a, m.c.b, func.sum(m.c.events), func.sum(m.c.goldstein_n), func.sum(m.c.goldstein_sum))
             .where(m.c.a.in_(ids), m.c.b.in_(ids), *where).group_by(m.c.a, m.c.b).having(func.sum(m.c.events) > 0))
        return [{"source": a, "target": b, "events": int(n), "goldstein": round(float(sg) / int(ng), 3) if ng else None}
                for a, b, n, ng, sg in conn.execute(q)]
    d = t.event_dyads
    src, dst = d.c.source_id, d.c.target_id
    one = (select(d.c.event_id, case((src < dst, src), else_=dst).label("a"),
                  case((src < dst, dst), else_=src).label("b"), d.c.goldstein)
           .where(src.in_(ids), dst.in_(ids), src != dst,
                  *([d.c.confidence >= min_confidence] if min_confidence else []))
           .distinct().subquery())
    q = select(one.c.a, one.c.b, func.count(), func.avg(one.c.goldstein)).group_by(one.c.a, one.c.b)
    return [{"source": a, "target": b, "events": int(n), "goldstein": round(g, 3) if g is not None else None}
            for a, b, n, g in conn.execute(q)]


def actor_show(engine: Engine, actor_id: str, partners: int = 30, min_confidence: float = 0.0) -> dict | None:
    """What the knowledge base and the store hold about one actor, with its partners network
    (counting the events with at least ``min_confidence``)."""
    kb = _kb()
    known = kb.actors.get(actor_id) if kb is not None else None
    with engine.connect() as conn:
        stored = conn.execute(select(t.actors).where(t.actors.c.id == actor_id)).mappings().first()
        is_country = (known.kind == "country") if known else (stored and stored["kind"] == "country")
        d = t.event_dyads
        used = conn.execute(select(literal(1)).where(or_(d.c.source_country == actor_id, d.c.target_country == actor_id,
                                                         d.c.source_id == actor_id, d.c.target_id == actor_id))
                            .limit(1)).first()
        if known is None and stored is None and used is None:
            return None
        if known is None and stored is None:
            is_country = len(actor_id) == 3 and actor_id.isupper()
        by_country = bool(is_country)
        plist = _partners(conn, actor_id, by_country, partners, min_confidence)
        links = _links(conn, [p["id"] for p in plist], by_country, min_confidence)
        names = _names(conn, kb, [p["id"] for p in plist])
    for p in plist:
        p["name"] = names.get(p["id"], p["id"])
    out: dict[str, Any] = {
        "id": actor_id,
        "kind": known.kind if known else (stored["kind"] if stored else ("country" if by_country else None)),
        "name": (known.name_ru or known.name_en) if known else (stored["name"] if stored else actor_id),
        "name_en": known.name_en if known else None,
        "country": known.country if known else (stored["country"] if stored else None),
        "code": known.code if known else (stored["code"] if stored else None),
        "min_confidence": min_confidence, "partners": plist, "links": links,
    }
    if kb is not None and known is not None:
        out["aliases"] = sorted({a.alias for a in kb.aliases if a.actor_id == actor_id})[:50]
        out["memberships"] = [{"org": m.org, "member": m.member, "status": m.status, "state": m.state,
                               "start": m.start, "end": m.end}
                              for m in kb.memberships if m.member == actor_id][:200]
        out["offices"] = [{"country": x.country, "office": x.office, "start": x.start.isoformat(),
                           "end": x.end.isoformat() if x.end else None}
                          for x in kb.terms_by_person.get(actor_id, [])]
    return out


def _names(conn, kb, ids: list[str]) -> dict[str, str]:
    names = {}
    if kb is not None:
        for i in ids:
            a = kb.actors.get(i)
            if a is not None:
                names[i] = a.name_ru or a.name_en or i
    rest = [i for i in ids if i not in names]
    if rest:
        for i, name in conn.execute(select(t.actors.c.id, t.actors.c.name).where(t.actors.c.id.in_(rest))):
            if name:
                names[i] = name
    return names


def schema_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception:
            return None


def known_actors(engine: Engine, ids) -> set[str]:
    """The ids among ``ids`` that the knowledge base holds, the store holds as actors, or an event
    names as a side or a side's country."""
    ids = list(ids)
    kb = _kb()
    found = {i for i in ids if kb is not None and i in kb.actors}
    rest = [i for i in ids if i not in found]
    if not rest:
        return found
    d = t.event_dyads
    with engine.connect() as conn:
        found |= set(conn.execute(select(t.actors.c.id).where(t.actors.c.id.in_(rest))).scalars())
        for i in [i for i in rest if i not in found]:
            if conn.execute(select(literal(1)).where(or_(d.c.source_country == i, d.c.target_country == i))
                            .limit(1)).first():
                found.add(i)
    return found


def actor_names(engine: Engine, ids) -> dict[str, str]:
    """A name for each of ``ids`` the knowledge base or the store knows."""
    with engine.connect() as conn:
        return _names(conn, _kb(), list(ids))


def resolve_actor(engine: Engine, name: str) -> str | None:
    """An actor id for ``name``: an id or country code as it is (a code in any case), else the
    best match of its name or alias in any case form (:func:`actor_page`, countries first)."""
    name = name.strip()
    if not name:
        return None
    for candidate in dict.fromkeys([name, name.upper() if len(name) == 3 and name.isalpha() else name]):
        if known_actors(engine, [candidate]):
            return candidate
    hits = actor_page(engine, name, PAGE_MAX)["items"]
    if not hits:
        return None
    from ..lang import search_terms
    wanted = {name.lower(), *search_terms(name)}

    def rank(h: dict) -> tuple:
        names = [(h.get("name") or "").lower(), (h.get("name_en") or "").lower()]
        whole = any(n in wanted for n in names)
        word = any(w in wanted for n in names for w in n.replace("-", " ").split())
        return (not whole, not word, not known_stored(h["id"]), h.get("kind") != "country")

    def known_stored(actor_id: str) -> bool:
        ea = t.event_actors
        with engine.connect() as conn:
            return conn.execute(select(literal(1)).where(or_(ea.c.actor_id == actor_id, ea.c.country == actor_id))
                                .limit(1)).first() is not None
    return min(hits[:50], key=rank)["id"]
