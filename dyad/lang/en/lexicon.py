"""The English trigger lexicon and its matcher over spaCy-parsed sentences.

Three tables, read once: dyad/lang/en/data/triggers_news.tsv (the verbs and phrases of international
news, hand-written, with priority), triggers.tsv (verbs, generated from PETRARCH-2's CAMEO verb
dictionary by scripts/cameo_verbs_en.py) and triggers_nouns.tsv (nouns, hand-written); or,
for ``dyad eval petrarch``, the rows of another PETRARCH verb dictionary built in memory
(:func:`lexicon_from_petrarch`, :mod:`.verbdict`). A row is anchored on one head word (its
``lemma``, VERB or NOUN) and names the words that must stand before and after it (``before``,
``after``: items in order; ``a|b`` alternatives, ``a_b`` consecutive tokens, ``<name>`` a synonym
set from the file's header).

A row matches at a token whose lemma (or, for verbs, one of the dictionary's listed forms) is the
head and whose part of speech fits (VERB, or AUX that is not an auxiliary; NOUN, PROPN); the other
words of a multi-word verb ("carry out", "meet with") must hang on the head and follow it within
MULTI_WINDOW tokens; each pattern word must be a token of the head's clause (its dependency subtree
without nested clauses) or within WINDOW tokens of it, on the right side, in order. A word matches
a token whose lemma or lowercase text it is.

Of the rows of one head that match, the one with the most matched tokens wins, then the one of a
table with priority (triggers_news.tsv, PRIORITIES: a generated pattern that matches more words
still wins, an equal count goes to the hand-written row), then the one with a named target, then the
first read; a bare verb (``*``) is the fallback that carries the verb's default code. At most one
trigger per head.

    target: "dobj" (the head's direct object), "nsubj" (its subject), "nsubjpass" (passive subject), "conj" (the other member of a
            coordinated subject), a preposition lemma (the object of that preposition hanging on the
            head or on a pattern word: "ties with +" -> "with"), or None: the pattern names no target
            and PETRARCH takes the first actor after the verb.
    source: "nsubj" normally (for a noun: its possessor or the subject of the verb governing it),
            "agent" (passive), "dobj", "between" (the members of the noun's between-phrase are both
            sides) or a preposition ("by").

For rows that have only a backward code (``[:173]``: "X faces trial" is the court's act towards X)
the trigger's cameo is that code and its source and target slots are swapped. ``back`` is the paired
code of the target's act towards the source ([042:043]: a visit and its hosting).

A passive verb (an nsubjpass or auxpass hangs on it) turns a row's ``nsubj`` source into "agent"
(the object of the by-phrase, spaCy's ``agent`` -> ``pobj``) and its ``dobj`` or unnamed target into
"nsubjpass": "Gondor was accused by Rohan" is Rohan's accusation of Gondor.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Mapping, Sequence

from dyad.types import pickled_as_tuple
from dyad.tables import read_table

from .verbdict import COLUMNS, build_rows

DATA = Path(__file__).resolve().parent / "data"
FILES = ("triggers_news.tsv", "triggers.tsv", "triggers_nouns.tsv")
VERSIONS = ("triggers_news.en.v1", "triggers.en.v1", "triggers_nouns.en.v1")
PRIORITIES = (1, 0, 0)     # a row's rank after its matched-token count: the news table wins ties
WINDOW = 4            # tokens beside the head searched even when the parse does not attach them
MULTI_WINDOW = 4      # the particle of a multi-word verb stands at most this far after the verb
CLAUSE_BREAKS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "csubjpass", "xcomp",
                           "acl", "conj"})
AUXILIARY = frozenset({"aux", "auxpass"})
PASSIVE = frozenset({"nsubjpass", "auxpass"})
WEAK_HEADS = frozenset({"be", "have"})   # heads of multi-word verbs that every sentence has
HEAD_POS = MappingProxyType({"VERB": frozenset({"VERB", "AUX"}), "NOUN": frozenset({"NOUN", "PROPN"})})

Alternative = tuple[str, ...]          # consecutive token words
Item = tuple[Alternative, ...]         # any one of these


@dataclass(frozen=True, slots=True)
class EnTrigger:
    cameo: str                 # e.g. "064"
    head: int                  # index in sentence.tokens of the verb (or noun) the pattern is anchored on
    words: tuple[int, ...]     # indices of every token the pattern matched, head included
    target: str | None         # "dobj", a preposition lemma ("with", "to", "against", "on"...), or None
    source: str | None         # normally "nsubj"; "by" etc. if the pattern says so
    pos: str                   # VERB | NOUN
    rule: str                  # the row id, e.g. "en.064.3"
    pattern: str               # the pattern as written in the source dictionary (for explain)
    back: str | None = None    # the paired code of the target's act towards the source, if any


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    lemma: str
    pos: str
    cameo: str
    back: str
    head: Alternative          # the head word, hyphen parts split: ("re", "-", "establish")
    rest: tuple[str, ...]      # the other words of a multi-word verb ("out" of "carry out")
    before: tuple[Item, ...]
    after: tuple[Item, ...]
    target: str | None
    source: str | None
    forms: frozenset[str]
    pattern: str
    order: int
    # per item of before/after and per word of rest: the words one of which the sentence must
    # hold for the row to have a chance (a cheap test before the matching proper)
    needs: tuple[frozenset[str], ...] = ()
    priority: int = 0          # its table's: ranks right after the matched-token count


def _needs(rest: tuple[str, ...], before: tuple[Item, ...], after: tuple[Item, ...]) -> tuple[frozenset[str], ...]:
    out = {frozenset({w}) for w in rest}
    for item in before + after:
        out.add(frozenset(alt[0] for alt in item if alt))
    return tuple(sorted(out, key=len))


pickled_as_tuple(Row)          # the disk cache holds 45,000 of them: restored without fields()


@dataclass(frozen=True, slots=True)
class Lexicon:
    rows: Mapping[str, tuple[Row, ...]]      # head key (a lemma or listed form) -> rows
    heads: frozenset[str]                    # every key match_lemmas looks for


# ---- loading -----------------------------------------------------------------------------------

def _words(word: str) -> tuple[Alternative, ...]:
    """A word's token spellings: itself, and split at hyphens (spaCy cuts "cease-fire" in three)."""
    if "-" in word.strip("-"):
        parts = [p for p in word.split("-")]
        split = tuple(itertools.chain.from_iterable((p, "-") for p in parts))[:-1]
        return ((word,), tuple(p for p in split if p))
    return ((word,),)


