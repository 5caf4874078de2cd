"""The article date of an undated text, estimated from the dates it mentions (dyad.resolve.docdate),
and relative dates anchored on a date known only to the month or year (dyad.resolve.dates)."""
from __future__ import annotations

import datetime as dt

import pytest

from dyad.resolve.dates import resolve_text, words
from dyad.resolve.docdate import NO_DATE, estimate_date

TODAY = dt.date(2026, 6, 15)


# text -> (date, precision, rule); the source is "text" whenever a date is found
@pytest.mark.parametrize("text, expected", [
    # a full date
    ("ТБИЛИСИ, 4 июня 2011 года. Премьер Грузии принял посла Армении.", ("2011-06-04", "day", "docdate.dateline")),
    ("Опубликовано 17.09.2003\nМинистры обсудили транзит.", ("2003-09-17", "day", "docdate.dateline")),
    ("2019-11-05 10:12 Астана и Бишкек подписали протокол.", ("2019-11-05", "day", "docdate.dateline")),
    ("Переговоры в Ереване\n\n21 февраля 2008, 14:00\nСтороны обсудили границу.",
     ("2008-02-21", "day", "docdate.dateline")),
    ("Соглашение вступило в силу 1 июля 1998 г., а продлено 30 декабря 2006 г.",
     ("2006-12-30", "day", "docdate.day")),
    ("Встреча прошла в Минске. Договор подписан 9 апреля 2001 года, и с тех пор его не меняли.",
     ("2001-04-09", "day", "docdate.day")),
    # the latest candidate wins, the finer one on a tie
    ("Визит готовили долго. Ранее, 3 мая 2012 года, стороны договорились; в 2013 году начались работы.",
     ("2013-01-01", "year", "docdate.year")),
    ("Визит готовили долго. В 2012 году начались работы, 3 мая 2012 года подписан договор.",
     ("2012-05-03", "day", "docdate.day")),
    ("Визит готовили долго. В мае 2010 года стороны встретились, 2 марта 2010 года был звонок.",
     ("2010-05-01", "month", "docdate.month")),
    # a month and a year
    ("Стороны встречались в октябре 1999 года в Бишкеке.", ("1999-10-01", "month", "docdate.month")),
    ("Кредит выдан в ноябре 2015, заём погашен.", ("2015-11-01", "month", "docdate.month")),
    # years in year contexts: the latest
    ("В 2004 году товарооборот вырос, а в 2007 году упал.", ("2007-01-01", "year", "docdate.year")),
    ("Проект шёл в 2016-2018 годах.", ("2018-01-01", "year", "docdate.year")),
    ("Поставки шли в 1995 и 1997 гг. по контракту.", ("1997-01-01", "year", "docdate.year")),
    ("По итогам 2021-го экспорт вырос.", ("2021-01-01", "year", "docdate.year")),
    ("Осенью 2009 Туркменистан открыл газопровод.", ("2009-01-01", "year", "docdate.year")),
    ("Цены росли с 2011 по 2014 год.", ("2014-01-01", "year", "docdate.year")),
    ("Цены росли с 2011 до 2014 года.", ("2014-01-01", "year", "docdate.year")),
    # numbers that are not years, future dates, plans
    ("Тонна стоила 2014 долларов, склад в 2000 км от порта.", None),
    ("В 2012 году ферма получила 1995 тонн зерна.", ("2012-01-01", "year", "docdate.year")),
    ("Спрос вырос в 2014,5 раза.", None),
    ("К 2030 году товарооборот удвоится, сообщили в 2024 году.", ("2024-01-01", "year", "docdate.year")),
    ("Стороны утвердили план на 2025 год, принятый в 2023 году.", ("2023-01-01", "year", "docdate.year")),
    ("Саммит состоится 12 мая 2026 года. Страны встречались в 2022 году.",
     ("2022-01-01", "year", "docdate.year")),
    ("В 2028 году страны проведут форум.", None),
    ("Форум прошёл 20.07.2026 в Казани.", None),                       # after today
    ("Дата 31.02.2014 не существует, год 1985 слишком ранний.", None),
    ("Президент Казахстана посетил Ташкент.", None),
])
def test_resolve_docdate_estimates(text, expected):
    got = estimate_date(text, today=TODAY)
    if expected is None:
        assert got == NO_DATE
        assert (got.source, got.precision, got.date) == ("none", None, None)
        return
    assert (got.date, got.precision, got.rule) == expected
    assert got.source == "text"
    start, end = got.evidence
    assert text[start:end][:2].strip() and start < end


