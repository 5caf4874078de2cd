"""Text with its annotations as flat segments, for the document page.

Every boundary of every span (mentions, event triggers and evidence, fact evidence) cuts the text;
each resulting segment lists the classes and the record keys of the spans that cover it, so
overlapping spans need no nested markup. The template escapes ``text``.

    >>> [(s.text, s.classes) for s in segments("Баку и Пекин", [{"start": 0, "end": 4, "type": "LOC",
    ...     "actor": {"kind": "country"}}], [], [])]
    [('Баку', 'ent ent-country'), (' и Пекин', '')]
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    classes: str
    refs: str            # space-separated keys into the page's record table: m0 e1 f2


def entity_kind(mention: dict) -> str:
    actor = mention.get("actor") or {}
    return (actor.get("kind") or (mention.get("type") or "other")).lower()


def spans(mentions: list[dict], events: list[dict], facts: list[dict],
          focus: str | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, class, key) for every annotation; ``focus`` (an event or fact id) is marked."""
    out = []
    for i, m in enumerate(mentions):
        out.append((m["start"], m["end"], f"ent ent-{entity_kind(m)}", f"m{i}"))
    for i, e in enumerate(events):
        tr, ev = e.get("trigger") or {}, e.get("evidence") or {}
        if tr.get("end") is not None:
            out.append((tr["start"], tr["end"], "trigger", f"e{i}"))
        if e["id"] == focus and ev.get("end") is not None:
            out.append((ev["start"], ev["end"], "focus", f"e{i}"))
    for i, f in enumerate(facts):
        ev = f.get("evidence") or {}
        if ev.get("end") is not None:
            out.append((ev["start"], ev["end"], "fact", f"f{i}"))
            if f["id"] == focus:
                out.append((ev["start"], ev["end"], "focus", f"f{i}"))
    return out


def segments(text: str, mentions: list[dict], events: list[dict], facts: list[dict],
             focus: str | None = None) -> list[Segment]:
    marks = [(max(0, s), min(len(text), e), c, k) for s, e, c, k in spans(mentions, events, facts, focus)
             if 0 <= s < e]
    cuts = sorted({0, len(text), *(s for s, *_ in marks), *(e for _, e, *_ in marks)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        on = [(c, k) for s, e, c, k in marks if s <= a and b <= e]
        classes = " ".join(dict.fromkeys(c for c, _ in on))
        refs = " ".join(dict.fromkeys(k for _, k in on))
        out.append(Segment(text[a:b], classes, refs))
    return out


def highlight(evidence: dict, trigger: dict) -> tuple[str, str, str]:
    """The evidence sentence cut around its trigger: (before, trigger, after)."""
    text = evidence.get("text") or ""
    start, end = trigger.get("start"), trigger.get("end")
    base = evidence.get("start")
    if text and None not in (start, end, base) and 0 <= start - base <= end - base <= len(text):
        return text[:start - base], text[start - base:end - base], text[end - base:]
    return text, "", ""
