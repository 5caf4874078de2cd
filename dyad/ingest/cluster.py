"""Cluster mode: extraction on Dask distributed workers; this process stays the single writer.

``dyad ingest --cluster tcp://HOST:8786 ...`` connects to a running scheduler. Each worker loads
the models once (a worker plugin runs :func:`dyad.ingest.work.init_worker` at start, and again on a
worker the nanny restarts). One task per chunk of documents (the same chunks as in local mode, so
the records are the same), keyed by the run, its number and the first document's content hash; a
bounded window of tasks is in flight, so inputs of any size stream. When a worker dies, the scheduler reruns its
tasks elsewhere (``distributed.scheduler.allowed-failures`` times); the writer gets each result
once, in input order, and the store has each document once.

The workers must run the same Dyad version (same package, same data files) as the submitter.
"""
from __future__ import annotations

import uuid

from distributed import WorkerPlugin

from .work import init_worker, work_many

TASKS_PER_THREAD = 8


class LoadModels(WorkerPlugin):
    """Load the NLP models and the knowledge base when a worker starts."""
    name = "dyad-load-models"

    def setup(self, worker) -> None:
        init_worker()


class _Handle:
    def __init__(self, future):
        self.future = future

    def get(self):
        result = self.future.result()
        self.future.release()
        return result


class DaskExecutor:
    """Submit chunks of documents to a Dask cluster; results come back in submission order."""

    def __init__(self, address: str, client=None):
        self.address = address
        self.client = client
        self._own = client is None
        self.window = 1
        self.run_id = uuid.uuid4().hex[:8]
        self.n = 0

    def __enter__(self):
        from distributed import Client
        if self.client is None:
            self.client = Client(self.address, set_as_default=False)
        self.client.register_plugin(LoadModels())
        threads = sum(self.client.nthreads().values()) or 1
        self.window = max(4, threads * TASKS_PER_THREAD)
        return self

    def __exit__(self, *exc):
        if self._own:
            self.client.close()
        return False

    def submit(self, docs):
        from ..store.db import content_hash
        self.n += 1
        key = f"dyad-{self.run_id}-{self.n}-{content_hash(docs[0].text)[:16]}"
        return _Handle(self.client.submit(work_many, docs, key=key, pure=False))
