"""Fingerprints of the records Dyad makes, to show a refactor leaves them unchanged.

For each input set (the seed article, examples/, factRuEval-2016 dev) the documents are read
with :func:`dyad.ingest.readers.read_path` and processed by one
:func:`dyad.pipeline.process_many` call over the whole set, always in the same order, so the
batched NLP sees the same batches every time (its float ties can depend on batch composition,
docs/nlp.md). Per document, a line holds the set, the document's file name, the number of
mentions, events and facts, and a SHA-256 of the canonical JSON (every dataclass field, keys
sorted) of each: no text, since the repository must not hold dataset text.

    python scripts/record_fingerprints.py            # write tests/golden/record_fingerprints.tsv
    python scripts/record_fingerprints.py --check    # compare, print the documents that differ
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLDEN = ROOT / "tests" / "golden" / "record_fingerprints.tsv"
HEADER = ("set", "document", "mentions", "events", "facts",
          "sha256_mentions", "sha256_events", "sha256_facts")


def input_sets() -> dict[str, list[Path]]:
    """The input sets, each a sorted list of files (a set whose files are missing is empty)."""
    seed = SHARED / "seed" / "000_5f99e16c0eb99cba.txt"
    return {
        "seed": [seed] if seed.exists() else [],
        "examples": sorted((ROOT / "examples").glob("*.txt")),
        "factrueval-dev": sorted((SHARED / "eval-dev" / "factRuEval-2016" / "devset").glob("*.txt")),
    }


def canonical(items) -> str:
    return json.dumps([dataclasses.asdict(x) for x in items], sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"), default=str)


def digest(items) -> str:
    return hashlib.sha256(canonical(items).encode("utf-8")).hexdigest()


def documents(name: str, paths: list[Path]):
    """(file name, Document) of a set: dated text through Dyad's reader; factRuEval's plain text
    (no date header) as ``dyad eval`` reads it, undated, so the date is estimated from the text."""
    from dyad.ingest.readers import read_path
    from dyad.types import Document
    for path in paths:
        if name == "factrueval-dev":
            yield path.name, Document(path.stem, path.read_bytes().decode("utf-8-sig"))
            continue
        for item in read_path(path):
            if item.document is None:
                raise SystemExit(f"{path}: not read ({item.error})")
            yield path.name, item.document


def fingerprints(name: str, paths: list[Path]) -> list[tuple[str, ...]]:
    from dyad.pipeline import process_many
    pairs = list(documents(name, paths))
    labels, docs = [p[0] for p in pairs], [p[1] for p in pairs]
    rows = []
    for label, record in zip(labels, process_many(docs)):
        rows.append((name, label, str(len(record.mentions)), str(len(record.events)),
                     str(len(record.facts)), digest(record.mentions), digest(record.events),
                     digest(record.facts)))
    return rows


def compute(sets: dict[str, list[Path]] | None = None) -> list[tuple[str, ...]]:
    rows = []
    for name, paths in (sets or input_sets()).items():
        if paths:
            rows.extend(fingerprints(name, paths))
    return rows


def read_golden(path: Path = GOLDEN) -> list[tuple[str, ...]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines[1:] if line]


def write(rows, path: Path = GOLDEN) -> None:
    path.write_text("\n".join("\t".join(r) for r in (HEADER, *rows)) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the golden file, write nothing")
    args = ap.parse_args(argv)
    rows = compute()
    if not args.check:
        write(rows)
        print(f"{len(rows)} documents -> {GOLDEN.relative_to(ROOT)}")
        return 0
    golden = {r[:2]: r for r in read_golden()}
    bad = [r for r in rows if golden.get(r[:2]) != r]
    for r in bad:
        print("differs:", "\t".join(r), file=sys.stderr)
    print(f"{len(rows) - len(bad)}/{len(rows)} documents identical")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
