"""Reading Dyad's plain-text data files (tab-separated, a header line, `#` comments)."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterator

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of one file as dicts keyed by the header; `#` lines are comments."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None:
            return
        for row in reader:
            row = row + [""] * (len(header) - len(row))
            yield {key: value.strip() for key, value in zip(header, row)}


def read_all(pattern: str, data_dir: Path = DATA_DIR) -> Iterator[dict[str, str]]:
    """Rows of every file matching ``pattern`` (e.g. ``offices*.tsv``), files in sorted order."""
    for path in sorted(data_dir.glob(pattern)):
        yield from read_tsv(path)


def header_value(path: Path, key: str) -> str | None:
    """A ``# key: value`` comment from the top of a data file."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                break
            name, _, value = line[1:].partition(":")
            if name.strip() == key:
                return value.strip()
    return None
