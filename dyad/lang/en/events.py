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
from ...code.arguments import STATE_SECTORS, Arguments, actor_key, country_ref, same_side, sector_actor
from ...code.dedupe import DATE_BY_ARTICLE
from ...code.events import (INTENT_CODES, ONE_SIDED, UNDIRECTED_ROOTS, Decision, _code_info, _host,
                            _intent_code)
from ...types import ActorRef, Document, Event, Location, Mention, Plover, Span
from ..types import Analysis, Modality, Sentence, Token
from .modality import modality_of

CODER_ID = "code.events.en.v1"
HISTORICAL_DAYS = 180
TARGET_PREPS = ("with", "to", "against", "on", "for", "at", "toward", "towards", "into", "from", "over")
# a nominal trigger whose row names no preposition: only these introduce its other side ("talks
# on Ukraine" are about Ukraine, "talks with Ukraine" are with it)
NOUN_TARGET_PREPS = ("with", "to", "against", "toward", "towards")
# a participle used as a preposition is no event ("according to", "including", "following")
PREPOSITIONAL = {"accord", "include", "follow", "regard", "concern", "consider", "give", "exclude"}
# "called on X to resume", "urged X to": the object is who is to act (object control)
OBJECT_CONTROL = {"call", "urge", "ask", "appeal", "press", "invite", "encourage", "persuade", "push",
                  "order", "tell", "force", "allow", "help", "request", "implore", "advise", "warn"}
LIGHT_VERBS = {"hold", "conduct", "have", "impose", "sign", "pay", "make", "launch", "carry",
               "stage", "announce", "begin", "start", "resume", "continue", "end", "host", "give",
               "extend", "provide", "offer", "express", "issue", "level", "file", "seek"}
ARG_EDGES = {"compound", "amod", "poss", "appos", "nmod", "npadvmod", "det"}
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


class View:
    """A parsed sentence with its mentions: children, subtrees, the mention of each token."""

    def __init__(self, sent: Sentence, mentions: Sequence[Mention]):
        self.sent = sent
        self.tokens = sent.tokens
        n = len(self.tokens)
        self.children: list[list[int]] = [[] for _ in range(n)]
        for i, t in enumerate(self.tokens):
            if 0 <= t.head < n and t.head != i:
                self.children[t.head].append(i)
        self.mention_of: dict[int, Mention] = {}
        for m in mentions:
            if m.actor is None or m.end <= sent.start or m.start >= sent.end:
                continue
            for i, t in enumerate(self.tokens):
                if t.start >= m.start and t.end <= m.end:
                    old = self.mention_of.get(i)
                    if old is None or (old.end - old.start) < (m.end - m.start):
                        self.mention_of[i] = m

    def kids(self, i: int, *rels: str) -> list[int]:
        return [c for c in self.children[i] if not rels or self.tokens[c].rel in rels]

    def subtree(self, i: int) -> set[int]:
        out, todo = set(), [i]
        while todo:
            k = todo.pop()
            if k not in out:
                out.add(k)
                todo.extend(self.children[k])
        return out


# --- the actors of an argument ------------------------------------------------------------

def _conjuncts(view: View, i: int) -> list[int]:
    out, todo = [], [i]
    while todo:
        k = todo.pop(0)
        if k in out:
            continue
        out.append(k)
        todo.extend(view.kids(k, "conj"))
    return out


