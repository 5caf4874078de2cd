"""Event coding: CAMEO and PLOVER events from the trigger lexicon and the dependency parse.

For each parsed sentence: find triggers (dyad.lang.ru.lexicon), take their arguments from the
parse (dyad.code.arguments), date them (dyad.resolve.dates), decide negation and modality
(dyad.lang.ru.modality), place them, code them (dyad.code.codebook), then merge the same event told
twice (dyad.code.dedupe). Every decision, accepted or rejected, is a :class:`Decision` with the
rule that made it; `dyad explain` prints them.

Coding conventions (docs/events.md):

- ``between`` triggers (встреча, переговоры, подписали): the host, else the first-named
  participant, is the source and the others are the targets. A 040 meeting whose place lies in
  one participant's country becomes 043 (host a visit) with that participant as source; in no
  participant's country, 044 (meet at a third location).
- a cooperative event stated as an intention ("намерен посетить") is coded in CAMEO 03
  (036 intend to meet, 031 material, 032 diplomatic, 033 aid, 035 yield) with modality intent.
- a generic statement (CAMEO 01x) is dropped when the same sentence codes its content.
- an event needs a source actor, and a target for every trigger but ``subj>`` ones and those of
  the roots in UNDIRECTED_ROOTS (08 yield, 12 reject, 14 protest, 15 force posture, 17 coerce,
  18-20 violence), whose acts need no named recipient.

Regenerate the golden file after a deliberate change:
``python -m dyad.code.events --regen tests/golden/events.txt``.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Sequence

from ..lang import get_language
from ..lang.types import Analysis, Modality, Sentence
from ..resolve.dates import DateRef, find_dates
from ..types import ActorRef, Document, Event, Location, Mention, Plover, Span
from . import codebook
from .arguments import Arguments, arguments
from .context import descriptions, earlier_subjects, people_by_sentence
from .sentence_view import SentenceView
from .sides import DESCRIBED_CONFIDENCE, PERSON_NOUN_CONFIDENCE, actor_key
from .dedupe import DATE_BY_ARTICLE, merge_mentions

if TYPE_CHECKING:     # the language package's record types; the coder asks the Language
    from ..lang.ru.lexicon import TriggerMatch

CODER_ID = "code.events.v1"
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
INTENT_CONTEXT = {("06", "economic"): "0311", ("06", "military"): "0312", ("06", "legal"): "0313",
                  ("06", "intelligence"): "0314", ("07", "economic"): "0331", ("07", "military"): "0332",
                  ("07", "human_security"): "0333", ("07", "peacekeeping"): "0334"}
ECONOMIC = {"экономический", "экономика", "торговля", "торговый", "инвестиция", "инвестиционный",
            "энергетика", "энергетический", "проект", "бизнес", "товарооборот", "промышленность",
            "финансовый", "кредит", "рынок", "логистика", "транзит", "нефть", "газ", "экспорт", "импорт"}
MILITARY = {"военный", "оборона", "оборонный", "армия", "войско", "вооружение", "учение", "безопасность"}
# roots whose acts need no named recipient (a withdrawal, a veto, a protest, exercises, a strike)
# roots whose targets may be a sector named without its country ("задержали демонстрантов")
COERCIVE_ROOTS = {"11", "16", "17", "18", "19", "20"}
# roots whose nouns may name a standing relation rather than an act ("сотрудничество Казахстана и
# Китая имеет долгую историю"): in a descriptive frame they are no event
RELATION_ROOTS = {"03", "05", "06", "07"}
UNDIRECTED_ROOTS = {"08", "12", "14", "15", "17", "18", "19", "20"}
# Confidences measured on the development sets (docs/quality.md, precision per band): an event
# with one side unknown is as often right as one with both (NEREL dev), a bare repetition of an
# earlier event less so.
ONE_SIDED = 0.6             # the most confidence of an event whose source or target is unknown
ANAPHORIC = 0.6             # the most confidence of a nominal telling taken for an earlier event
ANAPHOR_WINDOW = 2          # sentences within which an actor-less nominal trigger repeats an event


@dataclass(frozen=True, slots=True)
class Decision:
    """What the coder did with one trigger match."""
    sentence: int
    match: TriggerMatch
    trigger: Span
    trigger_text: str
    evidence: Span
    event: Event | None
    reason: str                 # the rule that fired, or why the trigger was rejected
    args: Arguments | None = None
    modality: Modality | None = None
    date: DateRef | None = None


def _location(view: SentenceView, anchor: int, head: int, countries: set[str]) -> Location | None:
    """The place an event happened: a "в/на X" (locative) dependent of the anchor or trigger."""
    from ..resolve.places import best, candidates
    picks = []
    for i in dict.fromkeys((anchor, head)):
        for c in view.children[i]:
            if view.rel(c) in ("obl", "nmod") and view.case(c) in ("в", "на") \
                    and view.tokens[c].feat("Case") == "Loc" and view.cover[c] is not None:
                picks.append(view.cover[c])
    if not picks:                   # the parse attached "в Пекине" elsewhere: any locative place
        picks = [view.cover[c] for c in range(len(view.tokens)) if view.cover[c] is not None
                 and view.case(c) in ("в", "на") and view.tokens[c].feat("Case") == "Loc"
                 and (view.rel(c) == "obl" or view.cover[view.head(c)] is not None)
                 and view.cover[c].actor.kind in ("place", "country")
                 and view.tokens[c].start == view.cover[c].start]
    for m in picks:
        a = m.actor
        if a is None:
            continue
        if a.kind == "place":
            return Location(m.norm or a.name, a.country, a.lat, a.lon, a.geonames_id)
        if a.kind in ("country", "region"):
            place = best(candidates(m.text, m.norm), countries | {a.id})
            if place is not None and place.country == (a.country or a.id) and m.norm and \
                    m.norm.lower() != a.name.lower():
                return Location(m.norm, place.country, place.lat, place.lon, place.geonames_id)
            return Location(a.name, a.country or a.id)
    return None


def _country(a: ActorRef) -> str | None:
    return a.country or (a.id if a.kind == "country" else None)


def _host(code: str, sources: tuple[ActorRef, ...], targets: tuple[ActorRef, ...],
          location: Location | None) -> tuple[str, tuple, tuple, str]:
    """043 host / 044 third location for a 040 meeting with a known place."""
    if location is None or not location.country or code[:2] != "04" or code not in ("040", "046"):
        return code, sources, targets, ""
    everyone = sources + targets
    countries = {_country(a) for a in everyone} - {None}
    # an international organisation is a side with no country of its own ("Ирана и Евросоюза")
    sides = len(countries) + sum(1 for a in everyone if _country(a) is None and a.kind == "igo")
    if not countries or sides < 2:
        return code, sources, targets, ""
    hosts = tuple(a for a in everyone if _country(a) == location.country)
    if hosts:
        guests = tuple(a for a in everyone if a not in hosts)
        return ("043" if code == "040" else code), hosts, guests, "+host"
    return ("044" if code == "040" else code), sources, targets, "+third"


def _context(plover: Plover | None, lemmas: set[str], actors: Sequence[ActorRef],
             trigger_context: str | None) -> Plover | None:
    """The trigger's own context, else economic or military when the actors or the sentence's
    words say so, else the codebook's."""
    if plover is None:
        return None
    if trigger_context:
        return Plover(plover.type, plover.mode, trigger_context)
    if any((a.code or "").endswith("BUS") for a in actors) or lemmas & ECONOMIC:
        return Plover(plover.type, plover.mode, "economic")
    if lemmas & MILITARY:
        return Plover(plover.type, plover.mode, "military")
    return plover


