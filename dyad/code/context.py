"""What the sentences before give a sentence's arguments: the person a subjectless verb continues
("Мин Си родилась в Шанхае. В 2010 году подписала контракт ..."), by grammatical gender, and the
people the document named beside a common noun ("футболист Лионель Месси" ... "футболиста")."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import Sequence

from ..lang.types import Sentence
from ..types import ActorRef, Mention


def up_names(sent: Sentence, tok):
    """The noun a name stands beside ("полковник ... Владимир Квачков" -> "полковник")."""
    for _ in range(3):
        if tok.rel not in ("appos", "flat", "flat:name") or not 0 <= tok.head < len(sent.tokens):
            break
        tok = sent.tokens[tok.head]
    return tok


def descriptions(sent: Sentence, mentions: Sequence[Mention]) -> dict[str, tuple[int, ActorRef]]:
    """The people (``mentions``: the sentence's person mentions) a sentence names right after a common noun for a person ("российский политик
    Алексей Навальный", "футболист сборной Аргентины Лионель Месси"): noun lemma -> (where, person);
    a noun naming two people in the sentence names neither."""
    out: dict[str, tuple[int, ActorRef]] = {}
    seen: set[str] = set()
    toks = sent.tokens
    for m in mentions:
        if m.type != "PER":
            continue
        first = next((i for i, t in enumerate(toks) if t.start >= m.start), None)
        if first is None:
            continue
        for k in range(first - 1, max(-1, first - 5), -1):
            t = toks[k]
            if t.pos in ("VERB", "AUX", "PUNCT", "CCONJ", "SCONJ", "ADP"):
                break
            if t.pos == "NOUN" and t.feat("Animacy") == "Anim" and t.feat("Number") == "Sing":
                if t.feat("Case") != toks[first].feat("Case"):
                    break               # "девушка Кристенсена": his girlfriend, not him
                if t.lemma in seen and out.get(t.lemma, (0, m.actor))[1].id != m.actor.id:
                    out.pop(t.lemma, None)
                else:
                    out[t.lemma] = (m.start, m.actor)
                seen.add(t.lemma)
                break
    return out


ZERO_WINDOW = 5             # sentences back a subjectless verb may take its person from


def people_by_sentence(sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[list[Mention]]:
    """The person mentions of each sentence (the ones the zero subjects and descriptions read)."""
    starts = [s.start for s in sentences]
    out: list[list[Mention]] = [[] for _ in sentences]
    for m in mentions:
        if m.actor is None or m.actor.kind != "person":
            continue
        k = bisect_right(starts, m.start) - 1
        if k >= 0 and m.start < sentences[k].end:
            out[k].append(m)
    return out


def earlier_subjects(sentences: Sequence[Sentence], k: int, people: Sequence[Sequence[Mention]]) -> dict[str, ActorRef]:
    """By grammatical gender, the person a subjectless verb of sentence k continues: in the nearest
    of the sentences before where a person of that gender is a subject, that person (a sentence
    whose people of that gender are only objects is passed over); nothing where two are."""
    out: dict[str, ActorRef] = {}
    for j in range(k - 1, max(-1, k - 1 - ZERO_WINDOW), -1):
        sent = sentences[j]
        found: dict[str, list[tuple[bool, ActorRef]]] = {}
        for m in people[j]:
            if m.type not in ("PER", "PRON", "TITLE"):
                continue
            toks = [t for t in sent.tokens if m.start <= t.start and t.end <= m.end]
            if sent.parsed:
                subj = next((t for t in map(lambda t: up_names(sent, t), toks)
                             if (t.rel or "").startswith("nsubj")), None)
                verb = sent.tokens[subj.head] if subj is not None and 0 <= subj.head < len(sent.tokens) else None
            else:       # not parsed (no trigger in it): a nominative before the first verb
                verb = next((t for t in sent.tokens if t.pos == "VERB"), None)
                subj = next((t for t in toks if t.feat("Case") == "Nom"), None) \
                    if verb is not None and toks and toks[-1].end <= verb.start else None
            # a subject's gender is its past-tense verb's ("Премьер-министр ... Мелони прибыла")
            gender = verb.feat("Gender") if verb is not None and verb.feat("Gender") else \
                next((t.feat("Gender") for t in toks if t.feat("Gender")), None)
            if gender not in ("Masc", "Fem"):
                continue
            subject = subj is not None
            ref = replace(m.actor, rule=m.rule, confidence=m.confidence)
            if not any(r.id == ref.id for _, r in found.get(gender, [])):
                found.setdefault(gender, []).append((subject, ref))
        for gender, named in found.items():
            if gender in out:
                continue
            subjects = [r for s, r in named if s]
            if len(subjects) == 1:
                out[gender] = subjects[0]
        if len(out) == 2:
            break
    return out
