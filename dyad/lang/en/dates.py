"""English time expressions: dates in a sentence (:func:`find_dates`, the English counterpart of
:func:`dyad.resolve.dates.find_dates`) and reporting periods of figures (:func:`find_periods`).

Dates (:class:`dyad.resolve.dates.DateRef`, the first day of what the words name):

- ``date.relday``    the day before yesterday, yesterday, last night, today, tonight, tomorrow;
- ``date.weekday``   "on Sunday", "Sunday": the latest such day on or before the article date;
                     "last Sunday" strictly before; with ``future=True``, "this"/"next Sunday"
                     the earliest on or after; "on Tuesday next/last/this week" that week's day;
- ``date.week``      last / this / next week, earlier / later this week;
- ``date.month_rel`` last / this / next month, earlier this month;
- ``date.year_rel``  last / this / next year, earlier this year, the year before last;
- ``date.ago``       "three years ago", "a week ago";
- ``date.dm``        "March 3", "3 March 2024", "March 3, 2024", "on 3rd March": without a year,
                     the article's year, or the year before when that day would be more than half a
                     year after the article date (after, with ``future=True``);
- ``date.month``     "in March" [2024 | this year | of last year], "March 2024";
- ``date.year``      "in 2019", "since 2019".

An article date known only to the month or year anchors relative expressions as the Russian
module does: what needs a finer part of the anchor than it has is the anchor's own period.

Periods (:class:`dyad.lang.figures.PeriodMatch`, rules ``period.<kind>``): months and month
ranges ("in January-July", "January–July 2025", "from January to July"), quarters ("the first
quarter of 2025", "Q1 2025"), halves ("the first half", "H1 2025"), the first N months and
quarters ("the first seven months"), years ("in 2024", "2023-2024", "from 2020 to 2024"),
relative years ("last year", "this year", "the previous year"), "since the start of the year",
"year to date", days ("March 3"), and baselines ("the same period of 2024", "the same period last
year", "year on year", "a year earlier"): the same days as the nearest period named before them
(else after them) in another year. Resolution follows :mod:`dyad.lang.ru.grammars.periods`: a
period without a year is the latest such period that starts on or before the article date.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Sequence

from ...resolve.dates import RANK, DateRef, Word, parse_day, period_last, period_start, words
from ...types import Period
from ..figures import PeriodMatch

__all__ = ["DateRef", "find_dates", "find_periods", "resolve_text", "same_days", "words"]

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
MONTH_OF = {m: n for n, m in enumerate(MONTHS, 1)}
MONTH_OF.update({m[:3]: n for n, m in enumerate(MONTHS, 1) if m != "may"})
MONTH_OF["sept"] = 9
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "1st": 1, "2nd": 2,
            "3rd": 3, "4th": 4}
REL_WORDS = {"this": 0, "current": 0, "last": -1, "previous": -1, "preceding": -1, "past": -1,
             "prior": -1, "next": 1, "following": 1, "coming": 1}
MAX_AGO_YEARS = 200

# --- dates ---------------------------------------------------------------------------------


def _month(word: str) -> int | None:
    return MONTH_OF.get(word.rstrip("."))


def _day_number(word: str) -> int | None:
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", word)
    return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 31 else None


def _year_number(word: str) -> int | None:
    return int(word) if re.fullmatch(r"\d{4}", word) and 1800 <= int(word) <= 2100 else None


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _month_start(year: int, month: int) -> dt.date:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return dt.date(year, month, 1)


YEAR_PREPS = {"in", "since", "during", "of", "from", "by", "until", "till", "through",
              "throughout", "before", "after", "early", "late", "mid", "around", "for"}
MONTH_PREPS = YEAR_PREPS | {"end", "start", "beginning", "middle", "on"}


def find_dates(tokens: Sequence[Word], anchor: str | dt.date | None, future: bool = False,
               precision: str | None = "day") -> list[DateRef]:
    """Every date expression in a sequence of words (tokens with start, end and text)."""
    day = parse_day(anchor)
    anchor_precision = precision or "day"
    coarse = RANK.get(anchor_precision, 0)
    if day is not None and coarse:
        day = period_start(day, anchor_precision)
    last_day = period_last(day, anchor_precision) if day is not None else None
    w = [t.text.lower() for t in tokens]
    caps = [t.text[:1].isupper() for t in tokens]
    out: list[DateRef] = []

    def add(first: int, last: int, date: dt.date, prec: str, rule: str, needs: str | None = None):
        """``needs``: the part of the anchor the date was computed from (day, month, year)."""
        if needs is not None and RANK[needs] < coarse:
            date, prec = day, anchor_precision
        out.append(DateRef(date.isoformat(), prec, first, last, tokens[first].start,
                           tokens[last].end, rule, bool(last_day and date > last_day)))

    i = 0
    while i < len(w):
        got = _explicit(w, caps, i, day, future)
        if got is None and day is not None:
            got = _relative(w, i, day, future)
        if got is None:
            i += 1
            continue
        first, last, date, prec, rule, needs = got
        if first > 0 and w[first - 1] in ("on", "in", "since", "during") and rule not in (
                "date.relday", "date.ago"):
            first -= 1
        add(first, last, date, prec, rule, needs)
        i = last + 1
    return out


def _suffix(w: list[str], k: int) -> int:
    """``k`` or ``k + 1`` when a split ordinal suffix ("3" "rd") follows."""
    return k + 1 if k + 1 < len(w) and w[k + 1] in ("st", "nd", "rd", "th") else k


def _explicit(w: list[str], caps: list[bool], i: int, day: dt.date | None, future: bool):
    """(first, last, date, precision, rule, needs) of a day, month or year named by number."""
    word = w[i]
    nxt = w[i + 1] if i + 1 < len(w) else ""
    after = w[i + 2] if i + 2 < len(w) else ""
    month = _month(word) if caps[i] and len(word) > 2 else None
    number = _day_number(word)
    # 3 March [2024] / 3rd of March
    if number is not None:
        k = _suffix(w, i) + 1
        if k < len(w) and w[k] == "of":
            k += 1
        if k < len(w) and caps[k] and len(w[k]) > 2 and _month(w[k]):
            return _day(w, i, k, number, _month(w[k]), day, future)
    if month is None:
        year = _year_number(word)
        if year is not None and i > 0 and w[i - 1] in YEAR_PREPS and nxt not in ("%", "percent"):
            return i, i, dt.date(year, 1, 1), "year", "date.year", None
        return None
    # March 3[rd][,] [2024]
    if _day_number(nxt) is not None and after not in ("%", "percent", "million", "billion"):
        return _day(w, i, _suffix(w, i + 1), _day_number(nxt), month, day, future)
    has_year = _year_number(nxt) or (nxt == "of" and _year_number(after))
    prev = w[i - 1] if i else ""
    if not has_year and (prev not in MONTH_PREPS or (word == "may" and prev not in YEAR_PREPS)):
        return None
    last, year, needs = i, None, None
    if _year_number(nxt):
        year, last = _year_number(nxt), i + 1
    elif has_year:
        year, last = int(after), i + 2
    else:
        rel = _rel_year(w, i + 2 if nxt == "of" else i + 1)
        if rel is not None and day is not None:
            year, last, needs = day.year + rel[0], rel[1], "year"
        elif day is not None:
            year, needs = day.year, "month"
            if not future and month > day.month + 1:
                year -= 1
            elif future and month < day.month:
                year += 1
    if year is None:
        return None
    return i, last, dt.date(year, month, 1), "month", "date.month", needs


def _day(w, i, last, number, month, day, future):
    year, needs = None, None
    k = last + 1
    if k < len(w) and w[k] == ",":
        k += 1
    if k < len(w) and _year_number(w[k]):
        year, last = int(w[k]), k
    elif day is not None:
        year, needs = day.year, "month"
        try:
            guess = dt.date(year, month, number)
        except ValueError:
            return None
        if not future and (guess - day).days > 183:
            year -= 1
        elif future and (day - guess).days > 183:
            year += 1
    if year is None:
        return None
    try:
        date = dt.date(year, month, number)
    except ValueError:
        return None
    return i, last, date, "day", "date.dm", needs


def _rel_year(w: list[str], k: int) -> tuple[int, int] | None:
    """(shift, last index) of "this year", "last year", "the previous year" at ``k``."""
    if k < len(w) and w[k] == "the":
        k += 1
    if k + 1 < len(w) and w[k] in REL_WORDS and w[k + 1] == "year":
        return REL_WORDS[w[k]], k + 1
    return None


def _relative(w: list[str], i: int, day: dt.date, future: bool):
    word = w[i]
    nxt = w[i + 1] if i + 1 < len(w) else ""
    prev = w[i - 1] if i else ""
    # the day before yesterday / after tomorrow
    if word == "the" and " ".join(w[i + 1:i + 4]) in ("day before yesterday", "day after tomorrow"):
        shift = -2 if w[i + 2] == "before" else 2
        return i, i + 3, day + dt.timedelta(days=shift), "day", "date.relday", "day"
    relday = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    if word in relday:
        return i, i, day + dt.timedelta(days=relday[word]), "day", "date.relday", "day"
    if word == "last" and nxt == "night":
        return i, i + 1, day - dt.timedelta(days=1), "day", "date.relday", "day"
    if word in WEEKDAYS:
        wd = WEEKDAYS.index(word)
        first = i - 1 if prev in ("last", "this", "next", "past", "coming") else i
        back = (day.weekday() - wd) % 7
        # "on Tuesday next week", "Tuesday last week"
        if nxt in ("next", "last", "this") and i + 2 < len(w) and w[i + 2] == "week":
            shift = {"next": 1, "last": -1, "this": 0}[nxt]
            date = _monday(day) + dt.timedelta(weeks=shift, days=wd)
            return first, i + 2, date, "day", "date.weekday", "day"
        if prev in ("last", "past"):
            date = day - dt.timedelta(days=back or 7)
        elif prev == "next":
            date = day + dt.timedelta(days=(wd - day.weekday()) % 7 or 7)
        elif prev in ("this", "coming") or future:
            date = day + dt.timedelta(days=(wd - day.weekday()) % 7)
        else:
            date = day - dt.timedelta(days=back)
        return first, i, date, "day", "date.weekday", "day"
    if word in ("week", "month", "year") and prev in ("last", "this", "next", "previous", "past",
                                                        "coming", "current"):
        if prev == "past" and word != "week":
            return None                               # "the past year": a trailing stretch
        shift = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(prev, 0)
        first = i - 1
        if first > 0 and w[first - 1] in ("earlier", "later", "the"):
            first -= 1
        if word == "week":
            return first, i, _monday(day) + dt.timedelta(weeks=shift), "week", "date.week", "day"
        if word == "month":
            return first, i, _month_start(day.year, day.month + shift), "month", "date.month_rel", "month"
        return first, i, dt.date(day.year + shift, 1, 1), "year", "date.year_rel", "year"
    if word == "the" and " ".join(w[i + 1:i + 4]) in ("year before last", "week before last"):
        if w[i + 1] == "year":
            return i, i + 3, dt.date(day.year - 2, 1, 1), "year", "date.year_rel", "year"
        return i, i + 3, _monday(day) - dt.timedelta(weeks=2), "week", "date.week", "day"
    if word == "ago" and i >= 1:
        unit = w[i - 1].rstrip("s")
        n, first = 1, i - 1
        if i >= 2 and w[i - 2].isdigit():
            n, first = int(w[i - 2]), i - 2
        elif i >= 2 and w[i - 2] in NUMBER_WORDS:
            n, first = NUMBER_WORDS[w[i - 2]], i - 2
        elif i >= 2 and w[i - 2] in ("several", "few", "many"):
            return None
        if unit == "year" and n <= MAX_AGO_YEARS:
            return first, i, dt.date(day.year - n, 1, 1), "year", "date.ago", "year"
        if unit == "month":
            return first, i, _month_start(day.year, day.month - n), "month", "date.ago", "month"
        if unit == "week":
            return first, i, _monday(day - dt.timedelta(weeks=n)), "week", "date.ago", "day"
        if unit == "day":
            return first, i, day - dt.timedelta(days=n), "day", "date.ago", "day"
    return None


def resolve_text(text: str, anchor: str | dt.date | None, future: bool = False,
                 precision: str | None = "day") -> list[DateRef]:
    """find_dates over a plain string (for tests)."""
    return find_dates(words(text), anchor, future, precision)


# --- periods -------------------------------------------------------------------------------

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_YEAR = r"(?:19|20)\d\d"
_NUMBER = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_REL = r"this|last|next|the\s+current|the\s+previous|the\s+past|the\s+preceding|the\s+following"
_YEAR_SPEC = (rf"(?:(?:,?\s+|\s+of\s+|\s+in\s+)(?P<year>{_YEAR})(?![\d%])|"
              rf"\s+(?:of\s+)?(?P<rel>{_REL})\s+year\b)?")
_ORD = r"(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)"
_DASH = r"\s*(?:-|–|—|/|to|through|till|until)\s*"
PRECISION = {"day": "day", "months": "month", "nmonths": "month", "nquarters": "month",
             "quarter": "quarter", "half": "halfyear", "year": "year", "relyear": "year",
             "since": "custom"}
_I = re.IGNORECASE
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("baseline", re.compile(
        r"\b(?:the\s+)?(?:same|corresponding|comparable|equivalent)\s+(?:period|months?|quarter|"
        rf"half|time)(?:\s+(?:of|in)\s+(?P<year>{_YEAR})|(?:\s+(?:of|in))?\s+(?P<rel>{_REL})\s+year"
        r"|\s+(?:a|one)\s+year\s+(?:earlier|ago|before)|(?:\s+(?:of|in))?\s+the\s+year\s+before)?"
        r"|\byear[\s-]+on[\s-]+year\b|\byear[\s-]+over[\s-]+year\b|\by/y\b|\byoy\b"
        r"|\b(?:a|one|the)\s+year\s+(?:earlier|ago|before)\b|\bon\s+an\s+annual\s+basis\b", _I)),
    ("day", re.compile(rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})"
                       rf"(?:,?\s+(?P<year>{_YEAR}))?(?!\w)|(?<!\w)(?P<month_>{_MONTH})\s+"
                       rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?![\d%])(?:,?\s+(?P<year_>{_YEAR}))?")),
    ("months", re.compile(rf"(?:\b(?:from|between)\s+)?(?<!\w)(?P<month>{_MONTH})"
                          rf"(?:(?:{_DASH}|\s+and\s+)(?P<month2>{_MONTH}))?(?!\w)" + _YEAR_SPEC)),
    ("quarter", re.compile(rf"\b(?:the\s+)?{_ORD}[\s-]+quarter\b" + _YEAR_SPEC
                           + rf"|\b(?:Q(?P<q>[1-4])|(?P<q_>[1-4])Q)(?:[\s/']+(?P<qyear>{_YEAR}))?\b", _I)),
    ("half", re.compile(r"\b(?:the\s+)?(?P<ord>first|second|1st|2nd)[\s-]+half\b" + _YEAR_SPEC
                        + rf"|\b(?:H(?P<h>[12])|(?P<h_>[12])H)(?:[\s/']+(?P<hyear>{_YEAR}))?\b", _I)),
    ("nmonths", re.compile(rf"\b(?:the\s+)?first\s+(?P<n>{_NUMBER})\s+months\b" + _YEAR_SPEC
                           + rf"|\b(?P<n_>{_NUMBER})\s+months\s+of\s+(?:(?P<nyear>{_YEAR})|"
                           rf"(?P<nrel>{_REL})\s+year)\b", _I)),
    ("nquarters", re.compile(r"\b(?:the\s+)?first\s+(?P<n>two|three|2|3)\s+quarters\b" + _YEAR_SPEC, _I)),
    ("since", re.compile(r"\bsince\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+year|(?P<rel>this|"
                         rf"the\s+current)\s+year|(?P<year>{_YEAR}))\b|\byear[\s-]+to[\s-]+date\b|"
                         r"\bso\s+far\s+this\s+year\b", _I)),
    ("year", re.compile(rf"(?:\b(?:from|between)\s+)?(?<![\w$€£.,-])(?P<year>{_YEAR})"
                        rf"(?:(?:{_DASH}|\s+and\s+)(?P<year2>{_YEAR}))?(?![\w%,.]\d|\d|%|"
                        r"\s*(?:million|billion|trillion|tonnes|tons|percent|people)\b)", _I)),
    ("relyear", re.compile(rf"\b(?P<rel>{_REL})\s+year\b(?!\s+(?:earlier|ago|before))", _I)),
)


def _rel_value(text: str | None) -> int | None:
    return None if text is None else REL_WORDS[text.split()[-1].lower()]


def _num(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS[text.lower()]


def find_periods(text: str, article_date: dt.date | None = None,
                 precision: str | None = "day") -> list[PeriodMatch]:
    """Every period named in ``text``, resolved against ``article_date`` (known to ``precision``:
    day, month, year)."""
    if article_date is not None and precision in ("month", "year"):
        article_date = article_date.replace(month=1 if precision == "year" else article_date.month, day=1)
    found = []
    for kind, rx in PATTERNS:
        for m in rx.finditer(text):
            found.append((m.start(), -m.end(), kind, m))
    found.sort(key=lambda f: (f[0], f[1]))
    chosen, last_end = [], -1
    for start, neg_end, kind, m in found:
        if start >= last_end:
            chosen.append((kind, m))
            last_end = -neg_end
    out: list[PeriodMatch] = []
    for kind, m in chosen:
        if kind == "baseline":
            out.append(PeriodMatch(m.start(), m.end(), None, "custom", True, "period.baseline"))
            continue
        spec = _spec(kind, m)
        if spec is None:
            continue
        period = _resolve(spec, article_date) if _known(spec, precision) else None
        out.append(PeriodMatch(m.start(), m.end(), period, PRECISION[spec["kind"]], False,
                               f"period.{spec['kind']}"))
    return [_baseline(p, out, text) if p.is_baseline else p for p in out]


def _spec(kind: str, m: re.Match) -> dict | None:
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    spec = {"kind": kind, "year": None, "year2": None, "rel": _rel_value(g.get("rel") or g.get("nrel"))}
    year = g.get("year") or g.get("year_") or g.get("qyear") or g.get("hyear") or g.get("nyear")
    spec["year"] = int(year) if year else None
    if kind == "day":
        spec["month"] = _month(g.get("month", g.get("month_", "")).lower())
        spec["day"] = int(g.get("d1") or g.get("d2"))
    elif kind == "months":
        if g["month"] == "May" and "month2" not in g and spec["year"] is None and spec["rel"] is None \
                and not re.search(r"\b(?:in|since|of|during|until|by|from)\s+$",
                                  m.string[max(0, m.start() - 8):m.start()]):
            return None                               # "May" alone: perhaps the verb
        spec["month"], spec["month2"] = _month(g["month"].lower()), _month(g.get("month2", "").lower())
    elif kind == "quarter":
        spec["number"] = ORDINALS[g["ord"].lower()] if "ord" in g else int(g.get("q") or g["q_"])
    elif kind == "half":
        spec["number"] = ORDINALS[g["ord"].lower()] if "ord" in g else int(g.get("h") or g["h_"])
    elif kind in ("nmonths", "nquarters"):
        spec["number"] = _num(g.get("n") or g["n_"])
        if not 1 <= spec["number"] <= (12 if kind == "nmonths" else 3):
            return None
    elif kind == "year":
        spec["year2"] = int(g["year2"]) if "year2" in g else None
        before = m.string[max(0, m.start() - 12):m.start()].lower()
        if re.search(r"(?:\bno\.|\bnumber|#|\$)\s*$", before):
            return None
    return spec


def _known(spec: dict, precision: str | None) -> bool:
    if precision not in ("month", "year", "week"):
        return True
    if spec["kind"] == "since":
        return False
    if spec["year"] or spec["rel"] is not None or spec["kind"] in ("year", "relyear"):
        return True
    return precision != "year"


def same_days(period: Period, year: int | None = None) -> Period:
    """The same days of ``period`` with its end moved to ``year`` (None: a year before). Month
    ends stay month ends (29 February)."""
    start, end = dt.date.fromisoformat(period.start), dt.date.fromisoformat(period.end)
    shift = (end.year - 1 if year is None else year) - end.year
    return Period(_shift(start, shift).isoformat(), _shift(end, shift).isoformat())


def _shift(day: dt.date, years: int) -> dt.date:
    last = calendar.monthrange(day.year, day.month)[1]
    year = day.year + years
    new_last = calendar.monthrange(year, day.month)[1]
    return dt.date(year, day.month, new_last if day.day == last else min(day.day, new_last))


_BASE_YEAR = re.compile(rf"(?P<year>{_YEAR})|(?P<rel>{_REL})\s+year|\byear\s+before\b", _I)


def _baseline(b: PeriodMatch, found: list[PeriodMatch], text: str) -> PeriodMatch:
    """The baseline's period: the nearest period before it (else after it) in another year."""
    before = [p for p in found if not p.is_baseline and p.period and p.end <= b.start]
    after = [p for p in found if not p.is_baseline and p.period and p.start >= b.end]
    ref = before[-1] if before else (after[0] if after else None)
    if ref is None:
        return b
    end_year = dt.date.fromisoformat(ref.period.end).year
    m = _BASE_YEAR.search(text, b.start, b.end)
    year = end_year - 1
    if m and m.group("year"):
        year = int(m.group("year"))
    elif m and m.group("rel"):
        year = end_year + _rel_value(m.group("rel"))
    return PeriodMatch(b.start, b.end, same_days(ref.period, year), ref.precision, True,
                       "period.baseline")


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year(spec: dict, article_date: dt.date | None, month: int, day: int = 1) -> int | None:
    if spec["year"]:
        return spec["year"]
    if spec["rel"] is not None:
        return article_date.year + spec["rel"] if article_date else None
    if article_date is None:
        return None
    year = article_date.year
    return year if dt.date(year, month, min(day, 28)) <= article_date else year - 1


