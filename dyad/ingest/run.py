"""Ingest and extract drivers: readers -> pipeline -> store or stdout, with per-file summaries.

Plain importable functions; the CLI is a thin wrapper around them.

``ingest`` streams the inputs through one of three executors and writes from this process only
(the single writer):

- ``workers=1``: extraction in this process;
- ``workers=N``: a pool of N processes, each loading the models once (:func:`init_worker`);
- ``cluster=ADDRESS``: Dask distributed workers (:mod:`dyad.ingest.cluster`).

Results come back in input order, so the store ends up the same whichever executor ran. A bounded
window of documents is in flight, so an input of any size streams. A document whose content hash
is stored is skipped before it is processed (resumption). Records are written in batches, one
transaction per batch; near-duplicate groups are assigned in the same transaction
(:mod:`dyad.ingest.dedup`).
"""
from __future__ import annotations

import json
import os
import sys
import time
from collections import deque
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Iterator, TextIO

from ..errors import DuplicateId, one_line
from ..pipeline import process, process_many
from ..types import Document, Record
from .readers import Item, read_paths
from .work import Result, init_worker, work, work_many  # noqa: F401  (the work a worker does)

BATCH = 128           # records per write transaction
CHUNK = 8             # documents per task (their sentences share the models' batches) ...
CHUNK_CHARS = 100_000  # ... or fewer, when they hold this many characters
WINDOW_PER_WORKER = 8  # tasks in flight per worker
UNDATED = ("W104", "W105")


@dataclass
class FileSummary:
    path: str
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    mentions: int = 0
    events: int = 0
    facts: int = 0
    undated: int = 0        # documents without a date of their own (W104, W105)

    def line(self) -> str:
        undated = (f"; {self.undated} undated (dated from the text, W104, or not at all, W105)"
                   if self.undated else "")
        return (f"{self.path}: {self.stored} stored, {self.skipped} already stored, {self.failed} failed; "
                f"{self.mentions} mentions, {self.events} events, {self.facts} facts{undated}")


@dataclass
class RunSummary:
    files: dict[str, FileSummary] = field(default_factory=dict)

    def file(self, path: str) -> FileSummary:
        return self.files.setdefault(path, FileSummary(path))

    @property
    def failed(self) -> int:
        return sum(f.failed for f in self.files.values())

    @property
    def documents(self) -> int:
        return sum(f.stored + f.skipped + f.failed for f in self.files.values())

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def report_error(item: Item, err: TextIO) -> None:
    print(str(item.error), file=err)


# --- executors: submit a chunk of documents, get a handle whose .get() gives its results ------

class _Now:
    def __init__(self, docs):
        self.docs = docs

    def get(self):
        return work_many(self.docs)


class LocalExecutor:
    """Extraction in this process (``--workers 1``)."""
    window = 1
    started = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def submit(self, docs: list[Document]):
        if not self.started:            # on the first new documents, as the pool starts its workers
            init_worker()
            self.started = True
        return _Now(docs)


class PoolExecutor:
    """N worker processes, models loaded once in each (``--workers N``), started when needed."""

    def __init__(self, workers: int):
        self.workers = workers
        self.window = workers * WINDOW_PER_WORKER
        self.pool = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.pool is not None:
            self.pool.close() if not exc[0] else self.pool.terminate()
            self.pool.join()
        return False

    def submit(self, docs: list[Document]):
        """The workers start on the first chunk of new documents: a run whose documents are all
        stored already (skipped by content hash) starts none."""
        if self.pool is None:
            import multiprocessing as mp
            self.pool = mp.get_context("fork" if sys.platform == "linux" else "spawn").Pool(
                self.workers, initializer=init_worker)
        return self.pool.apply_async(work_many, (docs,))


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


# --- the single writer --------------------------------------------------------------------------

class _LazyDeduper:
    """The Deduper (dyad.ingest.dedup), built on the first record to store: a run whose documents
    are all stored already never imports datasketch nor reads the store's fingerprints."""

    def __init__(self, store):
        self.store = store
        self.deduper = None

    def add(self, conn, record, fingerprint) -> None:
        if self.deduper is None:
            from .dedup import Deduper
            self.deduper = Deduper(self.store)
        self.deduper.add(conn, record, fingerprint)

    def reset(self) -> None:
        if self.deduper is not None:
            self.deduper.reset()


