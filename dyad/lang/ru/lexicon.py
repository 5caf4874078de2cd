"""The Russian trigger lexicon (data/triggers.tsv beside this module) and a matcher over a
sentence's lemmas.

A trigger's `pattern` is a sequence of lemmas (pymorphy3 normal forms, lowercase, `ё` as `е`).
Between two consecutive parts of a pattern up to MAX_GAP other tokens may stand, not counting
adjectives and amounts ("решительными ответными мерами"), MAX_SPAN tokens in all:

    >>> [m.trigger.pattern for m in match_lemmas("стороны подписать в пятница соглашение".split())]
    ['подписать соглашение']

When candidate matches share tokens, the one with more parts wins, then the tighter one, then the
one that starts first (`пригрозить выслать` over `выслать наблюдатель`), then the more specific
CAMEO code; the losers are dropped.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping, Sequence

from dyad.code.codebook import plover_for
from dyad.tables import read_table
from dyad.types import Plover

DATA = Path(__file__).resolve().parent / "data"
TRIGGERS_VERSION = "triggers.ru.v1"
MAX_GAP = 3
MAX_SPAN = 7               # gap tokens in all, free ones (adjectives, numbers) included
# Tokens that do not count towards MAX_GAP: modifiers and amounts inside a phrase ("решительными
# ответными мерами", "270 млн евро макрофинансовой помощи", "очередную партию вооружений").
_FREE = frozenset({"млн", "млрд", "тыс", "трлн", "миллион", "миллиард", "тысяча", "очередной",
                   "новый", "дополнительный"})
ARGS = ("subj>obj", "obj>subj", "between", "subj>")
POS = ("VERB", "NOUN")

# Spelling variants of prepositions that pymorphy keeps as their own lemmas.
_VARIANTS = MappingProxyType({"во": "в", "ко": "к", "со": "с", "об": "о", "обо": "о", "изо": "из",
                              "подо": "под", "надо": "над", "передо": "перед", "ото": "от"})
_ADJECTIVE_ENDINGS = ("ый", "ий", "ой")
_VERB_ENDINGS = ("ть", "ти", "чь", "ться", "тись", "чься")


def normalize(lemma: str) -> str:
    """Lowercase, `ё` -> `е`, prepositional variants (`во` -> `в`)."""
    lemma = lemma.lower().replace("ё", "е")
    return _VARIANTS.get(lemma, lemma)


@dataclass(frozen=True, slots=True)
class Trigger:
    id: str
    pattern: str
    pos: str                  # VERB | NOUN: part of speech of the head word
    cameo: str
    context: str | None       # PLOVER context the trigger implies, if any
    args: str                 # subj>obj | obj>subj | between | subj>
    example: str
    source: str
    parts: tuple[str, ...]
    head: int                 # index into parts of the head word

    @property
    def rule(self) -> str:
        """The name coded events carry: `lexicon:<id>`."""
        return f"lexicon:{self.id}"

    @property
    def plover(self) -> Plover | None:
        """PLOVER coding of the trigger's CAMEO code, with the trigger's own context if it has one."""
        p = plover_for(self.cameo)
        if p is None or not self.context:
            return p
        return Plover(p.type, p.mode, self.context)


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    index_start: int                  # first token (inclusive)
    index_end: int                    # last token + 1
    token_indices: tuple[int, ...]    # one token per pattern part
    trigger: Trigger

    @property
    def head(self) -> int:
        """Token index of the trigger's head word."""
        return self.token_indices[self.trigger.head]


@dataclass(frozen=True, slots=True)
class Lexicon:
    triggers: tuple[Trigger, ...]
    by_first: Mapping[str, tuple[Trigger, ...]]
    version: str | None


def head_index(parts: Sequence[str], pos: str) -> int:
    """The head part: for VERB the first verb-like lemma; for NOUN the first part that is not
    an adjective. Falls back to the last part."""
    for i, part in enumerate(parts):
        if pos == "VERB" and part.endswith(_VERB_ENDINGS):
            return i
        if pos == "NOUN" and not part.endswith(_ADJECTIVE_ENDINGS) and len(part) > 2:
            return i
    return len(parts) - 1


def _trigger(row: Mapping[str, str]) -> Trigger:
    parts = tuple(normalize(p) for p in row["pattern"].split())
    if not parts:
        raise ValueError(f"trigger {row['id']}: empty pattern")
    if row["pos"] not in POS or row["args"] not in ARGS:
        raise ValueError(f"trigger {row['id']}: bad pos {row['pos']!r} or args {row['args']!r}")
    return Trigger(row["id"], " ".join(parts), row["pos"], row["cameo"], row["context"] or None,
                   row["args"], row["example"], row["source"], parts, head_index(parts, row["pos"]))


@cache
def load(path: Path = DATA / "triggers.tsv") -> Lexicon:
    table = read_table(path)
    if table.version != TRIGGERS_VERSION:
        raise ValueError(f"{path.name} is {table.version!r}, this code expects {TRIGGERS_VERSION!r}")
    triggers = tuple(_trigger(r) for r in table.rows)
    index: dict[str, list[Trigger]] = {}
    for t in triggers:
        index.setdefault(t.parts[0], []).append(t)
    return Lexicon(triggers, MappingProxyType({k: tuple(v) for k, v in index.items()}),
                   table.version)


def triggers() -> tuple[Trigger, ...]:
    return load().triggers


def _find(parts: Sequence[str], lemmas: Sequence[str], start: int) -> tuple[int, ...] | None:
    """Tightest placement of parts[1:] after the token at `start`, gaps of at most MAX_GAP."""
    if len(parts) == 1:
        return (start,)
    best: tuple[int, ...] | None = None
    gap = 0
    for i in range(start + 1, min(start + 2 + MAX_SPAN, len(lemmas))):
        if lemmas[i] == parts[1]:
            rest = _find(parts[1:], lemmas, i)
            if rest is not None and (best is None or rest[-1] < best[-1]):
                best = (start, *rest)
        if not _free(lemmas[i]):
            gap += 1
            if gap > MAX_GAP:
                break
    return best


def _free(lemma: str) -> bool:
    """A gap token that does not count: an adjective, a number or an amount word."""
    return (lemma in _FREE or lemma.replace(",", "").replace(".", "").isdigit()
            or (len(lemma) > 4 and lemma.endswith(_ADJECTIVE_ENDINGS)))


def candidates(lemmas: Sequence[str]) -> list[TriggerMatch]:
    """Every placement of every trigger, overlapping ones included."""
    lemmas = [normalize(x) for x in lemmas]
    by_first = load().by_first
    found = []
    for start, lemma in enumerate(lemmas):
        for trigger in by_first.get(lemma, ()):
            indices = _find(trigger.parts, lemmas, start)
            if indices is not None:
                found.append(TriggerMatch(start, indices[-1] + 1, indices, trigger))
    return found


def _preference(m: TriggerMatch) -> tuple:
    return (-len(m.trigger.parts), m.index_end - m.index_start, m.index_start,
            -len(m.trigger.cameo), m.trigger.id)


def match_lemmas(lemmas: Sequence[str]) -> list[TriggerMatch]:
    """Triggers found in a sentence's lemma list, in text order, with no token shared by two
    matches (more parts first, then the tightest, the leftmost, the most specific CAMEO code)."""
    taken: set[int] = set()
    chosen = []
    for m in sorted(candidates(lemmas), key=_preference):
        if taken.isdisjoint(m.token_indices):
            taken.update(m.token_indices)
            chosen.append(m)
    return sorted(chosen, key=lambda m: (m.index_start, m.index_end))
