"""The article date of an undated text, estimated from the dates the text mentions.

    >>> d = estimate_date("МОСКВА, 12 марта 2014 года. Лавров встретился с Ван И.")
    >>> (d.date, d.precision, d.rule)
    ('2014-03-12', 'day', 'docdate.dateline')

Every candidate holds a year from 1990 to today's year; what the text names around it decides
what it is (each found date records its rule):

- a full date: "12 марта 2014 [года]", "12.03.2014", "2014-03-12" -> day precision;
- a month and a year: "в марте 2014 года", "марте 2014" -> month;
- a year in a year context: followed by a year word ("в 2014 году", "2014 г.", "2013-2014
  годах", "2014-го"), or after a preposition or time word ("в 2014", "с 2010 по 2014", "весной
  2014") when what follows is not a lower-case word ("в 2000 км", "в 2014 раз") -> year.

Left out: numbers that are not years (an amount, "2014 долларов", has no year context), dates
after ``today``, and plans: a year after "к" or "до" ("к 2030 году", "до 2025 года"; not the end
of a range, "с 2010 до 2014 года"), a year word after "на" ("на 2015 год"), and any date whose
clause holds a future cue ("будет", "планируется", "состоится" ...).

Choice (``rule``): ``docdate.dateline`` when a full date stands at the top, on one of the first
three lines after at most two words ("МОСКВА, 12 марта 2014 года /ТАСС/", or a headline, then
"12.03.2014 15:30"); else the candidate that begins latest, the finer one on a tie
(``docdate.day``, ``docdate.month``, ``docdate.year``): an article is written after the dates it
reports, so "12 марта 2014 года" beats "в 2014 году" but loses to "в мае 2014 года" and to "в
2015 году". ``docdate.none`` when nothing qualifies.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Sequence

from .dates import MONTH_FORMS, Word, words as split_words

MIN_YEAR = 1990
TOP_LINES = 3                           # a dateline is on one of the first lines ...
TOP_WORDS = 2                           # ... after at most this many words ("МОСКВА,", "Опубликовано")
YEAR_WORDS = re.compile(r"(?:год(?:а|у|ом|е|ы|ов|ам|ами|ах)?|гг?)\Z")
YEAR_ENDINGS = {"го", "м", "й", "х", "ом", "му", "ый", "ого"}          # 2014-го, 2014-м
YEAR_BEFORE = {"в", "во", "с", "со", "по", "после", "от", "начале", "конце", "середине", "течение",
               "итогам", "весной", "летом", "осенью", "зимой"}
JOINERS = {"-", "–", "—", "и", "или", ",", "по"}                         # 2013-2014, 2013 и 2014
PLAN_BEFORE = {"к", "до"}
PLAN_TARGET = re.compile(r"(?:^|[^\w])(?:к|до)\s+\Z")
RANGE_END = re.compile(r"\bс\s+\d{4}(?:\s+г\w*\.?)?\s+до\s+\Z")      # с 2010 до 2014 года: a range
FUTURE_CUES = re.compile(r"\b(?:будет|будут|буд[уе]м|планир\w*|намерен\w*|пройд[её]т|состоится|"
                         r"предстоит|предстоящ\w*|прогноз\w*|ожидается|предполагается)\b", re.I)
CLAUSE = re.compile(r"[,.;:!?()\n]")
PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True, slots=True)
class DocDate:
    date: str | None                    # YYYY-MM-DD, the first day of the period
    source: str                         # text | none
    precision: str | None               # day | month | year
    rule: str
    evidence: tuple[int, int] | None    # character span of the date it was read from


NO_DATE = DocDate(None, "none", None, "docdate.none", None)


@dataclass(frozen=True, slots=True)
class _Found:
    date: dt.date
    precision: str
    start: int
    end: int


def estimate_date(text: str, words: Sequence[Word] | None = None, *,
                  today: dt.date | None = None) -> DocDate:
    """The article date the text's own dates point to (see the module docstring).

    ``words``: the text already split into words (tokens with start, end and text), when the
    caller has them; else the text is split here."""
    today = today or dt.date.today()
    tokens = list(words) if words is not None else split_words(text)
    found = [f for f in _candidates(text, tokens, today) if f.date <= today]
    top_end = _top_end(text)
    top = [f for f in found if f.precision == "day" and _dateline(text, f.start, top_end)]
    best = next((f for f in top if not _planned(text, f)), None)
    rule = "docdate.dateline"
    if best is None:
        latest = sorted(found, key=lambda f: (f.date, PRECISION_RANK[f.precision]), reverse=True)
        best = next((f for f in latest if not _planned(text, f)), None)
        if best is None:
            return NO_DATE
        rule = f"docdate.{best.precision}"
    return DocDate(best.date.isoformat(), "text", best.precision, rule, (best.start, best.end))


def _top_end(text: str) -> int:
    """Where the text's first :data:`TOP_LINES` non-blank lines end."""
    pos = seen = 0
    for m in re.finditer(r"[^\n]*(?:\n|\Z)", text):
        if m.group().strip():
            seen += 1
        pos = m.end()
        if seen >= TOP_LINES or pos >= len(text):
            break
    return pos


