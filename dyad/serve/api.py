"""The HTTP API and the web pages: one FastAPI app on the configured store (``create_app``).

JSON under ``/api/``, the spec at ``/openapi.json``, its docs at ``/docs`` (Swagger UI served from
``/static/vendor``, no CDN), introspection at ``/-/version`` and ``/-/pipeline``; the pages live in
:mod:`dyad.serve.web.pages`. Read-only, except ``POST /api/documents``, which needs
``Authorization: Bearer $DYAD_TOKEN`` and is refused (403) while ``DYAD_TOKEN`` is unset.

Every parameter is validated (an invalid one answers 422, never 500), pages are capped at
``queries.PAGE_MAX`` items and exports at ``queries.EXPORT_MAX`` rows; the queries bind every value.
Every stored id has an address (dyad.serve.ids). Every answer carries the security headers, and a
write's token and size are checked before its body is read (dyad.serve.guard). An upload's
pipeline runs on a pool of its own (UPLOAD_WORKERS threads), so reads are answered meanwhile.
See docs/api.md.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import replace

import asyncio
import datetime as dt
import platform
import re
from typing import Annotated, Iterable, Literal

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path, Query
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, field_validator

from .. import __version__
from ..store import Store, open_store
from ..store import attitudes as QA
from ..store import queries as Q
from ..types import FACT_KINDS
from . import export as EX
from . import ids
from . import models as M
from .checks import in_order, invalid, known_actors, known_codes
from .guard import Guard, max_body, token_problem
from .ids import ACTOR_ID, COUNTRY, DOC_ID, PAIR, RECORD_ID

NO_NUL = r"^[^\x00]*$"
CAMEO = re.compile(r"^\d{2,4}$")
PLOVER = re.compile(r"^[A-Z_]{2,16}$")
MAX_UPLOAD = 1_000_000       # characters of one uploaded article
UPLOAD_WORKERS = 2           # uploads whose pipeline runs at once; the others wait their turn

Limit = Annotated[int, Query(ge=1, le=Q.PAGE_MAX, description=f"page size, at most {Q.PAGE_MAX}")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="items to skip")]
Day = Annotated[dt.date | None, Query(description="YYYY-MM-DD, inclusive")]
Actors = Annotated[list[str], Query(max_length=10, description="actor id or country code; repeat for more "
                                                                "(every one must take part)")]
MinConfidence = Annotated[float, Query(ge=0, le=1, description="only events whose confidence is at least this "
                                                               "(0-1); 0 counts every event")]


_invalid = invalid


def _each(values: Iterable[str], pattern: re.Pattern | str, name: str) -> tuple[str, ...]:
    rx = re.compile(pattern) if isinstance(pattern, str) else pattern
    for v in values:
        if not rx.match(v):
            raise _invalid(name, v, f"does not match {rx.pattern}")
    return tuple(values)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def event_filter(actor: Actors = [], start: Day = None, end: Day = None,
                 cameo: Annotated[list[str], Query(max_length=20, description="CAMEO code or prefix (2-4 digits)")] = [],
                 quad_class: Annotated[list[int], Query(max_length=4, description="1-4")] = [],
                 plover: Annotated[list[str], Query(max_length=20, description="PLOVER event type")] = [],
                 document: Annotated[str | None, Query(pattern=DOC_ID)] = None,
                 min_confidence: MinConfidence = 0.0) -> Q.EventFilter:
    for q in quad_class:
        if q not in (1, 2, 3, 4):
            raise _invalid("quad_class", str(q), "must be 1, 2, 3 or 4")
    known_codes(_each(cameo, CAMEO, "cameo"), _each(plover, PLOVER, "plover"))
    in_order(_iso(start), _iso(end))
    return Q.EventFilter(actors=_each(actor, ACTOR_ID, "actor"), start=_iso(start), end=_iso(end),
                         cameo=_each(cameo, CAMEO, "cameo"), quad_class=tuple(quad_class),
                         plover_type=_each(plover, PLOVER, "plover"), document=document,
                         min_confidence=min_confidence)


def pair_filter(start: Day = None, end: Day = None,
                cameo: Annotated[list[str], Query(max_length=20, description="CAMEO code or prefix (2-4 digits)")] = [],
                plover: Annotated[list[str], Query(max_length=20, description="PLOVER event type")] = [],
                direction: Annotated[Literal["both", "ab", "ba"], Query(
                    description="both; ab: A acts on B; ba: B acts on A")] = "both",
                min_confidence: MinConfidence = 0.0) -> tuple[Q.EventFilter, str]:
    """A pair's filters (the dyad page's) and the direction, applied once the pair is known."""
    known_codes(_each(cameo, CAMEO, "cameo"), _each(plover, PLOVER, "plover"))
    in_order(_iso(start), _iso(end))
    return Q.EventFilter(start=_iso(start), end=_iso(end), cameo=tuple(cameo), plover_type=tuple(plover),
                         min_confidence=min_confidence), direction


def fact_filter(actor: Actors = [], start: Day = None, end: Day = None,
                kind: Annotated[list[str], Query(max_length=len(FACT_KINDS), description=", ".join(FACT_KINDS))] = [],
                document: Annotated[str | None, Query(pattern=DOC_ID)] = None) -> Q.FactFilter:
    for k in kind:
        if k not in FACT_KINDS:
            raise _invalid("kind", k, "must be one of " + ", ".join(FACT_KINDS))
    in_order(_iso(start), _iso(end))
    return Q.FactFilter(actors=_each(actor, ACTOR_ID, "actor"), start=_iso(start), end=_iso(end),
                        kinds=tuple(kind), document=document)


def attitude_filter(actor: Actors = [], start: Day = None, end: Day = None,
                    polarity: Annotated[Literal["pos", "neg"] | None, Query(description="pos | neg")] = None,
                    document: Annotated[str | None, Query(pattern=DOC_ID)] = None,
                    min_confidence: Annotated[float, Query(ge=0, le=1, description="only attitudes whose "
                                                           "score is at least this (0-1)")] = 0.0
                    ) -> Q.AttitudeFilter:
    return Q.AttitudeFilter(actors=_each(actor, ACTOR_ID, "actor"), start=_iso(start), end=_iso(end),
                            polarity=polarity, document=document, min_confidence=min_confidence)


class Upload(BaseModel):
    """One article to ingest (the same fields as a JSON Lines input)."""
    text: str = Field(min_length=1, max_length=MAX_UPLOAD)
    date: dt.date
    id: str | None = Field(None, pattern=DOC_ID)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    lang: str | None = Field(None, pattern=r"^[a-z]{2,3}$")

    @field_validator("text", "title", "url")
    @classmethod
    def _no_nul(cls, v: str | None) -> str | None:
        if v is not None and "\x00" in v:
            raise ValueError("must not contain NUL characters")
        return v

    @field_validator("id")
    @classmethod
    def _addressable(cls, v: str | None) -> str | None:
        if v in ids.DOT_SEGMENTS:
            raise ValueError("'.' and '..' cannot be part of a URL path; choose another id")
        return v


bearer = HTTPBearer(auto_error=False, description="the token set in DYAD_TOKEN on the server")


def require_token(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """Writes need ``Authorization: Bearer $DYAD_TOKEN``; none are allowed while it is unset. The
    Guard has checked it before reading the body; this states it in the spec, and checks again."""
    header = f"{credentials.scheme} {credentials.credentials}" if credentials else None
    problem = token_problem(header)
    if problem is not None:
        status, message, headers = problem
        raise HTTPException(status, message, headers=headers or None)


MEDIA = {"tsv" if k == "gdelt" else k: v for k, v in EX.MEDIA.items() if k != "plover"}


def export_response(engine, fmt: str, f, limit: int, facts: bool = False) -> Response:
    """The export in ``fmt`` (csv, jsonl, parquet, gdelt), written by dyad.serve.export as
    ``dyad export`` writes it."""
    name = ("facts" if facts else "events") + ("-gdelt" if fmt == "gdelt" else "")
    return file_response(EX.chunks(fmt, engine, f, limit, facts), fmt, name)


def file_response(body, fmt: str, name: str) -> Response:
    """An export's pieces as the file download (parquet whole, the text formats streamed)."""
    headers = {"Content-Disposition": f'attachment; filename="{name}.{EX.SUFFIX.get(fmt, fmt)}"'}
    if fmt == "parquet":
        return Response(b"".join(body), media_type=EX.MEDIA[fmt], headers=headers)
    return StreamingResponse(body, media_type=EX.MEDIA[fmt], headers=headers)


