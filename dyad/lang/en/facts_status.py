"""English memberships and statuses, and stances: the rules of :mod:`dyad.code.memberships` and
:mod:`dyad.code.stances` over English words, with the same attributes and rule names.

Memberships: a status word (:data:`NOUN_STATUS`: observer, member, membership, accession,
candidate; "dialogue partner"; "partner country"; the verbs join, accede, leave/withdraw from)
takes the nearest state cue before it (:data:`STATE_CUES`: is/has/holds -> held, applied/
application/bid/seeks -> applied, became/received/was granted/joined -> granted, left/withdrew ->
left), else after it, else ``held``; "is not a member" is skipped, an intent before a granting cue
("wants to become a member") makes it ``applied``. The organisation is the nearest ``igo`` after
the word, else before it; the members are the states of its clause without a preposition.
``kb`` is :func:`dyad.code.memberships.kb_check` on the article date (or the period's end).

Stances: :data:`STANCE_WORDS` (supports, backs, respects, welcomes, expresses solidarity,
recognises; condemns, rejects, criticises, opposes; "stands for"/"against"; "not" flips), issues
(:data:`ISSUES`), places and "the issue of" actors as issue ids, the first other state the target,
the nearest actor before the word the holder; one fact per holder and polarity in a sentence.
"""
from __future__ import annotations

import datetime as dt
import re

from ...code.fact_context import ActorAt, Found, clause_bounds, trim, unique_actors
from ...code.memberships import kb_check
from ...types import ActorRef, Fact, Span
from ..types import Sentence, Token
from .facts_context import EnglishContext

STATE_CUES = {
    "have": "held", "hold": "held", "be": "held", "enjoy": "held", "remain": "held",
    "retain": "held", "serve": "held",
    "apply": "applied", "application": "applied", "bid": "applied", "request": "applied",
    "seek": "applied", "aspire": "applied", "aspiration": "applied", "submit": "applied",
    "petition": "applied", "candidacy": "applied",
    "receive": "granted", "obtain": "granted", "get": "granted", "grant": "granted",
    "award": "granted", "admit": "granted", "become": "granted", "gain": "granted",
    "acquire": "granted", "win": "granted", "accept": "granted", "approve": "granted",
    "join": "granted", "accede": "granted", "admission": "granted",
    "leave": "left", "withdraw": "left", "withdrawal": "left", "exit": "left", "quit": "left",
}
VERB_STATUS = {"join": "member", "accede": "member", "leave": "member", "withdraw": "member",
               "exit": "member", "quit": "member"}
INTENT = {"intention", "intend", "plan", "want", "wish", "seek", "aspire", "aspiration", "hope",
          "application", "apply", "bid", "request", "desire", "readiness", "ready", "eager"}
NOUN_STATUS = {"observer": "observer", "member": "member", "membership": "member",
               "accession": "member", "candidate": "candidate"}
NOT_ONE_STATE = {"state", "country", "nation", "states", "countries", "nations"}


def memberships(ctx: EnglishContext) -> list[Found]:
    out: list[Found] = []
    for sent in ctx.analysis.sentences:
        orgs = ctx.actors(sent, kinds=("igo",))
        seen: set[tuple] = set()
        for index, status in (_status_words(sent) if orgs else ()):
            for f in _membership_facts(ctx, sent, orgs, index, status):
                key = (f.fact.subject.id, f.fact.object.id, f.fact.attrs["status"], f.fact.attrs["state"])
                if key not in seen:                   # "joined BRICS as a full member": one fact
                    seen.add(key)
                    out.append(f)
    return out


