"""Pages and routes survive rows written by other tools (bench generators, older versions)."""
from __future__ import annotations

import json

from fastapi.testclient import TestClient
from sqlalchemy import update

from dyad.serve.api import create_app
from dyad.store import schema as t
from dyad.types import ActorRef, Document, Event, Plover, Record, Span

AZE = ActorRef("AZE", "Азербайджан", "country", "AZE", "AZE")
CHN = ActorRef("CHN", "Китай", "country", "CHN", "CHN")


def test_api_event_without_trigger_in_its_json(store, db_url):
    text = "Азербайджан и Китай провели консультации по торговле."
    ev = Event("e1", "2025-03-01", "day", (AZE,), (CHN,), "040", 1.0, Plover("CONSULT"), None,
               Span(21, 28), "провели", Span(0, len(text)), quad_class=1)
    store.save(Record(Document("d1", text, "2025-03-01", "ru"), events=(ev,)))
    with store.engine.begin() as conn:
        rec = json.loads(conn.execute(t.events.select()).first().record_json)
        rec.pop("trigger")
        conn.execute(update(t.events).values(record_json=json.dumps(rec)))
    client = TestClient(create_app(db_url))
    page = client.get("/dyad/AZE/CHN")
    assert page.status_code == 200 and "консультации" in page.text
    assert client.get("/api/events?a=AZE&b=CHN").status_code == 200
