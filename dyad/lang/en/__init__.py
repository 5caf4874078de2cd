"""English: spaCy's en_core_web_sm behind the shared analysis types, English actors, an event
coder from PETRARCH-2's CAMEO verb dictionary, English facts.

    nlp.py        the spaCy adapter (tokens, lemmas, tags, dependency parse, NER)
    actors.py     English names, demonyms, capitals, titles and agent nouns -> the one knowledge base
    actors_data.py, titles.py   the resolver's name index and its title rules
    verbdict.py   PETRARCH's verb dictionary format, read (scripts/cameo_verbs_en.py, dyad eval petrarch)
    lexicon.py    the trigger lexicon generated from CAMEO.2.0.txt (data/triggers.tsv) and its matcher
    content.py    more specific codes from what an appeal, demand or threat asks for
    events.py     the coder: one Decision per trigger -> the same Event records as Russian
    arguments.py  the sides of a trigger from spaCy's dependencies
    frames.py     statements, contents and intents: how a sentence's decisions bear on each other
    modality.py   negation and modality (will, plans to, may, threatened to)
    dates.py      date expressions ("on Sunday", "last week") on the article date
    figures.py    amounts, percentages, multiples and periods
    facts.py      trade figures, ranks, memberships, stances and sectors

spaCy is imported only inside this package; the core gets the shared types through :class:`English`.
"""
from __future__ import annotations

from ...stages import Stage
from ..base import Language
from . import nlp


class English(Language):
    code = "en"
    name = "English"
    stages = (
        Stage("nlp", "nlp.spacy-en_core_web_sm-3.8.0.v1", ("text",),
              ("sentences", "tokens", "lemmas", "ner", "syntax"),
              "spaCy en_core_web_sm: tokens, tags, lemmas, dependency parse and NER"),
    )

    def load_models(self):
        return nlp.load_models()

    def analyse(self, text, *, parse=True):
        from .actors_data import needs_ner
        return nlp.analyse(text, parse=parse, needs_ner=needs_ner)

    def analyse_many(self, texts, *, parse=False):
        from .actors_data import needs_ner
        return nlp.analyse_many(texts, parse=parse, needs_ner=needs_ner)

    def parse_selected_many(self, analyses, choose):
        return nlp.parse_selected_many(analyses, choose)

    def match_triggers(self, lemmas):
        from .lexicon import match_lemmas
        return match_lemmas(lemmas)

    def needs_parse(self, sentence):
        return False                     # the parse comes with spaCy's pipeline

    def modality_of(self, tokens, head, anchor, *args):
        from .modality import modality_of
        return modality_of(tokens, head)

    def figures(self, text, day, precision):
        from .figures import find_amounts, find_multiples, find_percents, find_periods
        return find_amounts(text), find_percents(text), find_multiples(text), find_periods(text, day, precision)

    def estimate_date(self, text):
        from .dates import estimate_date
        return estimate_date(text)

    def resolve_mentions(self, analysis, day, precision="day", trace=None):
        from .actors import resolve_mentions
        return resolve_mentions(analysis, day, precision)

    def decide(self, doc, analysis, mentions):
        from .events import decide
        return decide(doc, analysis, mentions)

    def find_facts(self, doc, analysis, mentions):
        from .facts import find_facts
        return find_facts(doc, analysis, mentions)
