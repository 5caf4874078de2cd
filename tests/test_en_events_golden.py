"""English event coding against the English golden files (labelled by hand before the coder ran).

tests/golden/events_en.txt: sentences covering every CAMEO root, negation, modality, dates,
passives, coordination, nominal events and sentences with no event.
tests/golden/events_en_holdout.txt: 100 wire-style sentences; never tune single lines against it.
Both files carry ``# lang en``, so :func:`run_golden` codes them with the English pipeline.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from dyad.code.events_golden import read_golden, run_golden

GOLDEN = Path(__file__).resolve().parent / "golden"

# Labels frozen in commit 8447806 before the coder ran; the floors were set afterwards, about 10
# points below what the coder scored then (events_en.txt 84/266 = 31.6%, holdout 14/100 = 14.0%),
# so a regression fails and today's coder passes. Raise them as the coder improves; never edit a
# label to match the coder's output.
EN_FLOOR = 0.21
EN_HOLDOUT_FLOOR = 0.04


def _report(name: str, rows) -> tuple[float, str]:
    bad = [(n, s, exp, got) for n, _, s, exp, got in rows if exp != got]
    rate = 1 - len(bad) / len(rows)
    report = "\n".join(f"{name}:{n}: {s}\n    expected {exp}\n    got      {got}" for n, s, exp, got in bad)
    print(f"\n{report}\n{name} accuracy {rate:.1%} ({len(rows) - len(bad)}/{len(rows)})")
    return rate, report


@pytest.fixture(scope="module")
def en_rows():
    return run_golden(GOLDEN / "events_en.txt")


def test_en_golden_file_is_large_enough_and_covers_every_root():
    cases = read_golden(GOLDEN / "events_en.txt")
    assert len(cases) >= 150
    assert sum(1 for *_, exp in cases if exp == "-") >= 10
    roots = {e.split("|")[1][:2] for *_, exp in cases for e in exp.split(" ; ") if "|" in e}
    assert roots >= {f"{n:02d}" for n in range(1, 21)}, sorted(roots)


def test_en_holdout_file_is_large_enough():
    cases = read_golden(GOLDEN / "events_en_holdout.txt")
    assert len(cases) >= 100
    assert sum(1 for *_, exp in cases if exp == "-") >= 10


def test_en_events_golden(en_rows):
    rate, report = _report("events_en.txt", en_rows)
    assert rate >= EN_FLOOR, f"English golden accuracy {rate:.1%} < {EN_FLOOR:.0%}\n{report}"


def test_en_events_holdout():
    rows = run_golden(GOLDEN / "events_en_holdout.txt")
    rate, report = _report("events_en_holdout.txt", rows)
    assert rate >= EN_HOLDOUT_FLOOR, f"English holdout accuracy {rate:.1%} < {EN_HOLDOUT_FLOOR:.0%}\n{report}"
