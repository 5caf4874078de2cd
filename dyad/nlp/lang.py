"""Language detection, cheap and dependency-free: the share of Cyrillic among letters.

A text with fewer than ``MIN_LETTERS`` letters is too short to detect and is taken as Russian.
"""
from __future__ import annotations

MIN_LETTERS = 40


def detect(text: str) -> str:
    sample = text[:20000]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < MIN_LETTERS:
        return "ru"
    cyr = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    if cyr / len(letters) >= 0.5:
        ukr = sum(1 for ch in letters if ch in "іїєґІЇЄҐ")
        return "uk" if ukr / len(letters) > 0.01 else "ru"
    latin = sum(1 for ch in letters if "a" <= ch.lower() <= "z")
    return "en" if latin / len(letters) >= 0.5 else "und"
