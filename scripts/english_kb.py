"""Generate the English resolver's tables (dyad/lang/en/data/) from PETRARCH-2's dictionaries and
Dyad's own knowledge base. Only entries that map to an actor the knowledge base has (countries by
their alpha-3 code, organisations by the KB's id) or to a CAMEO sector code are kept; no actor is
added to the shared KB (dyad/data/).

Inputs (the reference folder, see /work/shared/reference/README.md; openeventdata/petrarch2,
commit 676801c, MIT):

    Phoenix.Countries.actors.txt       country records: the name and its spellings (+SYNONYM_)
                                       ... [AZE >911221]; persons' records are left out (they are
                                       dyad/data/phoenix/, scripts/phoenix_kb.py)
    Phoenix.International.actors.txt   organisations: NAME_ [IGOUNO]; persons (dated roles) and
                                       descriptions (UN_ENVOY_) are left out
    Phoenix.agents.txt                 agent nouns: POLICE {} [~COP], !PERSON! and !MINIST! macros

and Dyad's dyad/data/aliases*.tsv (Russian capitals, type ``metonym``) with dyad/data/places.tsv
(the gazetteer's English name of that city in that country) for the English capitals.

Output, each file with ``# version:``, a line naming this script and its source, and the source's
MIT notice where Phoenix is the source:

    aliases_phoenix.tsv    actor_id alias type phoenix    country spellings and organisations
    aliases_capitals.tsv   actor_id alias type source     capitals as metonyms (Baku -> AZE)
    agents.tsv             phrase plural sector code      agent nouns -> CAMEO sector (COP, MIL...)

A Phoenix spelling that the KB already lists (any actor, any case) is left out, and so is one that
names two countries, a city of the country that is not its capital (cities stay places: the
gazetteer resolves them), a spelling that does not look like one of the KB's English names of
the country (``SIMILAR``: Phoenix also lists rivers, deserts and regions: GOBI_DESERT -> CHN), or a
spelling with brackets or commas.

    .venv/bin/python scripts/english_kb.py            # write dyad/lang/en/data/*.tsv
    .venv/bin/python scripts/english_kb.py --check    # exit 1 if the files are stale
"""
from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from phoenix_kb import Entry, MIT_NOTICE, read_entries  # noqa: E402  (the TABARI reader)
from dyad.resolve.kb import load_kb  # noqa: E402
from dyad.resolve.keys import place_fold  # noqa: E402
from dyad.resolve.places import gazetteer  # noqa: E402
from dyad.resolve.translit import slug  # noqa: E402

OUT = ROOT / "dyad" / "lang" / "en" / "data"
REFERENCE = ROOT.parent / "shared" / "reference"
COMMIT = "676801c"
COUNTRIES = "petrarch2/Phoenix.Countries.actors.txt"
INTERNATIONAL = "petrarch2/Phoenix.International.actors.txt"
AGENTS = "petrarch2/Phoenix.agents.txt"
VERSION = f"en.phoenix.{COMMIT}.v1"
# Dyad's sector codes (dyad.code.argument_nouns.SECTOR_NAMES); other Phoenix agents are left out.
SECTORS = ("BUS", "GOV", "MIL", "LEG", "OPP", "REB", "MED", "COP", "SPY", "JUD", "RAD", "CRM", "EDU",
           "LAB", "HLH", "REF", "CVL")
# Words of an organisation's Phoenix name that describe a person or a part, not the organisation.
DESCRIPTIVE = frozenset("""
    AMBASSADOR BODIES CHAIRMAN CHIEF COMMANDER DIRECTOR GOVERNOR PRESIDENT CONTINGENT DELEGATE DELEGATION ENVOY EXPERT HEAD INSPECTOR
    INSPECTORS MISSION MONITOR MONITORS NEPAL OBSERVER OBSERVERS OFFICE OFFICER OFFICIAL OFFICIALS
    PEACEKEEPER PEACEKEEPERS PEACEKEEPING RAPPORTEUR REPRESENTATIVE SECRETARY SECRETARY-GENERAL
    SOLDIER SOLDIERS SPOKESMAN SPOKESPERSON SPOKESWOMAN STAFF TROOPS WORKER WORKERS
""".split())
LOWER = frozenset("OF AND THE FOR DE DU LA LE DES DI DEL ON IN".split())
MACROS = {"!PERSON!": ("MAN", "WOMAN", "PERSON"), "!MINIST!": ("MINISTER", "MINISTRY")}
SIMILAR = 0.8        # difflib ratio of the letters to one of the KB's English names of the country
PLAIN = re.compile(r"^[A-Z0-9][A-Z0-9.'\- ]*$")


