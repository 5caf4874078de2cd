"""Generate Dyad's Phoenix tables (dyad/data/phoenix/) from PETRARCH-2's country actor dictionary,
and compare the hand-written office tables with them.

Input: ``petrarch2/Phoenix.Countries.actors.txt`` of the reference folder (openeventdata/petrarch2,
commit 676801c, MIT; see /work/shared/reference/README.md). It is a TABARI actor dictionary:

    ILHAM_ALIYEV_  # CountryInfo.txt      a primary name, words joined by underscores
    +ILHAM_ALIEV_                         a synonym of the name above
        [AZEGOV 030804-031104]            a role between two dates (inclusive)
        [AZEGOV >031031]                  a role from a date; [CODE <YYMMDD] until a date
        [AZEELI]                          an undated (default) role

Dates are YYMMDD (years 00-14 are 2000-2014, the rest 19xx) or YYYYMMDD; as in PETRARCH's own
reader a date of up to 7 digits is read from its first 6, a longer one from its first 8, and a
role with a single date and no sign (``[MNEGOV 20121204]``) is read as "from". A primary name
without roles shares the roles of the next names (TABARI groups them), so ``DMITRY_MEDVEDEV_``
and ``DMITR_MEDVEDEV_`` are one entry.

Output, each file with a header naming the source, the MIT notice and this script:

    people.tsv   id key name synonyms   one row per person (ids are slugs of the key)
    roles.tsv    person_id code start end   CAMEO role codes with ISO dates (empty: open)

A person is an entry of the CountryInfo lists (marked ``# CountryInfo.txt``), or a hand-added
entry whose name is not an institution's (see ``NOT_A_PERSON``) and that is not a country. Only
entries with at least one role are kept; entries with the same name key and country are merged.
Synonyms that carry a title or describe an office (``PRESIDENT_PUTIN_``,
``THE_OBAMA_ADMINISTRATION``) are left out: the table lists spellings of a name.

    .venv/bin/python scripts/phoenix_kb.py                 # write dyad/data/phoenix/*.tsv
    .venv/bin/python scripts/phoenix_kb.py --check         # exit 1 if the files are stale
    .venv/bin/python scripts/phoenix_kb.py offices         # office tables against Phoenix
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "dyad" / "data" / "phoenix"
REFERENCE = ROOT.parent / "shared" / "reference"
SOURCE = "petrarch2/Phoenix.Countries.actors.txt"
COMMIT = "676801c"
DATA_END = "2014-01-30"          # "Generated at: Thu Jan 30 16:06:18 2014" in the file's header

MIT_NOTICE = """\
The MIT License (MIT)

Copyright (c) 2014 Open Event Data

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE."""

# Words of a hand-added entry's name that make it an institution, a group or a title, not a person.
NOT_A_PERSON = frozenset("""
    ACADEMY ADMINISTRATION AGENCY ALLIANCE ARMY ASSEMBLY AUTHORITY BANK BET BRIGADE BRIGADES
    BUREAU CENTRAL CHANCELLOR COALITION COMMAND COMMISSION COMMITTEE COMMUNITY CONGRESS COUNCIL
    COURT DECLARATION DEFENCE DEFENSE DEPARTMENT DIRECTOR DIRECTORATE DOWNING FEDERAL FORCE FORCES
    FOUNDATION FRONT GENERAL JAISH JAYSH GOVERNMENT GUARD HEADQUARTERS HOUSE INSTITUTE INTELLIGENCE ISLAMIC
    KINGDOM LEAGUE MILITARY MINISTER MINISTRY MOVEMENT NATIONAL NUSRA OBSERVATORY OCEAN OFFICE PALACE
    PARLIAMENT PARTY PEOPLES POLICE POLITBURO PRESIDENT PRIME REPRESENTATIVE REPUBLIC RIFLES RIOT
    SABHA SECRETARY SECURITY SERVICE SERVICES SHAM SOVIET STATE STATES SUPREME TANK TEAM THE TRADE
    UNION UNITED UNIVERSITY YARD
""".split())

# KNT: Kinakuta, the invented island state of Cryptonomicon, kept in the source as test data.
FICTIONAL = frozenset({"KNT"})

# Words that mark a synonym as a title or description rather than a spelling of the name.
TITLE_WORDS = frozenset("""
    ADMINISTRATION ADMIRAL AMBASSADOR AMERICAN AYATOLLAH BUNDESKANZLER CAPTAIN CHAIRMAN CHANCELLOR
    CHIEF CIA COLONEL CONGRESSMAN DEFENSE DIRECTOR DR EMIR EX-SOVIET FORMER GEN GENERAL GERMAN
    GOVERNMENT HOJATOLISLAM IMAM KANZLER KING LEADER MINISTER MR MRS NATIONAL OF PARTY PREMIER
    PRESIDENT PRESIDENT-ELECT PRIME PRINCE QUEEN REGIME REPRESENTATIVE RUSSIAN SECRETARY SENATOR SHEIKH
    SOVIET THE UNITED US U.S VICE
