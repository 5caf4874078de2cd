"""The attitude classifier's two small models and how a document's decision is made from them.

    sentence model   a pair of actors meeting in a sentence -> P(none), P(pos), P(neg)
                     (multinomial logistic regression over the language's pair features and the
                     navec vector of the words between them; :mod:`dyad.lang.ru.attitudes`)
    document model   a pair of actors of a document -> P(none), P(pos), P(neg), from what its
                     sentences say (:func:`pair_summary`): how many sentences, the mean and
                     strongest sentence probabilities each way, the reverse pair's, how often the
                     document names each side, whether the title does

The two are trained by ``scripts/train_attitudes.py`` (``make train-attitudes``) on RuSentRel's
training split and ship as one versioned JSON file (coefficients and the feature vocabulary,
no text). Scoring is numpy only: scikit-learn is needed to train, not to run.
"""
from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np

CLASSES = ("none", "pos", "neg")
FORMAT = 1


@dataclass(frozen=True)
class SentenceModel:
    """Two logistic regressions over the same features: whether the document holds an attitude
    of the pair (row 0), and, if it does, whether it is positive (row 1). A sentence's
    P(none, pos, neg) = (1 - a, a p, a (1 - p))."""
    vocab: dict[str, int]            # sparse feature name -> column
    coef: np.ndarray                 # (2, len(vocab) + dim)
    intercept: np.ndarray            # (2,)
    dim: int = 300                   # dense columns after the sparse ones (the navec vector)
    vector_scale: float = 1.0

    def proba(self, feats: dict[str, float], vector: np.ndarray | None) -> np.ndarray:
        return self.proba_many([feats], None if vector is None else vector[None, :])[0]

    def proba_many(self, feats: Sequence[dict[str, float]], vectors: np.ndarray | None) -> np.ndarray:
        """P(none, pos, neg) of each pair (rows)."""
        n = len(feats)
        if n == 0:
            return np.zeros((0, len(CLASSES)))
        scores = np.tile(self.intercept, (n, 1))
        sparse = self.coef[:, :len(self.vocab)]
        for row, f in enumerate(feats):
            cols = [(self.vocab[k], v) for k, v in f.items() if k in self.vocab]
            if cols:
                idx, val = zip(*cols)
                scores[row] += sparse[:, list(idx)] @ np.asarray(val)
        if vectors is not None and self.dim and self.coef.shape[1] > len(self.vocab):
            scores += (vectors * self.vector_scale) @ self.coef[:, len(self.vocab):].T
        a, p = sigmoid(scores[:, 0]), sigmoid(scores[:, 1])
        return np.stack([1 - a, a * p, a * (1 - p)], axis=1)


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


@dataclass(frozen=True)
class DocModel:
    names: tuple[str, ...]           # the pair summary's fields, in column order
    coef: np.ndarray                 # (classes, len(names))
    intercept: np.ndarray
    mean: np.ndarray                 # standardisation of the summary
    scale: np.ndarray
    threshold: tuple[float, float] = (0.5, 0.5)   # least P(pos), P(neg) that makes an attitude

    def proba(self, summary: dict[str, float]) -> np.ndarray:
        return self.proba_many([summary])[0]

    def proba_many(self, summaries: Sequence[dict[str, float]]) -> np.ndarray:
        if not summaries:
            return np.zeros((0, len(CLASSES)))
        x = (np.array([[s.get(n, 0.0) for n in self.names] for s in summaries]) - self.mean) / self.scale
        return softmax(x @ self.coef.T + self.intercept)


@dataclass(frozen=True)
class AttitudeModel:
    version: str
    sentence: SentenceModel
    doc: DocModel
    meta: dict = field(default_factory=dict)

    @property
    def sha(self) -> str:
        return self.meta.get("sha", "")


def softmax(scores: np.ndarray) -> np.ndarray:
    z = scores - scores.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


# --- the document's decision ---------------------------------------------------------------
SUMMARY = ("sentences", "mean_att", "max_att", "sum_att", "polarity", "mean_pos", "mean_neg", "max_pos", "max_neg", "sum_pos", "sum_neg",
           "rev_mean_pos", "rev_mean_neg", "rev_sentences", "source_freq", "target_freq",
           "source_top", "target_top", "source_title", "target_title", "source_first",
           "window", "first", "source_nom", "same_sentence",
           "source_LOC", "source_PER", "source_ORG", "target_LOC", "target_PER", "target_ORG")


@dataclass(frozen=True, slots=True)
class PairSentence:
    """One sentence where a pair meets, with the sentence model's P(none, pos, neg)."""
    sentence: int
    proba: tuple[float, float, float]
    source_first: bool


