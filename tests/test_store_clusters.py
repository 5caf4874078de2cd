"""The same real-world event told by several articles is one cluster, with GDELT's counts."""
from __future__ import annotations

from dyad.pipeline import process
from dyad.store import queries as Q
from dyad.types import Document

ONE = ("Президент Казахстана Касым-Жомарт Токаев провел переговоры с Президентом Узбекистана "
       "Шавкатом Мирзиёевым в Астане. Лидеры обсудили водное сотрудничество.")
TWO = ("В среду в Астане состоялись переговоры Касым-Жомарта Токаева и Шавката Мирзиёева, "
       "сообщает пресс-служба. Стороны подписали пакет соглашений по торговле.")


def test_store_clusters_one_event_across_articles(store):
    a = process(Document("a", ONE, "2025-06-12", "ru", url="https://one.example/news/1"))
    b = process(Document("b", TWO, "2025-06-12", "ru", url="https://two.example/x"))
    assert any(e.cameo.startswith("04") for e in a.events) and any(e.cameo.startswith("04") for e in b.events)
    store.save(a)
    store.save(b)
    page = Q.events(store.engine, Q.EventFilter(pair=("KAZ", "UZB")), limit=50)
    meetings = [e for e in page["items"] if e["cameo"].startswith("04")]
    assert len({e["cluster_id"] for e in meetings}) == 1, [e["cluster_id"] for e in meetings]
    assert all(e["num_articles"] == 2 and e["num_sources"] == 2 and e["num_mentions"] >= 2 for e in meetings)
    single = Q.event(store.engine, meetings[0]["id"])
    assert single["num_articles"] == 2


def test_store_clusters_other_events_stay_apart(store):
    a = process(Document("a", ONE, "2025-06-12", "ru"))
    c = process(Document("c", ONE.replace("Астане", "Ташкенте"), "2025-03-01", "ru"))
    store.save(a)
    store.save(c)
    page = Q.events(store.engine, Q.EventFilter(pair=("KAZ", "UZB")), limit=50)
    meetings = [e for e in page["items"] if e["cameo"].startswith("04")]
    assert len({e["cluster_id"] for e in meetings}) == 2
    assert all(e["num_articles"] == 1 for e in meetings)
