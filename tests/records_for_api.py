"""Hand-built records for the API, query and browser tests (no NLP): three documents, four events,
three facts, offsets computed from the text so they always cite the right characters; and a fourth
document whose events name one side only, with confidences below 1 (:func:`one_sided_record`)."""
from __future__ import annotations

from dyad.types import ActorRef, Document, Event, Fact, Mention, Period, Plover, Record, Span

AZE = ActorRef("AZE", "Азербайджан", "country", "AZE", "AZE")
CHN = ActorRef("CHN", "Китай", "country", "CHN", "CHN")
RUS = ActorRef("RUS", "Россия", "country", "RUS", "RUS")
TUR = ActorRef("TUR", "Турция", "country", "TUR", "TUR")
ALIYEV = ActorRef("ilham-aliyev", "Ильхам Алиев", "person", "AZE", "AZEGOV", "head_of_state")
XI = ActorRef("xi-jinping", "Си Цзиньпин", "person", "CHN", "CHNGOV", "head_of_state")
SCO = ActorRef("SCO", "Шанхайская организация сотрудничества", "igo", None, "SCO")

TEXT1 = ("В Тянцзине 31 августа прошла встреча Ильхама Алиева с Си Цзиньпином. "
         "Товарооборот Азербайджана с Китаем за первые семь месяцев года достиг 3,1 млрд долларов. "
         "В ШОС Азербайджан пока участвует как партнёр по диалогу. <script>alert('x')</script> конец.")
TEXT2 = "Азербайджан и Китай подписали соглашение о сотрудничестве в энергетике."
TEXT3 = "Россия обвинила Турцию в нарушении договорённостей."


def span(text: str, part: str, after: int = 0) -> Span:
    i = text.index(part, after)
    return Span(i, i + len(part))


def sentence(text: str, part: str) -> Span:
    i = text.index(part)
    start = text.rfind(". ", 0, i)
    start = 0 if start < 0 else start + 2
    end = text.find(".", i)
    return Span(start, len(text) if end < 0 else end + 1)


def mention(text: str, part: str, kind: str, actor: ActorRef | None) -> Mention:
    s = span(text, part)
    return Mention(s.start, s.end, part, kind, actor=actor, rule="test")


def event(text, eid, date, sources, targets, cameo, quad, gold, trigger, ptype) -> Event:
    return Event(id=eid, date=date, date_precision="day", sources=sources, targets=targets, cameo=cameo,
                 goldstein=gold, plover=Plover(ptype), location=None, trigger=span(text, trigger),
                 trigger_text=trigger, evidence=sentence(text, trigger), rule="test.rule", quad_class=quad)


def records() -> list[Record]:
    d1 = Document("doc-tianjin", TEXT1, "2025-08-31", "ru", "Алиев и Си Цзиньпин в Тянцзине")
    d2 = Document("doc-energy", TEXT2, "2025-06-10", "ru", "Соглашение об энергетике")
    d3 = Document("doc-rus-tur", TEXT3, "2024-03-02", "ru", None)
    r1 = Record(
        d1,
        mentions=(mention(TEXT1, "Ильхама Алиева", "PER", ALIYEV), mention(TEXT1, "Си Цзиньпином", "PER", XI),
                  mention(TEXT1, "Тянцзине", "LOC", None), mention(TEXT1, "Азербайджана", "LOC", AZE),
                  mention(TEXT1, "Китаем", "LOC", CHN), mention(TEXT1, "ШОС", "ORG", SCO)),
        events=(event(TEXT1, "e1", "2025-08-31", (ALIYEV, XI), (), "043", 1, 2.8, "встреча", "CONSULT"),),
        facts=(
            Fact("f1", "trade_turnover", AZE, CHN, sentence(TEXT1, "Товарооборот"), "test.trade",
                 Period("2025-01-01", "2025-07-31"), 3.1e9, "USD"),
            Fact("f2", "membership", AZE, SCO, sentence(TEXT1, "партнёр"), "test.membership",
                 attributes=(("status", "dialogue_partner"), ("state", "held"))),
        ))
    r2 = Record(
        d2,
        mentions=(mention(TEXT2, "Азербайджан", "LOC", AZE), mention(TEXT2, "Китай", "LOC", CHN)),
        events=(event(TEXT2, "e1", "2025-06-10", (AZE,), (CHN,), "057", 1, 8.0, "подписали", "AGREE"),
                event(TEXT2, "e2", "2025-06-10", (CHN,), (AZE,), "057", 1, 8.0, "подписали", "AGREE")),
        facts=(Fact("f1", "sector", AZE, CHN, sentence(TEXT2, "энергетике"), "test.sector",
                    attributes=(("sector", "energy"),)),))
    r3 = Record(
        d3,
        mentions=(mention(TEXT3, "Россия", "LOC", RUS), mention(TEXT3, "Турцию", "LOC", TUR)),
        events=(event(TEXT3, "e1", "2024-03-02", (RUS,), (TUR,), "112", 3, -2.0, "обвинила", "ACCUSE"),))
    return [r1, r2, r3]


