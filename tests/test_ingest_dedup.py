"""Near-duplicate articles: grouped by MinHash LSH in documents.dup_group, still stored and fully
processed; inside a group an event already reported counts as a mention of it (same cluster_id)."""
from __future__ import annotations

import subprocess
import sys

from sqlalchemy import select

from test_ingest_workers import N_DOCS, corpus

from dyad.ingest.dedup import Deduper, cluster_key, event_from_json, fingerprint, signature
from dyad.ingest.run import ingest
from dyad.store import open_store
from dyad.store import schema as t
from dyad.types import ActorRef, Document, Event, Record, Span

RUS = ActorRef("RUS", "Россия", "country", "RUS", "RUS")
TUR = ActorRef("TUR", "Турция", "country", "TUR", "TUR")
CHN = ActorRef("CHN", "Китай", "country", "CHN", "CHN")
BODY = ("Президент России Владимир Путин и президент Турции Реджеп Тайип Эрдоган провели переговоры в "
        "Анкаре. Стороны обсудили поставки газа, строительство АЭС Аккую и торговлю, товарооборот "
        "двух стран в прошлом году превысил 50 миллиардов долларов. Лидеры договорились продолжить "
        "консультации на уровне министров иностранных дел и встретиться снова осенью в Сочи. ")


def event(eid: str, cameo: str, a: ActorRef, b: ActorRef, date: str = "2025-06-12") -> Event:
    return Event(id=eid, date=date, date_precision="day", sources=(a,), targets=(b,), cameo=cameo,
                 goldstein=1.0, plover=None, location=None, trigger=Span(0, 5), trigger_text="Прези",
                 evidence=Span(0, 40), rule="test")


def record(doc_id: str, text: str, *events: Event) -> Record:
    return Record(Document(id=doc_id, text=text, date="2025-06-12", lang="ru"), events=events)


def clusters(store) -> dict[str, str]:
    with store.engine.connect() as conn:
        return {r[0]: r[1] for r in conn.execute(select(t.events.c.id, t.events.c.cluster_id))}


def groups(store) -> dict[str, str | None]:
    with store.engine.connect() as conn:
        return {r[0]: r[1] for r in conn.execute(select(t.documents.c.id, t.documents.c.dup_group))}


def save(store, dedup: Deduper, *records: Record) -> None:
    sigs = {id(r): fingerprint(r.document.text) for r in records}
    store.save_many(list(records), lambda conn, r: dedup.add(conn, r, sigs[id(r)]))


def test_ingest_dedup_groups_and_event_mentions(db_url):
    store = open_store(db_url)
    dedup = Deduper(store)
    save(store, dedup,
         record("a", BODY * 2, event("e1", "040", RUS, TUR), event("e2", "057", RUS, TUR)),
         record("b", BODY * 2 + "Обновлено в 12:40.", event("e1", "040", RUS, TUR), event("e2", "036", RUS, TUR)),
         record("c", "Председатель КНР Си Цзиньпин прибыл в Москву. " * 5, event("e1", "040", RUS, TUR)))
    # a later run: a fresh index is seeded from the store
    save(store, Deduper(store), record("d", "Репост. " + BODY * 2, event("x", "040", RUS, TUR),
                                       event("y", "036", RUS, TUR), event("z", "040", RUS, CHN)))
    assert groups(store) == {"a": "a", "b": "a", "c": None, "d": "a"}
    assert store.count("documents") == 4 and store.count("events") == 8   # every document fully stored
    got = clusters(store)
    # one real-world event across articles: same CAMEO root, actors, polarity and date window,
    # whether or not the articles are near-duplicates (GDELT's NumArticles)
    assert got["a:e1"] == got["b:e1"] == got["c:e1"] == got["d:x"] == cluster_key(event("e1", "040", RUS, TUR))
    assert got["b:e2"] == got["d:y"] != got["a:e2"]     # 036 is not 057: a different event
    assert got["d:z"] not in (got["a:e1"], got["a:e2"], got["b:e2"])   # other actors
    assert len(set(got.values())) == 4
    assert [m["id"] for g in store.duplicate_groups() for m in g["members"]] == ["a", "b", "d"]
    store.engine.dispose()


def test_ingest_dedup_cluster_key_from_stored_json():
    e = event("e1", "040", RUS, TUR)
    assert cluster_key(event_from_json(e.to_json())) == cluster_key(e)


def test_ingest_dedup_wire_copies_end_to_end(tmp_path):
    src = corpus(tmp_path, copies=3)          # each example plus two copies with a changed line
    db = f"sqlite:///{tmp_path / 'd.db'}"
    store = open_store(db)
    summary = ingest([src], store, workers=1)
    assert summary.exit_code == 0 and store.count("documents") == 3 * (N_DOCS // 2)
    found = store.duplicate_groups()
    assert len(found) == N_DOCS // 2 and all(len(g["members"]) == 3 for g in found)
    store.engine.dispose()
    r = subprocess.run([sys.executable, "-m", "dyad", "duplicates", "--db", db], capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert f"{N_DOCS // 2} near-duplicate groups" in r.stdout


def test_fingerprint_gives_datasketchs_own_signature():
    """Workers hash shingles without datasketch; the writer's signature equals datasketch's
    MinHash of the same shingles with its default hash."""
    from datasketch import MinHash
    from dyad.ingest.dedup import NUM_PERM, SCHEME, shingles
    text = BODY * 3 + " Обновлено: 12:40."
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch(list(shingles(text)))
    assert (signature(text) == mh.hashvalues).all()
    assert fingerprint(text).dtype.name == "uint32" and len(fingerprint(text)) == len(shingles(text))



def test_workers_do_not_import_datasketch():
    """datasketch (and the scipy it imports) stays in the writer: workers only hash shingles."""
    import subprocess
    import sys
    probe = ("import sys\nfrom dyad.ingest.run import init_worker, work_many\n"
             "from dyad.types import Document\ninit_worker()\n"
             "work_many([Document('a', 'Россия и Китай подписали соглашение о торговле.')])\n"
             "print('datasketch' in sys.modules, 'scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
