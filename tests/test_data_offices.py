"""Invariants of the office-holder tables dyad/data/offices*.tsv.

Per (country, office): exactly one holder on every day from 2000-01-01 to the file's
`# data_end:` (end inclusive, next start = previous end + 1 day), valid dates and flags,
a source on every row, and every holder known as a person with a Russian alias.
"""
from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "dyad" / "data"
RU_DATA = Path(__file__).resolve().parent.parent / "dyad" / "lang" / "ru" / "data"
START = dt.date(2000, 1, 1)
OFFICES = {"head_of_state", "head_of_government", "foreign_minister"}
COLUMNS = ["country", "office", "person_id", "start", "end", "acting", "source"]
OFFICE_FILES = sorted(DATA.glob("offices*.tsv"))


def read_table(path: Path) -> tuple[dict[str, str], list[dict[str, str]]]:
    """Header comments as {key: value} and rows as dicts (line number under '_line')."""
    meta: dict[str, str] = {}
    body: list[tuple[int, str]] = []
    with open(path, encoding="utf-8", newline="") as f:
        for no, line in enumerate(f, 1):
            if line.startswith("#"):
                key, sep, value = line[1:].partition(":")
                if sep:
                    meta.setdefault(key.strip(), value.strip())
                continue
            if line.strip():
                body.append((no, line.rstrip("\r\n")))
    if not body:
        return meta, []
    header = next(csv.reader([body[0][1]], delimiter="\t", quoting=csv.QUOTE_NONE))
    rows = []
    for no, text in body[1:]:
        values = next(csv.reader([text], delimiter="\t", quoting=csv.QUOTE_NONE))
        row = dict(zip(header, values))
        row["_line"] = str(no)
        row["_ncols"] = str(len(values))
        rows.append(row)
    return meta, rows


def day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


@pytest.fixture(scope="module")
def persons() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for path in sorted(DATA.glob("actors*.tsv")):
        for row in read_table(path)[1]:
            if row.get("kind") == "person":
                out[row["id"]] = row
    return out


@pytest.fixture(scope="module")
def ru_aliases() -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for path in sorted(RU_DATA.glob("kb_aliases*.tsv")):
        for row in read_table(path)[1]:
            if row.get("lang") == "ru" and row.get("alias", "").strip():
                out[row["actor_id"]].add(row["alias"])
    return out


def test_office_files_exist():
    assert OFFICE_FILES, f"no offices*.tsv in {DATA}"


@pytest.mark.parametrize("path", OFFICE_FILES, ids=lambda p: p.name)
def test_rows_well_formed(path: Path):
    meta, rows = read_table(path)
    problems = []
    if "data_end" not in meta:
        problems.append("missing '# data_end: YYYY-MM-DD' header comment")
    else:
        try:
            day(meta["data_end"])
        except ValueError:
            problems.append(f"bad data_end {meta['data_end']!r}")
    with open(path, encoding="utf-8") as f:
        header = next(line.rstrip("\r\n") for line in f if not line.startswith("#"))
    if header.split("\t") != COLUMNS:
        problems.append(f"header {header.split(chr(9))} != {COLUMNS}")
    for row in rows:
        where = f"{path.name}:{row['_line']} {row.get('country')}/{row.get('office')}/{row.get('person_id')}"
        if int(row["_ncols"]) != len(COLUMNS):
            problems.append(f"{where}: {row['_ncols']} columns")
            continue
        if row["office"] not in OFFICES:
            problems.append(f"{where}: unknown office {row['office']!r}")
        if row["acting"] not in ("0", "1"):
            problems.append(f"{where}: acting {row['acting']!r} is not 0 or 1")
        if not row["source"].strip():
            problems.append(f"{where}: empty source")
        if not row["person_id"].strip():
            problems.append(f"{where}: empty person_id")
        try:
            start = day(row["start"])
            end = day(row["end"]) if row["end"] else None
        except ValueError:
            problems.append(f"{where}: bad date start={row['start']!r} end={row['end']!r}")
            continue
        if end is not None and end < start:
            problems.append(f"{where}: end {end} before start {start}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", OFFICE_FILES, ids=lambda p: p.name)
