"""English mentions -> actors, valid on the article date: the same knowledge base, actor ids and
``ActorRef`` (:meth:`dyad.resolve.kb.KnowledgeBase.ref`) as the Russian side.

Rules (each mention names the rule that resolved it; confidences in ``CONFIDENCE``):

- ``kb.alias``           a KB or Phoenix English name, abbreviation or adjective, matched on spaCy's
                         tokens, longest first ("South Korea" is KOR, "New Mexico" the place); a
                         person's full name also on spelling keys (``kb.alias.spelling``: Sergei ~
                         Sergey); never a word of a longer capitalised name ("Jordan Peterson",
                         "Russia Today") unless the whole name is an alias, never inside a PER span
                         unless it is a person; "Georgia" beside U.S. context is less sure;
- ``kb.metonym``         a capital for its country ("Beijing said"); ``kb.capital-place`` the city
                         after "in", "at", "mayor of" ...;
- ``kb.title+name``      a title before a name ("Chinese President Xi Jinping"): the name decides,
                         the title gives the role when the KB agrees (else W201);
- ``kb.title`` / ``doc.title`` / ``kb.office``   a title alone ("the U.S. president"): the holder
                         on the date, else the person the document introduced with it, else the
                         office (USAGOV) (:mod:`dyad.lang.en.titles`);
- ``doc.surname`` / ``kb.surname``   a surname alone: the person the document named in full, or
                         the one KB person of that surname who held the title before it;
- ``kb.sector`` / ``kb.agent``   an agent noun (dyad/lang/en/data/agents.tsv, from PETRARCH-2):
                         "Russian troops" -> RUS as RUSMIL, "police" alone -> COP;
- ``phoenix.person``, ``geo.city``, ``ner.person``, ``ner.org``, ``ner.place``   what the NER found
                         and the KB lacks: a Phoenix person, a gazetteer city, or an actor of its own
                         with low confidence (never dropped);
- ``doc.pronoun``        "he", "she", "his" -> the one person the sentence or the one before named
                         (or that sentence's one person subject); skipped when ambiguous.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ...code.sides import sector_actor, unplaced_sector
from ...resolve.actors import period_of
from ...resolve.keys import place_fold
from ...resolve.places import best, gazetteer
from ...resolve.translit import slug
from ...types import ActorRef, Mention
from ..types import Analysis, NerSpan, Token
from .actors_data import (FAMILY_NAME_FIRST, CALENDAR, ALIAS_RANK, EnAlias, Lexicon, fold, lexicon, person_key,
                          FUNCTION_WORDS, coordinated as _coordinated, fits as _fits,
                          fits_person as _fits_person)
from .orgs import STATE_ORGANS, owner_country, unclaimed_countries
from .titles import HONORIFICS, EnglishTitles, Found

CONFIDENCE = {"kb.alias": 0.95, "kb.alias.spelling": 0.9, "kb.metonym": 0.8, "kb.capital-place": 0.9,
              "kb.title+name": 0.95, "kb.title": 0.8, "doc.title": 0.7, "kb.office": 0.6,
              "doc.surname": 0.85, "kb.surname": 0.8, "kb.surname+office": 0.7, "kb.sector": 0.85, "kb.agent": 0.5,
              "phoenix.person": 0.8, "geo.city": 0.8, "ner.person": 0.5, "ner.org": 0.6,
              "ner.place": 0.5, "doc.pronoun": 0.6, "doc.pronoun.subject": 0.5}
AMBIGUOUS = 0.5                # "Georgia" in a text about the United States
KIND_TYPE = {"country": "LOC", "place": "LOC", "region": "LOC", "person": "PER", "igo": "ORG",
             "organization": "ORG", "initiative": "ORG", "group": "ORG"}
FUNCTION_POS = FUNCTION_WORDS
PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
# A capital after one of these is the city: "in Moscow", "the mayor of Moscow".
PLACE_CUES = {"in", "at", "near", "outside", "around", "across", "into", "downtown", "mayor", "streets",
              "residents", "suburbs", "outskirts", "airport", "central"}
US_CUES = {"atlanta", "savannah", "alabama", "florida", "tennessee", "carolina", "governor", "state",
           "senator", "county", "republicans", "democrats", "u.s.", "us", "american"}
SELF_NOUNS = {"side"}          # "the Azerbaijani side": the country itself
SUBJECT = {"nsubj", "nsubjpass"}
PHOENIX_FLOOR = 0.8


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    first: int
    last: int
    alias: EnAlias
    actor_id: str
    rule: str


class _Doc:
    """What the document has introduced so far."""

    def __init__(self):
        self.people: dict[str, ActorRef | None] = {}      # surname key -> person (None: two share it)
        self.order: list[ActorRef] = []
        self.by_role: dict[tuple[str | None, str], ActorRef] = {}
        self.gender: dict[str, str] = {}
        self.countries: set[str] = set()
        self.previous: list[tuple[Mention, bool]] = []     # the last sentence's mentions, subject?
        self.titled: dict[int, tuple[str | None, str | None]] = {}   # PER span start -> country, office

    def introduce(self, name: str, ref: ActorRef) -> None:
        words = [w for w in name.split() if fold(w) not in HONORIFICS]
        if len(words) >= 2:
            keys = [person_key(words[-1])]
            if ref.country in FAMILY_NAME_FIRST:
                keys.append(person_key(words[0]))      # "Xi Jinping" ... "Xi"
            for key in keys:
                known = self.people.get(key, ref)
                self.people[key] = ref if known is not None and known.id == ref.id else None
        if all(r.id != ref.id for r in self.order):
            self.order.append(ref)
        if ref.role:
            if ref.country:
                self.by_role[(ref.country, ref.role)] = ref
            self.by_role[(None, ref.role)] = ref


class EnglishResolver(EnglishTitles):
    """Resolves the mentions of one English document; stateless between documents."""

    def __init__(self, lex: Lexicon | None = None):
        self.lex = lex or lexicon()
        self.kb = self.lex.kb
        self._phoenix = None
        self._title_words = {w for ts in self.lex.titles.values() for t in ts for w in t.words}

    # --- the pass over one document -----------------------------------------------------------
    def resolve(self, analysis: Analysis, date: str | None, precision: str | None = "day") -> tuple[Mention, ...]:
        day, until = period_of(date, precision)
        doc = _Doc()
        spans = sorted(analysis.spans, key=lambda s: s.start)
        out: list[Mention] = []
        for sent in analysis.sentences:
            here_spans = [s for s in spans if sent.start <= s.start < sent.end]
            found = self._sentence(list(sent.tokens), here_spans, analysis.text, day, until, doc)
            out.extend(self._surnames_in_office(list(sent.tokens), found, day, until))
        return tuple(_non_overlapping(out))

    def _surnames_in_office(self, tokens: list[Token], found: list[Mention], day, until) -> list[Mention]:
        """A lone capitalised name word that NER missed or mistyped ("Rubio will meet Lavrov",
        "Xi met Modi"): the one knowledge-base person of that surname in office on the article
        date (``kb.surname+office``); what the resolver found elsewhere stays."""
        if day is None:
            return found
        taken = [(m.start, m.end) for m in found if not (m.rule or "").startswith(("ner.", "geo."))]
        for tok in tokens:
            if tok.pos != "PROPN" or not tok.text[:1].isupper():
                continue
            if any(s <= tok.start and tok.end <= e for s, e in taken):
                continue
            other = next((m for m in found if m.start <= tok.start and tok.end <= m.end), None)
            if other is not None and (other.start, other.end) != (tok.start, tok.end):
                continue                       # a word of a longer name
            key = person_key(tok.text)
            people = self.lex.surnames.get(key, ())
            ids = [p for p in people if self.kb.roles(p, day, until)]
            if len(ids) != 1 or len(people) > 2:
                continue
            ref = self.kb.ref(ids[0], day, until)
            if ref is None:
                continue
            if other is not None:
                found = [m for m in found if m is not other]
            found.append(Mention(tok.start, tok.end, tok.text, "PER", tok.text, ref, "kb.surname+office",
                                 confidence=CONFIDENCE["kb.surname+office"]))
        return sorted(found, key=lambda m: m.start)

    def _sentence(self, tokens: list[Token], spans: list[NerSpan], text: str, day, until,
                  doc: _Doc) -> list[Mention]:
        matches, inner = self._matches(tokens, spans)
        taken = {k for m in matches for k in range(m.first, m.last + 1)}
        titles = self.find_titles(tokens, matches, taken)
        absorbed = {id(f.country_match) for f in titles if f.country_match is not None}
        matches = [m for m in matches if id(m) not in absorbed]
        blocked = taken | {k for f in titles for k in range(f.first, f.last + 1)}
        usa = "USA" in doc.countries or any(m.actor_id == "USA" for m in matches) or \
            any(fold(t.text) in US_CUES for t in tokens)
        agents, used = self._agents(tokens, matches, spans, blocked, text, day, usa)
        matches = [m for m in matches if id(m) not in used]
        here: list[Mention] = list(agents)
        named: dict[int, tuple[ActorRef, tuple[str, ...]]] = {}
        pending: list[tuple[Found, int | None]] = []    # titles waiting for the NER name after them
        per_at = {s.start: s for s in spans if s.type == "PER"}
        by_first = {m.first: m for m in matches}
        for f in titles:
            person = by_first.get(f.after)
            if person is not None and self._is_person(person.actor_id):
                ref, warning = self._titled_person(person.actor_id, f.country, f.office, f.former, day, until)
                named[person.first] = (ref, (warning,) if warning else ())
                here.append(self._title_mention(f, tokens, text, ref, "kb.title+name", named[person.first][1]))
                continue
            span = per_at.get(tokens[f.after].start) if f.after < len(tokens) else None
            if span is None and f.after < len(tokens):
                span = next((s for s in spans if s.type == "PER" and s.start < tokens[f.after].start < s.end), None)
            if span is not None:
                doc.titled[tokens[f.after].start] = (f.country, None if f.former else f.office)
                pending.append((f, tokens[f.after].start))
                continue
            ref, rule = self.title_ref(f, doc, day, until)
            if ref is not None:
                here.append(self._title_mention(f, tokens, text, ref, rule, ()))
        for m in matches:
            here.append(self._match_mention(m, tokens, spans, named, usa, day, until, doc, text))
        covered = [(m.start, m.end) for m in here]
        for span in self._free_spans(spans, covered, tokens, titles):
            mention = self._ner_mention(span, tokens, here, inner, doc, day, until, text)
            if mention is not None:
                here.append(mention)
        for m in unclaimed_countries(self, inner, tokens, spans, here):
            here.append(self._match_mention(m, tokens, spans, named, usa, day, until, doc, text))
        by_start = {m.start: m for m in here if m.actor is not None and m.actor.kind == "person"}
        for f, start in pending:
            person = by_start.get(start)
            if person is not None:
                here.append(self._title_mention(f, tokens, text, person.actor, "kb.title+name", ()))
        here = _non_overlapping(here)
        for m in here:
            if m.actor is not None:
                if m.actor.country:
                    doc.countries.add(m.actor.country)
                if m.actor.kind == "person" and m.type in ("PER", "TITLE"):
                    doc.introduce(m.norm or m.text if m.type == "PER" else "", m.actor)
        here = _non_overlapping(here + self._pronouns(tokens, here, doc, text))
        doc.previous = [(m, _is_subject(m, tokens)) for m in here]
        return here

    # --- alias matching -----------------------------------------------------------------------
    def _matches(self, tokens: list[Token], spans: list[NerSpan]) -> tuple[list[_Match], list[_Match]]:
        """The alias matches that stand, longest first, and those set aside as a word of a longer
        capitalised name (the country of an organisation the NER found: "Russian Foreign Ministry")."""
        keys = [fold(t.text) for t in tokens]
        pkeys = [person_key(t.text) for t in tokens]
        found: dict[tuple[int, int], list[tuple[tuple, EnAlias, str]]] = {}
        for i, tok in enumerate(tokens):
            for alias in self.lex.by_first.get(keys[i], ()):
                if _fits(alias, tokens, keys, i):
                    found.setdefault((i, alias.n), []).append((self._score(alias), alias, "kb.alias"))
            if keys[i].endswith("s") and tok.text[:1].isupper():     # "Americans", "Azerbaijanis"
                for alias in self.lex.by_first.get(keys[i][:-1], ()):
                    if alias.n == 1 and alias.type in ("adj", "demonym"):
                        found.setdefault((i, 1), []).append((self._score(alias), alias, "kb.alias"))
            for alias in self.lex.people_by_first.get(pkeys[i], ()):
                if _fits_person(alias, tokens, pkeys, i):
                    exact = all(fold(tokens[i + j].text) == fold(w) for j, w in enumerate(alias.words))
                    found.setdefault((i, alias.n), []).append(
                        (self._score(alias), alias, "kb.alias" if exact else "kb.alias.spelling"))
        chosen: list[_Match] = []
        used: set[int] = set()
        for (i, n), hits in sorted(found.items(), key=lambda kv: (-kv[0][1], kv[0][0])):
            if any(k in used for k in range(i, i + n)):
                continue
            hits.sort(key=lambda h: h[0])
            top = [h for h in hits if h[0] == hits[0][0]]
            if len({h[1].actor_id for h in top}) > 1:
                continue                           # "Congolese": two countries; the NER decides
            _, alias, rule = top[0]
            used.update(range(i, i + n))
            chosen.append(_Match(tokens[i].start, tokens[i + n - 1].end, i, i + n - 1, alias, alias.actor_id, rule))
        safe, inner = [], []
        for m in sorted(chosen, key=lambda m: m.first):
            why = self._unsafe(m, tokens, spans, used - set(range(m.first, m.last + 1)))
            if why is None:
                safe.append(m)
            elif why == "inner":
                inner.append(m)
        return safe, inner

    def _score(self, alias: EnAlias) -> tuple:
        return (ALIAS_RANK.get(alias.type, 4), alias.source != "kb")

    def _unsafe(self, m: _Match, tokens: list[Token], spans: list[NerSpan], others: set[int]) -> str | None:
        actor = self.kb.actors[m.actor_id]
        per = next((s for s in spans if s.type == "PER" and s.start <= m.start and m.end <= s.end), None)
        if per is not None and actor.kind != "person" and (
                (per.start, per.end) != (m.start, m.end)
                or m.alias.type not in ("adj", "demonym", "metonym") and actor.kind != "place"
                and not _coordinated(tokens, m.first, others)):
            return "person"    # "Jordan Peterson": a PER span is never a country ("Azerbaijani" alone may be)
        for k in (m.first - 1, m.last + 1):
            if 0 <= k < len(tokens) and k not in others and self._name_word(tokens, k):
                return "inner"                     # "New Mexico" unless it is an alias itself
        return None

    def _name_word(self, tokens: list[Token], k: int) -> bool:
        """A capitalised word that continues a name: not a function word, a title, an honorific
        or a capitalised common word opening the sentence."""
        tok = tokens[k]
        low = fold(tok.text)
        if not tok.text[:1].isupper() or not any(ch.isalpha() for ch in tok.text):
            return False
        if tok.pos in FUNCTION_POS or low in self._title_words or low in HONORIFICS or low in CALENDAR:
            return False                           # "On Friday Japan condemned ..."
        return not (k == 0 and tok.pos != "PROPN")

    def _match_mention(self, m: _Match, tokens: list[Token], spans: list[NerSpan], named: dict,
                       usa: bool, day, until, doc: _Doc, text: str) -> Mention:
        ref, warnings = named.get(m.first, (None, ()))
        ref = ref or self.kb.ref(m.actor_id, day, until)
        alias, rule = m.alias, m.rule
        span = next((s for s in spans if s.start <= m.start and m.end <= s.end), None)
        if alias.type in ("adj", "demonym") or (span is not None and span.type == "NORP"):
            mtype = "ADJ"
        elif alias.type == "abbr":
            mtype = "ABBR"
        else:
            mtype = KIND_TYPE.get(ref.kind, "LOC")
        confidence = CONFIDENCE[rule]
        if alias.type == "metonym":
            place = self._capital_as_place(m, tokens, ref)
            rule, confidence = ("kb.capital-place", CONFIDENCE["kb.capital-place"]) if place else \
                ("kb.metonym", CONFIDENCE["kb.metonym"])
            ref = place or ref
        if m.actor_id == "GEO" and usa:
            confidence = AMBIGUOUS                 # Georgia the U.S. state?
        return Mention(m.start, m.end, text[m.start:m.end], mtype, alias.alias, ref, rule,
                       confidence=confidence, warnings=warnings)

    def _capital_as_place(self, m: _Match, tokens: list[Token], ref: ActorRef) -> ActorRef | None:
        """"in Moscow", "the mayor of Moscow": the city, as the Russian side names it."""
        prev = tokens[m.first - 1].lemma if m.first else ""
        cue = prev in PLACE_CUES or (prev == "of" and m.first >= 2 and tokens[m.first - 2].lemma in PLACE_CUES)
        if not cue:
            return None
        place = best(gazetteer().get(place_fold(m.alias.alias), ()), [ref.country] if ref.country else [])
        if place is None or place.country != ref.country:
            return None
        return ActorRef(id=f"{slug(place.name_en)}-{place.country.lower()}",
                        name=self.lex.ru_capital.get(ref.country, m.alias.alias), kind="place",
                        country=place.country, code=place.country, lat=place.lat, lon=place.lon,
                        geonames_id=place.geonames_id)

    def _title_mention(self, f: Found, tokens: list[Token], text: str, ref: ActorRef, rule: str,
                       warnings: tuple[str, ...]) -> Mention:
        start, end = tokens[f.first].start, tokens[f.last].end
        return Mention(start, end, text[start:end], "TITLE", text[start:end], ref, rule,
                       confidence=CONFIDENCE[rule], warnings=warnings)

    # --- agent nouns --------------------------------------------------------------------------
    def _agents(self, tokens: list[Token], matches: list[_Match], spans: list[NerSpan], blocked: set[int],
                text: str, day, usa: bool = False) -> tuple[list[Mention], set[int]]:
        """Agent nouns, with the country an adjective, a possessive or "of" names beside them
        (less sure of "Georgia" in a text about the United States)."""
        by_last = {m.last: m for m in matches}
        by_first = {m.first: m for m in matches}
        named = [s for s in spans if s.type in ("PER", "ORG", "LOC")]
        out, used = [], set()
        for i, tok in enumerate(tokens):
            if i in blocked or tok.pos not in ("NOUN", "PROPN") or tok.rel == "compound":
                continue
            hit = self._agent_at(tokens, i, blocked)
            if hit is None:
                continue
            first, sector = hit
            if any(tokens[k].text[:1].isupper() and k > 0 for k in range(first, i + 1)) and \
                    any(s.start <= tokens[first].start < s.end for s in named):
                continue                           # "the Federal Police": a name the NER found
            country, start, end = None, tokens[first].start, tok.end
            prev = by_last.get(first - 1)
            if prev is None and first >= 2 and tokens[first - 1].text in ("'s", "’s"):
                prev = by_last.get(first - 2)
            nxt = by_first.get(i + 2) if i + 2 < len(tokens) and tokens[i + 1].lemma == "of" else None
            if prev is not None and self._is_country(prev.actor_id):
                country, start = prev.actor_id, prev.start
                used.add(id(prev))
            elif nxt is not None and self._is_country(nxt.actor_id):
                country, end = nxt.actor_id, nxt.end
                used.add(id(nxt))
            if country is None and sector == "self":
                continue
            phrase = text[start:end]
            if country is None:
                ref, rule = replace(unplaced_sector(sector), rule=None, confidence=None), "kb.agent"
            else:
                base = self.kb.ref(self._country_of(country), day)
                ref = base if sector == "self" else \
                    replace(sector_actor(base, sector, phrase), rule=None, confidence=None)
                rule = "kb.sector"
            confidence = AMBIGUOUS if country == "GEO" and usa else CONFIDENCE[rule]
            out.append(Mention(start, end, phrase, "AGENT", " ".join(t.lemma for t in tokens[first:i + 1]),
                               ref, rule, confidence=confidence))
        return out, used

    def _agent_at(self, tokens: list[Token], i: int, blocked: set[int]) -> tuple[int, str] | None:
        """The longest agent phrase ending at token ``i``: its first token and sector."""
        tok = tokens[i]
        if tok.lemma in SELF_NOUNS:
            return i, "self"
        best_hit = None
        forms = {tok.lemma, fold(tok.text), *_singulars(fold(tok.text))}
        for agent in {id(a): a for f in forms for a in self.lex.agents.get(f, ())}.values():
            for words in (agent.words, agent.plural):
                n = len(words)
                first = i - n + 1
                if not words or first < 0 or any(k in blocked for k in range(first, i + 1)):
                    continue
                if words[-1] not in forms:
                    continue
                if all(fold(tokens[first + j].text) == w for j, w in enumerate(words[:-1])):
                    if best_hit is None or n > best_hit[0]:
                        best_hit = (n, first, agent.sector)
        return best_hit[1:] if best_hit else None

    # --- NER spans the knowledge base did not explain -----------------------------------------
    @staticmethod
    def _free_spans(spans: list[NerSpan], covered: list[tuple[int, int]], tokens: list[Token],
                    titles: list[Found]):
        """NER spans no mention explains; a PER span that took a title in ("President Xi ...")
        is cut to the name after it."""
        for span in spans:
            for f in titles:
                end = tokens[f.last].end
                if span.type == "PER" and span.start < end < span.end and f.after < len(tokens):
                    start = tokens[f.after].start
                    span = NerSpan(start, span.end, span.type, span.text[start - span.start:],
                                   span.normal[start - span.start:])
            if any(a < span.end and span.start < b for a, b in covered):
                continue
            if span.type in ("PER", "ORG", "LOC"):
                yield span

    def _ner_mention(self, span: NerSpan, tokens: list[Token], here: list[Mention], inner: list[_Match],
                     doc: _Doc, day, until, text: str) -> Mention | None:
        norm = " ".join(w for w in span.text.split() if fold(w) not in HONORIFICS)
        norm = norm[4:] if norm.casefold().startswith("the ") else norm
        if not norm:
            return None
        if span.type == "PER":
            return self._person(span, norm, here, doc, day, until)
        if span.type == "LOC":
            place = best(gazetteer().get(place_fold(norm), ()), doc.countries)
            if place is not None:
                ref = ActorRef(id=f"{slug(place.name_en)}-{place.country.lower()}", name=norm, kind="place",
                               country=place.country, code=place.country, lat=place.lat, lon=place.lon,
                               geonames_id=place.geonames_id)
                return Mention(span.start, span.end, span.text, "LOC", norm, ref, "geo.city",
                               confidence=CONFIDENCE["geo.city"])
            ref = ActorRef(id="place:" + slug(norm), name=norm, kind="place")
            return Mention(span.start, span.end, span.text, "LOC", norm, ref, "ner.place",
                           confidence=CONFIDENCE["ner.place"])
        country = next((self._country_of(m.actor_id) for m in inner if self._is_country(m.actor_id)
                        and span.start <= m.start and m.end <= span.end), None)
        if country is None:
            country = owner_country(span, tokens, here)
        sector = ""
        if country is not None:
            last = [t for t in tokens if span.start <= t.start and t.end <= span.end][-1:]
            for t in last:
                agents = self.lex.agents.get(t.lemma, ())
                sector = agents[0].sector if agents else STATE_ORGANS.get(t.lemma, "")
        ref = ActorRef(id="org:" + slug(norm) + (f"-{country.lower()}" if country else ""), name=norm,
                       kind="organization", country=country,
                       code=(country + sector) if country else None)
        return Mention(span.start, span.end, span.text, "ORG", norm, ref, "ner.org",
                       confidence=CONFIDENCE["ner.org"])

    def _person(self, span: NerSpan, norm: str, here: list[Mention], doc: _Doc, day, until) -> Mention:
        """A PER span the KB's names did not match: a surname the document introduced, a surname
        the title before it corroborates, a Phoenix person, else a person of its own."""
        words = norm.split()
        country, role = self._nearby_country(span, here), None
        titled = doc.titled.get(span.start)
        if titled is not None:
            country, role = titled[0] or country, titled[1]
        if len(words) == 1:
            key = person_key(words[0])
            ref = doc.people.get(key)
            if ref is not None:
                return Mention(span.start, span.end, span.text, "PER", norm, ref, "doc.surname",
                               confidence=CONFIDENCE["doc.surname"])
            if titled is not None and role is not None:
                ids = [p for p in self.lex.surnames.get(key, ()) if self.kb.held(p, country, role)]
                if len(ids) > 1 and day is not None:   # "President Aliyev": the one in office then
                    ids = [p for p in ids if any(t.office == role for t in self.kb.roles(p, day, until))]
                if len(ids) == 1:
                    ref, warning = self._titled_person(ids[0], country, role, False, day, until)
                    return Mention(span.start, span.end, span.text, "PER", norm, ref, "kb.surname",
                                   confidence=CONFIDENCE["kb.surname"], warnings=(warning,) if warning else ())
            if titled is None and day is not None:
                # "Trump said", "Macron wants to meet Putin": a surname alone is the one person
                # of the knowledge base with that surname who held an office on the article date
                ids = [p for p in self.lex.surnames.get(key, ()) if self.kb.roles(p, day, until)]
                if len(ids) == 1 and len(self.lex.surnames.get(key, ())) <= 2:
                    ref = self.kb.ref(ids[0], day, until)
                    if ref is not None:
                        return Mention(span.start, span.end, span.text, "PER", norm, ref, "kb.surname+office",
                                       confidence=CONFIDENCE["kb.surname+office"])
        code = (country + ("GOV" if role else "ELI")) if country else None
        known = self._phoenix_lookup(norm, day) if len(words) >= 2 else None
        if known is not None and (country is None or known.country == country):
            ref = ActorRef(id="phoenix:" + known.id, name=norm, kind="person", country=known.country,
                           code=code if role else (known.code or (known.country or "") + "ELI" or None), role=role)
            return Mention(span.start, span.end, span.text, "PER", norm, ref, "phoenix.person",
                           confidence=round(CONFIDENCE["phoenix.person"] * known.confidence, 2))
        ref = ActorRef(id="person:" + slug(norm), name=norm, kind="person", country=country, code=code, role=role)
        return Mention(span.start, span.end, span.text, "PER", norm, ref, "ner.person",
                       confidence=CONFIDENCE["ner.person"])

    def _phoenix_lookup(self, name: str, day):
        if self._phoenix is None:
            from ...resolve.phoenix import load_phoenix
            self._phoenix = load_phoenix()
        hit = self._phoenix.lookup(name, day)
        return hit if hit is not None and hit.confidence >= PHOENIX_FLOOR else None

    @staticmethod
    def _nearby_country(span: NerSpan, here: list[Mention]) -> str | None:
        """A country adjective or name right before the span ("Turkish diplomat Ali Veli")."""
        before = [m for m in here if m.end <= span.start and span.start - m.end <= 30 and m.actor is not None
                  and m.actor.country and (m.actor.kind == "country" and m.type in ("ADJ", "LOC", "ABBR")
                                           or m.type == "AGENT")]
        if not before:
            return None
        last = max(before, key=lambda m: m.end)
        between = [m for m in here if last.end <= m.start and m.end <= span.start
                   and m.actor is not None and m.actor.kind == "person"]
        return None if between else last.actor.country

    # --- pronouns -----------------------------------------------------------------------------
    def _pronouns(self, tokens: list[Token], here: list[Mention], doc: _Doc, text: str) -> list[Mention]:
        """"he", "his", "she", "her" -> the one person named in this sentence before it or in the
        sentence before (a person whose pronoun was the other gender does not fit); with several,
        the one that was a subject when the pronoun is a subject; else nothing."""
        out = []
        taken = [(m.start, m.end) for m in here]
        current = [(m, _is_subject(m, tokens)) for m in here]
        for tok in tokens:
            gender = PRONOUNS.get(fold(tok.text))
            if gender is None or tok.pos != "PRON" or any(a <= tok.start < b for a, b in taken):
                continue
            pool = doc.previous + [(m, s) for m, s in current if m.end <= tok.start]
            people: dict[str, tuple[ActorRef, bool]] = {}
            for m, subject in pool:
                if m.actor is not None and m.actor.kind == "person" and doc.gender.get(m.actor.id, gender) == gender:
                    was = people.get(m.actor.id, (m.actor, False))[1]
                    people[m.actor.id] = (m.actor, was or subject)
            rule = "doc.pronoun"
            if len(people) != 1:
                subjects = [a for a, s in people.values() if s]
                if len(subjects) != 1 or tok.rel not in SUBJECT:
                    continue
                people, rule = {subjects[0].id: (subjects[0], True)}, "doc.pronoun.subject"
            ref = next(iter(people.values()))[0]
            doc.gender.setdefault(ref.id, gender)
            out.append(Mention(tok.start, tok.end, tok.text, "ANAPHOR", fold(tok.text), ref, rule,
                               confidence=CONFIDENCE[rule]))
        return out

    # --- the KB's kinds -----------------------------------------------------------------------
    def _is_person(self, actor_id: str) -> bool:
        actor = self.kb.actors.get(actor_id)
        return actor is not None and actor.kind == "person"

    def _is_country(self, actor_id: str) -> bool:
        actor = self.kb.actors.get(actor_id)
        return actor is not None and actor.kind == "country"

    def _country_of(self, actor_id: str) -> str | None:
        actor = self.kb.actors.get(actor_id)
        return (actor.country or actor.id) if actor else None


def _singulars(word: str) -> tuple[str, ...]:
    """Regular English singulars of a plural the lemmatiser left alone ("Rebels" opening a sentence)."""
    if word.endswith("ies"):
        return (word[:-3] + "y",)
    if word.endswith("es"):
        return (word[:-2], word[:-1])
    return (word[:-1],) if word.endswith("s") and not word.endswith("ss") else ()


def _is_subject(m: Mention, tokens: list[Token]) -> bool:
    return any(m.start <= t.start and t.end <= m.end and t.rel in SUBJECT for t in tokens)


def _non_overlapping(mentions: list[Mention]) -> list[Mention]:
    """Sorted by start; of overlapping mentions the first (then the longer) stays."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if not out or m.start >= out[-1].end:
            out.append(m)
    return out


_RESOLVER: EnglishResolver | None = None


def resolve_mentions(analysis: Analysis, day: str | None, precision: str | None = "day") -> tuple[Mention, ...]:
    """The document's mentions, sorted by start and non-overlapping (``day``: the article date,
    YYYY-MM-DD, or None; ``precision``: day, month or year of it)."""
    global _RESOLVER
    if _RESOLVER is None:
        _RESOLVER = EnglishResolver()
    return _RESOLVER.resolve(analysis, day, precision)
