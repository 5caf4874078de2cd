"""The figure records every language's grammars return: amounts, percentages, multiples and
periods, each with ``start``/``end`` offsets into the text it was read from (end exclusive).

Language-neutral and dependency-free, so that a language package (``dyad/lang/en/``) can return
the same records as the Russian yargy grammars (``dyad/lang/ru/grammars/``, which re-export them)
without importing the other's libraries.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..types import Change, Period


@dataclass(frozen=True, slots=True)
class Amount:
    start: int
    end: int
    value: float
    unit: str | None                 # ISO 4217 code, "t", "bbl", "m3" or None
    comparator: str = "="            # = > < ~
    high: float | None = None        # upper end of a range
    unit_carried: bool = False       # unit filled by carry_units
    can_carry: bool = False          # no unit, and may take one from an earlier amount
    rule: str = ""                   # amount.single | amount.range | amount.fromto ...


@dataclass(frozen=True, slots=True)
class Percent:
    start: int
    end: int
    value: float                     # signed when the direction is known
    unit: str                        # % | pp
    direction: int                   # +1 | -1 | 0

    def to_change(self) -> Change:
        return Change(kind="percent", value=self.value)


@dataclass(frozen=True, slots=True)
class Multiple:
    start: int
    end: int
    factor: float                    # < 1 for a fall
    direction: int                   # +1 | -1 | 0

    def to_change(self) -> Change:
        return Change(kind="multiple", value=self.factor)


@dataclass(frozen=True, slots=True)
class PeriodMatch:
    start: int
    end: int
    period: Period | None            # None when it cannot be resolved (no article date)
    precision: str                   # day | month | quarter | halfyear | year | custom
    is_baseline: bool = False        # "аналогичный период ...", "the same period last year"
    rule: str = ""                   # period.months | period.quarter | ...