PHRASE_RELS = {"obj", "iobj", "nmod", "amod", "xcomp"}


def _phrase_tokens(view: SentenceView, head: int, parts: Sequence[int]) -> set[int]:
    """The trigger and the subtrees of its object-like dependents (not its subject, clauses or
    circumstances: "по случаю военного парада" says nothing about what was done)."""
    out = set(parts)
    todo = [c for p in parts for c in view.children[p] if view.rel(c) in PHRASE_RELS]
    while todo:
        i = todo.pop()
        if i in out:
            continue
        out.add(i)
        todo.extend(c for c in view.children[i] if view.rel(c) not in ("acl:relcl", "parataxis", "punct"))
    return out


def _intent_code(code: str, plover: Plover | None) -> str:
    """The CAMEO 03 code of an intended cooperative act (036 for a meeting, 0311 for investing)."""
    context = plover.context if plover else None
    return INTENT_CONTEXT.get((code[:2], context), INTENT_CODES[code[:2]])


def _code_info(code: str) -> tuple[float | None, int | None]:
    for c in (code, code[:3], code[:2]):
        if codebook.is_cameo(c):
            info = codebook.cameo(c)
            return info.goldstein, info.quad_class
    return None, None


def _pick_date(dates: list[DateRef], view: SentenceView, anchor: int, head: int) -> DateRef | None:
    if not dates:
        return None
    attached = [d for d in dates if any(view.head(i) in (anchor, head) for i in range(d.first, d.last + 1))]
    pool = attached or dates
    return min(pool, key=lambda d: min(abs(d.first - head), abs(d.last - head)))


