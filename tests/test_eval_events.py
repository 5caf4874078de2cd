"""The event measures (dyad/eval/events.py, the meetings' errors in dyad/eval/tasks.py) on
hand-built gold, decisions and records: sentences of our own."""
from __future__ import annotations

import pytest

from dyad.code.events import Decision
from dyad.lang.ru.lexicon import Trigger, TriggerMatch
from dyad.eval import events as ev
from dyad.eval.gold import GoldActor, GoldDoc, GoldEvent, GoldMeeting, Participant
from dyad.eval.nerel import events_from_json
from dyad.eval.tasks import (MEETING_REJECTED, NO_MEETING_TRIGGER, OTHER_PARTICIPANTS, OTHER_ROOT,
                             PARTLY, Run, meeting_errors, meeting_tellings)
from dyad.types import ActorRef, Document, Event, Mention, Record, Span

TEXT = "Сергей Лавров встретился в Анкаре с Мевлютом Чавушоглу. Пограничники задержали двух нарушителей."
LAVROV = ActorRef("sergey-lavrov", "Сергей Лавров", "person", "RUS")
CAVUSOGLU = ActorRef("mevlut-cavusoglu", "Мевлют Чавушоглу", "person", "TUR")
RUS = ActorRef("RUS", "Россия", "country")
TUR = ActorRef("TUR", "Турция", "country")
COP = ActorRef("BRD", "погранслужба", "sector")
ADHOC = ActorRef("person:x", "Икс", "person")


def at(word: str, text: str = TEXT, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = text.index(word, i + 1)
    return Span(i, i + len(word))


def actor(*words: str, types: tuple[str, ...] = ("PERSON",)) -> GoldActor:
    return GoldActor(tuple(f"T{w}" for w in words), types * len(words), ("AGENT",) * len(words),
                     tuple(at(w) for w in words), words)


MEETING = GoldEvent("T1", at("встретился"), "встретился", (actor("Сергей Лавров"), actor("Мевлютом Чавушоглу")))
ARREST = GoldEvent("T2", at("задержали"), "задержали", (actor("Пограничники", types=("PROFESSION",)),))


def trigger(cameo: str = "040") -> TriggerMatch:
    t = Trigger("ru.test", "встретиться", "VERB", cameo, None, "between", "", "test", ("встретиться",), 0)
    return TriggerMatch(0, 1, (0,), t)


def event(word: str, sources=(), targets=(), cameo: str = "040", confidence: float = 0.9,
          text: str = TEXT) -> Event:
    span = at(word, text)
    return Event(f"ev{span.start}", None, None, tuple(sources), tuple(targets), cameo, None, None, None,
                 span, word, Span(0, len(text)), confidence=confidence)


def told(word: str, *args, text: str = TEXT, **kw) -> Decision:
    e = event(word, *args, text=text, **kw)
    return Decision(0, trigger(e.cameo), e.trigger, word, e.evidence, e, e.rule)


def rejected(word: str, reason: str, cameo: str = "040", text: str = TEXT) -> Decision:
    return Decision(0, trigger(cameo), at(word, text), word, Span(0, len(text)), None, "rejected: " + reason)


def mention(word: str, a: ActorRef, text: str = TEXT) -> Mention:
    s = at(word, text)
    return Mention(s.start, s.end, word, "PER", actor=a)


# --- words and names -----------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("встретился", True), ("Встреча на высшем уровне", True), ("переговоры", True),
    ("задержали", True), ("арестован", True), ("приговорил", True), ("подал в отставку", True),
    ("поздравил", True), ("ввёл санкции", True), ("убийство", True), ("наградил", True),
    ("выехал на встречную", False), ("застрелился", False), ("ударился о столб", False),
    ("родился", False), ("скончался", False), ("выборах", False), ("назначил", False),
    ("реакции", False),                  # "акци" only at the start of a word
])
def test_eval_events_relational(text, expected):
    assert ev.relational(text) is expected


@pytest.mark.parametrize("a, b, agree", [
    ("Лаврова", "Лавров", True), ("Лавровым", "Лавров", True), ("Сергея", "Сергей", True),
    ("России", "Россия", True), ("Москвы", "Москва", True), ("США", "США", True),
    ("Ирака", "Иран", False), ("Лаврова", "Ларионов", False), ("Obama", "Обама", True),
])
def test_eval_events_word_agrees(a, b, agree):
    assert ev.word_agrees(a, b) is agree


@pytest.mark.parametrize("a, b, agree", [
    ("Сергея Лаврова", "Сергей Лавров", True), ("Лаврова", "Сергей Лавров", True),
    ("МИД Испании", "Испания", True), ("Мевлютом Чавушоглу", "Сергей Лавров", False),
    ("Пограничники", "погранслужба", False),    # a derived word, not a form: the argument tokens decide
    ("", "Лавров", False),
])
def test_eval_events_names_agree(a, b, agree):
    assert ev.names_agree(a, b) is agree


@pytest.mark.parametrize("reason, key", [
    ("rejected: noun in a descriptive frame (nmod of 'Значение')", "noun in a descriptive frame"),
    ("rejected: content of 'принял'", "content of"),
    ("rejected: no source actor", "no source actor"),
])
def test_eval_events_reason_key(reason, key):
    assert ev.reason_key(reason) == key


