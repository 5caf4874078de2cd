"""Cost of indexing word forms for full-text search (migration 0008) in `dyad ingest`, as a ratio.

Ingests factRuEval-2016's dev texts (../shared, Russian news; skipped when missing) into fresh SQLite
databases, in this process (``workers=1``, the lemma cache the pipeline warms is the one the terms
read), three times each way, alternating: with the documents' search terms (``dyad.lang.document_terms``) and with
none, and prints the ratio of the medians, the terms' share of the text and a search's hits.

    .venv/bin/python bench/search_terms.py
"""
from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEV = ROOT.parent / "shared" / "eval-dev" / "factRuEval-2016" / "devset"


def texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))]


def run(docs: list[str], terms: bool) -> tuple[float, object]:
    import dyad.ingest.work as work
    import dyad.lang as lang
    from dyad.ingest.run import ingest
    from dyad.store import open_store
    original = lang.document_terms
    off = (lambda doc: None)
    work.document_terms = lang.document_terms = original if terms else off
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            for i, text in enumerate(docs):
                (folder / f"{i:04d}.txt").write_text("date 2016-01-01\n" + text, encoding="utf-8")
            store = open_store(f"sqlite:///{tmp}/bench.db")
            t = time.perf_counter()
            ingest([str(folder)], store, err=io.StringIO(), workers=1)
            elapsed = time.perf_counter() - t
            from dyad.store import queries as Q
            hits = Q.search(store.engine, "России")["total"], Q.search(store.engine, "Россия")["total"]
            store.engine.dispose()
    finally:
        work.document_terms = lang.document_terms = original
    return elapsed, hits


def main() -> int:
    docs = texts()
    if not docs:
        print(f"no texts in {DEV}")
        return 0
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    run(docs[:5], True)                                       # models loaded, caches as in a long run
    with_terms, without = [], []
    for i in range(3):                                        # alternating, so a slower minute hits both
        for terms in ((True, False) if i % 2 == 0 else (False, True)):
            t, hits = run(docs, terms)
            (with_terms if terms else without).append(t)
            if terms:
                hits_on = hits
            else:
                hits_off = hits
    from dyad.lang import document_terms
    from dyad.types import Document
    share = sum(len(document_terms(Document("x", d, None, "ru")) or "") for d in docs) / sum(map(len, docs))
    print(f"| {len(docs)} texts, {mb:.2f} MB | {statistics.median(without):.1f} s | {statistics.median(with_terms):.1f} s "
          f"| {statistics.median(with_terms) / statistics.median(without):.2f}x | {share:.2f} | "
          f"'России' finds {hits_on[0]} (Россия {hits_on[1]}); without terms {hits_off[0]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
