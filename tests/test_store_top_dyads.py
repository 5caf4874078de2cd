"""The overview's top pairs are reused for a short while, then recomputed."""
from __future__ import annotations

from dyad.store import queries as Q
from dyad.types import ActorRef, Document, Event, Plover, Record, Span


def _record(doc_id: str, a: str, b: str) -> Record:
    text = f"{a} и {b} провели консультации."
    src, tgt = (ActorRef(x, x, "country", x, x) for x in (a, b))
    ev = Event("e1", "2025-03-01", "day", (src,), (tgt,), "040", 1.0, Plover("CONSULT"), None,
               Span(0, 3), text[:3], Span(0, len(text)), quad_class=1)
    return Record(Document(doc_id, text, "2025-03-01", "ru"), events=(ev,))


def test_store_top_dyads_cached_then_fresh(store, monkeypatch):
    store.save(_record("d1", "AZE", "CHN"))
    assert [(r["a"], r["b"]) for r in Q.top_dyads(store.engine)] == [("AZE", "CHN")]
    store.save(_record("d2", "RUS", "TUR"))
    assert len(Q.top_dyads(store.engine)) == 1                  # within the reuse window
    monkeypatch.setattr(Q, "TOP_DYADS_MAX_AGE", 0.0)
    assert {(r["a"], r["b"]) for r in Q.top_dyads(store.engine)} == {("AZE", "CHN"), ("RUS", "TUR")}
