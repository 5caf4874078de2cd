"""Russian: the only language Dyad codes so far.

    nlp.py        the natasha adapter: razdel segmentation, slovnet morphology, NER and syntax
    batches.py    slovnet's models run over batched sentences (numpy)
    grammars/     yargy grammars for amounts, percentages, multiples and periods
    lexicon.py    the trigger lexicon (data/triggers.tsv) and its matcher over lemmas
    data/         the Russian lexicons: triggers, titles, sectors, actor roles, and the Russian
                  aliases of the knowledge base (kb_aliases*.tsv)
    modality.py   negation and modality cues
    attitudes.py  the features of a pair of actors for the attitude classifier

natasha, slovnet, navec, razdel, yargy and pymorphy3 are imported only inside this package; the
core gets the shared types (:mod:`dyad.lang.types`) through :class:`Russian`.
"""
from __future__ import annotations

import re
from pathlib import Path

from ...stages import Stage
from ..base import Language
from . import nlp
from .grammars import carry_units, find_amounts, find_multiples, find_percents, find_periods
from .lexicon import match_lemmas
from .modality import modality_of

CYRILLIC_WORD = re.compile(r"[а-яё]+")


class Russian(Language):
    code = "ru"
    name = "Russian"
    stages = (
        Stage("nlp", "nlp.natasha.v1", ("text",), ("sentences", "tokens", "lemmas", "ner"),
              "razdel segmentation, slovnet morphology and NER, natasha normal forms"),
        Stage("syntax", "nlp.slovnet-syntax.v1", ("tokens", "lemmas"), ("syntax",),
              "dependency parse of the sentences that hold an event trigger"),
    )

    attitude_model = str(Path(__file__).parent / "data" / "attitudes.v1.json")

    def load_models(self):
        return nlp.load_models()

    def attitude_features(self, sentence, source, target, sides, vector=True):
        from .attitudes import between_vector, pair_features
        return (pair_features(sentence, source, target, sides),
                between_vector(sentence, source, target) if vector else None)

    def analyse(self, text, *, parse=True):
        return nlp.analyse(text, parse=parse)

    def analyse_many(self, texts, *, parse=False):
        return nlp.analyse_many(texts, parse=parse)

    def parse_selected_many(self, analyses, choose):
        return nlp.parse_selected_many(analyses, choose)

    def match_triggers(self, lemmas):
        return match_lemmas(lemmas)

    def modality_of(self, tokens, head, anchor, *args):
        return modality_of(tokens, head, anchor, *args)

    def figures(self, text, day, precision):
        return (carry_units(find_amounts(text)), find_percents(text), find_multiples(text),
                find_periods(text, day, precision))

    def resolve_mentions(self, analysis, day, precision="day", trace=None):
        from ...resolve.actors import resolve_mentions
        return resolve_mentions(analysis, day, precision, trace)

    def decide(self, doc, analysis, mentions):
        from ...code.events import decide
        return decide(doc, analysis, mentions)

    def find_facts(self, doc, analysis, mentions):
        from ...code.facts import find_facts
        return find_facts(doc, analysis, mentions)

    def search_terms(self, text: str) -> list[str]:
        """pymorphy3's normal form of every Cyrillic word of ``text`` whose form is another
        (товарооборота: товарооборот, Эрдогану: эрдоган), in text order."""
        out = []
        parse = nlp.vocab().parse
        for word in CYRILLIC_WORD.findall(text.lower()):
            lemma = parse(word)[0].normal_form
            if lemma != word:
                out.append(lemma)
        return out

    def morph(self):
        """The process's one pymorphy3 analyser (natasha's MorphVocab on pymorphy3)."""
        return nlp.vocab()

    def ner_baseline(self, text: str):
        """natasha's NER tagger alone, as natasha runs it (``dyad eval``'s baseline): its spans."""
        return nlp.natasha_ner()(text).spans

    def sentences(self, text: str):
        """The sentences of ``text`` (start, stop), as the pipeline splits them (``dyad eval`` shows
        gold in context)."""
        return nlp.sentences(text)

    def words(self, text: str) -> list[str]:
        """razdel's tokens of ``text``, as text (the trigger lexicon's tests lemmatise them one
        by one with :meth:`morph`)."""
        from razdel import tokenize
        return [t.text for t in tokenize(text)]
