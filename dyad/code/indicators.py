"""Trade and economic indicators: turnover, exports, imports, investment, loans, aid and ranks.

For each sentence: find the indicator words (:data:`TRIGGERS`, :data:`ROLE_NOUNS`), cut the
sentence into one segment per indicator (a segment starts at the clause break before its word),
give each segment the figures the grammars found in it (an amount, a percent or multiple change)
and its actors with their roles, then a period and a baseline.

Directions (docs/schema.md): ``export`` subject exports to object, ``import`` subject imports from
object, ``investment``/``loan``/``aid`` subject gives to object, ``trade_turnover`` the two
partners in text order. Roles come from the preposition and case before each actor:
``из``/``от`` origin, ``в``/``на``/``для`` or dative destination, ``с``/``между`` partner, an
adjective (``азербайджанской продукции``) or a bare genitive/nominative the owner. A side left
empty is filled with the other member of the latest pair of states the text named
(``импорт из КНР`` -> AZE imports from CHN), rule suffix ``+actor:context``.

Periods: the sentence's own period, else the last period named earlier in the paragraph
(``+period:carried``). A change's baseline: ``аналогичный период ...`` or a period after
``по сравнению с``/``против``/``чем``; else the carried baseline; else the same period a year
earlier (``+baseline:implied``: Russian trade figures are year on year unless said otherwise).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang.types import Sentence, Token
from ..types import ActorRef, Change, Fact
from .fact_context import CLAUSE_BREAK, ActorAt, FactContext, Found, Paragraph, trim, unique_actors
from ..lang.ru.grammars import PeriodMatch, baseline_for
from ..lang.ru.grammars.directions import COMPARATIVES, direction_of
from ..lang.ru.grammars.tokens import clause_after, clause_before

TRIGGERS: dict[str, str] = {
    "товарооборот": "trade_turnover", "товарообмен": "trade_turnover",
    "торговля": "trade_turnover",
    "экспорт": "export", "экспортировать": "export", "поставка": "export", "вывоз": "export",
    "импорт": "import", "импортировать": "import", "ввоз": "import", "закупка": "import",
    "закупить": "import", "закупать": "import",
    "инвестиция": "investment", "инвестировать": "investment", "капиталовложение": "investment",
    "вложение": "investment",
    "кредит": "loan", "заем": "loan", "займ": "loan", "кредитование": "loan",
    "помощь": "aid", "грант": "aid", "техпомощь": "aid",
}
TWO_WORD = {("торговый", "оборот"): "trade_turnover", ("внешнеторговый", "оборот"): "trade_turnover"}
NOT_AFTER = {"помощь": {"с", "при", "со"}}      # "с помощью": a means, not aid

RANK_WORDS = {"крупный": 1, "крупнейший": 1, "главный": 1, "основной": 1, "ведущий": 1,
              "первый": 1, "второй": 2, "третий": 3, "четвертый": 4, "пятый": 5}
ROLE_NOUNS = {"партнер": "partner", "поставщик": "supplier", "покупатель": "buyer",
              "инвестор": "investor", "импортер": "importer", "экспортер": "exporter",
              "кредитор": "creditor", "донор": "donor", "потребитель": "consumer",
              "рынок": "market"}
RANK_FILLER = {"по", "величина", "объем", "значимость", "значение", "торговый", "внешнеторговый",
               "экономический", "торгово-экономический", "инвестиционный", "иностранный",
               "внешний", "важный", "крупный", "крупнейший", "место", "среди", "из", "в", "мир",
               "мировой"}
TRADE_ADJ = {"торговый", "внешнеторговый", "торгово-экономический"}

RULES = {"trade_turnover": "facts.trade.turnover", "export": "facts.trade.export",
         "import": "facts.trade.import", "investment": "facts.trade.investment",
         "loan": "facts.trade.loan", "aid": "facts.trade.aid", "rank": "facts.trade.rank"}
FROM_PREPS = {"из", "от", "изо", "у"}
TO_PREPS = {"в", "во", "на", "для", "к"}
WITH_PREPS = {"с", "со", "между"}
RECEIVE = {"получить", "получать", "взять", "брать", "привлечь", "привлекать", "занять"}
# A plan, target or forecast is not a reported figure: "намерены довести товарооборот до 10 млрд",
# "планирует увеличить импорт на 20%", "ожидается, что экспорт превысит ..."
GOAL = {"намерен", "намереваться", "намерение", "планировать", "план", "стремиться", "собираться",
        "рассчитывать", "цель", "задача", "прогноз", "прогнозировать", "прогнозироваться",
        "ожидаться", "ожидать"}
# "первое место по поставкам": the rank's role from the indicator it ranks
RANK_BY = {"поставка": "supplier", "экспорт": "exporter", "импорт": "importer", "закупка": "buyer",
           "инвестиция": "investor", "товарооборот": "trade_partner", "торговля": "trade_partner",
           "кредит": "creditor"}
# Every lemma a trigger can begin with (a word outside it starts none of the checks below)
TRIGGER_STARTS = frozenset(TRIGGERS) | {first for first, _ in TWO_WORD} | frozenset(RANK_WORDS)
COMPARE = re.compile(r"(?:сравнению\s+со?|против|чем|относительно|уровн\w*|показател\w*|"
                     r"по\s+отношению\s+к)\s*(?:за|в|во)?\s*$")


@dataclass(frozen=True, slots=True)
class Trigger:
    kind: str
    first: int             # token indexes in the sentence, inclusive
    last: int
    start: int
    end: int
    rank: int | None = None
    as_what: str | None = None


@dataclass
class Carry:
    """What a paragraph carries from one sentence to the next."""
    period: PeriodMatch | None = None
    baseline: PeriodMatch | None = None


def find_triggers(sentence: Sentence) -> list[Trigger]:
    toks = sentence.tokens
    out: list[Trigger] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.lemma not in TRIGGER_STARTS:
            i += 1                                    # most words: no need to look closer
            continue
        pair = (t.lemma, toks[i + 1].lemma) if i + 1 < len(toks) else None
        if pair in TWO_WORD:
            out.append(Trigger(TWO_WORD[pair], i, i + 1, t.start, toks[i + 1].end))
            i += 2
            continue
        kind = TRIGGERS.get(t.lemma)
        if kind and not (i > 0 and toks[i - 1].lemma in NOT_AFTER.get(t.lemma, ())):
            if not (out and out[-1].kind == kind and i - out[-1].last <= 2):
                out.append(Trigger(kind, i, i, t.start, t.end))
            i += 1
            continue
        rank = _rank_at(toks, i)
        if rank:
            out.append(rank)
            i = rank.last + 1
            continue
        i += 1
    return out


def _rank_at(toks: tuple[Token, ...], i: int) -> Trigger | None:
    rank = RANK_WORDS.get(toks[i].lemma)
    if rank is None or (i >= 2 and toks[i - 2].lemma == "один" and toks[i - 1].lemma == "из"):
        return None
    trade = False
    for j in range(i + 1, min(len(toks), i + 7)):
        lemma = toks[j].lemma
        if lemma in ROLE_NOUNS:
            as_what = ROLE_NOUNS[lemma]
            if as_what == "partner" and trade:
                as_what = "trade_partner"
            return Trigger("rank", i, j, toks[i].start, toks[j].end, rank, as_what)
        if lemma == "по" and j > i and toks[j - 1].lemma == "место" and j + 1 < len(toks) \
                and toks[j + 1].lemma in RANK_BY:
            return Trigger("rank", i, j + 1, toks[i].start, toks[j + 1].end, rank,
                           RANK_BY[toks[j + 1].lemma])
        if lemma in TRADE_ADJ:
            trade = True
        if lemma not in RANK_FILLER:
            return None
    return None


def extract(ctx: FactContext) -> list[Found]:
    found: list[Found] = []
    carry: dict[int, Carry] = {}
    triggers_of = {sent.start: find_triggers(sent) for sent in ctx.analysis.sentences}
    # Cheap before expensive: the grammars run only on paragraphs with an indicator in them
    # (periods carry within a paragraph, never across).
    active = {ctx.paragraph_span(start)[0] for start, found in triggers_of.items() if found}
    for sent in ctx.analysis.sentences:
        if ctx.paragraph_span(sent.start)[0] not in active:
            continue
        para = ctx.paragraph_of(sent.start)
        state = carry.setdefault(para.start, Carry())
        triggers = triggers_of[sent.start]
        periods, baselines = _sentence_periods(ctx, para, sent)
        if triggers:
            found.extend(_sentence_facts(ctx, para, sent, triggers, periods, baselines, state))
        usable = [p for p in periods if p.precision != "day"]
        if usable:
            state.period = usable[-1]
            state.baseline = baselines[-1] if baselines else None
    return found


def _sentence_periods(ctx: FactContext, para: Paragraph, sent: Sentence
                      ) -> tuple[list[PeriodMatch], list[PeriodMatch]]:
    """The sentence's periods that can carry a figure, and its baselines."""
    periods, baselines = [], []
    for p in para.periods:
        if not (sent.start <= p.start < sent.end) or p.period is None:
            continue
        before = ctx.text[max(sent.start, p.start - 30):p.start].lower()
        if re.search(r"(?<!\w)к\s*$", before):
            continue                                  # "к 2030 году": a deadline, not a period
        if p.is_baseline or COMPARE.search(before):
            baselines.append(p)
        else:
            periods.append(p)
    return periods, baselines


