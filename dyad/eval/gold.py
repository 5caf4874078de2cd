"""The annotation every reader yields, whatever the dataset's own format.

A gold mention is a set of character fragments (a discontinuous mention has several) with one of
the scored types PER, ORG, LOC, LOCORG. Two flags say whether it is counted:

- ``named``: it has a name in it. A mention annotated only with descriptors ("министр", "мэрия")
  or a geographic adjective is not named; it is neither a miss nor a target (factRuEval's official
  scorer ignores these too).
- ``nested``: it lies strictly inside another gold mention ("России" in "МИД России"). A flat
  tagger can find only the outer one; a predicted mention that matches a nested one is neither a
  hit nor a false hit.

Mentions covering the same characters with different types ("Москвы" as Org and as LocOrg) are
merged into one that accepts either type; it counts once, under the type ranked first in
:data:`SIBLING_RANK`.

Coreference (:class:`GoldChain`) is kept apart from the flat list: a chain holds every mention the
dataset puts in one entity, nested and unnamed ones included, as annotated (siblings unmerged).
``GoldDoc.chains`` is None when the dataset annotates no coreference.

Events (:class:`GoldEvent`, NEREL's EVENT entities) are kept apart too: a trigger span and the
actors the dataset ties to it (:class:`GoldActor`: one participant, named by one or more spans).
``GoldDoc.events`` is None when the dataset annotates no events.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..types import Span

TYPES = ("PER", "ORG", "LOC", "LOCORG")
# which predicted types may match a gold type: a LocOrg ("Россия заявила") is a place acting as an
# organisation, so a tagger may fairly call it either
ACCEPTS = {"PER": frozenset({"PER"}), "ORG": frozenset({"ORG"}), "LOC": frozenset({"LOC"}),
           "LOCORG": frozenset({"LOC", "ORG"})}
SIBLING_RANK = ("ORG", "LOCORG", "LOC", "PER")


@dataclass(frozen=True, slots=True)
class GoldMention:
    id: str
    type: str                          # one of TYPES
    fragments: tuple[Span, ...]        # every annotated piece, sorted
    core: tuple[Span, ...] = ()        # the name pieces (descriptors left out); () = all fragments
    named: bool = True
    nested: bool = False
    accepts: frozenset[str] = frozenset()   # predicted types that match; empty = ACCEPTS[type]
    entity: str | None = None          # coreference id, where the dataset gives one
    head: tuple[Span, ...] = ()        # the head word(s) a coreference match must touch; () = core

    @property
    def start(self) -> int:
        return self.fragments[0].start

    @property
    def end(self) -> int:
        return max(f.end for f in self.fragments)

    @property
    def scored(self) -> bool:
        return self.named and not self.nested

    def types(self) -> frozenset[str]:
        return self.accepts or ACCEPTS[self.type]

    def extents(self) -> frozenset[tuple[int, int]]:
        """The (start, end) a predicted mention may have to match exactly: the whole mention, or
        its name alone without descriptors."""
        core = self.core or self.fragments
        return frozenset({(self.start, self.end), (core[0].start, max(f.end for f in core))})

    def coverage(self) -> frozenset[int]:
        return frozenset(i for f in self.fragments for i in range(f.start, f.end))

    def core_coverage(self) -> frozenset[int]:
        return frozenset(i for f in (self.core or self.fragments) for i in range(f.start, f.end))

    def head_coverage(self) -> frozenset[int]:
        return frozenset(i for f in (self.head or self.core or self.fragments) for i in range(f.start, f.end))


@dataclass(frozen=True, slots=True)
class Participant:
    """One participant of a gold meeting: the entity (or alternative entities) and its names."""
    names: tuple[str, ...]
    spans: tuple[Span, ...] = ()       # where the entity is mentioned in the text
    entities: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()       # actor ids, where the gold names them (Dyad's own records)


@dataclass(frozen=True, slots=True)
class GoldMeeting:
    id: str
    participants: tuple[Participant, ...]
    modality: str | None = None


@dataclass(frozen=True, slots=True)
class GoldChain:
    """One entity's mentions in a document, in text order."""
    id: str
    mentions: tuple[GoldMention, ...]


@dataclass(frozen=True, slots=True)
class GoldActor:
    """One participant of a gold event: the dataset's entities that name it (a person and the
    profession they work as, "министра" and "Лавров", are one actor) with their types, roles
    (AGENT, PARTICIPANT_IN), spans and texts."""
    ids: tuple[str, ...]
    types: tuple[str, ...]
    roles: tuple[str, ...]
    spans: tuple[Span, ...]
    texts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """An event trigger ("встретился", "арест") and the actors the dataset ties to it."""
    id: str
    trigger: Span
    text: str
    actors: tuple[GoldActor, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    text: str
    date: str | None
    mentions: tuple[GoldMention, ...] = ()
    meetings: tuple[GoldMeeting, ...] | None = None   # None: the dataset annotates no meetings
    chains: tuple[GoldChain, ...] | None = None       # None: the dataset annotates no coreference
    events: tuple[GoldEvent, ...] | None = None       # None: the dataset annotates no events


def flatten(mentions: list[GoldMention]) -> tuple[GoldMention, ...]:
    """Merge same-extent siblings, then flag the mentions nested inside another one."""
    by_cover: dict[frozenset[int], list[GoldMention]] = {}
    for m in mentions:
        by_cover.setdefault(m.coverage(), []).append(m)
    merged: list[GoldMention] = []
    for group in by_cover.values():
        named = [m for m in group if m.named] or group
        head = min(named, key=lambda m: SIBLING_RANK.index(m.type))
        accepts = frozenset().union(*(m.types() for m in named))
        merged.append(replace(head, accepts=accepts) if len(group) > 1 else head)
    covers = [(m, m.coverage()) for m in merged]
    out = []
    for m, cover in covers:
        nested = any(cover < other for o, other in covers if o is not m)
        out.append(replace(m, nested=nested) if nested else m)
    out.sort(key=lambda m: (m.start, -m.end, m.id))
    return tuple(out)
