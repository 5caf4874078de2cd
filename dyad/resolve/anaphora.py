"""Anaphora: "двух стран", "лидеров", "страна" and the pronouns "он", "она" resolved to actors the
document has already introduced, by salience."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..lang.types import Token
from ..types import ActorRef, Mention
from .keys import fold
from .matches import CONFIDENCE


PAIR_WORDS = {"сторона", "страна", "государство"}
PAIR_NUMERALS = {"два", "обе", "оба", "двух", "обеих", "двое"}
LEADER_WORDS = {"лидер", "руководитель", "глава"}
ANAPHOR_LEMMAS = PAIR_WORDS | LEADER_WORDS
PRONOUNS = {"он": "Masc", "она": "Fem"}
PRONOUN_WINDOW = 4          # sentences back a pronoun may reach when the last two name no one


class _Salience:
    """What a document has said so far: how often each country came up (directly or through its
    people), its reference, and the last country named."""

    def __init__(self):
        self.counts: Counter = Counter()
        self.refs: dict[str, ActorRef] = {}
        self.countries: set[str] = set()
        self.last_country: ActorRef | None = None

    def add(self, mentions: list[Mention]) -> None:
        for m in mentions:
            a = m.actor
            if a is None:
                continue
            if a.country:
                self.countries.add(a.country)
            if a.kind == "country":
                self.counts[a.id] += 1
                self.refs[a.id] = a
                if m.type != "ANAPHOR":
                    self.last_country = a
            elif a.kind == "person" and a.country:
                self.counts[a.country] += 1

    def pair(self) -> list[str]:
        """The two countries the document is about: the two most mentioned, if a third is
        mentioned less than either (else no pair can be told)."""
        top = self.counts.most_common(3)
        if len(top) < 2 or (len(top) == 3 and top[2][1] >= top[1][1]):
            return []
        return [top[0][0], top[1][0]]


def _agree(pron: Token, head: Token) -> bool:
    """"который" agrees with its antecedent's head word in number and, in the singular, gender."""
    if pron.feat("Number") and head.feat("Number") and pron.feat("Number") != head.feat("Number"):
        return False
    if pron.feat("Number") == "Sing" and pron.feat("Gender") and head.feat("Gender"):
        return pron.feat("Gender") == head.feat("Gender")
    return True


def _coordinated(tokens: list[Token], here: list[Mention], last: Mention) -> list[Mention]:
    """The actors coordinated with ``last`` before it ("X, Y и Z"), of its kind, nearest first
    back to a verb or the sentence start; mentions nested in a participant's phrase ("министр
    энергетики Белоруссии Александр Озерец") are passed over."""
    group, cur = [last], last
    for m in sorted((m for m in here if m.end <= last.start and m.actor is not None
                     and m.type not in ("ADJ", "ANAPHOR", "PRON")), key=lambda m: -m.end):
        if m.end > cur.start:
            continue
        gap = [t for t in tokens if m.end <= t.start and t.end <= cur.start]
        if any(t.pos in ("VERB", "AUX") or t.text in (".", ";", ":", "—") for t in gap):
            break
        if any(t.lemma == "и" or t.text == "," for t in gap):
            if m.actor.kind != last.actor.kind:
                break
            group.append(m)
            cur = m
    return group[::-1]


