"""Property tests (hypothesis): for arbitrary input no exception escapes, every offset lies inside
the text, and ``text[start:end]`` equals each cited span.

Budgets come from a hypothesis profile: ``dyad-ci`` (default, small and derandomised, so `make
test` stays fast and never flakes) or ``dyad-bench`` (``DYAD_HYPOTHESIS_PROFILE=dyad-bench``, set
by bench/fuzz.py; 25x the examples, random seeds).
"""
from __future__ import annotations

import datetime as dt
import os
import re


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

settings.register_profile("dyad-ci", derandomize=True, database=None, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("dyad-bench", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
PROFILE = os.environ.get("DYAD_HYPOTHESIS_PROFILE", "dyad-ci")
SCALE = 25 if PROFILE == "dyad-bench" else 1


def budget(n: int) -> settings:
    return settings(settings.get_profile(PROFILE), max_examples=n * SCALE)


ERROR_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+): E1\d\d \S")

# Words that steer the text into the grammars and the actor resolver.
WORDS = ("Россия", "Китай", "Казахстан", "Узбекистана", "Путин", "Токаев", "президент", "министр",
         "переговоры", "посетил", "подписали", "соглашение", "товарооборот", "составил", "млрд",
         "млн", "тыс.", "долларов", "рублей", "тонн", "%", "процента", "январь", "январе-марте",
         "2024", "2025 года", "первом", "полугодии", "квартале", "прошлого", "года", "на", "в", "и",
         "с", "1,4", "12,5", "870", "более", "около", "до", "от", "—", "-", ".", ",", "\n", "\n\n",
         "ШОС", "СНГ", "ЕАЭС", "США", "Ирана", "Турция", "Анкару", "не", "будет", "раза", "вырос")
russianish = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=60).map(" ".join)
any_text = st.one_of(russianish, st.text(max_size=300))


def _record_spans(record):
    text = record.document.text
    for m in record.mentions:
        yield m.start, m.end, m.text
    for e in record.events:
        yield e.trigger.start, e.trigger.end, e.trigger_text
        yield e.evidence.start, e.evidence.end, None
        for s in e.mentions:
            yield s.start, s.end, None
    for f in record.facts:
        yield f.evidence.start, f.evidence.end, None
    del text


# --- readers -----------------------------------------------------------------------------------

def _check_items(items, path):
    for item in items:
        assert (item.document is None) != (item.error is None)
        if item.error is not None:
            m = ERROR_LINE.match(str(item.error))
            assert m and m["path"] == str(path) and int(m["line"]) >= 1, str(item.error)
        else:
            assert item.document.text.strip()
            assert "\x00" not in item.document.text
            item.document.text.encode("utf-8")          # storable: no lone surrogates


encoded_article = st.tuples(
    st.sampled_from(["date 2025-06-12\n", "date 2999-01-01\n", "date 2025-02-30\n", "", "date \n",
                     "  date 2024-02-29 "]),
    any_text, st.sampled_from(["utf-8", "cp1251", "koi8_r", "utf-16"]),
).map(lambda t: (t[0] + t[1]).encode(t[2], "replace"))


@budget(300)
@given(data=st.one_of(st.binary(max_size=3000), encoded_article),
       date=st.sampled_from([None, "2025-06-12"]))
def test_reliability_props_read_text_never_raises(tmp_path_factory, data, date):
    from dyad.ingest.readers import read_path
    path = tmp_path_factory.mktemp("p") / "in.txt"
    path.write_bytes(data)
    items = list(read_path(path, date))
    assert len(items) == 1
    _check_items(items, path)


@budget(150)
@given(lines=st.lists(st.one_of(
    st.binary(max_size=200),
    st.fixed_dictionaries({"id": st.one_of(st.none(), st.text(max_size=10), st.integers(), st.lists(st.integers())),
                           "date": st.one_of(st.none(), st.sampled_from(["2025-01-01", "2025-02-30", "x"]),
                                             st.integers()),
                           "text": st.one_of(any_text, st.none(), st.integers())},
                          optional={"lang": st.one_of(st.text(max_size=12), st.none()),
                                    "title": st.one_of(st.text(max_size=20), st.integers()),
                                    "url": st.text(max_size=20)})
      .map(lambda d: __import__("json").dumps(d).encode())), max_size=12))
def test_reliability_props_read_jsonl_never_raises(tmp_path_factory, lines):
    from dyad.ingest.readers import read_path
    path = tmp_path_factory.mktemp("p") / "in.jsonl"
    path.write_bytes(b"\n".join(line.replace(b"\n", b" ") for line in lines))
    items = list(read_path(path))
    _check_items(items, path)
    numbers = [i.line for i in items]
    assert numbers == sorted(set(numbers)) and all(1 <= n <= max(len(lines), 1) for n in numbers)


@budget(300)
@given(text=any_text)
def test_reliability_props_language_detection_total(text):
    from dyad.lang.detect import detect
    lang = detect(text)
    assert isinstance(lang, str) and 2 <= len(lang) <= 8


# --- grammars ----------------------------------------------------------------------------------

@budget(200)
@given(text=any_text, day=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))))
def test_reliability_props_grammars_offsets_inside_text(text, day):
    from dyad.lang.ru.grammars.amounts import carry_units, find_amounts
    from dyad.lang.ru.grammars.periods import find_periods
    amounts = carry_units(find_amounts(text))
    for a in amounts:
        assert 0 <= a.start < a.end <= len(text), (a, text)
        assert text[a.start:a.end].strip()
    for p in find_periods(text, day):
        assert 0 <= p.start < p.end <= len(text), (p, text)
        if p.period is not None:
            assert p.period.start <= p.period.end


# --- the whole pipeline ------------------------------------------------------------------------

def test_reliability_props_pipeline_letter_without_unicode_name():
    """Found by bench/fuzz.py: pymorphy3 raises for letters without a Unicode name (U+17000)."""
    from dyad.pipeline import process
    from dyad.types import Document
    record = process(Document(id="p", text="Россия и Китай \U00017000", date="2025-01-01"))
    assert {m.actor.id for m in record.mentions if m.actor} >= {"RUS", "CHN"}


@budget(30)
@given(text=any_text.filter(lambda s: s.strip()),
       date=st.one_of(st.none(), st.dates(dt.date(1995, 1, 1), dt.date(2030, 1, 1)).map(str)))
def test_reliability_props_pipeline_spans_cite_the_text(text, date):
    from dyad.pipeline import process
    from dyad.types import Document
    record = process(Document(id="p", text=text, date=date))
    assert record.document.text == text
    for start, end, cited in _record_spans(record):
        assert 0 <= start <= end <= len(text), (start, end, text)
        if cited is not None:
            assert text[start:end] == cited, (start, end, cited, text)
    record.to_json()
