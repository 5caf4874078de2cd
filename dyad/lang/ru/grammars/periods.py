"""Reporting periods, resolved against the article date to a :class:`dyad.types.Period`.

Handled: months and month ranges (``в августе``, ``в январе-июле этого года``,
``с января по июль``), quarters (``в I квартале``, ``во втором квартале 2024 года``), halves
(``за первое полугодие``; ``за полугодие`` is the first), the first N months (``за 9 месяцев``)
and quarters (``за три квартала``), years (``в 2024 году``,
``2024-го``, ``по итогам 2024 года``, ``в 2023-2024 годах``, ``с 2020 по 2024 год``), relative
years (``в прошлом году``, ``этого года``), ``с начала года``, days (``1 сентября``), and the baseline
``за аналогичный период 2024-го`` / ``прошлого года``.

Resolution rules:

- A relative year (``этого``, ``прошлого``, ``позапрошлого``, ``следующего`` года) counts from the
  article's year: ``этого года`` is always the article's year.
- A period named without a year (``в декабре``, ``в I квартале``, ``за 9 месяцев``) is the latest
  such period that starts on or before the article date: ``в декабре`` in a January 2026 article
  is December 2025; ``в сентябре`` in a 15 September 2025 article is September 2025 (and
  ``за 9 месяцев`` in an August 2025 article is January-September 2025, not yet complete).
  A day without a year (``1 сентября``) is the nearest such day, before or after the article.
- ``с начала года`` runs from 1 January to the article date itself (not to the end of its month):
  the figure can only cover what had happened when the article was written.
- ``аналогичный период`` repeats the months of the nearest preceding period in ``text`` in another
  year (see :func:`baseline_for`); ``прошлого года`` there counts from that period's year.
- Without an article date, only periods with an explicit year resolve; the rest have
  ``period=None``.
- An article date known only to the month or year (``precision``, an estimate from the text)
  resolves what needs no finer part of it: at year precision a relative year (``в прошлом году``,
  ``в марте этого года``) resolves, a month, quarter or day without a year does not; at month
  precision those resolve too. ``с начала года`` needs the article's day.

Precision: day | month | quarter | halfyear | year | custom.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache

from yargy import and_, or_, rule
from yargy.interpretation import fact
from yargy.predicates import caseless, custom, dictionary, eq, in_, in_caseless, normalized
from yargy.predicates import type as type_

from dyad.types import Period

from ...figures import PeriodMatch
from .lookahead import LookaheadParser
from .numbers import NUMBER, parse_number
from .tokens import NUM, clause_before, tokenizer, windows


MONTHS = {"январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7,
          "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12}
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
ORDINAL_STEMS = (("перв", 1), ("втор", 2), ("трет", 3), ("четв", 4))
RELATIVE_STEMS = (("позапрошл", -2), ("прошл", -1), ("минувш", -1), ("минут", -1),
                  ("предыдущ", -1), ("истекш", -1), ("истеч", -1), ("эт", 0), ("текущ", 0),
                  ("теч", 0), ("нынешн", 0), ("уходящ", 0), ("уходи", 0), ("следующ", 1),
                  ("следова", 1), ("будущ", 1), ("наступа", 1), ("грядущ", 1))
PRECISION = {"day": "day", "months": "month", "nmonths": "month", "nquarters": "month",
             "quarter": "quarter",
             "half": "halfyear", "year": "year", "relyear": "year", "since": "custom"}

PERIOD_HINT = re.compile(
    r"\d|\b(?:январ|феврал|март|апрел|ма[йяе]\b|июн|июл|август|сентябр|октябр|ноябр|декабр|"
    r"квартал|полугод|месяц|год|период)", re.IGNORECASE)


def ordinal_value(text: str) -> int:
    """``'первый'``, ``'II'``, ``'1-й'``, ``'3'`` -> 1, 2, 1, 3."""
    text = text.strip().lower()
    if text[:1].isdigit():
        return int(re.match(r"\d+", text).group(0))
    if text in ROMAN:
        return ROMAN[text]
    for stem, value in ORDINAL_STEMS:
        if text.startswith(stem):
            return value
    raise ValueError(text)


def relative_year(text: str) -> int:
    """``'прошлый'`` -> -1, ``'этот'`` -> 0, ``'позапрошлого'`` -> -2, ``'следующий'`` -> 1."""
    text = text.strip().lower()
    for stem, value in RELATIVE_STEMS:
        if text.startswith(stem):
            return value
    raise ValueError(text)


P = fact("PeriodFact", ["kind", "day", "month", "month2", "number", "year", "year2", "rel"])

DOT = eq(".")
DASH = in_("-–—")
YEAR_NUM = and_(type_(NUM), custom(lambda v: bool(re.fullmatch(r"(19|20)\d\d", v))))
DAY_NUM = and_(type_(NUM), custom(lambda v: v.isdigit() and 1 <= int(v) <= 31))
YEAR_SUFFIX = rule(DASH, in_caseless({"го", "м", "й", "ом", "ого", "е", "х"}))
YEAR_WORD = or_(rule(normalized("год")), rule(in_caseless({"г", "гг"}), DOT.optional()))
YEAR_TAIL = or_(rule(YEAR_SUFFIX, YEAR_WORD.optional()), YEAR_WORD)

PREP = or_(
    rule(in_caseless({"в", "во", "за", "на"})),
    rule(caseless("по"), in_caseless({"итогам", "результатам"})),
    rule(caseless("в"), caseless("течение")),
)


def month_number(word: str) -> int:
    """The month a word names, whichever of its normal forms is a month ("мая" is also a form
    of "майя", which pymorphy may rank first)."""
    from ....resolve.keys import normal_forms
    if word.lower() in ("мая", "майя"):      # the dictionary may hand us the name Майя
        return 5
    for form in sorted(normal_forms(word)):
        if form in MONTHS:
            return MONTHS[form]
    raise ValueError(f"{word!r} is not a month")


MONTH = dictionary(set(MONTHS)).interpretation(P.month.custom(month_number))
MONTH2 = dictionary(set(MONTHS)).interpretation(P.month2.custom(month_number))

YEAR = rule(rule(YEAR_NUM).interpretation(P.year.custom(int)), YEAR_TAIL.optional())
STRICT_YEAR = rule(rule(YEAR_NUM).interpretation(P.year.custom(int)), YEAR_TAIL)
REL = dictionary({"этот", "это", "текущий", "нынешний", "прошлый", "прошлое", "минувший",
                  "предыдущий", "позапрошлый", "истекший", "следующий", "будущий", "будущее",
                  "наступающий", "грядущий", "уходящий"}).interpretation(
    P.rel.custom(relative_year))
REL_YEAR = rule(REL, normalized("год"))
YEAR_SPEC = or_(YEAR, REL_YEAR)


def _kind(name: str, item):
    """Mark the fact's kind on one of its own words (``квартал``: quarter). Rules without such
    a word get their kind from the attributes they set (see :func:`_kind_of`)."""
    return rule(item).interpretation(P.kind.const(name))


def _kind_of(f) -> str:
    if f.kind:
        return f.kind
    if f.day:
        return "day"
    if f.month:
        return "months"
    if f.year:
        return "year"
    return "relyear"


ORDINAL = or_(
    rule(dictionary({"первый", "второй", "третий", "четвертый", "четвёртый"})),
    rule(in_caseless(set(ROMAN))),
    rule(and_(type_(NUM), custom(lambda v: v in {"1", "2", "3", "4"})),
         rule(DASH, in_caseless({"й", "м", "го", "е", "ом", "ый", "ое"})).optional()),
).interpretation(P.number.custom(ordinal_value))

DAY = rule(rule(DAY_NUM).interpretation(P.day.custom(int)), MONTH,
           YEAR_SPEC.optional())
MONTH_RANGE = rule(MONTH, rule(DASH, MONTH2).optional(), YEAR_SPEC.optional())
MONTH_SPAN = rule(caseless("с"), MONTH, caseless("по"), MONTH2, YEAR_SPEC.optional())
QUARTER = rule(ORDINAL,
               _kind("quarter", or_(rule(normalized("квартал")),
                                    rule(caseless("кв"), DOT.optional()))),
               YEAR_SPEC.optional())
HALF = rule(ORDINAL, _kind("half", or_(rule(normalized("полугодие")), rule(normalized("половина")))),
            YEAR_SPEC.optional())
N_MONTHS = rule(in_caseless({"первые", "первых"}).optional(),
                NUMBER.interpretation(P.number.custom(parse_number)),
                _kind("nmonths", normalized("месяц")), YEAR_SPEC.optional())
# "за три квартала", "двух кварталов": the first N quarters (a cardinal word; "3 квартал" is Q3)
N_QUARTERS = rule(in_caseless({"первые", "первых"}).optional(),
                  dictionary({"два", "три"}).interpretation(
                      P.number.custom(lambda w: 2 if w.lower().startswith("дв") else 3)),
                  _kind("nquarters", normalized("квартал")), YEAR_SPEC.optional())
# "за полугодие" without an ordinal: the first half
BARE_HALF = rule(caseless("за"), _kind("half", normalized("полугодие")), YEAR_SPEC.optional())
ONE_YEAR = rule(STRICT_YEAR)
YEARS = rule(rule(YEAR_NUM).interpretation(P.year.custom(int)), DASH,
             rule(YEAR_NUM).interpretation(P.year2.custom(int)), YEAR_TAIL.optional())
YEAR_SPAN = rule(caseless("с"), rule(YEAR_NUM).interpretation(P.year.custom(int)),
                 YEAR_TAIL.optional(), caseless("по"), rule(YEAR_NUM).interpretation(P.year2.custom(int)),
                 YEAR_TAIL.optional())
RELATIVE = rule(REL_YEAR)
SINCE = rule(caseless("с"), _kind("since", normalized("начало")),
             or_(REL_YEAR, STRICT_YEAR, rule(normalized("год"))))
BASELINE = rule(normalized("аналогичный"), _kind("baseline", normalized("период")),
                YEAR_SPEC.optional())

PERIOD = or_(
    rule(PREP.optional(), or_(DAY, MONTH_RANGE, QUARTER, HALF, N_MONTHS, N_QUARTERS, ONE_YEAR, YEARS,
                              RELATIVE, BASELINE)),
    MONTH_SPAN, YEAR_SPAN, SINCE, BARE_HALF,
).interpretation(P)

# Words before "N месяцев" that make it a duration, not the first N months of a year.
_DURATION = re.compile(r"(?:последн|ближайш|течение|через|спустя|назад|около|более|менее)\w*$")


@cache
def parser() -> LookaheadParser:
    return LookaheadParser(PERIOD, tokenizer=tokenizer())


def find_periods(text: str, article_date: dt.date | None = None,
                 precision: str | None = "day") -> list[PeriodMatch]:
    """Every period named in ``text``, resolved against ``article_date``, which is known to
    ``precision`` (day, month, year: see the module docstring)."""
    if article_date is not None and precision in ("month", "year"):
        article_date = article_date.replace(month=1 if precision == "year" else article_date.month, day=1)
    found: list[PeriodMatch] = []
    for offset, piece in windows(text, PERIOD_HINT, 35, 45):
        for match in parser().findall(piece):
            f = match.fact
            f.kind = _kind_of(f)
            start, end = match.span.start + offset, match.span.stop + offset
            if f.kind in ("nmonths", "nquarters") and (
                    _DURATION.search(clause_before(text, start, 1)) or not 1 <= f.number <= 12):
                continue
            if f.kind == "baseline":
                found.append(_baseline(f, start, end, found))
                continue
            period = _resolve(f, article_date) if _known(f, precision) else None
            found.append(PeriodMatch(start, end, period, PRECISION[f.kind],
                                     False, f"period.{f.kind}"))
    return found


def _known(f, precision: str | None) -> bool:
    """Whether an article date of this precision has every part of it the period needs."""
    if precision not in ("month", "year", "week"):
        return True
    if f.kind == "since":
        return False
    if f.year or f.rel is not None or f.kind in ("year", "relyear"):
        return True
    return precision != "year"


def baseline_for(period: Period, year_phrase: int | str | None = None) -> Period:
    """The same days of ``period`` in another year: the year ``period`` ends in is moved to
    ``year_phrase`` (``2024``, ``'2024-го'``, ``'прошлого года'`` = one year before ``period``;
    ``None`` also means one year before). Month ends stay month ends (29 February)."""
    start, end = dt.date.fromisoformat(period.start), dt.date.fromisoformat(period.end)
    shift = _target_year(end.year, year_phrase) - end.year
    return Period(_shift(start, shift).isoformat(), _shift(end, shift).isoformat())


def _target_year(year: int, phrase: int | str | None) -> int:
    if phrase is None:
        return year - 1
    if isinstance(phrase, int):
        return phrase
    digits = re.search(r"(19|20)\d\d", phrase)
    if digits:
        return int(digits.group(0))
    for word in phrase.lower().split():
        try:
            return year + relative_year(word)
        except ValueError:
            continue
    return year - 1


def _shift(day: dt.date, years: int) -> dt.date:
    last = calendar.monthrange(day.year, day.month)[1]
    year = day.year + years
    new_last = calendar.monthrange(year, day.month)[1]
    return dt.date(year, day.month, new_last if day.day == last else min(day.day, new_last))


def _baseline(f, start: int, end: int, found: list[PeriodMatch]) -> PeriodMatch:
    before = next((p for p in reversed(found) if not p.is_baseline and p.period), None)
    if before is None:
        return PeriodMatch(start, end, None, "custom", True, "period.baseline")
    phrase: int | str | None = f.year if f.year else None
    if f.rel is not None:
        end_year = dt.date.fromisoformat(before.period.end).year
        phrase = end_year + f.rel if f.rel != 0 else end_year
    return PeriodMatch(start, end, baseline_for(before.period, phrase), before.precision, True,
                       "period.baseline")


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year(f, article_date: dt.date | None, month: int, day: int = 1) -> int | None:
    """The year of the period's first month (see the module docstring)."""
    if f.year:
        return f.year
    if f.rel is not None:
        return article_date.year + f.rel if article_date else None
    if article_date is None:
        return None
    year = article_date.year
    return year if dt.date(year, month, min(day, 28)) <= article_date else year - 1


