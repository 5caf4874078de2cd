"""The Russian trigger lexicon (dyad/data/triggers.tsv) and the lemma matcher."""
from collections import Counter, defaultdict
from functools import cache

import pymorphy3
import pytest
import razdel

from dyad.code import codebook, lexicon
from dyad.code.lexicon import match_lemmas, triggers

ROOTS = tuple(f"{r:02d}" for r in range(1, 21))


@cache
def morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


def lemmatize(text: str) -> list[str]:
    return [morph().parse(t.text)[0].normal_form for t in razdel.tokenize(text)]


def test_lexicon_size_and_version():
    assert len(triggers()) >= 450
    assert lexicon.load().version == lexicon.TRIGGERS_VERSION
    assert lexicon.load() is lexicon.load()


@pytest.mark.parametrize("root", ROOTS)
def test_lexicon_at_least_ten_per_cameo_root(root):
    assert sum(t.cameo[:2] == root for t in triggers()) >= 10


def test_lexicon_covers_every_plover_type():
    reached = {t.plover.type for t in triggers() if t.plover}
    assert reached == {t.type for t in codebook.plover_types()}


def test_lexicon_rows_are_well_formed():
    ids = Counter(t.id for t in triggers())
    assert max(ids.values()) == 1
    contexts = {c.context for c in codebook.contexts()}
    for t in triggers():
        assert codebook.is_cameo(t.cameo), t.id
        assert t.context is None or t.context in contexts, t.id
        assert t.pattern == t.pattern.lower() and "ё" not in t.pattern, t.id
        assert t.source.startswith("manual"), t.id


def test_lexicon_no_pattern_with_two_codes():
    codes = defaultdict(set)
    for t in triggers():
        codes[t.pattern].add(t.cameo)
    assert {p: c for p, c in codes.items() if len(c) > 1} == {}


def test_lexicon_head_has_the_declared_part_of_speech():
    wanted = {"VERB": {"VERB", "INFN"}, "NOUN": {"NOUN"}}
    wrong = [t.id for t in triggers()
             if not wanted[t.pos] & {p.tag.POS for p in morph().parse(t.parts[t.head])}]
    assert wrong == []


def test_lexicon_every_example_matches_its_own_pattern():
    """Lemmatising each example with razdel + pymorphy3 must yield its trigger as a winning
    match: this proves the pattern's lemmas are pymorphy3's."""
    missed = []
    for t in triggers():
        found = {m.trigger.id for m in match_lemmas(lemmatize(t.example))}
        if t.id not in found:
            missed.append((t.id, t.pattern, lemmatize(t.example)))
    assert missed == []


@pytest.mark.parametrize("sentence, expected", [
    ("Президенты провели телефонный разговор.", [("провести телефонный разговор", "041")]),
    ("Стороны подписали в пятницу в Баку соглашение.", [("подписать", "057")]),  # gap of 4
    ("Стороны подписали в Баку новое соглашение.", [("подписать соглашение", "057")]),  # gap of 3
    ("Евросоюз ввел новые санкции против Ирана.", [("ввести санкция", "163")]),
    ("Вашингтон пригрозил ввести санкции.", [("пригрозить ввести санкция", "1312")]),
    ("Власти пригрозили выслать наблюдателей.", [("пригрозить выслать", "136")]),
    ("Армия нанесла удар по складу.", [("нанести удар", "190")]),
    ("Пхеньян пригрозил ядерным ударом.", [("пригрозить ядерный удар", "1385")]),
    ("Встреча на высшем уровне состоялась в Пекине.", [("встреча", "040")]),
    ("Израиль отозвал своего посла из Анкары.", [("отозвать посол", "161")]),
])
def test_lexicon_match_lemmas(sentence, expected):
    got = [(m.trigger.pattern, m.trigger.cameo) for m in match_lemmas(lemmatize(sentence))]
    assert got == expected


def test_lexicon_match_positions():
    lemmas = ["министр", "провести", "в", "баку", "переговоры", "."]
    (m,) = match_lemmas(lemmas)
    assert (m.index_start, m.index_end, m.token_indices) == (1, 5, (1, 4))
    assert m.head == 1 and m.trigger.pos == "VERB"


def test_lexicon_normalizes_input_lemmas():
    assert [m.trigger.pattern for m in match_lemmas(["Договорённость"])] == ["договоренность"]
    assert [m.trigger.pattern for m in match_lemmas(["обвинить", "во", "вмешательство"])] == [
        "обвинить в вмешательство"]


def test_lexicon_trigger_context_overrides_the_table():
    t = next(t for t in triggers() if t.pattern == "поставка газ")
    assert t.plover.type == "COOPERATE" and t.plover.context == "natural_resource"
    t = next(t for t in triggers() if t.pattern == "встреча")
    assert t.plover == codebook.plover_for("040")


def test_lexicon_rule_name():
    t = next(t for t in triggers() if t.pattern == "визит")
    assert t.rule == f"lexicon:{t.id}"
