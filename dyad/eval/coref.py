"""Coreference scored on the gold mentions: MUC, B-cubed, and links to an earlier mention.

Predicted chains are a document's mentions grouped by actor id (a group anaphor, "двух стран",
has its own ``group:`` id, so it is never in the chain of one of its members). Each predicted
mention is aligned to at most one gold mention and each gold mention to at most one predicted
mention (:func:`align`): the pair must share a character of the gold mention's head word, and
pairs are taken greedily by the share of characters in common (Jaccard), then by position.
Types do not matter here: a TITLE or ANAPHOR may stand for a gold person or organisation.

Chains (:func:`chain_scores`). The mentions scored are the gold mentions: a gold mention aligned
to a predicted one is in that mention's predicted chain, an unaligned one is a predicted
singleton; predicted mentions aligned to no gold mention are left out. So MUC and B-cubed
precision count only wrong merges among gold mentions, never spurious mentions.

Links (:func:`link_scores`). Predicted link: a predicted mention that is not the first of its
chain. It is *judged* when it is aligned to a gold mention and so is at least one earlier mention
of its chain; it is *correct* when one of those earlier mentions is aligned to a mention of the
same gold chain. Links on mentions the gold does not annotate (or whose earlier mentions it does
not annotate) are counted as *not in gold* and are neither right nor wrong. Gold link: a gold
mention that is not the first of its chain; it is *found* when it is aligned to a predicted
mention and an earlier mention of its gold chain is aligned to a mention with the same actor.
Precision is counted by the predicted mention's rule and by the gold mention's kind, recall by
the gold mention's kind and by the rule of the predicted mention aligned to it.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

from .gold import GoldChain, GoldMention

KINDS = ("name", "description", "pronoun")
NO_MENTION = "(no Dyad mention with an actor)"
# personal pronouns of the third person in every case, the possessives, and the relative "который"
PRONOUNS = frozenset("""
он его него ему нему им ним нем она ее нее ей ней ею нею оно они их них ими ними
который которого которому которым котором которая которой которую которою которое
которые которых которыми
""".split())                                   # spelt with е for ё
WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PredMention:
    start: int
    end: int
    text: str
    chain: str                 # the actor id
    rule: str | None = None
    type: str = ""


@dataclass(frozen=True, slots=True)
class PR:
    """Precision and recall as two fractions, so that sums over documents stay exact."""
    p_num: float = 0.0
    p_den: float = 0.0
    r_num: float = 0.0
    r_den: float = 0.0

    def __add__(self, o: "PR") -> "PR":
        return PR(self.p_num + o.p_num, self.p_den + o.p_den, self.r_num + o.r_num, self.r_den + o.r_den)

    @property
    def precision(self) -> float:
        return self.p_num / self.p_den if self.p_den else 0.0

    @property
    def recall(self) -> float:
        return self.r_num / self.r_den if self.r_den else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class LinkCounts:
    links: int = 0             # predicted mentions not first in their chain
    outside: int = 0           # of which not in gold (unjudged)
    correct: int = 0           # of the judged (links - outside), how many agree with the gold
    gold: int = 0              # gold mentions not first in their chain
    found: int = 0

    def __add__(self, o: "LinkCounts") -> "LinkCounts":
        return LinkCounts(self.links + o.links, self.outside + o.outside, self.correct + o.correct,
                          self.gold + o.gold, self.found + o.found)

    @property
    def judged(self) -> int:
        return self.links - self.outside

    @property
    def precision(self) -> float:
        return self.correct / self.judged if self.judged else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0


@dataclass(frozen=True, slots=True)
class WrongLink:
    mention: PredMention
    gold: GoldMention
    antecedent: PredMention    # the nearest earlier mention of its chain that the gold annotates
    antecedent_gold: GoldMention
    chain: str                 # the gold chain of the mention
    antecedent_chain: str


@dataclass(frozen=True, slots=True)
class MissedLink:
    gold: GoldMention
    antecedent: GoldMention    # the nearest earlier mention of its gold chain
    chain: str
    mention: PredMention | None          # what Dyad had at the gold mention
    antecedent_mention: PredMention | None


@dataclass
class CorefResult:
    muc: PR = PR()
    b3: PR = PR()
    by_rule: dict[str, LinkCounts] = field(default_factory=dict)
    by_kind: dict[str, LinkCounts] = field(default_factory=lambda: {k: LinkCounts() for k in KINDS})
    gold_mentions: int = 0
    gold_chains: int = 0
    predicted: int = 0         # predicted mentions with an actor
    aligned: int = 0
    kinds: dict[str, int] = field(default_factory=lambda: {k: 0 for k in KINDS})   # gold mentions
    wrong: list[WrongLink] = field(default_factory=list)
    missed: list[MissedLink] = field(default_factory=list)

    def __add__(self, o: "CorefResult") -> "CorefResult":
        return CorefResult(self.muc + o.muc, self.b3 + o.b3, _add(self.by_rule, o.by_rule),
                           _add(self.by_kind, o.by_kind), self.gold_mentions + o.gold_mentions,
                           self.gold_chains + o.gold_chains, self.predicted + o.predicted,
                           self.aligned + o.aligned, dict(Counter(self.kinds) + Counter(o.kinds)),
                           self.wrong + o.wrong, self.missed + o.missed)

    @property
    def links(self) -> LinkCounts:
        """All links: every predicted and every gold link is in exactly one row by rule."""
        return sum(self.by_rule.values(), LinkCounts())


def _add(a: dict[str, LinkCounts], b: dict[str, LinkCounts]) -> dict[str, LinkCounts]:
    return {k: a.get(k, LinkCounts()) + b.get(k, LinkCounts()) for k in dict.fromkeys([*a, *b])}


# --- the metrics on plain chains ------------------------------------------------------------
def muc(key: Sequence[Sequence[Hashable]], response: Sequence[Sequence[Hashable]]) -> tuple[int, int]:
    """MUC recall of ``key`` against ``response`` as (numerator, denominator): per key chain, its
    size less the number of pieces the response cuts it into (a mention in no response chain is
    a piece alone), over its size less one. Swap the arguments for precision."""
    label = {m: i for i, chain in enumerate(response) for m in chain}
    num = den = 0
    for chain in key:
        pieces = {label.get(m, ("alone", m)) for m in chain}
        num += len(chain) - len(pieces)
        den += len(chain) - 1
    return num, den


def b_cubed(key: Sequence[Sequence[Hashable]], response: Sequence[Sequence[Hashable]]) -> tuple[float, int]:
    """B-cubed recall of ``key`` against ``response`` as (sum over key mentions, their number): a
    mention's share of its key chain that its response chain holds too. Swap for precision."""
    where = {m: frozenset(chain) for chain in response for m in chain}
    total = 0.0
    n = 0
    for chain in key:
        members = frozenset(chain)
        for m in chain:
            total += len(members & where.get(m, frozenset({m}))) / len(members)
            n += 1
    return total, n


