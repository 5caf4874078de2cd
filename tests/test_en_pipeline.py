"""English through the whole pipeline: detection, dating, one record contract with Russian."""
from __future__ import annotations

import json

import pytest

from conftest import EXAMPLES
from dyad.lang import detect, get_language
from dyad.lang.en.dates import estimate_date
from dyad.pipeline import check_stages, process, process_many, stages_for
from dyad.types import Document

EN = ("Kazakh President Kassym-Jomart Tokayev met Turkish President Recep Tayyip Erdogan in Ankara on "
      "Friday. Turkey backed Kazakhstan's bid to expand the corridor.")
RU = "Президент Казахстана Касым-Жомарт Токаев провёл переговоры с президентом Турции в Анкаре."


@pytest.mark.parametrize("text, lang", [
    (EN, "en"),
    ("On Friday Japan condemned North Korea. Two days ago Russia struck Kharkiv.", "en"),
    (RU, "ru"),
    ("Der Präsident von Kasachstan hat am Dienstag in Astana mit dem Präsidenten von Usbekistan "
     "verhandelt, und die beiden Seiten sprachen über die Zusammenarbeit.", "de"),
])
def test_en_pipeline_detects_the_language(text, lang):
    assert detect(text) == lang


def test_en_pipeline_has_its_stages():
    stages = [s.name for s in stages_for("en")]
    assert stages[:2] == ["lang", "date"] and "nlp" in stages and stages[-4:] == ["actors", "events", "facts", "attitudes"]
    assert check_stages(stages_for("en")) == []
    assert get_language("en").name == "English"


@pytest.mark.parametrize("text, date, rule", [
    ("LONDON, March 3, 2024 (Reuters) - Britain said on Monday it would act.", "2024-03-03", "docdate.en.dateline"),
    ("WASHINGTON, 12 May 2025 - The United States imposed sanctions.", "2025-05-12", "docdate.en.dateline"),
    ("Britain said on Monday it would act. In 2019 it did too.", None, "docdate.none"),
])
def test_en_pipeline_dates_an_undated_article(text, date, rule):
    found = estimate_date(text)
    assert (found.date, found.rule) == (date, rule)


def test_en_pipeline_codes_english_with_the_russian_ids():
    en, ru = process_many([Document("en", EN, "2025-09-15"), Document("ru", RU, "2025-09-15")])
    assert en.document.lang == "en" and ru.document.lang == "ru"
    assert not any(w.startswith("W103") for w in en.warnings)
    ids = {m.actor.id for m in en.mentions if m.actor}
    assert {"kassym-jomart-tokayev", "recep-tayyip-erdogan", "TUR", "KAZ"} <= ids
    assert {"kassym-jomart-tokayev"} <= {m.actor.id for m in ru.mentions if m.actor}
    meeting = next(e for e in en.events if e.cameo.startswith("04"))
    assert {a.id for a in meeting.sources + meeting.targets} == {"kassym-jomart-tokayev", "recep-tayyip-erdogan"}
    assert meeting.date == "2025-09-12" and meeting.location and meeting.location.country == "TUR"
    backed = next(e for e in en.events if e.trigger_text == "backed")
    assert (backed.cameo, [a.id for a in backed.sources], [a.id for a in backed.targets]) == ("051", ["TUR"], ["KAZ"])
    for e in en.events:          # evidence indexes the stored text; every event names its rule
        assert EN[e.trigger.start:e.trigger.end] == e.trigger_text and e.rule.startswith("trigger:en.")
        assert 0 < e.confidence <= 1


def test_en_pipeline_jsonl_lang_overrides_detection(tmp_path):
    from dyad.ingest.readers import read_path
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"id": "a", "date": "2025-09-15", "text": EN, "lang": "de"}) + "\n",
                    encoding="utf-8")
    record = process(next(read_path(path)).document)
    assert record.document.lang == "de" and record.events == ()


def test_en_pipeline_example_articles_are_coded():
    for path in sorted(EXAMPLES.glob("*_en_*.txt")):
        text = path.read_text(encoding="utf-8")
        date, body = text.split("\n", 1)
        record = process(Document(path.stem, body, date.split()[1]))
        assert record.document.lang == "en" and record.events and record.mentions, path.name


def test_en_pipeline_facts_golden_through_the_resolver():
    """tests/golden/facts_en.txt, with the English resolver's own mentions (test_en_facts.py
    gives the rules hand-made mentions): nearly every case exactly right."""
    from pathlib import Path
    from dyad.eval.english_report import english_facts_lines
    line = english_facts_lines(Path(__file__).parent / "golden" / "facts_en.txt")[0]
    right, total = map(int, line.split("**")[1].split("/"))
    assert total >= 60 and right / total >= 0.9, line
