"""The HTTP API and the pages (dyad.serve.api) on SQLite and PostgreSQL: every route, paging limits,
404 and 422 answers, escaping, and the token on writes."""
from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient

import records_for_api as R

TOKEN = "s3cret-token"


@pytest.fixture
def client(store, monkeypatch):
    from dyad.serve.api import create_app
    monkeypatch.delenv("DYAD_TOKEN", raising=False)
    R.load(store)
    with TestClient(create_app(store.url), raise_server_exceptions=False) as c:
        yield c
    c.app.state.store.engine.dispose()


def ok(client, url: str, status: int = 200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:500])
    return r


PAGES = [
    "/", "/dyad/AZE/CHN", "/dyad/chn/aze", "/actor/AZE", "/actor/ilham-aliyev", "/document/doc-tianjin",
    "/document/doc-tianjin?focus=doc-tianjin:e1", "/search", "/search?q=Тянцзине", "/docs", "/openapi.json",
    "/static/plotly.min.js", "/static/dyad.js", "/static/actor.js", "/static/document.js", "/static/dyad.css",
]


def test_api_pages_answer(client):
    for url in PAGES:
        ok(client, url)


def test_api_every_route_is_tested(client):
    tested = {"/api/dyads/{a}/{b}", "/api/dyads/{a}/{b}/timeline", "/api/dyads", "/api/events",
              "/api/events/{event_id}", "/api/facts", "/api/facts/{fact_id}", "/api/actors", "/api/actors/{actor_id}",
              "/api/documents", "/api/documents/{doc_id}", "/api/search", "/api/export/events.{fmt}",
              "/api/export/facts.{fmt}", "/-/version", "/-/pipeline"}
    assert set(client.get("/openapi.json").json()["paths"]) == tested


def test_api_dyad_summary_and_timeline(client):
    s = ok(client, "/api/dyads/AZE/CHN").json()
    assert s["events"] == 3 and s["by_quad"]["1"] == 3 and s["facts"]["trade_turnover"] == 1
    tl = ok(client, "/api/dyads/chn/aze/timeline?start=2025-01-01&end=2025-12-31").json()
    assert [m["events"] for m in tl["months"]] == [2, 1]
    assert ok(client, "/api/dyads?limit=1").json()["items"] == [{"a": "AZE", "b": "CHN", "events": 3}]


def test_api_events_facts_and_paging(client):
    page = ok(client, "/api/events?pair=AZE-CHN&limit=2").json()
    assert page["total"] == 3 and len(page["items"]) == 2 and page["limit"] == 2
    assert len(ok(client, "/api/events?pair=AZE-CHN&limit=2&offset=2").json()["items"]) == 1
    e = page["items"][0]
    assert e["id"] == "doc-tianjin:e1" and e["trigger"]["text"] == "встреча" and "Тянцзине" in e["evidence"]["text"]
    assert ok(client, f"/api/events/{e['id']}").json()["id"] == e["id"]
    assert ok(client, "/api/events?actor=AZE&actor=CHN&cameo=057&quad_class=1&plover=AGREE"
                      "&start=2025-01-01&end=2025-12-31&document=doc-energy").json()["total"] == 2
    facts = ok(client, "/api/facts?pair=AZE-CHN&kind=trade_turnover").json()
    assert facts["total"] == 1 and facts["items"][0]["value"] == 3.1e9
    assert ok(client, "/api/facts/doc-tianjin:f1").json()["kind"] == "trade_turnover"
    assert ok(client, "/api/facts?actor=AZE&kind=membership&start=2020-01-01").json()["total"] == 1
    assert ok(client, "/api/documents?limit=1").json()["total"] == 3


def test_api_actors_documents_search(client):
    assert any(a["id"] == "AZE" for a in ok(client, "/api/actors?q=Азербайджан").json()["items"])
    aze = ok(client, "/api/actors/AZE").json()
    assert aze["partners"][0]["id"] == "CHN"
    doc = ok(client, "/api/documents/doc-tianjin").json()
    assert doc["text"] == R.TEXT1 and len(doc["mentions"]) == 6
    for m in doc["mentions"]:
        assert doc["text"][m["start"]:m["end"]] == m["text"]
    hits = ok(client, "/api/search?q=товарооборот").json()
    assert hits["total"] == 1 and hits["items"][0]["id"] == "doc-tianjin"


def test_api_exports(client):
    import pyarrow.parquet as pq
    csv = ok(client, "/api/export/events.csv?actor=AZE").text
    assert csv.splitlines()[0].startswith("id,document_id,date") and len(csv.splitlines()) == 4
    tsv = ok(client, "/api/export/events.tsv").text.splitlines()
    assert tsv[0].split("\t")[:3] == ["GLOBALEVENTID", "SQLDATE", "MonthYear"] and len(tsv) == 1 + 2 + 2 + 1
    jl = ok(client, "/api/export/events.jsonl?limit=2").text.splitlines()
    assert len(jl) == 2
    table = pq.read_table(io.BytesIO(ok(client, "/api/export/events.parquet").content))
    assert table.num_rows == 4 and "cameo" in table.column_names
    assert len(ok(client, "/api/export/facts.csv").text.splitlines()) == 4
    assert pq.read_table(io.BytesIO(ok(client, "/api/export/facts.parquet").content)).num_rows == 3
    assert len(ok(client, "/api/export/facts.jsonl").text.splitlines()) == 3


