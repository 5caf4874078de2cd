"""Golden facts: tests/golden/facts.txt, sentences written for Dyad with their expected facts.

A failure prints a readable diff per case (``-`` expected, ``+`` extracted). The accuracy is the
share of cases whose facts are exactly the expected ones; it must stay at or above FLOOR.
Print the full report: ``python -m pytest tests/test_code_facts_golden.py -s``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from conftest import GOLDEN

FLOOR = 0.95
HOLDOUT_FLOOR = 0.95        # tests/golden/facts_holdout.txt: held out, labelled before any run


@dataclass
class Case:
    line: int
    date: str
    text: str
    expected: list[str] = field(default_factory=list)


def read_golden(path=GOLDEN / "facts.txt") -> list[Case]:
    cases: list[Case] = []
    date = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("date "):
            date = line.split()[1]
        elif line.startswith("> "):
            cases.append(Case(n, date, line[2:]))
        elif line.startswith("  ") and cases:
            if line.strip() != "-":
                cases[-1].expected.append(line.strip())
        else:
            raise ValueError(f"facts.txt:{n}: cannot read {line!r}")
    return cases


def run_case(case: Case) -> list[str]:
    from dyad.code.facts import compact
    from dyad.pipeline import process
    from dyad.types import Document
    record = process(Document(id=f"golden-{case.line}", text=case.text, date=case.date, lang="ru"))
    return [compact(f) for f in record.facts]


def report(cases: list[Case], results: list[list[str]], name: str = "facts.txt") -> tuple[int, str]:
    right, lines = 0, []
    for case, got in zip(cases, results):
        if sorted(got) == sorted(case.expected):
            right += 1
            continue
        lines.append(f"{name}:{case.line} [{case.date}] {case.text}")
        lines.extend(f"  - {f}" for f in case.expected if f not in got)
        lines.extend(f"  + {f}" for f in got if f not in case.expected)
    return right, "\n".join(lines)


@pytest.fixture(scope="module")
def golden():
    cases = read_golden()
    return cases, [run_case(c) for c in cases]


def test_facts_golden_file_is_readable():
    cases = read_golden()
    assert len(cases) >= 60
    assert all(c.date for c in cases)


def test_facts_golden_accuracy(golden):
    cases, results = golden
    right, diff = report(cases, results)
    rate = right / len(cases)
    print(f"\nfacts golden: {right}/{len(cases)} cases right ({rate:.1%})\n{diff}")
    assert rate >= FLOOR, f"{right}/{len(cases)} = {rate:.1%} < {FLOOR:.0%}\n{diff}"


@pytest.fixture(scope="module")
def holdout():
    cases = read_golden(GOLDEN / "facts_holdout.txt")
    return cases, [run_case(c) for c in cases]


def test_facts_holdout_accuracy(holdout):
    """The held-out file: sentences no rule was tuned on (see its header)."""
    cases, results = holdout
    assert len(cases) >= 50
    right, diff = report(cases, results, "facts_holdout.txt")
    rate = right / len(cases)
    print(f"\nfacts holdout: {right}/{len(cases)} cases right ({rate:.1%})\n{diff}")
    assert rate >= HOLDOUT_FLOOR, f"{right}/{len(cases)} = {rate:.1%} < {HOLDOUT_FLOOR:.0%}\n{diff}"
