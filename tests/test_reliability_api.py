"""Hostile requests: schemathesis against the app's OpenAPI spec finds no server error (5xx); writes
need the token; stored text with markup is shown as text.

`make test` caps schemathesis at ``API_EXAMPLES`` examples per operation (``DYAD_API_EXAMPLES``
raises it; bench/fuzz.py runs it with 500).
"""
from __future__ import annotations

import os
import threading
import time

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


# --- bodies: the token first, then the size (hardening audit) --------------------------------
MB = 1 << 20


def _asgi_post(app, headers: list[tuple[bytes, bytes]], chunks: int, size: int = MB) -> tuple[int, int]:
    """``POST /api/documents`` straight through ASGI, its body ``chunks`` pieces of ``size`` bytes
    offered one by one: the status and how many pieces the app read before answering."""
    import asyncio
    piece, read, sent = b"x" * size, 0, []

    async def receive():
        nonlocal read
        if read == chunks:
            return {"type": "http.disconnect"}
        read += 1
        return {"type": "http.request", "body": piece, "more_body": read < chunks}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/api/documents", "raw_path": b"/api/documents", "query_string": b"",
             "root_path": "", "headers": [(b"host", b"testserver"), (b"content-type", b"application/json"),
                                          *headers],
             "client": ("127.0.0.1", 1), "server": ("testserver", 80), "state": {}}
    asyncio.run(app(scope, receive, send))
    return next(m["status"] for m in sent if m["type"] == "http.response.start"), read


def test_reliability_api_token_is_checked_before_the_body(app, monkeypatch):
    """A write without the right token is refused before one byte of its body is read (before, a
    300 MB POST without a token was read whole, the server growing by 600 MB, then answered 401)."""
    length = [(b"content-length", str(16 * MB).encode())]
    assert _asgi_post(app, length, 16) == (401, 0)                                    # no header
    assert _asgi_post(app, [(b"authorization", b"Basic abc")], 16) == (401, 0)          # chunked, not Bearer
    assert _asgi_post(app, [(b"authorization", b"Bearer wrong"), *length], 16) == (403, 0)
    monkeypatch.delenv("DYAD_TOKEN")
    assert _asgi_post(app, [(b"authorization", b"Bearer test-token-not-sent-by-schemathesis")], 16) == (403, 0)


def test_reliability_api_body_size_is_bounded(app):
    """With the token, a body above DYAD_MAX_BODY (8,000,000 bytes by default) answers 413: at once
    when its Content-Length says so, else once the bytes read pass the limit, never all of them."""
    auth = [(b"authorization", b"Bearer test-token-not-sent-by-schemathesis")]
    assert _asgi_post(app, [*auth, (b"content-length", str(16 * MB).encode())], 16) == (413, 0)
    status, read = _asgi_post(app, auth, 16)                                           # chunked
    assert status == 413 and read == 8_000_000 // MB + 1
    assert _asgi_post(app, [*auth, (b"content-length", b"1024")], 1, 1024) == (422, 1)  # within: the app reads it


