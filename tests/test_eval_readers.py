"""The dataset readers on small fixtures written for these tests (tests/fixtures/eval/)."""
from __future__ import annotations

from pathlib import Path

import pytest

from dyad.eval import brat, factrueval, jsonl, nerel
from dyad.eval.gold import flatten, GoldMention
from dyad.types import Span

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "eval"


def _texts(doc, m):
    return [doc.text[f.start:f.end] for f in m.fragments]


def test_eval_factrueval_mentions():
    [doc] = factrueval.read_dir(FIXTURES / "factrueval")
    assert doc.id == "book_1" and doc.date is None
    got = [(m.type, _texts(doc, m), m.named, m.nested) for m in doc.mentions]
    assert got == [
        ("PER", ["Николя", "Саркози"], True, False),
        ("LOC", ["Вашингтоне"], True, False),
        ("PER", ["Бараком", "Обамой"], True, False),
        ("ORG", ["МИД", "России"], True, False),
        ("LOCORG", ["России"], True, True),          # inside "МИД России": ignored
        ("ORG", ["Ведомство"], False, False),        # a descriptor only: unnamed, ignored
    ]
    assert [m.scored for m in doc.mentions] == [True, True, True, True, False, False]
    sarkozy = doc.mentions[0]
    assert sarkozy.entity == "1" and sarkozy.extents() == {(0, 14)}


def test_eval_factrueval_meetings():
    [doc] = factrueval.read_dir(FIXTURES / "factrueval")
    [meeting] = doc.meetings                         # the Occupation fact is not a meeting
    assert meeting.id == "1-0"
    sarkozy, obama = meeting.participants
    assert sarkozy.names == ("Саркози Николя", "Саркози") and sarkozy.entities == ("1",)
    assert [doc.text[s.start:s.end] for s in obama.spans] == ["Бараком", "Обамой"]


@pytest.mark.parametrize("value, expected", [
    ("obj1 Саркози Николя", [("obj1", "Саркози Николя")]),
    ("obj143 Украина | obj144 Турецкая республика | Турция",
     [("obj143", "Украина"), ("obj144", "Турецкая республика | Турция")]),
    ("span22777 мэра", [("span22777", "мэра")]),
    ("будущее", [(None, "будущее")]),
])
def test_eval_factrueval_alternatives(value, expected):
    assert factrueval._alternatives(value) == expected


def test_eval_factrueval_root_reads_devset_only(tmp_path):
    dev = tmp_path / "devset"
    dev.mkdir()
    for f in (FIXTURES / "factrueval").iterdir():
        (dev / f.name).write_bytes(f.read_bytes())
    other = tmp_path / "testset"
    other.mkdir()
    (other / "book_9.txt").write_text("не читать", encoding="utf-8")
    assert [d.id for d in factrueval.read_dir(tmp_path)] == ["book_1"]


def test_eval_brat_nested_and_discontinuous():
    [doc] = brat.read_dir(FIXTURES / "brat")
    got = [(m.id, m.type, _texts(doc, m), m.nested) for m in doc.mentions]
    assert got == [
        ("T1", "ORG", ["МИД Российской Федерации"], False),
        ("T2", "LOC", ["Российской Федерации"], True),       # COUNTRY inside the ORG
        ("T3", "PER", ["Сергей Лавров"], False),
        ("T5", "LOC", ["Северной", "Кореи"], False),          # discontinuous: two fragments
        ("T6", "LOC", ["Южной Кореи"], False),
    ]                                                          # PROFESSION, R, A, # skipped
    north = doc.mentions[3]
    assert (north.start, north.end) == (69, 91)
    assert north.coverage() == set(range(69, 77)) | set(range(86, 91))


def test_eval_brat_offsets_count_carriage_returns(tmp_path):
    (tmp_path / "a.txt").write_bytes("Привет.\r\nМосква.\r\n".encode("utf-8"))
    (tmp_path / "a.ann").write_text("T1\tLOC 9 15\tМосква\n", encoding="utf-8")
    [doc] = brat.read_dir(tmp_path)
    m = doc.mentions[0]
    assert doc.text[m.start:m.end] == "Москва"


def test_eval_brat_bad_offsets(tmp_path):
    (tmp_path / "a.txt").write_text("Москва", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tLOC 0 99\tМосква\n", encoding="utf-8")
    with pytest.raises(brat.BratError, match="a.ann:1"):
        brat.read_dir(tmp_path)


def test_eval_jsonl_round_trip():
    records = jsonl.read_records(FIXTURES / "jsonl" / "records.jsonl")
    assert [r.document.id for r in records] == ["doc-1", "doc-2"]
    import json
    lines = (FIXTURES / "jsonl" / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert [r.to_json() for r in records] == [json.loads(line) for line in lines]


def test_eval_jsonl_as_gold():
    doc = jsonl.read_dir(FIXTURES / "jsonl")[0]
    assert [(m.type, doc.text[m.start:m.end]) for m in doc.mentions] == [
        ("PER", "Владимир Путин"), ("PER", "Си Цзиньпином"), ("LOC", "Москве")]   # ADJ not scored
    [meeting] = doc.meetings                                       # CAMEO 190 is not a meeting
    assert [p.actors for p in meeting.participants] == [("vladimir-putin",), ("xi-jinping",)]


def test_eval_jsonl_bad_line(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        jsonl.read_records(p)


def test_eval_flatten_merges_siblings():
    org = GoldMention("a", "ORG", (Span(0, 6),))
    locorg = GoldMention("b", "LOCORG", (Span(0, 6),))
    [merged] = flatten([locorg, org])
    assert merged.type == "ORG" and merged.types() == {"ORG", "LOC"}


def test_eval_nerel_documents():
    d1, d2 = nerel.read_dir(FIXTURES / "nerel" / "dev.jsonl")
    assert (d1.id, d1.date, d1.chains, d1.meetings) == ("d1", None, None, None)
    got = [(m.type, _texts(d2, m), m.nested) for m in d2.mentions]
    assert got == [                                     # PROFESSION, DATE, EVENT... not scored
        ("LOC", ["Анкаре"], False),
        ("ORG", ["МИД России"], False),
        ("LOC", ["России"], True),                      # inside "МИД России"
        ("PER", ["Сергей Лавров"], False),
        ("LOC", ["Анкару"], False),
        ("PER", ["Лавров"], False),
        ("LOC", ["Турции"], False),
    ]
    assert [m.type for m in d1.mentions].count("PER") == 3
    assert nerel.read_dir(FIXTURES / "nerel") == [d1, d2]      # a folder: every .jsonl in it


@pytest.mark.parametrize("line, message", [
    ('{"id": "x", "text": "Лавров", "entities": [{"id": "T1", "type": "PERSON", "start": 0, "end": 9}]}',
     "offsets 0 9 outside the text"),
    ('{"id": "x"}', "'text'"),
    ("not json", "not a NEREL document"),
])
def test_eval_nerel_bad_lines(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "text": "Текст.", "entities": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(nerel.NerelError, match=f"bad.jsonl:2: .*{message}"):
        nerel.read_dir(path)
