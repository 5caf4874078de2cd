"""A pair's page under any filter: its timeline and totals counted from the events themselves (for
a CAMEO type, a PLOVER type or one direction, which the monthly counts do not keep), and the places
of its events (for the map).

Each event counts once, as in ``dyad_months``; only dated events are counted by month. The shapes
are those of :func:`dyad.store.queries.dyad_timeline` and :func:`~dyad.store.queries.dyad_summary`.
"""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from . import schema as t
from .filters import QUAD_CLASSES, EventFilter, _fact_pair, cameo_name, event_where

PLACES_MAX = 5_000          # events read for the map of one pair


def _month(ev):
    return func.substr(ev.c.date, 1, 7)


def month_rows(rows) -> list[dict[str, Any]]:
    """(month, quad class, events, Goldstein count, Goldstein sum) rows as the timeline's months:
    events per month and quad class, and the month's mean Goldstein."""
    months: dict[str, dict] = {}
    for month, quad, n, ng, sg in rows:
        row = months.setdefault(month, {"month": month, "events": 0, "by_quad": {str(k): 0 for k in QUAD_CLASSES},
                                        "_n": 0, "_s": 0.0})
        row["events"] += int(n)
        if quad in QUAD_CLASSES:
            row["by_quad"][str(quad)] += int(n)
        row["_n"] += int(ng or 0)
        row["_s"] += float(sg or 0.0)
    out = []
    for row in months.values():
        n, s = row.pop("_n"), row.pop("_s")
        out.append({**row, "goldstein": round(s / n, 3) if n else None})
    return out


def timeline(engine: Engine, f: EventFilter) -> dict[str, Any]:
    ev = t.events
    q = (select(_month(ev), ev.c.quad_class, func.count(), func.count(ev.c.goldstein), func.sum(ev.c.goldstein))
         .where(*event_where(f), ev.c.date.is_not(None)).group_by(_month(ev), ev.c.quad_class).order_by(_month(ev)))
    with engine.connect() as conn:
        out = month_rows(conn.execute(q))
    a, b = f.pair
    return {"a": a, "b": b, "min_confidence": f.min_confidence,
            "quad_classes": {str(k): v for k, v in QUAD_CLASSES.items()}, "months": out}


def summary(engine: Engine, f: EventFilter, top: int = 10) -> dict[str, Any]:
    ev, fa = t.events, t.facts
    where = [*event_where(f), ev.c.date.is_not(None)]
    a, b = f.pair
    with engine.connect() as conn:
        n, ng, sg, first, last = conn.execute(
            select(func.count(), func.count(ev.c.goldstein), func.sum(ev.c.goldstein), func.min(_month(ev)),
                   func.max(_month(ev))).where(*where)).one()
        quads = dict(conn.execute(select(ev.c.quad_class, func.count()).where(*where).group_by(ev.c.quad_class)).all())
        types = conn.execute(select(ev.c.cameo, func.count()).where(*where).group_by(ev.c.cameo)
                             .order_by(func.count().desc(), ev.c.cameo).limit(top)).all()
        fkinds = dict(conn.execute(select(fa.c.kind, func.count()).where(_fact_pair(fa, a, b))
                                   .group_by(fa.c.kind)).all())
    return {"a": a, "b": b, "min_confidence": f.min_confidence, "events": int(n or 0), "first_month": first,
            "last_month": last, "goldstein": round(float(sg) / int(ng), 3) if ng else None,
            "by_quad": {str(k): int(quads.get(k, 0)) for k in QUAD_CLASSES},
            "top_event_types": [{"cameo": c or None, "name": cameo_name(c), "events": int(k)} for c, k in types],
            "facts": fkinds}


def pair_places(engine: Engine, f: EventFilter) -> list[dict[str, Any]]:
    """The places of the events ``f`` selects (at most PLACES_MAX events read), one item per place
    with its coordinates: name, country, lat, lon, the number of events, by quad class, the mean
    Goldstein, the newest event's id and date."""
    ev = t.events
    q = (select(ev.c.id, ev.c.date, ev.c.quad_class, ev.c.goldstein, ev.c.location_json)
         .where(*event_where(f), ev.c.location_json.is_not(None))
         .order_by(ev.c.date.desc().nulls_last(), ev.c.id).limit(PLACES_MAX))
    places: dict[tuple, dict] = {}
    with engine.connect() as conn:
        for eid, day, quad, gold, blob in conn.execute(q):
            loc = json.loads(blob) if blob else None
            if not loc or loc.get("lat") is None or loc.get("lon") is None:
                continue
            key = (round(float(loc["lat"]), 3), round(float(loc["lon"]), 3), loc.get("name"))
            p = places.setdefault(key, {"name": loc.get("name"), "country": loc.get("country"),
                                        "lat": float(loc["lat"]), "lon": float(loc["lon"]), "events": 0,
                                        "by_quad": {str(k): 0 for k in QUAD_CLASSES}, "_g": [],
                                        "latest": eid, "latest_date": day})
            p["events"] += 1
            if quad in QUAD_CLASSES:
                p["by_quad"][str(quad)] += 1
            if gold is not None:
                p["_g"].append(float(gold))
    out = []
    for p in places.values():
        g = p.pop("_g")
        out.append({**p, "goldstein": round(sum(g) / len(g), 2) if g else None})
    return sorted(out, key=lambda p: (-p["events"], p["name"] or ""))
