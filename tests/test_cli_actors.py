"""`dyad actors search` and `dyad actors show`: what the knowledge base holds, by date."""
from __future__ import annotations

from typer.testing import CliRunner

from dyad.serve.cli import app

runner = CliRunner()


def test_cli_actors_search_finds_by_russian_and_english_name():
    out = runner.invoke(app, ["actors", "search", "Алиев"]).output
    assert "ilham-aliyev" in out and "heydar-aliyev" in out
    assert "SCO" in runner.invoke(app, ["actors", "search", "ШОС"]).output


def test_cli_actors_show_roles_on_both_sides_of_a_change():
    before = runner.invoke(app, ["actors", "show", "wang-yi", "--date", "2023-03-01"])
    after = runner.invoke(app, ["actors", "show", "wang-yi", "--date", "2023-09-01"])
    assert before.exit_code == after.exit_code == 0
    assert "role on 2023-03-01" not in before.output          # Qin Gang was foreign minister then
    assert "role on 2023-09-01: foreign_minister" in after.output
    assert "office: CHN foreign_minister 2013-03-16" in after.output


def test_cli_actors_show_unknown_is_a_usage_error():
    r = runner.invoke(app, ["actors", "show", "no-such-actor"])
    assert r.exit_code == 2
