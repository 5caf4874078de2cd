"""A briefing on a pair for a period: `dyad brief A B` and the page /dyad/A/B/brief.

:func:`gather` reads the store's own queries (the pair's summary and timeline, the facts as series,
the events, the attitudes) into a :class:`Brief`; :func:`render` writes it as one self-contained
HTML page (its style inline, no script), which :mod:`dyad.serve.pdf` prints to PDF. Every claim
is followed by its citation: the sentence it came from, the document's title, date and link.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..store import attitudes as QA
from ..store import queries as Q
from .series import change_text, fact_series, value_text
from .words import figure, money, words

KEY_EVENTS = 15            # the events with the strongest Goldstein scores, then by date
EVENTS_READ = 500
TEMPLATE = Path(__file__).resolve().parent / "web" / "templates" / "brief.html"


@dataclass(frozen=True, slots=True)
class Citation:
    sentence: str
    title: str | None
    date: str | None
    url: str | None
    document: str              # the document's id (its page on the dashboard: /document/ID)


@dataclass(frozen=True, slots=True)
class Claim:
    section: str               # series | event | fact | attitude
    date: str
    text: str
    citation: Citation
    tone: str = ""             # coop | conflict | pos | neg


@dataclass(frozen=True, slots=True)
class Brief:
    a: str
    b: str
    name_a: str
    name_b: str
    start: str | None
    end: str | None
    made: str
    summary: dict
    months: tuple[dict, ...]
    series: tuple[Claim, ...] = ()
    events: tuple[Claim, ...] = ()
    facts: tuple[Claim, ...] = ()
    attitudes: tuple[Claim, ...] = ()
    headline: tuple[str, ...] = field(default=())

    @property
    def claims(self) -> tuple[Claim, ...]:
        return self.series + self.events + self.facts + self.attitudes


def _is_country(x: str) -> bool:
    return len(x) == 3 and x.isalpha() and x.isupper()


def _citation(item: dict, sentence: str | None) -> Citation:
    doc = item.get("document") or {}
    return Citation(sentence=(sentence or "").strip(), title=doc.get("title") or doc.get("heading"),
                    date=doc.get("date"), url=doc.get("url"), document=str(doc.get("id") or ""))


def _event_claim(e: dict, names: dict) -> Claim:
    def side(refs):
        return ", ".join(names.get(r.get("id"), r.get("name") or r.get("id")) for r in refs) or "?"
    what = e.get("cameo_name") or e.get("cameo") or "event"
    plover = (e.get("plover") or {}).get("type")
    gold = e.get("goldstein")
    text = (f"{side(e.get('sources') or [])} → {side(e.get('targets') or [])}: {what} (CAMEO {e.get('cameo')}"
            f"{', ' + plover if plover else ''}{f', Goldstein {gold:+g}' if gold is not None else ''})")
    tone = "conflict" if (e.get("quad_class") or 0) >= 3 else "coop"
    return Claim("event", e.get("date") or "", text, _citation(e, (e.get("evidence") or {}).get("text")), tone)


def _period(start: str | None, end: str | None) -> str:
    if not start:
        return "period not stated"
    if start[:4] == (end or "")[:4] and start.endswith("-01-01") and (end or "").endswith("-12-31"):
        return start[:4]
    return f"{start}..{end}"


def _in_range(start: str | None, end: str | None, lo: str | None, hi: str | None) -> bool:
    """A fact's period (else its document's date) overlaps lo..hi."""
    return not ((hi and start and start > hi) or (lo and end and end < lo))


def _series_claims(engine, a: str, b: str, start: str | None, end: str | None, names: dict) -> list[Claim]:
    out = []
    for r in fact_series(engine, a, b):
        if r.kind not in Q.TRADE_KINDS or r.value is None:
            continue
        if not _in_range(r.start or r.document_date, r.end or r.document_date, start, end):
            continue
        who = names.get(r.subject, r.subject) + (f" → {names.get(r.object, r.object)}" if r.object else "")
        change = change_text(r.change)
        said = figure({"value": r.value, "unit": r.unit, "comparator": r.comparator})
        text = f"{words(r.kind)}, {who}, {_period(r.start, r.end)}: {said}{f' ({change})' if change else ''}"
        title, url = _doc_info(engine, r.document_id)
        out.append(Claim("series", r.start or r.document_date or "", text,
                         Citation(r.evidence.strip(), title, r.document_date, url, r.document_id)))
    return out


def _doc_info(engine, doc_id: str) -> tuple[str | None, str | None]:
    """A document's title (else its first line, as the pages list it) and URL."""
    from sqlalchemy import func, select
    from ..store import schema as t
    from ..store.filters import heading
    d = t.documents
    with engine.connect() as conn:
        row = conn.execute(select(d.c.title, func.substr(d.c.text, 1, 240), d.c.url).where(d.c.id == doc_id)).first()
    return (heading(row[0], row[1]), row[2]) if row else (None, None)