def test_reliability_api_body_limit_setting(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient
    from dyad.serve.api import create_app
    monkeypatch.setenv("DYAD_TOKEN", "t")
    monkeypatch.setenv("DYAD_MAX_BODY", "2_000")
    client = TestClient(create_app(f"sqlite:///{tmp_path / 'limit.db'}"))
    auth = {"Authorization": "Bearer t"}
    big = client.post("/api/documents", headers=auth, json={"text": "ж" * 1000, "date": "2025-01-01"})
    assert big.status_code == 413 and "2,000 bytes (DYAD_MAX_BODY)" in big.json()["detail"]
    small = client.post("/api/documents", headers=auth, json={"text": "", "date": "2025-01-01"})
    assert small.status_code == 422
    from dyad.errors import UsageError
    for bad in ("0", "-5", "lots", "1.5"):
        monkeypatch.setenv("DYAD_MAX_BODY", bad)
        with pytest.raises(UsageError, match="E300 DYAD_MAX_BODY"):
            create_app(f"sqlite:///{tmp_path / 'limit.db'}")
    import subprocess
    import sys
    monkeypatch.setenv("DYAD_MAX_BODY", "lots")
    serve = subprocess.run([sys.executable, "-m", "dyad", "serve", "--db", f"sqlite:///{tmp_path / 'limit.db'}"],
                           capture_output=True, text=True, timeout=120)
    assert serve.returncode == 2
    assert serve.stderr == "E300 DYAD_MAX_BODY='lots' is not a positive whole number of bytes\n"


@pytest.fixture
def live(tmp_path, monkeypatch):
    """The app on a fresh database, served by uvicorn on a loopback port in this process."""
    from test_browser import LiveServer
    monkeypatch.setenv("DYAD_TOKEN", "live-token")
    with LiveServer(f"sqlite:///{tmp_path / 'live.db'}") as server:
        yield server


def _raw(url: str, head: str, timeout: float = 5.0) -> bytes:
    """Send only a request's head (no body) and return what the server answers within ``timeout``."""
    import socket
    from urllib.parse import urlsplit
    host, port = urlsplit(url).hostname, urlsplit(url).port
    with socket.create_connection((host, port), timeout=timeout) as s:
        s.sendall(head.encode("latin-1"))
        try:
            return s.recv(65536)
        except socket.timeout:
            return b""


def test_reliability_api_refused_before_the_body_is_sent(live):
    """On a real server: a POST that announces 300 MB is answered 401 (no token) or 413 (too large)
    while the client has sent its head only."""
    head = ("POST /api/documents HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: 300000000\r\n{auth}\r\n")
    assert _raw(live.url, head.format(auth="")).startswith(b"HTTP/1.1 401 ")
    assert _raw(live.url, head.format(auth="Authorization: Bearer wrong\r\n")).startswith(b"HTTP/1.1 403 ")
    answer = _raw(live.url, head.format(auth="Authorization: Bearer live-token\r\n"))
    assert answer.startswith(b"HTTP/1.1 413 ") and b"connection: close" in answer.lower()
    assert b"content-security-policy" in answer.lower()


def test_reliability_api_reads_are_answered_while_uploads_wait(live, monkeypatch):
    """More uploads at once than the server has worker threads (AnyIO's 40): their pipelines run on
    a pool of their own (UPLOAD_WORKERS), so a GET is still answered at once. Before, each upload's
    pipeline took one of the threads that every read also needs, and the GET waited for them."""
    import httpx
    from dyad import pipeline
    from dyad.types import Record
    release, running, lock = threading.Event(), [0], threading.Lock()

    def slow(doc):                      # the pipeline of a long article, as long as the test wants
        with lock:
            running[0] += 1
        release.wait(60)
        return Record(doc)

    monkeypatch.setattr(pipeline, "process", slow)
    answers: list[int] = []

    def upload(i: int) -> None:
        r = httpx.post(live.url + "/api/documents", headers={"Authorization": "Bearer live-token"},
                       json={"text": f"Статья номер {i}.", "date": "2025-01-01"}, timeout=120)
        answers.append(r.status_code)

    uploads = [threading.Thread(target=upload, args=(i,)) for i in range(44)]
    for th in uploads:
        th.start()
    try:
        deadline = time.monotonic() + 30
        while not running[0] and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.5)                  # the other uploads reach the server and wait
        started = time.monotonic()
        read = httpx.get(live.url + "/api/documents", timeout=10)
        waited = time.monotonic() - started
        assert read.status_code == 200 and waited < 5, waited
        assert running[0] <= 4           # a few pipelines at a time (UPLOAD_WORKERS); the others wait
    finally:
        release.set()
        for th in uploads:
            th.join(120)
    assert answers == [201] * 44


def test_reliability_api_read_during_a_long_upload(live):
    """The real pipeline on a long article (50,000 characters): GETs are answered while it runs."""
    import httpx
    body = "\n".join(p.read_text(encoding="utf-8").split("\n", 1)[1] for p in sorted(EXAMPLES.glob("*.txt")))
    text = (body * (50_000 // len(body) + 1))[:50_000]
    result: dict = {}

    def upload() -> None:
        started = time.monotonic()
        r = httpx.post(live.url + "/api/documents", headers={"Authorization": "Bearer live-token"},
                       json={"text": text, "date": "2025-01-01"}, timeout=600)
        result.update(status=r.status_code, seconds=time.monotonic() - started)

    th = threading.Thread(target=upload)
    th.start()
    time.sleep(0.2)
    waits = []                          # (seconds, the upload still running when it was answered)
    while th.is_alive() and len(waits) < 20:
        started = time.monotonic()
        assert httpx.get(live.url + "/api/documents", timeout=30).status_code == 200
        waits.append((time.monotonic() - started, th.is_alive()))
        time.sleep(0.2)
    th.join(600)
    during = [w for w, running in waits if running]
    print(f"upload of {len(text):,} characters: {result.get('seconds', 0):.1f} s; {len(during)} reads "
          f"answered meanwhile, the slowest in {max(during, default=0):.2f} s")
    assert result["status"] == 201
    if not during:
        pytest.skip("the upload finished before a read could overlap it")
    assert max(during) < 5


def test_reliability_api_serves_loopback_and_compares_in_constant_time(monkeypatch):
    """What held before the audit still holds: `dyad serve` listens on 127.0.0.1 unless told, and
    the token is compared with hmac.compare_digest (the Guard and the route's dependency alike)."""
    import hmac
    import inspect
    from dyad.serve import cli, guard
    assert inspect.signature(cli.serve).parameters["host"].default.default == "127.0.0.1"
    compared, real = [], hmac.compare_digest
    monkeypatch.setattr(guard.hmac, "compare_digest", lambda a, b: compared.append((a, b)) or real(a, b))
    monkeypatch.setenv("DYAD_TOKEN", "s3cret")
    assert guard.token_problem("Bearer s3cret") is None
    assert guard.token_problem("bearer s3creT")[:2] == (403, "wrong token")
    assert compared == [(b"s3cret", b"s3cret"), (b"s3creT", b"s3cret")]
