"""What the resolver remembers to go faster (per word form, the gazetteer's loading) must not
change what it resolves."""
import gc
import pickle

import pytest

TEXTS = (
    "Президент России Владимир Путин провёл переговоры с Председателем КНР Си Цзиньпином. "
    "Лидеры двух стран обсудили российско-китайские отношения. Путин поблагодарил коллегу.",
    "В Москве прошла встреча мэра Москвы с жителями. Москва заявила протест Анкаре. "
    "Страна ответила, что стороны продолжат диалог.",
    "МИД Турции и азербайджанская сторона подписали соглашение в Баку.",
)


@pytest.fixture(scope="module")
def analyses():
    from dyad.lang.ru.nlp import analyse
    return [analyse(text, parse=False) for text in TEXTS]


def test_memo_does_not_carry_over_between_documents(analyses):
    from dyad.resolve.actors import ActorResolver
    from dyad.resolve.kb import load_kb

    kb = load_kb()
    fresh = [ActorResolver(kb).resolve(a, "2025-06-01") for a in analyses]
    warm = ActorResolver(kb)
    for _ in range(2):                      # in order, then again with every word remembered
        assert [warm.resolve(a, "2025-06-01") for a in analyses] == fresh
    assert [warm.resolve(a, "2025-06-01") for a in reversed(analyses)] == fresh[::-1]


def test_place_pickles_as_itself():
    from dyad.resolve.places import Place

    place = Place(524901, "Moscow", "RUS", 55.75, 37.62, 10381222)
    assert pickle.loads(pickle.dumps(place, protocol=pickle.HIGHEST_PROTOCOL)) == place


@pytest.mark.parametrize("enabled", [True, False])
def test_collector_is_left_as_found(enabled):
    from dyad.resolve.places import _collector_paused

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with _collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() == enabled
    finally:
        (gc.enable if was else gc.disable)()
