"""Percentages and percentage points, signed by the direction of the change.

``26,7%`` -> 26.7 (direction 0); ``на 5% меньше`` -> -5.0; ``вырос на 15 процентов`` -> 15.0 (+1);
``на 2 процентных пункта`` -> unit ``pp``. The direction comes from a comparative right after the
figure (``больше``, ``ниже``), else from the nearest direction word before it in the same clause
(``снизился на 3%``, ``рост 15%``). ``до 20%`` and ``с 20%`` are levels: direction 0.
"""
from __future__ import annotations

import re
from functools import cache

from yargy import or_, rule
from yargy.interpretation import const, fact
from yargy.predicates import caseless, eq, in_caseless, normalized

from ...figures import Percent
from .directions import COMPARATIVES, direction_of
from .lookahead import LookaheadParser
from .numbers import NUMBER, NUMBER_HINT, parse_number
from .tokens import clause_before, tokenizer, windows


PercentFact = fact("PercentFact", ["prep", "value", "unit", "after"])

DOT = eq(".")
PREP = rule(in_caseless({"на", "до", "с", "со", "от", "в"})).interpretation(
    PercentFact.prep.custom(str.lower))
PCT = or_(
    rule(eq("%")),
    rule(normalized("процент")),
    rule(caseless("проц"), DOT.optional()),
).interpretation(const("%"))
POINTS = or_(
    rule(normalized("процентный"), normalized("пункт")),
    rule(caseless("п"), DOT.optional(), caseless("п"), DOT.optional()),
    rule(caseless("пп"), DOT.optional()),
).interpretation(const("pp"))
AFTER = rule(in_caseless(set(COMPARATIVES))).interpretation(PercentFact.after.custom(str.lower))

PERCENT = rule(
    PREP.optional(),
    NUMBER.interpretation(PercentFact.value.custom(parse_number)),
    or_(POINTS, PCT).interpretation(PercentFact.unit),
    AFTER.optional(),
).interpretation(PercentFact)


PERCENT_HINT = re.compile(r"%|процент|\bп\.\s?п|\bпп\b|\bпроц", re.IGNORECASE)


@cache
def parser() -> LookaheadParser:
    return LookaheadParser(PERCENT, tokenizer=tokenizer())


def find_percents(text: str) -> list[Percent]:
    found = []
    for offset, piece in windows(text, NUMBER_HINT, 12, 40, PERCENT_HINT):
        for match in parser().findall(piece):
            f = match.fact
            start, end = match.span.start + offset, match.span.stop + offset
            direction = _direction(f.prep, f.after, text, start)
            value = float(f.value) * (direction or 1)
            found.append(Percent(start, end, value, f.unit, direction))
    return found


def _direction(prep: str | None, after: str | None, text: str, start: int) -> int:
    if after:
        return COMPARATIVES[after]
    if prep in ("до", "с", "со", "от"):
        return 0
    # "увеличила поставки газа в Китай по «Силе Сибири» на 15%": the verb may stand far before
    # "на N%" in its clause; other prepositions keep the nearer window
    return direction_of(clause_before(text, start, 10 if prep == "на" else 6 if prep else 3))