def _decide(doc: Document, k: int, sent: Sentence, view: SentenceView, match: TriggerMatch,
            text: str, content_targets: tuple[ActorRef, ...] = ()) -> Decision:
    trig = match.trigger
    toks = view.tokens
    first, last = toks[match.index_start], toks[match.index_end - 1]
    span = Span(first.start, last.end)
    ttext = text[span.start:span.end]
    head = match.head

    def reject(reason: str, args=None) -> Decision:
        return Decision(k, match, span, ttext, Span(sent.start, sent.end), None, "rejected: " + reason, args)

    if trig.pos == "VERB" and toks[head].pos in ("NOUN", "PROPN"):
        return reject("verb trigger on a noun")
    if trig.pos == "VERB" and toks[head].feat("VerbForm") == "Part" and toks[head].rel == "amod" \
            and len(match.token_indices) == 1:
        # "запрещённая в России организация", "осуждённые": a participle describing a noun
        return reject("participle describing a noun")
    args = arguments(view, head, match.token_indices, trig.args, trig.pos,
                     destination=trig.cameo.startswith("042"), sector_targets=trig.cameo[:2] in COERCIVE_ROOTS,
                     consult=trig.cameo[:2] == "04", relation=trig.cameo[:2] in RELATION_ROOTS)
    if args.rejected:
        return reject(args.rejected, args)
    if trig.cameo == "043" and len(trig.parts) == 1 and not _guest(view, args):
        # "принял участие", "приняли решение", "будут приняты санкции": hosting needs a guest, an
        # actor as the verb's object ("принял делегацию", "принимает коллегу")
        return reject("host without a guest", args)
    if any(a.rule == "args.person-noun" for a in args.sources + args.targets):
        # someone named only by what they are: as sure as that side is
        args = replace(args, confidence=min(args.confidence, PERSON_NOUN_CONFIDENCE))
    elif any(a.rule == "doc.description" for a in args.sources + args.targets):
        args = replace(args, confidence=min(args.confidence, DESCRIBED_CONFIDENCE))
    if content_targets and not args.targets:     # "принял приглашение посетить Пекин"
        keys = {actor_key(a) for a in args.sources}
        extra = tuple(a for a in content_targets if actor_key(a) not in keys)
        if extra:
            args = replace(args, targets=extra, rule=args.rule + "+content")
    if not args.sources and not args.targets:
        return reject("no source actor", args)
    # Emit, do not drop: a clear trigger with one side unknown ("его арестовали", "поддержал
    # решение") is recorded with what is known, less sure, and the rule says which side is missing.
    one_sided = ""
    if not args.sources and trig.args == "between":
        # "соглашение было подписано": a symmetric act's participants are its sides
        args = replace(args, sources=args.targets[:1], targets=args.targets[1:])
    if not args.sources:
        one_sided = "+nosource"
    elif trig.args != "subj>" and not args.targets and trig.cameo[:2] not in UNDIRECTED_ROOTS:
        one_sided = "+notarget"
    if one_sided:
        args = replace(args, rule=args.rule + one_sided, confidence=round(min(args.confidence, ONE_SIDED), 2))
    mod = _language(doc).modality_of(toks, head, args.anchor)
    article_precision = doc.date_precision or "day"
    dates = find_dates(toks, doc.date, future=mod.modality == "future", precision=article_precision)
    date = _pick_date(dates, view, args.anchor, head)
    mod = _language(doc).modality_of(toks, head, args.anchor, date, doc.date, article_precision)
    dated_by = ""
    if date is not None:
        ev_date, precision = date.date, date.precision
    elif mod.modality is None and doc.date and "nmod+told" not in args.rule:
        # (an act only told about, "к 80-летию встречи ...", happened when the text does not say)
        ev_date, precision, dated_by = doc.date, article_precision, DATE_BY_ARTICLE
    else:
        ev_date, precision = None, None
    code = trig.cameo
    rule = f"trigger:{trig.id}+{args.rule}{dated_by}"
    sources, targets = args.sources, args.targets
    countries = {c for c in (_country(a) for a in sources + targets) if c}
    location = _location(view, args.anchor, head, countries)
    code, sources, targets, how = _host(code, sources, targets, location)
    rule += how
    lemmas = {toks[i].lemma for i in _phrase_tokens(view, head, match.token_indices)}
    plover = _context(codebook.plover_for(code), lemmas, sources + targets, trig.context)
    if mod.modality == "intent" and code[:2] in INTENT_CODES:
        code, rule = _intent_code(code, plover), rule + "+intent"
        plover = _context(codebook.plover_for(code), lemmas, sources + targets, trig.context)
    goldstein, quad = _code_info(code)
    event = Event(
        id=f"ev{span.start}", date=ev_date, date_precision=precision, sources=sources,
        targets=targets, cameo=code, goldstein=goldstein, plover=plover, location=location,
        trigger=span, trigger_text=ttext, evidence=Span(sent.start, sent.end), negated=mod.negated,
        modality=mod.modality, rule=rule, confidence=args.confidence, quad_class=quad)
    return Decision(k, match, span, ttext, event.evidence, event, rule, args, mod, date)


