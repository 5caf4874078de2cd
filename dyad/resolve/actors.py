"""Mentions -> actors, valid on the article date.

Rules, applied in order (each mention records the rule that resolved it):

- ``kb.alias``      a knowledge-base alias (name, official name, abbreviation, adjective, capital
                    as metonym, person's full name) matched on lemmas;
- ``kb.compound``   a hyphenated compound split into parts ("Баку-Пекин", "российско-китайские");
- ``kb.title``      a title designating an office holder on the date ("Председатель КНР",
                    "азербайджанский лидер");
- ``doc.surname``   a surname alone, for a person already named in the document;
- ``kb.surname``    a surname alone that the knowledge base lists;
- ``geo.city``      a LOC found in the gazetteer of cities (it resolves to its country);
- ``ner.person`` / ``ner.org`` / ``ner.place``  anything else the NER found becomes an actor with
                    what is known (kind, name, country if an adjective or name says so);
- ``doc.pair`` / ``doc.leaders`` / ``doc.country``  anaphors ("двух стран", "лидеров", "страна")
                    resolved to actors already introduced.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from ..lang.types import Analysis, NerSpan, Token
from ..types import ActorRef, Mention
from .keys import fold, word_keys
import datetime as dt

from .dates import parse_day
from .kb import OFFICE_CODES, Alias, KnowledgeBase, Title, load_kb
from .places import best, candidates
from .translit import slug

KIND_TYPE = {"country": "LOC", "place": "LOC", "region": "LOC", "person": "PER",
             "igo": "ORG", "organization": "ORG", "initiative": "MISC", "group": "ORG"}
ALIAS_RANK = {"official": 0, "name": 0, "abbr": 1, "metonym": 2, "adj": 3, "demonym": 3, "surname": 5}
LIST_PUNCT = re.compile(r"[•,;()]")
FUNCTION_POS = {"PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "ADV", "AUX", "NUM"}
# A capital after one of these words is the city, not its government: "в Москве", "мэр Москвы".
PLACE_CUES = {"мэр", "мэрия", "житель", "улица", "окраина", "пригород", "центр", "губернатор",
              "аэропорт", "метро", "вокзал", "район", "горожанин", "москвич"}
PAIR_WORDS = {"сторона", "страна", "государство"}
PAIR_NUMERALS = {"два", "обе", "оба", "двух", "обеих", "двое"}
LEADER_WORDS = {"лидер", "руководитель", "глава"}
ANAPHOR_LEMMAS = PAIR_WORDS | LEADER_WORDS
# A title governed by one of these nouns is someone else's ("пресс-секретарь президента России
# Дмитрий Песков"): the name after it is not the title's holder.
# People: the name after "пресс-секретарь президента" is never the president's. Things: the name
# after "указ президента" is the president's when it stands in the title's case.
EMBEDDING_PEOPLE = {"заместитель", "замглавы", "замминистра", "пресс-секретарь", "помощник", "советник",
                    "представитель", "спикер", "посол", "сотрудник", "охранник", "супруга", "супруг",
                    "жена", "муж", "сын", "дочь", "вдова", "брат", "сестра", "мать", "отец", "внук",
                    "внучка", "племянник", "кандидат", "соперник", "оппонент", "преемник",
                    "предшественник", "исполняющий", "врио", "референт", "адъютант", "секретарь"}
EMBEDDING_THINGS = {"администрация", "аппарат", "охрана", "кабинет", "окружение", "пресс-служба",
                    "канцелярия", "офис", "указ", "распоряжение", "визит", "встреча", "решение",
                    "заявление", "слово", "позиция", "портрет", "должность", "пост", "кресло",
                    "резиденция", "выборы", "полномочие", "обязанность", "приказ", "поручение"}
FAMILY_NOUNS = {"супруга", "супруг", "жена", "муж", "сын", "дочь", "вдова", "брат", "сестра", "мать",
                "отец", "внук", "внучка", "племянник", "племянница", "зять", "невестка", "теща", "тесть"}
FORMER = {"бывший", "экс", "прежний", "покойный", "предыдущий", "экс-президент", "тогдашний"}
PRONOUNS = {"он": "Masc", "она": "Fem"}
INITIAL = re.compile(r"^[A-ZА-ЯЁ]\.?$")
# How sure each rule is of the actor it gives (0-1): measured on the development sets, see
# docs/quality.md; a rule that needed corroboration or guessed from context is less sure.
CONFIDENCE = {"kb.alias": 0.95, "kb.alias.surname": 0.85, "kb.compound": 0.9, "kb.title+name": 0.95,
              "kb.title": 0.8, "kb.office": 0.6, "kb.sector": 0.85, "kb.capital-place": 0.9,
              "kb.org-adj": 0.75, "doc.surname": 0.85, "doc.title": 0.7, "doc.pronoun": 0.55,
              "doc.relative": 0.7, "geo.city": 0.8, "ner.person": 0.7, "ner.org": 0.7, "ner.place": 0.6,
              "doc.pair": 0.6, "doc.leaders": 0.6, "doc.country": 0.6, "phoenix.person": 0.8}
PHOENIX_FLOOR = 0.8         # the least Phoenix match confidence taken (initial + surname)
W_TITLE_NOT_HELD = "W201 {name} did not hold {office} of {country} on {date}"


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


class ActorResolver:
    """Resolves the mentions of one document. Stateless between documents: what it remembers
    is per word form (:class:`_Word`), the same whichever document the form is in."""

    def __init__(self, kb: KnowledgeBase | None = None):
        self.kb = kb or load_kb()
        self._adj_prefix = self._compound_prefixes()
        self._by_first_key = {key: tuple(self._candidate(a) for a in aliases)
                              for key, aliases in self.kb.by_first_key.items()}
        self._titles_by_first: dict[str, list] = {}
        for title in self.kb.titles:
            for key in title.keys[0]:
                self._titles_by_first.setdefault(key, []).append(title)
        self._word = lru_cache(maxsize=200_000)(self._analyse_word)
        self._given_names: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._phoenix = None
        self._phoenix_hits: dict[tuple, object] = {}

    def _compound_prefixes(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for alias in self.kb.aliases:
            if alias.type != "adj" or alias.lang != "ru":
                continue
            a = fold(alias.alias)
            forms = {a[:-2] + "о"}
            if a.endswith("ский") or a.endswith("цкий"):
                forms.add(a[:-4] + "о")
            for form in forms:
                out.setdefault(form, alias.actor_id)
        return out

    def _candidate(self, alias: Alias) -> _Candidate:
        person = self.kb.actors[alias.actor_id].kind == "person"
        return _Candidate(alias, len(alias.keys), ALIAS_RANK.get(alias.type, 4),
                          alias.alias[:1].isupper(),
                          len(alias.keys) == 1 and alias.type != "abbr",
                          fold(alias.alias) if alias.type == "surname" else None,
                          person and alias.type in ("surname", "name"))

    def _analyse_word(self, text: str, lemma: str, pos: str) -> _Word:
        keys = word_keys(text) | {lemma}
        if fold(text).startswith("экс-") and len(text) > 5:
            keys |= word_keys(text[4:])           # "экс-госсекретарь" is a (former) госсекретарь
        aliases = tuple(c for key in keys for c in self._by_first_key.get(key, ())
                        if _may_start(c, text, pos, keys))
        titles = tuple(r for key in keys for r in self._titles_by_first.get(key, ()))
        return _Word(keys, aliases, titles)

    def _words(self, tokens: list[Token]) -> list[_Word]:
        return [self._word(t.text, t.lemma, t.pos) for t in tokens]

    # --- alias matching ---------------------------------------------------------------------
    def _alias_matches(self, tokens: list[Token], words: list[_Word], day) -> list[_Match]:
        """``words`` are the tokens' :meth:`_words`. Only the tokens that may start an alias or
        a compound are tried; a match consumes the tokens it covers."""
        found: list[_Match] = []
        free = 0                                   # the first token no match has consumed
        for i in [i for i, w in enumerate(words) if w.aliases or "-" in tokens[i].text]:
            if i < free:
                continue
            best_match = self._best_alias(words, i, day)
            if best_match:
                alias, n = best_match
                found.append(_Match(tokens[i].start, tokens[i + n - 1].end, i, i + n - 1, alias,
                                    alias.actor_id, "kb.alias"))
                free = i + n
            elif "-" in tokens[i].text:
                found.extend(self._compound(tokens[i], i))
        return found

    def _best_alias(self, words: list[_Word], i: int, day) -> tuple[Alias, int] | None:
        """The longest, best-ranked alias starting at token ``i`` (its person in office on the
        day before one out of it), and its length in tokens."""
        best_match: tuple | None = None
        for c in words[i].aliases:
            n = c.n
            if i + n > len(words):
                continue
            if all(not c.alias.keys[j].isdisjoint(words[i + j].keys) for j in range(1, n)):
                score = (n, -c.rank, self._alive(c.alias.actor_id, day))
                if best_match is None or score > best_match[0]:
                    best_match = (score, c.alias, n)
        return best_match[1:] if best_match else None

    def _alive(self, actor_id: str, day) -> int:
        actor = self.kb.actors.get(actor_id)
        if actor is None or actor.kind != "person":
            return 1
        return 1 if self.kb.roles(actor_id, day) else 0

    def _compound(self, tok: Token, index: int) -> list[_Match]:
        out = []
        pos = 0
        for part in tok.text.split("-"):
            start = tok.start + pos
            pos += len(part) + 1
            if not part:
                continue
            actor_id = self._adj_prefix.get(fold(part))
            alias = None
            if actor_id is None:
                for key in word_keys(part):
                    hits = [a for a in self.kb.by_first_key.get(key, ()) if len(a.keys) == 1]
                    if hits:
                        alias = min(hits, key=lambda a: ALIAS_RANK.get(a.type, 4))
                        actor_id = alias.actor_id
                        break
            if actor_id is not None:
                out.append(_Match(start, start + len(part), index, index, alias, actor_id, "kb.compound"))
        return out if len(out) >= 2 else []

    # --- the pass over one document ---------------------------------------------------------
    def resolve(self, analysis: Analysis, date: str | None, precision: str | None = "day",
                trace: list | None = None) -> tuple[Mention, ...]:
        """``precision`` is that of ``date`` (day, month, year: an estimated article date); an
        office holder is named only if one person held the office all that period. ``trace``,
        when given, collects each decision against a candidate (``dyad explain``)."""
        day, until = period_of(date, precision)
        text = analysis.text
        mentions: list[Mention] = []
        ner = sorted(analysis.spans, key=lambda s: s.start)
        ner_starts = [s.start for s in ner]
        covered: set[int] = set()   # NER span starts already explained by an alias match
        doc = _DocState()
        salience = doc.salience
        for sent in analysis.sentences:
            tokens = list(sent.tokens)
            words = self._words(tokens)
            spans = ner[bisect_left(ner_starts, sent.start):bisect_left(ner_starts, sent.end)]
            matches = self._safe(self._alias_matches(tokens, words, day), tokens, words, spans, doc,
                                 text, trace)
            titles, named = self._titles(tokens, words, matches, spans, day, until, text, doc, trace)
            orgs = self._org_adjectives(tokens, matches, spans, day, text)
            for p in titles:                         # "Экс-госсекретарь" the NER took for a name
                covered.update(sp.start for sp in spans if p.start <= sp.start and sp.end <= p.end)
            here: list[Mention] = list(orgs.values())
            for m in matches:
                ref = named.get(m.start) or self.kb.ref(m.actor_id, day, until)
                if ref is None:
                    continue
                span = next((s for s in spans if s.start <= m.start and m.end <= s.end), None)
                if span is not None and m.rule == "kb.alias" and span.start == m.start and span.end == m.end:
                    mtype, norm, start, end = span.type, span.normal, span.start, span.end
                    covered.add(span.start)
                elif span is not None and m.rule == "kb.alias" and span.type == "PER" and ref.kind == "person":
                    mtype, norm, start, end = "PER", span.normal, span.start, span.end
                    covered.add(span.start)
                else:
                    mtype = self._type_for(m.alias, ref)
                    norm = m.alias.alias if m.alias else text[m.start:m.end]
                    start, end = m.start, m.end
                    if m.rule == "kb.compound":
                        if m.alias is None or m.alias.type == "adj":
                            mtype = "ADJ"          # "российско-" is the stem of an adjective
                        tok = tokens[m.first]
                        if span is not None and ref.kind in ("country", "place", "region") and (
                                span.type == "LOC" or (span.start, span.end) == (tok.start, tok.end)):
                            # "Азербайджано-израильские" tagged PER: the compound is all of it
                            covered.add(span.start)
                    elif span is not None and not LIST_PUNCT.search(span.text) or m.start in orgs:
                        mtype = "INNER"            # "Китая" inside "банк Китая": the actor, not an entity
                place = self._capital_as_place(m, tokens, ref, day)
                if place is not None:
                    ref, rule = place, "kb.capital-place"
                else:
                    rule = m.rule
                    if rule == "kb.alias" and m.alias is not None and m.alias.type == "surname":
                        rule = "kb.alias.surname"
                warnings = doc.warnings.get(m.start, ())
                here.append(Mention(start, end, text[start:end], mtype, norm, ref, rule,
                                    confidence=CONFIDENCE.get(rule, 0.7), warnings=warnings))
                if ref.kind == "person":
                    doc.introduce(self._surname_key(norm), ref, tokens[m.last].feat("Gender"))
                if m.last > m.first:
                    here.extend(self._nested(m, tokens, words, spans, covered, day, text))
            here.extend(self._sector_actors(tokens, matches, day, text))
            for span in spans:
                if span.start in covered:
                    continue
                mention = self._ner_mention(span, day, doc, here, salience, text, tokens)
                if mention is not None:
                    here.append(mention)
                    if mention.actor and mention.actor.kind == "person" and mention.rule == "ner.person":
                        tok = next((t for t in reversed(tokens) if t.start < span.end), None)
                        doc.introduce(self._surname_key(mention.norm or mention.text), mention.actor,
                                      tok.feat("Gender") if tok else None)
            here.extend(self._title_mentions(titles, here, text))
            here.sort(key=lambda m: m.start)
            previous_country = salience.last_country
            salience.add(here)
            here.extend(self._anaphors(tokens, here, previous_country, doc, day, until, text))
            here.extend(self._pronouns(tokens, here, doc, text))
            here.sort(key=lambda m: m.start)
            doc.sentences.append(here)
            mentions.extend(here)
        mentions.sort(key=lambda m: (m.start, -m.end))
        return tuple(self._dedupe(mentions))

    def _nested(self, m: _Match, tokens: list[Token], words: list[_Word], spans: list[NerSpan],
                covered: set[int], day, text: str) -> list[Mention]:
        """NER spans strictly inside a multi-word alias match ("России" in "МИД России"): the
        ones that are a knowledge-base name themselves become nested mentions, the rest ("МИД")
        are explained by the match and make no ad hoc actor."""
        out = []
        for span in spans:
            if not (m.start <= span.start and span.end <= m.end) or (span.start, span.end) == (m.start, m.end):
                continue
            covered.add(span.start)
            inner = [k for k, t in enumerate(tokens) if span.start <= t.start and t.end <= span.end]
            hits = self._alias_matches([tokens[k] for k in inner], [words[k] for k in inner], day)
            if len(hits) == 1 and (hits[0].start, hits[0].end) == (span.start, span.end):
                ref = self.kb.ref(hits[0].actor_id, day)
                if ref is not None:
                    out.append(Mention(span.start, span.end, span.text, span.type, span.normal, ref,
                                       "kb.alias", confidence=CONFIDENCE["kb.alias"]))
        return out

    @staticmethod
    def _dedupe(mentions: list[Mention]) -> list[Mention]:
        seen = set()
        out = []
        for m in mentions:
            key = (m.start, m.end, m.actor.id if m.actor else None)
            if key not in seen:
                seen.add(key)
                out.append(m)
        return out

    @staticmethod
    def _surname_key(name: str) -> str:
        return fold(name.split()[-1]) if name.split() else ""

    @staticmethod
    def _type_for(alias: Alias | None, ref: ActorRef) -> str:
        if alias is not None and alias.type == "adj":
            return "ADJ"
        if alias is not None and alias.type == "demonym":
            return "DEMONYM"
        return KIND_TYPE.get(ref.kind, "LOC")

    # --- safe aliases ----------------------------------------------------------------------
    def _safe(self, matches: list[_Match], tokens: list[Token], words: list[_Word],
              spans: list[NerSpan], doc: "_DocState", text: str, trace: list | None) -> list[_Match]:
        """The alias matches that may stand: a person's alias that is one word of a longer name
        with another first name ("Филиппом Кирковым", "Хосе Перес Гарсия", "Иванка Трамп"), a
        surname that is also a first name with nothing to corroborate it ("принц Филипп"), or a
        country alias that is a first name the NER took for a person ("Том") are rejected."""
        out = []
        matched = {k for m in matches for k in range(m.first, m.last + 1)}
        for m in matches:
            why = self._unsafe(m, tokens, words, spans, doc, matches, matched)
            if why is None:
                out.append(m)
            elif trace is not None:
                trace.append(Decision(m.start, m.end, text[m.start:m.end], m.actor_id, "rejected", why))
        return out

    def _unsafe(self, m: _Match, tokens: list[Token], words: list[_Word], spans: list[NerSpan],
                doc: "_DocState", matches: list[_Match], matched: set[int]) -> str | None:
        if m.rule != "kb.alias" or m.alias is None:
            return None
        actor = self.kb.actors.get(m.actor_id)
        if actor is None:
            return None
        span = next((s for s in spans if s.type == "PER" and s.start <= m.start and m.end <= s.end), None)
        if actor.kind == "person":
            given, initials = self._given(m.actor_id)
            extra = [k for k, t in enumerate(tokens) if span is not None and span.start <= t.start
                     and t.end <= span.end and not m.first <= k <= m.last]
            for k in (m.first - 1, m.last + 1):
                # a name word beside the match in the same case is part of one name ("Филиппом
                # Кирковым"); in another case it is someone else's ("дочь Трампа Иванка")
                if 0 < k < len(tokens) and k not in extra and k not in matched and _name_like(tokens[k]) \
                        and _same_case(tokens[k], tokens[m.last]):
                    extra.append(k)
            for k in extra:
                t = tokens[k]
                if not any(ch.isalpha() for ch in t.text):
                    continue
                if INITIAL.match(t.text):
                    if fold(t.text[0]) not in initials:
                        return f"the initial {t.text} is not {actor.name_ru}'s"
                    continue
                if words[k].keys.isdisjoint(given):
                    return f"{t.text} beside {tokens[m.first].text} names someone else than {actor.name_ru}"
            if m.first == m.last and m.alias.type == "surname" and not extra \
                    and m.actor_id not in doc.introduced:
                why = self._ambiguous(m, tokens, span)
                if why and not self._corroborated(m, tokens, words, matches):
                    return f"{tokens[m.first].text} is {why} and nothing corroborates {actor.name_ru}"
            return None
        if m.first == m.last and actor.kind in ("country", "place", "region") and span is not None \
                and (span.start, span.end) == (m.start, m.end) and is_given_name(tokens[m.first].text):
            return f"{tokens[m.first].text} is a first name the NER found as a person, not {actor.name_ru}"
        return None

    def _given(self, person_id: str) -> tuple[frozenset[str], frozenset[str]]:
        """The keys of a person's first names and patronymics (the words of their full names
        other than the surname), and their initials."""
        hit = self._given_names.get(person_id)
        if hit is not None:
            return hit
        aliases = [a for a in self.kb.aliases if a.actor_id == person_id]
        surnames = {fold(a.alias) for a in aliases if a.type == "surname"}
        actor = self.kb.actors[person_id]
        names = [a.alias for a in aliases if a.type in ("name", "official") and a.lang == "ru"]
        names.append(actor.name_ru)
        if not surnames:
            surnames = {fold(n.split()[-1]) for n in names if n.split()}
        keys: set[str] = set()
        initials: set[str] = set()
        for name in names:
            for w in re.split(r"[\s-]+", name):
                if not w or fold(w) in surnames or not w[:1].isalpha():
                    continue
                keys |= word_keys(w)
                initials.add(fold(w[0]))
        hit = (frozenset(keys), frozenset(initials))
        self._given_names[person_id] = hit
        return hit

    @staticmethod
    def _ambiguous(m: _Match, tokens: list[Token], span: NerSpan | None) -> str | None:
        """Why a surname standing alone may be something else: it is also a first name, or an
        ordinary word opening the sentence that the NER did not take for a person."""
        if is_given_name(m.alias.alias):
            return "also a first name"
        opening = m.first == 0 or not tokens[m.first - 1].text[:1].isalnum()
        if opening and span is None and is_common_word(tokens[m.first].text):
            return "an ordinary word opening the sentence"
        return None

    def _corroborated(self, m: _Match, tokens: list[Token], words: list[_Word],
                      matches: list[_Match]) -> bool:
        """A surname is corroborated by a title the person held right before it ("премьер
        Филипп") or by the person's country within three words before it."""
        actor = self.kb.actors[m.actor_id]
        for other in matches:
            if other.last < m.first and m.first - other.last <= 3 and \
                    self._country_of(other.actor_id) == actor.country and self._is_country(other.actor_id):
                return True
        for n in range(1, 5):
            i = m.first - n
            if i < 0:
                break
            for title in words[i].titles:
                if len(title.keys) == n and all(not title.keys[j].isdisjoint(words[i + j].keys)
                                                for j in range(n)):
                    if self.kb.held(m.actor_id, title.country, title.office):
                        return True
        return False

    # --- titles -----------------------------------------------------------------------------
    def _titles(self, tokens: list[Token], words: list[_Word], matches: list[_Match],
                spans: list[NerSpan], day, until, text: str, doc: "_DocState",
                trace: list | None = None) -> tuple[list["_Pending"], dict[int, ActorRef]]:
        """Titles of one sentence. A title right before a name is that person's ("президент США
        Барак Обама": the name resolves, the title gives the role); a title alone names its holder
        when the date is known and one person held the office all that period, else the person
        the document introduced with it, else the office (UKRGOV). Returns the title mentions to
        make (those before a name the NER found wait for its actor) and, by match start, the
        person references the titles give to the names after them."""
        pending: list[_Pending] = []
        named: dict[int, ActorRef] = {}
        by_first = {m.first: m for m in matches}
        by_last = {m.last: m for m in matches}
        per_at = {s.start: s for s in spans if s.type == "PER"}
        taken: set[int] = set()
        found = []                                 # (length, start index, matching rows)
        for i, word in enumerate(words):
            rows = word.titles
            if not rows:
                continue
            for n in sorted({len(r.keys) for r in rows}, reverse=True):
                if i + n > len(tokens):
                    continue
                hits = list({id(r): r for r in rows if len(r.keys) == n and all(
                    not r.keys[j].isdisjoint(words[i + j].keys) for j in range(n))}.values())
                if hits:
                    found.append((n, i, hits))
        for n, i, hits in sorted(found, key=lambda f: (-f[0], f[1])):   # longest titles first
            if i in taken:
                continue
            last = i + n - 1
            start, end, country, first, after = tokens[i].start, tokens[last].end, None, i, last + 1
            nxt = by_first.get(last + 1)
            if (nxt is None or not self._is_country(nxt.actor_id)) and last + 1 < len(tokens):
                # "Председатель правительства России": "правительства России" matched as one
                # alias, the country after the title is the word on its own
                alone = self._alias_matches(tokens[last + 1:last + 2], words[last + 1:last + 2], day)
                if alone and alone[0].rule == "kb.alias" and self._is_country(alone[0].actor_id):
                    nxt = replace(alone[0], first=last + 1, last=last + 1)
            if nxt is not None and self._is_country(nxt.actor_id) and \
                    tokens[last + 1].feat("Case") in ("Gen", None):
                country, end, after = self._country_of(nxt.actor_id), nxt.end, nxt.last + 1
            else:
                prev = by_last.get(i - 1)
                if prev is not None and prev.alias is not None and prev.alias.type == "adj":
                    country, start, first = self._country_of(prev.actor_id), prev.start, prev.first
            if tokens[i].feat("Number") == "Plur":
                continue                       # "лидеры двух стран" is a group, not one holder
            title = self._pick_title(hits, country)
            generic = title or next((r for r in hits if r.country is None), None)
            if generic is None:
                continue
            office = generic.office
            country = country or (title.country if title else None)
            before = [tokens[k].lemma for k in range(max(0, first - 2), first)]
            former = any(w in FORMER for w in before) or fold(tokens[i].text).startswith("экс")
            governor = before[-1] if before else ""
            person = by_first.get(after)
            if person is not None and not self._is_person(person.actor_id):
                person = None
            span = per_at.get(tokens[after].start) if after < len(tokens) else None
            embedded = governor in EMBEDDING_PEOPLE or governor in EMBEDDING_THINGS and (
                after >= len(tokens) or tokens[after].feat("Case") != tokens[i].feat("Case"))
            if trace is not None:
                term = self.kb.holder(country, office, day, until) if country else None
                holder = self.kb.actors[term.person_id].name_ru if term else None
                named_after = text[tokens[after].start:(person.end if person else span.end)] \
                    if (person is not None or span is not None) else None
                if named_after and not embedded:
                    why = f"the name after it wins: {named_after}" + (
                        f" (the holder on the date: {holder})" if holder else "")
                elif named_after:
                    why = f"{named_after} is not the holder: the title is governed by '{governor}'"
                else:
                    why = f"no name after it; holder on the date: {holder or 'unknown (the office)'}"
                trace.append(Decision(start, end, text[start:end], term.person_id if term else "-",
                                      "title", why))
            if not embedded and (person is not None or span is not None):
                taken.update(range(i, last + 1))
                if person is not None:
                    ref, warning = self._titled_person(person.actor_id, country, office, former, day, until)
                    named[person.start] = ref
                    warnings = (warning,) if warning else ()
                    if warnings:
                        doc.warnings[person.start] = warnings
                    pending.append(_Pending(start, end, ref, None, "kb.title+name", warnings))
                else:
                    doc.titled[span.start] = (country, None if former else office)
                    pending.append(_Pending(start, end, None, span.start, "kb.title+name", ()))
                continue
            if former:                         # "экс-госсекретарь": a former holder the document named
                ref = next((r for r in reversed(doc.order) if r.id in self.kb.actors
                            and self.kb.held(r.id, country, office)), None)
                if ref is not None:
                    taken.update(range(i, last + 1))
                    pending.append(_Pending(start, end, replace(ref, role=None), None, "doc.title", ()))
                continue
            if country is None:
                ref = doc.by_role.get((None, office))     # "Президент отметил": the one introduced
                if ref is not None:
                    taken.update(range(i, last + 1))
                    pending.append(_Pending(tokens[i].start, tokens[last].end, ref, None, "doc.title", ()))
                continue
            ref, rule = doc.by_role.get((country, office)), "doc.title"
            if ref is None:
                term = self.kb.holder(country, office, day, until)
                ref, rule = (self.kb.ref(term.person_id, day, until), "kb.title") if term else (None, "")
                if ref is not None:
                    ref = replace(ref, role=office)
            if ref is None:
                ref, rule = self._office(country, office), "kb.office"
            if ref is None:
                continue
            taken.update(range(i, last + 1))
            pending.append(_Pending(start, end, ref, None, rule, ()))
        return pending, named

    def _titled_person(self, person_id: str, country: str | None, office: str, former: bool,
                       day, until) -> tuple[ActorRef, str | None]:
        """A known person named after a title: the title gives the role when the date is
        unknown or the knowledge base agrees; where it says the person did not hold that office
        then, the name stands and a warning says so."""
        ref = self.kb.ref(person_id, day, until)
        actor = self.kb.actors[person_id]
        country = country or actor.country
        if former or not country:
            return ref, None
        titled = replace(ref, role=office, code=country + OFFICE_CODES.get(office, "GOV"))
        if day is None:
            return (titled if country == actor.country else ref), None
        end = until or day
        terms = self.kb.terms_by_person.get(person_id, ())
        if any(t.office == office and t.country == country and t.start <= end
               and (t.end is None or t.end >= day) for t in terms):
            return titled, None
        if terms or country != actor.country:
            office_name = office.replace("_", " ")
            when = day.isoformat() if end == day else f"{day.isoformat()}..{end.isoformat()}"
            return ref, W_TITLE_NOT_HELD.format(name=actor.name_ru or actor.name_en, office=office_name,
                                                country=country, date=when)
        return titled, None

    def _office(self, country: str, office: str) -> ActorRef | None:
        """The office itself when nobody can be named: the country's government (UKRGOV)."""
        base = self.kb.ref(country)
        if base is None:
            return None
        return ActorRef(id=f"{country}GOV", name=f"{base.name}: правительство", kind="group",
                        country=country, code=f"{country}GOV", role=office)

    def _title_mentions(self, pending: list["_Pending"], here: list[Mention], text: str) -> list[Mention]:
        by_start = {m.start: m for m in here if m.actor is not None and m.actor.kind == "person"}
        out = []
        for p in pending:
            ref = p.ref
            if p.span_start is not None:
                m = by_start.get(p.span_start)
                ref = m.actor if m is not None else None
            if ref is None:
                continue
            out.append(Mention(p.start, p.end, text[p.start:p.end], "TITLE", text[p.start:p.end], ref,
                               p.rule, confidence=CONFIDENCE.get(p.rule, 0.7), warnings=p.warnings))
        return out

    def _org_adjectives(self, tokens: list[Token], matches: list[_Match], spans: list[NerSpan],
                        day, text: str) -> dict[int, Mention]:
        """"Колумбийский университет", "1-го Украинского фронта": a country adjective written
        with a capital inside a sentence, before a common noun, begins an organisation's name:
        the organisation, with that country as its country, not the country. By match start."""
        out = {}
        for m in matches:
            if m.alias is None or m.alias.type != "adj" or m.first != m.last or m.first == 0 \
                    or m.last + 1 >= len(tokens):
                continue
            tok, noun = tokens[m.first], tokens[m.last + 1]
            if not tok.text[:1].isupper() or not tokens[m.first - 1].text[:1].isalnum() and \
                    tokens[m.first - 1].text not in ",":
                continue
            if noun.pos != "NOUN" or not noun.text[:1].islower() or noun.lemma in self.kb.sector_nouns \
                    or noun.lemma in ANAPHOR_LEMMAS:
                continue
            if any(s.start <= tok.start < s.end for s in spans):
                continue                           # the NER's organisation holds it (ner.org)
            country = self._country_of(m.actor_id)
            if not self._is_country(m.actor_id):
                continue
            name = f"{_nominative(tok, noun)} {noun.lemma}"
            ref = ActorRef(id=f"org:{slug(name)}-{country.lower()}", name=name, kind="organization",
                           country=country, code=country)
            out[m.start] = Mention(tok.start, noun.end, text[tok.start:noun.end], "ORG", name, ref,
                                   "kb.org-adj", confidence=CONFIDENCE["kb.org-adj"])
        return out

    @staticmethod
    def _pick_title(rows, country: str | None):
        """The row for this country, else the generic row; a bare title only when it stands alone."""
        if country:
            same = [r for r in rows if r.country == country]
            if same:
                return same[0]
            generic = [r for r in rows if r.country is None]
            return generic[0] if generic else None
        alone = [r for r in rows if r.alone]
        return alone[0] if len(alone) == 1 else None

    def _sector_actors(self, tokens: list[Token], matches: list[_Match], day, text: str) -> list[Mention]:
        """"китайские компании" -> the business sector of China (CHNBUS), "азербайджанская
        сторона" -> the country itself."""
        out = []
        for m in matches:
            if m.alias is None or m.alias.type != "adj" or m.last + 1 >= len(tokens):
                continue
            country = self._country_of(m.actor_id)
            if not country or not self._is_country(m.actor_id):
                continue
            noun = tokens[m.last + 1]
            role = self.kb.sector_nouns.get(noun.lemma)
            if role is None:
                continue
            code, name_en, name_ru = role
            start, end = m.start, noun.end
            base = self.kb.ref(country, day)
            if code == "self":
                ref = base
            else:
                ref = ActorRef(id=f"{country}{code}", name=f"{base.name}: {name_ru}", kind="group",
                               country=country, code=f"{country}{code}")
            out.append(Mention(start, end, text[start:end], "GROUP", text[start:end], ref, "kb.sector",
                               confidence=CONFIDENCE["kb.sector"]))
        return out

    def _capital_as_place(self, m: _Match, tokens: list[Token], ref: ActorRef, day) -> ActorRef | None:
        """"в Москве" (locative) and "мэр Москвы" name the city; "Москва заявила" the government."""
        if m.alias is None or m.alias.type != "metonym" or m.first != m.last:
            return None
        tok = tokens[m.first]
        prev = tokens[m.first - 1] if m.first else None
        located = prev is not None and prev.lemma in ("в", "во") and tok.feat("Case") == "Loc"
        cued = prev is not None and prev.lemma in PLACE_CUES
        if not (located or cued):
            return None
        place = best(candidates(tok.text), [ref.country] if ref.country else [])
        if place is None or place.country != ref.country:
            return None
        return ActorRef(id=f"{slug(place.name_en)}-{place.country.lower()}", name=m.alias.alias,
                        kind="place", country=place.country, code=place.country, lat=place.lat,
                        lon=place.lon, geonames_id=place.geonames_id)

    def _is_person(self, actor_id: str) -> bool:
        actor = self.kb.actors.get(actor_id)
        return actor is not None and actor.kind == "person"

    def _is_country(self, actor_id: str) -> bool:
        actor = self.kb.actors.get(actor_id)
        return actor is not None and actor.kind == "country"

    def _country_of(self, actor_id: str) -> str | None:
        actor = self.kb.actors.get(actor_id)
        return (actor.country or actor.id) if actor else None

    # --- NER spans the knowledge base did not explain ---------------------------------------
    def _ner_mention(self, span: NerSpan, day, doc: "_DocState", mentions: list[Mention],
                     salience: "_Salience", text: str, tokens: list[Token] = ()) -> Mention | None:
        """``mentions`` are the sentence's mentions so far; ``doc`` what the document said before."""
        norm = span.normal or span.text
        if span.type == "PER":
            names = norm.replace(".", ". ").split()
            if all(INITIAL.match(w) for w in names):
                return None                        # "В. В." after "Путин": part of the name before
            key = self._surname_key(norm)
            if len(names) == 1 and key in doc.people:
                return Mention(span.start, span.end, span.text, "PER", norm, doc.people[key], "doc.surname",
                               confidence=CONFIDENCE["doc.surname"])
            country = self._nearby_country(span, mentions, text)
            titled = doc.titled.get(span.start)
            role = None
            if titled is not None:
                country, role = titled[0] or country, titled[1]
            code = (country + (OFFICE_CODES.get(role, "GOV") if role else "ELI")) if country else None
            known = self._phoenix_person(norm, day) if len(names) >= 2 else None
            if known is None and len(names) >= 2:      # the NER's normal form may keep a case ending
                lemmas = " ".join(t.lemma.capitalize() for t in tokens
                                  if span.start <= t.start and t.end <= span.end and t.text[:1].isupper())
                if lemmas and lemmas != norm:
                    known = self._phoenix_person(lemmas, day)
            if known is not None and (country is None or known.country == country):
                ref = ActorRef(id="phoenix:" + known.id, name=norm, kind="person", country=known.country,
                               code=code if role else (known.code or (known.country or "") + "ELI" or None),
                               role=role)
                return Mention(span.start, span.end, span.text, "PER", norm, ref, "phoenix.person",
                               confidence=round(CONFIDENCE["phoenix.person"] * known.confidence, 2))
            ref = ActorRef(id="person:" + slug(norm), name=norm, kind="person", country=country,
                           code=code, role=role)
            return Mention(span.start, span.end, span.text, "PER", norm, ref, "ner.person",
                           confidence=CONFIDENCE["ner.person"])
        if span.type == "LOC":
            countries = salience.countries | {m.actor.country for m in mentions if m.actor and m.actor.country}
            place = best(candidates(span.text, norm), countries)
            if place is not None:
                ref = ActorRef(id=f"{slug(place.name_en)}-{place.country.lower()}", name=norm,
                               kind="place", country=place.country, code=place.country,
                               lat=place.lat, lon=place.lon, geonames_id=place.geonames_id)
                return Mention(span.start, span.end, span.text, "LOC", norm, ref, "geo.city",
                               confidence=CONFIDENCE["geo.city"])
            ref = ActorRef(id="place:" + slug(norm), name=norm, kind="place")
            return Mention(span.start, span.end, span.text, "LOC", norm, ref, "ner.place",
                           confidence=CONFIDENCE["ner.place"])
        # the country inside the name ("МИД Турции" as one span) or right after it ("МИД" + "Турции")
        inner = [m for m in mentions if m.actor and m.actor.kind == "country" and m.type != "ADJ" and (
                 span.start <= m.start and m.end <= span.end or 0 <= m.start - span.end <= 1)]
        country = inner[0].actor.id if inner else self._nearby_country(span, mentions, text)
        ref = ActorRef(id="org:" + slug(norm) + (f"-{country.lower()}" if inner else ""), name=norm,
                       kind="organization", country=country,
                       code=(country + self._sector_of(span)) if inner else country)
        return Mention(span.start, span.end, span.text, "ORG", norm, ref, "ner.org",
                       confidence=CONFIDENCE["ner.org"])

    def _phoenix_person(self, name: str, day):
        """A person the knowledge base lacks, found in the Phoenix tables (PETRARCH-2's dated
        CAMEO roles to 2014) by transliteration: the country, and the code held on the day."""
        key = (name, day)
        if key in self._phoenix_hits:
            return self._phoenix_hits[key]
        if self._phoenix is None:
            from .phoenix import load_phoenix
            self._phoenix = load_phoenix()
        hit = self._phoenix.lookup(name, day)
        hit = hit if hit is not None and hit.confidence >= PHOENIX_FLOOR else None
        if len(self._phoenix_hits) > 50_000:      # names repeat across news: remember the answers
            self._phoenix_hits.clear()
        self._phoenix_hits[key] = hit
        return hit

    def _sector_of(self, span: NerSpan) -> str:
        """The CAMEO sector an organisation's first word names (армия -> MIL, министерство -> GOV;
        dyad/data/actor_roles.tsv); other organisations of a country are GOV-free: ``""``."""
        first = span.normal.split()[0] if span.normal.split() else ""
        for key in word_keys(first):
            role = self.kb.sector_nouns.get(key)
            if role is not None and role[0] != "self":
                return role[0]
        return ""

    @staticmethod
    def _nearby_country(span: NerSpan, mentions: list[Mention], text: str = "") -> str | None:
        """A country adjective or name right before the span ("турецкий министр Хакан Фидан")."""
        before = [m for m in mentions if m.end <= span.start and span.start - m.end <= 30
                  and m.actor and m.actor.kind == "country" and m.type in ("ADJ", "LOC")]
        # "посол Италии в Грузии Виторио Сандали": a country after "в" is where, not whose
        before = [m for m in before if text[max(0, m.start - 4):m.start].split()[-1:] not in (["в"], ["во"])]
        if not before:
            return None
        last = before[-1]
        between = [m for m in mentions if last.end <= m.start and m.end <= span.start
                   and m.actor is not None and m.actor.kind == "person"]
        return None if between else last.actor.id

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
                if head is None or not _agree(tok, head):
                    continue
                out.append(Mention(tok.start, tok.end, tok.text, "PRON", tok.lemma, ante.actor, "doc.relative",
                                   confidence=CONFIDENCE["doc.relative"]))
        return out


def _may_start(c: _Candidate, text: str, pos: str, keys: frozenset[str]) -> bool:
    """Whether a word (its surface form, part of speech and keys) may start alias ``c``."""
    if c.capitalised and text[:1].islower():
        return False                  # "тем" is not Того: a proper name is capitalised
    if c.one_word and pos in FUNCTION_POS:
        return False                  # sentence-initial "Тем", "То" are not names
    if c.surname is not None and c.surname not in keys:
        return False                  # "Мир" is not the surname Миро
    return not (c.person_name and n_upper(text))   # "МИД" is an abbreviation, not a person's name


def n_upper(word: str) -> bool:
    """An all-capitals word of two letters or more (an abbreviation)."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


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


def _same_case(a: Token, b: Token) -> bool:
    ca, cb = a.feat("Case"), b.feat("Case")
    return ca is None or cb is None or ca == cb


def _name_like(tok: Token) -> bool:
    """A capitalised word that is part of a person's name: a first name, patronymic or surname
    as pymorphy3 knows it, or an initial."""
    text = tok.text
    if not text[:1].isupper() or n_upper(text):
        return False
    if INITIAL.match(text):
        return True
    return tok.pos == "PROPN" and _person_word(text)


@lru_cache(maxsize=100_000)
def _person_word(word: str) -> bool:
    from .keys import morph
    return any(p.is_known and ({"Name", "Surn", "Patr"} & set(str(p.tag).replace(" ", ",").split(",")))
               for p in morph().parse(fold(word)))


@lru_cache(maxsize=100_000)
def is_given_name(word: str) -> bool:
    """Whether pymorphy3's dictionary knows ``word`` as a first name (in the singular): Филипп,
    Том, Роза, Ли."""
    from .keys import morph
    for p in morph().parse(fold(word)):
        grams = set(str(p.tag).replace(" ", ",").split(","))
        if p.is_known and "Name" in grams and "sing" in grams:
            return True
    return False


@lru_cache(maxsize=100_000)
def is_common_word(word: str) -> bool:
    """Whether the likeliest reading of ``word`` is an ordinary word of the dictionary, not a
    name: "Мир", "Роль", "Пока"."""
    from .keys import morph
    low = fold(word)
    parses = morph().parse(low)
    if not parses or not parses[0].is_known or fold(parses[0].normal_form) != low:
        return False            # "Токаев" is no form a sentence opens with of "токай"
    grams = set(str(parses[0].tag).replace(" ", ",").split(","))
    return not ({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad"} & grams)


def _nominative(adj: Token, noun: Token) -> str:
    """The adjective in the nominative, agreeing with its noun, capitalised: the first word of an
    organisation's name ("Украинского" before "фронта" -> "Украинский")."""
    from .keys import morph
    grams = {"Nom", noun.feat("Number") or "Sing"}
    if (noun.feat("Number") or "Sing") == "Sing":
        grams.add(noun.feat("Gender") or "Masc")
    for p in morph().parse(fold(adj.text)):
        if p.tag.POS == "ADJF":
            try:
                form = p.inflect(grams)
            except KeyError:
                form = None
            if form is not None:
                return form.word[:1].upper() + form.word[1:]
    return adj.lemma[:1].upper() + adj.lemma[1:]


def _agree(pron: Token, head: Token) -> bool:
    """"который" agrees with its antecedent's head word in number and, in the singular, gender."""
    if pron.feat("Number") and head.feat("Number") and pron.feat("Number") != head.feat("Number"):
        return False
    if pron.feat("Number") == "Sing" and pron.feat("Gender") and head.feat("Gender"):
        return pron.feat("Gender") == head.feat("Gender")
    return True


def period_of(date: str | None, precision: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day the article date may be: a day, its month or its year."""
    day = parse_day(date)
    if day is None:
        return None, None
    if precision == "year":
        return day.replace(month=1, day=1), day.replace(month=12, day=31)
    if precision == "month":
        nxt = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return day.replace(day=1), nxt - dt.timedelta(days=1)
    if precision == "week":
        return day, day + dt.timedelta(days=6)
    return day, None


@dataclass(frozen=True, slots=True)
class Decision:
    """A candidate the resolver weighed and why it lost (``dyad explain``)."""
    start: int
    end: int
    text: str
    actor_id: str
    outcome: str             # rejected (an alias match set aside) | title (how a title was read)
    why: str


@dataclass(frozen=True, slots=True)
class _Pending:
    """A title mention to make once the name after it has its actor."""
    start: int
    end: int
    ref: ActorRef | None
    span_start: int | None   # the NER person span the title belongs to
    rule: str
    warnings: tuple[str, ...]


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
        return unknown[-1] if unknown and len({a.id for a in people}) == 1 else None


_RESOLVER: ActorResolver | None = None


def resolve_mentions(analysis: Analysis, date: str | None, precision: str | None = "day",
                     trace: list | None = None) -> tuple[Mention, ...]:
    """The document's mentions; ``trace`` (a list) collects the candidates weighed and why
    (:class:`Decision`), for ``dyad explain``."""
    global _RESOLVER
    if _RESOLVER is None:
        _RESOLVER = ActorResolver()
    return _RESOLVER.resolve(analysis, date, precision, trace)
