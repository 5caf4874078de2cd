"""`dyad eval petrarch DIR`: PETRARCH-2's English unit-test records, coded by Dyad's English coder.

DIR is ../shared/eval-dev/petrarch2-unittest (MIT): ``records.jsonl`` (one sentence each, with
the events PETRARCH-2 is expected to code) and ``dictionaries/`` (PETR.Validate.actors.txt,
.agents.txt, .verbs.txt in TABARI format). The records' actors are fictional (Arnor ARN, Gondor
GON ...) and exist only in those dictionaries, so the run replaces Dyad's knowledge base with them:

- **actors**: every entry of the actors file (its synonyms ``+NAME``, stems without a final ``_``,
  dated code blocks ``[CODE <YYMMDD]`` read on the record's date, ``[A/B]`` for several actors);
- **agents**: an agent noun ("minister", "police", "troops") takes the country next to it
  ("Ithilen's minister", "Danish media", "lawmakers in Fornost", "the government of Gondor")
  and its code is the country's + the agent's (ITHGOV); an agent alone is ``---`` + its code;
- **verbs**: the test verb dictionary, read by dyad.lang.en.verbdict (as scripts/cameo_verbs_en.py reads CAMEO 2.0), replaces
  the CAMEO lexicon (its codes are partly test-only; ``standard_cameo`` says which).

Dyad's English argument rules (:mod:`dyad.lang.en.events`) then code each record, and every event
is expanded into its (source, target, code) pairs, as PETRARCH writes them. A record is **coded as
expected** when the set of pairs equals the expected set (``noevents`` records: no event at all);
pairs are also scored one by one (precision, recall). Only records with ``evaluate: true`` count.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from ..types import ActorRef, Document, Mention

CODE = re.compile(r"\[([^\]]*)\]")


@dataclass(frozen=True, slots=True)
class CodeBlock:
    code: str
    start: dt.date | None = None       # inclusive
    end: dt.date | None = None         # inclusive


@dataclass
class Entry:
    phrases: list[tuple[str, ...]] = field(default_factory=list)
    codes: list[CodeBlock] = field(default_factory=list)
    agent: bool = False

    def code_on(self, day: dt.date | None) -> str | None:
        plain = [c for c in self.codes if c.start is None and c.end is None]
        for c in self.codes:
            if (c.start or c.end) and day is not None:
                if (c.start is None or day >= c.start) and (c.end is None or day <= c.end):
                    return c.code
        return plain[0].code if plain else (self.codes[-1].code if self.codes else None)


def _yymmdd(text: str) -> dt.date:
    text = text.strip()
    if len(text) == 6:
        year = int(text[:2])
        return dt.date(1900 + year if year > 30 else 2000 + year, int(text[2:4]), int(text[4:6]))
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def _block(text: str) -> CodeBlock | None:
    text = text.strip()
    if not text:
        return None
    m = re.fullmatch(r"(\S+)\s*<\s*(\d{6,8})", text)
    if m:
        return CodeBlock(m.group(1), end=_yymmdd(m.group(2)) - dt.timedelta(days=1))
    m = re.fullmatch(r"(\S+)\s*>\s*(\d{6,8})", text)
    if m:
        return CodeBlock(m.group(1), start=_yymmdd(m.group(2)))
    m = re.fullmatch(r"(\S+)\s+(\d{6,8})\s*-\s*(\d{6,8})", text)
    if m:
        return CodeBlock(m.group(1), _yymmdd(m.group(2)), _yymmdd(m.group(3)))
    if re.search(r"\d{6}", text):
        return None                   # a malformed block the file itself marks as a test
    return CodeBlock(text.split()[0])


def _phrase(text: str, substitutions: dict[str, list[str]]) -> list[tuple[str, ...]]:
    text = text.strip().upper()
    for key, values in substitutions.items():
        if key in text:
            return [p for v in values for p in _phrase(text.replace(key, " " + v), {})]
    words = tuple(w for w in re.split(r"[_\s]+", text) if w)
    if text.endswith("_") and words:
        words = words[:-1] + (words[-1] + "_",)
    return [words] if words else []


def read_dictionary(path: Path, agents: bool = False) -> list[Entry]:
    """Entries of a TABARI actors or agents file."""
    entries: list[Entry] = []
    substitutions: dict[str, list[str]] = {}
    current: Entry | None = None
    comment = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if "<!--" in line:
            comment = "-->" not in line
            continue
        if comment:
            comment = "-->" not in line
            continue
        if not line.strip():
            continue
        m = re.fullmatch(r"\s*(![A-Z]+!)\s*=\s*(.+)", line)
        if m:
            substitutions[m.group(1)] = [w.strip().replace(" ", "_") for w in m.group(2).split(",")]
            continue
        codes = CODE.findall(line)
        head = CODE.sub("", line)
        plural = re.search(r"\{([^}]*)\}", head)
        head = re.sub(r"\{[^}]*\}", "", head)
        if line[:1] in (" ", "\t") and codes and not head.strip():
            if current is not None:
                current.codes.extend(b for c in codes for b in [_block(c)] if b)
            continue
        if head.strip().startswith("+"):
            if current is not None:
                current.phrases.extend(_phrase(head.strip()[1:], substitutions))
            continue
        current = Entry(agent=agents)
        current.phrases.extend(_phrase(head, substitutions))
        if plural and plural.group(1).strip():
            current.phrases.extend(_phrase(plural.group(1), substitutions))
        current.codes.extend(b for c in codes for b in [_block(c)] if b)
        entries.append(current)
    return entries


def _word_matches(pattern: str, word: str) -> bool:
    word = word.upper()
    if pattern.endswith("_"):
        return word == pattern[:-1]
    return word == pattern or (len(pattern) >= 4 and word.startswith(pattern))


def _agent_forms(pattern: str, word: str) -> bool:
    """An agent word with its regular English plurals ("soldier" -> soldiers, "authority" -> authorities)."""
    word = word.upper()
    stem = pattern.rstrip("_")
    return word in (stem, stem + "S", stem + "ES") or (stem.endswith("Y") and word == stem[:-1] + "IES") \
        or (stem.endswith("MAN") and word == stem[:-3] + "MEN")


@dataclass(frozen=True, slots=True)
class Found:
    first: int
    last: int               # inclusive token indices in the sentence
    codes: tuple[str, ...]
    agent: bool


class Tagger:
    """The test dictionaries as Dyad mentions (actor id = the dictionary's code)."""

    def __init__(self, actors: Sequence[Entry], agents: Sequence[Entry]):
        self.entries = [e for e in list(actors) + list(agents) if e.codes]
        self.by_first: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        for e in self.entries:
            for p in e.phrases:
                self.by_first.setdefault(p[0].rstrip("_")[:4], []).append((p, e))

    def _candidates(self, word: str):
        return self.by_first.get(word.upper()[:4], ())

    def find(self, tokens, day: dt.date | None) -> list[Found]:
        out: list[Found] = []
        i = 0
        while i < len(tokens):
            best = None
            for phrase, entry in self._candidates(tokens[i].text):
                n = len(phrase)
                if i + n > len(tokens):
                    continue
                same = _agent_forms if entry.agent else _word_matches
                if all(same(phrase[k], tokens[i + k].text) for k in range(n)):
                    if best is None or n > best[0]:
                        best = (n, entry)
            if best is None:
                i += 1
                continue
            n, entry = best
            code = entry.code_on(day)
            if code and code not in ("---", "+++", "###"):
                out.append(Found(i, i + n - 1, tuple(code.split("/")), entry.agent))
            i += n
        return out


def _agent_code(code: str) -> str:
    return code.replace("~", "").strip()


def mentions(tagger: Tagger, analysis, day: dt.date | None) -> tuple[Mention, ...]:
    """Dyad mentions of a record: actors, and agents joined to the country next to them."""
    out: list[Mention] = []
    for sent in analysis.sentences:
        toks = sent.tokens
        found = tagger.find(toks, day)
        actors = [f for f in found if not f.agent]
        for f in found:
            if not f.agent:
                continue
            country = _country_for(f, actors, toks)
            sector = _agent_code(f.codes[0])
            code = (country or "---") + sector
            start, end = toks[f.first].start, toks[f.last].end
            after = next((a for a in actors if a.first == f.last + 1), None)
            if after is not None and toks[after.first].pos == "PROPN":
                end = toks[after.last].end            # "Prime Minister Telemar": the agent's name
                country = country or after.codes[0][:3]
                code = country + sector
            if country:
                owner = next(a for a in actors if a.codes[0] == country)
                start = min(start, toks[owner.first].start)
                end = max(end, toks[owner.last].end)
            out.append(_mention(code, start, end, analysis.text, "AGENT"))
        covered = [(m.start, m.end) for m in out]
        for f in actors:
            start, end = toks[f.first].start, toks[f.last].end
            if any(s <= start and end <= e for s, e in covered):
                continue
            if len(f.codes) > 1:
                members = tuple(_ref(c) for c in f.codes)
                out.append(Mention(start, end, analysis.text[start:end], "LOC", actor=members[0],
                                   rule="petrarch.actor", members=members))
            else:
                out.append(_mention(f.codes[0], start, end, analysis.text, "LOC"))
    out.sort(key=lambda m: m.start)
    return tuple(out)


def _country_for(agent: Found, actors: list[Found], toks) -> str | None:
    """The actor after the agent through of/in/from ("the government of Gondor", "lawmakers in
    Fornost"), else the one right before it ("Danish media", "Ithilen's minister")."""
    for a in actors:
        gap = [t.text.lower() for t in toks[agent.last + 1:a.first]]
        if a.first > agent.last and gap and gap[0] in ("of", "in", "from") and len(gap) <= 2:
            return a.codes[0]
    for a in reversed(actors):
        gap = toks[a.last + 1:agent.first]
        if a.last < agent.first and len(gap) <= 4 and all(
                t.text in ("'s", "’s", "'") or t.pos in ("ADJ", "NOUN", "PROPN", "DET", "CCONJ") for t in gap):
            return a.codes[0]
    return None


def _ref(code: str) -> ActorRef:
    country = code[:3] if len(code) >= 3 else code
    return ActorRef(id=code, name=code, kind="country" if len(code) == 3 else "organization",
                    country=country, code=code, rule="petrarch.actor", confidence=1.0)


def _mention(code: str, start: int, end: int, text: str, type_: str) -> Mention:
    return Mention(start, end, text[start:end], type_, actor=_ref(code), rule="petrarch.actor")


# --- the run -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Outcome:
    id: str
    category: str
    expected: frozenset
    coded: frozenset
    noevents: bool

    @property
    def right(self) -> bool:
        return self.coded == self.expected


def _pairs(events) -> frozenset:
    out = set()
    for e in events:
        sources = e.sources or (None,)
        targets = e.targets or (None,)
        for s in sources:
            for t in targets:
                out.add((s.code if s else "---", t.code if t else "---", e.cameo))
    return frozenset(out)


def run(directory: Path, limit: int | None = None) -> list[Outcome]:
    from ..code.dedupe import merge_mentions
    from ..lang import get_language
    from ..lang.en import events as en_events
    from ..lang.en.lexicon import lexicon_from_petrarch
    dicts = directory / "dictionaries"
    tagger = Tagger(read_dictionary(dicts / "PETR.Validate.actors.txt"),
                    read_dictionary(dicts / "PETR.Validate.agents.txt", agents=True))
    match = lexicon_from_petrarch(dicts / "PETR.Validate.verbs.txt")
    english = get_language("en")
    records = [json.loads(line) for line in (directory / "records.jsonl").read_text().splitlines() if line.strip()]
    records = [r for r in records if r.get("evaluate", True)][:limit]
    analyses = english.analyse_many([r["text"] for r in records])
    out = []
    for r, analysis in zip(records, analyses):
        day = dt.date.fromisoformat(r["date"]) if r.get("date") else None
        doc = Document(r["id"], r["text"], r.get("date"), lang="en")
        found = mentions(tagger, analysis, day)
        decisions = en_events.decide(doc, analysis, found, match=match)
        coded = _pairs(merge_mentions([d.event for d in decisions if d.event and not d.event.negated]))
        expected = frozenset((e["source"], e["target"], e["code"]) for e in r["expected"]) \
            if not r.get("noevents") else frozenset()
        out.append(Outcome(r["id"], r.get("category", ""), expected, coded, bool(r.get("noevents"))))
    return out


def summary(outcomes: Iterable[Outcome]) -> dict:
    outcomes = list(outcomes)
    right = sum(o.right for o in outcomes)
    tp = sum(len(o.coded & o.expected) for o in outcomes)
    coded = sum(len(o.coded) for o in outcomes)
    expected = sum(len(o.expected) for o in outcomes)
    by_cat: dict[str, list[int]] = {}
    for o in outcomes:
        c = by_cat.setdefault(o.category, [0, 0])
        c[0] += o.right
        c[1] += 1
    p = tp / coded if coded else 0.0
    rc = tp / expected if expected else 0.0
    return {"records": len(outcomes), "as_expected": right,
            "share": right / len(outcomes) if outcomes else 0.0,
            "pairs_precision": p, "pairs_recall": rc,
            "pairs_f1": 2 * p * rc / (p + rc) if p + rc else 0.0, "by_category": by_cat}


def report_lines(outcomes: Sequence[Outcome], path: str) -> list[str]:
    """The quality page's section: the share coded as expected, pair scores, per category."""
    s = summary(outcomes)
    lines = [
        f"PETRARCH-2's unit-test records (`{path}`, MIT): {s['records']} English sentences with the "
        "events PETRARCH-2 must code, on fictional actors defined by the records' own dictionaries, "
        "which the run uses instead of Dyad's knowledge base (and the records' verb dictionary "
        "instead of the CAMEO one). A record is *as expected* when Dyad's (source, target, code) "
        "pairs equal the expected ones exactly (no pair for a `noevents` record).",
        "",
        "| records | as expected | share | pairs precision | pairs recall | pairs F1 |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {s['records']} | {s['as_expected']} | {100 * s['share']:.1f}% | "
        f"{100 * s['pairs_precision']:.1f} | {100 * s['pairs_recall']:.1f} | {100 * s['pairs_f1']:.1f} |",
        "",
        "| category | records | as expected |",
        "|---|---:|---:|",
    ]
    for cat, (right, n) in sorted(s["by_category"].items()):
        lines.append(f"| {cat or '-'} | {n} | {right} |")
    return lines


def error_lines(outcomes: Sequence[Outcome], records: dict[str, str], n: int) -> list[str]:
    out = []
    for o in outcomes:
        if o.right or len(out) >= 4 * n:
            continue
        out += [f"{o.id}: {records.get(o.id, '')}",
                f"    expected {sorted(o.expected)}", f"    coded    {sorted(o.coded)}", ""]
    return out


def run_cli(path: str, errors: int = 0) -> int:
    directory = Path(path)
    if not (directory / "records.jsonl").exists():
        print(f"E300 {directory / 'records.jsonl'}: no such file", file=__import__("sys").stderr)
        return 2
    outcomes = run(directory)
    print("\n".join(report_lines(outcomes, path)))
    if errors:
        texts = {json.loads(line)["id"]: json.loads(line)["text"]
                 for line in (directory / "records.jsonl").read_text().splitlines() if line.strip()}
        print()
        print("\n".join(error_lines(outcomes, texts, errors)))
    return 0