# --- reading -------------------------------------------------------------------------------------

def spelled(name: str) -> str:
    """A TABARI name as text: underscores are spaces, a leading THE is dropped."""
    text = re.sub(r"[_\s]+", " ", name).strip()
    return re.sub(r"^THE ", "", text)


def abbreviation(text: str) -> bool:
    """U.A.E., D.P.R.K., UK: every word three letters or fewer, dotted or short."""
    return all(len(w.replace(".", "")) <= 3 for w in text.split()) and \
        ("." in text or (len(text) <= 3 and text.isalpha()))


def display(text: str) -> str:
    """AZERBAJDZHAN -> Azerbajdzhan, ST. KITTS AND NEVIS -> St. Kitts and Nevis; abbreviations
    stay as written."""
    if abbreviation(text):
        return text
    words = []
    for n, w in enumerate(text.split()):
        if n and w in LOWER:
            words.append(w.lower())
        else:
            words.append("-".join(p[:1] + p[1:].lower() for p in w.split("-")))
    return " ".join(words)


def kind_of(text: str) -> str:
    return "abbr" if abbreviation(text) else "name"


def similar(folded: str, names: list[str]) -> bool:
    """A spelling of one of ``names`` (folded KB names of the actor), not one word of it ("Zealand"
    of New Zealand)."""
    words = set(folded.split())
    if any(words < set(n.split()) for n in names):
        return False
    letters = _letters(folded)
    return any(difflib.SequenceMatcher(None, letters, _letters(n)).ratio() >= SIMILAR for n in names)


def kb_aliases() -> dict[str, set[str]]:
    """The KB's English and Latin-script names (aliases and name_en), folded -> actor ids."""
    kb = load_kb()
    out: dict[str, set[str]] = defaultdict(set)
    for actor in kb.actors.values():
        if actor.name_en:
            out[actor.name_en.casefold()].add(actor.id)
    for alias in kb.aliases:
        if alias.lang == "en" or alias.alias.isascii():
            out[alias.alias.casefold()].add(alias.actor_id)
    return out


def kb_actors() -> dict[str, str]:
    return {actor.id: actor.kind for actor in load_kb().actors.values()}


def cities() -> dict[str, set[str]]:
    """Gazetteer key -> the countries with a city of that name."""
    return {key: {p.country for p in places} for key, places in gazetteer().items()}


def english_capitals() -> dict[str, list[str]]:
    """Country -> its capitals' English names: each Russian metonym of the KB found in the
    gazetteer (by its Russian key) in that country, by the gazetteer's English name; of several
    cities under one key, the one whose English name starts as the Russian one's transliteration
    ("Абуджа" is Abuja, not Suleja)."""
    gaz = gazetteer()
    out: dict[str, list[str]] = {}
    for alias in sorted(load_kb().aliases, key=lambda a: (a.actor_id, a.alias)):
        if alias.type != "metonym" or alias.lang != "ru":
            continue
        initial = slug(alias.alias)[:1]
        places = [p for p in gaz.get(place_fold(alias.alias), ()) if p.country == alias.actor_id]
        place = next((p for p in places if p.name_en[:1].lower() == initial), places[0] if places else None)
        if place is not None and place.name_en not in out.get(alias.actor_id, []):
            out.setdefault(alias.actor_id, []).append(place.name_en)
    return out


# --- the three tables ----------------------------------------------------------------------------

