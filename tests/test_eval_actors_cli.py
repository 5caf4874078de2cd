"""`dyad eval ... --task actors` and the report's actors section, end to end on the fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.eval.report import main as report_main
from dyad.serve.cli import app

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "eval"
HEAD = "| dataset | run | documents | (a) named people resolved to someone else |"


def _eval(*args: str):
    return CliRunner().invoke(app, ["eval", *args])


@pytest.mark.parametrize("dataset, path, label, dated", [
    ("nerel", "nerel/dev.jsonl", "NEREL v1.1", "| NEREL v1.1 | dated | 1 (1 without a date) |"),
    ("nerel", "nerel", "NEREL v1.1", "| NEREL v1.1 | dated | 1 (1 without a date) |"),
    ("factrueval", "factrueval", "factRuEval-2016", "| factRuEval-2016 | dated |"),
])
def test_eval_actors_cli_prints_both_runs(dataset, path, label, dated):
    result = _eval(dataset, str(FIXTURES / path), "--task", "actors")
    assert result.exit_code == 0, result.output
    assert "task actors (undated, then dated)" in result.output
    for part in (HEAD, f"| {label} | undated | ", dated, "**Mentions by resolver rule**",
                 "| **all** |", "*(a) named people resolved to someone else*"):
        assert part in result.output, part


def test_eval_actors_cli_errors_list_each_run():
    result = _eval("nerel", str(FIXTURES / "nerel"), "--task", "actors", "--errors", "3")
    assert result.exit_code == 0, result.output
    for run in ("undated", "dated"):
        for measure in ("a", "b"):
            assert f"NEREL v1.1 {run}: " in result.output and f" ({measure}) offences" in result.output
    for line in result.output.splitlines():          # an offence is a line "ID:OFFSET [DATE] (a|b) ..."
        if line.startswith(("d1:", "d2:")):
            assert " (a) PER «" in line or " (b) " in line, line


def test_eval_actors_cli_nerel_other_tasks():
    result = _eval("nerel", str(FIXTURES / "nerel"), "--task", "entities")
    assert result.exit_code == 0, result.output
    assert "| PER | 5 |" in result.output
    result = _eval("nerel", str(FIXTURES / "nerel"), "--task", "meetings")
    assert "This dataset annotates no meetings." in result.output


def test_eval_actors_report_section(tmp_path):
    out = tmp_path / "quality.md"
    assert report_main([str(FIXTURES / "factrueval"), str(out), str(FIXTURES / "nerel")]) == 0
    section = out.read_text(encoding="utf-8").split("## Actors: is the wrong person named?", 1)[1]
    for part in (HEAD, "| factRuEval-2016 | undated |", "| factRuEval-2016 | dated |",
                 "| NEREL v1.1 | undated | 2 |", "| NEREL v1.1 | dated | 1 (1 without a date) |",
                 "| rule | factRuEval-2016 undated n | conf |", "*undated*: every document is given no date"):
        assert part in section, part


def test_eval_actors_report_without_nerel(tmp_path):
    out = tmp_path / "quality.md"
    assert report_main([str(FIXTURES / "factrueval"), str(out)]) == 0
    section = out.read_text(encoding="utf-8").split("## Actors", 1)[1]
    assert "NEREL not measured" in section and "| NEREL" not in section
    assert report_main([str(FIXTURES / "factrueval"), str(out), "/no/such.jsonl"]) == 2