""".split())

LICENCE_HEADER = ["# source: openeventdata/petrarch2, commit {commit}, file {source}".format(
                      commit=COMMIT, source=SOURCE),
                  "# (CountryInfo.140130.txt, Computational Event Data System Project; "
                  "generated 2014-01-30, with later hand additions)"]


@dataclass
class Entry:
    """One TABARI record: its primary names, synonyms and role lines, as read."""
    line: int
    names: list[str] = field(default_factory=list)
    synonyms: list[str] = field(default_factory=list)
    roles: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    countryinfo: bool = False
    place: bool = False          # a code on the name line: a country's or territory's record


@dataclass
class Person:
    key: str
    synonyms: list[str]
    roles: list[tuple[str, str | None, str | None]]
    id: str = ""


# --- reading --------------------------------------------------------------------------------

class DateProblem(ValueError):
    pass


def parse_date(text: str) -> str:
    """A TABARI date as ISO: YYMMDD (00-14 -> 20xx) or YYYYMMDD, read as PETRARCH reads it."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) < 6:
        raise DateProblem(text)
    if len(digits) > 7:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    else:
        yy = int(digits[:2])
        year = 2000 + yy if yy <= 14 else 1900 + yy
        month, day = int(digits[2:4]), int(digits[4:6])
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError as e:
        raise DateProblem(text) from e


ROLE = re.compile(r"\[\s*([A-Z-]{3,})\s*([^\]]*)\]")     # [---] is the null code


def parse_role(text: str) -> tuple[str, str | None, str | None]:
    """``[AZEGOV 030804-031104]`` -> ("AZEGOV", "2003-08-04", "2003-11-04")."""
    m = ROLE.search(text)
    if not m:
        raise DateProblem(text)
    code, rest = m.group(1), m.group(2).replace(" ", "")
    if not rest:
        return code, None, None
    if rest[0] == ">":
        return code, parse_date(rest[1:]), None
    if rest[0] == "<":
        return code, None, parse_date(rest[1:])
    if "-" in rest:
        a, _, b = rest.partition("-")
        start, end = parse_date(a), parse_date(b)
        if end < start:
            raise DateProblem(text)
        return code, start, end
    return code, parse_date(rest), None


def clean_name(text: str) -> str:
    return text.split("#")[0].split("[")[0].strip().strip("_").strip()


def read_entries(path: Path, problems: list[str]) -> list[Entry]:
    entries: list[Entry] = []
    current = Entry(0)
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        body, _, comment = line.partition("#")
        if line[0] in "\t ":
            if "[" in body:
                try:
                    current.roles.append(parse_role(body))
                except DateProblem:
                    problems.append(f"line {no}: role skipped: {line.strip()}")
            continue
        if line.startswith("+"):
            name = clean_name(body[1:])
            if name:
                current.synonyms.append(name)
            continue
        if current.roles:           # a primary name after roles starts the next record
            entries.append(current)
            current = Entry(no)
        current.line = current.line or no
        current.names.append(clean_name(body))
        current.countryinfo |= "CountryInfo" in comment
        if ROLE.search(body):       # AMERICAN_SAMOA_  [USAASM]: only places have one here
            current.place = True
            try:
                current.roles.append(parse_role(body))
            except DateProblem:
                problems.append(f"line {no}: role skipped: {line.strip()}")
    entries.append(current)
    return [e for e in entries if e.names]


# --- selecting and merging persons ----------------------------------------------------------

def words(name: str) -> list[str]:
    return [w for w in re.split(r"[_\s]+", name) if w]


def is_person(entry: Entry) -> bool:
    codes = [c for c, _, _ in entry.roles]
    if entry.place or not codes or any(len(c) == 3 for c in codes):
        return False            # no role, or a place's record (ARMENIA_ ... [ARM >911221])
    if all(c[:3] in FICTIONAL for c in codes):
        return False
    if entry.countryinfo:
        return True
    name = words(entry.names[0])
    return len(name) >= 2 and not any(w.strip(".").upper() in NOT_A_PERSON for w in name)


def name_like(name: str) -> bool:
    """A synonym that spells the name, not one that carries a title (PRESIDENT_PUTIN_)."""
    ws = [w.upper() for w in words(name)]
    return bool(ws) and not any(w.strip(".") in TITLE_WORDS for w in ws)


def fold_key(name: str) -> str:
    return re.sub(r"[^A-Z]", "", name.upper())