def country_rows(entries: list[Entry], known: dict[str, set[str]], actors: dict[str, str],
                 capitals: dict[str, str]) -> list[tuple[str, str, str, str]]:
    places = cities()
    capital_names = {c: {name.casefold() for name in names} for c, names in capitals.items()}
    names_of = _names_of(known)
    found: dict[str, set[str]] = defaultdict(set)      # folded alias -> countries
    shown: dict[tuple[str, str], tuple[str, str]] = {}
    for e in entries:
        codes = [c for c, _, _ in e.roles if len(c) == 3]
        if e.countryinfo or not codes or any(len(c) != 3 for c, _, _ in e.roles if not c.startswith("USR")):
            continue
        country = codes[-1]
        if actors.get(country) not in ("country", "place"):
            continue
        for name in e.names + e.synonyms:
            text = spelled(name)
            if not PLAIN.match(text) or sum(ch.isalpha() for ch in text) < 2:
                continue
            folded = text.casefold()
            if folded in known:
                continue
            if country in places.get(place_fold(text), ()) or folded in capital_names.get(country, ()):
                continue                           # a city: the gazetteer's (capitals: aliases_capitals)
            if not similar(folded, names_of.get(country, [])):
                continue                           # not a spelling of the country's name
            found[folded].add(country)
            shown.setdefault((folded, country), (display(text), name))
    rows = []
    for (folded, country), (alias, key) in shown.items():
        if len(found[folded]) == 1:
            rows.append((country, alias, kind_of(alias), key))
    return sorted(rows, key=lambda r: (r[0], r[1]))


