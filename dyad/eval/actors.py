"""Does Dyad name the wrong person? Two measures over records, whose goal is 0, and context.

(a) *named people resolved to someone else*: of the PER mentions whose actor is a person
    (``kind == "person"``), those whose actor's name has no word that agrees with the mention's
    surname (its last word of two letters or more; :func:`same_word`: the first max(2, min(4,
    length - 1)) letters of the shorter word agree, lower case, ё as е). "Лаврова" resolved to
    "Сергей Лавров" is right; "Лаврова" resolved to "Мария Захарова" is an offence.
(b) *titles resolved against the name after them*: a mention that is not PER (a TITLE:
    "президент", "министр иностранных дел") whose actor is a person, followed within
    :data:`TITLE_GAP` characters (no letter between) by a PER mention whose actor is a person, is
    a title+name pair; it is an offence when the two actors differ ("президент Макрон" with the
    title resolved to the holder of the day and the name to Макрон). Titles right after a word
    that embeds them are left out (:data:`EMBEDDING`: "помощник президента Путина", "жена
    премьера Медведева": the name may be the governor's, not the title's).

Context: the number of mentions per resolver rule, their mean confidence, and the mentions
carrying warnings (W201: the named person did not hold the title beside the name), by code.

Everything here is a pure function of records (:class:`~dyad.types.Record`); running the pipeline
is the caller's (:mod:`dyad.eval.tasks`).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from ..types import Mention, Record

TITLE_GAP = 2
NO_RULE = "(none)"
LETTERS = re.compile(r"[^\W\d_]+")
LATIN = re.compile(r"[a-z]")
# the word before a title that makes the title part of a longer description of someone else,
# matched on the word's start (lower case, ё as е); short stems list their endings
EMBEDDING = re.compile(r"""(?:
      заместител | пресс-секретар | помощник | советник | представител | спикер | администрац
    | аппарат | сотрудник | охран | супруг | вдов | кабинет | окружени | пресс-служб | канцеляри
    | офис | бывш | экс | министр | глав
    | пос(?:ол|ла|лу|лом|лы|лов|лам|лами|лах)\b
    | указ(?:а|у|ом|е|ы|ов|ам|ами|ах)?\b
    | жен(?:а|ы|е|у|ой|ою)\b
    | муж(?:а|у|ем|е|ья|ей|ьям|ьями|ьях)?\b
    | сын(?:а|у|ом|е|овья|овей|овьям|овьями|овьях)?\b
    | доч(?:ь|ери|ерью|ерей|ерям|ерьми|ерями|ерях)\b
)""", re.X)
PREVIOUS_WORD = re.compile(r"([\w-]+)[\s«»\"„“]*\Z")


# --- words ---------------------------------------------------------------------------------
def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


def prefix_length(word: str) -> int:
    """How many first letters must agree: max(2, min(4, len - 1)), tolerant of case endings."""
    return max(2, min(4, len(word) - 1))


def same_word(a: str, b: str) -> bool:
    """Two forms of one word: their first letters agree, folded, as many as the shorter word's
    :func:`prefix_length` ("Лаврова" ~ "Лавров", "Анной" ~ "Анна", "Лаврова" !~ "Ларионов"). A
    Latin word and a Cyrillic one are compared as ASCII slugs ("Obama" ~ "Обама")."""
    a, b = fold(a), fold(b)
    if bool(LATIN.search(a)) != bool(LATIN.search(b)):
        from ..resolve.translit import slug
        a, b = slug(a), slug(b)
    k = min(prefix_length(a), prefix_length(b))
    return a[:k] == b[:k]


def surname(text: str) -> str | None:
    """The mention's last word of two letters or more ("В. В. Путин" -> "Путин"; "Ким Чен Ын" ->
    "Ын"); None when it has none."""
    words = [w for w in LETTERS.findall(text) if len(w) >= 2]
    return words[-1] if words else None


def name_has(name: str, word: str) -> bool:
    return any(same_word(word, w) for w in LETTERS.findall(name))


def is_person(m: Mention) -> bool:
    return m.actor is not None and m.actor.kind == "person"


def wrong_person(m: Mention) -> bool:
    """(a) for one PER mention with a person actor: its actor's name lacks its surname."""
    word = surname(m.text)
    return word is not None and not name_has(m.actor.name, word)


