"""Yargy grammars for figures in Russian news: amounts, percentages, multiples and periods.

    from dyad.lang.ru.grammars import find_amounts, find_percents, find_multiples, find_periods
    find_amounts("экспорт превысил 2 млрд долларов")  # [Amount(9, 32, 2e9, 'USD', '>', ...)]

Every record is a frozen dataclass with ``start``/``end`` offsets into the given text (end
exclusive). Parsers are built once, on first use, and run only on the sentences that pass a cheap
regex check; they are yargy parsers that predict only what the next word can start
(:mod:`dyad.lang.ru.grammars.lookahead`). ``python -m dyad.lang.ru.grammars --regen FILE`` rewrites a
golden file's expected column (see :mod:`dyad.lang.ru.grammars.golden`).
"""
from .amounts import Amount, carry_units, find_amounts
from .multiples import Multiple, find_multiples
from .percents import Percent, find_percents
from .periods import PeriodMatch, baseline_for, find_periods

__all__ = ["Amount", "Percent", "Multiple", "PeriodMatch", "find_amounts", "find_percents",
           "find_multiples", "find_periods", "carry_units", "baseline_for"]