def test_one_holder_every_day(path: Path):
    meta, rows = read_table(path)
    data_end = day(meta["data_end"])
    terms: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for row in rows:
        try:
            start = day(row["start"])
            end = day(row["end"]) if row["end"] else data_end
        except (ValueError, KeyError):
            continue  # reported by test_rows_well_formed
        terms[(row["country"], row["office"])].append((start, end, row["person_id"]))
    problems = []
    for (country, office), spans in sorted(terms.items()):
        spans.sort()
        where = f"{path.name} {country}/{office}"
        if spans[0][0] > START:
            problems.append(f"{where}: gap {START}..{spans[0][0] - dt.timedelta(days=1)} (first term starts {spans[0][0]})")
        for (s1, e1, p1), (s2, e2, p2) in zip(spans, spans[1:]):
            if s2 <= e1:
                problems.append(f"{where}: overlap {s2}..{min(e1, e2)} ({p1} until {e1}, {p2} from {s2})")
            elif s2 > e1 + dt.timedelta(days=1):
                problems.append(f"{where}: gap {e1 + dt.timedelta(days=1)}..{s2 - dt.timedelta(days=1)} (after {p1}, before {p2})")
        last_end = max(e for _, e, _ in spans)
        if last_end < data_end:
            problems.append(f"{where}: gap {last_end + dt.timedelta(days=1)}..{data_end} (no holder after {last_end})")
        open_ended = [p for s, e, p in spans if e == data_end]
        if not open_ended:
            problems.append(f"{where}: no holder on data_end {data_end}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", OFFICE_FILES, ids=lambda p: p.name)
def test_holders_are_persons_with_russian_alias(path: Path, persons, ru_aliases):
    problems = []
    for row in read_table(path)[1]:
        pid = row.get("person_id", "")
        where = f"{path.name}:{row['_line']} {row.get('country')}/{row.get('office')} from {row.get('start')}"
        if pid not in persons:
            problems.append(f"{where}: person_id {pid!r} is not a kind=person row in actors*.tsv")
        elif not ru_aliases.get(pid):
            problems.append(f"{where}: person_id {pid!r} has no Russian alias in kb_aliases*.tsv")
    assert not problems, "\n".join(sorted(set(problems)))


def _corrections() -> list[dict[str, str]]:
    from conftest import SHARED, shared_file
    path = shared_file(SHARED / "reference" / "office-corrections.tsv")
    return read_table(path)[1]


def _fits(value: str, correct: str, successor_starts: set[str]) -> bool:
    """A corrected date: the same day; a day of the month when only the month is given
    ("2005-02 (early February)"); for an end, also the day before a successor's start on the
    given day (ends are inclusive here, the corrections give the day of the change)."""
    given = correct.split()[0]
    if len(given) == 7:
        return value.startswith(given)
    if value == given:
        return True
    return (value and given in successor_starts
            and day(value) + dt.timedelta(days=1) == day(given))


def test_office_corrections_are_applied():
    """Every row of ../shared/reference/office-corrections.tsv holds in the tables, and the
    corrected rows cite the corrections' sources."""
    rows = [row for path in OFFICE_FILES for row in read_table(path)[1]]
    problems = []
    for fix in _corrections():
        terms = [r for r in rows if (r["country"], r["office"], r["person_id"]) ==
                 (fix["country"], fix["office"], fix["person_id"])]
        starts = {r["start"] for r in rows if (r["country"], r["office"]) ==
                  (fix["country"], fix["office"])}
        fields = fix["field"].split("..")
        values = fix["correct"].split("..")
        ok = [t for t in terms if all(
            _fits(t[f], v, starts if f == "end" else set()) for f, v in zip(fields, values))]
        if not ok:
            problems.append(f"{fix['country']}/{fix['office']}/{fix['person_id']}: "
                            f"{fix['field']} should be {fix['correct']}")
        elif not any(src.split()[-1] in t["source"] for t in ok for src in fix["source"].split(";")):
            problems.append(f"{fix['person_id']}: the source does not cite {fix['source']}")
    assert not problems, "\n".join(problems)
