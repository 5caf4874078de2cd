"""`dyad explain PATH`: why each event was (or was not) coded.

For every sentence with a trigger it prints the sentence, then one block per trigger: the trigger
and its lexicon entry, the rule that fired or the reason it was rejected, the argument tokens and
the actors chosen, the date, modality and place:

    [0] Встреча Си Цзиньпина с Ильхамом Алиевым прошла в субботу в Шанхае.
      + Встреча  ru.040.01 040 between  ->  043 CONSULT  CHNGOV(Си Цзиньпин) -> AZEGOV(Ильхам Алиев)
          rule trigger:ru.040.01+args:nmod+host  conf 0.85
          source tokens Си  target tokens Ильхамом
          date 2025-08-30/day (date.weekday: "в субботу")  modality -  place Шанхай (CHN)
    [1] Значение этой встречи для Баку трудно переоценить.
      - встречи  ru.040.01 040 between  rejected: noun in a descriptive frame (nmod of 'Значение')
"""
from __future__ import annotations

from typing import Iterable

from ..types import ActorRef, Document, Record
from .events import Decision


def _actor(a: ActorRef) -> str:
    tag = a.code or a.country or a.id
    return f"{tag}({a.name})"


def _tokens(view_tokens, idx: Iterable[int]) -> str:
    return ",".join(view_tokens[i].text for i in idx) or "-"


def explain_decisions(doc: Document, analysis, decisions: list[Decision]) -> str:
    lines: list[str] = []
    by_sentence: dict[int, list[Decision]] = {}
    for d in decisions:
        by_sentence.setdefault(d.sentence, []).append(d)
    for k, ds in by_sentence.items():
        sent = analysis.sentences[k]
        lines.append(f"[{k}] {sent.text}")
        for d in ds:
            t = d.match.trigger
            head = f"{d.trigger_text}  {t.id} {t.cameo} {t.args}"
            if d.event is None:
                lines.append(f"  - {head}  {d.reason}")
                if d.args is not None and (d.args.sources or d.args.targets):
                    lines.append(f"      args {', '.join(map(_actor, d.args.sources)) or '-'} -> "
                                 f"{', '.join(map(_actor, d.args.targets)) or '-'}")
                continue
            e = d.event
            plover = e.plover.type if e.plover else "-"
            ctx = f"/{e.plover.context}" if e.plover and e.plover.context else ""
            lines.append(f"  + {head}  ->  {e.cameo} {plover}{ctx}  "
                         f"{', '.join(map(_actor, e.sources))} -> {', '.join(map(_actor, e.targets)) or '-'}")
            lines.append(f"      rule {e.rule}  conf {e.confidence}")
            if d.args is not None:
                toks = sent.tokens
                lines.append(f"      source tokens {_tokens(toks, d.args.source_tokens)}  "
                             f"target tokens {_tokens(toks, d.args.target_tokens)}")
            when = f"{e.date}/{e.date_precision}" if e.date else "none"
            if d.date is not None:
                when += f" ({d.date.rule}: \"{analysis.text[d.date.start:d.date.end]}\")"
            mod = e.modality or "-"
            if d.modality is not None and d.modality.cue:
                mod += f" (cue {d.modality.cue!r})"
            place = f"{e.location.name} ({e.location.country})" if e.location else "-"
            neg = "  NEGATED" if e.negated else ""
            lines.append(f"      date {when}  modality {mod}  place {place}{neg}")
    return "\n".join(lines)


def explain_actors(mentions, trace) -> list[str]:
    """Each mention with the rule that resolved it, its confidence and warnings; then the
    candidates the resolver weighed: aliases set aside and how each title was read."""
    lines = []
    for m in mentions:
        if m.actor is None:
            continue
        warn = "  " + "; ".join(m.warnings) if m.warnings else ""
        lines.append(f"  {m.start}-{m.end} {m.text!r} {m.type} -> {_actor(m.actor)}  "
                     f"{m.rule} conf {m.confidence}{warn}")
    for d in sorted(trace, key=lambda d: d.start):
        lines.append(f"  ? {d.start}-{d.end} {d.text!r} {d.outcome} {d.actor_id}: {d.why}")
    return lines or ["  (none)"]


def explain_document(doc: Document) -> str:
    """The explanation for one document, followed by the merged events. An undated document is
    dated as the pipeline dates it (:func:`dyad.pipeline.date_document`)."""
    from dataclasses import replace

    from ..lang import detect
    from ..pipeline import analysis_for, date_document, language_of
    from .dedupe import merge_mentions
    doc, warnings = date_document(replace(doc, lang=doc.lang or detect(doc.text)))
    language = language_of(doc)
    analysis = analysis_for(doc)
    trace: list = []
    mentions = language.resolve_mentions(analysis, doc.date, doc.date_precision, trace)
    decisions = language.decide(doc, analysis, mentions)
    when = doc.date or "-"
    if doc.date_source != "given":
        when += f" ({doc.date_source}{', ' + doc.date_precision if doc.date_precision else ''})"
    out = [f"# {doc.id}  date {when}  ({len(decisions)} trigger matches)"]
    out += [f"# {w}" for w in warnings]
    out.append(explain_decisions(doc, analysis, decisions))
    events = merge_mentions([d.event for d in decisions if d.event])
    out.append(f"# {len(events)} events after merging repeated tellings")
    for e in events:
        extra = f"  (+{len(e.mentions)} mentions)" if e.mentions else ""
        out.append(f"  {e.id} {e.date or '-'} {e.cameo} {'+'.join(_actor(a) for a in e.sources)} -> "
                   f"{'+'.join(_actor(a) for a in e.targets) or '-'}{extra}")
    out.append("# actors")
    out.extend(explain_actors(mentions, trace))
    from .facts import explain_found
    fact_lines = explain_found(analysis, language.find_facts(doc, analysis, mentions))
    out.append("# facts")
    out.extend(fact_lines or ["  (none)"])
    return "\n".join(out)


def explain_record(record: Record) -> str:
    return explain_document(record.document)
