"""English actor resolution (dyad/lang/en/actors.py): table-driven cases of our own sentences.

Each case: text, article date (None: undated), and the mentions expected in it as (surface, actor id
or None for "no actor", rule prefix). Other mentions may be present; ``FORBIDDEN`` lists actor ids a
text must not produce at all (the traps: "New Mexico" is not Mexico, "Jordan Peterson" not Jordan).
"""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from conftest import ROOT
from dyad.lang.en.actors import CONFIDENCE, resolve_mentions
from dyad.lang.en.nlp import analyse
from dyad.resolve.kb import load_kb
from dyad.tables import read_table

DATA = ROOT / "dyad" / "lang" / "en" / "data"

CASES = [
    # countries: names, short forms, abbreviations, adjectives
    ("Azerbaijan and Kazakhstan signed a transit deal.", "2024-05-01",
     [("Azerbaijan", "AZE", "kb.alias"), ("Kazakhstan", "KAZ", "kb.alias")]),
    ("The Russian Federation sent a note to the PRC.", "2024-05-01",
     [("Russian Federation", "RUS", "kb.alias"), ("PRC", "CHN", "kb.alias")]),
    ("The U.S. and the UK issued a joint statement.", "2024-05-01",
     [("U.S.", "USA", "kb.alias"), ("UK", "GBR", "kb.alias")]),
    ("Britain and the USA disagreed on the tariffs.", None,
     [("Britain", "GBR", "kb.alias"), ("USA", "USA", "kb.alias")]),
    ("Russia and China held naval drills.", None, [("Russia", "RUS", "kb.alias"), ("China", "CHN", "kb.alias")]),
    ("Chinese and Azerbaijani flags flew over the bridge.", None,
     [("Chinese", "CHN", "kb.alias"), ("Azerbaijani", "AZE", "kb.alias")]),
    ("South Korea and North Korea exchanged fire.", None,
     [("South Korea", "KOR", "kb.alias"), ("North Korea", "PRK", "kb.alias")]),
    ("Jordan and Egypt held talks on water.", None, [("Jordan", "JOR", "kb.alias"), ("Egypt", "EGY", "kb.alias")]),
    ("Officials in Great Britian denied the report.", None, [("Great Britian", "GBR", "kb.alias")]),
    ("They told us nothing about the plan.", None, [("us", None, "")]),
    # capitals as metonyms; a capital as the place; cities stay places
    ("Beijing rejected the claim.", "2024-05-01", [("Beijing", "CHN", "kb.metonym")]),
    ("Moscow warned Baku against the move.", None, [("Moscow", "RUS", "kb.metonym"), ("Baku", "AZE", "kb.metonym")]),
    ("Washington imposed new tariffs on steel.", None, [("Washington", "USA", "kb.metonym")]),
    ("The delegation arrived in Moscow on Tuesday.", None, [("Moscow", "moscow-rus", "kb.capital-place")]),
    ("Talks were held in Ganja last week.", None, [("Ganja", "ganja-aze", "geo.city")]),
    # traps: longer names
    ("Voters in New Mexico went to the polls.", None, [("New Mexico", "new-mexico", "kb.alias")]),
    ("Jordan Peterson gave a lecture in Toronto.", None, [("Jordan Peterson", "person:jordan-peterson", "ner.person")]),
    ("Russia Today broadcast the speech.", None, [("Russia Today", "rt", "kb.alias")]),
    ("Georgia and Armenia discussed the border.", None, [("Georgia", "GEO", "kb.alias"), ("Armenia", "ARM", "kb.alias")]),
    ("Voters in Atlanta, Georgia, backed the measure.", None, [("Georgia", "GEO", "kb.alias")]),
    # international organisations
    ("The UN and NATO welcomed the ceasefire.", None, [("UN", "UN", "kb.alias"), ("NATO", "NATO", "kb.alias")]),
    ("The European Union and the SCO issued statements.", None,
     [("European Union", "EU", "kb.alias"), ("SCO", "SCO", "kb.alias")]),
    ("ASEAN and OPEC sent observers.", None, [("ASEAN", "ASEAN", "kb.alias"), ("OPEC", "OPEC", "kb.alias")]),
    ("The World Bank and the IMF approved the loan.", None,
     [("World Bank", "WB", "kb.alias"), ("IMF", "IMF", "kb.alias")]),
    ("The Kremlin rejected the report.", None, [("Kremlin", "kremlin", "kb.alias")]),
    # persons: titles before names, spellings, surnames
    ("Chinese President Xi Jinping arrived on Monday.", "2024-01-10",
     [("Chinese President", "xi-jinping", "kb.title+name"), ("Xi Jinping", "xi-jinping", "kb.alias")]),
    ("President Ilham Aliyev received the delegation.", "2024-05-01",
     [("President", "ilham-aliyev", "kb.title+name"), ("Ilham Aliyev", "ilham-aliyev", "kb.alias")]),
    ("Russian Foreign Minister Sergei Lavrov spoke to reporters.", "2024-05-01",
     [("Russian Foreign Minister", "sergey-lavrov", "kb.title+name"),
      ("Sergei Lavrov", "sergey-lavrov", "kb.alias.spelling")]),
    ("President Barack Obama spoke at the ceremony.", "2025-06-01",
     [("President", "barack-obama", "kb.title+name"), ("Barack Obama", "barack-obama", "kb.alias")]),
    ("Iranian President Masoud Pezeshkian arrived in Baku.", "2025-01-10",
     [("Iranian President", "masoud-pezeshkian", "kb.title+name"), ("Baku", "baku-aze", "kb.capital-place")]),
    ("Barack Obama spoke first. Later Obama thanked the hosts.", "2015-03-01",
     [("Barack Obama", "barack-obama", "kb.alias"), ("Obama", "barack-obama", "doc.surname")]),
    # a surname alone is the knowledge base's one person of that name in office on the date ...
    ("Obama thanked the hosts.", "2015-03-01", [("Obama", "barack-obama", "kb.surname+office")]),
    # ... and nobody known when no such person held an office then
    ("Obama thanked the hosts.", "2025-03-01", [("Obama", "person:obama", "ner.person")]),
    ("President Aliyev opened the forum.", "2024-05-01", [("Aliyev", "ilham-aliyev", "kb.surname")]),
    ("Hamid Karzai met the elders.", "2010-05-01", [("Hamid Karzai", "hamid-karzai", "kb.alias")]),
    ("John Smallfield met the mayor.", None, [("John Smallfield", "person:john-smallfield", "ner.person")]),
    # titles alone: the holder on the date, else the office
    ("The U.S. president signed the order.", "2015-03-01", [("U.S. president", "barack-obama", "kb.title")]),
    ("The U.S. president signed the order.", None, [("U.S. president", "USAGOV", "kb.office")]),
    ("China's foreign minister visited Baku.", "2015-03-01",
     [("China's foreign minister", "wang-yi", "kb.title"), ("Baku", "AZE", "kb.metonym")]),
    ("The Azerbaijani leader addressed parliament.", "2024-05-01",
     [("Azerbaijani leader", "ilham-aliyev", "kb.title")]),
    ("The president of Azerbaijan addressed parliament.", "2024-05-01",
     [("president of Azerbaijan", "ilham-aliyev", "kb.title")]),
    ("The Azerbaijani leader addressed parliament.", None, [("Azerbaijani leader", "AZEGOV", "kb.office")]),
    ("The Secretary of State flew to Seoul.", "2015-03-01", [("Secretary of State", "john-kerry", "kb.title")]),
    ("Ilham Aliyev spoke. The president said the talks went well.", "2024-05-01",
     [("Ilham Aliyev", "ilham-aliyev", "kb.alias"), ("president", "ilham-aliyev", "doc.title")]),
    ("The Emir of Qatar welcomed the guests.", "2022-06-01", [("Emir of Qatar", "tamim-bin-hamad-al-thani", "kb.title")]),
    ("Kazakh President Kassym-Jomart Tokayev said Americans were welcome.", "2022-06-01",
     [("Kassym-Jomart Tokayev", "kassym-jomart-tokayev", "kb.alias"), ("Americans", "USA", "kb.alias")]),
    ("Antony Blinken landed in Seoul. Mr. Blinken praised the hosts.", "2022-06-01",
     [("Blinken", "antony-blinken", "doc.surname"), ("Seoul", "seoul-kor", "kb.capital-place")]),
    ("Former President Donald Trump criticised the Pentagon.", "2022-06-01",
     [("Donald Trump", "donald-trump", "kb.alias"), ("Pentagon", "pentagon", "kb.alias")]),
    # agent nouns (PETRARCH-2 agents): placed and unplaced
    ("Russian troops crossed the border.", None, [("Russian troops", "RUS", "kb.sector")]),
    ("Police detained dozens of protesters.", None,
     [("Police", "COP", "kb.agent"), ("protesters", "OPP", "kb.agent")]),
    ("Rebels attacked the army of Azerbaijan.", None,
     [("Rebels", "REB", "kb.agent"), ("army of Azerbaijan", "AZE", "kb.sector")]),
    ("The opposition boycotted the vote.", None, [("opposition", "OPP", "kb.agent")]),
    ("Russia's army held exercises near the border.", None, [("Russia's army", "RUS", "kb.sector")]),
    ("Chinese companies signed contracts with Kazakhstan.", None,
     [("Chinese companies", "CHNBUS", "kb.sector"), ("Kazakhstan", "KAZ", "kb.alias")]),
    ("The Azerbaijani side proposed new talks.", None, [("Azerbaijani side", "AZE", "kb.sector")]),
    # pronouns
    ("Ilham Aliyev arrived in Ankara. He said he was pleased.", "2024-05-01",
     [("He", "ilham-aliyev", "doc.pronoun"), ("he", "ilham-aliyev", "doc.pronoun")]),
    ("Vladimir Putin met Ilham Aliyev. He said the talks were useful.", "2024-05-01",
     [("He", "vladimir-putin", "doc.pronoun.subject")]),
    ("Vladimir Putin praised Ilham Aliyev and his team.", "2024-05-01", [("his", None, "")]),
    ("He said nothing new.", None, [("He", None, "")]),
]

