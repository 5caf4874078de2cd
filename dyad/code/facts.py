"""Facts: trade figures with periods, memberships and statuses, stances, cooperation sectors.

    extract_facts(doc, analysis, mentions) -> tuple[Fact, ...]

The rules live one module per family, each reading one :class:`FactContext` and returning
:class:`Found` items (a fact and the notes behind it):

    indicators   trade_turnover, export, import, investment, loan, aid, rank
    memberships  membership (status, state, and whether the knowledge base agrees)
    stances      stance (issues, polarity)
    sectors      sector (sectors, from dyad/lang/ru/data/sectors.tsv)

Every fact names its rule (``facts.trade.turnover+period:carried``) and cites its evidence span.
Facts are numbered ``f1, f2, ...`` in the order of their evidence. :func:`explain_facts` gives
the lines ``dyad explain`` prints; :func:`compact` is the one-line form of tests/golden/facts.txt.
See docs/facts.md.
"""
from __future__ import annotations

from dataclasses import replace

from ..types import Fact
from . import indicators, memberships, sectors, stances
from .fact_context import FactContext, Found, fact_sort_key

EXTRACTOR_ID = "code.facts.v1"
FAMILIES = (indicators, memberships, stances, sectors)


def find_facts(doc, analysis, mentions) -> list[Found]:
    """Every fact of a document with its notes, numbered in the order of their evidence."""
    if doc.lang not in (None, "ru") or not analysis.sentences:
        return []
    ctx = FactContext(doc, analysis, tuple(mentions))
    found: list[Found] = []
    for family in FAMILIES:
        found.extend(family.extract(ctx))
    found.sort(key=fact_sort_key)
    return [Found(replace(f.fact, id=f"f{k}"), f.notes) for k, f in enumerate(found, 1)]


def extract_facts(doc, analysis, mentions) -> tuple[Fact, ...]:
    return tuple(f.fact for f in find_facts(doc, analysis, mentions))


def explain_facts(doc, analysis, mentions) -> list[str]:
    """Lines for ``dyad explain``: each fact in compact form, its rule, evidence and decisions."""
    return explain_found(analysis, find_facts(doc, analysis, mentions))


def explain_found(analysis, found) -> list[str]:
    """:func:`explain_facts` of facts found by any language's rules."""
    lines: list[str] = []
    for f in found:
        fact = f.fact
        ev = analysis.text[fact.evidence.start:fact.evidence.end]
        lines.append(f"  + {fact.id} {compact(fact)}")
        lines.append(f"      rule {fact.rule}  evidence [{fact.evidence.start}:{fact.evidence.end}]"
                     f" «{_short(ev)}»")
        lines.extend(f"      {note}" for note in f.notes)
    return lines


def _short(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def number(value: float) -> str:
    """2.5e9 -> '2.5e9', 53.3e6 -> '5.33e7', 26.7 -> '26.7', 0.333333 -> '0.333333'."""
    if value == 0:
        return "0"
    if abs(value) >= 1e5:
        mantissa, exp = f"{value:.6e}".split("e")
        mantissa = mantissa.rstrip("0").rstrip(".")
        return f"{mantissa}e{int(exp)}"
    return f"{value:.6g}"


def compact(fact: Fact) -> str:
    """One line: ``kind SUBJ>OBJ period comparator+value unit change [attrs]``.

    ``trade_turnover AZE>CHN 2025-01-01..2025-07-31 =2.5e9 USD +26.7%/2024-01-01..2024-07-31``
    ``membership AZE>SCO status=dialogue_partner state=held kb=agrees``"""
    parts = [fact.kind, f"{fact.subject.id}>{fact.object.id if fact.object else '-'}"]
    if fact.period:
        parts.append(f"{fact.period.start}..{fact.period.end}")
    if fact.value is not None:
        parts.append(f"{fact.comparator}{number(fact.value)}")
        parts.append(fact.unit or "?")
    if fact.change:
        c = fact.change
        text = f"{c.value:+g}%" if c.kind == "percent" else f"x{number(c.value)}"
        if c.baseline:
            text += f"/{c.baseline.start}..{c.baseline.end}"
        parts.append(text)
    for key, value in fact.attributes:
        if key == "kb_holds":
            continue
        if isinstance(value, (tuple, list)):
            value = ",".join(map(str, value))
        elif isinstance(value, float):
            value = number(value)
        parts.append(f"{key}={value}")
    return " ".join(parts)