def _dateline(text: str, start: int, top_end: int) -> bool:
    """A date at the top: on one of the first :data:`TOP_LINES` lines, after at most
    :data:`TOP_WORDS` words of its line."""
    line = text.rfind("\n", 0, start) + 1
    return start < top_end and start - line <= 80 and len(text[line:start].split()) <= TOP_WORDS


def _candidates(text: str, tokens: Sequence[Word], today: dt.date) -> list[_Found]:
    w = [t.text.lower().replace("ё", "е") for t in tokens]
    out = []
    for i, word in enumerate(w):
        if len(word) != 4 or not word.isdigit() or not MIN_YEAR <= int(word) <= today.year:
            continue
        got = _at(tokens, w, i, int(word))
        if got is not None:
            out.append(got)
    return out


def _glued(tokens: Sequence[Word], first: int, last: int) -> bool:
    """Tokens ``first..last`` are written without spaces between them."""
    return all(tokens[k].end == tokens[k + 1].start for k in range(first, last))


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _small(word: str) -> int | None:
    return int(word) if word.isdigit() and len(word) <= 2 else None


def _at(tokens: Sequence[Word], w: list[str], i: int, year: int) -> _Found | None:
    """What the year ``w[i]`` is part of: a full date, a month and year, a year, or nothing."""
    n = len(w)
    end = tokens[i].end
    if i + 1 < n and YEAR_WORDS.match(w[i + 1]):
        end = tokens[i + 1].end
    # 12.03.2014
    if i >= 4 and w[i - 1] == w[i - 3] == "." and _glued(tokens, i - 4, i) \
            and _small(w[i - 2]) and _small(w[i - 4]) and not (i >= 5 and w[i - 5] == "." and _glued(tokens, i - 5, i)):
        day = _day(year, _small(w[i - 2]), _small(w[i - 4]))
        return _Found(day, "day", tokens[i - 4].start, end) if day else None
    # 2014-03-12
    if i + 4 < n and w[i + 1] == w[i + 3] == "-" and _glued(tokens, i, i + 4) \
            and len(w[i + 2]) == 2 and len(w[i + 4]) == 2 and _small(w[i + 2]) and _small(w[i + 4]):
        day = _day(year, _small(w[i + 2]), _small(w[i + 4]))
        return _Found(day, "day", tokens[i].start, tokens[i + 4].end) if day else None
    month = MONTH_FORMS.get(w[i - 1]) if i else None
    if month is not None:
        # 12 марта 2014 [года]
        if i >= 2 and _small(w[i - 2]):
            day = _day(year, month, _small(w[i - 2]))
            return _Found(day, "day", tokens[i - 2].start, end) if day else None
        # [в] марте 2014 [года]
        return _Found(dt.date(year, month, 1), "month", tokens[i - 1].start, end)
    if _year_context(tokens, w, i):
        return _Found(dt.date(year, 1, 1), "year", tokens[i].start, end)
    return None


def _year_context(tokens: Sequence[Word], w: list[str], i: int) -> bool:
    n = len(w)
    k = i + 1
    # a year word after it, maybe after more years: "2014 году", "2013-2014 годах", "2013 и 2014 гг."
    while k < n:
        if YEAR_WORDS.match(w[k]):
            return True
        if w[k] == "-" and k + 1 < n and w[k + 1] in YEAR_ENDINGS and _glued(tokens, k - 1, k + 1):
            return True
        if w[k] in JOINERS and k + 1 < n and len(w[k + 1]) == 4 and w[k + 1].isdigit():
            k += 2
            continue
        break
    if not i or w[i - 1] not in YEAR_BEFORE | PLAN_BEFORE:
        return False
    if i + 1 >= n:
        return True
    nxt = tokens[i + 1].text
    if nxt[0].isdigit() or (nxt in ",." and i + 2 < n and w[i + 2].isdigit() and _glued(tokens, i, i + 2)):
        return False                     # 2014,5 or 2014.5: a decimal number
    return not nxt[0].islower() or w[i + 1] in JOINERS


def _planned(text: str, f: _Found) -> bool:
    """A plan target or a date in a future-tense clause ("к 2030 году", "саммит пройдет ...")."""
    before = text[max(0, f.start - 40):f.start].lower()
    if f.precision == "year" and PLAN_TARGET.search(before) and not RANGE_END.search(before):
        return True
    if f.precision == "year" and re.search(r"\bна\s+\Z", before) and YEAR_WORDS.search(text[f.start:f.end]):
        return True
    lo = max((m.end() for m in CLAUSE.finditer(text, max(0, f.start - 200), f.start)),
             default=max(0, f.start - 200))
    hi = next((m.start() for m in CLAUSE.finditer(text, f.end, f.end + 200)), min(len(text), f.end + 200))
    return FUTURE_CUES.search(text, lo, hi) is not None
