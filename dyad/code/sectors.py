"""Cooperation sectors named for a pair: ``сотрудничество в сфере энергетики, ВИЭ, цифровых
технологий и ИИ`` -> one ``sector`` fact for the pair with ``sectors: [energy, renewables,
digital, ai]``.

A sentence counts when it has a cooperation cue (:data:`CUE`: сотрудничество, взаимодействие,
партнёрство, проекты, в сфере/области ...) and a phrase of the Russian lexicon
``dyad/lang/ru/data/sectors.tsv``.
The pair is the first two states the sentence names; when it names fewer, the latest pair named
before it (rule suffix ``+pair:context``), completed with the one it names.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ..tables import lang_data, read_table
from ..types import Fact
from .fact_context import FactContext, Found, trim

CUE = re.compile(r"сотруднич|взаимодейств|партн[её]рств|проект|\bв\s+(?:сфер|област|отрасл)|"
                 r"направлени|кооперац|инвестиц", re.IGNORECASE)


def _word(word: str) -> str:
    if word.endswith("*"):
        return re.escape(word[:-1]) + r"\w*"
    return re.escape(word)


@cache
def lexicon(path: Path = lang_data("ru") / "sectors.tsv") -> list[tuple[str, re.Pattern[str], str]]:
    """(sector, pattern, phrase), longest phrases first."""
    rows = []
    for row in read_table(path).rows:
        words = row["phrase"].split()
        body = r"\s+".join(_word(w) for w in words)
        caps = all(w.isupper() for w in words)
        flags = 0 if caps else re.IGNORECASE
        rows.append((row["sector"], re.compile(rf"(?<!\w){body}(?!\w)", flags), row["phrase"]))
    rows.sort(key=lambda r: -len(r[2]))
    return rows


def find_sectors(text: str, rows=None) -> list[tuple[int, int, str]]:
    """(start, end, sector) for each lexicon phrase in ``text``, longest match first (``rows``: a
    lexicon as :func:`lexicon` gives it, by default the Russian one)."""
    taken: list[tuple[int, int]] = []
    out = []
    for sector, rx, _ in (lexicon() if rows is None else rows):
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append((m.start(), m.end(), sector))
    return sorted(out)


def extract(ctx: FactContext, cue: re.Pattern[str] = CUE, rows=None) -> list[Found]:
    """The sector facts of a document; ``cue`` and ``rows`` are a language's cooperation cue and
    sector lexicon (by default the Russian ones; dyad.lang.en.facts_sectors passes the English)."""
    out = []
    for sent in ctx.analysis.sentences:
        if not cue.search(sent.text):
            continue
        hits = find_sectors(sent.text, rows)
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
