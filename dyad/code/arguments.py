"""Who did it and to whom: event arguments from the dependency parse.

Given a trigger found in a parsed sentence, :func:`arguments` returns the sources and targets:

- ``nsubj`` -> sources; ``obj``/``iobj``/``obl`` with a target preposition (с, к, против, для,
  за, на, по, перед, в + accusative, "в адрес", "в отношении", "по отношению к") -> targets;
- passive (``nsubj:pass`` or a passive participle): the subject is the target, an instrumental
  oblique or "со стороны X" the source;
- coordination: "Алиев и Си" -> both; a verb coordinated with or subordinated to another verb
  (conj, xcomp, advcl) takes that verb's subject when it has none;
- nominal events: a trigger noun that is the subject of an eventive verb ("встреча лидеров
  состоялась"), the object of a support verb ("провели переговоры") or a headline root; its
  genitive/"между"/"с" dependents are the participants. A noun in any other frame ("характер
  взаимодействия между X и Y") only describes: it is rejected;
- an argument token inside a mention takes that mention's actor (group anaphors expand to their
  members, titles give the person); a common noun takes the actor of its dependents ("Китайские
  компании" -> the business sector CHNBUS, "правительство Японии" -> JPN with code JPNGOV).

When the parse gives no source (or no target where one is needed), the nearest actor mentions
in the sentence are used with a lower confidence (rule suffix ``nearest``).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Sequence

from ..lang.types import Sentence, Token
from ..resolve.translit import slug
from ..types import ActorRef, Mention
from .argument_nouns import (
    ACTOR_KINDS, TARGET_CASES, EVENTIVE_VERBS, SUPPORT_VERBS,
    SCHEDULING_VERBS, MODAL_PREDICATES, DEPUTY_NOUNS, MEMBER_NOUNS, FAMILY_NOUNS, PATIENT_NOUNS,
    PATIENT_FRAMES, READY_PREDICATES, TIME_FRAMES, FRAME_CASES, EVENT_FRAMES, SECTOR_NOUNS,
    PARTICIPLE_AGENTS, UNPLACED_SECTORS, SECTOR_NAMES, SECTOR_RU, TITLE_NOUNS, CLAUSE_RELS, sector_name,
    TOPIC_NOUNS, BY_FRAMES, AGENT_GENITIVES, SECTOR_ADJECTIVES
)

TOLD = 0.4                  # the confidence of an act told about in a descriptive frame


@dataclass(frozen=True, slots=True)
class Arguments:
    sources: tuple[ActorRef, ...]
    targets: tuple[ActorRef, ...]
    rule: str                       # args:nsubj/obl, args:nmod, args:between, ... (+nearest)
    confidence: float
    anchor: int                     # token the event hangs on (the trigger verb or the noun's verb)
    rejected: str | None = None     # why the trigger does not report an event
    source_tokens: tuple[int, ...] = ()
    target_tokens: tuple[int, ...] = ()


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
            k = next((k for k in range(i - 1, -1, -1) if _one_person(self.tokens[k])
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
                    return [person_noun(lemma, sector)] if depth == 0 and _one_person(tok) else []
                return best
        if sector in UNPLACED_SECTORS and depth == 0 and (unplaced or not target) and tok.pos in ("NOUN", "ADJ", "PROPN"):
            return [unplaced_sector(sector)]     # "полиция задержала", "протестующие перекрыли"
        if depth == 0 and _one_person(tok) and sector not in UNPLACED_SECTORS and lemma not in TITLE_NOUNS \
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


STATE_SECTORS = ("GOV", "MIL", "LEG", "COP", "SPY", "JUD")


@lru_cache(maxsize=1)
def _kb():
    from ..resolve.kb import load_kb
    return load_kb()


@lru_cache(maxsize=None)
def country_ref(country: str) -> ActorRef:
    """The knowledge base's ActorRef of a country (a bare one if it is unknown)."""
    return _kb().ref(country) or ActorRef(id=country, name=country, kind="country", country=country,
                                          code=country)


def actor_key(a: ActorRef) -> str:
    """One side of an event: a government and its country are one side (the country), a person
    is a side of their own; non-state sectors (CHNBUS, GEOOPP) and organisations are sides of their own."""
    code = a.code or ""
    if a.kind in ("organization", "group") and code[3:] and code[3:] not in STATE_SECTORS:
        return code
    if a.kind == "person":
        return "person:" + a.id          # two people of one country are two sides
    if a.kind == "country" or code[3:] in STATE_SECTORS:
        return a.country or a.id
    return a.id