def _status_words(sent: Sentence) -> list[tuple[int, str]]:
    toks = sent.tokens
    found = []
    for i, t in enumerate(toks):
        low = t.text.lower()
        nxt = toks[i + 1].lemma if i + 1 < len(toks) else ""
        status = NOUN_STATUS.get(t.lemma) or (VERB_STATUS.get(t.lemma) if t.pos == "VERB" else None)
        if t.lemma == "partner":
            prev = toks[i - 1].lemma if i else ""
            if prev in ("dialogue", "dialog"):
                status = "dialogue_partner"
            elif nxt in ("country", "state", "status") or prev == "-":
                status = "partner"
        if status == "member" and t.lemma == "member" and (
                nxt in NOT_ONE_STATE or (i and toks[i - 1].lemma in ("fellow", "other", "all"))):
            status = None                             # "member states": not about one state
        if t.lemma in ("leave", "withdraw", "exit", "quit") and status and not (
                t.lemma == "leave" or (i + 1 < len(toks) and toks[i + 1].lemma == "from")):
            status = None
        if low in ("accession", "membership") and any(x.lemma == "candidate" for x in toks[max(0, i - 4):i]):
            status = None                             # "candidate for membership": candidate
        if status:
            found.append((i, status))
    return found


def _state(toks: tuple[Token, ...], i: int) -> tuple[str, str]:
    """(state, cue) for the status word at ``i``."""
    for j in range(i - 1, max(-1, i - 9), -1):
        cue = STATE_CUES.get(toks[j].lemma)
        if cue:
            if any(x.lemma in ("not", "never", "no") for x in toks[max(0, j - 1):j + 2]):
                return "negated", toks[j].text
            if cue in ("granted", "held") and any(x.lemma in INTENT for x in toks[max(0, j - 4):j]):
                return "applied", toks[j].text        # "intends to become", "an application to be"
            if cue == "granted" and toks[j].lemma in ("be",):
                continue
            return cue, toks[j].text
        if toks[j].lemma in NOUN_STATUS or toks[j].lemma == "partner":
            break
    own = STATE_CUES.get(toks[i].lemma)
    if own:
        if any(x.lemma in INTENT for x in toks[max(0, i - 4):i]):
            return "applied", toks[i].text
        return own, toks[i].text
    for j in range(i + 1, min(len(toks), i + 5)):
        cue = STATE_CUES.get(toks[j].lemma)
        if cue and cue != "held":
            return cue, toks[j].text
    if toks[i].lemma in ("accession", "membership") and not any(
            x.lemma in ("have", "hold", "full") for x in toks[max(0, i - 3):i]):
        return "negated", "none"                      # "the accession process": no status stated
    return "held", "default"


def _membership_facts(ctx, sent, orgs: list[ActorAt], i: int, status: str) -> list[Found]:
    word = sent.tokens[i]
    state, cue = _state(sent.tokens, i)
    if state == "negated":
        return []
    after = [o for o in orgs if o.start >= word.end]
    targets = after[:1]
    for o in after[1:]:                               # "a member of the CIS and the OTS"
        if re.fullmatch(r"\s*(?:,|and)\s*(?:the\s+)?", ctx.text[targets[-1].end:o.start]):
            targets.append(o)
        else:
            break
    targets = targets or [o for o in orgs if o.end <= word.start][-1:]
    out = []
    for org in targets:
        members_at = _members(ctx, sent, word, org)
        period = next((p.period for p in ctx.paragraph_of(sent.start).periods
                       if sent.start <= p.start < sent.end and p.period and not p.is_baseline), None)
        for m in unique_actors(members_at):
            when = dt.date.fromisoformat(period.end) if period and state != "applied" else ctx.day
            kb, holds = kb_check(org.id, m.id, status, state, when)
            attrs: list[tuple[str, object]] = [("status", status), ("state", state), ("kb", kb)]
            if holds:
                attrs.append(("kb_holds", holds))
            c0, c1 = clause_bounds(ctx.text, sent.start, sent.end, word.start)
            span = trim(ctx.text, min(c0, org.start, m.start), max(c1, org.end))
            fact = Fact(id="", kind="membership", subject=m.ref, object=org.ref, evidence=span,
                        rule=f"facts.membership.{state}", period=period, attributes=tuple(attrs))
            out.append(Found(fact, (f"status word «{word.text}» -> {status}; cue «{cue}» -> {state}",
                                    f"organisation {org.id}; member {m.id}",
                                    f"knowledge base: {kb}" + (f" ({', '.join(holds)})" if holds else ""))))
    return out


