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

from ..nlp.types import Analysis, NerSpan, Token
from ..types import ActorRef, Mention
from .keys import fold, word_keys
from .dates import parse_day
from .kb import Alias, KnowledgeBase, Title, load_kb
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
    def resolve(self, analysis: Analysis, date: str | None, precision: str | None = "day") -> tuple[Mention, ...]:
        """``precision`` is that of ``date`` (day, month, year: an estimated article date);
        an office holder is named only if the same person held the office all that period."""
        day = parse_day(date)
        text = analysis.text
        mentions: list[Mention] = []
        ner = sorted(analysis.spans, key=lambda s: s.start)
        ner_starts = [s.start for s in ner]
        covered: set[int] = set()   # NER span starts already explained by an alias match
        people: dict[str, ActorRef] = {}     # surname key -> person actor, as introduced
        salience = _Salience()
        for sent in analysis.sentences:
            tokens = list(sent.tokens)
            words = self._words(tokens)
            matches = self._alias_matches(tokens, words, day)
            spans = ner[bisect_left(ner_starts, sent.start):bisect_left(ner_starts, sent.end)]
            here: list[Mention] = []
            for m in matches:
                ref = self.kb.ref(m.actor_id, day)
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
                    elif span is not None and not LIST_PUNCT.search(span.text):
                        mtype = "INNER"            # "Китая" inside "банк Китая": the actor, not an entity
                place = self._capital_as_place(m, tokens, ref, day)
                if place is not None:
                    ref, rule = place, "kb.capital-place"
                else:
                    rule = m.rule
                here.append(Mention(start, end, text[start:end], mtype, norm, ref, rule))
                if ref.kind == "person":
                    people[self._surname_key(norm)] = ref
                if m.last > m.first:
                    here.extend(self._nested(m, tokens, words, spans, covered, day, text))
            here.extend(self._titles(tokens, words, matches, day, text))
            here.extend(self._sector_actors(tokens, matches, day, text))
            for span in spans:
                if span.start in covered:
                    continue
                mention = self._ner_mention(span, day, people, here, salience, text)
                if mention is not None:
                    here.append(mention)
                    if mention.actor and mention.actor.kind == "person":
                        people.setdefault(self._surname_key(mention.norm or mention.text), mention.actor)
            here.sort(key=lambda m: m.start)
            previous_country = salience.last_country
            salience.add(here)
            here.extend(self._anaphors(tokens, here, previous_country, salience, day, text))
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
                                       "kb.alias"))
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

    # --- titles -----------------------------------------------------------------------------
    def _titles(self, tokens: list[Token], words: list[_Word], matches: list[_Match], day,
                text: str) -> list[Mention]:
        out = []
        by_first = {m.first: m for m in matches}
        by_last = {m.last: m for m in matches}
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
            nxt = by_first.get(last + 1)
            if nxt is not None and self.kb.actors.get(nxt.actor_id) and \
                    self.kb.actors[nxt.actor_id].kind == "person":
                taken.add(i)
                continue                       # "Президент Ильхам Алиев": the name resolves
            start, end, country = tokens[i].start, tokens[last].end, None
            if (nxt is None or not self._is_country(nxt.actor_id)) and last + 1 < len(tokens):
                # "Председатель правительства России": "правительства России" matched as one
                # alias, the country after the title is the word on its own
                alone = self._alias_matches(tokens[last + 1:last + 2], words[last + 1:last + 2], day)
                if alone and alone[0].rule == "kb.alias" and self._is_country(alone[0].actor_id):
                    nxt = alone[0]
            if nxt is not None and self._is_country(nxt.actor_id) and \
                    tokens[last + 1].feat("Case") in ("Gen", None):
                country, end = self._country_of(nxt.actor_id), nxt.end
            else:
                prev = by_last.get(i - 1)
                if prev is not None and prev.alias is not None and prev.alias.type == "adj":
                    country, start = self._country_of(prev.actor_id), prev.start
            title = self._pick_title(hits, country)
            if title is None:
                continue
            country = country or title.country
            if tokens[i].feat("Number") == "Plur":
                continue                       # "лидеры двух стран" is a group, not one holder
            term = self.kb.holder(country, title.office, day)
            ref = self.kb.ref(term.person_id, day) if term else None
            if ref is None:
                continue
            taken.update(range(i, last + 1))
            out.append(Mention(start, end, text[start:end], "TITLE", text[start:end],
                               replace(ref, role=title.office), "kb.title"))
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
            out.append(Mention(start, end, text[start:end], "GROUP", text[start:end], ref, "kb.sector"))
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

    def _is_country(self, actor_id: str) -> bool:
        actor = self.kb.actors.get(actor_id)
        return actor is not None and actor.kind == "country"

    def _country_of(self, actor_id: str) -> str | None:
        actor = self.kb.actors.get(actor_id)
        return (actor.country or actor.id) if actor else None

    # --- NER spans the knowledge base did not explain ---------------------------------------
    def _ner_mention(self, span: NerSpan, day, people: dict[str, ActorRef], mentions: list[Mention],
                     salience: "_Salience", text: str) -> Mention | None:
        """``mentions`` are the sentence's mentions so far; ``salience`` the document's."""
        norm = span.normal or span.text
        if span.type == "PER":
            key = self._surname_key(norm)
            if len(norm.split()) == 1 and key in people:
                return Mention(span.start, span.end, span.text, "PER", norm, people[key], "doc.surname")
            country = self._nearby_country(span, mentions)
            ref = ActorRef(id="person:" + slug(norm), name=norm, kind="person", country=country,
                           code=(country or "") + "ELI" if country else None)
            return Mention(span.start, span.end, span.text, "PER", norm, ref, "ner.person")
        if span.type == "LOC":
            countries = salience.countries | {m.actor.country for m in mentions if m.actor and m.actor.country}
            place = best(candidates(span.text, norm), countries)
            if place is not None:
                ref = ActorRef(id=f"{slug(place.name_en)}-{place.country.lower()}", name=norm,
                               kind="place", country=place.country, code=place.country,
                               lat=place.lat, lon=place.lon, geonames_id=place.geonames_id)
                return Mention(span.start, span.end, span.text, "LOC", norm, ref, "geo.city")
            ref = ActorRef(id="place:" + slug(norm), name=norm, kind="place")
            return Mention(span.start, span.end, span.text, "LOC", norm, ref, "ner.place")
        # the country inside the name ("МИД Турции" as one span) or right after it ("МИД" + "Турции")
        inner = [m for m in mentions if m.actor and m.actor.kind == "country" and m.type != "ADJ" and (
                 span.start <= m.start and m.end <= span.end or 0 <= m.start - span.end <= 1)]
        country = inner[0].actor.id if inner else self._nearby_country(span, mentions)
        ref = ActorRef(id="org:" + slug(norm) + (f"-{country.lower()}" if inner else ""), name=norm,
                       kind="organization", country=country,
                       code=(country + self._sector_of(span)) if inner else country)
        return Mention(span.start, span.end, span.text, "ORG", norm, ref, "ner.org")

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
    def _nearby_country(span: NerSpan, mentions: list[Mention]) -> str | None:
        """A country adjective or name right before the span ("турецкий министр Хакан Фидан")."""
        before = [m for m in mentions if m.end <= span.start and span.start - m.end <= 30
                  and m.actor and m.actor.kind == "country" and m.type in ("ADJ", "LOC")]
        return before[-1].actor.id if before else None

    # --- anaphors ---------------------------------------------------------------------------
    def _anaphors(self, tokens: list[Token], here: list[Mention], previous_country: ActorRef | None,
                  salience: "_Salience", day, text: str) -> list[Mention]:
        """Anaphors of one sentence; ``here`` are its other mentions, in text order."""
        at = [i for i, tok in enumerate(tokens) if tok.lemma in ANAPHOR_LEMMAS]
        if not at:
            return []                              # every anaphor below is one of these words
        countries, refs = salience.counts, salience.refs
        taken = {m.start for m in here}
        top = [c for c, _ in countries.most_common(2)]
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
            if tok.lemma in PAIR_WORDS and (counted or parties) and len(top) == 2:
                members = tuple(refs.get(c) or self.kb.ref(c, day) for c in sorted(top))
                members = tuple(m for m in members if m)
                start = tokens[i - 1].start if counted else tok.start
                group = ActorRef(id="group:" + "+".join(a.id for a in members),
                                 name=", ".join(a.name for a in members), kind="group")
                out.append(Mention(start, tok.end, text[start:tok.end], "ANAPHOR", tok.lemma, group,
                                   "doc.pair", members))
            elif tok.lemma in LEADER_WORDS and tok.feat("Number") == "Plur" and len(top) == 2 \
                    and not (i + 1 < len(tokens) and tokens[i + 1].start in taken):
                leaders = []
                for c in sorted(top):
                    term = self.kb.holder(c, "head_of_state", day)
                    ref = self.kb.ref(term.person_id, day) if term else None
                    if ref:
                        leaders.append(replace(ref, role="head_of_state"))
                if len(leaders) == 2:
                    group = ActorRef(id="group:" + "+".join(a.id for a in leaders),
                                     name=", ".join(a.name for a in leaders), kind="group")
                    out.append(Mention(tok.start, tok.end, tok.text, "ANAPHOR", tok.lemma, group,
                                       "doc.leaders", tuple(leaders)))
            elif tok.lemma == "страна" and tok.feat("Number") == "Sing" and prev not in ("наш", "свой", "эта", "этот") \
                    and fold(tokens[i - 1].text if i else "") not in ("нашей", "нашу", "наша", "нашим", "этой", "эту"):
                recent = [m.actor for m in here if m.actor and m.actor.kind == "country"
                          and m.start < tok.start and m.type != "ANAPHOR"] or \
                    ([previous_country] if previous_country else [])
                if recent:
                    ref = recent[-1]
                    out.append(Mention(tok.start, tok.end, tok.text, "ANAPHOR", tok.lemma, ref,
                                       "doc.country"))
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


_RESOLVER: ActorResolver | None = None


def resolve_mentions(analysis: Analysis, date: str | None,
                     precision: str | None = "day") -> tuple[Mention, ...]:
    global _RESOLVER
    if _RESOLVER is None:
        _RESOLVER = ActorResolver()
    return _RESOLVER.resolve(analysis, date, precision)