def country_key(a: ActorRef) -> str:
    """:func:`actor_key` with people standing for their country (how golden files name sides)."""
    if a.kind == "person":
        return a.country or a.id
    return actor_key(a)


def sector_actor(country: ActorRef, sector: str, name: str) -> ActorRef:
    """A country's sector: state organs (government, military, parliament...) keep the country's
    id with a CAMEO code such as JPNGOV; the others are actors of their own (CHNBUS)."""
    cid = country.country or country.id
    if sector in STATE_SECTORS:
        return replace(country, code=cid + sector)
    return ActorRef(id=cid + sector, name=sector_name(country, sector), kind="group", country=cid,
                    code=cid + sector, role=SECTOR_NAMES.get(sector), rule="args.sector",
                    confidence=country.confidence)



def relative_of(person: ActorRef, kin: str) -> ActorRef:
    """"супруга президента": a person of their own, of the named person's country."""
    return ActorRef(id=f"person:{slug(kin)}-{person.id.removeprefix('person:')}", name=f"{kin} ({person.name})",
                    kind="person", country=person.country, code=person.country, rule="args.relative",
                    confidence=person.confidence)


PERSON_NOUN_CONFIDENCE = 0.45
DESCRIBED_CONFIDENCE = 0.6      # a bare noun taken for the person the document named with it


def _one_person(tok: Token) -> bool:
    """An animate singular noun: someone (plural people, "жителей", stay unknown)."""
    return tok.pos == "NOUN" and tok.feat("Animacy") == "Anim" and tok.feat("Number") == "Sing"


def person_noun(lemma: str, sector: str | None = None) -> ActorRef:
    """Someone the text names only by what they are ("футболиста", "девушку", "журналиста"): a
    person of their own, unknown to the knowledge base and to any country, with the sector the
    noun names (MED for a journalist), less sure."""
    return ActorRef(id=f"person:{slug(lemma)}", name=lemma, kind="person", country=None, code=sector,
                    rule="args.person-noun", confidence=PERSON_NOUN_CONFIDENCE)


def unplaced_sector(sector: str) -> ActorRef:
    """A sector named without its country ("полиция", "протестующие"): the CAMEO agent code alone."""
    return ActorRef(id=sector, name=SECTOR_RU.get(sector, sector), kind="group", country=None, code=sector,
                    role=SECTOR_NAMES.get(sector), rule="args.sector", confidence=0.5)


def same_side(a: ActorRef, b: ActorRef) -> bool:
    """One side: equal keys, or a person and their country named as a state ("Армения и
    Азербайджан договорились о встрече лидеров": the leaders are the two countries)."""
    ka, kb = actor_key(a), actor_key(b)
    if ka == kb:
        return True
    if (a.kind == "person") != (b.kind == "person"):
        person, other = (a, b) if a.kind == "person" else (b, a)
        return bool(person.country) and country_key(other) == person.country
    return False


def _unique(actors: Iterable[ActorRef]) -> tuple[ActorRef, ...]:
    out: list[ActorRef] = []
    for a in actors:
        if not any(same_side(a, b) for b in out):
            out.append(a)
    return tuple(out)


def _collect(view: SentenceView, idx: Iterable[int], target: bool = False,
             unplaced: bool = False) -> tuple[list[ActorRef], list[int]]:
    actors: list[ActorRef] = []
    toks: list[int] = []
    for i in idx:
        for j in view.conjuncts(i):
            found = view.actors_at(j, target=target, unplaced=unplaced)
            if found:
                toks.append(j)
                actors.extend(found)
    return actors, toks


def _target_obliques(view: SentenceView, i: int, destination: bool = False, consult: bool = False) -> list[int]:
    """obj/iobj/obl (and nmod, for a trigger noun) dependents of token i that can be targets;
    with ``destination`` (a visit) "в/на X" is a target whatever its case ("визит в Баку"); with
    ``consult`` (a meeting, talks) "с X" names a partner only in the instrumental."""
    out = []
    for c in view.children[i]:
        rel, case, lemma = view.rel(c), view.case(c), view.tokens[c].lemma
        if rel in ("obj", "iobj"):
            out.append(c)
        elif rel in ("obl", "nmod", "obl:agent"):
            if lemma in ("адрес", "отношение") and case in ("в", "по"):
                out.extend(k for k in view.kids(c, "nmod"))
            elif case in TARGET_CASES and (destination and case in ("в", "на") or not view._framed(c) and not (
                    case in ("в", "на") and view.tokens[c].feat("Case") == "Loc")):
                if case == "с" and lemma == "сторона":
                    continue          # "со стороны X": a source, not a target
                if consult and case == "с" and view.tokens[c].feat("Case") == "Gen":
                    continue          # "обсуждают эвакуацию с МКС": where from, not with whom
                out.append(c)
    return out


