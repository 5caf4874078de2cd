"""English figures and time expressions (dyad/lang/en/figures.py, dyad/lang/en/dates.py): tables
of ``[text, expected]``, as the Russian grammars' tests."""
from __future__ import annotations

import datetime as dt

import pytest

from dyad.lang.en.dates import find_periods, resolve_text, same_days
from dyad.lang.en.figures import carry_units, find_amounts, find_multiples, find_percents
from dyad.lang.figures import Amount, Multiple, PeriodMatch, Percent
from dyad.types import Period

DAY = dt.date(2025, 8, 31)          # a Sunday


@pytest.mark.parametrize("text, value, unit, comparator", [
    ("$2.5 billion", 2.5e9, "USD", "="),
    ("US$2.5bn", 2.5e9, "USD", "="),
    ("USD 2.5 billion", 2.5e9, "USD", "="),
    ("53.3 million dollars", 53.3e6, "USD", "="),
    ("over $2 billion", 2e9, "USD", ">"),
    ("more than 2 billion US dollars", 2e9, "USD", ">"),
    ("exports exceeded $2 billion", 2e9, "USD", ">"),
    ("about €900 million", 9e8, "EUR", "~"),
    ("nearly 900 million manats", 9e8, "AZN", "~"),
    ("1.2 trillion yuan", 1.2e12, "CNY", "="),
    ("less than 300 million roubles", 3e8, "RUB", "<"),
    ("up to 300 million euros", 3e8, "EUR", "<"),
    ("$500m", 5e8, "USD", "="),
    ("450 million lari", 4.5e8, "GEL", "="),
    ("1,200 tonnes", 1200, "t", "="),
    ("108 million tonnes of oil", 1.08e8, "t", "="),
    ("10 bcm of gas", 1e10, "m3", "="),
    ("a billion dollars", 1e9, "USD", "="),
])
def test_en_figures_amounts(text, value, unit, comparator):
    [a] = find_amounts(text)
    assert (a.value, a.unit, a.comparator) == (pytest.approx(value), unit, comparator)
    assert isinstance(a, Amount) and text[a.start:a.end].strip() == text[a.start:a.end]


@pytest.mark.parametrize("text", ["in 2024", "3 March", "37 people", "a dollar", "page 12", "35%"])
def test_en_figures_not_amounts(text):
    assert find_amounts(text) == []


def test_en_figures_ranges_and_from_to():
    [r] = find_amounts("between $2 billion and $3 billion")
    assert (r.value, r.high, r.unit, r.rule) == (2e9, 3e9, "USD", "amount.range")
    [r] = find_amounts("$2-3 billion")
    assert (r.value, r.high, r.unit) == (2e9, 3e9, "USD")
    low, high = find_amounts("grew from $1.8 billion to $2.5 billion")
    assert (low.value, high.value, low.rule, high.rule) == (1.8e9, 2.5e9, "amount.fromto", "amount.fromto")


def test_en_figures_units_carry_but_not_to_counted_things():
    text = "Trade reached $2.5 billion, imports exceeded 2 billion and 2 million tourists came."
    first, second, third = carry_units(find_amounts(text))
    assert (second.unit, second.unit_carried, second.comparator) == ("USD", True, ">")
    assert (third.unit, third.can_carry) == (None, False)
    assert first.unit == "USD" and not first.unit_carried


@pytest.mark.parametrize("text, value, unit, direction", [
    ("up 26.7%", 26.7, "%", 1),
    ("rose by 26.7 percent", 26.7, "%", 1),
    ("fell 6.2%", -6.2, "%", -1),
    ("grew 12 per cent", 12.0, "%", 1),
    ("a 5% drop", -5.0, "%", -1),
    ("declined by 3 pct", -3.0, "%", -1),
    ("26.7% more than a year earlier", 26.7, "%", 1),
    ("3% lower", -3.0, "%", -1),
    ("a share of 35%", 35.0, "%", 0),
    ("rose to 20%", 20.0, "%", 0),
    ("rose 2 percentage points", 2.0, "pp", 1),
])
def test_en_figures_percents(text, value, unit, direction):
    [p] = find_percents(text)
    assert isinstance(p, Percent)
    assert (p.value, p.unit, p.direction) == (value, unit, direction)


