"""The cluster key: the same event reported by several documents, grouped by the store.

Events whose key is equal are one cluster (``events.cluster_id``): CAMEO root, the participants at
country level (sources>targets, or one sorted set for meetings: dyad.code.dedupe.participants),
negation, and a date window (DATE_WINDOW_DAYS-day buckets for day-precise dates, the week, month
or year otherwise). GDELT's NumMentions / NumSources / NumArticles are counted over a cluster.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from ..code.dedupe import participants
from ..types import Event

DATE_WINDOW_DAYS = 3
CLUSTER_KEY_VERSION = "cluster.v1"


def _get(event: Event | Mapping[str, Any], name: str):
    return getattr(event, name) if isinstance(event, Event) else event.get(name)


def date_window(date: str | None, precision: str | None) -> str:
    """The date bucket of an event: a DATE_WINDOW_DAYS-day window's first day, else the period."""
    if not date:
        return "nodate"
    day = dt.date.fromisoformat(date)
    if precision == "year":
        return f"{day.year}"
    if precision == "month":
        return f"{day.year}-{day.month:02d}"
    if precision == "week":
        iso = day.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}"
    start = dt.date.fromordinal(day.toordinal() - day.toordinal() % DATE_WINDOW_DAYS)
    return start.isoformat()


def cluster_key(event: Event | Mapping[str, Any]) -> str:
    """The key under which the store groups the same event reported by several documents.
    Accepts an Event or its JSON (``Event.to_json()``)."""
    cameo = _get(event, "cameo") or ""
    who = participants(cameo[:2], _get(event, "sources"), _get(event, "targets"))
    neg = "neg" if _get(event, "negated") else "pos"
    window = date_window(_get(event, "date"), _get(event, "date_precision"))
    return f"{cameo[:2]}|{who}|{neg}|{window}"
