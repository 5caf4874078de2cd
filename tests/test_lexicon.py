"""The Russian trigger lexicon (dyad/lang/ru/data/triggers.tsv) and the lemma matcher."""
import importlib.util
import sys
from collections import Counter, defaultdict

import pytest
from conftest import ROOT, SHARED, shared_file

from dyad.code import codebook
from dyad.lang import get_language
from dyad.lang.ru import lexicon
from dyad.lang.ru.lexicon import match_lemmas, triggers

ROOTS = tuple(f"{r:02d}" for r in range(1, 21))


def morph():
    """The Russian package's pymorphy3 analyser (Russian libraries are imported only there)."""
    return get_language("ru").morph()


def lemmatize(text: str) -> list[str]:
    return [morph().parse(word)[0].normal_form for word in get_language("ru").words(text)]


def test_lexicon_size_and_version():
    assert len(triggers()) >= 2500
    assert lexicon.load().version == lexicon.TRIGGERS_VERSION
    assert lexicon.load() is lexicon.load()


@pytest.mark.parametrize("root", ROOTS)
def test_lexicon_at_least_forty_per_cameo_root(root):
    assert sum(t.cameo[:2] == root for t in triggers()) >= 40


def test_lexicon_reaches_most_cameo_codes():
    codes = {c.code for c in codebook.cameo_codes() if len(c.code) > 2}
    assert len(codes & {t.cameo for t in triggers()}) >= 275


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
    # the classes docs/codebooks.md codes by choice ("Classes CAMEO does not name")
    ("Президент уволил министра обороны.", [("уволить министр", "172")]),
    ("Премьер освободил от должности главу таможни.", [("освободить от должность", "172")]),
    ("Полиция освободила заложников.", [("освободить заложник", "0841")]),
    ("Президент назначил его министром обороны.", []),                  # appointments: not coded
    ("Министры назначили встречу на пятницу.", [("назначить встреча", "036")]),
    ("Президент Казахстана наградил орденом посла Японии.", [("наградить", "051")]),
    ("Суд оштрафовал Google.", [("оштрафовать", "172")]),
    ("Мэрия запретила митинг оппозиции.", [("запретить митинг", "1721")]),
    ("Армия заблокировала порт.", [("заблокировать порт", "191")]),
    ("Венгрия заблокировала решение ЕС.", [("заблокировать решение", "129")]),
    ("Премьер поссорился с лидером коалиции.", [("поссориться", "110")]),
    ("Войска штурмуют город.", [("штурмовать", "190")]),
    ("Бизнесмен дал взятку чиновнику.", []),                             # bribery itself: not coded
    ("Суд обвинил губернатора в получении взятки.", [("обвинить в взятка", "1121")]),
    ("Президент Монголии принял участие в саммите ШОС.", [("принять участие в саммит", "040")]),
    ("Министр беседовал с послом Китая.", [("беседовать", "040")]),
    ("Войска освободили населенный пункт.", [("освободить пункт", "192")]),
    ("Как сообщает ТАСС, переговоры пройдут в Баку.", [("переговоры", "046")]),  # attribution
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


def test_lexicon_coverage_table_in_the_docs_is_current():
    """docs/codebooks.md carries the table scripts/lexicon_coverage.py writes."""
    reference = shared_file(SHARED / "reference" / "petrarch2" / "CAMEO.2.0.txt")
    spec = importlib.util.spec_from_file_location("lexicon_coverage", ROOT / "scripts" / "lexicon_coverage.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("lexicon_coverage", module)     # its dataclasses look their module up
    spec.loader.exec_module(module)
    page = (ROOT / "docs" / "codebooks.md").read_text(encoding="utf-8")
    table = page.split(module.BEGIN, 1)[1].split(module.END, 1)[0].strip()
    assert table == module.roots_table(reference), \
        "stale: run .venv/bin/python scripts/lexicon_coverage.py roots --write docs/codebooks.md"