@pytest.mark.parametrize("text, factor, direction", [
    ("grew 4.5 times", 4.5, 1),
    ("a 4.5-fold rise", 4.5, 1),
    ("rose threefold", 3.0, 1),
    ("doubled", 2.0, 1),
    ("tripled", 3.0, 1),
    ("halved", 0.5, -1),
    ("fell three times", 0.333333, -1),
    ("2.5 times more", 2.5, 1),
    ("three times", 3.0, 0),
])
def test_en_figures_multiples(text, factor, direction):
    [m] = find_multiples(text)
    assert isinstance(m, Multiple)
    assert (m.factor, m.direction) == (pytest.approx(factor), direction)


@pytest.mark.parametrize("text, words, start, end, precision, rule", [
    ("in January-July", "January-July", "2025-01-01", "2025-07-31", "month", "period.months"),
    ("in January–July 2025", "January–July 2025", "2025-01-01", "2025-07-31", "month", "period.months"),
    ("from January to July", "from January to July", "2025-01-01", "2025-07-31", "month", "period.months"),
    ("in the first half of 2025", "the first half of 2025", "2025-01-01", "2025-06-30", "halfyear", "period.half"),
    ("in H1", "H1", "2025-01-01", "2025-06-30", "halfyear", "period.half"),
    ("in the second half of last year", "the second half of last year", "2024-07-01", "2024-12-31",
     "halfyear", "period.half"),
    ("in the first quarter", "the first quarter", "2025-01-01", "2025-03-31", "quarter", "period.quarter"),
    ("Q1 2025", "Q1 2025", "2025-01-01", "2025-03-31", "quarter", "period.quarter"),
    ("in the third quarter of 2024", "the third quarter of 2024", "2024-07-01", "2024-09-30",
     "quarter", "period.quarter"),
    ("in 2024", "2024", "2024-01-01", "2024-12-31", "year", "period.year"),
    ("in 2023-2024", "2023-2024", "2023-01-01", "2024-12-31", "year", "period.year"),
    ("last year", "last year", "2024-01-01", "2024-12-31", "year", "period.relyear"),
    ("this year", "this year", "2025-01-01", "2025-12-31", "year", "period.relyear"),
    ("in the first seven months", "the first seven months", "2025-01-01", "2025-07-31", "month",
     "period.nmonths"),
    ("the first three quarters", "the first three quarters", "2025-01-01", "2025-09-30", "month",
     "period.nquarters"),
    ("in December", "December", "2024-12-01", "2024-12-31", "month", "period.months"),
    ("in August", "August", "2025-08-01", "2025-08-31", "month", "period.months"),
    ("since the start of the year", "since the start of the year", "2025-01-01", "2025-08-31",
     "custom", "period.since"),
    ("on March 3", "March 3", "2025-03-03", "2025-03-03", "day", "period.day"),
    ("on 31 January 2020", "31 January 2020", "2020-01-31", "2020-01-31", "day", "period.day"),
])
def test_en_figures_periods(text, words, start, end, precision, rule):
    [p] = find_periods(text, DAY)
    assert isinstance(p, PeriodMatch)
    assert (text[p.start:p.end], p.period, p.precision, p.rule, p.is_baseline) == (
        words, Period(start, end), precision, rule, False)


@pytest.mark.parametrize("text, baseline", [
    ("in January-July, compared with the same period of 2024", ("2024-01-01", "2024-07-31")),
    ("in the first half, against the same period last year", ("2024-01-01", "2024-06-30")),
    ("rose 5% year on year in January-July", ("2024-01-01", "2024-07-31")),
    ("in Q1 2025, year-on-year", ("2024-01-01", "2024-03-31")),
    ("in 2024, up 3% from a year earlier", ("2023-01-01", "2023-12-31")),
    ("in the first seven months, the same period a year earlier", ("2024-01-01", "2024-07-31")),
])
def test_en_figures_baselines(text, baseline):
    [b] = [p for p in find_periods(text, DAY) if p.is_baseline]
    assert b.period == Period(*baseline) and b.rule == "period.baseline"


def test_en_figures_periods_without_article_date_and_coarse_dates():
    assert [p.period for p in find_periods("in January-July", None)] == [None]
    assert find_periods("in 2024", None)[0].period == Period("2024-01-01", "2024-12-31")
    [p] = find_periods("last year", dt.date(2014, 6, 1), "year")
    assert p.period == Period("2013-01-01", "2013-12-31")
    [p] = find_periods("in the first quarter", dt.date(2014, 6, 1), "year")
    assert p.period is None


