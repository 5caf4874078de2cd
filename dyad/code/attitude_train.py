"""Training the attitude models (scikit-learn; only ``make train-attitudes`` and ``dyad eval
rusentrel --cv`` import this module).

A training document is its candidates (:func:`dyad.code.attitudes.candidates`), each labelled
with the document's gold polarity of its ordered pair (none when the gold has no attitude for
it): the sentence model learns what a sentence says of a pair from the document's verdict on it.
The document model learns from sentence probabilities the sentence model gives documents it was
not trained on (out of fold), so it sees the sentence model's errors as they will be; its
threshold is the one that scores best on those same out-of-fold documents.
Everything is deterministic: folds by document order, fixed seeds, a deterministic solver.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from . import attitude_model as am
from .attitudes import Candidate, PairDecision, summaries
from ..lang.types import Analysis

LABEL = {None: 0, "pos": 1, "neg": 2}
SEED = 13
MIN_COUNT = 3              # a sparse feature seen in fewer training pairs is dropped
THRESHOLDS = tuple(round(0.05 + 0.025 * i, 3) for i in range(19))    # 0.05 .. 0.50


@dataclass(frozen=True)
class TrainDoc:
    id: str
    analysis: Analysis
    spots: tuple
    candidates: tuple[Candidate, ...]
    gold: dict                 # (source key, target key) -> pos | neg


@dataclass(frozen=True)
class Settings:
    C: float = 0.1
    polarity_C: float = 0.3
    doc_C: float = 0.03
    vector_scale: float = 0.0
    inner_folds: int = 5


def folds(n: int, k: int) -> list[list[int]]:
    """Document indexes of ``k`` folds, round robin in document order."""
    return [[i for i in range(n) if i % k == f] for f in range(k)]


def fit_sentence(docs: Sequence[TrainDoc], s: Settings) -> am.SentenceModel:
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression
    cands = [c for d in docs for c in d.candidates]
    labels = np.array([LABEL[d.gold.get((c.source, c.target))] for d in docs for c in d.candidates])
    counts: dict[str, int] = {}
    for c in cands:
        for k in c.features:
            counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, n in counts.items() if n >= MIN_COUNT)
    vocab = {k: i for i, k in enumerate(names)}
    rows, cols, vals = [], [], []
    for r, c in enumerate(cands):
        for k, v in c.features.items():
            j = vocab.get(k)
            if j is not None:
                rows.append(r)
                cols.append(j)
                vals.append(v)
    x_sparse = sparse.csr_matrix((vals, (rows, cols)), shape=(len(cands), len(vocab)))
    dim = cands[0].vector.shape[0] if cands and cands[0].vector is not None else 300
    if s.vector_scale:
        dense = np.vstack([c.vector for c in cands]) * s.vector_scale
        x = sparse.hstack([x_sparse, sparse.csr_matrix(dense)]).tocsr()
    else:
        x = x_sparse
    att = LogisticRegression(C=s.C, max_iter=3000, random_state=SEED).fit(x, labels > 0)
    held = labels > 0
    pol = LogisticRegression(C=s.polarity_C, max_iter=3000, random_state=SEED).fit(x[held], labels[held] == 1)
    coef = np.vstack([att.coef_[0], pol.coef_[0]])
    intercept = np.array([att.intercept_[0], pol.intercept_[0]])
    if not s.vector_scale:
        coef = np.hstack([coef, np.zeros((2, dim))])
    return am.SentenceModel(vocab, coef, intercept, dim, s.vector_scale)


def _by_class(clf, coef, intercept):
    """Rows in the order of :data:`CLASSES` (a class absent from training gets -inf-like)."""
    out_c = np.zeros((3, coef.shape[1]))
    out_i = np.full(3, -30.0)
    for row, label in enumerate(clf.classes_):
        out_c[label] = coef[row]
        out_i[label] = intercept[row]
    return out_c, out_i


def oof_decisions(docs: Sequence[TrainDoc], s: Settings) -> list[dict]:
    """Per document, the pair summaries from a sentence model trained on the other folds."""
    out: list[dict] = [{} for _ in docs]
    for fold in folds(len(docs), s.inner_folds):
        held = set(fold)
        model = fit_sentence([d for i, d in enumerate(docs) if i not in held], s)
        for i in fold:
            out[i] = doc_summaries(model, docs[i])
    return out


def doc_summaries(model: am.SentenceModel, d: TrainDoc) -> dict:
    cands = list(d.candidates)
    dense = None if not cands or any(c.vector is None for c in cands) else np.vstack([c.vector for c in cands])
    probas = model.proba_many([c.features for c in cands], dense)
    return summaries(d.analysis, d.spots, cands, probas)


def fit_doc(docs: Sequence[TrainDoc], summ: Sequence[dict], s: Settings,
            score: Callable[[list[list[PairDecision]]], float]) -> am.DocModel:
    from sklearn.linear_model import LogisticRegression
    names = am.SUMMARY
    xs, ys = [], []
    for d, per in zip(docs, summ):
        for pair, (summary, _) in per.items():
            xs.append([summary[n] for n in names])
            ys.append(LABEL[d.gold.get(pair)])
    x = np.array(xs)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=s.doc_C, max_iter=3000, random_state=SEED)
    clf.fit((x - mean) / scale, np.array(ys))
    coef, intercept = _by_class(clf, clf.coef_, clf.intercept_)
    doc = am.DocModel(tuple(names), coef, intercept, mean, scale)
    same = max(THRESHOLDS, key=lambda t: (score(decisions_at(doc, summ, (t, t))), -t))
    return am.DocModel(doc.names, coef, intercept, mean, scale, (same, same))


def decisions_at(doc: am.DocModel, summ: Sequence[dict], threshold: tuple[float, float]) -> list[list[PairDecision]]:
    out = []
    for per in summ:
        rows = []
        for ((src, tgt), (summary, own)), p in zip(per.items(), doc.proba_many([v[0] for v in per.values()])):
            polarity, sc = am.decide(p, threshold)
            rows.append(PairDecision(src, tgt, polarity, sc, tuple(float(v) for v in p), own, summary))
        out.append(rows)
    return out


def fit(docs: Sequence[TrainDoc], s: Settings, score: Callable[[list[list[PairDecision]]], float],
        version: str, meta: dict | None = None) -> am.AttitudeModel:
    """Both models on ``docs``: the document model and its threshold from out-of-fold sentence
    probabilities, the sentence model on every document."""
    summ = oof_decisions(docs, s)
    doc = fit_doc(docs, summ, s, score)
    sentence = fit_sentence(docs, s)
    info = {"C": s.C, "polarity_C": s.polarity_C, "doc_C": s.doc_C, "vector_scale": s.vector_scale, "inner_folds": s.inner_folds,
            "min_count": MIN_COUNT, "seed": SEED, "documents": len(docs)}
    return am.AttitudeModel(version, sentence, doc, dict(info, **(meta or {})))
