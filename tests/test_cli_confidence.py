"""`dyad show --min-confidence` and `dyad export --min-confidence`: the less sure events left out,
the confidence shown and exported, events with one side unknown exported in 61 GDELT columns."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dyad.serve.export import GDELT_COLUMNS
from dyad.serve.cli import app

import records_for_api as R

runner = CliRunner()


@pytest.fixture
def db(store) -> str:
    R.load_one_sided(store)
    return store.url


def cli(*args: str, code: int = 0) -> str:
    r = runner.invoke(app, list(args), env={"COLUMNS": "250"})       # a row per line
    assert r.exit_code == code, (args, r.exit_code, r.output)
    return r.output


def test_cli_show_min_confidence(db):
    out = cli("show", "AZE", "CHN", "--db", db)
    assert "(AZE - CHN): 7 records" in out and "0.90" in out and "1.00" in out and "conf" in out
    assert "3.1 bn USD" in out and "status dialogue partner" in out       # words, the membership kept
    out = cli("show", "AZE", "CHN", "--db", db, "--min-confidence", "0.95")
    assert "(AZE - CHN): 6 records" in out and "0.90" not in out           # the facts stay
    assert cli("show", "Азербайджан", "Китаем", "--db", db) == cli("show", "aze", "CHN", "--db", db)  # names
    assert "E301 no actor 'Нарния'" in cli("show", "Нарния", "CHN", "--db", db, code=2)
    out = cli("show", "RUS", "CHN", "--db", db)
    assert "1 records" in out and "Россия, Китай → ?" in out and "0.40" in out      # co-actors, no target


@pytest.mark.parametrize("value", ["-0.1", "1.5", "nan", "abc"])
def test_cli_min_confidence_out_of_range_is_a_usage_error(db, value):
    for command in (["show", "AZE", "CHN"], ["export", "--format", "gdelt"]):
        assert "min-confidence" in cli(*command, "--db", db, "--min-confidence", value, code=2)


def test_cli_export_plover_carries_confidence(db):
    lines = [json.loads(x) for x in cli("export", "--format", "plover", "--db", db).splitlines()]
    assert len(lines) == 8 and {x["confidence"] for x in lines} == {1.0, 0.9, 0.4, 0.35}
    e1 = next(x for x in lines if x["event_id"] == "doc-one-sided:e1")
    assert e1["actor_name"] == [] and e1["recipient_country"] == ["AZE"]
    high = [json.loads(x) for x in cli("export", "--db", db, "--min-confidence", "0.5").splitlines()]
    assert sorted(x["event_id"] for x in high) == ["doc-energy:e1", "doc-energy:e2", "doc-one-sided:e4",
                                                  "doc-rus-tur:e1", "doc-tianjin:e1"]


def test_cli_export_gdelt_one_sided_rows(db):
    header, *lines = cli("export", "--format", "gdelt", "--db", db).splitlines()
    assert header.split("\t") == list(GDELT_COLUMNS)
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in lines]
    assert all(len(r) == 61 for r in rows)
    assert len(rows) == 2 + 2 + 1 + 6        # tianjin (symmetric), energy, rus-tur, the one-sided document
    one = sorted((r["Actor1CountryCode"], r["Actor2CountryCode"], r["EventCode"], r["IsRootEvent"]) for r in rows
                 if r["SOURCEURL"] == "" and r["SQLDATE"] == "20250715")
    assert one == [("", "AZE", "173", "1"), ("AZE", "", "051", "1"), ("AZE", "CHN", "043", "1"),
                   ("CHN", "", "111", "0"), ("CHN", "AZE", "043", "0"), ("RUS", "", "111", "1")]
    high = cli("export", "--format", "gdelt", "--db", db, "--min-confidence", "0.5").splitlines()[1:]
    assert len(high) == 2 + 2 + 1 + 2 and all(len(x.split("\t")) == 61 for x in high)


def test_cli_min_confidence_is_documented():
    from conftest import ROOT
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("dyad show A B [--min-confidence X]", "dyad export --format gdelt\\|plover\\|csv\\|jsonl\\|parquet [--output FILE] [--min-confidence X]"):
        assert command in readme
    assert "--min-confidence" in runner.invoke(app, ["show", "--help"], env={"COLUMNS": "250"}).output