def test_api_introspection(client):
    v = ok(client, "/-/version").json()
    assert v["schema"] == "0005" and v["database"] in ("sqlite", "postgresql")
    p = ok(client, "/-/pipeline").json()
    assert [s["name"] for s in p["stages"]][:3] == ["lang", "date", "nlp"] and p["problems"] == []


NOT_FOUND = [
    "/api/documents/nope", "/api/events/nope", "/api/facts/nope", "/api/actors/no-such-actor",
    "/document/nope", "/actor/no-such-actor", "/dyad/QQQ/ZZZ", "/nowhere",
]


def test_api_404(client):
    for url in NOT_FOUND:
        ok(client, url, 404)


INVALID = [
    "/api/events?limit=0", "/api/events?limit=501", "/api/events?offset=-1", "/api/events?limit=abc",
    "/api/events?start=2025-02-31", "/api/events?end=yesterday", "/api/events?quad_class=5",
    "/api/events?cameo=4x", "/api/events?plover=drop%20table", "/api/events?pair=AZE", "/api/events?actor=a%20b",
    "/api/facts?kind=gossip", "/api/facts?limit=100000", "/api/documents?offset=99999999999",
    "/api/dyads/AZ/CHN", "/api/dyads/AZE/CH1/timeline", "/api/dyads/AZE/CHN?start=2025-13-01",
    "/api/search", "/api/search?q=", "/api/search?q=%00", "/api/actors?q=" + "x" * 201,
    "/api/export/events.xml", "/api/export/facts.tsv", "/api/export/events.csv?limit=100001",
    "/api/actors/a%20b", "/dyad/AZE/C", "/search?q=%00", "/search?offset=-5",
]


def test_api_422(client):
    for url in INVALID:
        r = ok(client, url, 422)
        if url.startswith("/api/"):
            assert "detail" in r.json()


def test_api_escapes_rendered_text(client, store):
    from dyad.types import Document, Record
    store.save(Record(Document("doc-xss", "Текст <script>window.pwned=1</script> & <b>жирный</b>", "2025-01-01",
                               "ru", "<img src=x onerror=alert(1)>")))
    page = ok(client, "/document/doc-xss").text
    assert "<script>window.pwned" not in page and "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;script&gt;" in ok(client, "/document/doc-tianjin").text
    hits = ok(client, "/search?q=script").text
    assert "<script>window" not in hits and "<img src=x" not in hits


def test_api_upload_needs_the_token(client, monkeypatch):
    body = {"text": "Азербайджан и Китай подписали меморандум.", "date": "2025-09-01", "id": "up-1"}
    assert client.post("/api/documents", json=body).status_code == 403          # DYAD_TOKEN unset
    monkeypatch.setenv("DYAD_TOKEN", TOKEN)
    r = client.post("/api/documents", json=body)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert client.post("/api/documents", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert client.post("/api/documents", json=body, headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401
    assert client.get("/api/documents/up-1").status_code == 404                   # nothing was written

    from dyad import pipeline
    from dyad.types import Record
    monkeypatch.setattr(pipeline, "process", lambda doc: Record(doc))        # the NLP is tested elsewhere
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = client.post("/api/documents", json=body, headers=auth)
    assert r.status_code == 201 and r.json()["id"] == "up-1" and r.json()["stored"] is True
    assert client.get("/api/documents/up-1").json()["text"] == body["text"]
    assert client.post("/api/documents", json=body, headers=auth).json()["stored"] is False
    for bad in ({"text": "", "date": "2025-01-01"}, {"text": "x", "date": "2025-02-30"}, {"text": "x"},
                {"text": "a\x00b", "date": "2025-01-01"}, {"text": "x", "date": "2025-01-01", "id": "a/b"}):
        assert client.post("/api/documents", json=bad, headers=auth).status_code == 422, bad
    assert client.put("/api/documents", json=body, headers=auth).status_code == 405


def test_api_upload_runs_the_pipeline(tmp_path, monkeypatch):
    """One real upload (SQLite only): the article goes through the NLP stages and is stored."""
    from dyad.serve.api import create_app
    monkeypatch.setenv("DYAD_TOKEN", TOKEN)
    with TestClient(create_app(f"sqlite:///{tmp_path / 'up.db'}")) as c:
        r = c.post("/api/documents", headers={"Authorization": f"Bearer {TOKEN}"},
                   json={"text": "Президент Азербайджана Ильхам Алиев посетил Пекин.", "date": "2025-08-31"})
        assert r.status_code == 201, r.text
        assert r.json()["mentions"] >= 2
        doc = c.get(f"/api/documents/{r.json()['id']}").json()
        assert any(m["actor"] and m["actor"]["id"] == "AZE" for m in doc["mentions"])
