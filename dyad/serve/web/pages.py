"""The dashboard: server-rendered pages (Jinja2, autoescaped) over the same queries as the API.

    /                 the busiest pairs, the latest documents, a search box
    /dyad/AZE/CHN     cooperation-conflict timeline, trade figures, latest events with evidence,
                      stances, memberships, sectors, source documents
    /actor/AZE        what the knowledge base holds, partners as a network graph, latest events
    /document/{id}    the text annotated: entities by kind, triggers, facts; click shows the record
    /search?q=        documents (full text) and actors

The pages that show events take ``?min_confidence=`` (0-1; a field in their filter form): the
events, their counts and charts are those at least that sure. Each event shows its confidence.

Charts: plotly.js from the installed plotly package, cytoscape.js copied from npm into
static/vendor by ``make install``; nothing from a CDN. The templates hold no inline script, handler
or style (the CSP, dyad.serve.guard): the pages' data reaches their scripts in
``<script type="application/json">`` blocks.

Links: an id in a path is one percent-encoded segment (``|segment``, dyad.serve.ids); a
document's ``url`` is a link only when it is an absolute http(s) URL (:func:`web_link`), else it is
shown as text: a ``javascript:`` or ``data:`` URL from a feed or an upload never becomes an href.
"""
from __future__ import annotations

import re
from pathlib import Path
import datetime as dt
from typing import Annotated, Literal

from fastapi import FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from ...code.dyads import sides_text
from ...store import Store
from ...store import attitudes as QA
from ...store import queries as Q
from ..checks import invalid, known_actors
from ..ids import ACTOR_ID, COUNTRY, DOC_ID, WEB_URL, country, segment, web_link  # noqa: F401
from ..words import figure, money
from . import dyad_view as V
from .annotate import entity_kind, highlight, segments

WEB = Path(__file__).resolve().parent
ENTITY_KINDS = ("country", "person", "organization", "igo", "place", "region", "initiative", "group",
                "per", "org", "loc", "other")
STANCE_KINDS = ("stance",)
JSON_PREFIXES = ("/api/", "/-/", "/openapi.json", "/docs", "/static/")



