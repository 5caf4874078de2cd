"""English event coding against the English golden files (labelled by hand before the coder ran).

tests/golden/events_en.txt: sentences covering every CAMEO root, negation, modality, dates,
passives, coordination, nominal events and sentences with no event.
tests/golden/events_en_holdout.txt: 100 wire-style sentences; never tune single lines against it.
Both files carry ``# lang en``, so :func:`run_golden` codes them with the English pipeline.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from dyad.code.events_golden import country_triples, read_golden, run_golden, score

GOLDEN = Path(__file__).resolve().parent / "golden"

# Labels frozen in commit 8447806 before the coder ran; the floors sit about 5 points below what
# the coder scores now (events_en.txt 175/274 = 63.9%, holdout 43/100 = 43.0%; by country pair
# F1 79.8, wire 68.4, holdout 61.3), so a regression fails and today's coder passes. Raise them
# as the coder improves; never edit a label to match the coder's output.
EN_FLOOR = 0.58
EN_HOLDOUT_FLOOR = 0.38
# (source country, target country, CAMEO root) F1, how the held-out English checks score
PAIR_F1_FLOORS = {"events_en.txt": 0.75, "events_en_wire.txt": 0.65, "events_en_holdout.txt": 0.56}
# the same, pairs whose both sides are known (dyadic events); now 86.0, 79.2, 71.4
DYADIC_F1_FLOORS = {"events_en.txt": 0.81, "events_en_wire.txt": 0.74, "events_en_holdout.txt": 0.66}
SIDES = "# --- the other side in a clause, a preposition or a possessor"


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


@pytest.mark.parametrize("name", sorted(PAIR_F1_FLOORS))
def test_en_pair_f1_by_country(name, en_rows):
    rows = en_rows if name == "events_en.txt" else run_golden(GOLDEN / name)
    sc = score(rows)
    assert sc["country_f1"] >= PAIR_F1_FLOORS[name], f"{name}: (source, target, root) F1 by country {sc['country_f1']:.1%}"
    assert sc["dyadic_f1"] >= DYADIC_F1_FLOORS[name], f"{name}: F1 of the pairs with both sides known {sc['dyadic_f1']:.1%}"


def _section(path: Path, title: str) -> set[int]:
    """The line numbers of one ``# ---`` section of a golden file."""
    out, inside = set(), False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# ---"):
            inside = line.strip() == title
        elif inside and "⇒" in line:
            out.add(n)
    return out


def test_en_sides_from_clause_preposition_and_possessor(en_rows):
    """Each line of the section holds one argument rule (the other side in a demanded act's clause,
    a speaker's pronoun, a place that is no side, a state organ named by its possessor ...): the
    pairs must be exact, by country."""
    lines = _section(GOLDEN / "events_en.txt", SIDES)
    assert len(lines) >= 8
    bad = [f"{n}: {s}\n    expected {exp}\n    got      {got}" for n, _, s, exp, got in en_rows
           if n in lines and country_triples(exp) != country_triples(got)]
    assert not bad, "\n".join(bad)
