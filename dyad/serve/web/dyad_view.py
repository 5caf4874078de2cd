"""The dyad page's filters, figures and labels: what /dyad/A/B shows under ``?start=&end=&cameo=
&plover=&direction=&min_confidence=`` (kept in the URL, so a filtered page can be linked).

The filters are the API's (dyad.serve.checks): an unknown CAMEO code or PLOVER type, or a start
after the end, answers 422; an unknown side 404. Trade figures are charted apart as flows (trade
turnover, exports, imports: an amount per period) and stocks (investment, loans, aid: totals as
reported), never on one axis.
"""
from __future__ import annotations

from functools import cache
from urllib.parse import urlencode

from ...store import queries as Q
from ..checks import in_order, known_codes
from ..words import words

DIRECTIONS = ("both", "ab", "ba")
FLOW_KINDS = ("trade_turnover", "export", "import")
STOCK_KINDS = ("investment", "loan", "aid")


@cache
def cameo_roots() -> tuple[tuple[str, str], ...]:
    from ...code.codebook import cameo_codes
    return tuple((c.code, c.name.capitalize()) for c in cameo_codes() if len(c.code) == 2)


@cache
def plover_options() -> tuple[tuple[str, str], ...]:
    from ...code.codebook import plover_types
    return tuple((p.type, p.definition) for p in plover_types())


def pair_filter(a: str, b: str, start: str | None, end: str | None, cameo: list[str], plover: list[str],
                direction: str, min_confidence: float) -> Q.EventFilter:
    known_codes(cameo, plover)
    in_order(start, end)
    pair, directed = ((b, a), True) if direction == "ba" else ((a, b), direction == "ab")
    return Q.EventFilter(pair=pair, start=start, end=end, cameo=tuple(cameo), plover_type=tuple(plover),
                         min_confidence=min_confidence, directed=directed)


def query(params: dict, **changes) -> str:
    """The page's query string with ``changes`` (None removes a parameter); empty values left out."""
    merged = {**params, **changes}
    pairs = [(k, v) for k, vs in merged.items() for v in (vs if isinstance(vs, (list, tuple)) else [vs])
             if v not in (None, "", 0, 0.0, "both")]
    return ("?" + urlencode(pairs)) if pairs else ""


def series(trade: list[dict], period) -> dict[str, list[dict]]:
    """The figures to chart, flows and stocks apart: kind, its words, period label, value, unit,
    comparator (> < ~ kept), the sides' names, the document."""
    out: dict[str, list[dict]] = {"flows": [], "stocks": []}
    for f in sorted(trade, key=lambda f: (period(f), f["kind"])):
        side = "flows" if f["kind"] in FLOW_KINDS else "stocks"
        subject, obj = f.get("subject") or {}, f.get("object") or {}
        out[side].append({"kind": f["kind"], "label": words(f["kind"]), "period": period(f), "value": f["value"],
                          "unit": f.get("unit"), "comparator": f.get("comparator") or "=",
                          "subject": subject.get("name") or subject.get("id"),
                          "object": obj.get("name") or obj.get("id"), "document": f["document"]["id"]})
    return out
