"""Dyad's batched runs of slovnet's models give slovnet's answers (dyad/lang/ru/batches.py)."""
from __future__ import annotations

import numpy as np
import pytest

from conftest import EVAL_DEV, EXAMPLES, shared_file
from dyad.lang.ru import batches
from dyad.lang.ru.nlp import NER_WINDOW, analyse_many, load_models


@pytest.fixture(scope="module")
def natasha():
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser
    emb = NewsEmbedding()
    morph, syntax, ner = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
    for api in (morph, syntax):               # one sentence per batch: no padding at all
        api.batch_size = api.infer.encoder.batch_size = 1
    return morph, syntax, ner


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8").split("\n", 1)[1] for p in sorted(EXAMPLES.glob("*.txt"))]
    dev = shared_file(EVAL_DEV / "devset")
    texts += [p.read_text(encoding="utf-8-sig") for p in sorted(dev.glob("*.txt"))[:30]]
    return texts


@pytest.fixture(scope="module")
def analysed():
    texts = _texts()
    return texts, analyse_many(texts, parse=True)


def _differences(analyses, api, same) -> tuple[int, int]:
    """Tokens compared with natasha's tagger ``api`` run sentence by sentence, and how many of
    them ``same(our token, its token)`` rejects."""
    tokens = differ = 0
    for a in analyses:
        words = [[t.text for t in s.tokens] for s in a.sentences]
        for sent, markup in zip(a.sentences, api.map(words)):
            for tok, m in zip(sent.tokens, markup.tokens):
                tokens += 1
                differ += not same(tok, m)
    return tokens, differ


def test_morphology_equals_slovnet_sentence_by_sentence(analysed, natasha):
    tokens, differ = _differences(analysed[1], natasha[0],
                                  lambda tok, m: (tok.pos, dict(tok.feats)) == (m.pos, m.feats))
    assert tokens > 5000
    assert differ == 0


def test_ner_equals_natasha_on_the_whole_text(analysed, natasha):
    texts, analyses = analysed
    ner = natasha[2]
    compared = 0
    for text, a in zip(texts, analyses):
        if sum(len(s.tokens) for s in a.sentences) > NER_WINDOW:
            continue            # windows of sentences, not one sequence: may differ at the cuts
        compared += 1
        ours = [(s.start, s.end, s.type) for s in a.spans]
        theirs = [(s.start, s.stop, s.type) for s in ner(text).spans]
        assert ours == theirs, text[:80]
    assert compared > 20


def test_syntax_equals_slovnet_up_to_float_ties(analysed, natasha):
    """The conv sums run in another order than slovnet's, so a head whose two best scores tie
    to float precision may flip: allowed for at most 0.2% of tokens."""
    tokens, differ = _differences(analysed[1], natasha[1],
                                  lambda tok, m: (tok.head, tok.rel) == (int(m.head_id) - 1, m.rel))
    assert tokens > 5000
    assert differ <= tokens * 0.002


def test_padding_does_not_leak_into_a_shorter_sentence():
    """A sentence batched with a longer one gets the tags it gets alone (slovnet feeds padding
    embeddings into its first convolution; Dyad zeroes them)."""
    models = load_models()
    short = models.encoder("Москва приветствует решение .".split())
    long = models.encoder(("Президент Азербайджана Ильхам Алиев встретился в Тяньцзине с "
                           "председателем КНР Си Цзиньпином накануне саммита ШОС .").split())
    alone = models.ner([short])[0], models.morph([short])[0]
    together = models.ner([short, long])[0], models.morph([short, long])[0]
    assert alone == together


def test_viterbi_equals_slovnet_crf_decode():
    from slovnet.exec.model import CRF, Weight
    rng = np.random.default_rng(7)
    transitions = rng.normal(size=(8, 8)).astype(np.float32)
    crf = CRF(Weight(transitions.shape, transitions.dtype, transitions))
    lengths = np.array([1, 5, 17, 40, 2, 40])
    emissions = rng.normal(scale=3, size=(len(lengths), 40, 8)).astype(np.float32)
    mask = np.arange(40)[None, :] < lengths[:, None]
    theirs = crf.decode(emissions, mask)
    ours = batches.viterbi(emissions, lengths, transitions)
    for row, n in enumerate(lengths):
        assert ours[row, :n].tolist() == theirs[row].tolist()


@pytest.mark.parametrize("lengths, budget, expected", [
    ([3, 1, 2], 128, [[1, 2, 0]]),
    ([50, 60, 70], 128, [[0, 1], [2]]),          # 2 x 60 fits, 3 x 70 does not
    ([200], 128, [[0]]),                           # a long sentence goes alone
    ([], 128, []),
])
def test_batches_sort_by_length_within_the_budget(lengths, budget, expected):
    items = [batches.Encoded(np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64))
             for n in lengths]
    assert batches.batches(items, budget) == expected


def test_analysis_of_a_chunk_equals_analysis_alone_on_examples():
    """Batching documents together changes nothing a reader sees on our examples (the models'
    float sums may differ in the last bits; docs/nlp.md)."""
    texts = [p.read_text(encoding="utf-8").split("\n", 1)[1] for p in sorted(EXAMPLES.glob("*.txt"))]
    together = analyse_many(texts, parse=True)
    for text, a in zip(texts, together):
        alone = analyse_many([text], parse=True)[0]
        assert a.spans == alone.spans
        assert [(t.lemma, t.pos, t.feats) for s in a.sentences for t in s.tokens] == \
               [(t.lemma, t.pos, t.feats) for s in alone.sentences for t in s.tokens]


def test_news_models_load_as_natasha_loads_them(natasha):
    """load_news_models reads each file once and skips navec's vocabulary: the same weights,
    and natasha's three packs do hold one word vocabulary."""
    from slovnet.exec.model import WeightsVisitor
    morph, syntax, ner = natasha
    ours = batches.load_news_models()
    words = morph.infer.encoder.words_vocab.items
    assert syntax.infer.encoder.words_vocab.items == words == ner.infer.encoder.words_vocab.items
    assert ours.encoder.words.items == words
    for mine, theirs in ((ours.morph, morph), (ours.syntax, syntax), (ours.ner, ner)):
        a, b = WeightsVisitor(), WeightsVisitor()
        a(mine.model)
        b(theirs.infer.model)
        assert len(a.weights) == len(b.weights) > 5
        for x, y in zip(a.weights, b.weights):
            assert np.array_equal(x.array, y.array)
