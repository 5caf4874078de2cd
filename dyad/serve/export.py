"""Stored events and facts in the formats the field reads: one writer for ``dyad export`` and the
API's ``/api/export/...`` (:func:`chunks`), so both give the same bytes for the same filter.

- ``gdelt``: the GDELT 2.0 Events table, 61 tab-separated columns in GDELT's order
  (:data:`GDELT_COLUMNS`) under a header line, one row per source-target pair (the dyadic
  expansion of an event whose actors are lists; a symmetric event with sources only gives every
  ordered pair; an event that names one side only gives a row per known actor with the other
  actor's columns empty, as GDELT leaves an actor it could not identify:
  dyad.code.dyads.gdelt_pairs). GLOBALEVENTID is the event's store id (``document:e1``), the
  names are as stored. GDELT has no confidence column; the layout stays GDELT's (the confidence
  is in ``plover`` and the flat formats). NumMentions counts the tellings of the event in its
  article; NumSources and NumArticles count the exported documents (and their sources) whose
  events share its cluster key (dyad.store.clusters.cluster_key). Fields Dyad does not code
  (ethnic, religion, known group, ADM codes, AvgTone) are empty.
- ``plover``: POLECAT-style JSON lines, one per event with actors as lists (an unknown side is an
  empty list): event_type, mode, context, the CAMEO code, actor names and codes, date, location,
  Dyad's evidence and the event's ``confidence`` (0-1).
- ``csv``, ``jsonl``, ``parquet``: one flat row per event (dyad.store.exports.EVENT_COLUMNS) or per
  fact (FACT_COLUMNS).

``min_confidence`` (in the filter) exports only the events whose confidence is at least that (0:
every event).
"""
from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from typing import Any, BinaryIO, Iterable, Iterator, TextIO

from ..store.clusters import cluster_key
from ..code.dyads import gdelt_pairs

GDELT_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
               "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
GDELT_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in GDELT_ACTOR) + tuple(f"Actor2{c}" for c in GDELT_ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in GDELT_GEO) + tuple(f"Actor2Geo_{c}" for c in GDELT_GEO)
    + tuple(f"ActionGeo_{c}" for c in GDELT_GEO) + ("DATEADDED", "SOURCEURL")
)
assert len(GDELT_COLUMNS) == 61


FORMATS = ("gdelt", "plover", "csv", "jsonl", "parquet")
MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
         "parquet": "application/vnd.apache.parquet", "gdelt": "text/tab-separated-values; charset=utf-8",
         "plover": "application/x-ndjson"}
SUFFIX = {"gdelt": "tsv", "plover": "jsonl"}


def stored_events(url_or_engine=None, min_confidence: float = 0.0, f=None, limit: int | None = None
                  ) -> list[dict[str, Any]]:
    """The stored events that ``f`` (a dyad.store.filters.EventFilter; else every event with at
    least ``min_confidence``) selects, at most ``limit``, as (event JSON, document id, url,
    ingested_at), oldest first."""
    from sqlalchemy import select
    from ..store import open_store
    from ..store import schema as t
    from ..store.filters import EventFilter, event_where
    engine = url_or_engine if hasattr(url_or_engine, "connect") else open_store(url_or_engine).engine
    f = f if f is not None else EventFilter(min_confidence=min_confidence)
    rows = []
    with engine.connect() as conn:
        q = (select(t.events.c.id, t.events.c.record_json, t.events.c.confidence, t.documents.c.id.label("doc_id"),
                    t.documents.c.url, t.documents.c.source, t.documents.c.ingested_at)
             .join(t.documents).where(*event_where(f)).order_by(t.events.c.date, t.events.c.id))
        if limit:
            q = q.limit(limit)
        for r in conn.execute(q).mappings():
            event = json.loads(r["record_json"])
            event.setdefault("confidence", r["confidence"])      # records written by other tools
            rows.append({"id": r["id"], "event": event, "doc_id": r["doc_id"],
                         "url": r["url"] or r["source"] or "", "added": r["ingested_at"] or ""})
    if engine is not url_or_engine:
        engine.dispose()
    return rows


def _cluster_counts(rows: list[dict[str, Any]]) -> dict[str, tuple[int, int]]:
    docs: dict[str, set[str]] = defaultdict(set)
    sources: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        key = cluster_key(r["event"])
        docs[key].add(r["doc_id"])
        sources[key].add(_site(r["url"]) or r["doc_id"])
    return {k: (len(sources[k]), len(docs[k])) for k in docs}


