"""Periods: the golden phrases, resolution against the article date, baselines, offsets."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dyad.lang.ru.grammars import PeriodMatch, baseline_for, find_periods
from dyad.lang.ru.grammars.golden import describe, read_cases
from dyad.types import Period

GOLDEN = Path(__file__).parent / "golden" / "grammar_phrases.tsv"
CASES = [c for c in read_cases(GOLDEN) if c.kind == "period"]
AUG = dt.date(2025, 8, 31)
JAN = dt.date(2026, 1, 15)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.line}:{c.phrase}" for c in CASES])
def test_grammars_periods_golden(case):
    assert describe(case.kind, case.article_date, case.phrase) == case.expected


def test_grammars_periods_golden_file_is_large_enough():
    assert len(read_cases(GOLDEN)) >= 150


def test_grammars_periods_offsets_cite_text():
    text = ("Товарооборот в январе-мае этого года вырос на 9,4% по сравнению с аналогичным "
            "периодом 2024-го.\nВ I квартале 2025 года поставки удвоились.")
    found = find_periods(text, AUG)
    assert [text[p.start:p.end] for p in found] == [
        "в январе-мае этого года", "аналогичным периодом 2024-го", "В I квартале 2025 года"]
    assert [p.is_baseline for p in found] == [False, True, False]
    assert found[1].period == Period("2024-01-01", "2024-05-31")


def test_grammars_periods_this_year_versus_bare_month_in_january():
    assert find_periods("в декабре этого года", JAN)[0].period == Period("2026-12-01", "2026-12-31")
    assert find_periods("в декабре", JAN)[0].period == Period("2025-12-01", "2025-12-31")


def test_grammars_periods_since_start_of_year_ends_on_article_date():
    (p,) = find_periods("с начала года", dt.date(2025, 5, 17))
    assert p.period == Period("2025-01-01", "2025-05-17") and p.precision == "custom"


def test_grammars_periods_unresolved_without_date():
    (p,) = find_periods("в прошлом году", None)
    assert isinstance(p, PeriodMatch) and p.period is None and p.precision == "year"


@pytest.mark.parametrize("period, phrase, expected", [
    (Period("2025-01-01", "2025-07-31"), "2024-го", Period("2024-01-01", "2024-07-31")),
    (Period("2025-01-01", "2025-07-31"), "прошлого года", Period("2024-01-01", "2024-07-31")),
    (Period("2024-01-01", "2024-02-29"), 2023, Period("2023-01-01", "2023-02-28")),
    (Period("2023-02-01", "2023-02-28"), 2024, Period("2024-02-01", "2024-02-29")),
    (Period("2024-11-01", "2025-02-28"), None, Period("2023-11-01", "2024-02-29")),
    (Period("2025-01-01", "2025-08-17"), "позапрошлого года", Period("2023-01-01", "2023-08-17")),
])
def test_grammars_periods_baseline_for(period, phrase, expected):
    assert baseline_for(period, phrase) == expected


def test_grammars_periods_baseline_follows_nearest_period():
    text = "в I квартале рост, а во втором квартале спад против аналогичного периода 2024 года"
    *_, base = find_periods(text, AUG)
    assert base.is_baseline and base.period == Period("2024-04-01", "2024-06-30")
    assert base.precision == "quarter"