def chain_scores(key: Sequence[Sequence[Hashable]], response: Sequence[Sequence[Hashable]]) -> tuple[PR, PR]:
    """(MUC, B-cubed) of a response over the same mentions as the key."""
    mr, md = muc(key, response)
    mp, mpd = muc(response, key)
    br, bn = b_cubed(key, response)
    bp, bpn = b_cubed(response, key)
    return PR(mp, mpd, mr, md), PR(bp, bpn, br, bn)


# --- gold mentions -------------------------------------------------------------------------
def kind_of(text: str, m: GoldMention) -> str:
    """pronoun: the mention is one word, a third-person or relative pronoun (:data:`PRONOUNS`);
    name: it has a name in it; description: anything else ("партии", "страны")."""
    words = [w.lower().replace("ё", "е") for f in m.fragments for w in WORD.findall(text[f.start:f.end])]
    if len(words) == 1 and words[0] in PRONOUNS:
        return "pronoun"
    return "name" if m.named else "description"


def align(gold: Sequence[GoldMention], pred: Sequence[PredMention]) -> dict[int, int]:
    """gold index -> predicted index, one to one (see the module's docstring)."""
    pairs = []
    for gi, g in enumerate(gold):
        cover, head = g.coverage(), g.head_coverage()
        for pi, p in enumerate(pred):
            if p.end <= g.start or p.start >= g.end:
                continue
            chars = frozenset(range(p.start, p.end))
            common = len(chars & cover)
            if common and chars & head:
                pairs.append((-common / len(chars | cover), g.start, p.start, gi, pi))
    pairs.sort()
    out: dict[int, int] = {}
    used: set[int] = set()
    for *_, gi, pi in pairs:
        if gi not in out and pi not in used:
            out[gi] = pi
            used.add(pi)
    return out