def _ingest_one(store: Store, doc) -> JSONResponse:
    """The pipeline and the store for one uploaded article (on the upload pool, off the event loop)."""
    from ..pipeline import process
    if store.has(doc.text):
        return JSONResponse({"id": doc.id, "stored": False}, status_code=200)
    record = process(doc)
    stored = store.save(record)
    return JSONResponse({"id": doc.id, "stored": stored, "mentions": len(record.mentions),
                         "events": len(record.events), "facts": len(record.facts),
                         "warnings": list(record.warnings)}, status_code=201 if stored else 200)


def api_router(store: Store, uploads: ThreadPoolExecutor) -> APIRouter:
    r = APIRouter(prefix="/api", responses=M.ERRORS)
    engine = store.engine

    def found(value: dict | None, what: str, key: str) -> dict:
        if value is None:
            raise HTTPException(404, f"no {what} {key!r}")
        return value

    def sides(a: str, b: str) -> tuple[str, str]:
        a, b = ids.country(a), ids.country(b)
        known_actors(engine, (a, b))
        return a, b

    def pair_of(a: str, b: str, fd: tuple[Q.EventFilter, str]) -> Q.EventFilter:
        (a, b), (f, direction) = sides(a, b), fd
        return replace(f, pair=(b, a) if direction == "ba" else (a, b), directed=direction != "both")

    def with_pair(f, pair: str | None):
        if f.actors:
            known_actors(engine, f.actors)
        if pair:
            f = replace(f, pair=sides(*ids.pair(pair)))
        return f

    @r.get("/dyads/{a}/{b}", tags=["dyads"], summary="Totals for a pair of countries", response_model=M.DyadSummary)
    def dyad(a: Annotated[str, Path(pattern=COUNTRY)], b: Annotated[str, Path(pattern=COUNTRY)],
             f: Annotated[tuple[Q.EventFilter, str], Depends(pair_filter)]) -> dict:
        """Events (each counted once, both directions unless ``direction``; with ``min_confidence``,
        those at least that sure; ``cameo``, ``plover``: those types), mean Goldstein, quad classes,
        top CAMEO event types, and the number of facts by kind. 404 when the knowledge base and the
        store know a side by neither id nor code. The filters are the dyad page's."""
        return Q.pair_summary(engine, pair_of(a, b, f))

    @r.get("/dyads/{a}/{b}/timeline", tags=["dyads"], summary="Events per month by quad class",
           response_model=M.Timeline)
    def timeline(a: Annotated[str, Path(pattern=COUNTRY)], b: Annotated[str, Path(pattern=COUNTRY)],
                 f: Annotated[tuple[Q.EventFilter, str], Depends(pair_filter)]) -> dict:
        """The filters of :func:`dyad` (the dyad page's)."""
        return Q.pair_timeline(engine, pair_of(a, b, f))

    @r.get("/dyads", tags=["dyads"], summary="The pairs with the most events", response_model=M.DyadPage)
    def dyads(limit: Limit = 20, offset: Offset = 0, min_confidence: MinConfidence = 0.0) -> dict:
        return Q.dyads(engine, limit, offset, min_confidence)

    @r.get("/events", tags=["events"], summary="Events, newest first, with filters and paging",
           response_model=M.EventPage)
    def events(f: Annotated[Q.EventFilter, Depends(event_filter)], limit: Limit = 50, offset: Offset = 0,
               pair: Annotated[str | None, Query(pattern=PAIR, description="two countries, e.g. AZE-CHN")] = None
               ) -> dict:
        """An unknown actor or side of ``pair`` answers 404; an unknown CAMEO code or PLOVER type,
        or a ``start`` after the ``end``, 422."""
        return Q.events(engine, with_pair(f, pair), limit, offset)

    @r.get("/events/{event_id:id}", tags=["events"], summary="One event", response_model=M.Event)
    def event(event_id: Annotated[str, Path(pattern=RECORD_ID)]) -> dict:
        return found(Q.event(engine, event_id), "event", event_id)

    @r.get("/facts", tags=["facts"], summary="Facts, latest period first, with filters and paging",
           response_model=M.FactPage)
    def facts(f: Annotated[Q.FactFilter, Depends(fact_filter)], limit: Limit = 50, offset: Offset = 0,
              pair: Annotated[str | None, Query(pattern=PAIR)] = None) -> dict:
        return Q.facts(engine, with_pair(f, pair), limit, offset)

    @r.get("/facts/{fact_id:id}", tags=["facts"], summary="One fact", response_model=M.Fact)
    def fact(fact_id: Annotated[str, Path(pattern=RECORD_ID)]) -> dict:
        return found(Q.fact(engine, fact_id), "fact", fact_id)

    def attitude_pair(f: Q.AttitudeFilter, pair: str | None) -> Q.AttitudeFilter:
        """The filter with its actors and ``pair`` checked (404 for an unknown one, 422 for a
        start after the end)."""
        in_order(f.start, f.end)
        if f.actors:
            known_actors(engine, f.actors)
        if pair:
            sides_ = ids.pair(pair)
            known_actors(engine, sides_)
            f = replace(f, pair=sides_)
        return f

    @r.get("/attitudes", tags=["attitudes"], summary="Attitudes (who is for, who against whom), "
                                                      "newest first, with filters and paging",
           response_model=M.AttitudePage)
    def attitudes(f: Annotated[Q.AttitudeFilter, Depends(attitude_filter)], limit: Limit = 50,
                  offset: Offset = 0, pair: Annotated[str | None, Query(pattern=PAIR)] = None) -> dict:
        """``pair=A-B``: the attitudes of A to B and of B to A (actor ids' countries or the ids)."""
        return QA.attitudes(engine, attitude_pair(f, pair), limit, offset)

    @r.get("/attitudes/{attitude_id:id}", tags=["attitudes"], summary="One attitude", response_model=M.Attitude)
    def attitude(attitude_id: Annotated[str, Path(pattern=RECORD_ID)]) -> dict:
        return found(QA.attitude(engine, attitude_id), "attitude", attitude_id)

    @r.get("/dyads/{a}/{b}/attitudes", tags=["dyads"], summary="Attitudes per month, each direction",
           response_model=M.AttitudeMonths)
    def dyad_attitudes(a: Annotated[str, Path(pattern=COUNTRY)], b: Annotated[str, Path(pattern=COUNTRY)],
                       start: Day = None, end: Day = None, min_confidence: Annotated[
                           float, Query(ge=0, le=1, description="least attitude score (0-1)")] = 0.0) -> dict:
        in_order(_iso(start), _iso(end))
        a, b = ids.country(a), ids.country(b)
        known_actors(engine, (a, b))
        return QA.attitude_months(engine, a, b, _iso(start), _iso(end), min_confidence)

    @r.get("/alerts", tags=["alerts"], summary="Alerts fired by the monitor's rules, newest first",
           response_model=M.AlertPage)
    def alerts(pair: Annotated[str | None, Query(pattern=PAIR, description="two countries, e.g. AZE-ARM")] = None,
               actor: Annotated[str | None, Query(pattern=ACTOR_ID, description="an actor id or country code")] = None,
               limit: Limit = 50, offset: Offset = 0) -> dict:
        """Each alert: its rule, pair, when it fired, the figures that fired it and the evidence
        (events or facts with their sentences and documents); docs/monitor.md. ``pair`` either way."""
        from ..store import monitor as MON
        a, b = sides(*ids.pair(pair)) if pair else (actor, None)
        return MON.alerts(engine, a, b, limit, offset)

    @r.get("/actors", tags=["actors"], summary="Search actors by name, alias or id", response_model=M.ActorPage)
    def actors(q: Annotated[str, Query(min_length=1, max_length=200, pattern=NO_NUL)], limit: Limit = 20,
               offset: Offset = 0) -> dict:
        """Any alias in any case form (a word's normal form is tried when the form itself finds
        none: "Эрдогану"); the knowledge base first, then actors seen in the store (no groups)."""
        return {"q": q, **Q.actor_page(engine, q, limit, offset)}

    @r.get("/actors/{actor_id:id}", tags=["actors"], summary="One actor with its partners network",
           response_model=M.Actor)
    def actor(actor_id: Annotated[str, Path(pattern=ACTOR_ID)],
              partners: Annotated[int, Query(ge=1, le=200)] = 30, min_confidence: MinConfidence = 0.0) -> dict:
        """Partners are weighted by the events (with ``min_confidence``, those at least that sure)."""
        return found(Q.actor_show(engine, actor_id, partners, min_confidence), "actor", actor_id)

    @r.get("/documents", tags=["documents"], summary="Stored documents, newest first", response_model=M.DocumentPage)
    def documents(start: Day = None, end: Day = None, limit: Limit = 50, offset: Offset = 0) -> dict:
        in_order(_iso(start), _iso(end))
        return Q.documents(engine, _iso(start), _iso(end), limit, offset)

    @r.get("/documents/{doc_id:id}", tags=["documents"], summary="One document with its annotations",
           response_model=M.Document)
    def document(doc_id: Annotated[str, Path(pattern=DOC_ID)], min_confidence: MinConfidence = 0.0) -> dict:
        """The text and every mention, event (with ``min_confidence``, those at least that sure) and
        fact found in it; offsets index ``text``."""
        return found(Q.document(engine, doc_id, min_confidence), "document", doc_id)

    @r.post("/documents", tags=["documents"], status_code=201, dependencies=[Depends(require_token)],
            summary="Ingest one article (needs the token)", response_model=M.Stored,
            responses={200: {"model": M.Stored, "description": "The same text was already stored"},
                       **M.WRITE_ERRORS})
    async def upload(body: Upload) -> JSONResponse:
        """Runs the pipeline on the article and stores the record in one transaction. 201 when
        stored, 200 when the same text was already stored. The body is at most DYAD_MAX_BODY
        bytes (413 above it); the pipeline runs on the upload pool while other requests are
        answered."""
        from ..ingest.readers import content_id
        from ..types import Document
        doc = Document(id=body.id or content_id(body.text), text=body.text, date=body.date.isoformat(),
                       lang=body.lang, title=body.title, url=body.url, source="api")
        return await asyncio.get_running_loop().run_in_executor(uploads, _ingest_one, store, doc)

    @r.get("/search", tags=["search"], summary="Full-text search over documents", response_model=M.SearchPage)
    def search(q: Annotated[str, Query(min_length=1, max_length=200, pattern=NO_NUL)],
               limit: Limit = 20, offset: Offset = 0) -> dict:
        """Any word form: FTS5 on SQLite (every word as a prefix, or its normal form, indexed since
        migration 0008), ``websearch_to_tsquery('russian')`` on PostgreSQL (Snowball stems).
        Snippets come as segments; ``match`` marks the words found."""
        return Q.search(engine, q, limit, offset)

    @r.get("/export/events.{fmt}", tags=["exports"], summary="Events as CSV, JSON Lines, Parquet or GDELT TSV",
           response_class=Response, responses={200: {"content": {m: {} for m in MEDIA.values()},
                                                     "description": "The file"}})
    def export_events(fmt: Literal["csv", "jsonl", "parquet", "tsv"],
                      f: Annotated[Q.EventFilter, Depends(event_filter)],
                      limit: Annotated[int, Query(ge=1, le=Q.EXPORT_MAX)] = 10_000,
                      pair: Annotated[str | None, Query(pattern=PAIR)] = None) -> Response:
        """``tsv`` is GDELT 2.0 Events: the 61 columns in GDELT's order under a header line, one row
        per source-target pair of each event (the layout ``dyad export --format gdelt`` writes).
        The others: one row per event."""
        f = with_pair(f, pair)
        return export_response(engine, "gdelt" if fmt == "tsv" else fmt, f, limit)

    @r.get("/export/facts.{fmt}", tags=["exports"], summary="Facts as CSV, JSON Lines or Parquet",
           response_class=Response, responses={200: {"content": {m: {} for m in MEDIA.values()},
                                                     "description": "The file"}})
    def export_facts(fmt: Literal["csv", "jsonl", "parquet"], f: Annotated[Q.FactFilter, Depends(fact_filter)],
                     limit: Annotated[int, Query(ge=1, le=Q.EXPORT_MAX)] = 10_000,
                     pair: Annotated[str | None, Query(pattern=PAIR)] = None) -> Response:
        return export_response(engine, fmt, with_pair(f, pair), limit, facts=True)

    @r.get("/export/attitudes.{fmt}", tags=["exports"], summary="Attitudes as CSV, JSON Lines or Parquet",
           response_class=Response, responses={200: {"content": {m: {} for m in MEDIA.values()},
                                                     "description": "The file"}})
    def export_attitudes(fmt: Literal["csv", "jsonl", "parquet"],
                         f: Annotated[Q.AttitudeFilter, Depends(attitude_filter)],
                         limit: Annotated[int, Query(ge=1, le=Q.EXPORT_MAX)] = 10_000,
                         pair: Annotated[str | None, Query(pattern=PAIR)] = None) -> Response:
        return file_response(EX.attitude_chunks(fmt, engine, attitude_pair(f, pair), limit), fmt, "attitudes")

    return r


