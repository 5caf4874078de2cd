"""`dyad ingest`, `extract` and `show` end to end: exit codes, stderr lines, idempotence."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES

DYAD = [sys.executable, "-m", "dyad"]


def run(*args, env=None):
    return subprocess.run([*DYAD, *map(str, args)], capture_output=True, text=True, env=env, timeout=600)


def test_cli_ingest_good_and_bad_inputs(tmp_path, db_url):
    good = tmp_path / "good.txt"
    good.write_text("date 2025-06-12\nПрезидент Казахстана Касым-Жомарт Токаев посетил Ташкент.", encoding="utf-8")
    bad_date = tmp_path / "bad_date.txt"
    bad_date.write_text("date 2025-02-31\nТекст.", encoding="utf-8")
    no_header = tmp_path / "plain.txt"
    no_header.write_text("Президент Казахстана Касым-Жомарт Токаев 3 мая 2025 года посетил Ташкент.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    broken = tmp_path / "b.jsonl"
    broken.write_text('{"id": "j1", "date": "2025-01-01", "text": "Москва и Пекин."}\n{oops\n', encoding="utf-8")
    notutf = tmp_path / "cp.txt"
    notutf.write_bytes(b"date 2025-01-01\n\xcf\xf0\xe8\xe2\xe5\xf2 \xff")   # 7 cp1251 letters: too few to be sure

    r = run("ingest", "--db", db_url, good, bad_date, no_header, empty, broken, notutf)
    assert r.returncode == 1, r.stderr
    errors = [line for line in r.stderr.splitlines() if line.strip()]
    assert errors == [
        f"{bad_date}:1: E104 date '2025-02-31' does not exist",
        f"{no_header}:1: W107 undated input: no 'date YYYY-MM-DD' header; dated from its text (W104, W105 follow), "
        "give --date to set it",
        f"{no_header}:1: W104 undated: date estimated from the text as 2025-05-03 (day, docdate.day)",
        f"{empty}:1: E101 file is empty",
        f"{broken}:2: E105 not JSON: Expecting property name enclosed in double quotes at column 2",
        f"{notutf}:2: E102 bytes at offset 16 are not valid UTF-8 (nor confidently cp1251 or KOI8-R Russian text)",
    ]
    assert "Traceback" not in r.stderr
    assert f"{good}: 1 stored" in r.stdout
    assert f"{no_header}: 1 stored, 0 already stored, 0 failed" in r.stdout and "1 undated" in r.stdout
    assert f"{broken}: 1 stored, 0 already stored, 1 failed" in r.stdout

    again = run("ingest", "--db", db_url, good, broken)
    assert again.returncode == 1, again.stderr + again.stdout   # the broken line is still broken
    assert f"{good}: 0 stored, 1 already stored" in again.stdout

    from dyad.store import open_store
    store = open_store(db_url)
    assert store.count("documents") == 3
    store.engine.dispose()


def test_cli_usage_error_exits_2(tmp_path):
    r = run("ingest", "--date", "yesterday", tmp_path)
    assert r.returncode == 2
    r = run("no-such-command")
    assert r.returncode == 2


def test_cli_plain_text_with_date(tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text("Министр иностранных дел России Сергей Лавров прибыл в Анкару.", encoding="utf-8")
    r = run("extract", "--date", "2025-03-01", p)
    assert r.returncode == 0, r.stderr
    record = json.loads(r.stdout.splitlines()[0])
    assert record["date"] == "2025-03-01"
    for key in ("id", "date", "lang", "text", "mentions", "events", "facts"):
        assert key in record
    for m in record["mentions"]:
        assert record["text"][m["start"]:m["end"]] == m["text"]


def test_cli_ingest_examples_and_show(tmp_path):
    db = f"sqlite:///{tmp_path / 'ex.db'}"
    r = run("ingest", "--db", db, EXAMPLES)
    assert r.returncode == 0, r.stderr
    assert len([l for l in r.stdout.splitlines() if " stored," in l]) >= 5
    shown = run("show", "AZE", "TUR", "--db", db)
    assert shown.returncode == 0, shown.stderr
    assert "AZE - TUR" in shown.stdout


def test_cli_bad_environment_is_a_usage_error(tmp_path):
    import os
    env = dict(os.environ, DYAD_MAX_BYTES="abc")
    r = run("ingest", "--db", f"sqlite:///{tmp_path / 'x.db'}", EXAMPLES, env=env)
    assert r.returncode == 2
    assert r.stderr.strip() == "E300 DYAD_MAX_BYTES='abc' is not a positive whole number of bytes"


RU = "Президент Казахстана Касым-Жомарт Токаев провел переговоры с Президентом Узбекистана в Астане."


def _stored_texts(db_url):
    from sqlalchemy import text as sql
    from dyad.store import open_store
    store = open_store(db_url)
    with store.engine.connect() as conn:
        rows = dict(conn.execute(sql("SELECT id, text FROM documents")).all())
    store.engine.dispose()
    return rows


def test_cli_same_id_different_text_is_refused(tmp_path, db_url):
    """A second, different text under an id (also `1` after `"1"`) is E111 naming where the id was
    first used, in the run or in the store: never an overwrite. The same text again is skipped."""
    lines = [("same", "А"), ("same", "Б"), (1, "В"), ("1", "Г"), ("same", "А"), ("other", "Д")]
    path = tmp_path / "dup.jsonl"
    path.write_text("".join(json.dumps({"id": i, "date": "2025-06-12", "text": f"{RU} {t}."}, ensure_ascii=False)
                            + "\n" for i, t in lines), encoding="utf-8")
    fix = "this different text is not stored (give it its own id)"
    r = run("ingest", "--db", db_url, "--workers", "1", path)
    assert r.returncode == 1, r.stderr
    assert r.stderr.splitlines() == [
        f"{path}:2: E111 id 'same' is already used by the text at {path}:1; {fix}",
        f"{path}:4: E111 id '1' is already used by the text at {path}:3; {fix}"]
    assert f"{path}: 3 stored, 1 already stored, 2 failed" in r.stdout
    expected = {"same": f"{RU} А.", "1": f"{RU} В.", "other": f"{RU} Д."}
    assert _stored_texts(db_url) == expected
    again = run("ingest", "--db", db_url, "--workers", "1", path)
    assert again.returncode == 1
    assert again.stderr.splitlines() == [
        f"{path}:2: E111 id 'same' is already used by a stored document from {path}; {fix}",
        f"{path}:4: E111 id '1' is already used by a stored document from {path}; {fix}"]
    assert _stored_texts(db_url) == expected


@pytest.mark.parametrize("kind", ["missing directory", "a directory", "no server", "no driver"])
def test_cli_unusable_database_is_one_line(tmp_path, kind):
    """A database that cannot be opened or created is one line E201 (password hidden), exit 1."""
    url = {"missing directory": f"sqlite:///{tmp_path / 'no' / 'such' / 'dir' / 'x.db'}",
           "a directory": f"sqlite:///{tmp_path}",
           "no server": "postgresql+psycopg2://dyad:secret@127.0.0.1:1/dyad",
           "no driver": "postgresql+nosuchdriver://dyad:secret@127.0.0.1:1/dyad"}[kind]
    good = tmp_path / "good.txt"
    good.write_text("date 2025-06-12\n" + RU, encoding="utf-8")
    r = run("ingest", "--db", url, "--no-progress", good)
    assert r.returncode == 1
    assert len(r.stderr.splitlines()) == 1, r.stderr[-2000:]
    assert r.stderr.startswith("E201 cannot open the database "), r.stderr
    assert "secret" not in r.stderr and "Traceback" not in r.stderr


def test_cli_database_error_is_one_line_without_sql(tmp_path, db_url, monkeypatch):
    """A statement the database refuses is one E200 line per document: the driver's first line,
    never the SQL, its parameters (the article text) or the failing row."""
    import io

    from sqlalchemy import insert

    from dyad.ingest.run import ingest
    from dyad.store import open_store
    from dyad.store import schema as t
    from dyad.store.db import Store

    def refused(self, conn, *records):          # a NOT NULL violation carrying the whole text
        conn.execute(insert(t.documents), [dict(id=r.document.id + "-x", content_hash=None, text=r.document.text)
                                           for r in records])
    monkeypatch.setattr(Store, "_save_actors", refused)
    paths = []
    for n in range(2):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(f"date 2025-06-12\n{RU} Встреча {n}.", encoding="utf-8")
    store = open_store(db_url)
    err = io.StringIO()
    summary = ingest(paths, store, err=err, workers=1)
    store.engine.dispose()
    lines = err.getvalue().splitlines()
    assert summary.failed == 2 and len(lines) == 2, lines
    for path, line in zip(paths, lines):
        assert line.startswith(f"{path}:1: E200 not stored: IntegrityError: "), line
        assert "null" in line.lower() or "NOT NULL" in line
        for leaked in ("INSERT", "[SQL", "parameters", "Казахстана", "Failing row", "DETAIL"):
            assert leaked not in line, line


def test_cli_file_names_are_escaped(tmp_path):
    """A file name that is not UTF-8, or holds a newline, is stored and named escaped: one line
    per problem, and a name cannot forge a line."""
    import os
    src = tmp_path / "in"
    src.mkdir()
    names = {os.fsdecode(b"caf\xff.txt"): f"{RU} Кафе.", "b\nc.txt": f"{RU} Новая строка.",
             "bad\nforged.txt:1: E999 x.txt": "Текст."}
    for name, body in names.items():
        date = "2025-02-31" if name.startswith("bad") else "2025-06-12"
        (src / name).write_bytes(f"date {date}\n{body}".encode("utf-8"))
    env = dict(os.environ, PYTHONIOENCODING="utf-8")          # strict: a surrogate cannot be printed
    r = run("ingest", "--db", f"sqlite:///{tmp_path / 'n.db'}", "--workers", "1", "--no-progress", src, env=env)
    assert r.returncode == 1, r.stderr
    assert r.stderr.splitlines() == [f"{src}/bad\\nforged.txt:1: E999 x.txt:1: E104 date '2025-02-31' does not exist"]
    assert f"{src}/caf\\xff.txt: 1 stored," in r.stdout and f"{src}/b\\nc.txt: 1 stored," in r.stdout
    assert len(r.stdout.splitlines()) == 3
    from dyad.store import open_store
    store = open_store(f"sqlite:///{tmp_path / 'n.db'}")
    assert store.count("documents") == 2
    store.engine.dispose()


def test_cli_unreadable_jsonl_with_two_workers(tmp_path):
    """A JSON Lines file whose read fails (here EIO: a link to /proc/self/mem, which fails even as
    root) is one E109 line with a pool of two workers; the other files are stored."""
    import os
    if not os.path.exists("/proc/self/mem"):
        pytest.skip("needs Linux /proc")
    src = tmp_path / "in"
    src.mkdir()
    for n in range(2):
        (src / f"{n}.txt").write_text(f"date 2025-06-12\n{RU} Встреча {n}.", encoding="utf-8")
    (src / "bad.jsonl").symlink_to("/proc/self/mem")
    r = run("ingest", "--db", f"sqlite:///{tmp_path / 'u.db'}", "--workers", "2", "--no-progress", src)
    assert r.returncode == 1
    assert r.stderr.splitlines() == [f"{src / 'bad.jsonl'}:1: E109 cannot read: Input/output error"]
    assert f"{src / '0.txt'}: 1 stored" in r.stdout and f"{src / '1.txt'}: 1 stored" in r.stdout


def test_cli_date_option_out_of_range_is_a_usage_error(tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text(RU, encoding="utf-8")
    r = run("extract", "--date", "9999-12-31", plain)
    assert r.returncode == 2
    assert r.stderr.strip() == "E300 --date: date 9999-12-31 is outside 1900-01-01..2100-12-31, the dates Dyad reads"


def test_cli_extract_failure_is_one_line(tmp_path, monkeypatch):
    """`dyad extract`: a document whose processing fails is one E100 line; the others are printed."""
    import io

    import dyad.ingest.run as run_module
    real = run_module.process

    def flaky(doc):
        if "сломан" in doc.text:
            raise RuntimeError("broken on purpose\nsecond line")
        return real(doc)
    monkeypatch.setattr(run_module, "process", flaky)
    paths = [tmp_path / "a.txt", tmp_path / "b.txt"]
    paths[0].write_text(f"date 2025-06-12\n{RU} сломан.", encoding="utf-8")
    paths[1].write_text(f"date 2025-06-12\n{RU}", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    summary = run_module.extract(paths, out, err=err)
    assert err.getvalue().splitlines() == [f"{paths[0]}:1: E100 processing failed: RuntimeError: broken on purpose"]
    assert summary.failed == 1 and len(out.getvalue().splitlines()) == 1
