"""The news trigger table (triggers_news.tsv: read first, wins ties against the generated table)
and content refinement (dyad.lang.en.content). The sentences are written for this file
(Middle-earth states, so no real-world name is needed)."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT
from dyad.code.codebook import is_cameo
from dyad.lang.en import content, lexicon
from dyad.lang.en.nlp import analyse
from dyad.tables import read_table

DATA = ROOT / "dyad" / "lang" / "en" / "data"
NEWS = DATA / "triggers_news.tsv"
CONTENT = DATA / "content_codes.tsv"
COLUMNS = ["id", "lemma", "pos", "cameo", "back", "before", "after", "target", "source", "forms",
           "pattern"]


# ---- the news table ----------------------------------------------------------------------------

def test_en_news_triggers_table_has_its_version_columns_and_valid_rows():
    table = read_table(NEWS)
    assert table.version == "triggers_news.en.v1"
    assert list(table.rows[0]) == COLUMNS
    assert 150 <= len(table.rows) <= 400
    for row in table.rows:
        assert row["pos"] in ("VERB", "NOUN"), row
        assert row["cameo"] and is_cameo(row["cameo"]), row
        assert not row["back"] or is_cameo(row["back"]), row
        assert re.fullmatch(rf"en\.{row['cameo']}\.w\d+", row["id"]), row
        assert row["lemma"] == row["lemma"].lower() and row["source"] == "nsubj", row
        if row["target"]:
            assert row["after"].split()[-1] == row["target"] + "+", row


def test_en_news_triggers_ids_and_patterns_unique_across_the_tables():
    news = read_table(NEWS).rows
    others = read_table(DATA / "triggers.tsv").rows + read_table(DATA / "triggers_nouns.tsv").rows
    ids = [r["id"] for r in news + others]
    assert len(ids) == len(set(ids))
    keys = [(r["lemma"], r["pos"], r["before"], r["after"], r["target"]) for r in news]
    assert len(keys) == len(set(keys))


def test_en_news_triggers_synonym_sets_are_defined_in_the_header():
    table = read_table(NEWS)
    used = {name for r in table.rows for name in re.findall(r"<([a-z_]+)>", r["before"] + r["after"])}
    assert used and all(f"synset_{name}" in table.meta for name in used)


def test_en_news_triggers_is_read_first_with_priority():
    assert lexicon.FILES[0] == "triggers_news.tsv"
    assert lexicon.VERSIONS[0] == "triggers_news.en.v1"
    assert lexicon.PRIORITIES[0] > max(lexicon.PRIORITIES[1:])
    rows = lexicon.load().rows
    assert {r.priority for r in rows["urge"]} == {lexicon.PRIORITIES[0]}      # urge: news only
    assert {r.priority for r in rows["support"]} == set(lexicon.PRIORITIES)
    assert min(rows["support"], key=lambda r: r.order).id.endswith(".w1")


# ---- the matcher -------------------------------------------------------------------------------

CASES = [
    # text, head word, cameo, target slot
    ("Gondor backed Rohan in the border dispute.", "backed", "051", None),
    ("Gondor supported Rohan at the council.", "supported", "051", None),
    ("Dale strongly supports the peace plan put forward by Rohan.", "supports", "051", None),
    ("The foreign minister endorsed the initiative.", "endorsed", "051", None),
    ("Harad formally recognized the new state.", "recognized", "054", None),
    ("Gondor recognised the independence of Rhun.", "recognised", "054", None),
    ("The king urged the rebels to lay down their arms.", "urged", "020", None),
    ("The envoy urged restraint on both sides.", "urged", "0256", None),
    ("Gondor urged Rohan to release the prisoners.", "urged", "0253", None),
    ("The minister called on Rohan to show restraint.", "called", "020", "on"),
    ("Rohan called upon the council to act.", "called", "020", "upon"),
    ("Rohan appealed to Gondor for calm.", "appealed", "020", "to"),
    ("Rohan summoned Gondor's ambassador on Monday.", "summoned", "114", None),
    ("The ministry lodged a formal protest with Rohan.", "lodged", "114", None),
    ("The ministry lodged a formal protest with Rohan.", "protest", "114", "with"),
    ("Gondor and Rohan signed a defence agreement.", "signed", "057", None),
    ("Gondor signed a trade deal with Dale on Tuesday.", "signed", "057", "with"),
    ("The parliament ratified the border treaty.", "ratified", "057", None),
    ("Dale and Erebor reached an agreement on water.", "reached", "057", None),
    ("Gondor lifted sanctions on Rohan.", "lifted", "085", None),
    ("Rohan eased the embargo on Dale.", "eased", "085", None),
    ("Harad lifted the blockade of the port.", "lifted", "0872", None),
    ("The president spoke by phone with the king of Rohan.", "spoke", "041", "with"),
    ("The two presidents talked by telephone on Monday.", "talked", "041", None),
    ("The two leaders held a phone call on Sunday.", "held", "041", None),
    ("The king had a telephone conversation with his Rohan counterpart.", "had", "041", "with"),
    ("Gondor negotiated with Rohan for a week.", "negotiated", "046", "with"),
    ("Gondor's envoy will mediate between the two factions.", "mediate", "045", "between"),
    ("The king laid a wreath at the memorial.", "laid", "017", None),
    ("Gondor sent condolences to Rohan after the earthquake.", "sent", "018", None),
    ("The queen expressed her sympathy to the families.", "expressed", "018", None),
    ("The rebels claimed responsibility for the bombing.", "claimed", "015", None),
    ("Rohan denied any involvement in the attack.", "denied", "016", None),
    ("The ministry declined to comment.", "declined", "011", None),
    ("Rohan pledged humanitarian aid to Dale.", "pledged", "0333", None),
    ("Gondor offered to mediate between Rohan and Dale.", "offered", "039", None),
    ("Rohan sent humanitarian aid to Dale.", "sent", "073", None),
    ("Gondor granted asylum to the Rohan dissident.", "granted", "075", None),
    ("Rohan deployed peacekeepers to the region.", "deployed", "074", None),
    ("Gondor shared intelligence with Rohan.", "shared", "064", None),
    ("Gondor will hold joint exercises with Rohan.", "hold", "062", None),
    ("The rebels freed two hostages.", "freed", "0841", None),
    ("Gondor and Rohan agreed a ceasefire on Friday.", "agreed", "0871", None),
    ("Harad pulled its troops out of Dale.", "pulled", "0874", None),
    ("Prosecutors are investigating corruption at the port authority.", "investigating", "091", None),
    ("The council demanded the release of the hostages.", "demanded", "1053", "of"),    # triggers.tsv: longer
    ("Rohan accused Gondor of aggression.", "accused", "1123", None),
    ("Gondor accused Mordor of war crimes in the east.", "accused", "1124", None),
    ("Rohan accused Gondor of meddling in its elections.", "accused", "112", None),
    ("Rohan blamed Gondor for the crisis.", "blamed", "112", None),
    ("Gondor rejected the offer of talks.", "rejected", "125", None),
    ("Harad vetoed the resolution.", "vetoed", "129", None),
    ("Mordor threatened military action against Rohan.", "threatened", "138", None),
    ("Harad threatened sanctions against Dale.", "threatened", "1312", None),
    ("Gondor threatened to cut aid to Harad.", "threatened", "1311", None),
    ("Rohan threatened to sever ties with Gondor.", "threatened", "1313", None),
    ("Mordor gave Gondor an ultimatum.", "gave", "139", None),
    ("Gondor deployed troops to the border.", "deployed", "154", None),
    ("Mordor massed tanks near the frontier.", "massed", "154", None),
    ("Mordor staged military drills near the border.", "staged", "150", None),
    ("Gondor put its forces on high alert.", "put", "152", None),
    ("Gondor cut aid to Rohan.", "cut", "162", None),
    ("Gondor suspended military aid to Harad.", "suspended", "1622", None),
    ("Gondor broke off relations with Harad.", "broke", "161", None),
    ("Gondor recalled its ambassador from Harad.", "recalled", "161", None),
    ("Gondor expelled two Dale envoys.", "expelled", "161", None),
    ("Rohan expelled a Gondor journalist.", "expelled", "174", None),
    ("Gondor imposed tariffs on Rohan's steel.", "imposed", "163", None),
    ("Gondor froze the assets of Mordor's bank.", "froze", "163", None),
    ("Gondor suspended talks with Mordor.", "suspended", "164", None),
    ("Rohan withdrew from the talks with Gondor.", "withdrew", "164", None),
    ("Police charged three men with smuggling.", "charged", "173", None),
    ("The rebels hijacked a cargo plane.", "hijacked", "181", None),
    ("Mordor shelled the border town overnight.", "shelled", "194", None),
    ("Gondor launched air strikes on Mordor's positions.", "launched", "195", None),
    ("Mordor violated the truce within hours.", "violated", "196", None),
]


def _triggers(text):
    sentences = analyse(text).sentences
    assert len(sentences) == 1, text
    sentence = sentences[0]
    return sentence, lexicon.match_sentence(sentence)


@pytest.mark.parametrize("text, head, cameo, target", CASES)
def test_en_news_triggers_match(text, head, cameo, target):
    sentence, triggers = _triggers(text)
    at = {sentence.tokens[t.head].text: t for t in triggers}
    assert head in at, f"{head!r} not a trigger head in {text!r}: {sorted(at)}"
    t = at[head]
    assert (t.cameo, t.target) == (cameo, target), t
    assert t.rule.startswith(f"en.{cameo}.")


def test_en_news_triggers_cases_use_the_news_table():
    rules = []
    for text, head, *_ in CASES:
        sentence, triggers = _triggers(text)
        rules += [t.rule for t in triggers if sentence.tokens[t.head].text == head]
    assert sum(".w" in rule for rule in rules) >= 0.9 * len(CASES)


def test_en_news_triggers_a_longer_generated_pattern_still_wins():
    sentence, triggers = _triggers("Rohan severed diplomatic ties with Mordor.")
    (t,) = [t for t in triggers if sentence.tokens[t.head].text == "severed"]
    assert t.cameo == "161" and ".w" not in t.rule          # sever DIPLOMATIC_TIE: three words
    assert [sentence.tokens[w].text for w in t.words] == ["severed", "diplomatic", "ties"]


def _row(id, cameo, after="", target=""):
    return {"id": id, "lemma": "urge", "pos": "VERB", "cameo": cameo, "back": "", "before": "",
            "after": after, "target": target, "source": "nsubj", "forms": "", "pattern": ""}


@pytest.mark.parametrize("priorities, winner", [((1, 0), "en.020.w1"), ((0, 0), "en.026.9")])
def test_en_news_triggers_priority_beats_a_named_target_at_an_equal_count(priorities, winner):
    news = [_row("en.020.w1", "020", "with")]
    generated = [_row("en.026.9", "026", "with+", "with"), _row("en.023.9", "023", "aid with")]
    lex = lexicon.lexicon_from_tables([(news, {}), (generated, {})], priorities)
    sentence = analyse("Rohan urged restraint with Gondor.").sentences[0]
    (t,) = lexicon.match_sentence(sentence, lex)
    assert t.rule == winner
    sentence = analyse("Rohan urged more aid with Gondor.").sentences[0]
    (t,) = lexicon.match_sentence(sentence, lex)
    assert t.rule == "en.023.9"                          # three words beat the priority's two


# ---- content refinement ------------------------------------------------------------------------

@pytest.mark.parametrize("code, words, expected", [
    ("020", ["release", "prisoner"], "0253"),
    ("020", ["resume", "talk"], "026"),
    ("020", ["settle", "dispute"], "027"),
    ("020", ["accept", "mediation"], "028"),
    ("020", ["show", "restraint"], "0256"),
    ("020", ["cease", "-", "fire"], "0256"),
    ("020", ["withdraw", "its", "troop"], "0256"),
    ("020", ["lift", "sanction"], "0254"),
    ("020", ["send", "humanitarian", "aid"], "0233"),
    ("020", ["provide", "military", "aid"], "0232"),
    ("020", ["provide", "economic", "aid"], "0231"),
    ("020", ["help"], "023"),
    ("020", ["allow", "inspector"], "0255"),
    ("020", ["step", "down"], "0241"),
    ("025", ["free", "hostage"], "0253"),
    ("100", ["release", "hostage"], "1053"),
    ("100", ["hold", "talk"], "106"),
    ("100", ["stop", "shelling"], "1056"),
    ("030", ["mediate"], "039"),
    ("030", ["meet"], "036"),
    ("030", ["provide", "humanitarian", "aid"], "0333"),
    ("030", ["send", "weapon"], "0332"),
    ("120", ["release", "prisoner"], "1243"),
    ("120", ["talk"], "125"),
    ("130", ["sanction"], "1312"),
    ("130", ["cut", "aid"], "1311"),
    ("130", ["sever", "tie"], "1313"),
    ("130", ["use", "force"], "138"),
    ("130", ["launch", "attack"], "1384"),
    ("130", ["use", "nuclear", "weapon"], "1385"),
    ("138", ["blockade"], "1381"),
    ("138", ["invade"], "1382"),
    ("112", ["corruption"], "1121"),
    ("112", ["human", "right", "abuse"], "1122"),
    ("112", ["aggression"], "1123"),
    ("112", ["war", "crime"], "1124"),
    ("112", ["spying"], "1125"),
    ("090", ["corruption"], "091"),
    ("090", ["torture"], "092"),
    ("090", ["airstrike"], "093"),
    ("090", ["war", "crime"], "094"),
])
def test_en_news_triggers_refine(code, words, expected):
    assert content.refine(code, words) == expected


@pytest.mark.parametrize("code, words", [
    ("020", []),
    ("020", ["weather"]),
    ("1312", ["force"]),          # already specific: never widened or moved sideways
    ("0256", ["talk"]),
    ("111", ["aggression"]),      # criticism has no subcodes
    ("1123", ["aggression"]),     # the code itself
    ("057", ["release"]),
])
def test_en_news_triggers_refine_none(code, words):
    assert content.refine(code, words) is None


def test_en_news_triggers_refine_names_its_rule():
    rule = content.match("020", ["release", "prisoner"])
    assert rule.code == "0253" and rule.name.startswith("en.content.02.")


def test_en_news_triggers_content_table_codes_are_valid_and_in_their_family():
    table = read_table(CONTENT)
    assert table.version == "content_codes.en.v1"
    assert list(table.rows[0]) == ["trigger", "content", "code", "note"]
    assert len(table.rows) == len(content.rules()) >= 100
    for row in table.rows:
        assert is_cameo(row["code"]), row
        assert is_cameo(row["trigger"]), row
        assert row["code"].startswith(row["trigger"]) and row["code"] != row["trigger"], row
        assert row["content"].strip() and row["note"], row
