"""How the English coder's decisions in one sentence bear on each other: statements and
participle clauses that only frame another act, nominal contents of condemnations, appeals and
threats folded with the act they ask for, intents coded on their content.
"""
from __future__ import annotations

from dataclasses import replace

from ...code import codebook
from ...code.sides import same_side
from ...code.events import Decision, _code_info
from .arguments import View, actors, clause, first_after

def drop_adjuncts(view: View, decisions: list[Decision]) -> list[Decision]:
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


def drop_statements(view: View, decisions: list[Decision]) -> list[Decision]:
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
            if _attribution(view, d.match.head) and any(o is not d and o.event.cameo[:2] != "01" for o in coded):
                # "..., the Kremlin said in a statement": who reported the sentence's act
                out.append(replace(d, event=None, reason="rejected: attribution of a coded act"))
                continue
        out.append(d)
    return out


def _attribution(view: View, head: int) -> bool:
    """A reporting verb that only says where the sentence comes from: after the clause it reports
    ("..., officials said", "..., according to ...") or hung on it (parataxis)."""
    tok = view.tokens[head]
    if tok.lemma not in SPEECH_VERBS:
        return False
    if tok.rel in ("parataxis", "advcl"):
        return True
    subject = view.kids(head, "nsubj")
    return bool(subject) and head > 0 and any(view.tokens[k].text in (",", "—", "-") for k in range(max(0, subject[0] - 2), subject[0]))


# acts whose object can be an act: "denied the attack", "welcomed the agreement between X and Y",
# "mediated talks between X and Y" (045; other meetings' objects are their own acts)
CONTENT_FRAMES = {"01", "02", "03", "05", "09", "10", "11", "12", "13", "16", "045"}
# acts whose clause complement is what they ask, demand, refuse, threaten: the content refines
# their code ("urged X to release" 0253, "threatened to impose sanctions" 1312) and is no event
# of its own (the Russian coder's convention)
CLAUSE_FRAMES = {"02", "10", "11", "12", "13"}
# reporting verbs frame what is reported, whatever code a dictionary gives them: the content is
# the event ("X said Y attacked Z")
SPEECH_VERBS = {"say", "tell", "state", "report", "announce", "add", "note", "write", "claim",
                "declare", "stress", "explain", "confirm", "insist", "argue", "comment"}


def drop_contents(view: View, decisions: list[Decision]) -> list[Decision]:
    """A nominal event that is the object of another coded act is that act's content, not an
    event of its own: "condemned the Israeli strike on Qatar", "welcomed the talks", "denied the
    attack" (as the Russian coder drops the contents of statements and descriptions)."""
    coded = [d for d in decisions if d.event is not None]
    out = []
    for d in decisions:
        if d.event is not None and d.match.trigger.pos == "NOUN":
            governor = next((o for o in coded if o is not d and o.match.trigger.pos == "VERB"
                             and (o.event.cameo[:2] in CONTENT_FRAMES or o.event.cameo[:3] in CONTENT_FRAMES)
                             and d.match.head in object_phrase(view, o.match.head)), None)
            if governor is not None:
                out.append(replace(d, event=None, reason=f"rejected: content of '{governor.trigger_text}'"))
                continue
        out.append(d)
    return out


def object_phrase(view: View, head: int) -> set[int]:
    out: set[int] = set()
    for c in view.kids(head, "dobj", "prep", "attr", "oprd"):
        out |= view.subtree(c)
    return out


def fold_clauses(view: View, decisions: list[Decision]) -> list[Decision]:
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
            content = {view.tokens[i].lemma for i in clause(view, o.match.head)}
            code = content_code(e.cameo, content) or e.cameo
            targets = e.targets
            if not targets:
                targets = tuple(a for a in o.event.sources + o.event.targets
                                if not any(same_side(a, s) for s in e.sources))[:2]
            if code != e.cameo or targets != e.targets:
                e = _recoded(replace(e, targets=targets), code)
                out[n] = d = replace(d, event=e, reason=e.rule)
            out[m] = replace(o, event=None, reason=f"rejected: content of '{d.trigger_text}'")
    return out


# acts whose complement (a clause, "for"/"of"/"into" phrase, object) says what they are about,
# though that complement codes no event of its own: "asked the EU for emergency funding" (0231),
# "appealed to Germany to supply more air defence systems" (0232), "accused X of waging war"
REFINED_ROOTS = {"02", "03", "09", "10", "11", "12", "13"}
COMPLEMENT_PREPS = {"for", "of", "into", "on", "over"}


def refine_by_complement(view: View, decisions: list[Decision]) -> list[Decision]:
    """A frame's code refined by the lemmas of its complement (:func:`content_code`) where no
    coded content folded into it (:func:`fold_clauses`)."""
    out = []
    for d in decisions:
        e = d.event
        if e is None or "+content" in e.rule or e.cameo[:2] not in REFINED_ROOTS or d.match.trigger.pos != "VERB" \
                or view.tokens[d.match.head].lemma in SPEECH_VERBS:
            out.append(d)
            continue
        content: set[str] = set()
        for c in view.children[d.match.head]:
            tok = view.tokens[c]
            if tok.rel == "ccomp" and e.cameo[:2] == "03":
                continue        # "agree that disputes be resolved by arbitration": a view, not an intent
            if tok.rel in ("xcomp", "ccomp", "dobj") or tok.rel == "prep" and tok.lemma in COMPLEMENT_PREPS:
                content |= {view.tokens[i].lemma for i in view.subtree(c)}
        code = content_code(e.cameo, content)
        if code and code != e.cameo:
            e = _recoded(e, code)
            d = replace(d, event=e, reason=e.rule)
        out.append(d)
    return out