def meta_router(store: Store) -> APIRouter:
    r = APIRouter(prefix="/-", tags=["introspection"])

    @r.get("/version", summary="Versions of Dyad, its schema and its libraries", response_model=M.Version)
    def version() -> dict:
        import fastapi
        import sqlalchemy
        return {"dyad": __version__, "python": platform.python_version(), "database": store.engine.dialect.name,
                "schema": Q.schema_revision(store.engine), "sqlalchemy": sqlalchemy.__version__,
                "fastapi": fastapi.__version__}

    @r.get("/pipeline", summary="The pipeline's stages per language: what each requires and provides",
           response_model=M.Pipeline)
    def pipeline() -> dict:
        """``stages`` and ``problems`` are Russian's (the default); ``languages`` gives every
        registered language's stages (dyad/lang/); other languages are stored uncoded (W103)."""
        from ..pipeline import STAGES, check_stages, stages_by_language

        def listed(stages):
            return [{"name": s.name, "id": s.id, "requires": list(s.requires),
                     "provides": list(s.provides), "doc": s.doc} for s in stages]
        return {"stages": listed(STAGES), "problems": check_stages(),
                "languages": {code: {"stages": listed(st), "problems": check_stages(st)}
                              for code, st in stages_by_language().items()}}

    return r


@asynccontextmanager
async def _lifespan(app: FastAPI):
    """Load the knowledge base before the first request rather than during it."""
    from ..resolve.kb import load_kb
    load_kb()
    yield


