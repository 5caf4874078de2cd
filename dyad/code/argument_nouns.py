"""The word tables argument finding reads: the cases that mark a source or a target, the verbs that
only carry a nominal event, the nouns of deputies, members, kin and sectors (CAMEO agent codes),
the frames that tell an event as past or planned."""
from __future__ import annotations

ACTOR_KINDS = ("country", "person", "organization", "igo", "initiative", "group")
TARGET_CASES = {"с", "к", "против", "для", "за", "на", "по", "перед", "в", "у", "от", "над", "вокруг", "из"}
EVENTIVE_VERBS = {"состояться", "пройти", "проходить", "начаться", "начинаться", "завершиться",
                  "завершаться", "закончиться", "продлиться", "открыться", "произойти", "происходить",
                  "случиться", "стартовать", "быть", "прозвучать", "последовать", "возобновиться",
                  "состояться", "сорваться", "прерваться", "продолжиться", "продолжаться"}
SUPPORT_VERBS = {"провести", "проводить", "организовать", "начать", "начинать", "завершить",
                 "продолжить", "выразить", "выражать", "оказать", "оказывать", "нанести", "наносить",
                 "объявить", "объявлять", "ввести", "вводить", "заключить", "подписать", "устроить",
                 "совершить", "совершать", "предпринять", "осуществить", "осуществлять", "направить",
                 "предоставить", "получить", "принять", "возобновить", "инициировать", "иметь",
                 "выдвинуть", "предъявить", "вести", "наладить", "подвергнуть", "прибыть", "приехать",
                 "отправиться", "выступить", "одобрить", "поддержать", "поддерживать", "осудить",
                 "предложить", "обсудить", "пообещать", "готовить", "подготовить", "анонсировать",
                 "запланировать", "отменить", "отложить", "сорвать", "расширить", "продлить",
                 "усилить", "наращивать", "увеличить", "выделить", "обеспечить", "приветствовать",
                 "доставить", "утвердить"}
# a nominal event told as planned, moved or about its topic ("визит запланирован на май",
# "встреча будет посвящена энергетике"): the event, with the modality the clause gives
SCHEDULING_VERBS = {"запланировать", "планировать", "планироваться", "назначить", "перенести",
                    "посвятить", "ожидаться", "намечаться", "наметить", "готовиться", "предстоять"}
# modal predicates whose infinitive says the event happens ("могут пройти", "должна состояться")
MODAL_PREDICATES = {"мочь", "смочь", "должен", "должный", "собираться", "планироваться"}
# people who serve someone named after them: not that someone ("заместитель министра")
DEPUTY_NOUNS = {"заместитель", "замглавы", "замминистра", "пресс-секретарь", "помощник", "советник",
                "референт", "представитель", "спикер"}
# people named by the institution they study or work at: not the institution
MEMBER_NOUNS = {"студент", "студентка", "выпускник", "выпускница", "аспирант", "ученик", "школьник",
                "преподаватель", "профессор", "сотрудник", "сотрудница", "работник", "пациент", "клиент",
                "игрок", "футболист", "солист", "вокалист", "участник", "член", "житель", "жительница"}
FAMILY_NOUNS = {"супруга", "супруг", "жена", "муж", "сын", "дочь", "вдова", "брат", "сестра", "мать",
                "отец", "внук", "внучка", "племянник", "племянница", "зять", "невестка"}
# nouns of acts done to someone: their genitive is the patient ("арест Голунова", "убийство
# журналиста"), not the agent
PATIENT_NOUNS = {"арест", "задержание", "убийство", "похищение", "освобождение", "отставка", "увольнение",
                 "экстрадиция", "высылка", "депортация", "допрос", "обыск", "приговор", "осуждение",
                 "помилование", "назначение", "награждение", "ранение", "покушение", "отравление",
                 "обстрел", "блокирование", "блокировка", "штурм", "расстрел", "казнь", "избиение"}
PATIENT_FRAMES = {"при", "после", "во время", "в ход", "до"}
# predicates of readiness and intent whose oblique names the act ("Киев готов к переговорам с Москвой")
READY_PREDICATES = {"готовый", "готов", "намеренный", "намерен"}
# frames in which a nominal trigger reports an event that happened ("в ходе встречи")
TIME_FRAMES = {"после", "до", "накануне", "перед"}
FRAME_CASES = {"на", "после", "накануне", "перед", "до", "во время", "в ход"}
EVENT_FRAMES = {"ход", "время", "итог", "рамка", "результат", "после", "накануне", "перед", "завершение",
                "начало", "кулуары", "полях", "поле"}
