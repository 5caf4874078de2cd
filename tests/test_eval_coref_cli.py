"""`dyad eval ... --task coref` and the report's coreference section, end to end on the fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.eval.report import main as report_main
from dyad.serve.cli import app

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "eval"


def _eval(*args: str):
    return CliRunner().invoke(app, ["eval", *args])


def test_eval_coref_cli_tables():
    result = _eval("factrueval", str(FIXTURES / "coref"), "--task", "coref")
    assert result.exit_code == 0, result.output
    for part in ("task coref", "| MUC |", "| B³ |", "Gold: 11 mentions in 6 chains (1 documents)",
                 "| pronoun | 0 |", "| description | 1 |", "| Dyad rule | Dyad links | not in gold |",
                 "*MUC*, *B³*: computed over the gold mentions only"):
        assert part in result.output, part


def test_eval_coref_cli_errors_show_links():
    result = _eval("factrueval", str(FIXTURES / "coref"), "--task", "coref", "--errors", "3")
    assert result.exit_code == 0, result.output
    assert "First 3 wrong links and first 3 missed gold links" in result.output
    heads = [line for line in result.output.splitlines() if line.startswith("book_7:")]
    assert len(heads) <= 6     # which links are wrong depends on the resolver's rules of the day
    for line in heads:
        assert " WRONG LINK «" in line or " MISSED LINK «" in line, line


@pytest.mark.parametrize("dataset, path", [("brat", "brat"), ("jsonl", "jsonl")])
def test_eval_coref_cli_datasets_without_chains(dataset, path):
    result = _eval(dataset, str(FIXTURES / path), "--task", "coref")
    assert result.exit_code == 0, result.output
    assert "This dataset annotates no coreference." in result.output


def test_eval_coref_report_section(tmp_path):
    out = tmp_path / "quality.md"
    assert report_main([str(FIXTURES / "coref"), str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    section = text.split("## Coreference", 1)[1]
    for part in ("| MUC |", "**Links by the gold mention's kind**", "**Links by Dyad's rule**",
                 "pronoun recall cannot be measured"):
        assert part in section, part
