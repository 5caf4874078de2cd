"""factRuEval-2016: the annotated texts as :class:`~dyad.eval.gold.GoldDoc`.

A document ``book_N`` is six files: ``.txt`` the text; ``.tokens`` (not needed here: the spans
carry character offsets); ``.spans`` one typed span a line (``id tag start length first ntokens
# ...``); ``.objects`` one mention a line (``id Type span_id... # text``); ``.coref`` blank-line
separated blocks (``entity_id mention_id...`` then ``key value`` lines); ``.facts`` blank-line
separated blocks (``id Type`` then ``Role value`` lines, a value being ``objN name`` or ``spanN
text``, alternatives separated by `` | ``).

Mapping (stated in every output, see :data:`MAPPING`): Person -> PER, Org -> ORG, Location -> LOC,
LocOrg -> LOCORG (matched by a predicted LOC or ORG); Project is not scored. A mention's name is
made of its name spans (``name surname patronymic nickname`` for people, ``loc_name org_name``
otherwise, as the official scorer weighs them); descriptor spans (``org_descr``, ``job``,
``geo_adj``...) may be included in or left out of a predicted mention.

The texts carry no dates. The dataset's README gives only the 2016 evaluation timetable, and the
news are older (book_100 reports a protest of June 2010), so documents are read with date None.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..types import Span
from .gold import GoldDoc, GoldMeeting, GoldMention, Participant, flatten

MAPPING = "Person→PER, Org→ORG, Location→LOC, LocOrg→LOCORG (a predicted LOC or ORG may match it); Project not scored"
DATE_NOTE = ("factRuEval texts have no dates (the README gives only the 2016 evaluation timetable; "
             "the news are older): documents are processed with date = null")
TYPES = {"Person": "PER", "Org": "ORG", "Organization": "ORG", "Location": "LOC", "LocOrg": "LOCORG"}
NAME_TAGS = {"PER": {"name", "surname", "patronymic", "nickname"},
             "ORG": {"org_name", "loc_name"}, "LOC": {"org_name", "loc_name"},
             "LOCORG": {"org_name", "loc_name"}}
REF = re.compile(r"(obj|span)(\d+)\b\s*")


def read_dir(path: str | Path) -> list[GoldDoc]:
    """Every document under ``path``: the dataset root (only ``devset/`` is read) or a folder of
    ``book_N.*`` files. Sorted by number."""
    root = Path(path)
    if (root / "devset").is_dir():
        root = root / "devset"
    names = sorted({p.stem for p in root.glob("*.txt")}, key=_number)
    return [read_document(root, name) for name in names]


def _number(name: str) -> tuple[int, str]:
    digits = re.sub(r"\D", "", name)
    return (int(digits) if digits else 0, name)


def read_document(folder: Path, name: str) -> GoldDoc:
    base = folder / name
    text = base.with_suffix(".txt").read_bytes().decode("utf-8-sig")
    spans = read_spans(_lines(base.with_suffix(".spans")))
    objects = read_objects(_lines(base.with_suffix(".objects")))
    coref = read_coref(_lines(base.with_suffix(".coref")))
    mentions = [_mention(oid, typ, ids, spans) for oid, (typ, ids) in objects.items() if typ in TYPES]
    entity_of = {mid: eid for eid, (mids, _) in coref.items() for mid in mids}
    mentions = [m for m in mentions if m is not None]
    mentions = [_with_entity(m, entity_of.get(m.id)) for m in mentions]
    meetings = tuple(_meeting(f, coref, objects, spans)
                     for f in read_facts(_lines(base.with_suffix(".facts"))) if f[1] == "meeting")
    return GoldDoc(name, text, None, flatten(mentions), meetings)


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8-sig").splitlines() if path.exists() else []


def read_spans(lines: list[str]) -> dict[str, tuple[str, Span]]:
    """span id -> (tag, character span)."""
    out = {}
    for line in lines:
        fields = line.split("#", 1)[0].split()
        if len(fields) >= 4:
            start = int(fields[2])
            out[fields[0]] = (fields[1], Span(start, start + int(fields[3])))
    return out


def read_objects(lines: list[str]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """mention id -> (Type, span ids)."""
    out = {}
    for line in lines:
        fields = line.split("#", 1)[0].split()
        if len(fields) >= 3:
            out[fields[0]] = (fields[1], tuple(fields[2:]))
    return out


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def read_coref(lines: list[str]) -> dict[str, tuple[tuple[str, ...], dict[str, str]]]:
    """entity id -> (mention ids, attributes such as name, firstname, lastname)."""
    out = {}
    for block in _blocks(lines):
        head = block[0].split()
        attrs = {}
        for line in block[1:]:
            key, _, value = line.partition(" ")
            attrs.setdefault(key, value.strip())
        out[head[0]] = (tuple(head[1:]), attrs)
    return out


def read_facts(lines: list[str]) -> list[tuple[str, str, list[tuple[str, list[tuple[str | None, str]]]]]]:
    """Facts as (id, type in lower case, [(role, [(ref or None, text), ...alternatives])])."""
    out = []
    for block in _blocks(lines):
        fid, _, ftype = block[0].partition(" ")
        args = []
        for line in block[1:]:
            role, _, value = line.partition(" ")
            args.append((role, _alternatives(value)))
        out.append((fid, ftype.strip(" :").lower(), args))
    return out


def _alternatives(value: str) -> list[tuple[str | None, str]]:
    """``obj1 Украина | obj2 Турецкая республика | Турция`` -> [(obj1, Украина), (obj2, Турецкая
    республика | Турция)]: a piece without a reference is another name of the previous one."""
    alts: list[tuple[str | None, str]] = []
    for piece in value.split(" | "):
        ref = REF.match(piece)
        if ref or not alts:
            alts.append((ref.group(1) + ref.group(2) if ref else None, piece[ref.end():] if ref else piece))
        else:
            prev_ref, prev_text = alts[-1]
            alts[-1] = (prev_ref, prev_text + " | " + piece)
    return alts


def _mention(oid: str, otype: str, span_ids: tuple[str, ...], spans) -> GoldMention | None:
    typ = TYPES[otype]
    parts = [spans[s] for s in span_ids if s in spans]
    if not parts:
        return None
    fragments = tuple(sorted({sp for _, sp in parts}, key=lambda s: (s.start, s.end)))
    core = tuple(sorted({sp for tag, sp in parts if tag in NAME_TAGS[typ]}, key=lambda s: (s.start, s.end)))
    return GoldMention(oid, typ, fragments, core, named=bool(core))


def _with_entity(m: GoldMention, entity: str | None) -> GoldMention:
    from dataclasses import replace
    return replace(m, entity=entity) if entity else m


def _meeting(fact, coref, objects, spans) -> GoldMeeting:
    fid, _, args = fact
    participants = []
    modality = None
    for role, alts in args:
        if role == "Модальность":
            modality = alts[0][1]
        if role != "Participant":
            continue
        names, where, entities = [], [], []
        for ref, text in alts:
            names.extend(n.strip() for n in text.split(" | ") if n.strip())
            if ref and ref.startswith("obj"):
                eid = ref[3:]
                entities.append(eid)
                mids, attrs = coref.get(eid, ((), {}))
                names.extend(v for k, v in attrs.items() if k in ("name", "lastname", "surname"))
                for mid in mids:
                    where.extend(spans[s][1] for s in objects.get(mid, ("", ()))[1] if s in spans)
        participants.append(Participant(tuple(dict.fromkeys(names)),
                                        tuple(sorted(set(where), key=lambda s: (s.start, s.end))),
                                        tuple(entities)))
    return GoldMeeting(fid, tuple(participants), modality)
