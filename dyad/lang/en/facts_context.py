"""One English document as the English fact rules see it: :class:`EnglishContext`.

It is the Russian :class:`dyad.code.fact_context.FactContext` (paragraphs, actors in a span, the
pair of states the text is about) with two English parts: the figures come from
:mod:`dyad.lang.en.figures`, and an actor's grammar from the English parse:

- ``prep``: the preposition before the mention ("to", "from", "with", "between", "of", "in"),
  skipping a determiner ("of the SCO") and reaching back over a list ("between A and B");
- ``case``: ``Gen`` for a possessive ("Azerbaijan's") or an "of" phrase, ``Nom`` for a subject,
  ``Acc`` for an object, ``Dat`` for a dative ("lent Pakistan $2 billion"), else None;
- ``via``: "into the economy of Kazakhstan": the noun between the preposition and the actor.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ...code.fact_context import FactContext, Paragraph
from ...resolve.dates import parse_day
from ...types import Document, Mention
from ..types import Analysis, Sentence
from .figures import figures

FIGURE_HINT = re.compile(r"\d|\b(?:doubl|tripl|trebl|quadrupl|halv|fold|times|year|month|quarter|half|period|"
                         r"January|February|March|April|May|June|July|August|September|October|"
                         r"November|December)", re.IGNORECASE)
POSSESSIVE = ("'s", "’s", "'", "’")
SUBJECT_RELS = {"nsubj": "Nom", "nsubjpass": "Nom", "poss": "Gen", "dobj": "Acc", "dative": "Dat",
                "attr": "Nom", "appos": None}


class EnglishContext(FactContext):
    """:class:`FactContext` with English figures and English grammar around each actor."""

    def __init__(self, doc: Document, analysis: Analysis, mentions: tuple[Mention, ...]):
        self.doc = doc
        self.text = analysis.text
        self.analysis = analysis
        self.mentions = tuple(sorted(mentions, key=lambda m: (m.start, -m.end)))
        self.day = parse_day(doc.date)
        self.precision = doc.date_precision or "day"
        self.language = None                       # figures come from dyad.lang.en.figures

    def _figures(self, p: Paragraph) -> Paragraph:
        piece = self.text[p.start:p.end]
        if not FIGURE_HINT.search(piece):
            return p
        shift = p.start

        def moved(items):
            return [replace(x, start=x.start + shift, end=x.end + shift) for x in items]

        amounts, percents, multiples, periods = figures(piece, self.day, self.precision)
        p.amounts, p.percents = moved(amounts), moved(percents)
        p.multiples, p.periods = moved(multiples), moved(periods)
        return p

    def _grammar(self, sentence: Sentence, m: Mention) -> tuple[str | None, str | None, str | None]:
        toks = sentence.tokens
        first = next((i for i, t in enumerate(toks) if t.end > m.start), None)
        if first is None:
            return None, None, None
        last = max((i for i, t in enumerate(toks) if t.start < m.end), default=first)
        head = next((i for i in range(last, first - 1, -1) if toks[i].pos in ("PROPN", "NOUN")), last)
        case = _case(toks, head)
        if last + 1 < len(toks) and toks[last + 1].text in POSSESSIVE:
            case = "Gen"
        j = first - 1
        while j >= 0 and toks[j].pos == "DET":
            j -= 1
        prev = toks[j] if j >= 0 else None
        if prev is not None and prev.pos == "ADP":
            word = prev.text.lower()
            if word == "of":
                k = j - 1
                if k >= 0 and toks[k].pos == "NOUN":
                    n = k - 1
                    while n >= 0 and toks[n].pos in ("DET", "ADJ"):
                        n -= 1
                    if n >= 0 and toks[n].pos == "ADP" and toks[n].text.lower() != "of":
                        return toks[n].text.lower(), "Gen", toks[k].lemma   # "into the economy of X"
                return "of", "Gen", None
            return word, case, None
        if prev is not None and prev.text.lower() in ("and", ",", "or"):
            for k in range(j - 1, max(-1, j - 14), -1):   # "between Azerbaijan and China"
                if toks[k].pos == "ADP":
                    return toks[k].text.lower(), case, None
                if toks[k].pos not in ("PROPN", "NOUN", "ADJ", "PUNCT", "CCONJ", "DET", "PART"):
                    break
        return None, case, None


def _case(toks, i: int) -> str | None:
    """The case-like role of token ``i`` from its dependency relation (a conjunct: its first's)."""
    seen = 0
    while toks[i].rel == "conj" and toks[i].head >= 0 and seen < 8:
        i, seen = toks[i].head, seen + 1
    return SUBJECT_RELS.get(toks[i].rel or "")      # "compound": a modifier ("China trade")
