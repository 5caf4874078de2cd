"""Titles: an office named with or without its holder ("Председатель КНР", "президент Алиев",
"азербайджанский лидер") resolved to whoever held it on the date, or to the office."""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..lang.types import NerSpan, Token
from ..types import ActorRef, Mention
from .keys import fold

from .kb import OFFICE_CODES
from .matches import CONFIDENCE, Decision, _Match, _Word


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
FORMER = {"бывший", "экс", "прежний", "покойный", "предыдущий", "экс-президент", "тогдашний"}
W_TITLE_NOT_HELD = "W201 {name} did not hold {office} of {country} on {date}"


@dataclass(frozen=True, slots=True)
class _Pending:
    """A title mention to make once the name after it has its actor."""
    start: int
    end: int
    ref: ActorRef | None
    span_start: int | None   # the NER person span the title belongs to
    rule: str
    warnings: tuple[str, ...]


class TitlesMixin:
    """The title rules of :class:`dyad.resolve.actors.ActorResolver` (``kb.title``, ``kb.title+name``,
    ``kb.office``, ``doc.title``)."""

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