def _names_of(known: dict[str, set[str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for folded, ids in known.items():
        for actor in ids:
            out[actor].append(folded)
    return out


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.casefold())


def igo_rows(entries: list[Entry], known: dict[str, set[str]],
             actors: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """Organisations: a Phoenix code belongs to the KB actor one of its records is named as
    (UN_ [IGOUNO] -> UN); the other names of undated single-code records with that code are its
    aliases."""
    plain = [e for e in entries if len(e.roles) == 1 and e.roles[0][1] is None and e.roles[0][2] is None]
    votes: dict[str, set[str]] = defaultdict(set)
    for e in plain:
        for name in e.names + e.synonyms:
            for actor in known.get(spelled(name).casefold(), ()):
                if actors.get(actor) == "igo":
                    votes[e.roles[0][0]].add(actor)
    owner = {code: next(iter(ids)) for code, ids in votes.items() if len(ids) == 1}
    names_of = _names_of(known)
    rows: dict[str, tuple[str, str, str, str]] = {}
    clash: set[str] = set()
    for e in plain:
        actor = owner.get(e.roles[0][0])
        if actor is None:
            continue
        for name in e.names + e.synonyms:
            text = spelled(name)
            folded = text.casefold()
            if not PLAIN.match(text) or folded in known or set(text.split()) & DESCRIPTIVE \
                    or not similar(folded, names_of.get(actor, [])):
                continue                           # persons (KOFI_ANNAN_ [IGOUNO]) are not similar
            if folded in rows and rows[folded][0] != actor:
                clash.add(folded)
            rows.setdefault(folded, (actor, display(text), kind_of(text), name))
    return sorted((r for k, r in rows.items() if k not in clash), key=lambda r: (r[0], r[1]))


# Plain nouns the agents file has only inside longer phrases (OPPOSITION_LEADER), added by hand.
MANUAL_AGENTS = (("opposition", "", "OPP", "manual"), ("protestor", "", "OPP", "manual"),
                 ("militant", "", "REB", "manual"), ("terrorist", "", "REB", "manual"),
                 ("jihadist", "", "REB", "manual"), ("gunman", "gunmen", "REB", "manual"),
                 ("firm", "", "BUS", "manual"), ("hacker", "", "SPY", "manual"))
AGENT_LINE = re.compile(r"^([^\[{#]+?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]")


def agent_rows(path: Path) -> list[tuple[str, str, str, str]]:
    rows: dict[str, tuple[str, str, str, str]] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = AGENT_LINE.match(line.strip())
        if not m or line.startswith("#"):
            continue
        phrase, plural, code = m.group(1).strip(), (m.group(2) or "{}")[1:-1].strip(), m.group(3)
        sector = code[:3]
        if sector not in SECTORS or "," in phrase or not re.fullmatch(r"[A-Z!_' ]+", phrase):
            continue
        for form in _expand(phrase):
            text = re.sub(r"[_\s]+", " ", form).strip().lower()
            if not text or text.split()[-1] in ("of", "in", "to", "for", "at", "and", "the"):
                continue                           # AMBASSADOR_TO: a template, not a noun
            plurals = " ".join(p.lower() for p in re.split(r"[_\s]+", plural) if p) if plural else ""
            rows.setdefault(text, (text, plurals, sector, code))
    for row in MANUAL_AGENTS:
        rows.setdefault(row[0], row)
    return sorted(rows.values())


def _expand(phrase: str) -> list[str]:
    forms = [phrase]
    for macro, words in MACROS.items():
        forms = [f.replace(macro, w, 1) for f in forms for w in words] if any(macro in f for f in forms) \
            else forms
    return [f for f in forms if "!" not in f]


# --- writing -------------------------------------------------------------------------------------

def header(what: str, source: str, columns: list[str], mit: bool = True) -> list[str]:
    lines = [f"# version: {VERSION}", f"# {what}",
             f"# Generated by scripts/english_kb.py from {source}; do not edit by hand."]
    if mit:
        lines.append("# The source's licence (openeventdata/petrarch2, LICENSE):")
        lines += [("# " + line).rstrip() for line in MIT_NOTICE.splitlines()]
    lines.append("\t".join(columns))
    return lines


def tables(reference: Path = REFERENCE) -> dict[str, str]:
    problems: list[str] = []
    known = kb_aliases()
    actors = kb_actors()
    capitals = english_capitals()
    countries = country_rows(read_entries(reference / COUNTRIES, problems), known, actors, capitals)
    igos = igo_rows(read_entries(reference / INTERNATIONAL, problems), known, actors)
    agents = agent_rows(reference / AGENTS)
    src = f"openeventdata/petrarch2 commit {COMMIT}, files {COUNTRIES} and {INTERNATIONAL} (MIT)"
    phoenix = header("English spellings of countries (by alpha-3) and organisations (by KB id) the KB "
                     "lacks; type name | abbr (case-sensitive) | metonym (the capital).", src,
                     ["actor_id", "alias", "type", "phoenix"])
    phoenix += ["\t".join(r) for r in countries + igos]
    capital_lines = header("Capitals as metonyms of their countries: the KB's Russian metonym aliases "
                           "(load_kb()) by the gazetteer's English name (dyad/data/places.tsv, GeoNames CC BY 4.0).",
                           "the knowledge base's Russian metonyms and dyad/data/places.tsv",
                           ["actor_id", "alias", "type", "source"], mit=False)
    capital_lines += ["\t".join((c, name, "metonym", "dyad-kb+geonames"))
                      for c, names in sorted(capitals.items()) for name in names
                      if name.casefold() not in known]
    agent_lines = header("Agent nouns -> CAMEO sector (the first three letters of the Phoenix code, when "
                         "Dyad codes that sector); phrase lowercase and singular, its last word matched "
                         "on the lemma; plural: irregular plurals the source lists; code: the Phoenix code, manual for "
                         "the few plain nouns added by hand (MANUAL_AGENTS).",
                         f"openeventdata/petrarch2 commit {COMMIT}, file {AGENTS} (MIT)",
                         ["phrase", "plural", "sector", "code"])
    agent_lines += ["\t".join(r) for r in agents]
    return {"aliases_phoenix.tsv": "\n".join(phoenix) + "\n",
            "aliases_capitals.tsv": "\n".join(capital_lines) + "\n",
            "agents.tsv": "\n".join(agent_lines) + "\n"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the files are stale")
    args = parser.parse_args(argv)
    out = tables()
    if args.check:
        stale = [n for n, text in out.items() if not (OUT / n).exists()
                 or (OUT / n).read_text(encoding="utf-8") != text]
        for name in stale:
            print(f"stale: {name}")
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in out.items():
        (OUT / name).write_text(text, encoding="utf-8")
        print(f"{name}: {text.count(chr(10)) - sum(1 for l in text.splitlines() if l.startswith('#')) - 1} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
