"""brat standoff: ``NAME.txt`` with ``NAME.ann`` beside it (NEREL, Collection5 and many others).

Only text-bound annotations are read: ``T1<TAB>TYPE START END[;START END...]<TAB>text``. A
discontinuous mention lists several fragments separated by ``;``. Relations, events, attributes
and notes (``R``, ``E``, ``A``, ``N``, ``#`` lines) are skipped. Nested mentions are kept and
flagged (see :mod:`dyad.eval.gold`).

Type mapping (:data:`TYPES`, stated in the output as :data:`MAPPING`): PER/PERSON -> PER;
ORG/ORGANIZATION/MEDIA -> ORG; LOC/LOCATION/COUNTRY/CITY/STATE_OR_PROVINCE/DISTRICT -> LOC;
LOCORG/GEOPOLIT -> LOCORG; any other type is not scored.
"""
from __future__ import annotations

from pathlib import Path

from ..types import Span
from .gold import GoldDoc, GoldMention, flatten

TYPES = {
    "PER": "PER", "PERSON": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG", "MEDIA": "ORG",
    "LOC": "LOC", "LOCATION": "LOC", "COUNTRY": "LOC", "CITY": "LOC", "STATE_OR_PROVINCE": "LOC",
    "DISTRICT": "LOC",
    "LOCORG": "LOCORG", "GEOPOLIT": "LOCORG",
}
MAPPING = ("PER/PERSON→PER; ORG/ORGANIZATION/MEDIA→ORG; LOC/LOCATION/COUNTRY/CITY/STATE_OR_PROVINCE/"
           "DISTRICT→LOC; LOCORG/GEOPOLIT→LOCORG (a predicted LOC or ORG may match it); others not scored")


class BratError(ValueError):
    pass


def read_dir(path: str | Path, date: str | None = None) -> list[GoldDoc]:
    """Every ``*.ann`` under ``path`` (recursively) with its ``.txt``, sorted by path."""
    root = Path(path)
    anns = [root] if root.is_file() else sorted(root.rglob("*.ann"))
    return [read_document(ann.with_suffix(".txt"), ann, date) for ann in anns]


def read_document(txt: Path, ann: Path, date: str | None = None) -> GoldDoc:
    text = txt.read_bytes().decode("utf-8-sig")   # offsets count every character, \r too
    lines = ann.read_text(encoding="utf-8-sig").splitlines()
    return GoldDoc(txt.stem, text, date, flatten(parse_ann(lines, text, str(ann))))


def parse_ann(lines: list[str], text: str, where: str = "<ann>") -> list[GoldMention]:
    mentions = []
    for number, line in enumerate(lines, 1):
        if not line.startswith("T"):
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            raise BratError(f"{where}:{number}: a text-bound annotation needs id, type and offsets")
        kind, _, offsets = fields[1].partition(" ")
        typ = TYPES.get(kind.upper())
        if typ is None:
            continue
        fragments = tuple(sorted(_fragments(offsets, len(text), where, number),
                                 key=lambda s: (s.start, s.end)))
        mentions.append(GoldMention(fields[0], typ, fragments))
    return mentions


def _fragments(offsets: str, size: int, where: str, number: int) -> list[Span]:
    out = []
    for piece in offsets.split(";"):
        try:
            start, end = (int(x) for x in piece.split())
        except ValueError:
            raise BratError(f"{where}:{number}: bad offsets {piece!r}") from None
        if not 0 <= start < end <= size:
            raise BratError(f"{where}:{number}: offsets {start} {end} outside the text")
        out.append(Span(start, end))
    return out