def _side_of(view: SentenceView, i: int) -> list[int]:
    """"со стороны X" dependents of token i: the agent of a passive or of a nominal event."""
    out = []
    for c in view.children[i]:
        if view.tokens[c].lemma == "сторона" and view.case(c) == "с":
            out.extend(view.kids(c, "nmod"))
    return out


def _subject_of(view: SentenceView, i: int, hops: int = 0) -> list[int]:
    """The subject of verb i, borrowed from a governing verb for conj/xcomp/advcl/acl verbs; where
    the parse gives none, a nominative noun right before the verb that agrees with it ("...в
    Гаваре Полиция задержала": a headline run into the sentence)."""
    subj = view.kids(i, "nsubj")
    if subj or hops > 3:
        return subj
    rel = view.rel(i)
    h = view.head(i)
    if h >= 0 and rel in ("conj", "xcomp", "advcl", "csubj"):
        return _subject_of(view, h, hops + 1)
    if hops == 0 and view.tokens[i].pos == "VERB":
        before = _agreeing_noun_before(view, i)
        if before is not None:
            return [before]
    return []


def _agreeing_noun_before(view: SentenceView, i: int) -> int | None:
    """The nominative noun just before finite verb i (adverbs and particles between), agreeing
    in number and, in the past singular, gender."""
    verb = view.tokens[i]
    if verb.feat("VerbForm") not in ("Fin", None) or verb.feat("Voice") == "Pass":
        return None
    k = i - 1
    while k >= 0 and view.tokens[k].pos in ("ADV", "PART"):
        k -= 1
    if k < 0:
        return None
    tok = view.tokens[k]
    if tok.pos not in ("NOUN", "PROPN") or tok.feat("Case") != "Nom" or view.case(k):
        return None
    if verb.feat("Number") and tok.feat("Number") and verb.feat("Number") != tok.feat("Number"):
        return None
    if verb.feat("Number") == "Sing" and verb.feat("Gender") and tok.feat("Gender") \
            and verb.feat("Gender") != tok.feat("Gender"):
        return None
    return k


def _is_passive(view: SentenceView, i: int) -> bool:
    tok = view.tokens[i]
    return bool(view.kids(i, "nsubj:pass", "aux:pass")) or (tok.feat("Voice") == "Pass" and tok.feat("VerbForm") == "Part")


def nominal_anchor(view: SentenceView, i: int) -> tuple[int | None, str]:
    """The verb a trigger noun hangs on, and how; None when the noun only describes."""
    rel, h = view.rel(i), view.head(i)
    if h < 0 or rel == "root":
        return i, "root"
    head = view.tokens[h]
    if rel in ("nsubj", "nsubj:pass") and head.lemma in EVENTIVE_VERBS | SCHEDULING_VERBS:
        return h, "event"
    if rel == "nsubj" and head.lemma in MODAL_PREDICATES:     # "переговоры могут пройти в Сочи"
        done = [c for c in view.kids(h, "xcomp") if view.tokens[c].lemma in EVENTIVE_VERBS]
        if done:
            return done[0], "event"
    if rel in ("obj", "nsubj:pass") and head.lemma in SUPPORT_VERBS:
        return h, "support"
    if rel == "obl" and head.pos == "VERB" and view.case(i) in FRAME_CASES:
        return h, "frame"                      # "на встрече с Си Алиев заявил"
    if rel == "nmod" and head.lemma in EVENT_FRAMES and view.rel(h) == "obl" and view.head(h) >= 0:
        return view.head(h), "frame"           # "в ходе переговоров", "по итогам встречи"
    if rel == "obl" and view.case(i) == "к" and head.lemma in READY_PREDICATES:
        return h, "support"                    # "готов к переговорам"
    if rel == "obl" and view.case(i) == "с" and head.lemma in ("прибыть", "приехать", "отправиться",
                                                              "находиться", "обратиться"):
        return h, "support"                    # "прибыл с визитом"
    if rel in ("appos", "conj") and h != i:
        return nominal_anchor(view, h)
    return None, f"noun in a descriptive frame ({rel} of {head.text!r})"


