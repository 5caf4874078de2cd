"""Regenerate dyad/lang/en/data/triggers.tsv, the English verb triggers, from PETRARCH-2's CAMEO
verb pattern dictionary (../shared/reference/petrarch2/CAMEO.2.0.txt, MIT, Open Event Data
Alliance).

The dictionary is read and translated by dyad/lang/en/verbdict.py (its docstring describes the
format); this script keeps only standard CAMEO codes (present in dyad/data/cameo.tsv: ``---`` and
marks such as ``[s]`` or ``[080!]`` are dropped) and writes the table with its header.

Run: .venv/bin/python scripts/cameo_verbs_en.py [--source PATH] [--out PATH]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dyad.lang.en.verbdict import COLUMNS, build_rows, header, standard_codes  # noqa: E402

SOURCE = ROOT.parent / "shared" / "reference" / "petrarch2" / "CAMEO.2.0.txt"
OUT = ROOT / "dyad" / "lang" / "en" / "data" / "triggers.tsv"


def write(out: Path, lines: list[str], rows: Sequence[tuple[str, ...]]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")
        fh.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            if any("\t" in cell or "\n" in cell for cell in row):
                raise ValueError(f"tab or newline in {row}")
            fh.write("\t".join(row) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    text = args.source.read_text(encoding="utf-8")
    built = build_rows(text, standard_codes())
    for reason in built.skipped:
        print(reason, file=sys.stderr)
    write(args.out, header(text, built), built.rows)
    print(f"{args.out}: " + ", ".join(f"{k} {v}" for k, v in built.stats.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
