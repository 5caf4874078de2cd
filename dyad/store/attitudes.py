"""Reads of the stored attitudes: a filtered page (``/api/attitudes``), one attitude, the months
of a pair per direction (the dyad page) and the flat export rows."""
from __future__ import annotations

from typing import Iterator

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from . import schema as t
from .filters import AttitudeFilter, _attitude_item, _attitude_select, _page, attitude_where

ATTITUDE_COLUMNS = ("id", "document_id", "date", "source_id", "target_id", "source_country",
                    "target_country", "polarity", "score", "sentences", "evidence", "rule", "url")
EXPORT_MAX = 100_000


def attitudes(engine: Engine, f: AttitudeFilter = AttitudeFilter(), limit: int = 50, offset: int = 0) -> dict:
    """Attitudes matching the filter, newest document first, one page."""
    limit, offset = _page(limit, offset)
    at, doc = t.attitudes, t.documents
    where = attitude_where(f)
    q = (_attitude_select().where(*where).order_by(at.c.date.desc().nulls_last(), at.c.id)
         .limit(limit).offset(offset))
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(at).where(*where)).scalar_one()
        items = [_attitude_item(r) for r in conn.execute(q)]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def attitude(engine: Engine, attitude_id: str) -> dict | None:
    with engine.connect() as conn:
        row = conn.execute(_attitude_select().where(t.attitudes.c.id == attitude_id)).first()
    return _attitude_item(row) if row else None


def attitude_months(engine: Engine, a: str, b: str, start: str | None = None, end: str | None = None,
                    min_confidence: float = 0.0) -> dict:
    """Per direction (a->b, b->a) and month: the pos and neg attitudes and their mean score
    (``score``: polarity -> mean)."""
    at = t.attitudes
    f = AttitudeFilter(pair=(a, b), start=start, end=end, min_confidence=min_confidence)
    month = func.substr(at.c.date, 1, 7)
    q = (select(at.c.source_id, at.c.source_country, month.label("month"), at.c.polarity,
                func.count().label("n"), func.sum(at.c.score).label("score"))
         .where(*attitude_where(f), at.c.date.is_not(None))
         .group_by(at.c.source_id, at.c.source_country, month, at.c.polarity).order_by(month))
    out: dict[str, dict] = {"a_to_b": {}, "b_to_a": {}}
    sums: dict[tuple[str, str, str], float] = {}
    with engine.connect() as conn:
        for r in conn.execute(q):
            side = "a_to_b" if a in (r.source_id, r.source_country) else "b_to_a"
            row = out[side].setdefault(r.month, {"month": r.month, "pos": 0, "neg": 0, "score": {}})
            row[r.polarity] += r.n
            key = (side, r.month, r.polarity)
            sums[key] = sums.get(key, 0.0) + float(r.score or 0.0)
            row["score"][r.polarity] = round(sums[key] / row[r.polarity], 4)
    return {"a": a, "b": b, "a_to_b": list(out["a_to_b"].values()), "b_to_a": list(out["b_to_a"].values())}


def export_attitudes(engine: Engine, f: AttitudeFilter = AttitudeFilter(), limit: int = 10_000) -> Iterator[dict]:
    """Flat attitude rows (one per attitude; ``evidence``: the text of its first evidence span)."""
    at, doc = t.attitudes, t.documents
    limit = max(1, min(int(limit), EXPORT_MAX))
    ev = func.substr(doc.c.text, at.c.evidence_start + 1, at.c.evidence_end - at.c.evidence_start)
    q = (select(at, doc.c.url, ev.label("evidence")).select_from(at.join(doc, doc.c.id == at.c.document_id))
         .where(*attitude_where(f)).order_by(at.c.date.desc().nulls_last(), at.c.id).limit(limit))
    with engine.connect() as conn:
        for r in conn.execute(q).mappings():
            yield {k: r.get(k) for k in ATTITUDE_COLUMNS}


def attitude_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(t.attitudes)).scalar_one()
