"""The alert rules, fired on the documents a poll stored.

A rule names a pair (both directions) or one actor, and what to watch:

- CAMEO roots or codes (``--cameo 19``: 190..1999) and PLOVER types (``--plover ASSAULT``): every
  new event of the pair of one of them (any of them; a rule with neither, nor facts nor shift,
  takes every new event of the pair). Negated events ("did not attack") do not fire.
- ``--facts``: every new trade or economic figure of the pair (trade turnover, exports, imports,
  investment, loans, aid with a value).
- ``--shift``: the week of a new event, when its volume or mean Goldstein departs from the pair's
  own baseline (:mod:`dyad.watch.shift`).

Only the records of the documents the poll stored are considered, and a rule fires at most once
per event, fact or week and metric (the ``alerts`` table's unique (rule, key)), so the next poll
fires nothing again. Each alert carries the figures that fired it and its evidence: the events
(or facts) with their sentences and documents.
"""
from __future__ import annotations

from typing import Iterable

from sqlalchemy import select
from sqlalchemy.engine import Engine

from ..store import monitor as M
from ..store import schema as t
from ..store.filters import (TRADE_KINDS, EventFilter, FactFilter, _event_item, _event_select, _fact_item,
                             _fact_select, _fact_where, _pair, event_where)
from . import shift as S

EVIDENCE_MAX = 5          # events quoted in a shift alert


def is_country(actor: str) -> bool:
    return len(actor) == 3 and actor.isalpha() and actor.isupper()


def _event_filter(rule: M.Rule) -> EventFilter:
    if rule.b and is_country(rule.a) and is_country(rule.b):
        return EventFilter(pair=(rule.a, rule.b), cameo=rule.cameo, plover_type=rule.plover)
    return EventFilter(actors=(rule.a, rule.b) if rule.b else (rule.a,), cameo=rule.cameo, plover_type=rule.plover)


def _doc(item: dict) -> dict:
    d = item.get("document") or {}
    return {"id": d.get("id"), "title": d.get("title") or d.get("heading"), "date": d.get("date"), "url": d.get("url")}


def event_evidence(e: dict) -> dict:
    return {"event": e["id"], "date": e.get("date"), "cameo": e.get("cameo"), "cameo_name": e.get("cameo_name"),
            "plover": (e.get("plover") or {}).get("type"), "goldstein": e.get("goldstein"),
            "sources": [a.get("id") for a in e.get("sources") or []],
            "targets": [a.get("id") for a in e.get("targets") or []],
            "sentence": (e.get("evidence") or {}).get("text"), "document": _doc(e)}


def fact_evidence(f: dict) -> dict:
    return {"fact": f["id"], "kind": f.get("kind"), "sentence": (f.get("evidence") or {}).get("text"),
            "document": _doc(f)}


def _chunks(ids: list[str], n: int = 500):
    for i in range(0, len(ids), n):
        yield ids[i:i + n]


def new_events(engine: Engine, f: EventFilter, docs: list[str]) -> list[dict]:
    ev = t.events
    out = []
    with engine.connect() as conn:
        for part in _chunks(docs):
            q = _event_select().where(*event_where(f), ev.c.document_id.in_(part)).order_by(ev.c.date, ev.c.id)
            out.extend(_event_item(r) for r in conn.execute(q))
    return [e for e in out if not e.get("negated")]


def new_facts(engine: Engine, f: FactFilter, docs: list[str]) -> list[dict]:
    fa = t.facts
    out = []
    with engine.connect() as conn:
        for part in _chunks(docs):
            q = _fact_select().where(*_fact_where(f), fa.c.document_id.in_(part), fa.c.value.is_not(None)).order_by(fa.c.id)
            out.extend(_fact_item(r) for r in conn.execute(q))
    return out


