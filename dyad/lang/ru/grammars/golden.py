"""Golden phrase files: ``kind<TAB>article_date<TAB>phrase<TAB>expected``, one case a line.

``kind`` is amount | percent | multiple | period; ``article_date`` is YYYY-MM-DD or ``-``.
``expected`` is what :func:`describe` prints: the matches joined by `` | ``, ``-`` for none.

    amount    2500000000 USD =            value unit comparator [high=H] [carried]
    percent   -5.0 % -1                   signed value, unit, direction
    multiple  0.5 -1                      factor, direction
    period    2025-01-01..2025-07-31 month [baseline]    or ``None month`` when unresolved

Amounts are shown after :func:`carry_units` over the whole phrase.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .amounts import carry_units, find_amounts
from .multiples import find_multiples
from .percents import find_percents
from .periods import find_periods

KINDS = ("amount", "percent", "multiple", "period")


@dataclass(frozen=True, slots=True)
class Case:
    line: int
    kind: str
    article_date: str
    phrase: str
    expected: str


def read_cases(path: Path) -> list[Case]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, date, phrase, expected = line.split("\t")
        if kind not in KINDS:
            raise ValueError(f"{path}:{number}: unknown kind {kind!r}")
        cases.append(Case(number, kind, date, phrase, expected))
    return cases


def _num(value: float) -> str:
    if value == int(value) and abs(value) < 1e16:
        return str(int(value))
    return repr(round(value, 6))


def _sign(direction: int) -> str:
    return {1: "+1", -1: "-1"}.get(direction, "0")


def describe(kind: str, article_date: str, phrase: str) -> str:
    """The compact normalised string for every match of ``kind`` in ``phrase``."""
    date = None if article_date in ("", "-") else dt.date.fromisoformat(article_date)
    parts: list[str] = []
    if kind == "amount":
        for a in carry_units(find_amounts(phrase)):
            text = f"{_num(a.value)} {a.unit} {a.comparator}"
            text += f" high={_num(a.high)}" if a.high is not None else ""
            parts.append(text + (" carried" if a.unit_carried else ""))
    elif kind == "percent":
        parts = [f"{round(p.value, 6)!r} {p.unit} {_sign(p.direction)}"
                 for p in find_percents(phrase)]
    elif kind == "multiple":
        parts = [f"{m.factor!r} {_sign(m.direction)}" for m in find_multiples(phrase)]
    elif kind == "period":
        for p in find_periods(phrase, date):
            span = f"{p.period.start}..{p.period.end}" if p.period else "None"
            parts.append(f"{span} {p.precision}" + (" baseline" if p.is_baseline else ""))
    else:
        raise ValueError(kind)
    return " | ".join(parts) or "-"


def regenerate(path: Path) -> list[tuple[Case, str]]:
    """Rewrite the expected column of ``path`` from current output; return the changed cases."""
    lines = path.read_text(encoding="utf-8").splitlines()
    changed = []
    for case in read_cases(path):
        actual = describe(case.kind, case.article_date, case.phrase)
        if actual != case.expected:
            changed.append((case, actual))
            lines[case.line - 1] = "\t".join((case.kind, case.article_date, case.phrase, actual))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed
