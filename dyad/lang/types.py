"""What the NLP stage provides to the rest of the pipeline."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str            # lowercase, ё folded to е
    pos: str              # UD part of speech
    feats: tuple[tuple[str, str], ...]
    head: int = -1        # index of the head token within the sentence, -1 for the root / unparsed
    rel: str | None = None  # UD relation, None when the sentence was not parsed

    def feat(self, name: str) -> str | None:
        for key, value in self.feats:
            if key == name:
                return value
        return None


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    parsed: bool = False


@dataclass(frozen=True, slots=True)
class NerSpan:
    start: int
    end: int
    type: str             # PER, LOC, ORG
    text: str
    normal: str


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    sentences: tuple[Sentence, ...]
    spans: tuple[NerSpan, ...]

    def sentence_at(self, offset: int) -> Sentence | None:
        for sent in self.sentences:
            if sent.start <= offset < sent.end:
                return sent
        return None


@dataclass(frozen=True, slots=True)
class Modality:
    """Negation and modality of a coded event (docs/schema.md), with the cue that decided it."""
    negated: bool = False
    modality: str | None = None
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class Side:
    """One mention of a pair of actors in a sentence (the attitude classifier's input): its
    token range [first, last] in the sentence and its NER type."""
    first: int
    last: int
    type: str
