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
              "/api/export/facts.{fmt}", "/-/version", "/-/pipeline",
              # in tests/test_store_attitudes.py
              "/api/attitudes", "/api/attitudes/{attitude_id}", "/api/dyads/{a}/{b}/attitudes",
              "/api/export/attitudes.{fmt}",
              # in tests/test_api_alerts.py
              "/api/alerts"}
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
    assert v["schema"] == "0009" and v["database"] in ("sqlite", "postgresql")
    p = ok(client, "/-/pipeline").json()
    assert [s["name"] for s in p["stages"]][:3] == ["lang", "date", "nlp"] and p["problems"] == []
    assert p["languages"]["ru"]["stages"] == p["stages"] and p["languages"]["ru"]["problems"] == []


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
    "/api/events?cameo=4x", "/api/events?plover=drop%20table", "/api/events?pair=AZE", "/api/events?actor=a%00b",
    "/api/facts?kind=gossip", "/api/facts?limit=100000", "/api/documents?offset=99999999999",
    "/api/dyads/AZ/CHN", "/api/dyads/AZE/CH1/timeline", "/api/dyads/AZE/CHN?start=2025-13-01",
    "/api/search", "/api/search?q=", "/api/search?q=%00", "/api/actors?q=" + "x" * 201,
    "/api/export/events.xml", "/api/export/facts.tsv", "/api/export/events.csv?limit=100001",
    "/api/actors/a%00b", "/dyad/AZE/C", "/search?q=%00", "/search?offset=-5",
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
                {"text": "a\x00b", "date": "2025-01-01"}, {"text": "x", "date": "2025-01-01", "id": ".."},
                {"text": "x", "date": "2025-01-01", "id": "a\x00b"}, {"text": "x", "date": "2025-01-01", "id": "x" * 201}):
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


