"""`GET /api/alerts` (typed, AlertPage), the `/alerts` page and the dyad page's badge, on SQLite and
PostgreSQL."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

import records_for_api as R
from dyad.store import monitor as MON


@pytest.fixture
def client(store, monkeypatch):
    from dyad.serve.api import create_app
    from dyad.store import queries as Q
    from dyad.watch.alerts import event_evidence
    monkeypatch.delenv("DYAD_TOKEN", raising=False)
    R.load(store)
    rule = MON.add_rule(store.engine, MON.Rule(id=0, a="AZE", b="CHN", cameo=("04",)))
    other = MON.add_rule(store.engine, MON.Rule(id=0, a="RUS", b="TUR"))
    event = Q.events(store.engine, Q.EventFilter(pair=("AZE", "CHN")), limit=1)["items"][0]
    stored = MON.save_alerts(store.engine, [
        MON.Alert(rule_id=rule.id, key=f"event:{event['id']}", kind="event", a="AZE", b="CHN",
                  fired_at="2025-09-01T10:00:00+00:00", date=event["date"], figures={"cameo": event["cameo"]},
                  evidence=(event_evidence(event),)),
        MON.Alert(rule_id=other.id, key="shift:events:2025-06-02", kind="shift", a="RUS", b="TUR",
                  fired_at="2025-09-02T10:00:00+00:00", date="2025-06-02", figures={"z": 4.2}, evidence=())])
    again = MON.save_alerts(store.engine, [MON.Alert(rule_id=rule.id, key=f"event:{event['id']}", kind="event",
                                                     a="AZE", b="CHN", fired_at="2025-09-03T10:00:00+00:00",
                                                     date=None)])
    assert len(stored) == 2 and again == []                        # a rule fires once per key
    with TestClient(create_app(store.url), raise_server_exceptions=False) as c:
        c.event = event
        yield c
    c.app.state.store.engine.dispose()


def test_api_alerts_newest_first_by_pair(client):
    page = client.get("/api/alerts").json()
    assert page["total"] == 2 and [a["kind"] for a in page["items"]] == ["shift", "event"]
    pair = client.get("/api/alerts?pair=CHN-AZE").json()
    assert pair["total"] == 1
    (alert,) = pair["items"]
    assert alert["rule"] == "AZE-CHN: cameo 04" and alert["pair"] == ["AZE", "CHN"]
    (ev,) = alert["evidence"]
    assert ev["sentence"] == client.event["evidence"]["text"] and ev["document"]["id"] == client.event["document"]["id"]
    assert client.get("/api/alerts?actor=TUR").json()["total"] == 1
    assert client.get("/api/alerts?pair=AZE-XXQ").status_code == 404
    assert client.get("/api/alerts?pair=nonsense").status_code == 422
    assert client.get("/api/alerts?limit=0").status_code == 422


def test_api_alerts_page_and_badge(client):
    html = client.get("/alerts").text
    assert html.count('class="alert ') == 2 and client.event["evidence"]["text"] in html
    assert f'/document/{client.event["document"]["id"]}' in html
    assert client.get("/alerts?pair=RUS-TUR").text.count('class="alert ') == 1
    assert client.get("/alerts?pair=bad pair").status_code == 422
    dyad = client.get("/dyad/AZE/CHN").text
    assert 'id="alert-badge"' in dyad and ">1 alert<" in dyad
    assert ">0 alerts<" in client.get("/dyad/KAZ/UZB").text or client.get("/dyad/KAZ/UZB").status_code == 404


def test_api_brief_page(client):
    r = client.get("/dyad/AZE/CHN/brief")
    assert r.status_code == 200 and "Trade and economic figures" in r.text and "<script" not in r.text
    assert client.get("/dyad/AZE/CHN/brief?start=2025-12-01&end=2025-01-01").status_code == 422
    assert client.get("/dyad/AZE/XXQ/brief").status_code == 404
