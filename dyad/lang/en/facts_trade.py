"""English trade and economic indicators: turnover, exports, imports, investment, loans, aid, ranks.

The procedure and the rule names are those of :mod:`dyad.code.indicators`: indicator words
(:data:`TRIGGERS`; "trade turnover", "bilateral trade", "trade between A and B"; rank phrases
"the largest supplier", "second-largest trading partner"), one segment per indicator cut at the
clause break before it, the figures of the segment, the actors with their roles, a period and a
baseline.

Roles from the English grammar (:mod:`dyad.lang.en.facts_context`): "from" the origin; "to",
"into", "in", "for" or a dative the destination; "with", "between" a partner; a possessive
("Azerbaijan's exports"), an "of" phrase, an adjective ("Chinese investment") or a subject the
owner. A side left empty is the other member of the latest pair of states the text named
(``+actor:context``). Periods carry within a paragraph (``+period:carried``); a change's baseline
is "the same period of 2024", "year on year", "a year earlier" or a period after "compared
with", "than"; else the same period a year earlier (``+baseline:implied``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...code.fact_context import CLAUSE_BREAK, ActorAt, Found, Paragraph, trim, unique_actors
from ...types import Change, Fact
from ..figures import PeriodMatch
from ..types import Sentence, Token
from .dates import same_days
from .facts_context import EnglishContext
from .figures import clause_after, clause_before, direction_of

TRIGGERS: dict[str, str] = {
    "turnover": "trade_turnover", "trade": "trade_turnover", "commerce": "trade_turnover",
    "export": "export", "shipment": "export", "delivery": "export", "supply": "export",
    "import": "import", "purchase": "import", "buy": "import",
    "investment": "investment", "invest": "investment", "fdi": "investment",
    "loan": "loan", "credit": "loan", "lend": "loan", "lending": "loan",
    "aid": "aid", "assistance": "aid", "grant": "aid", "donation": "aid",
}
TRIGGER_POS = {"NOUN", "VERB", "PROPN"}
# "trade" modifying another noun is no turnover ("trade deficit", "trade minister")
TRADE_NOUNS_OK = {"turnover", "volume", "volumes", "flow", "flows", "exchange"}
NOT_AFTER = {"assistance": {"with"}, "grant": {"to"}}

RANK_WORDS = {"largest": 1, "biggest": 1, "main": 1, "leading": 1, "top": 1, "principal": 1,
              "chief": 1, "major": None, "first": 1, "second": 2, "third": 3, "fourth": 4,
              "fifth": 5, "no.": None, "number": None}
ROLE_NOUNS = {"partner": "partner", "supplier": "supplier", "buyer": "buyer",
              "investor": "investor", "importer": "importer", "exporter": "exporter",
              "creditor": "creditor", "lender": "creditor", "donor": "donor",
              "consumer": "consumer", "market": "market", "customer": "buyer"}
RANK_FILLER = {"-", "largest", "biggest", "trading", "trade", "economic", "foreign", "external",
               "commercial", "investment", "export", "import", "single", "most", "important",
               "source", "of", "energy", "oil", "gas", "grain", "arms", "goods", "food", "direct",
               "overall", "global", "world", "asian", "european"}
TRADE_ADJ = {"trading", "trade", "commercial"}

RULES = {"trade_turnover": "facts.trade.turnover", "export": "facts.trade.export",
         "import": "facts.trade.import", "investment": "facts.trade.investment",
         "loan": "facts.trade.loan", "aid": "facts.trade.aid", "rank": "facts.trade.rank"}
FROM_PREPS = {"from", "by"}
TO_PREPS = {"to", "into", "in", "for", "toward", "towards"}
WITH_PREPS = {"with", "between", "among"}
OF_PREPS = {"of", "to", "for", "among", "in"}
RECEIVE = {"receive", "get", "obtain", "secure", "take", "attract", "borrow", "accept"}
GOAL = {"plan", "target", "aim", "intend", "intention", "expect", "forecast", "goal", "seek",
        "hope", "want", "strive", "project", "envisage", "bring", "could", "would", "might"}
COMPARE = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?|than|relative\s+to|"
                     r"from|on)\s*(?:that\s+of|the\s+level\s+of|levels?\s+of|in)?\s*$", re.I)
DEADLINE = re.compile(r"\b(?:by|until|till|before|through)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Trigger:
    kind: str
    first: int
    last: int
    start: int
    end: int
    rank: int | None = None
    as_what: str | None = None


@dataclass
class Carry:
    period: PeriodMatch | None = None
    baseline: PeriodMatch | None = None


def find_triggers(sentence: Sentence) -> list[Trigger]:
    toks = sentence.tokens
    out: list[Trigger] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        rank = _rank_at(toks, i)
        if rank:
            out.append(rank)
            i = rank.last + 1
            continue
        kind = TRIGGERS.get(t.lemma) if t.pos in TRIGGER_POS else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if kind == "trade_turnover" and t.lemma == "trade":
            if nxt is not None and nxt.lemma in TRADE_NOUNS_OK:
                out.append(Trigger(kind, i, i + 1, t.start, nxt.end))
                i += 2
                continue
            if nxt is not None and nxt.pos in ("NOUN", "PROPN") or t.pos == "VERB":
                kind = None                           # "trade deficit", "to trade in"
        if kind and i > 0 and toks[i - 1].lemma in NOT_AFTER.get(t.lemma, ()):
            kind = None
        if kind and not (out and out[-1].kind == kind and i - out[-1].last <= 2):
            out.append(Trigger(kind, i, i, t.start, t.end))
        i += 1
    return out


def _rank_at(toks: tuple[Token, ...], i: int) -> Trigger | None:
    word = toks[i].text.lower()
    if word not in RANK_WORDS:
        return None
    rank = RANK_WORDS[word]
    if word == "number" or word == "no.":             # "the number one partner", "No. 1 partner"
        nxt = toks[i + 1].text.lower() if i + 1 < len(toks) else ""
        rank = {"one": 1, "1": 1, "two": 2, "2": 2, "three": 3, "3": 3}.get(nxt)
        if rank is None:
            return None
    k = i - 1
    while k >= 0 and toks[k].pos == "DET":
        k -= 1
    if k >= 1 and toks[k].text.lower() == "of" and toks[k - 1].text.lower() == "one":
        return None                                   # "one of the largest partners": no rank
    trade = False
    for j in range(i + 1, min(len(toks), i + 7)):
        lemma, low = toks[j].lemma, toks[j].text.lower()
        if lemma in ROLE_NOUNS:
            as_what = ROLE_NOUNS[lemma]
            if as_what == "partner" and trade:
                as_what = "trade_partner"
            if rank is None:
                return None                           # "a major partner"
            return Trigger("rank", i, j, toks[i].start, toks[j].end, rank, as_what)
        if low in TRADE_ADJ or lemma in TRADE_ADJ:
            trade = True
        if low not in RANK_FILLER and lemma not in RANK_FILLER and not toks[j].text.isdigit() \
                and low not in ("one", "two", "three"):
            return None
    return None


def extract(ctx: EnglishContext) -> list[Found]:
    found: list[Found] = []
    carry: dict[int, Carry] = {}
    triggers_of = {sent.start: find_triggers(sent) for sent in ctx.analysis.sentences}
    active = {ctx.paragraph_span(start)[0] for start, hits in triggers_of.items() if hits}
    for sent in ctx.analysis.sentences:
        if ctx.paragraph_span(sent.start)[0] not in active:
            continue
        para = ctx.paragraph_of(sent.start)
        state = carry.setdefault(para.start, Carry())
        periods, baselines = _sentence_periods(ctx, para, sent)
        if triggers_of[sent.start]:
            found.extend(_sentence_facts(ctx, para, sent, triggers_of[sent.start], periods,
                                         baselines, state))
        usable = [p for p in periods if p.precision != "day"]
        if usable:
            state.period = usable[-1]
            state.baseline = baselines[-1] if baselines else None
    return found


def _sentence_periods(ctx, para: Paragraph, sent: Sentence):
    periods, baselines = [], []
    for p in para.periods:
        if not (sent.start <= p.start < sent.end) or p.period is None:
            continue
        before = ctx.text[max(sent.start, p.start - 30):p.start]
        if DEADLINE.search(before):
            continue                                  # "by 2030": a deadline, not a period
        if p.is_baseline or COMPARE.search(before):
            baselines.append(p)
        else:
            periods.append(p)
    return periods, baselines


def _segments(ctx, sent: Sentence, triggers: list[Trigger]) -> list[tuple[int, int]]:
    starts = [sent.start]
    for prev, cur in zip(triggers, triggers[1:]):
        cut = cur.start
        for m in CLAUSE_BREAK.finditer(ctx.text, prev.end, cur.start):
            cut = m.end()
        if cut == cur.start:                          # "..., while imports": "while" cuts too
            for m in re.finditer(r"\b(?:while|whereas|and|but)\b", ctx.text[prev.end:cur.start]):
                cut = prev.end + m.start()
        starts.append(cut)
    return list(zip(starts, starts[1:] + [sent.end]))


def _sentence_facts(ctx, para, sent, triggers, periods, baselines, state) -> list[Found]:
    segments = _segments(ctx, sent, triggers)
    figures = [_figures(ctx, para, s, e) for s, e in segments]
    for k in range(len(triggers) - 2, -1, -1):        # "exports and imports rose 10%"
        gap = ctx.text[triggers[k].end:triggers[k + 1].start].strip().lower()
        if figures[k] == (None, None, None) and gap in ("and", "as well as", "and its"):
            figures[k] = figures[k + 1]
            segments[k] = (segments[k][0], segments[k + 1][1])
    out = []
    for trig, (start, end), (amount, change, delta) in zip(triggers, segments, figures):
        if trig.kind != "rank" and amount is None and change is None:
            continue
        if any(t.lemma in GOAL for _, t in ctx.tokens_in(sent, start, end)):
            continue                                  # a plan or a forecast, not a figure
        f = _fact(ctx, sent, trig, start, end, amount, change, delta, periods, baselines, state)
        if f is not None:
            out.append(f)
    return out


def _figures(ctx, para: Paragraph, start: int, end: int):
    value, delta = None, None
    for a in (a for a in para.amounts if start <= a.start < end):
        if a.unit is None and not a.can_carry:
            continue                                  # "2 million tourists"
        before = ctx.text[max(start, a.start - 4):a.start].lower()
        after = clause_after(ctx.text, a.end, 1)
        if (re.search(r"\bby\s*$", before) and direction_of(clause_before(ctx.text, a.start, 6))) \
                or after in ("more", "less", "higher", "lower"):
            delta = delta or a                        # "rose by $2 billion": a change, not a level
            continue
        if a.rule == "amount.fromto":
            value = a
            continue
        value = value or a
    changes = [p for p in para.percents if start <= p.start < end and p.direction != 0
               and p.unit == "%"]
    changes += [m for m in para.multiples if start <= m.start < end and m.direction != 0]
    change = min(changes, key=lambda c: c.start) if changes else None
    return value, change, delta


def _pick_period(periods, start: int, end: int):
    inside = [p for p in periods if start <= p.start < end]
    pool = inside or periods
    wide = [p for p in pool if p.precision != "day"]
    return (wide or pool or [None])[0]


def _fact(ctx, sent, trig, start, end, amount, change, delta, periods, baselines, state):
    rule = [RULES[trig.kind]]
    notes = [f"trigger «{ctx.text[trig.start:trig.end]}» segment [{start}:{end}]"]
    actors = ctx.actors(sent, start, end)
    subject, obj, how = _roles(ctx, sent, trig, actors)
    if subject is None:
        notes.append("no actor for the subject: dropped")
        return None
    if how:
        rule.append(how)
    notes.append("actors " + ", ".join(f"{a.id}({a.prep or '-'}/{a.case or a.type})"
                                       for a in actors) + f" -> {subject.id} > "
                 f"{obj.id if obj else '-'}")
    pm = _pick_period(periods, start, end)
    inside = [b for b in baselines if start <= b.start < end]
    base = (inside or baselines or [None])[0]
    if pm is None and state.period is not None:
        pm, base = state.period, base or state.baseline
        rule.append("+period:carried")
    period = pm.period if pm else None
    if pm is not None:
        notes.append(f"period «{ctx.text[pm.start:pm.end]}» {pm.rule}")
    value = unit = None
    comparator = "="
    attrs: list[tuple[str, object]] = []
    if amount is not None:
        value, unit, comparator = amount.value, amount.unit, amount.comparator
        if amount.high is not None:
            attrs.append(("high", amount.high))
        if amount.unit_carried:
            rule.append("+unit:carried")
        notes.append(f"amount «{ctx.text[amount.start:amount.end]}» {amount.rule}")
    if delta is not None:
        attrs.append(("delta", delta.value))
    chg = None
    if change is not None:
        baseline = base.period if base else None
        if baseline is not None and period is not None and baseline.start >= period.start:
            baseline = None
        if baseline is None and period is not None and pm.precision != "day":
            baseline = same_days(period)
            rule.append("+baseline:implied")
        multiple = hasattr(change, "factor")
        chg = Change(kind="multiple" if multiple else "percent",
                     value=change.factor if multiple else change.value, baseline=baseline)
        notes.append(f"change «{ctx.text[change.start:change.end]}»"
                     + (f" baseline «{ctx.text[base.start:base.end]}»" if base else ""))
    if trig.kind == "rank":
        attrs = [("rank", trig.rank), ("as", trig.as_what)]
        value, unit, comparator, chg = None, None, "=", None
    fact = Fact(id="", kind=trig.kind, subject=subject, object=obj, evidence=trim(ctx.text, start, end),
                rule="".join(rule), period=period, value=value, unit=unit, comparator=comparator,
                change=chg, attributes=tuple(attrs))
    return Found(fact, tuple(notes))


def _roles(ctx, sent: Sentence, trig: Trigger, actors: list[ActorAt]):
    if trig.kind == "trade_turnover":
        return _partners(ctx, sent, actors)
    actors = unique_actors(actors)
    if trig.kind == "rank":
        return _rank_roles(ctx, sent, trig, actors)
    receive = any(t.lemma in RECEIVE for t in sent.tokens if t.end <= trig.start and
                  t.start >= _clause_start(ctx, sent, trig.start))
    origin, dest, owner = [], [], []
    for a in actors:
        if a.prep in FROM_PREPS:
            origin.append(a)
        elif a.prep in TO_PREPS or a.prep in WITH_PREPS:
            dest.append(a)
        elif a.prep is None or a.prep == "of":
            if a.type == "ADJ" and a.prep is None:
                adjacent = a.end <= trig.start and not ctx.text[a.end:trig.start].strip()
                (origin if trig.kind == "import" and not adjacent else owner).append(a)
            elif a.prep == "of" and a.type == "ADJ" and trig.kind == "import":
                origin.append(a)                      # "imports of Chinese goods"
            elif a.case == "Dat" or (a.case == "Acc" and trig.kind in ("loan", "aid")
                                     and a.start < trig.start):
                dest.append(a)                        # "lent Pakistan $2 billion"
            else:
                owner.append(a)
    if trig.kind == "import":
        subj_c, obj_c = dest + owner, origin
    elif receive:
        subj_c, obj_c = origin, owner + dest
    else:
        subj_c, obj_c = origin + owner, dest
    subject = subj_c[0].ref if subj_c else None
    obj = next((a.ref for a in obj_c if subject is None or a.id != subject.id), None)
    how = ""
    if subject is None and obj is not None:
        subject = ctx.counterpart(obj, sent.start)
        how = "+actor:context"
    return subject, obj, how


def _clause_start(ctx, sent: Sentence, at: int) -> int:
    start = sent.start
    for m in CLAUSE_BREAK.finditer(ctx.text, sent.start, at):
        start = m.end()
    return start


def _partners(ctx, sent: Sentence, actors: list[ActorAt]):
    named = [a for a in actors if a.type != "ANAPHOR"]
    if len(unique_actors(named)) >= 2:
        actors = named
    actors = unique_actors(actors)
    if len(actors) >= 2:
        return actors[0].ref, actors[1].ref, ""
    if len(actors) == 1:
        a = actors[0]
        if a.prep in WITH_PREPS:
            other = ctx.counterpart(a.ref, sent.start)
            return (other, a.ref, "+actor:context") if other else (None, None, "")
        return a.ref, None, ""
    pair = ctx.pair_before(sent.start)
    return (pair[0], pair[1], "+actors:context") if pair else (None, None, "")


def _rank_roles(ctx, sent: Sentence, trig: Trigger, actors: list[ActorAt]):
    """Subject: the one ranked; object: whose partner it is ("Azerbaijan's", "of/to/for X")."""
    holder, of = [], []
    for a in actors:
        after = a.start >= trig.end
        if a.case == "Gen" and a.prep is None and not after:
            of.append(a)                              # "Azerbaijan's largest supplier"
        elif a.prep in OF_PREPS and after:
            of.append(a)
        elif a.type == "ADJ" and a.end <= trig.end:
            of.append(a)                              # "the largest Kazakh trading partner"
        elif a.prep is None and a.type != "ADJ":
            holder.append(a)
    subject = holder[0].ref if holder else None
    obj = next((a.ref for a in of if subject is None or a.id != subject.id), None)
    how = ""
    if subject is None and obj is not None:
        subject, how = ctx.counterpart(obj, sent.start), "+actor:context"
    elif obj is None and subject is not None:
        obj, how = ctx.counterpart(subject, sent.start), "+actor:context"
    return subject, obj, how

