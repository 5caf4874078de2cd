"""``dyad eval rusentrel DIR``: document-level attitudes on RuSentRel 1.1, scored by its own metric.

DIR is shaped like ``../shared/eval-dev/rusentrel-train``: ``rusentrel.jsonl`` (one document a
line, with its annotated entities and gold opinions), ``synonyms.json`` and ``score.py`` (the
official metric, loaded from DIR and never copied). The setting is RuSentRel's *extraction*: the
entities are given (each keyed by its synonym group, as the metric collapses them), Dyad's
attitude models (:mod:`dyad.code.attitudes`) predict the pos/neg pairs, one ``artN.opin.txt`` is
written per document (``source, target, pos|neg``, each side named as the document first writes
it) and the metric scores them.

``--cv K`` trains and scores by K-fold cross-validation over the documents instead (folds by
document order, nested: each training part fits both models and the threshold on its own
out-of-fold probabilities), which is how the training split's figures in docs/quality.md are made.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..code import attitude_model as am
from ..code.attitudes import PairDecision, Spot, candidates, decide_document

TYPES = {"GEOPOLIT": "LOC"}
MODEL_VERSION = "attitudes.ru.v1"


@dataclass(frozen=True)
class Dataset:
    path: Path
    docs: list[dict]
    metric: object                    # the score.py module of DIR
    synonyms: object                  # its Synonyms over synonyms.json


def load(path: Path, split: str = "all") -> Dataset:
    path = Path(path)
    for name in ("rusentrel.jsonl", "synonyms.json", "score.py"):
        if not (path / name).exists():
            raise FileNotFoundError(f"{path / name} is missing (a RuSentRel directory holds "
                                    "rusentrel.jsonl, synonyms.json and score.py)")
    spec = importlib.util.spec_from_file_location("rusentrel_score", path / "score.py")
    metric = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(metric)
    docs = [json.loads(line) for line in (path / "rusentrel.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    docs = [d for d in docs if split == "all" or d.get("split") == split]
    return Dataset(path, docs, metric, metric.Synonyms.from_json(str(path / "synonyms.json")))


def spots(doc: dict, synonyms) -> tuple[Spot, ...]:
    """The document's entities that the metric knows (by synonym group)."""
    out = []
    for e in doc["entities"]:
        group = synonyms.canonical(e["text"])
        if group is not None:
            out.append(Spot(e["start"], e["end"], group, TYPES.get(e["type"], e["type"]), group))
    return tuple(out)


def gold_pairs(doc: dict, synonyms) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for o in doc.get("opinions") or ():
        s, t = synonyms.canonical(o["source"]), synonyms.canonical(o["target"])
        if s is not None and t is not None and s != t:
            out.setdefault((s, t), o["polarity"])
    return out


def prepare(ds: Dataset, progress: bool = True):
    """Every document analysed, with its spots, candidates and gold (attitude_train.TrainDoc)."""
    from ..code.attitude_train import TrainDoc
    language = _russian()
    analyses = language.analyse_many([d["text"] for d in ds.docs], parse=False)
    out = []
    for d, analysis in zip(ds.docs, analyses):
        sp = spots(d, ds.synonyms)
        out.append(TrainDoc(d["id"], analysis, sp, tuple(candidates(analysis, sp, language)),
                            gold_pairs(d, ds.synonyms)))
    return out


def _russian():
    from ..lang import get_language
    return get_language("ru")


def names(doc: dict, synonyms) -> dict[str, str]:
    """Each group's name as the document first writes it (a name with a comma, which the
    opinion format cannot hold, gives way to a later one, else to the group's own name)."""
    out: dict[str, str] = {}
    for e in sorted(doc["entities"], key=lambda e: e["start"]):
        group = synonyms.canonical(e["text"])
        if group is not None and "," not in e["text"]:
            out.setdefault(group, " ".join(e["text"].split()))
        elif group is not None and "," not in group:
            out.setdefault(group, group)
    return out


def opinion_lines(doc: dict, synonyms, decisions: Sequence[PairDecision]) -> list[str]:
    shown = names(doc, synonyms)
    return [f"{shown[d.source]}, {shown[d.target]}, {d.polarity}"
            for d in sorted(decisions, key=lambda d: (-d.score, d.source, d.target))
            if d.polarity and d.source in shown and d.target in shown]