# --- one gold event ------------------------------------------------------------------------
@pytest.mark.parametrize("gold, decisions, mentions, sides, outcome, cause, named", [
    # both actors by name (inflection-tolerant)
    (MEETING, [told("встретился", [LAVROV], [CAVUSOGLU])], [], None, ev.WITH_ACTORS, "", 2),
    # one of two: some of its actors
    (MEETING, [told("встретился", [LAVROV])], [], None, ev.SOME_ACTORS, "the event names some of the actors", 1),
    # an unrelated name, but a mention resolved to that actor lies on the gold actor
    (MEETING, [told("встретился", [ADHOC], [CAVUSOGLU])], [mention("Лавров", ADHOC)], None, ev.WITH_ACTORS, "", 2),
    # one Dyad actor names one gold actor only
    (MEETING, [told("встретился", [ADHOC])], [mention("Лавров", ADHOC), mention("Чавушоглу", ADHOC)], None,
     ev.SOME_ACTORS, "the event names some of the actors", 1),
    # countries for people: other actors; Dyad resolved the gold actors, chose others
    (MEETING, [told("встретился", [RUS], [TUR])], [mention("Лавров", LAVROV)], None, ev.NO_ACTORS,
     "the event names other actors", 0),
    (MEETING, [told("встретился", [RUS], [TUR])], [], None, ev.NO_ACTORS,
     "the event names other actors: no gold actor resolved by Dyad", 0),
    # the best of two tellings on the trigger counts
    (MEETING, [told("встретился", [RUS]), told("встретился", [LAVROV], [CAVUSOGLU])], [], None, ev.WITH_ACTORS, "", 2),
    (MEETING, [rejected("встретился", "noun in a descriptive frame (nmod of 'x')")], [], None, ev.REJECTED,
     "trigger rejected: noun in a descriptive frame", 0),
    (MEETING, [], [], None, ev.NO_TRIGGER, ev.NO_TRIGGER, 0),
    # a trigger elsewhere in the sentence is not on the gold one
    (MEETING, [told("задержали", [LAVROV], [CAVUSOGLU])], [], None, ev.NO_TRIGGER, ev.NO_TRIGGER, 0),
    # a sector from an agent noun: its argument token lies on the gold actor
    (ARREST, [told("задержали", [COP], cameo="173")], [], [((at("Пограничники"),), ())], ev.WITH_ACTORS, "", 1),
    (ARREST, [told("задержали", [COP], cameo="173")], [], None, ev.NO_ACTORS,
     "the event names other actors: no gold actor resolved by Dyad", 0),
])
def test_eval_events_judge_event(gold, decisions, mentions, sides, outcome, cause, named):
    j = ev.judge_event("d", gold, decisions, ev.actor_spans(mentions), sides or ())
    assert (j.outcome, j.cause, j.named) == (outcome, cause, named)


def test_eval_events_score_document_counts_relational_gold_only():
    born = GoldEvent("T3", at("Анкаре"), "родился", (actor("Сергей Лавров"),))   # not relational
    bare = GoldEvent("T4", at("нарушителей"), "задержание", ())                    # no actors
    gold = GoldDoc("d", TEXT, None, events=(MEETING, ARREST, born, bare))
    s = ev.score_document(gold, [told("встретился", [LAVROV], [CAVUSOGLU])], [])
    assert (len(s.judged), s.events, s.with_actors) == (2, 4, 3)
    assert s.outcomes()[ev.WITH_ACTORS] == 1 and s.causes() == {ev.NO_TRIGGER: 1}
    assert s.roots() == {"04": {ev.WITH_ACTORS: 1}}


# --- tellings and bands --------------------------------------------------------------------
@pytest.mark.parametrize("telling, verdict", [
    (event("встретился", [LAVROV], [TUR]), ev.CORRECT),          # one gold actor named is enough
    (event("встретился", [RUS], [TUR]), ev.WRONG),
    (event("Анкаре", [RUS], [TUR]), ev.NO_GOLD_ACTORS),          # on a gold event without actors
    (event("нарушителей", [COP]), ev.UNANNOTATED),                # on no gold event
])
def test_eval_events_judge_telling(telling, verdict):
    gold = (MEETING, GoldEvent("T9", at("Анкаре"), "Анкаре", ()))
    assert ev.judge_telling("d", telling, gold, {}).verdict == verdict


@pytest.mark.parametrize("confidence, band", [
    (0.0, 0), (0.29, 0), (0.3, 1), (0.4, 1), (0.49, 1), (0.5, 2), (0.55, 2), (0.6, 2),
    (0.7, 3), (0.85, 3), (0.9, 4), (1.0, 4), (0.1 + 0.2, 1),    # 0.30000000000000004
])
def test_eval_events_band_of(confidence, band):
    assert ev.band_of(confidence) == band


