"""Events against gold: NEREL's relational EVENT triggers, confidence bands, factRuEval's meetings.

Everything here is a pure function of gold documents, Dyad's records and the coder's trigger
decisions (:class:`~dyad.code.events.Decision`: accepted, with an ``event``, or rejected, with a
``reason``); running the pipeline is :mod:`dyad.eval.tasks`'s. Events are read as *tellings*:
one accepted decision each, before repeated tellings merge, since a merged event keeps the
trigger of its first telling only.

NEREL relational events (:func:`judge_event`):

- gold: an EVENT entity with at least one actor (:mod:`dyad.eval.nerel`) whose trigger text has
  a relational stem (:data:`RELATIONAL_STEMS`: meetings, visits, talks, calls, signings,
  protests, arrests, sentences, fines, dismissals, attacks, killings, awards, accusations,
  criticism, support, threats, sanctions, bans, releases...);
- a Dyad telling is *on* the gold event when its trigger shares a character with the gold
  trigger; it *names* a gold actor when one of its sources or targets does
  (:func:`names_actor`), one Dyad actor for one gold actor (:func:`matched`);
- the gold event is *found with its actors* when a telling on it names at least min(2, n) of
  its n actors; else *found with some* (one of two or more), *the event lacks the actors* (a
  telling, naming none), *trigger rejected* (only rejected decisions on it: by the reason, cut
  before its first parenthesis or quote), *no trigger* (no trigger of the lexicon there).

Confidence bands (:func:`judge_telling`, :func:`bands`): every telling on a gold EVENT with
actors is judged, correct when it names at least one of them; a telling on gold EVENTs without
actors, or on none (*unannotated*), is not judged, and counts as wrong under the strict reading.
On factRuEval (:func:`meeting_tellings`) the tellings of CAMEO root 04 are judged against the
document's Meeting facts.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from ..types import ActorRef, Event, Mention, Span
from .gold import GoldActor, GoldDoc, GoldEvent

# Stems a relational trigger starts a word with (lower case, ё as е). Written for this task from
# the CAMEO roots that relate two sides; an act with no other side (родился, умер, выборы,
# переехал) or an appointment is not relational.
RELATIONAL_STEMS = (
    # meetings, visits, talks, calls
    "встреч", "встрет", "переговор", "саммит", "визит", "посет", "посещ", "прибы", "прилет",
    "приезд", "приехал", "беседова", "бесед", "обсуди", "обсужд", "консультац", "заседани",
    "позвони", "звонок", "телефонн",
    # signings and agreements
    "подпис", "соглаш", "договор", "перемири", "меморандум", "контракт", "сотруднич",
    # praise, thanks, support and their opposites
    "поздрав", "похвал", "благодар", "поддерж", "одобр", "критик", "раскритик", "осуди", "осужд",
    "обвин", "упрек", "угро", "пригроз", "призв", "призыв", "потребова", "требова", "отклони",
    "отверг", "отказа", "аннулир", "отмени",
    # protests
    "протест", "митинг", "акци", "марш", "демонстрац", "пикет", "забастов", "бойкот",
    # arrests, trials, sentences, fines, releases, pardons
    "арест", "задерж", "стражу", "приговор", "осужд", "виновн", "штраф", "уголовн", "возбуд",
    "расслед", "допрос", "обыск", "суд", "отсуди", "исков", "сфабрик", "взятк", "освобод",
    "освобожд", "помил", "амнист", "экстрадир", "экстради", "депорт", "выдвор", "выслал",
    "выслан", "высыл", "изгна", "исключ",
    # dismissals, resignations, bans, sanctions, blockades
    "уволи", "увольн", "отставк", "отстран", "снят с", "полномоч", "лиши", "запрет", "запрещ",
    "санкц", "блокад", "блокир", "заблокир",
    # repression, attacks, killings
    "подави", "подавл", "разогна", "репресс", "чистк", "напал", "нападени", "атак", "удар",
    "штурм", "обстрел", "бомбард", "взрыв", "теракт", "стрельб", "выстрел", "застрел", "расстрел",
    "ранил", "ранени", "избил", "избиени", "избит", "побо", "похити", "похищ", "заложник",
    "изнасил", "убил", "убий", "обезглав", "отруби", "казн", "отрав", "капитул", "сдался", "сверж",
    "вытесн", "рейд", "подброс", "взяток",
    # awards
    "наград", "вручи", "вручен", "удостои", "удостоен", "присуди",
)
# words that begin with such a stem and tell no act between two sides: oncoming traffic, a
# demonstration flight, shooting or hitting oneself
NOT_RELATIONAL = ("встречн", "демонстрацион", r"застрелил(?:ся|ась|ись)", r"ударил(?:ся|ась|ись)")
WORD_START = r"(?<![^\W\d_])"
RELATIONAL = re.compile(WORD_START + "(?:" + "|".join(sorted(set(RELATIONAL_STEMS), key=len, reverse=True)) + ")")
NOT_RELATIONAL_WORD = re.compile(WORD_START + "(?:" + "|".join(NOT_RELATIONAL) + r")\w*")

WITH_ACTORS = "found with its actors"
SOME_ACTORS = "found with some of its actors"
NO_ACTORS = "trigger found, the event lacks the actors"
REJECTED = "trigger rejected"
NO_TRIGGER = "no trigger in the lexicon"
OUTCOMES = (WITH_ACTORS, SOME_ACTORS, NO_ACTORS, REJECTED, NO_TRIGGER)

LETTERS = re.compile(r"[^\W\d_]+")
LATIN = re.compile(r"[a-z]")
ENDING = "аеиоуыэюяйь"


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def relational(text: str) -> bool:
    """The trigger text has a relational stem at the start of one of its words, that word not
    one of :data:`NOT_RELATIONAL`."""
    return RELATIONAL.search(NOT_RELATIONAL_WORD.sub(" ", fold(text))) is not None


# --- names ---------------------------------------------------------------------------------
def _stem(word: str) -> str:
    """The word without up to two final vowels, й or ь ("сергея" -> "серг", "россии" -> "росс");
    a word of three letters or fewer is kept whole ("сша")."""
    out = word
    for _ in range(2):
        if len(out) > 3 and out[-1] in ENDING:
            out = out[:-1]
    return out


def word_agrees(a: str, b: str) -> bool:
    """Two forms of one word: equal, or the stem of one begins the other's stem with at most
    three letters more ("Лавров" ~ "Лаврова" ~ "Лавровым", "Сергей" ~ "Сергея", "Россия" ~
    "России"; "Иран" !~ "Ирака"). A Latin word and a Cyrillic one are compared as ASCII slugs."""
    a, b = fold(a), fold(b)
    if bool(LATIN.search(a)) != bool(LATIN.search(b)):
        from ..resolve.translit import slug
        a, b = slug(a), slug(b)
    if a == b:
        return True
    short, long = sorted((_stem(a), _stem(b)), key=len)
    return len(short) >= 3 and long.startswith(short) and len(long) - len(short) <= 3


def names_agree(a: str, b: str) -> bool:
    """Every word of one name (two letters or more) agrees with a word of the other ("Сергея
    Лаврова" and "Лавров", "МИД Испании" and "Испания")."""
    wa = [w for w in LETTERS.findall(a) if len(w) >= 2]
    wb = [w for w in LETTERS.findall(b) if len(w) >= 2]
    if not wa or not wb:
        return False
    return (all(any(word_agrees(x, y) for y in wb) for x in wa)
            or all(any(word_agrees(x, y) for y in wa) for x in wb))


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def actor_spans(mentions: Iterable[Mention]) -> dict[str, tuple[Span, ...]]:
    """Actor id -> the spans of the mentions Dyad resolved to it."""
    out: dict[str, list[Span]] = {}
    for m in mentions:
        if m.actor is not None:
            out.setdefault(m.actor.id, []).append(Span(m.start, m.end))
    return {k: tuple(v) for k, v in out.items()}


Sides = tuple[tuple[Span, ...], tuple[Span, ...]]     # a decision's source and target token spans
NO_SIDES: Sides = ((), ())


def names_actor(actor: ActorRef, gold: GoldActor, spans: dict[str, tuple[Span, ...]],
                tokens: Sequence[Span] = ()) -> bool:
    """A Dyad actor names a gold actor when a mention Dyad resolved to it overlaps one of the
    gold actor's spans, when one of the telling's argument ``tokens`` does ("пограничники
    задержали" coded with the border guard as source), or when its name and one of the gold
    texts agree (:func:`names_agree`)."""
    if any(overlaps(s, g) for s in (*spans.get(actor.id, ()), *tokens) for g in gold.spans):
        return True
    return any(names_agree(actor.name, t) for t in gold.texts)


def max_matching(left: int, right: int, ok: Callable[[int, int], bool]) -> int:
    """The size of the largest one-to-one matching between ``left`` and ``right`` items."""
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in range(right):
            if j in seen or not ok(i, j):
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(augment(i, set()) for i in range(left))


def event_actors(e: Event) -> tuple[ActorRef, ...]:
    """Sources and targets, each actor once."""
    return tuple({a.id: a for a in e.sources + e.targets}.values())


def matched(gold: Sequence[GoldActor], actors: Sequence[ActorRef], spans: dict[str, tuple[Span, ...]],
            sides: Sides = NO_SIDES) -> int:
    """How many gold actors the event's actors name, one Dyad actor for one gold actor; ``sides``:
    the telling's argument tokens (either side's, as a symmetric act's sides may swap)."""
    tokens = sides[0] + sides[1]
    return max_matching(len(gold), len(actors), lambda i, j: names_actor(actors[j], gold[i], spans, tokens))


def needed(gold: GoldEvent) -> int:
    return min(2, len(gold.actors))


def reason_key(reason: str) -> str:
    """A rejection reason cut before its first parenthesis or quote: "noun in a descriptive
    frame (nmod of 'Значение')" -> "noun in a descriptive frame"."""
    reason = reason.removeprefix("rejected: ")
    return re.split(r"\s*[('\"«]", reason, maxsplit=1)[0].strip() or reason


# --- one gold event ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Judged:
    """What Dyad made of one gold event."""
    doc: str
    gold: GoldEvent
    outcome: str                      # one of OUTCOMES
    cause: str                        # the error table's row ("" for a hit)
    named: int = 0                    # gold actors the best telling names
    event: Event | None = None        # the best telling on the trigger, if any
    reason: str = ""                  # the rejection reason (REJECTED)


def judge_event(doc: str, gold: GoldEvent, decisions: Sequence, spans: dict[str, tuple[Span, ...]],
                sides: Sequence[Sides] = ()) -> Judged:
    """The best of the decisions on the gold trigger: a telling naming the most gold actors,
    else a rejected trigger, else none. ``sides``: each decision's argument tokens."""
    on = [(d, sides[i] if i < len(sides) else NO_SIDES) for i, d in enumerate(decisions)
          if overlaps(d.trigger, gold.trigger)]
    told = [(matched(gold.actors, event_actors(d.event), spans, si), -i, d.event)
            for i, (d, si) in enumerate(on) if d.event is not None]
    if told:
        k, _, best = max(told, key=lambda t: t[:2])
        if k >= needed(gold):
            return Judged(doc, gold, WITH_ACTORS, "", k, best)
        if k:
            return Judged(doc, gold, SOME_ACTORS, "the event names some of the actors", k, best)
        resolved = any(overlaps(s, g) for a in gold.actors for g in a.spans
                       for ss in spans.values() for s in ss)
        cause = ("the event names other actors" if resolved
                 else "the event names other actors: no gold actor resolved by Dyad")
        return Judged(doc, gold, NO_ACTORS, cause, 0, best)
    if on:
        reason = on[0][0].reason
        return Judged(doc, gold, REJECTED, "trigger rejected: " + reason_key(reason), reason=reason)
    return Judged(doc, gold, NO_TRIGGER, NO_TRIGGER)


def relational_events(gold: GoldDoc) -> list[GoldEvent]:
    return [g for g in gold.events or () if g.actors and relational(g.text)]


@dataclass
class EventScores:
    """NEREL's relational events: one judgement each, and the tellings for the bands."""
    judged: list[Judged] = field(default_factory=list)
    events: int = 0                   # gold EVENT entities (any)
    with_actors: int = 0              # gold EVENT entities with an actor
    documents: int = 0
    tellings: list["Telling"] = field(default_factory=list)

    def outcomes(self) -> Counter:
        return Counter(j.outcome for j in self.judged)

    def causes(self) -> Counter:
        return Counter(j.cause for j in self.judged if j.outcome != WITH_ACTORS)

    def roots(self) -> dict[str, Counter]:
        """CAMEO root -> outcomes of the gold events whose best telling has that root."""
        out: dict[str, Counter] = {}
        for j in self.judged:
            if j.event is not None:
                out.setdefault(j.event.cameo[:2], Counter())[j.outcome] += 1
        return out


def score_document(gold: GoldDoc, decisions: Sequence, mentions: Sequence[Mention],
                   sides: Sequence[Sides] = ()) -> EventScores:
    """One document: its relational gold events judged, its tellings judged. ``sides``: each
    decision's argument tokens, in the order of ``decisions`` (none: names and mentions only)."""
    spans = actor_spans(mentions)
    events = gold.events or ()
    sides = tuple(sides) or (NO_SIDES,) * len(decisions)
    return EventScores([judge_event(gold.id, g, decisions, spans, sides) for g in relational_events(gold)],
                       len(events), sum(1 for g in events if g.actors), 1,
                       [judge_telling(gold.id, d.event, events, spans, si)
                        for d, si in zip(decisions, sides) if d.event])


def add_scores(a: EventScores, b: EventScores) -> EventScores:
    return EventScores(a.judged + b.judged, a.events + b.events, a.with_actors + b.with_actors,
                       a.documents + b.documents, a.tellings + b.tellings)


# --- confidence bands ----------------------------------------------------------------------
BANDS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.0))
CORRECT, WRONG, NO_GOLD_ACTORS, UNANNOTATED = "correct", "wrong", "gold event without actors", "unannotated"
THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class Telling:
    """One coded telling and how the gold judges it."""
    doc: str
    event: Event
    verdict: str                      # CORRECT, WRONG, NO_GOLD_ACTORS, UNANNOTATED

    @property
    def judged(self) -> bool:
        return self.verdict in (CORRECT, WRONG)