FORBIDDEN = [
    ("Voters in New Mexico went to the polls.", None, {"MEX"}),
    ("Jordan Peterson gave a lecture in Toronto.", None, {"JOR"}),
    ("South Korea and North Korea exchanged fire.", None, set()),
    ("Russia Today broadcast the speech.", None, {"RUS"}),
    ("The delegation arrived in Moscow on Tuesday.", None, {"RUS"}),
    ("Talks were held in Ganja last week.", None, {"AZE"}),
]


def _mentions(text, date):
    return resolve_mentions(analyse(text), date)


def _case_id(case):
    return f"{case[0][:40]}|{case[1]}"


@pytest.mark.parametrize("text, date, expected", CASES, ids=[_case_id(c) for c in CASES])
def test_en_actors_cases(text, date, expected):
    mentions = _mentions(text, date)
    by_text = {}
    for m in mentions:
        by_text.setdefault(m.text, []).append(m)
    for surface, actor_id, rule in expected:
        found = by_text.get(surface, [])
        if actor_id is None:
            assert not any(m.actor is not None for m in found), (surface, found)
            continue
        assert any(m.actor is not None and m.actor.id == actor_id and m.rule.startswith(rule) for m in found), \
            (surface, actor_id, rule, [(m.text, m.actor.id if m.actor else None, m.rule) for m in mentions])


