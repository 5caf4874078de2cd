"""The property tests at full size: 25x the examples of `make test`, random seeds.

    .venv/bin/python bench/fuzz.py [pytest args]

Runs tests/test_reliability_props.py with the hypothesis profile ``dyad-bench`` and prints
hypothesis' statistics (examples tried per test, time per example).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    env = dict(os.environ, DYAD_HYPOTHESIS_PROFILE="dyad-bench")
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--hypothesis-show-statistics",
           str(ROOT / "tests" / "test_reliability_props.py"), *argv]
    return subprocess.call(cmd, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
