"""`dyad ingest`, `extract` and `show` end to end: exit codes, stderr lines, idempotence."""
from __future__ import annotations

import json
import subprocess
import sys


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
    no_header.write_text("Просто текст без даты.", encoding="utf-8")
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
        f"{no_header}:1: E103 no 'date YYYY-MM-DD' header (starts with 'Просто текст без даты.'); give --date for plain text",
        f"{empty}:1: E101 file is empty",
        f"{broken}:2: E105 not JSON: Expecting property name enclosed in double quotes at column 2",
        f"{notutf}:2: E102 bytes at offset 16 are not valid UTF-8 (nor confidently cp1251 or KOI8-R Russian text)",
    ]
    assert "Traceback" not in r.stderr
    assert f"{good}: 1 stored" in r.stdout
    assert f"{broken}: 1 stored, 0 already stored, 1 failed" in r.stdout

    again = run("ingest", "--db", db_url, good, broken)
    assert again.returncode == 1, again.stderr + again.stdout   # the broken line is still broken
    assert f"{good}: 0 stored, 1 already stored" in again.stdout

    from dyad.store import open_store
    store = open_store(db_url)
    assert store.count("documents") == 2
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
