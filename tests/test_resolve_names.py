"""Table-driven: Russian name forms of 40+ countries in every case, adjectives and capitals, each
in a short sentence of the matching case, resolve to the country."""
from __future__ import annotations

import pytest

from conftest import GOLDEN
from dyad.lang.ru.nlp import analyse
from dyad.resolve.actors import resolve_mentions

# One frame per case, so every form stands where Russian grammar puts it.
FRAMES = ["{} сделал заявление.", "Делегация {} прибыла.", "Помощь {} была оказана.",
          "Делегация посетила {}.", "Переговоры с {} продолжились.", "Выборы прошли в {}."]
ADJ_FRAME = "Об этом сообщила {} сторона."


def _cases():
    for line in (GOLDEN / "name_forms.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0] in ("adj", "cap"):
            kind, actor, forms = cols[0], cols[1], cols[2:]
        else:
            kind, actor, forms = "name", cols[0], cols[1:]
        for case, form in enumerate(forms):
            frame = ADJ_FRAME if kind == "adj" else FRAMES[case]
            yield pytest.param(frame.format(form), form, actor, id=f"{actor}-{kind}-{case}-{form}")


CASES = list(_cases())


def test_resolve_names_table_is_large_enough():
    assert len(CASES) >= 300
    assert len({c.values[2] for c in CASES}) >= 40


@pytest.mark.parametrize("sentence, form, actor", CASES)
def test_resolve_names_form(sentence, form, actor):
    mentions = resolve_mentions(analyse(sentence, parse=False), "2025-08-31")
    start = sentence.index(form)
    hits = [m for m in mentions if m.start <= start < m.end and m.actor]
    assert hits, f"{form!r} not resolved in {sentence!r}"
    assert hits[0].actor.country == actor or hits[0].actor.id == actor, hits[0]