GUEST_NOUNS = {"делегация", "миссия", "группа", "экипаж", "команда", "сборная", "правительство",
               "руководство", "кабинет", "парламент"}


def _guest(view: SentenceView, args: Arguments) -> bool:
    """A guest of a hosting verb: its object (or, passive, its subject) that names an actor by
    itself (a name, a person, a delegation), also where the parse hung the accusative elsewhere
    ("принимает в Белом доме коллегу"); "приняли обращение к премьеру" has none."""
    for k, tok in enumerate(view.tokens):
        if k == args.anchor or tok.pos not in ("NOUN", "PROPN"):
            continue
        passive_subject = view.rel(k) == "nsubj:pass" and view.head(k) == args.anchor
        accusative = (tok.feat("Case") == "Acc" or view.rel(k) == "obj" and view.head(k) == args.anchor) \
            and view.case(k) == ""
        if not (passive_subject or accusative):
            continue
        named = view.cover[k] is not None and view.cover[k].actor is not None
        if (named or tok.feat("Animacy") == "Anim" or tok.lemma in GUEST_NOUNS) and view.actors_at(k, target=True):
            return True
    return False


def _supersede_statements(decisions: list[Decision]) -> list[Decision]:
    """A generic statement (01x) gives way to the content coded in the same sentence; a bare
    statement (010) also gives way to a more specific one ("отверг обвинения, заявив, что...")."""
    coded = [d for d in decisions if d.event and d.event.cameo[:2] != "01"]
    specific = [d for d in decisions if d.event and d.event.cameo[:2] == "01" and d.event.cameo != "010"]
    if not coded and not specific:
        return decisions
    out = []
    for d in decisions:
        if d.event and d.event.cameo[:2] == "01" and (coded or d.event.cameo == "010"):
            d = replace(d, event=None, reason="rejected: statement superseded by its content")
        out.append(d)
    return out


ATTRIBUTION_CONTENT = {"obj", "ccomp", "csubj", "xcomp"}


def _attribution(view: SentenceView, d: Decision) -> Decision:
    """A postposed attribution ("..., сообщил министр", "..., сообщает агентство") names who
    told the sentence, it is not a statement of its own: a bare 010 verb after a comma, with no
    subject before it and no content of its own (no object, clause or "о ..." oblique)."""
    if d.event is None or d.event.cameo != "010" or d.match.trigger.pos != "VERB":
        return d
    head = d.match.head
    toks = view.tokens
    if head == 0 or toks[head - 1].text not in (",", "—", "–"):
        return d
    kids = view.children[head]
    if any(view.rel(c) in ATTRIBUTION_CONTENT or view.case(c) in ("о", "об") for c in kids):
        return d
    if any(view.rel(c) == "nsubj" and c < head for c in kids):
        return d
    return replace(d, event=None, reason="rejected: attribution of the sentence")


CONTENT_RELS = {"obj", "xcomp", "ccomp", "obl", "iobj", "nmod", "csubj"}


