"""Regenerate dyad/lang/en/data/triggers.tsv, the English verb triggers, from PETRARCH-2's CAMEO
verb pattern dictionary (../shared/reference/petrarch2/CAMEO.2.0.txt, MIT, Open Event Data
Alliance).

How the dictionary is read (from its own comments and layout):

- ``&NAME`` starts a synonym set; its ``+WORD`` lines are the members (``_`` joins the words of a
  multi-word member, a trailing ``_`` only forbids PETRARCH's automatic plural).
- ``---  LABEL   [code]  ---`` starts a verb block; LABEL is a name only, ``code`` the block's
  default. Every plain line after it is one verb of the block: ``WORD {irregular forms} [code]``,
  the code (if any) being that verb's own default; ``+WORD_PART`` is a multi-word verb
  (``+CARRY_OUT``), its forms in braces written the same way. Comments follow ``#`` (or ``;``).
- ``- pattern  [code]  # verbs`` lines are the block's patterns; they hold for every verb of the
  block. ``*`` is the verb, ``$`` the source, ``+`` the target, ``%`` a compound actor (both
  sides), ``^`` skips the rest of a phrase, ``{A B}`` is a phrase of consecutive words,
  ``(PREP ...)`` a prepositional phrase (``(WITH)`` alone: the target is that preposition's
  object), ``A/B`` alternatives, ``&NAME`` any member of a synonym set.
- A code ``a:b`` is a pair: ``a`` from the source to the target, ``b`` back from the target to the
  source (``VISIT [042:043]``: make a visit, host a visit); ``[:b]`` is the backward event only.

Only standard CAMEO codes are kept: 3 or 4 digits and present in dyad/data/cameo.tsv (``---`` and
marks such as ``[s]`` or ``[080!]`` are dropped). One row per (verb lemma, pattern), the first
occurrence winning; the bare verb (pattern ``*``) is a row when its default code is standard.

Run: .venv/bin/python scripts/cameo_verbs_en.py [--source PATH] [--out PATH]
"""
from __future__ import annotations

import argparse
import itertools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "reference" / "petrarch2" / "CAMEO.2.0.txt"
OUT = ROOT / "dyad" / "lang" / "en" / "data" / "triggers.tsv"
CAMEO_TSV = ROOT / "dyad" / "data" / "cameo.tsv"
VERSION = "triggers.en.v1"
COLUMNS = ("id", "lemma", "pos", "cameo", "back", "before", "after", "target", "source", "forms",
           "pattern")

PREPOSITIONS = frozenset("""about above across after against along amid among amongst around as at
before behind below beneath beside besides between beyond by despite during for from in inside into
near of off on onto out outside over past per since than through throughout to toward towards under
until upon via with within without""".split())
BE_FORMS = {"is": "be", "are": "be", "am": "be", "was": "be", "were": "be", "been": "be", "be": "be",
            "being": "be", "has": "have", "had": "have", "have": "have", "having": "have"}
# Words ending in -s that are not plural nouns (or whose lemma keeps the -s).
KEEP_S = frozenset("""always afterwards alias arms as bus campus census chaos christmas class crisis
diabetes gas has his is its less lens means news nucleus overseas perhaps politics press process
progress sometimes series species status success its this thus towards unless us various was
whereas yes headquarters congress hostilities mass bias gallows odds teargas barracks
auspices""".split())
CODE = re.compile(r"^\d{3,4}$")


@dataclass(frozen=True, slots=True)
class Verb:
    lemma: str                   # lowercase, words joined by spaces
    forms: tuple[str, ...]       # the dictionary's other forms of it, lowercase
    code: str                    # its default code (own, else the block's), as written


@dataclass(frozen=True, slots=True)
class Pattern:
    text: str                    # as written (between "- " and the code)
    code: str


@dataclass(frozen=True, slots=True)
class Block:
    label: str
    verbs: tuple[Verb, ...]
    patterns: tuple[Pattern, ...]


@dataclass(frozen=True, slots=True)
class Translation:
    before: str
    after: str
    target: str                  # "dobj", "nsubj", "conj", a preposition, or "" (not named)
    source: str


# ---- reading the dictionary --------------------------------------------------------------------

def strip_comment(line: str) -> str:
    return re.split(r"[#;]", line, maxsplit=1)[0].strip()


