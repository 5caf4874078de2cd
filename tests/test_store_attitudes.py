"""Attitudes in the store (table ``attitudes``, migration 0007) on SQLite and PostgreSQL: written
with their document, replaced with it, read by pair (either direction, ids or countries), dates,
polarity and score, per direction and month, exported; /api/attitudes over them."""
from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient
from sqlalchemy import inspect, text

from conftest import alembic
from dyad.store import attitudes as QA
from dyad.store import queries as Q
from dyad.store import db as store_db
from dyad.types import ActorRef, Attitude, Document, Record

import records_for_api as R

USA = ActorRef("USA", "США", "country", "USA", "USA")
IRN = ActorRef("IRN", "Иран", "country", "IRN", "IRN")
RUBIO = ActorRef("marco-rubio", "Марко Рубио", "person", "USA", "USAGOV")
TEXT = ("Вашингтон снова обвинил Тегеран в поддержке боевиков. Тегеран назвал обвинения ложью. "
        "Рубио заявил, что Иран угрожает региону.")


def _record(doc_id: str, date: str, polarity: str = "neg", score: float = 0.7) -> Record:
    doc = Document(doc_id, TEXT + " " + doc_id, date, "ru")
    first, second = R.sentence(TEXT, "Вашингтон"), R.sentence(TEXT, "Тегеран назвал")
    third = R.sentence(TEXT, "Рубио")
    return Record(doc, mentions=(R.mention(TEXT, "Вашингтон", "LOC", USA), R.mention(TEXT, "Тегеран", "LOC", IRN)),
                  attitudes=(Attitude("a1", USA, IRN, polarity, score, (first,), "code.attitudes.v1", date, 1),
                             Attitude("a2", IRN, USA, "neg", 0.4, (first, second), "code.attitudes.v1", date, 2),
                             Attitude("a3", RUBIO, IRN, "neg", 0.6, (third,), "code.attitudes.v1+event", date, 1)))


def test_store_attitudes_written_read_and_replaced(store):
    assert store.save(_record("d1", "2025-04-14"))
    assert store.save(_record("d2", "2025-05-02", "pos", 0.3))
    engine = store.engine
    page = QA.attitudes(engine, Q.AttitudeFilter(pair=("USA", "IRN")))
    assert page["total"] == 6
    newest = page["items"][0]
    assert newest["id"] == "d2:a1" and newest["polarity"] == "pos" and newest["local_id"] == "a1"
    assert newest["evidence"][0]["text"] == "Вашингтон снова обвинил Тегеран в поддержке боевиков."
    assert newest["document"]["date"] == "2025-05-02"
    two = QA.attitude(engine, "d1:a2")
    assert [e["text"] for e in two["evidence"]] == ["Вашингтон снова обвинил Тегеран в поддержке боевиков.",
                                                  "Тегеран назвал обвинения ложью."]
    assert QA.attitudes(engine, Q.AttitudeFilter(pair=("USA", "IRN"), start="2025-05-01"))["total"] == 3
    assert QA.attitudes(engine, Q.AttitudeFilter(pair=("USA", "IRN"), end="2025-04-30"))["total"] == 3
    assert QA.attitudes(engine, Q.AttitudeFilter(polarity="pos"))["total"] == 1
    assert QA.attitudes(engine, Q.AttitudeFilter(min_confidence=0.5))["total"] == 3     # 0.7, 0.6, 0.6
    assert QA.attitudes(engine, Q.AttitudeFilter(actors=("marco-rubio",)))["total"] == 2
    assert QA.attitudes(engine, Q.AttitudeFilter(pair=("IRN", "RUS")))["total"] == 0
    months = QA.attitude_months(engine, "USA", "IRN")
    assert months["a_to_b"] == [{"month": "2025-04", "pos": 0, "neg": 2, "score": {"neg": 0.65}},
                                {"month": "2025-05", "pos": 1, "neg": 1, "score": {"pos": 0.3, "neg": 0.6}}]
    assert [m["neg"] for m in months["b_to_a"]] == [1, 1]
    # a new version of a document replaces its attitudes
    changed = _record("d1", "2025-04-14", "pos", 0.9)
    changed = Record(Document("d1", TEXT + " Конец.", "2025-04-14", "ru"), changed.mentions,
                     attitudes=changed.attitudes[:1])
    assert store.save(changed)
    assert QA.attitudes(engine, Q.AttitudeFilter(document="d1"))["total"] == 1
    assert QA.attitude(engine, "d1:a1")["polarity"] == "pos"
    rows = list(QA.export_attitudes(engine, Q.AttitudeFilter(pair=("USA", "IRN"))))
    assert {r["id"] for r in rows} == {"d1:a1", "d2:a1", "d2:a2", "d2:a3"}
    assert set(rows[0]) == set(QA.ATTITUDE_COLUMNS)


def test_store_attitudes_api(store):
    from dyad.serve.api import create_app
    store.save(_record("d1", "2025-04-14"))
    client = TestClient(create_app(store.url))
    r = client.get("/api/attitudes", params={"pair": "USA-IRN", "start": "2025-01-01", "end": "2025-12-31",
                                             "min_confidence": 0.5})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 2 and {(i["source"]["id"], i["target"]["id"]) for i in body["items"]} == {
        ("USA", "IRN"), ("marco-rubio", "IRN")}
    assert client.get("/api/attitudes", params={"polarity": "maybe"}).status_code == 422
    assert client.get("/api/attitudes", params={"pair": "USA"}).status_code == 422
    assert client.get("/api/attitudes", params={"limit": 1, "offset": 1}).json()["items"][0]["id"] == "d1:a2"
    assert client.get("/api/attitudes/d1:a3").json()["rule"] == "code.attitudes.v1+event"
    assert client.get("/api/attitudes/d1:a9").status_code == 404
    months = client.get("/api/dyads/USA/IRN/attitudes").json()
    assert months["a_to_b"][0]["neg"] == 2 and months["b_to_a"][0]["neg"] == 1
    exported = client.get("/api/export/attitudes.csv", params={"pair": "USA-IRN"})
    assert exported.status_code == 200
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert len(rows) == 3 and rows[0]["polarity"] == "neg"
    lines = client.get("/api/export/attitudes.jsonl").text.strip().splitlines()
    assert len(lines) == 3 and json.loads(lines[0])["evidence"]


def test_store_migration_0007_up_and_down(db_url):
    engine = store_db.make_engine(db_url)
    store_db.migrate(engine)
    assert "attitudes" in inspect(engine).get_table_names()
    assert Q.schema_revision(engine) == "0009"          # the head: 0008 (word forms), 0009 (monitor) follow
    alembic(engine, "downgrade", "0006")
    assert "attitudes" not in inspect(engine).get_table_names()
    alembic(engine, "upgrade", "head")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM attitudes")).scalar_one() == 0
    engine.dispose()


def test_record_json_carries_attitudes():
    rec = _record("d1", "2025-04-14")
    out = rec.to_json()["attitudes"]
    assert out[0] == {"id": "a1", "source": USA.to_json(), "target": IRN.to_json(), "polarity": "neg",
                      "score": 0.7, "date": "2025-04-14",
                      "evidence": [{"start": 0, "end": TEXT.index(" Тегеран назвал")}],
                      "rule": "code.attitudes.v1", "sentences": 1}
