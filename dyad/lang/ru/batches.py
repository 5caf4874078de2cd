"""slovnet's three models (morphology, NER, syntax) run over our tokens in length-sorted batches.

natasha's taggers each re-encode their input (word and shape ids), NER re-tokenises the whole text
and decodes it as one sequence (its CRF walks every token of the document in Python), and batches
follow input order. Here every sentence is encoded once (word ids and shapes cached per word
form; the three news models hold one word vocabulary, loaded once by :func:`load_news_models`),
batches are formed from sentences of like length across documents up to a token budget, and each
model's own weights and decoders run on them. Padding is zeroed before the first convolution, so
a sentence's tags do not depend on the padding of its batch (float rounding aside: docs/nlp.md);
``tests/test_nlp_batches.py`` checks the output against slovnet's and natasha's own runs.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

MAX_BATCH_SENTENCES = 64
NER_BATCH_TOKENS = 1024     # NER inputs are runs of sentences; more per batch, fewer CRF steps
MAX_BATCH_TOKENS = 128      # small batches of like lengths waste the least padding


@dataclass(frozen=True)
class Encoded:
    """One sentence as model input."""
    word_id: np.ndarray
    shape_id: np.ndarray

    def __len__(self) -> int:
        return len(self.word_id)

    @staticmethod
    def join(parts) -> "Encoded":
        parts = list(parts)
        if len(parts) == 1:
            return parts[0]
        return Encoded(np.concatenate([p.word_id for p in parts]),
                       np.concatenate([p.shape_id for p in parts]))


class Encoder:
    """Word forms to (word id, shape id), cached per form; the same for all three models."""

    def __init__(self, words, shapes):
        self.words = words
        self.shapes = shapes
        self.word_pad = self.words.pad_id
        self.shape_pad = self.shapes.pad_id
        self._cache: dict[str, tuple[int, int]] = {}

    def _ids(self, word: str) -> tuple[int, int]:
        from slovnet.shape import word_shape
        ids = (self.words.encode(word.lower()), self.shapes.encode(word_shape(word)))
        if len(self._cache) < 500_000:
            self._cache[word] = ids
        return ids

    def __call__(self, words: Sequence[str]) -> Encoded:
        cache = self._cache
        pairs = [cache.get(w) or self._ids(w) for w in words]
        arr = np.array(pairs, dtype=np.int64).reshape(-1, 2)
        return Encoded(arr[:, 0], arr[:, 1])


def batches(items: Sequence[Encoded], budget: int = 0) -> list[list[int]]:
    """Indexes of ``items`` grouped by length (shortest first), each group within the budgets."""
    order = sorted(range(len(items)), key=lambda i: len(items[i]))
    out: list[list[int]] = []
    cur: list[int] = []
    for i in order:
        size = len(items[i])
        if cur and (len(cur) >= MAX_BATCH_SENTENCES or size * (len(cur) + 1) > (budget or MAX_BATCH_TOKENS)):
            out.append(cur)
            cur = []
        cur.append(i)
    if cur:
        out.append(cur)
    return out


def _pad(items: Sequence[Encoded], encoder: Encoder) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    width = max(len(x) for x in items)
    word_id = np.full((len(items), width), encoder.word_pad, dtype=np.int64)
    shape_id = np.full((len(items), width), encoder.shape_pad, dtype=np.int64)
    for row, x in enumerate(items):
        word_id[row, :len(x)] = x.word_id
        shape_id[row, :len(x)] = x.shape_id
    return word_id, shape_id, word_id == encoder.word_pad


class CNN:
    """slovnet's CNN encoder (conv, ReLU, batch norm, padding zeroed; per layer) on the same
    weights, computed in (batch, sequence, channels) layout: the batch is one padded sequence and
    each kernel offset one matrix product over it, instead of slovnet's copy of every window
    (im2col), which costs as much as the product itself. Same arithmetic up to float rounding
    (tests/test_nlp_batches.py compares the tags with slovnet's).

    One deliberate difference: slovnet feeds the embeddings of padding tokens into the first
    convolution, so a sentence's tags can depend on the longer sentences batched with it. Here
    padding is zeroed first, so every sentence gets the tags it gets when tagged alone, whatever
    the batch (and 1 worker, N workers and a Dask cluster give the same records)."""

    def __init__(self, encoder):
        self.layers = []
        for layer in encoder.layers:
            weight = layer.conv.weight.array                      # filters x in x kernel
            kernels = [np.ascontiguousarray(weight[:, :, k].T) for k in range(weight.shape[2])]
            if len(kernels) != 2 * layer.conv.padding + 1:
                raise ValueError("CNN layer with a kernel that does not keep the sequence length")
            norm = layer.norm
            self.layers.append((kernels, layer.conv.padding, layer.conv.bias.array,
                                norm.mean.array, norm.std.array, norm.weight.array,
                                norm.bias.array))

    def __call__(self, x: np.ndarray, pad_mask: np.ndarray) -> np.ndarray:
        """``x``: batch x length x channels; padding reads as zeros, as past the end of a sentence
        tagged alone. The batch is kept as one sequence with ``pad`` zero rows around each row."""
        batch, length, channels = x.shape
        pad = self.layers[0][1]
        width = length + 2 * pad
        dead = np.ones((batch, width), dtype=bool)           # rows that must stay zero
        dead[:, pad:pad + length] = pad_mask
        dead = dead.reshape(-1)
        flat = np.zeros((batch, width, channels), dtype=x.dtype)
        flat[:, pad:pad + length] = x
        flat = flat.reshape(batch * width, channels)
        flat[dead] = 0
        n = batch * width - 2 * pad
        for kernels, _, bias, mean, std, weight, shift in self.layers:
            out = np.zeros((batch * width, kernels[0].shape[1]), dtype=x.dtype)
            mid = out[pad:pad + n]
            np.matmul(flat[0:n], kernels[0], out=mid)
            tmp = np.empty_like(mid)
            for k in range(1, len(kernels)):
                np.matmul(flat[k:k + n], kernels[k], out=tmp)
                mid += tmp
            out += bias
            np.maximum(out, 0, out=out)
            out -= mean
            out /= std
            out *= weight
            out += shift
            out[dead] = 0
            flat = out
        return flat.reshape(batch, width, -1)[:, pad:pad + length]


def _run(items: Sequence[Encoded], encoder: Encoder, step, budget: int | None = None) -> list:
    """``step(word_id, shape_id, pad_mask, sizes)`` gives one answer per row; answers in input order."""
    out: list = [None] * len(items)
    for group in batches(items, budget or MAX_BATCH_TOKENS):
        chosen = [items[i] for i in group if len(items[i])]
        answers = iter(step(*_pad(chosen, encoder), [len(x) for x in chosen])) if chosen else iter(())
        for i in group:
            out[i] = next(answers) if len(items[i]) else []
    return out


def viterbi(emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray,
            start: np.ndarray | None = None, end: np.ndarray | None = None) -> np.ndarray:
    """The best tag path per row (slovnet's CRF decoding), vectorised over the batch. ``start``
    and ``end`` (batch x tags) are added to the first and after the last position's scores (the
    transitions from and to a fixed neighbour). Tags: batch x length, undefined past a row's end."""
    batch, length, _ = emissions.shape
    rows = np.arange(batch)
    live = np.arange(length)[:, None] < lengths[None, :]            # length x batch
    score = emissions[:, 0] if start is None else emissions[:, 0] + start
    history = []
    for t in range(1, length):
        cand = score[:, :, None] + transitions + emissions[:, t][:, None, :]   # prev x next
        history.append(cand.argmax(1))
        score = np.where(live[t][:, None], cand.max(1), score)
    if end is not None:
        score = score + end
    out = np.zeros((batch, length), dtype=np.intp)
    cur = score.argmax(1)
    out[rows, lengths - 1] = cur
    for t in range(length - 1, 0, -1):
        cur = np.where(live[t], history[t - 1][rows, cur], cur)
        out[:, t - 1] = np.where(live[t], cur, out[:, t - 1])
    return out


class _Model:
    """One of slovnet's models with its labels (tags, relations) and the shared encoder."""

    def __init__(self, model, labels: Sequence[str], encoder: Encoder):
        self.model = model
        self.cnn = CNN(model.encoder)
        self.encoder = encoder
        self.labels = list(labels)

    def hidden(self, word_id, shape_id, pad_mask) -> np.ndarray:
        """The CNN encoder's output for a padded batch."""
        return self.cnn(self.model.emb(word_id, shape_id), pad_mask)


class Morph(_Model):
    """Tag ids per token; ``tags[id]`` is (pos, feats), feats a sorted tuple of (name, value)."""

    def __init__(self, model, labels: Sequence[str], encoder: Encoder):
        from slovnet.conll import parse_conll_tag
        super().__init__(model, labels, encoder)
        self.tags = []
        for tag in labels:
            pos, feats = parse_conll_tag(tag)
            self.tags.append((pos, tuple(sorted(feats.items()))))

    def __call__(self, items: Sequence[Encoded]) -> list[list[int]]:
        def step(word_id, shape_id, pad_mask, sizes):
            pred = self.model.head.decode(self.model.head(self.hidden(word_id, shape_id, pad_mask)))
            return [row[:n].tolist() for row, n in zip(pred, sizes)]
        return _run(items, self.encoder, step)


class NER(_Model):
    """BIO tags to spans of token indexes: (first, last + 1, type)."""

    def __call__(self, items: Sequence[Encoded]) -> list[list[tuple[int, int, str]]]:
        from slovnet.bio import bio_spans

        class _Tok:
            __slots__ = ("start", "stop")

            def __init__(self, i):
                self.start, self.stop = i, i + 1

        tags, transitions = self.labels, self.model.head.crf.transitions.array

        def step(word_id, shape_id, pad_mask, sizes):
            pred = self.model.head(self.hidden(word_id, shape_id, pad_mask))
            rows = viterbi(pred, np.array(sizes), transitions)
            out = []
            for row, n in zip(rows, sizes):
                names = [tags[t] for t in row[:n].tolist()]
                out.append([(s.start, s.stop, s.type)
                            for s in bio_spans([_Tok(i) for i in range(n)], names)])
            return out
        return _run(items, self.encoder, step, NER_BATCH_TOKENS)


class Syntax(_Model):
    """Heads (index within the sentence, -1 for the root) and relations."""

    def __call__(self, items: Sequence[Encoded]) -> list[list[tuple[int, str]]]:
        rels = self.labels

        def step(word_id, shape_id, pad_mask, sizes):
            model, mask = self.model, ~pad_mask
            x = self.hidden(word_id, shape_id, pad_mask)
            head_scores = model.head(x)
            heads = model.head.decode(head_scores, mask)
            rel_ids = model.rel.decode(model.rel(x, heads), mask)
            return [[(h - 1, rels[r]) for h, r in zip(hrow[:n].tolist(), rrow[:n].tolist())]
                    for hrow, rrow, n in zip(heads, rel_ids, sizes)]
        return _run(items, self.encoder, step)


# --- loading natasha's news models ---------------------------------------------------------

@dataclass(frozen=True)
class NewsModels:
    encoder: Encoder
    morph: Morph
    syntax: Syntax
    ner: NER


def load_news_models() -> NewsModels:
    """natasha's news models (navec embeddings, slovnet morphology, syntax and NER), loaded
    from the files natasha ships, as slovnet and navec load them but once each: navec's product
    quantisation arrays without its own vocabulary and norms (the models index the embeddings
    by their own word vocabulary), and that 250,000-word vocabulary once for the three models,
    whose packs hold the same one (tests/test_nlp_batches.py checks both against natasha's own
    loading). About 0.25 s less start-up per process."""
    from natasha.data import NEWS_EMBEDDING, NEWS_MORPH, NEWS_NER, NEWS_SYNTAX
    from navec.meta import Meta
    from navec.navec import META, PQ_
    from navec.tar import Tar
    from slovnet.const import REL, SHAPE, TAG, WORD
    from slovnet.exec.model import Morph as MorphModel, NER as NERModel, Syntax as SyntaxModel
    from slovnet.exec.pack import Pack

    with Tar(NEWS_EMBEDDING) as tar:
        meta = Meta.from_file(tar.load(META))
        Meta.check_protocol(meta.protocol)
        file = tar.load(PQ_)
        vectors, _, qdim, centroids = np.frombuffer(file.read(16), np.uint32)
        indexes = np.frombuffer(file.read(int(vectors) * int(qdim)), np.uint8).reshape(vectors, qdim)
        codes = np.frombuffer(file.read(), np.float32).reshape(qdim, centroids, -1)
    navec = _Navec(meta, _PQ(indexes, codes))

    def pack(path, model_class, label, words=False):
        with Pack(path) as p:
            p.load_meta().check_protocol()
            model = p.load_model(model_class)
            arrays = dict(p.load_arrays(model.weights))
            vocabs = {name: p.load_vocab(name) for name in ((WORD,) if words else ()) + (SHAPE, label)}
        return model.inject_arrays(arrays).inject_navec(navec), vocabs

    morph, mv = pack(NEWS_MORPH, MorphModel, TAG, words=True)
    syntax, sv = pack(NEWS_SYNTAX, SyntaxModel, REL)
    ner, nv = pack(NEWS_NER, NERModel, TAG)
    if not mv[SHAPE].items == sv[SHAPE].items == nv[SHAPE].items:
        raise ValueError("natasha's news models disagree on word shapes")
    encoder = Encoder(mv[WORD], mv[SHAPE])
    return NewsModels(encoder, Morph(morph, mv[TAG].items, encoder),
                      Syntax(syntax, sv[REL].items, encoder), NER(ner, nv[TAG].items, encoder))


@dataclass(frozen=True)
class _PQ:
    indexes: np.ndarray
    codes: np.ndarray


@dataclass(frozen=True)
class _Navec:
    """What slovnet's ``inject_navec`` reads of a navec model."""
    meta: object
    pq: _PQ

