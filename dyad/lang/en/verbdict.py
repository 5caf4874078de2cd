"""PETRARCH's verb pattern dictionaries (TABARI family) read and translated into trigger rows.

Two members of the family are read: PETRARCH-2's CAMEO.2.0.txt (scripts/cameo_verbs_en.py turns it
into dyad/lang/en/data/triggers.tsv) and the older KEDS-based dictionary of PETRARCH-2's unit tests
(PETR.Validate.verbs.txt, read in memory by :func:`dyad.lang.en.lexicon.lexicon_from_petrarch`).

How a dictionary is read (from CAMEO.2.0.txt's own comments and layout):

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

What the unit tests' dictionary writes differently (and is read here too):

- no ``####### SECTION #######`` lines: a ``&NAME`` line opens a synonym set anywhere, a ``---``
  line a verb block; ``<!-- ... -->`` comments, also over several lines;
- synonym set members of several words written with spaces (``+AUSTRIAN FLORIN``), members that
  are other sets (``+&TIETYPES``), sets named with a trailing ``_`` (``&PREPOSIT1_``) and used
  without it (``&PREPOSIT1``);
- ``_`` gluing a pattern's words to the verb or to a slot (``IN_*``, ``*_OUT``, ``SUGGESTED_+ *``,
  ``NEW_&TIETYPES_RELATIONS``): read as separate tokens, the glued words as one phrase;
- verbs of several words written with a space (``LASH OUT``) or with the verb marked inside
  (``WIRE_+TAP``: the verb is TAP, WIRE stands before it); a block header with a label of several
  words (``--- LASH OUT [122] ---``) or two codes (the first counts);
- test-only codes (``[903]``, ``[1717]``, ``[174K]``) besides marks (``[---]``, ``[+++]``,
  ``[025?]``, ``[def]``) that are no code.

A line that cannot be read is skipped (and counted in the stats), never an error. Which codes are
kept is the caller's choice (:func:`build_rows`'s ``allowed``): triggers.tsv keeps only standard
CAMEO (dyad/data/cameo.tsv), the unit tests keep every code-like code. One row per (verb lemma,
pattern), the first occurrence winning; the bare verb (pattern ``*``) is a row when its default
code is kept.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Container, Mapping

CAMEO_TSV = Path(__file__).resolve().parents[2] / "data" / "cameo.tsv"
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
CODE = re.compile(r"^\d{3,4}[A-Za-z]?$")      # 042, 0256, and the unit tests' 174K
SLOTS = frozenset("*+$%^")
HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


@dataclass(frozen=True, slots=True)
class Verb:
    lemma: str                   # lowercase, words joined by spaces
    forms: tuple[str, ...]       # the dictionary's other forms of it, lowercase
    code: str                    # its default code (own, else the block's), as written
    before: tuple[str, ...] = () # words written before the verb (WIRE_+TAP: "wire")


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
class Dictionary:
    synsets: Mapping[str, tuple[str, ...]]   # "&NAME" -> members as written ("DISPLACED_PERSON")
    blocks: tuple[Block, ...]
    unreadable: tuple[str, ...] = ()         # lines skipped, as written
    sections: bool = True                    # PETRARCH-2's layout (####### SECTION ####### lines)


@dataclass(frozen=True, slots=True)
class Translation:
    before: str
    after: str
    target: str                  # "dobj", "nsubj", "conj", a preposition, or "" (not named)
    source: str


@dataclass(frozen=True, slots=True)
class Built:
    rows: tuple[tuple[str, ...], ...]        # cells in COLUMNS order
    synsets: Mapping[str, tuple[str, ...]]   # the sets the rows use: "treaty" -> ("treaty", "pact", ...)
    stats: Mapping[str, int]
    skipped: tuple[str, ...] = field(default=())   # why lines or patterns were left out


# ---- reading the dictionary --------------------------------------------------------------------

def strip_comment(line: str) -> str:
    return re.split(r"[#;]", line, maxsplit=1)[0].strip()


def licence(text: str) -> list[str]:
    """The MIT notice of the dictionary's header, from its title line to "SOFTWARE."."""
    lines = [line[1:].strip() for line in text.splitlines() if line.startswith("#")]
    start = lines.index("The MIT License (MIT)")
    end = next(n for n in range(start, len(lines)) if lines[n].endswith("THE SOFTWARE."))
    return lines[start:end + 1]


