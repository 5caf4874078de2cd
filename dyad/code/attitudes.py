"""Attitudes: who is for and who is against whom in a document, from what its sentences say.

    spots (the actors' mentions) --candidates--> every ordered pair of actors meeting in a sentence
      --sentence model--> P(none, pos, neg) per sentence --pair summary--> document model
      --threshold--> one attitude per ordered pair: polarity, score, the sentences that counted

A *spot* is a mention with the key of what it names (an actor id in the pipeline, an entity
group in ``dyad eval rusentrel``). In a sentence with several mentions of the same two keys, the
nearest two stand for the pair. The models are :mod:`dyad.code.attitude_model`'s; the features
are the language's (:meth:`dyad.lang.base.Language.attitude_features`).
"""
from __future__ import annotations

import bisect
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np

from ..lang.types import Analysis, Side
from . import attitude_model as am

MODEL_ID = "code.attitudes.v1"


@dataclass(frozen=True, slots=True)
class Spot:
    start: int
    end: int
    key: str
    type: str                        # PER, ORG, LOC (the mention's NER type or the actor's kind)
    name: str = ""                   # what the actor is called (lowercase): a learned prior of its own


@dataclass(frozen=True)
class Candidate:
    sentence: int                    # index in the analysis
    source: str
    target: str
    source_spot: Spot
    target_spot: Spot
    features: dict
    vector: np.ndarray | None


@dataclass(frozen=True)
class PairDecision:
    """What the document model made of one ordered pair."""
    source: str
    target: str
    polarity: str | None             # pos | neg | None (no attitude)
    score: float                     # P(polarity), or of the likelier one when None
    proba: tuple[float, float, float]
    sentences: tuple[am.PairSentence, ...]
    summary: dict


def _sides(sent, spots: Sequence[Spot]) -> list[tuple[Spot, Side]]:
    out = []
    for spot in spots:
        idx = [i for i, t in enumerate(sent.tokens) if t.start < spot.end and spot.start < t.end]
        if idx:
            out.append((spot, Side(idx[0], idx[-1], spot.type)))
    return out


def candidates(analysis: Analysis, spots: Sequence[Spot], language, vectors: bool = True) -> list[Candidate]:
    """Every ordered pair of distinct keys meeting in a sentence, with its features (and the
    dense vector when ``vectors``: a model that reads none is spared computing it)."""
    out: list[Candidate] = []
    spots = sorted(spots, key=lambda s: (s.start, s.end))
    k = 0
    for si, sent in enumerate(analysis.sentences):
        while k < len(spots) and spots[k].start < sent.start:
            k += 1
        j = k
        inside = []
        while j < len(spots) and spots[j].start < sent.end:
            inside.append(spots[j])
            j += 1
        sides = _sides(sent, inside)
        if len({s.key for s, _ in sides}) < 2:
            continue
        best: dict[tuple[str, str], tuple[int, int, int]] = {}
        for a, (sa, xa) in enumerate(sides):
            for b, (sb, xb) in enumerate(sides):
                if sa.key == sb.key:
                    continue
                gap = abs(xa.first - xb.first)
                key = (sa.key, sb.key)
                if key not in best or gap < best[key][0]:
                    best[key] = (gap, a, b)
        every = tuple(x for _, x in sides)      # one sequence for the sentence's pairs
        for (src, tgt), (_, a, b) in best.items():
            sa, xa = sides[a]
            sb, xb = sides[b]
            feats, vector = language.attitude_features(sent, xa, xb, every, vector=vectors)
            feats = dict(feats, **_names(sa, sb))
            out.append(Candidate(si, src, tgt, sa, sb, feats, vector))
    return out


def _names(source: Spot, target: Spot) -> dict[str, float]:
    """The actors' own names as features: who they are is part of what a text says of them."""
    if not source.name or not target.name:
        return {}
    return {"src=" + source.name: 1.0, "tgt=" + target.name: 1.0,
            "pair=" + source.name + ">" + target.name: 1.0}


def sentence_probas(model: am.AttitudeModel, cands: Sequence[Candidate]) -> np.ndarray:
    if not cands:
        return np.zeros((0, 3))
    dense = None if any(c.vector is None for c in cands) else np.vstack([c.vector for c in cands])
    return model.sentence.proba_many([c.features for c in cands], dense)


WINDOW = 1                 # sentences either side in which two actors still count as near