def _event_alerts(rule: M.Rule, events: list[dict], now: str) -> Iterable[M.Alert]:
    for e in events:
        figures = {"cameo": e.get("cameo"), "cameo_name": e.get("cameo_name"),
                   "plover": (e.get("plover") or {}).get("type"), "goldstein": e.get("goldstein"),
                   "quad_class": e.get("quad_class"), "confidence": e.get("confidence")}
        yield M.Alert(rule_id=rule.id, key=f"event:{e['id']}", kind="event", a=rule.a, b=rule.b, fired_at=now,
                      date=e.get("date"), figures=figures, evidence=(event_evidence(e),), rule=rule.describe())


def _fact_alerts(rule: M.Rule, facts: list[dict], now: str) -> Iterable[M.Alert]:
    for f in facts:
        figures = {"kind": f.get("kind"), "value": f.get("value"), "unit": f.get("unit"),
                   "comparator": f.get("comparator") or "=", "period": f.get("period"), "change": f.get("change"),
                   "subject": (f.get("subject") or {}).get("id"), "object": (f.get("object") or {}).get("id")}
        day = (f.get("period") or {}).get("end") or (f.get("document") or {}).get("date")
        yield M.Alert(rule_id=rule.id, key=f"fact:{f['id']}", kind="fact", a=rule.a, b=rule.b, fired_at=now,
                      date=day, figures=figures, evidence=(fact_evidence(f),), rule=rule.describe())


def pair_weeks(engine: Engine, a: str, b: str) -> dict[str, S.Week]:
    """The pair's dated events by week (both directions, each event once)."""
    d, ev = t.event_dyads, t.events
    cond = _pair(d, a, b) if is_country(a) and is_country(b) else (
        ((d.c.source_id == a) & (d.c.target_id == b)) | ((d.c.source_id == b) & (d.c.target_id == a)))
    q = (select(ev.c.id, ev.c.date, ev.c.goldstein).where(ev.c.id.in_(select(d.c.event_id).where(cond)),
                                                           ev.c.date.is_not(None)))
    with engine.connect() as conn:
        return S.weekly((day, gold) for _, day, gold in conn.execute(q))


def _shift_alerts(engine: Engine, rule: M.Rule, docs: list[str], now: str) -> Iterable[M.Alert]:
    fresh = new_events(engine, _event_filter(M.Rule(id=rule.id, a=rule.a, b=rule.b)), docs)
    touched = sorted({S.monday(e["date"]) for e in fresh if e.get("date")})
    if not touched:
        return
    weeks = pair_weeks(engine, rule.a, rule.b)
    for week in touched:
        for s in S.shifts(weeks, week, window=rule.weeks, threshold=rule.z):
            quoted = sorted((e for e in fresh if e.get("date") and S.monday(e["date"]) == week),
                            key=lambda e: (e.get("goldstein") or 0.0) * (1 if s.z < 0 else -1))[:EVIDENCE_MAX]
            yield M.Alert(rule_id=rule.id, key=f"shift:{s.metric}:{week}", kind="shift", a=rule.a, b=rule.b,
                          fired_at=now, date=week, figures=s.to_json(),
                          evidence=tuple(event_evidence(e) for e in quoted), rule=rule.describe())


def evaluate(engine: Engine, rules: Iterable[M.Rule], docs: Iterable[str]) -> list[M.Alert]:
    """The alerts the documents ``docs`` fire (not yet stored)."""
    docs = list(dict.fromkeys(docs))
    if not docs:
        return []
    now = M.now()
    out: list[M.Alert] = []
    for rule in rules:
        if rule.on_events:
            out.extend(_event_alerts(rule, new_events(engine, _event_filter(rule), docs), now))
        if rule.facts:
            ff = FactFilter(pair=(rule.a, rule.b), kinds=TRADE_KINDS) if rule.b else FactFilter(
                actors=(rule.a,), kinds=TRADE_KINDS)
            out.extend(_fact_alerts(rule, new_facts(engine, ff, docs), now))
        if rule.shift and rule.b:
            out.extend(_shift_alerts(engine, rule, docs, now))
    return out


def fire(engine: Engine, docs: Iterable[str]) -> list[M.Alert]:
    """Evaluate every stored rule on ``docs``, store the alerts not fired before, return them."""
    return M.save_alerts(engine, evaluate(engine, M.rules(engine), docs))
