"""Stances: who backs or condemns whom, on which issues.

A stance word (:data:`STANCE_WORDS`) with its polarity: ``выступает за``, ``поддерживает``,
``уважает``, ``выражает солидарность``, ``признаёт`` (positive); ``выступает против``,
``осуждает``, ``отвергает``, ``критикует``, ``не признаёт`` (negative; ``не`` flips a word).
Words marked ``needs_issue`` count only with an issue word after them (``поддерживает
территориальную целостность``, not ``поддерживает расширение роли``); the others need an issue or
a target.

After the word, up to the next stance word: issue words (:data:`ISSUES`) become issue names;
places (Тайвань, Синьцзян, Крым) and states named after ``по вопросу`` become issue actor ids;
the first other state or organisation is the target. The holder is the nearest actor before the
word that stands without a preposition (a state, an organisation or a person).

Stances of one sentence with the same holder and polarity are one fact: when one sentence says
that Azerbaijan ``выступает за территориальную целостность Китая`` and also that it ``выражает
солидарность по вопросам Тайваня, Гонконга и Синьцзяна``, the result is a single fact AZE -> CHN
with issues territorial_integrity, TWN, HKG, xinjiang, positive.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang.types import Sentence
from ..types import ActorRef, Fact, Span
from .fact_context import FactContext, Found, trim

# lemma -> (name, polarity, needs_issue); "выступать" is read with the preposition after it
STANCE_WORDS = {
    "поддерживать": ("support", 1, True), "поддержать": ("support", 1, True),
    "поддержка": ("support", 1, True), "уважать": ("respect", 1, True),
    "уважение": ("respect", 1, True), "приветствовать": ("welcome", 1, True),
    "солидарность": ("solidarity", 1, False), "солидаризироваться": ("solidarity", 1, False),
    "признавать": ("recognize", 1, False), "признать": ("recognize", 1, False),
    "признание": ("recognize", 1, False),
    "осуждать": ("condemn", -1, False), "осудить": ("condemn", -1, False),
    "осуждение": ("condemn", -1, False), "отвергать": ("reject", -1, False),
    "отвергнуть": ("reject", -1, False), "критиковать": ("criticize", -1, False),
    "раскритиковать": ("criticize", -1, False), "возражать": ("oppose", -1, False),
}
ISSUES = (
    ("territorial_integrity", r"территориальн\w*\s+целостност"),
    ("sovereignty", r"суверенитет"),
    ("one_china", r"(?:принцип\w*|политик\w*)\s+(?:«)?одного\s+китая"),
    ("independence", r"независимост"),
    ("peaceful_settlement", r"мирн\w*\s+(?:урегулирован|разрешен)"),
    ("interference", r"вмешательств"),
    ("sanctions", r"санкци"),
    ("annexation", r"аннекси"),
    ("aggression", r"агресси"),
    ("terrorism", r"террор|теракт"),
    ("occupation", r"оккупаци"),
    ("separatism", r"сепаратизм"),
    ("human_rights", r"прав\w*\s+человека"),
    ("nuclear_program", r"ядерн\w*\s+программ"),
    ("reunification", r"воссоединени"),
    ("position", r"позици"),
)
_ISSUE_RES = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in ISSUES]
ADMIT_WORDS = {"признавать", "признать", "признание"}   # ", что ...": an admission, not a stance
HOLDER_KINDS = ("country", "igo", "person", "group")
TARGET_KINDS = ("country", "igo", "person")
ISSUE_KINDS = ("place", "region")


@dataclass(frozen=True, slots=True)
class _Stance:
    holder: ActorRef
    target: ActorRef | None
    polarity: int
    issues: tuple[str, ...]
    span: Span
    rule: str
    notes: tuple[str, ...]


def extract(ctx: FactContext) -> list[Found]:
    out: list[Found] = []
    for sent in ctx.analysis.sentences:
        stances = [s for s in _sentence_stances(ctx, sent) if s is not None]
        out.extend(_merged(ctx, stances))
    return out


def _words(sent: Sentence) -> list[tuple[int, str, int, bool]]:
    """(token index, name, polarity, needs_issue) for each stance word."""
    toks = sent.tokens
    out = []
    for i, t in enumerate(toks):
        entry = STANCE_WORDS.get(t.lemma)
        if t.lemma in ("выступать", "выступить", "высказываться", "высказаться") and i + 1 < len(toks):
            nxt = toks[i + 1].lemma
            entry = {"за": ("for", 1, True), "против": ("against", -1, False)}.get(nxt)
        if entry is None or (t.lemma in ADMIT_WORDS and _admits(toks, i)):
            continue
        name, polarity, needs = entry
        if i > 0 and toks[i - 1].lemma == "не":
            polarity, name = -polarity, "not_" + name
        out.append((i, name, polarity, needs))
    return out


def _admits(toks, i: int) -> bool:
    """"признал, что переговоры зашли в тупик": admitting a fact (a clause follows) is no stance."""
    after = [t.lemma for t in toks[i + 1:i + 4]]
    return "что" in after[:2] or after[:2] == [",", "что"]


def _passive(tok) -> bool:
    """A passive participle ("поддерживаемые", "осуждаемый"): its agent is in the instrumental."""
    return tok.feat("VerbForm") == "Part" and tok.feat("Voice") == "Pass"


def _sentence_stances(ctx: FactContext, sent: Sentence) -> list[_Stance | None]:
    words = _words(sent)
    out = []
    for k, (i, name, polarity, needs) in enumerate(words):
        tok = sent.tokens[i]
        end = sent.tokens[words[k + 1][0]].start if k + 1 < len(words) else sent.end
        scope = ctx.text[tok.end:end]
        hits = sorted((m.start(), n) for n, rx in _ISSUE_RES for m in [rx.search(scope)] if m)
        issues = [n for _, n in hits]
        target, issue_actors, prev_end = None, [], tok.end
        for a in ctx.actors(sent, tok.end, end, kinds=TARGET_KINDS + ISSUE_KINDS):
            before = ctx.text[max(sent.start, a.start - 25):a.start].lower()
            if a.ref.kind in ISSUE_KINDS or re.search(r"вопрос\w*\s*$|вопрос\w*\s+\w+,?\s*$", before) \
                    or (issue_actors and re.fullmatch(r"\s*(?:,|и)\s*", ctx.text[prev_end:a.start])):
                if a.id not in issue_actors:
                    issue_actors.append(a.id)
                prev_end = a.end
                continue
            if target is None and a.ref.kind in TARGET_KINDS:
                target = a.ref
            prev_end = a.end
        if _passive(tok):                  # "Х, поддерживаемый Y": Y backs X, whatever follows
            holder, target, issues, issue_actors = _agent(ctx, sent, tok), _patient(ctx, sent, tok.start), [], []
            if target is None:
                continue
        elif (needs and not issues) or (not issues and not issue_actors and target is None):
            continue
        else:
            holder = _holder(ctx, sent, tok.start)
        if holder is None or (target is not None and target.id == holder.id):
            continue
        span = trim(ctx.text, sent.start, end)
        notes = (f"stance word «{tok.text}» -> {name} ({'+' if polarity > 0 else '-'})",
                 f"holder {holder.id}; target {target.id if target else '-'}; issues "
                 f"{', '.join(issues + issue_actors) or '-'}")
        out.append(_Stance(holder, target, polarity, tuple(issues + issue_actors), span,
                           f"facts.stance.{name}", notes))
    return out


def _agent(ctx: FactContext, sent: Sentence, tok) -> ActorRef | None:
    """The agent of a passive participle: the instrumental actor right after it ("поддерживаемые
    Ираном": Iran), else none (the noun it qualifies is what is backed, not who backs)."""
    after = ctx.actors(sent, tok.end, min(sent.end, tok.end + 60), kinds=HOLDER_KINDS)
    return next((a.ref for a in after if a.prep is None and a.case == "Ins"), None)


def _patient(ctx: FactContext, sent: Sentence, at: int) -> ActorRef | None:
    before = [a for a in ctx.actors(sent, sent.start, at, kinds=TARGET_KINDS) if a.prep is None]
    return before[-1].ref if before else None


def _holder(ctx: FactContext, sent: Sentence, at: int) -> ActorRef | None:
    """The nearest actor before the word that stands without a preposition and is not the agent
    of a passive participle ("Венесуэла, поддерживаемая Китаем, осудила ...": Venezuela); a
    quoted first-person stance («Мы поддерживаем ...», — заявил X) is its speaker's."""
    quoted = _speaker(ctx, sent, at)
    if quoted is not None:
        return quoted
    before = [a for a in ctx.actors(sent, sent.start, at, kinds=HOLDER_KINDS)
              if a.prep is None and not _agent_of_passive(sent, a)]
    for a in reversed(before):
        if a.case in ("Nom", None) or a.type in ("ANAPHOR", "TITLE"):
            return a.ref
    if before:
        return before[-1].ref
    after = [a for a in ctx.actors(sent, at, sent.end, kinds=HOLDER_KINDS)
             if a.prep is None and a.case == "Nom"]
    return after[0].ref if after else None


def _agent_of_passive(sent: Sentence, a) -> bool:
    if a.case != "Ins":
        return False
    before = [t for t in sent.tokens if t.end <= a.start][-3:]
    return any(_passive(t) for t in before)


SPEECH_VERBS = r"(?:заявил|сказал|подчеркнул|отметил|добавил|указал|сообщил|пояснил|заверил)\w*"
AFTER_QUOTE = re.compile(r"»\s*,?\s*[—–-]\s*" + SPEECH_VERBS)


def _speaker(ctx: FactContext, sent: Sentence, at: int) -> ActorRef | None:
    """The speaker of the quotation the word stands in, when the quotation names no holder of its
    own before the word: «Мы поддерживаем ...», — заявил президент Казахстана."""
    text = ctx.text
    open_at = text.rfind("«", sent.start, at)
    if open_at < 0 or text.find("»", open_at, at) >= 0:
        return None
    close = text.find("»", at, sent.end)
    if close < 0:
        return None
    inside = [a for a in ctx.actors(sent, open_at, at, kinds=HOLDER_KINDS) if a.prep is None]
    if inside:
        return None
    m = AFTER_QUOTE.match(text, close)
    if m is None:
        return None
    after = [a for a in ctx.actors(sent, m.end(), sent.end, kinds=HOLDER_KINDS) if a.prep is None]
    return after[0].ref if after else None


def _merged(ctx: FactContext, stances: list[_Stance]) -> list[Found]:
    groups: dict[tuple[str, int], list[_Stance]] = {}
    for s in stances:
        groups.setdefault((s.holder.id, s.polarity), []).append(s)
    out = []
    for (_, polarity), group in groups.items():
        first = group[0]
        target = next((s.target for s in group if s.target is not None), None)
        issues: list[str] = []
        for s in group:
            issues.extend(i for i in s.issues if i not in issues)
        rule = first.rule + "".join("+" + s.rule.rsplit(".", 1)[1] for s in group[1:])
        span = Span(min(s.span.start for s in group), max(s.span.end for s in group))
        fact = Fact(id="", kind="stance", subject=first.holder, object=target, evidence=span,
                    rule=rule, attributes=(("issues", tuple(issues)),
                                           ("polarity", "positive" if polarity > 0 else "negative")))
        out.append(Found(fact, tuple(n for s in group for n in s.notes)))
    return out
