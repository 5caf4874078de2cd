"""Events with one side unknown and min_confidence in the store and its queries (SQLite and
PostgreSQL): no dyad row for a one-sided event, but listed among its actors' and its document's
events; every count and aggregate with a minimum confidence; migration 0004 backfills and
downgrades."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import inspect, select, text

from conftest import alembic
from dyad.store import db as store_db
from dyad.store import queries as Q
from dyad.store import schema as t

import records_for_api as R


@pytest.fixture
def loaded(store):
    R.load_one_sided(store)
    return store


def _rows(engine, table, doc="doc-one-sided"):
    with engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(
            select(*[c for c in table.c if c.name != "event_id"], table.c.event_id)
            .where(table.c.event_id.like(doc + ":%"))))


ONE_SIDED_DYADS = [("AZE", "CHN", 0.9, "doc-one-sided:e4"), ("CHN", "AZE", 0.9, "doc-one-sided:e4")]
ONE_SIDED_ACTORS = [
    ("source", "AZE", "AZE", "doc-one-sided:e3"), ("source", "AZE", "AZE", "doc-one-sided:e4"),
    ("source", "CHN", "CHN", "doc-one-sided:e2"), ("source", "CHN", "CHN", "doc-one-sided:e4"),
    ("source", "RUS", "RUS", "doc-one-sided:e2"), ("target", "AZE", "AZE", "doc-one-sided:e1")]


def _dyads(engine) -> list[tuple]:
    return [(r[0], r[1], r[-2], r[-1]) for r in _rows(engine, t.event_dyads)]    # source, target, confidence, event


def test_store_one_sided_events_make_no_dyad_rows_but_participants(loaded):
    e = loaded.engine
    assert _dyads(e) == ONE_SIDED_DYADS and _rows(e, t.event_actors) == ONE_SIDED_ACTORS
    with e.connect() as conn:          # every event has its participants, the dyadic ones too
        assert conn.execute(text("SELECT count(DISTINCT event_id) FROM event_actors")).scalar_one() == 8


def test_store_one_sided_document_replaced(loaded):
    from dataclasses import replace
    new = R.one_sided_record()
    new = replace(new, document=replace(new.document, text=R.TEXT4 + " "))          # same ids, new content
    assert loaded.save(new) is True
    assert _dyads(loaded.engine) == ONE_SIDED_DYADS and _rows(loaded.engine, t.event_actors) == ONE_SIDED_ACTORS
    from dyad.types import Document, Record                        # a version without events
    assert loaded.save(Record(Document("doc-one-sided", "Новый текст без событий.", "2025-07-15")))
    assert _rows(loaded.engine, t.event_actors) == [] and _dyads(loaded.engine) == []
    e = loaded.engine                # both aggregates follow the deletes
    assert Q.dyad_summary(e, "AZE", "CHN", min_confidence=0.5)["events"] == Q.dyad_summary(e, "AZE", "CHN")["events"] == 3
    assert Q.dyad_timeline(e, "AZE", "CHN", min_confidence=1e-9)["months"] == Q.dyad_timeline(e, "AZE", "CHN")["months"]


def test_store_one_sided_events_in_a_batch(store):
    """The multi-row insert of save_many writes the same rows as save."""
    assert store.save_many(R.records() + [R.one_sided_record()]) == [True] * 4
    assert _dyads(store.engine) == ONE_SIDED_DYADS and _rows(store.engine, t.event_actors) == ONE_SIDED_ACTORS


def test_queries_one_sided_events_are_listed_by_actor_and_document(loaded):
    e = loaded.engine

    def listed(**kw) -> list[str]:
        return [i["id"] for i in Q.events(e, Q.EventFilter(**kw), limit=100)["items"]]
    assert set(listed(actors=("AZE",))) == {"doc-tianjin:e1", "doc-energy:e1", "doc-energy:e2",
                                            "doc-one-sided:e1", "doc-one-sided:e3", "doc-one-sided:e4"}
    assert set(listed(actors=("RUS",))) == {"doc-rus-tur:e1", "doc-one-sided:e2"}
    assert listed(actors=("RUS", "CHN")) == ["doc-one-sided:e2"]            # both take part, no dyad
    assert listed(pair=("RUS", "CHN")) == []                                # ... and no relation
    assert listed(actors=("AZE",), min_confidence=0.5) == ["doc-tianjin:e1", "doc-one-sided:e4",
                                                           "doc-energy:e1", "doc-energy:e2"]
    doc = Q.document(e, "doc-one-sided")
    assert [x["id"] for x in doc["events"]] == [f"doc-one-sided:e{i}" for i in (1, 2, 3, 4)]
    assert doc["events"][0]["sources"] == [] and doc["events"][0]["confidence"] == 0.4
    assert [x["id"] for x in Q.document(e, "doc-one-sided", 0.5)["events"]] == ["doc-one-sided:e4"]
    assert Q.event(e, "doc-one-sided:e2")["targets"] == []


def test_queries_min_confidence_on_lists_and_aggregates(loaded):
    e = loaded.engine
    assert Q.events(e)["total"] == 8
    assert Q.events(e, Q.EventFilter(min_confidence=0.4))["total"] == 7
    assert Q.events(e, Q.EventFilter(min_confidence=0.95))["total"] == 4
    # the pair's fast path, with and without dates
    for conf, total in ((0, 4), (0.5, 4), (0.95, 3), (1.0, 3)):
        page = Q.events(e, Q.EventFilter(pair=("AZE", "CHN"), min_confidence=conf), limit=2)
        assert page["total"] == total and len(page["items"]) == 2
        assert Q.dyad_summary(e, "AZE", "CHN", min_confidence=conf)["events"] == total
        assert sum(m["events"] for m in Q.dyad_timeline(e, "CHN", "AZE", min_confidence=conf)["months"]) == total
    assert Q.events(e, Q.EventFilter(pair=("AZE", "CHN"), start="2025-07-01", min_confidence=0.95))["total"] == 1
    # counted from event_dyads, the aggregates equal dyad_months' for every event
    assert Q.dyad_summary(e, "AZE", "CHN", min_confidence=1e-9) == {**Q.dyad_summary(e, "AZE", "CHN"),
                                                                   "min_confidence": 1e-9}
    for start, end in ((None, None), ("2025-07-01", None), (None, "2025-07-31")):
        assert Q.dyad_timeline(e, "AZE", "CHN", start, end, 1e-9)["months"] == \
            Q.dyad_timeline(e, "AZE", "CHN", start, end)["months"]
    tl = Q.dyad_timeline(e, "AZE", "CHN", min_confidence=0.95)["months"]
    assert [(m["month"], m["events"], m["goldstein"]) for m in tl] == [("2025-06", 2, 8.0), ("2025-08", 1, 2.8)]
    s = Q.dyad_summary(e, "AZE", "CHN", min_confidence=0.95)
    assert (s["first_month"], s["last_month"], s["goldstein"], s["by_quad"]["1"]) == ("2025-06", "2025-08", 6.267, 3)
    assert s["facts"] == {"trade_turnover": 1, "sector": 1}                # facts have no confidence
    assert Q.top_dyads(e, min_confidence=0.95) == [{"a": "AZE", "b": "CHN", "events": 3},
                                                   {"a": "RUS", "b": "TUR", "events": 1}]
    assert Q.top_dyads(e, min_confidence=1e-9) == Q.top_dyads(e) == [{"a": "AZE", "b": "CHN", "events": 4},
                                                                       {"a": "RUS", "b": "TUR", "events": 1}]


def test_queries_min_confidence_on_partners_and_exports(loaded):
    e = loaded.engine
    assert [(p["id"], p["events"]) for p in Q.actor_show(e, "AZE")["partners"]] == [("CHN", 4)]
    assert [(p["id"], p["events"], p["cooperation"]) for p in Q.actor_show(e, "AZE", min_confidence=0.95)["partners"]] \
        == [("CHN", 3, 3)]
    assert Q.actor_show(e, "AZE", min_confidence=1e-9)["partners"] == Q.actor_show(e, "AZE")["partners"]
    assert Q.actor_show(e, "RUS")["partners"] == [{"id": "TUR", "events": 1, "goldstein": -2.0, "cooperation": 0,
                                                   "conflict": 1, "name": Q.actor_show(e, "RUS")["partners"][0]["name"]}]
    rows = list(Q.export_events(e, Q.EventFilter(min_confidence=0.5)))
    assert len(rows) == 5 and all(r["confidence"] >= 0.5 for r in rows)
    from dyad.serve.export import gdelt_dicts
    gdelt = [(g["GLOBALEVENTID"], g["Actor1CountryCode"], g["Actor2CountryCode"], g["EventCode"])
             for g in gdelt_dicts(e, Q.EventFilter(document="doc-one-sided"))]
    assert sorted(gdelt, key=str) == sorted([
        ("doc-one-sided:e1", "", "AZE", "173"), ("doc-one-sided:e2", "RUS", "", "111"),
        ("doc-one-sided:e2", "CHN", "", "111"), ("doc-one-sided:e3", "AZE", "", "051"),
        ("doc-one-sided:e4", "AZE", "CHN", "043"), ("doc-one-sided:e4", "CHN", "AZE", "043")], key=str)
    assert {g["GLOBALEVENTID"] for g in gdelt_dicts(e, Q.EventFilter(min_confidence=0.5))} == {
        "doc-tianjin:e1", "doc-energy:e1", "doc-energy:e2", "doc-rus-tur:e1", "doc-one-sided:e4"}
    assert len({g["GLOBALEVENTID"] for g in gdelt_dicts(e, Q.EventFilter(document="doc-one-sided"), limit=3)}) == 3


def test_store_pair_records_min_confidence(loaded):
    got = [(r["what"], r.get("id")) for r in loaded.pair_records("AZE", "CHN") if r["what"] == "event"]
    assert got == [("event", "doc-tianjin:e1"), ("event", "doc-one-sided:e4"), ("event", "doc-energy:e1"),
                   ("event", "doc-energy:e2")]
    assert [r["id"] for r in loaded.pair_records("AZE", "CHN", min_confidence=0.95) if r["what"] == "event"] == [
        "doc-tianjin:e1", "doc-energy:e1", "doc-energy:e2"]
    assert [r["id"] for r in loaded.pair_records("RUS", "CHN")] == ["doc-one-sided:e2"]    # co-actors


def test_store_migration_0004_backfills_and_downgrades(db_url):
    engine = store_db.make_engine(db_url)
    alembic(engine, "upgrade", "0003")
    rus, chn, aze = ({"id": c, "country": c} for c in ("RUS", "CHN", "AZE"))
    events = [   # id, rule, confidence, sources, targets, dyad rows as the expansion before 0004 wrote them
        ("d:e1", "r", 0.9, [aze], [chn], [("AZE", "CHN")]),
        ("d:e2", "r+subj+notarget", 0.4, [rus, chn], [], [("RUS", "CHN"), ("CHN", "RUS")]),
        ("d:e3", "r+nosource", 0.4, [], [aze], []),
        ("d:e4", "r+notarget", 0.5, [aze], [chn], [("AZE", "CHN")]),    # a target after all: kept
    ]
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO documents (id, content_hash, date, text, warnings) "
                          "VALUES ('d', 'hash-d', '2025-07-15', 'Текст', '[]')"))
        for eid, rule, conf, src, tgt, dyads in events:
            conn.execute(text("INSERT INTO events (id, document_id, date, cameo, quad_class, goldstein, rule, "
                              "confidence, sources_json, targets_json) VALUES (:id, 'd', '2025-07-15', '043', 1, "
                              "2.8, :rule, :conf, :s, :t)"),
                         dict(id=eid, rule=rule, conf=conf, s=json.dumps(src), t=json.dumps(tgt)))
            for s, g in dyads:
                conn.execute(text("INSERT INTO event_dyads (event_id, source_id, target_id, source_country, "
                                  "target_country, date, month, quad_class, goldstein, cameo) VALUES "
                                  "(:e, :s, :g, :s, :g, '2025-07-15', '2025-07', 1, 2.8, '043')"),
                             dict(e=eid, s=s, g=g))
    assert Q.dyad_summary(engine, "RUS", "CHN")["events"] == 1
    alembic(engine, "upgrade", "0004")
    with engine.connect() as conn:
        dyads = conn.execute(text("SELECT event_id, source_id, target_id, confidence FROM event_dyads "
                                  "ORDER BY event_id")).all()
        actors = conn.execute(text("SELECT event_id, side, actor_id, country FROM event_actors "
                                   "ORDER BY event_id, side, actor_id")).all()
    assert [tuple(r) for r in dyads] == [("d:e1", "AZE", "CHN", 0.9), ("d:e4", "AZE", "CHN", 0.5)]
    assert [tuple(r) for r in actors] == [
        ("d:e1", "source", "AZE", "AZE"), ("d:e1", "target", "CHN", "CHN"), ("d:e2", "source", "CHN", "CHN"),
        ("d:e2", "source", "RUS", "RUS"), ("d:e3", "target", "AZE", "AZE"), ("d:e4", "source", "AZE", "AZE"),
        ("d:e4", "target", "CHN", "CHN")]
    assert Q.dyad_summary(engine, "RUS", "CHN")["events"] == 0            # the trigger uncounted it
    assert Q.dyad_summary(engine, "AZE", "CHN")["events"] == 2
    assert Q.dyad_summary(engine, "AZE", "CHN", min_confidence=0.6)["events"] == 1
    assert Q.events(engine, Q.EventFilter(actors=("AZE",)))["total"] == 3

    alembic(engine, "downgrade", "0003")
    assert "event_actors" not in inspect(engine).get_table_names()
    assert "confidence" not in {c["name"] for c in inspect(engine).get_columns("event_dyads")}
    alembic(engine, "upgrade", "head")
    assert Q.schema_revision(engine) == "0009"
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM event_actors")).scalar_one() == 7
    engine.dispose()
