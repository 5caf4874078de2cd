"""What every fact rule needs to know about one document: sentences, paragraphs, actors in a
span with the preposition and case they stand in, the pair of actors the text is about, and the
figures the grammars found.

The rules (:mod:`indicators`, :mod:`memberships`, :mod:`stances`, :mod:`sectors`) read a
:class:`FactContext` and return :class:`Found` items: a fact plus the notes `dyad explain` prints.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from ..lang import get_language
from ..lang.types import Analysis, Sentence, Token
from ..resolve.dates import parse_day
from ..types import ActorRef, Document, Fact, Mention, Span

STATE_KINDS = ("country", "igo")
# A clause ends at a comma that is not a decimal comma, at ;:() or at a spaced dash.
if TYPE_CHECKING:     # the figure records of the language's grammars (Language.figures)
    from ..lang.ru.grammars import Amount, Multiple, PeriodMatch, Percent

CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:()]|\s[-–—]\s")


@dataclass(frozen=True, slots=True)
class Found:
    """A fact and the decisions behind it (for ``dyad explain``)."""
    fact: Fact
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorAt:
    """An actor mention inside a sentence, with the grammar around it."""
    start: int
    end: int
    ref: ActorRef
    type: str                        # the mention type (LOC, ADJ, ANAPHOR ...)
    prep: str | None                 # the preposition before it ("в", "из", "с", "между") or None
    case: str | None                 # Nom, Gen, Acc, Dat, Ins, Loc of its head word
    via: str | None = None           # "в экономику Казахстана": the noun between prep and actor

    @property
    def id(self) -> str:
        return self.ref.id


@dataclass
class Paragraph:
    start: int
    end: int
    amounts: list[Amount] = field(default_factory=list)
    percents: list[Percent] = field(default_factory=list)
    multiples: list[Multiple] = field(default_factory=list)
    periods: list[PeriodMatch] = field(default_factory=list)


def unique_actors(actors: list[ActorAt]) -> list[ActorAt]:
    """The actors in order, each id once."""
    seen, out = set(), []
    for a in actors:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out


def clause_bounds(text: str, lo: int, hi: int, at: int) -> tuple[int, int]:
    """The clause of ``text[lo:hi]`` that contains offset ``at``."""
    start, end = lo, hi
    for m in CLAUSE_BREAK.finditer(text, lo, hi):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at:
            end = m.start()
            break
    return start, end


def trim(text: str, start: int, end: int) -> Span:
    """The span without the white space and clause punctuation at its edges."""
    while start < end and (text[start].isspace() or text[start] in ",;:-–—"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-–—"):
        end -= 1
    return Span(start, end)


class FactContext:
    """One document as the fact rules see it. Built once per document."""

    def __init__(self, doc: Document, analysis: Analysis, mentions: tuple[Mention, ...]):
        self.doc = doc
        self.text = analysis.text
        self.analysis = analysis
        self.mentions = tuple(sorted(mentions, key=lambda m: (m.start, -m.end)))
        self.day = parse_day(doc.date)
        self.precision = doc.date_precision or "day"     # an estimated date: month or year
        self.language = get_language(doc.lang) or get_language("ru")

    # --- paragraphs and figures ------------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """The paragraphs (lines) of the text; their figures are found on first use."""
        out, pos = [], 0
        for piece in self.text.split("\n"):
            start, end = pos, pos + len(piece)
            pos = end + 1
            if piece.strip():
                out.append(Paragraph(start, end))
        return out

    @cached_property
    def _with_figures(self) -> dict[int, Paragraph]:
        return {}

    def _figures(self, p: Paragraph) -> Paragraph:
        piece = self.text[p.start:p.end]
        if not any(ch.isdigit() for ch in piece) and not re.search(
                r"вдвое|втрое|вчетверо|раз|год|месяц|квартал|полугод|период", piece, re.I):
            return p
        shift = p.start

        def moved(items):
            return [replace(x, start=x.start + shift, end=x.end + shift) for x in items]

        amounts, percents, multiples, periods = self.language.figures(piece, self.day, self.precision)
        p.amounts, p.percents = moved(amounts), moved(percents)
        p.multiples, p.periods = moved(multiples), moved(periods)
        return p

    def paragraph_span(self, offset: int) -> tuple[int, int]:
        """The bounds of the paragraph holding ``offset``, without running the grammars."""
        for p in self.paragraphs:
            if p.start <= offset <= p.end:
                return p.start, p.end
        return offset, offset

    def paragraph_of(self, offset: int) -> Paragraph:
        """The paragraph holding ``offset`` with its amounts, changes and periods (the grammars
        run once per paragraph, and only for paragraphs a rule asks about)."""
        for p in self.paragraphs:
            if p.start <= offset <= p.end:
                done = self._with_figures.get(p.start)
                if done is None:
                    done = self._with_figures[p.start] = self._figures(p)
                return done
        return Paragraph(offset, offset)

    # --- actors ----------------------------------------------------------------------------
    def actors(self, sentence: Sentence, start: int | None = None, end: int | None = None,
               kinds: tuple[str, ...] = STATE_KINDS) -> list[ActorAt]:
        """Actor mentions inside ``[start, end)`` of a sentence, in text order, one per span.

        A group anaphor ("двух стран") gives one item per member. A title ("азербайджанский
        лидер") yields to the adjective inside it when only states are wanted."""
        lo = sentence.start if start is None else start
        hi = sentence.end if end is None else end
        out: list[ActorAt] = []
        taken: list[tuple[int, int]] = []
        for m in self.mentions:
            if m.start < lo or m.end > hi:
                continue
            refs = self._in_text_order(m.members) if m.members else ((m.actor,) if m.actor else ())
            refs = tuple(r for r in refs if r.kind in kinds)
            if not refs:
                continue
            if any(s <= m.start and m.end <= e for s, e in taken):
                continue
            taken.append((m.start, m.end))
            prep, case, via = self._grammar(sentence, m)
            for ref in refs:
                out.append(ActorAt(m.start, m.end, ref, m.type, prep, case, via))
        return out

    @cached_property
    def _first_named(self) -> dict[str, int]:
        """Where each actor is first named by a mention that is not an anaphor."""
        out: dict[str, int] = {}
        for m in self.mentions:
            if m.actor is not None and not m.members:
                out.setdefault(m.actor.id, m.start)
        return out

    def _in_text_order(self, refs: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
        """A group anaphor's members ("стороны", "двух стран") in the order the text named them."""
        first = self._first_named
        return tuple(sorted(refs, key=lambda r: first.get(r.id, len(self.text))))

    @staticmethod
    def tokens_in(sentence: Sentence, start: int, end: int) -> list[tuple[int, Token]]:
        return [(i, t) for i, t in enumerate(sentence.tokens) if t.start >= start and t.end <= end]

    def _grammar(self, sentence: Sentence, m: Mention) -> tuple[str | None, str | None, str | None]:
        toks = sentence.tokens
        first = next((i for i, t in enumerate(toks) if t.end > m.start), None)
        if first is None:
            return None, None, None
        last = max((i for i, t in enumerate(toks) if t.start < m.end), default=first)
        head = next((toks[i] for i in range(first, last + 1) if toks[i].pos in ("NOUN", "PROPN")),
                    toks[first])
        case = head.feat("Case")
        prev = toks[first - 1] if first > 0 else None
        if prev is not None and prev.pos == "ADP":
            return prev.lemma, case, None
        if prev is not None and prev.lemma in ("и", ",") and first >= 2:
            # "между Азербайджаном и Китаем", "Тайваня, Гонконга и Синьцзяна": the list's preposition
            for j in range(first - 2, max(-1, first - 12), -1):
                if toks[j].pos == "ADP":
                    return toks[j].lemma, case, None
                if toks[j].pos not in ("PROPN", "NOUN", "ADJ", "PUNCT", "CCONJ"):
                    break
        if prev is not None and prev.pos == "NOUN" and first >= 2 and toks[first - 2].pos == "ADP" \
                and case == "Gen":
            return toks[first - 2].lemma, case, prev.lemma        # "в экономику Казахстана"
        return None, case, None

    # --- the pair the text is about --------------------------------------------------------
    @cached_property
    def pairs(self) -> list[tuple[int, tuple[str, str], tuple[ActorRef, ActorRef]]]:
        """(offset, ids, refs) for each sentence naming two states, and each group anaphor."""
        out = []
        for sent in self.analysis.sentences:
            seen: dict[str, ActorRef] = {}
            for a in self.actors(sent, kinds=("country",)):
                seen.setdefault(a.id, a.ref)
            if len(seen) >= 2:
                refs = list(seen.values())[:2]
                out.append((sent.start, (refs[0].id, refs[1].id), (refs[0], refs[1])))
        return out

    def pair_before(self, offset: int) -> tuple[ActorRef, ActorRef] | None:
        """The latest pair of states named at or before ``offset``, else the document's two most
        named states."""
        best = None
        for at, _, refs in self.pairs:
            if at <= offset:
                best = refs
        if best is not None:
            return best
        return self.main_pair

    @cached_property
    def main_pair(self) -> tuple[ActorRef, ActorRef] | None:
        counts: Counter[str] = Counter()
        refs: dict[str, ActorRef] = {}
        for m in self.mentions:
            for r in (m.members or ((m.actor,) if m.actor else ())):
                if r.kind == "country":
                    counts[r.id] += 1
                    refs.setdefault(r.id, r)
        top = [i for i, _ in counts.most_common(2)]
        return (refs[top[0]], refs[top[1]]) if len(top) == 2 else None

    def counterpart(self, known: ActorRef, offset: int) -> ActorRef | None:
        """The other actor of the latest pair that includes ``known``."""
        for at, ids, refs in reversed(self.pairs):
            if at <= offset and known.id in ids:
                return refs[1] if refs[0].id == known.id else refs[0]
        main = self.main_pair
        if main and known.id in (main[0].id, main[1].id):
            return main[1] if main[0].id == known.id else main[0]
        return None


def fact_sort_key(f: Found) -> tuple:
    return (f.fact.evidence.start, f.fact.kind, f.fact.subject.id,
            f.fact.object.id if f.fact.object else "")
