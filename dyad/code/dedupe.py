"""The same event told twice: merged within a document, clustered across documents.

Within a document (:func:`merge_mentions`) two events are one when they share the CAMEO root, the
participants (at country level: a leader and his country are one side; sectors such as CHNBUS
stay apart), the direction (sources -> targets; either way round for root 04 meetings), negation
and modality, and their dates agree (equal, or one of them unknown). Outside meetings a
repetition must also have the same CAMEO code and the same trigger word (its first five letters):
"поблагодарил" and "поддерживает" are two SUPPORT events, "нанесли удар ... удар" one ASSAULT. The first telling stays the event; the later ones add
their evidence spans to ``Event.mentions`` and fill a missing place or date.

Across documents (:func:`cluster_key`) the store groups events whose key is equal: CAMEO root,
the participants as above (sources>targets, or one sorted set for meetings), negation,
and a date window (DATE_WINDOW_DAYS-day buckets for day-precise dates, the week, month or year
otherwise). GDELT's NumMentions / NumSources / NumArticles are counted over a cluster.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any, Iterable, Mapping

from ..types import Event, Span

DATE_WINDOW_DAYS = 3
CLUSTER_KEY_VERSION = "cluster.v1"


SYMMETRIC_ROOTS = ("04",)      # a meeting is the same event whichever side is told first
# Rule suffix of an event that names no date and was dated on the article's day: another telling
# with a date of its own ("В четверг ... прошли переговоры. Стороны обсудили ...") dates it.
DATE_BY_ARTICLE = "+date:article"


def _side(actors) -> str:
    """Participants at country level (a leader and his country are one side), sorted."""
    keys = set()
    for a in actors or ():
        country = a.country if hasattr(a, "country") else a.get("country")
        ident = a.id if hasattr(a, "id") else a["id"]
        code = (a.code if hasattr(a, "code") else a.get("code")) or ""
        keys.add(code if code[3:] in ("BUS", "MIL", "OPP", "REB", "MED") else (country or ident))
    return "+".join(sorted(keys))


def _participants(root: str, sources, targets) -> str:
    s, t = _side(sources), _side(targets)
    if root in SYMMETRIC_ROOTS:
        return _side(list(sources or ()) + list(targets or ()))
    return f"{s}>{t}"


def _stem(e: Event) -> str:
    words = e.trigger_text.lower().replace("ё", "е").split()
    return words[0][:5] if words else ""


def _same(a: Event, b: Event) -> bool:
    one_sentence = a.evidence == b.evidence and a.cameo == b.cameo  # "соглашение ... было подписано"
    if a.cameo[:2] not in SYMMETRIC_ROOTS and not one_sentence and (a.cameo != b.cameo or _stem(a) != _stem(b)):
        return False
    return (a.cameo[:2] == b.cameo[:2]
            and _participants(a.cameo[:2], a.sources, a.targets) == _participants(b.cameo[:2], b.sources, b.targets)
            and a.negated == b.negated and a.modality == b.modality
            and (a.date == b.date or a.date is None or b.date is None
                 or DATE_BY_ARTICLE in a.rule or DATE_BY_ARTICLE in b.rule)
            and _compatible_details(a, b))


def _people(e: Event) -> set[str]:
    return {x.id for x in (*e.sources, *e.targets) if x.kind == "person"}


def _compatible_details(a: Event, b: Event) -> bool:
    """Two tellings at country level are still two events when they name different places, or
    name people and share none (the leaders in one city, their ministers in another)."""
    if a.location and b.location and a.location.name != b.location.name \
            and a.location.geonames_id != b.location.geonames_id:
        return False
    pa, pb = _people(a), _people(b)
    return not (pa and pb and not pa & pb)


def _absorb(primary: Event, other: Event) -> Event:
    spans = list(primary.mentions)
    for s in (other.evidence, *other.mentions):
        if s != primary.evidence and s not in spans:
            spans.append(s)
    dated = other if (DATE_BY_ARTICLE in primary.rule and DATE_BY_ARTICLE not in other.rule
                      and other.date) or not primary.date else primary
    return replace(primary, mentions=tuple(spans),
                   location=primary.location or other.location,
                   date=dated.date, date_precision=dated.date_precision,
                   confidence=max(primary.confidence, other.confidence))


def merge_mentions(events: Iterable[Event]) -> tuple[Event, ...]:
    """One event per real-world event in a document, with every telling in ``mentions``."""
    out: list[Event] = []
    for e in events:
        for i, kept in enumerate(out):
            if _same(kept, e):
                out[i] = _absorb(kept, e)
                break
        else:
            out.append(e)
    return tuple(out)


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
    who = _participants(cameo[:2], _get(event, "sources"), _get(event, "targets"))
    neg = "neg" if _get(event, "negated") else "pos"
    window = date_window(_get(event, "date"), _get(event, "date_precision"))
    return f"{cameo[:2]}|{who}|{neg}|{window}"


def mention_spans(event: Event) -> tuple[Span, ...]:
    """Every evidence span of an event in its document (the first telling first)."""
    return (event.evidence, *event.mentions)
