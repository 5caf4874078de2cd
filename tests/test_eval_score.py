"""The scorer on hand-computed cases: alignment, counts, resolution and meetings."""
from __future__ import annotations

import pytest

from dyad.eval.gold import GoldDoc, GoldMeeting, GoldMention, Participant
from dyad.eval.score import Counts, Predicted, align, count
from dyad.eval.tasks import (Run, matched_participants, names_match, score_meetings,
                             score_resolution)
from dyad.types import ActorRef, Document, Event, Mention, Record, Span

# gold: A PER [0,5); B ORG [10,20) whose name is [15,20) (a descriptor before it);
# C LOC [30,35); D LOCORG [40,45); E LOCORG [15,20) nested in B (ignored)
GOLD = (
    GoldMention("A", "PER", (Span(0, 5),)),
    GoldMention("B", "ORG", (Span(10, 14), Span(15, 20)), core=(Span(15, 20),)),
    GoldMention("E", "LOCORG", (Span(15, 20),), nested=True),
    GoldMention("C", "LOC", (Span(30, 35),)),
    GoldMention("D", "LOCORG", (Span(40, 45),)),
)
PRED = (
    Predicted(0, 5, "PER"),        # exact hit on A
    Predicted(15, 20, "ORG"),      # exact hit on B: its name without the descriptor
    Predicted(15, 20, "LOC"),      # matches the ignored E: neither hit nor false hit
    Predicted(30, 34, "LOC"),      # one character short of C: overlap hit, exact false hit
    Predicted(40, 45, "ORG"),      # a LOCORG accepts ORG
    Predicted(50, 55, "PER"),      # nothing there
)


def test_eval_align_exact():
    a = align(GOLD, PRED, "exact")
    assert [(g.id, p.start) for g, p in a.hits] == [("A", 0), ("B", 15), ("D", 40)]
    assert [g.id for g in a.misses] == ["C"]
    assert [(p.start, p.type) for p in a.false] == [(30, "LOC"), (50, "PER")]
    assert [(g.id, p.type) for g, p in a.neutral] == [("E", "LOC")]


@pytest.mark.parametrize("mode, row, expected", [
    ("exact", "PER", Counts(1, 1, 2)),
    ("exact", "ORG", Counts(1, 1, 1)),
    ("exact", "LOC", Counts(0, 1, 1)),
    ("exact", "LOCORG", Counts(1, 1, 1)),
    ("exact", "micro", Counts(3, 4, 5)),
    ("overlap", "LOC", Counts(1, 1, 1)),
    ("overlap", "micro", Counts(4, 4, 5)),
])
def test_eval_count(mode, row, expected):
    assert count(align(GOLD, PRED, mode))[row] == expected


@pytest.mark.parametrize("counts, p, r, f1", [
    (Counts(3, 4, 5), 0.6, 0.75, 2 / 3),         # 2 * .6 * .75 / 1.35
    (Counts(4, 4, 5), 0.8, 1.0, 8 / 9),
    (Counts(0, 0, 0), 0.0, 0.0, 0.0),
    (Counts(0, 3, 2), 0.0, 0.0, 0.0),
])
def test_eval_counts_figures(counts, p, r, f1):
    assert (counts.precision, counts.recall, counts.f1) == pytest.approx((p, r, f1))


def test_eval_align_is_one_to_one():
    gold = (GoldMention("A", "LOC", (Span(0, 6),)),)
    pred = (Predicted(0, 6, "LOC"), Predicted(0, 6, "LOC"))
    a = align(gold, pred, "overlap")
    assert len(a.hits) == 1 and len(a.false) == 1


def test_eval_align_wrong_type_is_miss_and_false():
    a = align((GoldMention("A", "PER", (Span(0, 6),)),), (Predicted(0, 6, "LOC"),), "overlap")
    assert len(a.misses) == 1 and len(a.false) == 1


def _record(mentions=(), events=(), text="x" * 80):
    return Record(Document("d", text), tuple(mentions), tuple(events))


def _mention(start, end, actor_id, typ="PER"):
    return Mention(start, end, "", typ, None, ActorRef(actor_id, actor_id, "person"), "test")


