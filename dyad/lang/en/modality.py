"""Negation and modality of an English event, as the record contract defines them.

``negated``: a ``not``/``n't``/``never`` (dependency ``neg``) on the trigger or on a verb that
governs it through ``xcomp``/``ccomp``-free control ("did not sign", "refused to meet" is coded by
the lexicon, not here), or "no" before a nominal trigger ("no talks were held").

``modality`` is null for an event the article reports as having happened, else:

- ``future``        ``will``/``shall``/``'ll``, "be going to", "is to", "is due to", "is scheduled
                    to", "is expected to", a nominal trigger qualified as upcoming/planned/next;
- ``intent``        governed by plan, intend, want, hope, seek, aim, vow, pledge, promise, be ready,
                    be willing, prepare, threaten, agree, decide, offer ("plans to visit");
- ``hypothetical``  ``may``/``might``/``could``/``would``/``should``, "if", "possibly", "reportedly"
                    (but "would" in what a verb of saying reports, with no "if", is ``future``:
                    "said it would recognise").

Each decision names its cue so ``dyad explain`` can show it.
"""
from __future__ import annotations

from typing import Sequence

from ..types import Modality, Token

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"may", "might", "could", "would", "should", "can", "must"}
INTENT = {"plan", "intend", "want", "hope", "seek", "aim", "vow", "pledge", "promise", "prepare",
          "threaten", "agree", "decide", "offer", "propose", "wish", "try", "attempt", "expect",
          "ready", "willing", "determined", "eager", "keen", "set", "consider", "mull"}
INTENT_NOUNS = {"invitation", "offer", "plan", "proposal", "promise", "pledge", "commitment", "readiness",
                "intention", "bid", "decision", "willingness"}
FUTURE_CONTROL = {"schedule", "due", "expect", "slate", "poised", "about", "go", "likely", "set"}
HYPOTHETICAL_WORDS = {"possibly", "perhaps", "maybe", "reportedly", "allegedly", "probably", "if",
                      "unless", "whether"}
NEGATION = {"not", "n't", "never", "no"}
FUTURE_ADJ = {"upcoming", "planned", "forthcoming", "next", "future", "proposed", "scheduled",
              "expected", "possible", "potential", "prospective"}


def _chain(tokens: Sequence[Token], head: int) -> list[int]:
    """The trigger and the verbs or adjectives governing it through xcomp ("plans to visit",
    "is ready to sign", "is expected to meet"), nearest first."""
    out = [head]
    i = head
    for _ in range(4):
        tok = tokens[i]
        if tok.rel not in ("xcomp", "acomp") or tok.head < 0:
            break
        i = tok.head
        out.append(i)
    return out


def _children(tokens: Sequence[Token], i: int) -> list[int]:
    return [k for k, t in enumerate(tokens) if t.head == i]


REPORTING = {"say", "announce", "state", "declare", "confirm", "tell", "insist", "add", "promise", "pledge",
             "vow", "warn", "signal", "indicate"}


def _reported(tokens: Sequence[Token], i: int) -> bool:
    """Verb ``i`` is what a verb of saying reports, with no condition of its own ("Norway said it
    would recognise ...": "would" is "will" in reported speech; "... would if ..." stays hypothetical)."""
    tok = tokens[i]
    if tok.rel != "ccomp" or tok.head < 0 or tokens[tok.head].lemma not in REPORTING:
        return False
    return not any(tokens[k].lemma in ("if", "unless") for k in range(len(tokens)))


def modality_of(tokens: Sequence[Token], head: int) -> Modality:
    chain = _chain(tokens, head)
    negated = False
    modality = cue = None
    for depth, i in enumerate(chain):
        kids = _children(tokens, i)
        for k in kids:
            t = tokens[k]
            if t.rel == "neg" or (t.lemma in NEGATION and t.rel in ("neg", "advmod", "det")):
                negated = True
        if tokens[i].pos == "NOUN":
            for k in kids:
                t = tokens[k]
                if t.lemma == "no" and t.rel == "det":
                    negated = True
                if t.lemma in FUTURE_ADJ and t.rel in ("amod", "compound") and modality is None:
                    modality, cue = "future", t.text
        if depth > 0 and modality is None:
            lemma = tokens[i].lemma
            if lemma in FUTURE_CONTROL and lemma not in INTENT or lemma in ("schedule", "due"):
                modality, cue = "future", tokens[i].text
            elif lemma in INTENT:
                modality, cue = "intent", tokens[i].text
        for k in kids:
            t = tokens[k]
            if t.rel not in ("aux", "auxpass", "advmod", "mark"):
                continue
            if t.lemma in FUTURE_AUX and modality is None:
                modality, cue = "future", t.text
            elif t.lemma == "would" and t.rel == "aux" and modality is None and _reported(tokens, i):
                modality, cue = "future", t.text       # "said it would recognise": will, reported
            elif t.lemma in HYPOTHETICAL_AUX and t.rel == "aux" and modality in (None, "future"):
                modality, cue = "hypothetical", t.text
            elif t.lemma in HYPOTHETICAL_WORDS and modality is None:
                modality, cue = "hypothetical", t.text
    if modality is None and tokens[head].rel == "acl" and tokens[head].feat("VerbForm") == "Inf" \
            and tokens[head].head >= 0 and tokens[tokens[head].head].lemma in INTENT_NOUNS:
        # "accepted an invitation to visit New Delhi", "an offer to mediate": intended, not done
        modality, cue = "intent", tokens[tokens[head].head].text
    if tokens[head].rel == "advcl" and any(tokens[k].lemma in ("if", "unless") for k in _children(tokens, head)):
        modality, cue = "hypothetical", "if"
    return Modality(negated, modality, cue)