def _actors_at(view: View, i: int, depth: int = 0) -> list[tuple[ActorRef, int, float]]:
    """The actors a noun phrase headed by token ``i`` names: its own mention, else the mentions
    of its modifiers and their conjuncts ("the Chinese side", "Eriadori and Calenardhon leaders",
    "the government of Azerbaijan", "Moscow's envoy", "an attack by X soldiers")."""
    m = view.mention_of.get(i)
    if m is not None and m.actor is not None:
        if m.actor.country is None and m.actor.kind == "group" and m.actor.code:
            placed = _placed(view, i, m)
            if placed is not None:
                return [placed]
            if any(view.tokens[c].rel == "poss" and view.tokens[c].pos == "PRON" for c in view.children[i]):
                return []          # "mobilised its armed forces": the subject's own, no other side
        out = [(m.actor, i, m.confidence)]
        # "the prime ministers of Serbia and Hungary": the mention holds the first country, the
        # coordinated ones stand beside it
        for c in view.kids(i, "prep"):
            if view.tokens[c].lemma == "of":
                for p in view.kids(c, "pobj"):
                    for k in _conjuncts(view, p)[1:]:
                        other = view.mention_of.get(k)
                        if other is not None and other is not m and other.actor is not None:
                            out.append((other.actor, k, other.confidence))
        return out
    if depth > 2 or view.tokens[i].pos in ("VERB", "AUX"):
        return []
    out: list[tuple[ActorRef, int, float]] = []
    # the name in apposition first ("his counterpart Subrahmanyam Jaishankar"), then adjectives
    # and compounds, then possessors; "his" in "his counterpart" is not the counterpart
    order = {"appos": 0, "compound": 1, "amod": 1, "nmod": 2, "poss": 3}
    kids = sorted(view.children[i], key=lambda c: order.get(view.tokens[c].rel, 4))
    for c in kids:
        rel = view.tokens[c].rel
        if rel == "poss" and view.tokens[c].pos == "PRON" and view.tokens[i].lemma in COUNTERPARTS:
            continue
        if rel in ARG_EDGES:
            for k in _conjuncts(view, c):
                out.extend(_actors_at(view, k, depth + 1))
        elif rel == "prep" and view.tokens[c].lemma in ("of", "by", "from"):
            for p in view.kids(c, "pobj"):
                for k in _conjuncts(view, p):
                    out.extend(_actors_at(view, k, depth + 1))
        if out and rel in ARG_EDGES:
            break                       # the nearest modifier that names an actor
    return out


def _placed(view: View, i: int, m: Mention) -> tuple[ActorRef, int, float] | None:
    """A sector named without its country takes the country its modifiers name: "Russian energy
    companies" (RUSBUS), "police in Moscow" (RUSCOP), "the army of Sudan"."""
    for c in view.children[i]:
        rel, tok = view.tokens[c].rel, view.tokens[c]
        cands = [c] if rel in ("amod", "compound", "poss", "nmod") else (
            view.kids(c, "pobj") if rel == "prep" and tok.lemma in ("in", "of", "from") else [])
        for k in cands:
            other = view.mention_of.get(k)
            ref = other.actor if other else None
            country = ref.country or (ref.id if ref is not None and ref.kind == "country" else None) if ref else None
            if country and ref.kind in ("country", "place", "region"):
                placed = sector_actor(country_ref(country), m.actor.code, m.actor.name)
                placed = replace(placed, rule="args.sector+placed", confidence=min(m.confidence, other.confidence))
                return placed, i, min(m.confidence, other.confidence) + 0.2
    return None


def _actors(view: View, heads: Sequence[int]) -> tuple[list[ActorRef], list[int], float]:
    refs: list[ActorRef] = []
    toks: list[int] = []
    conf = 1.0
    for h in heads:
        for k in _conjuncts(view, h):
            for ref, tok, c in _actors_at(view, k):
                if all(actor_key(ref) != actor_key(r) for r in refs):
                    refs.append(_with(ref, view.mention_of.get(tok)))
                    toks.append(tok)
                    conf = min(conf, c)
    return refs, toks, conf


PEOPLE_SECTORS = {"CVL"}
COUNTERPARTS = {"counterpart", "opposite", "host", "guest", "rival", "partner", "ally", "neighbour",
                "neighbor", "adversary", "foe", "enemy"}     # a country's citizens stand for it ("a Japanese citizen was arrested")


