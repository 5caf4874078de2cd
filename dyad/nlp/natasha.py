"""The natasha adapter: models are loaded once per process (see :func:`load_models`).

Stages: razdel segmentation, slovnet morphology, lemmas from natasha's MorphVocab, slovnet NER with
natasha's span normalisation, and slovnet syntax only for the sentences a caller selects
(cheap before expensive: the syntax parser is the costly stage).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable

from .types import Analysis, NerSpan, Sentence, Token

# Sentences longer than this many characters are cut into pieces before tagging, so that one
# pathological sentence (no punctuation at all) costs linear time and bounded memory.
MAX_SENTENCE_CHARS = 2000
MAX_SENTENCE_TOKENS = 250


@dataclass(frozen=True)
class Models:
    segmenter: object
    vocab: object
    morph: object
    syntax: object
    ner: object


@lru_cache(maxsize=1)
def vocab():
    """natasha's MorphVocab, on pymorphy3 (with its compiled DAWG when installed) instead of
    pymorphy2: same forms and lemmas (checked on the factRuEval dev texts), faster, and the one
    morphological dictionary the whole process loads (dyad.resolve.keys uses it too)."""
    import pymorphy3
    from natasha.morph.vocab import MorphForm

    class Vocab(pymorphy3.MorphAnalyzer):
        def __init__(self):
            super().__init__(result_type=MorphForm)

        parse = lru_cache(100_000)(pymorphy3.MorphAnalyzer.parse)
        __call__ = parse

    return Vocab()


@lru_cache(maxsize=1)
def load_models() -> Models:
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
    emb = NewsEmbedding()
    return Models(Segmenter(), vocab(), NewsMorphTagger(emb), NewsSyntaxParser(emb),
                  NewsNERTagger(emb))


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


@lru_cache(maxsize=200_000)
def _lemma(word: str, pos: str, feats: tuple) -> str:
    from natasha.morph.lemma import lemmatize
    try:
        lemma = lemmatize(vocab(), word, pos, dict(feats))
    except Exception:  # pymorphy cannot analyse some symbols; the surface form is the lemma
        lemma = word
    return fold(lemma or word)


BATCH = 16


def _tag_sorted(model, sentences: list[list[str]]) -> list:
    """A slovnet tagger over sentences sorted by length, answers back in input order: batches of
    like lengths waste less padding (about 15% faster than natasha's input order; same output)."""
    if not sentences:
        return []
    model.batch_size = BATCH
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    out: list = [None] * len(sentences)
    for i, markup in zip(order, model.map([sentences[i] for i in order])):
        out[i] = markup
    return out


def _segments(text: str, segmenter) -> list[tuple[int, int, list]]:
    """Sentences as (start, end, razdel tokens), long ones cut at token boundaries."""
    from razdel import sentenize, tokenize
    out = []
    for sent in sentenize(text):
        tokens = [t for t in tokenize(sent.text)]
        base = sent.start
        piece: list = []
        for tok in tokens:
            piece.append(tok)
            if len(piece) >= MAX_SENTENCE_TOKENS or (tok.stop - piece[0].start) >= MAX_SENTENCE_CHARS:
                out.append((base + piece[0].start, base + piece[-1].stop,
                            [(base + t.start, base + t.stop, t.text) for t in piece]))
                piece = []
        if piece:
            out.append((base + piece[0].start, base + piece[-1].stop,
                        [(base + t.start, base + t.stop, t.text) for t in piece]))
    return out


def _feats(feats) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((feats or {}).items()))


