"""The record contract: frozen dataclasses for everything the pipeline produces.

See docs/schema.md. Offsets are Python string indices into ``Document.text`` (end exclusive).
``to_json`` helpers turn records into the JSON shape `dyad extract` prints.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, asdict
from typing import Any

ACTOR_KINDS = ("country", "person", "organization", "igo", "place", "region", "initiative", "group")
MODALITIES = (None, "historical", "future", "hypothetical", "intent")
FACT_KINDS = (
    "trade_turnover", "export", "import", "investment", "loan", "aid",
    "rank", "membership", "stance", "sector",
)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    date: str | None = None          # YYYY-MM-DD
    lang: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None        # path or URL it was read from
    encoding: str = "utf-8"
    date_source: str | None = None   # given | text (estimated from the text) | none
    date_precision: str | None = None    # day | month | year (of ``date``)


@dataclass(frozen=True, slots=True)
class ActorRef:
    id: str
    name: str
    kind: str
    country: str | None = None
    code: str | None = None
    role: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    # As an event's or fact's argument: the resolver rule of the mention it came from and how sure
    # that was. Not part of the actor's identity (equal actors compare equal whatever these say).
    rule: str | None = field(default=None, compare=False)
    confidence: float | None = field(default=None, compare=False)

    def to_json(self) -> dict[str, Any]:
        d = {"id": self.id, "name": self.name, "kind": self.kind, "country": self.country,
             "code": self.code, "role": self.role}
        if self.kind == "place" or self.lat is not None:
            d.update(lat=self.lat, lon=self.lon, geonames_id=self.geonames_id)
        if self.rule is not None:
            d.update(rule=self.rule, confidence=self.confidence)
        return d


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    type: str                        # PER, ORG, LOC (NER) or ADJ, TITLE, ANAPHOR, ABBR ...
    norm: str | None = None
    actor: ActorRef | None = None
    rule: str | None = None          # how it was resolved
    members: tuple[ActorRef, ...] = ()   # for a group anaphor ("двух стран"): the actors it names
    confidence: float = 1.0          # how sure the resolver is of ``actor`` (0-1)
    warnings: tuple[str, ...] = ()   # e.g. W201: the named person did not hold the title beside the name

    def to_json(self) -> dict[str, Any]:
        d = {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
             "norm": self.norm, "actor": self.actor.to_json() if self.actor else None,
             "rule": self.rule, "confidence": self.confidence, "warnings": list(self.warnings)}
        if self.members:
            d["members"] = [a.to_json() for a in self.members]
        return d


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Plover:
    type: str
    mode: str | None = None
    context: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    date: str | None
    date_precision: str | None       # day | week | month | year
    sources: tuple[ActorRef, ...]
    targets: tuple[ActorRef, ...]
    cameo: str
    goldstein: float | None
    plover: Plover | None
    location: Location | None
    trigger: Span
    trigger_text: str
    evidence: Span
    negated: bool = False
    modality: str | None = None
    rule: str = ""
    confidence: float = 1.0
    quad_class: int | None = None
    mentions: tuple[Span, ...] = ()  # further evidence spans of the same event in this document

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "date": self.date, "date_precision": self.date_precision,
            "sources": [a.to_json() for a in self.sources],
            "targets": [a.to_json() for a in self.targets],
            "cameo": self.cameo, "goldstein": self.goldstein, "quad_class": self.quad_class,
            "plover": self.plover.to_json() if self.plover else None,
            "location": self.location.to_json() if self.location else None,
            "trigger": {"start": self.trigger.start, "end": self.trigger.end, "text": self.trigger_text},
            "evidence": {"start": self.evidence.start, "end": self.evidence.end},
            "negated": self.negated, "modality": self.modality, "rule": self.rule,
            "confidence": self.confidence,
            "mentions": [{"start": s.start, "end": s.end} for s in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Period:
    start: str                       # YYYY-MM-DD
    end: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Change:
    kind: str                        # percent | multiple
    value: float
    baseline: Period | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "value": self.value,
                "baseline": self.baseline.to_json() if self.baseline else None}


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    kind: str
    subject: ActorRef
    object: ActorRef | None
    evidence: Span
    rule: str
    period: Period | None = None
    value: float | None = None
    unit: str | None = None
    comparator: str = "="            # = > < ~
    change: Change | None = None
    attributes: tuple[tuple[str, Any], ...] = ()   # frozen mapping; see .attrs

    @property
    def attrs(self) -> dict[str, Any]:
        return dict(self.attributes)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "subject": self.subject.to_json(),
            "object": self.object.to_json() if self.object else None,
            "period": self.period.to_json() if self.period else None,
            "value": self.value, "unit": self.unit, "comparator": self.comparator,
            "change": self.change.to_json() if self.change else None,
            "attributes": {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.attributes},
            "evidence": {"start": self.evidence.start, "end": self.evidence.end},
            "rule": self.rule,
        }


POLARITIES = ("pos", "neg")


@dataclass(frozen=True, slots=True)
class Attitude:
    """A document's attitude of one actor to another (docs/schema.md): pos (for) or neg
    (against), decided from the sentences where the two meet (the attitude classifier), stance
    facts and support/criticise events; every sentence or record span that counted is cited."""
    id: str
    source: ActorRef
    target: ActorRef
    polarity: str                    # pos | neg
    score: float                     # how sure (0-1): the document model's probability, or the rules'
    evidence: tuple[Span, ...]       # the sentences (and event/fact spans) that counted
    rule: str                        # code.attitudes.v1[+stance][+event] (see docs/schema.md)
    date: str | None = None          # the document's date
    sentences: int = 0               # sentences where the two actors meet

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "source": self.source.to_json(), "target": self.target.to_json(),
            "polarity": self.polarity, "score": self.score, "date": self.date,
            "evidence": [{"start": s.start, "end": s.end} for s in self.evidence],
            "rule": self.rule, "sentences": self.sentences,
        }


@dataclass(frozen=True, slots=True)
class Record:
    """Everything Dyad extracted from one document."""
    document: Document
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    facts: tuple[Fact, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    attitudes: tuple[Attitude, ...] = ()

    def to_json(self) -> dict[str, Any]:
        d = self.document
        return {
            "id": d.id, "date": d.date, "date_source": d.date_source,
            "date_precision": d.date_precision, "lang": d.lang, "title": d.title, "url": d.url,
            "text": d.text,
            "mentions": [m.to_json() for m in self.mentions],
            "events": [e.to_json() for e in self.events],
            "facts": [f.to_json() for f in self.facts],
            "attitudes": [a.to_json() for a in self.attitudes],
        }


# --- pickling -----------------------------------------------------------------------------

def pickled_as_tuple(cls):
    """Pickle a slotted dataclass as its constructor's arguments. Python's own state functions for
    slotted dataclasses call ``dataclasses.fields()`` for every object they restore, which made
    unpickling a chunk's records (worker to writer) cost more than processing half a document,
    and loading the cached gazetteer a fifth slower."""
    names = tuple(f.name for f in fields(cls))
    if not all(f.init for f in fields(cls)):
        raise TypeError(f"{cls.__name__} has fields its constructor does not take")

    def __reduce__(self):
        return cls, tuple(getattr(self, name) for name in names)

    cls.__reduce__ = __reduce__
    return cls


for _cls in (Span, Document, ActorRef, Mention, Location, Plover, Event, Period, Change, Fact,
             Attitude, Record):
    pickled_as_tuple(_cls)
