"""The natasha adapter: models are loaded once per process (see :func:`load_models`).

Stages: razdel segmentation, slovnet morphology, lemmas from natasha's MorphVocab, slovnet NER with
natasha's span normalisation, and slovnet syntax only for the sentences a caller selects
(cheap before expensive: the syntax parser is the costly stage).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from .batches import Encoded
from ..types import Analysis, NerSpan, Sentence, Token

# Sentences longer than this many characters are cut into pieces before tagging, so that one
# pathological sentence (no punctuation at all) costs linear time and bounded memory.
MAX_SENTENCE_CHARS = 2000
MAX_SENTENCE_TOKENS = 250
# Sentences are given to the NER model in runs of up to this many tokens (see _windows).
NER_WINDOW = 600


@dataclass(frozen=True)
class Models:
    segmenter: object
    vocab: object
    encoder: object         # dyad.lang.ru.batches.Encoder, shared by the three models below
    morph: object           # dyad.lang.ru.batches.Morph over natasha's NewsMorphTagger weights
    syntax: object          # dyad.lang.ru.batches.Syntax over NewsSyntaxParser
    ner: object             # dyad.lang.ru.batches.NER over NewsNERTagger


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
    from natasha import Segmenter

    from .batches import load_news_models
    news = load_news_models()
    return Models(Segmenter(), vocab(), news.encoder, news.morph, news.syntax, news.ner)


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


_LEMMAS: dict[tuple[str, int], str] = {}     # (word form, morph tag id) -> lemma
_MAX_LEMMAS = 300_000


def _lemma(word: str, tag: int, pos: str, feats: tuple) -> str:
    """natasha's lemma of ``word`` tagged ``pos``/``feats`` (folded), remembered per word form
    and tag: news repeat their words, and the tag id is a cheaper key than the features."""
    lemma = _LEMMAS.get((word, tag))
    if lemma is None:
        from natasha.morph.lemma import lemmatize
        try:
            lemma = lemmatize(vocab(), word, pos, dict(feats))
        except Exception:  # pymorphy cannot analyse some symbols; the surface form is the lemma
            lemma = word
        lemma = fold(lemma or word)
        if len(_LEMMAS) >= _MAX_LEMMAS:
            _LEMMAS.clear()
        _LEMMAS[(word, tag)] = lemma
    return lemma


# A line break ends a sentence unless the next line goes on in lower case (a hard-wrapped line):
# news pages put headlines, photo captions and bylines on lines of their own, with no full stop.
_LINE_BREAK = re.compile(r"\n[ \t\u00a0]*")


def _blocks(text: str) -> Iterable[tuple[int, int]]:
    """(start, stop) of the runs of ``text`` between line breaks that end a sentence."""
    start = 0
    for m in _LINE_BREAK.finditer(text):
        if text[m.end():m.end() + 1].islower():
            continue
        if text[start:m.start()].strip():
            yield start, m.start()
        start = m.end()
    if text[start:].strip():
        yield start, len(text)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, stop) of the sentences of ``text``: razdel's within each line block (:func:`_blocks`)."""
    from razdel import sentenize
    return [(a + s.start, a + s.stop) for a, b in _blocks(text) for s in sentenize(text[a:b])]


def _segments(text: str, segmenter) -> list[tuple[int, int, list]]:
    """Sentences as (start, end, razdel tokens), long ones cut at token boundaries."""
    from razdel import tokenize
    out = []
    for start, stop in sentences(text):
        tokens = [t for t in tokenize(text[start:stop])]
        base = start
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


def analyse(text: str, *, parse: Callable[[Sentence], bool] | bool = True) -> Analysis:
    """Segment, tag, lemmatise and NER-tag ``text``; parse syntax for sentences ``parse`` selects."""
    return analyse_many([text], parse=parse)[0]


def analyse_many(texts: Sequence[str], *,
                 parse: Callable[[Sentence], bool] | bool = True) -> list[Analysis]:
    """:func:`analyse` for several texts at once: their sentences share the models' batches."""
    models = load_models()
    segs = [_segments(text, models.segmenter) for text in texts]
    flat = [seg for doc in segs for seg in doc]
    encoded = [models.encoder([w for _, _, w in toks]) for _, _, toks in flat]
    morph = iter(models.morph(encoded))
    tag_names = models.morph.tags
    windows = [_windows(doc) for doc in segs]
    ner = iter(models.ner([Encoded.join(encoded[i] for i in range(a, b))
                           for a, b in _offset(windows, segs)]))
    out = []
    for text, doc, wins in zip(texts, segs, windows):
        sentences: list[Sentence] = []
        for start, end, toks in doc:
            tokens = []
            for (s, e, w), tag in zip(toks, next(morph)):
                pos, feats = tag_names[tag]
                tokens.append(Token(s, e, w, _lemma(w, tag, pos, feats), pos, feats))
            sentences.append(Sentence(start, end, text[start:end], tuple(tokens)))
        spans: list[tuple[int, int, str]] = []
        for a, b in wins:
            toks = [t for _, _, sent in doc[a:b] for t in sent]
            spans.extend((toks[i][0], toks[j - 1][1], typ) for i, j, typ in next(ner))
        out.append(Analysis(text, tuple(sentences), tuple(_spans(text, sentences, spans, models))))
    if parse:
        out = parse_selected_many(out, [parse if callable(parse) else (lambda s: True)] * len(out))
    return out