def arguments(view: SentenceView, head: int, parts: Sequence[int], args: str, pos: str,
              destination: bool = False, sector_targets: bool = False, consult: bool = False,
              relation: bool = False) -> Arguments:
    """Sources and targets of the trigger whose head token is ``head`` (see the module docstring).
    ``destination``: the trigger is a visit, whose "в X" names the host. ``sector_targets``: a
    coercive or violent act, whose target may be a sector named without its country ("уволил
    генералов полиции", "разогнали демонстрантов"). ``relation``: the noun may name a standing
    relation ("сотрудничество", "партнерство"), which a descriptive frame only describes."""
    tok = view.tokens[head]
    nominal = pos == "NOUN" and tok.pos in ("NOUN", "PROPN", "ADJ")
    src_idx: list[int] = []
    tgt_idx: list[int] = []
    names = []
    anchor = head
    conf = 0.9
    if nominal:
        anchor, how = nominal_anchor(view, head)
        if anchor is None:
            # "о причинах отставки министра Кулешова", "после задержания Голунова": an act done to
            # someone, told about rather than reported, is still an event with its patient, barely
            # sure; other nouns in such frames only describe ("значение встречи")
            if tok.lemma not in PATIENT_NOUNS:
                if relation:
                    return Arguments((), (), "args:none", 0.0, head, how)
                return _told_by_participants(view, head, parts, args, how)
            # the patient: its genitive, or that of the noun it is coordinated with ("задержание и
            # арест журналиста")
            nouns = list(parts) + [c for p in parts for c in view.kids(p, "conj")]
            if view.rel(head) == "conj" and view.head(head) >= 0:
                nouns.append(view.head(head))
            told = [c for p in nouns for c in view.kids(p, "nmod", "det", "appos")
                    if c not in nouns and view.case(c) == "" and not view._framed(c)]
            actors, toks = _collect(view, told)
            rule = "args:nmod+told"
            h = view.head(head)
            if not actors and view.rel(head) == "obl" and view.case(head) in PATIENT_FRAMES and h >= 0:
                # "застрелился при задержании", "скончался после ареста": the subject is the patient
                actors, toks = _collect(view, _subject_of(view, h))
                rule = "args:nsubj+told"
            if not actors:
                return Arguments((), (), "args:none", 0.0, head, how)
            return Arguments((), _unique(actors), rule, TOLD, head, None, (), tuple(toks))
        gens = [c for p in parts for c in view.kids(p, "nmod", "amod", "det", "appos")
                if c not in parts and view.case(c) in ("", "между") and not view._framed(c)]
        others = [c for c in _target_obliques(view, head, destination, consult) if c not in gens and c not in parts]
        if how == "frame" and view.case(head) in TIME_FRAMES and not any(
                view.actors_at(c) for c in gens + others):
            # "ушел в отставку после протестов": a circumstance, not an act of the subject
            return Arguments((), (), "args:none", 0.0, head, "noun in a time frame without participants")
        subject = _subject_of(view, anchor) if how in ("support", "frame") else []
        if how == "support" and view.rel(head) == "nsubj:pass":     # "санкции были введены ЕС"
            subject = [c for c in view.kids(anchor, "obl", "obl:agent")
                       if view.case(c) == "" and view.tokens[c].feat("Case") == "Ins"] + _side_of(view, anchor)
        if subject:
            src_idx += subject
            names.append("nsubj")
            others += [c for c in _target_obliques(view, anchor) if c != head and view.rel(c) != "obj"]
            tgt_idx += gens              # "направил ноту протеста Франции"
        else:
            src_idx += gens
            if how == "support" and view.rel(head) == "nsubj:pass":   # "помощь ... доставлена в Газу"
                others += [c for c in _target_obliques(view, anchor) if c != head and c not in gens]
        src_idx += _side_of(view, head)
        tgt_idx += others
        names.append("nmod")
        conf = 0.85 if how in ("event", "support", "root") else 0.7
    passive = False
    if not nominal:
        passive = _is_passive(view, head)
        if passive and args == "subj>":         # "армия приведена в боевую готовность"
            src_idx += view.kids(head, "nsubj:pass", "nsubj")
            names.append("pass")
        elif passive:
            tgt_idx += view.kids(head, "nsubj:pass") or ([] if view.rel(head) != "acl" else [view.head(head)])
            src_idx += [c for c in view.kids(head, "obl", "obl:agent")
                        if view.case(c) == "" and view.tokens[c].feat("Case") == "Ins"]
            src_idx += _side_of(view, head)
            tgt_idx += [c for c in _target_obliques(view, head) if view.rel(c) in ("iobj", "obl")
                        and view.case(c) in ("с", "к", "против", "для", "в", "на", "по")]
            names.append("pass")
        else:
            src_idx += _subject_of(view, head)
            tgt_idx += _target_obliques(view, head, destination, consult)
            if not view.kids(head, "obj") and view.rel(head) == "conj" and view.head(head) >= 0 \
                    and view.tokens[view.head(head)].pos == "VERB":
                # "похитил девушку, изнасиловал её, избил и обезглавил": the object they share
                tgt_idx += [c for c in view.kids(view.head(head), "obj") if c not in tgt_idx]
            names.append("nsubj")
        if not any(view.actors_at(t, target=True) for t in tgt_idx):
            for p in parts:                      # "ввести санкции против России"
                if p != head:
                    tgt_idx += [c for c in _target_obliques(view, p) if c not in parts]
                    if view.tokens[p].pos == "NOUN":
                        tgt_idx += [c for c in view.kids(p, "nmod", "amod") if view.case(c) == ""
                                    and c not in parts and not view._framed(c)]
        names.append("obl")
    tgt_idx = _recipients_first(view, [t for t in dict.fromkeys(tgt_idx) if t not in src_idx])
    if args == "obj>subj":
        src_idx, tgt_idx = tgt_idx, src_idx
    sources, s_toks = _collect(view, dict.fromkeys(src_idx))
    targets, t_toks = _collect(view, tgt_idx, target=True, unplaced=sector_targets)
    rule = "args:" + "/".join(names)
    sources_u = _unique(sources)
    keys = {actor_key(a) for a in sources_u}
    targets_u = tuple(a for a in _unique(targets) if not any(same_side(a, b) for b in sources_u))
    if args == "between" and len(sources_u) > 1:
        rule += "+between"
        sources_u, targets_u = sources_u[:1], _unique(sources_u[1:] + targets_u)
    if not sources_u and not src_idx and not nominal:
        zero = None if passive else _zero_subject(view, head, args)
        # a passive's patient and the words of its phrase are not its agent ("полковник ГРУ ...
        # был задержан": not the GRU)
        inside = _subtree(view, [t for t in tgt_idx if view.rel(t) == "nsubj:pass"]) if passive else set()
        near = None if zero else _nearest(view, head, exclude={actor_key(a) for a in targets_u}, before=True,
                                           skip=inside)
        if zero and not any(same_side(zero, b) for b in targets_u):
            sources_u, conf, rule = (zero,), min(conf, ZERO_SUBJECT), rule + "+zero"
        elif near:
            sources_u, conf, rule = (near,), conf - 0.3, rule + "+nearest"
    needs_target = args in ("subj>obj", "obj>subj", "between")
    if needs_target and not targets_u and not tgt_idx and not nominal and sources_u:
        # not a word of the source's own phrase ("студент Иллинойсского университета")
        near = _nearest(view, head, exclude={actor_key(a) for a in sources_u}, before=False,
                        skip=_subtree(view, list(dict.fromkeys(src_idx))))
        if near:
            targets_u, conf, rule = (near,), conf - 0.3, rule + "+nearest"
    return Arguments(sources_u, targets_u, rule, round(max(conf, 0.1), 2), anchor, None,
                     tuple(s_toks), tuple(t_toks))