def load(store) -> None:
    for r in records():
        store.save(r)


# --- events with one side unknown, and confidences below 1 -----------------------------------
TEXT4 = ("Его арестовали в Баку. Россия и Китай осудили санкции. Азербайджан поддержал решение. "
         "Азербайджан и Китай провели переговоры в Пекине.")


def one_sided_record() -> Record:
    """A document whose events name one side only (no source; two sources and no target, marked
    ``+notarget``; one source), beside a symmetric AZE-CHN meeting; confidences 0.35-0.9."""
    from dataclasses import replace
    d4 = Document("doc-one-sided", TEXT4, "2025-07-15", "ru", "Одна сторона")

    def ev(*args, rule: str = "test.rule", conf: float = 1.0) -> Event:
        return replace(event(TEXT4, *args), rule=rule, confidence=conf)

    return Record(
        d4,
        mentions=(mention(TEXT4, "Баку", "LOC", None), mention(TEXT4, "Россия", "LOC", RUS),
                  mention(TEXT4, "Китай", "LOC", CHN), mention(TEXT4, "Азербайджан", "LOC", AZE)),
        events=(ev("e1", "2025-07-15", (), (AZE,), "173", 4, -5.0, "арестовали", "COERCE",
                   rule="test.rule+nosource", conf=0.4),
                ev("e2", "2025-07-15", (RUS, CHN), (), "111", 3, -2.0, "осудили", "ACCUSE",
                   rule="test.rule+notarget", conf=0.4),
                ev("e3", "2025-07-15", (AZE,), (), "051", 1, 3.4, "поддержал", "SUPPORT",
                   rule="test.rule+notarget", conf=0.35),
                ev("e4", "2025-07-15", (AZE, CHN), (), "043", 1, 2.8, "переговоры", "CONSULT", conf=0.9)))


def load_one_sided(store) -> None:
    """:func:`load` and the one-sided document: eight events."""
    load(store)
    store.save(one_sided_record())


# --- events with places, over two years, and a group pseudo-actor (the analyst's tests) --------
TEXT5 = ("Президент Азербайджана принял в Баку министра иностранных дел Турции. "
         "Турция осудила заявление Азербайджана о товарообороте. "
         "Объём товарооборота вырос.")
BAKU = ("Баку", "AZE", 40.3777, 49.892)
ANKARA = ("Анкара", "TUR", 39.9334, 32.8597)
GROUP = ActorRef("group:ilham-aliyev+recep-tayyip-erdogan", "Ильхам Алиев и Реджеп Тайип Эрдоган", "group", None)


def placed_record() -> Record:
    """AZE-TUR events in two years with places (Баку, Анкара), one each way, and a group
    pseudo-actor among the mentions; an untitled document."""
    from dataclasses import replace
    from dyad.types import Location
    d5 = Document("doc-places", TEXT5, "2023-02-01", "ru", None)

    def at(e: Event, place) -> Event:
        name, country, lat, lon = place
        return replace(e, location=Location(name, country, lat, lon), confidence=0.9)

    return Record(
        d5,
        mentions=(mention(TEXT5, "Азербайджана", "LOC", AZE), mention(TEXT5, "Турции", "LOC", TUR),
                  mention(TEXT5, "Президент Азербайджана", "PER", GROUP)),
        events=(at(event(TEXT5, "e1", "2023-02-01", (AZE,), (TUR,), "042", 1, 1.9, "принял", "CONSULT"), BAKU),
                at(event(TEXT5, "e2", "2024-05-20", (TUR,), (AZE,), "111", 3, -2.0, "осудила", "ACCUSE"), ANKARA)))


def load_placed(store) -> None:
    """:func:`load` and the placed document."""
    load(store)
    store.save(placed_record())