def _windows(doc: list[tuple[int, int, list]]) -> list[tuple[int, int]]:
    """Runs of consecutive sentences (index ranges) of at most NER_WINDOW tokens: the NER model
    sees context across sentence borders, as when natasha tags a whole text, without one
    document-long sequence (its CRF decodes a sequence token by token in Python)."""
    out: list[tuple[int, int]] = []
    start, size = 0, 0
    for i, (_, _, toks) in enumerate(doc):
        if i > start and size + len(toks) > NER_WINDOW:
            out.append((start, i))
            start, size = i, 0
        size += len(toks)
    if start < len(doc):
        out.append((start, len(doc)))
    return out


def _offset(windows: list[list[tuple[int, int]]], segs) -> Iterable[tuple[int, int]]:
    """Window ranges as indexes into the flat list of all documents' sentences."""
    base = 0
    for wins, doc in zip(windows, segs):
        for a, b in wins:
            yield base + a, base + b
        base += len(doc)


def parse_selected(analysis: Analysis, choose: Callable[[Sentence], bool]) -> Analysis:
    """Add the dependency parse to the sentences ``choose`` selects (others stay unparsed)."""
    return parse_selected_many([analysis], [choose])[0]


def parse_selected_many(analyses: Sequence[Analysis],
                        choosers: Sequence[Callable[[Sentence], bool]]) -> list[Analysis]:
    """:func:`parse_selected` for several analyses, their chosen sentences batched together."""
    chosen = [(a, i) for a, (analysis, choose) in enumerate(zip(analyses, choosers))
              for i, s in enumerate(analysis.sentences) if not s.parsed and choose(s)]
    if not chosen:
        return list(analyses)
    models = load_models()
    parses = models.syntax([models.encoder([t.text for t in analyses[a].sentences[i].tokens])
                            for a, i in chosen])
    sentences = [list(a.sentences) for a in analyses]
    for (a, i), parse in zip(chosen, parses):
        sentences[a][i] = _with_syntax(sentences[a][i], parse)
    touched = {a for a, _ in chosen}
    return [Analysis(an.text, tuple(sentences[a]), an.spans) if a in touched else an
            for a, an in enumerate(analyses)]


def _with_syntax(sent: Sentence, parse: list[tuple[int, str]]) -> Sentence:
    tokens = tuple(Token(tok.start, tok.end, tok.text, tok.lemma, tok.pos, tok.feats, head, rel)
                   for tok, (head, rel) in zip(sent.tokens, parse))
    return Sentence(sent.start, sent.end, sent.text, tokens, parsed=True)


def _spans(text: str, sentences: list[Sentence], spans, models) -> Iterable[NerSpan]:
    by_start = {tok.start: (tok, i, sent) for sent in sentences for i, tok in enumerate(sent.tokens)}
    for start, end, typ in spans:
        surface = text[start:end]
        yield NerSpan(start, end, typ, surface, _normalise(typ, surface, start, end, by_start, models))


_NORMALS: dict[tuple, str] = {}        # (type, surface, tokens' offsets, tags, parses) -> normal


def _normalise(typ: str, surface: str, start: int, end: int, by_start, models) -> str:
    """natasha's own span normalisation (inflect to nominative), fed with our tokens; remembered
    per span surface and token analysis (names recur in the news)."""
    found = []
    pos = start
    while pos < end:
        hit = by_start.get(pos)
        if hit is None:
            pos += 1
            continue
        tok, index, _ = hit
        if tok.end > end:
            break
        found.append((tok, index))
        pos = tok.end
    key = (typ, surface, tuple((tok.start - start, tok.end - start, tok.pos, tok.feats,
                                tok.head - index, tok.rel) for tok, index in found))
    normal = _NORMALS.get(key)
    if normal is None:
        normal = _inflect(typ, surface, start, end, found, models)
        if len(_NORMALS) >= 100_000:
            _NORMALS.clear()
        _NORMALS[key] = normal
    return normal


def _inflect(typ: str, surface: str, start: int, end: int, found, models) -> str:
    from natasha.doc import DocSpan, DocToken
    tokens = [DocToken(tok.start - start, tok.end - start, tok.text, id=str(index + 1),
                       head_id=str(tok.head + 1), rel=tok.rel, pos=tok.pos, feats=dict(tok.feats))
              for tok, index in found]
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


@lru_cache(maxsize=1)
def natasha_ner():
    """natasha's own NER tagger (``dyad eval``'s baseline), as natasha runs it."""
    from natasha import NewsEmbedding, NewsNERTagger
    return NewsNERTagger(NewsEmbedding())
