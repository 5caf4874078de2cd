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

:class:`ActorResolver` takes its title rules from :mod:`dyad.resolve.titles`, its anaphora and
pronoun rules from :mod:`dyad.resolve.anaphora` and its safe-alias checks from
:mod:`dyad.resolve.aliases` (mixins); the records they share are in :mod:`dyad.resolve.matches`.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from functools import lru_cache

from ..lang.types import Analysis, NerSpan, Token
from ..types import ActorRef, Mention
from .keys import fold, word_keys
from .dates import parse_day
from .kb import OFFICE_CODES, Alias, KnowledgeBase, load_kb
from .places import best, candidates
from .translit import slug
from .aliases import AliasesMixin, n_upper
from .anaphora import ANAPHOR_LEMMAS, AnaphoraMixin, _DocState
from .matches import CONFIDENCE, INITIAL, _Candidate, _Match, _Word
from .titles import TitlesMixin

KIND_TYPE = {"country": "LOC", "place": "LOC", "region": "LOC", "person": "PER",
             "igo": "ORG", "organization": "ORG", "initiative": "MISC", "group": "ORG"}
ALIAS_RANK = {"official": 0, "name": 0, "abbr": 1, "metonym": 2, "adj": 3, "demonym": 3, "surname": 5}
LIST_PUNCT = re.compile(r"[•,;()]")
FUNCTION_POS = {"PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "ADV", "AUX", "NUM"}
# A capital after one of these words is the city, not its government: "в Москве", "мэр Москвы".
PLACE_CUES = {"мэр", "мэрия", "житель", "улица", "окраина", "пригород", "центр", "губернатор",
              "аэропорт", "метро", "вокзал", "район", "горожанин", "москвич"}
PHOENIX_FLOOR = 0.8         # the least Phoenix match confidence taken (initial + surname)


class ActorResolver(AliasesMixin, TitlesMixin, AnaphoraMixin):
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
        # names repeat across news: Phoenix's answer is remembered per name and day
        self._phoenix_person = lru_cache(maxsize=50_000)(self._phoenix_lookup)
        self._aliases_of: dict[str, list[Alias]] = {}
        for alias in self.kb.aliases:
            self._aliases_of.setdefault(alias.actor_id, []).append(alias)

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

    def _phoenix_lookup(self, name: str, day):
        """A person the knowledge base lacks, found in the Phoenix tables (PETRARCH-2's dated
        CAMEO roles to 2014) by transliteration: the country, and the code held on the day."""
        if self._phoenix is None:
            from .phoenix import load_phoenix
            self._phoenix = load_phoenix()
        hit = self._phoenix.lookup(name, day)
        return hit if hit is not None and hit.confidence >= PHOENIX_FLOOR else None

    def _sector_of(self, span: NerSpan) -> str:
        """The CAMEO sector an organisation's first word names (армия -> MIL, министерство -> GOV;
        dyad/lang/ru/data/actor_roles.tsv); other organisations of a country are GOV-free:
        ``""``."""
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


def _may_start(c: _Candidate, text: str, pos: str, keys: frozenset[str]) -> bool:
    """Whether a word (its surface form, part of speech and keys) may start alias ``c``."""
    if c.capitalised and text[:1].islower():
        return False                  # "тем" is not Того: a proper name is capitalised
    if c.one_word and pos in FUNCTION_POS:
        return False                  # sentence-initial "Тем", "То" are not names
    if c.surname is not None and c.surname not in keys:
        return False                  # "Мир" is not the surname Миро
    return not (c.person_name and n_upper(text))   # "МИД" is an abbreviation, not a person's name


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
    return day, None


_RESOLVER: ActorResolver | None = None


def resolve_mentions(analysis: Analysis, date: str | None, precision: str | None = "day",
                     trace: list | None = None) -> tuple[Mention, ...]:
    """The document's mentions; ``trace`` (a list) collects the candidates weighed and why
    (:class:`Decision`), for ``dyad explain``."""
    global _RESOLVER
    if _RESOLVER is None:
        _RESOLVER = ActorResolver()
    return _RESOLVER.resolve(analysis, date, precision, trace)