class DyadApp(FastAPI):
    """FastAPI with the Guard outermost, outside Starlette's error handling: every answer, a 500
    too, carries the security headers, and a write's token and size are checked before its body."""

    def build_middleware_stack(self):
        return Guard(super().build_middleware_stack(), self.state.max_body)


# Swagger UI without an inline script (the CSP allows none): static/swagger-init.js starts it.
SWAGGER_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dyad API</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/vendor/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/static/vendor/swagger-ui-bundle.js"></script>
<script src="/static/swagger-init.js"></script>
</body>
</html>
"""


def create_app(db: str | None = None) -> FastAPI:
    """The app on the database ``db`` (else ``$DYAD_DB``, else sqlite:///dyad.db), migrated on open.
    ``$DYAD_MAX_BODY`` (bytes) bounds a request body; an invalid value is a UsageError (E300)."""
    from .web import pages
    limit = max_body()
    store = open_store(db)
    app = DyadApp(title="Dyad", version=__version__, docs_url=None, redoc_url=None, lifespan=_lifespan,
                  description="Dated, evidence-linked relations between states from Russian news. "
                              "Read-only except `POST /api/documents` (Bearer token). See docs/api.md.")
    app.state.store = store
    app.state.max_body = limit
    app.state.uploads = ThreadPoolExecutor(UPLOAD_WORKERS, thread_name_prefix="dyad-upload")
    app.include_router(api_router(store, app.state.uploads))
    app.include_router(meta_router(store))

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(SWAGGER_PAGE)

    pages.mount(app, store)
    return app