def _item(text: str, synsets: Mapping[str, tuple[str, ...]]) -> Item:
    alts: list[Alternative] = []
    for alt in text.split("|"):
        pieces: list[tuple[Alternative, ...]] = []
        for part in alt.rstrip("+$").split("_"):
            if part.startswith("<") and part.endswith(">"):
                members = synsets[part[1:-1]]
                pieces.append(tuple(w for m in members for w in _sequence(m)))
            else:
                pieces.append(_words(part))
        for combo in itertools.product(*pieces):
            alts.append(tuple(itertools.chain.from_iterable(combo)))
    return tuple(dict.fromkeys(alts))


def _sequence(member: str) -> tuple[Alternative, ...]:
    """A synonym set member (``armed_force``, ``cease-fire``) as token sequences."""
    return tuple(tuple(itertools.chain.from_iterable(c))
                 for c in itertools.product(*(_words(w) for w in member.split("_"))))


def _items(text: str, synsets: Mapping[str, tuple[str, ...]], seen: dict) -> tuple[Item, ...]:
    """The items of a before/after cell; ``seen`` keeps each distinct cell's items (thousands of
    rows repeat one cell), so equal cells share one tuple."""
    if text not in seen:
        seen[text] = tuple(_item(t, synsets) for t in text.split())
    return seen[text]


def _head(word: str) -> Alternative:
    return _words(word)[-1]


