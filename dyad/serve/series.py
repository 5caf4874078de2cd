"""Chart-ready series of stored facts for a pair: ``dyad facts A B [--kind K]``.

One row per stored fact, grouped by kind and direction, ordered by period. Figures for the same
indicator, pair and period from different documents are never merged: each keeps its own row,
value and source, and rows of one period carry the same ``group`` number and a count ``of``
(``2 of 2``), so a reader sees them side by side.
"""
from __future__ import annotations

from dataclasses import dataclass

KIND_ORDER = ("trade_turnover", "export", "import", "investment", "loan", "aid", "rank",
              "membership", "stance", "sector")


@dataclass(frozen=True, slots=True)
class SeriesRow:
    kind: str
    subject: str
    object: str | None
    start: str | None
    end: str | None
    value: float | None
    unit: str | None
    comparator: str
    change: dict | None
    attributes: dict
    document_id: str
    document_date: str | None
    title: str | None
    evidence: str
    rule: str
    side: int = 1                  # 1-based position among the rows of the same period
    of: int = 1                    # how many documents give a figure for that period


def fact_series(engine, a: str, b: str, kind: str | None = None, limit: int = 5000
                ) -> list[SeriesRow]:
    """Every stored fact of the pair ``a``-``b`` (ids or country codes, either direction)."""
    from ..store.queries import PAGE_MAX, FactFilter, facts
    flt = FactFilter(pair=(a, b), kinds=(kind,) if kind else ())
    items, offset = [], 0
    while offset < limit:
        page = facts(engine, flt, limit=PAGE_MAX, offset=offset)
        items.extend(page["items"])
        offset += PAGE_MAX
        if offset >= page["total"]:
            break
    rows = [_row(item) for item in items[:limit]]
    rows.sort(key=_order)
    return _sides(rows)


def _row(item: dict) -> SeriesRow:
    period = item.get("period") or {}
    doc = item.get("document") or {}
    return SeriesRow(
        kind=item["kind"], subject=item["subject"]["id"],
        object=(item.get("object") or {}).get("id"),
        start=period.get("start"), end=period.get("end"), value=item.get("value"),
        unit=item.get("unit"), comparator=item.get("comparator") or "=",
        change=item.get("change"), attributes=item.get("attributes") or {},
        document_id=doc.get("id", ""), document_date=doc.get("date"), title=doc.get("title"),
        evidence=(item.get("evidence") or {}).get("text") or "", rule=item.get("rule", ""))


def _key(r: SeriesRow) -> tuple:
    return (r.kind, r.subject, r.object or "", r.start or "", r.end or "")


def _order(r: SeriesRow) -> tuple:
    kind = KIND_ORDER.index(r.kind) if r.kind in KIND_ORDER else len(KIND_ORDER)
    return (kind, r.subject, r.object or "", r.start or "9999", r.end or "9999",
            r.document_date or "", r.document_id)


def _sides(rows: list[SeriesRow]) -> list[SeriesRow]:
    from collections import Counter
    from dataclasses import replace
    counts = Counter(_key(r) for r in rows)
    seen: Counter = Counter()
    out = []
    for r in rows:
        k = _key(r)
        seen[k] += 1
        out.append(replace(r, side=seen[k], of=counts[k]))
    return out


def change_text(change: dict | None) -> str:
    if not change:
        return ""
    if change.get("kind") == "multiple":
        text = f"x{change['value']:g}"
    else:
        text = f"{change['value']:+g}%"
    base = change.get("baseline")
    return text + (f" vs {base['start']}..{base['end']}" if base else "")


def value_text(r: SeriesRow) -> str:
    """The value with a scale word (2.5 bn), else the attributes in words (status member)."""
    from .words import money, words
    if r.value is not None:
        return money(r.value)
    attrs = {k: v for k, v in r.attributes.items() if k != "kb_holds"}
    return "; ".join(f"{words(k)} {', '.join(map(words, v)) if isinstance(v, list) else words(v)}"
                     for k, v in attrs.items())
