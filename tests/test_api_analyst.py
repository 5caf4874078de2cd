"""What an analyst sees (issue 19): 404 for unknown actors and pairs, 422 for unknown codes and
reversed ranges, typed OpenAPI answers with their errors, totals and offsets, word-form search,
actors by any case form and no pseudo-actors, the dyad page's filters in the URL, event places,
labels in words, documents by title, and one export writer for the CLI and the API."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
from fastapi.testclient import TestClient

import records_for_api as R


@pytest.fixture
def client(store, monkeypatch):
    from dyad.serve.api import create_app
    monkeypatch.delenv("DYAD_TOKEN", raising=False)
    R.load_placed(store)
    with TestClient(create_app(store.url), raise_server_exceptions=False) as c:
        yield c
    c.app.state.store.engine.dispose()


def get(client, url: str, status: int = 200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:400])
    return r


ANSWERS = [   # (url, status, the parameter a 422 names)
    ("/api/dyads/AZE/XXX", 404, None), ("/api/dyads/XXX/AZE/timeline", 404, None),
    ("/api/events?pair=AZE-XXX", 404, None), ("/api/facts?pair=AZE-XXX", 404, None),
    ("/api/events?actor=no-such-actor", 404, None), ("/dyad/AZE/XXX", 404, None),
    ("/api/events?cameo=999", 422, "cameo"), ("/api/events?cameo=21", 422, "cameo"),
    ("/api/events?plover=FOO", 422, "plover"), ("/api/export/events.csv?plover=FOO", 422, "plover"),
    ("/api/events?start=2025-05-01&end=2025-01-01", 422, "end"),
    ("/api/facts?start=2025-05-01&end=2025-01-01", 422, "end"),
    ("/api/dyads/AZE/TUR?start=2025-05-01&end=2025-01-01", 422, "end"),
    ("/api/documents?start=2025-05-01&end=2025-01-01", 422, "end"),
    ("/dyad/AZE/TUR?cameo=999", 422, None), ("/dyad/AZE/TUR?plover=FOO", 422, None),
    ("/dyad/AZE/TUR?start=2025-05-01&end=2025-01-01", 422, None), ("/dyad/AZE/TUR?start=2025-13-01", 422, None),
    ("/api/events?cameo=04&plover=CONSULT&pair=AZE-TUR", 200, None), ("/api/dyads/AZE/SCO", 200, None),
]


@pytest.mark.parametrize("url, status, param", ANSWERS)
def test_api_analyst_unknown_answers_404_invalid_422(client, url, status, param):
    r = get(client, url, status)
    if param:
        assert r.json()["detail"][0]["loc"][-1] == param


def test_api_analyst_openapi_is_typed_and_documents_errors(client):
    spec = get(client, "/openapi.json").json()
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            ok = op["responses"].get("200") or op["responses"].get("201")
            content = ok["content"]
            if "application/json" in content:       # exports answer files
                assert "$ref" in content["application/json"]["schema"], (path, method)
            if path.startswith("/api/"):
                assert {"404", "422"} <= set(op["responses"]), (path, method)
    post = spec["paths"]["/api/documents"]["post"]["responses"]
    assert {"401", "403", "413", "422"} <= set(post)
    schemas = spec["components"]["schemas"]
    assert {"id", "cameo", "confidence", "evidence", "document"} <= set(schemas["Event"]["properties"])
    assert {"total", "limit", "offset", "items"} <= set(schemas["DyadPage"]["properties"])


def test_api_analyst_totals_and_offsets(client):
    page = get(client, "/api/dyads?limit=1&offset=1").json()
    assert page["total"] == 3 and page["offset"] == 1 and len(page["items"]) == 1
    actors = get(client, "/api/actors?q=Алиев&limit=2&offset=1").json()
    assert actors["total"] > 2 and actors["offset"] == 1 and len(actors["items"]) == 2
    for url in ("/api/events", "/api/facts", "/api/documents", "/api/search?q=Азербайджан"):
        assert {"total", "limit", "offset", "items"} <= set(get(client, url).json())


@pytest.mark.parametrize("q, doc", [("товарооборота", "doc-tianjin"), ("товарооборотом", "doc-places"),
                                    ("Турцией", "doc-rus-tur"), ("ТУРЦИЯ", "doc-places"),
                                    ("соглашения", "doc-energy")])
def test_api_analyst_search_finds_word_forms(client, q, doc):
    assert doc in [d["id"] for d in get(client, f"/api/search?q={q}").json()["items"]]


def test_api_analyst_actors_by_case_form_without_pseudo_actors(client):
    assert "recep-tayyip-erdogan" in [a["id"] for a in get(client, "/api/actors?q=Эрдогану").json()["items"]]
    assert "TUR" in [a["id"] for a in get(client, "/api/actors?q=Турцией").json()["items"]]
    for q in ("Алиев", "group", "Эрдоган"):
        assert not [a for a in get(client, f"/api/actors?q={q}").json()["items"] if a["id"].startswith("group:")]


def test_api_analyst_dyad_filters_kept_in_the_url(client):
    page = get(client, "/dyad/AZE/TUR").text
    assert "Баку" in page and "Анкара" in page and "2 events" not in page
    dated = get(client, "/dyad/AZE/TUR?start=2024-01-01&end=2024-12-31").text
    assert ">осудила</mark>" in dated and ">принял</mark>" not in dated and 'value="2024-01-01"' in dated
    assert "<b>1</b> events" in dated
    one_way = get(client, "/dyad/AZE/TUR?direction=ab").text
    assert ">принял</mark>" in one_way and ">осудила</mark>" not in one_way and 'value="ab" selected' in one_way
    typed = get(client, "/dyad/AZE/TUR?cameo=11").text
    assert ">осудила</mark>" in typed and ">принял</mark>" not in typed and 'value="11" selected' in typed
    plover = get(client, "/dyad/AZE/TUR?plover=CONSULT&min_confidence=0.5").text
    assert ">принял</mark>" in plover and ">осудила</mark>" not in plover and re.search(r'value="CONSULT"[^>]*selected', plover)
    empty = get(client, "/dyad/AZE/TUR?start=&end=&cameo=&plover=&direction=both&min_confidence=0").text
    assert ">принял</mark>" in empty and ">осудила</mark>" in empty      # a submitted form's empty fields
    api = get(client, "/api/dyads/AZE/TUR/timeline?start=2024-01-01").json()
    assert [m["month"] for m in api["months"]] == ["2024-05"]
    assert get(client, "/api/dyads/AZE/TUR?direction=ab").json()["events"] == 1        # the page's filters
    assert get(client, "/api/dyads/AZE/TUR?direction=ba&cameo=11").json()["by_quad"]["3"] == 1
    assert get(client, "/api/dyads/AZE/TUR?plover=AGREE").json()["events"] == 0
    get(client, "/api/dyads/AZE/TUR?direction=up", 422)


def test_api_analyst_places_on_the_dyad_page(client):
    from dyad.store import queries as Q
    engine = client.app.state.store.engine
    places = Q.pair_places(engine, Q.EventFilter(pair=("AZE", "TUR")))
    assert [(p["name"], p["events"], p["by_quad"]["1"], p["by_quad"]["3"]) for p in places] == [
        ("Анкара", 1, 0, 1), ("Баку", 1, 1, 0)]
    page = get(client, "/dyad/AZE/TUR?direction=ba").text
    data = json.loads(page.split('id="places-data">')[1].split("</script>")[0])
    assert [p["name"] for p in data] == ["Анкара"] and data[0]["lat"] == pytest.approx(39.9334)


def test_api_analyst_labels_in_words_codes_on_hover(client):
    page = get(client, "/dyad/AZE/CHN").text
    html = page.split('<script type="application/json"')[0]               # the page, not the charts' data
    visible = "".join(part.split(">", 1)[-1] for part in html.split("<"))   # text outside the tags
    for code in ("trade_turnover", "dialogue_partner", "test.trade"):
        assert code not in visible, code
        assert f'title="{code}"' in page or f'title="rule {code}"' in page, code
    assert "trade turnover" in page and "dialogue partner" in page and "3.1 bn USD" in page
    doc = get(client, "/document/doc-tianjin").text
    assert "Ильхам Алиев" in doc and 'id="record"' in doc and "<pre id=\"record\">" not in doc


def test_api_analyst_documents_listed_by_title(client):
    docs = {d["id"]: d for d in get(client, "/api/documents").json()["items"]}
    assert docs["doc-rus-tur"]["heading"] == R.TEXT3 and docs["doc-tianjin"]["heading"] == "Алиев и Си Цзиньпин в Тянцзине"
    index = get(client, "/").text
    assert R.TEXT3 in index and ">doc-rus-tur<" not in index
    assert "Президент Азербайджана принял в Баку" in get(client, "/dyad/AZE/TUR").text


def test_api_analyst_one_gdelt_layout_for_cli_and_api(client, store, tmp_path):
    from typer.testing import CliRunner
    from dyad.serve.cli import app
    from dyad.serve.export import GDELT_COLUMNS
    api = get(client, "/api/export/events.tsv").text
    runner = CliRunner()
    cli = runner.invoke(app, ["export", "--format", "gdelt", "--db", store.url])
    assert cli.exit_code == 0 and cli.output == api
    header, *rows = api.splitlines()
    assert header.split("\t") == list(GDELT_COLUMNS) and all(len(r.split("\t")) == 61 for r in rows)
    assert rows[0].split("\t")[0].startswith("doc-")                       # the event's store id
    out = tmp_path / "events.csv"
    assert runner.invoke(app, ["export", "--format", "csv", "--output", str(out), "--db", store.url]).exit_code == 0
    assert out.read_text(encoding="utf-8") == get(client, "/api/export/events.csv?limit=100000").text
    assert len(list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))) == 6
    pq_file = tmp_path / "events.parquet"
    assert runner.invoke(app, ["export", "--format", "parquet", "-o", str(pq_file), "--db", store.url]).exit_code == 0
    import pyarrow.parquet as pq
    assert pq.read_table(pq_file).num_rows == 6
    lines = runner.invoke(app, ["export", "--format", "jsonl", "--db", store.url]).output.splitlines()
    assert {json.loads(x)["id"] for x in lines} == {r["id"] for r in csv.DictReader(io.StringIO(out.read_text("utf-8")))}
    assert runner.invoke(app, ["export", "--format", "xml", "--db", store.url]).exit_code == 2
