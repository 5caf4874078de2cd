"""The read queries behind the API (dyad.store.queries) on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

from dyad.serve.web.annotate import highlight, segments
from dyad.store import queries as Q
from dyad.types import Document, Mention, Record

import records_for_api as R


@pytest.fixture
def loaded(store):
    R.load(store)
    return store


def test_queries_timeline_counts_each_event_once(loaded):
    tl = Q.dyad_timeline(loaded.engine, "CHN", "AZE")
    # e1 of doc-tianjin is symmetric (two dyad rows AZE->CHN and CHN->AZE): counted once
    assert [(m["month"], m["events"], m["by_quad"]["1"], m["goldstein"]) for m in tl["months"]] == [
        ("2025-06", 2, 2, 8.0), ("2025-08", 1, 1, 2.8)]
    assert Q.dyad_timeline(loaded.engine, "AZE", "CHN", start="2025-07-01")["months"][0]["month"] == "2025-08"
    assert Q.dyad_timeline(loaded.engine, "AZE", "USA")["months"] == []


def test_queries_summary_and_top_pairs(loaded):
    s = Q.dyad_summary(loaded.engine, "AZE", "CHN")
    assert (s["events"], s["first_month"], s["last_month"], s["goldstein"]) == (3, "2025-06", "2025-08", 6.267)
    assert s["top_event_types"][0] == {"cameo": "057", "name": s["top_event_types"][0]["name"], "events": 2}
    assert s["facts"] == {"trade_turnover": 1, "sector": 1}
    assert Q.top_dyads(loaded.engine) == [{"a": "AZE", "b": "CHN", "events": 3}, {"a": "RUS", "b": "TUR", "events": 1}]


def test_queries_counts_follow_a_replaced_document(loaded):
    loaded.save(Record(Document("doc-energy", "Новый текст без событий.", "2025-06-10")))
    assert Q.dyad_summary(loaded.engine, "AZE", "CHN")["events"] == 1
    assert [m["month"] for m in Q.dyad_timeline(loaded.engine, "AZE", "CHN")["months"]] == ["2025-08"]
    assert Q.events(loaded.engine, Q.EventFilter(pair=("AZE", "CHN")))["total"] == 1


def test_queries_events_pair_paging_and_filters(loaded):
    e = loaded.engine
    first = Q.events(e, Q.EventFilter(pair=("AZE", "CHN")), limit=2)
    rest = Q.events(e, Q.EventFilter(pair=("AZE", "CHN")), limit=2, offset=2)
    assert first["total"] == rest["total"] == 3
    ids = [i["id"] for i in first["items"] + rest["items"]]
    assert ids[0] == "doc-tianjin:e1" and sorted(ids) == ["doc-energy:e1", "doc-energy:e2", "doc-tianjin:e1"]
    ev = first["items"][0]
    assert ev["evidence"]["text"] == R.TEXT1[ev["evidence"]["start"]:ev["evidence"]["end"]]
    assert ev["trigger"]["text"] == "встреча" and "Тянцзине" in ev["evidence"]["text"]
    assert Q.events(e, Q.EventFilter(actors=("RUS",)))["total"] == 1
    assert Q.events(e, Q.EventFilter(actors=("ilham-aliyev",)))["total"] == 1
    assert Q.events(e, Q.EventFilter(cameo=("05",)))["total"] == 2
    assert Q.events(e, Q.EventFilter(quad_class=(3,), start="2024-01-01", end="2024-12-31"))["total"] == 1
    assert Q.events(e, Q.EventFilter(plover_type=("AGREE",), document="doc-energy"))["total"] == 2
    assert Q.events(e, limit=10_000)["limit"] == Q.PAGE_MAX


def test_queries_facts_filters(loaded):
    e = loaded.engine
    assert {f["kind"] for f in Q.facts(e, Q.FactFilter(pair=("CHN", "AZE")))["items"]} == {"trade_turnover", "sector"}
    trade = Q.facts(e, Q.FactFilter(actors=("AZE",), kinds=("trade_turnover",)))["items"][0]
    assert trade["value"] == 3.1e9 and trade["unit"] == "USD" and trade["evidence"]["text"].startswith("Товарооборот")
    assert Q.facts(e, Q.FactFilter(start="2025-07-01", end="2025-07-31"))["total"] == 1   # the period overlaps
    assert Q.facts(e, Q.FactFilter(kinds=("membership",)))["items"][0]["object"]["id"] == "SCO"


def test_queries_document_actor_and_search(loaded):
    e = loaded.engine
    doc = Q.document(e, "doc-tianjin")
    assert len(doc["mentions"]) == 6 and len(doc["events"]) == 1 and len(doc["facts"]) == 2
    assert Q.document(e, "nope") is None
    aze = Q.actor_show(e, "AZE")
    assert aze["partners"][0]["id"] == "CHN" and aze["partners"][0]["events"] == 3
    assert Q.actor_show(e, "ilham-aliyev")["partners"][0]["id"] == "xi-jinping"
    assert Q.actor_show(e, "no-such-actor") is None
    assert any(a["id"] == "AZE" for a in Q.actor_search(e, "Азербайджан"))
    hits = Q.search(e, "Тянцзине")
    assert hits["total"] == 1 and hits["items"][0]["id"] == "doc-tianjin"
    assert any(s["match"] and "Тянцзин" in s["text"] for s in hits["items"][0]["snippet"])
    for hostile in ('"', "AND OR NOT", "*", "(", "a:b", "NEAR(", "'; DROP TABLE documents; --"):
        assert Q.search(e, hostile)["total"] >= 0
    assert Q.search(e, "документ-которого-нет")["total"] == 0


def test_queries_exports(loaded):
    e = loaded.engine
    rows = list(Q.export_events(e, Q.EventFilter(pair=("AZE", "CHN"))))
    assert len(rows) == 3 and set(rows[0]) == set(Q.EVENT_COLUMNS)
    from dyad.serve.export import gdelt_dicts
    gdelt = list(gdelt_dicts(e, Q.EventFilter(document="doc-tianjin")))
    assert [(g["Actor1CountryCode"], g["Actor2CountryCode"]) for g in gdelt] == [("AZE", "CHN"), ("CHN", "AZE")]
    assert gdelt[0]["SQLDATE"] == "20250831" and gdelt[0]["EventRootCode"] == "04"
    assert len(list(Q.export_facts(e))) == 3


def test_queries_fts5_query_quotes_every_word():
    assert Q.fts5_query('Тянцзинь "AND" (x') == '"Тянцзинь"* AND "AND"* AND "x"*'
    assert Q.fts5_query('Эрдогану') == '("Эрдогану"* OR "эрдоган"*)'     # the word and its normal form
    assert Q.fts5_query("***") == ""


def test_annotate_segments_cover_the_text_and_nest_spans():
    text = "Алиев встретился с Си."
    mentions = [{"start": 0, "end": 5, "type": "PER", "actor": {"kind": "person"}}]
    events = [{"id": "x:e1", "trigger": {"start": 6, "end": 16}, "evidence": {"start": 0, "end": 22}}]
    facts = [{"id": "x:f1", "evidence": {"start": 0, "end": 22}}]
    segs = segments(text, mentions, events, facts, focus="x:e1")
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.classes, s.refs) for s in segs] == [
        ("Алиев", "ent ent-person focus fact", "m0 e0 f0"),
        (" ", "focus fact", "e0 f0"),
        ("встретился", "trigger focus fact", "e0 f0"),
        (" с Си.", "focus fact", "e0 f0")]
    assert highlight({"start": 10, "end": 20, "text": "abcdefghij"}, {"start": 12, "end": 14}) == ("ab", "cd", "efghij")
    assert highlight({"start": 10, "end": 20, "text": "abc"}, {"start": 0, "end": 1}) == ("abc", "", "")


def test_queries_document_keeps_date_source_and_mention_confidence(store):
    text = "Стороны встречались в октябре 1999 года в Бишкеке."
    m = Mention(text.index("Бишкеке"), len(text) - 1, "Бишкеке", "LOC", rule="test", confidence=0.7,
                warnings=("W201 test warning",))
    records = [
        Record(Document("doc-estimated", text, "1999-10-01", "ru", date_source="text", date_precision="month"),
               (m,), warnings=("W104 undated: date estimated from the text as 1999-10-01 (month, docdate.month)",)),
        Record(Document("doc-none", "Текст без дат.", None, "ru", date_source="none")),
        Record(Document("doc-given", "Текст с датой.", "2025-06-12", "ru", date_source="given", date_precision="day")),
    ]
    store.save_many(records)
    e = store.engine
    got = Q.document(e, "doc-estimated")
    assert (got["date"], got["date_source"], got["date_precision"]) == ("1999-10-01", "text", "month")
    assert [(x["confidence"], x["warnings"]) for x in got["mentions"]] == [(0.7, ["W201 test warning"])]
    assert got["warnings"][0].startswith("W104")
    assert (Q.document(e, "doc-none")["date_source"], Q.document(e, "doc-none")["date_precision"]) == ("none", None)
    listed = {d["id"]: (d["date_source"], d["date_precision"]) for d in Q.documents(e)["items"]}
    assert listed == {"doc-estimated": ("text", "month"), "doc-none": ("none", None), "doc-given": ("given", "day")}


@pytest.mark.parametrize("query, found", [
    ("sanctions", True), ("sanctioned", True), ("sanctioning", True), ("imposes", True),
    ("Russia", True), ("санкции", True), ("embargo", False)])
def test_queries_search_stems_english_words(store, query, found):
    """English documents are searched stemmed (FTS5 porter on SQLite, the russian configuration's
    english_stem on PostgreSQL); Russian words still match as prefixes."""
    store.save(Record(Document("doc-en", "The European Union imposed new sanctions on Russia.",
                               "2025-06-10", lang="en")))
    store.save(Record(Document("doc-ru", "Евросоюз ввёл новые санкции против России.", "2025-06-10")))
    hits = Q.search(store.engine, query)
    assert (hits["total"] > 0) is found, hits