def test_eval_events_bands():
    def t(conf: float, verdict: str) -> ev.Telling:
        return ev.Telling("d", event("встретился", confidence=conf), verdict)

    tellings = [t(0.4, ev.CORRECT), t(0.4, ev.WRONG), t(0.3, ev.UNANNOTATED), t(0.6, ev.CORRECT),
                t(0.9, ev.CORRECT), t(0.9, ev.WRONG), t(1.0, ev.NO_GOLD_ACTORS), t(0.9, ev.UNANNOTATED)]
    rows, above, total = ev.bands(tellings)
    got = [(b.label, b.n, b.judged, b.correct, b.lenient, b.strict) for b in rows]
    assert got == [("[0.0, 0.3)", 0, 0, 0, None, None),
                   ("[0.3, 0.5)", 3, 2, 1, 0.5, 1 / 3),
                   ("[0.5, 0.7)", 1, 1, 1, 1.0, 1.0),
                   ("[0.7, 0.9)", 0, 0, 0, None, None),
                   ("[0.9, 1.0]", 4, 2, 1, 0.5, 0.25)]
    assert (above.n, above.judged, above.correct, above.lenient, above.strict) == (5, 3, 2, 2 / 3, 0.4)
    assert (total.n, total.correct, total.no_actors, total.unannotated) == (8, 3, 1, 2)
    assert total.mean == pytest.approx(sum(x.event.confidence for x in tellings) / 8)


# --- NEREL's events ------------------------------------------------------------------------
def test_eval_events_nerel_reader_joins_a_person_and_their_profession():
    text = "Министр Лавров встретился с послом. Погиб кот."
    ents = [("T1", "PROFESSION", "Министр"), ("T2", "PERSON", "Лавров"), ("T3", "EVENT", "встретился"),
            ("T4", "PROFESSION", "послом"), ("T5", "EVENT", "Погиб"), ("T6", "FAMILY", "кот")]
    d = {"text": text, "entities": [{"id": i, "type": t, "start": text.index(w), "end": text.index(w) + len(w),
                                     "text": w} for i, t, w in ents],
         "relations": [{"type": "AGENT", "head": "T2", "tail": "T3"}, {"type": "PARTICIPANT_IN", "head": "T1", "tail": "T3"},
                       {"type": "WORKS_AS", "head": "T2", "tail": "T1"}, {"type": "PARTICIPANT_IN", "head": "T4", "tail": "T3"},
                       {"type": "PARTICIPANT_IN", "head": "T6", "tail": "T5"}]}
    meeting, death = events_from_json(d)
    assert (meeting.text, death.text, death.actors) == ("встретился", "Погиб", ())
    assert [(a.texts, a.roles) for a in meeting.actors] == [(("Министр", "Лавров"), ("PARTICIPANT_IN", "AGENT")),
                                                             (("послом",), ("PARTICIPANT_IN",))]


# --- factRuEval's meetings -----------------------------------------------------------------
MEET = "Лавров встретился с Чавушоглу. Лавров намерен встретиться с Чавушоглу."


def _participants(*words: str) -> tuple[Participant, ...]:
    return tuple(Participant((w,), (at(w, MEET),)) for w in words)


def _run(decisions, mentions=(), meetings=None) -> Run:
    meetings = (GoldMeeting("m1", _participants("Лавров", "Чавушоглу")),) if meetings is None else meetings
    events = tuple(d.event for d in decisions if d.event)
    doc = Document("d", MEET, None)
    return Run(GoldDoc("d", MEET, None, meetings=meetings), Record(doc, tuple(mentions), events), (), None,
               tuple(decisions))


@pytest.mark.parametrize("decisions, cause", [
    ([told("встретился", [LAVROV], [CAVUSOGLU], text=MEET)], None),                 # an exact hit
    ([told("встретился", [LAVROV], [CAVUSOGLU, TUR], text=MEET)], PARTLY),
    ([told("встретиться", [LAVROV], [CAVUSOGLU], cameo="036", text=MEET)], OTHER_ROOT),
    ([told("встретился", [RUS], [TUR], text=MEET)], OTHER_PARTICIPANTS),
    ([rejected("встретился", "no source actor", text=MEET)], MEETING_REJECTED + ": no source actor"),
    ([rejected("встретился", "no source actor", cameo="112", text=MEET)], NO_MEETING_TRIGGER),
    ([], NO_MEETING_TRIGGER),
])
def test_eval_events_meeting_errors(decisions, cause):
    misses = meeting_errors([_run(decisions)])
    assert [m.cause for m in misses] == ([cause] if cause else [])


@pytest.mark.parametrize("decisions, meetings, verdicts", [
    ([told("встретился", [LAVROV], [CAVUSOGLU], text=MEET)], None, [ev.CORRECT]),
    ([told("встретился", [RUS], [TUR], text=MEET), told("встретиться", [LAVROV], cameo="036", text=MEET)],
     None, [ev.WRONG]),                                        # root 03 is not judged
    ([told("встретился", [LAVROV], [CAVUSOGLU], text=MEET)], (), [ev.UNANNOTATED]),
])
def test_eval_events_meeting_tellings(decisions, meetings, verdicts):
    assert [t.verdict for t in meeting_tellings([_run(decisions, meetings=meetings)])] == verdicts