SECTOR_NOUNS = {
    "компания": "BUS", "фирма": "BUS", "бизнес": "BUS", "предприятие": "BUS", "корпорация": "BUS",
    "инвестор": "BUS", "бизнесмен": "BUS", "предприниматель": "BUS", "производитель": "BUS",
    "концерн": "BUS", "холдинг": "BUS", "банк": "BUS", "деловой": "BUS",
    "правительство": "GOV", "власть": "GOV", "мид": "GOV", "министерство": "GOV", "ведомство": "GOV",
    "кабмин": "GOV", "администрация": "GOV", "посольство": "GOV", "дипломат": "GOV", "руководство": "GOV",
    "делегация": "GOV", "кабинет": "GOV", "госдепартамент": "GOV", "госдеп": "GOV",
    "армия": "MIL", "войско": "MIL", "военный": "MIL", "вооруженный": "MIL", "сила": "MIL",
    "минобороны": "MIL", "генштаб": "MIL", "флот": "MIL", "авиация": "MIL", "военнослужащий": "MIL",
    "парламент": "LEG", "депутат": "LEG", "сенат": "LEG", "конгресс": "LEG",
    "оппозиция": "OPP", "повстанец": "REB", "боевик": "REB", "сми": "MED", "журналист": "MED",
    "полиция": "COP", "спецслужба": "SPY", "разведка": "SPY", "суд": "JUD", "прокуратура": "JUD",
    # agent nouns (CAMEO agent codes as PETRARCH-2's Phoenix agents dictionary gives them)
    "полицейский": "COP", "силовик": "COP", "карабинер": "COP", "жандарм": "COP", "следователь": "COP",
    "правоохранитель": "COP", "пограничник": "COP", "спецназ": "COP", "омон": "COP",
    "протестующий": "OPP", "демонстрант": "OPP", "митингующий": "OPP", "манифестант": "OPP",
    "оппозиционер": "OPP", "террорист": "REB", "экстремист": "RAD", "преступник": "CRM", "бандит": "CRM",
    "грабитель": "CRM", "похититель": "CRM", "злоумышленник": "CRM", "нападавший": "CRM",
    "судья": "JUD", "прокурор": "JUD",
}
# participles standing for their agents, by the verb's lemma ("протестующие" -> протестовать)
PARTICIPLE_AGENTS = {"протестовать": "OPP", "митинговать": "OPP", "бастовать": "OPP", "нападать": "CRM",
                     "напасть": "CRM", "стрелять": "CRM"}
# a sector noun with no country named beside it ("полиция задержала", "протестующие
# перекрыли"): the sector itself, country unknown
UNPLACED_SECTORS = {"COP", "OPP", "MIL", "REB", "RAD", "CRM", "JUD", "SPY"}
SECTOR_NAMES = {"BUS": "business", "GOV": "government", "MIL": "military", "LEG": "legislature",
                "OPP": "opposition", "REB": "rebels", "MED": "media", "COP": "police", "SPY": "intelligence",
                "JUD": "judiciary", "RAD": "radicals", "CRM": "criminals", "EDU": "education",
                "LAB": "labour", "HLH": "health", "REF": "refugees", "CVL": "civilians"}
SECTOR_RU = {"BUS": "бизнес", "GOV": "власти", "MIL": "военные", "LEG": "парламент", "OPP": "оппозиция",
             "REB": "боевики", "MED": "СМИ", "COP": "полиция", "SPY": "спецслужбы", "JUD": "суд",
             "RAD": "радикалы", "CRM": "преступники", "EDU": "студенты", "LAB": "рабочие", "HLH": "врачи",
             "REF": "беженцы", "CVL": "мирные жители"}
TITLE_NOUNS = {"президент", "лидер", "глава", "председатель", "премьер", "премьер-министр", "министр",
               "канцлер", "король", "руководитель", "вице-президент", "госсекретарь", "посол",
               "генсек", "генеральный", "представитель", "спикер", "пресс-секретарь", "советник",
               "коллега", "визави", "собеседник", "заместитель", "замглавы", "замминистра",
               "вице-премьер", "посланник", "эмиссар"}
CLAUSE_RELS = {"acl", "acl:relcl", "advcl", "ccomp", "parataxis", "punct", "cc", "mark", "conj",
               "csubj", "xcomp", "discourse", "vocative", "dep", "orphan", "reparandum"}
TOPIC_NOUNS = {"вопрос", "тема", "проблема", "ситуация", "область", "сфера", "рамка", "формат",
               "случай", "повод", "счет", "основа"}


def sector_name(country, sector: str) -> str:
    """The one name of a country's non-state sector (CHNBUS), whatever words the text used
    ("Китай: бизнес" for "китайские компании" and "Chinese firms" alike): one id, one actor. The
    knowledge base's name of the sector (actor_roles.tsv, as the Russian resolver names it), else
    :data:`SECTOR_RU`."""
    return f"{country.name}: {_role_names().get(sector) or SECTOR_RU.get(sector, sector)}"


def _role_names() -> dict[str, str]:
    global _ROLE_NAMES
    if _ROLE_NAMES is None:
        from ..resolve.kb import load_kb
        _ROLE_NAMES = {}
        for code, _, name_ru in load_kb().sector_nouns.values():
            if name_ru and name_ru != "-":
                _ROLE_NAMES.setdefault(code, name_ru)
    return _ROLE_NAMES


_ROLE_NAMES: dict[str, str] | None = None
