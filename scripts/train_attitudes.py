"""Train the attitude classifier (``make train-attitudes``) on RuSentRel 1.1's training split and
write it to dyad/lang/ru/data/attitudes.v1.json (coefficients and feature names, no text).

    python scripts/train_attitudes.py [DATA_DIR] [--out FILE] [--cv K]

DATA_DIR defaults to ../shared/eval-dev/rusentrel-train (rusentrel.jsonl, synonyms.json and the
official score.py). Deterministic: the same data give the same file (and sha). With ``--cv K`` it
also prints the nested K-fold cross-validated figures of docs/quality.md.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dyad.code import attitude_model as am  # noqa: E402
from dyad.eval import rusentrel as rs  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval-dev" / "rusentrel-train"
DEFAULT_OUT = ROOT / "dyad" / "lang" / "ru" / "data" / "attitudes.v1.json"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--cv", type=int, default=0)
    a = ap.parse_args(argv)
    t0 = time.time()
    ds = rs.load(Path(a.data), "train")
    prepared = rs.prepare(ds)
    if a.cv:
        result, _ = rs.cross_validate(ds, a.cv, prepared)
        print(f"cross-validated ({a.cv} folds): {rs.figures(result)}")
    model = rs.train(ds, prepared)
    sha = am.save(model, Path(a.out))
    print(f"wrote {a.out}: {len(model.sentence.vocab)} features, threshold {model.doc.threshold[0]}, "
          f"sha {sha} ({time.time() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