def _told_by_participants(view: SentenceView, head: int, parts: Sequence[int], args: str, how: str) -> Arguments:
    """A trigger noun told about in a descriptive frame ("к 75-летию встречи американских и
    советских войск", "после капитуляции Японии") whose own dependents name who did it: an event
    with those participants (the meeting's, or the one who surrendered), barely sure (TOLD);
    without them the noun only describes and is rejected with ``how``."""
    if not (args in ("between", "subj>") or args == "subj>obj" and view.tokens[head].lemma in AGENT_GENITIVES):
        return Arguments((), (), "args:none", 0.0, head, how)
    own = [c for p in parts for c in view.kids(p, "nmod", "amod", "det", "appos")
           if c not in parts and view.case(c) in ("", "между") and not view._framed(c)]
    # "встречи американских и советских войск": the adjectives of a participant noun name sides too
    own += [a for c in own for a in view.kids(c, "amod") if a not in own]
    actors, toks = _collect(view, own)
    found = _unique(actors)
    if not found or (args == "between" and len(found) < 2):
        return Arguments((), (), "args:none", 0.0, head, how)
    if args == "between":
        return Arguments(found[:1], found[1:], "args:nmod+told", TOLD, head, None, tuple(toks[:1]), tuple(toks[1:]))
    return Arguments(found, (), "args:nmod+told", TOLD, head, None, tuple(toks), ())