def templates() -> Environment:
    env = Environment(loader=FileSystemLoader(WEB / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(quad_classes=Q.QUAD_CLASSES, highlight=highlight, sides=sides, web_link=web_link)
    env.filters["money"] = money
    env.filters["plain"] = plain
    env.filters["segment"] = segment
    env.filters["words"] = V.words
    env.filters["figure"] = figure
    env.globals["query"] = V.query
    return env


def sides(event: dict) -> str:
    """An event's actors: "A → B", "?" for a side the text did not name."""
    return sides_text(event.get("sources") or [], event.get("targets") or [], event.get("rule"))


MinConfidence = Annotated[float, Query(ge=0, le=1)]
Day = Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD; empty: no bound (a form's empty field)")]


def _iso(day: str | None, name: str = "start") -> str | None:
    """A page's date parameter: empty is none (a filter form sends its empty fields), else a real date."""
    if not day:
        return None
    try:
        return dt.date.fromisoformat(day).isoformat()
    except ValueError:
        raise invalid(name, day, "not a date YYYY-MM-DD") from None


def plain(value) -> str:
    """A fact attribute as words: lists joined with commas, codes' underscores as spaces
    (territorial_integrity: territorial integrity)."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(V.words(v) for v in value)
    return V.words(value)


def plotly_js() -> Path:
    import plotly
    return Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


def _name(kb, actor_id: str) -> str:
    a = kb.actors.get(actor_id) if kb is not None else None
    return (a.name_ru or a.name_en) if a else actor_id


def _period(f: dict) -> str:
    p = f.get("period") or {}
    if p.get("start") and p.get("end"):
        return f"{p['start']}..{p['end']}"
    return (f.get("document") or {}).get("date") or ""


def mount(app: FastAPI, store: Store) -> None:
    env = templates()
    engine = store.engine

    def render(template: str, code: int = 200, **context) -> HTMLResponse:
        return HTMLResponse(env.get_template(template).render(**context), status_code=code)

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly() -> FileResponse:
        return FileResponse(plotly_js(), media_type="text/javascript")

    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith(JSON_PREFIXES):
            return await http_exception_handler(request, exc)
        return render("error.html", exc.status_code, status=exc.status_code, message=str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        if request.url.path.startswith(JSON_PREFIXES):
            return await request_validation_exception_handler(request, exc)
        msg = "; ".join(f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg')}" for e in exc.errors())
        return render("error.html", 422, status=422, message=msg)

    def _from(attitude: dict, a: str) -> bool:
        return a in (attitude["source"]["id"], attitude["source"].get("country"))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
              pairs: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> HTMLResponse:
        return render("index.html", dyads=Q.dyads(engine, 20, pairs), docs=Q.documents(engine, limit=20, offset=offset),
                      kb=Q._kb(), name=_name, params={"offset": offset or None, "pairs": pairs or None})

    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad(a: Annotated[str, PathParam(pattern=COUNTRY)], b: Annotated[str, PathParam(pattern=COUNTRY)],
             min_confidence: MinConfidence = 0.0, start: Day = None, end: Day = None,
             cameo: Annotated[list[str], Query(max_length=20)] = [],
             plover: Annotated[list[str], Query(max_length=20)] = [],
             direction: Literal["both", "ab", "ba"] = "both",
             offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> HTMLResponse:
        a, b = country(a), country(b)
        kb = Q._kb()
        known_actors(engine, (a, b), "country")
        cameo, plover = [c for c in cameo if c], [p for p in plover if p]      # "all" sends an empty value
        f = V.pair_filter(a, b, _iso(start), _iso(end, "end"), cameo, plover, direction, min_confidence)
        summary = Q.pair_summary(engine, f)
        latest = Q.events(engine, f, limit=20, offset=offset)
        pair_facts = Q.facts(engine, Q.FactFilter(pair=(a, b), start=f.start, end=f.end), limit=200)["items"]
        members = [f for x in (a, b) for f in
                   Q.facts(engine, Q.FactFilter(actors=(x,), kinds=("membership",)), limit=50)["items"]]
        trade = [f for f in pair_facts if f["kind"] in Q.TRADE_KINDS and f.get("value") is not None]
        attitudes = QA.attitudes(engine, Q.AttitudeFilter(pair=(a, b)), limit=40)["items"]
        docs: dict[str, dict] = {}
        for item in latest["items"] + pair_facts + members + attitudes:
            docs.setdefault(item["document"]["id"], item["document"])
        params = {"start": f.start, "end": f.end, "cameo": list(cameo), "plover": list(plover),
                  "direction": direction, "min_confidence": min_confidence}
        from ...store.monitor import alert_count
        return render(
            "dyad.html", a=a, b=b, alerts=alert_count(engine, a, b), name_a=_name(kb, a), name_b=_name(kb, b), summary=summary,
            timeline=Q.pair_timeline(engine, f), latest=latest["items"], total=latest["total"], page=latest, trade=trade,
            chart=V.series(trade, _period), min_confidence=min_confidence, params=params, query=V.query,
            roots=V.cameo_roots(), plover_types=V.plover_options(), places=Q.pair_places(engine, f),
            attitude_months=QA.attitude_months(engine, a, b),
            attitudes={"a_to_b": [x for x in attitudes if _from(x, a)], "b_to_a": [x for x in attitudes if not _from(x, a)]},
            stances=[f for f in pair_facts if f["kind"] in STANCE_KINDS],
            sectors=[f for f in pair_facts if f["kind"] == "sector"],
            others=[f for f in pair_facts if f["kind"] not in (*Q.TRADE_KINDS, *STANCE_KINDS, "sector")],
            members={f["id"]: f for f in members}.values(),
            documents=sorted(docs.values(), key=lambda d: d.get("date") or "", reverse=True), period=_period)

    @app.get("/dyad/{a}/{b}/brief", response_class=HTMLResponse, include_in_schema=False)
    def brief(a: Annotated[str, PathParam(pattern=COUNTRY)], b: Annotated[str, PathParam(pattern=COUNTRY)],
              start: Day = None, end: Day = None) -> HTMLResponse:
        """The briefing `dyad brief A B --format html` writes, with links into the dashboard."""
        from .. import brief as B
        a, b = country(a), country(b)
        known_actors(engine, (a, b), "country")
        lo, hi = _iso(start), _iso(end, "end")
        from ..checks import in_order
        in_order(lo, hi)
        return HTMLResponse(B.render(B.gather(engine, a, b, lo, hi), dashboard=True))

    @app.get("/alerts", response_class=HTMLResponse, include_in_schema=False)
    def alerts(pair: Annotated[str | None, Query(max_length=200)] = None,
               offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> HTMLResponse:
        """The alerts fired, newest first (of one pair with ``?pair=A-B``): rule, pair, time,
        figures, the evidence sentences linked to their documents."""
        from ...store import monitor as MON
        from ..checks import invalid as not_valid
        from ..ids import PAIR, pair as split_pair
        a = b = None
        if pair:
            if not re.match(PAIR, pair):
                raise not_valid("pair", pair, "two countries, e.g. AZE-ARM")
            a, b = split_pair(pair)
        page = MON.alerts(engine, a, b, 50, offset)
        kb = Q._kb()
        return render("alerts.html", page=page, pair=pair, names={x: _name(kb, x) for al in page["items"]
                                                                   for x in al["pair"]},
                      rules=MON.rules(engine), params={"pair": pair, "offset": offset or None})

    @app.get("/actor/{actor_id:id}", response_class=HTMLResponse, include_in_schema=False)
    def actor(actor_id: Annotated[str, PathParam(pattern=ACTOR_ID)],
              min_confidence: MinConfidence = 0.0,
              offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> HTMLResponse:
        info = Q.actor_show(engine, actor_id, min_confidence=min_confidence)
        if info is None:
            raise HTTPException(404, f"no actor {actor_id!r}")
        nodes = [{"id": actor_id, "label": info["name"] or actor_id, "events": sum(p["events"] for p in info["partners"]),
                  "center": True}]
        nodes += [{"id": p["id"], "label": p["name"], "events": p["events"], "goldstein": p["goldstein"]}
                  for p in info["partners"]]
        edges = [{"source": actor_id, "target": p["id"], "events": p["events"], "goldstein": p["goldstein"]}
                 for p in info["partners"]]
        edges += info["links"]
        events = Q.events(engine, Q.EventFilter(actors=(actor_id,), min_confidence=min_confidence), limit=20,
                          offset=offset)
        return render("actor.html", actor=info, events=events, min_confidence=min_confidence,
                      params={"min_confidence": min_confidence}, names=Q.actor_names(engine, [
                          m["org"] for m in info.get("memberships", [])]),
                      graph={"nodes": nodes, "edges": edges, "country": info.get("kind") == "country"})

    @app.get("/document/{doc_id:id}", response_class=HTMLResponse, include_in_schema=False)
    def document(doc_id: Annotated[str, PathParam(pattern=DOC_ID)],
                 focus: Annotated[str | None, Query(max_length=240, pattern=r"^[^\x00]*$")] = None,
                 min_confidence: MinConfidence = 0.0) -> HTMLResponse:
        doc = Q.document(engine, doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        shown = [e for e in doc["events"] if Q.meets(e.get("confidence"), min_confidence)]
        hidden, doc["events"] = len(doc["events"]) - len(shown), shown
        records = {f"m{i}": {"mention": m} for i, m in enumerate(doc["mentions"])}
        records.update({f"e{i}": {"event": e} for i, e in enumerate(doc["events"])})
        records.update({f"f{i}": {"fact": f} for i, f in enumerate(doc["facts"])})
        kinds = sorted({entity_kind(m) for m in doc["mentions"]})
        return render("document.html", doc=doc, focus=focus, records=records, kinds=kinds,
                      min_confidence=min_confidence, hidden=hidden,
                      segments=segments(doc["text"], doc["mentions"], doc["events"], doc["facts"], focus))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(q: Annotated[str, Query(max_length=200, pattern=r"^[^\x00]*$")] = "",
               offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> HTMLResponse:
        found = Q.search(engine, q, 20, offset) if q.strip() else None
        actors = Q.actor_search(engine, q.strip(), 20) if q.strip() else []
        return render("search.html", q=q, found=found, actors=actors)