def _members(ctx, sent: Sentence, word: Token, org: ActorAt) -> list[ActorAt]:
    states = [a for a in ctx.actors(sent, kinds=("country",)) if a.id != org.id]
    if not states:
        return []
    c0, c1 = clause_bounds(ctx.text, sent.start, sent.end, word.start)
    while c0 > sent.start and any(c0 - 3 <= a.end <= c0 and a.prep is None for a in states):
        c0, _ = clause_bounds(ctx.text, sent.start, sent.end, c0 - 2)   # "Egypt, Iran and ..."
    local = [a for a in states if c0 <= a.start < c1 and a.prep in (None, "to") and a.type != "ADJ"
             and a.case != "Gen" or (c0 <= a.start < c1 and a.case == "Gen" and a.prep is None)]
    subj = [a for a in local if a.case in ("Nom", None, "Gen") or a.type == "ANAPHOR"]
    pick = subj or local
    if pick:
        return pick
    return [a for a in states if a.end <= word.start and a.prep is None][-1:]


# --- stances ---------------------------------------------------------------------------------

STANCE_WORDS = {
    "support": ("support", 1, True), "back": ("support", 1, True), "endorse": ("support", 1, True),
    "uphold": ("support", 1, True), "commitment": ("support", 1, True), "adhere": ("support", 1, True),
    "respect": ("respect", 1, True), "welcome": ("welcome", 1, True),
    "solidarity": ("solidarity", 1, False), "recognize": ("recognize", 1, False),
    "recognise": ("recognize", 1, False), "recognition": ("recognize", 1, False),
    "condemn": ("condemn", -1, False), "condemnation": ("condemn", -1, False),
    "reject": ("reject", -1, False), "criticize": ("criticize", -1, False),
    "criticise": ("criticize", -1, False), "oppose": ("oppose", -1, False),
    "advocate": ("for", 1, True), "favor": ("for", 1, True), "favour": ("for", 1, True),
}
ISSUES = (
    ("territorial_integrity", r"territorial\s+integrity"),
    ("sovereignty", r"sovereignty"),
    ("one_china", r"one[-\s]china\s+(?:policy|principle)"),
    ("independence", r"independence"),
    ("peaceful_settlement", r"peaceful\s+(?:settlement|resolution|solution)"),
    ("interference", r"interference|meddling"),
    ("sanctions", r"sanction"),
    ("annexation", r"annex"),
    ("aggression", r"aggression"),
    ("terrorism", r"terror"),
    ("occupation", r"occupation"),
    ("separatism", r"separatis"),
    ("human_rights", r"human\s+rights"),
    ("nuclear_program", r"nuclear\s+program"),
    ("reunification", r"reunification"),
    ("position", r"\bposition|\bstance"),
)
_ISSUE_RES = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in ISSUES]
HOLDER_KINDS = ("country", "igo", "person", "group")
TARGET_KINDS = ("country", "igo", "person")
ISSUE_KINDS = ("place", "region")
ISSUE_BEFORE = re.compile(r"(?:issues?|questions?|matters?)\s+(?:of|on|concerning|regarding|"
                          r"related\s+to)\s*(?:the\s+)?$|\b(?:on|over|regarding|concerning)\s*$")


def _stance_words(sent: Sentence) -> list[tuple[int, str, int, bool]]:
    toks = sent.tokens
    out = []
    for i, t in enumerate(toks):
        entry = STANCE_WORDS.get(t.lemma)
        nxt = toks[i + 1].lemma if i + 1 < len(toks) else ""
        if t.lemma in ("stand", "speak", "come", "argue") and nxt in ("for", "against", "out"):
            after = toks[i + 2].lemma if nxt == "out" and i + 2 < len(toks) else nxt
            entry = {"for": ("for", 1, True), "against": ("against", -1, False)}.get(after)
        if entry is None or (t.lemma == "back" and t.pos != "VERB"):
            continue
        name, polarity, needs = entry
        if any(x.lemma in ("not", "never") for x in toks[max(0, i - 2):i]):
            polarity, name = -polarity, "not_" + name
        out.append((i, name, polarity, needs))
    return out