def _fact_claims(engine, a: str, b: str, start, end, names: dict) -> list[Claim]:
    items = Q.facts(engine, Q.FactFilter(pair=(a, b), start=start, end=end), limit=Q.PAGE_MAX)["items"]
    out = []
    for f in items:
        if f["kind"] in Q.TRADE_KINDS and f.get("value") is not None:
            continue                    # in the series
        subject, obj = f.get("subject") or {}, f.get("object") or {}
        who = names.get(subject.get("id"), subject.get("name") or subject.get("id"))
        if obj:
            who += f" → {names.get(obj.get('id'), obj.get('name') or obj.get('id'))}"
        attrs = "; ".join(f"{words(k)} {', '.join(map(words, v)) if isinstance(v, list) else words(v)}"
                          for k, v in (f.get("attributes") or {}).items() if k != "kb_holds")
        detail = figure(f) or attrs
        period = f.get("period") or {}
        out.append(Claim("fact", period.get("start") or (f.get("document") or {}).get("date") or "",
                         f"{words(f['kind'])}, {who}{': ' + detail if detail else ''}",
                         _citation(f, (f.get("evidence") or {}).get("text"))))
    return sorted(out, key=lambda c: c.date)


def _attitude_claims(engine, a: str, b: str, start, end, names: dict) -> list[Claim]:
    items = QA.attitudes(engine, Q.AttitudeFilter(pair=(a, b), start=start, end=end), limit=40)["items"]
    out = []
    for x in items:
        src, tgt = x.get("source") or {}, x.get("target") or {}
        sentence = next((e.get("text") for e in x.get("evidence") or [] if e.get("text")), "")
        polarity = "for" if x.get("polarity") == "pos" else "against"
        text = (f"{names.get(src.get('id'), src.get('name') or src.get('id'))} {polarity} "
                f"{names.get(tgt.get('id'), tgt.get('name') or tgt.get('id'))} (score {x.get('score') or 0:.2f})")
        out.append(Claim("attitude", x.get("date") or "", text, _citation(x, sentence), x.get("polarity") or ""))
    return sorted(out, key=lambda c: c.date)


def _headline(summary: dict, series: list[Claim], name_a: str, name_b: str) -> tuple[str, ...]:
    lines = []
    n = summary.get("events") or 0
    span = f", {summary['first_month']} to {summary['last_month']}" if summary.get("first_month") else ""
    lines.append(f"{n} events between {name_a} and {name_b}{span}.")
    quads = summary.get("by_quad") or {}
    coop = int(quads.get("1", 0)) + int(quads.get("2", 0))
    conflict = int(quads.get("3", 0)) + int(quads.get("4", 0))
    gold = summary.get("goldstein")
    lines.append(f"Cooperation {coop}, conflict {conflict}; mean Goldstein "
                 f"{'%+.2f' % gold if gold is not None else 'not available'}.")
    top = [t for t in summary.get("top_event_types") or [] if t.get("cameo")][:3]
    if top:
        lines.append("Most frequent: " + ", ".join(f"{t['name'] or t['cameo']} ({t['events']})" for t in top) + ".")
    facts = summary.get("facts") or {}
    if facts:
        lines.append("Facts: " + ", ".join(f"{words(k)} {v}" for k, v in sorted(facts.items())) + ".")
    if series:
        turnover = [c for c in series if c.text.startswith(words("trade_turnover"))]
        latest = max(turnover or series, key=lambda c: c.date)
        lines.append(f"Latest figure: {latest.text}.")
    return tuple(lines)


