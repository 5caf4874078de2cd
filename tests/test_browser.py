"""The dashboard in real headless Chromium (Debian's ``chromium``, driven by Playwright).

The server is uvicorn on a free loopback port in a background thread. Under CI=true a missing
Chromium or Playwright fails the run instead of skipping it.

``test_browser_seed_dyad_page`` is the issue's acceptance test on the seed article; the seed is read
from ../shared at run time and the expected evidence sentences are taken from its record.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time

import pytest

from conftest import IN_CI

import records_for_api as R

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu",
        "--headless"]


def _need_browser():
    try:
        from playwright.sync_api import sync_playwright  # noqa: F401
    except ImportError:
        if IN_CI:
            pytest.fail("playwright is not installed: `make install` installs the test extras")
        pytest.skip("playwright is not installed")
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        if IN_CI:
            pytest.fail(f"{CHROMIUM} is missing: `make test` installs it (scripts/system-deps.sh)")
        pytest.skip("chromium is not installed")


@pytest.fixture(scope="module")
def browser():
    _need_browser()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium"),
                              args=ARGS, headless=True)
        yield b
        b.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """``create_app(url)`` served by uvicorn in a thread; ``.url`` is its base address."""

    def __init__(self, db_url: str):
        import uvicorn
        from dyad.serve.api import create_app
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        self.server = uvicorn.Server(uvicorn.Config(create_app(db_url), host="127.0.0.1", port=port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def hand_server(tmp_path_factory):
    from dyad.store import open_store
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'hand.db'}"
    store = open_store(url)
    R.load_placed(store)
    from dyad.types import Document, Record
    store.save(Record(Document("doc-xss", "Текст <script>window.pwned=1</script> <b>не жирный</b>.", "2025-01-02",
                               "ru", "<img src=x onerror=\"window.pwned=2\">")))
    store.save(Record(Document("doc-js-url", "Текст со ссылкой.", "2025-01-03", "ru", "Ссылка",
                               "JavaScript:window.pwned=3")))
    store.engine.dispose()
    with LiveServer(url) as live:
        yield live


def open_page(browser, url: str):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    external: list[str] = []
    page.on("request", lambda req: external.append(req.url) if not req.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")) else None)
    page.goto(url)
    return page, errors, external


def test_browser_dyad_page_draws_and_links_to_the_document(browser, hand_server):
    page, errors, external = open_page(browser, hand_server.url + "/dyad/AZE/CHN")
    page.wait_for_selector("#timeline .main-svg")              # plotly drew the timeline
    page.wait_for_selector("#flows .main-svg")                 # and the trade flows
    assert page.locator("#timeline .bars path").count() >= 2
    first = page.locator("article.event").first
    assert "Тянцзине" in first.inner_text() and first.locator("mark.trigger").inner_text() == "встреча"
    assert "3.1 bn USD" in page.locator("#trade-table").inner_text()
    assert "dialogue partner" in page.locator("#memberships").inner_text()        # words, not the code
    assert "energy" in page.locator("#sectors").inner_text()
    first.locator("a.evidence").click()
    page.wait_for_url("**/document/doc-tianjin?focus=*")
    page.wait_for_selector("#text .focus")
    assert page.locator("#text .ent-person").count() == 2 and page.locator("#text .trigger").count() == 1
    card = page.locator("#record .card").first.inner_text()            # the focused event's record
    assert "Host a visit" in card and "Ильхам Алиев (head of state)" in card and "2025-08-31" in card
    assert "rule test.rule" in card and "1.00" in card
    page.locator("#record details summary").first.click()               # the raw record, folded
    assert '"cameo": "043"' in page.locator("#record pre").first.inner_text()
    page.locator("#text .ent-igo").click()
    assert "Шанхайская организация сотрудничества" in page.locator("#record").inner_text()
    assert errors == [] and external == []


def test_browser_actor_network_and_search(browser, hand_server):
    page, errors, external = open_page(browser, hand_server.url + "/actor/AZE")
    page.wait_for_selector("#network[data-ready='1'] canvas")       # cytoscape drew the graph
    assert "Китай" in page.locator("#partners").inner_text()
    page, errors2, external2 = open_page(browser, hand_server.url + "/search?q=товарооборот")
    marks = [m.lower() for m in page.locator("#results mark").all_inner_texts()]
    assert "товарооборот" in marks and "товарообороте" in marks          # the word in its forms
    page.locator("#results a", has_text="Алиев и Си Цзиньпин в Тянцзине").click()
    page.wait_for_url("**/document/doc-tianjin")
    assert errors == errors2 == [] and external == external2 == []


def test_browser_script_in_a_document_shows_as_text(browser, hand_server):
    page, errors, _ = open_page(browser, hand_server.url + "/document/doc-xss")
    assert "<script>window.pwned=1</script>" in page.locator("#text").inner_text()
    assert page.locator("h1").inner_text() == '<img src=x onerror="window.pwned=2">'
    assert page.evaluate("window.pwned") is None
    assert page.locator("#text b").count() == 0


CSP_PAGES = [("/", "main h1"), ("/dyad/AZE/CHN", "#flows .main-svg"), ("/dyad/AZE/TUR", "#map[data-ready='map']"),
             ("/actor/AZE", "#network[data-ready='1'] canvas"),
             ("/document/doc-tianjin?focus=doc-tianjin:e1", "#text .focus"),
             ("/search?q=товарооборот", "#results mark"), ("/docs", ".opblock"), ("/alerts", "#alerts"),
             ("/dyad/AZE/CHN/brief", "#brief #series")]


def test_browser_pages_work_under_the_csp(browser, hand_server):
    """Every page under the Content-Security-Policy it is served with: each draws (plotly, cytoscape,
    Swagger UI) and Chromium reports no violation (it logs each one as a console error)."""
    for path, drawn in CSP_PAGES:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        response = page.goto(hand_server.url + path)
        assert "script-src 'self'" in response.headers["content-security-policy"], path
        assert response.headers["x-frame-options"] == "DENY" and response.headers["x-content-type-options"] == "nosniff"
        page.wait_for_selector(drawn)
        if path == "/docs":
            assert page.locator(".opblock").count() >= 18          # every operation of the spec
        page.wait_for_timeout(300)
        assert errors == [], (path, errors)
        page.close()


def test_browser_javascript_url_is_never_run(browser, hand_server):
    """A stored ``javascript:`` url is text on the page, not a link; and markup injected into the
    page anyway cannot run an inline handler (the CSP refuses it)."""
    page, errors, _ = open_page(browser, hand_server.url + "/document/doc-js-url")
    assert page.locator("a[href^='javascript' i]").count() == 0
    assert "JavaScript:window.pwned=3" in page.locator(".summary").inner_text()
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"window.pwned=4\">')")
    page.wait_for_timeout(500)
    assert page.evaluate("window.pwned") is None
    assert any("Content Security Policy" in e for e in errors)


@pytest.fixture(scope="module")
def seed_server(tmp_path_factory, seed_record):
    from dyad.store import open_store
    url = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seed.db'}"
    store = open_store(url)
    store.save(seed_record)
    store.engine.dispose()
    with LiveServer(url) as live:
        yield live, seed_record


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_browser_seed_dyad_page(browser, seed_server):
    """Issue 7's acceptance: the AZE-CHN page of the seed shows the Tianjin meeting and the 2.5 bn USD
    turnover with their evidence, the timeline draws, and a click on an event opens the document."""
    live, record = seed_server
    text = record.document.text
    trade_fact = next(f for f in record.facts if f.kind == "trade_turnover")
    meeting_event = next(e for e in record.events if e.trigger_text.lower() == "встреча")
    trade_evidence = _squash(text[trade_fact.evidence.start:trade_fact.evidence.end])
    meeting_evidence = _squash(text[meeting_event.evidence.start:meeting_event.evidence.end])
    assert "Тянцзин" in meeting_evidence                      # the record itself: the Tianjin meeting
    page, errors, external = open_page(browser, live.url + "/dyad/AZE/CHN")
    page.wait_for_selector("#timeline .main-svg")
    events = _squash(page.locator("#events").inner_text())
    assert meeting_evidence in events, events                 # the meeting, with its evidence sentence
    assert page.locator("#events mark.trigger").count() >= 1
    trade = page.locator("#trade-table").inner_text()
    assert "trade turnover" in trade and "2.5 bn USD" in trade and "2025-01-01..2025-07-31" in trade
    assert trade_evidence in _squash(trade)                   # its evidence
    page.wait_for_selector("#flows .main-svg")
    meeting = page.locator("article.event", has_text="Тянцзин").first
    meeting.locator("a.evidence").click()
    page.wait_for_url("**/document/*")
    page.wait_for_selector("#text .focus")
    assert "Тянцзин" in page.locator("#text .focus").first.inner_text() or \
        "Тянцзин" in page.locator("#text").inner_text()
    assert page.locator("#text .ent").count() >= 4 and page.locator("#text .trigger").count() >= 1
    assert errors == [] and external == []


# --- the dyad page's filters and map (issue 19) ------------------------------------------------
def _triggers(page) -> list[str]:
    return sorted(page.locator("#events mark.trigger").all_inner_texts())


def _submit(page) -> None:
    with page.expect_navigation():
        page.locator("#filters button[type=submit]").click()


FILTERS = [   # (what the analyst sets in the form, the URL it gives, the triggers left)
    (lambda p: (p.fill("#filters input[name=start]", "2024-01-01"), p.fill("#filters input[name=end]", "2024-12-31")),
     "start=2024-01-01&end=2024-12-31", ["осудила"]),
    (lambda p: p.select_option("#filters select[name=cameo]", "04"), "cameo=04", ["принял"]),
    (lambda p: p.select_option("#filters select[name=plover]", "ACCUSE"), "plover=ACCUSE", ["осудила"]),
    (lambda p: p.select_option("#filters select[name=direction]", "ba"), "direction=ba", ["осудила"]),
    (lambda p: p.fill("#filters input[name=min_confidence]", "0.95"), "min_confidence=0.95", []),
]


@pytest.mark.parametrize("choose, query, left", FILTERS, ids=["dates", "cameo", "plover", "direction", "confidence"])
def test_browser_dyad_filter_kept_in_the_url(browser, hand_server, choose, query, left):
    page, errors, external = open_page(browser, hand_server.url + "/dyad/AZE/TUR")
    page.wait_for_selector("#timeline .main-svg")
    assert _triggers(page) == ["осудила", "принял"]
    choose(page)
    _submit(page)
    assert all(part in page.url for part in query.split("&")), page.url
    assert _triggers(page) == left
    page.reload()                                                   # the URL alone gives the same page
    assert _triggers(page) == left
    assert errors == [] and external == []
    page.close()


def test_browser_dyad_time_axis_and_map(browser, hand_server):
    page, errors, external = open_page(browser, hand_server.url + "/dyad/AZE/TUR")
    page.wait_for_selector("#timeline .main-svg")
    ticks = " ".join(page.locator("#timeline .xtick text").all_text_contents())
    assert "2023" in ticks and "2024" in ticks                      # a time axis, months apart as dates
    page.wait_for_selector("#map[data-ready='map']")                # the shipped world map and the places
    assert page.locator("#map .scatterlayer .trace").count() == 2   # the outlines, the places
    assert page.locator("#map .point").count() == 2
    assert "Баку" in page.locator("#places").inner_text() and "Анкара" in page.locator("#places").inner_text()
    assert any(r.endswith("/static/vendor/countries-110m.json") for r in page.evaluate(
        "performance.getEntriesByType('resource').map(e => e.name)"))
    page.goto(hand_server.url + "/dyad/AZE/TUR?direction=ab")
    page.wait_for_selector("#map[data-ready='map']")
    assert page.locator("#map .point").count() == 1
    page.goto(hand_server.url + "/dyad/AZE/TUR?start=2030-01-01")
    page.wait_for_selector("#map[data-ready='empty']")
    assert "no event with a known place" in page.locator("#map").inner_text()


@pytest.fixture(scope="module")
def attitude_server(tmp_path_factory):
    from dyad.store import open_store
    from test_store_attitudes import _record
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'attitudes.db'}"
    store = open_store(url)
    store.save(_record("d1", "2025-04-14"))
    store.save(_record("d2", "2025-05-02", "pos", 0.3))
    store.engine.dispose()
    with LiveServer(url) as live:
        yield live


def test_browser_dyad_page_attitudes_per_direction(browser, attitude_server):
    page, errors, external = open_page(browser, attitude_server.url + "/dyad/USA/IRN")
    page.wait_for_selector("#attitude-chart .main-svg")        # plotly drew the attitudes by month
    assert page.locator("#attitude-chart .bars path").count() >= 3
    forth = page.locator("#attitudes-a_to_b").inner_text()
    back = page.locator("#attitudes-b_to_a").inner_text()
    # names in words, the ids on hover (the analyst's pages show no codes in the text)
    assert "США → Иран" in forth and "Марко Рубио → Иран" in forth and "Иран → США" not in forth
    assert "Иран → США" in back and "Тегеран назвал обвинения ложью." in back
    assert page.locator("#attitudes-a_to_b [title^='marco-rubio → IRN']").count() >= 1
    assert page.locator("#attitudes-a_to_b li.attitude.pos").count() == 1
    assert errors == [] and external == []


@pytest.fixture(scope="module")
def alert_server(tmp_path_factory):
    """A store with the hand-made records and one alert fired on the pair AZE-CHN (its evidence an
    event of the store, with its sentence and document)."""
    from dyad.store import monitor as MON
    from dyad.store import open_store
    from dyad.store import queries as Q
    from dyad.watch.alerts import event_evidence
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'alerts.db'}"
    store = open_store(url)
    R.load_placed(store)
    rule = MON.add_rule(store.engine, MON.Rule(id=0, a="AZE", b="CHN", cameo=("04",)))
    event = Q.events(store.engine, Q.EventFilter(pair=("AZE", "CHN")), limit=1)["items"][0]
    MON.save_alerts(store.engine, [MON.Alert(
        rule_id=rule.id, key=f"event:{event['id']}", kind="event", a="AZE", b="CHN", fired_at="2025-09-01T10:00:00+00:00",
        date=event["date"], figures={"cameo": event["cameo"], "goldstein": event["goldstein"]},
        evidence=(event_evidence(event),), rule=rule.describe())])
    store.engine.dispose()
    with LiveServer(url) as live:
        live.event = event
        yield live


def test_browser_alerts_page_lists_alerts_with_their_evidence(browser, alert_server):
    event = alert_server.event
    page, errors, external = open_page(browser, alert_server.url + "/dyad/AZE/CHN")
    badge = page.locator("#alert-badge")
    assert badge.inner_text() == "1 alert" and "hot" in badge.get_attribute("class")
    badge.click()
    page.wait_for_url("**/alerts?pair=AZE-CHN")
    item = page.locator("#alerts li.alert")
    assert item.count() == 1
    text = item.inner_text()
    assert "AZE-CHN: cameo 04" in text and f"cameo {event['cameo']}" in text and "2025-09-01T10:00:00" in text
    link = item.locator("a.evidence")
    assert link.inner_text() == event["evidence"]["text"]
    link.click()
    page.wait_for_selector("#text")
    assert f"/document/{event['document']['id']}" in page.url
    assert errors == [] and external == []
    page.goto(alert_server.url + "/alerts?pair=AZE-TUR")
    assert "No alerts yet" in page.locator("#alerts").inner_text()
    page.goto(alert_server.url + "/dyad/AZE/CHN/brief")
    assert page.locator("#series li.claim").count() >= 1 and "3.1 bn USD" in page.locator("#series").inner_text()
    page.close()
