"""Figures in English news: amounts, percentages, multiples and reporting periods.

    find_amounts("imports exceeded $2 billion")   # [Amount(9, 27, 2e9, 'USD', '>', ...)]
    find_periods("in January-July", day)          # [PeriodMatch(0, 15, Period(...), 'month', ...)]

The same records as the Russian grammars (:mod:`dyad.lang.figures`), found with regular
expressions over plain text (English needs no morphology). Offsets are into the given text.

Amounts: ``$2.5 billion``, ``US$2.5bn``, ``USD 2.5 billion``, ``53.3 million dollars``,
``2 billion US dollars``, ``about €900 million``, ``1.2 trillion yuan``, ``108 million tonnes``;
comparators (``over``, ``more than``, ``exceeded`` ``>``; ``less than``, ``under``, ``up to``
``<``; ``about``, ``nearly`` ``~``); ranges ``$2-3 billion``, ``between $2 and $3 billion``;
``from $1.8 billion to $2.5 billion`` gives two amounts (``amount.fromto``). A scaled number
without a unit (``exceeded 2 billion``) may take the unit of an earlier amount
(:func:`carry_units`) unless a counted noun follows (``2 million tourists``).

Percentages: ``up 26.7%``, ``rose by 26.7 percent``, ``fell 6.2%``, ``a 5% drop``,
``2 percentage points`` (unit ``pp``); the sign from a direction word after the figure, else the
nearest before it in its clause; ``to 20%`` and ``from 20%`` are levels (direction 0).

Multiples: ``grew 4.5 times``, ``a 4.5-fold rise``, ``threefold``, ``doubled``, ``tripled``,
``halved``; a fall gives the inverse factor (``fell three times`` -> 0.333333).

Periods: :func:`dyad.lang.en.dates.find_periods` (re-exported here).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ...tables import DATA_DIR, read_table
from ..figures import Amount, Multiple, PeriodMatch, Percent
from .dates import find_periods

__all__ = ["Amount", "Percent", "Multiple", "PeriodMatch", "find_amounts", "find_percents",
           "find_multiples", "find_periods", "carry_units", "figures"]

WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "half a": 0.5}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "k": 1e3, "mn": 1e6, "mln": 1e6, "m": 1e6, "bn": 1e9, "bln": 1e9, "b": 1e9,
          "tn": 1e12, "trln": 1e12}
# English currency words (the ISO codes and symbols come from dyad/data/currencies.tsv)
CURRENCY_WORDS = {
    "US dollars": "USD", "U.S. dollars": "USD", "American dollars": "USD", "dollars": "USD",
    "dollar": "USD", "euros": "EUR", "euro": "EUR", "Chinese yuan": "CNY", "yuan": "CNY",
    "renminbi": "CNY", "Russian roubles": "RUB", "Russian rubles": "RUB", "roubles": "RUB",
    "rubles": "RUB", "Belarusian roubles": "BYN", "Belarusian rubles": "BYN",
    "Azerbaijani manats": "AZN", "Azerbaijani manat": "AZN", "Turkmen manats": "TMT",
    "manats": "AZN", "manat": "AZN", "tenge": "KZT", "soms": "KGS", "som": "KGS",
    "soums": "UZS", "soum": "UZS", "sums": "UZS", "somoni": "TJS", "lari": "GEL", "drams": "AMD",
    "dram": "AMD", "rupees": "INR", "Turkish lira": "TRY", "lira": "TRY", "liras": "TRY",
    "yen": "JPY", "won": "KRW", "pounds sterling": "GBP", "pounds": "GBP", "dirhams": "AED",
    "riyals": "SAR", "hryvnias": "UAH", "hryvnia": "UAH", "tugriks": "MNT",
}
PREFIX_WORDS = {"US$": "USD", "U.S.$": "USD", "RMB": "CNY", "Rs": "INR", "Rs.": "INR", "£": "GBP",
                "₹": "INR"}
PHYSICAL = {"metric tons": "t", "tonnes": "t", "tons": "t", "tonne": "t", "ton": "t",
            "barrels": "bbl", "bbl": "bbl", "cubic metres": "m3", "cubic meters": "m3",
            "cubic metre": "m3", "cubic meter": "m3", "m3": "m3"}
BCM = re.compile(r"bcm|billion cubic met(?:re|er)s")        # "10 bcm": 1e10 m3
COMPARATORS = {
    "more than": ">", "over": ">", "above": ">", "in excess of": ">", "at least": ">",
    "upwards of": ">", "just over": ">", "exceeding": ">", "exceeded": ">", "exceeds": ">",
    "exceed": ">", "surpassed": ">", "topped": ">", "no less than": ">",
    "less than": "<", "under": "<", "below": "<", "just under": "<", "up to": "<",
    "no more than": "<", "nearly": "~", "almost": "~", "about": "~", "around": "~",
    "approximately": "~", "roughly": "~", "some": "~", "close to": "~", "an estimated": "~",
    "circa": "~",
}
# After a scaled number, these words let it take an earlier amount's unit ("exceeded 2 billion
# in 2024"); any other word is what it counts ("2 million tourists").
CARRY_NEXT = {"in", "on", "at", "by", "for", "from", "to", "and", "or", "but", "while", "than",
              "compared", "year", "last", "this", "during", "over", "as", "which", "that", "a",
              "an", "the", "worth", "mark", "level", "threshold", "against", "versus", "up",
              "down", "with", "y/y", "yoy", "year-on-year"}


def _alternatives(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def _codes() -> tuple[dict[str, str], dict[str, str]]:
    """({ISO code: code}, {symbol: code}) from dyad/data/currencies.tsv."""
    codes, symbols = {}, {}
    for row in read_table(DATA_DIR / "currencies.tsv").rows:
        form = row["form"]
        if re.fullmatch(r"[A-Z]{3}", form):
            codes[form] = row["iso"]
        elif len(form) == 1 and not form.isalnum():
            symbols[form] = row["iso"]
    return codes, symbols


@cache
def _units() -> dict[str, str]:
    codes, _ = _codes()
    return {**CURRENCY_WORDS, **codes, **PHYSICAL}


@cache
def _prefixes() -> dict[str, str]:
    codes, symbols = _codes()
    return {**PREFIX_WORDS, **symbols, **codes}


NUM = (r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|" + _alternatives(WORD_NUMBERS))


def _core(p: str) -> str:
    """One amount without comparator: prefix, number, scale, unit (groups named ``p_*``)."""
    prefix = _alternatives(_prefixes())
    units = _alternatives(_units())
    words = _alternatives(k for k in SCALES if len(k) > 2 and k not in ("mln", "bln", "trln"))
    abbr = _alternatives(k for k in SCALES if k not in ("thousand", "million", "billion", "trillion"))
    return (rf"(?:(?P<{p}_pre>{prefix})\s?)?(?P<{p}_num>{NUM})"
            rf"(?:(?:\s+|-)(?P<{p}_scale>{words})\b|(?P<{p}_abbr>{abbr})\b|\s?(?P<{p}_bcm>bcm)\b)?"
            rf"(?:\s+(?P<{p}_unit>{units}|billion\s+cubic\s+met(?:re|er)s)(?!\w))?")


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    comp = rf"(?:(?P<comp>{_alternatives(COMPARATORS)})\s+)?"
    head = r"(?<![\w.$€£¥₽₹-])"
    single = re.compile(head + comp + _core("a"), re.IGNORECASE)
    dash = re.compile(head + comp + _core("a") + r"\s*(?:-|–|—|to)\s*" + _core("b"), re.IGNORECASE)
    between = re.compile(r"\bbetween\s+" + _core("a") + r"\s+and\s+" + _core("b"), re.IGNORECASE)
    fromto = re.compile(r"\bfrom\s+" + _core("a") + r"\s+to\s+" + _core("b"), re.IGNORECASE)
    return fromto, between, dash, single


def _number(text: str) -> float:
    text = " ".join(text.lower().split())
    if text in WORD_NUMBERS:
        return float(WORD_NUMBERS[text])
    return float(text.replace(",", ""))


def _part(m: re.Match, p: str) -> tuple[float, float | None, str | None, bool]:
    """(number, scale, unit, is a word number) of core ``p``."""
    g = m.groupdict()
    scale = None
    if g[f"{p}_scale"]:
        scale = SCALES[g[f"{p}_scale"].lower()]
    elif g[f"{p}_abbr"]:
        scale = SCALES[g[f"{p}_abbr"].lower()]
    unit = None
    if g[f"{p}_pre"]:
        unit = _lookup(_prefixes(), g[f"{p}_pre"])
    if g[f"{p}_unit"]:
        unit = _lookup(_units(), g[f"{p}_unit"])
        if BCM.fullmatch(g[f"{p}_unit"].lower()):
            unit, scale = "m3", (scale or 1) * 1e9
    if g[f"{p}_bcm"]:
        unit, scale = "m3", (scale or 1) * 1e9
    word = not g[f"{p}_num"][0].isdigit()
    return _number(g[f"{p}_num"]), scale, unit, word


def _lookup(table: dict[str, str], found: str) -> str | None:
    key = " ".join(found.split())
    if key in table:
        return table[key]
    lowered = {k.lower(): v for k, v in table.items()}
    return lowered.get(key.lower())


def _counted(text: str, end: int) -> bool:
    """Whether a noun the amount counts follows it (``2 million tourists``)."""
    m = re.match(r"\s+([A-Za-z][\w/-]*)", text[end:end + 40])
    return bool(m) and m.group(1).lower() not in CARRY_NEXT


def find_amounts(text: str) -> list[Amount]:
    """Every amount in ``text``, in order; units are not carried over (see :func:`carry_units`)."""
    fromto, between, dash, single = _patterns()
    found: list[tuple[int, int, list[Amount]]] = []
    for shape, rx in (("fromto", fromto), ("range", between), ("range", dash), ("single", single)):
        for m in rx.finditer(text):
            amounts = _amounts(shape, m, text)
            if amounts:
                found.append((m.start(), m.end(), amounts))
    found.sort(key=lambda f: (f[0], -f[1]))
    out: list[Amount] = []
    last_end = -1
    for start, end, amounts in found:
        if start >= last_end:
            out.extend(amounts)
            last_end = end
    return out


def _amounts(shape: str, m: re.Match, text: str) -> list[Amount]:
    low, low_scale, low_unit, low_word = _part(m, "a")
    if shape == "single":
        if low_scale is None and low_unit is None:
            return []                                 # a bare number: a year, a count
        if low_word and low_scale is None:
            return []                                 # "a dollar", "one euro"
        comp = COMPARATORS.get(" ".join((m.group("comp") or "").lower().split()), "=")
        start = m.start()
        carry = low_unit is None and not _counted(text, m.end())
        return [Amount(start, m.end(), low * (low_scale or 1), low_unit, comp, None, False, carry,
                       "amount.single")]
    high, high_scale, high_unit, _ = _part(m, "b")
    if high_scale is None and high_unit is None:
        return []
    unit = high_unit or low_unit
    scale = high_scale or 1
    lo, hi = low * (low_scale or scale), high * scale
    carry = unit is None and not _counted(text, m.end())
    if shape == "fromto":
        split = m.start("b_pre") if m.group("b_pre") else m.start("b_num")
        to = text.rfind("to", m.end("a_num"), split)
        first = m.start("a_pre") if m.group("a_pre") else m.start("a_num")
        low_end = m.end("a_unit") if m.group("a_unit") else m.end("a_abbr") if m.group(
            "a_abbr") else m.end("a_scale") if m.group("a_scale") else m.end("a_num")
        return [Amount(first, low_end, lo, unit, "=", None, False, carry, "amount.fromto"),
                Amount(to, m.end(), hi, unit, "=", None, False, carry, "amount.fromto")]
    if lo > hi:                                       # "in 2023 - 300 million": not a range
        return []
    comp = COMPARATORS.get(" ".join(((m.groupdict().get("comp")) or "").lower().split()), "=")
    return [Amount(m.start(), m.end(), lo, unit, comp, hi, False, carry, "amount.range")]


def carry_units(amounts: list[Amount]) -> list[Amount]:
    """Give each carriable amount without a unit the unit of the nearest preceding amount."""
    out, last = [], None
    for a in amounts:
        if a.unit is None and a.can_carry and last is not None:
            a = replace(a, unit=last, unit_carried=True)
        if a.unit is not None:
            last = a.unit
        out.append(a)
    return out


# --- percentages and multiples ------------------------------------------------------------

UP = re.compile(r"\b(?:rose|rise[sn]?|rising|up|increas\w*|gr[eo]w\w*|jump\w*|climb\w*|gain\w*|"
                r"surg\w*|soar\w*|expand\w*|higher|boost\w*|rebound\w*|advanc\w*|added|add|"
                r"doubl\w*|tripl\w*|accelerat\w*)\b")
DOWN = re.compile(r"\b(?:fell|fall\w*|down|decreas\w*|declin\w*|drop\w*|contract\w*|shr[aiu]nk\w*|"
                  r"slump\w*|plung\w*|sl[iu]d\w*|slide|lower|dipp?\w*|tumbl\w*|s[aiu]nk\w*|"
                  r"reduc\w*|cut|lost|loss|los\w*|halv\w*|slow\w*)\b")
AFTER = {"more": 1, "higher": 1, "up": 1, "increase": 1, "rise": 1, "growth": 1, "jump": 1,
         "gain": 1, "larger": 1, "greater": 1, "less": -1, "lower": -1, "down": -1,
         "decrease": -1, "decline": -1, "drop": -1, "fall": -1, "smaller": -1, "contraction": -1}
CLAUSE = re.compile(r"(?<!\d),|,(?!\d)|[;:()\n]|\s[-–—]\s|[.!?]\s|\bwhile\b|\bwhereas\b|\bbut\b")


def clause_before(text: str, start: int, words: int = 6) -> str:
    """The last ``words`` words before ``start`` inside the same clause (lowercased)."""
    left = text[max(0, start - 120):start]
    cut = max((m.end() for m in CLAUSE.finditer(left)), default=0)
    return " ".join(left[cut:].lower().split()[-words:])


def clause_after(text: str, end: int, words: int = 2) -> str:
    right = text[end:end + 60]
    m = CLAUSE.search(right)
    return " ".join((right[:m.start()] if m else right).lower().split()[:words])


def direction_of(words: str) -> int:
    """+1, -1 or 0: the direction word nearest the end of ``words``."""
    best, where = 0, -1
    for sign, pattern in ((1, UP), (-1, DOWN)):
        for m in pattern.finditer(words):
            if m.start() > where:
                best, where = sign, m.start()
    return best


PERCENT = re.compile(
    rf"(?<![\w.])(?:(?P<prep>by|to|from|of|at)\s+)?(?P<num>{NUM})\s?"
    r"(?P<unit>%|percent(?:age)?\s+points?|per\s*cent|percent|pct|pp|p\.p\.|points?)(?!\w)",
    re.IGNORECASE)


def find_percents(text: str) -> list[Percent]:
    out = []
    for m in PERCENT.finditer(text):
        if not m.group("num")[0].isdigit():
            continue
        unit = "pp" if re.match(r"p\.?p|percentage|point", m.group("unit"), re.I) else "%"
        if unit == "pp" and m.group("unit").lower().startswith("point") and "%" not in \
                text[max(0, m.start() - 60):m.start()]:
            continue                                  # "3 points": a score, not a change
        prep = (m.group("prep") or "").lower()
        after = clause_after(text, m.end(), 1)
        after = re.sub(r"[^\w-]", "", after)
        if after in AFTER:
            direction = AFTER[after]
        elif prep in ("to", "from", "at"):
            direction = 0
        else:
            direction = direction_of(clause_before(text, m.start(), 6))
        value = float(m.group("num").replace(",", "")) * (direction or 1)
        out.append(Percent(m.start(), m.end(), value, unit, direction))
    return out


FOLD_WORDS = {"twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "sixfold": 6,
              "sevenfold": 7, "eightfold": 8, "ninefold": 9, "tenfold": 10}
VERBS = {"doubled": 2, "doubling": 2, "tripled": 3, "trebled": 3, "tripling": 3, "quadrupled": 4,
         "halved": 0.5, "halving": 0.5}
MULTIPLE = re.compile(
    rf"(?<![\w.])(?:(?P<num>{NUM})(?:\s+times|\s?-?\s?fold)(?!\w)"
    r"|(?P<fold>" + "|".join(FOLD_WORDS) + r")|(?P<verb>" + "|".join(VERBS) + r"))(?!\w)",
    re.IGNORECASE)


def find_multiples(text: str) -> list[Multiple]:
    out = []
    for m in MULTIPLE.finditer(text):
        if m.group("verb"):
            factor = VERBS[m.group("verb").lower()]
            out.append(Multiple(m.start(), m.end(), factor, 1 if factor > 1 else -1))
            continue
        if m.group("fold"):
            factor = float(FOLD_WORDS[m.group("fold").lower()])
        else:
            factor = _number(m.group("num"))
            if m.group("num").lower() in ("a", "half a"):
                continue
        after = re.sub(r"[^\w-]", "", clause_after(text, m.end(), 1))
        if after in AFTER:
            direction = AFTER[after]
        else:
            direction = direction_of(clause_before(text, m.start(), 5))
        if re.match(r"\s+(?:more|higher|larger|greater|bigger)\b", text[m.end():m.end() + 12], re.I):
            direction = 1
        if direction < 0 and factor:
            factor = 1 / factor
        out.append(Multiple(m.start(), m.end(), round(factor, 6), direction))
    return out


def figures(text: str, day, precision: str | None = "day"):
    """(amounts, percents, multiples, periods) of a paragraph, as ``Language.figures`` gives them."""
    return (carry_units(find_amounts(text)), find_percents(text), find_multiples(text),
            find_periods(text, day, precision))