def gather(engine, a: str, b: str, start: str | None = None, end: str | None = None) -> Brief:
    """Everything the briefing says about ``a``-``b`` between ``start`` and ``end`` (inclusive)."""
    names = Q.actor_names(engine, (a, b))
    f = (Q.EventFilter(pair=(a, b), start=start, end=end) if _is_country(a) and _is_country(b)
         else Q.EventFilter(actors=(a, b), start=start, end=end))
    events = Q.events(engine, f, limit=EVENTS_READ)["items"]
    summary = Q.pair_summary(engine, f) if f.pair else _summary_of(events)
    months = Q.pair_timeline(engine, f)["months"] if f.pair else []
    ref_names = {r.get("id"): r.get("name") for e in events for r in (e.get("sources") or []) + (e.get("targets") or [])}
    ref_names.update(names)
    key = sorted(events, key=lambda e: (-abs(e.get("goldstein") or 0.0), -(e.get("confidence") or 0.0),
                                         e.get("id")))[:KEY_EVENTS]
    event_claims = sorted((_event_claim(e, ref_names) for e in key), key=lambda c: (c.date, c.text))
    series = _series_claims(engine, a, b, start, end, ref_names)
    name_a, name_b = names.get(a, a), names.get(b, b)
    return Brief(a=a, b=b, name_a=name_a, name_b=name_b, start=start, end=end,
                 made=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), summary=summary,
                 months=tuple(months), series=tuple(series), events=tuple(event_claims),
                 facts=tuple(_fact_claims(engine, a, b, start, end, ref_names)),
                 attitudes=tuple(_attitude_claims(engine, a, b, start, end, ref_names)),
                 headline=_headline(summary, series, name_a, name_b))


def _summary_of(events: list[dict]) -> dict:
    """The summary's shape for a pair that is not two countries (read from its events)."""
    golds = [e["goldstein"] for e in events if e.get("goldstein") is not None]
    quads = {str(k): sum(1 for e in events if e.get("quad_class") == k) for k in Q.QUAD_CLASSES}
    months = sorted((e.get("date") or "")[:7] for e in events if e.get("date"))
    return {"events": len(events), "by_quad": quads, "goldstein": round(sum(golds) / len(golds), 3) if golds else None,
            "first_month": months[0] if months else None, "last_month": months[-1] if months else None,
            "top_event_types": [], "facts": {}}


def bars(months: tuple[dict, ...], width: int = 680, height: int = 160) -> str:
    """The timeline as an SVG: cooperation (quad classes 1-2) above the axis, conflict (3-4) below."""
    if not months:
        return ""
    coop = [m["by_quad"].get("1", 0) + m["by_quad"].get("2", 0) for m in months]
    conf = [m["by_quad"].get("3", 0) + m["by_quad"].get("4", 0) for m in months]
    top = max(coop + conf + [1])
    step = width / len(months)
    mid = height / 2
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + 18}" role="img" '
             f'aria-label="cooperation and conflict by month">',
             f'<line x1="0" y1="{mid}" x2="{width}" y2="{mid}" stroke="#999" stroke-width="0.5"/>']
    for i, m in enumerate(months):
        x = i * step + step * 0.15
        w = min(max(step * 0.7, 1), 40)
        hc, hk = mid * coop[i] / top, mid * conf[i] / top
        if hc:
            parts.append(f'<rect x="{x:.1f}" y="{mid - hc:.1f}" width="{w:.1f}" height="{hc:.1f}" fill="#2b7bb9"/>')
        if hk:
            parts.append(f'<rect x="{x:.1f}" y="{mid:.1f}" width="{w:.1f}" height="{hk:.1f}" fill="#c0392b"/>')
    for i in sorted({0, len(months) - 1}):
        anchor = "start" if i == 0 else "end"
        x = 0 if i == 0 else width
        parts.append(f'<text x="{x}" y="{height + 14}" font-size="10" text-anchor="{anchor}">{months[i]["month"]}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render(brief: Brief, dashboard: bool = False) -> str:
    """The briefing as one HTML page; ``dashboard``: with links back into the dashboard."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from .ids import segment, web_link
    env = Environment(loader=FileSystemLoader(TEMPLATE.parent), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["segment"] = segment
    return env.get_template(TEMPLATE.name).render(
        brief=brief, svg=bars(brief.months), dashboard=dashboard, web_link=web_link, money=money,
        quad_classes=Q.QUAD_CLASSES, value_text=value_text)
