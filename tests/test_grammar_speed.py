"""The grammars' parser (dyad.lang.ru.grammars.lookahead): it finds exactly what yargy's own parser
finds, with a fraction of the chart.

The equivalence is checked two ways: the structural condition the module docstring relies on,
and the matches of both parsers on the golden phrases, the golden fact sentences and the example
articles (whole lines, not only the windows the grammars cut).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from yargy import Parser
from yargy.rule.bnf import is_rule

from dyad.lang.ru.grammars import amounts, multiples, percents, periods
from dyad.lang.ru.grammars.golden import read_cases
from dyad.lang.ru.grammars.lookahead import LookaheadParser, _first_terminals, _rules
from dyad.lang.ru.grammars.tokens import tokenizer

ROOT = Path(__file__).parent.parent
GRAMMARS = {"amount": amounts.AMOUNT, "percent": percents.PERCENT,
            "multiple": multiples.MULTIPLE, "period": periods.PERIOD}
TRICKY = [
    "в январе-июле этого года", "с января по июль 2025 года", "за 9 месяцев", "в течение 9 месяцев",
    "во втором квартале 2024 года", "за полугодие", "за первое полугодие прошлого года",
    "в 2023-2024 годах", "с 2020 по 2024 год", "с начала года", "1 сентября 2025 г.",
    "по сравнению с аналогичным периодом 2024-го", "за три квартала", "в I кв. 2025 г.",
    "от 2 до 3 млрд долларов", "с 2 до 3 млрд долларов", "$2,5 млрд", "миллиард юаней",
    "более 1 200 тонн", "около 5 млн куб. м", "в 2023 - 300 млн", "2,5-3 млрд руб.",
    "вырос на 15 процентов", "на 2 п. п.", "в два с половиной раза", "вдвое больше", "сто двадцать",
    "", "год", "в", "2025",
]


def _texts() -> list[str]:
    texts = list(TRICKY)
    texts += [c.phrase for c in read_cases(ROOT / "tests" / "golden" / "grammar_phrases.tsv")]
    for name in ("facts.txt", "facts_holdout.txt"):
        text = (ROOT / "tests" / "golden" / name).read_text(encoding="utf-8")
        texts += [line[2:] for line in text.splitlines() if line.startswith("> ")]
    for path in sorted((ROOT / "examples").glob("*.txt")):
        texts += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def _matches(parser, text: str) -> list[tuple]:
    return [(tuple(m.span), repr(m.fact), [t.value for t in m.tokens])
            for m in parser.findall(text)]


@pytest.mark.parametrize("kind", sorted(GRAMMARS))
def test_grammar_speed_same_matches_as_yargy(kind):
    plain = Parser(GRAMMARS[kind], tokenizer=tokenizer())
    fast = LookaheadParser(GRAMMARS[kind], tokenizer=tokenizer())
    texts = _texts()
    assert len(texts) > 300
    for text in texts:
        assert _matches(fast, text) == _matches(plain, text), text


@pytest.mark.parametrize("kind", sorted(GRAMMARS))
def test_grammar_speed_rules_matching_nothing_are_awaited_once(kind):
    """A rule that can match nothing and may be awaited before any token is read stands first
    in its production and nowhere else (the condition in the module docstring)."""
    start = LookaheadParser(GRAMMARS[kind], tokenizer=tokenizer()).rule
    _, starts = _first_terminals(start)
    rules = _rules(start)
    empty = {id(r) for r in rules if any(starts[id(p)][1] for p in r.productions)}
    sites: dict[int, list[int]] = {}
    early: set[int] = set()
    for r in rules:
        for p in r.productions:
            prefix = True
            for k, term in enumerate(p.terms):
                if is_rule(term) and id(term) in empty:
                    sites.setdefault(id(term), []).append(k)
                    if prefix:
                        early.add(id(term))
                prefix = prefix and is_rule(term) and id(term) in empty
    assert all(sites[key] == [0] for key in early)


@pytest.mark.parametrize("kind", sorted(GRAMMARS))
def test_grammar_speed_chart_is_smaller(kind):
    text = ("Объём торговли в первом полугодии 2024 года прибавил 14,2% и достиг 3,1 млрд "
            "евро: это втрое больше, чем в тот же срок 2021 года.")
    plain = Parser(GRAMMARS[kind], tokenizer=tokenizer())
    fast = LookaheadParser(GRAMMARS[kind], tokenizer=tokenizer())

    def states(parser):
        return sum(len(column.states) for column in parser.chart(text).columns)

    assert _matches(fast, text) == _matches(plain, text)
    assert states(fast) * 3 < states(plain)
