"""List repository files that share a run of five words with the seed article, which must never be
copied into the repo. Phrases the project's issues themselves quote as examples are allowed.

    python scripts/seed_overlap.py          (from the repository root; exit 1 when something is found)
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_5f99e16c0eb99cba.txt"
RUN = 5
# Quoted in the issues as what must be extracted; they may appear as grammar examples.
ALLOWED = ("в январе-июле этого года", "за аналогичный период 2024-го",
           "выступает за территориальную целостность Китая",
           "выражает солидарность по вопросам Тайваня, Гонконга и Синьцзяна",
           "имеет статус партнёра по диалогу", "экспорт азербайджанской продукции в Китай")
SKIP = (".png", ".js", ".css", ".tsv.gz")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower().replace("ё", "е"))


def runs(ws: list[str]) -> set[str]:
    return {" ".join(ws[i:i + RUN]) for i in range(len(ws) - RUN + 1)}


def overlaps(seed_text: str, root: Path = ROOT) -> dict[str, set[str]]:
    seed = runs(words(seed_text))
    allowed = set().union(*(runs(words(p)) for p in ALLOWED))
    files = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True,
                           check=True).stdout.split()
    out = {}
    for name in files:
        if name.endswith(SKIP) or name == "tests/golden/seed_mentions.txt":
            continue
        try:
            text = (root / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        hits = (runs(words(text)) & seed) - allowed
        if hits:
            out[name] = hits
    return out


def main() -> int:
    found = overlaps(SEED.read_text(encoding="utf-8"))
    for name, hits in sorted(found.items()):
        print(name, len(hits), sorted(hits)[:4])
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
