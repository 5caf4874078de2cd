"""What the core asks of a language: the small interface every language package implements.

The core (resolve, code, store, serve) sees only the shared analysis types
(:mod:`dyad.lang.types`) and this interface; a language's libraries, lexicons and grammars stay in
its package (``dyad/lang/ru/``). A language is looked up by its code (:func:`dyad.lang.get_language`).
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:
    from ..stages import Stage
    from .types import Analysis, Sentence, Token


class Language(ABC):
    """One language: its NLP stages and the language-specific readings the coders ask for."""
    code: str = ""
    name: str = ""
    stages: tuple["Stage", ...] = ()        # the language's NLP stages (nlp, syntax), in order

    @abstractmethod
    def load_models(self) -> object:
        """Load the NLP models once per process (``dyad ingest`` workers call it first)."""

    @abstractmethod
    def analyse(self, text: str, *, parse: Callable[["Sentence"], bool] | bool = True) -> "Analysis":
        """One text's analysis; ``parse``: which sentences get the dependency parse."""

    @abstractmethod
    def analyse_many(self, texts: Sequence[str], *, parse: bool = False) -> list["Analysis"]:
        """Segmentation, morphology, lemmas and NER of several texts, their sentences batched."""

    @abstractmethod
    def parse_selected_many(self, analyses: Sequence["Analysis"],
                            choose: Sequence[Callable[["Sentence"], bool]]) -> list["Analysis"]:
        """The dependency parse of the sentences ``choose`` selects (the costly stage)."""

    @abstractmethod
    def match_triggers(self, lemmas: Sequence[str]) -> list:
        """The event triggers of the lexicon in a sentence's lemmas (``TriggerMatch`` records)."""

    def needs_parse(self, sentence: "Sentence") -> bool:
        """Cheap before expensive: only sentences that hold a trigger are parsed."""
        return bool(self.match_triggers([t.lemma for t in sentence.tokens]))

    @abstractmethod
    def modality_of(self, tokens: Sequence["Token"], head: int, anchor: int, *args):
        """Negation and modality of the event whose trigger heads ``head``."""

    @abstractmethod
    def figures(self, text: str, day, precision: str) -> tuple[list, list, list, list]:
        """(amounts, percents, multiples, periods) read from a paragraph."""

    def search_terms(self, text: str) -> list[str]:
        """The normal forms of the words of ``text`` that differ from the words themselves, for
        the full-text index and its queries (dyad.store.documents), so a word is found in any of
        its forms. None by default: SQLite's ``porter`` tokenizer and PostgreSQL's stemmers
        already fold English forms."""
        return []

    attitude_model: str | None = None       # path of the attitude classifier's model file, if any

    def attitude_features(self, sentence: "Sentence", source, target, sides, vector: bool = True) -> tuple[dict, object]:
        """(sparse features, dense vector or None without ``vector``) of a pair of actor mentions
        (:class:`Side`) meeting in ``sentence``, ``sides`` every mention of the sentence
        (:mod:`dyad.code.attitudes`); a language without attitudes has none."""
        raise NotImplementedError(f"{self.name} has no attitude features")

    def estimate_date(self, text: str):
        """The article date the text's own dates point to (:class:`dyad.resolve.docdate.DocDate`)."""
        from ..resolve.docdate import estimate_date
        return estimate_date(text)

    # --- the coding stages: one record contract, each language's own rules ------------------
    @abstractmethod
    def resolve_mentions(self, analysis: "Analysis", day: str | None, precision: str | None = "day",
                         trace: list | None = None) -> tuple:
        """The actor mentions of a text (``Mention`` records, knowledge-base actor ids shared by
        every language); ``trace`` collects the candidates set aside for ``dyad explain``."""

    @abstractmethod
    def decide(self, doc, analysis: "Analysis", mentions: Sequence) -> list:
        """Every trigger decision of a document (``dyad.code.events.Decision``), in text order."""

    @abstractmethod
    def find_facts(self, doc, analysis: "Analysis", mentions: Sequence) -> list:
        """Every fact of a document with its notes (``dyad.code.fact_context.Found``)."""

    def code_events(self, doc, analysis: "Analysis", mentions: Sequence) -> tuple:
        """The events of one document: its decisions' events, repeated tellings merged."""
        from ..code.dedupe import merge_mentions
        return merge_mentions([d.event for d in self.decide(doc, analysis, mentions) if d.event])

    def code_attitudes(self, doc, analysis: "Analysis", mentions: Sequence, events: Sequence,
                       facts: Sequence) -> tuple:
        """The document's attitudes (:mod:`dyad.code.attitude_records`): the classifier where the
        language has one, stance facts and support/criticise events everywhere."""
        from ..code.attitude_records import code_attitudes
        return code_attitudes(doc, analysis, mentions, events, facts, self)

    def extract_facts(self, doc, analysis: "Analysis", mentions: Sequence) -> tuple:
        return tuple(f.fact for f in self.find_facts(doc, analysis, mentions))
