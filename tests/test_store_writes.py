"""Writes on SQLite and PostgreSQL alike: values the code builds without a bound (historical states
as countries, long actor ids, rules and cluster keys) are stored on both backends; writers side by
side store each document exactly once, none lost, none doubled."""
from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from sqlalchemy import func, select, text

from dyad.store import open_store
from dyad.store import queries as Q
from dyad.store import schema as t
from dyad.types import ActorRef, Document, Fact, Mention, Record

import records_for_api as R

RUSSIAN_EMPIRE = ActorRef("russian-empire", "Российская империя", "country", "russian-empire", "russian-empire")
OTTOMAN_EMPIRE = ActorRef("ottoman-empire", "Османская империя", "country", "ottoman-empire", "ottoman-empire")
TEXT = "Российская империя и Османская империя подписали мирный договор. Товарооборот вырос."
LONG_PERSON = ActorRef("person:" + "-".join(["konstantinopolskiy"] * 14), "Константинопольский", "person",
                       "russian-empire", "russian-empireGOV")


def _historical_record() -> Record:
    doc = Document("doc-history", TEXT, "1900-06-12", "ru", "Мирный договор")
    signed = R.event(TEXT, "e1", "1900-06-12", (RUSSIAN_EMPIRE, LONG_PERSON), (OTTOMAN_EMPIRE,), "057", 1, 8.0,
                     "подписали", "AGREE")
    signed = replace(signed, rule="trigger:ru.057.01+args:nsubj/obl+" + "+".join(["date:article"] * 12))
    return Record(
        doc,
        mentions=(R.mention(TEXT, "Российская империя", "LOC", RUSSIAN_EMPIRE),
                  R.mention(TEXT, "Османская империя", "LOC", OTTOMAN_EMPIRE)),
        events=(signed,),
        facts=(Fact("f1", "trade_turnover", RUSSIAN_EMPIRE, OTTOMAN_EMPIRE, R.sentence(TEXT, "Товарооборот"),
                    "facts.trade.turnover+actor:context+period:carried+unit:carried+" + "x" * 40),))


def test_store_historical_states_and_long_values(store):
    """``russian-empire`` is a country of the knowledge base: PostgreSQL's VARCHAR(3) refused every
    document that named it, SQLite stored it (0005 makes the columns TEXT)."""
    record = _historical_record()
    assert len(LONG_PERSON.id) > 200 and len(record.events[0].rule) > 80
    assert store.save(record) is True
    e = store.engine
    assert Q.dyad_summary(e, "russian-empire", "ottoman-empire")["events"] == 1
    assert Q.events(e, Q.EventFilter(actors=(LONG_PERSON.id,)))["total"] == 1
    assert Q.facts(e, Q.FactFilter(pair=("russian-empire", "ottoman-empire")))["total"] == 1
    with e.connect() as conn:
        assert conn.execute(select(t.actors.c.country).where(t.actors.c.id == "russian-empire")).scalar_one() \
            == "russian-empire"
        assert conn.execute(select(t.event_actors.c.country).where(t.event_actors.c.actor_id == LONG_PERSON.id)) \
            .scalar_one() == "russian-empire"
    doc = Q.document(e, "doc-history")
    assert doc["events"][0]["rule"] == record.events[0].rule


def _records(n: int) -> list[Record]:
    """``n`` documents, each naming two shared countries and an actor of its own (new to the store:
    every batch inserts actors), with one event and one fact."""
    out = []
    for i in range(n):
        body = f"Документ {i}: Азербайджан и Китай подписали соглашение. Товарооборот {i} млн."
        own = ActorRef(f"person:writer-{i:03d}", f"Автор {i}", "person", "AZE", "AZEGOV")
        mentions = (R.mention(body, "Азербайджан", "LOC", R.AZE), R.mention(body, "Китай", "LOC", R.CHN),
                    Mention(0, 8, body[:8], "PER", actor=own, rule="test"))
        event = R.event(body, "e1", "2025-06-10", (R.AZE, own), (R.CHN,), "057", 1, 8.0, "подписали", "AGREE")
        fact = Fact("f1", "trade_turnover", R.AZE, R.CHN, R.sentence(body, "Товарооборот"), "test.trade")
        out.append(Record(Document(f"doc-{i:03d}", body, "2025-06-10", "ru"), mentions, (event,), (fact,)))
    return out


