"""Amounts: a number, a scale and a unit, with a comparator or as a range.

``2,5 млрд долларов`` -> 2.5e9 USD ``=``; ``более 1 200 тонн`` -> 1200 t ``>``;
``от 2 до 3 млрд евро`` -> 2e9 EUR, high 3e9; ``$2,5 млрд``; ``миллиард юаней`` -> 1e9 CNY.
An amount with a scale but no unit (``превысил 2 млрд``) has ``unit=None``; when it is not
followed by a counted noun (``2 млн человек``) it has ``can_carry=True``, and :func:`carry_units`
gives it the unit of the nearest preceding amount.

``до N`` is an upper bound (``<``) unless a verb of change or reaching comes before it in the
clause (``вырос до 3 млрд``: the level reached, ``=``). ``с 2 до 3 млрд долларов`` gives two
amounts (2e9 and 3e9 USD, both ``=``), split at ``до``.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import cache

from yargy import or_, rule
from yargy.interpretation import const, fact
from yargy.predicates import caseless, in_, in_caseless, normalized

from ...figures import Amount
from .directions import REACHED
from .lookahead import LookaheadParser
from .numbers import (BILLION, MILLION, NUMBER, NUMBER_HINT, SCALE_ALONE, THOUSAND, TRILLION,
                      parse_number, scale_value)
from .tokens import clause_after, clause_before, tokenizer, windows
from .units import prefix_symbol_rule, unit_hint, unit_rule


AmountFact = fact("AmountFact", ["comparator", "value", "scale", "unit",
                                 "high", "high_scale", "high_unit", "shape"])

APPROX = or_(
    rule(in_caseless({"около", "порядка", "примерно", "приблизительно", "почти",
                      "ориентировочно"})),
    rule(caseless("в"), caseless("районе")),
).interpretation(const("~"))
MORE = or_(
    rule(in_caseless({"более", "больше", "свыше"}), caseless("чем").optional()),
    rule(caseless("не"), in_caseless({"менее", "меньше"})),
    rule(in_caseless({"чуть", "немногим", "несколько"}), in_caseless({"более", "больше"})),
    rule(or_(normalized("превысить"), normalized("превышать"))),
).interpretation(const(">"))
LESS = or_(
    rule(in_caseless({"менее", "меньше"}), caseless("чем").optional()),
    rule(caseless("не"), in_caseless({"более", "больше", "свыше"})),
    rule(in_caseless({"чуть", "немногим", "несколько"}), in_caseless({"менее", "меньше"})),
).interpretation(const("<"))
UP_TO = rule(caseless("до")).interpretation(const("upto"))
FROM = rule(caseless("от")).interpretation(const(">"))
COMPARATOR = or_(APPROX, MORE, LESS, UP_TO, FROM).interpretation(AmountFact.comparator)


def _scale():
    return or_(THOUSAND.interpretation(const(10**3)), MILLION.interpretation(const(10**6)),
               BILLION.interpretation(const(10**9)), TRILLION.interpretation(const(10**12)))


LOW = NUMBER.interpretation(AmountFact.value.custom(parse_number))
HIGH = NUMBER.interpretation(AmountFact.high.custom(parse_number))
LOW_SCALE = _scale().interpretation(AmountFact.scale)
HIGH_SCALE = _scale().interpretation(AmountFact.high_scale)
LOW_UNIT = unit_rule().interpretation(AmountFact.unit)
HIGH_UNIT = unit_rule().interpretation(AmountFact.high_unit)
PREFIX_UNIT = prefix_symbol_rule().interpretation(AmountFact.unit)
ALONE_SCALE = SCALE_ALONE.interpretation(AmountFact.scale.custom(scale_value))

LOW_TAIL = or_(rule(LOW_SCALE, LOW_UNIT.optional()), rule(LOW_UNIT))
HIGH_TAIL = or_(rule(HIGH_SCALE, HIGH_UNIT.optional()), rule(HIGH_UNIT))
DASH = in_("-–—")


def _shape(name: str, predicate):
    return rule(predicate).interpretation(AmountFact.shape.const(name))


SINGLE = rule(LOW, LOW_TAIL)
SCALE_ONLY = rule(ALONE_SCALE, LOW_UNIT)                                        # миллиард долларов
PREFIXED = rule(PREFIX_UNIT, LOW, LOW_SCALE.optional())                         # $2,5 млрд
RANGE = rule(_shape("range", caseless("от")), LOW, LOW_SCALE.optional(), LOW_UNIT.optional(),
             caseless("до"), HIGH, HIGH_TAIL)
RANGE_DASH = rule(LOW, _shape("range", DASH), HIGH, HIGH_TAIL)
FROM_TO = rule(_shape("fromto", caseless("с")), LOW, LOW_SCALE.optional(), LOW_UNIT.optional(),
               caseless("до"), HIGH, HIGH_TAIL)

AMOUNT = or_(
    rule(COMPARATOR.optional(), or_(SINGLE, SCALE_ONLY, PREFIXED, RANGE_DASH)),
    RANGE, FROM_TO,
).interpretation(AmountFact)


UNIT_HINT = unit_hint()


@cache
def parser() -> LookaheadParser:
    return LookaheadParser(AMOUNT, tokenizer=tokenizer())


def find_amounts(text: str) -> list[Amount]:
    """Every amount in ``text``, in order; units are not carried over (see :func:`carry_units`)."""
    found: list[Amount] = []
    for offset, piece in windows(text, NUMBER_HINT, 25, 45, UNIT_HINT):
        for match in parser().findall(piece):
            found.extend(_amounts(match, text, offset))
    return found


def carry_units(amounts: list[Amount]) -> list[Amount]:
    """Give each carriable amount without a unit the unit of the nearest preceding amount.

    Pass the amounts of one sentence or paragraph: the caller chooses how far a unit carries.
    """
    out, last = [], None
    for a in amounts:
        if a.unit is None and a.can_carry and last is not None:
            a = replace(a, unit=last, unit_carried=True)
        if a.unit is not None:
            last = a.unit
        out.append(a)
    return out


def _times(number: Decimal | None, scale: int | None) -> float:
    return float((number if number is not None else Decimal(1)) * (scale or 1))


def _amounts(match, text: str, offset: int) -> list[Amount]:
    """The amounts of one match; ``text`` is the whole text, the match is ``offset`` into it."""
    f = match.fact
    start, end = match.span.start + offset, match.span.stop + offset
    if f.shape is None:
        unit = f.unit
        one = Amount(start, end, _times(f.value, f.scale), unit,
                     _comparator(f.comparator, text, start), None, False,
                     unit is None and _can_carry(text, end), _rule_name(f))
        return [one]
    low_scale = f.scale if f.scale is not None else f.high_scale
    low = _times(f.value, low_scale)
    high = _times(f.high, f.high_scale)
    unit = f.high_unit or f.unit
    carry = unit is None and _can_carry(text, end)
    if f.shape == "fromto":
        until = next(t for t in match.tokens if t.value.lower() == "до").span.start + offset
        low_end = start + len(text[start:until].rstrip())
        first = match.tokens[1].span.start + offset
        return [Amount(first, low_end, low, unit, "=", None, False, carry, "amount.fromto"),
                Amount(until, end, high, unit, "=", None, False, carry, "amount.fromto")]
    if low > high:                                   # "в 2023 - 300 млн": not a range
        dash = next(i for i, t in enumerate(match.tokens) if t.value in "-–—")
        first = match.tokens[dash + 1].span.start + offset
        return [Amount(first, end, high, unit, "=", None, False, carry, "amount.single")]
    comparator = _comparator(f.comparator, text, start) if f.comparator else "="
    return [Amount(start, end, low, unit, comparator, high, False, carry, "amount.range")]


def _rule_name(f) -> str:
    if f.value is None:
        return "amount.scale_only"
    return "amount.single"


def _comparator(symbol: str | None, text: str, start: int) -> str:
    if symbol is None:
        return "="
    if symbol == "upto":
        before = clause_before(text, start)
        if not before and re.search(r"[,—–-]$", text[:start].rstrip()):
            # "снизился на 2,5%, до 2,2 млрд", "снизился на 9,7% — до 52 млрд": the level
            # reached, named after a comma or a dash
            before = clause_before(text, len(text[:start].rstrip()) - 1)
        return "=" if REACHED.search(before) else "<"
    return symbol


_WORD = re.compile(r"[а-яё]+")


def _can_carry(text: str, end: int) -> bool:
    """False when a counted noun follows (``2 млн человек``): that amount wants no currency."""
    after = clause_after(text, end, 1)
    if not _WORD.fullmatch(after):
        return True
    forms = tokenizer().morph(after)
    return not any("NOUN" in f.grams.values and "gent" in f.grams.values for f in forms)