def metric_score(ds: Dataset, docs: Sequence[dict], decisions: Sequence[Sequence[PairDecision]]) -> dict:
    gold = {d["doc_id"]: [(o["source"], o["target"], o["polarity"]) for o in d.get("opinions") or ()] for d in docs}
    pred = {}
    for d, dec in zip(docs, decisions):
        pred[d["doc_id"]] = [tuple(x.strip() for x in line.split(",")) for line in opinion_lines(d, ds.synonyms, dec)]
    return ds.metric.score(gold, pred, ds.synonyms.group)


def write(out: Path, docs: Sequence[dict], synonyms, decisions: Sequence[Sequence[PairDecision]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for d, dec in zip(docs, decisions):
        lines = opinion_lines(d, synonyms, dec)
        (out / f"art{d['doc_id']}.opin.txt").write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def predict(ds: Dataset, model: am.AttitudeModel) -> list[list[PairDecision]]:
    language = _russian()
    analyses = language.analyse_many([d["text"] for d in ds.docs], parse=False)
    return [decide_document(model, a, spots(d, ds.synonyms), language) for d, a in zip(ds.docs, analyses)]


def cross_validate(ds: Dataset, k: int = 5, prepared=None, settings=None) -> tuple[dict, list[list[PairDecision]]]:
    """Nested K-fold cross-validation over the documents: the metric over all held-out folds
    (each document scored once, by models that never saw it) and the decisions."""
    from ..code import attitude_train as tr
    docs = prepared if prepared is not None else prepare(ds)
    s = settings or tr.Settings()
    decisions: list[list[PairDecision]] = [[] for _ in docs]
    for fold in tr.folds(len(docs), k):
        held = set(fold)
        train = [d for i, d in enumerate(docs) if i not in held]
        train_raw = [d for i, d in enumerate(ds.docs) if i not in held]
        model = tr.fit(train, s, lambda dec: metric_score(ds, train_raw, dec)["f1"], MODEL_VERSION)
        for i in fold:
            summ = tr.doc_summaries(model.sentence, docs[i])
            decisions[i] = tr.decisions_at(model.doc, [summ], model.doc.threshold)[0]
    return metric_score(ds, ds.docs, decisions), decisions


def train(ds: Dataset, prepared=None, settings=None) -> am.AttitudeModel:
    from ..code import attitude_train as tr
    docs = prepared if prepared is not None else prepare(ds)
    return tr.fit(docs, settings or tr.Settings(), lambda dec: metric_score(ds, ds.docs, dec)["f1"],
                  MODEL_VERSION, {"trained_on": "RuSentRel 1.1 train split (42 documents)"})


def figures(result: dict) -> str:
    return (f"P {100 * (result['pos_prec'] + result['neg_prec']) / 2:.1f}  "
            f"R {100 * (result['pos_recall'] + result['neg_recall']) / 2:.1f}  F1 {100 * result['f1']:.1f}  "
            f"(pos P/R {100 * result['pos_prec']:.1f}/{100 * result['pos_recall']:.1f}, "
            f"neg P/R {100 * result['neg_prec']:.1f}/{100 * result['neg_recall']:.1f}; {result['docs']} documents)")


def run_cli(path: Path, out: Path | None, docs: str, cv: int) -> dict:
    """What ``dyad eval rusentrel`` does; returns the metric's figures."""
    ds = load(path, docs)
    if not ds.docs:
        raise SystemExit(f"no {docs} documents in {path}")
    if cv:
        result, decisions = cross_validate(ds, cv)
    else:
        from ..code.attitudes import model_for
        decisions = predict(ds, model_for(_russian().attitude_model))
        result = metric_score(ds, ds.docs, decisions)
    if out is not None:
        write(out, ds.docs, ds.synonyms, decisions)
    if not any(d.get("opinions") for d in ds.docs):
        print("no gold opinions in these documents: the opinion files are written, nothing is scored",
              file=sys.stderr)
    print(json.dumps(result, indent=1), file=sys.stdout)
    print(("cross-validated " if cv else "") + figures(result), file=sys.stderr)
    return result