class Writer:
    """Writes results in input order, in batches; keeps the per-file summaries."""

    def __init__(self, store, summary: RunSummary, err: TextIO, on_file, dedup: bool, advance):
        self.store = store
        self.summary = summary
        self.err = err
        self.on_file = on_file
        self.advance = advance
        self.dedup = _LazyDeduper(store) if dedup else None
        self.batch: list[tuple[Item, Result]] = []
        self.done_files: list[FileSummary] = []
        self.current: FileSummary | None = None
        self.last_flush = time.monotonic()

    def _enter(self, item: Item) -> FileSummary:
        fs = self.summary.file(item.path)
        if self.current is not None and self.current is not fs:
            self.done_files.append(self.current)
        self.current = fs
        return fs

    def error(self, item: Item, message: str | None = None) -> None:
        fs = self._enter(item)
        fs.failed += 1
        print(message or str(item.error), file=self.err)
        self.advance(1)

    def skipped(self, item: Item) -> None:
        self._enter(item).skipped += 1
        self.advance(1)

    def result(self, item: Item, result: Result) -> None:
        self._enter(item)
        if result.error is not None:
            self.summary.file(item.path).failed += 1
            print(f"{item.path}:{item.line}: {result.error}", file=self.err)
            self.advance(1)
            return
        record = result.record
        if item.warnings:   # the reader's own (encoding, future date), stored with the others
            record = replace(record, warnings=tuple(dict.fromkeys(item.warnings + record.warnings)))
            result = replace(result, record=record)
        for warning in record.warnings:
            print(f"{item.path}:{item.line}: {warning}", file=self.err)
        if any(w.startswith(UNDATED) for w in record.warnings):
            self.summary.file(item.path).undated += 1
        self.batch.append((item, result))
        if len(self.batch) >= BATCH or time.monotonic() - self.last_flush > 2.0:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            batch, self.batch = self.batch, []
            fingerprints = {id(r.record): r.fingerprint for _, r in batch}
            after = None
            if self.dedup is not None:
                def after(conn, record):
                    self.dedup.add(conn, record, fingerprints[id(record)])
            flags = self._save(batch, after)
            for (item, r), stored in zip(batch, flags):
                fs = self.summary.file(item.path)
                if stored is None:
                    fs.failed += 1
                elif stored:
                    fs.stored += 1
                    fs.mentions += len(r.record.mentions)
                    fs.events += len(r.record.events)
                    fs.facts += len(r.record.facts)
                else:
                    fs.skipped += 1
            self.advance(len(batch))
        self.last_flush = time.monotonic()
        if self.on_file:
            for fs in self.done_files:
                self.on_file(fs)
        self.done_files = []

    def _save(self, batch, after) -> list[bool | None]:
        """One transaction for the batch; if it fails, one per record, so that only the records
        that cannot be stored fail (None)."""
        records = [r.record for _, r in batch]
        terms = {r.record.document.id: r.terms for _, r in batch}
        try:
            return self.store.save_many(records, after, terms)
        except Exception:  # noqa: BLE001 - isolate the record at fault
            if self.dedup is not None:
                self.dedup.reset()
        flags: list[bool | None] = []
        for (item, _), record in zip(batch, records):
            try:
                flags.append(self.store.save_many([record], after, terms)[0])
            except Exception as exc:  # noqa: BLE001
                print(f"{item.path}:{item.line}: E200 not stored: {one_line(exc)}", file=self.err)
                if self.dedup is not None:
                    self.dedup.reset()
                flags.append(None)
        return flags

    def close(self) -> None:
        if self.current is not None:
            self.done_files.append(self.current)
            self.current = None
        self.flush()


# --- the progress bar ---------------------------------------------------------------------------

