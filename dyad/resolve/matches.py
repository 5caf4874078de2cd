"""The records the actor resolver's parts pass each other: an alias matched in the tokens, an alias
as a first word may start it, what the knowledge base makes of a word, a recorded decision; and how
sure each rule is of the actor it gives."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .kb import Alias, Title


INITIAL = re.compile(r"^[A-ZА-ЯЁ]\.?$")
# How sure each rule is of the actor it gives (0-1): measured on the development sets, see
# docs/quality.md; a rule that needed corroboration or guessed from context is less sure.
CONFIDENCE = {"kb.alias": 0.95, "kb.alias.surname": 0.85, "kb.compound": 0.9, "kb.title+name": 0.95,
              "kb.title": 0.8, "kb.office": 0.6, "kb.sector": 0.85, "kb.capital-place": 0.9,
              "kb.org-adj": 0.75, "doc.surname": 0.85, "doc.title": 0.7, "doc.pronoun": 0.55,
              "doc.relative": 0.7, "geo.city": 0.8, "ner.person": 0.7, "ner.org": 0.7, "ner.place": 0.6,
              "doc.pair": 0.6, "doc.leaders": 0.6, "doc.country": 0.6, "phoenix.person": 0.8}


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    first: int          # token index
    last: int           # token index, inclusive
    alias: Alias | None
    actor_id: str
    rule: str


@dataclass(frozen=True, slots=True)
class _Candidate:
    """An alias as a first word may start it, with what decides against it worked out once
    for the knowledge base rather than for every token it is tried on."""
    alias: Alias
    n: int                  # words
    rank: int               # ALIAS_RANK of its type
    capitalised: bool       # a proper name: never a lowercase word
    one_word: bool          # one word, not an abbreviation: never a function word
    surname: str | None     # a surname matches its own folded form only
    person_name: bool       # a person's name or surname: never an all-capitals word


@dataclass(frozen=True, slots=True)
class _Word:
    """What the knowledge base makes of one token (word form, lemma, part of speech): its match
    keys, the aliases it may start (those its case and part of speech do not rule out) and the
    titles it may start. Worked out once per form: news repeat their words."""
    keys: frozenset[str]
    aliases: tuple[_Candidate, ...]
    titles: tuple[Title, ...]


@dataclass(frozen=True, slots=True)
class Decision:
    """A candidate the resolver weighed and why it lost (``dyad explain``)."""
    start: int
    end: int
    text: str
    actor_id: str
    outcome: str             # rejected (an alias match set aside) | title (how a title was read)
    why: str
