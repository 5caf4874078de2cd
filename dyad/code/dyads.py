"""The dyadic expansion of an event: the (source, target) pairs it makes, and events with one side.

Every source with every target makes a pair (an actor is never paired with itself). An event with
two or more sources and no targets is symmetric ("Азербайджан и Китай подписали соглашение"):
every ordered pair of its sources. An event that names one side only makes no pair: no sources
(``+nosource`` in its rule), no targets and a single source, or no targets and marked
``+notarget`` by the coder (dyad.code.events: "Россия и Китай осудили санкции" names two sources
and an unknown target, not a relation between them).

The store writes one ``event_dyads`` row per pair; the GDELT exports write one row per pair, and
for an event with one side one row per known actor with the other actor's columns empty.

Actors are ActorRefs or their JSON dicts.

    >>> a, b = {"id": "AZE"}, {"id": "CHN"}
    >>> [(s["id"], g["id"]) for s, g in actor_pairs([a, b], [], "trigger:sign")]
    [('AZE', 'CHN'), ('CHN', 'AZE')]
    >>> actor_pairs([a, b], [], "trigger:condemn+subj+notarget")
    []
    >>> [(s and s["id"], g and g["id"]) for s, g in gdelt_pairs([], [b], "trigger:arrest+nosource")]
    [(None, 'CHN')]
"""
from __future__ import annotations

from typing import Any, Sequence

ONE_SIDED_RULES = ("nosource", "notarget")   # rule parts the coder adds when one side is unknown


def _id(actor: Any) -> str:
    return actor.id if hasattr(actor, "id") else actor["id"]


def marked_one_sided(rule: str | None) -> bool:
    """The coder said one side is unknown (``+nosource`` or ``+notarget`` in the rule)."""
    return any(part in ONE_SIDED_RULES for part in (rule or "").split("+"))


def one_sided(sources: Sequence, targets: Sequence, rule: str | None = "") -> bool:
    """The event names one side only (or none): it makes no pair."""
    if not sources:
        return True
    if not targets:
        return len(sources) < 2 or marked_one_sided(rule)
    return False


def symmetric(sources: Sequence, targets: Sequence, rule: str | None = "") -> bool:
    """Two or more sources and no targets, not marked one-sided: each source acts with the others."""
    return not targets and len(sources) >= 2 and not marked_one_sided(rule)


def actor_pairs(sources: Sequence, targets: Sequence, rule: str | None = "") -> list[tuple[Any, Any]]:
    """The known (source, target) pairs of an event, in order."""
    if symmetric(sources, targets, rule):
        return [(a, b) for a in sources for b in sources if _id(a) != _id(b)]
    return [(s, g) for s in sources for g in targets if _id(s) != _id(g)]


def gdelt_pairs(sources: Sequence, targets: Sequence, rule: str | None = "") -> list[tuple[Any, Any]]:
    """GDELT rows of an event: its pairs, else (for an event with one side) each known actor with
    the other side empty; an event that names no actor at all is one row with both sides empty."""
    pairs = actor_pairs(sources, targets, rule)
    if pairs or (sources and targets):
        return pairs
    if sources:
        return [(s, None) for s in sources]
    if targets:
        return [(None, g) for g in targets]
    return [(None, None)]


def sides_text(sources: Sequence[dict], targets: Sequence[dict], rule: str | None = "") -> str:
    """An event's actors as the pages and ``dyad show`` write them: "A, B → C", "?" for an unknown
    side, a symmetric event's sources alone ("A, B").

    >>> sides_text([{"id": "AZE", "name": "Азербайджан"}], [])
    'Азербайджан → ?'
    """
    def names(side: Sequence[dict]) -> str:
        return ", ".join(a.get("name") or a.get("id") or "?" for a in side)
    if symmetric(sources, targets, rule):
        return names(sources)
    return f"{names(sources) or '?'} → {names(targets) or '?'}"