@pytest.mark.parametrize("text, date, ids", FORBIDDEN, ids=[_case_id(c) for c in FORBIDDEN])
def test_en_actors_traps(text, date, ids):
    got = {m.actor.id for m in _mentions(text, date) if m.actor is not None}
    assert not got & ids, got
    if "Korea" in text:
        assert {"KOR", "PRK"} <= got


def test_en_actors_sorted_and_disjoint():
    for text, date, _ in CASES:
        mentions = _mentions(text, date)
        starts = [m.start for m in mentions]
        assert starts == sorted(starts)
        assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:])), text
        assert all(text[m.start:m.end] == m.text for m in mentions)


@pytest.mark.parametrize("text, date, actor_id", [
    ("Azerbaijan and Kazakhstan signed a transit deal.", "2024-05-01", "AZE"),
    ("The UN and NATO welcomed the ceasefire.", None, "NATO"),
    ("Russian Foreign Minister Sergei Lavrov spoke to reporters.", "2024-05-01", "sergey-lavrov"),
    ("Vladimir Putin met Ilham Aliyev.", "2015-03-01", "ilham-aliyev"),
])
def test_en_actors_same_ref_as_kb(text, date, actor_id):
    """The English side gives the ActorRef the Russian side gives: kb.ref's."""
    kb = load_kb()
    day = dt.date.fromisoformat(date) if date else None
    m = next(m for m in _mentions(text, date) if m.actor is not None and m.actor.id == actor_id)
    assert m.actor == kb.ref(actor_id, day)