def _resolve(spec: dict, article_date: dt.date | None) -> Period | None:
    kind = spec["kind"]
    if kind == "day":
        year = spec["year"]
        if year is None and article_date is not None:
            years = (article_date.year - 1, article_date.year, article_date.year + 1)
            year = min(years, key=lambda y: abs((dt.date(y, spec["month"], min(spec["day"], 28))
                                                 - article_date).days))
        if year is None or spec["day"] > calendar.monthrange(year, spec["month"])[1]:
            return None
        day = dt.date(year, spec["month"], spec["day"]).isoformat()
        return Period(day, day)
    if kind in ("year", "relyear"):
        if spec["year"]:
            first, last = spec["year"], spec["year2"] or spec["year"]
        elif article_date is not None:
            first = last = article_date.year + (spec["rel"] or 0)
        else:
            return None
        return Period(f"{first}-01-01", f"{last}-12-31") if last >= first else None
    if kind == "since":
        if article_date is None:
            return None
        year = spec["year"] or article_date.year + (spec["rel"] or 0)
        return Period(f"{year}-01-01", article_date.isoformat()) if year <= article_date.year else None
    first, last = _months(spec)
    if first is None:
        return None
    year = spec["year"] - 1 if spec["year"] and last < first else _year(spec, article_date, first)
    if year is None:
        return None
    end_year = year + 1 if last < first else year
    return Period(dt.date(year, first, 1).isoformat(), _month_end(end_year, last).isoformat())


