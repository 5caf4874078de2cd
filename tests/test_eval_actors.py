"""The actors measures (dyad/eval/actors.py) on hand-made records: sentences of our own."""
from __future__ import annotations

import pytest

from dyad.eval.actors import (ActorCounts, Offence, embedded, measure, measure_record, same_word,
                              surname, title_pairs, wrong_person)
from dyad.eval.report import actor_error_lines, actors_tables
from dyad.eval.tasks import ActorScores
from dyad.types import ActorRef, Document, Mention, Record

MACRON = ActorRef("emmanuel-macron", "Эмманюэль Макрон", "person", "FRA")
HOLLANDE = ActorRef("francois-hollande", "Франсуа Олланд", "person", "FRA")
LAVROV = ActorRef("sergey-lavrov", "Сергей Лавров", "person", "RUS")
FRAGOV = ActorRef("FRAGOV", "Франция: правительство", "group", "FRA")
FRA = ActorRef("FRA", "Франция", "country")


def _person(name: str, kind: str = "person") -> ActorRef:
    return ActorRef("p:" + name, name, kind)


def _mentions(text: str, *spans: tuple[str, str, ActorRef | None, str]) -> tuple[Mention, ...]:
    """(surface, type, actor, rule): each surface found after the previous one."""
    out, pos = [], 0
    for surface, typ, actor, rule in spans:
        start = text.index(surface, pos)
        out.append(Mention(start, start + len(surface), surface, typ, actor=actor, rule=rule))
        pos = start + 1
    return tuple(out)


def _record(text: str, *spans, date: str | None = None) -> Record:
    return Record(Document("doc", text, date), _mentions(text, *spans))


@pytest.mark.parametrize("a, b, same", [
    ("Лаврова", "Лавров", True),
    ("Лавровым", "Лавров", True),
    ("Анной", "Анна", True),             # the shorter word sets the length: "анн"
    ("Ёлкина", "Елкин", True),
    ("Obama", "Обама", True),            # Latin and Cyrillic as slugs
    ("Лаврова", "Ларионов", False),
    ("Ын", "Ын", True),
    ("Ын", "Ли", False),
    ("Захарова", "Лавров", False),
])
def test_eval_actors_same_word(a, b, same):
    assert same_word(a, b) is same


@pytest.mark.parametrize("text, expected", [
    ("Сергея Лаврова", "Лаврова"),
    ("В. В. Путин", "Путин"),
    ("Путин В.В.", "Путин"),
    ("Ким Чен Ын", "Ын"),
    ("Жан-Мари Ле Пен", "Пен"),
    ("В.", None),
])
def test_eval_actors_surname(text, expected):
    assert surname(text) == expected


@pytest.mark.parametrize("text, name, wrong", [
    ("Лаврова", "Сергей Лавров", False),
    ("Сергеем Лавровым", "Сергей Лавров", False),
    ("В. В. Путину", "Владимир Путин", False),
    ("Obama", "Барак Обама", False),
    ("Анной", "Анна", False),
    ("Лаврова", "Мария Захарова", True),
    ("Шольц", "Ангела Меркель", True),
    ("Пескова", "Владимир Путин", True),
    ("В.", "Владимир Путин", False),      # no surname to check
])
def test_eval_actors_wrong_person(text, name, wrong):
    assert wrong_person(Mention(0, len(text), text, "PER", actor=_person(name))) is wrong


@pytest.mark.parametrize("text, before, skipped", [
    ("помощник президента", "президента", True),
    ("пресс-секретарь президента", "президента", True),
    ("жена премьера", "премьера", True),
    ("сына президента", "президента", True),
    ("указ президента", "президента", True),
    ("бывший президент", "президент", True),
    ("главой правительства", "правительства", True),
    ("после президента", "президента", False),    # a preposition, not "посол"
    ("указал президент", "президент", False),     # a verb, not "указ"
    ("женщина-министр", "министр", False),
    ("Встреча. Президент", "Президент", False),   # a full stop between
    ("Президент", "Президент", False),            # nothing before
])
def test_eval_actors_embedded(text, before, skipped):
    assert embedded(text, text.rindex(before)) is skipped


# (text, mentions, expected pairs, expected offences)
PAIRS = [
    ("Президент Франции Эмманюэль Макрон прибыл в Москву.",
     [("Президент Франции", "TITLE", MACRON, "kb.title+name"),
      ("Эмманюэль Макрон", "PER", MACRON, "kb.alias")], 1, 0),
    ("Президент Франции Эмманюэль Макрон прибыл в Москву.",            # the holder of another day
     [("Президент Франции", "TITLE", HOLLANDE, "kb.title"),
      ("Эмманюэль Макрон", "PER", MACRON, "kb.alias")], 1, 1),
    ("Глава МИД России, Сергей Лавров, выступил.",                      # a comma between: 2 characters
     [("Глава МИД России", "TITLE", MACRON, "kb.title"),
      ("Сергей Лавров", "PER", LAVROV, "kb.alias")], 1, 1),
    ("Помощник президента Макрона ответил.",                             # embedded: not a pair
     [("президента", "TITLE", HOLLANDE, "kb.title"),
      ("Макрона", "PER", MACRON, "doc.surname")], 0, 0),
    ("Президент — Макрон.",                                              # 3 characters between
     [("Президент", "TITLE", HOLLANDE, "kb.title"), ("Макрон", "PER", MACRON, "doc.surname")], 0, 0),
    ("Президент и Макрон.",                                              # a word between
     [("Президент", "TITLE", HOLLANDE, "kb.title"), ("Макрон", "PER", MACRON, "doc.surname")], 0, 0),
    ("Президент Франции Эмманюэль Макрон прибыл.",                       # the title names an office
     [("Президент Франции", "TITLE", FRAGOV, "kb.office"),
      ("Эмманюэль Макрон", "PER", MACRON, "kb.alias")], 0, 0),
    ("Президент Эмманюэль Макрон прибыл.",                               # the name is not a person
     [("Президент", "TITLE", HOLLANDE, "kb.title"),
      ("Эмманюэль Макрон", "PER", FRA, "kb.alias")], 0, 0),
    ("Сергей Лавров Эмманюэль Макрон.",                                  # a PER is no title
     [("Сергей Лавров", "PER", LAVROV, "kb.alias"),
      ("Эмманюэль Макрон", "PER", MACRON, "kb.alias")], 0, 0),
    ("После президента Макрона выступил Лавров.",
     [("президента", "TITLE", MACRON, "kb.title+name"), ("Макрона", "PER", MACRON, "doc.surname")],
     1, 0),
]


