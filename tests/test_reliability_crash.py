"""Crash safety: SIGKILL `dyad ingest` at random moments; each document is stored once and fully.

The harness is bench/crash.py (500 documents, 20 kills there or with --runslow); `make test` runs
60 documents and 5 kills on SQLite, 3 on PostgreSQL.
"""
from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import ROOT

spec = importlib.util.spec_from_file_location("dyad_bench_crash", ROOT / "bench" / "crash.py")
crash = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = crash
spec.loader.exec_module(crash)


@pytest.fixture(scope="module")
def budget(request):
    return (500, 20) if request.config.getoption("--runslow") else (60, 5)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, budget):
    """The corpus and what a clean, uninterrupted run stores from it (once per module)."""
    work = tmp_path_factory.mktemp("crash")
    inputs = crash.make_corpus(work / "corpus", budget[0])
    clean_db = f"sqlite:///{work / 'clean.db'}"
    clean, seconds = crash.clean_run(clean_db, inputs, workers=1)
    startup = crash.startup_seconds(clean_db, inputs, workers=1)
    assert len(clean) == budget[0]
    return inputs, clean, (startup, seconds)


def test_reliability_crash_sigkill_then_rerun(corpus, budget, db_url):
    inputs, clean, timing = corpus
    kills = budget[1] if db_url.startswith("sqlite") else max(3, budget[1] // 2)
    report = crash.crash_run(db_url, inputs, clean, kills, workers=1, timing=timing, seed=11)
    report.clean_seconds = timing[1]
    print(report.line())
    assert report.problems == []
    assert report.lost == 0
    assert report.kills >= kills
