"""README and --help stay true to the code: every command is documented, every doc page exists."""
from __future__ import annotations

import re

from conftest import ROOT
from dyad.serve.cli import actors_app, app


def _commands(typer_app) -> set[str]:
    import typer.main
    group = typer.main.get_command(typer_app)
    return set(group.commands)


def test_docs_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in _commands(app) - {"actors"}:
        assert f"`dyad {name}" in readme, f"dyad {name} is not in README.md"
    for name in _commands(actors_app):
        assert f"dyad actors {name}" in readme


def test_docs_readme_opens_with_make_run_and_make_test():
    head = (ROOT / "README.md").read_text(encoding="utf-8").split("##", 1)[0]
    assert "make run" in head and "make test" in head


def test_docs_linked_pages_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for link in re.findall(r"\]\(([^)#]+)\)", readme):
        if not link.startswith("http"):
            assert (ROOT / link).exists(), link


def test_docs_ci_calls_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
