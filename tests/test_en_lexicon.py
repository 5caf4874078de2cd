"""The English trigger lexicon: the generated verb table (its header, the source's MIT notice, a
byte-for-byte regeneration from ../shared), the hand-written noun table, and the matcher over
sentences parsed by dyad.lang.en.nlp. The sentences are written for this file (Middle-earth states,
so no real-world name is needed)."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import IN_CI, ROOT, SHARED
from dyad.lang.en import lexicon
from dyad.lang.en.nlp import analyse
from dyad.tables import read_table

VERBS = ROOT / "dyad" / "lang" / "en" / "data" / "triggers.tsv"
NOUNS = ROOT / "dyad" / "lang" / "en" / "data" / "triggers_nouns.tsv"
SCRIPT = ROOT / "scripts" / "cameo_verbs_en.py"
SOURCE = SHARED / "reference" / "petrarch2" / "CAMEO.2.0.txt"
COLUMNS = ["id", "lemma", "pos", "cameo", "back", "before", "after", "target", "source", "forms",
           "pattern"]


# ---- the tables --------------------------------------------------------------------------------

def test_en_lexicon_verbs_header_names_version_source_and_licence():
    head = VERBS.read_text(encoding="utf-8").splitlines()[:40]
    assert head[0] == "# version: triggers.en.v1"
    assert "PETRARCH-2's CAMEO.2.0.txt" in head[1] and "scripts/cameo_verbs_en.py" in head[1]
    comments = [line for line in head if line.startswith("#")]
    assert "# The MIT License (MIT)" in comments
    assert "# Copyright (c) 2015 Open Event Data Alliance" in comments
    assert any(line.startswith("# Permission is hereby granted, free of charge") for line in comments)
    assert "# The above copyright notice and this permission notice shall be included in all" in comments
    assert any(line.endswith("OTHER DEALINGS IN THE SOFTWARE.") for line in comments)


def test_en_lexicon_verbs_regenerate_byte_for_byte(tmp_path):
    if not SOURCE.exists():
        message = f"{SOURCE} is missing: the regeneration check needs ../shared beside the clone"
        pytest.fail(message) if IN_CI else pytest.skip(message)
    out = tmp_path / "triggers.tsv"
    subprocess.run([sys.executable, str(SCRIPT), "--source", str(SOURCE), "--out", str(out)],
                   check=True, capture_output=True, cwd=ROOT)
    assert out.read_bytes() == VERBS.read_bytes(), \
        "triggers.tsv differs from the script's output: rerun scripts/cameo_verbs_en.py"


@pytest.mark.parametrize("path, version", [(VERBS, "triggers.en.v1"), (NOUNS, "triggers_nouns.en.v1")])
def test_en_lexicon_tables_have_their_columns_and_valid_rows(path, version):
    from dyad.code.codebook import is_cameo
    table = read_table(path)
    assert table.version == version
    assert list(table.rows[0]) == COLUMNS
    for row in table.rows:
        assert row["pos"] in ("VERB", "NOUN"), row
        assert row["cameo"] or row["back"], row
        for code in (row["cameo"], row["back"]):
            assert not code or (code.isdigit() and len(code) in (3, 4) and is_cameo(code)), row
        assert row["id"] == f"en.{row['cameo'] or row['back']}.{row['id'].rsplit('.', 1)[1]}", row
        assert row["lemma"] == row["lemma"].lower() and row["lemma"].strip(), row
        assert row["source"], row


def test_en_lexicon_ids_are_unique_and_rows_one_per_lemma_and_pattern():
    rows = read_table(VERBS).rows + read_table(NOUNS).rows
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    keys = [(r["lemma"], r["pos"], r["before"], r["after"], r["target"], r["source"]) for r in rows]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("lemma, pattern, cameo, back, after, target", [
    ("restore", "* TIES", "050", "", "tie", ""),
    ("sign", "* &TREATY (IN ^) (WITH)", "057", "057", "<treaty> in with+", "with"),
    ("meet", "* (AT)", "036", "036", "at+", "at"),
    ("visit", "*", "042", "043", "", ""),
    ("carry out", "* ATTACK", "190", "", "attack", ""),
    ("call", "* (FOR &CEASEFIRE)", "0256", "", "for <ceasefire>", ""),
    ("face", "* TRIAL", "", "173", "trial", ""),
    ("ask for", "*", "020", "", "", ""),
    ("anger by", "*", "", "", "", ""),     # [---]: no row
])
def test_en_lexicon_verb_rows_translate_the_dictionary(lemma, pattern, cameo, back, after, target):
    found = [r for r in read_table(VERBS).rows if r["lemma"] == lemma and r["pattern"] == pattern]
    if not cameo and not back:
        assert found == []
        return
    assert len(found) == 1
    row = found[0]
    assert (row["cameo"], row["back"], row["after"], row["target"]) == (cameo, back, after, target)


def test_en_lexicon_synonym_sets_are_defined_in_the_header():
    table = read_table(VERBS)
    assert table.meta["synset_treaty"].split("|")[:2] == ["treaty", "pact"]
    used = {name for r in table.rows for name in re.findall(r"<([a-z0-9_]+)>", r["before"] + r["after"])}
    assert used and all(f"synset_{name}" in table.meta for name in used)


# ---- the matcher -------------------------------------------------------------------------------

CASES = [
    # text, head word, cameo, target slot (triggers_news.tsv, read first, gives signed ... with, accused of
    # shelling/spying, threatened with sanctions, supported a proposal, appealed to, negotiate with)
    ("The president of Gondor met his Rohan counterpart in Minas Tirith.", "met", "040", None),
    ("The Gondor envoy met with Rohan's foreign minister.", "met", "040", None),
    ("Gondor's president visited Rohan last week.", "visited", "042", None),
    ("Gondor signed a peace treaty with Rohan in Edoras.", "signed", "057", "with"),
    ("Rohan accused Gondor of shelling the border villages.", "accused", "1123", None),
    ("Gondor was accused by Rohan of spying.", "accused", "1125", "nsubjpass"),
    ("The foreign minister condemned the shelling of the embassy.", "condemned", "111", None),
    ("Mordor threatened Gondor with new sanctions.", "threatened", "1312", None),
    ("The council sanctioned two Gondor officials on Wednesday.", "sanctioned", "163", None),
    ("Gondor imposed sanctions on Mordor's banks.", "imposed", "163", None),
    ("Gondor imposed sanctions on Mordor's banks.", "sanctions", "163", "on"),
    ("Police arrested two Rohan diplomats in the capital.", "arrested", "173", None),
    ("Mordor's army attacked Gondor's border posts at dawn.", "attacked", "190", None),
    ("Mordor carried out an attack on Gondor.", "carried", "190", None),
    ("Mordor carried out an attack on Gondor.", "attack", "190", "on"),
    ("Rohan praised Gondor for its mediation.", "praised", "051", None),
    ("The envoy thanked Gondor for the humanitarian aid.", "thanked", "051", None),
    ("The envoy thanked Gondor for the humanitarian aid.", "aid", "073", None),
    ("Gondor supported Rohan's proposal at the council.", "supported", "051", None),
    ("The opposition criticised the government over the deal.", "criticised", "111", None),
    ("Rohan voiced strong criticism of Gondor's policy.", "criticism", "111", "of"),
    ("Gondor rejected the proposal from Rohan.", "rejected", "120", None),
    ("Gondor agreed to restore full diplomatic ties with Rohan.", "restore", "050", None),
    ("Gondor and Rohan agreed to re-establish diplomatic relations.", "establish", "054", None),
    ("The premier called for an immediate ceasefire.", "called", "0256", None),
    ("Rohan appealed to Gondor to release the prisoners.", "appealed", "020", "to"),
    ("Rohan appealed to Gondor to release the prisoners.", "release", "0841", None),
    ("The two sides agreed on a new border line.", "agreed", "050", None),
    ("Gondor will negotiate with Rohan next week.", "negotiate", "046", "with"),
    ("Gondor expelled three Rohan diplomats on Tuesday.", "expelled", "161", None),
    ("Rohan withdrew its troops from the border region.", "withdrew", "0874", None),
    ("The ministry denied the accusations.", "denied", "016", None),
    ("Gondor held talks with Rohan on trade.", "talks", "046", "with"),
    ("Talks between Gondor and Rohan resumed on Friday.", "Talks", "046", "between"),
    ("The king's visit to Rohan lasted three days.", "visit", "042", "to"),
    ("The ministers held a meeting between Gondor and Rohan officials.", "meeting", "040", "between"),
    ("The two leaders spoke in a phone call on Sunday.", "call", "041", None),
    ("Rohan announced a ban on imports from Gondor.", "ban", "163", "from"),
]


def _triggers(text):
    sentences = analyse(text).sentences
    assert len(sentences) == 1, text
    sentence = sentences[0]
    return sentence, lexicon.match_sentence(sentence)


@pytest.mark.parametrize("text, head, cameo, target", CASES)
def test_en_lexicon_matches(text, head, cameo, target):
    sentence, triggers = _triggers(text)
    at = {sentence.tokens[t.head].text: t for t in triggers}
    assert head in at, f"{head!r} not a trigger head in {text!r}: {sorted(at)}"
    t = at[head]
    assert (t.cameo, t.target) == (cameo, target), t
    assert t.head in t.words and list(t.words) == sorted(t.words)
    assert t.rule.startswith(f"en.{cameo}.") and t.pattern


@pytest.mark.parametrize("text", [
    "The weather was cold and rainy on Monday.",
    "Prices of bread rose by five percent.",
    "The company reported higher profits this quarter.",
    "Her talk about gardening was short.",          # "talk" is no "talks"
])
def test_en_lexicon_no_trigger(text):
    assert _triggers(text)[1] == []


def test_en_lexicon_most_specific_pattern_wins_over_the_bare_verb():
    sentence, triggers = _triggers("Rohan withdrew its troops from the border region.")
    (t,) = [t for t in triggers if sentence.tokens[t.head].text == "withdrew"]
    assert [sentence.tokens[w].text for w in t.words] == ["withdrew", "from", "border"]
    assert t.pattern == "* (FROM BORDER)"


def test_en_lexicon_triggers_sorted_one_per_head():
    _, triggers = _triggers("Gondor imposed sanctions on Mordor and expelled its ambassador.")
    heads = [t.head for t in triggers]
    assert heads == sorted(set(heads)) and len(heads) >= 2


def test_en_lexicon_multiword_verb_needs_its_particle():
    sentence, triggers = _triggers("Mordor carried an attack on Gondor.")
    assert all(t.rule != "en.190.163" for t in triggers)
    sentence, triggers = _triggers("Mordor carried out an attack on Gondor.")
    (t,) = [t for t in triggers if sentence.tokens[t.head].text == "carried"]
    assert "out" in [sentence.tokens[w].text for w in t.words]


def test_en_lexicon_paired_codes_carry_back():
    sentence, triggers = _triggers("Gondor's president visited Rohan last week.")
    (t,) = triggers
    assert (t.cameo, t.back, t.pos) == ("042", "043", "VERB")


def test_en_lexicon_backward_only_rows_swap_the_slots():
    sentence, triggers = _triggers("The Gondor general faces trial in Rohan.")
    (t,) = [t for t in triggers if sentence.tokens[t.head].text == "faces"]
    assert (t.cameo, t.target, t.source, t.back) == ("173", "nsubj", None, None)


@pytest.mark.parametrize("lemmas, expected", [
    (["gondor", "sign", "a", "treaty"], True),
    (["the", "talk", "with", "rohan"], True),
    (["carry", "out"], True),
    (["the", "weather", "be", "cold"], False),
])
def test_en_lexicon_match_lemmas(lemmas, expected):
    assert lexicon.match_lemmas(lemmas) is expected