class _DocState:
    """What one document has introduced so far: people by surname and by office, their
    grammatical gender, the countries' salience, titles that name the NER persons after them."""

    def __init__(self):
        self.salience = _Salience()
        self.people: dict[str, ActorRef] = {}          # surname key -> person
        self.introduced: set[str] = set()               # actor ids named in the document
        self.order: list[ActorRef] = []                 # the people named, in order
        self.gender: dict[str, str] = {}                # actor id -> Masc | Fem
        self.by_role: dict[tuple[str | None, str], ActorRef] = {}   # (country, office) -> person
        self.titled: dict[int, tuple[str | None, str | None]] = {}  # NER span start -> country, office
        self.warnings: dict[int, tuple[str, ...]] = {}  # alias match start -> warnings
        self.sentences: list[list[Mention]] = []

    def introduce(self, key: str, ref: ActorRef, gender: str | None) -> None:
        if key:
            self.people[key] = ref
        if ref.id not in self.introduced:
            self.order.append(ref)
        self.introduced.add(ref.id)
        if gender in ("Masc", "Fem"):
            self.gender.setdefault(ref.id, gender)
        if ref.role:
            if ref.country:
                self.by_role[(ref.country, ref.role)] = ref
            self.by_role[(None, ref.role)] = ref

    def last_person(self, gender: str, before: int, here: list[Mention]) -> ActorRef | None:
        """The person last named before ``before`` in this sentence or the one before, of that
        gender (a person whose gender is unknown fits only if no other person does)."""
        pool = [m for m in here if m.start < before]
        if self.sentences:
            pool = self.sentences[-1] + pool
        people = [m.actor for m in pool if m.actor is not None and m.actor.kind == "person"]
        fitting = [a for a in people if self.gender.get(a.id) == gender]
        if fitting:
            return fitting[-1]
        unknown = [a for a in people if a.id not in self.gender]
        if unknown and len({a.id for a in people}) == 1:
            return unknown[-1]
        if people:
            return None
        # no one named in these two sentences: the one person of that gender named in the nearest
        # of the PRONOUN_WINDOW sentences before that names any ("Маркив ... В 2017 году он приехал")
        for sent in reversed(self.sentences[-PRONOUN_WINDOW:-1]):
            named = {m.actor.id: m.actor for m in sent if m.actor is not None and m.actor.kind == "person"}
            if named:
                fit = [a for a in named.values() if self.gender.get(a.id) == gender]
                return fit[0] if len(fit) == 1 else None
        return None