# --- links, ids and headers (hardening audit) ------------------------------------------------
HOSTILE_URLS = ["javascript:alert(1)", "JaVaScRiPt:alert(document.cookie)", " javascript:alert(1)",
                "java\tscript:alert(1)", "\x01javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                "vbscript:msgbox(1)", "//evil.example/x", "https:alert(1)", "https://", "file:///etc/passwd"]


def segment(value: str) -> str:
    """An id as one path segment, percent-encoded (as a client writes it)."""
    from urllib.parse import quote
    return quote(value, safe="")


def _hrefs(page: str) -> list[str]:
    import html
    import re
    return [html.unescape(h) for h in re.findall(r'href="([^"]*)"', page)]


def _pair_record(doc_id: str, text: str, url: str | None = None, actors=(R.AZE, R.CHN)):
    from dyad.types import Document, Fact, Record
    a, b = actors
    word = text.split()[0]
    return Record(Document(doc_id, text, "2025-05-01", "ru", f"title of {doc_id!r}", url),
                  mentions=(R.mention(text, word, "LOC", a),),
                  events=(R.event(text, "e1", "2025-05-01", (a,), (b,), "057", 1, 8.0, word, "AGREE"),),
                  facts=(Fact("f1", "sector", a, b, R.sentence(text, word), "test.sector",
                              attributes=(("sector", "energy"),)),))


def test_api_only_web_urls_are_links(client, store):
    """A document's url is a link only when it is an http(s) URL; ``javascript:`` in any case or
    disguise (and every other scheme) is shown as text on the document and dyad pages, never an href."""
    for i, url in enumerate(HOSTILE_URLS + ["https://example.com/news?id=1&x=2", "HTTP://EXAMPLE.COM/a"]):
        store.save(_pair_record(f"doc-url-{i}", f"Подписали соглашение номер {i}.", url))
    pages = {f"/document/doc-url-{i}": ok(client, f"/document/doc-url-{i}").text for i in range(len(HOSTILE_URLS) + 2)}
    pages["/dyad/AZE/CHN"] = ok(client, "/dyad/AZE/CHN").text
    links = [h for page in pages.values() for h in _hrefs(page)]
    assert "https://example.com/news?id=1&x=2" in links and "HTTP://EXAMPLE.COM/a" in links
    for h in links:
        assert h.startswith("/") and not h.startswith("//") or h.lower().startswith(("https://", "http://")), h
    assert "javascript:alert(1)" in pages["/document/doc-url-0"]          # shown, as text
    assert "data:text/html,&lt;script&gt;" in pages["/document/doc-url-5"]
    assert ok(client, "/api/documents/doc-url-1").json()["url"] == HOSTILE_URLS[1]   # stored as given


SECURITY_HEADERS = {"x-content-type-options": "nosniff", "x-frame-options": "DENY",
                    "referrer-policy": "same-origin"}


def test_api_security_headers_on_every_answer(client, monkeypatch):
    monkeypatch.setenv("DYAD_TOKEN", TOKEN)
    answers = [client.get(u) for u in PAGES + NOT_FOUND + INVALID[:3] + ["/api/events", "/api/export/events.csv",
                                                                     "/api/export/events.parquet", "/-/version"]]
    answers += [client.post("/api/documents", json={}), client.put("/api/documents", json={}),
                client.post("/api/documents", content=b"x" * 10, headers={"Authorization": f"Bearer {TOKEN}"}),
                client.delete("/document/doc-tianjin", headers={"Authorization": f"Bearer {TOKEN}"})]
    for page in ("/", "/dyad/AZE/CHN", "/actor/AZE", "/document/doc-tianjin", "/search?q=x", "/docs"):
        assert "<script>" not in ok(client, page).text            # no inline script for the CSP to refuse
    from dyad.store import queries as Q

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")
    monkeypatch.setattr(Q, "top_dyads", broken)
    monkeypatch.setattr(Q, "dyads", broken)
    answers += [client.get("/api/dyads"), client.get("/")]                # 500s carry them too
    assert [r.status_code for r in answers[-2:]] == [500, 500]
    for r in answers:
        for name, value in SECURITY_HEADERS.items():
            assert r.headers.get(name) == value, (r.request.url, name, r.headers)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
        assert "unsafe-eval" not in csp and "script-src 'self' 'unsafe-inline'" not in csp


ODD_IDS = ["a/b", "https://example.com/news/2025/06/12/article?id=7&lang=ru#top", "line\nbreak", "tab\there",
           "ctl\x01\x1f\x7f", " spaced ", "100%", "a/../b", "a/./b", "trailing/", "/leading", "//double//",
           "ёжик/в тумане", "plus+&amp;", "?q=1", "#hash", "e1:f1", "x" * 200]


def test_api_every_stored_id_is_reachable(client, store):
    """Ids the readers and the store accept (a feed's guid URL, 'a/b', control characters) answer
    200 in the API and on the pages, and every link the pages write leads to the right record."""
    for i, doc_id in enumerate(ODD_IDS):
        assert store.save(_pair_record(doc_id, f"Договорились о сотрудничестве {i}."))
    for doc_id in ODD_IDS:
        path = segment(doc_id)
        assert ok(client, f"/api/documents/{path}").json()["id"] == doc_id
        assert ok(client, f"/api/events/{segment(doc_id + ':e1')}").json()["document"]["id"] == doc_id
        assert ok(client, f"/api/facts/{segment(doc_id + ':f1')}").json()["document"]["id"] == doc_id
        assert client.get("/api/events", params={"document": doc_id}).json()["total"] == 1
        page = ok(client, f"/document/{path}").text
        assert f"/api/documents/{path}" in _hrefs(page)
    followed = 0
    for page in ("/", "/dyad/AZE/CHN", "/actor/AZE", "/search?q=сотрудничестве"):
        for href in _hrefs(ok(client, page).text):
            if href.startswith("/document/"):
                assert client.get(href).status_code == 200, href
                followed += 1
    assert followed >= 20


def test_api_actor_ids_and_historical_states_are_reachable(client, store):
    from dyad.types import ActorRef
    empire = ActorRef("russian-empire", "Российская империя", "country", "russian-empire", "russian-empire")
    porte = ActorRef("ottoman-empire", "Османская империя", "country", "ottoman-empire", "ottoman-empire")
    odd = ActorRef("group:AZE+CHN / партнёры", "Стороны", "group", None, None)
    store.save(_pair_record("doc-empires", "Подписали мирный договор.", actors=(empire, porte)))
    store.save(_pair_record("doc-group", "Договорились о встрече.", actors=(odd, R.TUR)))
    assert ok(client, "/api/dyads/russian-empire/ottoman-empire").json()["events"] == 1
    assert ok(client, "/api/dyads/RUSSIAN-EMPIRE/ottoman-empire", 422)
    assert ok(client, "/api/events?pair=russian-empire-ottoman-empire").json()["total"] == 1
    assert ok(client, "/api/events?pair=AZE-chn").json()["total"] == 3
    assert ok(client, "/api/facts?pair=ottoman-empire-russian-empire").json()["total"] == 1
    actor_page = ok(client, "/actor/russian-empire").text
    assert "/dyad/russian-empire/ottoman-empire" in _hrefs(actor_page)
    dyad_page = ok(client, "/dyad/russian-empire/ottoman-empire").text
    for href in _hrefs(dyad_page):
        if not href.startswith("/static/"):
            assert client.get(href).status_code == 200, href
    assert ok(client, f"/api/actors/{segment(odd.id)}").json()["id"] == odd.id
    assert "Стороны" in ok(client, f"/actor/{segment(odd.id)}").text
    assert client.get("/api/events", params={"actor": odd.id}).json()["total"] == 1
