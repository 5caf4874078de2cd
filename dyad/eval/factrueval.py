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

Coreference: a ``.coref`` block lists the mentions (``.objects`` ids) of one entity; each becomes a
:class:`~dyad.eval.gold.GoldChain` of the scored types, in text order; a mention no block lists is
a chain of its own; of two mentions covering the same characters only the first is kept. A
mention's head (:data:`HEAD_TAGS`) is the span a coreference match must touch: the surname of a
person, the ``org_name`` of an organisation ("МИД" in "МИД России"), else its descriptor ("мэрии"
in "мэрии Москвы"), the ``loc_name`` of a place; of nested spans of that tag, the innermost
("банк" in "подконтрольный китайскому правительству банк"). The annotation has no pronouns and
no bare titles: ``job`` spans ("президент", "премьер-министром") belong to no mention, and a title is
tied to its holder only through Occupation facts naming a representative span, not each one.

The texts carry no dates. The dataset's README gives only the 2016 evaluation timetable, and the
news are older (book_100 reports a protest of June 2010), so documents are read with date None.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..types import Span
from .gold import GoldChain, GoldDoc, GoldMeeting, GoldMention, Participant, flatten

MAPPING = "Person→PER, Org→ORG, Location→LOC, LocOrg→LOCORG (a predicted LOC or ORG may match it); Project not scored"
DATE_NOTE = ("factRuEval texts have no dates (the README gives only the 2016 evaluation timetable; "
             "the news are older): documents are given date = null, and the pipeline estimates one "
             "from the text where it can (warning W104; the actors section compares both)")
TYPES = {"Person": "PER", "Org": "ORG", "Organization": "ORG", "Location": "LOC", "LocOrg": "LOCORG"}
NAME_TAGS = {"PER": {"name", "surname", "patronymic", "nickname"},
             "ORG": {"org_name", "loc_name"}, "LOC": {"org_name", "loc_name"},
             "LOCORG": {"org_name", "loc_name"}}
# the first of these tags a mention has gives its head
HEAD_TAGS = {"PER": ("surname", "name", "nickname", "patronymic", "job"),
             "ORG": ("org_name", "org_descr", "loc_name", "loc_descr", "geo_adj"),
             "LOC": ("loc_name", "loc_descr", "org_name", "org_descr", "geo_adj"),
             "LOCORG": ("loc_name", "geo_adj", "loc_descr", "org_name", "org_descr")}
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
    return GoldDoc(name, text, None, flatten(mentions), meetings, chains(mentions, coref))


def chains(mentions: list[GoldMention], coref) -> tuple[GoldChain, ...]:
    """The entities as chains of mentions in text order, in the order of their first mention;
    a mention in no ``.coref`` block is a chain alone (id ``-`` and its own id)."""
    kept: dict[frozenset[int], GoldMention] = {}
    for m in sorted(mentions, key=lambda m: (m.entity is None, _order(m))):
        kept.setdefault(m.coverage(), m)
    by_entity: dict[str, list[GoldMention]] = {}
    for m in sorted(kept.values(), key=_order):
        by_entity.setdefault(m.entity or "-" + m.id, []).append(m)
    return tuple(GoldChain(eid, tuple(ms)) for eid, ms in by_entity.items())


def _order(m: GoldMention) -> tuple[int, int, str]:
    return (m.start, -m.end, m.id)


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
    tag = next((tag for tag in HEAD_TAGS[typ] if any(t == tag for t, _ in parts)), None)
    tagged = {sp for t, sp in parts if t == tag}
    inner = {sp for sp in tagged
             if not any(o != sp and sp.start <= o.start and o.end <= sp.end for o in tagged)}
    head = tuple(sorted(inner, key=lambda s: (s.start, s.end)))
    return GoldMention(oid, typ, fragments, core, named=bool(core), head=head)


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
