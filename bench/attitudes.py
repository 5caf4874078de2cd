"""The attitude stage's share of ingest time (issue 15: at most 20%).

    .venv/bin/python bench/attitudes.py [--limit N]

Runs the whole pipeline (dyad.pipeline.process_many, in batches of 16 documents as ingest forms
them) over the Russian examples/*.txt and the factRuEval-2016 devset texts (../shared, when there),
timing the attitude stage (Language.code_attitudes: candidates, features, both models, stances and
events as votes) inside it, and prints the ratio. One process, one core; the models are loaded
before the clock starts.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dyad.ingest.readers import read_path  # noqa: E402
from dyad.lang.base import Language  # noqa: E402
from dyad.pipeline import process_many  # noqa: E402
from dyad.types import Document  # noqa: E402

DEVSET = ROOT.parent / "shared" / "eval-dev" / "factRuEval-2016" / "devset"


def documents(limit: int) -> list[Document]:
    docs = [item.document for path in sorted((ROOT / "examples").glob("*.txt")) if "_en_" not in path.name
            for item in read_path(str(path)) if item.document is not None]
    if DEVSET.is_dir():
        for path in sorted(DEVSET.glob("*.txt"))[:limit]:
            docs.append(Document(path.stem, path.read_text(encoding="utf-8-sig"), "2016-01-01", "ru"))
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=120, help="factRuEval devset texts (default 120)")
    args = ap.parse_args()
    docs = documents(args.limit)
    spent = [0.0]
    original = Language.code_attitudes

    def timed(self, *a, **kw):
        t0 = time.perf_counter()
        try:
            return original(self, *a, **kw)
        finally:
            spent[0] += time.perf_counter() - t0

    Language.code_attitudes = timed
    process_many(docs[:2])                      # load the models, the knowledge base, the classifier
    spent[0] = 0.0
    t0 = time.perf_counter()
    attitudes = 0
    for i in range(0, len(docs), 16):
        attitudes += sum(len(r.attitudes) for r in process_many(docs[i:i + 16]))
    total = time.perf_counter() - t0
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} documents, {chars:,} characters, {attitudes} attitudes: pipeline {total:.1f} s, "
          f"attitude stage {spent[0]:.2f} s = {100 * spent[0] / total:.1f}% of it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