def countries(roles) -> frozenset[str]:
    return frozenset(code[:3] for code, _, _ in roles)


def slug(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "x"


def persons(entries: list[Entry]) -> list[Person]:
    """One Person per entry, entries with the same folded key and a shared country merged, in
    file order; ids are slugs of the key, made unique with -2, -3..."""
    out: list[Person] = []
    by_key: dict[str, list[Person]] = {}
    for e in entries:
        if not is_person(e):
            continue
        key = e.names[0]
        synonyms = [n for n in e.names[1:] + e.synonyms if name_like(n)]
        same = next((p for p in by_key.get(fold_key(key), [])
                     if countries(p.roles) & countries(e.roles)), None)
        if same is None:
            same = Person(key, [], [])
            by_key.setdefault(fold_key(key), []).append(same)
            out.append(same)
        elif key not in same.synonyms and key != same.key:
            synonyms.insert(0, key)
        for s in synonyms:
            if s != same.key and s not in same.synonyms:
                same.synonyms.append(s)
        for role in e.roles:
            if role not in same.roles:
                same.roles.append(role)
    taken: dict[str, int] = {}
    for p in out:
        base = slug(p.key)
        taken[base] = taken.get(base, 0) + 1
        p.id = base if taken[base] == 1 else f"{base}-{taken[base]}"
    return out


# --- writing --------------------------------------------------------------------------------

def header(what: str, columns: list[str]) -> list[str]:
    lines = ["# version: phoenix.676801c.v1", f"# data_end: {DATA_END}", f"# {what}"]
    lines += LICENCE_HEADER
    lines.append("# Generated by scripts/phoenix_kb.py; do not edit by hand. The source's licence:")
    lines += [("# " + line).rstrip() for line in MIT_NOTICE.splitlines()]
    lines.append("\t".join(columns))
    return lines


def tables(reference: Path = REFERENCE) -> tuple[dict[str, str], list[str]]:
    """The text of every generated file, by file name, and the lines that were skipped."""
    problems: list[str] = []
    people = persons(read_entries(reference / SOURCE, problems))
    people_lines = header(
        "Persons of the Phoenix country dictionary: id, TABARI name key, English name, other "
        "spellings of the name (|).", ["id", "key", "name", "synonyms"])
    role_lines = header(
        "Their CAMEO role codes (country + sector: AZEGOV, RUSMIL, USAELI); start/end ISO dates, "
        "inclusive; empty start = since ever, empty end = open as of data_end; both empty = the "
        "undated default code.", ["person_id", "code", "start", "end"])
    for p in people:
        people_lines.append("\t".join([p.id, p.key, display(p.key), "|".join(p.synonyms)]))
        for code, start, end in p.roles:
            role_lines.append("\t".join([p.id, code, start or "", end or ""]))
    return ({"people.tsv": "\n".join(people_lines) + "\n",
             "roles.tsv": "\n".join(role_lines) + "\n"}, problems)


def display(key: str) -> str:
    """ILHAM_ALIYEV -> Ilham Aliyev; BASHAR_AL-ASSAD -> Bashar Al-Assad."""
    return " ".join("-".join(part[:1].upper() + part[1:].lower() for part in w.split("-"))
                    for w in words(key))


def write(reference: Path = REFERENCE, out: Path = OUT) -> None:
    texts, problems = tables(reference)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (out / name).write_text(text, encoding="utf-8")
        rows = sum(1 for line in text.splitlines() if not line.startswith("#")) - 1
        print(f"{out / name}: {rows} rows")
    for line in problems:
        print("skipped", line, file=sys.stderr)


def stale(reference: Path = REFERENCE, out: Path = OUT) -> list[str]:
    texts, _ = tables(reference)
    return [name for name, text in texts.items()
            if not (out / name).exists() or (out / name).read_text(encoding="utf-8") != text]


# --- the office tables against Phoenix ------------------------------------------------------

CHECK_FROM, CHECK_TO = dt.date(2000, 1, 1), dt.date(2014, 1, 1)
DAY_TOLERANCE = 7         # days, against a Phoenix date given to the day
MONTH_TOLERANCE = 62      # against one on the first or last day of a month (CountryInfo's months)
COUNTRYINFO_FIRST = dt.date(2003, 1, 1)   # CountryInfo's cabinets begin here: a start "by then"


def office_report() -> list[dict[str, str]]:
    """Every office term of dyad/data/offices*.tsv overlapping 2000-01-01..2014-01-01 that
    Phoenix does not confirm: the holder not found (by the English, else the Russian name, on a
    day of the term), found in another country, without a government role over the term, or
    with a start or an end that no Phoenix GOV role of the term shares."""
    sys.path.insert(0, str(ROOT))
    from dyad.resolve.phoenix import load_phoenix
    from dyad.tables import read_rows
    index = load_phoenix()
    names = {r["id"]: r for r in read_rows("actors*.tsv") if r.get("kind") == "person"}
    report = []
    for row in read_rows("offices*.tsv"):
        start = dt.date.fromisoformat(row["start"])
        end = dt.date.fromisoformat(row["end"]) if row["end"] else None
        if start > CHECK_TO or (end is not None and end < CHECK_FROM):
            continue
        lo, hi = max(start, CHECK_FROM), min(end or CHECK_TO, CHECK_TO)
        actor = names.get(row["person_id"], {})
        match = (index.lookup(actor.get("name_en", ""), lo + (hi - lo) / 2)
                 or index.lookup(actor.get("name_ru", ""), lo + (hi - lo) / 2))
        problem = "not found" if match is None else disagreement(index, match.id, row["country"],
                                                                 start, end)
        if problem:
            report.append({"country": row["country"], "office": row["office"],
                           "person": row["person_id"], "start": row["start"], "end": row["end"],
                           "phoenix": match.key if match else "", "problem": problem})
    return report


def disagreement(index, person_id: str, country: str, start: dt.date, end: dt.date | None) -> str:
    """What Phoenix says against one term; "" when it agrees or cannot tell. Phoenix has one GOV
    code for every office, so a role that starts before the term or runs past it may be another
    office: only a later start, an earlier end or a day-precise date close by count."""
    roles = index.roles_of(person_id)
    if not any(r.code.startswith(country) for r in roles):
        return "country " + ",".join(sorted({r.code[:3] for r in roles}))
    gov = [r for r in roles if r.code.startswith(country + "GOV") and (r.start or r.end)]
    if not gov:
        return "no dated GOV role"
    over = [r for r in gov if (r.start or CHECK_FROM) <= (end or CHECK_TO)
            and (r.end or CHECK_TO) >= start]
    if not over:
        return "no GOV role over the term: " + phoenix_spans(gov)
    found = []
    if CHECK_FROM <= start <= CHECK_TO:
        starts = [None if r.start == COUNTRYINFO_FIRST else r.start for r in over]
        found += boundary("start", start, starts, later=True)
    if end is not None and CHECK_FROM <= end <= CHECK_TO:
        found += boundary("end", end, [r.end for r in over], later=False)
    return "; ".join(found) + ": " + phoenix_spans(over) if found else ""


def boundary(what: str, mine: dt.date, theirs: list[dt.date | None], later: bool) -> list[str]:
    """``start``: every Phoenix start later than ours; ``end``: every end earlier; either: a
    day-precise Phoenix date within four months while none agrees."""
    if any(t is None for t in theirs) or any(agrees(mine, t) for t in theirs):
        return []
    days = [(t - mine).days for t in theirs]
    slack = [MONTH_TOLERANCE if month_level(t) else DAY_TOLERANCE for t in theirs]
    if all((d > s) if later else (d < -s) for d, s in zip(days, slack)):
        return [f"Phoenix {what} {'later' if later else 'earlier'} ({min(days, key=abs):+d} d)"]
    near = [d for d, t in zip(days, theirs) if not month_level(t) and abs(d) <= 120]
    return [f"{what} {min(near, key=abs):+d} d from a Phoenix date"] if near else []


def month_level(day: dt.date) -> bool:
    return day.day == 1 or (day + dt.timedelta(days=1)).day == 1


def agrees(mine: dt.date, theirs: dt.date) -> bool:
    return abs((theirs - mine).days) <= (MONTH_TOLERANCE if month_level(theirs) else DAY_TOLERANCE)


def phoenix_spans(roles) -> str:
    return ", ".join(f"{r.code} {r.start or ''}..{r.end or ''}" for r in roles)


def print_report(report: list[dict[str, str]]) -> None:
    columns = ["country", "office", "person", "start", "end", "phoenix", "problem"]
    widths = {c: max([len(c)] + [len(r[c]) for r in report]) for c in columns[:-1]}
    print("  ".join(c.ljust(widths.get(c, 0)) for c in columns))
    for r in report:
        print("  ".join(r[c].ljust(widths.get(c, 0)) for c in columns))
    print(f"{len(report)} rows")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("mode", nargs="?", choices=["write", "offices"], default="write")
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    parser.add_argument("--check", action="store_true", help="exit 1 if the files are stale")
    args = parser.parse_args(argv)
    if args.mode == "offices":
        print_report(office_report())
        return 0
    if args.check:
        names = stale(args.reference)
        for name in names:
            print(f"{OUT / name} is not what scripts/phoenix_kb.py generates", file=sys.stderr)
        return 1 if names else 0
    write(args.reference)
    return 0


if __name__ == "__main__":
    sys.exit(main())