def licence(text: str) -> list[str]:
    """The MIT notice of the dictionary's header, from its title line to "SOFTWARE."."""
    lines = [line[1:].strip() for line in text.splitlines() if line.startswith("#")]
    start = lines.index("The MIT License (MIT)")
    end = next(n for n in range(start, len(lines)) if lines[n].endswith("THE SOFTWARE."))
    return lines[start:end + 1]


def read_dictionary(text: str) -> tuple[dict[str, tuple[str, ...]], list[Block]]:
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    section = None
    current: str | None = None
    label = code = ""
    verbs: list[Verb] = []
    patterns: list[Pattern] = []

    def close() -> None:
        if label:
            blocks.append(Block(label, tuple(verbs), tuple(patterns)))

    for raw in text.splitlines():
        line = raw.rstrip()
        if line.startswith("#######"):
            section = "synsets" if "SYNONYM" in line else "verbs" if "VERB" in line else "other"
            continue
        if section == "synsets":
            body = strip_comment(line)
            if body.startswith("&"):
                current = body.split()[0].upper()
                synsets[current] = []
            elif body.startswith("+") and current:
                synsets[current].append(body[1:].split()[0])
        elif section == "verbs":
            if line.startswith("---"):
                close()
                m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
                label, code = (m.group(1), m.group(2).strip()) if m else ("", "")
                verbs, patterns = [], []
            elif line.startswith("-"):
                m = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]", strip_comment(line))
                if m:
                    patterns.append(Pattern(" ".join(m.group(1).split()), m.group(2).strip()))
            elif strip_comment(line) and label:
                verbs.append(read_verb(strip_comment(line), code))
    close()
    return {k: tuple(v) for k, v in synsets.items()}, blocks


def read_verb(body: str, block_code: str) -> Verb:
    m = re.match(r"^(\+?[A-Z][A-Z_'\-]*)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?", body)
    if m is None:
        raise ValueError(f"unreadable verb line: {body!r}")
    word, forms, own = m.group(1), m.group(2) or "", m.group(3)
    lemma = word.lstrip("+").lower().replace("_", " ")
    return Verb(lemma, tuple(f.lstrip("+").lower().replace("_", " ")
                             for f in re.split(r"[\s,]+", forms) if f.strip(" ,")),
                own.strip() if own is not None else block_code)


def base_forms(blocks: list[Block]) -> dict[str, str]:
    """Inflected form -> base, for the first word of multi-word verbs written inflected
    (``+ANGERED_BY``, ``+SHOT_AND``): the listed forms plus the regular ones of every base."""
    bases = {v.lemma for b in blocks for v in b.verbs if " " not in v.lemma}
    out: dict[str, str] = {}
    for b in blocks:
        for v in b.verbs:
            head = v.lemma.split()[0]
            for f in v.forms:
                out.setdefault(f.split()[0], head)
    for base in sorted(bases):
        regular = [base + "s", base + "ed", base + "ing", base + "d", base + "es",
                   base + base[-1] + "ed", base + base[-1] + "ing"]
        if base.endswith("e"):
            regular.append(base[:-1] + "ing")
        if base.endswith("y"):
            regular += [base[:-1] + "ied", base[:-1] + "ies"]
        for f in regular:
            out.setdefault(f, base)
    for form, base in BE_FORMS.items():
        out[form] = base
    for base in bases:
        out[base] = base
    return out


def verb_lemma(verb: Verb, bases: dict[str, str]) -> str:
    words = verb.lemma.split()
    if len(words) > 1 or words[0] in BE_FORMS:
        words[0] = bases.get(words[0], words[0])
        words[2::2] = [bases.get(w, w) if words[1] in ("and", "or") else w for w in words[2::2]]
    return " ".join(words)


# ---- translating a pattern ---------------------------------------------------------------------

def word_lemma(word: str) -> str:
    """A pattern word as a lemma: lowercase; a regular plural -s dropped (TALKS -> talk)."""
    w = word.lower().rstrip("_")
    if w in KEEP_S or len(w) < 4 or not w.endswith("s") or w.endswith(("ss", "us", "is", "'s")):
        return w
    if w.endswith(("ives", "lves")):
        return w                         # knives, lives: no rule finds the -f(e)
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    return w[:-1]


