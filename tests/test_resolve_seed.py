"""The seed article's mentions against a golden file: one line per mention (offsets, surface, type,
actor), so a change shows as a readable diff. Regenerate after a deliberate change with
``DYAD_REGEN=1 pytest tests/test_resolve_seed.py``.
"""
from __future__ import annotations

import difflib

from conftest import GOLDEN, REGEN

GOLDEN_FILE = GOLDEN / "seed_mentions.txt"


def mention_line(m: dict) -> str:
    actor = m["actor"] or {}
    return "\t".join(str(x) for x in (
        m["start"], m["end"], m["text"], m["type"], actor.get("id"), actor.get("kind"),
        actor.get("country"), actor.get("role"), m.get("rule")))


def test_resolve_seed_golden(seed_record):
    record = seed_record.to_json()
    lines = [mention_line(m) for m in record["mentions"]]
    if REGEN:
        GOLDEN_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = GOLDEN_FILE.read_text(encoding="utf-8").splitlines()
    diff = list(difflib.unified_diff(expected, lines, "expected", "actual", lineterm=""))
    assert not diff, "\n".join(diff)


def test_resolve_seed_offsets_cite_text(seed_record):
    text = seed_record.document.text
    for m in seed_record.mentions:
        assert text[m.start:m.end] == m.text


def _norm(word: str) -> str:
    return word.lower()


def test_resolve_seed_required_actors(seed_record):
    """Every form of the two countries, their capitals, КНР and the two leaders resolves."""
    text = seed_record.document.text
    by_span = {(m.start, m.end): m for m in seed_record.mentions}
    import re
    wanted = {
        r"Азербайджан\w*": ("AZE", "country"), r"Кита(?:й|я|ю|ем|е)\b": ("CHN", "country"),
        r"КНР": ("CHN", None), r"Баку\b": ("AZE", "country"), r"Пекин\w*": ("CHN", "country"),
    }
    for pattern, (country, kind) in wanted.items():
        for match in re.finditer(pattern, text):
            hits = [m for (s, e), m in by_span.items() if s <= match.start() < e and m.actor]
            assert hits, f"{match.group()} at {match.start()} is not resolved"
            assert hits[0].actor.country == country, (match.group(), hits[0].actor)
    for pattern, person, country in ((r"Ильхам\w* Алиев\w*", "ilham-aliyev", "AZE"),
                                     (r"Си Цзиньпин\w*", "xi-jinping", "CHN")):
        found = list(re.finditer(pattern, text))
        assert found
        for match in found:
            hits = [m for (s, e), m in by_span.items() if s <= match.start() < e and m.actor
                    and m.actor.kind == "person"]
            assert hits, f"{match.group()} at {match.start()} is not resolved to a person"
            actor = hits[0].actor
            assert (actor.id, actor.country, actor.role) == (person, country, "head_of_state")
