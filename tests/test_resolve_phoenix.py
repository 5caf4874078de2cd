"""The Phoenix person tables (dyad/data/phoenix/) and the Russian-name matcher over them
(dyad/resolve/phoenix.py)."""
from __future__ import annotations

import datetime as dt
import importlib.util
import pickle
import sys

import pytest

from conftest import DATA, ROOT, SHARED, shared_file
from dyad.resolve.phoenix import (PhoenixIndex, PhoenixMatch, build_phoenix, consonant_key,
                                  load_phoenix, spelling_key, split_name)
from dyad.resolve.translit import latin_variants, pinyin

REFERENCE = SHARED / "reference"
PHOENIX = DATA / "phoenix"


@pytest.fixture(scope="module")
def index() -> PhoenixIndex:
    return load_phoenix()


def _script():
    spec = importlib.util.spec_from_file_location("phoenix_kb", ROOT / "scripts" / "phoenix_kb.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("phoenix_kb", module)     # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


# --- names of 2000-2014 --------------------------------------------------------------------

@pytest.mark.parametrize("name, day, person, code, country", [
    ("Ильхам Алиев", "2005-06-01", "ilham-aliyev", "AZEGOV", "AZE"),
    ("Ильхам Алиев", "2001-01-01", "ilham-aliyev", "AZEELI", "AZE"),        # before his offices
    ("Гейдар Алиев", "2002-01-01", "heydar-aliyev", "AZEGOV", "AZE"),
    ("Гейдар Алиев", "2005-01-01", "heydar-aliyev", None, "AZE"),            # died in 2003
    ("Барак Обама", "2010-01-01", "barack-obama", "USAGOV", "USA"),
    ("Виктор Янукович", "2011-01-01", "viktor-yanukovych", "UKRGOV", "UKR"),
    ("Юлия Тимошенко", "2008-06-01", "yuliya-tymoshenko", "UKRGOV", "UKR"),
    ("Михаил Саакашвили", "2005-01-01", "mikheil-saakashvili", "GEOGOV", "GEO"),
    ("Эдуард Шеварднадзе", "2002-01-01", "eduard-shevardnadze", "GEOGOV", "GEO"),
    ("Нурсултан Назарбаев", "2005-01-01", "nursultan-nazarbayev", "KAZGOV", "KAZ"),
    ("Касым-Жомарт Токаев", "2005-01-01", "kasymzhomart-tokayev", "KAZGOV", "KAZ"),
    ("Си Цзиньпин", "2013-05-01", "xi-jinping", "CHNGOV", "CHN"),
    ("Ху Цзиньтао", "2005-01-01", "hu-jintao", "CHNGOV", "CHN"),
    ("Вэнь Цзябао", "2005-01-01", "wen-jiabao", "CHNGOV", "CHN"),
    ("Ли Кэцян", "2013-06-01", "li-keqiang", "CHNGOV", "CHN"),
    ("Ян Цзечи", "2010-01-01", "yang-jiechi", "CHNGOV", "CHN"),
    ("Владимир Путин", "2005-01-01", "vladimir-putin", "RUSGOV", "RUS"),
    ("Владимир Владимирович Путин", "2005-01-01", "vladimir-putin", "RUSGOV", "RUS"),
    ("Дмитрий Медведев", "2009-01-01", "dmitry-medvedev", "RUSGOV", "RUS"),
    ("Сергей Лавров", "2009-01-01", "sergey-lavrov", "RUSGOV", "RUS"),
    ("Александр Лукашенко", "2010-01-01", "alyaksandr-lukashenka", "BLRGOV", "BLR"),
    ("Ислам Каримов", "2010-01-01", "islam-karimov", "UZBGOV", "UZB"),
    ("Курманбек Бакиев", "2007-01-01", "kurmanbek-bakiyev", "KGZGOV", "KGZ"),
    ("Гурбангулы Бердымухамедов", "2010-01-01", "gurbanguly-berdymukhammedov", "TKMGOV", "TKM"),
    ("Серж Саргсян", "2010-01-01", "serzh-sargsyan", "ARMGOV", "ARM"),
    ("Реджеп Тайип Эрдоган", "2010-01-01", "recep-tayyip-erdogan", "TURGOV", "TUR"),
    ("Ахмет Давутоглу", "2010-01-01", "ahmet-davutoglu", "TURGOV", "TUR"),
    ("Синдзо Абэ", "2007-01-01", "shinzo-abe", "JPNGOV", "JPN"),
    ("Дзюнъитиро Коидзуми", "2003-01-01", "junichiro-koizumi", "JPNGOV", "JPN"),
    ("Ангела Меркель", "2010-01-01", "angela-merkel", "DEUGOV", "DEU"),
    ("Вацлав Клаус", "2005-01-01", "vaclav-klaus", "CZEGOV", "CZE"),
    ("Башар аль-Асад", "2010-01-01", "bashar-al-assad", "SYRGOV", "SYR"),
    ("Хосни Мубарак", "2005-01-01", "hosni-mubarak", "EGYGOV", "EGY"),
    ("Махмуд Ахмадинежад", "2007-01-01", "mahmoud-ahmadinejad", "IRNGOV", "IRN"),
    ("Махмуд Аббас", "2010-01-01", "mahmoud-abbas", "PSEGOV", "PSE"),
    ("Биньямин Нетаньяху", "2010-01-01", "benjamin-netanyahu", "ISRGOV", "ISR"),
    ("Хамид Карзай", "2010-01-01", "hamid-karzai", "AFGGOV", "AFG"),
    ("Нури аль-Малики", "2010-01-01", "nuri-al-maliki", "IRQGOV", "IRQ"),
    ("Манмохан Сингх", "2010-01-01", "manmohan-singh", "INDGOV", "IND"),
    ("Уго Чавес", "2010-01-01", "hugo-chavez", "VENGOV", "VEN"),
    ("Луис Инасиу Лула да Силва", "2005-01-01", "luiz-inacio-lula-da-silva", "BRAGOV", "BRA"),
    ("Ilham Aliyev", "2005-06-01", "ilham-aliyev", "AZEGOV", "AZE"),          # Latin as well
])
def test_resolve_phoenix_name_on_a_day(index, name, day, person, code, country):
    match = index.lookup(name, dt.date.fromisoformat(day))
    assert match is not None, name
    assert (match.id, match.code, match.country) == (person, code, country)


@pytest.mark.parametrize("name", [
    "Мишель Обама", "Дмитрий Путин", "Рамиз Алиев",      # another person with a known surname
    "Владимир", "Нурсултан",                              # a first name alone
    "Россия", "Правительство", "Мир", "путин",            # ordinary words, a lowercase surname
    "Алиев", "Клинтон", "Буш",                            # a surname several persons share
    "И. Алиев",                                           # an initial that fits several
    "", "   ", "—",
])
def test_resolve_phoenix_no_match(index, name):
    assert index.lookup(name, dt.date(2010, 1, 1)) is None


def test_resolve_phoenix_a_short_name_several_persons_fit(index):
    """IBRAHIM_ASSAF (LBN) spells the name word for word, two Saudi ministers with more given
    names fit it as well: without a day nothing tells them apart."""
    assert index.lookup("Ibrahim al-Assaf", None) is None
    assert index.lookup("Ibrahim al-Assaf", dt.date(2010, 1, 1)).country == "SAU"   # in office


def test_resolve_phoenix_a_unique_surname_alone(index):
    match = index.lookup("Путин", dt.date(2005, 1, 1))
    assert (match.id, match.code, match.how) == ("vladimir-putin", "RUSGOV", "surname")
    assert match.confidence < index.lookup("Владимир Путин", dt.date(2005, 1, 1)).confidence


def test_resolve_phoenix_the_role_follows_the_day(index):
    aliyev = [index.lookup("Ильхам Алиев", dt.date.fromisoformat(d)) for d in
              ("2003-09-01", "2004-01-01")]
    assert [(m.code, m.start) for m in aliyev] == [("AZEGOV", dt.date(2003, 8, 4)),
                                                  ("AZEGOV", dt.date(2003, 10, 31))]
    assert aliyev[0].end == dt.date(2003, 11, 4) and aliyev[1].end is None


def test_resolve_phoenix_without_a_day_the_country_only(index):
    match = index.lookup("Ильхам Алиев", None)
    assert (match.code, match.start, match.end, match.country) == (None, None, None, "AZE")


def test_resolve_phoenix_open_roles_end_with_the_data(index):
    """Phoenix knows nothing after its data_end: an open role then no longer holds, unless it
    was added later by hand with a later start."""
    assert index.data_end == dt.date(2014, 1, 30)
    assert index.lookup("Барак Обама", dt.date(2016, 1, 1)).code is None
    assert index.lookup("Барак Обама", dt.date(2016, 1, 1)).country == "USA"
    assert index.lookup("Нарендра Моди", dt.date(2015, 1, 1)).code == "INDGOV"


def test_resolve_phoenix_confidence_orders_the_evidence(index):
    day = dt.date(2010, 1, 1)
    exact = index.lookup("Ильхам Алиев", day)
    spelling = index.lookup("Уго Чавес", day)
    vowels = index.lookup("Михаил Саакашвили", day)
    assert (exact.how, spelling.how, vowels.how) == ("exact", "spelling", "consonants")
    assert exact.confidence == 1.0 > spelling.confidence > vowels.confidence
    # every word of a spelling beats first name and surname alone (GEORGE_H._W._BUSH)
    assert index.lookup("George W. Bush", dt.date(2005, 1, 1)).id == "george-w-bush"


def test_resolve_phoenix_the_match_is_a_frozen_record(index):
    match = index.lookup("Ильхам Алиев", dt.date(2005, 1, 1))
    assert isinstance(match, PhoenixMatch)
    with pytest.raises(AttributeError):
        match.code = "X"                        # frozen
    assert not hasattr(match, "__dict__")       # slotted


def test_resolve_phoenix_duplicate_entries_are_one_person(index):
    """GURBANGULY_BERDIMUHAMEDOW and GURBANGULY_BERDYMUKHAMMEDOV are entries of one person."""
    assert "gurbanguly-berdimuhamedow" in index
    assert index.roles_of("gurbanguly-berdimuhamedow") == index.roles_of("gurbanguly-berdymukhammedov")
    assert len(index.candidates("Гурбангулы Бердымухамедов")) == 1


# --- transliteration and keys ---------------------------------------------------------------

@pytest.mark.parametrize("word, spelling", [
    ("Алиев", "aliyev"), ("Алиев", "aliev"), ("Ельцин", "yeltsin"), ("Янукович", "yanukovych"),
    ("Ющенко", "yushchenko"), ("Хамид", "hamid"), ("Джейхун", "jeyhun"), ("Реджеп", "recep"),
    ("Жак", "jak"), ("Цзиньпин", "jinping"), ("Си", "xi"), ("Синдзо", "shinzo"), ("Абэ", "abe"),
    ("Медведев", "medvedev"), ("Ксения", "xenia"), ("Дмитрий", "dmitriy"), ("Дмитрий", "dmitry"),
])
def test_resolve_phoenix_latin_variants(word, spelling):
    assert spelling in latin_variants(word)


def test_resolve_phoenix_pinyin_of_palladius():
    assert "jinping" in pinyin("Цзиньпин") and "keqiang" in pinyin("Кэцян")
    assert pinyin("Путинович") == []


@pytest.mark.parametrize("a, b", [
    ("aliyev", "aliev"), ("yanukovych", "yanukovich"), ("abdullah", "abdulla"),
    ("mukhammedov", "muhamedov"), ("chavez", "chaves"), ("hugo", "ugo"),
])
def test_resolve_phoenix_spelling_key_folds(a, b):
    assert spelling_key(a) == spelling_key(b)


def test_resolve_phoenix_consonant_key():
    assert consonant_key("mikheil") == consonant_key("mikhail") == "mhl"


def test_resolve_phoenix_split_name_drops_particles():
    assert split_name("Башар аль-Асад") == [("Башар", "Асад")]
    assert split_name("BAN_KI-MOON") == [("BAN", "KI", "MOON"), ("BAN", "KIMOON")]
    assert split_name("GEORGE_W._BUSH") == [("GEORGE", "W", "BUSH")]


# --- the tables -----------------------------------------------------------------------------

def test_resolve_phoenix_tables_carry_source_and_licence():
    for name in ("people.tsv", "roles.tsv"):
        head = (PHOENIX / name).read_text(encoding="utf-8")[:4000]
        assert "openeventdata/petrarch2, commit 676801c" in head
        assert "The MIT License (MIT)" in head and "Copyright (c) 2014 Open Event Data" in head
        assert "scripts/phoenix_kb.py" in head


def test_resolve_phoenix_tables_are_what_the_script_writes():
    shared_file(REFERENCE / "petrarch2" / "Phoenix.Countries.actors.txt")
    texts, _ = _script().tables(REFERENCE)
    for name, text in texts.items():
        assert (PHOENIX / name).read_text(encoding="utf-8") == text, \
            f"{name} is stale: run .venv/bin/python scripts/phoenix_kb.py"


def test_resolve_phoenix_tables_hold_persons_with_roles(index):
    assert 17_000 < len(index) < 18_500
    roles = {r.split("\t")[0] for r in (PHOENIX / "roles.tsv").read_text(encoding="utf-8").splitlines()
             if r and not r.startswith("#")}
    people = {r.split("\t")[0] for r in (PHOENIX / "people.tsv").read_text(encoding="utf-8").splitlines()
              if r and not r.startswith("#")}
    assert people - {"id"} <= roles                # every person has a role
    codes = [r.split("\t")[1] for r in (PHOENIX / "roles.tsv").read_text(encoding="utf-8").splitlines()
             if r and not r.startswith("#")]
    assert not [c for c in codes if c.startswith("KNT")]    # the source's invented test country


def test_resolve_phoenix_index_survives_the_disk_cache(index):
    again = pickle.loads(pickle.dumps(build_phoenix(), protocol=pickle.HIGHEST_PROTOCOL))
    day = dt.date(2010, 1, 1)
    for name in ("Ильхам Алиев", "Си Цзиньпин", "Башар аль-Асад"):
        assert again.lookup(name, day) == index.lookup(name, day)
