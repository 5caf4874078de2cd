"""Whether an alias matched in the text is safe to take: a common word, a given name, a name the
NER calls something else or an ambiguous short form needs corroboration from the document."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang.types import NerSpan, Token
from .keys import fold, word_keys
from .matches import INITIAL, Decision, _Match, _Word


def n_upper(word: str) -> bool:
    """An all-capitals word of two letters or more (an abbreviation)."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


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
    return any(p.is_known and {"Name", "Surn", "Patr"} & p.tag.grammemes
               for p in morph().parse(fold(word)))


@lru_cache(maxsize=100_000)
def is_given_name(word: str) -> bool:
    """Whether pymorphy3's dictionary knows ``word`` as a first name (in the singular): Филипп,
    Том, Роза, Ли."""
    from .keys import morph
    for p in morph().parse(fold(word)):
        grams = p.tag.grammemes
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
    grams = parses[0].tag.grammemes
    return not ({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad"} & grams)


class AliasesMixin:
    """The safe-alias checks of :class:`dyad.resolve.actors.ActorResolver`."""

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
        aliases = self._aliases_of.get(person_id, ())
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