def _side(ref: ActorRef) -> ActorRef:
    """An event's side: a place stands for its country ("visited Kyiv"), a country's citizens
    for the country; everything else as resolved."""
    if ref.kind == "place" and ref.country:
        return replace(country_ref(ref.country), rule=(ref.rule or "kb") + "+place", confidence=ref.confidence)
    code = ref.code or ""
    if ref.country and code[3:] in PEOPLE_SECTORS:
        return replace(country_ref(ref.country), rule=(ref.rule or "kb") + "+people", confidence=ref.confidence)
    return ref


def _with(ref: ActorRef, m: Mention | None) -> ActorRef:
    ref = _side(ref)
    if m is None:
        return ref
    return replace(ref, rule=ref.rule or m.rule, confidence=ref.confidence if ref.confidence is not None
                   else m.confidence)


# --- the slots ------------------------------------------------------------------------------

def _passive(view: View, i: int) -> bool:
    return bool(view.kids(i, "nsubjpass", "auxpass"))


def _subject(view: View, i: int, hops: int = 0) -> list[int]:
    """The subject tokens of verb ``i`` (through control, coordination and relative clauses)."""
    subj = view.kids(i, "nsubj", "csubj")
    if subj or hops > 3:
        return subj
    tok = view.tokens[i]
    if tok.head < 0:
        return []
    if tok.rel in ("xcomp", "conj", "advcl") and view.tokens[tok.head].pos in ("VERB", "AUX", "ADJ"):
        if tok.rel == "advcl" and view.kids(i, "mark"):
            return []           # "after crowds trashed ...": a clause of its own
        up = tok.head
        if tok.rel == "xcomp" and view.tokens[up].lemma in OBJECT_CONTROL:
            controller = view.kids(up, "dobj") or _prep_objects(view, [up], ("on", "upon"))
            if controller:
                return controller
        if _passive(view, up) and tok.rel == "xcomp":
            return view.kids(up, "nsubjpass")
        return _subject(view, up, hops + 1)
    if tok.rel in ("relcl", "acl"):
        return [tok.head]
    if tok.rel in ("acomp",):
        return _subject(view, tok.head, hops + 1)
    return []


def _agent(view: View, i: int) -> list[int]:
    return [p for a in view.kids(i, "agent") for p in view.kids(a, "pobj")]


def _prep_objects(view: View, heads: Sequence[int], preps: Sequence[str]) -> list[int]:
    out = []
    for h in heads:
        for c in view.kids(h, "prep"):
            if view.tokens[c].lemma in preps:
                out.extend(view.kids(c, "pobj"))
    return out


MUTUAL_ROOTS = ("03", "04", "05", "06")
MUTUAL_VERBS = {"exchange", "swap", "trade", "clash", "fight", "agree", "negotiate", "meet", "talk"}


def _reciprocal(view: View, head: int) -> bool:
    """The object is the sides' own ("their meeting") or each other ("accused each other")."""
    for c in view.kids(head, "dobj") + [p for pr in view.kids(head, "prep") for p in view.kids(pr, "pobj")]:
        if any(view.tokens[k].lemma in ("their", "each", "one") and view.tokens[k].rel in ("poss", "det", "nummod")
               for k in view.children[c]) or view.tokens[c].lemma in ("other", "another"):
            return True
    return False


LOCATIVE = ("in", "at", "near", "inside", "outside", "across", "throughout", "during", "within")
# codes whose target may be where the act happens: a visit or a host, force posture and
# withdrawals, violence ("visited Kyiv", "arrived in Jakarta", "strikes in Gaza")
PLACE_TARGETS = ("042", "043", "15", "087", "18", "19", "20")


def _locative(view: View, k: int) -> bool:
    """``k`` is the object of a place preposition ("in Vienna", "at the summit")."""
    head = view.tokens[k].head
    return view.tokens[k].rel == "pobj" and head >= 0 and view.tokens[head].lemma in LOCATIVE


def _is_place(view: View, k: int) -> bool:
    m = view.mention_of.get(k)
    return m is not None and m.actor is not None and (m.actor.kind in ("place", "country", "region")
                                                      or m.rule in ("kb.metonym",))


