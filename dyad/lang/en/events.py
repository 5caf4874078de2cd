"""English event coding: triggers from PETRARCH-2's CAMEO verb dictionary (:mod:`.lexicon`),
arguments from spaCy's dependencies, the same :class:`~dyad.types.Event` records as Russian.

Argument rules (docs/events.md, English):

- **source**: the subject (``nsubj``) of the trigger verb, of the verb it is the ``xcomp`` of
  ("plans to visit"), of the first verb of a coordination ("met and signed"), or the noun a
  relative clause or participle hangs on; in the passive, the ``agent`` ("by"); for a nominal
  trigger its possessor or adjective ("China's sanctions", "Russian strikes"), the object of "by",
  or the subject of the light verb it is the object of ("held talks with").
- **target**: where the pattern puts it (``dobj``, or the object of its preposition: "ties
  *with* +"), else the direct object, the dative, or the object of with/to/against/on/for/at;
  in the passive, the passive subject ("was arrested"); "between X and Y" makes X the source
  and Y the target.
- coordinated actors are expanded ("Russia and China" -> both); a reported event is read inside
  its own clause ("X said Y attacked Z" codes Y -> Z, and the bare statement of X is dropped
  when its content is coded).
- an event with one side unknown is kept, less sure (``+nosource``/``+notarget``, at most
  :data:`~dyad.code.events.ONE_SIDED`); two sides that are one actor are rejected.
- negation and modality from :mod:`.modality`; the date from :mod:`.dates` on the article date
  (else the article's own, ``+date:article``); a place from "in"/"at" + a located mention.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Sequence

from ...code import codebook
from ...code.arguments import Arguments
from ...code.sides import STATE_SECTORS, same_side
from ...code.dedupe import DATE_BY_ARTICLE
from ...code.events import (INTENT_CODES, ONE_SIDED, UNDIRECTED_ROOTS, Decision, _code_info, _host,
                            _intent_code)
from ...types import ActorRef, Document, Event, Location, Mention, Plover, Span
from ..types import Analysis, Modality, Token
from .arguments import (MUTUAL_ROOTS, MUTUAL_VERBS, PREPOSITIONAL, View, actors, clause, conjuncts,
                        names_side, noun_arguments, prep_objects, reciprocal, topic, unplaced_organ,
                        verb_arguments)
from .frames import (clause_targets, drop_adjuncts, drop_contents, drop_governing, drop_purposes,
                     refine_by_complement,
                     drop_side_clauses, drop_statements, fold_clauses)
from .modality import modality_of

CODER_ID = "code.events.en.v1"
HISTORICAL_DAYS = 180
ECONOMIC = {"economic", "economy", "trade", "investment", "energy", "business", "oil", "gas",
            "financial", "finance", "loan", "market", "export", "import", "industry", "tariff"}
MILITARY = {"military", "defense", "defence", "army", "troops", "weapon", "arms", "security",
            "missile", "drill", "exercise", "navy"}
BASE_CONFIDENCE = 0.9
VIA_PREP = 0.8


@dataclass(frozen=True, slots=True)
class EnTriggerInfo:
    """What ``dyad explain`` prints of a trigger (the Russian Trigger's id, cameo and args)."""
    id: str
    cameo: str
    args: str
    pos: str
    pattern: str
    context: str | None = None


@dataclass(frozen=True, slots=True)
class EnMatch:
    """A lexicon match in the shape the shared :class:`Decision` carries."""
    trigger: EnTriggerInfo
    index_start: int
    index_end: int
    token_indices: tuple[int, ...]
    head: int

def _dates(tokens: Sequence[Token], day: str | None, future: bool, precision: str):
    try:
        from .dates import find_dates
    except ImportError:          # the date module is optional while it is being built
        return []
    return find_dates(tokens, day, future=future, precision=precision)


def _pick_date(view: View, dates, head: int):
    if not dates:
        return None
    reach = clause(view, head)
    if view.tokens[head].pos == "NOUN" and view.tokens[head].head >= 0:
        reach |= clause(view, view.tokens[head].head)
    attached = [d for d in dates if any(i in reach for i in range(d.first, d.last + 1))]
    if not attached:
        return None
    return min(attached, key=lambda d: min(abs(d.first - head), abs(d.last - head)))


def _location(view: View, anchors: Sequence[int]) -> Location | None:
    for a in anchors:
        for p in prep_objects(view, [a], ("in", "at")):
            for k in conjuncts(view, p)[:1]:
                mention = view.mention_of.get(k)
                ref = mention.actor if mention else None
                if ref is not None and ref.kind == "place":
                    return Location(ref.name, ref.country, ref.lat, ref.lon, ref.geonames_id)
    return None


def _context(plover: Plover | None, lemmas: set[str], actors: Sequence[ActorRef]) -> Plover | None:
    if plover is None:
        return None
    if any((a.code or "").endswith("BUS") for a in actors) or lemmas & ECONOMIC:
        return Plover(plover.type, plover.mode, "economic")
    if lemmas & MILITARY:
        return Plover(plover.type, plover.mode, "military")
    return plover


def _historical(date, article: str | None) -> bool:
    if date is None or not article:
        return False
    return (dt.date.fromisoformat(article) - date.period_end()).days > HISTORICAL_DAYS


# --- decisions ------------------------------------------------------------------------------------

COPULAS = {"be", "remain", "seem", "become", "go", "look", "appear"}


def _subject_may_act(view: View, head: int, trig) -> bool:
    """An active verb whose subject is a common noun naming no actor has no unknown doer: the
    subject is known and is none ("an earthquake struck", "questions should be addressed")."""
    if trig.pos != "VERB" or view.kids(head, "nsubjpass", "auxpass"):
        return True
    subj = view.kids(head, "nsubj")
    return not (subj and view.tokens[subj[0]].pos == "NOUN")
# nouns that talk about an act rather than report it: "the prospects for a deal", "the history of
# cooperation", "the importance of the visit"
ABOUT_NOUNS = {"prospect", "history", "importance", "significance", "possibility", "chance", "hope",
               "future", "idea", "question", "issue", "topic", "value", "role", "result", "outcome",
               "anniversary", "memory", "lesson", "record", "level", "scale", "part", "kind", "sort",
               # circumstances: "on the sidelines of the summit", "on the eve of the visit"
               "sideline", "margin", "eve", "course", "framework", "occasion", "run-up", "wake"}


def _descriptive(view: View, head: int) -> bool:
    """A nominal trigger that describes rather than reports: the subject of a copula ("the summit
    was the largest", "cooperation goes back decades") or the object of a noun about it."""
    tok = view.tokens[head]
    up = tok.head
    if up < 0:
        return False
    if tok.rel == "nsubj" and view.tokens[up].lemma in COPULAS:
        return True
    if tok.rel == "pobj":
        noun = view.tokens[up].head
        if noun >= 0 and view.tokens[noun].pos == "NOUN" and view.tokens[noun].lemma in ABOUT_NOUNS:
            return True
    return False


# what one welcomes that is an act, not a guest ("welcomed Thailand's decision"): praise (051)
WELCOMED_ACTS = {"decision", "move", "step", "plan", "proposal", "agreement", "deal", "announcement",
                 "initiative", "statement", "effort", "release", "resumption", "return", "news", "offer",
                 "outcome", "result", "progress", "ceasefire", "truce", "commitment", "pledge", "vote"}


def _decide(doc: Document, k: int, view: View, trig, text: str) -> Decision:
    toks = view.tokens
    words = tuple(sorted(set(trig.words) | {trig.head}))
    match = EnMatch(EnTriggerInfo(trig.rule, trig.cameo, trig.target or "-", trig.pos, trig.pattern),
                    words[0], words[-1] + 1, words, trig.head)
    first, last = toks[trig.head], toks[trig.head]
    span = Span(first.start, last.end)
    ttext = text[span.start:span.end]
    evidence = Span(view.sent.start, view.sent.end)

    def reject(reason: str, args: Arguments | None = None) -> Decision:
        return Decision(k, match, span, ttext, evidence, None, "rejected: " + reason, args)

    head = trig.head
    if trig.pos == "VERB" and toks[head].pos in ("NOUN", "PROPN"):
        return reject("verb trigger on a noun")
    if trig.pos == "VERB" and toks[head].rel == "amod":
        return reject("participle describing a noun")
    if trig.pos == "VERB" and (toks[head].rel == "prep" or toks[head].lemma in PREPOSITIONAL
                               and any(toks[c].rel == "prep" and c == head + 1 for c in view.children[head])
                               and toks[head].feat("VerbForm") == "Ger"):
        return reject("a participle used as a preposition")
    if trig.pos == "NOUN" and _descriptive(view, head):
        return reject("noun in a descriptive frame")
    if trig.pos == "NOUN":
        src_tok, tgt_tok, how = noun_arguments(view, trig)
    else:
        src_tok, tgt_tok, how = verb_arguments(view, trig, words)
    sources, s_toks, s_conf = actors(view, src_tok)
    targets, t_toks, t_conf = actors(view, tgt_tok)
    if not sources and len(targets) > 1 and trig.pos == "NOUN":
        sources, targets = targets[:1], targets[1:]
    targets = [t for t in targets if not any(same_side(t, s) for s in sources)]
    if sources and all(a.kind in ("country", "person") or (a.code or "")[3:] in STATE_SECTORS for a in sources):
        # "deployed troops", "mobilised the army": a state's own organs named without their
        # country are its own, not the other side
        targets = [t for t in targets if not unplaced_organ(t)]
    # "X and Y met", "X and Y postponed their meeting", "signed an agreement", "exchanged
    # prisoners": an act between the coordinated sides, each towards the other
    if len(sources) > 1 and trig.cameo[:2] in MUTUAL_ROOTS and "/dobj" not in how and t_toks \
            and all(topic(view, k) for k in t_toks):
        # "X and Y shared intelligence on the North Korean launch": what it is about is no side
        targets, how = [], how + "+topic"
    if sources and not targets and len(sources) > 1 and (trig.cameo[:2] in MUTUAL_ROOTS or reciprocal(view, head)
                                                         or toks[head].lemma in MUTUAL_VERBS):
        sources, targets = sources[:1], sources[1:]      # the first named is the source, as in Russian
        how += "+mutual"
    if not sources and not _subject_may_act(view, head, trig):
        return reject("its subject is no actor", None)
    confidence = BASE_CONFIDENCE if "/dobj" in how or "nsubjpass" in how or how == "between" else VIA_PREP
    confidence = round(min(confidence, s_conf, t_conf), 2)
    args = Arguments(tuple(sources), tuple(targets), f"args:{how}", confidence, head,
                     source_tokens=tuple(s_toks), target_tokens=tuple(t_toks))
    if not sources and not targets:
        return reject("no source actor", args)
    one_sided = ""
    if not sources:
        one_sided = "+nosource"
    elif not targets and trig.cameo[:2] not in UNDIRECTED_ROOTS:
        one_sided = "+notarget"
    if one_sided:
        args = replace(args, rule=args.rule + one_sided, confidence=round(min(args.confidence, ONE_SIDED), 2))
    mod = modality_of(toks, head)
    precision = doc.date_precision or "day"
    ahead = mod.modality in ("future", "intent") or toks[head].feat("VerbForm") == "Inf"
    date = _pick_date(view, _dates(toks, doc.date, ahead, precision), head)
    if date is not None and mod.modality is None:
        if date.future:
            mod = Modality(mod.negated, "future", "date")
        elif _historical(date, doc.date):
            mod = Modality(mod.negated, "historical", "date")
    dated_by = ""
    if date is not None:
        ev_date, ev_precision = date.date, date.precision
    elif mod.modality is None and doc.date:
        ev_date, ev_precision, dated_by = doc.date, precision, DATE_BY_ARTICLE
    else:
        ev_date, ev_precision = None, None
    code = trig.cameo
    rule = f"trigger:{trig.rule}+{args.rule}{dated_by}"
    if code.startswith("043") and toks[head].lemma == "welcome" and not any(
            names_side(view, o) and toks[o].lemma not in WELCOMED_ACTS for o in view.kids(head, "dobj")):
        # "welcomed Thailand's decision": praise for an act, not a guest received
        code, rule = "051", rule + "+praise"
    location = _location(view, [head] + ([toks[head].head] if toks[head].head >= 0 else []))
    code, src, tgt, how_host = _host(code, args.sources, args.targets, location)
    rule += how_host
    lemmas = {toks[i].lemma for i in view.subtree(head)}
    plover = _context(codebook.plover_for(code), lemmas, src + tgt)
    if mod.modality == "intent" and code[:2] in INTENT_CODES:
        # an offer to mediate is 039, other intended meetings 036
        code, rule = ("039" if code.startswith("045") else _intent_code(code, plover)), rule + "+intent"
        plover = _context(codebook.plover_for(code), lemmas, src + tgt)
    goldstein, quad = _code_info(code)
    event = Event(
        id=f"ev{span.start}", date=ev_date, date_precision=ev_precision, sources=src, targets=tgt,
        cameo=code, goldstein=goldstein, plover=plover, location=location, trigger=span,
        trigger_text=ttext, evidence=evidence, negated=mod.negated, modality=mod.modality, rule=rule,
        confidence=args.confidence, quad_class=quad)
    return Decision(k, match, span, ttext, evidence, event, rule, args, mod, date)


def decide(doc: Document, analysis: Analysis, mentions: Sequence[Mention], match=None) -> list[Decision]:
    """Every trigger decision in the document, in text order; ``match`` (a sentence's triggers)
    is the lexicon's :func:`~dyad.lang.en.lexicon.match_sentence` unless given (``dyad eval
    petrarch`` gives the test verb dictionary's)."""
    if match is None:
        from .lexicon import match_sentence as match
    out: list[Decision] = []
    for k, sent in enumerate(analysis.sentences):
        if not sent.tokens:
            continue
        triggers = match(sent)
        if not triggers:
            continue
        # "imposed sanctions on X": the verb's pattern holds the noun; one trigger, not two
        taken = {w for t in triggers if t.pos == "VERB" for w in t.words if w != t.head}
        triggers = [t for t in triggers if not (t.pos == "NOUN" and t.head in taken)]
        view = View(sent, mentions)
        here = []
        for t in triggers:
            here.append(_decide(doc, k, view, t, analysis.text))
        out.extend(drop_side_clauses(view, clause_targets(view, drop_purposes(view, drop_governing(
            view, refine_by_complement(view, fold_clauses(
                view, drop_contents(view, drop_statements(view, drop_adjuncts(view, here))))))))))
    return out