def pair_summary(own: Sequence[PairSentence], reverse: Sequence[PairSentence], source_freq: int,
                 target_freq: int, source_rank: int, target_rank: int, source_title: bool,
                 target_title: bool, extra: dict[str, float] | None = None) -> dict[str, float]:
    """The document model's input for one ordered pair (see :data:`SUMMARY`); ``extra``: the
    fields the caller reads off the document (window, first, types...)."""
    r = [s.proba for s in reverse] or [(0.0, 0.0, 0.0)]
    common = {
        "rev_sentences": math.log1p(len(reverse)),
        "rev_mean_pos": sum(x[1] for x in r) / len(r), "rev_mean_neg": sum(x[2] for x in r) / len(r),
        "source_freq": math.log1p(source_freq), "target_freq": math.log1p(target_freq),
        "source_top": float(source_rank < 3), "target_top": float(target_rank < 3),
        "source_title": float(source_title), "target_title": float(target_title),
    }
    if not own:                          # named near each other, never in one sentence
        return {**_NONE_SHARED, **common, **(extra or {})}
    p = [s.proba for s in own]
    pos, neg = [x[1] for x in p], [x[2] for x in p]
    att = [x + y for x, y in zip(pos, neg)]
    n = len(p)
    return {
        "sentences": math.log1p(len(own)),
        "mean_att": sum(att) / n, "max_att": max(att), "sum_att": math.log1p(sum(att)),
        "polarity": sum(x / max(y, 1e-9) for x, y in zip(pos, att)) / n,
        "mean_pos": sum(pos) / n, "mean_neg": sum(neg) / n, "max_pos": max(pos), "max_neg": max(neg),
        "sum_pos": math.log1p(sum(pos)), "sum_neg": math.log1p(sum(neg)),
        "source_first": sum(s.source_first for s in own) / len(own), "same_sentence": 1.0,
        **common, **(extra or {}),
    }


_NONE_SHARED = {"sentences": 0.0, "mean_att": 0.0, "max_att": 0.0, "sum_att": 0.0, "polarity": 0.0,
                "mean_pos": 0.0, "mean_neg": 0.0, "max_pos": 0.0, "max_neg": 0.0, "sum_pos": 0.0,
                "sum_neg": 0.0, "source_first": 0.0, "same_sentence": 0.0}


def decide(proba: np.ndarray, threshold: tuple[float, float]) -> tuple[str | None, float]:
    """(polarity or None, its probability) from the document model's P(none, pos, neg): the
    likelier of pos and neg when it reaches its threshold, else the other one if that does."""
    order = (1, 2) if proba[1] >= proba[2] else (2, 1)
    for k in order:
        if proba[k] >= threshold[k - 1]:
            return CLASSES[k], float(proba[k])
    return None, float(proba[order[0]])


# --- the file ------------------------------------------------------------------------------
def to_json(model: AttitudeModel) -> dict:
    s, d = model.sentence, model.doc
    vocab = sorted(s.vocab, key=s.vocab.get)
    body = {
        "format": FORMAT, "version": model.version, "classes": list(CLASSES),
        "sentence": {"features": vocab, "dim": s.dim, "vector_scale": s.vector_scale,
                     "coef": _rounded(s.coef), "intercept": _rounded(s.intercept)},
        "doc": {"names": list(d.names), "coef": _rounded(d.coef), "intercept": _rounded(d.intercept),
                "mean": _rounded(d.mean), "scale": _rounded(d.scale), "threshold": list(d.threshold)},
        "meta": {k: v for k, v in model.meta.items() if k != "sha"},
    }
    body["meta"]["sha"] = _sha(body)
    return body


def _rounded(a: np.ndarray):
    return np.round(np.asarray(a, dtype=float), 6).tolist()


def _sha(body: dict) -> str:
    clean = dict(body, meta={k: v for k, v in body["meta"].items() if k != "sha"})
    return hashlib.sha256(json.dumps(clean, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def from_json(body: dict) -> AttitudeModel:
    if body.get("format") != FORMAT:
        raise ValueError(f"attitude model format {body.get('format')!r}, expected {FORMAT}")
    s, d = body["sentence"], body["doc"]
    sentence = SentenceModel({k: i for i, k in enumerate(s["features"])}, np.array(s["coef"]),
                             np.array(s["intercept"]), s["dim"], s["vector_scale"])
    doc = DocModel(tuple(d["names"]), np.array(d["coef"]), np.array(d["intercept"]),
                   np.array(d["mean"]), np.array(d["scale"]), tuple(d["threshold"]))
    return AttitudeModel(body["version"], sentence, doc, dict(body.get("meta", {})))


def save(model: AttitudeModel, path: Path) -> str:
    body = to_json(model)
    path.write_text(json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return body["meta"]["sha"]


def load(path: Path) -> AttitudeModel:
    body = json.loads(path.read_text(encoding="utf-8"))
    model = from_json(body)
    if body["meta"].get("sha") != _sha(body):
        raise ValueError(f"{path}: the attitude model's sha does not match its content")
    return model