def _inside(view: SentenceView, inner: int, outer: TriggerMatch) -> bool:
    """Token ``inner`` lies in the content of trigger ``outer`` (its object, complement or
    oblique subtree, not a frame such as "в ходе встречи")."""
    i, path = inner, []
    for _ in range(len(view.tokens)):
        h = view.head(i)
        if h < 0:
            return False
        path.append(i)
        if view.rel(i) == "acl:relcl":
            return False        # "приехал в Минск, где его задержала полиция": an act of its own
        if h in outer.token_indices:
            return view.rel(i) in CONTENT_RELS and view.case(i) not in ("в ход", "во время", "после")
        i = h
    return False


def _describes(view: SentenceView, inner: int, outer: TriggerMatch) -> bool:
    """Token ``inner`` is a participle describing the object of trigger ``outer`` ("не подписали
    мирный договор, парафированный в Вашингтоне"): a past act told about the object, not a new event."""
    tok = view.tokens[inner]
    if tok.feat("VerbForm") != "Part" or view.rel(inner) not in ("acl", "amod"):
        return False
    noun = view.head(inner)
    return noun >= 0 and (noun in outer.token_indices or view.head(noun) in outer.token_indices
                          and view.rel(noun) in ("obj", "nsubj:pass"))


def _drop_contents(view: SentenceView, decisions: list[Decision]) -> list[Decision]:
    """An act named inside another trigger's content ("осудила удар", "потребовал снять
    санкции", "пригласила посетить") is what that trigger is about, not an event itself; a
    statement's (01x) content is the exception: it supersedes the statement."""
    out = []
    for d in decisions:
        outer = next((o for o in decisions if o is not d and o.match.trigger.cameo[:2] != "01"
                      and (_inside(view, d.match.head, o.match) or _describes(view, d.match.head, o.match))),
                     None)
        if outer is not None and d.event is not None:
            d = replace(d, event=None, reason=f"rejected: content of {outer.trigger_text!r}")
        out.append(d)
    return out


# An appeal, demand, rejection or threat takes its specific code from the act it is about
# ("потребовал отменить пошлины" -> 1054, "отклонил предложение о переговорах" -> 125); keys are
# the content's CAMEO code, its 3-digit parent or its root, most specific first.
APPEAL_FOR = {"04": "026", "05": "022", "06": "021", "061": "0211", "062": "0212", "063": "0213",
              "064": "0214", "07": "023", "071": "0231", "072": "0232", "073": "0233", "074": "0234",
              "08": "025", "081": "0251", "082": "0252", "084": "0253", "085": "0254", "086": "0255",
              "087": "0256"}
DEMAND_FOR = {"04": "106", "05": "102", "06": "101", "061": "1011", "062": "1012", "063": "1013",
              "064": "1014", "07": "103", "071": "1031", "072": "1032", "073": "1033", "074": "1034",
              "08": "105", "081": "1051", "082": "1052", "0831": "1041", "083": "104", "084": "1053",
              "085": "1054", "086": "1055", "087": "1056"}
REJECT_FOR = {"04": "125", "06": "121", "061": "1211", "062": "1212", "07": "122", "071": "1221",
              "072": "1222", "073": "1223", "074": "1224", "08": "124", "081": "1241", "082": "1242",
              "084": "1243", "085": "1244", "086": "1245", "087": "1246", "103": "122", "1031": "1221",
              "1032": "1222", "1033": "1223", "1034": "1224", "104": "123", "1041": "1231",
              "1042": "1232", "1043": "1233", "1044": "1234", "105": "124", "1051": "1241",
              "1052": "1242", "1053": "1243", "1054": "1244", "1055": "1245", "1056": "1246",
              "106": "125", "026": "125", "036": "125"}
THREAT_FOR = {"16": "131", "161": "1313", "166": "1313", "162": "1311", "163": "1312", "164": "134",
              "165": "135", "17": "137", "172": "132", "1721": "132", "1722": "132", "173": "132",
              "14": "133", "18": "138", "19": "138", "20": "138"}
REFINE = {"020": APPEAL_FOR, "100": DEMAND_FOR, "120": REJECT_FOR, "124": REJECT_FOR,
          "130": THREAT_FOR, "131": THREAT_FOR}


def _content_code(outer: str, inner: str) -> str | None:
    table = REFINE.get(outer)
    if not table:
        return None
    for c in (inner, inner[:3], inner[:2]):
        if c in table:
            return table[c]
    return None