def _months(spec: dict) -> tuple[int | None, int | None]:
    kind, n = spec["kind"], spec.get("number")
    if kind == "months":
        return spec["month"], spec["month2"] or spec["month"]
    if kind == "quarter":
        return 3 * n - 2, 3 * n
    if kind == "half":
        return 6 * n - 5, 6 * n
    if kind == "nquarters":
        return 1, 3 * n
    if kind == "nmonths":
        return 1, n
    return None, None


DATELINE_CHARS = 400       # an English dateline stands in the article's first lines


def estimate_date(text: str, *, today: dt.date | None = None):
    """An undated English article's date: the first full date (day, month and year) in its
    opening lines (rule ``docdate.en.dateline``), else the latest full date in the text not after
    today (``docdate.en.day``), else none. Month or year alone dates nothing: an English article
    names other months and years too freely."""
    from ...resolve.dates import words
    from ...resolve.docdate import NO_DATE, DocDate
    today = today or dt.date.today()
    found = [d for d in find_dates(words(text), None) if d.precision == "day" and d.day <= today]
    if not found:
        return NO_DATE
    top = [d for d in found if d.start < DATELINE_CHARS]
    best, rule = (top[0], "docdate.en.dateline") if top else (max(found, key=lambda d: d.date), "docdate.en.day")
    return DocDate(best.date, "text", "day", rule, (best.start, best.end))