def summaries(analysis: Analysis, spots: Sequence[Spot], cands: Sequence[Candidate],
              probas: np.ndarray) -> dict[tuple[str, str], tuple[dict, tuple[am.PairSentence, ...]]]:
    """Per ordered pair: the document model's input and the sentences where the pair meets.
    Pairs that never share a sentence but are named within :data:`WINDOW` sentences of each
    other are there too, with no sentence of their own."""
    freq = Counter(s.key for s in spots)
    rank = {key: i for i, (key, _) in enumerate(freq.most_common())}
    title_end = analysis.sentences[0].end if analysis.sentences else 0
    in_title = {s.key for s in spots if s.start < title_end}
    kind = {}
    for s in spots:
        kind.setdefault(s.key, s.type)
    keys_at = _keys_by_sentence(analysis, spots)
    n = max(len(analysis.sentences), 1)
    by_pair: dict[tuple[str, str], list[am.PairSentence]] = {}
    nom: dict[tuple[str, str], list[float]] = {}
    for c, p in zip(cands, probas):
        by_pair.setdefault((c.source, c.target), []).append(
            am.PairSentence(c.sentence, tuple(float(x) for x in p), c.source_spot.start < c.target_spot.start))
        nom.setdefault((c.source, c.target), []).append(c.features.get("src_case:Nom", 0.0))
    window: Counter = Counter()
    first: dict[tuple[str, str], int] = {}
    for i, here in enumerate(keys_at):
        near = set().union(*keys_at[max(i - WINDOW, 0):i + WINDOW + 1])
        for a in here:
            for b in near:
                if a != b:
                    window[(a, b)] += 1
                    first.setdefault((a, b), i)
    out = {}
    for (src, tgt) in window:
        own = by_pair.get((src, tgt), [])
        extra = {"window": math.log1p(window[(src, tgt)]), "first": first[(src, tgt)] / n,
                 "source_nom": sum(nom[(src, tgt)]) / len(nom[(src, tgt)]) if own else 0.0}
        for side, key in (("source", src), ("target", tgt)):
            for t in ("LOC", "PER", "ORG"):
                extra[f"{side}_{t}"] = float(kind.get(key) == t)
        summary = am.pair_summary(own, by_pair.get((tgt, src), ()), freq[src], freq[tgt],
                                  rank[src], rank[tgt], src in in_title, tgt in in_title, extra)
        out[(src, tgt)] = (summary, tuple(own))
    return out


def _keys_by_sentence(analysis: Analysis, spots: Sequence[Spot]) -> list[set[str]]:
    starts = [s.start for s in analysis.sentences]
    out: list[set[str]] = [set() for _ in analysis.sentences]
    for spot in spots:
        i = bisect.bisect_right(starts, spot.start) - 1
        if 0 <= i < len(out):
            out[i].add(spot.key)
    return out


def decide_document(model: am.AttitudeModel, analysis: Analysis, spots: Sequence[Spot], language,
                    threshold: float | None = None) -> list[PairDecision]:
    """Every ordered pair that meets in a sentence, with the document model's decision."""
    cands = candidates(analysis, spots, language, vectors=bool(model.sentence.vector_scale))
    probas = sentence_probas(model, cands)
    limit = model.doc.threshold if threshold is None else threshold
    out = []
    per = summaries(analysis, spots, cands, probas)
    for ((src, tgt), (summary, own)), p in zip(per.items(), model.doc.proba_many([v[0] for v in per.values()])):
        polarity, score = am.decide(p, limit)
        out.append(PairDecision(src, tgt, polarity, score, tuple(float(x) for x in p), own, summary))
    return out


def evidence_sentences(decision: PairDecision, limit: int = 5) -> tuple[am.PairSentence, ...]:
    """The sentences that counted for a decision: those whose own likelier polarity is the
    decision's, strongest first (at most ``limit``), else the strongest one."""
    if decision.polarity is None:
        return ()
    k = 1 if decision.polarity == "pos" else 2
    agree = [s for s in decision.sentences if s.proba[k] >= max(s.proba[0], s.proba[3 - k]) or
             s.proba[k] >= 0.3]
    chosen = sorted(agree or decision.sentences, key=lambda s: -s.proba[k])
    return tuple(sorted(chosen[:limit] if agree else chosen[:1], key=lambda s: s.sentence))


@lru_cache(maxsize=4)
def model_for(path: str) -> am.AttitudeModel:
    from pathlib import Path
    return am.load(Path(path))
