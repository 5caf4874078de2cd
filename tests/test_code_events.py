"""Event coding: the golden sentences, the seed article, dates, modality, merging, exports."""
from __future__ import annotations

import io
import re

import pytest

from dyad.code.dedupe import merge_mentions
from dyad.store.clusters import cluster_key
from dyad.code.events_golden import code_text, read_golden, run_golden
from dyad.resolve.dates import resolve_text

from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"

GOLDEN_FLOOR = 0.90      # measured 95.6% exact on 298 cases when written; see docs/events.md
# tests/golden/events_holdout.txt: 100 sentences labelled before the coder ever ran on them;
# 53/100 at first, 88/100 after general fixes. Never tune single lines against it.
HOLDOUT_FLOOR = 0.85
# tests/golden/events_holdout2.txt: 100 wire-style sentences (attributions, titles, metonyms),
# labelled before the coder ran on them; 74/100 at first, 87/100 after general fixes.
HOLDOUT2_FLOOR = 0.84


@pytest.fixture(scope="module")
def golden_rows():
    return run_golden(GOLDEN / "events.txt")


def test_code_events_golden_file_is_large_enough():
    cases = read_golden(GOLDEN / "events.txt")
    assert len(cases) >= 250
    assert sum(1 for *_, exp in cases if exp == "-") >= 20


def test_code_events_golden_covers_every_root_and_plover_type(golden_rows):
    from dyad.code.codebook import plover_for
    roots = {e.split("|")[1][:2] for *_, exp, _ in golden_rows for e in exp.split(" ; ") if "|" in e}
    assert roots >= {f"{n:02d}" for n in range(1, 21)}
    types = {plover_for(e.split("|")[1]).type for *_, exp, _ in golden_rows
             for e in exp.split(" ; ") if "|" in e and plover_for(e.split("|")[1])}
    assert len(types) == 16, sorted(types)


def test_code_events_golden(golden_rows):
    bad = [(n, s, exp, got) for n, _, s, exp, got in golden_rows if exp != got]
    rate = 1 - len(bad) / len(golden_rows)
    report = "\n".join(f"events.txt:{n}: {s}\n    expected {exp}\n    got      {got}" for n, s, exp, got in bad)
    print(f"\n{report}\ngolden accuracy {rate:.1%} ({len(golden_rows) - len(bad)}/{len(golden_rows)})")
    assert rate >= GOLDEN_FLOOR, f"golden accuracy {rate:.1%} < {GOLDEN_FLOOR:.0%}\n{report}"


def test_code_events_holdout():
    rows = run_golden(GOLDEN / "events_holdout.txt")
    assert len(rows) == 100
    bad = [(n, s, exp, got) for n, _, s, exp, got in rows if exp != got]
    rate = 1 - len(bad) / len(rows)
    report = "\n".join(f"events_holdout.txt:{n}: {s}\n    expected {exp}\n    got      {got}"
                       for n, s, exp, got in bad)
    print(f"\n{report}\nholdout accuracy {rate:.1%} ({len(rows) - len(bad)}/{len(rows)})")
    assert rate >= HOLDOUT_FLOOR, f"holdout accuracy {rate:.1%} < {HOLDOUT_FLOOR:.0%}\n{report}"


def test_code_events_holdout2():
    rows = run_golden(GOLDEN / "events_holdout2.txt")
    assert len(rows) == 100
    # 15 when written; two appeals without a named addressee became one-sided events when the coder
    # began to record events with one unknown side (docs/events.md)
    assert sum(1 for *_, exp, _ in rows if exp == "-") >= 13
    bad = [(n, s, exp, got) for n, _, s, exp, got in rows if exp != got]
    rate = 1 - len(bad) / len(rows)
    report = "\n".join(f"events_holdout2.txt:{n}: {s}\n    expected {exp}\n    got      {got}"
                       for n, s, exp, got in bad)
    print(f"\n{report}\nholdout2 accuracy {rate:.1%} ({len(rows) - len(bad)}/{len(rows)})")
    assert rate >= HOLDOUT2_FLOOR, f"holdout2 accuracy {rate:.1%} < {HOLDOUT2_FLOOR:.0%}\n{report}"


# --- the seed article -------------------------------------------------------------------------
def _countries(actors):
    return {a.country or a.id for a in actors}


