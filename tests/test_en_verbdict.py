"""PETRARCH verb dictionaries read by dyad.lang.en.verbdict: the format of the older, KEDS-based
dictionary of PETRARCH-2's unit tests (small dictionaries written here), and that dictionary itself
(../shared/eval-dev/petrarch2-unittest) loaded as a lexicon by lexicon_from_petrarch and matched
over sentences written for this file (Middle-earth states, as in the unit tests)."""
from __future__ import annotations

import pytest

from conftest import IN_CI, SHARED
from dyad.lang.en import lexicon, verbdict
from dyad.lang.en.nlp import analyse

VALIDATE = SHARED / "eval-dev" / "petrarch2-unittest" / "dictionaries" / "PETR.Validate.verbs.txt"

SMALL = """<!-- A TEST DICTIONARY -->
<!-- over
     several lines [999] -->
&TIETYPES_
+MILITARY
+ECONOMIC

&MONEY
+GOLD COINS   # a member of two words
+&TIETYPES

--- RESTORE  [064]  ---
RESTORE    # a comment
- * DIPLOMATIC TIES  [0801]
- * NEW_&TIETYPES_RELATIONS [903]
- * &MONEY [999]
- * &TIETYPES_ TIES [902]
- IN_*  [075A]
- *_OUT [---]
- * UNREADABLE  [###]
- * PLEASE  [def]
- + KNOWN_ * IN_ $  [076]

--- LASH OUT  [122] ---
LASH OUT

--- DELAY [120]  [031:031]  ---
DELAY
WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING }  [1711]
+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN}
123 NOT A VERB
"""


def _rows(text=SMALL, allowed=None):
    return {(r[1], r[10]): dict(zip(verbdict.COLUMNS, r)) for r in verbdict.build_rows(text, allowed).rows}


def _validate():
    if not VALIDATE.exists():
        message = f"{VALIDATE} is missing: the unit tests' dictionary needs ../shared beside the clone"
        pytest.fail(message) if IN_CI else pytest.skip(message)
    return VALIDATE


# ---- the older format --------------------------------------------------------------------------

def test_verbdict_reads_sets_without_sections_and_html_comments():
    d = verbdict.read(SMALL)
    assert not d.sections
    assert d.synsets["&MONEY"] == ("GOLD_COINS", "MILITARY", "ECONOMIC")     # nested set expanded
    assert d.synsets["&TIETYPES"] == d.synsets["&TIETYPES_"]                 # used without its _
    assert not any("several" in line for line in d.unreadable)               # inside <!-- -->
    assert [b.label for b in d.blocks] == ["RESTORE", "LASH OUT", "DELAY"]


@pytest.mark.parametrize("lemma, pattern, cameo, back, before, after, target, source", [
    ("restore", "*", "064", "", "", "", "", "nsubj"),
    ("restore", "* DIPLOMATIC TIES", "0801", "", "", "diplomatic tie", "", "nsubj"),
    ("restore", "* NEW_&TIETYPES_RELATIONS", "903", "", "", "new_<tietypes>_relation", "", "nsubj"),
    ("restore", "* &MONEY", "999", "", "", "<money>", "", "nsubj"),
    ("restore", "* &TIETYPES_ TIES", "902", "", "", "<tietypes> tie", "", "nsubj"),
    ("restore", "IN_*", "075A", "", "in", "", "", "nsubj"),
    ("restore", "+ KNOWN_ * IN_ $", "076", "", "known", "in$", "nsubj", "in"),
    ("lash out", "*", "122", "", "", "", "", "nsubj"),
    ("delay", "*", "120", "", "", "", "", "nsubj"),                      # the first of two codes
    ("tap", "*", "1711", "", "wire", "", "", "nsubj"),                   # WIRE_+TAP: the verb is TAP
    ("break down", "*", "120", "", "", "", "", "nsubj"),
])
def test_verbdict_translates_the_older_format(lemma, pattern, cameo, back, before, after, target, source):
    row = _rows()[(lemma, pattern)]
    assert (row["cameo"], row["back"], row["before"], row["after"], row["target"], row["source"]) == \
        (cameo, back, before, after, target, source)


def test_verbdict_drops_marks_and_skips_unreadable_lines():
    built = verbdict.build_rows(SMALL)
    patterns = {r[10] for r in built.rows}
    assert not patterns & {"*_OUT", "* PLEASE", "* UNREADABLE"}          # [---], [def], [###]
    assert any("UNREADABLE" in s for s in built.skipped)
    assert any("123 NOT A VERB" in s for s in built.skipped)
    assert built.stats["unreadable_lines"] == 2
    assert _rows()[("tap", "*")]["forms"] == "tapped tapping"
    assert _rows()[("break down", "*")]["forms"] == "broke broken"