def _site(url: str) -> str:
    if "://" not in url:
        return ""
    return url.split("://", 1)[1].split("/", 1)[0]


def _actor_cells(a: dict[str, Any] | None) -> list[str]:
    if a is None:
        return [""] * len(GDELT_ACTOR)
    code = a.get("code") or a.get("country") or ""
    country = a.get("country") or ""
    type1 = code[3:6] if len(code) >= 6 and code[:3] == country else ""
    if a.get("kind") == "igo":
        type1 = "IGO"
    return [code, a.get("name") or "", country, "", "", "", "", type1, "", ""]


def _geo_cells(loc: dict[str, Any] | None) -> list[str]:
    if not loc:
        return [""] * len(GDELT_GEO)
    has_point = loc.get("lat") is not None
    return ["4" if has_point else "1", loc.get("name") or "", loc.get("country") or "", "", "",
            _num(loc.get("lat")), _num(loc.get("lon")), str(loc.get("geonames_id") or "")]


def _num(x) -> str:
    return "" if x is None else f"{x:g}"


def _pairs(e: dict[str, Any]) -> list[tuple[dict | None, dict | None]]:
    return gdelt_pairs(e.get("sources") or [], e.get("targets") or [], e.get("rule"))


def gdelt_rows(rows: list[dict[str, Any]]) -> Iterator[list[str]]:
    """GDELT 2.0 Events rows (lists of 61 strings)."""
    counts = _cluster_counts(rows)
    for r in rows:
        e = r["event"]
        date = e.get("date") or ""
        day = date.replace("-", "")
        year = date[:4]
        frac = ""
        if date:
            import datetime as dt
            d = dt.date.fromisoformat(date)
            frac = f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}"
        n_sources, n_articles = counts.get(cluster_key(e), (1, 1))
        mentions = 1 + len(e.get("mentions") or [])
        code = e["cameo"]
        added = (r["added"] or "").replace("-", "").replace(":", "").replace("T", "")[:14]
        for i, (s, g) in enumerate(_pairs(e)):
            cells = [r["id"], day, day[:6], year, frac]
            cells += _actor_cells(s) + _actor_cells(g)
            cells += ["1" if i == 0 else "0", code, code[:3], code[:2], str(e.get("quad_class") or ""),
                      _num(e.get("goldstein")), str(mentions), str(n_sources), str(n_articles), ""]
            loc = e.get("location")
            cells += _geo_cells(loc) + _geo_cells(loc) + _geo_cells(loc)
            cells += [added, r["url"]]
            yield cells


def gdelt_dicts(engine, f=None, limit: int | None = None) -> Iterator[dict[str, str]]:
    """The GDELT rows of the events ``f`` selects (at most ``limit`` events) as column -> cell."""
    for cells in gdelt_rows(stored_events(engine, f=f, limit=limit)):
        yield dict(zip(GDELT_COLUMNS, cells))