def analyse(text: str, *, parse: Callable[[Sentence], bool] | bool = True) -> Analysis:
    """Segment, tag, lemmatise and NER-tag ``text``; parse syntax for sentences ``parse`` selects."""
    models = load_models()
    segs = _segments(text, models.segmenter)
    words = [[w for _, _, w in toks] for _, _, toks in segs]
    morph = _tag_sorted(models.morph, words)
    sentences: list[Sentence] = []
    for (start, end, toks), markup in zip(segs, morph):
        tokens = []
        for (s, e, w), m in zip(toks, markup.tokens):
            feats = _feats(m.feats)
            tokens.append(Token(s, e, w, _lemma(w, m.pos, feats), m.pos, feats))
        tokens = tuple(tokens)
        sentences.append(Sentence(start, end, text[start:end], tokens))
    if parse:
        chosen = [i for i, s in enumerate(sentences) if parse is True or parse(s)]
        if chosen:
            markups = _tag_sorted(models.syntax, [[t.text for t in sentences[i].tokens] for i in chosen])
            for i, markup in zip(chosen, markups):
                sentences[i] = _with_syntax(sentences[i], markup)
    spans = tuple(_ner(text, segs, sentences, models))
    return Analysis(text, tuple(sentences), spans)


def parse_selected(analysis: Analysis, choose: Callable[[Sentence], bool]) -> Analysis:
    """Add the dependency parse to the sentences ``choose`` selects (others stay unparsed)."""
    sentences = list(analysis.sentences)
    chosen = [i for i, s in enumerate(sentences) if not s.parsed and choose(s)]
    if not chosen:
        return analysis
    markups = _tag_sorted(load_models().syntax, [[t.text for t in sentences[i].tokens] for i in chosen])
    for i, markup in zip(chosen, markups):
        sentences[i] = _with_syntax(sentences[i], markup)
    return Analysis(analysis.text, tuple(sentences), analysis.spans)


def _with_syntax(sent: Sentence, markup) -> Sentence:
    tokens = []
    for tok, m in zip(sent.tokens, markup.tokens):
        head = int(m.head_id) - 1 if m.head_id not in (None, "0") else -1
        tokens.append(Token(tok.start, tok.end, tok.text, tok.lemma, tok.pos, tok.feats, head, m.rel))
    return Sentence(sent.start, sent.end, sent.text, tuple(tokens), parsed=True)


def _ner(text: str, segs, sentences: list[Sentence], models) -> Iterable[NerSpan]:
    """NER runs per chunk of whole sentences, so that a huge text never becomes one giant input."""
    by_start = {tok.start: (tok, i, sent) for sent in sentences for i, tok in enumerate(sent.tokens)}
    for cstart, cend in _chunks(text, segs):
        chunk = text[cstart:cend]
        if not chunk.strip():
            continue
        for s, e, typ in models.ner(chunk).spans:
            start, end = cstart + s, cstart + e
            yield NerSpan(start, end, typ, text[start:end],
                          _normalise(typ, text[start:end], start, end, by_start, models))


def _chunks(text: str, segs, size: int = 4000) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    cur_start = None
    cur_end = 0
    for start, end, _ in segs:
        if cur_start is None:
            cur_start = start
        elif end - cur_start > size:
            out.append((cur_start, cur_end))
            cur_start = start
        cur_end = end
    if cur_start is not None:
        out.append((cur_start, cur_end))
    return out


def _normalise(typ: str, surface: str, start: int, end: int, by_start, models) -> str:
    """natasha's own span normalisation (inflect to nominative), fed with our tokens."""
    from natasha.doc import DocSpan, DocToken
    tokens = []
    pos = start
    while pos < end:
        hit = by_start.get(pos)
        if hit is None:
            pos += 1
            continue
        tok, index, sent = hit
        if tok.end > end:
            break
        tokens.append(DocToken(tok.start - start, tok.end - start, tok.text, id=str(index + 1),
                               head_id=str(tok.head + 1), rel=tok.rel, pos=tok.pos,
                               feats=dict(tok.feats)))
        pos = tok.end
    span = DocSpan(0, end - start, typ, surface, tokens=tokens)
    parsed = all(t.rel is not None for t in tokens)
    try:
        if typ == "ORG" and not parsed:
            from natasha.norm import normalize
            return normalize(models.vocab, tokens) or surface
        span.normalize(models.vocab)
        return span.normal or surface
    except Exception:  # natasha cannot inflect some shapes; the surface form stands
        return surface
