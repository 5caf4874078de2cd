"""Precision, recall and F1 per type and micro-averaged, for exact and for overlapping spans.

Alignment is one-to-one. A predicted mention may match a gold mention when its type is one the
gold accepts (:func:`GoldMention.types`) and

- ``exact``: its (start, end) is one of the gold's extents (the whole mention, or its name without
  descriptors);
- ``overlap``: it shares at least one character with the gold's fragments.

Candidate pairs are taken greedily: counted gold mentions before ignored ones, then by the share of
characters in common (Jaccard), then by position. Each hit counts under the gold's type; a false
hit counts under its own type; a prediction that matched an ignored gold mention (unnamed or
nested) counts nowhere.
"""
from __future__ import annotations

from dataclasses import dataclass

from .gold import TYPES, GoldMention

MODES = ("exact", "overlap")
MICRO = "micro"


@dataclass(frozen=True, slots=True)
class Predicted:
    start: int
    end: int
    type: str
    text: str = ""
    rule: str | None = None


@dataclass(frozen=True, slots=True)
class Counts:
    tp: int = 0
    gold: int = 0
    pred: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.gold + other.gold, self.pred + other.pred)

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Alignment:
    hits: tuple[tuple[GoldMention, Predicted], ...] = ()
    misses: tuple[GoldMention, ...] = ()     # counted gold mentions nothing matched
    false: tuple[Predicted, ...] = ()        # predictions that matched nothing
    neutral: tuple[tuple[GoldMention, Predicted], ...] = ()   # matched an ignored gold mention


def similarity(gold: GoldMention, pred: Predicted, mode: str) -> float:
    """0 when ``pred`` cannot match ``gold`` in this mode, else the Jaccard share of characters."""
    if pred.type not in gold.types():
        return 0.0
    cover = gold.coverage()
    common = sum(1 for i in range(pred.start, pred.end) if i in cover)
    if mode == "exact" and (pred.start, pred.end) not in gold.extents():
        return 0.0
    if mode == "exact":
        return 1.0
    if mode != "overlap":
        raise ValueError(f"unknown matching mode {mode!r}")
    return common / len(cover | set(range(pred.start, pred.end))) if common else 0.0


def align(gold: tuple[GoldMention, ...] | list[GoldMention], pred: tuple[Predicted, ...] | list[Predicted],
          mode: str = "exact") -> Alignment:
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if p.end <= g.start or p.start >= g.end:
                continue
            s = similarity(g, p, mode)
            if s > 0:
                pairs.append((not g.scored, -s, g.start, p.start, gi, pi))
    pairs.sort()
    gold_used: dict[int, int] = {}
    pred_used: set[int] = set()
    for *_, gi, pi in pairs:
        if gi in gold_used or pi in pred_used:
            continue
        gold_used[gi] = pi
        pred_used.add(pi)
    hits = tuple((gold[gi], pred[pi]) for gi, pi in sorted(gold_used.items()) if gold[gi].scored)
    neutral = tuple((gold[gi], pred[pi]) for gi, pi in sorted(gold_used.items()) if not gold[gi].scored)
    misses = tuple(g for gi, g in enumerate(gold) if g.scored and gi not in gold_used)
    false = tuple(p for pi, p in enumerate(pred) if pi not in pred_used)
    return Alignment(hits, misses, false, neutral)


def count(alignment: Alignment, rows: tuple[str, ...] = TYPES) -> dict[str, Counts]:
    """Counts per type (rows) and micro-averaged (``micro``)."""
    out = {row: Counts() for row in rows}
    for g, _ in alignment.hits:
        out[g.type] = out[g.type] + Counts(1, 1, 1)
    for g in alignment.misses:
        out[g.type] = out[g.type] + Counts(0, 1, 0)
    for p in alignment.false:
        out[p.type] = out.get(p.type, Counts()) + Counts(0, 0, 1)
    out[MICRO] = sum((out[r] for r in out), Counts())
    return out


def add(a: dict[str, Counts], b: dict[str, Counts]) -> dict[str, Counts]:
    return {k: a.get(k, Counts()) + b.get(k, Counts()) for k in dict.fromkeys([*a, *b])}
