"""Facts from the seed article (the issue's list), the helpers, and `dyad facts`."""
from __future__ import annotations

import pytest

from dyad.code.facts import compact, explain_facts, number
from dyad.types import Change, Fact, Period, Span, ActorRef


def _of(record, kind):
    return [f for f in record.facts if f.kind == kind]


def _ids(f):
    return f.subject.id, f.object.id if f.object else None


def test_facts_seed_turnover(seed_record):
    [f] = _of(seed_record, "trade_turnover")
    assert _ids(f) == ("AZE", "CHN")
    assert f.period == Period("2025-01-01", "2025-07-31")
    assert (f.value, f.unit, f.comparator) == (2.5e9, "USD", "=")
    assert f.change == Change("percent", 26.7, Period("2024-01-01", "2024-07-31"))
    assert f.rule == "facts.trade.turnover"


def test_facts_seed_export_and_import_directions(seed_record):
    [exp] = _of(seed_record, "export")
    assert _ids(exp) == ("AZE", "CHN")
    assert exp.period == Period("2025-01-01", "2025-07-31")
    assert (exp.value, exp.unit) == (53.3e6, "USD")
    assert exp.change.kind == "multiple" and exp.change.value == 4.5
    assert exp.change.baseline == Period("2024-01-01", "2024-07-31")
    assert "+period:carried" in exp.rule
    [imp] = _of(seed_record, "import")
    assert _ids(imp) == ("AZE", "CHN")          # AZE imports from CHN
    assert (imp.value, imp.unit, imp.comparator) == (2e9, "USD", ">")
    assert imp.period == Period("2025-01-01", "2025-07-31")
    assert "+unit:carried" in imp.rule and "+actor:context" in imp.rule


def test_facts_seed_rank(seed_record):
    [f] = _of(seed_record, "rank")
    assert _ids(f) == ("CHN", "AZE")
    assert f.attrs["rank"] == 1 and f.attrs["as"] == "supplier"


def test_facts_seed_memberships_checked_against_kb(seed_record):
    got = {(f.subject.id, f.object.id, f.attrs["status"], f.attrs["state"], f.attrs["kb"])
           for f in _of(seed_record, "membership")}
    assert got == {("AZE", "SCO", "dialogue_partner", "held", "agrees"),
                   ("AZE", "SCO", "observer", "applied", "agrees")}


def test_facts_seed_stance(seed_record):
    [f] = _of(seed_record, "stance")
    assert _ids(f) == ("AZE", "CHN")
    assert f.attrs["polarity"] == "positive"
    assert f.attrs["issues"] == ("territorial_integrity", "TWN", "HKG", "xinjiang")


def test_facts_seed_sectors(seed_record):
    sectors = set()
    for f in _of(seed_record, "sector"):
        assert {f.subject.id, f.object.id} == {"AZE", "CHN"}
        sectors.update(f.attrs["sectors"])
    assert {"energy", "renewables", "digital", "ai", "green_energy"} <= sectors


def test_facts_seed_evidence_and_rules(seed_record):
    text = seed_record.document.text
    assert len(seed_record.facts) == 9
    for f in seed_record.facts:
        ev = text[f.evidence.start:f.evidence.end]
        assert ev and ev == ev.strip(), f
        assert f.rule.startswith("facts."), f
        assert f.id.startswith("f")
    [imp] = _of(seed_record, "import")
    assert text[imp.evidence.start:imp.evidence.end].startswith("а импорт")


def test_facts_seed_to_json_shape(seed_record):
    d = _of(seed_record, "stance")[0].to_json()
    assert d["attributes"]["issues"] == ["territorial_integrity", "TWN", "HKG", "xinjiang"]
    assert set(d) >= {"id", "kind", "subject", "object", "period", "value", "unit", "comparator",
                      "change", "attributes", "evidence", "rule"}


def test_facts_explain_lines(seed_record):
    from dyad.pipeline import analysis_for
    doc = seed_record.document
    lines = explain_facts(doc, analysis_for(doc), seed_record.mentions)
    text = "\n".join(lines)
    assert "trade_turnover AZE>CHN" in text and "rule facts.trade.turnover" in text
    assert "cue «заявкой» -> applied" in text


@pytest.mark.parametrize("value, text", [(2.5e9, "2.5e9"), (53.3e6, "5.33e7"), (26.7, "26.7"),
                                         (0.5, "0.5"), (1 / 1.5, "0.666667"), (2e9, "2e9")])
def test_facts_number(value, text):
    assert number(value) == text


def test_facts_compact():
    aze = ActorRef("AZE", "Азербайджан", "country", "AZE")
    chn = ActorRef("CHN", "Китай", "country", "CHN")
    f = Fact("f1", "export", aze, chn, Span(0, 1), "r", Period("2025-01-01", "2025-07-31"),
             53.3e6, "USD", "=", Change("multiple", 4.5, Period("2024-01-01", "2024-07-31")))
    assert compact(f) == "export AZE>CHN 2025-01-01..2025-07-31 =5.33e7 USD x4.5/2024-01-01..2024-07-31"


@pytest.mark.parametrize("org, member, status, state, kb", [
    ("SCO", "AZE", "dialogue_partner", "held", "agrees"),
    ("SCO", "AZE", "observer", "applied", "agrees"),
    ("SCO", "AZE", "member", "held", "differs"),
    ("EU", "GBR", "member", "left", "agrees"),
    ("SCO", "BLR", "member", "granted", "agrees"),
    ("WTO", "xx-nowhere", "member", "applied", "unknown"),
])
def test_memberships_kb_check(org, member, status, state, kb):
    import datetime as dt
    from dyad.code.memberships import kb_check
    assert kb_check(org, member, status, state, dt.date(2025, 8, 31))[0] == kb


@pytest.mark.parametrize("text, sectors", [
    ("в сфере энергетики, ВИЭ, цифровых технологий и ИИ", ["energy", "renewables", "digital", "ai"]),
    ("в области зеленой энергетики", ["green_energy"]),
    ("атомной энергетики и сельского хозяйства", ["nuclear", "agriculture"]),
    ("придает дополнительную энергию", []),
])
def test_sectors_lexicon(text, sectors):
    from dyad.code.sectors import find_sectors
    assert [s for _, _, s in find_sectors(text)] == sectors


def test_facts_command_shows_figures_side_by_side(seed_path, tmp_path):
    from typer.testing import CliRunner
    from dyad.serve.cli import app
    other = tmp_path / "other.txt"
    other.write_text("date 2025-09-05\nЗа январь-июль 2025 года торговый оборот Азербайджана с Китаем "
                     "достиг 2,4 млрд долларов.\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'facts.db'}"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(seed_path), str(other), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["facts", "Азербайджан", "Китаем", "--kind", "trade_turnover", "--db", db],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.output
    assert "2 facts" in out and max(map(len, out.splitlines())) <= 200
    assert "2.5 bn" in out and "2.4 bn" in out
    assert "(1 of 2)" in out and "(2 of 2)" in out
    assert "+26.7%" in out
    bad = runner.invoke(app, ["facts", "AZE", "CHN", "--kind", "nonsense", "--db", db])
    assert bad.exit_code == 2
