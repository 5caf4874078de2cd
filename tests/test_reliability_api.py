"""Hostile requests: schemathesis against the app's OpenAPI spec finds no server error (5xx); writes
need the token; stored text with markup is shown as text.

`make test` caps schemathesis at ``API_EXAMPLES`` examples per operation (``DYAD_API_EXAMPLES``
raises it; bench/fuzz.py runs it with 500).
"""
from __future__ import annotations

import os

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from conftest import EXAMPLES  # noqa: E402

API_EXAMPLES = int(os.environ.get("DYAD_API_EXAMPLES", "25"))
HOSTILE = ("date 2025-06-12\nПрезидент России Владимир Путин провёл переговоры с президентом Казахстана "
           "Касым-Жомартом Токаевым. <script>alert('x')</script> <b onmouseover=alert(1)>жирный</b> "
           "' OR 1=1; DROP TABLE documents; --")


@pytest.fixture(scope="module")
def app_db(tmp_path_factory):
    """A small database: the bundled examples and one article full of markup and SQL."""
    from dyad.ingest.readers import read_path
    from dyad.pipeline import process
    from dyad.store import open_store
    work = tmp_path_factory.mktemp("api")
    (work / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    url = f"sqlite:///{work / 'api.db'}"
    store = open_store(url)
    for path in (*sorted(EXAMPLES.glob("*.txt")), work / "hostile.txt"):
        for item in read_path(path):
            store.save(process(item.document))
    store.engine.dispose()
    return url


@pytest.fixture(scope="module")
def app(app_db):
    from dyad.serve.api import create_app
    old = os.environ.get("DYAD_TOKEN")
    os.environ["DYAD_TOKEN"] = "test-token-not-sent-by-schemathesis"
    try:
        yield create_app(app_db)
    finally:
        if old is None:
            os.environ.pop("DYAD_TOKEN", None)
        else:
            os.environ["DYAD_TOKEN"] = old


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_reliability_api_schemathesis_no_server_error(api_schema):
    """Every operation of the spec, ``API_EXAMPLES`` generated requests each (positive and negative
    data); schemathesis' pytest plugin is not used (it does not run on pytest 9), the operations are
    driven through hypothesis directly."""
    from hypothesis import given
    failures, tried = [], {}
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @settings(max_examples=API_EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def run(case):
            tried[operation.label] = tried.get(operation.label, 0) + 1
            case.call_and_validate(checks=[not_a_server_error])

        try:
            run()
        except Exception as exc:  # noqa: BLE001 - collect every operation's failure
            failures.append(f"{operation.label}: {str(exc)[:1500]}")
    print(f"schemathesis: {len(tried)} operations, {sum(tried.values())} requests, "
          f"{len(failures)} operations with a server error")
    assert len(tried) >= 5
    assert failures == [], "\n\n".join(failures)


def test_reliability_api_writes_need_the_token(app):
    from fastapi.testclient import TestClient
    client = TestClient(app)
    body = {"text": "Президент России посетил Казахстан.", "date": "2025-06-12"}
    assert client.post("/api/documents", json=body).status_code in (401, 403)
    wrong = client.post("/api/documents", json=body, headers={"Authorization": "Bearer wrong"})
    assert wrong.status_code == 403


def test_reliability_api_markup_is_shown_as_text(app, app_db):
    from fastapi.testclient import TestClient
    from dyad.store import open_store
    client = TestClient(app)
    store = open_store(app_db)
    from sqlalchemy import text
    with store.engine.connect() as conn:
        doc_id = conn.execute(text("SELECT id FROM documents WHERE text LIKE '%<script>%'")).scalar_one()
        assert conn.execute(text("SELECT count(*) FROM documents")).scalar_one() >= 7   # nothing dropped
    store.engine.dispose()
    api = client.get(f"/api/documents/{doc_id}")
    assert api.status_code == 200 and "<script>alert('x')</script>" in api.json()["text"]
    page = client.get(f"/document/{doc_id}")
    assert page.status_code == 200
    assert "<script>alert(" not in page.text and "<b onmouseover" not in page.text
    assert "&lt;script&gt;" in page.text
    search = client.get("/api/search", params={"q": "' OR 1=1; DROP TABLE documents; --"})
    assert search.status_code == 200