def _segments(ctx: FactContext, sent: Sentence, triggers: list[Trigger]) -> list[tuple[int, int]]:
    """One ``[start, end)`` per trigger: from the clause break before it to the next segment."""
    starts = [sent.start]
    for prev, cur in zip(triggers, triggers[1:]):
        cut = cur.start
        for m in CLAUSE_BREAK.finditer(ctx.text, prev.end, cur.start):
            cut = m.end()
        starts.append(cut)
    return [(s, e) for s, e in zip(starts, starts[1:] + [sent.end])]


def _sentence_facts(ctx, para, sent, triggers, periods, baselines, state) -> list[Found]:
    segments = _segments(ctx, sent, triggers)
    figures = [_figures(ctx, para, s, e) for s, e in segments]
    # "экспорт и импорт выросли на 10%": a trigger without figures joined by "и" shares the next's
    for k in range(len(triggers) - 2, -1, -1):
        gap = ctx.text[triggers[k].end:triggers[k + 1].start].strip().lower()
        if figures[k] == (None, None, None) and gap in ("и", ", а также", "и его"):
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


def _figures(ctx: FactContext, para: Paragraph, start: int, end: int):
    """(value amount, change, delta amount) inside a segment."""
    amounts = [a for a in para.amounts if start <= a.start < end]
    value, delta = None, None
    for a in amounts:
        if a.unit is None and not a.can_carry:
            continue                                  # "5 млн человек"
        before = ctx.text[max(start, a.start - 4):a.start].lower()
        if re.search(r"\bна\s*$", before) and (
                direction_of(clause_before(ctx.text, a.start, 4))
                or clause_after(ctx.text, a.end, 1) in COMPARATIVES):
            delta = delta or a                        # "вырос на 2 млрд": a change, not a level
            continue
        if a.rule == "amount.fromto":
            value = a                                 # the later of "с X до Y" wins
            continue
        value = value or a
    changes = [p for p in para.percents if start <= p.start < end and p.direction != 0
               and p.unit == "%"]
    changes += [m for m in para.multiples if start <= m.start < end]
    change = min(changes, key=lambda c: c.start) if changes else None
    return value, change, delta