def test_code_events_seed_meeting(seed_record):
    text = seed_record.document.text
    meetings = [e for e in seed_record.events if e.cameo.startswith("04")]
    assert len(meetings) == 1
    e = meetings[0]
    assert e.cameo in ("042", "043") and e.plover.type == "CONSULT"
    assert _countries(e.sources) | _countries(e.targets) == {"AZE", "CHN"}
    assert {a.kind for a in e.sources + e.targets} == {"person"}
    assert e.date == "2025-08-31" and e.date_precision == "day"
    assert e.location is not None and e.location.country == "CHN"
    assert abs(e.location.lat - 39.14) < 0.2 and abs(e.location.lon - 117.18) < 0.2
    assert e.location.geonames_id
    assert "встреча лидеров" in text[e.evidence.start:e.evidence.end]
    assert e.modality is None and not e.negated
    assert 0 <= e.confidence <= 1 and e.rule.startswith("trigger:")


def _one(record, root, source, target):
    hits = [e for e in record.events if e.cameo.startswith(root)
            and source in {a.code or a.country for a in e.sources} | _countries(e.sources)
            and target in _countries(e.targets)]
    assert hits, f"no {root}x event {source} -> {target}"
    return hits[0]


def test_code_events_seed_support_events(seed_record):
    text = seed_record.document.text
    thanks = _one(seed_record, "05", "CHN", "AZE")
    assert "благодарность" in text[thanks.evidence.start:thanks.evidence.end]
    assert thanks.plover.type == "SUPPORT"
    integrity = _one(seed_record, "05", "AZE", "CHN")
    assert "целостность" in text[integrity.evidence.start:integrity.evidence.end]
    role = [e for e in seed_record.events if e.cameo.startswith("05") and "роли" in
            text[e.evidence.start:e.evidence.end]]
    assert role and _countries(role[0].sources) == {"CHN"} and _countries(role[0].targets) == {"AZE"}
    assert all(e.plover.type == "SUPPORT" for e in (thanks, integrity, role[0]))


def test_code_events_seed_business_interest(seed_record):
    e = _one(seed_record, "03", "CHNBUS", "AZE")
    assert e.plover.type == "AGREE" and e.plover.context == "economic"
    assert e.sources[0].code == "CHNBUS"


def test_code_events_seed_nothing_from_descriptions(seed_record):
    text = seed_record.document.text
    assert len(seed_record.events) == 5
    paragraphs = [m.span() for m in re.finditer(r"[^\n]+", text)]
    # the opening overview and the closing summary describe the relationship: no events there
    descriptive = (paragraphs[0], paragraphs[-1])
    for e in seed_record.events:
        assert not any(start <= e.evidence.start < end for start, end in descriptive), e


# --- dates ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, anchor, expected", [
    ("в воскресенье", "2025-08-31", ("2025-08-31", "day")),       # the article's own weekday
    ("в субботу", "2025-08-31", ("2025-08-30", "day")),
    ("в понедельник", "2025-08-31", ("2025-08-25", "day")),
    ("в воскресенье", "2025-09-03", ("2025-08-31", "day")),
    ("в прошлую пятницу", "2025-08-31", ("2025-08-29", "day")),
    ("вчера", "2025-08-31", ("2025-08-30", "day")),
    ("позавчера", "2025-03-01", ("2025-02-27", "day")),
    ("накануне", "2025-01-01", ("2024-12-31", "day")),
    ("на прошлой неделе", "2025-08-31", ("2025-08-18", "week")),
    ("на этой неделе", "2025-08-31", ("2025-08-25", "week")),
    ("3 сентября", "2025-08-31", ("2025-09-03", "day")),
    ("3 сентября 2024 года", "2025-08-31", ("2024-09-03", "day")),
    ("28 декабря", "2026-01-10", ("2025-12-28", "day")),
    ("в прошлом году", "2025-08-31", ("2024-01-01", "year")),
    ("в позапрошлом году", "2025-08-31", ("2023-01-01", "year")),
    ("в 2019 году", "2025-08-31", ("2019-01-01", "year")),
    ("в марте", "2025-08-31", ("2025-03-01", "month")),
    ("в ноябре", "2025-08-31", ("2024-11-01", "month")),
    ("в сентябре прошлого года", "2025-08-31", ("2024-09-01", "month")),
    ("в прошлом месяце", "2025-01-10", ("2024-12-01", "month")),
    ("три года назад", "2025-08-31", ("2022-01-01", "year")),
    ("неделю назад", "2025-08-31", ("2025-08-18", "week")),
])
def test_resolve_dates(text, anchor, expected):
    found = resolve_text(text, anchor)
    assert found, text
    assert (found[0].date, found[0].precision) == expected


def test_resolve_dates_future_weekday_and_no_anchor():
    assert resolve_text("в пятницу", "2025-08-31", future=True)[0].date == "2025-09-05"
    assert resolve_text("вчера", None) == []
    assert resolve_text("3 сентября 2024 года", None)[0].date == "2024-09-03"
    assert resolve_text("Встреча состоялась", "2025-08-31") == []


