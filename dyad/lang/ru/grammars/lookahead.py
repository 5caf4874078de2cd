"""yargy's parser, predicting only the productions the next token can start.

yargy's Earley parser predicts every production of a rule at every token, and again each time
another state waits for that rule. The period and amount grammars so put some fifty states in
each column of the chart, nearly all of which die at the next token; creating and hashing them
was most of what a parse cost. :class:`LookaheadParser` works out once which terminals each
production can begin with (looking through rules that may match nothing), and predicts at each
column only the productions that can match nothing or whose first terminal accepts the next
token, each rule once (yargy's repeats add nothing: the states are the same).

Why the matches stay the same: a production left out, and everything it would have predicted,
consumes no token, so it completes nothing but rules that match nothing. yargy completes such a
rule only for the states already waiting for it, so the states left out would change what others
see only if a rule that can match nothing, standing at the start of a production, were also
awaited from somewhere else. tests/test_grammar_speed.py checks that no grammar here does, and
that both parsers give the same matches on the golden phrases and the fixtures. Productions keep
their place in the rule as their rank, so parses of one span are ordered as before.
"""
from __future__ import annotations

from yargy import Parser
from yargy.parser import Node, State
from yargy.rule.bnf import BNFRule, is_rule

WORDS_KEPT = 50_000                       # words whose predictions are remembered


class LookaheadParser(Parser):
    """A yargy :class:`~yargy.Parser` that skips predictions the next token rules out."""

    def __init__(self, rule, tokenizer=None, tagger=None):
        super().__init__(rule, tokenizer=tokenizer, tagger=tagger)
        self._firsts, self._starts = _first_terminals(self.rule)
        self._words: dict[tuple[str, str] | None, _Word] = {}

    def predict(self, column, next_column, rule):
        if type(rule) is not BNFRule:
            return super().predict(column, next_column, rule)
        done = column.__dict__.setdefault("predicted", set())    # yargy's Column has no slots
        if id(rule) in done:
            return None                   # yargy would add the same states again: a no-op
        done.add(id(rule))
        token = next_column.token if next_column is not None else None
        for index, production in self._starting(token, rule):
            node = Node(rule, production, rank=index, children=[])
            column.append(State(rule, production, dot_index=0, start_column=column,
                                stop_column=column, node=node))
        return None

    def _starting(self, token, rule) -> tuple[tuple[int, object], ...]:
        """``(rank, production)`` for each production of ``rule`` that can match nothing or
        whose first terminal accepts ``token`` (``None`` past the last token)."""
        word = self._word(token)
        found = word.starting.get(id(rule))
        if found is None:
            accepted = set() if token is None else {
                id(p) for p in self._firsts[id(rule)] if word.accepts(p, token)}
            found = word.starting[id(rule)] = tuple(
                (index, production) for index, production in enumerate(rule.productions)
                if self._starts[id(production)][1]
                or not self._starts[id(production)][0].isdisjoint(accepted))
        return found

    def _word(self, token) -> _Word:
        """What the grammar made of this word so far. A terminal reads only the word, its token
        type and its analyses (which follow from the word), and the same words come back in
        every text, so each rule's predictions are worked out once per word."""
        key = (token.value, token.type) if token is not None else None
        word = self._words.get(key)
        if word is None:
            if len(self._words) >= WORDS_KEPT:
                self._words.clear()
            word = self._words[key] = _Word()
        return word


class _Word:
    """One word's answers from the grammar's terminals, and the productions that may start at
    it, by rule."""
    __slots__ = ("answers", "starting")

    def __init__(self) -> None:
        self.answers: dict[int, bool] = {}
        self.starting: dict[int, tuple[tuple[int, object], ...]] = {}

    def accepts(self, predicate, token) -> bool:
        key = id(predicate)
        if key not in self.answers:
            self.answers[key] = bool(predicate(token))
        return self.answers[key]


def _first_terminals(start: BNFRule) -> tuple[dict[int, tuple], dict[int, tuple[frozenset, bool]]]:
    """``({id(rule): its first terminals}, {id(production): (ids of its first terminals, whether
    it can match nothing)})`` for the grammar under ``start``. Equal terminals written in several
    places (``caseless('с')``) are one object here, so each is asked once per token."""
    rules = _rules(start)
    same = _canonical(rules)
    firsts: dict[int, dict[int, object]] = {id(r): {} for r in rules}
    empty: dict[int, bool] = {id(r): False for r in rules}
    changed = True
    while changed:                        # to a fixed point: rules may refer to themselves
        changed = False
        for r in rules:
            for production in r.productions:
                terms, nothing = _first_terms(production, firsts, empty, same)
                size = len(firsts[id(r)])
                firsts[id(r)].update(terms)
                if len(firsts[id(r)]) != size or (nothing and not empty[id(r)]):
                    empty[id(r)] = empty[id(r)] or nothing
                    changed = True
    starts = {}
    for r in rules:
        for production in r.productions:
            terms, nothing = _first_terms(production, firsts, empty, same)
            starts[id(production)] = (frozenset(terms), nothing)
    return {key: tuple(terms.values()) for key, terms in firsts.items()}, starts


def _first_terms(production, firsts, empty, same) -> tuple[dict[int, object], bool]:
    """The terminals a production may begin with, and whether it can match nothing."""
    terms: dict[int, object] = {}
    for term in production.terms:
        if not is_rule(term):
            one = same[id(term)]
            terms[id(one)] = one
            return terms, False
        terms.update(firsts[id(term)])
        if not empty[id(term)]:
            return terms, False
    return terms, True


def _canonical(rules: list[BNFRule]) -> dict[int, object]:
    """``{id(terminal): the first terminal equal to it}`` (yargy predicates compare by kind and
    parameters)."""
    kept: dict[type, list] = {}
    out: dict[int, object] = {}
    for term in (t for r in rules for p in r.productions for t in p.terms if not is_rule(t)):
        alike = kept.setdefault(type(term), [])
        same = next((k for k in alike if k == term), None)
        if same is None:
            alike.append(term)
        out[id(term)] = term if same is None else same
    return out


def _rules(start: BNFRule) -> list[BNFRule]:
    """Every rule reachable from ``start``."""
    seen: dict[int, BNFRule] = {}
    stack = [start]
    while stack:
        r = stack.pop()
        if id(r) in seen:
            continue
        seen[id(r)] = r
        stack.extend(t for p in r.productions for t in p.terms if is_rule(t))
    return list(seen.values())
