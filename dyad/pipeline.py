"""The ordered stages of Dyad, what each requires and provides, and per-document error handling.

    document --lang--> language (dyad.lang registry) --date (given, else estimated from the text)--> article date
             --nlp--> analysis
             --syntax (only sentences that hold an event trigger)--> parsed analysis
             --actors--> mentions --events--> events --facts--> facts --attitudes--> attitudes  => Record

Each stage is a plain function; :func:`stages_for` lists a language's stages with what they need
and give (the NLP stages are the language package's own, :attr:`dyad.lang.Language.stages`),
:data:`STAGES` are Russian's, and :func:`check_stages` verifies that every requirement is provided
by an earlier stage (shown at ``/-/pipeline`` and by ``dyad pipeline``, per language). A document
in a language without a package is stored and reported (W103), not coded.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from .errors import W_DATE_FROM_TEXT, W_NO_DATE, W_NOT_RUSSIAN
from .lang import Language, codes, detect, get_language
from .lang.types import Analysis
from .stages import Stage
from .types import Document, Record

DEFAULT_LANGUAGE = "ru"     # the language analysis_for assumes for a document that names none

BEFORE_NLP: tuple[Stage, ...] = (
    Stage("lang", "lang.cyrillic-share.v1", ("text",), ("lang",), "language of the text"),
    Stage("date", "resolve.docdate.v1", ("text",), ("date",),
          "the article date: given, else estimated from the text, with its source and precision"),
)
AFTER_NLP: tuple[Stage, ...] = (
    Stage("actors", "resolve.actors.v1", ("tokens", "lemmas", "ner", "date"), ("mentions",),
          "knowledge-base aliases, titles, gazetteer, anaphors -> ActorRef valid on the date"),
    Stage("events", "code.events.v1", ("syntax", "mentions", "date"), ("events",),
          "CAMEO/PLOVER event coding from the trigger lexicon"),
    Stage("facts", "code.facts.v1", ("tokens", "mentions", "date"), ("facts",),
          "trade figures, memberships, stances, sectors"),
    Stage("attitudes", "code.attitudes.v1", ("lemmas", "mentions", "events", "facts", "date"), ("attitudes",),
          "who is for and who is against whom: the attitude classifier over the sentences where two "
          "actors meet, stance facts, support/criticise events"),
)


def stages_for(code: str) -> tuple[Stage, ...]:
    """The stages a document in language ``code`` goes through (its language's NLP in the middle)."""
    language = get_language(code)
    return BEFORE_NLP + (language.stages if language else ()) + AFTER_NLP


def stages_by_language() -> dict[str, tuple[Stage, ...]]:
    """Every registered language's stages, by code."""
    return {code: stages_for(code) for code in codes()}


STAGES: tuple[Stage, ...] = stages_for(DEFAULT_LANGUAGE)


def check_stages(stages: tuple[Stage, ...] = STAGES) -> list[str]:
    """Requirements not provided by an earlier stage (empty when the pipeline is sound)."""
    have = {"text"}
    missing = []
    for stage in stages:
        for need in stage.requires:
            if need not in have:
                missing.append(f"{stage.name} requires {need}")
        have.update(stage.provides)
    return missing


def language_of(doc: Document) -> Language:
    """The language that codes ``doc`` (Russian when it names none or one without a package)."""
    return get_language(doc.lang) or get_language(DEFAULT_LANGUAGE)


def analysis_for(doc: Document) -> Analysis:
    """The NLP analysis as :func:`process` sees it (also used by ``dyad explain``)."""
    return analyses_for([doc])[0]


def analyses_for(docs: Sequence[Document], language: Language | None = None) -> list[Analysis]:
    """:func:`analysis_for` of several documents in one language (by default the first one's,
    else Russian), their sentences batched together.

    Cheap before expensive: the event coder reads the parse only of sentences that hold a trigger
    (the lexicon matches on lemmas, which need no parse), and the fact rules read none, so only
    those sentences are parsed (:meth:`Language.needs_parse`). The coder ignores every other
    sentence, so the records are the same as with every sentence parsed (tests/test_pipeline.py)."""
    if language is None:
        language = get_language(docs[0].lang if docs else None) or get_language(DEFAULT_LANGUAGE)
    analyses = language.analyse_many([d.text for d in docs], parse=False)
    return language.parse_selected_many(analyses, [language.needs_parse] * len(analyses))


def date_document(doc: Document) -> tuple[Document, tuple[str, ...]]:
    """The document with its date, ``date_source`` and ``date_precision`` set, and the warnings.

    A given date is kept (source ``given``, precision day unless the document says otherwise;
    a document dated here before keeps what it was given). An undated document takes the date
    estimated from its text (:func:`dyad.resolve.docdate.estimate_date`; source ``text``, the
    estimate's precision, warning W104), so its events are anchored and its titles resolve to
    the holders of that year or month; without any date in the text it stays undated (source
    ``none``, warning W105) and titles resolve to offices."""
    if doc.date is not None:
        return replace(doc, date_source=doc.date_source or "given",
                       date_precision=doc.date_precision or "day"), ()
    found = language_of(doc).estimate_date(doc.text)
    if found.date is None:
        return replace(doc, date_source="none", date_precision=None), (W_NO_DATE,)
    warning = W_DATE_FROM_TEXT.format(date=found.date, precision=found.precision, rule=found.rule)
    return replace(doc, date=found.date, date_source="text", date_precision=found.precision), (warning,)


def process(doc: Document) -> Record:
    """Run every stage on one document."""
    return process_many([doc])[0]


def process_many(docs: Sequence[Document]) -> list[Record]:
    """Run every stage on several documents; the NLP models see their sentences in shared
    batches (fewer, fuller model calls), the other stages run per document.

    The models' arithmetic is batched, so a document's analysis can differ in float rounding
    with the documents it is batched with (docs/nlp.md); ``dyad ingest`` forms the same batches
    whichever executor runs them."""
    dated = [date_document(replace(d, lang=d.lang or detect(d.text))) for d in docs]
    by_language: dict[str, list[Document]] = {}     # one batch per language, in the order of ``docs``
    for d, _ in dated:
        if get_language(d.lang) is not None:
            by_language.setdefault(d.lang, []).append(d)
    analyses = {code: iter(analyses_for(group, get_language(code))) for code, group in by_language.items()}
    out = []
    for doc, warnings in dated:
        if doc.lang not in analyses:
            out.append(Record(doc, warnings=warnings + (W_NOT_RUSSIAN.format(lang=doc.lang),)))
            continue
        analysis = next(analyses[doc.lang])
        language = get_language(doc.lang)
        mentions = language.resolve_mentions(analysis, doc.date, doc.date_precision)
        events = language.code_events(doc, analysis, mentions)
        facts = language.extract_facts(doc, analysis, mentions)
        attitudes = language.code_attitudes(doc, analysis, mentions, events, facts)
        out.append(Record(doc, mentions, tuple(events), tuple(facts), warnings, tuple(attitudes)))
    return out
