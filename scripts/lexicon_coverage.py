"""Coverage of the Russian trigger lexicon (dyad/lang/ru/data/triggers.tsv) per CAMEO code and root.

PETRARCH-2's CAMEO 2.0 verb dictionary (petrarch2/CAMEO.2.0.txt in ../shared/reference, MIT
licence, openeventdata/petrarch2 commit 676801c) lists, per CAMEO code, the English verbs and phrase patterns that code it. This script
reads which English verbs each code has there and sets them beside the number of Russian triggers
Dyad has for the code, so the gaps show. It copies no pattern: only verb names are printed.

    .venv/bin/python scripts/lexicon_coverage.py codes [--root 17] [--missing]
    .venv/bin/python scripts/lexicon_coverage.py roots            # the Markdown table
    .venv/bin/python scripts/lexicon_coverage.py roots --write docs/codebooks.md
    (each takes --reference FILE for another copy of CAMEO.2.0.txt)

`roots --write` replaces the table between the two marker comments in the page.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dyad.code import codebook
from dyad.lang.ru import lexicon  # noqa: E402

REFERENCE = ROOT.parent / "shared" / "reference" / "petrarch2" / "CAMEO.2.0.txt"
BEGIN, END = "<!-- coverage:begin -->", "<!-- coverage:end -->"

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_CODE = re.compile(r"\[([0-9:]*)\]")
_COMMENT_VERB = re.compile(r"#\s*([A-Z][A-Z_'-]*)")


@dataclass(frozen=True, slots=True)
class EnglishCode:
    code: str
    verbs: Counter          # English verb -> patterns (or verb entries) with this code
    patterns: int


def _code(field: str) -> str | None:
    """'042:043' -> '042', ':173' -> '173', '---' -> None."""
    for part in field.split(":"):
        if part.isdigit():
            return part
    return None


def english_codes(path: Path = REFERENCE) -> dict[str, EnglishCode]:
    """Per CAMEO code, the English verbs of the PETRARCH-2 dictionary that code it."""
    verbs: dict[str, Counter] = defaultdict(Counter)
    patterns: Counter = Counter()
    in_verbs, block = False, None
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if line.startswith("######## TRANSFORMATIONS"):
            break
        if not in_verbs or not line.strip():
            continue
        header = _BLOCK.match(line)
        if header:                  # "---  FINE   [172]  ---": its verbs code 172 unless they say
            block = _code(header.group(2))
            continue
        found = _CODE.search(line)
        code = _code(found.group(1)) if found else (None if line.startswith("-") else block)
        if code is None:
            continue
        if line.startswith("-"):
            who = _COMMENT_VERB.search(line)
            if who:
                verbs[code][who.group(1).lower()] += 1
            patterns[code] += 1
        elif not line.startswith("#"):   # a verb line: "ASK [020]", "+ASK_FOR {...} [020]", "FINE"
            verbs[code][line.split()[0].lstrip("+").rstrip("_").replace("_", " ").lower()] += 1
    return {c: EnglishCode(c, verbs[c], patterns[c]) for c in set(verbs) | set(patterns)}


def russian_counts() -> Counter:
    return Counter(t.cameo for t in lexicon.triggers())


def codes_report(root: str | None, missing: bool, top: int, reference: Path = REFERENCE) -> str:
    english = english_codes(reference)
    russian = russian_counts()
    lines = [f"{'code':<5} {'ru':>3} {'en':>4}  name / English verbs"]
    for c in codebook.cameo_codes():
        if len(c.code) == 2 or (root and c.root != root):
            continue
        if missing and russian[c.code]:
            continue
        en = english.get(c.code)
        words = ", ".join(v for v, _ in en.verbs.most_common(top)) if en else ""
        lines.append(f"{c.code:<5} {russian[c.code]:>3} {en.patterns if en else 0:>4}  {c.name}")
        if words:
            lines.append(f"{'':<15}{words}")
    return "\n".join(lines)


def roots_table(reference: Path = REFERENCE) -> str:
    """The Markdown table of triggers and codes reached per CAMEO root."""
    english = english_codes(reference)
    russian = russian_counts()
    codes = [c for c in codebook.cameo_codes() if len(c.code) > 2]
    out = ["| root | name | triggers | codes with a trigger | codes with a PETRARCH-2 pattern, no trigger |",
           "|---|---|---:|---:|---|"]
    total = reached_all = n_all = 0
    for r in codebook.cameo_codes():
        if len(r.code) != 2:
            continue
        mine = [c.code for c in codes if c.root == r.code]
        reached = [c for c in mine if russian[c]]
        gaps = [c for c in mine if not russian[c] and c in english]
        n = sum(v for k, v in russian.items() if k[:2] == r.code)
        total, reached_all, n_all = total + n, reached_all + len(reached), n_all + len(mine)
        out.append(f"| {r.code} | {r.name.capitalize()} | {n} | {len(reached)}/{len(mine)} | "
                   f"{' '.join(gaps) or '—'} |")
    out.append(f"| all | | {total} | {reached_all}/{n_all} | |")
    return "\n".join(out)


def write(page: Path, table: str) -> None:
    text = page.read_text(encoding="utf-8")
    head, sep, rest = text.partition(BEGIN)
    _, sep2, tail = rest.partition(END)
    if not sep or not sep2:
        raise SystemExit(f"{page}: no {BEGIN} ... {END} markers")
    page.write_text(f"{head}{BEGIN}\n{table}\n{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("codes", help="per CAMEO code: Russian triggers, PETRARCH-2 patterns, verbs")
    p.add_argument("--root", help="only this root (two digits)")
    p.add_argument("--missing", action="store_true", help="only codes with no Russian trigger")
    p.add_argument("--top", type=int, default=12, help="English verbs shown per code")
    p = sub.add_parser("roots", help="the Markdown coverage table per root")
    p.add_argument("--write", type=Path, metavar="PAGE", help="replace the table in PAGE")
    for p in sub.choices.values():
        p.add_argument("--reference", type=Path, default=REFERENCE, help="PETRARCH-2's CAMEO.2.0.txt")
    ns = parser.parse_args(argv)
    if ns.command == "codes":
        print(codes_report(ns.root, ns.missing, ns.top, ns.reference))
    elif ns.write:
        write(ns.write, roots_table(ns.reference))
    else:
        print(roots_table(ns.reference))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
