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

from ...code.fact_context import Found, trim
from ...tables import read_table
from ...types import Fact
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
    """(start, end, sector) for each lexicon phrase in ``text``, longest match first."""
    taken: list[tuple[int, int]] = []
    out = []
    for sector, rx, _ in lexicon():
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append((m.start(), m.end(), sector))
    return sorted(out)


def extract(ctx: EnglishContext) -> list[Found]:
    out = []
    for sent in ctx.analysis.sentences:
        if not CUE.search(sent.text):
            continue
        hits = find_sectors(sent.text)
        if not hits:
            continue
        sectors: list[str] = []
        for _, _, s in hits:
            if s not in sectors:
                sectors.append(s)
        refs = []
        for a in ctx.actors(sent, kinds=("country",)):
            if a.id not in [r.id for r in refs]:
                refs.append(a.ref)
        rule = "facts.sector.lexicon"
        if len(refs) < 2:
            pair = ctx.pair_before(sent.start)
            if pair is None:
                continue
            if not refs:
                refs = list(pair)
            elif refs[0].id in (pair[0].id, pair[1].id):
                refs.append(pair[1] if pair[0].id == refs[0].id else pair[0])
            else:
                continue
            rule += "+pair:context"
        words = ", ".join(sent.text[s:e] for s, e, _ in hits)
        fact = Fact(id="", kind="sector", subject=refs[0], object=refs[1],
                    evidence=trim(ctx.text, sent.start, sent.end), rule=rule,
                    attributes=(("sectors", tuple(sectors)),))
        out.append(Found(fact, (f"sector phrases «{words}» -> {', '.join(sectors)}",
                                f"pair {refs[0].id}-{refs[1].id}")))
    return out