def _refine_by_content(view: SentenceView, decisions: list[Decision]) -> list[Decision]:
    """Give a generic appeal, demand, rejection or threat the code its content implies."""
    out = list(decisions)
    for _ in range(2):                      # inner first: "отказался выполнить требование об освобождении"
        for n, d in enumerate(out):
            if d.event is None or d.event.cameo not in REFINE:
                continue
            inner = [o for o in out if o is not d and _inside(view, o.match.head, d.match)]
            inner.sort(key=lambda o: abs(o.match.head - d.match.head))
            for o in inner:
                code = _content_code(d.event.cameo, o.event.cameo if o.event else o.match.trigger.cameo)
                if code and code != d.event.cameo:
                    goldstein, quad = _code_info(code)
                    p = codebook.plover_for(code)
                    if p is not None and d.event.plover is not None and d.match.trigger.context:
                        p = Plover(p.type, p.mode, d.event.plover.context)
                    e = replace(d.event, cameo=code, goldstein=goldstein, quad_class=quad, plover=p,
                                rule=d.event.rule + "+content:" + code)
                    out[n] = replace(d, event=e, reason=e.rule)
                    break
    return out


def _content_targets(view: SentenceView, decisions: list[Decision], d: Decision) -> tuple[ActorRef, ...]:
    """The targets of the act named in trigger d's content."""
    inner = [o for o in decisions if o is not d and o.args and o.args.targets
             and _inside(view, o.match.head, d.match)]
    inner.sort(key=lambda o: abs(o.match.head - d.match.head))
    return inner[0].args.targets if inner else ()


def _anaphoric(d: Decision, previous: list[Decision]) -> Decision:
    """An actor-less nominal trigger ("Переговоры прошли...") right after an event of the same
    root repeats it: it becomes a mention of that event."""
    if d.match.trigger.pos != "NOUN" or not ("nearest" in d.reason or d.reason == "rejected: no source actor"):
        return d
    for p in reversed(previous):
        if p.event and d.sentence - p.sentence <= ANAPHOR_WINDOW and \
                p.event.cameo[:2] == d.match.trigger.cameo[:2] and p.sentence != d.sentence:
            e = replace(p.event, id=f"ev{d.trigger.start}", trigger=d.trigger, trigger_text=d.trigger_text,
                        evidence=d.evidence, rule=d.match.trigger.rule.replace("lexicon:", "trigger:")
                        + "+anaphor:" + p.event.id, mentions=(),
                        confidence=round(min(p.event.confidence, ANAPHORIC), 2))
            return replace(d, event=e, reason=e.rule)
    return d


def _language(doc: Document):
    """The document's language (Russian when it names none, as ``dyad explain`` texts)."""
    return get_language(doc.lang) or get_language("ru")


def decide(doc: Document, analysis: Analysis, mentions: Sequence[Mention]) -> list[Decision]:
    """Every trigger decision in the document, in text order."""
    out: list[Decision] = []
    match_triggers = _language(doc).match_triggers
    described: dict[str, tuple[int, ActorRef]] = {}
    people = people_by_sentence(analysis.sentences, mentions)
    for k, sent in enumerate(analysis.sentences):
        if not sent.tokens:
            continue
        described.update(descriptions(sent, people[k]))
        matches = match_triggers([t.lemma for t in sent.tokens])
        if not matches:
            continue
        if not sent.parsed:         # no actor named: only "Переговоры прошли..." can repeat an event
            for m in matches:
                if m.trigger.pos == "NOUN" and m.index_start <= 1:
                    first, last = sent.tokens[m.index_start], sent.tokens[m.index_end - 1]
                    d = Decision(k, m, Span(first.start, last.end), analysis.text[first.start:last.end],
                                 Span(sent.start, sent.end), None, "rejected: no source actor")
                    out.append(_anaphoric(d, out))
            continue
        view = SentenceView(sent, mentions, earlier_subjects(analysis.sentences, k, people), described)
        here = [_decide(doc, k, sent, view, m, analysis.text) for m in matches]
        here = [_decide(doc, k, sent, view, d.match, analysis.text, _content_targets(view, here, d))
                if d.args and (d.reason == "rejected: no target actor" or d.event and not d.event.targets)
                else d for d in here]
        here = _refine_by_content(view, here)
        here = [_attribution(view, d) for d in here]
        here = _supersede_statements(_drop_contents(view, here))
        for d in here:
            out.append(_anaphoric(d, out))
    return out


def code_events(doc: Document, analysis: Analysis, mentions: Sequence[Mention]) -> tuple[Event, ...]:
    """The events of one document (the pipeline's `events` stage)."""
    return merge_mentions([d.event for d in decide(doc, analysis, mentions) if d.event])
