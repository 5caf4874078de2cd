"""A document's attitude records (:class:`dyad.types.Attitude`), one per ordered pair of actors.

Three kinds of evidence feed one decision per ordered pair (source, target):

- the attitude classifier (:mod:`dyad.code.attitudes`) over the sentences where the two actors'
  mentions meet: its polarity and probability, and the sentences that counted;
- stance facts (``facts.stance.*``: holder -> target, positive or negative);
- events of support and of criticism (CAMEO roots :data:`SUPPORT_ROOTS`, :data:`CRITICISM_ROOTS`),
  each source to each target, when reported as done (not negated, no modality).

A stance or an event says outright what the classifier only estimates, so when they agree on a
sign (more of one sign than of the other), their sign is the attitude's (the classifier's
sentences of that sign cited beside them) and the score is at least :data:`RULE_SCORE`; when they
are tied, the classifier decides. The rule
names what counted: ``code.attitudes.v1`` (classifier), ``+stance``, ``+event``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..types import ActorRef, Attitude, Event, Fact, Mention, Span
from .attitudes import MODEL_ID, PairDecision, Spot, decide_document, evidence_sentences, model_for
from .stances import AFTER_QUOTE

ACTOR_KINDS = ("country", "person", "igo", "organization", "group")
TYPE_OF_KIND = {"country": "LOC", "person": "PER", "igo": "ORG", "organization": "ORG", "group": "ORG"}
SUPPORT_ROOTS = ("05", "06", "07")           # diplomatic and material cooperation, aid
CRITICISM_ROOTS = ("11", "12", "13", "14", "16", "17", "18", "19", "20")
RULE_SCORE = 0.6


@dataclass
class _Votes:
    pos: list[Span] = field(default_factory=list)
    neg: list[Span] = field(default_factory=list)
    kinds: set = field(default_factory=set)

    def sign(self) -> str | None:
        if len(self.pos) > len(self.neg):
            return "pos"
        if len(self.neg) > len(self.pos):
            return "neg"
        return None


def spots_of(mentions: Sequence[Mention]) -> tuple[tuple[Spot, ...], dict[str, ActorRef]]:
    """The mentions of states, people and organisations as the classifier's spots, and the actors."""
    spots, refs = [], {}
    for m in mentions:
        a = m.actor
        if a is None or a.kind not in ACTOR_KINDS or m.members:
            continue
        refs.setdefault(a.id, a)
        spots.append(Spot(m.start, m.end, a.id, m.type if m.type in ("PER", "ORG", "LOC") else TYPE_OF_KIND[a.kind],
                          name_of(a)))
    return tuple(spots), refs


TRACKED = 8          # the most-named actors of a document the classifier reads pairs of


def tracked(spots: Sequence[Spot]) -> tuple[Spot, ...]:
    """The spots the classifier reads in a stored article: actors the knowledge base knows (no ad
    hoc ``person:``/``org:`` actor of the NER's), the :data:`TRACKED` most named of them, so the
    stage's cost stays a small share of ingest on long articles (``dyad eval rusentrel`` reads the
    dataset's own entities, all of them). Stances and events vote for every actor."""
    known = [s for s in spots if ":" not in s.key or s.key.startswith("phoenix:")]
    counts: dict[str, int] = {}
    for s in known:
        counts[s.key] = counts.get(s.key, 0) + 1
    keep = set(sorted(counts, key=lambda k: (-counts[k], k))[:TRACKED])
    return tuple(s for s in known if s.key in keep)


def name_of(a: ActorRef) -> str:
    """The actor's name as the classifier's name features read it: lowercase, a person by the
    family name (as analytical texts name them)."""
    name = a.name.lower().replace("ё", "е")
    return name.split()[-1] if a.kind == "person" and name.split() else name


def quoted_speaker(text: str, at: int, lo: int, hi: int, mentions: Sequence[Mention]) -> ActorRef | None:
    """The speaker of a quotation around offset ``at`` (within [lo, hi)): «Мы поддерживаем
    Сербию», — заявил президент Казахстана -> Kazakhstan's president."""
    open_at = text.rfind("«", lo, at)
    close = text.find("»", at, hi)
    if open_at < 0 or close < 0 or text.find("»", open_at, at) >= 0:
        return None
    m = AFTER_QUOTE.match(text, close)
    if m is None:
        return None
    after = [x.actor for x in mentions if x.actor is not None and m.end() <= x.start < hi
             and x.actor.kind in ACTOR_KINDS and not x.members]
    return after[0] if after else None


