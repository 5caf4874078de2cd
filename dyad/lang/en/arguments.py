"""The sides of an English trigger, read off spaCy's dependencies (docs/events.md, English):
the source and target tokens of verb and noun triggers, the actors a noun phrase names, places
and citizens standing for their country, sectors placed by their modifiers.

:func:`verb_arguments` and :func:`noun_arguments` give the token slots; :func:`actors` the actors
of those tokens (coordinations expanded).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ...code.sides import STATE_SECTORS, actor_key, country_ref, sector_actor
from ...types import ActorRef, Mention
from ..types import Sentence
from .actors_data import CALENDAR

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

def conjuncts(view: View, i: int) -> list[int]:
    out, todo = [], [i]
    while todo:
        k = todo.pop(0)
        if k in out:
            continue
        out.append(k)
        todo.extend(view.kids(k, "conj"))
    return out


def actors_at(view: View, i: int, depth: int = 0) -> list[tuple[ActorRef, int, float]]:
    """The actors a noun phrase headed by token ``i`` names: its own mention, else the mentions
    of its modifiers and their conjuncts ("the Chinese side", "Eriadori and Calenardhon leaders",
    "the government of Azerbaijan", "Moscow's envoy", "an attack by X soldiers")."""
    m = view.mention_of.get(i)
    if m is not None and m.actor is not None:
        if m.actor.country is None and m.actor.kind == "group" and m.actor.code:
            placed = placed_sector(view, i, m)
            if placed is not None:
                return [placed]
            if any(view.tokens[c].rel == "poss" and view.tokens[c].pos == "PRON" for c in view.children[i]):
                return []          # "mobilised its armed forces": the subject's own, no other side
        if m.actor.kind == "person":
            owner = official_of(view, i, m)
            if owner is not None and (not m.actor.country or owner[0].kind == "igo"):
                return [owner]
        out = [(m.actor, i, m.confidence)]
        # "Indian and French warships": the mention holds the nearest adjective's sector, the
        # adjectives coordinated with it name the same sector of their countries
        if m.actor.code and m.actor.country:
            sector = m.actor.code[3:]
            for a in view.kids(i, "amod"):
                for k in conjuncts(view, a):
                    adj = view.mention_of.get(k)
                    if adj is not None and adj is not m and adj.actor is not None and adj.actor.kind == "country" \
                            and adj.actor.id != m.actor.country:
                        out.append((sector_actor(adj.actor, sector, adj.actor.name) if sector else adj.actor,
                                    k, adj.confidence))
            if len(out) > 1:    # in the order the text names them
                first = min(t.start for t in view.tokens if m.start <= t.start < m.end)
                out.sort(key=lambda x: view.tokens[x[1]].start if x[1] != i else first)
        # "the prime ministers of Serbia and Hungary": the mention holds the first country, the
        # coordinated ones stand beside it
        for c in view.kids(i, "prep"):
            if view.tokens[c].lemma == "of":
                for p in view.kids(c, "pobj"):
                    for k in conjuncts(view, p)[1:]:
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
            for k in conjuncts(view, c):
                out.extend(actors_at(view, k, depth + 1))
        elif rel == "prep" and view.tokens[c].lemma in ("of", "by", "from"):
            for p in view.kids(c, "pobj"):
                for k in conjuncts(view, p):
                    out.extend(actors_at(view, k, depth + 1))
        if out and rel in ARG_EDGES:
            break                       # the nearest modifier that names an actor
    return out


INVITATIONS = {"invitation", "offer", "plan", "decision", "promise", "pledge", "proposal", "bid",
               "agreement", "commitment", "readiness", "intention", "refusal", "request", "call"}
# intents whose possessor is who would act ("Kazakhstan's bid to expand", "Turkey's offer to
# mediate"); an invitation's, request's or call's possessor asks someone else
OWN_INTENTS = {"offer", "plan", "decision", "promise", "pledge", "bid", "commitment", "readiness", "intention",
               "refusal", "attempt", "effort", "threat", "willingness"}
OFFICIAL_WORDS = {"spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "secretary-general",
                  "director", "general", "envoy", "ambassador", "official", "president", "chief", "head",
                  "leader", "commander", "adviser", "advisor", "aide", "representative", "negotiator",
                  "chairman", "chairwoman", "chair", "governor", "mayor", "prosecutor", "diplomat", "deputy"}


def official_of(view: View, i: int, m: Mention) -> tuple[ActorRef, int, float] | None:
    """A person the knowledge base does not know, named with the state or organisation they speak
    for ("Kremlin spokesman Dmitry Peskov", "U.N. Secretary-General X", "X, the IAEA's director
    general"): an organisation's official stands for it, a state's official is a person of it."""
    near = [c for c in view.children[i] if view.tokens[c].rel in ("compound", "amod", "appos", "poss", "nmod")]
    if view.tokens[i].rel == "appos" and view.tokens[i].head >= 0:
        near.append(view.tokens[i].head)
    titled = any(view.tokens[k].lemma in OFFICIAL_WORDS for k in near) or any(
        view.tokens[g].lemma in OFFICIAL_WORDS for k in near for g in view.children[k])
    if not titled:
        return None
    for k in sorted(set(near) | {g for k in near for g in view.children[k]}):
        igo = _igo_word(view.tokens[k].text)
        if igo is not None:            # "U.N. Secretary-General Antonio Guterres": the UN
            conf = round(min(m.confidence, 0.8), 2)
            return replace(igo, rule="kb.alias+official", confidence=conf), k, conf
        other = view.mention_of.get(k)
        ref = other.actor if other is not None and other is not m else None
        if ref is None:
            continue
        conf = round(min(m.confidence, other.confidence, 0.7), 2)
        if ref.kind == "igo":
            return replace(ref, rule=(other.rule or "kb") + "+official", confidence=conf), k, conf
        country = ref.country or (ref.id if ref.kind == "country" else None)
        if country:
            person = replace(m.actor, country=country, code=country + "GOV", rule=(m.rule or "") + "+official",
                             confidence=conf)
            return person, i, conf
    return None


def _igo_word(word: str) -> ActorRef | None:
    """The international organisation a one-word name stands for (U.N., NATO, IAEA), if any."""
    from .actors_data import fold, lexicon
    lex = lexicon()
    for alias in lex.by_first.get(fold(word), ()):
        if len(alias.words) == 1 and lex.kb.actors[alias.actor_id].kind == "igo":
            return lex.kb.ref(alias.actor_id)
    return None


def placed_sector(view: View, i: int, m: Mention) -> tuple[ActorRef, int, float] | None:
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


def actors(view: View, heads: Sequence[int]) -> tuple[list[ActorRef], list[int], float]:
    refs: list[ActorRef] = []
    toks: list[int] = []
    conf = 1.0
    for h in heads:
        for k in conjuncts(view, h):
            for ref, tok, c in actors_at(view, k):
                if all(actor_key(ref) != actor_key(r) for r in refs):
                    refs.append(with_mention(ref, view.mention_of.get(tok)))
                    toks.append(tok)
                    conf = min(conf, c)
    return refs, toks, conf


PEOPLE_SECTORS = {"CVL"}
COUNTERPARTS = {"counterpart", "opposite", "host", "guest", "rival", "partner", "ally", "neighbour",
                "neighbor", "adversary", "foe", "enemy"}     # a country's citizens stand for it ("a Japanese citizen was arrested")


def side(ref: ActorRef) -> ActorRef:
    """An event's side: a place stands for its country ("visited Kyiv"), a country's citizens
    for the country; everything else as resolved."""
    if ref.kind == "place" and ref.country:
        return replace(country_ref(ref.country), rule=(ref.rule or "kb") + "+place", confidence=ref.confidence)
    code = ref.code or ""
    if ref.country and code[3:] in PEOPLE_SECTORS:
        return replace(country_ref(ref.country), rule=(ref.rule or "kb") + "+people", confidence=ref.confidence)
    return ref


def with_mention(ref: ActorRef, m: Mention | None) -> ActorRef:
    ref = side(ref)
    if m is None:
        return ref
    return replace(ref, rule=ref.rule or m.rule, confidence=ref.confidence if ref.confidence is not None
                   else m.confidence)


# --- the slots ------------------------------------------------------------------------------

def is_passive(view: View, i: int) -> bool:
    return bool(view.kids(i, "nsubjpass", "auxpass"))


def subject(view: View, i: int, hops: int = 0) -> list[int]:
    """The subject tokens of verb ``i`` (through control, coordination and relative clauses)."""
    subj = view.kids(i, "nsubj", "csubj")
    if subj and hops <= 3 and _speaker_pronoun(view, i, subj[0]):
        # "Portugal said it would recognise ...": "it" is who said it
        return subject(view, view.tokens[i].head, hops + 1)
    if subj or hops > 3:
        return subj
    # "On Friday Japan condemned ...": spaCy reads "Friday Japan" as one noun phrase in the
    # opening date; the actor in it is the subject
    for p in view.kids(i, "prep"):
        for o in view.kids(p, "pobj"):
            if o < i and o in view.mention_of and any(view.tokens[c].lemma in CALENDAR for c in view.children[o]):
                return [o]
    tok = view.tokens[i]
    if tok.head < 0:
        return []
    if tok.rel in ("xcomp", "conj", "advcl") and view.tokens[tok.head].pos in ("VERB", "AUX", "ADJ"):
        if tok.rel == "advcl" and view.kids(i, "mark"):
            return []           # "after crowds trashed ...": a clause of its own
        up = tok.head
        if tok.rel == "xcomp" and view.tokens[up].lemma in OBJECT_CONTROL:
            controller = view.kids(up, "dobj") or prep_objects(view, [up], ("on", "upon"))
            if controller:
                return controller
        if is_passive(view, up) and tok.rel == "xcomp":
            return view.kids(up, "nsubjpass")
        return subject(view, up, hops + 1)
    if tok.rel in ("relcl", "acl"):
        noun = view.tokens[tok.head]
        owner = [c for c in view.kids(tok.head, "poss") if c in view.mention_of]
        if tok.rel == "acl" and owner and noun.lemma in OWN_INTENTS:
            return owner            # "Kazakhstan's bid to expand the corridor": Kazakhstan's own act
        if tok.rel == "acl" and noun.rel in ("dobj", "pobj") and noun.lemma in INVITATIONS:
            # "accepted an invitation to visit": the visitor is who accepted it
            up = noun.head if noun.rel == "dobj" else view.tokens[noun.head].head
            if up >= 0 and view.tokens[up].pos in ("VERB", "AUX"):
                return subject(view, up, hops + 1)
        return [tok.head]
    if tok.rel in ("acomp",):
        return subject(view, tok.head, hops + 1)
    return []


# verbs of saying whose clause's pronoun subject is the speaker ("X said it would ...")
SAYING = {"say", "announce", "state", "declare", "confirm", "tell", "warn", "insist", "add", "claim", "report"}
SPEAKER_PRONOUNS = {"it", "they", "we", "he", "she"}


def _speaker_pronoun(view: View, i: int, s: int) -> bool:
    """The subject of clause ``i`` is a pronoun no mention resolves and ``i`` is what a verb of
    saying reports."""
    tok, up = view.tokens[i], view.tokens[i].head
    return (view.tokens[s].pos == "PRON" and view.tokens[s].lemma in SPEAKER_PRONOUNS and s not in view.mention_of
            and tok.rel == "ccomp" and up >= 0 and view.tokens[up].lemma in SAYING)


def agent(view: View, i: int) -> list[int]:
    return [p for a in view.kids(i, "agent") for p in view.kids(a, "pobj")]


def prep_objects(view: View, heads: Sequence[int], preps: Sequence[str]) -> list[int]:
    out = []
    for h in heads:
        for c in view.kids(h, "prep"):
            if view.tokens[c].lemma in preps:
                out.extend(view.kids(c, "pobj"))
    return out


MUTUAL_ROOTS = ("03", "04", "05", "06")
MUTUAL_VERBS = {"exchange", "swap", "trade", "clash", "fight", "agree", "negotiate", "meet", "talk"}


def reciprocal(view: View, head: int) -> bool:
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


# where an act is, not whom it is at ("protested outside the embassy" is at the embassy)
WHERE = ("in", "at", "inside", "within", "during")


# "deployed troops to its border with Belarus", "ships in the waters of Taiwan": the country on
# the other side of the line or whose the waters are
BORDER_NOUNS = {"border", "frontier", "boundary", "waters", "airspace", "coast", "shore"}
# coercive and violent acts aimed "at" someone ("fired tear gas at protesters") are aimed at them
AIMED_ROOTS = ("17", "18", "19", "20")


def _beyond_borders(view: View, objects: list[int]) -> list[int]:
    """Prepositional objects, a border noun that names no actor replaced by the object of its
    own "with"/"of" ("its border with Belarus" -> Belarus)."""
    out = []
    for t in objects:
        if view.tokens[t].lemma in BORDER_NOUNS and not actors_at(view, t):
            beyond = prep_objects(view, [t], ("with", "of"))
            if beyond:
                out.extend(beyond)
                continue
        out.append(t)
    return out


def _aimed_at(view: View, k: int) -> bool:
    """"at X" where X is people, not a place ("at protesters", "at the crowd")."""
    head = view.tokens[k].head
    return head >= 0 and view.tokens[head].lemma == "at" and not is_place(view, k)


def locative(view: View, k: int, preps: Sequence[str] = LOCATIVE) -> bool:
    """``k`` is the object of a place preposition ("in Vienna", "at the summit")."""
    head = view.tokens[k].head
    return view.tokens[k].rel == "pobj" and head >= 0 and view.tokens[head].lemma in preps


def is_place(view: View, k: int) -> bool:
    m = view.mention_of.get(k)
    return m is not None and m.actor is not None and (m.actor.kind in ("place", "country", "region")
                                                      or m.rule in ("kb.metonym",))


def first_after(view: View, head: int, skip: set[int], places: bool = True) -> list[int]:
    """The first token after ``head`` that names an actor, inside the verb's objects and
    prepositional phrases (its subject and the clauses nested in it left out)."""
    reach: set[int] = set()
    for c in view.children[head]:
        if view.tokens[c].rel in ("dobj", "prep", "dative", "attr", "oprd", "prt", "npadvmod") and c > head:
            reach |= {k for k in view.subtree(c)
                      if not any(view.tokens[a].rel in CLAUSE_RELS - {"acl"} for a in path(view, k, c))}
    for k in sorted(reach):
        if k in skip or k in view.mention_of and k == head:
            continue
        if not places and any(locative(view, a, WHERE) for a in path(view, k, head)
                              if view.mention_of.get(a) is view.mention_of.get(k)):
            continue                    # "at the White House": the name's head is where
        if k in view.mention_of and actors_at(view, k):
            return [k]
    return []


def path(view: View, k: int, top: int) -> list[int]:
    """The tokens from ``k`` up to (not including) ``top``."""
    out = []
    while k != top and k >= 0 and len(out) < 40:
        out.append(k)
        k = view.tokens[k].head
    return out


# disapproval and rejection are of who did the act the pattern names ("condemned X's attack on Y")
DOER_TARGETS = ("11", "12")
TOPIC_PREPS = ("on", "about", "over", "regarding", "concerning")


def topic(view: View, k: int) -> bool:
    """``k`` is inside the object of a preposition of topic ("on the launch", "about Iran")."""
    return any(view.tokens[a].rel == "pobj" and view.tokens[view.tokens[a].head].lemma in TOPIC_PREPS
               for a in path(view, k, -1) if view.tokens[a].head >= 0)


def names_side(view: View, o: int) -> bool:
    """The phrase names an actor other than a state organ of no country: "shared intelligence with
    Poland", "deployed troops to Haiti" name their other side in the preposition."""
    return any(not unplaced_organ(a) for a, _, _ in actors_at(view, o))


def unplaced_organ(a: ActorRef) -> bool:
    """A state's organ named without its country ("troops", "intelligence"): the acting state's own."""
    return a.country is None and a.kind == "group" and (a.code or "") in STATE_SECTORS


def verb_arguments(view: View, m, words: Sequence[int]) -> tuple[list[int], list[int], str]:
    """Source and target tokens of a verb trigger, where the lexicon row puts them (``target``:
    a preposition, dobj, nsubj, nsubjpass, conj or none; ``source``: nsubj, agent or a
    preposition); a row that names no target takes the first actor after the verb, as PETRARCH."""
    head = m.head
    where, whence = m.target, m.source or "nsubj"
    passive = is_passive(view, head)
    if whence == "agent" or (passive and whence == "nsubj"):
        source, how = agent(view, head), "agent"
    elif whence not in ("nsubj", "between", "conj"):
        source, how = prep_objects(view, list(words), (whence,)), whence
    else:
        source, how = subject(view, head), "nsubj"
    target: list[int] = []
    if where == "nsubjpass" or (passive and where in (None, "dobj")):
        target = view.kids(head, "nsubjpass")
        how += "/nsubjpass"
    elif where == "nsubj":
        target, source = subject(view, head), []
        how = "nsubj:target"
    elif where == "conj" or whence in ("conj", "between"):
        sides = conjuncts(view, source[0]) if source else []
        source, target = sides[:1], sides[1:]
        how += "/conj"
    elif where and where != "dobj":
        target = prep_objects(view, list(words), (where,))
        how += f"/{where}"
        if m.cameo[:2] in DOER_TARGETS:
            doers = [c for w in words if w != head and view.tokens[w].pos in ("NOUN", "PROPN")
                     for c in sorted(view.subtree(w)) if c < w and view.tokens[c].rel in ("poss", "amod", "compound")
                     and c in view.mention_of and names_side(view, c)]
            if doers:
                # "condemned Russia's attack on Ukraine": whom the condemnation is of is the doer
                target, how = doers[:1], how.removesuffix(f"/{where}") + "/doer"
    if not target and where not in ("nsubj", "nsubjpass", "conj") and not passive:
        objects = [t for t in view.kids(head, "dobj", "dative", "attr") if t not in words]
        objects += [c for w in words if w != head for c in view.kids(w, "dobj") if c not in words]
        objects += [w for w in words if w != head]                 # "backed X's bid": the pattern's noun
        objects = [o for o in objects if names_side(view, o)]      # "presented credentials to X"
        if objects:
            target, how = objects, how + "/dobj"
        else:
            # "restore ties with X": the object (the pattern's own noun or not) has no actor, the
            # object of its preposition is the target
            nouns = list(words) + view.kids(head, "dobj") + [view.tokens[w].head for w in words
                                                             if w != head and view.tokens[w].rel in ("amod", "compound")]
            # where it happened is no side ("signed at the White House", "met in Vienna") but
            # for visits, force posture and violence
            target = [t for t in _beyond_borders(view, prep_objects(view, nouns, TARGET_PREPS)) if actors_at(view, t)
                      and (m.cameo.startswith(PLACE_TARGETS) or not locative(view, t)
                           or m.cameo[:2] in AIMED_ROOTS and _aimed_at(view, t))]
            if target:
                how += "/prep"
            else:
                # PETRARCH's rule: the first actor after the verb in its own phrase ("welcomed a
                # resumption of ties with X", "warned of X"); where it happened is no target
                # ("met in Vienna") but for visits, force posture and violence
                target = first_after(view, head, set(source), places=m.cameo.startswith(PLACE_TARGETS))
                if target:
                    how += "/after"
    return source, target, how


def noun_arguments(view: View, m) -> tuple[list[int], list[int], str]:
    head = m.head
    toks = view.tokens
    between = prep_objects(view, [head], ("between", "among"))
    if between:
        sides = conjuncts(view, between[0])
        return sides[:1], sides[1:], "between"
    source = view.kids(head, "poss") + [c for c in view.kids(head, "amod", "compound")
                                        if c in view.mention_of]
    source += [p for b in view.kids(head, "prep") if toks[b].lemma == "by" for p in view.kids(b, "pobj")]
    target = prep_objects(view, [head], (m.target,) if m.target and m.target not in ("dobj", "none")
                           else NOUN_TARGET_PREPS)
    how = "noun"
    tok = toks[head]
    if tok.head >= 0 and toks[tok.head].pos in ("VERB", "AUX"):
        verb = tok.head
        if tok.rel in ("dobj", "nsubjpass") and toks[verb].lemma in LIGHT_VERBS:
            if not source:
                source = agent(view, verb) if tok.rel == "nsubjpass" else subject(view, verb)
                how += "+verb"
            if not target:
                target = prep_objects(view, [verb], (m.target,) if m.target and m.target not in ("dobj", "none")
                                       else NOUN_TARGET_PREPS)
    elif tok.rel == "pobj" and not source:
        # "left for X for meetings with Y": the traveller is the verb's subject
        prep = tok.head
        verb = toks[prep].head if prep >= 0 else -1
        if verb >= 0 and toks[verb].pos in ("VERB", "AUX") and toks[prep].lemma in ("for", "to", "at", "after", "during"):
            source = subject(view, verb)
            how += "+verb"
    if len(source) > 1 and not target:
        # "Russian-Chinese talks": two adjectives, two sides
        return source[:1], source[1:], how + "+pair"
    return source, target, how


# --- dates and places -------------------------------------------------------------------------

CLAUSE_RELS = {"ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "acl", "csubj"}


def clause(view: View, head: int) -> set[int]:
    """The trigger's own clause: its subtree without the clauses nested in it."""
    out, todo = set(), [head]
    while todo:
        k = todo.pop()
        if k in out:
            continue
        out.add(k)
        todo.extend(c for c in view.children[k] if view.tokens[c].rel not in CLAUSE_RELS)
    return out