def _synsets(meta: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """A table's synonym sets from its ``# synset_name: a|b|c`` header lines."""
    return {k[len("synset_"):]: tuple(v.split("|")) for k, v in meta.items() if k.startswith("synset_")}


Table = tuple[Iterable[Mapping[str, str]], Mapping[str, tuple[str, ...]]]   # rows, their synsets


def lexicon_from_rows(rows: Iterable[Mapping[str, str]], synsets: Mapping[str, tuple[str, ...]]) -> Lexicon:
    """A lexicon from rows in memory (dicts with triggers.tsv's columns) and the synonym sets
    their ``<name>`` items refer to."""
    return lexicon_from_tables([(rows, synsets)])


def lexicon_from_tables(tables: Iterable[Table], priorities: Sequence[int] = ()) -> Lexicon:
    """One lexicon from several tables, each with its own synonym sets and priority (``priorities``,
    per table, 0 where not given); a row's ``order`` (the last tie-break) runs on across the
    tables."""
    by_key: dict[str, list[Row]] = {}
    heads: set[str] = set()
    order = 0
    needs: dict[tuple, tuple[frozenset[str], ...]] = {}
    for k, (rows, synsets) in enumerate(tables):
        priority = priorities[k] if k < len(priorities) else 0
        seen: dict[str, tuple[Item, ...]] = {}
        for r in rows:
            words = r["lemma"].split()
            rest, before, after = tuple(words[1:]), _items(r["before"], synsets, seen), _items(r["after"], synsets, seen)
            row = Row(r["id"], r["lemma"], r["pos"], r["cameo"], r["back"], _head(words[0]),
                      rest, before, after, r["target"] or None, r["source"] or None,
                      frozenset(r["forms"].split()), r["pattern"], order,
                      needs.get((rest, id(before), id(after))) or needs.setdefault(
                          (rest, id(before), id(after)), _needs(rest, before, after)), priority)
            order += 1
            keys = {row.head[-1], words[0], words[0].replace("-", "")} | set(row.forms)
            if row.pos == "NOUN" and words[0].endswith("s"):
                keys.add(words[0][:-1])          # "talks": spaCy's lemma is "talk"
            for key in keys:
                by_key.setdefault(key, []).append(row)
            # "be determined" is anchored on be, but only a sentence with "determined" can match it
            heads |= {words[1]} if words[0] in WEAK_HEADS and len(words) > 1 else keys
    return Lexicon(MappingProxyType({k: tuple(v) for k, v in by_key.items()}), frozenset(heads))


@cache
def load() -> Lexicon:
    """Dyad's own lexicon: triggers_news.tsv, triggers.tsv and triggers_nouns.tsv, from the disk
    cache when they have not changed (building it reads 45,000 rows; :mod:`dyad.cache`)."""
    from ...cache import cached
    rows, heads = cached("en-lexicon", [DATA / name for name in FILES], ("dyad.lang.en.lexicon", "dyad.tables"),
                         _build_plain)
    return Lexicon(MappingProxyType(rows), heads)


def _build_plain() -> tuple[dict[str, tuple[Row, ...]], frozenset[str]]:
    tables = []
    for name, version in zip(FILES, VERSIONS):
        table = read_table(DATA / name)
        if table.version != version:
            raise ValueError(f"{name}: version {table.version!r}, expected {version!r}")
        tables.append((table.rows, _synsets(table.meta)))
    lexicon = lexicon_from_tables(tables, PRIORITIES)
    return dict(lexicon.rows), lexicon.heads


def petrarch_lexicon(path: str | Path) -> Lexicon:
    """The verb lexicon of a PETRARCH verb dictionary (TABARI format, :mod:`.verbdict`), built in
    memory with every code-looking code kept (a test dictionary's own codes too). Verbs only:
    PETRARCH codes no nouns, so triggers_nouns.tsv is not added. Built once per file."""
    return lexicon_from_petrarch(path).lexicon


@dataclass(frozen=True, slots=True, eq=False)
class Matcher:
    """:func:`match_sentence` over one lexicon, as a callable (``match(sentence)``)."""
    lexicon: Lexicon
    source: str                # where the lexicon came from, for repr and explain

    def __call__(self, sentence) -> list[EnTrigger]:
        return match_sentence(sentence, self.lexicon)

    def __repr__(self) -> str:
        return f"Matcher({self.source!r}, {len(self.lexicon.rows)} heads)"


def lexicon_from_petrarch(path: str | Path) -> Matcher:
    """A sentence matcher (``match(sentence) -> list[EnTrigger]``) over a PETRARCH verb dictionary
    (``dyad eval petrarch`` codes the unit tests with their own PETR.Validate.verbs.txt); built in
    memory, once per file."""
    return _petrarch_matcher(str(Path(path).resolve()))


@cache
def _petrarch_matcher(path: str) -> Matcher:
    built = build_rows(Path(path).read_text(encoding="utf-8"), allowed=None)
    rows = (dict(zip(COLUMNS, row)) for row in built.rows)
    return Matcher(lexicon_from_rows(rows, built.synsets), path)


# ---- matching ----------------------------------------------------------------------------------

def match_lemmas(lemmas: Sequence[str], lexicon: Lexicon | None = None) -> bool:
    """Cheap pre-check: does any trigger head occur among these lemmas (a yes may still find no
    trigger once the sentence is parsed)."""
    heads = (lexicon if lexicon is not None else load()).heads
    return any(lemma in heads for lemma in lemmas)


def match_sentence(sentence, lexicon: Lexicon | None = None) -> list[EnTrigger]:
    """Every trigger of a parsed sentence, by head; at most one per head. ``lexicon``: Dyad's own
    (:func:`load`) unless given."""
    tokens = sentence.tokens
    if lexicon is None:
        lexicon = load()
    children: list[list[int]] = [[] for _ in tokens]
    for i, tok in enumerate(tokens):
        if 0 <= tok.head < len(tokens) and tok.head != i:
            children[tok.head].append(i)
    present = {t.lemma for t in tokens} | {t.text.lower() for t in tokens}
    out = []
    for i, tok in enumerate(tokens):
        text = tok.text.lower()
        rows = lexicon.rows.get(tok.lemma, ()) + (lexicon.rows.get(text, ()) if text != tok.lemma else ())
        if not rows:
            continue
        best: tuple[tuple[int, int, int, int], Row, tuple[int, ...]] | None = None
        clause = None
        for row in rows:
            if row.needs and not all(need & present for need in row.needs):
                continue
            if not _head_fits(row, tokens, i):
                continue
            if clause is None:
                clause = _clause(children, tokens, i)
            words = _match(row, tokens, children, clause, i)
            if words is None:
                continue
            rank = (len(words), row.priority, row.target is not None, -row.order)
            if best is None or rank > best[0]:
                best = (rank, row, words)
        if best is not None:
            passive = best[1].pos == "VERB" and any(tokens[c].rel in PASSIVE for c in children[i])
            out.append(_trigger(best[1], i, best[2], passive))
    return out


def _head_fits(row: Row, tokens, i: int) -> bool:
    tok = tokens[i]
    if tok.pos not in HEAD_POS[row.pos] or (tok.pos == "AUX" and tok.rel in AUXILIARY):
        return False
    return _whole(row, tok) or _split(row, tokens, i)


def _whole(row: Row, tok) -> bool:
    """The head word as one token (re-establish also as "reestablish")."""
    word = row.lemma.split()[0]
    return _is(tok, word) or _is(tok, word.replace("-", "")) or tok.text.lower() in row.forms


def _split(row: Row, tokens, i: int) -> bool:
    """A hyphenated head cut by the tokenizer: re - establish, the prefix right before the head."""
    start = i - (len(row.head) - 1)
    return (len(row.head) > 1 and start >= 0 and _is(tokens[i], row.head[-1])
            and all(_is(tokens[start + k], w) for k, w in enumerate(row.head[:-1])))


def _is(tok, word: str) -> bool:
    return tok.lemma == word or tok.text.lower() == word


def _clause(children, tokens, head: int) -> frozenset[int]:
    """The head's dependency subtree without nested clauses (verbs hanging as ccomp, advcl, xcomp,
    conj ... are cut off with everything below them)."""
    seen = {head}
    stack = [head]
    while stack:
        for c in children[stack.pop()]:
            if c in seen or (tokens[c].rel in CLAUSE_BREAKS and tokens[c].pos in ("VERB", "AUX")):
                continue
            seen.add(c)
            stack.append(c)
    return frozenset(seen)


def _descendants(children, node: int) -> set[int]:
    out, stack = set(), [node]
    while stack:
        for c in children[stack.pop()]:
            if c not in out:
                out.add(c)
                stack.append(c)
    return out


def _match(row: Row, tokens, children, clause: frozenset[int], head: int) -> tuple[int, ...] | None:
    matched = [head]
    if not _whole(row, tokens[head]):
        matched += range(head - len(row.head) + 1, head)
    last = head
    if row.rest:                                   # carry out, meet with, live up to
        below = _descendants(children, head)
        for k, word in enumerate(row.rest):
            found = next((j for j in range(last + 1, min(len(tokens), last + 1 + MULTI_WINDOW))
                          if _is(tokens[j], word) and (j in below or j == last + 1)
                          and (k > 0 or j in children[head] or j == head + 1)), None)
            if found is None:
                return None
            matched.append(found)
            last = found
    after = sorted(j for j in clause if j > last) if row.after else []
    window = range(last + 1, min(len(tokens), last + 1 + WINDOW))
    positions = sorted(set(after) | set(window))
    got = _in_order(row.after, tokens, positions, set(after) | set(window))
    if got is None:
        return None
    matched += got
    if row.before:
        first = min(matched)
        before = {j for j in clause if j < first} | set(range(max(0, first - WINDOW), first))
        got = _in_order(row.before, tokens, sorted(before), before)
        if got is None:
            return None
        matched += got
    return tuple(sorted(set(matched)))


_BY_FIRST: dict[int, tuple[Item, dict[str, tuple[Alternative, ...]]]] = {}


def _by_first(item: Item) -> dict[str, tuple[Alternative, ...]]:
    """An item's alternatives by their first word (synonym sets hold hundreds), built once per
    item (items are shared between rows, so few are built)."""
    got = _BY_FIRST.get(id(item))
    if got is None or got[0] is not item:
        index: dict[str, list[Alternative]] = {}
        for alt in item:
            if alt:
                index.setdefault(alt[0], []).append(alt)
        got = (item, {k: tuple(v) for k, v in index.items()})
        _BY_FIRST[id(item)] = got
    return got[1]


def _in_order(items: tuple[Item, ...], tokens, positions: list[int], allowed: set[int]) -> list[int] | None:
    """Each item's first token at one of ``positions`` (its further tokens consecutive), items in
    order and not overlapping; the earliest fit for each."""
    out: list[int] = []
    floor = -1
    n = len(tokens)
    for item in items:
        index = _by_first(item)
        fit = None
        for p in positions:
            if p <= floor:
                continue
            tok = tokens[p]
            text = tok.text.lower()
            alts = index.get(tok.lemma, ())
            if text != tok.lemma:
                alts = alts + index.get(text, ())
            for alt in alts:
                end = p + len(alt)
                if end <= n and all(_is(tokens[p + k], w) for k, w in enumerate(alt[1:], 1)):
                    if fit is None or end < fit[1]:
                        fit = (p, end)
            if fit is not None:
                break
        if fit is None:
            return None
        out += range(*fit)
        floor = fit[1] - 1
    return out


def _trigger(row: Row, head: int, words: tuple[int, ...], passive: bool) -> EnTrigger:
    source, target = row.source, row.target
    if passive and source == "nsubj" and target in (None, "dobj"):
        source, target = "agent", "nsubjpass"        # Gondor was accused by Rohan
    if row.cameo:
        return EnTrigger(row.cameo, head, words, target, source, row.pos, row.id, row.pattern,
                         row.back or None)
    return EnTrigger(row.back, head, words, source, target, row.pos, row.id, row.pattern)