def test_en_actors_named_person_wins_over_title():
    """"President Barack Obama" in 2025: Obama, without the role he no longer held (and W201)."""
    mentions = _mentions("President Barack Obama spoke at the ceremony.", "2025-06-01")
    obama = next(m for m in mentions if m.text == "Barack Obama")
    assert obama.actor.role is None and obama.actor.code == "USAELI"
    assert obama.warnings and obama.warnings[0].startswith("W201")
    then = next(m for m in _mentions("President Barack Obama spoke.", "2015-03-01") if m.text == "Barack Obama")
    assert then.actor.role == "head_of_state" and then.actor.code == "USAGOV"


def test_en_actors_former_title_gives_no_role():
    trump = next(m for m in _mentions("Former President Donald Trump criticised the Pentagon.", "2022-06-01")
                 if m.text == "Donald Trump")
    assert (trump.actor.role, trump.actor.code, trump.warnings) == (None, "USAELI", ())


def test_en_actors_title_alone_holder_or_office():
    dated = next(m for m in _mentions("The U.S. president signed the order.", "2015-03-01") if m.type == "TITLE")
    assert (dated.actor.role, dated.confidence) == ("head_of_state", CONFIDENCE["kb.title"])
    office = next(m for m in _mentions("The U.S. president signed the order.", None) if m.type == "TITLE")
    assert (office.actor.kind, office.actor.code, office.actor.role) == ("group", "USAGOV", "head_of_state")
    assert office.confidence == CONFIDENCE["kb.office"] < dated.confidence


@pytest.mark.parametrize("text, surface, most", [
    ("John Smallfield met the mayor.", "John Smallfield", 0.5),
    ("Beijing rejected the claim.", "Beijing", 0.8),
    ("Voters in Atlanta, Georgia, backed the measure.", "Georgia", 0.5),
    ("The governor of Georgia spoke in Atlanta about U.S. trade.", "governor of Georgia", 0.5),
    ("Ilham Aliyev arrived in Ankara. He said he was pleased.", "He", 0.6),
    ("Police detained dozens of protesters.", "Police", 0.5),
])
def test_en_actors_low_confidence(text, surface, most):
    m = next(m for m in _mentions(text, "2024-05-01") if m.text == surface)
    assert m.actor is not None and m.confidence <= most


def test_en_actors_unknown_person_kept():
    m = next(m for m in _mentions("John Smallfield met the mayor.", None) if m.text == "John Smallfield")
    assert (m.type, m.actor.kind, m.actor.id) == ("PER", "person", "person:john-smallfield")
    assert m.actor.id not in load_kb().actors


def test_en_actors_sector_refs():
    troops = next(m for m in _mentions("Russian troops crossed the border.", None) if m.type == "AGENT")
    assert (troops.actor.id, troops.actor.code, troops.actor.kind) == ("RUS", "RUSMIL", "country")
    police = next(m for m in _mentions("Police detained dozens of protesters.", None) if m.text == "Police")
    assert (police.actor.country, police.actor.code, police.actor.role) == (None, "COP", "police")


@pytest.mark.parametrize("name", ["aliases_phoenix.tsv", "aliases_capitals.tsv", "agents.tsv", "titles.tsv"])
def test_en_actors_data_files(name):
    path = DATA / name
    table = read_table(path)
    assert table.version and table.rows
    head = path.read_text(encoding="utf-8")[:3000]
    if name != "titles.tsv":
        assert "scripts/english_kb.py" in head
    if name in ("aliases_phoenix.tsv", "agents.tsv"):
        assert "MIT License" in head and "petrarch2" in head
    kb = load_kb()
    if "actor_id" in table.rows[0]:
        assert all(r["actor_id"] in kb.actors for r in table.rows)
    if name == "titles.tsv":
        assert {r["office"] for r in table.rows} <= {"head_of_state", "head_of_government", "foreign_minister"}


def test_en_actors_generated_files_current():
    """The generated tables are what scripts/english_kb.py writes."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "english_kb.py"), "--check"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