def _recoded(e, code: str):
    """The event under the code its content gives, with that code's Goldstein, quad class and
    PLOVER type (rule suffix ``+content``)."""
    goldstein, quad = _code_info(code)
    return replace(e, cameo=code, goldstein=goldstein, quad_class=quad,
                   plover=codebook.plover_for(code) or e.plover, rule=e.rule + "+content")


def content_code(code: str, content: set[str]) -> str | None:
    """The more specific code the content implies (:func:`dyad.lang.en.content.refine`)."""
    try:
        from .content import refine
    except ImportError:            # the content table is optional while it is being built
        return None
    return refine(code, content)


def drop_governing(view: View, decisions: list[Decision]) -> list[Decision]:
    """"promised to give Haiti a grant", "plans to visit": the act is coded with its intent
    (modality intent, CAMEO 03); the bare governing verb (030 promise, 036 plan) says no more."""
    coded = [d for d in decisions if d.event is not None]
    out = []
    for d in decisions:
        if d.event is not None and d.event.cameo[:2] == "03" and d.match.trigger.pos == "VERB":
            inner = next((o for o in coded if o is not d and (
                view.tokens[o.match.head].head == d.match.head and view.tokens[o.match.head].rel in ("xcomp", "ccomp")
                or view.tokens[o.match.head].rel == "acl" and o.match.head in object_phrase(view, d.match.head))),
                None)
            if inner is not None:
                out.append(replace(d, event=None, reason=f"rejected: its content '{inner.trigger_text}' is coded"))
                continue
        out.append(d)
    return out


CLAUSE_TARGET_CONFIDENCE = 0.75


def clause_targets(view: View, decisions: list[Decision]) -> list[Decision]:
    """An appeal, demand, refusal or threat with no target of its own whose complement clause
    holds no coded act: the clause's other actor is who it bears on ("India demanded that
    Bangladesh hand over the suspects": Bangladesh; "Iran refused to hand over two French
    citizens": France), its subject first, else the first actor of its objects."""
    out = []
    for d in decisions:
        e = d.event
        if e is None or e.targets or e.cameo[:2] not in CLAUSE_FRAMES or d.match.trigger.pos != "VERB" \
                or view.tokens[d.match.head].lemma in SPEECH_VERBS:
            out.append(d)
            continue
        found = ()
        for c in view.kids(d.match.head, "ccomp", "xcomp"):
            heads = view.kids(c, "nsubj", "nsubjpass") or first_after(view, c, set(), places=False)
            refs, _, _ = actors(view, heads)
            found = tuple(a for a in refs if not any(same_side(a, s) for s in e.sources))
            if found:
                break
        if not found:
            out.append(d)
            continue
        rule = e.rule.replace("+notarget", "") + "+clause"
        confidence = round(min(e.confidence if "+notarget" not in e.rule else CLAUSE_TARGET_CONFIDENCE,
                               CLAUSE_TARGET_CONFIDENCE), 2)
        e = replace(e, targets=found, rule=rule, confidence=confidence)
        out.append(replace(d, event=e, reason=rule))
    return out


def drop_purposes(view: View, decisions: list[Decision]) -> list[Decision]:
    """"met in Abu Dhabi to discuss the peace text", "visited Baku to talk trade": what a meeting or
    visit was for is that meeting, not a second one (a consultation, 04, or a statement, 01, in
    its purpose clause)."""
    coded = {d.match.head: d for d in decisions if d.event is not None}
    out = []
    for d in decisions:
        tok = view.tokens[d.match.head]
        host = coded.get(tok.head) if tok.rel in ("advcl", "xcomp") else None
        if d.event is not None and host is not None and host is not d and host.event.cameo[:2] == "04" \
                and d.event.cameo[:2] in ("01", "04") and not view.kids(d.match.head, "nsubj", "mark"):
            out.append(replace(d, event=None, reason=f"rejected: what '{host.trigger_text}' was for"))
            continue
        out.append(d)
    return out


def drop_side_clauses(view: View, decisions: list[Decision]) -> list[Decision]:
    """An act with no other side in a clause that hangs on another coded act of the same source
    says why or how that act was done ("approved a loan to Egypt to support reforms", "welcomed
    the deal, calling it a step towards peace", "plans to sign a contract with Rosatom to build a
    plant"): no event of its own."""
    coded = {d.match.head: d for d in decisions if d.event is not None}
    out = []
    for d in decisions:
        e = d.event
        tok = view.tokens[d.match.head]
        main = coded.get(tok.head) if e is not None and not e.targets and tok.rel in ("advcl", "xcomp", "acl") else None
        if main is not None and main is not d and e.sources and \
                all(any(same_side(a, b) for b in main.event.sources) for a in e.sources):
            out.append(replace(d, event=None, reason=f"rejected: why or how '{main.trigger_text}' was done"))
            continue
        out.append(d)
    return out
