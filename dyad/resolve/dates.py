"""Dates in a sentence, explicit or relative, anchored on the article date, with a precision.

    >>> [d.date for d in find_dates(words("Встреча состоялась в воскресенье"), "2025-08-31")]
    ['2025-08-31']

A found date is the first day of what the words name: a day, a week (its Monday), a month (its
1st) or a year (1 January); ``precision`` says which. Rules (each date records its rule):

- ``date.relday``    позавчера, вчера, накануне, сегодня, завтра, послезавтра;
- ``date.weekday``   "в воскресенье": the latest such day on or before the article date (the
                     article date itself when it falls on that weekday); "в прошлую пятницу" is
                     strictly before; with ``future=True`` (a future-tense clause) or "в эту/
                     следующую/ближайшую пятницу" the earliest on or after;
- ``date.week``      на прошлой / этой / следующей неделе;
- ``date.month_rel`` в прошлом / этом / следующем месяце;
- ``date.year_rel``  в прошлом / позапрошлом / этом / текущем / следующем году;
- ``date.ago``       "три года назад", "неделю назад";
- ``date.dm``        "3 сентября" [2024 [года]]: without a year, the article's year, or the year
                     before when the day would be more than half a year after the article date;
- ``date.month``     "в сентябре" [2024 года], "в сентябре этого/прошлого года";
- ``date.year``      "в 2019 году", "2019 г.".

An article date known only to the month or the year (estimated from the text, see
:mod:`dyad.resolve.docdate`) anchors relative expressions only within its precision: what needs
a finer part of the anchor than it has ("вчера", "в пятницу", "на прошлой неделе" need the day;
"в прошлом месяце", "в сентябре", "3 сентября" need the month) is the anchor's own period, at the
anchor's precision ("вчера" in an article of 2014 is 2014, year precision); what needs only the
year ("в прошлом году", "три года назад", "в сентябре этого года") is found as with a day.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Protocol, Sequence

PRECISIONS = ("day", "week", "month", "year")
MAX_AGO_YEARS = 200         # "N лет назад" further back than this dates no event
RANK = {p: i for i, p in enumerate(PRECISIONS)}

WEEKDAYS = (("понедельник",), ("вторник",), ("сред",), ("четверг",), ("пятниц",), ("суббот",),
            ("воскресень", "воскресен"))
MONTH_STEMS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
               "ноябр", "декабр")
_SOFT = ("ь", "я", "е", "ю", "ем")          # январь, января, январе, январю, январем
_HARD = ("", "а", "е", "у", "ом")           # март, марта, марте, марту, мартом
MONTH_FORMS = {stem + end: n for n, stem in enumerate(MONTH_STEMS, 1) if stem != "ма"
               for end in (_HARD if stem in ("март", "август") else _SOFT)}
MONTH_FORMS.update({"май": 5, "мая": 5, "мае": 5, "маю": 5, "маем": 5})
RELDAY = {"позавчера": -2, "вчера": -1, "накануне": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2}
PAST = {"прошлый", "прошлой", "прошлую", "прошлом", "прошлого", "минувший", "минувшей", "минувшую",
        "минувшем", "минувшего", "предыдущей", "предыдущем", "истекшем", "истекшего"}
BEFORE_PAST = {"позапрошлом", "позапрошлого", "позапрошлой"}
THIS = {"этот", "этой", "эту", "этом", "этого", "текущем", "текущего", "текущей", "нынешнем",
        "нынешнего", "сей", "сего"}
NEXT = {"следующей", "следующую", "следующем", "следующего", "будущей", "будущем", "будущего",
        "ближайшую", "ближайшей", "грядущей", "наступающем", "предстоящей"}
NUMBER_WORDS = {"один": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5,
                "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "пятнадцать": 15,
                "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "сто": 100,
                "несколько": None, "пару": 2, "полтора": 1}


class Word(Protocol):
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SimpleWord:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class DateRef:
    date: str               # YYYY-MM-DD, first day of the period named
    precision: str          # day | week | month | year
    first: int              # index of the first word of the expression
    last: int               # index of the last word, inclusive
    start: int              # character offsets of the expression
    end: int
    rule: str
    future: bool = False    # the words name a time after the article date

    @property
    def day(self) -> dt.date:
        return dt.date.fromisoformat(self.date)

    def period_end(self) -> dt.date:
        """The last day of the period the date names."""
        d = self.day
        if self.precision == "week":
            return d + dt.timedelta(days=6)
        if self.precision == "month":
            nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        if self.precision == "year":
            return dt.date(d.year, 12, 31)
        return d


def words(text: str) -> list[SimpleWord]:
    """A light tokenizer for tests and callers without an NLP analysis."""
    return [SimpleWord(m.start(), m.end(), m.group()) for m in re.finditer(r"\d+|[^\W\d_]+|[^\w\s]", text)]


def parse_day(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def _weekday(word: str) -> int | None:
    for i, stems in enumerate(WEEKDAYS):
        if word.startswith(stems):
            return i
    return None


def _month(word: str) -> int | None:
    """1-12 for a month name in any case form ("сентября", "марте"), else None."""
    return MONTH_FORMS.get(word)


def _year_word(word: str) -> bool:
    return word.startswith("год") or word in ("г", "гг")


def _month_start(year: int, month: int) -> dt.date:
    while month < 1:
        year, month = year - 1, month + 12
    while month > 12:
        year, month = year + 1, month - 12
    return dt.date(year, month, 1)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def period_start(day: dt.date, precision: str | None) -> dt.date:
    """The first day of the week, month or year ``day`` falls in (``day`` itself for a day)."""
    if precision == "week":
        return _monday(day)
    if precision == "month":
        return day.replace(day=1)
    if precision == "year":
        return day.replace(month=1, day=1)
    return day


def period_last(day: dt.date, precision: str | None) -> dt.date:
    """The last day of the week, month or year ``day`` falls in."""
    start = period_start(day, precision)
    return DateRef(start.isoformat(), precision or "day", 0, 0, 0, 0, "").period_end()


def find_dates(tokens: Sequence[Word], anchor: str | dt.date | None, future: bool = False,
               precision: str | None = "day") -> list[DateRef]:
    """Every date expression in a sequence of words (tokens with start, end and text).

    Relative expressions need the anchor (the article date); without it only fully explicit
    dates ("3 сентября 2024 года", "в 2019 году") are found. ``precision`` is the anchor's (day,
    week, month, year): see the module docstring."""
    day = parse_day(anchor)
    anchor_precision = precision or "day"
    coarse = RANK.get(anchor_precision, 0)
    if day is not None and coarse:
        day = period_start(day, anchor_precision)
    last_day = period_last(day, anchor_precision) if day is not None else None
    w = [_fold(t.text) for t in tokens]
    out: list[DateRef] = []
    i = 0

    def add(first: int, last: int, date: dt.date, precision: str, rule: str,
            needs: str | None = None) -> None:
        """``needs``: the part of the anchor the date was computed from (day, month, year)."""
        if needs is not None and RANK[needs] < coarse:
            date, precision = day, anchor_precision
        out.append(DateRef(date.isoformat(), precision, first, last, tokens[first].start,
                           tokens[last].end, rule, bool(last_day and date > last_day)))

    while i < len(w):
        word = w[i]
        prev = w[i - 1] if i else ""
        nxt = w[i + 1] if i + 1 < len(w) else ""
        # 3 сентября [2024 [года]]
        if word.isdigit() and 1 <= int(word) <= 31 and _month(nxt) is not None:
            month = _month(nxt)
            last = i + 1
            year, needs = None, None
            if i + 2 < len(w) and w[i + 2].isdigit() and len(w[i + 2]) == 4:
                year, last = int(w[i + 2]), i + 2
                if last + 1 < len(w) and _year_word(w[last + 1]):
                    last += 1
                    if last + 1 < len(w) and w[last + 1] == ".":
                        last += 1
            elif i + 3 < len(w) and w[i + 2] in THIS | PAST and _year_word(w[i + 3]):
                year, last = (day.year if w[i + 2] in THIS else day.year - 1) if day else None, i + 3
                needs = "year"
            elif day is not None:
                year, needs = day.year, "month"
                try:
                    guess = dt.date(year, month, int(word))
                except ValueError:
                    guess = None
                if guess is not None and not future and (guess - day).days > 183:
                    year -= 1
                elif guess is not None and future and (day - guess).days > 183:
                    year += 1
            if year is not None:
                try:
                    add(i, last, dt.date(year, month, int(word)), "day", "date.dm", needs)
                except ValueError:
                    pass
                i = last + 1
                continue
        # в 2019 году / 2019 г.
        if word.isdigit() and len(word) == 4 and 1800 <= int(word) <= 2100 and _year_word(nxt) \
                and not (i and _month(prev) is not None):
            first = i - 1 if prev in ("в", "во", "с") else i
            add(first, i + 1, dt.date(int(word), 1, 1), "year", "date.year")
            i += 2
            continue
        # в сентябре [2024 года | этого года | прошлого года]
        if _month(word) is not None and not prev.isdigit() and prev in ("в", "во", "с", "до", "к", "начале",
                                                                          "конце", "середине", "течение"):
            month = _month(word)
            first = i - 1
            last = i
            year, needs = None, None
            if nxt.isdigit() and len(nxt) == 4:
                year, last = int(nxt), i + 1
                if last + 1 < len(w) and _year_word(w[last + 1]):
                    last += 1
            elif i + 2 < len(w) and nxt in THIS | PAST | NEXT and _year_word(w[i + 2]) and day:
                year = day.year + (-1 if nxt in PAST else 1 if nxt in NEXT else 0)
                last, needs = i + 2, "year"
            elif day is not None:
                year, needs = day.year, "month"
                if not future and month > day.month + 1:
                    year -= 1
                elif future and month < day.month:
                    year += 1
            if year is not None:
                add(first, last, dt.date(year, month, 1), "month", "date.month", needs)
                i = last + 1
                continue
        if day is None:
            i += 1
            continue
        if word in RELDAY:
            add(i, i, day + dt.timedelta(days=RELDAY[word]), "day", "date.relday", "day")
            i += 1
            continue
        # [в] [прошлую|эту|следующую] пятницу
        wd = _weekday(word)
        if wd is not None and prev in {"в", "во"} | PAST | THIS | NEXT:
            first = i - 1
            if prev in PAST | THIS | NEXT and i >= 2 and w[i - 2] in ("в", "во"):
                first = i - 2
            back = (day.weekday() - wd) % 7
            if prev in PAST:
                date = day - dt.timedelta(days=back or 7)
            elif prev in NEXT or prev in THIS or future:
                date = day + dt.timedelta(days=(wd - day.weekday()) % 7)
            else:
                date = day - dt.timedelta(days=back)
            add(first, i, date, "day", "date.weekday", "day")
            i += 1
            continue
        # на прошлой / этой / следующей неделе; в прошлом месяце / году
        if word.startswith("недел") and prev in PAST | THIS | NEXT | BEFORE_PAST:
            shift = -1 if prev in PAST else 1 if prev in NEXT else -2 if prev in BEFORE_PAST else 0
            first = i - 2 if i >= 2 and w[i - 2] in ("на", "в") else i - 1
            add(first, i, _monday(day) + dt.timedelta(weeks=shift), "week", "date.week", "day")
            i += 1
            continue
        if word.startswith("месяц") and prev in PAST | THIS | NEXT and not nxt == "назад":
            shift = -1 if prev in PAST else 1 if prev in NEXT else 0
            first = i - 2 if i >= 2 and w[i - 2] in ("в", "во") else i - 1
            add(first, i, _month_start(day.year, day.month + shift), "month", "date.month_rel", "month")
            i += 1
            continue
        if _year_word(word) and word != "г" and prev in PAST | THIS | NEXT | BEFORE_PAST and nxt != "назад":
            shift = -1 if prev in PAST else 1 if prev in NEXT else -2 if prev in BEFORE_PAST else 0
            first = i - 2 if i >= 2 and w[i - 2] in ("в", "во") else i - 1
            add(first, i, dt.date(day.year + shift, 1, 1), "year", "date.year_rel", "year")
            i += 1
            continue
        # N лет / дней / недель / месяцев назад
        if word == "назад" and i >= 1:
            unit = w[i - 1]
            n, first = 1, i - 1
            if i >= 2:
                if w[i - 2].isdigit():
                    n, first = int(w[i - 2]), i - 2
                elif w[i - 2] in NUMBER_WORDS:
                    if NUMBER_WORDS[w[i - 2]] is None:
                        i += 1
                        continue
                    n, first = NUMBER_WORDS[w[i - 2]], i - 2
            if n > MAX_AGO_YEARS * (366 if unit.startswith(("дн", "день", "сутк")) else 53
                                    if unit.startswith("недел") else 12 if unit.startswith("месяц") else 1):
                i += 1
                continue                        # "3000 лет назад": history, not a date of the news
            if unit.startswith(("год", "лет")):
                add(first, i, dt.date(day.year - n, 1, 1), "year", "date.ago", "year")
            elif unit.startswith("месяц"):
                add(first, i, _month_start(day.year, day.month - n), "month", "date.ago", "month")
            elif unit.startswith("недел"):
                add(first, i, _monday(day - dt.timedelta(weeks=n)), "week", "date.ago", "day")
            elif unit.startswith(("дн", "день", "сутк")):
                add(first, i, day - dt.timedelta(days=n), "day", "date.ago", "day")
        i += 1
    return out


def resolve_text(text: str, anchor: str | dt.date | None, future: bool = False,
                 precision: str | None = "day") -> list[DateRef]:
    """find_dates over a plain string (for tests and the CLI)."""
    return find_dates(words(text), anchor, future, precision)