def test_resolve_docdate_evidence_is_the_date_words():
    text = "МОСКВА, 12 марта 2014 года /ТАСС/. Лавров встретился с Ван И."
    got = estimate_date(text, today=TODAY)
    assert text[got.evidence[0]:got.evidence[1]] == "12 марта 2014 года"


def test_resolve_docdate_takes_the_callers_words():
    text = "Стороны встречались в октябре 1999 года."
    assert estimate_date(text, words(text), today=TODAY) == estimate_date(text, today=TODAY)


def test_resolve_docdate_is_fast_on_a_long_text():
    import time
    text = "Стороны обсудили транзит газа и в 2014 году подписали меморандум.\n" * 15_000   # ~1 MB
    start = time.perf_counter()
    assert estimate_date(text, today=TODAY).date == "2014-01-01"
    assert time.perf_counter() - start < 5


# relative dates anchored on an article date known to the month or year only
@pytest.mark.parametrize("text, anchor, precision, expected", [
    ("вчера", "2014-01-01", "year", ("2014-01-01", "year")),
    ("в пятницу", "2014-03-01", "month", ("2014-03-01", "month")),
    ("на прошлой неделе", "2014-01-01", "year", ("2014-01-01", "year")),
    ("в прошлом месяце", "2014-03-01", "month", ("2014-02-01", "month")),
    ("в прошлом месяце", "2014-01-01", "year", ("2014-01-01", "year")),
    ("в сентябре", "2014-01-01", "year", ("2014-01-01", "year")),
    ("в сентябре", "2014-03-01", "month", ("2013-09-01", "month")),
    ("3 сентября", "2014-01-01", "year", ("2014-01-01", "year")),
    ("в прошлом году", "2014-01-01", "year", ("2013-01-01", "year")),
    ("три года назад", "2014-03-01", "month", ("2011-01-01", "year")),
    ("в сентябре этого года", "2014-01-01", "year", ("2014-09-01", "month")),
    ("3 сентября 2012 года", "2014-01-01", "year", ("2012-09-03", "day")),
    ("вчера", "2014-03-12", "day", ("2014-03-11", "day")),              # a day anchor: unchanged
    ("вчера", "2014-03-12", "year", ("2014-01-01", "year")),            # the anchor's own year
])
def test_resolve_dates_within_the_anchor_precision(text, anchor, precision, expected):
    found = resolve_text(text, anchor, precision=precision)
    assert found, text
    assert (found[0].date, found[0].precision) == expected


def test_resolve_dates_future_against_the_end_of_the_anchor_period():
    assert not resolve_text("в марте 2014 года", "2014-01-01", precision="year")[0].future
    assert resolve_text("в 2015 году", "2014-01-01", precision="year")[0].future
    assert resolve_text("в марте 2014 года", "2014-01-01")[0].future


@pytest.mark.parametrize("text, precision, expected", [
    ("в декабре", "year", None),                                       # which December: unknown
    ("в декабре", "month", ("2013-12-01", "2013-12-31")),
    ("в прошлом году", "year", ("2013-01-01", "2013-12-31")),
    ("в марте этого года", "year", ("2014-03-01", "2014-03-31")),
    ("с начала года", "month", None),                                  # runs to the article's day
    ("с начала года", "day", ("2014-01-01", "2014-03-12")),
])
def test_resolve_periods_within_the_anchor_precision(text, precision, expected):
    from dyad.lang.ru.grammars import find_periods
    anchor = {"day": dt.date(2014, 3, 12), "month": dt.date(2014, 3, 1), "year": dt.date(2014, 1, 1)}[precision]
    found = find_periods(text, anchor, precision)
    assert found, text
    got = found[0].period
    assert ((got.start, got.end) if got else None) == expected


@pytest.mark.parametrize("text", ["Город основан 3000 лет назад.", "Это было 900000 дней назад.",
                                  "Раскопки показали, что 25000 месяцев назад здесь жили люди."])
def test_dates_far_ago_is_no_date(text):
    """"N лет назад" beyond any news date neither fails nor dates anything."""
    from dyad.resolve.dates import find_dates, words
    assert find_dates(words(text), "2025-08-31") == []
