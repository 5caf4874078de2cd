"""A parsed sentence seen by the coder: its dependency tree and the actors its tokens stand for
(a mention's actor, a title's holder, "Китайские компании" -> the business sector, "студент
Иллинойсского университета" -> a person of their own, "футболиста" -> the footballer the document
named). :mod:`dyad.code.arguments` picks the sides of a trigger from it."""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..lang.types import Sentence, Token
from ..types import ActorRef, Mention
from .argument_nouns import (
    ACTOR_KINDS, DEPUTY_NOUNS, MEMBER_NOUNS, FAMILY_NOUNS, SECTOR_NOUNS, PARTICIPLE_AGENTS, UNPLACED_SECTORS,
    TITLE_NOUNS, CLAUSE_RELS, TOPIC_NOUNS, BY_FRAMES, SECTOR_ADJECTIVES
)
from .sides import (
    DESCRIBED_CONFIDENCE, one_person, country_ref, person_noun, relative_of, sector_actor, unplaced_sector
)


def _mention_key(m: Mention) -> tuple:
    return (m.end - m.start, m.type in ("TITLE", "PER", "ANAPHOR"))


class SentenceView:
    """A parsed sentence with children lists and the mention covering each token."""

    def __init__(self, sent: Sentence, mentions: Sequence[Mention],
                 earlier: dict[str, ActorRef] | None = None,
                 described: dict[str, tuple[int, ActorRef]] | None = None):
        self.sent = sent
        # people the document named beside a common noun ("футболист Лионель Месси"), by the
        # noun's lemma, with where: a later bare "футболиста" is that person
        self.described: dict[str, tuple[int, ActorRef]] = described or {}
        # the person a subjectless verb of this gender continues from the sentences before
        # ("Мин Си родилась в Шанхае. В 2010 году подписала контракт с Ford Models")
        self.earlier: dict[str, ActorRef] = earlier or {}
        self.tokens: tuple[Token, ...] = sent.tokens
        self.mentions = [m for m in mentions if sent.start <= m.start < sent.end and m.actor is not None]
        self.children: list[list[int]] = [[] for _ in self.tokens]
        for i, tok in enumerate(self.tokens):
            if 0 <= tok.head < len(self.tokens) and tok.head != i:
                self.children[tok.head].append(i)
        self.cover: list[Mention | None] = []
        self.compound: list[list[Mention]] = []     # "российско-китайские": one token, two actors
        for tok in self.tokens:
            inside = [m for m in self.mentions if m.start < tok.end and tok.start < m.end]
            self.cover.append(max(inside, key=_mention_key) if inside else None)
            parts = [m for m in inside if m.rule == "kb.compound"]
            self.compound.append(parts if len(parts) > 1 else [])

    # --- tree helpers -------------------------------------------------------------------------
    def rel(self, i: int) -> str:
        return self.tokens[i].rel or ""

    def head(self, i: int) -> int:
        return self.tokens[i].head

    def kids(self, i: int, *rels: str) -> list[int]:
        return [c for c in self.children[i] if not rels or self.rel(c) in rels]

    def case(self, i: int) -> str:
        """The preposition of a nominal ("в", "с", "в адрес" is handled by the caller)."""
        preps = [c for c in self.children[i] if self.rel(c) == "case" and c < i]
        if not preps:
            return ""
        c = preps[0]
        word = self.tokens[c].lemma
        fixed = [self.tokens[f].lemma for f in self.kids(c, "fixed")]
        word = {"во": "в", "со": "с", "ко": "к", "об": "о", "обо": "о"}.get(word, word)
        return " ".join([word, *fixed])

    def conjuncts(self, i: int) -> list[int]:
        out = [i]
        for c in self.kids(i, "conj"):
            if self.tokens[c].pos in ("NOUN", "PROPN", "PRON", "ADJ", "X"):
                out.extend(self.conjuncts(c))
        return out

    # --- actors -------------------------------------------------------------------------------
    def mention_actors(self, m: Mention, city_as_country: bool = False) -> list[ActorRef]:
        """The actors a mention stands for: a group anaphor's members, a territory with an ISO
        code (TWN), a city's country where a target is expected ("удар по Харькову")."""
        if m.members:
            return [replace(a, rule=m.rule, confidence=m.confidence) for a in m.members]
        a = m.actor
        if a is not None:
            a = replace(a, rule=m.rule, confidence=m.confidence)
        if a is None:
            return []
        if a.kind == "person" and m.text.isupper() and len(m.text) <= 4:
            return []                       # an abbreviation (МИД) is not a person
        if a.kind in ("place", "region"):
            if len(a.id) == 3 and a.id.isupper():
                return [a]
            if city_as_country and m.rule == "geo.city" and a.country:
                return [country_ref(a.country)]
            return []
        if a.kind not in ACTOR_KINDS:
            return []
        return [a]

    def actors_at(self, i: int, depth: int = 0, target: bool = False, unplaced: bool = False) -> list[ActorRef]:
        """The actors a nominal token stands for (see the module docstring)."""
        m = self.cover[i]
        tok = self.tokens[i]
        if self.compound[i]:
            return [a for part in self.compound[i] for a in self.mention_actors(part)]
        if m is not None:
            found = self.mention_actors(m, city_as_country=target)
            if found or m.rule == "geo.city" or (m.actor and m.actor.kind in ("place", "region")):
                if not (m.actor and m.actor.kind == "organization" and not m.actor.country):
                    return found
        if depth == 0 and not target and tok.feat("VerbForm") == "Part" and tok.lemma in PARTICIPLE_AGENTS \
                and self.rel(i).startswith("nsubj"):
            return [unplaced_sector(PARTICIPLE_AGENTS[tok.lemma])]     # "протестующие", "нападавшие"
        if depth > 3 or tok.pos in ("VERB", "AUX", "ADV", "ADP", "SCONJ", "CCONJ", "PUNCT"):
            return []
        if tok.pos == "PRON" and m is None and tok.lemma in ("он", "она") and tok.feat("Number") == "Sing":
            # "отвёз девушку домой, нанёс ей ранения": the person noun before it, of its gender
            k = next((k for k in range(i - 1, -1, -1) if one_person(self.tokens[k])
                      and self.tokens[k].feat("Gender") == tok.feat("Gender")), None)
            return self.actors_at(k, depth, target, unplaced) if k is not None and self.cover[k] is None else []
        lemma = tok.lemma
        if lemma in FAMILY_NOUNS:           # "супруга президента": the relative, a person of their own
            named = [a for c in self.kids(i, "appos", "flat:name", "flat") for a in self.actors_at(c, depth + 1)
                     if a.kind == "person"]
            if named:                        # "дочь Трампа Иванка": the relative is named
                return named[:1]
            kin = [a for c in self.kids(i, "nmod") if self.case(c) == "" for a in self.actors_at(c, depth + 1)
                   if a.kind == "person"]
            if lemma == "супруг" and tok.feat("Gender") == "Fem":
                lemma = "супруга"
            return [relative_of(kin[0], lemma)] if kin else []
        sector = SECTOR_NOUNS.get(lemma)
        kids = [c for c in self.children[i] if self.rel(c) not in CLAUSE_RELS and self.rel(c) != "case"]
        if lemma in DEPUTY_NOUNS and depth == 0:
            # "заместитель министра ... Александр Налбандов": the deputy, not the minister
            named = self._name_after(i)
            if named is not None:
                return [named]
            found = [a for c in kids if self.rel(c) in ("nmod", "amod") and self.case(c) == ""
                     for a in self.actors_at(c, depth + 1)]
            countries = [a.country for a in found if a.country]
            if countries:
                return [sector_actor(country_ref(countries[0]), "GOV", self._phrase(i))]
            orgs = [a for a in found if a.kind in ("igo", "organization")][:1]   # "представитель ООН"
            if orgs:
                return orgs
            # "представители повстанческих группировок": the rebels, whose country is not said
            unplaced = [sec for c in kids if self.rel(c) == "nmod" and self.case(c) == ""
                        for sec in [SECTOR_NOUNS.get(self.tokens[c].lemma)] + [
                            SECTOR_ADJECTIVES.get(self.tokens[a].lemma) for a in self.kids(c, "amod")]
                        if sec in UNPLACED_SECTORS]
            return [unplaced_sector(unplaced[0])] if unplaced and not target else []
        if sector or lemma in TITLE_NOUNS:
            found = [a for c in kids if self.rel(c) in ("amod", "nmod", "det", "appos", "flat:name")
                     and not self._framed(c) and self.case(c) == ""
                     for j in self.conjuncts(c) for a in self.actors_at(j, depth + 1)]
            people = [a for a in found if a.kind == "person"]
            if people:
                return people
            if lemma in TITLE_NOUNS and tok.feat("Number") != "Plur":
                named = self._name_after(i)
                if named is not None:        # "посол Италии в Грузии Виторио Сандали"
                    return [named]
            countries = [a for a in found if a.kind == "country" or (a.kind == "place" and len(a.id) == 3)]
            if not countries and not found and sector and depth == 0:
                # "суд в Италии", "полиция в Москве": the organ of the country it sits in
                countries = [a for c in kids if self.rel(c) == "nmod" and self.case(c) in ("в", "на")
                             and self.tokens[c].feat("Case") == "Loc"
                             for a in self.actors_at(c, depth + 1, target=True) if a.kind == "country"][:1]
            if countries:
                plural = tok.feat("Number") == "Plur"
                chosen = countries if plural else countries[:1]
                # "делегаций Ирана и Евросоюза": an organisation named beside the countries
                orgs = [a for a in found if a.kind == "igo"] if plural else []
                return [sector_actor(c, sector or "GOV", self._phrase(i)) for c in chosen] + orgs
        if m is not None:
            return self.mention_actors(m, city_as_country=target)
        if lemma in TOPIC_NOUNS:
            return []
        best: list[ActorRef] = []
        tiers = (lambda c: self.rel(c) in ("appos", "flat:name", "flat"),
                 lambda c: self.rel(c) in ("nmod", "amod", "nummod", "det", "compound") and self.case(c) == "",
                 lambda c: self.rel(c) == "nmod" and self.case(c) != "")
        if target:                  # "финансирует проекты в Эфиопии": the country is the target
            tiers += (lambda c: self.rel(c) == "nmod" and self._framed(c) and self.case(c) == "в",)
        for n, tier in enumerate(tiers):
            for c in kids:
                if tier(c) and (n == 3 or not self._framed(c)):
                    for j in self.conjuncts(c):
                        best.extend(a for a in self.actors_at(j, depth + 1, target) if a not in best)
            if best:
                if lemma in MEMBER_NOUNS and all(a.kind == "organization" for a in best):
                    # "студент Иллинойсского университета" is a person, not the university
                    return [person_noun(lemma, sector)] if depth == 0 and one_person(tok) else []
                return best
        if sector in UNPLACED_SECTORS and depth == 0 and (unplaced or not target) and tok.pos in ("NOUN", "ADJ", "PROPN"):
            return [unplaced_sector(sector)]     # "полиция задержала", "протестующие перекрыли"
        if depth == 0 and one_person(tok) and sector not in UNPLACED_SECTORS and lemma not in TITLE_NOUNS \
                and lemma not in DEPUTY_NOUNS:
            at, named = self.described.get(lemma, (None, None))
            if named is not None and at < tok.start:    # "футболист Месси ... приговорил футболиста"
                return [replace(named, rule="doc.description", confidence=DESCRIBED_CONFIDENCE)]
            return [person_noun(lemma, sector)]  # "приговорил футболиста", "задержание журналиста"
        return []

    def _name_after(self, i: int) -> ActorRef | None:
        """The person named after a title noun within its phrase (the parse often hangs the name
        on the last noun before it): the first person mention before a verb or a clause break,
        in the title's case."""
        case = self.tokens[i].feat("Case")
        for k in range(i + 1, min(len(self.tokens), i + 9)):
            t = self.tokens[k]
            if t.pos in ("VERB", "AUX", "SCONJ", "CCONJ") or t.text in (",", ";", ":", "—", "(", ")", "."):
                return None
            m = self.cover[k]
            if m is not None and m.actor is not None and m.actor.kind == "person" and m.type in ("PER",):
                if case and t.feat("Case") and t.feat("Case") != case:
                    return None
                return self.mention_actors(m)[0] if self.mention_actors(m) else None
        return None

    def _framed(self, i: int) -> bool:
        """A locative, topical or attributing modifier ("в рамках ШОС", "по вопросам Тайваня", "по
        инициативе Италии") names no argument."""
        case = self.case(i)
        if case in ("в", "на") and self.tokens[i].feat("Case") == "Loc":
            return True
        if case == "по" and self.tokens[i].lemma in BY_FRAMES:
            return True
        return case in ("по", "о") and self.tokens[i].lemma in TOPIC_NOUNS

    def _phrase(self, i: int) -> str:
        idx = [i] + [c for c in self.children[i] if self.rel(c) in ("amod", "nmod") and c in (i - 1, i + 1)]
        first, last = min(idx), max(idx)
        return self.sent.text[self.tokens[first].start - self.sent.start:self.tokens[last].end - self.sent.start]
