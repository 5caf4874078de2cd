"""The API's answers as typed models (pydantic): what ``/openapi.json`` shows for every route.

A stored record (an event, a fact) is the record of docs/schema.md with a few fields added; its
main fields are typed here and any other field of the record passes through as it is
(``extra="allow"``), so a record written by a newer coder or another tool is never cut. The error
answers (:class:`Problem`, :class:`Invalid`) are those FastAPI gives, documented for every route
in :data:`ERRORS`.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Problem(BaseModel):
    """A refusal: 401 (no Bearer token), 403 (wrong token, or writes disabled), 404 (unknown id,
    actor or pair), 413 (body above DYAD_MAX_BODY)."""
    detail: str = Field(examples=["no actor 'XXX'"])


class InvalidItem(_Open):
    loc: list[str | int]
    msg: str
    type: str


class Invalid(BaseModel):
    """422: a parameter that is not valid (its place in ``loc``), an unknown CAMEO code or PLOVER
    type, a range whose start is after its end."""
    detail: list[InvalidItem]


ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "Unknown id, actor or pair"},
    422: {"model": Invalid, "description": "Invalid parameter, unknown code or reversed range"},
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "No `Authorization: Bearer` header"},
    403: {"model": Problem, "description": "Wrong token, or writes disabled (DYAD_TOKEN unset)"},
    413: {"model": Problem, "description": "Body above DYAD_MAX_BODY bytes"},
    422: ERRORS[422],
}


class Page(BaseModel):
    total: int = Field(description="every match, not only this page")
    limit: int
    offset: int


# --- records ------------------------------------------------------------------------------
class ActorRef(_Open):
    id: str
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    code: str | None = None
    role: str | None = None


class Span(_Open):
    start: int | None = None
    end: int | None = None
    text: str | None = None


class DocumentRef(BaseModel):
    id: str
    title: str | None = None
    heading: str | None = Field(None, description="the title, else the text's first line: how pages list it")
    date: str | None = None
    url: str | None = None


class Event(_Open):
    """One stored event: docs/schema.md's record, its store ``id``, ``cameo_name``, the evidence
    text, its document and its cross-article cluster."""
    id: str
    local_id: str | None = None
    cameo: str | None = None
    cameo_name: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    plover: dict[str, Any] | None = None
    date: str | None = None
    date_precision: str | None = None
    sources: list[ActorRef] = []
    targets: list[ActorRef] = []
    location: dict[str, Any] | None = None
    trigger: Span = Span()
    evidence: Span = Span()
    negated: bool | None = None
    modality: str | None = None
    rule: str | None = None
    confidence: float | None = None
    cluster_id: str | None = None
    num_mentions: int | None = None
    num_articles: int | None = None
    num_sources: int | None = None
    document: DocumentRef


class Fact(_Open):
    """One stored fact: kind, subject and object, value with unit and comparator, period, change,
    attributes, evidence, rule and document."""
    id: str
    local_id: str | None = None
    kind: str
    subject: ActorRef | None = None
    object: ActorRef | None = None
    value: float | None = None
    unit: str | None = None
    comparator: str | None = None
    period: dict[str, Any] | None = None
    change: dict[str, Any] | None = None
    attributes: dict[str, Any] = {}
    evidence: Span = Span()
    rule: str | None = None
    document: DocumentRef


class Mention(_Open):
    start: int
    end: int
    text: str | None = None
    type: str | None = None
    norm: str | None = None
    rule: str | None = None
    actor: ActorRef | None = None
    confidence: float | None = None
    warnings: list[Any] = []


class Attitude(_Open):
    """One stored attitude (docs/schema.md): who is for or against whom in a document, from its
    sentences, each sentence that counted cited in ``evidence``."""
    id: str
    source: ActorRef
    target: ActorRef
    polarity: str = Field(description="pos | neg")
    score: float | None = None
    date: str | None = None
    evidence: list[Span] = []
    rule: str | None = None
    document: DocumentRef | None = None


class AttitudePage(Page):
    items: list[Attitude]


class AttitudeMonth(_Open):
    month: str
    pos: int = 0
    neg: int = 0
    score: dict[str, float] = Field({}, description="polarity -> mean score")


class AttitudeMonths(BaseModel):
    """A pair's attitudes per month in each direction (the dyad page's attitude chart)."""
    a: str
    b: str
    a_to_b: list[AttitudeMonth]
    b_to_a: list[AttitudeMonth]


class EventPage(Page):
    items: list[Event]


class FactPage(Page):
    items: list[Fact]


# --- dyads --------------------------------------------------------------------------------
class EventType(BaseModel):
    cameo: str | None
    name: str | None
    events: int


class DyadSummary(BaseModel):
    a: str
    b: str
    min_confidence: float
    events: int
    first_month: str | None
    last_month: str | None
    goldstein: float | None
    by_quad: dict[str, int]
    top_event_types: list[EventType]
    facts: dict[str, int]


class Month(BaseModel):
    month: str = Field(examples=["2025-08"])
    events: int
    by_quad: dict[str, int]
    goldstein: float | None


class Timeline(BaseModel):
    a: str
    b: str
    min_confidence: float
    quad_classes: dict[str, str]
    months: list[Month]


class DyadCount(BaseModel):
    a: str
    b: str
    events: int


class DyadPage(Page):
    items: list[DyadCount]


# --- actors, documents, search -----------------------------------------------------------
class ActorHit(_Open):
    id: str
    kind: str | None = None
    name: str | None = None
    name_en: str | None = None
    country: str | None = None
    code: str | None = None
    source: str = Field(description="kb: the knowledge base; store: seen in the stored records")


class ActorPage(Page):
    q: str
    items: list[ActorHit]


class Partner(BaseModel):
    id: str
    name: str | None = None
    events: int
    goldstein: float | None
    cooperation: int
    conflict: int


class Link(BaseModel):
    source: str
    target: str
    events: int
    goldstein: float | None


class Actor(_Open):
    id: str
    kind: str | None
    name: str | None
    name_en: str | None
    country: str | None
    code: str | None
    min_confidence: float
    partners: list[Partner]
    links: list[Link]
    aliases: list[str] = []
    memberships: list[dict[str, Any]] = []
    offices: list[dict[str, Any]] = []


class DocumentItem(BaseModel):
    id: str
    date: str | None
    date_source: str | None = None
    date_precision: str | None = None
    title: str | None
    heading: str | None = None
    lang: str | None
    url: str | None
    length: int


class DocumentPage(Page):
    items: list[DocumentItem]


class Document(BaseModel):
    id: str
    date: str | None
    date_source: str | None
    date_precision: str | None
    lang: str | None
    title: str | None
    url: str | None
    source: str | None
    encoding: str | None
    text: str
    ingested_at: str | None
    heading: str | None = None
    warnings: list[Any]
    mentions: list[Mention]
    events: list[Event]
    facts: list[Fact]


class Snippet(BaseModel):
    text: str
    match: bool


class SearchHit(BaseModel):
    id: str
    date: str | None
    title: str | None
    heading: str | None = None
    snippet: list[Snippet]


class SearchPage(Page):
    q: str
    items: list[SearchHit]


class Stored(BaseModel):
    """An upload's answer: 201 stored, 200 the same text was already stored."""
    id: str
    stored: bool
    mentions: int | None = None
    events: int | None = None
    facts: int | None = None
    warnings: list[Any] | None = None