class AnaphoraMixin:
    """The anaphora rules of :class:`dyad.resolve.actors.ActorResolver` (``doc.pair``, ``doc.leaders``,
    ``doc.country``, ``doc.pronoun``)."""

    # --- anaphors ---------------------------------------------------------------------------
    def _anaphors(self, tokens: list[Token], here: list[Mention], previous_country: ActorRef | None,
                  doc: "_DocState", day, until, text: str) -> list[Mention]:
        """Anaphors of one sentence; ``here`` are its other mentions, in text order. "двух стран",
        "обе стороны" and "лидеры" refer only to two countries the document itself made the pair
        (mentioned clearly more than any third) and, for leaders, only on a known date or to the
        two heads of state the document named."""
        at = [i for i, tok in enumerate(tokens) if tok.lemma in ANAPHOR_LEMMAS]
        if not at:
            return []                              # every anaphor below is one of these words
        salience = doc.salience
        refs = salience.refs
        taken = {m.start for m in here}
        top = salience.pair()
        out = []
        for i in at:
            tok = tokens[i]
            if tok.start in taken:
                continue
            prev = tokens[i - 1].lemma if i else ""
            counted = i > 0 and (prev in PAIR_NUMERALS or fold(tokens[i - 1].text) in PAIR_NUMERALS)
            # "Стороны обсудили...": the parties, as the subject that opens a sentence
            parties = i == 0 and tok.lemma == "сторона" and tok.feat("Number") == "Plur" \
                and tok.feat("Case") == "Nom"
            if tok.lemma in PAIR_WORDS and (counted or parties) and top:
                members = tuple(refs.get(c) or self.kb.ref(c, day) for c in sorted(top))
                members = tuple(m for m in members if m)
                start = tokens[i - 1].start if counted else tok.start
                group = ActorRef(id="group:" + "+".join(a.id for a in members),
                                 name=", ".join(a.name for a in members), kind="group")
                out.append(Mention(start, tok.end, text[start:tok.end], "ANAPHOR", tok.lemma, group,
                                   "doc.pair", members, confidence=CONFIDENCE["doc.pair"]))
            elif tok.lemma in LEADER_WORDS and tok.feat("Number") == "Plur" and top \
                    and not (i + 1 < len(tokens) and tokens[i + 1].start in taken) \
                    and self._leaders_of_pair(tokens, i):
                leaders = []
                for c in sorted(top):
                    ref = doc.by_role.get((c, "head_of_state"))
                    if ref is None:
                        term = self.kb.holder(c, "head_of_state", day, until)
                        ref = self.kb.ref(term.person_id, day, until) if term else None
                    if ref:
                        leaders.append(replace(ref, role="head_of_state"))
                if len(leaders) == 2:
                    group = ActorRef(id="group:" + "+".join(a.id for a in leaders),
                                     name=", ".join(a.name for a in leaders), kind="group")
                    out.append(Mention(tok.start, tok.end, tok.text, "ANAPHOR", tok.lemma, group,
                                       "doc.leaders", tuple(leaders), confidence=CONFIDENCE["doc.leaders"]))
            elif tok.lemma == "страна" and tok.feat("Number") == "Sing" and prev not in ("наш", "свой", "эта", "этот") \
                    and fold(tokens[i - 1].text if i else "") not in ("нашей", "нашу", "наша", "нашим", "этой", "эту"):
                recent = [m.actor for m in here if m.actor and m.actor.kind == "country"
                          and m.start < tok.start and m.type != "ANAPHOR"] or \
                    ([previous_country] if previous_country else [])
                if recent:
                    ref = recent[-1]
                    out.append(Mention(tok.start, tok.end, tok.text, "ANAPHOR", tok.lemma, ref,
                                       "doc.country", confidence=CONFIDENCE["doc.country"]))
        return out

    @staticmethod
    def _leaders_of_pair(tokens: list[Token], i: int) -> bool:
        """"лидеры", "главы государств", "лидеры двух стран": leaders of the pair; "лидеры
        оппозиции", "главы компаний", "лидеры ЕС" name other people."""
        k = i + 1
        if k < len(tokens) and tokens[k].lemma in ("государство",) and tokens[i].lemma == "глава":
            k += 1
        if k < len(tokens) and (tokens[k].lemma in PAIR_NUMERALS or fold(tokens[k].text) in PAIR_NUMERALS):
            return True
        if tokens[i].lemma == "глава" and k == i + 1:
            return False                           # "главы" alone: of what is not said
        nxt = tokens[k] if k < len(tokens) else None
        return nxt is None or nxt.feat("Case") != "Gen" or nxt.pos not in ("NOUN", "PROPN")

    def _pronouns(self, tokens: list[Token], here: list[Mention], doc: "_DocState",
                  text: str) -> list[Mention]:
        """"он", "она" (any case) -> the person last named, in this sentence or the one before,
        of the pronoun's gender; ", который" -> the mention that ends at the comma, if it agrees
        in gender and number."""
        out = []
        taken = {m.start for m in here}
        for i, tok in enumerate(tokens):
            if tok.start in taken:
                continue
            if tok.lemma in PRONOUNS and tok.pos == "PRON" and tok.feat("Number") != "Plur":
                gender = PRONOUNS[tok.lemma]
                ref = doc.last_person(gender, tok.start, sorted(here + out, key=lambda m: m.start))
                if ref is not None:
                    out.append(Mention(tok.start, tok.end, tok.text, "PRON", tok.lemma, ref, "doc.pronoun",
                                       confidence=CONFIDENCE["doc.pronoun"]))
            elif tok.lemma == "который" and i >= 1:
                comma = i - 1 if tokens[i - 1].text == "," else \
                    (i - 2 if i >= 2 and tokens[i - 2].text == "," and tokens[i - 1].pos == "ADP" else None)
                if comma is None:
                    continue
                ante = next((m for m in reversed(here) if m.end == tokens[comma].start and m.actor is not None
                             and m.type not in ("ADJ", "ANAPHOR", "PRON")), None)
                if ante is None:
                    continue
                head = next((t for t in reversed(tokens[:comma]) if t.start < ante.end), None)
                if head is None:
                    continue
                if not _agree(tok, head):
                    group = _coordinated(tokens, here, ante) if tok.feat("Number") == "Plur" else []
                    if len(group) < 2:
                        continue
                    # "Алексей Миллер и министр ... Александр Озерец, которые встречаются": both
                    actors = tuple(m.actor for m in group)
                    ref = ActorRef(id="group:" + "+".join(a.id for a in actors),
                                   name=", ".join(a.name for a in actors), kind="group")
                    out.append(Mention(tok.start, tok.end, tok.text, "PRON", tok.lemma, ref, "doc.relative",
                                       actors, confidence=CONFIDENCE["doc.relative"]))
                    continue
                out.append(Mention(tok.start, tok.end, tok.text, "PRON", tok.lemma, ante.actor, "doc.relative",
                                   confidence=CONFIDENCE["doc.relative"]))
        return out