def test_store_writers_side_by_side_store_each_document_once(db_url):
    """Two writers (two stores, as two `dyad ingest` runs) save the same documents in batches at the
    same moment: before, the second insert of a document or an actor failed its whole batch
    (IntegrityError / UniqueViolation) and the documents of that batch were lost."""
    records = _records(96)
    stores = [open_store(db_url), open_store(db_url)]
    start = threading.Barrier(2)
    flags: list[list[bool]] = [[], []]
    errors: list[str] = []

    def write(k: int) -> None:
        order = records if k == 0 else records[8:] + records[:8]     # overlapping, shifted batches
        start.wait()
        try:
            for i in range(0, len(order), 8):
                batch = order[i:i + 8]
                flags[k].extend(zip((r.document.id for r in batch), stores[k].save_many(batch)))
        except Exception as exc:  # noqa: BLE001 - the test reports every writer's failure
            errors.append(f"writer {k}: {type(exc).__name__}: {str(exc).splitlines()[0][:300]}")

    threads = [threading.Thread(target=write, args=(k,)) for k in (0, 1)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(120)
    try:
        assert errors == []
        stored_by = {}
        for k in (0, 1):
            for doc_id, stored in flags[k]:
                if stored:
                    assert doc_id not in stored_by, f"{doc_id} stored by both writers"
                    stored_by[doc_id] = k
        assert sorted(stored_by) == sorted(r.document.id for r in records)     # each exactly once
        with stores[0].engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(t.documents)).scalar_one() == len(records)
            per_doc = dict(conn.execute(select(t.mentions.c.document_id, func.count())
                                        .group_by(t.mentions.c.document_id)).all())
            assert set(per_doc.values()) == {3} and len(per_doc) == len(records)
            assert conn.execute(select(func.count()).select_from(t.events)).scalar_one() == len(records)
            assert conn.execute(select(func.count()).select_from(t.facts)).scalar_one() == len(records)
            assert conn.execute(select(func.count()).select_from(t.actors)).scalar_one() == len(records) + 2
            assert conn.execute(text("SELECT sum(events) FROM dyad_months")).scalar_one() == len(records)
    finally:
        for s in stores:
            s.engine.dispose()


@pytest.mark.parametrize("other", ["same text", "other text", "same text, other id"])
def test_store_batch_keeps_a_document_another_writer_stored_meanwhile(store, monkeypatch, other):
    """The moment between the check and the insert, deterministically: the batch is taken as new,
    but another writer has just stored one of its documents. Then the batch goes on and that
    document ends as :meth:`Store.save` would leave it: the same text is not stored twice, a new text
    under the id replaces the old one."""
    first, second = _records(2)
    if other == "same text":
        meanwhile = first
    elif other == "other text":
        meanwhile = replace(first, document=replace(first.document, text=first.document.text + " Старый текст."))
    else:
        meanwhile = replace(first, document=replace(first.document, id="doc-elsewhere"))
    store.save(meanwhile)
    monkeypatch.setattr(type(store), "_all_new", staticmethod(lambda conn, records: True))
    seen = []
    flags = store.save_many([first, second], after=lambda conn, record: seen.append(record.document.id))
    assert flags == [other == "other text", True]
    assert seen == (["doc-000", "doc-001"] if other == "other text" else ["doc-001"])
    with store.engine.connect() as conn:
        texts = dict(conn.execute(select(t.documents.c.id, t.documents.c.text)).all())
        mentions = conn.execute(select(func.count()).select_from(t.mentions)).scalar_one()
    kept = "doc-elsewhere" if other == "same text, other id" else "doc-000"
    assert texts == {kept: first.document.text, "doc-001": second.document.text}
    assert mentions == 6                       # three each: none doubled, none left behind
