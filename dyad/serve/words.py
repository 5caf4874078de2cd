"""Records in words, for people: what the pages and the CLI show instead of codes and raw floats.

    >>> words("trade_turnover"), money(2.1e9, "USD"), figure({"value": 2e10, "unit": "USD", "comparator": ">"})
    ('trade turnover', '2.1 bn USD', 'more than 20 bn USD')
"""
from __future__ import annotations

COMPARATORS = {">": "more than", "<": "less than", "~": "about", ">=": "at least", "<=": "at most"}


def words(code) -> str:
    """A code as words: ``trade_turnover`` -> "trade turnover" (pages put the code on hover)."""
    return str(code).replace("_", " ") if code is not None else ""


def money(value, unit: str | None = None) -> str:
    """An amount with a scale word and a space before the unit: 2.1 bn USD, 530 mn RUB, 12 k."""
    if value is None:
        return ""
    for scale, word in ((1e12, "trn"), (1e9, "bn"), (1e6, "mn"), (1e3, "k")):
        if abs(value) >= scale:
            return f"{value / scale:.3g} {word} {unit or ''}".strip()
    return f"{value:g} {unit or ''}".strip()


def figure(fact: dict) -> str:
    """A fact's value in words, its comparator kept: "more than 20 bn USD"."""
    if fact.get("value") is None:
        return ""
    said = COMPARATORS.get(fact.get("comparator") or "=")
    amount = money(fact["value"], fact.get("unit"))
    return f"{said} {amount}" if said else amount
