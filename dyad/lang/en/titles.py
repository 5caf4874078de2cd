"""English titles: an office named before a name ("Chinese President Xi Jinping": the name decides,
the title adds the role when the knowledge base agrees) or alone ("the U.S. president", "China's
foreign minister", "the Azerbaijani leader": the holder on the article date when the date is known
and one person held the office all that period, else the office itself, e.g. USAGOV).

The person rules are the Russian side's (:class:`dyad.resolve.titles.TitlesMixin`): the same
``_titled_person`` (and its W201 warning), the same office actor, the same rule names
(``kb.title+name``, ``kb.title``, ``doc.title``, ``kb.office``).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ...resolve.titles import TitlesMixin
from ...types import ActorRef
from ..types import Token
from .actors_data import EnTitle, Lexicon

FORMER = {"former", "ex", "late", "then", "erstwhile", "onetime", "one-time", "outgoing"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "dame"}
# People beside a title who are not its holder ("spokesman for the president", "the president's wife")
EMBEDDING = {"spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "envoy", "deputy",
             "wife", "husband", "son", "daughter", "widow", "brother", "sister", "mother", "father",
             "office", "administration", "press", "secretary", "assistant", "chief", "staff", "candidate",
             "rival", "successor", "predecessor"}


@dataclass(frozen=True, slots=True)
class Found:
    """A title in a sentence: its tokens (``first``..``last`` with the country words), the office,
    the country, where a name after it would start, and whether it names a former holder."""
    first: int
    last: int
    office: str
    country: str | None
    after: int
    former: bool
    country_match: object | None      # the country alias match it absorbed, if any


class EnglishTitles:
    """Mixed into :class:`dyad.lang.en.actors.EnglishResolver` (needs ``self.kb``, ``self.lex``)."""

    lex: Lexicon
    _titled_person = TitlesMixin._titled_person
    _pick_title = staticmethod(TitlesMixin._pick_title)

    def _office(self, country: str, office: str) -> ActorRef | None:
        """The office itself when nobody can be named: the country's government (USAGOV), the
        same actor the Russian side gives."""
        return TitlesMixin._office(self, country, office)

    def find_titles(self, tokens: list[Token], matches: list, taken: set[int]) -> list[Found]:
        """Titles in one sentence, longest first, not inside an alias match (``taken`` tokens).
        A plural title ("presidents") is a group, never one holder: left out."""
        found = []
        for i, tok in enumerate(tokens):
            rows = list(self.lex.titles.get(tok.text.casefold(), ()))
            rows += [r for r in self.lex.titles.get(tok.lemma, ()) if r not in rows]
            for n in sorted({len(r.words) for r in rows}, reverse=True):
                last = i + n - 1
                if last >= len(tokens) or any(k in taken for k in range(i, last + 1)):
                    continue
                hits = [r for r in rows if len(r.words) == n and _title_at(r, tokens, i)]
                if hits and tokens[last].feat("Number") != "Plur":
                    found.append((n, i, hits))
                    break
        out: list[Found] = []
        used: set[int] = set()
        by_last = {m.last: m for m in matches}
        by_first = {m.first: m for m in matches}
        for n, i, hits in sorted(found, key=lambda f: (-f[0], f[1])):
            last = i + n - 1
            if any(k in used for k in range(i, last + 1)):
                continue
            first, after, country, absorbed = i, last + 1, None, None
            prev = by_last.get(i - 1)
            if prev is None and i >= 2 and tokens[i - 1].text in ("'s", "’s", "'"):
                prev = by_last.get(i - 2)              # "China's foreign minister"
            if prev is not None and self._is_country(prev.actor_id):
                country, first, absorbed = self._country_of(prev.actor_id), prev.first, prev
            elif after + 1 < len(tokens) and tokens[after].lemma == "of" and \
                    by_first.get(after + 1) is not None and self._is_country(by_first[after + 1].actor_id):
                nxt = by_first[after + 1]              # "the president of Azerbaijan"
                country, absorbed, after = self._country_of(nxt.actor_id), nxt, nxt.last + 1
                last = nxt.last
            title = self._pick_title(hits, country)
            generic = title or next((r for r in hits if r.country is None), None)
            if generic is None:
                continue
            country = country or (title.country if title else None)
            before = [t.text.casefold().rstrip("-") for t in tokens[max(0, first - 2):first]]
            former = any(w in FORMER for w in before) or tokens[i].text.casefold().startswith("ex-")
            if before and before[-1] in EMBEDDING:
                continue
            used.update(range(first, last + 1))
            out.append(Found(first, last, generic.office, country, after, former, absorbed))
        return out

    def title_ref(self, f: Found, doc, day, until) -> tuple[ActorRef | None, str]:
        """A title with no name after it: its holder, the person the document introduced with
        it, or the office."""
        if f.former:
            ref = next((r for r in reversed(doc.order) if r.id in self.kb.actors
                        and self.kb.held(r.id, f.country, f.office)), None)
            return (replace(ref, role=None), "doc.title") if ref is not None else (None, "")
        if f.country is None:
            ref = doc.by_role.get((None, f.office))
            return (ref, "doc.title") if ref is not None else (None, "")
        ref = doc.by_role.get((f.country, f.office))
        if ref is not None:
            return ref, "doc.title"
        term = self.kb.holder(f.country, f.office, day, until)
        if term is not None:
            ref = self.kb.ref(term.person_id, day, until)
            if ref is not None:
                return replace(ref, role=f.office), "kb.title"
        ref = self._office(f.country, f.office)
        return (ref, "kb.office") if ref is not None else (None, "")


def _title_at(title: EnTitle, tokens: list[Token], i: int) -> bool:
    n = len(title.words)
    for j, word in enumerate(title.words):
        tok = tokens[i + j]
        if j == n - 1:
            if word not in (tok.lemma, tok.text.casefold()):
                return False
        elif word != tok.text.casefold():
            return False
    return True
