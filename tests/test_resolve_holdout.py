"""Held-out resolution: tests/golden/resolve_holdout.tsv, dated sentences written for Dyad and
labelled before the resolver was run on them (leaders by name and by title on both sides of a
change of office, adjective + title, capitals as metonyms, adjectives, organisations, cities,
hyphenated compounds).

A line is right when the longest resolved mention covering the fragment's first character has the
expected actor id and role (``-``: none). The share right must stay at or above FLOOR; a failure
prints one line per miss. Report: ``python -m pytest tests/test_resolve_holdout.py -s``.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from conftest import GOLDEN

FLOOR = 0.97


@dataclass
class Line:
    n: int
    date: str
    sentence: str
    fragment: str
    actor: str
    role: str | None


def read_holdout(path=GOLDEN / "resolve_holdout.tsv") -> list[Line]:
    out = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        date, sentence, fragment, actor, role = raw.split("\t")
        assert fragment in sentence, f"resolve_holdout.tsv:{n}: {fragment!r} not in the sentence"
        out.append(Line(n, date, sentence, fragment, actor, None if role == "-" else role))
    return out


def resolve_line(line: Line) -> tuple[str | None, str | None, str]:
    """(actor id, role, rule) of the longest resolved mention covering the fragment's start."""
    from dyad.lang.ru.nlp import analyse
    from dyad.resolve.actors import resolve_mentions
    mentions = resolve_mentions(analyse(line.sentence, parse=False), line.date)
    at = line.sentence.index(line.fragment)
    hits = [m for m in mentions if m.start <= at < m.end and m.actor]
    if not hits:
        return None, None, "-"
    m = max(hits, key=lambda m: m.end - m.start)
    return m.actor.id, m.actor.role, f"{m.rule} «{m.text}»"


def report(lines: list[Line], results) -> tuple[int, str]:
    right, out = 0, []
    for line, (actor, role, rule) in zip(lines, results):
        if actor == line.actor and role == line.role:
            right += 1
            continue
        out.append(f"resolve_holdout.tsv:{line.n} [{line.date}] {line.sentence} «{line.fragment}»\n"
                   f"  - {line.actor} {line.role or '-'}\n  + {actor} {role or '-'} ({rule})")
    return right, "\n".join(out)


@pytest.fixture(scope="module")
def holdout():
    lines = read_holdout()
    return lines, [resolve_line(x) for x in lines]


def test_resolve_holdout_file_is_readable():
    lines = read_holdout()
    assert len(lines) >= 80


def test_resolve_holdout_accuracy(holdout):
    lines, results = holdout
    right, diff = report(lines, results)
    rate = right / len(lines)
    print(f"\nresolve holdout: {right}/{len(lines)} right ({rate:.1%})\n{diff}")
    assert rate >= FLOOR, f"{right}/{len(lines)} = {rate:.1%} < {FLOOR:.0%}\n{diff}"