def _first_after(view: View, head: int, skip: set[int], places: bool = True) -> list[int]:
    """The first token after ``head`` that names an actor, inside the verb's objects and
    prepositional phrases (its subject and the clauses nested in it left out)."""
    reach: set[int] = set()
    for c in view.children[head]:
        if view.tokens[c].rel in ("dobj", "prep", "dative", "attr", "oprd", "prt", "npadvmod") and c > head:
            reach |= {k for k in view.subtree(c)
                      if not any(view.tokens[a].rel in CLAUSE_RELS - {"acl"} for a in _path(view, k, c))}
    for k in sorted(reach):
        if k in skip or k in view.mention_of and k == head:
            continue
        if not places and _locative(view, k):
            continue
        if k in view.mention_of and _actors_at(view, k):
            return [k]
    return []


def _path(view: View, k: int, top: int) -> list[int]:
    """The tokens from ``k`` up to (not including) ``top``."""
    out = []
    while k != top and k >= 0 and len(out) < 40:
        out.append(k)
        k = view.tokens[k].head
    return out


def _verb_arguments(view: View, m, words: Sequence[int]) -> tuple[list[int], list[int], str]:
    """Source and target tokens of a verb trigger, where the lexicon row puts them (``target``:
    a preposition, dobj, nsubj, nsubjpass, conj or none; ``source``: nsubj, agent or a
    preposition); a row that names no target takes the first actor after the verb, as PETRARCH."""
    head = m.head
    where, whence = m.target, m.source or "nsubj"
    passive = _passive(view, head)
    if whence == "agent" or (passive and whence == "nsubj"):
        source, how = _agent(view, head), "agent"
    elif whence not in ("nsubj", "between", "conj"):
        source, how = _prep_objects(view, list(words), (whence,)), whence
    else:
        source, how = _subject(view, head), "nsubj"
    target: list[int] = []
    if where == "nsubjpass" or (passive and where in (None, "dobj")):
        target = view.kids(head, "nsubjpass")
        how += "/nsubjpass"
    elif where == "nsubj":
        target, source = _subject(view, head), []
        how = "nsubj:target"
    elif where == "conj" or whence in ("conj", "between"):
        sides = _conjuncts(view, source[0]) if source else []
        source, target = sides[:1], sides[1:]
        how += "/conj"
    elif where and where != "dobj":
        target = _prep_objects(view, list(words), (where,))
        how += f"/{where}"
    if not target and where not in ("nsubj", "nsubjpass", "conj") and not passive:
        objects = [t for t in view.kids(head, "dobj", "dative", "attr") if t not in words]
        objects += [c for w in words if w != head for c in view.kids(w, "dobj") if c not in words]
        objects += [w for w in words if w != head]                 # "backed X's bid": the pattern's noun
        objects = [o for o in objects if _actors_at(view, o)]       # "presented credentials to X"
        if objects:
            target, how = objects, how + "/dobj"
        else:
            # "restore ties with X": the object (the pattern's own noun or not) has no actor, the
            # object of its preposition is the target
            nouns = list(words) + view.kids(head, "dobj") + [view.tokens[w].head for w in words
                                                             if w != head and view.tokens[w].rel in ("amod", "compound")]
            target = [t for t in _prep_objects(view, nouns, TARGET_PREPS) if _actors_at(view, t)
                      and (m.cameo.startswith(PLACE_TARGETS) or not (_locative(view, t) and _is_place(view, t)))]
            if target:
                how += "/prep"
            else:
                # PETRARCH's rule: the first actor after the verb in its own phrase ("welcomed a
                # resumption of ties with X", "warned of X"); where it happened is no target
                # ("met in Vienna") but for visits, force posture and violence
                target = _first_after(view, head, set(source), places=m.cameo.startswith(PLACE_TARGETS))
                if target:
                    how += "/after"
    return source, target, how