def _day_year(f, article_date: dt.date | None) -> int | None:
    """A day without a year is the nearest such day to the article date, before or after."""
    if f.year or f.rel is not None or article_date is None:
        return _year(f, article_date, f.month, f.day)
    years = (article_date.year - 1, article_date.year, article_date.year + 1)
    return min(years, key=lambda y: abs((dt.date(y, f.month, min(f.day, 28)) - article_date).days))


def _resolve(f, article_date: dt.date | None) -> Period | None:
    kind = f.kind
    if kind == "day":
        year = _day_year(f, article_date)
        if year is None or f.day > calendar.monthrange(year, f.month)[1]:
            return None
        day = dt.date(year, f.month, f.day).isoformat()
        return Period(day, day)
    if kind in ("year", "relyear"):
        if f.year:
            first, last = f.year, f.year2 or f.year
        elif article_date is not None:
            first = last = article_date.year + (f.rel or 0)
        else:
            return None
        if last < first:
            return None
        return Period(f"{first}-01-01", f"{last}-12-31")
    if kind == "since":
        if article_date is None:
            return None
        year = f.year or article_date.year + (f.rel or 0)
        end = article_date if year <= article_date.year else None
        return Period(f"{year}-01-01", end.isoformat()) if end else None
    first, last = _months(f)
    if first is None:
        return None
    if f.year and last < first:                  # "в ноябре-феврале 2025 года": the year of the end
        year = f.year - 1
    else:
        year = _year(f, article_date, first)
    if year is None:
        return None
    end_year = year + 1 if last < first else year
    return Period(dt.date(year, first, 1).isoformat(), _month_end(end_year, last).isoformat())


def _months(f) -> tuple[int | None, int | None]:
    if f.kind == "months":
        return f.month, f.month2 or f.month
    if f.kind == "quarter" and 1 <= f.number <= 4:
        return 3 * f.number - 2, 3 * f.number
    if f.kind == "half" and f.number is None:        # "за полугодие": the first half
        return 1, 6
    if f.kind == "half" and 1 <= f.number <= 2:
        return 6 * f.number - 5, 6 * f.number
    if f.kind == "nquarters":
        return 1, 3 * int(f.number)
    if f.kind == "nmonths":
        return 1, int(f.number)
    return None, None