def embedded(text: str, start: int) -> bool:
    """The title at ``start`` stands right after a word of :data:`EMBEDDING`."""
    prev = PREVIOUS_WORD.search(text, max(0, start - 60), start)
    return prev is not None and EMBEDDING.match(fold(prev.group(1))) is not None


def title_pairs(mentions: Iterable[Mention], text: str) -> list[tuple[Mention, Mention]]:
    """(b)'s pairs: (title, the PER mention after it), both with a person actor, the title not
    embedded."""
    ms = sorted(mentions, key=lambda m: (m.start, -m.end))
    people = [m for m in ms if m.type == "PER" and is_person(m)]
    out = []
    for t in ms:
        if t.type == "PER" or not is_person(t) or embedded(text, t.start):
            continue
        after = next((p for p in people if t.end <= p.start <= t.end + TITLE_GAP
                      and not LETTERS.search(text[t.end:p.start])), None)
        if after is not None:
            out.append((t, after))
    return out


# --- one record, and sums -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Offence:
    document: str
    text: str                        # the document's text, to show the sentence
    date: str | None                 # the document's date as the pipeline used it
    measure: str                     # "a" or "b"
    mention: Mention                 # (a) the PER mention; (b) the title
    name: Mention | None = None      # (b) the PER mention after the title


@dataclass
class ActorCounts:
    documents: int = 0
    people: int = 0                  # (a) N: PER mentions with a person actor
    wrong_people: int = 0            # (a) n
    pairs: int = 0                   # (b) N: title + name pairs
    wrong_pairs: int = 0             # (b) n
    rules: Counter = field(default_factory=Counter)          # rule -> mentions
    confidence: Counter = field(default_factory=Counter)     # rule -> sum of confidences
    wrong_by_rule: Counter = field(default_factory=Counter)  # (a) offences by the mention's rule
    warned: int = 0                  # mentions carrying at least one warning
    warnings: Counter = field(default_factory=Counter)       # warning code -> mentions
    offences: list[Offence] = field(default_factory=list)

    def __add__(self, o: "ActorCounts") -> "ActorCounts":
        return ActorCounts(self.documents + o.documents, self.people + o.people,
                           self.wrong_people + o.wrong_people, self.pairs + o.pairs,
                           self.wrong_pairs + o.wrong_pairs, self.rules + o.rules,
                           self.confidence + o.confidence, self.wrong_by_rule + o.wrong_by_rule,
                           self.warned + o.warned, self.warnings + o.warnings,
                           self.offences + o.offences)

    def mean_confidence(self, rule: str) -> float:
        return self.confidence[rule] / self.rules[rule] if self.rules[rule] else 0.0

    @property
    def mentions(self) -> int:
        return sum(self.rules.values())


def measure_record(record: Record) -> ActorCounts:
    doc = record.document
    c = ActorCounts(documents=1)
    for m in record.mentions:
        rule = m.rule or NO_RULE
        c.rules[rule] += 1
        c.confidence[rule] += m.confidence
        if m.warnings:
            c.warned += 1
            c.warnings.update({w.split(" ", 1)[0] for w in m.warnings})
        if m.type == "PER" and is_person(m):
            c.people += 1
            if wrong_person(m):
                c.wrong_people += 1
                c.wrong_by_rule[rule] += 1
                c.offences.append(Offence(doc.id, doc.text, doc.date, "a", m))
    for title, name in title_pairs(record.mentions, doc.text):
        c.pairs += 1
        if title.actor.id != name.actor.id:
            c.wrong_pairs += 1
            c.offences.append(Offence(doc.id, doc.text, doc.date, "b", title, name))
    return c


def measure(records: Iterable[Record]) -> ActorCounts:
    return sum((measure_record(r) for r in records), ActorCounts())