def _noun_arguments(view: View, m) -> tuple[list[int], list[int], str]:
    head = m.head
    toks = view.tokens
    between = _prep_objects(view, [head], ("between", "among"))
    if between:
        sides = _conjuncts(view, between[0])
        return sides[:1], sides[1:], "between"
    source = view.kids(head, "poss") + [c for c in view.kids(head, "amod", "compound")
                                        if c in view.mention_of]
    source += [p for b in view.kids(head, "prep") if toks[b].lemma == "by" for p in view.kids(b, "pobj")]
    target = _prep_objects(view, [head], (m.target,) if m.target and m.target not in ("dobj", "none")
                           else NOUN_TARGET_PREPS)
    how = "noun"
    tok = toks[head]
    if tok.head >= 0 and toks[tok.head].pos in ("VERB", "AUX"):
        verb = tok.head
        if tok.rel in ("dobj", "nsubjpass") and toks[verb].lemma in LIGHT_VERBS:
            if not source:
                source = _agent(view, verb) if tok.rel == "nsubjpass" else _subject(view, verb)
                how += "+verb"
            if not target:
                target = _prep_objects(view, [verb], (m.target,) if m.target and m.target not in ("dobj", "none")
                                       else NOUN_TARGET_PREPS)
    elif tok.rel == "pobj" and not source:
        # "left for X for meetings with Y": the traveller is the verb's subject
        prep = tok.head
        verb = toks[prep].head if prep >= 0 else -1
        if verb >= 0 and toks[verb].pos in ("VERB", "AUX") and toks[prep].lemma in ("for", "to", "at", "after", "during"):
            source = _subject(view, verb)
            how += "+verb"
    if len(source) > 1 and not target:
        # "Russian-Chinese talks": two adjectives, two sides
        return source[:1], source[1:], how + "+pair"
    return source, target, how


# --- dates and places -------------------------------------------------------------------------

def _dates(tokens: Sequence[Token], day: str | None, future: bool, precision: str):
    try:
        from .dates import find_dates
    except ImportError:          # the date module is optional while it is being built
        return []
    return find_dates(tokens, day, future=future, precision=precision)


