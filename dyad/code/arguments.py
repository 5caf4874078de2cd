"""Who did it and to whom: event arguments from the dependency parse.

Given a trigger found in a parsed sentence, :func:`arguments` returns the sources and targets:

- ``nsubj`` -> sources; ``obj``/``iobj``/``obl`` with a target preposition (с, к, против, для,
  за, на, по, перед, в + accusative, "в адрес", "в отношении", "по отношению к") -> targets;
- passive (``nsubj:pass`` or a passive participle): the subject is the target, an instrumental
  oblique or "со стороны X" the source;
- coordination: "Алиев и Си" -> both; a verb coordinated with or subordinated to another verb
  (conj, xcomp, advcl) takes that verb's subject when it has none;
- nominal events: a trigger noun that is the subject of an eventive verb ("встреча лидеров
  состоялась"), the object of a support verb ("провели переговоры") or a headline root; its
  genitive/"между"/"с" dependents are the participants. A noun in any other frame ("характер
  взаимодействия между X и Y") only describes: it is rejected;
- an argument token inside a mention takes that mention's actor (group anaphors expand to their
  members, titles give the person); a common noun takes the actor of its dependents ("Китайские
  компании" -> the business sector CHNBUS, "правительство Японии" -> JPN with code JPNGOV).

When the parse gives no source (or no target where one is needed), the nearest actor mentions
in the sentence are used with a lower confidence (rule suffix ``nearest``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from ..types import ActorRef
from .argument_nouns import (
    TARGET_CASES, EVENTIVE_VERBS, SUPPORT_VERBS, SCHEDULING_VERBS, MODAL_PREDICATES, PATIENT_NOUNS,
    PATIENT_FRAMES, READY_PREDICATES, TIME_FRAMES, FRAME_CASES, EVENT_FRAMES, AGENT_GENITIVES
)
from .sentence_view import SentenceView
from .sides import actor_key, same_side, unique

TOLD = 0.4                  # the confidence of an act told about in a descriptive frame


@dataclass(frozen=True, slots=True)
class Arguments:
    sources: tuple[ActorRef, ...]
    targets: tuple[ActorRef, ...]
    rule: str                       # args:nsubj/obl, args:nmod, args:between, ... (+nearest)
    confidence: float
    anchor: int                     # token the event hangs on (the trigger verb or the noun's verb)
    rejected: str | None = None     # why the trigger does not report an event
    source_tokens: tuple[int, ...] = ()
    target_tokens: tuple[int, ...] = ()


def _collect(view: SentenceView, idx: Iterable[int], target: bool = False,
             unplaced: bool = False) -> tuple[list[ActorRef], list[int]]:
    actors: list[ActorRef] = []
    toks: list[int] = []
    for i in idx:
        for j in view.conjuncts(i):
            found = view.actors_at(j, target=target, unplaced=unplaced)
            if found:
                toks.append(j)
                actors.extend(found)
    return actors, toks


def _target_obliques(view: SentenceView, i: int, destination: bool = False, consult: bool = False) -> list[int]:
    """obj/iobj/obl (and nmod, for a trigger noun) dependents of token i that can be targets;
    with ``destination`` (a visit) "в/на X" is a target whatever its case ("визит в Баку"); with
    ``consult`` (a meeting, talks) "с X" names a partner only in the instrumental."""
    out = []
    for c in view.children[i]:
        rel, case, lemma = view.rel(c), view.case(c), view.tokens[c].lemma
        if rel in ("obj", "iobj"):
            out.append(c)
        elif rel in ("obl", "nmod", "obl:agent"):
            if lemma in ("адрес", "отношение") and case in ("в", "по"):
                out.extend(k for k in view.kids(c, "nmod"))
            elif case in TARGET_CASES and (destination and case in ("в", "на") or not view._framed(c) and not (
                    case in ("в", "на") and view.tokens[c].feat("Case") == "Loc")):
                if case == "с" and lemma == "сторона":
                    continue          # "со стороны X": a source, not a target
                if consult and case == "с" and view.tokens[c].feat("Case") == "Gen":
                    continue          # "обсуждают эвакуацию с МКС": where from, not with whom
                out.append(c)
    return out


def _side_of(view: SentenceView, i: int) -> list[int]:
    """"со стороны X" dependents of token i: the agent of a passive or of a nominal event."""
    out = []
    for c in view.children[i]:
        if view.tokens[c].lemma == "сторона" and view.case(c) == "с":
            out.extend(view.kids(c, "nmod"))
    return out


def _subject_of(view: SentenceView, i: int, hops: int = 0) -> list[int]:
    """The subject of verb i, borrowed from a governing verb for conj/xcomp/advcl/acl verbs; where
    the parse gives none, a nominative noun right before the verb that agrees with it ("...в
    Гаваре Полиция задержала": a headline run into the sentence)."""
    subj = view.kids(i, "nsubj")
    if subj or hops > 3:
        return subj
    rel = view.rel(i)
    h = view.head(i)
    if h >= 0 and rel in ("conj", "xcomp", "advcl", "csubj"):
        return _subject_of(view, h, hops + 1)
    if hops == 0 and view.tokens[i].pos == "VERB":
        before = _agreeing_noun_before(view, i)
        if before is not None:
            return [before]
    return []


def _agreeing_noun_before(view: SentenceView, i: int) -> int | None:
    """The nominative noun just before finite verb i (adverbs and particles between), agreeing
    in number and, in the past singular, gender."""
    verb = view.tokens[i]
    if verb.feat("VerbForm") not in ("Fin", None) or verb.feat("Voice") == "Pass":
        return None
    k = i - 1
    while k >= 0 and view.tokens[k].pos in ("ADV", "PART"):
        k -= 1
    if k < 0:
        return None
    tok = view.tokens[k]
    if tok.pos not in ("NOUN", "PROPN") or tok.feat("Case") != "Nom" or view.case(k):
        return None
    if verb.feat("Number") and tok.feat("Number") and verb.feat("Number") != tok.feat("Number"):
        return None
    if verb.feat("Number") == "Sing" and verb.feat("Gender") and tok.feat("Gender") \
            and verb.feat("Gender") != tok.feat("Gender"):
        return None
    return k


def _is_passive(view: SentenceView, i: int) -> bool:
    tok = view.tokens[i]
    return bool(view.kids(i, "nsubj:pass", "aux:pass")) or (tok.feat("Voice") == "Pass" and tok.feat("VerbForm") == "Part")


def nominal_anchor(view: SentenceView, i: int) -> tuple[int | None, str]:
    """The verb a trigger noun hangs on, and how; None when the noun only describes."""
    rel, h = view.rel(i), view.head(i)
    if h < 0 or rel == "root":
        return i, "root"
    head = view.tokens[h]
    if rel in ("nsubj", "nsubj:pass") and head.lemma in EVENTIVE_VERBS | SCHEDULING_VERBS:
        return h, "event"
    if rel == "nsubj" and head.lemma in MODAL_PREDICATES:     # "переговоры могут пройти в Сочи"
        done = [c for c in view.kids(h, "xcomp") if view.tokens[c].lemma in EVENTIVE_VERBS]
        if done:
            return done[0], "event"
    if rel in ("obj", "nsubj:pass") and head.lemma in SUPPORT_VERBS:
        return h, "support"
    if rel == "obl" and head.pos == "VERB" and view.case(i) in FRAME_CASES:
        return h, "frame"                      # "на встрече с Си Алиев заявил"
    if rel == "nmod" and head.lemma in EVENT_FRAMES and view.rel(h) == "obl" and view.head(h) >= 0:
        return view.head(h), "frame"           # "в ходе переговоров", "по итогам встречи"
    if rel == "obl" and view.case(i) == "к" and head.lemma in READY_PREDICATES:
        return h, "support"                    # "готов к переговорам"
    if rel == "obl" and view.case(i) == "с" and head.lemma in ("прибыть", "приехать", "отправиться",
                                                              "находиться", "обратиться"):
        return h, "support"                    # "прибыл с визитом"
    if rel in ("appos", "conj") and h != i:
        return nominal_anchor(view, h)
    return None, f"noun in a descriptive frame ({rel} of {head.text!r})"


def arguments(view: SentenceView, head: int, parts: Sequence[int], args: str, pos: str,
              destination: bool = False, sector_targets: bool = False, consult: bool = False,
              relation: bool = False) -> Arguments:
    """Sources and targets of the trigger whose head token is ``head`` (see the module docstring).
    ``destination``: the trigger is a visit, whose "в X" names the host. ``sector_targets``: a
    coercive or violent act, whose target may be a sector named without its country ("уволил
    генералов полиции", "разогнали демонстрантов"). ``relation``: the noun may name a standing
    relation ("сотрудничество", "партнерство"), which a descriptive frame only describes."""
    tok = view.tokens[head]
    nominal = pos == "NOUN" and tok.pos in ("NOUN", "PROPN", "ADJ")
    src_idx: list[int] = []
    tgt_idx: list[int] = []
    names = []
    anchor = head
    conf = 0.9
    if nominal:
        anchor, how = nominal_anchor(view, head)
        if anchor is None:
            # "о причинах отставки министра Кулешова", "после задержания Голунова": an act done to
            # someone, told about rather than reported, is still an event with its patient, barely
            # sure; other nouns in such frames only describe ("значение встречи")
            if tok.lemma not in PATIENT_NOUNS:
                if relation:
                    return Arguments((), (), "args:none", 0.0, head, how)
                return _told_by_participants(view, head, parts, args, how)
            # the patient: its genitive, or that of the noun it is coordinated with ("задержание и
            # арест журналиста")
            nouns = list(parts) + [c for p in parts for c in view.kids(p, "conj")]
            if view.rel(head) == "conj" and view.head(head) >= 0:
                nouns.append(view.head(head))
            told = [c for p in nouns for c in view.kids(p, "nmod", "det", "appos")
                    if c not in nouns and view.case(c) == "" and not view._framed(c)]
            actors, toks = _collect(view, told)
            rule = "args:nmod+told"
            h = view.head(head)
            if not actors and view.rel(head) == "obl" and view.case(head) in PATIENT_FRAMES and h >= 0:
                # "застрелился при задержании", "скончался после ареста": the subject is the patient
                actors, toks = _collect(view, _subject_of(view, h))
                rule = "args:nsubj+told"
            if not actors:
                return Arguments((), (), "args:none", 0.0, head, how)
            return Arguments((), unique(actors), rule, TOLD, head, None, (), tuple(toks))
        gens = [c for p in parts for c in view.kids(p, "nmod", "amod", "det", "appos")
                if c not in parts and view.case(c) in ("", "между") and not view._framed(c)]
        others = [c for c in _target_obliques(view, head, destination, consult) if c not in gens and c not in parts]
        if how == "frame" and view.case(head) in TIME_FRAMES and not any(
                view.actors_at(c) for c in gens + others):
            # "ушел в отставку после протестов": a circumstance, not an act of the subject
            return Arguments((), (), "args:none", 0.0, head, "noun in a time frame without participants")
        subject = _subject_of(view, anchor) if how in ("support", "frame") else []
        if how == "support" and view.rel(head) == "nsubj:pass":     # "санкции были введены ЕС"
            subject = [c for c in view.kids(anchor, "obl", "obl:agent")
                       if view.case(c) == "" and view.tokens[c].feat("Case") == "Ins"] + _side_of(view, anchor)
        if subject:
            src_idx += subject
            names.append("nsubj")
            others += [c for c in _target_obliques(view, anchor) if c != head and view.rel(c) != "obj"]
            tgt_idx += gens              # "направил ноту протеста Франции"
        else:
            src_idx += gens
            if how == "support" and view.rel(head) == "nsubj:pass":   # "помощь ... доставлена в Газу"
                others += [c for c in _target_obliques(view, anchor) if c != head and c not in gens]
        src_idx += _side_of(view, head)
        tgt_idx += others
        names.append("nmod")
        conf = 0.85 if how in ("event", "support", "root") else 0.7
    passive = False
    if not nominal:
        passive = _is_passive(view, head)
        if passive and args == "subj>":         # "армия приведена в боевую готовность"
            src_idx += view.kids(head, "nsubj:pass", "nsubj")
            names.append("pass")
        elif passive:
            tgt_idx += view.kids(head, "nsubj:pass") or ([] if view.rel(head) != "acl" else [view.head(head)])
            src_idx += [c for c in view.kids(head, "obl", "obl:agent")
                        if view.case(c) == "" and view.tokens[c].feat("Case") == "Ins"]
            src_idx += _side_of(view, head)
            tgt_idx += [c for c in _target_obliques(view, head) if view.rel(c) in ("iobj", "obl")
                        and view.case(c) in ("с", "к", "против", "для", "в", "на", "по")]
            names.append("pass")
        else:
            src_idx += _subject_of(view, head)
            tgt_idx += _target_obliques(view, head, destination, consult)
            if not view.kids(head, "obj") and view.rel(head) == "conj" and view.head(head) >= 0 \
                    and view.tokens[view.head(head)].pos == "VERB":
                # "похитил девушку, изнасиловал её, избил и обезглавил": the object they share
                tgt_idx += [c for c in view.kids(view.head(head), "obj") if c not in tgt_idx]
            names.append("nsubj")
        if not any(view.actors_at(t, target=True) for t in tgt_idx):
            for p in parts:                      # "ввести санкции против России"
                if p != head:
                    tgt_idx += [c for c in _target_obliques(view, p) if c not in parts]
                    if view.tokens[p].pos == "NOUN":
                        tgt_idx += [c for c in view.kids(p, "nmod", "amod") if view.case(c) == ""
                                    and c not in parts and not view._framed(c)]
        names.append("obl")
    tgt_idx = _recipients_first(view, [t for t in dict.fromkeys(tgt_idx) if t not in src_idx])
    if args == "obj>subj":
        src_idx, tgt_idx = tgt_idx, src_idx
    sources, s_toks = _collect(view, dict.fromkeys(src_idx))
    targets, t_toks = _collect(view, tgt_idx, target=True, unplaced=sector_targets)
    rule = "args:" + "/".join(names)
    sources_u = unique(sources)
    targets_u = tuple(a for a in unique(targets) if not any(same_side(a, b) for b in sources_u))
    if args == "between" and len(sources_u) > 1:
        rule += "+between"
        sources_u, targets_u = sources_u[:1], unique(sources_u[1:] + targets_u)
    if not sources_u and not src_idx and not nominal:
        zero = None if passive else _zero_subject(view, head, args)
        # a passive's patient and the words of its phrase are not its agent ("полковник ГРУ ...
        # был задержан": not the GRU)
        inside = _subtree(view, [t for t in tgt_idx if view.rel(t) == "nsubj:pass"]) if passive else set()
        near = None if zero else _nearest(view, head, exclude={actor_key(a) for a in targets_u}, before=True,
                                           skip=inside)
        if zero and not any(same_side(zero, b) for b in targets_u):
            sources_u, conf, rule = (zero,), min(conf, ZERO_SUBJECT), rule + "+zero"
        elif near:
            sources_u, conf, rule = (near,), conf - 0.3, rule + "+nearest"
    needs_target = args in ("subj>obj", "obj>subj", "between")
    if needs_target and not targets_u and not tgt_idx and not nominal and sources_u:
        # not a word of the source's own phrase ("студент Иллинойсского университета")
        near = _nearest(view, head, exclude={actor_key(a) for a in sources_u}, before=False,
                        skip=_subtree(view, list(dict.fromkeys(src_idx))))
        if near:
            targets_u, conf, rule = (near,), conf - 0.3, rule + "+nearest"
    return Arguments(sources_u, targets_u, rule, round(max(conf, 0.1), 2), anchor, None,
                     tuple(s_toks), tuple(t_toks))


def _told_by_participants(view: SentenceView, head: int, parts: Sequence[int], args: str, how: str) -> Arguments:
    """A trigger noun told about in a descriptive frame ("к 75-летию встречи американских и
    советских войск", "после капитуляции Японии") whose own dependents name who did it: an event
    with those participants (the meeting's, or the one who surrendered), barely sure (TOLD);
    without them the noun only describes and is rejected with ``how``."""
    if not (args in ("between", "subj>") or args == "subj>obj" and view.tokens[head].lemma in AGENT_GENITIVES):
        return Arguments((), (), "args:none", 0.0, head, how)
    own = [c for p in parts for c in view.kids(p, "nmod", "amod", "det", "appos")
           if c not in parts and view.case(c) in ("", "между") and not view._framed(c)]
    # "встречи американских и советских войск": the adjectives of a participant noun name sides too
    own += [a for c in own for a in view.kids(c, "amod") if a not in own]
    actors, toks = _collect(view, own)
    found = unique(actors)
    if not found or (args == "between" and len(found) < 2):
        return Arguments((), (), "args:none", 0.0, head, how)
    if args == "between":
        return Arguments(found[:1], found[1:], "args:nmod+told", TOLD, head, None, tuple(toks[:1]), tuple(toks[1:]))
    return Arguments(found, (), "args:nmod+told", TOLD, head, None, tuple(toks), ())


def _recipients_first(view: SentenceView, idx: list[int]) -> list[int]:
    """With both a patient (obj) and a recipient (iobj, "в/к/для X") that name actors, the
    recipient is the target: "экстрадировал в Россию гражданина Киргизии" -> RUS."""
    direct = [i for i in idx if view.cover[i] is not None and view.actors_at(i, target=True)]
    if direct and len(direct) < len(idx):   # "призвала ЕС к отмене санкций против X": ЕС
        idx = [i for i in idx if i in direct or view.rel(i) in ("obj", "iobj")
               and not view.actors_at(i, target=True)]
    recipients = [i for i in idx if (view.rel(i) == "iobj" or view.case(i) in ("в", "к", "для"))
                  and view.cover[i] is not None]
    objects = [i for i in idx if view.rel(i) == "obj"]
    if recipients and objects and any(view.actors_at(i, target=True) for i in recipients):
        return [i for i in idx if i not in objects]
    return idx


ZERO_SUBJECT = 0.6          # the most confidence of an event whose source the verb's gender gives


def _zero_subject(view: SentenceView, head: int, args: str) -> ActorRef | None:
    """The person a finite verb with no subject continues from the sentences before: a past-tense
    singular verb's gender picks the person ("подписала" -> the woman last named as a subject);
    only where no actor is named before the verb in its sentence, and not for "obj>subj" triggers."""
    tok = view.tokens[head]
    if args == "obj>subj" or tok.feat("VerbForm") not in ("Fin", None) or tok.feat("Number") != "Sing":
        return None
    gender = tok.feat("Gender")
    if gender not in ("Masc", "Fem") or tok.feat("Tense") != "Past":
        return None
    if any(m.end <= tok.start and m.type not in ("ADJ",) and view.mention_actors(m) and not any(
            view.tokens[j].feat("Case") == "Loc" for j, t in enumerate(view.tokens)
            if m.start <= t.start and t.end <= m.end) for m in view.mentions):
        return None
    return view.earlier.get(gender)


def _subtree(view: SentenceView, roots: list[int]) -> set[int]:
    """The character offsets of the tokens under the given tokens."""
    out, todo = set(), list(roots)
    while todo:
        i = todo.pop()
        if view.tokens[i].start in out:
            continue
        out.add(view.tokens[i].start)
        todo.extend(view.children[i])
    return out


def _nearest(view: SentenceView, head: int, exclude: set[str], before: bool,
             skip: set[int] = frozenset()) -> ActorRef | None:
    """The actor mention nearest to the trigger (preferring the side given), but none starting
    at a token of ``skip``."""
    pos = view.tokens[head].start
    scored = []
    for m in view.mentions:
        if m.start in skip:
            continue
        inside = [j for j, t in enumerate(view.tokens) if m.start <= t.start and t.end <= m.end]
        if any(view.tokens[j].feat("Case") == "Loc" and view.case(j) in ("в", "на") for j in inside) \
                and m.actor is not None and m.actor.kind not in ("person",):
            continue                # "принимает в Белом доме ...": the place, not a participant
        for a in view.mention_actors(m):
            if actor_key(a) in exclude:
                continue
            side = (m.end <= pos) == before
            if before and not side:
                continue            # a source is named before its verb
            # an adjective ("французского коллегу Николя Саркози") qualifies the participant named
            # beside it: it comes after any other mention on the same side
            scored.append((0 if side else 1, m.type == "ADJ", abs(m.start - pos), a))
    if not scored:
        return None
    return min(scored, key=lambda x: x[:3])[3]