def test_en_figures_may_the_verb_is_no_month():
    assert find_periods("Trade may grow", DAY) == []


def test_en_figures_same_days_keeps_month_ends():
    assert same_days(Period("2024-01-01", "2024-02-29")) == Period("2023-01-01", "2023-02-28")
    assert same_days(Period("2025-01-01", "2025-07-31"), 2022) == Period("2022-01-01", "2022-07-31")


@pytest.mark.parametrize("text, future, date, precision, rule, words", [
    ("They met on Sunday", False, "2025-08-31", "day", "date.weekday", "on Sunday"),
    ("They met on Friday", False, "2025-08-29", "day", "date.weekday", "on Friday"),
    ("last Sunday", False, "2025-08-24", "day", "date.weekday", "last Sunday"),
    ("They will meet on Friday", True, "2025-09-05", "day", "date.weekday", "on Friday"),
    ("on Tuesday next week", True, "2025-09-02", "day", "date.weekday", "on Tuesday next week"),
    ("yesterday", False, "2025-08-30", "day", "date.relday", "yesterday"),
    ("today", False, "2025-08-31", "day", "date.relday", "today"),
    ("tomorrow", True, "2025-09-01", "day", "date.relday", "tomorrow"),
    ("the day before yesterday", False, "2025-08-29", "day", "date.relday", "the day before yesterday"),
    ("last week", False, "2025-08-18", "week", "date.week", "last week"),
    ("next week", True, "2025-09-01", "week", "date.week", "next week"),
    ("next month", True, "2025-09-01", "month", "date.month_rel", "next month"),
    ("earlier this month", False, "2025-08-01", "month", "date.month_rel", "earlier this month"),
    ("last year", False, "2024-01-01", "year", "date.year_rel", "last year"),
    ("earlier this year", False, "2025-01-01", "year", "date.year_rel", "earlier this year"),
    ("two years ago", False, "2023-01-01", "year", "date.ago", "two years ago"),
    ("a week ago", False, "2025-08-18", "week", "date.ago", "a week ago"),
    ("on March 3", False, "2025-03-03", "day", "date.dm", "on March 3"),
    ("on December 3", False, "2025-12-03", "day", "date.dm", "on December 3"),   # < half a year on
    ("on January 3", True, "2026-01-03", "day", "date.dm", "on January 3"),
    ("3 March 2024", False, "2024-03-03", "day", "date.dm", "3 March 2024"),
    ("March 3, 2024", False, "2024-03-03", "day", "date.dm", "March 3, 2024"),
    ("on 3rd March", False, "2025-03-03", "day", "date.dm", "on 3rd March"),
    ("in March", False, "2025-03-01", "month", "date.month", "in March"),
    ("in October", False, "2024-10-01", "month", "date.month", "in October"),
    ("in March last year", False, "2024-03-01", "month", "date.month", "in March last year"),
    ("March 2024", False, "2024-03-01", "month", "date.month", "March 2024"),
    ("in 2019", False, "2019-01-01", "year", "date.year", "in 2019"),
])
def test_en_dates_table(text, future, date, precision, rule, words):
    [d] = resolve_text(text, "2025-08-31", future)
    assert (d.date, d.precision, d.rule, text[d.start:d.end]) == (date, precision, rule, words)


def test_en_dates_future_flag_and_without_anchor():
    [d] = resolve_text("next month", "2025-08-31")
    assert d.future
    assert [d.date for d in resolve_text("in 2019, yesterday and on Sunday", None)] == ["2019-01-01"]


def test_en_dates_coarse_anchor():
    """An anchor known to the year: "yesterday" is the anchor's year; "last year" resolves."""
    got = [(d.date, d.precision) for d in resolve_text("yesterday, not last year", "2014-01-01",
                                                       precision="year")]
    assert got == [("2014-01-01", "year"), ("2013-01-01", "year")]


@pytest.mark.parametrize("text", ["you may go", "the past year was hard", "several years ago"])
def test_en_dates_not_dates(text):
    assert resolve_text(text, "2025-08-31") == []
