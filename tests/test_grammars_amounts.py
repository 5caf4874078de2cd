"""Amounts, percentages and multiples: the golden phrases, offsets, carrying units, speed guards."""
from __future__ import annotations

from pathlib import Path

import pytest

from dyad.lang.ru.grammars import (Amount, carry_units, find_amounts, find_multiples,
                                find_percents)
from dyad.lang.ru.grammars.golden import describe, read_cases, regenerate
from dyad.lang.ru.grammars.numbers import parse_number, scale_value
from dyad.lang.ru.grammars.units import read_currencies

GOLDEN = Path(__file__).parent / "golden" / "grammar_phrases.tsv"
CASES = [c for c in read_cases(GOLDEN) if c.kind in ("amount", "percent", "multiple")]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.line}:{c.phrase}" for c in CASES])
def test_grammars_amounts_golden(case):
    assert describe(case.kind, case.article_date, case.phrase) == case.expected


@pytest.mark.parametrize("text, expected", [
    ("2,5", 2.5), ("47.9", 47.9), ("1 200", 1200), ("12\u00a0345,6", 12345.6),
    ("1\u202f000\u2009000", 1_000_000), ("два", 2), ("полтора", 1.5), ("сто двадцать пять", 125),
    ("два с половиной", 2.5),
])
def test_grammars_amounts_parse_number(text, expected):
    assert float(parse_number(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("тыс.", 10**3), ("тысячи", 10**3), ("млн", 10**6), ("миллионов", 10**6),
    ("млрд.", 10**9), ("миллиарда", 10**9), ("трлн", 10**12), ("триллион", 10**12),
])
def test_grammars_amounts_scale_value(text, expected):
    assert scale_value(text) == expected


def test_grammars_amounts_offsets_cite_text():
    text = "В 2024 году импорт составил 3 млрд долларов, а экспорт превысил 2 млрд.\n" \
           "Рост на 11,9% больше плана, выпуск увеличился в 3,5 раза."
    spans = [text[a.start:a.end] for a in find_amounts(text)]
    assert spans == ["3 млрд долларов", "превысил 2 млрд."]
    assert [text[p.start:p.end] for p in find_percents(text)] == ["на 11,9% больше"]
    assert [text[m.start:m.end] for m in find_multiples(text)] == ["в 3,5 раза"]


def test_grammars_amounts_offsets_in_long_text():
    filler = "Стороны обсудили сотрудничество в разных областях. " * 40
    text = filler + "Объём торговли составил 1,2 трлн рублей." + filler
    (amount,) = find_amounts(text)
    assert text[amount.start:amount.end] == "1,2 трлн рублей"
    assert amount.value == 1.2e12 and amount.unit == "RUB"


def test_grammars_amounts_fromto_spans():
    text = "оборот вырос с 2 до 3 млрд долларов"
    low, high = find_amounts(text)
    assert text[low.start:low.end] == "2" and text[high.start:high.end] == "до 3 млрд долларов"


def test_grammars_amounts_carry_units_marks_and_keeps_order():
    amounts = find_amounts("экспорт 3 млрд евро, импорт превысил 2 млрд, ещё 5 млн человек")
    assert [a.unit for a in amounts] == ["EUR", None, None]
    carried = carry_units(amounts)
    assert [(a.unit, a.unit_carried) for a in carried] == [("EUR", False), ("EUR", True),
                                                           (None, False)]


def test_grammars_amounts_carry_units_needs_an_earlier_unit():
    (a,) = carry_units(find_amounts("расходы превысят 2 млрд"))
    assert a.unit is None and a.can_carry and not a.unit_carried


def test_grammars_amounts_record_is_frozen():
    (a,) = find_amounts("5 млн тонн")
    assert isinstance(a, Amount)
    with pytest.raises(AttributeError):
        a.value = 1  # type: ignore[misc]


def test_grammars_amounts_change_records():
    (p,) = find_percents("импорт снизился на 3%")
    (m,) = find_multiples("сократился в 2 раза")
    assert (p.to_change().kind, p.to_change().value) == ("percent", -3.0)
    assert (m.to_change().kind, m.to_change().value) == ("multiple", 0.5)


def test_grammars_amounts_nothing_without_numbers():
    text = "Стороны обсудили вопросы сотрудничества и подписали меморандум."
    assert find_amounts(text) == [] and find_percents(text) == [] and find_multiples(text) == []


def test_grammars_amounts_every_currency_is_covered():
    isos = {iso for _f, iso, _s in read_currencies()}
    for iso in ("USD", "EUR", "RUB", "CNY", "AZN", "KZT", "TRY", "UZS", "KGS", "INR", "GBP",
                "JPY", "KRW", "AED", "SAR"):
        assert iso in isos
        assert any(c.kind == "amount" and f" {iso} " in f" {c.expected} " for c in CASES), iso


def test_grammars_amounts_currency_table_has_sources():
    for form, iso, source in read_currencies():
        assert form and len(iso) == 3 and iso.isupper() and source in ("iso4217", "manual")


def test_grammars_amounts_regen_rewrites_expected(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("# c\namount\t-\tоколо 5 млн евро\twrong\npercent\t-\t7%\t7.0 % 0\n",
                    encoding="utf-8")
    changed = regenerate(path)
    assert [(c.line, actual) for c, actual in changed] == [(2, "5000000 EUR ~")]
    line = path.read_text(encoding="utf-8").splitlines()[1]
    assert line == "amount\t-\tоколо 5 млн евро\t5000000 EUR ~"
    assert regenerate(path) == []
