"""Reading Dyad's plain-text data files (dyad/data/*.tsv, and a language's own in
dyad/lang/<code>/data/*.tsv): UTF-8, tab-separated, one header line,
`#` comment lines (``# key: value`` comments at the top are kept as the table's meta, e.g.
``# version: ...``). One reader for the whole package; a row whose cell count differs from the
header's is an error naming the file and line.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Iterator, Mapping

DATA_DIR = Path(__file__).resolve().parent / "data"
LANG_DIR = Path(__file__).resolve().parent / "lang"


def lang_data(code: str, lang_dir: Path = LANG_DIR) -> Path:
    """The folder of a language's own data files (``dyad/lang/ru/data``)."""
    return lang_dir / code / "data"


@dataclass(frozen=True, slots=True)
class Table:
    """One TSV file: its ``# key: value`` header comments and its rows as read-only dicts."""
    meta: Mapping[str, str]
    rows: tuple[Mapping[str, str], ...]

    @property
    def version(self) -> str | None:
        return self.meta.get("version")


def read_table(path: Path) -> Table:
    meta: dict[str, str] = {}
    header: list[str] | None = None
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            key, sep, value = line[1:].strip().partition(":")
            if sep and key.strip().isidentifier() and key.strip() not in meta:
                meta[key.strip()] = value.strip()
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            raise ValueError(f"{path.name}:{n}: {len(cells)} cells, header has {len(header)}")
        rows.append(MappingProxyType(dict(zip(header, cells))))
    return Table(MappingProxyType(meta), tuple(rows))


def read_rows(pattern: str, data_dir: Path = DATA_DIR) -> Iterator[Mapping[str, str]]:
    """Rows of every data file matching ``pattern`` (``offices*.tsv``), files in sorted order."""
    for path in sorted(data_dir.glob(pattern)):
        yield from read_table(path).rows


@lru_cache(maxsize=None)
def table(name: str) -> Table:
    """A data file by name, read once per process."""
    return read_table(DATA_DIR / name)
