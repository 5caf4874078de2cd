"""Attitudes: the polarity rules of stances and events (tests/golden/attitude_polarity.txt, our own
sentences), the shipped model file (versioned, its sha checked, scores in [0, 1]), the document
decision and its evidence, and ``dyad eval rusentrel`` on RuSentRel's training split (../shared)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from conftest import GOLDEN, ROOT, SHARED, shared_file
from dyad.code import attitude_model as am
from dyad.code.attitude_records import own_side, votes
from dyad.pipeline import process
from dyad.types import ActorRef, Document, Fact, Span

RUSENTREL = SHARED / "eval-dev" / "rusentrel-train"
DATE = "2025-03-10"


def _cases():
    out = []
    for line in (GOLDEN / "attitude_polarity.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sentence, checks = line.split(" | ")
            out.append(pytest.param(sentence, [c.strip() for c in checks.split(";")], id=sentence[:40]))
    return out


def _has(record, check: str) -> bool:
    kind, pair, sign = check.lstrip("!").split()
    source, target = pair.split(">")
    if kind == "stance":
        polarity = "positive" if sign == "+" else "negative"
        return any(f.subject.id == source and (f.object.id if f.object else "-") == target
                   and f.attrs.get("polarity") == polarity for f in record.facts if f.kind == "stance")
    return any(a.source.id == source and a.target.id == target and a.polarity == sign
               and ("+stance" in a.rule or "+event" in a.rule) for a in record.attitudes)


@pytest.mark.parametrize("sentence, checks", _cases())
def test_code_attitudes_polarity_golden(sentence, checks):
    record = process(Document("golden", sentence, DATE, "ru"))
    for check in checks:
        assert _has(record, check) != check.startswith("!"), (check, [
            (f.subject.id, f.object.id if f.object else "-", f.attrs.get("polarity")) for f in record.facts],
            [(a.source.id, a.target.id, a.polarity, a.rule) for a in record.attitudes])


def test_code_attitudes_cite_every_sentence_that_counted():
    text = ("Вашингтон снова обвинил Тегеран в поддержке терроризма. Иран назвал обвинения США ложью. "
            "Власти Ирана пригрозили ответными мерами Вашингтону.")
    record = process(Document("d", text, DATE, "ru"))
    assert record.attitudes, "no attitude in three hostile sentences"
    for a in record.attitudes:
        assert a.polarity in ("pos", "neg") and 0 <= a.score <= 1 and a.evidence and a.rule.startswith("code.attitudes.v1")
        assert all(0 <= s.start < s.end <= len(text) for s in a.evidence)
        assert a.date == DATE and a.source.id != a.target.id
    usa_irn = [a for a in record.attitudes if (a.source.id, a.target.id) == ("USA", "IRN")]
    assert usa_irn and usa_irn[0].polarity == "neg"
    assert [a.id for a in record.attitudes] == [f"a{k}" for k in range(1, len(record.attitudes) + 1)]


def test_code_attitudes_votes_skip_negated_and_modal_events():
    from dataclasses import replace
    import records_for_api as R
    usa, irn = ActorRef("USA", "США", "country", "USA"), ActorRef("IRN", "Иран", "country", "IRN")
    text = "США осудили Иран."
    e = R.event(text, "e1", DATE, (usa,), (irn,), "111", 3, -2.0, "осудили", "DISAPPROVE")
    assert votes([e], [])[("USA", "IRN")].sign() == "neg"
    assert votes([replace(e, negated=True)], []) == {}
    assert votes([replace(e, modality="future")], []) == {}
    stance = Fact("f1", "stance", irn, usa, Span(0, 5), "facts.stance.support", attributes=(("polarity", "positive"),))
    assert votes([], [stance])[("IRN", "USA")].sign() == "pos"
    lavrov = ActorRef("sergey-lavrov", "Сергей Лавров", "person", "RUS")
    assert own_side(lavrov, ActorRef("RUS", "Россия", "country", "RUS"))
    assert not own_side(lavrov, usa)


def test_code_attitudes_model_file_is_versioned_and_checked(tmp_path):
    from dyad.lang import get_language
    path = Path(get_language("ru").attitude_model)
    body = json.loads(path.read_text(encoding="utf-8"))
    assert body["version"] == "attitudes.ru.v1" and len(body["meta"]["sha"]) == 16
    assert path.stat().st_size < 5_000_000
    model = am.load(path)
    assert model.sha == body["meta"]["sha"] and 0 < model.doc.threshold[0] < 1
    p = model.sentence.proba_many([{"order:st": 1.0, "cue_between:neg": 2.0}, {}], np.zeros((2, model.sentence.dim)))
    assert p.shape == (2, 3) and np.allclose(p.sum(axis=1), 1.0) and (p >= 0).all()
    body["doc"]["threshold"] = [0.01, 0.01]            # a changed file no longer matches its sha
    (tmp_path / "m.json").write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(ValueError, match="sha"):
        am.load(tmp_path / "m.json")
    # single lemmas and names, never text: no part of a feature is longer than a name (6 words)
    assert max(len(part.split()) for f in body["sentence"]["features"] for part in re.split("[=>:]", f)) <= 6


def test_code_attitudes_decide_keeps_thresholds():
    assert am.decide(np.array([0.5, 0.3, 0.2]), (0.25, 0.25)) == ("pos", 0.3)
    assert am.decide(np.array([0.5, 0.2, 0.3]), (0.25, 0.25)) == ("neg", 0.3)
    assert am.decide(np.array([0.8, 0.1, 0.1]), (0.25, 0.25))[0] is None


def test_eval_rusentrel_writes_opinion_files_and_scores(tmp_path):
    shared_file(RUSENTREL / "rusentrel.jsonl")
    from dyad.eval.rusentrel import run_cli
    result = run_cli(RUSENTREL, tmp_path, "train", 0)
    files = sorted(tmp_path.glob("art*.opin.txt"))
    assert len(files) == 42 and result["docs"] == 42
    lines = [ln for f in files for ln in f.read_text(encoding="utf-8").splitlines()]
    assert lines and all(ln.rsplit(", ", 1)[1] in ("pos", "neg") and ln.count(",") == 2 for ln in lines)
    assert 0.3 < result["f1"] <= 1.0        # the model was trained on these documents


def test_eval_rusentrel_refuses_a_directory_without_the_metric(tmp_path):
    from dyad.eval.rusentrel import load
    (tmp_path / "rusentrel.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="score.py"):
        load(tmp_path)


def test_train_attitudes_script_is_in_the_makefile():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "train-attitudes:" in makefile and "scripts/train_attitudes.py" in makefile