def test_eval_resolution():
    gold = GoldDoc("d", "x" * 80, None, (
        GoldMention("A", "PER", (Span(0, 5),)),
        GoldMention("B", "PER", (Span(10, 15),)),
        GoldMention("C", "LOCORG", (Span(20, 25),), nested=True),     # nested still counts here
        GoldMention("D", "LOC", (Span(30, 35),)),
        GoldMention("U", "ORG", (Span(40, 45),), named=False),       # unnamed: not counted
    ))
    record = _record([_mention(0, 5, "person:x"), _mention(10, 12, "vladimir-putin"),
                      _mention(20, 25, "RUS", "ADJ")])
    res = score_resolution([Run(gold, record)])
    assert (res["PER"].gold, res["PER"].any, res["PER"].known) == (2, 2, 1)
    assert (res["LOCORG"].gold, res["LOCORG"].known) == (1, 1)
    assert (res["LOC"].gold, res["LOC"].any) == (1, 0)
    assert (res["all"].gold, res["all"].any, res["all"].known) == (4, 3, 2)


@pytest.mark.parametrize("a, b, expected", [
    ("Саркози", "Николя Саркози", True),
    ("Саркози Николя", "Николя Саркози", True),
    ("Лужков Юрий", "Юрий Лужков", True),
    ("Обама", "Николя Саркози", False),
    ("", "Саркози", False),
    ("Бут Алла", "Бут Виктор", False),
])
def test_eval_names_match(a, b, expected):
    assert names_match(a, b) is expected


def _event(cameo, sources, targets):
    return Event("e", None, None, tuple(sources), tuple(targets), cameo, None, None, None,
                 Span(0, 1), "", Span(0, 1))


SARKOZY = ActorRef("nicolas-sarkozy", "Николя Саркози", "person")
OBAMA = ActorRef("person:barak-obama", "Барак Обама", "person")
MERKEL = ActorRef("angela-merkel", "Ангела Меркель", "person")


def _meeting_run(events, extra_mentions=()):
    gold = GoldDoc("d", "x" * 80, None, (), (GoldMeeting("m", (
        Participant(("Саркози Николя", "Саркози"), (Span(0, 5),)),
        Participant(("Обама Барак", "Обама"), (Span(10, 15),)),)),))
    mentions = [_mention(0, 5, "nicolas-sarkozy"), *extra_mentions]   # Obama left unresolved
    return Run(gold, _record(mentions, events))


@pytest.mark.parametrize("events, exact, overlap", [
    # the resolved actor on one side, the normalised name on the other: an exact hit
    ([_event("040", [SARKOZY], [OBAMA])], Counts(1, 1, 1), Counts(1, 1, 1)),
    # the same set coded twice counts once; a non-consult event is not a meeting
    ([_event("042", [SARKOZY], [OBAMA]), _event("043", [OBAMA], [SARKOZY]),
      _event("190", [SARKOZY], [MERKEL])], Counts(1, 1, 1), Counts(1, 1, 1)),
    # a third participant: not exact, but two participants agree
    ([_event("040", [SARKOZY], [OBAMA, MERKEL])], Counts(0, 1, 1), Counts(1, 1, 1)),
    # the wrong partner: only one participant agrees
    ([_event("040", [SARKOZY], [MERKEL])], Counts(0, 1, 1), Counts(0, 1, 1)),
    ([], Counts(0, 1, 0), Counts(0, 1, 0)),
])
def test_eval_meetings(events, exact, overlap):
    got = score_meetings([_meeting_run(events)])
    assert got == {"exact": exact, "overlap": overlap}


def test_eval_meetings_known_actor_beats_name():
    # the gold participant resolved to a known actor: a different known actor with the same
    # surname does not match by name
    other = ActorRef("nicolas-sarkozy-jr", "Саркози", "person")
    run = _meeting_run([])
    actors = frozenset({"nicolas-sarkozy"})
    assert matched_participants([(run.gold.meetings[0].participants[0], actors)], (other,)) == 0
    assert matched_participants([(run.gold.meetings[0].participants[0], actors)], (SARKOZY,)) == 1


def test_eval_meetings_skip_documents_without_annotation():
    run = Run(GoldDoc("d", "x", None), _record(events=[_event("040", [SARKOZY], [OBAMA])]))
    assert score_meetings([run])["exact"] == Counts()
