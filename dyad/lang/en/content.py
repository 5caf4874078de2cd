"""Content refinement: the more specific CAMEO code that the content words of an appeal, intent,
demand, rejection, threat, accusation or investigation imply.

"Rohan urged Gondor to release the prisoners": the trigger ``urged`` carries 020 (appeal, not
specified); its complement's lemmas (``release``, ``prisoner``) make it 0253 (appeal for release of
persons). The rows live in dyad/lang/en/data/content_codes.tsv: the root or code of the governing
trigger (a row applies to every code that starts with it), the content items (every item, ``a|b``
alternatives, must be among the lemmas, in any order) and the refined code. Only rows whose code is
narrower than the trigger's own count (020 -> 0253, 138 -> 1384; a 1312 stays 1312); of those that
apply, the one with the most items wins, then the first in the file.

The caller (:mod:`.events`) chooses the content: the xcomp verb and its object ("urged X to
release ..."), the object of the trigger's preposition ("accused X of aggression"), the object noun
phrase ("threatened sanctions").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterable

from dyad.tables import read_table

PATH = Path(__file__).resolve().parent / "data" / "content_codes.tsv"
VERSION = "content_codes.en.v1"


@dataclass(frozen=True, slots=True)
class ContentRule:
    trigger: str                           # root ("02") or code ("112") of the governing trigger
    items: tuple[frozenset[str], ...]      # each item: its alternative lemmas
    code: str                              # the refined code
    note: str
    line: int                              # its place among the table's rows, from 1

    @property
    def name(self) -> str:
        """The rule's name for explain: ``en.content.<trigger>.<line>``."""
        return f"en.content.{self.trigger}.{self.line}"


@cache
def rules() -> tuple[ContentRule, ...]:
    table = read_table(PATH)
    if table.version != VERSION:
        raise ValueError(f"{PATH.name}: version {table.version!r}, expected {VERSION!r}")
    return tuple(ContentRule(r["trigger"], tuple(frozenset(i.split("|")) for i in r["content"].split()),
                             r["code"], r["note"], n)
                 for n, r in enumerate(table.rows, 1))


def _lemmas(content: Iterable[str]) -> frozenset[str]:
    """The content lemmas, lowercase, with hyphenated words spaCy cut in three joined again
    (``cease - fire`` also as ``cease-fire``)."""
    words = [w.lower() for w in content]
    out = set(words)
    for a, dash, b in zip(words, words[1:], words[2:]):
        if dash == "-":
            out.add(f"{a}-{b}")
    return frozenset(out)


def narrower(code: str, than: str) -> bool:
    """Is ``code`` more specific than the trigger's ``than``: below a root or a root's
    not-specified code (02, 020: any 02x), or below a 3-digit code (138: 1381..1385)."""
    if code == than:
        return False
    if len(than) == 2 or (len(than) == 3 and than.endswith("0")):
        return code.startswith(than[:2])
    return code.startswith(than) and len(code) > len(than)


def match(code: str, content: Iterable[str]) -> ContentRule | None:
    """The content rule that refines ``code`` given its content lemmas, or None."""
    lemmas = _lemmas(content)
    best: ContentRule | None = None
    for rule in rules():
        if (code.startswith(rule.trigger) and narrower(rule.code, code)
                and all(item & lemmas for item in rule.items)
                and (best is None or len(rule.items) > len(best.items))):
            best = rule
    return best


def refine(code: str, content: Iterable[str]) -> str | None:
    """The more specific CAMEO code that the content lemmas of a trigger's complement imply, or
    None: ``refine("020", ["release", "prisoner"]) == "0253"``."""
    rule = match(code, content)
    return rule.code if rule is not None else None
