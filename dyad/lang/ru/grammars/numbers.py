"""Numbers and scales: ``2,5``, ``1 200``, ``12 345,6``, ``два``, ``полтора``, ``сто двадцать``,
``два с половиной``; ``тыс.``, ``млн``, ``миллиарда``, ``трлн``.

The rules carry no interpretation: each grammar attaches the values to its own fact, and turns the
matched text into a number with :func:`parse_number` and :func:`scale_value`.
"""
from __future__ import annotations

import re
from decimal import Decimal

from yargy import or_, rule
from yargy.predicates import caseless, dictionary, eq, in_caseless, normalized, type as type_

from .tokens import GROUP_SPACES, NUM

WORD_VALUES: dict[str, Decimal] = {
    "ноль": Decimal(0), "один": Decimal(1), "два": Decimal(2), "три": Decimal(3),
    "четыре": Decimal(4), "пять": Decimal(5), "шесть": Decimal(6), "семь": Decimal(7),
    "восемь": Decimal(8), "девять": Decimal(9), "десять": Decimal(10),
    "одиннадцать": Decimal(11), "двенадцать": Decimal(12), "тринадцать": Decimal(13),
    "четырнадцать": Decimal(14), "пятнадцать": Decimal(15), "шестнадцать": Decimal(16),
    "семнадцать": Decimal(17), "восемнадцать": Decimal(18), "девятнадцать": Decimal(19),
    "двадцать": Decimal(20), "тридцать": Decimal(30), "сорок": Decimal(40),
    "пятьдесят": Decimal(50), "шестьдесят": Decimal(60), "семьдесят": Decimal(70),
    "восемьдесят": Decimal(80), "девяносто": Decimal(90), "сто": Decimal(100),
    "двести": Decimal(200), "триста": Decimal(300), "четыреста": Decimal(400),
    "пятьсот": Decimal(500), "шестьсот": Decimal(600), "семьсот": Decimal(700),
    "восемьсот": Decimal(800), "девятьсот": Decimal(900), "полтора": Decimal("1.5"),
}
HALF = Decimal("0.5")

# Cheap pre-filter: a digit, or a word that may be a number word, a scale or a multiple adverb.
_UNITS_TAIL = r"(?:ь|и|ью|надцат\w*|ьдесят\w*|идесят\w*|ьсот|исот\w*)"
NUMBER_HINT = re.compile(
    r"\d|\b(?:н[оу]л[ьяюе]|од(?:ин|на|но|ного|ной|ному|ним|ну|ни|иннадцат\w*)|"
    r"дв(?:а|е|ух|ум|умя|адцат\w*|енадцат\w*|ест\w*|ухсот\w*)|"
    r"тр(?:и|ех|ёх|ем|ём|емя|ист\w*|ехсот\w*|идцат\w*|инадцат\w*)|четыр\w*|пят{0}|шест{0}|сем{0}|вос[еь]м\w*|девят\w*|девяност\w*|"
    r"десят\w*|сорок\w*|ст[оа]|сотн\w*|полтор\w*|половин\w*|тысяч\w*|миллион\w*|миллиард\w*|"
    r"триллион\w*|вдвое|втрое|вчетверо|впятеро|вшестеро|всемеро|ввосьмеро|вдевятеро|вдесятеро)\b"
    .format(_UNITS_TAIL), re.IGNORECASE)

DOT = eq(".")
DIGITS = type_(NUM)

NUMBER_WORD = dictionary(set(WORD_VALUES))
WITH_HALF = rule(eq("с"), normalized("половина"))

NUMBER_WORDS = rule(NUMBER_WORD.repeatable(max=4), WITH_HALF.optional())

NUMBER = or_(rule(DIGITS), NUMBER_WORDS)


def _scale(words: set[str], abbr: str):
    return or_(rule(caseless(abbr), DOT.optional()), rule(dictionary(words)))


THOUSAND = _scale({"тысяча"}, "тыс")
MILLION = _scale({"миллион"}, "млн")
BILLION = _scale({"миллиард"}, "млрд")
TRILLION = _scale({"триллион"}, "трлн")

# "миллиард долларов" with no number before it: one of the scale.
SCALE_ALONE = rule(in_caseless({"тысяча", "тысячу", "миллион", "миллиард", "триллион"}))


def parse_number(text: str) -> Decimal:
    """``'12 345,6'`` -> 12345.6; ``'два с половиной'`` -> 2.5; ``'сто двадцать'`` -> 120."""
    text = text.strip().lower()
    if text[:1].isdigit():
        for space in GROUP_SPACES:
            text = text.replace(space, "")
        return Decimal(text.replace(",", "."))
    value = Decimal(0)
    for word in text.split():
        if word in WORD_VALUES:
            value += WORD_VALUES[word]
        elif word.startswith("половин"):
            value += HALF
    return value


def scale_value(text: str) -> int:
    """``'млрд.'`` -> 10**9; ``'миллиона'`` -> 10**6 (normalised or surface form)."""
    word = re.match(r"[а-яё]+", text.strip().lower())
    word = word.group(0) if word else ""
    for stem, value in _SCALE_STEMS:
        if word == stem or (len(stem) > 4 and word.startswith(stem)):
            return value
    raise ValueError(text)


_SCALE_STEMS = (("тыс", 10**3), ("тысяч", 10**3), ("млн", 10**6), ("миллион", 10**6),
                ("млрд", 10**9), ("миллиард", 10**9), ("трлн", 10**12), ("триллион", 10**12))
