"""Ingest and extract drivers: readers -> pipeline -> store or stdout, with per-file summaries.

Plain importable functions; the CLI is a thin wrapper around them.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, TextIO

from ..pipeline import process
from ..types import Record
from .readers import Item, read_paths


@dataclass
class FileSummary:
    path: str
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    mentions: int = 0
    events: int = 0
    facts: int = 0

    def line(self) -> str:
        return (f"{self.path}: {self.stored} stored, {self.skipped} already stored, {self.failed} failed; "
                f"{self.mentions} mentions, {self.events} events, {self.facts} facts")


@dataclass
class RunSummary:
    files: dict[str, FileSummary] = field(default_factory=dict)

    def file(self, path: str) -> FileSummary:
        return self.files.setdefault(path, FileSummary(path))

    @property
    def failed(self) -> int:
        return sum(f.failed for f in self.files.values())

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def report_error(item: Item, err: TextIO) -> None:
    print(str(item.error), file=err)


def ingest(paths: Iterable[str], store, date: str | None = None, err: TextIO = sys.stderr,
           on_file: Callable[[FileSummary], None] | None = None) -> RunSummary:
    """Read, process and store every document; bad inputs are reported and skipped."""
    summary = RunSummary()
    current = None
    for item in read_paths(paths, date):
        fs = summary.file(item.path)
        if current is not None and current is not fs and on_file:
            on_file(current)
        current = fs
        if item.error is not None:
            fs.failed += 1
            report_error(item, err)
            continue
        doc = item.document
        if store.has(doc.text):
            fs.skipped += 1
            continue
        record = process(doc)
        for warning in record.warnings:
            print(f"{item.path}:{item.line}: {warning}", file=err)
        if store.save(record):
            fs.stored += 1
            fs.mentions += len(record.mentions)
            fs.events += len(record.events)
            fs.facts += len(record.facts)
        else:
            fs.skipped += 1
    if current is not None and on_file:
        on_file(current)
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
        record: Record = process(item.document)
        out.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
        fs.stored += 1
    return summary
