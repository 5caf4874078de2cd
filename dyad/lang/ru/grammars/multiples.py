"""Multiples: ``в 4,5 раза``, ``в два раза``, ``в полтора раза``, ``вдвое``, ``втрое``.

The factor is what the later value is of the earlier one: ``вырос в 2 раза`` -> 2.0 (+1),
``сократился в 2 раза`` and ``в 2 раза меньше`` -> 0.5 (-1), ``в 3 раза`` alone -> 3.0 (0).
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from yargy import or_, rule
from yargy.interpretation import fact
from yargy.predicates import caseless, in_caseless, normalized

from ...figures import Multiple
from .directions import COMPARATIVES, direction_of
from .lookahead import LookaheadParser
from .numbers import NUMBER, NUMBER_HINT, parse_number
from .tokens import clause_before, tokenizer, windows

ADVERBS = {"вдвое": 2, "втрое": 3, "вчетверо": 4, "впятеро": 5, "вшестеро": 6, "всемеро": 7,
           "ввосьмеро": 8, "вдевятеро": 9, "вдесятеро": 10}


MultipleFact = fact("MultipleFact", ["factor", "after"])

AFTER = rule(in_caseless(set(COMPARATIVES))).interpretation(MultipleFact.after.custom(str.lower))
TIMES = rule(caseless("в"), NUMBER.interpretation(MultipleFact.factor.custom(parse_number)),
             normalized("раз"))
ADVERB = rule(in_caseless(set(ADVERBS))).interpretation(
    MultipleFact.factor.custom(lambda w: Decimal(ADVERBS[w.lower()])))
MULTIPLE = rule(or_(TIMES, ADVERB), AFTER.optional()).interpretation(MultipleFact)


MULTIPLE_HINT = re.compile(r"\bраз|" + "|".join(rf"\b{w}\b" for w in ADVERBS), re.IGNORECASE)


@cache
def parser() -> LookaheadParser:
    return LookaheadParser(MULTIPLE, tokenizer=tokenizer())


def find_multiples(text: str) -> list[Multiple]:
    found = []
    for offset, piece in windows(text, NUMBER_HINT, 12, 40, MULTIPLE_HINT):
        for match in parser().findall(piece):
            f = match.fact
            start, end = match.span.start + offset, match.span.stop + offset
            direction = COMPARATIVES[f.after] if f.after else direction_of(
                clause_before(text, start, 5))
            factor = float(f.factor)
            if direction < 0 and factor:
                factor = 1 / factor
            found.append(Multiple(start, end, round(factor, 6), direction))
    return found