class _Stderr:
    """Writes to whatever ``sys.stderr`` is at the time (the progress bar redirects it)."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


def count_documents(paths: Iterable[str]) -> int | None:
    """How many documents the inputs hold, by a cheap scan; None when that needs parsing (a feed
    or a URL), so the bar shows no ETA. Never fails: what cannot be read counts as one (the reader
    reports it); a JSON Lines file is read in bounded pieces, whatever the length of its lines."""
    from pathlib import Path
    from .readers import JSONL_SUFFIXES, count_lines, walk
    from .web import FEED_SUFFIXES
    total = 0
    for path in paths:
        if str(path).startswith(("http://", "https://")):
            return None
        p = Path(path)
        try:
            files = list(walk(p)) if p.is_dir() else [p]
        except OSError:
            files = [p]
        for f in files:
            suffix = f.suffix.lower() if isinstance(f, Path) else ""
            if suffix in FEED_SUFFIXES:
                return None
            if suffix in JSONL_SUFFIXES and f.is_file():
                try:
                    with f.open("rb") as fh:
                        total += count_lines(fh)
                except OSError:
                    total += 1
            else:
                total += 1
    return total


class Bar:
    """A Rich progress bar on stderr: documents done, rate, ETA. ``show=None``: only when stderr
    is a terminal."""

    def __init__(self, paths: list[str], show: bool | None):
        self.show = sys.stderr.isatty() if show is None else show
        self.paths = paths
        self.progress = None
        self.task = None

    def __enter__(self):
        if self.show:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)
            self.progress = Progress(
                TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                TextColumn("documents"), _RateColumn(), TimeElapsedColumn(), TextColumn("ETA"),
                TimeRemainingColumn(), console=Console(file=sys.stderr), redirect_stdout=True,
                redirect_stderr=True, speed_estimate_period=60)
            self.progress.start()
            self.task = self.progress.add_task("ingest", total=count_documents(self.paths))
        return self

    def __exit__(self, *exc):
        if self.progress is not None:
            self.progress.stop()
        return False

    def advance(self, n: int) -> None:
        if self.progress is not None:
            self.progress.advance(self.task, n)

    @staticmethod
    def stderr() -> TextIO:
        return _Stderr()  # type: ignore[return-value]


def _rate_column():
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task):
            speed = task.finished_speed or task.speed
            return Text("-- docs/s" if speed is None else f"{speed:.1f} docs/s")
    return RateColumn()


_RateColumn = _rate_column


# --- the driver ---------------------------------------------------------------------------------

def _plan(items: Iterable[Item], store, block: int = 64) -> Iterator[tuple[Item, str]]:
    """Tag each item 'error', 'skip' (its content is stored, or seen earlier in this run) or 'new';
    the stored hashes and ids are looked up one block of items at a time.

    A new text under an id that an earlier line of the run, or a stored document, gives to a
    different text is an error (E111, naming where the id was first used): never an overwrite."""
    from ..store.db import content_hash
    seen: set[str] = set()
    first_use: dict[str, str] = {}          # id -> PATH:LINE of its text in this run
    buf: list[Item] = []

    def drain():
        hashes = {id(it): content_hash(it.document.text) for it in buf if it.document is not None}
        stored = store.stored_hashes(set(hashes.values()))
        fresh = {it.document.id for it in buf if it.document is not None and hashes[id(it)] not in stored}
        taken = store.stored_ids(fresh - first_use.keys()) if fresh else {}
        for it in buf:
            if it.error is not None or it.document is None:
                yield it, "error"
                continue
            h = hashes[id(it)]
            doc_id = it.document.id
            if h in stored or h in seen:
                yield it, "skip"
            elif doc_id in first_use or doc_id in taken:
                where = (f"by the text at {first_use[doc_id]}" if doc_id in first_use
                         else f"by a stored document from {taken[doc_id]}")
                err = DuplicateId(it.path, it.line, f"id {doc_id!r} is already used {where}; this "
                                                    "different text is not stored (give it its own id)")
                yield replace(it, document=None, error=err), "error"
            else:
                seen.add(h)
                first_use[doc_id] = f"{it.path}:{it.line}"
                yield it, "new"
        buf.clear()

    for item in items:
        buf.append(item)
        if len(buf) >= block:
            yield from drain()
    yield from drain()


def _run(plan: Iterable[tuple[Item, str]], executor, writer: Writer) -> None:
    """Submit new documents in chunks, keep a bounded window in flight, hand results over in order."""
    pending: deque = deque()      # entries: (list of (item, tag), handle or None)
    group: list[tuple[Item, str]] = []
    docs: list[Document] = []

    def settle(entry):
        entries, handle = entry
        results = iter(handle.get() if handle is not None else ())
        for item, tag in entries:
            if tag == "error":
                writer.error(item)
            elif tag == "skip":
                writer.skipped(item)
            else:
                writer.result(item, next(results))

    def submit():
        nonlocal group, docs
        if group:
            pending.append((group, executor.submit(docs) if docs else None))
            group, docs = [], []
        while len(pending) > executor.window:
            settle(pending.popleft())

    for item, tag in plan:
        group.append((item, tag))
        if tag == "new":
            docs.append(item.document)
            if len(docs) >= CHUNK or sum(len(d.text) for d in docs) >= CHUNK_CHARS:
                submit()
        elif not docs:
            submit()
    submit()
    while pending:
        settle(pending.popleft())


def ingest(paths: Iterable[str], store, date: str | None = None, err: TextIO | None = None,
           on_file: Callable[[FileSummary], None] | None = None, *, workers: int = 1,
           cluster: str | None = None, progress: bool | None = False,
           dedup: bool = True) -> RunSummary:
    """Read, process and store every document; bad inputs are reported and skipped.

    ``workers``: processes for extraction (1: this process); ``cluster``: a Dask scheduler
    address (overrides ``workers``); ``progress``: a progress bar on stderr (None: when stderr is
    a terminal); ``dedup``: group near-duplicate documents.
    """
    paths = list(paths)
    summary = RunSummary()
    if cluster:
        from .cluster import DaskExecutor
        executor = DaskExecutor(cluster)
    elif workers > 1 and (count := count_documents(paths) or workers) > 1:
        executor = PoolExecutor(min(workers, count))
    else:
        executor = LocalExecutor()
    with executor, Bar(paths, progress) as bar:
        out = err if err is not None else bar.stderr()
        writer = Writer(store, summary, out, on_file, dedup, bar.advance)
        _run(_plan(read_paths(paths, date), store), executor, writer)
        writer.close()
    return summary


def extract(paths: Iterable[str], out: TextIO, date: str | None = None,
            err: TextIO = sys.stderr) -> RunSummary:
    """Print one JSON record per document per line; store nothing."""
    summary = RunSummary()
    for item in read_paths(paths, date):
        fs = summary.file(item.path)
        if item.error is not None:
            fs.failed += 1
            report_error(item, err)
            continue
        try:
            record: Record = process(item.document)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            fs.failed += 1
            print(f"{item.path}:{item.line}: E100 processing failed: {one_line(exc)}", file=err)
            continue
        for warning in dict.fromkeys(item.warnings + record.warnings):   # the reader's, then the pipeline's
            print(f"{item.path}:{item.line}: {warning}", file=err)
        out.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
        fs.stored += 1
    return summary
