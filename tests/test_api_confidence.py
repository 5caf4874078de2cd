"""min_confidence on every API route and page that lists or counts events (422 on a bad value), the
confidence shown on each event, and events with one side unknown through the API, the exports and
the pages (SQLite and PostgreSQL)."""
from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

import records_for_api as R


@pytest.fixture
def client(store, monkeypatch):
    from dyad.serve.api import create_app
    monkeypatch.delenv("DYAD_TOKEN", raising=False)
    R.load_one_sided(store)
    with TestClient(create_app(store.url), raise_server_exceptions=False) as c:
        yield c
    c.app.state.store.engine.dispose()


def get(client, url: str, status: int = 200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:500])
    return r


def total(client, url: str) -> int:
    return get(client, url).json()["total"]


def test_api_events_min_confidence(client):
    assert total(client, "/api/events") == 8
    assert total(client, "/api/events?min_confidence=0") == 8
    assert total(client, "/api/events?min_confidence=0.4") == 7
    assert total(client, "/api/events?min_confidence=1") == 4
    page = get(client, "/api/events?min_confidence=0.5&limit=100").json()
    assert page["total"] == 5 and all(e["confidence"] >= 0.5 for e in page["items"])
    assert total(client, "/api/events?pair=AZE-CHN") == 4
    assert total(client, "/api/events?pair=AZE-CHN&min_confidence=0.95") == 3
    assert total(client, "/api/events?pair=AZE-CHN&min_confidence=0.95&start=2025-07-01") == 1
    assert total(client, "/api/events?actor=AZE&min_confidence=0.5&cameo=04") == 2
    assert get(client, "/api/events/doc-one-sided:e3").json()["confidence"] == 0.35


def test_api_aggregates_min_confidence(client):
    assert get(client, "/api/dyads/AZE/CHN").json()["events"] == 4
    s = get(client, "/api/dyads/AZE/CHN?min_confidence=0.95").json()
    assert (s["events"], s["min_confidence"], s["facts"]) == (3, 0.95, {"trade_turnover": 1, "sector": 1})
    months = get(client, "/api/dyads/chn/aze/timeline?min_confidence=0.95").json()["months"]
    assert [(m["month"], m["events"]) for m in months] == [("2025-06", 2), ("2025-08", 1)]
    months = get(client, "/api/dyads/AZE/CHN/timeline").json()["months"]
    assert [(m["month"], m["events"]) for m in months] == [("2025-06", 2), ("2025-07", 1), ("2025-08", 1)]
    assert get(client, "/api/dyads?min_confidence=0.95").json()["items"][0] == {"a": "AZE", "b": "CHN", "events": 3}
    aze = get(client, "/api/actors/AZE?min_confidence=0.95").json()
    assert [(p["id"], p["events"]) for p in aze["partners"]] == [("CHN", 3)]
    doc = get(client, "/api/documents/doc-one-sided?min_confidence=0.5").json()
    assert [e["id"] for e in doc["events"]] == ["doc-one-sided:e4"] and len(doc["mentions"]) == 4


def test_api_one_sided_events_listed_by_actor_and_document(client):
    by_rus = get(client, "/api/events?actor=RUS").json()["items"]
    assert [(e["id"], [a["id"] for a in e["sources"]], e["targets"]) for e in by_rus] == [
        ("doc-one-sided:e2", ["RUS", "CHN"], []), ("doc-rus-tur:e1", ["RUS"], [{**by_rus[1]["targets"][0]}])]
    e1 = get(client, "/api/events/doc-one-sided:e1").json()
    assert e1["sources"] == [] and e1["targets"][0]["id"] == "AZE" and e1["rule"].endswith("+nosource")
    assert total(client, "/api/events?pair=RUS-CHN") == 0
    assert get(client, "/api/dyads/RUS/CHN").json()["events"] == 0
    assert len(get(client, "/api/documents/doc-one-sided").json()["events"]) == 4


def test_api_exports_min_confidence_and_one_sided(client):
    import pyarrow.parquet as pq
    rows = list(csv.DictReader(io.StringIO(get(client, "/api/export/events.csv?min_confidence=0.5").text)))
    assert len(rows) == 5 and all(float(r["confidence"]) >= 0.5 for r in rows)
    one = {r["id"]: r for r in csv.DictReader(io.StringIO(get(client, "/api/export/events.csv?document=doc-one-sided").text))}
    assert (one["doc-one-sided:e1"]["sources"], one["doc-one-sided:e1"]["targets"]) == ("", "AZE")
    assert (one["doc-one-sided:e2"]["sources"], one["doc-one-sided:e2"]["targets"]) == ("RUS; CHN", "")
    lines = [json.loads(x) for x in get(client, "/api/export/events.jsonl?min_confidence=0.36").text.splitlines()]
    assert len(lines) == 7 and min(x["confidence"] for x in lines) == 0.4
    table = pq.read_table(io.BytesIO(get(client, "/api/export/events.parquet?min_confidence=1").content))
    assert table.num_rows == 4 and "confidence" in table.column_names
    tsv = list(csv.DictReader(io.StringIO(get(client, "/api/export/events.tsv?document=doc-one-sided").text),
                              delimiter="\t"))
    got = sorted((r["GLOBALEVENTID"], r["Actor1CountryCode"], r["Actor2CountryCode"]) for r in tsv)
    assert got == [("doc-one-sided:e1", "", "AZE"), ("doc-one-sided:e2", "CHN", ""), ("doc-one-sided:e2", "RUS", ""),
                   ("doc-one-sided:e3", "AZE", ""), ("doc-one-sided:e4", "AZE", "CHN"),
                   ("doc-one-sided:e4", "CHN", "AZE")]
    assert len(get(client, "/api/export/events.tsv?document=doc-one-sided&min_confidence=0.5").text.splitlines()) == 3


