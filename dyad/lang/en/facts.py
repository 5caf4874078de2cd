"""English facts: trade figures with periods, memberships and statuses, stances, sectors.

    extract_facts(doc, analysis, mentions) -> tuple[Fact, ...]
    find_facts(doc, analysis, mentions) -> list[Found]     # with the notes `dyad explain` prints

The English counterpart of :mod:`dyad.code.facts`, with the same record contract, rule names and
compact form (:func:`dyad.code.facts.compact`); the analysis is :func:`dyad.lang.en.nlp.analyse`'s,
the mentions the English resolver's (types LOC, ORG, ADJ, TITLE ...). The families, each reading
one :class:`EnglishContext`:

    facts_trade    trade_turnover, export, import, investment, loan, aid, rank
    facts_status   membership (status, state, kb), stance (issues, polarity)
    facts_sectors  sector (dyad/lang/en/data/sectors.tsv)

Facts are numbered ``f1, f2, ...`` in the order of their evidence.
"""
from __future__ import annotations

from dataclasses import replace

from ...code.fact_context import Found, fact_sort_key
from ...types import Fact
from . import facts_sectors, facts_status, facts_trade
from .facts_context import EnglishContext

EXTRACTOR_ID = "code.facts.en.v1"
FAMILIES = (facts_trade.extract, facts_status.memberships, facts_status.stances,
            facts_sectors.extract)


def find_facts(doc, analysis, mentions) -> list[Found]:
    """Every fact of an English document with its notes, numbered in the order of their evidence."""
    if doc.lang not in (None, "en") or not analysis.sentences:
        return []
    ctx = EnglishContext(doc, analysis, tuple(mentions))
    found: list[Found] = []
    for family in FAMILIES:
        found.extend(family(ctx))
    found.sort(key=fact_sort_key)
    return [Found(replace(f.fact, id=f"f{k}"), f.notes) for k, f in enumerate(found, 1)]


def extract_facts(doc, analysis, mentions) -> tuple[Fact, ...]:
    return tuple(f.fact for f in find_facts(doc, analysis, mentions))
