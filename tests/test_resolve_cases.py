"""Golden case classes of actor resolution on real-news shapes (tests/golden/actor_cases.tsv):
names beat titles, a title alone names its holder only on a known date, safe aliases, every word
form, coreference. Every line must hold; a failure prints the line and what the resolver made of
the fragment."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from conftest import GOLDEN
from dyad.lang.ru.nlp import analyse
from dyad.resolve.actors import resolve_mentions


@dataclass(frozen=True)
class Case:
    n: int
    cls: str
    date: str | None
    precision: str
    text: str
    fragment: str
    expected: str
    rule: str | None
    warning: str | None


def read_cases(path=GOLDEN / "actor_cases.tsv") -> list[Case]:
    out = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cls, when, text, fragment, expected, rule, warning = raw.split("\t")
        assert fragment in text, f"actor_cases.tsv:{n}: {fragment!r} not in the text"
        date, _, precision = when.partition("~")
        out.append(Case(n, cls, None if date == "-" else date, precision or "day", text, fragment,
                        expected, None if rule == "-" else rule, None if warning == "-" else warning))
    return out


CASES = read_cases()


def test_resolve_cases_cover_every_class():
    assert {c.cls for c in CASES} == {"name-beats-title", "title-alone", "safe-alias", "word-forms",
                                      "coreference", "knowledge-base"}


@pytest.mark.parametrize("case", CASES, ids=[f"{c.n}-{c.cls}" for c in CASES])
def test_resolve_case(case: Case):
    at = case.text.index(case.fragment)
    mentions = resolve_mentions(analyse(case.text, parse=False), case.date, case.precision)
    here = [m for m in mentions if m.start <= at < m.end]
    shown = [(m.text, m.rule, m.actor.id if m.actor else None, m.warnings) for m in here]
    if case.expected == "-":
        assert not [m for m in here if m.actor is not None], f"line {case.n}: {shown}"
        return
    resolved = [m for m in here if m.actor is not None]
    assert resolved, f"line {case.n}: nothing resolved at {case.fragment!r}"
    m = max(resolved, key=lambda m: (m.end - m.start, m.type == "TITLE"))
    if case.expected.startswith("!"):
        unwanted = case.expected[1:]
        assert m.actor.id != unwanted and m.actor.kind != unwanted, f"line {case.n}: {shown}"
    elif case.expected.startswith("kind:"):
        assert m.actor.kind == case.expected[5:], f"line {case.n}: {shown}"
    else:
        assert m.actor.id == case.expected, f"line {case.n}: {shown}"
    if case.rule:
        assert m.rule == case.rule, f"line {case.n}: {shown}"
    codes = [w.split()[0] for w in m.warnings]
    assert codes == ([case.warning] if case.warning else []), f"line {case.n}: {shown}"


def test_resolve_explain_shows_candidates_and_why():
    """`dyad explain` lists each mention's rule and confidence, and the candidates set aside."""
    from dyad.code.explain import explain_document
    from dyad.types import Document
    out = explain_document(Document(id="x", date="2016-03-01", lang="ru", text=(
        "Президент США Барак Обама принял певца Филиппа Киркорова. Президент Украины прилетел позже.")))
    actors = out.split("# actors")[1]
    assert "kb.title+name conf 0.95" in actors
    assert "rejected edouard-philippe" in actors and "names someone else" in actors
    assert "the name after it wins: Барак Обама" in actors
    assert "no name after it; holder on the date: Петр Порошенко" in actors


# An organisation the knowledge base lacks, named with its country, takes the sector its first
# word names, by the word's lemma as well as its form ("Вооружённые силы" -> MIL).
ORG_SECTORS = [
    ("Вооружённые силы Азербайджана нанесли удар по позициям армии Армении.", "Вооружённые силы", "AZEMIL"),
    ("Министерство экологии Казахстана опубликовало доклад.", "Министерство экологии", "KAZGOV"),
]


@pytest.mark.parametrize("text,fragment,code", ORG_SECTORS)
def test_resolve_unknown_org_sector(text, fragment, code):
    mentions = resolve_mentions(analyse(text), None)
    m = next(m for m in mentions if m.text.startswith(fragment))
    assert m.actor is not None and m.actor.code == code, (m.text, m.actor)