def strip_html_comments(text: str) -> str:
    """``<!-- ... -->`` removed, the line breaks inside kept (so line numbers stay)."""
    return HTML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def read(text: str) -> Dictionary:
    """The dictionary's synonym sets and verb blocks; unreadable lines listed, not raised."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    unreadable: list[str] = []
    mode: str | None = None          # "synsets" | "verbs" | "other" (a section not read)
    sections = False
    current: str | None = None
    label = code = ""
    verbs: list[Verb] = []
    patterns: list[Pattern] = []

    def close() -> None:
        if label:
            blocks.append(Block(label, tuple(verbs), tuple(patterns)))

    for raw in strip_html_comments(text).splitlines():
        line = raw.rstrip()
        if line.startswith("#######"):
            mode = "synsets" if "SYNONYM" in line else "verbs" if "VERB" in line else "other"
            sections = True
            continue
        body = strip_comment(line)
        if mode == "other" or not body:
            continue
        if body.startswith("&"):
            current = body.split()[0].upper()
            synsets[current] = []
            mode = "synsets"
        elif line.startswith("---"):
            close()
            mode = "verbs"
            label, code = read_header(line)
            verbs, patterns = [], []
            if not label:
                unreadable.append(line)
        elif mode == "synsets" and not (line.startswith("-") and label):
            if body.startswith("+") and current:
                synsets[current].append("_".join(body[1:].split()))
        elif mode in ("verbs", "synsets"):       # a pattern after a set in a block: the block's
            mode = "verbs"
            if line.startswith("-"):
                m = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]", body)
                if m:
                    patterns.append(Pattern(" ".join(m.group(1).split()), m.group(2).strip()))
                else:
                    unreadable.append(line)
            elif label:
                verb = read_verb(body, code)
                if verb is None:
                    unreadable.append(line)
                else:
                    verbs.append(verb)
    close()
    return Dictionary(_resolve_synsets(synsets), tuple(blocks), tuple(unreadable), sections)


def read_dictionary(text: str) -> tuple[dict[str, tuple[str, ...]], list[Block]]:
    """(synonym sets, verb blocks): :func:`read` without the skipped lines."""
    d = read(text)
    return dict(d.synsets), list(d.blocks)


def read_header(line: str) -> tuple[str, str]:
    """(label, code) of ``---  LABEL   [code]  ---`` (a second code is ignored); ("", "") if not one."""
    m = re.match(r"^---\s+([^\[\]#]+?)\s*\[([^\]]*)\]", line)
    return (m.group(1), m.group(2).strip()) if m else ("", "")


def _resolve_synsets(raw: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """Members that are sets (``+&TIETYPES``) replaced by theirs; ``&NAME_`` also as ``&NAME``."""
    def expand(name: str, path: tuple[str, ...]) -> list[str]:
        out: list[str] = []
        for m in raw.get(name, ()):
            ref = _synset_key(m.upper(), raw) if m.startswith("&") else None
            if ref is not None and ref not in path:
                out += expand(ref, path + (ref,))
            elif not m.startswith("&"):
                out.append(m)
        return out

    synsets = {name: tuple(dict.fromkeys(expand(name, (name,)))) for name in raw}
    for name in raw:
        alias = name.rstrip("_")
        if alias != name and alias not in synsets:
            synsets[alias] = synsets[name]
    return synsets


def _synset_key(name: str, synsets: Mapping) -> str | None:
    for key in (name, name.rstrip("_"), name.rstrip("_") + "_"):
        if key in synsets:
            return key
    return None


def read_verb(body: str, block_code: str) -> Verb | None:
    """One verb line (``WORD {forms} [code]``); None if it is not one."""
    m = re.match(r"^(\+?[A-Z][A-Z_'\-+ ]*?)\s*(?:\{([^}]*)\}?)?\s*(?:\[([^\]]*)\])?\s*$", body)
    if m is None:
        return None
    before, words = _verb_words(m.group(1))
    if not words:
        return None
    forms = tuple(" ".join(_verb_words(f)[1]) for f in re.split(r"[\s,]+", m.group(2) or "")
                  if f.strip(" ,+_"))
    own = m.group(3)
    return Verb(" ".join(words), tuple(f for f in forms if f),
                own.strip() if own is not None else block_code, before)


def _verb_words(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words before the verb, the verb's words): ``+CARRY_OUT`` -> ((), (carry, out)),
    ``WIRE_+TAP`` -> ((wire,), (tap,)), ``LASH OUT`` -> ((), (lash, out))."""
    parts = [p for p in re.split(r"[_\s]+", word.strip().lower()) if p]
    mark = next((n for n, p in enumerate(parts) if p.startswith("+")), 0)
    parts = [p.strip("+") for p in parts]
    return tuple(p for p in parts[:mark] if p), tuple(p for p in parts[mark:] if p)


