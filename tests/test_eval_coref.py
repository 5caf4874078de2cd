"""Coreference scoring on hand-made chains (MUC, B-cubed, links) and the factRuEval chain reader."""
from __future__ import annotations

from pathlib import Path

import pytest

from dyad.eval import factrueval
from dyad.eval.coref import NO_MENTION, PredMention, align, b_cubed, chain_scores, kind_of, muc, score_document
from dyad.eval.gold import GoldChain, GoldMention
from dyad.eval.tasks import coref_predictions
from dyad.types import ActorRef, Document, Mention, Record, Span

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "eval"


# --- MUC and B-cubed on plain chains ---------------------------------------------------------
@pytest.mark.parametrize("key, response, recall, precision", [
    ([["a", "b", "c", "d"]], [["a", "b"], ["c", "d"]], (2, 3), (2, 2)),       # Vilain et al. 1995
    ([["a", "b", "c"]], [["a", "b"], ["c"]], (1, 2), (1, 1)),
    ([["a", "b"], ["c", "d"]], [["a", "b", "c", "d"]], (2, 2), (2, 3)),
    ([["a", "b", "c"]], [["a"], ["b"], ["c"]], (0, 2), (0, 0)),               # nothing linked
    ([["a", "b", "c"]], [["a", "b"]], (1, 2), (1, 1)),                        # c in no response chain
    ([["a"], ["b"]], [["a"], ["b"]], (0, 0), (0, 0)),                         # singletons: no links
])
def test_eval_coref_muc(key, response, recall, precision):
    assert muc(key, response) == recall
    assert muc(response, key) == precision


ONE_TO_TWELVE = [list(range(1, 6)), [6, 7], list(range(8, 13))]


@pytest.mark.parametrize("key, response, recall, precision", [
    ([["a", "b", "c"]], [["a", "b"], ["c"]], 5 / 9, 1.0),
    ([["a", "b"], ["c", "d"]], [["a", "b", "c", "d"]], 1.0, 0.5),
    ([["a", "b"]], [["a", "b"]], 1.0, 1.0),
    # Bagga and Baldwin 1998: merging the second and third chain costs precision 16/21
    (ONE_TO_TWELVE, [list(range(1, 6)), list(range(6, 13))], 1.0, 16 / 21),
])
def test_eval_coref_b_cubed(key, response, recall, precision):
    total, n = b_cubed(key, response)
    assert total / n == pytest.approx(recall)
    total, n = b_cubed(response, key)
    assert total / n == pytest.approx(precision)


def test_eval_coref_chain_scores_sum_over_documents():
    m1, b1 = chain_scores([["a", "b", "c", "d"]], [["a", "b"], ["c", "d"]])
    m2, b2 = chain_scores([["x", "y"]], [["x", "y"]])
    total = m1 + m2
    assert (total.recall, total.precision) == (pytest.approx(3 / 4), 1.0)
    assert (b1 + b2).recall == pytest.approx((4 * 0.5 + 2) / 6)


# --- gold mention kinds and alignment --------------------------------------------------------
def _gold(text: str, word: str, mid: str, typ: str = "PER", named: bool = True, nth: int = 1,
          head: str | None = None) -> GoldMention:
    start = -1
    for _ in range(nth):
        start = text.index(word, start + 1)
    span = Span(start, start + len(word))
    heads = ()
    if head:
        h = text.index(head, start)
        heads = (Span(h, h + len(head)),)
    return GoldMention(mid, typ, (span,), (span,) if named else (), named=named, head=heads)


@pytest.mark.parametrize("text, named, kind", [
    ("он", False, "pronoun"),
    ("Её", False, "pronoun"),
    ("которого", False, "pronoun"),
    ("его заместитель", False, "description"),     # a possessive before a noun: a description
    ("партии", False, "description"),
    ("Путин", True, "name"),
])
def test_eval_coref_kind(text, named, kind):
    assert kind_of(text, _gold(text, text, "m", named=named)) == kind


MID = "МИД России заявил, что Россия готова."
MID_GOLD = [_gold(MID, "МИД России", "outer", "ORG", head="МИД"),
            _gold(MID, "России", "inner", "LOCORG"),
            _gold(MID, "Россия", "later", "LOCORG")]


@pytest.mark.parametrize("spans, expected", [
    ([(0, 10)], {"outer": 0}),                       # the whole organisation
    ([(4, 10)], {"inner": 0}),                       # "России" misses the head "МИД": the nested one
    ([(0, 10), (4, 10)], {"outer": 0, "inner": 1}),
    ([(0, 3), (0, 10)], {"outer": 1}),               # the larger share of characters wins
    ([(11, 18)], {}),                                # "заявил": touches nothing
    ([(23, 29), (23, 29)], {"later": 0}),            # one to one: the second copy stays unaligned
])
def test_eval_coref_align(spans, expected):
    pred = [PredMention(s, e, MID[s:e], "X") for s, e in spans]
    got = align(MID_GOLD, pred)
    assert {MID_GOLD[g].id: p for g, p in got.items()} == expected


# --- links ------------------------------------------------------------------------------------
TEXT = "Ива сказал. Он ушёл. Ива и Лоза. Лоза спит у него."
CHAINS = (
    GoldChain("iva", (_gold(TEXT, "Ива", "i1"), _gold(TEXT, "Он", "i2", named=False),
                      _gold(TEXT, "Ива", "i3", nth=2))),
    GoldChain("loza", (_gold(TEXT, "Лоза", "l1"), _gold(TEXT, "Лоза", "l2", nth=2))),
)


