"""The pipeline's stages fit together, and cheap-before-expensive changes no result."""
from __future__ import annotations

import json


from conftest import EXAMPLES
import dyad.pipeline as pipeline
from dyad.ingest.readers import read_path


def test_pipeline_stages_are_provided_in_order():
    assert pipeline.check_stages() == []
    ids = [s.id for s in pipeline.STAGES]
    assert len(ids) == len(set(ids))


def _documents(seed_path):
    docs = [next(read_path(seed_path)).document]
    docs += [item.document for item in read_path(EXAMPLES)]
    return docs


def test_pipeline_selective_parse_changes_nothing(seed_path, monkeypatch):
    """Parsing only the sentences with a trigger gives the very same records as parsing all."""
    docs = _documents(seed_path)
    selective = [json.dumps(pipeline.process(d).to_json(), sort_keys=True) for d in docs]
    from dyad.lang.ru import Russian
    monkeypatch.setattr(Russian, "needs_parse", lambda self, sentence: True)
    full = [json.dumps(pipeline.process(d).to_json(), sort_keys=True) for d in docs]
    assert selective == full


def test_pipeline_parses_fewer_sentences_than_all(seed_path):
    doc = next(read_path(seed_path)).document
    analysis = pipeline.analysis_for(doc)
    parsed = sum(s.parsed for s in analysis.sentences)
    assert 0 < parsed < len(analysis.sentences)


def test_records_survive_pickling_between_processes(seed_record):
    """Workers send records to the writer pickled; they come back equal, field for field."""
    import pickle
    back = pickle.loads(pickle.dumps(seed_record, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == seed_record
    assert json.dumps(back.to_json(), sort_keys=True) == json.dumps(seed_record.to_json(), sort_keys=True)
    assert seed_record.events and back.events[0].sources == seed_record.events[0].sources


# --- the article date: given, estimated from the text, or none --------------------------------
UNDATED = [
    # text, expected (date, date_source, date_precision), warning
    ("Лавров встретился с Ван И в Пекине 14 мая 2013 года. Стороны обсудили торговлю.",
     ("2013-05-14", "text", "day"), "W104 undated: date estimated from the text as 2013-05-14 (day, docdate.day)"),
    ("Товарооборот Казахстана и Китая вырос в 2016 году. Вчера Лавров встретился с Ван И в Пекине.",
     ("2016-01-01", "text", "year"), "W104 undated: date estimated from the text as 2016-01-01 (year, docdate.year)"),
    ("Президент России встретился с председателем КНР.",
     (None, "none", None), "W105 undated: no date in the text; titles resolve to offices, not people"),
]


def test_pipeline_dates_undated_documents_from_their_text():
    from dyad.types import Document
    docs = [Document(id=f"u{i}", text=text, lang="ru") for i, (text, _, _) in enumerate(UNDATED)]
    records = pipeline.process_many(docs)
    for record, (_, expected, warning) in zip(records, UNDATED):
        d = record.document
        assert (d.date, d.date_source, d.date_precision) == expected
        assert record.warnings == (warning,)
        out = record.to_json()
        assert (out["date"], out["date_source"], out["date_precision"]) == expected
    # "вчера" in an article known only to the year is that year, at year precision
    assert [(e.cameo[:2], e.date, e.date_precision) for e in records[1].events] == [("04", "2016-01-01", "year")]


def test_pipeline_a_given_date_is_given_and_warns_nothing():
    from dyad.types import Document
    record = pipeline.process(Document(id="d", text="Вчера Лавров встретился с Ван И в Пекине.",
                                       date="2025-08-31", lang="ru"))
    assert (record.document.date, record.document.date_source, record.document.date_precision) == (
        "2025-08-31", "given", "day")
    assert record.warnings == ()
    assert record.events and record.events[0].date == "2025-08-30"
    assert all("confidence" in m and "warnings" in m for m in record.to_json()["mentions"])


def test_pipeline_undated_warnings_name_the_input(tmp_path):
    """`dyad ingest` and `dyad extract` print each warning as PATH:LINE: Wnnn."""
    import io
    from dyad.ingest.run import extract, ingest
    from dyad.store import open_store
    path = tmp_path / "undated.jsonl"
    path.write_text('{"id": "a", "date": "2025-06-12", "text": "Россия и Китай подписали соглашение."}\n'
                    '{"id": "b", "text": "В марте 2019 года Россия и Китай подписали соглашение."}\n'
                    '{"id": "c", "date": null, "text": "Россия и Китай подписали меморандум."}\n',
                    encoding="utf-8")
    err = io.StringIO()
    store = open_store(f"sqlite:///{tmp_path / 'dyad.db'}")
    ingest([str(path)], store, err=err)
    lines = err.getvalue().splitlines()
    assert f"{path}:2: W104 undated: date estimated from the text as 2019-03-01 (month, docdate.month)" in lines
    assert f"{path}:3: W105 undated: no date in the text; titles resolve to offices, not people" in lines
    assert not any(line.startswith(f"{path}:1:") for line in lines)
    from dyad.store import queries as Q
    got = {i: Q.document(store.engine, i) for i in "abc"}
    assert [(got[i]["date"], got[i]["date_source"], got[i]["date_precision"]) for i in "abc"] == [
        ("2025-06-12", "given", "day"), ("2019-03-01", "text", "month"), (None, "none", None)]
    assert any("W104" in w for w in got["b"]["warnings"])
    store.engine.dispose()
    err = io.StringIO()
    extract([str(path)], io.StringIO(), err=err)
    assert f"{path}:3: W105 undated: no date in the text; titles resolve to offices, not people" in \
        err.getvalue().splitlines()


def test_pipeline_a_date_in_the_articles_year_is_not_future():
    """Against an article date known to the year, "в марте 2014 года" is not after the article."""
    from dyad.types import Document
    text = "В марте 2014 года Лавров встретился с Ван И в Пекине."
    year = pipeline.process(Document(id="y", text=text, date="2014-01-01", lang="ru", date_source="text",
                                     date_precision="year"))
    day = pipeline.process(Document(id="d", text=text, date="2014-01-01", lang="ru"))
    assert [(e.date, e.date_precision, e.modality) for e in year.events] == [("2014-03-01", "month", None)]
    assert [e.modality for e in day.events] == ["future"]