BAD = ["-0.1", "1.01", "2", "nan", "inf", "abc", ""]
ROUTES = ["/api/events", "/api/events?pair=AZE-CHN", "/api/dyads/AZE/CHN", "/api/dyads/AZE/CHN/timeline",
          "/api/dyads", "/api/actors/AZE", "/api/documents/doc-one-sided", "/api/export/events.csv",
          "/api/export/events.tsv", "/dyad/AZE/CHN", "/actor/AZE", "/document/doc-one-sided"]


@pytest.mark.parametrize("route", ROUTES)
def test_api_min_confidence_422(client, route):
    sep = "&" if "?" in route else "?"
    for value in BAD:
        r = get(client, f"{route}{sep}min_confidence={value}", 422)
        if route.startswith("/api/"):
            assert r.json()["detail"][0]["loc"][-1] == "min_confidence"
    get(client, f"{route}{sep}min_confidence=0.5")


def test_pages_min_confidence_control_and_one_sided_events(client):
    page = get(client, "/dyad/AZE/CHN").text
    assert 'name="min_confidence"' in page and "conf 0.90" in page and "conf 1.00" in page
    assert "Азербайджан, Китай</span>" in page                      # the symmetric meeting
    page = get(client, "/dyad/AZE/CHN?min_confidence=0.95").text
    assert 'value="0.95"' in page and "conf 0.90" not in page and "<b>3</b> events" in page
    assert "/api/export/events.csv?min_confidence=0.95&amp;pair=AZE-CHN" in page
    doc = get(client, "/document/doc-one-sided").text
    assert "? → Азербайджан" in doc and "Россия, Китай → ?" in doc and "Азербайджан → ?" in doc
    assert "conf 0.35" in doc and "4 events" in doc
    doc = get(client, "/document/doc-one-sided?min_confidence=0.5&focus=doc-one-sided:e4").text
    assert "1 events (3 less sure hidden)" in doc and "? → Азербайджан" not in doc
    assert 'name="focus" value="doc-one-sided:e4"' in doc and 'class="focus"' in doc
    actor = get(client, "/actor/AZE").text
    assert 'id="events"' in actor and "? → Азербайджан" in actor and "conf 0.40" in actor
    assert "/dyad/AZE/CHN" in actor
    actor = get(client, "/actor/AZE?min_confidence=0.5").text
    assert "? → Азербайджан" not in actor and "/dyad/AZE/CHN?min_confidence=0.5" in actor
    rus = get(client, "/actor/RUS").text
    assert "Россия, Китай → ?" in rus
    get(client, "/actor/person:nobody?min_confidence=1", 404)     # an unknown actor is still unknown
    assert "No events for this pair." in get(client, "/dyad/RUS/CHN").text    # co-actors only: no relation


def test_pages_dyad_with_only_less_sure_events_is_not_404(client, store):
    """A pair the knowledge base does not know is found by its events, also the less sure ones."""
    from dataclasses import replace
    from dyad.types import Document, Record
    qqq = R.ActorRef("QQQ", "Кукуния", "country", "QQQ", "QQQ")
    zzz = R.ActorRef("ZZZ", "Зузуния", "country", "ZZZ", "ZZZ")
    e = replace(R.one_sided_record().events[3], sources=(qqq,), targets=(zzz,), confidence=0.3)
    assert store.save(Record(Document("doc-qqq", R.TEXT4 + " Кукуния.", "2025-07-16", "ru"), events=(e,)))
    assert "No events for this pair with confidence at least 0.5" in get(client, "/dyad/QQQ/ZZZ?min_confidence=0.5").text
    get(client, "/dyad/QQQ/XXX?min_confidence=0.5", 404)


def test_api_min_confidence_on_every_event_route_and_documented(client):
    from conftest import ROOT
    spec = get(client, "/openapi.json").json()["paths"]
    taking = {path for path, ops in spec.items() for op in ops.values()
              if any(p["name"] == "min_confidence" for p in op.get("parameters", []))}
    assert taking == {"/api/dyads/{a}/{b}", "/api/dyads/{a}/{b}/timeline", "/api/dyads", "/api/events",
                      "/api/actors/{actor_id}", "/api/documents/{doc_id}", "/api/export/events.{fmt}",
                      # the attitudes' own score (tests/test_store_attitudes.py)
                      "/api/attitudes", "/api/dyads/{a}/{b}/attitudes", "/api/export/attitudes.{fmt}"}
    rows = [line for line in (ROOT / "docs" / "api.md").read_text(encoding="utf-8").splitlines()
            if line.startswith("| `GET /api/") and "min_confidence" in line]
    assert len(rows) == len(taking)
