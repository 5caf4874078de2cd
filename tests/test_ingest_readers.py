"""Readers: each format, and every error case as PATH:LINE: message."""
from __future__ import annotations

import json

import pytest

from dyad.ingest.readers import read_path

GOOD_BODY = "Президент Казахстана провел переговоры в Астане."


def _write(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


def test_readers_undated_text_is_stored_with_a_warning(tmp_path):
    """A file without a header or --date is undated, not refused: the pipeline dates it from its
    text (W104, W105) and the reader says why (W107)."""
    [item] = list(read_path(_write(tmp_path, "plain.txt", f"\n  {GOOD_BODY}")))
    assert item.error is None and item.document.date is None and item.document.text == GOOD_BODY
    assert item.warnings == ("W107 undated input: no 'date YYYY-MM-DD' header; dated from its text (W104, W105 "
                             "follow), give --date to set it",)


@pytest.mark.parametrize("content, date, expect_date, expect_text", [
    (f"date 2025-08-31 {GOOD_BODY}", None, "2025-08-31", GOOD_BODY),
    (f"  \n date 2025-08-31\n{GOOD_BODY}\n", None, "2025-08-31", GOOD_BODY + "\n"),
    (f"DATE 2024-02-29\n\n{GOOD_BODY}", None, "2024-02-29", GOOD_BODY),
    (GOOD_BODY, "2025-01-02", "2025-01-02", GOOD_BODY),
])
def test_readers_dated_text(tmp_path, content, date, expect_date, expect_text):
    items = list(read_path(_write(tmp_path, "a.txt", content), date))
    assert len(items) == 1 and items[0].error is None
    doc = items[0].document
    assert doc.date == expect_date
    assert doc.text == expect_text


@pytest.mark.parametrize("content, line, code, fragment", [
    ("", 1, "E101", "empty"),
    ("   \n\n", 1, "E101", "empty"),
    (f"\n\ndate 2025-02-30 {GOOD_BODY}", 3, "E104", "does not exist"),
    (f"date 31.08.2025 {GOOD_BODY}", 1, "E104", "not YYYY-MM-DD"),
    ("date 2025-08-31\n", 1, "E101", "no article text"),
    (b"date 2025-08-31\n\xff\xfe bad", 2, "E102", "not valid UTF-8"),
])
def test_readers_dated_text_errors(tmp_path, content, line, code, fragment):
    path = _write(tmp_path, "bad.txt", content)
    items = list(read_path(path))
    assert len(items) == 1 and items[0].document is None
    message = str(items[0].error)
    assert message.startswith(f"{path}:{line}: {code} ")
    assert fragment in message


def test_readers_jsonl_good_and_broken_lines(tmp_path):
    lines = [
        json.dumps({"id": "a1", "date": "2025-08-31", "text": GOOD_BODY, "title": "T", "url": "http://x", "lang": "ru"}),
        "{not json",
        json.dumps({"id": "a2", "date": None, "text": GOOD_BODY + " Второй."}),
        "",
        json.dumps({"id": "a3", "date": "2025-13-01", "text": "x"}),
        json.dumps({"id": "a4", "date": "2025-08-31"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"date": "2025-08-31", "text": "без id"}, ensure_ascii=False),
    ]
    path = _write(tmp_path, "docs.jsonl", "\n".join(lines) + "\n")
    items = list(read_path(path))
    docs = [i.document for i in items if i.document]
    errors = [str(i.error) for i in items if i.error]
    assert [d.id for d in docs[:2]] == ["a1", "a2"]
    assert docs[0].title == "T" and docs[0].url == "http://x" and docs[0].lang == "ru"
    assert docs[1].date is None
    assert len(docs[2].id) == 16                       # derived from content
    assert errors[0].startswith(f"{path}:2: E105 ")
    assert errors[1].startswith(f"{path}:5: E104 ")
    assert errors[2].startswith(f"{path}:6: E106 ")
    assert errors[3].startswith(f"{path}:7: E105 ")


def test_readers_directory_reads_every_file_in_order(tmp_path):
    _write(tmp_path, "b.txt", f"date 2025-01-02 {GOOD_BODY}")
    _write(tmp_path, "a.txt", f"date 2025-01-01 {GOOD_BODY} А.")
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", "c.jsonl", json.dumps({"id": "c", "date": "2025-01-03", "text": GOOD_BODY}))
    _write(tmp_path, "ignored.bin", b"\x00\x01")
    items = list(read_path(tmp_path))
    assert [i.document.date for i in items] == ["2025-01-01", "2025-01-02", "2025-01-03"]


def test_readers_missing_path(tmp_path):
    items = list(read_path(tmp_path / "nope.txt"))
    assert str(items[0].error).startswith(f"{tmp_path / 'nope.txt'}:1: E109 ")


def test_readers_stored_text_is_the_body_unchanged(seed_path):
    doc = next(read_path(seed_path)).document
    raw = seed_path.read_text(encoding="utf-8")
    assert raw.endswith(doc.text)
    assert doc.date == "2025-08-31"
    assert not doc.text[0].isspace()


def test_readers_jsonl_byte_order_mark(tmp_path):
    """A UTF-8 byte-order mark before the first line does not cost the first record; a UTF-16 file
    is one E102, not an error per line."""
    lines = [json.dumps({"id": f"b{n}", "date": "2025-08-31", "text": f"{GOOD_BODY} {n}."}, ensure_ascii=False)
             for n in (1, 2)]
    path = _write(tmp_path, "bom.jsonl", b"\xef\xbb\xbf" + "\n".join(lines).encode("utf-8") + b"\n")
    items = list(read_path(path))
    assert [(i.line, i.document.id) for i in items] == [(1, "b1"), (2, "b2")]
    assert all(not i.warnings for i in items)
    wide = _write(tmp_path, "wide.jsonl", "\n".join(lines).encode("utf-16"))
    items = list(read_path(wide))
    assert [str(i.error) for i in items] == [f"{wide}:1: E102 JSON Lines must be UTF-8; this file is UTF-16 "
                                             "or UTF-32 (byte-order mark)"]


@pytest.mark.parametrize("field, value, kind", [
    ("title", 5, "a number"),
    ("title", {"ru": "Заголовок"}, "an object"),
    ("url", ["http://x"], "a list"),
    ("url", True, "a boolean"),
    ("lang", 7, "a number"),
])
def test_readers_jsonl_field_of_wrong_type_is_a_warning(tmp_path, field, value, kind):
    """A `title`, `url` or `lang` that is not a string is left out with W106: the record is kept."""
    line = {"id": "w", "date": "2025-08-31", "text": GOOD_BODY, "title": "T", "url": "http://u", field: value}
    path = _write(tmp_path, "w.jsonl", json.dumps(line, ensure_ascii=False) + "\n")
    [item] = list(read_path(path))
    assert item.error is None and item.document.text == GOOD_BODY
    assert getattr(item.document, field) is None
    assert item.warnings == (f"W106 field {field!r} is {kind}, not a string: left out, the record is "
                             "stored without it",)
    kept = {"title": "T", "url": "http://u"}
    kept.pop(field, None)
    assert all(getattr(item.document, k) == v for k, v in kept.items())


def test_readers_feed_dates_out_of_range(tmp_path):
    """A feed entry dated year 1 or 9999 is E110 at its entry; the other entries are read."""
    pytest.importorskip("feedparser")
    entry = "<item><title>T{n}</title><guid>g{n}</guid><pubDate>{date}</pubDate><description>{body} {n}.</description></item>"
    dates = ["Mon, 01 Jan 0001 00:00:00 GMT", "Tue, 12 Aug 2025 10:00:00 GMT", "Fri, 31 Dec 9999 00:00:00 GMT"]
    feed = "<rss><channel>" + "".join(entry.format(n=n, date=d, body=GOOD_BODY) for n, d in enumerate(dates, 1)) \
        + "</channel></rss>"
    path = _write(tmp_path, "f.rss", feed)
    items = list(read_path(path))
    assert [i.document.date if i.document else str(i.error).split(": ")[1][:4] for i in items] == \
        ["E110", "2025-08-12", "E110"]
    assert str(items[0].error) == f"{path}:1: E110 date 0001-01-01 is outside 1900-01-01..2100-12-31, the dates Dyad reads"


@pytest.mark.parametrize("doc_id", [".", "..", "..."])
def test_readers_jsonl_id_of_dots_is_refused(tmp_path, doc_id):
    """An id of dots only is a path segment no HTTP client sends: refused with its line."""
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": doc_id, "text": "Россия и Китай."}, ensure_ascii=False) + "\n"
                    + json.dumps({"id": "ok", "text": "Россия."}) + "\n", encoding="utf-8")
    items = list(read_path(str(path)))
    assert items[0].document is None and "E105" in str(items[0].error) and ":1:" in str(items[0].error)
    assert items[1].document is not None and items[1].document.id == "ok"


def test_slug_of_a_long_name_is_bounded():
    from dyad.resolve.translit import MAX_SLUG, slug
    long = "Очень " * 100 + "длинное имя"
    assert len(slug(long)) <= MAX_SLUG and slug(long) == slug(long) and slug(long) != slug(long + "х")
    assert slug("Иван Петров") == "ivan-petrov"