def member(word: str) -> str:
    """A dictionary word (``DISPLACED_PERSON``, ``CEASE-FIRE``) as consecutive lemmas joined by _."""
    parts = [p.lower() for p in word.strip("_").split("_") if p]
    return "_".join(parts[:-1] + [word_lemma(parts[-1])]) if parts else ""


def alternatives(word: str, synsets: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """A pattern word's alternatives; a synonym set stays a reference (``<food>``), defined once in
    the file's header (``# synset_food: food|nutrient|...``)."""
    if word.startswith("&"):
        if word.upper() not in synsets:
            raise KeyError(word)
        return ("<" + word[1:].lower() + ">",)
    return tuple(dict.fromkeys(member(w) for w in word.split("/") if w))


def tokens(text: str) -> list[str]:
    return re.findall(r"\{[^}]*\}?|\(|\)|[^\s(){}]+", text)


def translate(text: str, synsets: dict[str, tuple[str, ...]]) -> Translation:
    """Pre- and post-verb items (alternatives joined by |, consecutive words by _; a preposition
    whose object is the target marked with a trailing +, the source's with $), and the slots."""
    before: list[str] = []
    after: list[str] = []
    target = source = ""
    side = before
    in_pp = False
    pp_start = -1
    pp_tokens = 0                       # tokens inside the open parenthesis so far
    last_prep: int | None = None        # index in `side` of the latest preposition item
    prev = ""                           # what came last: "verb", "prep", "word", "skip"

    def slot(kind: str) -> str:
        if side is before:
            return "nsubj"
        if prev == "verb":
            return "dobj"
        if last_prep is not None and prev in ("prep", "skip"):
            return side[last_prep].split("|")[0]
        return "dobj"

    def mark(kind: str) -> None:
        if side is after and last_prep is not None and prev in ("prep", "skip"):
            side[last_prep] = "|".join(a + kind for a in side[last_prep].split("|"))

    for tok in tokens(text):
        if tok == "*":
            side, prev, last_prep = after, "verb", None
            continue
        if tok == "(":
            in_pp, pp_start, pp_tokens = True, len(side), 0
            continue
        pp_tokens += 1
        if tok == ")":
            if in_pp and pp_tokens == 2 and len(side) == pp_start + 1 and side is after and not target:
                target = side[pp_start].split("|")[0]       # (WITH): the target is its object
                last_prep, prev = pp_start, "prep"
                mark("+")
            in_pp = False
            prev = "word" if prev != "prep" else prev
            continue
        if tok == "+":
            if not target:
                target = slot("+")
                mark("+")
            prev = "word"
            continue
        if tok == "$":
            if not source:
                source = slot("$")
                mark("$")
            prev = "word"
            continue
        if tok == "%":
            source, target, prev = "nsubj", "conj", "word"
            continue
        if tok == "^":
            prev = "skip" if prev in ("prep", "skip") else "word"
            continue
        if tok.startswith("{"):
            words = tok.strip("{}").split()
            alts = ["_".join(combo) for combo in itertools.product(*(alternatives(w, synsets) for w in words))]
            side.append("|".join(dict.fromkeys(alts)))
            prev = "word"
            continue
        item = "|".join(alternatives(tok, synsets))
        if not item:
            continue
        is_prep = all(a in PREPOSITIONS for a in item.split("|"))
        if is_prep and (not in_pp or len(side) == pp_start):
            last_prep, prev = len(side), "prep"
        else:
            prev = "word"
        side.append(item)
    if not source:
        source = "nsubj"
    return Translation(" ".join(before), " ".join(after), target, source)


def codes(code: str) -> tuple[str, str]:
    """(forward, back): each a standard-looking code or ""."""
    forward, _, back = code.partition(":")
    return (forward if CODE.match(forward) else "", back if CODE.match(back) else "")


def standard_codes() -> frozenset[str]:
    sys.path.insert(0, str(ROOT))
    from dyad.tables import read_table
    return frozenset(r["code"] for r in read_table(CAMEO_TSV).rows)


# ---- writing -----------------------------------------------------------------------------------

def build(text: str, standard: frozenset[str]) -> tuple[list[str], list[tuple[str, ...]], dict[str, int]]:
    synsets, blocks = read_dictionary(text)
    bases = base_forms(blocks)
    seen: set[tuple[str, str, str, str, str]] = set()
    rows: list[tuple[str, ...]] = []
    counts = {"ids": 0}
    stats = {"blocks": len(blocks), "verbs": 0, "patterns": 0, "dropped_code": 0, "duplicates": 0,
             "unknown_synset": 0}
    per_code: dict[str, int] = {}
    lemmas: set[str] = set()

    def keep(code: str) -> tuple[str, str] | None:
        fwd, back = codes(code)
        fwd = fwd if fwd in standard else ""
        back = back if back in standard else ""
        return (fwd, back) if fwd or back else None

    for block in blocks:
        stats["patterns"] += len(block.patterns)
        translated = []
        for p in block.patterns:
            try:
                translated.append((p, translate(p.text, synsets)))
            except KeyError as e:
                stats["unknown_synset"] += 1        # &FIGHT_GAMES and the like: never defined
                print(f"skipped, undefined synonym set {e}: {block.label}: {p.text}", file=sys.stderr)
        for verb in block.verbs:
            lemma = verb_lemma(verb, bases)
            lemmas.add(lemma)
            forms = " ".join(f for f in dict.fromkeys(f.split()[0] for f in verb.forms)
                             if f != lemma.split()[0])
            items = [(Pattern("*", verb.code), Translation("", "", "", "nsubj"))] + translated
            for p, t in items:
                kept = keep(p.code)
                if kept is None:
                    stats["dropped_code"] += 1
                    continue
                key = (lemma, t.before, t.after, t.target, t.source)
                if key in seen:
                    stats["duplicates"] += 1
                    continue
                seen.add(key)
                code = kept[0] or kept[1]
                per_code[code] = per_code.get(code, 0) + 1
                rows.append((f"en.{code}.{per_code[code]}", lemma, "VERB", kept[0], kept[1], t.before,
                             t.after, t.target, t.source, forms, p.text))
    stats["verbs"] = len(lemmas)
    stats["rows"] = len(rows)
    stats["pattern_rows"] = sum(1 for r in rows if r[-1] != "*")
    header = [
        f"# version: {VERSION}",
        "# Generated from PETRARCH-2's CAMEO.2.0.txt (CAMEO verb pattern dictionary, Open Event Data "
        "Alliance) by scripts/cameo_verbs_en.py; do not edit by hand, rerun the script.",
        "# One row per (verb lemma, pattern); a block's patterns hold for every verb of the block. "
        "Only standard CAMEO codes (dyad/data/cameo.tsv).",
        "# lemma: the verb's lemma, lowercase, multi-word verbs with spaces (carry out). "
        "pos: VERB. cameo: code from the source to the target.",
        "# back: the paired code from the target back to the source ([042:043]); a row with cameo "
        "empty has only the backward event ([:173]).",
        "# before, after: the pattern's words before/after the verb, in order, as lemmas; "
        "a|b alternatives, a_b consecutive words.",
        "# A trailing + marks the preposition whose object is the target (with+), a trailing $ "
        "the source's.",
        "# target: dobj (the pattern's + right after the verb) | nsubj (+ before the verb) | conj (the "
        "other member of a compound subject) | a preposition | empty (not named, the bare verb too: PETRARCH "
        "takes the first actor after the verb).",
        "# source: nsubj | dobj | a preposition. forms: other forms of the verb the dictionary lists. "
        "pattern: as written in the dictionary.",
        "# <name>: any member of the synonym set defined by the header line synset_name below.",
        "# Licence of the source (MIT), as in its header:",
    ] + [f"# {line}".rstrip() for line in licence(text)]
    used = sorted({m for r in rows for m in re.findall(r"<([a-z0-9_]+)>", r[5] + " " + r[6])})
    header += [f"# synset_{name}: " + "|".join(dict.fromkeys(member(m) for m in synsets["&" + name.upper()]))
               for name in used]
    return header, rows, stats


def write(out: Path, header: list[str], rows: list[tuple[str, ...]]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(header) + "\n")
        fh.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            if any("\t" in cell or "\n" in cell for cell in row):
                raise ValueError(f"tab or newline in {row}")
            fh.write("\t".join(row) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    header, rows, stats = build(args.source.read_text(encoding="utf-8"), standard_codes())
    write(args.out, header, rows)
    print(f"{args.out}: " + ", ".join(f"{k} {v}" for k, v in stats.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
