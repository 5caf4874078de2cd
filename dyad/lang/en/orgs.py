"""Organisations a country owns, read by the English resolver: a country name set aside as a word
of a longer name that nothing else claims ("the U.S. Treasury"), the possessive country before an
organisation the NER found ("Russia's Emergencies Ministry"), and the state organs their last word
makes them (:data:`STATE_ORGANS`).
"""
from __future__ import annotations

from ..types import NerSpan, Token
from ...types import Mention
from .actors_data import fold

# the last word of an unknown organisation a country owns that makes it a state organ ("Russia's
# Investigative Committee", "the U.S. Treasury Department"): its CAMEO sector
STATE_ORGANS = {"treasury": "GOV", "department": "GOV", "committee": "GOV", "agency": "GOV", "office": "GOV",
                "commission": "GOV", "directorate": "GOV", "bureau": "GOV", "administration": "GOV",
                "service": "GOV", "inspectorate": "GOV", "court": "JUD", "prosecutor": "JUD", "forces": "MIL",
                "force": "MIL", "guard": "MIL", "command": "MIL", "staff": "MIL"}


def unclaimed_countries(resolver, inner: list, tokens: list[Token], spans: list[NerSpan],
                        here: list[Mention]) -> list:
    """Country names set aside as a word of a longer name that no NER span or mention holds,
    the rest of that name being words the resolver knows ("the U.S. Treasury", "Chinese Foreign
    Ministry" when the NER did not run): the country stands."""
    from .actors_data import known_words
    known = known_words()
    out = []
    for m in inner:
        if not resolver._is_country(m.actor_id) or any(s.start < m.end and m.start < s.end for s in spans) \
                or any(h.start < m.end and m.start < h.end for h in here):
            continue
        rest = [k for k in (m.first - 1, m.last + 1) if 0 <= k < len(tokens) and resolver._name_word(tokens, k)]
        k = m.last + 1
        while k < len(tokens) and resolver._name_word(tokens, k):
            rest.append(k)
            k += 1
        if rest and all(fold(tokens[k].text) in known or tokens[k].lemma in known for k in rest):
            out.append(m)
    return out


def owner_country(span: NerSpan, tokens: list[Token], here: list[Mention]) -> str | None:
    """The country of "Russia's Emergencies Ministry": a country mention right before the span,
    followed by the possessive."""
    before = [k for k, t in enumerate(tokens) if t.end <= span.start][-2:]
    if len(before) < 2 or tokens[before[1]].text not in ("'s", "’s"):
        return None
    owner = next((h for h in here if h.start <= tokens[before[0]].start < h.end and h.actor is not None), None)
    if owner is None or owner.actor.kind not in ("country", "place", "region"):
        return None
    return owner.actor.country or (owner.actor.id if owner.actor.kind == "country" else None)