# --- one document --------------------------------------------------------------------------
def _order(x) -> tuple[int, int]:
    return (x.start, -x.end)


@dataclass(frozen=True, slots=True)
class _Aligned:
    gold: list[GoldMention]          # chain after chain, each in text order
    chain_of: list[str]              # gold index -> gold chain id
    key: list[list[int]]             # the gold chains as lists of gold indices
    kinds: list[str]                 # gold index -> kind
    pred: list[PredMention]          # in text order
    g2p: dict[int, int]
    p2g: dict[int, int]


def _aligned(chains: Sequence[GoldChain], pred: Sequence[PredMention], text: str) -> _Aligned:
    gold: list[GoldMention] = []
    chain_of: list[str] = []
    key: list[list[int]] = []
    for c in chains:
        key.append(list(range(len(gold), len(gold) + len(c.mentions))))
        gold += sorted(c.mentions, key=_order)
        chain_of += [c.id] * len(c.mentions)
    pred = sorted(pred, key=_order)
    g2p = align(gold, pred)
    return _Aligned(gold, chain_of, key, [kind_of(text, m) for m in gold], pred, g2p,
                    {pi: gi for gi, pi in g2p.items()})


def score_document(chains: Sequence[GoldChain], pred: Sequence[PredMention], text: str) -> CorefResult:
    a = _aligned(chains, pred, text)
    response: dict[object, list[int]] = {}
    for gi in range(len(a.gold)):
        response.setdefault(a.pred[a.g2p[gi]].chain if gi in a.g2p else ("alone", gi), []).append(gi)
    muc_pr, b3_pr = chain_scores(a.key, list(response.values()))
    res = CorefResult(muc_pr, b3_pr, gold_mentions=len(a.gold), gold_chains=len(chains),
                      predicted=len(a.pred), aligned=len(a.g2p))
    for k in a.kinds:
        res.kinds[k] = res.kinds.get(k, 0) + 1
    _predicted_links(a, res)
    _gold_links(a, res)
    return res


def _bump(table: dict[str, LinkCounts], row: str, c: LinkCounts) -> None:
    table[row] = table.get(row, LinkCounts()) + c


def _predicted_links(a: _Aligned, res: CorefResult) -> None:
    earlier_of: dict[str, list[int]] = {}          # predicted chain -> its mentions so far
    for pi, p in enumerate(a.pred):
        earlier = earlier_of.setdefault(p.chain, [])
        judged = [e for e in earlier if e in a.p2g]
        rule = p.rule or "-"
        if earlier and (pi not in a.p2g or not judged):
            _bump(res.by_rule, rule, LinkCounts(links=1, outside=1))
        elif earlier:
            gi = a.p2g[pi]
            ok = any(a.chain_of[a.p2g[e]] == a.chain_of[gi] for e in judged)
            _bump(res.by_rule, rule, LinkCounts(links=1, correct=int(ok)))
            _bump(res.by_kind, a.kinds[gi], LinkCounts(links=1, correct=int(ok)))
            if not ok:
                e = judged[-1]
                res.wrong.append(WrongLink(p, a.gold[gi], a.pred[e], a.gold[a.p2g[e]], a.chain_of[gi],
                                           a.chain_of[a.p2g[e]]))
        earlier.append(pi)


def _gold_links(a: _Aligned, res: CorefResult) -> None:
    for chain in a.key:
        for n, gi in enumerate(chain[1:], 1):
            p = a.pred[a.g2p[gi]] if gi in a.g2p else None
            found = p is not None and any(e in a.g2p and a.pred[a.g2p[e]].chain == p.chain
                                          for e in chain[:n])
            row = (p.rule or "-") if p is not None else NO_MENTION
            _bump(res.by_rule, row, LinkCounts(gold=1, found=int(found)))
            _bump(res.by_kind, a.kinds[gi], LinkCounts(gold=1, found=int(found)))
            if not found:
                e = chain[n - 1]
                res.missed.append(MissedLink(a.gold[gi], a.gold[e], a.chain_of[gi], p,
                                             a.pred[a.g2p[e]] if e in a.g2p else None))