def votes(events: Sequence[Event], facts: Sequence[Fact], text: str = "",
          mentions: Sequence[Mention] = ()) -> dict[tuple[str, str], _Votes]:
    """Stance facts and support/criticise events as votes per ordered pair. An event quoted
    without a source of its own is its speaker's (reported speech keeps its speaker)."""
    out: dict[tuple[str, str], _Votes] = {}
    for f in facts:
        if f.kind != "stance" or f.object is None or f.subject.id == f.object.id:
            continue
        v = out.setdefault((f.subject.id, f.object.id), _Votes())
        (v.pos if f.attrs.get("polarity") == "positive" else v.neg).append(f.evidence)
        v.kinds.add("stance")
    for e in events:
        root = e.cameo[:2]
        if e.negated or e.modality is not None or root not in SUPPORT_ROOTS + CRITICISM_ROOTS:
            continue
        sources = e.sources
        if not sources and text:
            speaker = quoted_speaker(text, e.trigger.start, e.evidence.start, e.evidence.end, mentions)
            sources = (speaker,) if speaker is not None else ()
        for s in sources:
            for t in e.targets:
                if s.id == t.id:
                    continue
                v = out.setdefault((s.id, t.id), _Votes())
                (v.pos if root in SUPPORT_ROOTS else v.neg).append(e.evidence)
                v.kinds.add("event")
    return out


def code_attitudes(doc, analysis, mentions: Sequence[Mention], events: Sequence[Event],
                   facts: Sequence[Fact], language) -> tuple[Attitude, ...]:
    """Every attitude of the document, numbered ``a1, a2, ...`` in the order of their first evidence."""
    spots, refs = spots_of(mentions)
    spots = tracked(spots)
    decisions: dict[tuple[str, str], PairDecision] = {}
    if language is not None and language.attitude_model and len({s.key for s in spots}) > 1:
        model = model_for(language.attitude_model)
        decisions = {(d.source, d.target): d for d in decide_document(model, analysis, spots, language)}
    ruled = votes(events, facts, doc.text, mentions)
    for e in events:
        for a in e.sources + e.targets:
            refs.setdefault(a.id, a)
    for f in facts:
        for a in (f.subject, f.object):
            if a is not None:
                refs.setdefault(a.id, a)
    out = []
    for pair in sorted(set(decisions) | set(ruled)):
        a = _attitude(pair, decisions.get(pair), ruled.get(pair), analysis, refs, doc.date)
        if a is not None:
            out.append(a)
    out.sort(key=lambda a: (a.evidence[0].start if a.evidence else 0, a.source.id, a.target.id))
    return tuple(Attitude(f"a{k}", a.source, a.target, a.polarity, a.score, a.evidence, a.rule, a.date,
                          a.sentences) for k, a in enumerate(out, 1))


def _attitude(pair, decision: PairDecision | None, v: _Votes | None, analysis, refs, date) -> Attitude | None:
    source, target = refs.get(pair[0]), refs.get(pair[1])
    if source is None or target is None or own_side(source, target):
        return None
    sign = v.sign() if v else None
    met = len(decision.sentences) if decision else 0
    if sign is None:
        if decision is None or decision.polarity is None:
            return None
        spans = _sentence_spans(analysis, evidence_sentences(decision))
        return Attitude("", source, target, decision.polarity, round(decision.score, 4), spans, MODEL_ID, date, met)
    rule = MODEL_ID + "".join("+" + k for k in sorted(v.kinds))
    spans = list(v.pos if sign == "pos" else v.neg)
    score = RULE_SCORE
    if decision is not None:
        k = 1 if sign == "pos" else 2
        score = max(score, decision.proba[k])
        agreeing = PairDecision(decision.source, decision.target, sign, decision.proba[k], decision.proba,
                                decision.sentences, decision.summary)
        spans.extend(_sentence_spans(analysis, evidence_sentences(agreeing)))
    spans = tuple(sorted(set(spans), key=lambda s: (s.start, s.end)))
    return Attitude("", source, target, sign, round(score, 4), spans, rule, date, met)


def own_side(a: ActorRef, b: ActorRef) -> bool:
    """A state and a person or body of its own (Russia and its foreign minister): no attitude
    between them is coded (the texts name an official for the state)."""
    return (a.kind != "country" and a.country == b.id) or (b.kind != "country" and b.country == a.id)


def _sentence_spans(analysis, sentences) -> tuple[Span, ...]:
    return tuple(Span(analysis.sentences[s.sentence].start, analysis.sentences[s.sentence].end)
                 for s in sentences)
