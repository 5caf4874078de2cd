"""``python -m dyad.lang.ru.grammars --regen tests/golden/grammar_phrases.tsv``: rewrite the expected
column from current output after a deliberate change, printing what changed.
``python -m dyad.lang.ru.grammars KIND DATE PHRASE`` prints one phrase's result."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .golden import describe, regenerate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m dyad.lang.ru.grammars", description=__doc__)
    ap.add_argument("--regen", type=Path, metavar="TSV", help="golden file to rewrite")
    ap.add_argument("case", nargs="*", help="KIND ARTICLE_DATE PHRASE")
    args = ap.parse_args(argv)
    if args.regen:
        changed = regenerate(args.regen)
        for case, actual in changed:
            print(f"{args.regen}:{case.line}: {case.kind}\t{case.phrase}")
            print(f"  - {case.expected}\n  + {actual}")
        print(f"{len(changed)} case(s) changed in {args.regen}")
        return 0
    if len(args.case) == 3:
        print(describe(*args.case))
        return 0
    ap.print_usage(sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
