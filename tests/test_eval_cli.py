"""`dyad eval` and the report, end to end on the fixtures (the real pipeline, small inputs)."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.eval.report import main as report_main
from dyad.serve.cli import app

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "eval"


@pytest.mark.parametrize("dataset, path, task, expect", [
    ("factrueval", "factrueval", "entities", "| **micro** | 4 |"),
    ("factrueval", "factrueval", "resolution", "| PER | 2 |"),
    ("factrueval", "factrueval", "meetings", "| exact | 1 |"),
    ("brat", "brat", "entities", "| LOC | 2 |"),
    ("brat", "brat", "meetings", "This dataset annotates no meetings."),
    ("jsonl", "jsonl", "entities", "| PER | 2 |"),
])
def test_eval_cli_tasks(dataset, path, task, expect):
    result = CliRunner().invoke(app, ["eval", dataset, str(FIXTURES / path), "--task", task])
    assert result.exit_code == 0, result.output
    assert expect in result.output
    assert ("Type mapping:" in result.output) is ("no meetings" not in expect)


def test_eval_cli_errors_show_sentences():
    result = CliRunner().invoke(app, ["eval", "factrueval", str(FIXTURES / "factrueval"),
                                      "--errors", "5"])
    assert result.exit_code == 0, result.output
    assert "First 5 misses and first 5 false hits" in result.output


@pytest.mark.parametrize("args", [
    ["eval", "nope", "."],
    ["eval", "factrueval", ".", "--task", "nope"],
    ["eval", "factrueval", "/no/such/dir"],
])
def test_eval_cli_usage_errors(args):
    assert CliRunner().invoke(app, args).exit_code == 2


def test_eval_report_writes_both_tables(tmp_path):
    out = tmp_path / "quality.md"
    assert report_main([str(FIXTURES / "factrueval"), str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    for part in ("# Quality", "Dyad 0.", "python -m dyad.eval.report", "## Entities",
                 "dyad exact P", "natasha exact P", "## Resolution", "## Meetings", "date = null"):
        assert part in text