@pytest.mark.parametrize("text, spans, pairs, offences", PAIRS)
def test_eval_actors_title_pairs(text, spans, pairs, offences):
    c = measure_record(_record(text, *spans))
    assert (c.pairs, c.wrong_pairs) == (pairs, offences)
    assert len(title_pairs(_mentions(text, *spans), text)) == pairs
    assert [o.measure for o in c.offences if o.measure == "b"] == ["b"] * offences


def test_eval_actors_measure_counts_rules_confidence_and_warnings():
    text = "Президент Франции Эмманюэль Макрон встретился с Лавровой. Франция довольна."
    title, name, other, country = _mentions(
        text, ("Президент Франции", "TITLE", MACRON, "kb.title+name"),
        ("Эмманюэль Макрон", "PER", MACRON, "kb.alias"),
        ("Лавровой", "PER", LAVROV, "doc.surname"), ("Франция", "LOC", FRA, "kb.alias"))
    mentions = (title, Mention(name.start, name.end, name.text, "PER", actor=MACRON, rule="kb.alias",
                               confidence=0.9, warnings=("W201 Эмманюэль Макрон did not hold ...",)),
                other, Mention(country.start, country.end, country.text, "LOC", actor=FRA, rule="kb.alias",
                               confidence=0.5),
                Mention(0, 3, "Пре", "ANAPHOR"))
    c = measure_record(Record(Document("d", text, "2020-01-01"), mentions))
    assert (c.people, c.wrong_people, c.pairs, c.wrong_pairs) == (2, 0, 1, 0)   # Лавровой ~ Лавров
    assert c.rules == {"kb.title+name": 1, "kb.alias": 2, "doc.surname": 1, "(none)": 1}
    assert c.mean_confidence("kb.alias") == pytest.approx(0.7)
    assert (c.warned, c.warnings) == (1, {"W201": 1})
    assert c.mentions == 5


def test_eval_actors_measure_sums_documents_and_keeps_offences():
    text = "Лаврова ответила."
    wrong = _record(text, ("Лаврова", "PER", _person("Мария Захарова"), "ner.person"), date="2019-03-12")
    right = _record(text, ("Лаврова", "PER", LAVROV, "kb.alias"))
    c = measure([wrong, right, right])
    assert (c.documents, c.people, c.wrong_people) == (3, 3, 1)
    assert c.wrong_by_rule == {"ner.person": 1}
    [o] = c.offences
    assert (o.document, o.date, o.measure, o.mention.text) == ("doc", "2019-03-12", "a", "Лаврова")


def test_eval_actors_tables_and_error_lines():
    text = "Президент Франции Эмманюэль Макрон прибыл. Лаврова ответила."
    rec = _record(text, ("Президент Франции", "TITLE", HOLLANDE, "kb.title"),
                  ("Эмманюэль Макрон", "PER", MACRON, "kb.alias"),
                  ("Лаврова", "PER", _person("Мария Захарова"), "ner.person"), date="2019-03-12")
    c = measure([rec])
    scores = ActorScores(c, ActorCounts(), documents=1, without_date=1)
    lines = "\n".join(actors_tables([("Тест", scores)]))
    assert "| Тест | undated | 1 | 1 / 2 (50.0%) | 1 / 1 (100.0%) | 0 |" in lines
    assert "| Тест | dated | 0 (1 without a date) | 0 / 0 | 0 / 0 | 0 |" in lines
    assert "| kb.alias | 1 | 1.00 | 0 | — |" in lines
    assert "(a) by the rule of the offending mention: Тест undated: ner.person 1." in lines
    errors = actor_error_lines([("Тест", scores)], 5)
    assert ("doc:43 [2019-03-12] (a) PER «Лаврова» ner.person 1.00 → p:Мария Захарова «Мария Захарова»"
            in errors)
    assert any(line.startswith("doc:0 [2019-03-12] (b) TITLE «Президент Франции» kb.title → "
                               "francois-hollande «Франсуа Олланд»; PER «Эмманюэль Макрон»")
               for line in errors)
    assert "    ⟦Лаврова⟧ ответила." in errors
    assert "Тест dated: 0 (a) offences." in errors


def test_eval_actors_offence_is_frozen():
    o = Offence("d", "т", None, "a", Mention(0, 1, "т", "PER"))
    with pytest.raises(AttributeError):
        o.measure = "b"