CLAUSE_RELS = {"ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "acl", "csubj"}


def _clause(view: View, head: int) -> set[int]:
    """The trigger's own clause: its subtree without the clauses nested in it."""
    out, todo = set(), [head]
    while todo:
        k = todo.pop()
        if k in out:
            continue
        out.add(k)
        todo.extend(c for c in view.children[k] if view.tokens[c].rel not in CLAUSE_RELS)
    return out


def _pick_date(view: View, dates, head: int):
    if not dates:
        return None
    reach = _clause(view, head)
    if view.tokens[head].pos == "NOUN" and view.tokens[head].head >= 0:
        reach |= _clause(view, view.tokens[head].head)
    attached = [d for d in dates if any(i in reach for i in range(d.first, d.last + 1))]
    if not attached:
        return None
    return min(attached, key=lambda d: min(abs(d.first - head), abs(d.last - head)))


def _location(view: View, anchors: Sequence[int]) -> Location | None:
    for a in anchors:
        for p in _prep_objects(view, [a], ("in", "at")):
            for k in _conjuncts(view, p)[:1]:
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
    if trig.pos == "NOUN":
        src_tok, tgt_tok, how = _noun_arguments(view, trig)
    else:
        src_tok, tgt_tok, how = _verb_arguments(view, trig, words)
    sources, s_toks, s_conf = _actors(view, src_tok)
    targets, t_toks, t_conf = _actors(view, tgt_tok)
    if not sources and len(targets) > 1 and trig.pos == "NOUN":
        sources, targets = targets[:1], targets[1:]
    if not sources and trig.pos == "VERB" and toks[head].lemma in ("meet", "talk", "negotiate") and len(s_toks) == 0:
        pass
    # "X and Y met", "X and Y postponed their meeting", "signed an agreement": an act between
    # the coordinated sides, each towards the other
    if sources and not targets and len(sources) > 1 and (trig.cameo[:2] in MUTUAL_ROOTS or _reciprocal(view, head)
                                                         or toks[head].lemma in MUTUAL_VERBS):
        sources, targets = sources[:1], sources[1:]      # the first named is the source, as in Russian
        how += "+mutual"
    targets = [t for t in targets if not any(same_side(t, s) for s in sources)]
    if sources and all(a.kind in ("country", "person") or (a.code or "")[3:] in STATE_SECTORS for a in sources):
        # "deployed troops", "mobilised the army": a state's own organs named without their
        # country are its own, not the other side
        targets = [t for t in targets if not (t.country is None and t.kind == "group" and t.code in STATE_SECTORS)]
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
    date = _pick_date(view, _dates(toks, doc.date, mod.modality == "future", precision), head)
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
    location = _location(view, [head] + ([toks[head].head] if toks[head].head >= 0 else []))
    code, src, tgt, how_host = _host(code, args.sources, args.targets, location)
    rule += how_host
    lemmas = {toks[i].lemma for i in view.subtree(head)}
    plover = _context(codebook.plover_for(code), lemmas, src + tgt)
    if mod.modality == "intent" and code[:2] in INTENT_CODES:
        code, rule = _intent_code(code, plover), rule + "+intent"
        plover = _context(codebook.plover_for(code), lemmas, src + tgt)
    goldstein, quad = _code_info(code)
    event = Event(
        id=f"ev{span.start}", date=ev_date, date_precision=ev_precision, sources=src, targets=tgt,
        cameo=code, goldstein=goldstein, plover=plover, location=location, trigger=span,
        trigger_text=ttext, evidence=evidence, negated=mod.negated, modality=mod.modality, rule=rule,
        confidence=args.confidence, quad_class=quad)
    return Decision(k, match, span, ttext, evidence, event, rule, args, mod, date)


def _drop_adjuncts(view: View, decisions: list[Decision]) -> list[Decision]:
    """A participle clause hanging on the main verb ("..., saying it strictly controls exports",
    "..., warning that the window was closing", "..., discussing energy and trade") repeats or
    explains the main act: no event of its own unless it names another side ("..., killing three
    soldiers")."""
    out = []
    for d in decisions:
        tok = view.tokens[d.match.head]
        if d.event is not None and tok.rel == "advcl" and tok.text.lower().endswith("ing") \
                and not view.kids(d.match.head, "nsubj", "nsubjpass", "mark") \
                and (not d.event.targets or d.event.cameo[:2] == "01"):
            out.append(replace(d, event=None, reason="rejected: a participle clause of the main act"))
            continue
        out.append(d)
    return out


def _drop_statements(view: View, decisions: list[Decision]) -> list[Decision]:
    """A bare statement (CAMEO 01x) whose clause holds another coded event says only that it was
    said: the content is the event ("X said Y attacked Z")."""
    coded = [d for d in decisions if d.event is not None]
    out = []
    for d in decisions:
        if d.event is not None and d.event.cameo[:2] == "01":
            reach = view.subtree(d.match.head)
            if any(o is not d and o.match.head in reach and o.event.cameo[:2] != "01" for o in coded):
                out.append(replace(d, event=None, reason="rejected: statement of a coded content"))
                continue
        out.append(d)
    return out


CONTENT_FRAMES = {"01", "02", "03", "09", "10", "11", "12", "13", "16"}   # acts whose object can be an act
# acts whose clause complement is what they ask, demand, refuse, threaten: the content refines
# their code ("urged X to release" 0253, "threatened to impose sanctions" 1312) and is no event
# of its own (the Russian coder's convention)
CLAUSE_FRAMES = {"02", "10", "11", "12", "13"}
# reporting verbs frame what is reported, whatever code a dictionary gives them: the content is
# the event ("X said Y attacked Z")
SPEECH_VERBS = {"say", "tell", "state", "report", "announce", "add", "note", "write", "claim",
                "declare", "stress", "explain", "confirm", "insist", "argue", "comment"}


def _drop_contents(view: View, decisions: list[Decision]) -> list[Decision]:
    """A nominal event that is the object of another coded act is that act's content, not an
    event of its own: "condemned the Israeli strike on Qatar", "welcomed the talks", "denied the
    attack" (as the Russian coder drops the contents of statements and descriptions)."""
    coded = [d for d in decisions if d.event is not None]
    out = []
    for d in decisions:
        if d.event is not None and d.match.trigger.pos == "NOUN":
            governor = next((o for o in coded if o is not d and o.match.trigger.pos == "VERB"
                             and o.event.cameo[:2] in CONTENT_FRAMES
                             and d.match.head in _object_phrase(view, o.match.head)), None)
            if governor is not None:
                out.append(replace(d, event=None, reason=f"rejected: content of '{governor.trigger_text}'"))
                continue
        out.append(d)
    return out


def _object_phrase(view: View, head: int) -> set[int]:
    out: set[int] = set()
    for c in view.kids(head, "dobj", "prep", "attr", "oprd"):
        out |= view.subtree(c)
    return out


def _fold_clauses(view: View, decisions: list[Decision]) -> list[Decision]:
    """An appeal, demand, refusal or threat and the act it asks for, in its complement clause
    ("urged Russia to release the sailors", "demanded that Pakistan release the fishermen",
    "threatened to impose sanctions"): one event, the frame's, its code refined by the content
    (:func:`dyad.lang.en.content.refine`), its target the content's actor when it has none."""
    out = list(decisions)
    for n, d in enumerate(out):
        if d.event is None or d.event.cameo[:2] not in CLAUSE_FRAMES or d.match.trigger.pos != "VERB" \
                or view.tokens[d.match.head].lemma in SPEECH_VERBS:
            continue
        for m, o in enumerate(out):
            if o is d or o.event is None:
                continue
            tok = view.tokens[o.match.head]
            if tok.head != d.match.head or tok.rel not in ("xcomp", "ccomp"):
                continue
            e = d.event
            content = {view.tokens[i].lemma for i in _clause(view, o.match.head)}
            code = _refine(e.cameo, content) or e.cameo
            targets = e.targets
            if not targets:
                targets = tuple(a for a in o.event.sources + o.event.targets
                                if not any(same_side(a, s) for s in e.sources))[:2]
            if code != e.cameo or targets != e.targets:
                goldstein, quad = _code_info(code)
                e = replace(e, cameo=code, targets=targets, goldstein=goldstein, quad_class=quad,
                            plover=codebook.plover_for(code) or e.plover, rule=e.rule + "+content")
                out[n] = d = replace(d, event=e, reason=e.rule)
            out[m] = replace(o, event=None, reason=f"rejected: content of '{d.trigger_text}'")
    return out


def _refine(code: str, content: set[str]) -> str | None:
    try:
        from .content import refine
    except ImportError:            # the content table is optional while it is being built
        return None
    return refine(code, content)


def _drop_governing(view: View, decisions: list[Decision]) -> list[Decision]:
    """"promised to give Haiti a grant", "plans to visit": the act is coded with its intent
    (modality intent, CAMEO 03); the bare governing verb (030 promise, 036 plan) says no more."""
    coded = [d for d in decisions if d.event is not None]
    out = []
    for d in decisions:
        if d.event is not None and d.event.cameo[:2] == "03" and d.match.trigger.pos == "VERB":
            inner = next((o for o in coded if o is not d and (
                view.tokens[o.match.head].head == d.match.head and view.tokens[o.match.head].rel in ("xcomp", "ccomp")
                or view.tokens[o.match.head].rel == "acl" and o.match.head in _object_phrase(view, d.match.head))),
                None)
            if inner is not None:
                out.append(replace(d, event=None, reason=f"rejected: its content '{inner.trigger_text}' is coded"))
                continue
        out.append(d)
    return out


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
        out.extend(_drop_governing(view, _fold_clauses(view, _drop_contents(view, _drop_statements(
            view, _drop_adjuncts(view, here))))))
    return out