# --- negation and modality ------------------------------------------------------------------
@pytest.mark.parametrize("sentence, negated, modality", [
    ("Франция не поддержала инициативу Германии.", True, None),
    ("Германия не раз критиковала Венгрию.", False, None),
    ("Путин намерен посетить Китай.", False, "intent"),
    ("США могут ввести санкции против Индии.", False, "hypothetical"),
    ("Премьер-министр Индии посетит Японию.", False, "future"),
    ("Япония будет поставлять газ в Китай.", False, "future"),
    ("В 2015 году Россия нанесла удар по Сирии.", False, "historical"),
    ("Три года назад Китай и Казахстан подписали соглашение.", False, "historical"),
    ("Вчера Лавров встретился с Ван И.", False, None),
])
def test_code_events_negation_and_modality(sentence, negated, modality):
    events = code_text(sentence, "2025-08-31")
    assert len(events) == 1, events
    assert (events[0].negated, events[0].modality) == (negated, modality)


def test_code_events_historical_not_dated_on_article_day():
    e = code_text("В 2015 году Россия нанесла удар по Сирии.", "2025-08-31")[0]
    assert e.date == "2015-01-01" and e.date_precision == "year"


# --- merging and clusters -------------------------------------------------------------------
def test_code_events_same_event_twice_is_one_event_with_mentions():
    text = ("Лавров встретился с Ван И в Москве. Переговоры прошли в дружеской атмосфере. "
            "Китай поддержал Россию.")
    events = code_text(text, "2025-08-31")
    meetings = [e for e in events if e.cameo.startswith("04")]
    assert len(meetings) == 1 and len(meetings[0].mentions) == 1
    assert len(events) == 2


def test_code_events_cluster_key_ignores_side_for_meetings_and_keeps_direction_otherwise():
    a = code_text("Лавров встретился с Ван И в Москве.", "2025-08-31")[0]
    b = code_text("Ван И встретился с Лавровым в Москве.", "2025-09-01")[0]
    assert cluster_key(a) == cluster_key(b) == cluster_key(a.to_json())
    c = code_text("Китай поддержал Россию.", "2025-08-31")[0]
    d = code_text("Россия поддержала Китай.", "2025-08-31")[0]
    assert cluster_key(c) != cluster_key(d)
    assert merge_mentions([c, c]) == (c,)


# --- explain and export -----------------------------------------------------------------------
def test_code_events_explain_shows_rules_and_rejections():
    from dyad.code.explain import explain_document
    from dyad.types import Document
    out = explain_document(Document(id="x", text="Отношения России и Китая стали основой. "
                                    "Китай поддержал Россию.", date="2025-08-31", lang="ru"))
    assert "rule trigger:ru.051" in out and "source tokens Китай" in out


def test_code_events_export_gdelt_and_plover():
    import json
    from dyad.serve.export import GDELT_COLUMNS, export
    events = code_text("Россия и Китай осудили США.", "2025-08-31")
    rows = [{"id": f"d:{e.id}", "event": e.to_json(), "doc_id": "d", "url": "https://x.test/a",
             "added": "2025-08-31T10:00:00"} for e in events]
    out = io.StringIO()
    assert export("gdelt", out, rows=rows) == 2                  # two sources -> two dyads
    lines = out.getvalue().splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS)            # the header line
    cells = lines[1].split("\t")
    assert len(cells) == len(GDELT_COLUMNS) == 61
    col = dict(zip(GDELT_COLUMNS, cells))
    assert col["SQLDATE"] == "20250831" and col["EventRootCode"] == "11" and col["Actor2CountryCode"] == "USA"
    out = io.StringIO()
    export("plover", out, rows=rows)
    rec = json.loads(out.getvalue())
    assert rec["event_type"] == "ACCUSE" and rec["actor_country"] == ["RUS", "CHN"]


def test_code_events_real_news_shapes():
    """tests/golden/events_real.txt: pronoun, relative, common-noun and absent subjects, passives,
    planned and possible events, people kept as people, listed participants, one unknown side.
    Every line must hold."""
    rows = run_golden(GOLDEN / "events_real.txt")
    assert len(rows) >= 15
    bad = [f"events_real.txt:{n}: {s}\n    expected {exp}\n    got      {got}"
           for n, _, s, exp, got in rows if exp != got]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("text, source", [
    ("Дочь Трампа Иванка провела переговоры с Си Цзиньпином.", "person:doch-donald-trump"),
    ("Супруга президента Франции Брижит Макрон встретилась с Си Цзиньпином.", "person:brizhit-makron"),
])
def test_code_events_relatives_are_people_of_their_own(text, source):
    """"дочь Трампа", "супруга президента": the relative, not the person named after the word."""
    [event] = code_text(text, "2025-08-31")
    assert [a.id for a in event.sources] == [source]
    assert event.sources[0].kind == "person"
