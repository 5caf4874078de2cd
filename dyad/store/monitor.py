"""The monitor's rows (migration 0009): watched sources, their polls and seen items, alert rules and
the alerts they fired. Plain functions over an Engine, as :mod:`dyad.store.queries`; the records
they take and give are the frozen dataclasses below."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Iterable

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Engine

from . import schema as t
from .db import insert_new


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Source:
    id: int
    url: str
    name: str | None = None
    kept: bool = False
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0


@dataclass(frozen=True, slots=True)
class Poll:
    """What one poll of a source answered: status ok | unchanged | failed."""
    source_id: int
    started_at: str
    status: str
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    items: int = 0
    new_items: int = 0
    stored: int = 0
    error: str | None = None
    finished_at: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """An alert rule on the pair (a, b), or on the actor a when b is None. With neither CAMEO
    roots, PLOVER types, facts nor shift it fires on every new event of the pair."""
    id: int
    a: str
    b: str | None = None
    cameo: tuple[str, ...] = ()
    plover: tuple[str, ...] = ()
    facts: bool = False
    shift: bool = False
    weeks: int = 8
    z: float = 3.0
    webhook: str | None = None

    @property
    def on_events(self) -> bool:
        return bool(self.cameo or self.plover) or not (self.facts or self.shift)

    def describe(self) -> str:
        what = [f"cameo {','.join(self.cameo)}"] if self.cameo else []
        what += [f"plover {','.join(self.plover)}"] if self.plover else []
        what += ["facts"] if self.facts else []
        what += [f"shift (z>={self.z:g}, {self.weeks} weeks)"] if self.shift else []
        who = f"{self.a}-{self.b}" if self.b else self.a
        return f"{who}: {'; '.join(what) or 'every event'}"


@dataclass(frozen=True, slots=True)
class Alert:
    """One alert: its rule, the pair, when it fired, the figures that fired it, the evidence (events
    or facts with their sentences and documents)."""
    rule_id: int
    key: str
    kind: str                       # event | fact | shift
    a: str
    b: str | None
    fired_at: str
    date: str | None
    figures: dict = field(default_factory=dict)
    evidence: tuple[dict, ...] = ()
    rule: str = ""
    id: int | None = None

    def to_json(self) -> dict:
        return {"id": self.id, "rule_id": self.rule_id, "rule": self.rule, "kind": self.kind,
                "pair": [self.a, self.b] if self.b else [self.a], "a": self.a, "b": self.b,
                "fired_at": self.fired_at, "date": self.date, "key": self.key,
                "figures": self.figures, "evidence": list(self.evidence)}


# --- sources --------------------------------------------------------------------------------------

def _source(row) -> Source:
    return Source(id=row.id, url=row.url, name=row.name, kept=bool(row.kept), etag=row.etag,
                  last_modified=row.last_modified, failures=int(row.failures or 0))


def source(engine: Engine, url: str, keep: bool = False, name: str | None = None) -> Source:
    """The stored source for ``url``, added when new; ``keep`` marks it kept (`dyad sources add`)."""
    s = t.sources
    with engine.begin() as conn:
        conn.execute(insert_new(conn, s), [dict(url=url, name=name, kept=keep, added_at=now(), failures=0)])
        if keep:
            values = {"kept": True, **({"name": name} if name else {})}
            conn.execute(update(s).where(s.c.url == url).values(**values))
        return _source(conn.execute(select(s).where(s.c.url == url)).one())


def sources(engine: Engine, kept_only: bool = False) -> list[Source]:
    s = t.sources
    q = select(s).order_by(s.c.id)
    if kept_only:
        q = q.where(s.c.kept.is_(True))
    with engine.connect() as conn:
        return [_source(r) for r in conn.execute(q)]


def remove_source(engine: Engine, key: str) -> bool:
    """Remove a source by id or URL, with its polls and seen items."""
    s = t.sources
    cond = s.c.id == int(key) if key.isdigit() else s.c.url == key
    with engine.begin() as conn:
        found = conn.execute(select(s.c.id).where(cond)).scalar()
        if found is None:
            return False
        for table in (t.polls, t.seen_items):
            conn.execute(delete(table).where(table.c.source_id == found))
        conn.execute(delete(s).where(s.c.id == found))
    return True


def record_poll(engine: Engine, poll: Poll) -> None:
    """Store the poll; on success keep the answer's validators, count failures in a row."""
    s = t.sources
    row = {k: getattr(poll, k) for k in Poll.__slots__}
    with engine.begin() as conn:
        conn.execute(t.polls.insert(), [row])
        if poll.status == "failed":
            conn.execute(update(s).where(s.c.id == poll.source_id).values(failures=s.c.failures + 1))
        else:
            values = {"failures": 0}
            if poll.status == "ok":
                values.update(etag=poll.etag, last_modified=poll.last_modified)
            conn.execute(update(s).where(s.c.id == poll.source_id).values(**values))


def last_polls(engine: Engine) -> dict[int, dict]:
    """The newest poll of each source, by source id."""
    p = t.polls
    newest = select(p.c.source_id, func.max(p.c.id).label("id")).group_by(p.c.source_id).subquery()
    with engine.connect() as conn:
        rows = conn.execute(select(p).join(newest, newest.c.id == p.c.id)).mappings()
        return {r["source_id"]: dict(r) for r in rows}


