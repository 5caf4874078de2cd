"""The four tasks: run Dyad (and natasha's NER alone, the baseline) on gold documents, score.

- entities:   Dyad's PER/ORG/LOC mentions against the gold mentions, beside natasha's NER spans;
- resolution: the share of gold mentions Dyad resolves to an actor, and to a known actor (from
              the knowledge base or the gazetteer, not an ad hoc ``person:``/``org:``/``place:`` id);
- meetings:   gold meetings against Dyad's events with CAMEO root 04 (consult), as participant sets;
              why each gold meeting was missed (:func:`meeting_errors`), and the precision of the
              root-04 tellings per confidence band;
- events:     NEREL's relational EVENT triggers with their actors against the coder's decisions,
              and the precision of every telling per confidence band (:mod:`dyad.eval.events`);
- coref:      Dyad's mentions grouped by actor against the gold coreference chains (MUC, B-cubed,
              links to an earlier mention; the metric is in :mod:`dyad.eval.coref`);
- actors:     whether Dyad names the wrong person (no gold needed; the measures are in
              :mod:`dyad.eval.actors`), on the documents undated and dated (:func:`dated`).

Nothing is cached: every call runs the pipeline.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Iterable

from ..types import ActorRef, Document, Mention, Record, Span
from .actors import ActorCounts, measure as measure_actors
from .coref import CorefResult, PredMention, score_document
from . import events as ev
from .gold import TYPES, GoldDoc, GoldMention, Participant
from .score import MODES, Alignment, Counts, Predicted, add, align, count

SCORED_TYPES = ("PER", "ORG", "LOC")
SYSTEMS = ("dyad", "natasha")
AD_HOC = ("person:", "org:", "place:", "group:")
MEETING_ROOT = "04"


# --- running -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Run:
    gold: GoldDoc
    record: Record
    baseline: tuple[Predicted, ...] = ()
    error: str | None = None          # the pipeline failed on this document: the record is empty
    decisions: tuple = ()             # the coder's trigger decisions (run with decisions=True)
    sides: tuple = ()                 # per decision: the character spans of its source and target tokens


def run(docs: list[GoldDoc], *, baseline: bool = True, progress: bool = True,
        decisions: bool = False) -> list[Run]:
    """Process every gold document with Dyad's pipeline (and natasha's NER alone). A document the
    pipeline fails on keeps an empty record and the error, so the caller can say so. With
    ``decisions``, the stages are run one by one (:func:`process_decided`) to keep the coder's
    decisions as well."""
    from ..pipeline import process
    out = []
    for gold in _track(docs, progress):
        doc = Document(gold.id, gold.text, gold.date, lang="ru", source=gold.id)
        kept: tuple = ((), ())
        try:
            if decisions:
                record, *kept = process_decided(doc)
            else:
                record = process(doc)
            error = None
        except Exception as exc:  # one bad document must not hide the others' figures
            record, error = Record(doc), f"{type(exc).__name__}: {exc}"
        out.append(Run(gold, record, natasha_predictions(gold.text) if baseline else (), error, *kept))
    return out


def process_decided(doc: Document) -> tuple[Record, tuple, tuple]:
    """What :func:`dyad.pipeline.process` makes of a Russian document (its facts left out), every
    trigger decision of the coder, and each decision's sides (:func:`sides_of`), as `dyad
    explain` runs the stages: dated, analysed, actors resolved, triggers decided, repeated
    tellings merged. tests/test_eval_events.py checks that the records agree."""
    from ..code.dedupe import merge_mentions
    from ..code.events import decide
    from ..pipeline import analysis_for, date_document
    from ..resolve.actors import resolve_mentions
    dated_doc, warnings = date_document(doc)
    analysis = analysis_for(dated_doc)
    mentions = resolve_mentions(analysis, dated_doc.date, dated_doc.date_precision)
    decisions = tuple(decide(dated_doc, analysis, mentions))
    events = merge_mentions([d.event for d in decisions if d.event])
    sides = tuple(sides_of(d, analysis) for d in decisions)
    return Record(dated_doc, mentions, tuple(events), (), warnings), decisions, sides


def sides_of(d, analysis) -> ev.Sides:
    """The character spans of the tokens the coder took as the decision's sources and targets."""
    if d.args is None:
        return ((), ())
    tokens = analysis.sentences[d.sentence].tokens
    return (tuple(Span(tokens[i].start, tokens[i].end) for i in d.args.source_tokens),
            tuple(Span(tokens[i].start, tokens[i].end) for i in d.args.target_tokens))


def dated(docs: list[GoldDoc]) -> tuple[list[GoldDoc], list[GoldDoc]]:
    """The documents given as their date the one the pipeline's estimator finds in their text
    (:func:`dyad.pipeline.date_document`), which the pipeline then takes as a given day; and
    apart, the documents in whose text it finds none."""
    from ..pipeline import date_document
    out, none = [], []
    for gold in docs:
        found, _ = date_document(Document(gold.id, gold.text, lang="ru"))
        if found.date is None:
            none.append(gold)
        else:
            out.append(replace(gold, date=found.date))
    return out, none


def _track(docs: list[GoldDoc], progress: bool) -> Iterable[GoldDoc]:
    if not progress:
        return docs
    from rich.console import Console
    from rich.progress import track
    return track(docs, description="dyad eval", console=Console(stderr=True), transient=True)


def dyad_predictions(record: Record) -> tuple[Predicted, ...]:
    return tuple(Predicted(m.start, m.end, m.type, m.text, m.rule)
                 for m in record.mentions if m.type in SCORED_TYPES)


def natasha_predictions(text: str) -> tuple[Predicted, ...]:
    """The baseline: natasha's NER tagger as natasha runs it (the whole text in one call)."""
    return tuple(Predicted(s.start, s.stop, s.type, text[s.start:s.stop], "natasha")
                 for s in _russian().ner_baseline(text) if s.type in SCORED_TYPES)


def _russian():
    from ..lang import get_language
    return get_language("ru")


def predictions(r: Run, system: str) -> tuple[Predicted, ...]:
    return dyad_predictions(r.record) if system == "dyad" else r.baseline


# --- entities ------------------------------------------------------------------------------
@dataclass
class EntityScores:
    counts: dict[tuple[str, str], dict[str, Counts]] = field(default_factory=dict)   # (system, mode)
    alignments: dict[tuple[str, str], list[tuple[Run, Alignment]]] = field(default_factory=dict)


def score_entities(runs: list[Run], systems: tuple[str, ...] = SYSTEMS) -> EntityScores:
    scores = EntityScores()
    for system in systems:
        for mode in MODES:
            total: dict[str, Counts] = {}
            aligned = []
            for r in runs:
                a = align(r.gold.mentions, predictions(r, system), mode)
                aligned.append((r, a))
                total = add(total, count(a))
            scores.counts[(system, mode)] = total
            scores.alignments[(system, mode)] = aligned
    return scores


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    for s_start, s_stop in _russian().sentences(text):
        if s_start <= start < s_stop:
            return s_start, max(s_stop, min(end, len(text)))
    return start, end


def show(text: str, start: int, end: int) -> str:
    """The sentence around [start, end) with the span in ⟦ ⟧, on one line."""
    s, e = sentence_around(text, start, end)
    return " ".join((text[s:start] + "⟦" + text[start:end] + "⟧" + text[end:e]).split())


def error_lines(scores: EntityScores, n: int, system: str = "dyad", mode: str = "exact") -> list[str]:
    """The first ``n`` misses and the first ``n`` false hits, in document order, with their sentences."""
    out: list[str] = []
    shown = {"miss": 0, "false": 0}
    for r, a in scores.alignments.get((system, mode), []):
        preds = predictions(r, system)
        items = [(g.start, "miss", g) for g in a.misses] + [(p.start, "false", p) for p in a.false]
        for _, kind, x in sorted(items, key=lambda t: (t[0], t[1])):
            if shown[kind] >= n:
                continue
            shown[kind] += 1
            text = r.gold.text
            if kind == "miss":
                near = [f"{p.type} «{p.text}» {p.rule}" for p in preds if p.start < x.end and x.start < p.end]
                head = f"{r.gold.id}:{x.start} MISS {x.type} «{text[x.start:x.end]}»"
                head += "  (had: " + "; ".join(near) + ")" if near else "  (had nothing)"
            else:
                near = [f"{g.type}{'' if g.scored else '(ignored)'} «{text[g.start:g.end]}»"
                        for g in r.gold.mentions if g.start < x.end and x.start < g.end]
                head = f"{r.gold.id}:{x.start} FALSE {x.type} «{x.text}» {x.rule or ''}".rstrip()
                head += "  (gold: " + "; ".join(near) + ")" if near else ""
            out += [head, "    " + show(text, x.start, x.end)]
    return out


def _key(p: Predicted) -> tuple[int, int, str]:
    return (p.start, p.end, p.type)


@dataclass
class Difference:
    """Where Dyad and natasha differ on exact matching, by the Dyad rule responsible."""
    extra_false: Counter = field(default_factory=Counter)   # (type, rule) Dyad false hits natasha lacks
    lost: Counter = field(default_factory=Counter)          # gold natasha hit, Dyad missed: what Dyad had
    gained: Counter = field(default_factory=Counter)        # gold Dyad hit, natasha missed: Dyad's rule
    examples: dict = field(default_factory=dict)            # the same keys -> a few examples


def difference(scores: EntityScores, mode: str = "exact", examples: int = 3) -> Difference:
    d = Difference()
    pairs = zip(scores.alignments[("dyad", mode)], scores.alignments[("natasha", mode)])
    for (r, dy), (_, na) in pairs:
        nat_false = {_key(p) for p in na.false}
        nat_hit = {g.id for g, _ in na.hits}
        dy_hit = {g.id: p for g, p in dy.hits}
        preds = predictions(r, "dyad")
        for p in dy.false:
            if _key(p) not in nat_false:
                k = (p.type, p.rule or "")
                d.extra_false[k] += 1
                d.examples.setdefault(("false",) + k, []).append(p.text)
        for g in dy.misses:
            if g.id in nat_hit:
                near = [p for p in preds if p.start < g.end and g.start < p.end]
                k = (g.type, ", ".join(sorted({f"{p.type} {p.rule}" for p in near})) or "nothing")
                d.lost[k] += 1
                d.examples.setdefault(("lost",) + k, []).append(
                    r.gold.text[g.start:g.end] + (" → " + "/".join(p.text for p in near) if near else ""))
        nat_hit_keys = nat_hit
        for gid, p in dy_hit.items():
            if gid not in nat_hit_keys:
                k = (p.type, p.rule or "")
                d.gained[k] += 1
                d.examples.setdefault(("gained",) + k, []).append(p.text)
    d.examples = {k: v[:examples] for k, v in d.examples.items()}
    return d


# --- resolution ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Resolved:
    gold: int = 0
    any: int = 0
    known: int = 0

    def __add__(self, o: "Resolved") -> "Resolved":
        return Resolved(self.gold + o.gold, self.any + o.any, self.known + o.known)


def is_known(actor: ActorRef) -> bool:
    """From the knowledge base or the gazetteer, not an ad hoc id made from the NER span."""
    return not actor.id.startswith(AD_HOC)


def resolution_of(g: GoldMention, mentions: tuple[Mention, ...]) -> Resolved:
    cover = g.core_coverage()
    actors = [m.actor for m in mentions
              if m.actor is not None and any(i in cover for i in range(m.start, m.end))]
    return Resolved(1, int(bool(actors)), int(any(is_known(a) for a in actors)))


def score_resolution(runs: list[Run]) -> dict[str, Resolved]:
    """Named gold mentions (nested ones too: "Москвы" in "мэрии Москвы" names a place)."""
    out = {t: Resolved() for t in TYPES}
    for r in runs:
        for g in r.gold.mentions:
            if g.named:
                out[g.type] = out[g.type] + resolution_of(g, r.record.mentions)
    out["all"] = sum((out[t] for t in TYPES), Resolved())
    return out


# --- meetings ------------------------------------------------------------------------------
def predicted_meetings(record: Record) -> list[tuple[ActorRef, ...]]:
    """Participant sets of consult events, one per distinct set of actors."""
    seen: dict[frozenset[str], tuple[ActorRef, ...]] = {}
    for e in record.events:
        if not e.cameo.startswith(MEETING_ROOT):
            continue
        actors = tuple({a.id: a for a in e.sources + e.targets}.values())
        if actors:
            seen.setdefault(frozenset(a.id for a in actors), actors)
    return list(seen.values())


def _words(name: str) -> frozenset[str]:
    return frozenset("".join(ch if ch.isalnum() else " " for ch in name.lower().replace("ё", "е")).split())


def names_match(a: str, b: str) -> bool:
    """Normalised names agree when the words of one are all among the words of the other
    ("Саркози" and "Николя Саркози")."""
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def participant_actors(p: Participant, mentions: tuple[Mention, ...]) -> frozenset[str]:
    """The actors Dyad resolved where the gold participant is mentioned, plus those the gold names."""
    ids = set(p.actors)
    for m in mentions:
        if m.actor is not None and any(s.start < m.end and m.start < s.end for s in p.spans):
            ids.add(m.actor.id)
    return frozenset(ids)


def matches(p: Participant, actors: frozenset[str], a: ActorRef) -> bool:
    if a.id in actors:
        return True
    unknown = not actors or all(x.startswith(AD_HOC) for x in actors) or a.id.startswith(AD_HOC)
    return unknown and any(names_match(n, a.name) for n in p.names)


def matched_participants(gold: list[tuple[Participant, frozenset[str]]], pred: tuple[ActorRef, ...]) -> int:
    """The largest one-to-one matching between gold participants and predicted actors."""
    return ev.max_matching(len(gold), len(pred), lambda gi, pi: matches(*gold[gi], pred[pi]))


def meeting_match(gold: list[tuple[Participant, frozenset[str]]], pred: tuple[ActorRef, ...], mode: str) -> bool:
    k = matched_participants(gold, pred)
    if mode == "exact":
        return k == len(gold) == len(pred)
    return k >= min(2, len(gold), len(pred)) and k > 0


def meeting_assignment(golds: list[list[tuple[Participant, frozenset[str]]]],
                       preds: list[tuple[ActorRef, ...]], mode: str) -> dict[int, int]:
    """Gold meeting index -> the predicted meeting that matches it, one to one, each gold
    meeting taking the first free predicted one that matches."""
    used: dict[int, int] = {}
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if pi not in used.values() and meeting_match(g, p, mode):
                used[gi] = pi
                break
    return used


def gold_participants(r: Run) -> list[list[tuple[Participant, frozenset[str]]]]:
    return [[(p, participant_actors(p, r.record.mentions)) for p in m.participants]
            for m in r.gold.meetings or ()]


def score_meetings(runs: list[Run]) -> dict[str, Counts]:
    """Per mode: tp = gold meetings matched one-to-one by a predicted one."""
    out = {mode: Counts() for mode in MODES}
    for r in runs:
        if r.gold.meetings is None:
            continue
        golds = gold_participants(r)
        preds = predicted_meetings(r.record)
        for mode in MODES:
            out[mode] = out[mode] + Counts(len(meeting_assignment(golds, preds, mode)), len(golds), len(preds))
    return out


PARTLY = "participants matched in part (an overlap hit, not exact)"
OTHER_ROOT = "coded under another CAMEO root"
OTHER_PARTICIPANTS = "a meeting with other participants"
MEETING_REJECTED = "meeting trigger rejected"
NO_MEETING_TRIGGER = "no meeting trigger in the sentences naming the participants"


@dataclass(frozen=True, slots=True)
class MeetingMiss:
    """A gold meeting Dyad did not match exactly, and why."""
    doc: str
    meeting: str                      # the gold fact id
    names: tuple[str, ...]            # one name per participant
    cause: str                        # the error table's row
    detail: str                       # what Dyad had
    sentence: Span | None = None      # where to look


def _names(actors: tuple[ActorRef, ...]) -> str:
    return " + ".join(f"{a.id} «{a.name}»" for a in actors) or "-"


def meeting_sentences(participants: tuple[Participant, ...], decisions) -> list[Span]:
    """The sentences of the trigger decisions that name min(2, n) of the n participants (where a
    participant is mentioned), else those that name one."""
    spans = {d.evidence for d in decisions}

    def named(s: Span) -> int:
        return sum(any(ev.overlaps(s, x) for x in p.spans) for p in participants)

    for need in (min(2, len(participants)), 1):
        found = sorted((s for s in spans if need and named(s) >= need), key=lambda s: s.start)
        if found:
            return found
    return []


def meeting_errors(runs: list[Run]) -> list[MeetingMiss]:
    """Every gold meeting not matched exactly (as :func:`score_meetings` assigns them), with its
    cause, the first that holds of: matched in part (overlap); a telling of another root names
    min(2, n) of its n participants (036 intend to meet...); a root-04 telling in a sentence naming them has
    other participants; a meeting trigger there was rejected (the reason); none was there."""
    out = []
    for r in runs:
        if not r.gold.meetings:
            continue
        golds = gold_participants(r)
        preds = predicted_meetings(r.record)
        exact = meeting_assignment(golds, preds, "exact")
        overlap = meeting_assignment(golds, preds, "overlap")
        tellings = [d for d in r.decisions if d.event is not None]
        for gi, (meeting, g) in enumerate(zip(r.gold.meetings, golds)):
            if gi in exact:
                continue
            names = tuple(p.names[0] if p.names else "?" for p in meeting.participants)
            where = meeting_sentences(meeting.participants, r.decisions)
            near = [d for d in r.decisions if d.evidence in where]

            def miss(cause: str, detail: str, at: Span | None = where[0] if where else None) -> MeetingMiss:
                return MeetingMiss(r.gold.id, meeting.id, names, cause, detail, at)

            if gi in overlap:
                out.append(miss(PARTLY, _names(preds[overlap[gi]])))
                continue
            other = [d for d in tellings if not d.event.cameo.startswith(MEETING_ROOT)
                     and matched_participants(g, ev.event_actors(d.event)) >= min(2, len(g))]
            consult = [d for d in near if d.event is not None and d.event.cameo.startswith(MEETING_ROOT)]
            rejected = [d for d in near if d.event is None and d.match.trigger.cameo.startswith(MEETING_ROOT)]
            if other:
                d = other[0]
                out.append(miss(OTHER_ROOT, f"{d.event.cameo} «{d.trigger_text}» {_names(ev.event_actors(d.event))}",
                                d.evidence))
            elif consult:
                d = consult[0]
                out.append(miss(OTHER_PARTICIPANTS, f"{d.event.cameo} «{d.trigger_text}» "
                                f"{_names(ev.event_actors(d.event))}", d.evidence))
            elif rejected:
                d = rejected[0]
                out.append(miss(MEETING_REJECTED + ": " + ev.reason_key(d.reason),
                                f"«{d.trigger_text}» {d.reason}", d.evidence))
            else:
                coded = ", ".join(f"{d.event.cameo} «{d.trigger_text}»" for d in near if d.event)
                out.append(miss(NO_MEETING_TRIGGER, "other tellings there: " + coded if coded else "nothing coded there"))
    return out


def meeting_tellings(runs: list[Run]) -> list[ev.Telling]:
    """Every root-04 telling on factRuEval, judged against its document's Meeting facts: correct
    when its participants match one (overlap, as :func:`meeting_match`); wrong when they match
    none of a document that has some; unannotated in a document that has none."""
    out = []
    for r in runs:
        if r.gold.meetings is None:
            continue
        golds = gold_participants(r)
        for d in r.decisions:
            e = d.event
            if e is None or not e.cameo.startswith(MEETING_ROOT):
                continue
            if not golds:
                verdict = ev.UNANNOTATED
            elif any(meeting_match(g, ev.event_actors(e), "overlap") for g in golds):
                verdict = ev.CORRECT
            else:
                verdict = ev.WRONG
            out.append(ev.Telling(r.gold.id, e, verdict))
    return out


# --- events --------------------------------------------------------------------------------
def score_events(runs: list[Run]) -> ev.EventScores:
    """NEREL's relational events and every telling judged (:mod:`dyad.eval.events`); documents
    whose dataset annotates no events (events None) are skipped."""
    total = ev.EventScores()
    for r in runs:
        if r.gold.events is not None:
            total = ev.add_scores(total, ev.score_document(r.gold, r.decisions, r.record.mentions, r.sides))
    return total


# --- coreference ---------------------------------------------------------------------------
def coref_predictions(record: Record) -> tuple[PredMention, ...]:
    """Dyad's mentions that carry an actor, each in the chain of its actor's id. A group anaphor
    ("двух стран") is in the chain of its set of members, never in the chain of one member."""
    return tuple(PredMention(m.start, m.end, m.text, _chain(m), m.rule, m.type)
                 for m in record.mentions if m.actor is not None)


def _chain(m: Mention) -> str:
    if m.members:
        return "group:" + "+".join(sorted({a.id for a in m.members}))
    return m.actor.id


@dataclass
class CorefScores:
    total: CorefResult = field(default_factory=CorefResult)
    documents: int = 0
    per_run: list[tuple[Run, CorefResult]] = field(default_factory=list)


def score_coref(runs: list[Run]) -> CorefScores:
    """Documents whose dataset annotates no coreference (chains None) are skipped."""
    scores = CorefScores()
    for r in runs:
        if r.gold.chains is None:
            continue
        res = score_document(r.gold.chains, coref_predictions(r.record), r.gold.text)
        scores.total = scores.total + res
        scores.documents += 1
        scores.per_run.append((r, res))
    return scores


def coref_error_lines(scores: CorefScores, n: int) -> list[str]:
    """The first ``n`` wrong predicted links and the first ``n`` missed gold links, in document
    order, each with its sentence (and a wrong link with its antecedent's)."""
    out: list[str] = []
    for r, w in [(r, w) for r, res in scores.per_run for w in res.wrong][:n]:
        text, m, a = r.gold.text, w.mention, w.antecedent
        out += [f"{r.gold.id}:{m.start} WRONG LINK «{m.text}» {m.rule or '-'} → {m.chain}: gold chain "
                f"{w.chain}, the antecedent «{a.text}» ({a.rule or '-'}) is in gold chain {w.antecedent_chain}",
                "    " + show(text, m.start, m.end),
                "    antecedent: " + show(text, a.start, a.end)]
    for r, x in [(r, x) for r, res in scores.per_run for x in res.missed][:n]:
        text, g, a = r.gold.text, x.gold, x.antecedent
        had = f"«{x.mention.text}» {x.mention.rule or '-'} → {x.mention.chain}" if x.mention else "nothing"
        before = (f"«{x.antecedent_mention.text}» → {x.antecedent_mention.chain}"
                  if x.antecedent_mention else "nothing")
        out += [f"{r.gold.id}:{g.start} MISSED LINK «{text[g.start:g.end]}» to «{text[a.start:a.end]}» "
                f"(gold chain {x.chain}): Dyad had {had}; at the earlier mention {before}",
                "    " + show(text, g.start, g.end)]
    return out


# --- actors --------------------------------------------------------------------------------
@dataclass
class ActorScores:
    """The actors measures on one dataset, undated and dated (see :mod:`dyad.eval.actors`)."""
    undated: ActorCounts
    dated: ActorCounts
    documents: int = 0
    without_date: int = 0            # no date found in the text: left out of the dated run
    failed: list[Run] = field(default_factory=list)


def score_actors(docs: list[GoldDoc], undated: list[Run] | None = None, *,
                 progress: bool = True) -> ActorScores:
    """Run Dyad on the documents given no date (the pipeline estimates each date from the text,
    or has none; ``undated``: such runs the caller already has) and given as a day the date the
    estimator finds (:func:`dated`); measure both."""
    if undated is None:
        undated = run([replace(d, date=None) for d in docs], baseline=False, progress=progress)
    with_dates, none = dated(docs)
    dated_runs = run(with_dates, baseline=False, progress=progress)
    return ActorScores(measure_actors(r.record for r in undated),
                       measure_actors(r.record for r in dated_runs), len(docs), len(none),
                       [r for r in undated + dated_runs if r.error])
