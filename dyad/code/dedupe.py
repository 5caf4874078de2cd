"""The same event told twice in a document, merged into one.

Within a document (:func:`merge_mentions`) two events are one when they share the CAMEO root, the
participants (at country level: a leader and his country are one side; sectors such as CHNBUS
stay apart), the direction (sources -> targets; either way round for root 04 meetings), negation
and modality, and their dates agree (equal, or one of them unknown). Outside meetings a
repetition must also have the same CAMEO code and the same trigger word (its first five letters):
"поблагодарил" and "поддерживает" are two SUPPORT events, "нанесли удар ... удар" one ASSAULT. The first telling stays the event; the later ones add
their evidence spans to ``Event.mentions`` and fill a missing place or date.
Across documents the store groups the same event by :func:`dyad.store.clusters.cluster_key`,
built on :func:`participants`.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from ..types import Event, Span

SYMMETRIC_ROOTS = ("04",)      # a meeting is the same event whichever side is told first
VISIT = "042"
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


def participants(root: str, sources, targets) -> str:
    """The sides of an event at country level: sources>targets, or one sorted set for meetings."""
    s, t = _side(sources), _side(targets)
    if root in SYMMETRIC_ROOTS:
        return _side(list(sources or ()) + list(targets or ()))
    return f"{s}>{t}"


def _stem(e: Event) -> str:
    words = e.trigger_text.lower().replace("ё", "е").split()
    return words[0][:5] if words else ""


def _same(a: Event, b: Event) -> bool:
    # "соглашение ... было подписано": one act told twice in a sentence, by the same actors (the
    # leader's thanks and his country's support in one sentence are two acts)
    one_sentence = a.evidence == b.evidence and a.cameo == b.cameo and _ids(a) == _ids(b)
    if a.cameo[:2] not in SYMMETRIC_ROOTS and not one_sentence and (a.cameo != b.cameo or _stem(a) != _stem(b)):
        return False
    if (a.cameo == VISIT) != (b.cameo == VISIT):
        return False            # the journey and the talks held on it are two events
    return (a.cameo[:2] == b.cameo[:2]
            and participants(a.cameo[:2], a.sources, a.targets) == participants(b.cameo[:2], b.sources, b.targets)
            and a.negated == b.negated and a.modality == b.modality
            and (a.date == b.date or a.date is None or b.date is None
                 or DATE_BY_ARTICLE in a.rule or DATE_BY_ARTICLE in b.rule)
            and _compatible_details(a, b))


def _ids(e: Event) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(x.id for x in e.sources), frozenset(x.id for x in e.targets)


def _people(e: Event) -> set[str]:
    return {x.id for x in (*e.sources, *e.targets) if x.kind == "person"}


def _compatible_details(a: Event, b: Event) -> bool:
    """Two tellings at country level are still two events when they name different places, or
    name people of whom neither telling's are among the other's (the leaders in one city, their
    ministers in another; the minister's talks with his counterpart, then with the premier)."""
    if a.location and b.location and a.location.name != b.location.name \
            and a.location.geonames_id != b.location.geonames_id:
        return False
    pa, pb = _people(a), _people(b)
    return not (pa and pb and not (pa <= pb or pb <= pa))


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


def mention_spans(event: Event) -> tuple[Span, ...]:
    """Every evidence span of an event in its document (the first telling first)."""
    return (event.evidence, *event.mentions)
