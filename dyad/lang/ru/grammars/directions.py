"""Direction words: which way a change goes (``вырос`` +1, ``сократился`` -1).

Matched by stem on the lowercased words of the clause before a figure, the nearest word winning.
"""
from __future__ import annotations

import re

UP = re.compile(
    r"\b(?:вырос|возрос|увелич|рост|прирост|повыс|повыш|подня|подним|нарасти|нараст|прибав|"
    r"подорож|больше|выше|дороже|укрепи)\w*")
DOWN = re.compile(
    r"\b(?:снизи|сниж|сократ|сокращ|упал|упад|паден|спад|уменьш|пониз|опусти|сжал|сжат|"
    r"меньше|ниже|дешевле|подешев|просел|просяд|потерял|обвал|рухнул)\w*")
# Verbs after which "до N" is the level reached, not an upper bound.
REACHED = re.compile(
    r"\b(?:вырос|возрос|увелич|сократ|снизи|сниж|упал|упас|доведен|довест|довед|нарасти|нараст|"
    r"подня|повыс|пониз|уменьш|дорос|опусти|достиг|дойд|дошел|дошл|сжал)\w*")

COMPARATIVES = {"больше": 1, "выше": 1, "дороже": 1, "меньше": -1, "ниже": -1, "дешевле": -1}


def direction_of(words: str) -> int:
    """+1, -1 or 0: the direction word nearest the end of ``words`` (lowercase text)."""
    best, where = 0, -1
    for sign, pattern in ((1, UP), (-1, DOWN)):
        for m in pattern.finditer(words):
            if m.start() > where:
                best, where = sign, m.start()
    return best