def base_forms(blocks: list[Block] | tuple[Block, ...]) -> dict[str, str]:
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


def alternatives(word: str, synsets: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """A pattern word's alternatives; a synonym set stays a reference (``<food>``), defined once in
    the file's header (``# synset_food: food|nutrient|...``)."""
    if word.startswith("&"):
        if word.upper() not in synsets:
            raise KeyError(word)
        return ("<" + word[1:].lower() + ">",)
    return tuple(dict.fromkeys(member(w) for w in word.split("/") if w))


def unglue(text: str, synsets: Mapping[str, tuple[str, ...]] | None = None) -> str:
    """Words glued by ``_`` to a slot as separate tokens: ``IN_*`` -> ``IN *``, ``SUGGESTED_+ *``
    -> ``SUGGESTED + *``. With ``synsets`` (the older format, where a set may stand inside a
    phrase), a set glued to words is one word of a phrase: ``NEW_&TIETYPES_RELATIONS`` ->
    ``{NEW &TIETYPES RELATIONS}``, the longest defined set name winning (``&FIGHT_OF_WORDS`` stays
    one name). Without, ``&NAME_REST`` is one name, as PETRARCH-2 reads it. Other words are left
    as written."""
    out = []
    for tok in text.split():
        parts = [p for p in tok.split("_") if p]
        if "_" not in tok or tok.startswith(("{", "(")) or tok.endswith(("}", ")")) or \
                not any(p in SLOTS or (synsets is not None and p.startswith("&")) for p in parts):
            out.append(tok)
            continue
        units: list[str] = []
        i = 0
        while i < len(parts):
            if not parts[i].startswith("&"):
                units.append(parts[i])
                i += 1
                continue
            stop = next((k for k in range(i + 1, len(parts)) if parts[k] in SLOTS), len(parts))
            j = stop
            if synsets is not None:
                j = next((j for j in range(stop, i, -1)
                          if _synset_key("_".join(parts[i:j]).upper(), synsets)), stop)
            units.append("_".join(parts[i:j]))
            i = j
        run: list[str] = []
        for unit in units + ["*"]:          # a final slot closes the last run (then dropped)
            if unit in SLOTS:
                if len(run) > 1 and any(w.startswith("&") for w in run):
                    out.append("{" + " ".join(run) + "}")
                elif run:
                    out.append("_".join(run))
                run = []
                out.append(unit)
            else:
                run.append(unit)
        out.pop()
    return " ".join(out)


def tokens(text: str) -> list[str]:
    return re.findall(r"\{[^}]*\}?|\(|\)|[^\s(){}]+", text)


def translate(text: str, synsets: Mapping[str, tuple[str, ...]], phrase_sets: bool = False) -> Translation:
    """Pre- and post-verb items (alternatives joined by |, consecutive words by _; a preposition
    whose object is the target marked with a trailing +, the source's with $), and the slots.
    ``phrase_sets``: a set glued to words is part of a phrase (the older format, :func:`unglue`)."""
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

    for tok in tokens(unglue(text, synsets if phrase_sets else None)):
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
    """(forward, back): each a code-looking code (3 or 4 digits, a test code's letter) or ""."""
    forward, _, back = code.partition(":")
    return (forward if CODE.match(forward) else "", back if CODE.match(back) else "")


def standard_codes(path: Path = CAMEO_TSV) -> frozenset[str]:
    from dyad.tables import read_table
    return frozenset(r["code"] for r in read_table(path).rows)


# ---- building rows -----------------------------------------------------------------------------

def build_rows(text: str, allowed: Container[str] | None = None) -> Built:
    """The trigger rows of a dictionary's text, in COLUMNS order. ``allowed``: the codes kept
    (dyad/data/cameo.tsv's for triggers.tsv); None keeps every code-looking code."""
    d = read(text)
    synsets = d.synsets
    bases = base_forms(d.blocks)
    seen: set[tuple[str, str, str, str, str]] = set()
    rows: list[tuple[str, ...]] = []
    skipped = [f"unreadable line: {line.strip()}" for line in d.unreadable]
    stats = {"blocks": len(d.blocks), "verbs": 0, "patterns": 0, "dropped_code": 0, "duplicates": 0,
             "unknown_synset": 0}
    per_code: dict[str, int] = {}
    lemmas: set[str] = set()

    def keep(code: str) -> tuple[str, str] | None:
        fwd, back = codes(code)
        if allowed is not None:
            fwd = fwd if fwd in allowed else ""
            back = back if back in allowed else ""
        return (fwd, back) if fwd or back else None

    for block in d.blocks:
        stats["patterns"] += len(block.patterns)
        translated = []
        for p in block.patterns:
            try:
                translated.append((p, translate(p.text, synsets, phrase_sets=not d.sections)))
            except KeyError as e:
                stats["unknown_synset"] += 1        # &FIGHT_GAMES and the like: never defined
                skipped.append(f"skipped, undefined synonym set {e}: {block.label}: {p.text}")
            except (ValueError, IndexError) as e:
                stats["unreadable"] = stats.get("unreadable", 0) + 1
                skipped.append(f"skipped, unreadable pattern ({e}): {block.label}: {p.text}")
        for verb in block.verbs:
            lemma = verb_lemma(verb, bases)
            lemmas.add(lemma)
            forms = " ".join(f for f in dict.fromkeys(f.split()[0] for f in verb.forms)
                             if f != lemma.split()[0])
            pre = " ".join(verb.before)
            items = [(Pattern("*", verb.code), Translation("", "", "", "nsubj"))] + translated
            for p, t in items:
                kept = keep(p.code)
                if kept is None:
                    stats["dropped_code"] += 1
                    continue
                before = " ".join(filter(None, (t.before, pre)))
                key = (lemma, before, t.after, t.target, t.source)
                if key in seen:
                    stats["duplicates"] += 1
                    continue
                seen.add(key)
                code = kept[0] or kept[1]
                per_code[code] = per_code.get(code, 0) + 1
                rows.append((f"en.{code}.{per_code[code]}", lemma, "VERB", kept[0], kept[1], before,
                             t.after, t.target, t.source, forms, p.text))
    stats["verbs"] = len(lemmas)
    stats["rows"] = len(rows)
    stats["pattern_rows"] = sum(1 for r in rows if r[-1] != "*")
    if d.unreadable:
        stats["unreadable_lines"] = len(d.unreadable)
    used = sorted({m for r in rows for m in re.findall(r"<([a-z0-9_]+)>", r[5] + " " + r[6])})
    sets = {name: tuple(dict.fromkeys(member(m) for m in synsets["&" + name.upper()])) for name in used}
    return Built(tuple(rows), MappingProxyType(sets), MappingProxyType(stats), tuple(skipped))


def build(text: str, allowed: Container[str] | None) -> tuple[list[str], list[tuple[str, ...]], dict[str, int]]:
    """triggers.tsv from CAMEO.2.0.txt: (header lines, rows, stats)."""
    built = build_rows(text, allowed)
    return header(text, built), list(built.rows), dict(built.stats)


def header(text: str, built: Built) -> list[str]:
    """triggers.tsv's header: version, how to read the columns, the source's MIT notice (from
    ``text``) and the synonym sets the rows use."""
    lines = [
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
    return lines + [f"# synset_{name}: " + "|".join(members) for name, members in built.synsets.items()]