def plover_records(rows: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """POLECAT-style records (actors as lists)."""
    for r in rows:
        e = r["event"]
        p = e.get("plover") or {}
        loc = e.get("location")
        yield {
            "event_id": r["id"], "event_date": e.get("date"), "date_precision": e.get("date_precision"),
            "event_type": p.get("type"), "event_mode": p.get("mode"), "context": p.get("context"),
            "cameo": e["cameo"], "goldstein": e.get("goldstein"), "quad_class": e.get("quad_class"),
            "actor_name": [a["name"] for a in e.get("sources") or []],
            "actor_country": [a.get("country") for a in e.get("sources") or []],
            "actor_code": [a.get("code") for a in e.get("sources") or []],
            "recipient_name": [a["name"] for a in e.get("targets") or []],
            "recipient_country": [a.get("country") for a in e.get("targets") or []],
            "recipient_code": [a.get("code") for a in e.get("targets") or []],
            "location": [loc] if loc else [], "negated": e.get("negated", False),
            "modality": e.get("modality"), "confidence": e.get("confidence"),
            "story_id": r["doc_id"], "url": r["url"], "trigger": e.get("trigger"),
            "evidence": e.get("evidence"), "rule": e.get("rule"), "cluster_key": cluster_key(e),
        }


def _gdelt_lines(rows: list[dict[str, Any]]) -> Iterator[str]:
    yield "\t".join(GDELT_COLUMNS) + "\n"
    for cells in gdelt_rows(rows):
        yield "\t".join(c.replace("\t", " ").replace("\n", " ").replace("\r", " ") for c in cells) + "\n"


def _csv(rows: Iterable[dict], columns: tuple[str, ...]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for i, row in enumerate(rows, 1):
        writer.writerow(row)
        if i % 1000 == 0:
            yield buf.getvalue()
            buf.seek(0), buf.truncate()
    yield buf.getvalue()


def _jsonl(rows: Iterable[dict]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def _parquet(rows: Iterable[dict], columns: tuple[str, ...]) -> Iterator[bytes]:
    import pyarrow as pa
    import pyarrow.parquet as pq
    data = list(rows)
    out = io.BytesIO()
    pq.write_table(pa.Table.from_pydict({c: [r.get(c) for r in data] for c in columns}), out)
    yield out.getvalue()


def chunks(fmt: str, engine, f=None, limit: int | None = None, facts: bool = False
           ) -> Iterator[str] | Iterator[bytes]:
    """The export of the events (``facts``: the facts) that the filter ``f`` selects, at most
    ``limit``, in ``fmt`` (:data:`FORMATS`; gdelt and plover are for events): text pieces, or
    bytes for parquet."""
    from ..store import exports as X
    from ..store.filters import EventFilter, FactFilter
    if fmt not in FORMATS or (facts and fmt in ("gdelt", "plover")):
        raise ValueError(f"unknown export format {fmt!r} ({', '.join(FORMATS)})")
    if fmt in ("gdelt", "plover"):
        rows = stored_events(engine, f=f, limit=limit)
        return _gdelt_lines(rows) if fmt == "gdelt" else _jsonl(plover_records(rows))
    if facts:
        return _flat(fmt, X.export_facts(engine, f or FactFilter(), limit), X.FACT_COLUMNS)
    return _flat(fmt, X.export_events(engine, f or EventFilter(), limit), X.EVENT_COLUMNS)


def _flat(fmt: str, rows: Iterable[dict], columns: tuple[str, ...]) -> Iterator[str] | Iterator[bytes]:
    """Flat rows as csv, jsonl or parquet pieces."""
    if fmt == "parquet":
        return _parquet(rows, columns)
    return _csv(rows, columns) if fmt == "csv" else _jsonl(rows)


def attitude_chunks(fmt: str, engine, f=None, limit: int | None = None) -> Iterator[str] | Iterator[bytes]:
    """The export of the attitudes the filter ``f`` selects (csv, jsonl or parquet), as
    :func:`chunks` writes events and facts."""
    from ..store import attitudes as QA
    from ..store.filters import AttitudeFilter
    if fmt not in ("csv", "jsonl", "parquet"):
        raise ValueError(f"unknown attitude export format {fmt!r} (csv, jsonl, parquet)")
    return _flat(fmt, QA.export_attitudes(engine, f or AttitudeFilter(), limit or 10_000), QA.ATTITUDE_COLUMNS)


def write(fmt: str, out: TextIO | BinaryIO, engine, f=None, limit: int | None = None, facts: bool = False) -> None:
    """:func:`chunks` written to ``out`` (a binary stream for parquet)."""
    for piece in chunks(fmt, engine, f, limit, facts):
        out.write(piece)


def export(fmt: str, out: TextIO, url: str | None = None, rows: Iterable[dict] | None = None,
           min_confidence: float = 0.0) -> int:
    """Write every stored event (with at least ``min_confidence``), or ``rows``, as gdelt (with its
    header line) or plover; returns the number of records written (header not counted)."""
    if rows is None:
        rows = stored_events(url, min_confidence)
    else:                          # as the store filters: an event without a confidence is left out
        rows = [r for r in rows if not min_confidence or (r["event"].get("confidence") or 0.0) >= min_confidence]
    if fmt == "gdelt":
        lines = _gdelt_lines(rows)
    elif fmt == "plover":
        lines = _jsonl(plover_records(rows))
    else:
        raise ValueError(f"unknown export format {fmt!r} (gdelt or plover)")
    n = -1 if fmt == "gdelt" else 0
    for line in lines:
        out.write(line)
        n += 1
    return n