def _pred(word: str, chain: str, rule: str, nth: int = 1) -> PredMention:
    start = -1
    for _ in range(nth):
        start = TEXT.index(word, start + 1)
    return PredMention(start, start + len(word), word, chain, rule)


# Dyad splits Ива in two chains (X, Y) and puts Лоза in Y with the second Ива
PRED = [_pred("Ива", "X", "ner.person"), _pred("Он", "X", "doc.pronoun"),
        _pred("Ива", "Y", "kb.alias", 2), _pred("Лоза", "Y", "kb.alias"),
        _pred("Лоза", "Y", "doc.surname", 2), _pred("него", "Y", "doc.pronoun")]


def test_eval_coref_links_by_rule_and_kind():
    res = score_document(CHAINS, PRED, TEXT)
    rows = {k: (c.links, c.outside, c.correct, c.gold, c.found) for k, c in res.by_rule.items()}
    assert rows == {
        "doc.pronoun": (2, 1, 1, 1, 1),   # "Он" right, "него" not in gold; the gold link at "Он" found
        "kb.alias": (1, 0, 0, 1, 0),      # "Лоза" linked to "Ива"; the gold link at the second "Ива" missed
        "doc.surname": (1, 0, 1, 1, 1),
    }
    kinds = {k: (c.judged, c.correct, c.gold, c.found) for k, c in res.by_kind.items()}
    assert kinds == {"name": (2, 1, 2, 1), "description": (0, 0, 0, 0), "pronoun": (1, 1, 1, 1)}
    assert (res.links.precision, res.links.recall) == (pytest.approx(2 / 3), pytest.approx(2 / 3))
    assert (res.muc.precision, res.muc.recall) == (pytest.approx(2 / 3), pytest.approx(2 / 3))
    [wrong] = res.wrong
    assert (wrong.mention.text, wrong.antecedent.text, wrong.chain, wrong.antecedent_chain) == \
        ("Лоза", "Ива", "loza", "iva")
    [missed] = res.missed
    assert (missed.gold.id, missed.antecedent.id, missed.mention.chain) == ("i3", "i2", "Y")


def test_eval_coref_unaligned_gold_mentions_are_singletons():
    res = score_document(CHAINS, [_pred("Ива", "X", "kb.alias")], TEXT)
    assert res.aligned == 1 and res.gold_mentions == 5
    assert (res.muc.r_num, res.muc.r_den, res.muc.p_num, res.muc.p_den) == (0, 3, 0, 0)
    assert res.b3.precision == 1.0 and res.b3.recall == pytest.approx(((1 / 3) * 3 + 0.5 * 2) / 5)
    assert res.by_rule[NO_MENTION].gold == 3 and res.by_rule[NO_MENTION].found == 0


def test_eval_coref_group_anaphor_is_not_a_member():
    rus, usa = ActorRef("RUS", "Россия", "country"), ActorRef("USA", "США", "country")
    group = ActorRef("group:RUS+USA", "Россия, США", "group")
    text = "Россия и США. Две страны."
    record = Record(Document("d", text, None), mentions=(
        Mention(0, 6, "Россия", "LOC", actor=rus, rule="kb.alias"),
        Mention(9, 12, "США", "LOC", actor=usa, rule="kb.alias"),
        Mention(14, 24, "Две страны", "ANAPHOR", actor=group, rule="doc.pair", members=(usa, rus)),
        Mention(14, 17, "Две", "NUM"),                       # no actor: not a mention of a chain
    ))
    assert [(p.text, p.chain) for p in coref_predictions(record)] == [
        ("Россия", "RUS"), ("США", "USA"), ("Две страны", "group:RUS+USA")]


# --- the factRuEval reader ------------------------------------------------------------------
def test_eval_factrueval_chains():
    [doc] = factrueval.read_dir(FIXTURES / "coref")
    got = [(c.id, [" ".join(doc.text[f.start:f.end] for f in m.fragments) for m in c.mentions])
           for c in doc.chains]
    assert got == [
        ("2", ["Эстонии", "Эстония"]),
        ("1", ["Карл Тамм", "Тамм", "Таммом"]),
        ("3", ["Ригу"]),
        ("4", ["МИД Латвии", "Ведомство"]),           # a descriptor alone is in the chain too
        ("5", ["Латвии", "Латвия"]),                  # the nested LocOrg; its Org twin 112 dropped
        ("-111", ["Рижского залива"]),                # in no .coref block: a chain alone
    ]
    heads = {m.id: " ".join(doc.text[f.start:f.end] for f in m.head) for c in doc.chains for m in c.mentions}
    assert (heads["102"], heads["105"], heads["107"], heads["111"]) == ("Тамм", "МИД", "Ведомство", "Рижского")
    kinds = [kind_of(doc.text, m) for c in doc.chains for m in c.mentions]
    assert kinds.count("description") == 1 and "pronoun" not in kinds


def test_eval_factrueval_head_is_the_innermost_span():
    text = "подконтрольный правительству банк"
    spans = {"1": ("org_descr", Span(0, 33)), "2": ("org_descr", Span(29, 33))}
    m = factrueval._mention("9", "Org", ("1", "2"), spans)
    assert [text[h.start:h.end] for h in m.head] == ["банк"]


def test_eval_brat_has_no_chains():
    from dyad.eval import brat
    [doc] = brat.read_dir(FIXTURES / "brat")
    assert doc.chains is None
