"""Memberships and statuses in international organisations, checked against the knowledge base.

A sentence that names an organisation (an ``igo`` actor) is searched for status words
(:data:`STATUS_WORDS`: наблюдатель, партнёр по диалогу, член, вступление, кандидат, статус
партнёра) and state cues (:data:`STATE_CUES`: имеет -> held, заявка -> applied, получила ->
granted, вышла -> left). Each status word takes the nearest cue before it in the sentence (a verb
status word such as ``вступила`` is its own cue), else the nearest after it, else ``held``:
``имеет статус партнёра по диалогу`` gives dialogue_partner/held; a ``заявка`` before a second
status word (``наблюдатель``) in the same sentence gives observer/applied.

The organisation is the nearest one after the status word, else before it; the members are the
states in the status word's clause that stand without a preposition, else the nearest state
before it. ``не является членом`` is skipped.

Attributes: status, state, and ``kb``: ``agrees`` when the knowledge base's membership data say
the same on the article date (for ``applied``: a pending application; for ``left``: a status that
ended), ``differs`` when they hold something else for that member (``kb_holds`` lists it),
``unknown`` when they have nothing for the pair.
"""
from __future__ import annotations

import datetime as dt
import re

from ..lang.types import Sentence, Token
from ..resolve.kb import Membership, load_kb
from ..types import Fact
from .fact_context import ActorAt, FactContext, Found, clause_bounds, trim, unique_actors

STATE_CUES = {
    "иметь": "held", "обладать": "held", "являться": "held", "входить": "held",
    "состоять": "held", "сохранять": "held",
    "заявка": "applied", "подать": "applied", "подавать": "applied", "ходатайство": "applied",
    "ходатайствовать": "applied", "просьба": "applied", "претендовать": "applied",
    "добиваться": "applied", "стремиться": "applied", "намереваться": "applied",
    "намерен": "applied", "планировать": "applied", "запросить": "applied",
    "получить": "granted", "предоставить": "granted", "присвоить": "granted",
    "стать": "granted", "принять": "granted", "вступить": "granted",
    "присоединиться": "granted", "получение": "granted", "предоставление": "granted",
    "присвоение": "granted", "одобрить": "granted", "принятие": "granted",
    "выйти": "left", "выход": "left", "покинуть": "left", "прекратить": "left",
    "исключить": "left", "выходить": "left",
}
VERB_STATUS = {"вступить": "member", "присоединиться": "member", "выйти": "member",
               "выходить": "member"}
INTENT = {"намерение", "намереваться", "намерен", "планировать", "стремиться", "хотеть",
          "желание", "готовность", "заявка", "ходатайство", "просьба", "подать", "добиваться"}
NOUN_STATUS = {"наблюдатель": "observer", "член": "member", "членство": "member",
               "вступление": "member", "присоединение": "member", "кандидат": "candidate"}
STATE_KINDS = ("country",)


def extract(ctx: FactContext) -> list[Found]:
    out: list[Found] = []
    for sent in ctx.analysis.sentences:
        orgs = ctx.actors(sent, kinds=("igo",))
        if not orgs:
            continue
        for index, status in _status_words(sent):
            out.extend(_facts(ctx, sent, orgs, index, status))
    return out


def _status_words(sent: Sentence) -> list[tuple[int, str]]:
    toks = sent.tokens
    found = []
    for i, t in enumerate(toks):
        status = NOUN_STATUS.get(t.lemma) or VERB_STATUS.get(t.lemma)
        if t.lemma == "партнер":
            nxt = " ".join(x.lemma for x in toks[i + 1:i + 3])
            if nxt.startswith("по диалог"):
                status = "dialogue_partner"
            elif i > 0 and (toks[i - 1].lemma in ("статус", "диалоговый")
                            or toks[i - 1].text.lower().startswith("стран")):
                status = "dialogue_partner" if toks[i - 1].lemma == "диалоговый" else "partner"
        elif "-" in t.text:                      # "страной-наблюдателем", "государство-член"
            tail = t.text.lower().split("-")[-1]
            status = next((s for w, s in NOUN_STATUS.items() if tail.startswith(w[:5])), None)
            if tail.startswith("партн"):
                status = "partner"
        if status == "member" and t.lemma == "член" and i > 0 and toks[i - 1].lemma in (
                "государство", "страна"):
            status = None                        # "государства-члены": not about one state
        if t.lemma in ("выйти", "выходить") and not (i + 1 < len(toks) and toks[i + 1].lemma == "из"):
            status = None
        if t.lemma in ("вступление", "присоединение") and any(
                x.lemma == "кандидат" for x in toks[max(0, i - 3):i]):
            status = None                        # "статус кандидата на вступление": candidate
        if status:
            found.append((i, status))
    return found