def _recipients_first(view: SentenceView, idx: list[int]) -> list[int]:
    """With both a patient (obj) and a recipient (iobj, "в/к/для X") that name actors, the
    recipient is the target: "экстрадировал в Россию гражданина Киргизии" -> RUS."""
    direct = [i for i in idx if view.cover[i] is not None and view.actors_at(i, target=True)]
    if direct and len(direct) < len(idx):   # "призвала ЕС к отмене санкций против X": ЕС
        idx = [i for i in idx if i in direct or view.rel(i) in ("obj", "iobj")
               and not view.actors_at(i, target=True)]
    recipients = [i for i in idx if (view.rel(i) == "iobj" or view.case(i) in ("в", "к", "для"))
                  and view.cover[i] is not None]
    objects = [i for i in idx if view.rel(i) == "obj"]
    if recipients and objects and any(view.actors_at(i, target=True) for i in recipients):
        return [i for i in idx if i not in objects]
    return idx


ZERO_SUBJECT = 0.6          # the most confidence of an event whose source the verb's gender gives


def _zero_subject(view: SentenceView, head: int, args: str) -> ActorRef | None:
    """The person a finite verb with no subject continues from the sentences before: a past-tense
    singular verb's gender picks the person ("подписала" -> the woman last named as a subject);
    only where no actor is named before the verb in its sentence, and not for "obj>subj" triggers."""
    tok = view.tokens[head]
    if args == "obj>subj" or tok.feat("VerbForm") not in ("Fin", None) or tok.feat("Number") != "Sing":
        return None
    gender = tok.feat("Gender")
    if gender not in ("Masc", "Fem") or tok.feat("Tense") != "Past":
        return None
    if any(m.end <= tok.start and m.type not in ("ADJ",) and view.mention_actors(m) and not any(
            view.tokens[j].feat("Case") == "Loc" for j, t in enumerate(view.tokens)
            if m.start <= t.start and t.end <= m.end) for m in view.mentions):
        return None
    return view.earlier.get(gender)


def _subtree(view: SentenceView, roots: list[int]) -> set[int]:
    """The character offsets of the tokens under the given tokens."""
    out, todo = set(), list(roots)
    while todo:
        i = todo.pop()
        if view.tokens[i].start in out:
            continue
        out.add(view.tokens[i].start)
        todo.extend(view.children[i])
    return out


def _nearest(view: SentenceView, head: int, exclude: set[str], before: bool,
             skip: set[int] = frozenset()) -> ActorRef | None:
    """The actor mention nearest to the trigger (preferring the side given), but none starting
    at a token of ``skip``."""
    pos = view.tokens[head].start
    scored = []
    for m in view.mentions:
        if m.start in skip:
            continue
        inside = [j for j, t in enumerate(view.tokens) if m.start <= t.start and t.end <= m.end]
        if any(view.tokens[j].feat("Case") == "Loc" and view.case(j) in ("в", "на") for j in inside) \
                and m.actor is not None and m.actor.kind not in ("person",):
            continue                # "принимает в Белом доме ...": the place, not a participant
        for a in view.mention_actors(m):
            if actor_key(a) in exclude:
                continue
            side = (m.end <= pos) == before
            if before and not side:
                continue            # a source is named before its verb
            # an adjective ("французского коллегу Николя Саркози") qualifies the participant named
            # beside it: it comes after any other mention on the same side
            scored.append((0 if side else 1, m.type == "ADJ", abs(m.start - pos), a))
    if not scored:
        return None
    return min(scored, key=lambda x: x[:3])[3]