def test_verbdict_allowed_codes_filter():
    kept = _rows(allowed=frozenset({"064", "122"}))
    assert {r["cameo"] for r in kept.values()} == {"064", "122"}


@pytest.mark.parametrize("text", ["", "garbage\n\n---\n- * [\n&\n+\n--- X [", "--- A [1] ---\n-*[010]\n{}"])
def test_verbdict_never_crashes(text):
    verbdict.build_rows(text)


@pytest.mark.parametrize("pattern, phrase_sets, expected", [
    ("IN_*", False, "IN *"),
    ("*_OUT", False, "* OUT"),
    ("SUGGESTED_+ * DEMAND", False, "SUGGESTED + * DEMAND"),
    ("SO IN_AND_*_OUT_AGAIN NOW", False, "SO IN_AND * OUT_AGAIN NOW"),
    ("* &FIGHT_CRIM", False, "* &FIGHT_CRIM"),                # PETRARCH-2's format: one name
    ("* &FIGHT_CRIM", True, "* {&FIGHT CRIM}"),               # older: a set inside a phrase
    ("* NEW_&FIGHT_RELATIONS", True, "* {NEW &FIGHT RELATIONS}"),
    ("* &FIGHT_OF_WORDS", True, "* &FIGHT_OF_WORDS"),         # the longest defined name wins
    ("* TO_LET_ESCAPE", True, "* TO_LET_ESCAPE"),
])
def test_verbdict_unglue(pattern, phrase_sets, expected):
    synsets = {"&FIGHT": ("WAR",), "&FIGHT_OF_WORDS": ("SPAT",)}
    assert verbdict.unglue(pattern, synsets if phrase_sets else None) == expected


# ---- the unit tests' dictionary ----------------------------------------------------------------

def test_verbdict_unit_test_dictionary_loads():
    built = verbdict.build_rows(_validate().read_text(encoding="utf-8"))
    assert 400 <= len(built.rows) <= 1200, built.stats
    assert built.stats["blocks"] > 200 and built.stats["unknown_synset"] == 0
    codes = {c for r in built.rows for c in (r[3], r[4]) if c}
    assert {"064", "903", "1717", "174K", "345", "987"} <= codes       # test-only codes kept
    assert all(verbdict.CODE.match(c) for c in codes) and "---" not in codes
    ids = [r[0] for r in built.rows]
    assert len(ids) == len(set(ids))
    assert {"tietypes", "negatvauxvrb", "preposit1"} <= set(built.synsets)


def test_verbdict_unit_test_lexicon_is_cached_per_path():
    path = _validate()
    match = lexicon.lexicon_from_petrarch(path)
    assert lexicon.lexicon_from_petrarch(str(path)) is match
    assert match.lexicon is not lexicon.load() and "restore" in match.lexicon.heads


CASES = [
    # text, head word, code of the unit tests' dictionary, its pattern
    ("Arnor will restore diplomatic ties with Gondor.", "restore", "064", "* DIPLOMATIC"),
    ("Rohan abandoned military ties with Gondor.", "abandoned", "902", "* &TIETYPES TIES"),
    ("Rohan welcomed cultural memos from Gondor.", "welcomed", "911", "* &TIETYPES_MEMOS FROM"),
    ("The envoy will bargain for asylum in Rohan.", "bargain", "174K", "* FOR_ASYLUM"),
    ("Soldiers from Gondor wire tapped the phone lines of Rohan.", "tapped", "1711", "*"),
    ("Arnor has broken relations with Gondor.", "broken", "1717", "*"),
    ("Gondor cordoned off the roads into Rohan.", "cordoned", "1721", "*"),
    ("Rohan visited Gondor last week.", "visited", "032", "*"),
]


@pytest.mark.parametrize("text, head, cameo, pattern", CASES)
def test_verbdict_unit_test_dictionary_codes_sentences(text, head, cameo, pattern):
    match = lexicon.lexicon_from_petrarch(_validate())
    (sentence,) = analyse(text).sentences
    at = {sentence.tokens[t.head].text: t for t in match(sentence)}
    assert head in at, f"{head!r} not a trigger head in {text!r}: {sorted(at)}"
    assert (at[head].cameo, at[head].pattern) == (cameo, pattern), at[head]
    assert at[head].rule.startswith(f"en.{cameo}.")


def test_verbdict_default_lexicon_unchanged_by_the_unit_test_one():
    lexicon.lexicon_from_petrarch(_validate())
    (sentence,) = analyse("Arnor will restore diplomatic ties with Gondor.").sentences
    own = lexicon.match_sentence(sentence)
    assert own == lexicon.match_sentence(sentence, lexicon.load())
    assert [t.cameo for t in own] == ["050"]          # CAMEO.2.0's restore ties, not the test's 064