def _state(toks: tuple[Token, ...], i: int) -> tuple[str, str]:
    """(state, how) for the status word at ``i``."""
    for j in range(i - 1, max(-1, i - 9), -1):
        cue = STATE_CUES.get(toks[j].lemma)
        if cue:
            if j > 0 and toks[j - 1].lemma == "не":
                return "negated", toks[j].text
            if cue == "granted" and any(x.lemma in INTENT for x in toks[max(0, j - 3):j]):
                return "applied", toks[j].text   # "о намерении стать членом", "заявку на получение"
            return cue, toks[j].text
        if toks[j].lemma in NOUN_STATUS or toks[j].lemma == "партнер":
            break                                # past another status word: its cue, not ours
    own = STATE_CUES.get(toks[i].lemma)
    if own:
        return own, toks[i].text
    for j in range(i + 1, min(len(toks), i + 5)):
        cue = STATE_CUES.get(toks[j].lemma)
        if cue:
            return cue, toks[j].text
    if toks[i].lemma in ("вступление", "присоединение", "членство"):
        return "negated", "none"                 # "процесс вступления": no status stated
    return "held", "default"


def _facts(ctx: FactContext, sent: Sentence, orgs: list[ActorAt], i: int, status: str) -> list[Found]:
    toks = sent.tokens
    word = toks[i]
    state, cue = _state(toks, i)
    if state == "negated":
        return []
    after = [o for o in orgs if o.start >= word.end]
    targets = after[:1]
    for o in after[1:]:                          # "членом СНГ и Организации тюркских государств"
        if re.fullmatch(r"\s*(?:,|и)\s*", ctx.text[targets[-1].end:o.start]):
            targets.append(o)
        else:
            break
    if not targets:
        targets = [o for o in orgs if o.end <= word.start][-1:]
    if not targets:
        return []
    out = []
    for org in targets:
        out.extend(_org_facts(ctx, sent, word, org, status, state, cue))
    return out


def _org_facts(ctx, sent, word, org, status, state, cue) -> list[Found]:
    members_at = _members(ctx, sent, word, org)
    members = [a.ref for a in members_at]
    if not members:
        return []
    period = next((p.period for p in ctx.paragraph_of(sent.start).periods
                   if sent.start <= p.start < sent.end and p.period and not p.is_baseline), None)
    out = []
    for m in members:
        when = dt.date.fromisoformat(period.end) if period and state != "applied" else ctx.day
        kb, holds = kb_check(org.id, m.id, status, state, when)
        attrs: list[tuple[str, object]] = [("status", status), ("state", state), ("kb", kb)]
        if holds:
            attrs.append(("kb_holds", holds))
        c0, c1 = clause_bounds(ctx.text, sent.start, sent.end, word.start)
        span = trim(ctx.text, min(c0, org.start, *(a.start for a in members_at if a.id == m.id)),
                    max(c1, org.end))
        fact = Fact(id="", kind="membership", subject=m, object=org.ref, evidence=span,
                    rule=f"facts.membership.{state}", period=period, attributes=tuple(attrs))
        out.append(Found(fact, (f"status word «{word.text}» -> {status}; cue «{cue}» -> {state}",
                                f"organisation {org.id}; member {m.id} "
                                f"(clause «{ctx.text[c0:c1].strip()}»)",
                                f"knowledge base: {kb}" + (f" ({', '.join(holds)})" if holds else ""))))
    return out


def _members(ctx: FactContext, sent: Sentence, word: Token, org: ActorAt) -> list[ActorAt]:
    states = [a for a in ctx.actors(sent, kinds=STATE_KINDS) if a.id != org.id]
    if not states:
        return []
    c0, c1 = clause_bounds(ctx.text, sent.start, sent.end, word.start)
    # a list "Египет, Эфиопия и Иран стали членами": the clause may be cut by its commas
    while c0 > sent.start and any(a.end <= c0 and a.end >= c0 - 3 and a.prep is None
                                  for a in states):
        c0, _ = clause_bounds(ctx.text, sent.start, sent.end, c0 - 2)
    local = [a for a in states if c0 <= a.start < c1 and a.prep is None and a.type != "ADJ"]
    subj = [a for a in local if a.case in ("Nom", None) or a.type == "ANAPHOR"]
    pick = subj or local
    if pick:
        return unique_actors(pick)
    before = [a for a in states if a.end <= word.start and a.prep is None]
    return before[-1:]


def kb_check(org: str, member: str, status: str, state: str, day: dt.date | None
             ) -> tuple[str, list[str]]:
    """('agrees' | 'differs' | 'unknown', what the knowledge base holds for the pair)."""
    rows = [m for m in load_kb().memberships if m.org == org and m.member == member]
    if not rows:
        return "unknown", []
    when = day.isoformat() if day else None
    current = [m for m in rows if _valid(m, when)]
    holds = [f"{m.status} {m.state}" + (f" since {m.start}" if m.start else "") for m in current]
    if state == "left":
        ok = any(m.status == status and m.end and (when is None or m.end <= when) for m in rows)
    elif state == "applied":
        ok = any(m.status == status and m.state == "applied" for m in current)
    else:
        ok = any(m.status == status and m.state == "held" for m in current)
    return ("agrees" if ok else "differs"), ([] if ok else holds)


def _valid(m: Membership, when: str | None) -> bool:
    if when is None:
        return m.end is None
    return (not m.start or m.start <= when) and (not m.end or m.end >= when)
