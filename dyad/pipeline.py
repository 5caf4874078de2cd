"""The ordered stages of Dyad, what each requires and provides, and per-document error handling.

    document --lang--> language --nlp--> analysis --actors--> mentions
             --syntax (only sentences that can yield a record)--> parsed analysis
             --events--> events --facts--> facts  => Record

Each stage is a plain function; :data:`STAGES` lists them with what they need and give, and
:func:`check_stages` verifies that every requirement is provided by an earlier stage (shown at
``/-/pipeline`` and by ``dyad pipeline``).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from .nlp import analyse
from .nlp.lang import detect
from .nlp.types import Analysis, Sentence
from .types import Document, Record


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    id: str                 # versioned id of the implementation
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    doc: str


STAGES: tuple[Stage, ...] = (
    Stage("lang", "lang.cyrillic-share.v1", ("text",), ("lang",), "language of the text"),
    Stage("nlp", "nlp.natasha.v1", ("text",), ("sentences", "tokens", "lemmas", "ner"),
          "razdel segmentation, slovnet morphology and NER, natasha normal forms"),
    Stage("actors", "resolve.actors.v1", ("tokens", "lemmas", "ner", "date"), ("mentions",),
          "knowledge-base aliases, titles, gazetteer, anaphors -> ActorRef valid on the date"),
    Stage("syntax", "nlp.slovnet-syntax.v1", ("tokens", "mentions"), ("syntax",),
          "dependency parse of the sentences that can yield an event or a fact"),
    Stage("events", "code.events.v1", ("syntax", "mentions", "date"), ("events",),
          "CAMEO/PLOVER event coding from the trigger lexicon"),
    Stage("facts", "code.facts.v1", ("tokens", "mentions", "date"), ("facts",),
          "trade figures, memberships, stances, sectors"),
)


def check_stages(stages: tuple[Stage, ...] = STAGES) -> list[str]:
    """Requirements not provided by an earlier stage (empty when the pipeline is sound)."""
    have = {"text", "date"}
    missing = []
    for stage in stages:
        for need in stage.requires:
            if need not in have:
                missing.append(f"{stage.name} requires {need}")
        have.update(stage.provides)
    return missing


def _needs_parse(sentence: Sentence, mention_starts: list[int]) -> bool:
    """Cheap before expensive: parse a sentence only if it names an actor or holds a number."""
    if any(sentence.start <= s < sentence.end for s in mention_starts):
        return True
    return any(ch.isdigit() for ch in sentence.text)


def process(doc: Document) -> Record:
    """Run every stage on one document."""
    from .code.events import code_events
    from .code.facts import extract_facts
    from .nlp.natasha import parse_selected
    from .resolve.actors import resolve_mentions

    lang = doc.lang or detect(doc.text)
    doc = replace(doc, lang=lang)
    if lang != "ru":
        return Record(doc, warnings=(f"W103 language {lang}: stored, not coded",))
    analysis = analyse(doc.text, parse=False)
    mentions = resolve_mentions(analysis, doc.date)
    starts = sorted(m.start for m in mentions)
    analysis = parse_selected(analysis, lambda s: _needs_parse(s, starts))
    events = code_events(doc, analysis, mentions)
    facts = extract_facts(doc, analysis, mentions)
    return Record(doc, mentions, tuple(events), tuple(facts))


def analysis_for(doc: Document) -> Analysis:
    """The NLP analysis as :func:`process` sees it (used by ``dyad explain``)."""
    from .nlp.natasha import parse_selected
    from .resolve.actors import resolve_mentions
    analysis = analyse(doc.text, parse=False)
    mentions = resolve_mentions(analysis, doc.date)
    starts = sorted(m.start for m in mentions)
    return parse_selected(analysis, lambda s: _needs_parse(s, starts))
