"""`--workers N`: the store is the same whichever number of workers ran; a second run resumes (skips
what is stored); the writer streams with a bounded window; the progress bar shows on request."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from conftest import EXAMPLES

from dyad.ingest.readers import Item, read_paths
from dyad.ingest.run import _plan, _run, ingest
from dyad.store import open_store
from dyad.store import schema as t
from dyad.types import Document

VOLATILE = {"ingested_at"}


def dump_store(store) -> dict[str, list]:
    """Every table's rows (sorted, without the ingest time): equal dumps mean equal stores."""
    out = {}
    with store.engine.connect() as conn:
        for table in (t.documents, t.actors, t.mentions, t.events, t.event_dyads, t.facts):
            cols = [c for c in table.c if c.name not in VOLATILE and not (table is t.mentions and c.name == "id")]
            out[table.name] = sorted((tuple(str(v) for v in row) for row in conn.execute(select(*cols))))
    return out


N_DOCS = 2 * len(list(EXAMPLES.glob("*.txt")))     # corpus(): every example and one variant of it


def corpus(tmp_path: Path, copies: int = 2) -> Path:
    """The example articles plus variants with one changed line (near-duplicates, new content)."""
    root = tmp_path / "corpus"
    root.mkdir()
    for path in sorted(EXAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        (root / path.name).write_text(text, encoding="utf-8")
        for n in range(1, copies):
            (root / f"{path.stem}_v{n}.txt").write_text(text + f"\nОбновлено: версия {n}.\n", encoding="utf-8")
    return root


def test_ingest_workers_two_equal_one(tmp_path):
    src = corpus(tmp_path)
    stores = []
    for n in (1, 2):
        store = open_store(f"sqlite:///{tmp_path / f'w{n}.db'}")
        summary = ingest([src], store, workers=n)
        assert summary.exit_code == 0 and summary.documents == N_DOCS
        stores.append(dump_store(store))
        store.engine.dispose()
    assert len(stores[0]["documents"]) == N_DOCS
    assert stores[0] == stores[1]


def test_ingest_workers_resume_skips_stored(tmp_path, db_url):
    src = corpus(tmp_path)
    store = open_store(db_url)
    first = sorted(src.glob("00[1-3]*.txt"))
    done = ingest(first, store, workers=2)
    assert sum(f.stored for f in done.files.values()) == 6
    lines = []
    again = ingest([src], store, workers=2, on_file=lambda f: lines.append(f.line()))
    assert sum(f.skipped for f in again.files.values()) == 6
    assert sum(f.stored for f in again.files.values()) == N_DOCS - 6
    assert len(lines) == N_DOCS and lines[0].startswith(f"{src / '001_kaz_uzb.txt'}: 0 stored, 1 already stored")
    assert store.count("documents") == N_DOCS
    store.engine.dispose()


class CountingExecutor:
    """Runs nothing: records how many chunks were in flight at most."""
    window = 3
    chunk = 2

    def __init__(self):
        self.in_flight = 0
        self.peak = 0

    def submit(self, docs):
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        executor = self

        class Handle:
            def get(self):
                executor.in_flight -= 1
                return [("ok", d.id) for d in docs]
        return Handle()


class ListWriter:
    def __init__(self):
        self.seen = []

    def result(self, item, result):
        self.seen.append(result[1])

    def error(self, item):
        self.seen.append("error")

    def skipped(self, item):
        self.seen.append("skip")


class NoStore:
    def stored_hashes(self, digests):
        return set()

    def stored_ids(self, ids):
        return {}


def test_ingest_workers_bounded_window_in_order():
    def items():
        for i in range(100):
            if i % 10 == 5:
                yield Item("x.jsonl", i + 1, error=ValueError("bad"))
            else:
                yield Item("x.jsonl", i + 1, Document(id=str(i), text=f"текст {i % 50}"))
    executor, writer = CountingExecutor(), ListWriter()
    _run(_plan(items(), NoStore()), executor, writer)
    assert executor.peak <= executor.window + 1
    expected = []
    for i in range(100):
        expected.append("error" if i % 10 == 5 else ("skip" if i >= 50 else str(i)))
    assert writer.seen == expected          # same text again in the run: skipped, not processed twice


def test_ingest_workers_progress_bar(tmp_path, capsys):
    src = corpus(tmp_path, copies=1)
    store = open_store(f"sqlite:///{tmp_path / 'p.db'}")
    ingest([src], store, workers=1, progress=True)
    err = capsys.readouterr().err
    n = N_DOCS // 2
    assert f"{n}/{n}" in err and "documents" in err and "docs/s" in err
    store.engine.dispose()


def test_ingest_workers_bad_record_fails_alone(tmp_path, monkeypatch):
    """A record the store refuses fails alone; the rest of its batch is stored (the batch's
    one-statement-per-table write fails, then each record is written in its own transaction)."""
    src = corpus(tmp_path, copies=1)
    store = open_store(f"sqlite:///{tmp_path / 'b.db'}")
    real = store._mention_row
    bad = {item.document.id for item in read_paths([src / "003_ind_chn.txt"], None)}

    def mention_row(doc_id, mention):
        if doc_id in bad:
            raise RuntimeError("disk on fire")
        return real(doc_id, mention)
    monkeypatch.setattr(store, "_mention_row", mention_row)
    lines, errors = [], []

    class Err:
        def write(self, s):
            errors.append(s)
    summary = ingest([src], store, workers=1, err=Err(), on_file=lambda f: lines.append(f.line()))
    assert summary.exit_code == 1 and store.count("documents") == N_DOCS // 2 - 1
    assert any("003_ind_chn.txt:1: E200 not stored: RuntimeError: disk on fire" in e for e in errors)
    store.engine.dispose()


def test_a_failing_document_fails_alone_in_its_chunk(tmp_path, monkeypatch):
    """Documents are processed in chunks; when one of them breaks a stage, the others of the chunk
    are still stored and only that one is reported (E100, exit status 1)."""
    import io

    import dyad.resolve.actors as actors
    src = corpus(tmp_path)
    real = actors.resolve_mentions

    def flaky(analysis, date, precision="day", trace=None):
        if "версия 1" in analysis.text and "Тяньцзин" in analysis.text:
            raise RuntimeError("broken on purpose")
        return real(analysis, date, precision, trace)

    monkeypatch.setattr(actors, "resolve_mentions", flaky)
    store = open_store(f"sqlite:///{tmp_path / 'f.db'}")
    err = io.StringIO()
    summary = ingest([src], store, err=err, workers=1)
    failed = [line for line in err.getvalue().splitlines() if "E100" in line]
    assert summary.failed == len(failed) >= 1
    assert "broken on purpose" in failed[0]
    assert summary.documents == N_DOCS and summary.exit_code == 1
    assert len(dump_store(store)["documents"]) == N_DOCS - summary.failed


def test_batch_writes_equal_record_by_record_writes(tmp_path, monkeypatch):
    """The one-statement-per-table batch write stores exactly what writing each record in turn
    stores (near-duplicate groups and event clusters included)."""
    from dyad.store.db import Store
    src = corpus(tmp_path, copies=3)
    dumps = []
    for name, batched in (("fast", True), ("slow", False)):
        if not batched:
            monkeypatch.setattr(Store, "_all_new", staticmethod(lambda conn, records: False))
        store = open_store(f"sqlite:///{tmp_path / f'{name}.db'}")
        assert ingest([src], store, workers=1).exit_code == 0
        dumps.append(dump_store(store))
        store.engine.dispose()
    assert dumps[0]["documents"] and dumps[0]["events"]
    for table in dumps[0]:
        fast, slow = set(dumps[0][table]), set(dumps[1][table])
        assert fast == slow, (table, sorted(fast - slow)[:3], sorted(slow - fast)[:3])
    assert dumps[0] == dumps[1]