def _pick_period(periods: list[PeriodMatch], start: int, end: int) -> PeriodMatch | None:
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
    base = baselines[0] if baselines else None
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
            baseline = None      # "по сравнению с предыдущим годом" read against the article date
        if baseline is None and period is not None and pm.precision != "day":
            baseline = baseline_for(period)
            rule.append("+baseline:implied")
        chg = Change(kind="multiple" if hasattr(change, "factor") else "percent",
                     value=change.factor if hasattr(change, "factor") else change.value,
                     baseline=baseline)
        notes.append(f"change «{ctx.text[change.start:change.end]}»"
                     + (f" baseline «{ctx.text[base.start:base.end]}»" if base else ""))
    if trig.kind == "rank":
        attrs = [("rank", trig.rank), ("as", trig.as_what)]
        value, unit, comparator, chg = None, None, "=", None
    span = trim(ctx.text, start, end)
    fact = Fact(id="", kind=trig.kind, subject=subject, object=obj, evidence=span,
                rule="".join(rule), period=period, value=value, unit=unit, comparator=comparator,
                change=chg, attributes=tuple(attrs))
    return Found(fact, tuple(notes))


def _roles(ctx: FactContext, sent: Sentence, trig: Trigger, actors: list[ActorAt]
           ) -> tuple[ActorRef | None, ActorRef | None, str]:
    if trig.kind == "trade_turnover":
        return _partners(ctx, sent, actors)
    actors = unique_actors(actors)
    if trig.kind == "rank":
        return _rank_roles(ctx, sent, trig, actors)
    receive = any(t.lemma in RECEIVE for t in sent.tokens if t.end <= trig.start) or \
        any(t.lemma in RECEIVE for t in sent.tokens[trig.last + 1:trig.last + 4])
    origin, dest, owner = [], [], []
    for a in actors:
        if a.prep in FROM_PREPS:
            origin.append(a)
        elif a.prep in TO_PREPS and (a.via or a.case != "Loc" or a.type == "ADJ"
                                     or ctx.text[a.start:a.end].isupper()):   # "в ЕАЭС"
            dest.append(a)
        elif a.prep in WITH_PREPS:
            dest.append(a)
        elif a.prep is None:
            if a.type == "ADJ":
                adjacent = a.end <= trig.start and not ctx.text[a.end:trig.start].strip()
                if trig.kind == "import" and not adjacent:
                    origin.append(a)                 # "импорт китайских товаров"
                else:
                    owner.append(a)
            elif a.case == "Dat":
                dest.append(a)
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


def _partners(ctx: FactContext, sent: Sentence, actors: list[ActorAt]):
    named = [a for a in actors if a.type != "ANAPHOR"]
    if len(unique_actors(named)) >= 2:         # "двух стран, Казахстана и Азербайджана": the names
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


def _rank_roles(ctx: FactContext, sent: Sentence, trig: Trigger, actors: list[ActorAt]):
    """Subject: the one ranked (nominative or accusative); object: whose partner it is."""
    holder, of = [], []
    for a in actors:
        after = a.start >= trig.end
        if a.prep in TO_PREPS or a.prep == "для" or a.prep == "среди":
            of.append(a)
        elif a.prep is None and a.case == "Gen" and after:
            of.append(a)
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
