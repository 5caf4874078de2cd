"""Sentence boundaries of the Russian pipeline: razdel's, plus the line breaks of news pages
(headlines, photo captions and bylines stand on lines of their own, with no full stop)."""
import pytest

from dyad.lang.ru.nlp import sentences

CASES = [
    # (text, the sentences expected)
    ("Министр прибыл в Минск\n\nМинистр иностранных дел прибыл в Минск. Его встретили в аэропорту.",
     ["Министр прибыл в Минск", "Министр иностранных дел прибыл в Минск.", "Его встретили в аэропорту."]),
    ("Посол вручил верительные грамоты\nПосол Ирана\nВ понедельник посол вручил грамоты.",
     ["Посол вручил верительные грамоты", "Посол Ирана", "В понедельник посол вручил грамоты."]),
    # a hard-wrapped line goes on in lower case: one sentence
    ("Делегации провели переговоры\nв столице и подписали меморандум.",
     ["Делегации провели переговоры\nв столице и подписали меморандум."]),
    ("  \n\nОдна фраза без точки\n \n", ["Одна фраза без точки"]),
    ("Первая. Вторая!\r\nТретья", ["Первая.", "Вторая!", "Третья"]),
    ("", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_sentences(text, expected):
    spans = sentences(text)
    assert [text[a:b] for a, b in spans] == expected
    assert all(0 <= a < b <= len(text) for a, b in spans)