def judge_telling(doc: str, event: Event, gold: Sequence[GoldEvent], spans: dict[str, tuple[Span, ...]],
                  sides: Sides = NO_SIDES) -> Telling:
    """Correct when the telling names at least one actor of a gold event its trigger overlaps."""
    on = [g for g in gold if overlaps(event.trigger, g.trigger)]
    if not on:
        return Telling(doc, event, UNANNOTATED)
    with_actors = [g for g in on if g.actors]
    if not with_actors:
        return Telling(doc, event, NO_GOLD_ACTORS)
    actors = event_actors(event)
    ok = any(matched(g.actors, actors, spans, sides) for g in with_actors)
    return Telling(doc, event, CORRECT if ok else WRONG)


def band_of(confidence: float) -> int:
    """The index of the band holding ``confidence`` (lower bound in, upper out; the last band
    holds 1.0)."""
    c = round(confidence, 6)
    for i, (_, hi) in enumerate(BANDS):
        if c < hi or i == len(BANDS) - 1:
            return i
    return len(BANDS) - 1


@dataclass(frozen=True, slots=True)
class Band:
    """The tellings of one confidence band, by verdict."""
    label: str
    correct: int = 0
    wrong: int = 0
    no_actors: int = 0                # on gold events without actors only
    unannotated: int = 0
    confidence: float = 0.0           # sum of confidences

    def __add__(self, o: "Band") -> "Band":
        return Band(self.label, self.correct + o.correct, self.wrong + o.wrong,
                    self.no_actors + o.no_actors, self.unannotated + o.unannotated,
                    self.confidence + o.confidence)

    @property
    def n(self) -> int:
        return self.correct + self.wrong + self.no_actors + self.unannotated

    @property
    def judged(self) -> int:
        return self.correct + self.wrong

    @property
    def lenient(self) -> float | None:
        """Precision among the judged tellings."""
        return self.correct / self.judged if self.judged else None

    @property
    def strict(self) -> float | None:
        """Precision among all tellings, the unjudged counted as wrong."""
        return self.correct / self.n if self.n else None

    @property
    def mean(self) -> float | None:
        return self.confidence / self.n if self.n else None


def _one(t: Telling) -> Band:
    v = t.verdict
    return Band("", int(v == CORRECT), int(v == WRONG), int(v == NO_GOLD_ACTORS), int(v == UNANNOTATED),
                t.event.confidence)


def band_label(i: int) -> str:
    lo, hi = BANDS[i]
    return f"[{lo:.1f}, {hi:.1f}]" if i == len(BANDS) - 1 else f"[{lo:.1f}, {hi:.1f})"


def bands(tellings: Iterable[Telling]) -> tuple[list[Band], Band, Band]:
    """The bands, the tellings with confidence >= :data:`THRESHOLD`, and all tellings."""
    rows = [Band(band_label(i)) for i in range(len(BANDS))]
    above, total = Band(f">= {THRESHOLD}"), Band("all")
    for t in tellings:
        one = _one(t)
        i = band_of(t.event.confidence)
        rows[i] = rows[i] + one
        total = total + one
        if round(t.event.confidence, 6) >= THRESHOLD:
            above = above + one
    return rows, above, total