def stances(ctx: EnglishContext) -> list[Found]:
    out: list[Found] = []
    for sent in ctx.analysis.sentences:
        found = []
        words = _stance_words(sent)
        for k, (i, name, polarity, needs) in enumerate(words):
            end = sent.tokens[words[k + 1][0]].start if k + 1 < len(words) else sent.end
            found.extend(_stance(ctx, sent, sent.tokens[i], end, name, polarity, needs))
        out.extend(_merged(found))
    return out


def _stance(ctx, sent, tok: Token, end: int, name: str, polarity: int, needs: bool):
    scope = ctx.text[tok.end:end]
    issues = [n for _, n in sorted((m.start(), n) for n, rx in _ISSUE_RES for m in [rx.search(scope)] if m)]
    target, issue_actors, prev_end = None, [], tok.end
    for a in ctx.actors(sent, tok.end, end, kinds=TARGET_KINDS + ISSUE_KINDS):
        before = ctx.text[max(sent.start, a.start - 30):a.start].lower()
        if a.ref.kind in ISSUE_KINDS or ISSUE_BEFORE.search(before) or (
                issue_actors and re.fullmatch(r"\s*(?:,|and)\s*", ctx.text[prev_end:a.start])):
            if a.id not in issue_actors:
                issue_actors.append(a.id)
        elif target is None and a.ref.kind in TARGET_KINDS:
            target = a.ref
        prev_end = a.end
    if (needs and not issues) or (not issues and not issue_actors and target is None):
        return []
    holder = _holder(ctx, sent, tok.start)
    if holder is None or (target is not None and target.id == holder.id):
        return []
    notes = (f"stance word «{tok.text}» -> {name} ({'+' if polarity > 0 else '-'})",
             f"holder {holder.id}; target {target.id if target else '-'}; issues "
             f"{', '.join(issues + issue_actors) or '-'}")
    return [(holder, target, polarity, tuple(issues + issue_actors), trim(ctx.text, sent.start, end),
             f"facts.stance.{name}", notes)]


def _holder(ctx, sent: Sentence, at: int) -> ActorRef | None:
    before = [a for a in ctx.actors(sent, sent.start, at, kinds=HOLDER_KINDS) if a.prep is None]
    for a in reversed(before):
        if a.case in ("Nom", None) or a.type in ("ANAPHOR", "TITLE", "ADJ"):
            return a.ref
    if before:
        return before[-1].ref
    after = [a for a in ctx.actors(sent, at, sent.end, kinds=HOLDER_KINDS)
             if a.prep is None and a.case == "Nom"]
    return after[0].ref if after else None


def _merged(stances: list[tuple]) -> list[Found]:
    groups: dict[tuple[str, int], list[tuple]] = {}
    for s in stances:
        groups.setdefault((s[0].id, s[2]), []).append(s)
    out = []
    for (_, polarity), group in groups.items():
        holder = group[0][0]
        target = next((s[1] for s in group if s[1] is not None), None)
        issues: list[str] = []
        for s in group:
            issues.extend(i for i in s[3] if i not in issues)
        rule = group[0][5] + "".join("+" + s[5].rsplit(".", 1)[1] for s in group[1:])
        span = Span(min(s[4].start for s in group), max(s[4].end for s in group))
        fact = Fact(id="", kind="stance", subject=holder, object=target, evidence=span, rule=rule,
                    attributes=(("issues", tuple(issues)),
                                ("polarity", "positive" if polarity > 0 else "negative")))
        out.append(Found(fact, tuple(n for s in group for n in s[6])))
    return out
