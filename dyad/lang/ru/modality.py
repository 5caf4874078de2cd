"""Negation and modality of a coded event, as the record contract defines them.

``negated`` is true for "не поддержал", "так и не подписали" (a ``не`` on the trigger or on the
verb that governs it; "не только", "не раз", "не менее" are not negations).

``modality`` is null for an event the article reports as having happened, else:

- ``historical``   recalled from the past: its date ends more than HISTORICAL_DAYS before the
                   article date ("в 2015 году", "три года назад"), or a cue such as "в свое время";
- ``intent``       governed by намерен, планирует, собирается, хочет, готов, стремится;
- ``hypothetical`` under "бы", "если", "может/могут", "возможно", "не исключил";
- ``future``       a future tense (посетит, будет обсуждать, состоится), a date after the article
                   date, a nominal event qualified as предстоящий/будущий/запланированный or the
                   subject of a scheduling verb ("визит запланирован", "встреча перенесена").

Each decision names its cue (``Modality.cue``) so `dyad explain` can show it.
"""
from __future__ import annotations

import datetime as dt
from typing import Sequence

from ..types import Modality, Token
from ...resolve.dates import DateRef, parse_day, period_last, period_start

HISTORICAL_DAYS = 180
NOT_NEGATION = {"только", "раз", "менее", "более", "просто", "лишь", "случайно", "зря", "без", "столько",
                "так", "исключено"}
INTENT = {"намеренный", "намерен", "намереваться", "планировать", "собираться", "хотеть", "захотеть",
          "стремиться", "готовый", "готов", "решить", "рассчитывать", "надеяться", "задумать",
          "желать", "мечтать"}
HYPOTHETICAL = {"мочь", "смочь", "возможно", "возможный", "вероятно", "якобы", "исключить", "предположительно"}
SCHEDULED = {"запланировать", "планироваться", "намечаться", "наметить", "ожидаться", "предстоять",
             "назначить", "перенести", "отложить"}
FUTURE_ADJ = {"предстоящий", "будущий", "запланированный", "планируемый", "грядущий"}
PAST_ENDINGS = ("л", "ла", "ло", "ли", "лся", "лась", "лось", "лись")   # bi-aspectual verbs tagged Fut
FUTURE_AUX = {"буду", "будешь", "будет", "будем", "будете", "будут"}
HISTORICAL_CUES = (("в", "свой", "время"), ("когда-то",), ("некогда",), ("в", "прошлое"))


def _chain(tokens: Sequence[Token], head: int, anchor: int) -> list[int]:
    """The trigger, its anchor and the verbs governing them through xcomp/aux-like links."""
    out = [head]
    if anchor != head:
        out.append(anchor)
    i = anchor
    for _ in range(3):
        tok = tokens[i]
        if tok.rel in ("xcomp", "csubj") and 0 <= tok.head < len(tokens):
            i = tok.head
            out.append(i)
        else:
            break
    return out


def _negated(tokens: Sequence[Token], chain: list[int]) -> str | None:
    for i, tok in enumerate(tokens):
        if tok.lemma not in ("не", "ни"):
            continue
        nxt = tokens[i + 1].lemma if i + 1 < len(tokens) else ""
        if nxt in NOT_NEGATION:
            continue
        if tok.head in chain or (i + 1 in chain) or (i + 2 in chain and tokens[i + 1].pos in ("AUX", "ADV")):
            return tok.text
    return None


def modality_of(tokens: Sequence[Token], head: int, anchor: int | None = None,
                date: DateRef | None = None, article_date: str | dt.date | None = None,
                article_precision: str | None = "day") -> Modality:
    """Negation and modality of the event whose trigger head is ``tokens[head]``.

    ``article_precision``: that of ``article_date`` (an estimated date may be known to the month
    or year only); a date is historical when it ended long before the article's period began,
    future when it begins after the article's period ends."""
    anchor = head if anchor is None else anchor
    chain = _chain(tokens, head, anchor)
    neg = _negated(tokens, chain) is not None
    lemmas = [t.lemma for t in tokens]
    # cues attached to the chain
    for i in chain:
        tok = tokens[i]
        if tok.lemma in INTENT and i != head:
            return Modality(neg, "intent", tok.text)
        if tok.lemma in HYPOTHETICAL and i != head:
            return Modality(neg, "hypothetical", tok.text)
    for i, tok in enumerate(tokens):
        if tok.head in chain and tok.lemma in INTENT | HYPOTHETICAL and i not in chain and tok.rel != "nsubj":
            kind = "intent" if tok.lemma in INTENT else "hypothetical"
            return Modality(neg, kind, tok.text)
        if tok.lemma == "бы" and (tok.head in chain or abs(i - head) <= 3):
            return Modality(neg, "hypothetical", tok.text)
        if tok.lemma == "если" and (tok.head in chain or any(tokens[j].head == tok.head for j in chain)
                                   or (tokens[tok.head].rel == "advcl" and tokens[tok.head].head in chain)):
            return Modality(neg, "hypothetical", tok.text)
    # historical: the date
    day = parse_day(article_date)
    if day is not None:
        day = period_start(day, article_precision)
    if date is not None and day is not None and (day - date.period_end()).days > HISTORICAL_DAYS:
        return Modality(neg, "historical", "date:" + date.date)
    for cue in HISTORICAL_CUES:
        n = len(cue)
        for i in range(len(lemmas) - n + 1):
            if tuple(lemmas[i:i + n]) == cue:
                return Modality(neg, "historical", " ".join(cue))
    # future
    if anchor != head and tokens[anchor].lemma in SCHEDULED:
        return Modality(neg, "future", tokens[anchor].text)      # "визит запланирован на май"
    for i in chain:
        tok = tokens[i]
        if tok.feat("Tense") == "Fut" and not tok.text.lower().endswith(PAST_ENDINGS):
            return Modality(neg, "future", tok.text)
        for c, t in enumerate(tokens):
            if t.head == i and t.rel in ("aux", "aux:pass") and (t.feat("Tense") == "Fut" or t.text.lower()
                                                                  in FUTURE_AUX):
                return Modality(neg, "future", t.text)
            if t.head == i and t.rel == "amod" and t.lemma in FUTURE_ADJ:
                return Modality(neg, "future", t.text)
    for t in tokens:
        if t.head == head and t.lemma in FUTURE_ADJ:
            return Modality(neg, "future", t.text)
    if date is not None and day is not None and date.day > period_last(day, article_precision):
        return Modality(neg, "future", "date:" + date.date)
    return Modality(neg, None, None)

