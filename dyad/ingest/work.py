"""The work a worker does: load the models once, process a chunk of documents.

:mod:`dyad.ingest.run` (local and process-pool executors) and :mod:`dyad.ingest.cluster` (Dask)
both hand chunks to :func:`work_many`; it lives here so neither imports the other's module back.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import one_line
from ..lang import document_terms
from ..pipeline import process, process_many
from ..types import Document, Record


@dataclass(frozen=True, slots=True)
class Result:
    """What a worker sends back for one document."""
    record: Record | None
    fingerprint: object = None      # shingle hashes (numpy array) for near-duplicate detection
    error: str | None = None
    terms: str | None = None        # the search terms (dyad.lang.document_terms), from the warm lemma cache


def init_worker() -> None:
    """Prepare a worker process: single-threaded BLAS and the knowledge base (every language's
    resolver reads it). A language's models and resolver load on its first document, so a
    Russian run never loads spaCy and an English one never loads natasha."""
    from ..threads import single_threaded_blas
    single_threaded_blas()
    from ..resolve.kb import load_kb
    load_kb()


def work(doc: Document) -> Result:
    """Process one document; an exception becomes an error, never a lost worker."""
    from .dedup import fingerprint
    try:
        record = process(doc)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
        return Result(None, error=f"E100 processing failed: {one_line(exc)}")
    return Result(record, fingerprint(doc.text), terms=document_terms(record.document))


def work_many(docs: list[Document]) -> list[Result]:
    """Process a chunk of documents together; if that fails, each alone, so that only the
    document at fault gets an error."""
    from .dedup import fingerprint
    try:
        records = process_many(docs)
    except Exception:  # noqa: BLE001 - find the document at fault
        return [work(d) for d in docs]
    return [Result(r, fingerprint(d.text), terms=document_terms(r.document)) for r, d in zip(records, docs)]