class Version(BaseModel):
    dyad: str
    python: str
    database: str
    schema_: str | None = Field(alias="schema", serialization_alias="schema")
    sqlalchemy: str
    fastapi: str

    model_config = ConfigDict(populate_by_name=True)


class Stage(BaseModel):
    name: str
    id: str
    requires: list[str]
    provides: list[str]
    doc: str | None


class LanguageStages(BaseModel):
    stages: list[Stage]
    problems: list[str]


class Pipeline(BaseModel):
    stages: list[Stage]
    problems: list[str]
    languages: dict[str, LanguageStages]


class AlertDocument(BaseModel):
    id: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None


class AlertEvidence(_Open):
    """An event (``event``) or a fact (``fact``) that fired the alert, with its sentence and document."""
    event: str | None = None
    fact: str | None = None
    date: str | None = None
    sentence: str | None = None
    document: AlertDocument


class Alert(BaseModel):
    """One alert fired by a rule (docs/monitor.md): ``kind`` event, fact or shift; ``figures``:
    what fired it (an event's CAMEO code, PLOVER type and Goldstein score; a fact's value; a
    shift's week, value, baseline and z); ``evidence``: the records with their sentences."""
    id: int
    rule_id: int
    rule: str
    kind: str = Field(examples=["event"])
    pair: list[str]
    a: str
    b: str | None = None
    fired_at: str
    date: str | None = None
    key: str
    figures: dict[str, Any]
    evidence: list[AlertEvidence]


class AlertPage(Page):
    items: list[Alert]
