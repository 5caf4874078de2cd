"""Cooperation sectors named for a pair, from the English lexicon ``dyad/lang/en/data/sectors.tsv``
(the sector ids of the Russian lexicon): "cooperation in energy, renewables, digital technologies
and artificial intelligence" -> one ``sector`` fact with ``sectors: [energy, renewables, digital,
ai]``. As :mod:`dyad.code.sectors`: a sentence counts when it has a cooperation cue (:data:`CUE`)
and a lexicon phrase; the pair is the first two states it names, else the latest pair named
before it (``+pair:context``), completed with the one it names.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ...code import sectors
from ...code.fact_context import Found
from ...tables import read_table
from .facts_context import EnglishContext

SECTORS_TSV = Path(__file__).resolve().parent / "data" / "sectors.tsv"
CUE = re.compile(r"cooperat|collaborat|partnership|project|\b(?:in|of)\s+the\s+(?:fields?|spheres?|"
                 r"areas?|sectors?)\b|\bsectors?\b|\bareas?\s+such\s+as|\binvest|\bjoint\s+ventures?|"
                 r"\bties\s+in\b|\bwork\s+together", re.IGNORECASE)


def _word(word: str) -> str:
    return re.escape(word[:-1]) + r"[\w-]*" if word.endswith("*") else re.escape(word)


@cache
def lexicon(path: Path = SECTORS_TSV) -> list[tuple[str, re.Pattern[str], str]]:
    """(sector, pattern, phrase), longest phrases first; capitals (AI, ICT) match as written."""
    rows = []
    for row in read_table(path).rows:
        words = row["phrase"].split()
        body = r"[\s-]+".join(_word(w) for w in words)
        flags = 0 if all(w.rstrip("*").isupper() for w in words) else re.IGNORECASE
        rows.append((row["sector"], re.compile(rf"(?<![\w-]){body}(?![\w])", flags), row["phrase"]))
    rows.sort(key=lambda r: -len(r[2]))
    return rows


def find_sectors(text: str) -> list[tuple[int, int, str]]:
    """(start, end, sector) for each English lexicon phrase in ``text``, longest match first."""
    return sectors.find_sectors(text, lexicon())


def extract(ctx: EnglishContext) -> list[Found]:
    return sectors.extract(ctx, CUE, lexicon())
