"""Units an amount can carry: currencies (from ``dyad/data/currencies.tsv``), tonnes, barrels and
cubic metres. Each unit rule is interpreted as a constant code: ``USD``, ``t``, ``bbl``, ``m3``.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from pathlib import Path

from yargy import or_, rule
from yargy.interpretation import const
from yargy.predicates import caseless, eq, in_caseless, normalized
from yargy.predicates.bank import DictionaryPredicate  # matches lemmas as given, unnormalised

from ....tables import DATA_DIR, read_table
from .tokens import tokenizer

CURRENCIES_TSV = DATA_DIR / "currencies.tsv"
DOT = eq(".")


def read_currencies(path: Path = CURRENCIES_TSV) -> list[tuple[str, str, str]]:
    """Rows ``(form, iso, source)`` of the currency table."""
    return [(row["form"], row["iso"], row["source"]) for row in read_table(path).rows]


def _lemmas(word: str) -> set[str]:
    """The word itself and every dictionary form pymorphy offers for it (``сум``: сум, сума,
    сумы): pymorphy does not know ``сум`` as a lemma, though it lemmatises ``сумов`` to it."""
    return {f.normalized for f in tokenizer().morph(word.lower())} | {word.lower()}


def word_rule(word: str):
    """One written word of a form as a yargy rule (see the table's header for the conventions)."""
    if word.endswith(".") and len(word) > 1:
        return rule(caseless(word[:-1]), DOT.optional())
    if re.fullmatch(r"[A-Z]{3}", word) or not word.isalnum():
        return rule(eq(word))
    if word.isupper():                      # США, ОАЭ
        return rule(or_(eq(word), normalized(word.lower())))
    return rule(or_(caseless(word), DictionaryPredicate(_lemmas(word))))


def form_rule(form: str):
    return rule(*(word_rule(w) for w in form.split()))


def is_symbol(form: str) -> bool:
    """``$``, ``€``: may stand before the number (``$2,5 млрд``)."""
    return len(form) == 1 and not form.isalnum()


@cache
def currency_rules() -> tuple[dict[str, list], dict[str, list]]:
    """``({iso: [form rules]}, {iso: [prefix symbol rules]})``."""
    words: dict[str, list] = defaultdict(list)
    symbols: dict[str, list] = defaultdict(list)
    for form, iso, _source in read_currencies():
        words[iso].append(form_rule(form))
        if is_symbol(form):
            symbols[iso].append(form_rule(form))
    return dict(words), dict(symbols)


def unit_hint() -> re.Pattern[str]:
    """A cheap regex for a scale or unit word: the first letters of every word of every form."""
    stems = {"тыс", "млн", "млрд", "трлн", "тысяч", "миллион", "миллиард", "триллион",
             "тонн", "т", "баррел", "барр", "брл", "куб", "м"}
    symbols = set()
    for form, _iso, _source in read_currencies():
        for word in form.split():
            word = word.rstrip(".")
            if is_symbol(word):
                symbols.add(re.escape(word))
            elif re.fullmatch(r"[A-Z]{3}", word):
                symbols.add(rf"\b{word}\b")
            else:
                stems.add(word.lower()[:4] if len(word) > 4 else word.lower()[:3])
    words = "|".join(sorted((s for s in stems if len(s) > 1), key=len, reverse=True))
    letters = "".join(sorted(s for s in stems if len(s) == 1))
    letters = rf"[{letters}](?![а-яёa-z])"
    return re.compile(rf"(?<!\w)(?:{words}|{letters})|" + "|".join(sorted(symbols)),
                      re.IGNORECASE)


TONNES = or_(
    rule(normalized("тонна")),
    rule(caseless("т"), DOT.optional()),
)
BARRELS = or_(
    rule(normalized("баррель")),
    rule(in_caseless({"барр", "брл"}), DOT.optional()),
)
CUBIC_METRES = or_(
    rule(normalized("кубометр")),
    rule(normalized("кубический"), normalized("метр")),
    rule(caseless("куб"), DOT.optional(), or_(rule(caseless("м"), DOT.optional()),
                                             rule(normalized("метр")))),
    rule(caseless("м"), in_caseless({"3", "³"})),
)
PHYSICAL = {"t": TONNES, "bbl": BARRELS, "m3": CUBIC_METRES}


def unit_rule():
    """Any unit, interpreted as its code (attach to a fact attribute with ``.interpretation``)."""
    words, _ = currency_rules()
    parts = [or_(*rules).interpretation(const(iso)) for iso, rules in words.items()]
    parts += [r.interpretation(const(code)) for code, r in PHYSICAL.items()]
    return or_(*parts)


def prefix_symbol_rule():
    """Currency symbols that may precede the number, interpreted as ISO codes."""
    _, symbols = currency_rules()
    return or_(*(or_(*rules).interpretation(const(iso)) for iso, rules in symbols.items()))
