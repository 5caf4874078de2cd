"""Features of a pair of actors that meet in a sentence, for the attitude classifier
(:mod:`dyad.code.attitudes`, ``attitudes.ru.v1``).

A pair is the token ranges of its source and target mentions in one sentence. Its features are
sparse (name -> value): the lemmas between the two mentions and a few either side, the cues of
``data/attitude_cues.tsv`` (pos/neg words, a negation flipping the next cue, speech verbs),
which mention comes first, their distance, the other mentions between them, the mentions' NER
types and cases; and dense: navec's mean vector of the words between the two (natasha's news
embeddings, the ones the NLP models read).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from ..types import Sentence, Side

CUES_PATH = Path(__file__).parent / "data" / "attitude_cues.tsv"
SIDE = 5                 # lemmas either side of the pair
MAX_BETWEEN = 25         # lemmas between the two mentions that count (the nearest to each)
DIST_BUCKETS = (1, 2, 3, 5, 8, 12, 20)
SKIP_POS = {"PUNCT"}
KEEP_PUNCT = {"—", "-", ":", "«", "»", "(", ")", "?", "!", ";"}
VERSION = "attitudes.ru.v1"


@lru_cache(maxsize=1)
def cues() -> dict[str, str]:
    out = {}
    for line in CUES_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        lemma, cls, _ = line.split("\t")
        out[lemma] = cls
    return out


def _bucket(n: int) -> str:
    for b in DIST_BUCKETS:
        if n <= b:
            return str(b)
    return "more"


def _lemma(tok) -> str | None:
    if tok.pos in SKIP_POS and tok.text not in KEEP_PUNCT:
        return None
    if tok.pos == "NUM" or tok.text.isdigit():
        return "<num>"
    return tok.lemma


def _cue_counts(tokens, lo: int, hi: int, prefix: str, f: dict[str, float]) -> None:
    table = cues()
    flip = 0
    for i in range(lo, hi):
        cls = table.get(tokens[i].lemma)
        if cls == "negation":
            flip = 2
            f[prefix + "negation"] = f.get(prefix + "negation", 0.0) + 1.0
            continue
        if cls in ("pos", "neg"):
            if flip:
                cls = "neg" if cls == "pos" else "pos"
                f[prefix + "flipped"] = 1.0
            f[prefix + cls] = f.get(prefix + cls, 0.0) + 1.0
        elif cls == "speech":
            f[prefix + "speech"] = 1.0
        flip = max(flip - 1, 0)


_COVER: list = [None, None]       # (the sides last seen, token -> how many of them cover it)
_SENT_CUES: list = [None, None]   # (the sentence last seen, its cue features)


def _coverage(sides: Sequence[Side]) -> dict[int, int]:
    if _COVER[0] is not sides:
        cover: dict[int, int] = {}
        for o in sides:
            for i in range(o.first, o.last + 1):
                cover[i] = cover.get(i, 0) + 1
        _COVER[0], _COVER[1] = sides, cover
    return _COVER[1]


def _sentence_cues(sent: Sentence) -> dict[str, float]:
    if _SENT_CUES[0] is not sent:
        f: dict[str, float] = {}
        _cue_counts(sent.tokens, 0, len(sent.tokens), "cue_sent:", f)
        _SENT_CUES[0], _SENT_CUES[1] = sent, f
    return _SENT_CUES[1]


def pair_features(sent: Sentence, source: Side, target: Side, sides: Sequence[Side]) -> dict[str, float]:
    """The sparse features of (source, target) in ``sent``; ``sides``: every actor mention of
    the sentence, the pair's own included (the others count between the two and mark nothing
    else). Pass the same sequence for every pair of a sentence: what does not depend on the pair
    is computed once."""
    toks = sent.tokens
    a, b = (source, target) if source.first <= target.first else (target, source)
    f: dict[str, float] = {"order:" + ("st" if a is source else "ts"): 1.0,
                           "dist:" + _bucket(max(b.first - a.last - 1, 0)): 1.0,
                           "types:" + source.type + ">" + target.type: 1.0}
    between = range(a.last + 1, b.first)
    cover = _coverage(sides)

    def inside(i: int) -> bool:
        own = (a.first <= i <= a.last) + (b.first <= i <= b.last)
        return cover.get(i, 0) - own > 0

    n_between = sum(1 for o in sides if o is not a and o is not b and a.last < o.first and o.last < b.first)
    f["others_between:" + _bucket(n_between)] = 1.0
    kept = list(between) if len(between) <= MAX_BETWEEN else \
        list(between)[:MAX_BETWEEN // 2] + list(between)[-MAX_BETWEEN // 2:]
    for i in kept:
        if inside(i):
            f["between:<actor>"] = 1.0
            continue
        lemma = _lemma(toks[i])
        if lemma:
            f["between:" + lemma] = 1.0
    for i in range(a.first - 1, max(a.first - 1 - SIDE, -1), -1):
        lemma = "<actor>" if inside(i) else _lemma(toks[i])
        if lemma:
            f["left:" + lemma] = 1.0
    for i in range(b.last + 1, min(b.last + 1 + SIDE, len(toks))):
        lemma = "<actor>" if inside(i) else _lemma(toks[i])
        if lemma:
            f["right:" + lemma] = 1.0
    for name, side in (("src", source), ("tgt", target)):
        head = toks[side.last]
        case = head.feat("Case") or "-"
        f[f"{name}_case:{case}"] = 1.0
        if side.first > 0 and toks[side.first - 1].pos == "ADP":
            f[f"{name}_prep:{toks[side.first - 1].lemma}"] = 1.0
    _cue_counts(toks, a.last + 1, b.first, "cue_between:", f)
    f.update(_sentence_cues(sent))
    if any(t.text == "?" for t in toks):
        f["question"] = 1.0
    return f


DIM = 300


@lru_cache(maxsize=1)
def _navec() -> tuple[object, np.ndarray, np.ndarray]:
    """(the NLP models' word encoder, navec's PQ indexes, its codes), read once from the file
    natasha ships (the same vectors the slovnet models read, under the same vocabulary)."""
    from natasha.data import NEWS_EMBEDDING
    from navec.navec import PQ_
    from navec.tar import Tar

    from .nlp import load_models
    with Tar(NEWS_EMBEDDING) as tar:
        file = tar.load(PQ_)
        vectors, _, qdim, centroids = np.frombuffer(file.read(16), np.uint32)
        indexes = np.frombuffer(file.read(int(vectors) * int(qdim)), np.uint8).reshape(vectors, qdim)
        codes = np.frombuffer(file.read(), np.float32).reshape(qdim, centroids, -1)
    return load_models().encoder, indexes, codes


def between_vector(sent: Sentence, source: Side, target: Side) -> np.ndarray:
    """navec's mean vector of the words between the two mentions (zeros when none is known)."""
    a, b = (source, target) if source.first <= target.first else (target, source)
    return mean_vector([t.text for t in sent.tokens[a.last + 1:b.first] if t.pos not in SKIP_POS])


def mean_vector(words: Sequence[str]) -> np.ndarray:
    encoder, indexes, codes = _navec()
    unk = encoder.words.unk_id if hasattr(encoder.words, "unk_id") else None
    ids = [encoder.words.encode(w.lower()) for w in words]
    ids = [i for i in ids if i != unk and 0 <= i < len(indexes)]
    if not ids:
        return np.zeros(DIM, dtype=np.float32)
    q = np.arange(codes.shape[0])
    vecs = codes[q, indexes[ids]]                 # (n, qdim, sub)
    return vecs.reshape(len(ids), -1).mean(axis=0)