def seen(engine: Engine, source_id: int) -> dict[str, str]:
    """item id -> content hash of every item the source has listed."""
    si = t.seen_items
    with engine.connect() as conn:
        return dict(conn.execute(select(si.c.item_id, si.c.content_hash).where(si.c.source_id == source_id)).all())


def mark_seen(engine: Engine, source_id: int, items: Iterable[tuple[str, str, str | None]]) -> None:
    """Remember (item id, content hash, document id) for the source (a changed hash replaces it)."""
    si = t.seen_items
    items = list(items)
    if not items:
        return
    with engine.begin() as conn:
        ids = [i for i, _, _ in items]
        for k in range(0, len(ids), 500):
            conn.execute(delete(si).where(si.c.source_id == source_id, si.c.item_id.in_(ids[k:k + 500])))
        conn.execute(si.insert(), [dict(source_id=source_id, item_id=i, content_hash=h, document_id=d, seen_at=now())
                                   for i, h, d in items])


# --- alert rules and alerts --------------------------------------------------------------------

def _rule(row) -> Rule:
    return Rule(id=row.id, a=row.a, b=row.b, cameo=tuple(json.loads(row.cameo_json)),
                plover=tuple(json.loads(row.plover_json)), facts=bool(row.facts), shift=bool(row.shift),
                weeks=int(row.weeks), z=float(row.z), webhook=row.webhook)


def add_rule(engine: Engine, rule: Rule) -> Rule:
    values = dict(a=rule.a, b=rule.b, cameo_json=json.dumps(list(rule.cameo)),
                  plover_json=json.dumps(list(rule.plover)), facts=rule.facts, shift=rule.shift,
                  weeks=rule.weeks, z=rule.z, webhook=rule.webhook, created_at=now())
    with engine.begin() as conn:
        new_id = conn.execute(t.alert_rules.insert().values(**values).returning(t.alert_rules.c.id)).scalar_one()
    return Rule(**{**{k: getattr(rule, k) for k in Rule.__slots__}, "id": int(new_id)})


def rules(engine: Engine) -> list[Rule]:
    r = t.alert_rules
    with engine.connect() as conn:
        return [_rule(row) for row in conn.execute(select(r).order_by(r.c.id))]


def remove_rule(engine: Engine, rule_id: int) -> bool:
    with engine.begin() as conn:
        conn.execute(delete(t.alerts).where(t.alerts.c.rule_id == rule_id))
        return conn.execute(delete(t.alert_rules).where(t.alert_rules.c.id == rule_id)).rowcount > 0


def save_alerts(engine: Engine, alerts: Iterable[Alert]) -> list[Alert]:
    """Store the alerts not fired before (by rule and key); returns those stored, with their ids."""
    out = []
    al = t.alerts
    with engine.begin() as conn:
        for a in alerts:
            row = dict(rule_id=a.rule_id, key=a.key, kind=a.kind, a=a.a, b=a.b, fired_at=a.fired_at, date=a.date,
                       figures_json=json.dumps(a.figures, ensure_ascii=False, sort_keys=True),
                       evidence_json=json.dumps(list(a.evidence), ensure_ascii=False, sort_keys=True))
            new_id = conn.execute(insert_new(conn, al).values(**row).returning(al.c.id)).scalar()
            if new_id is not None:
                out.append(Alert(**{**{k: getattr(a, k) for k in Alert.__slots__}, "id": int(new_id)}))
    return out


def fired_keys(engine: Engine, rule_id: int) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(select(t.alerts.c.key).where(t.alerts.c.rule_id == rule_id)).scalars())


def _pair_where(al, a: str | None, b: str | None) -> list:
    if not a:
        return []
    if not b:
        return [(al.c.a == a) | (al.c.b == a)]
    return [((al.c.a == a) & (al.c.b == b)) | ((al.c.a == b) & (al.c.b == a))]


def alerts(engine: Engine, a: str | None = None, b: str | None = None, limit: int = 50,
           offset: int = 0) -> dict:
    """Stored alerts, newest first (of the pair a-b either way, or of actor a), one page."""
    al, r = t.alerts, t.alert_rules
    where = _pair_where(al, a, b)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(al).where(*where)).scalar_one()
        rows = conn.execute(select(al, r.c.id.label("rid")).join(r, r.c.id == al.c.rule_id).where(*where)
                            .order_by(al.c.fired_at.desc(), al.c.id.desc()).limit(limit).offset(offset)).all()
        rule_of = {row.id: _rule(row) for row in conn.execute(select(r))}
    items = []
    for row in rows:
        rule = rule_of.get(row.rule_id)
        items.append(Alert(id=row.id, rule_id=row.rule_id, key=row.key, kind=row.kind, a=row.a, b=row.b,
                           fired_at=row.fired_at, date=row.date, figures=json.loads(row.figures_json),
                           evidence=tuple(json.loads(row.evidence_json)),
                           rule=rule.describe() if rule else "").to_json())
    return {"total": int(total), "limit": limit, "offset": offset, "items": items}


def alert_count(engine: Engine, a: str, b: str | None = None) -> int:
    al = t.alerts
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(al).where(*_pair_where(al, a, b))).scalar_one())
