"""Cluster mode on a dask.distributed LocalCluster of two worker processes: the store is identical
to local mode, and a worker killed mid-run loses no document (the scheduler reruns its tasks; the
store has each document once)."""
from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from test_ingest_workers import N_DOCS, corpus, dump_store

from dyad.ingest.run import ingest
from dyad.store import open_store

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      worker_class=distributed.Nanny) as lc, Client(lc) as client:
        yield lc.scheduler_address, client


@pytest.fixture(scope="module")
def local_dump(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("local")
    src = corpus(tmp, copies=3)
    store = open_store(f"sqlite:///{tmp / 'local.db'}")
    assert ingest([src], store, workers=1).exit_code == 0
    dump = dump_store(store)
    store.engine.dispose()
    return src, dump


def test_ingest_cluster_same_as_local(cluster, local_dump, tmp_path):
    address, _ = cluster
    src, expected = local_dump
    store = open_store(f"sqlite:///{tmp_path / 'cluster.db'}")
    summary = ingest([src], store, cluster=address)
    assert summary.exit_code == 0 and summary.documents == 3 * (N_DOCS // 2)
    assert dump_store(store) == expected
    store.engine.dispose()


def test_ingest_cluster_killed_worker_loses_nothing(cluster, local_dump, tmp_path):
    address, client = cluster
    src, expected = local_dump
    store = open_store(f"sqlite:///{tmp_path / 'killed.db'}")
    out = {}
    run = threading.Thread(target=lambda: out.setdefault("summary", ingest([src], store, cluster=address)))
    pids = client.run(os.getpid)
    run.start()
    killed = None
    deadline = time.monotonic() + 60
    while killed is None and time.monotonic() < deadline and run.is_alive():
        for worker, tasks in client.processing().items():
            if tasks and worker in pids:
                os.kill(pids[worker], signal.SIGKILL)
                killed = worker
                break
        time.sleep(0.005)
    run.join(timeout=120)
    assert killed is not None, "the run ended before a worker could be killed"
    assert out["summary"].exit_code == 0 and out["summary"].documents == 3 * (N_DOCS // 2)
    assert dump_store(store) == expected          # each document once, nothing lost
    store.engine.dispose()
