"""Regenerate the country and territory rows of dyad/data/actors.tsv and of the aliases tables,
dyad/lang/ru/data/kb_aliases.tsv (Russian) and dyad/lang/en/data/kb_aliases.tsv (English).

English and Russian names come from pycountry (ISO 3166-1 and its Russian translation);
everything else (Russian short names, abbreviations, adjectives, demonyms, capitals used as
metonyms, English adjectives) is our own table below.

Each file keeps its hand-written rows (organisations, regions, places, initiatives) below the
MANUAL_MARK line; only the block above it is rewritten:

    .venv/bin/python scripts/build_countries.py
"""

import csv
import gettext
import io
from dataclasses import dataclass
from pathlib import Path

import pycountry

DYAD = Path(__file__).resolve().parent.parent / "dyad"
DATA = DYAD / "data"
LANGS = ("ru", "en")
MANUAL_MARK = "# === hand-written rows below; kept as is by scripts/build_countries.py ==="
STRESS = "\u0301"

ACTOR_COLUMNS = ["id", "kind", "name_en", "name_ru", "country", "code", "source"]
ALIAS_COLUMNS = ["actor_id", "lang", "alias", "type", "source"]

# Dependent territories: alpha-3 -> sovereign's alpha-3 (its own code when sovereignty is
# undetermined, or when CAMEO codes it apart: Taiwan is TWN, not China). Everything else in ISO
# 3166-1 is a country.
TERRITORIES = {
    "ABW": "NLD", "AIA": "GBR", "ALA": "FIN", "ASM": "USA", "ATA": "ATA", "ATF": "FRA",
    "BES": "NLD", "BLM": "FRA", "BMU": "GBR", "BVT": "NOR", "CCK": "AUS", "COK": "NZL",
    "CUW": "NLD", "CXR": "AUS", "CYM": "GBR", "ESH": "ESH", "FLK": "GBR", "FRO": "DNK",
    "GGY": "GBR", "GIB": "GBR", "GLP": "FRA", "GRL": "DNK", "GUF": "FRA", "GUM": "USA",
    "HKG": "CHN", "HMD": "AUS", "IMN": "GBR", "IOT": "GBR", "JEY": "GBR", "MAC": "CHN",
    "MAF": "FRA", "MNP": "USA", "MSR": "GBR", "MTQ": "FRA", "MYT": "FRA", "NCL": "FRA",
    "NFK": "AUS", "NIU": "NZL", "PCN": "GBR", "PRI": "USA", "PYF": "FRA", "REU": "FRA",
    "SGS": "GBR", "SHN": "GBR", "SJM": "NOR", "SPM": "FRA", "SXM": "NLD", "TCA": "GBR",
    "TKL": "NZL", "TWN": "TWN", "UMI": "USA", "VGB": "GBR", "VIR": "USA", "WLF": "FRA",
}

# code | ru names | ru official names | ru abbreviations | ru adjectives | ru demonyms |
# ru capitals (metonyms) | en adjectives | en names | en abbreviations
# Lists inside a field are separated by ";". The first ru name is the actor's name_ru.
TABLE = """
ABW|Аруба|||арубский||||Aruba|
AFG|Афганистан|Исламская Республика Афганистан;Исламский Эмират Афганистан||афганский|афганец|Кабул|Afghan||
AGO|Ангола|Республика Ангола||ангольский|анголец|Луанда|Angolan||
AIA|Ангилья;Ангвилла|||ангильский||||Anguilla|
ALA|Аландские острова;Аланды|||аландский||Мариехамн||Aland Islands|
ALB|Албания|Республика Албания||албанский|албанец|Тирана|Albanian||
AND|Андорра|Княжество Андорра||андоррский|андоррец|Андорра-ла-Велья|Andorran||
ARE|Эмираты;Арабские Эмираты|Объединённые Арабские Эмираты|ОАЭ|эмиратский|эмиратец|Абу-Даби|Emirati|the Emirates|UAE
ARG|Аргентина|Аргентинская Республика||аргентинский|аргентинец|Буэнос-Айрес|Argentine;Argentinian||
ARM|Армения|Республика Армения||армянский|армянин|Ереван|Armenian||
ASM|Американское Самоа;Восточное Самоа|||||Паго-Паго||American Samoa|
ATA|Антарктида;Антарктика|||антарктический||||Antarctica|
ATF|Французские Южные и Антарктические территории;Французские южные территории||||||||
ATG|Антигуа и Барбуда|||антигуанский|антигуанец|Сент-Джонс|Antiguan||
AUS|Австралия|Австралийский Союз||австралийский|австралиец|Канберра|Australian|Commonwealth of Australia|
AUT|Австрия|Австрийская Республика||австрийский|австриец|Вена|Austrian||
AZE|Азербайджан|Азербайджанская Республика;Республика Азербайджан||азербайджанский|азербайджанец|Баку|Azerbaijani|Azerbaijan Republic|
BDI|Бурунди|Республика Бурунди||бурундийский|бурундиец|Гитега|Burundian||
BEL|Бельгия|Королевство Бельгия||бельгийский|бельгиец||Belgian||
BEN|Бенин|Республика Бенин||бенинский|бенинец|Порто-Ново|Beninese||
BES|Бонайре;Синт-Эстатиус;Саба|||||||Caribbean Netherlands;Bonaire|
BFA|Буркина-Фасо|||буркинийский|буркиниец|Уагадугу|Burkinabe||
BGD|Бангладеш|Народная Республика Бангладеш||бангладешский|бангладешец|Дакка|Bangladeshi||
BGR|Болгария|Республика Болгария||болгарский|болгарин|София|Bulgarian||
BHR|Бахрейн|Королевство Бахрейн||бахрейнский|бахрейнец|Манама|Bahraini||
BHS|Багамы;Багамские Острова|Содружество Багамских Островов||багамский|багамец|Нассау|Bahamian|the Bahamas|
BIH|Босния и Герцеговина;Босния|Республика Босния и Герцеговина|БиГ|боснийский||Сараево|Bosnian||BiH
BLM|Сен-Бартелеми;Сен-Бартельми||||||||
BLR|Белоруссия;Беларусь|Республика Беларусь|РБ|белорусский|белорус|Минск|Belarusian|Belarus|
BLZ|Белиз|||белизский|белизец|Бельмопан|Belizean||
BMU|Бермуды;Бермудские острова|||бермудский||Гамильтон||Bermuda|
BOL|Боливия|Многонациональное Государство Боливия;Республика Боливия||боливийский|боливиец|Сукре;Ла-Пас|Bolivian|Bolivia|
BRA|Бразилия|Федеративная Республика Бразилия||бразильский|бразилец|Бразилиа|Brazilian||
BRB|Барбадос|||барбадосский|барбадосец|Бриджтаун|Barbadian||
BRN|Бруней|Бруней-Даруссалам;Государство Бруней-Даруссалам||брунейский|брунеец|Бандар-Сери-Бегаван|Bruneian|Brunei|
BTN|Бутан|Королевство Бутан||бутанский|бутанец|Тхимпху|Bhutanese||
BVT|Остров Буве;Буве||||||||
BWA|Ботсвана|Республика Ботсвана||ботсванский|ботсванец|Габороне|Botswanan;Motswana||
CAF|Центральноафриканская Республика|Центральноафриканская Республика|ЦАР|центральноафриканский||Банги|Central African||CAR
CAN|Канада|||канадский|канадец|Оттава|Canadian||
CCK|Кокосовые острова|||||||Cocos Islands|
CHE|Швейцария|Швейцарская Конфедерация||швейцарский|швейцарец|Берн|Swiss|Switzerland|
CHL|Чили|Республика Чили||чилийский|чилиец|Сантьяго|Chilean||
CHN|Китай;Поднебесная|Китайская Народная Республика|КНР|китайский|китаец|Пекин|Chinese|Mainland China|PRC
CIV|Кот-д'Ивуар;Кот-д’Ивуар;Берег Слоновой Кости|Республика Кот-д'Ивуар;Республика Кот-д’Ивуар||ивуарийский|ивуариец|Ямусукро|Ivorian|Ivory Coast;Cote d'Ivoire|
CMR|Камерун|Республика Камерун||камерунский|камерунец|Яунде|Cameroonian||
COD|ДР Конго|Демократическая Республика Конго|ДРК|конголезский|конголезец|Киншаса|Congolese|DR Congo;Democratic Republic of the Congo;Congo-Kinshasa|DRC
COG|Конго;Республика Конго|Республика Конго||конголезский|конголезец|Браззавиль|Congolese|Republic of the Congo;Congo-Brazzaville|
COK|Острова Кука|||||||Cook Islands|
COL|Колумбия|Республика Колумбия||колумбийский|колумбиец|Богота|Colombian||
COM|Коморы;Коморские Острова|Союз Коморских Островов||коморский|коморец|Морони|Comorian|Comoros|
CPV|Кабо-Верде;Острова Зелёного Мыса|Республика Кабо-Верде||кабовердианский|кабовердианец|Прая|Cape Verdean|Cape Verde|
CRI|Коста-Рика|Республика Коста-Рика||костариканский|костариканец|Сан-Хосе|Costa Rican||
CUB|Куба|Республика Куба||кубинский|кубинец|Гавана|Cuban||
CUW|Кюрасао||||||||
CXR|Остров Рождества||||||||
CYM|Каймановы острова||||||||
CYP|Кипр|Республика Кипр||кипрский|киприот|Никосия|Cypriot||
CZE|Чехия|Чешская Республика||чешский|чех|Прага|Czech|Czech Republic|
DEU|Германия|Федеративная Республика Германия|ФРГ|германский;немецкий|немец|Берлин|German|Federal Republic of Germany|FRG
DJI|Джибути|Республика Джибути||джибутийский|джибутиец||Djiboutian||
DMA|Доминика|Содружество Доминики||доминикский||Розо|||
DNK|Дания|Королевство Дания||датский|датчанин|Копенгаген|Danish||
DOM|Доминиканская Республика|Доминиканская Республика||доминиканский|доминиканец|Санто-Доминго|Dominican||
DZA|Алжир|Алжирская Народная Демократическая Республика||алжирский|алжирец||Algerian||
ECU|Эквадор|Республика Эквадор||эквадорский|эквадорец|Кито|Ecuadorian||
EGY|Египет|Арабская Республика Египет|АРЕ|египетский|египтянин|Каир|Egyptian||
ERI|Эритрея|Государство Эритрея||эритрейский|эритреец|Асмэра|Eritrean||
ESH|Западная Сахара|||западносахарский||||Western Sahara|
ESP|Испания|Королевство Испания||испанский|испанец|Мадрид|Spanish||
EST|Эстония|Эстонская Республика||эстонский|эстонец|Таллин|Estonian||
ETH|Эфиопия|Федеративная Демократическая Республика Эфиопия||эфиопский|эфиоп|Аддис-Абеба|Ethiopian||
FIN|Финляндия|Финляндская Республика||финляндский;финский|финн|Хельсинки|Finnish||
FJI|Фиджи|Республика Фиджи||фиджийский|фиджиец|Сува|Fijian||
FLK|Фолклендские острова;Фолкленды;Мальвинские острова;Мальвины|||фолклендский||||Falkland Islands;Falklands|
FRA|Франция|Французская Республика||французский|француз|Париж|French||
FRO|Фарерские острова;Фареры|||фарерский||||Faroe Islands|
FSM|Микронезия|Федеративные Штаты Микронезии||микронезийский|микронезиец|Паликир|Micronesian|Micronesia|
GAB|Габон|Габонская Республика||габонский|габонец|Либревиль|Gabonese||
GBR|Великобритания;Соединённое Королевство;Британия|Соединённое Королевство Великобритании и Северной Ирландии||британский|британец|Лондон|British|Britain;Great Britain|UK;U.K.
GEO|Грузия|||грузинский|грузин|Тбилиси|Georgian||
GGY|Гернси||||||||
GHA|Гана|Республика Гана||ганский|ганец|Аккра|Ghanaian||
GIB|Гибралтар|||гибралтарский||||Gibraltar|
GIN|Гвинея|Гвинейская Республика||гвинейский|гвинеец|Конакри|Guinean||
GLP|Гваделупа||||||||
GMB|Гамбия|Республика Гамбия||гамбийский|гамбиец|Банжул|Gambian|the Gambia|
GNB|Гвинея-Бисау|Республика Гвинея-Бисау||бисау-гвинейский||Бисау|Bissau-Guinean||
GNQ|Экваториальная Гвинея|Республика Экваториальная Гвинея||экваториально-гвинейский;экваториальногвинейский||Малабо|Equatoguinean;Equatorial Guinean||
GRC|Греция|Греческая Республика||греческий|грек|Афины|Greek|Hellenic Republic|
GRD|Гренада|||гренадский|гренадец|Сент-Джорджес|Grenadian||
GRL|Гренландия|||гренландский|гренландец|Нуук||Greenland|
GTM|Гватемала|Республика Гватемала||гватемальский|гватемалец||Guatemalan||
GUF|Французская Гвиана|||||Кайенна||French Guiana|
GUM|Гуам|||||||Guam|
GUY|Гайана|Кооперативная Республика Гайана;Республика Гайана||гайанский|гайанец|Джорджтаун|Guyanese||
HKG|Гонконг;Сянган|Специальный административный район Гонконг;Особый административный район Гонконг|САР Гонконг|гонконгский|||Hong Kong|Hong Kong SAR|
HMD|Остров Херд и острова Макдональд||||||||
HND|Гондурас|Республика Гондурас||гондурасский|гондурасец|Тегусигальпа|Honduran||
HRV|Хорватия|Республика Хорватия||хорватский|хорват|Загреб|Croatian||
HTI|Гаити|Республика Гаити||гаитянский|гаитянин|Порт-о-Пренс|Haitian||
HUN|Венгрия|||венгерский|венгр|Будапешт|Hungarian||
IDN|Индонезия|Республика Индонезия||индонезийский|индонезиец|Джакарта|Indonesian||
IMN|Остров Мэн||||||||
IND|Индия|Республика Индия||индийский|индиец|Нью-Дели;Дели|Indian|Bharat|
IOT|Британская территория в Индийском океане;Архипелаг Чагос;Чагос||||||||
IRL|Ирландия|Республика Ирландия||ирландский|ирландец|Дублин|Irish||
IRN|Иран|Исламская Республика Иран|ИРИ|иранский|иранец|Тегеран|Iranian|Iran|
IRQ|Ирак|Республика Ирак;Иракская Республика||иракский|иракец|Багдад|Iraqi||
ISL|Исландия|Республика Исландия||исландский|исландец|Рейкьявик|Icelandic||
ISR|Израиль|Государство Израиль||израильский|израильтянин|Иерусалим;Тель-Авив|Israeli||
ITA|Италия|Итальянская Республика||итальянский|итальянец|Рим|Italian||
JAM|Ямайка|||ямайский|ямаец|Кингстон|Jamaican||
JEY|Джерси||||||||
JOR|Иордания|Иорданское Хашимитское Королевство||иорданский|иорданец|Амман|Jordanian||
JPN|Япония|||японский|японец|Токио|Japanese||
KAZ|Казахстан|Республика Казахстан|РК|казахстанский|казахстанец|Астана;Нур-Султан|Kazakh;Kazakhstani||
KEN|Кения|Республика Кения||кенийский|кениец|Найроби|Kenyan||
KGZ|Киргизия;Кыргызстан|Кыргызская Республика;Киргизская Республика;Республика Кыргызстан|КР|киргизский;кыргызский;кыргызстанский|киргиз;кыргызстанец|Бишкек|Kyrgyz;Kyrgyzstani|Kyrgyzstan|
KHM|Камбоджа|Королевство Камбоджа||камбоджийский|камбоджиец|Пномпень|Cambodian||
KIR|Кирибати|Республика Кирибати||кирибатийский||Тарава|I-Kiribati||
KNA|Сент-Китс и Невис|Федерация Сент-Китс и Невис||сент-китсский||Бастер|Kittitian||
KOR|Южная Корея|Республика Корея||южнокорейский|южнокореец|Сеул|South Korean|South Korea;Republic of Korea|ROK
KWT|Кувейт|Государство Кувейт||кувейтский|кувейтец|Эль-Кувейт|Kuwaiti||
LAO|Лаос|Лаосская Народно-Демократическая Республика|ЛНДР|лаосский|лаосец|Вьентьян|Lao;Laotian|Laos|
LBN|Ливан|Ливанская Республика||ливанский|ливанец|Бейрут|Lebanese||
LBR|Либерия|Республика Либерия||либерийский|либериец|Монровия|Liberian||
LBY|Ливия|Государство Ливия||ливийский|ливиец|Триполи|Libyan||
LCA|Сент-Люсия|||сент-люсийский||Кастри|Saint Lucian||
LIE|Лихтенштейн|Княжество Лихтенштейн||лихтенштейнский|лихтенштейнец|Вадуц|Liechtensteiner||
LKA|Шри-Ланка|Демократическая Социалистическая Республика Шри-Ланка||шри-ланкийский;ланкийский|ланкиец|Коломбо|Sri Lankan||
LSO|Лесото|Королевство Лесото||лесотский||Масеру|Basotho||
LTU|Литва|Литовская Республика||литовский|литовец|Вильнюс|Lithuanian||
LUX|Люксембург|Великое Герцогство Люксембург||люксембургский|люксембуржец||Luxembourgish||
LVA|Латвия|Латвийская Республика||латвийский|латыш|Рига|Latvian||
MAC|Макао;Аомынь|Специальный административный район Макао;Особый административный район Макао|САР Макао|||||Macao;Macau|
MAF|Сен-Мартен|||||||Saint Martin|
MAR|Марокко|Королевство Марокко||марокканский|марокканец|Рабат|Moroccan||
MCO|Монако|Княжество Монако||монакский|монегаск||Monegasque||
MDA|Молдавия;Молдова|Республика Молдова|РМ|молдавский;молдовский|молдаванин|Кишинёв|Moldovan|Moldova|
MDG|Мадагаскар|Республика Мадагаскар||мадагаскарский;малагасийский|малагасиец|Антананариву|Malagasy||
MDV|Мальдивы;Мальдивские Острова|Мальдивская Республика||мальдивский|мальдивец|Мале|Maldivian||
MEX|Мексика|Мексиканские Соединённые Штаты||мексиканский|мексиканец|Мехико|Mexican||
MHL|Маршалловы Острова|Республика Маршалловы Острова||маршалльский||Маджуро|Marshallese||
MKD|Северная Македония;Македония|Республика Северная Македония;Республика Македония||северомакедонский;македонский|македонец|Скопье|North Macedonian;Macedonian|Macedonia|
MLI|Мали|Республика Мали||малийский|малиец|Бамако|Malian||
MLT|Мальта|Республика Мальта||мальтийский|мальтиец|Валлетта|Maltese||
MMR|Мьянма;Бирма|Республика Союз Мьянма||мьянманский;бирманский|мьянманец|Нейпьидо|Burmese|Burma|
MNE|Черногория|||черногорский|черногорец|Подгорица|Montenegrin||
MNG|Монголия|||монгольский|монгол|Улан-Батор|Mongolian||
MNP|Северные Марианские острова|Содружество Северных Марианских островов|||||Northern Mariana Islands||
MOZ|Мозамбик|Республика Мозамбик||мозамбикский|мозамбикец|Мапуту|Mozambican||
MRT|Мавритания|Исламская Республика Мавритания||мавританский|мавританец|Нуакшот|Mauritanian||
MSR|Монтсеррат||||||||
MTQ|Мартиника||||||||
MUS|Маврикий|Республика Маврикий||маврикийский|маврикиец|Порт-Луи|Mauritian||
MWI|Малави|Республика Малави||малавийский|малавиец|Лилонгве|Malawian||
MYS|Малайзия|||малайзийский|малайзиец|Куала-Лумпур;Путраджая|Malaysian||
MYT|Майотта;Майот||||||||
NAM|Намибия|Республика Намибия||намибийский|намибиец|Виндхук|Namibian||
NCL|Новая Каледония|||новокаледонский||Нумеа||New Caledonia|
NER|Нигер|Республика Нигер||нигерский|нигерец|Ниамей|Nigerien||
NFK|Остров Норфолк||||||||
NGA|Нигерия|Федеративная Республика Нигерия||нигерийский|нигериец|Абуджа|Nigerian||
NIC|Никарагуа|Республика Никарагуа||никарагуанский|никарагуанец|Манагуа|Nicaraguan||
NIU|Ниуэ||||||||
NLD|Нидерланды;Голландия|Королевство Нидерландов||нидерландский;голландский|нидерландец;голландец|Амстердам|Dutch|the Netherlands;Holland|
NOR|Норвегия|Королевство Норвегия||норвежский|норвежец|Осло|Norwegian||
NPL|Непал|Федеративная Демократическая Республика Непал||непальский|непалец|Катманду|Nepali;Nepalese||
NRU|Науру|Республика Науру||науруанский|науруанец|Ярен|Nauruan||
NZL|Новая Зеландия|||новозеландский|новозеландец|Веллингтон|||NZ
OMN|Оман|Султанат Оман||оманский|оманец|Маскат|Omani||
PAK|Пакистан|Исламская Республика Пакистан||пакистанский|пакистанец|Исламабад|Pakistani||
PAN|Панама|Республика Панама||панамский|панамец||Panamanian||
PCN|Острова Питкэрн;Питкэрн||||||||
PER|Перу|Республика Перу||перуанский|перуанец|Лима|Peruvian||
PHL|Филиппины|Республика Филиппины||филиппинский|филиппинец|Манила|Philippine;Filipino|the Philippines|
PLW|Палау|Республика Палау||палауский||Нгерулмуд|Palauan||
PNG|Папуа — Новая Гвинея;Папуа-Новая Гвинея|Независимое Государство Папуа — Новая Гвинея||папуа-новогвинейский||Порт-Морсби|Papua New Guinean||PNG
POL|Польша|Республика Польша||польский|поляк|Варшава|Polish||
PRI|Пуэрто-Рико|Содружество Пуэрто-Рико||пуэрто-риканский|пуэрториканец|Сан-Хуан|Puerto Rican||
PRK|Северная Корея|Корейская Народно-Демократическая Республика|КНДР|северокорейский|северокореец|Пхеньян|North Korean|North Korea|DPRK
PRT|Португалия|Португальская Республика||португальский|португалец|Лиссабон|Portuguese||
PRY|Парагвай|Республика Парагвай||парагвайский|парагваец|Асунсьон|Paraguayan||
PSE|Палестина|Государство Палестина||палестинский|палестинец|Рамалла|Palestinian|State of Palestine|
PYF|Французская Полинезия|||||Папеэте||French Polynesia|
QAT|Катар|Государство Катар||катарский|катарец|Доха|Qatari||
REU|Реюньон||||||||
ROU|Румыния|||румынский|румын|Бухарест|Romanian||
RUS|Россия|Российская Федерация|РФ|российский|россиянин|Москва;Кремль|Russian|Russia|RF
RWA|Руанда|Руандийская Республика;Республика Руанда||руандийский|руандиец|Кигали|Rwandan||
SAU|Саудовская Аравия|Королевство Саудовская Аравия|КСА|саудовский;саудовско-аравийский|саудовец|Эр-Рияд;Рияд|Saudi|Saudi Arabia|KSA
SDN|Судан|Республика Судан||суданский|суданец|Хартум|Sudanese||
SEN|Сенегал|Республика Сенегал||сенегальский|сенегалец|Дакар|Senegalese||
SGP|Сингапур|Республика Сингапур||сингапурский|сингапурец||Singaporean||
SGS|Южная Георгия и Южные Сандвичевы острова||||||||
SHN|Остров Святой Елены;Остров Вознесения;Тристан-да-Кунья|||||||Saint Helena|
SJM|Шпицберген и Ян-Майен;Шпицберген;Свальбард|||||||Svalbard|
SLB|Соломоновы Острова|||соломонский||Хониара|Solomon Islander||
SLE|Сьерра-Леоне|Республика Сьерра-Леоне||сьерра-леонский|сьерралеонец|Фритаун|Sierra Leonean||
SLV|Сальвадор;Эль-Сальвадор|Республика Эль-Сальвадор||сальвадорский|сальвадорец|Сан-Сальвадор|Salvadoran||
SMR|Сан-Марино|Республика Сан-Марино||сан-маринский|санмаринец||Sammarinese||
SOM|Сомали|Федеративная Республика Сомали||сомалийский|сомалиец|Могадишо|Somali||
SPM|Сен-Пьер и Микелон||||||||
SRB|Сербия|Республика Сербия||сербский|серб|Белград|Serbian||
SSD|Южный Судан|Республика Южный Судан||южносуданский|южносуданец|Джуба|South Sudanese||
STP|Сан-Томе и Принсипи|Демократическая Республика Сан-Томе и Принсипи||сан-томийский||Сан-Томе|Santomean||
SUR|Суринам|Республика Суринам||суринамский|суринамец|Парамарибо|Surinamese||
SVK|Словакия|Словацкая Республика||словацкий|словак|Братислава|Slovak||
SVN|Словения|Республика Словения||словенский|словенец|Любляна|Slovenian;Slovene||
SWE|Швеция|Королевство Швеция||шведский|швед|Стокгольм|Swedish||
SWZ|Эсватини;Свазиленд|Королевство Эсватини;Королевство Свазиленд||свазилендский;эсватинийский|свази|Мбабане|Swazi|Swaziland|
SXM|Синт-Мартен|||||||Sint Maarten|
SYC|Сейшелы;Сейшельские Острова|Республика Сейшельские Острова||сейшельский|сейшелец|Виктория|Seychellois||
SYR|Сирия|Сирийская Арабская Республика|САР|сирийский|сириец|Дамаск|Syrian|Syria|
TCA|Тёркс и Кайкос;Острова Теркс и Кайкос;Острова Туркс и Каикос||||||||
TCD|Чад|Республика Чад||чадский|чадец|Нджамена|Chadian||
TGO|Того|Тоголезская Республика||тоголезский|тоголезец|Ломе|Togolese||
THA|Таиланд;Тайланд|Королевство Таиланд||таиландский;тайский|таец|Бангкок|Thai||
TJK|Таджикистан|Республика Таджикистан|РТ|таджикский;таджикистанский|таджик;таджикистанец|Душанбе|Tajik;Tajikistani||
TKL|Токелау||||||||
TKM|Туркменистан;Туркмения|||туркменский;туркменистанский|туркмен;туркменистанец|Ашхабад|Turkmen||
TLS|Восточный Тимор;Тимор-Лешти|Демократическая Республика Тимор-Лешти;Демократическая Республика Восточный Тимор||восточнотиморский|тиморец|Дили|Timorese|East Timor|
TON|Тонга|Королевство Тонга||тонганский|тонганец|Нукуалофа|Tongan||
TTO|Тринидад и Тобаго|Республика Тринидад и Тобаго||тринидадский|тринидадец|Порт-оф-Спейн|Trinidadian||
TUN|Тунис|Тунисская Республика||тунисский|тунисец||Tunisian||
TUR|Турция|Турецкая Республика||турецкий|турок|Анкара|Turkish|Turkey;Türkiye|
TUV|Тувалу|||тувалуанский|тувалуанец|Фунафути|Tuvaluan||
TWN|Тайвань|Китайская Республика||тайваньский|тайванец|Тайбэй|Taiwanese|Taiwan;Republic of China|ROC
TZA|Танзания|Объединённая Республика Танзания||танзанийский|танзаниец|Додома|Tanzanian|Tanzania|
UGA|Уганда|Республика Уганда||угандийский|угандиец|Кампала|Ugandan||
UKR|Украина|||украинский|украинец|Киев|Ukrainian||
UMI|Внешние малые острова США||||||||
URY|Уругвай|Восточная Республика Уругвай||уругвайский|уругваец|Монтевидео|Uruguayan||
USA|Соединённые Штаты;Америка|Соединённые Штаты Америки|США|американский|американец|Вашингтон;Белый дом|American|America|US;U.S.;USA;U.S.A.
UZB|Узбекистан|Республика Узбекистан|РУз|узбекский;узбекистанский|узбек;узбекистанец|Ташкент|Uzbek;Uzbekistani||
VAT|Ватикан;Святой Престол|Государство-город Ватикан||ватиканский|||Vatican|Holy See;Vatican City|
VCT|Сент-Винсент и Гренадины|||сент-винсентский||Кингстаун|Vincentian||
VEN|Венесуэла|Боливарианская Республика Венесуэла||венесуэльский|венесуэлец|Каракас|Venezuelan|Venezuela|
VGB|Британские Виргинские острова|||||||British Virgin Islands|BVI
VIR|Американские Виргинские острова;Виргинские острова США|||||||US Virgin Islands|USVI
VNM|Вьетнам|Социалистическая Республика Вьетнам|СРВ|вьетнамский|вьетнамец|Ханой|Vietnamese|Vietnam|
VUT|Вануату|Республика Вануату||вануатский||Порт-Вила|Ni-Vanuatu||
WLF|Уоллис и Футуна;Уоллес и Футана||||||||
WSM|Самоа|Независимое Государство Самоа||самоанский|самоанец|Апиа|Samoan||
YEM|Йемен|Йеменская Республика||йеменский|йеменец|Сана|Yemeni||
ZAF|Южная Африка|Южно-Африканская Республика|ЮАР|южноафриканский|южноафриканец|Претория|South African||RSA
ZMB|Замбия|Республика Замбия||замбийский|замбиец|Лусака|Zambian||
ZWE|Зимбабве|Республика Зимбабве||зимбабвийский|зимбабвиец|Хараре|Zimbabwean||
"""

# Extra metonyms that name a government by its seat rather than by the capital.
EXTRA_METONYMS = {
    "FRA": ["Елисейский дворец"],
    "GBR": ["Даунинг-стрит"],
}


@dataclass(frozen=True, slots=True)
class Entry:
    code: str
    names: list[str]
    official: list[str]
    abbrs: list[str]
    adjectives: list[str]
    demonyms: list[str]
    capitals: list[str]
    en_adjectives: list[str]
    en_names: list[str]
    en_abbrs: list[str]


def split(field: str) -> list[str]:
    return [part.strip() for part in field.split(";") if part.strip()]


def parse_table(text: str) -> dict[str, Entry]:
    entries = {}
    for line in text.strip().splitlines():
        fields = line.split("|")
        if len(fields) != 10:
            raise ValueError(f"table line needs 10 fields: {line!r}")
        code, *rest = fields
        entries[code] = Entry(code, *(split(field) for field in rest))
    return entries


def clean(name: str) -> str:
    return name.replace(STRESS, "").strip()


def usable(name: str) -> bool:
    """ISO list names such as "Korea, Republic of" or "Virgin Islands (U.S.)" never occur in text."""
    return bool(name) and "," not in name and "(" not in name


def fold(alias: str) -> str:
    return alias.casefold().replace("ё", "е")


def country_rows() -> tuple[list[list[str]], list[list[str]]]:
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    table = parse_table(TABLE)
    actors, aliases, seen = [], [], set()

    def alias(actor_id: str, lang: str, text: str, kind: str, source: str) -> None:
        key = (actor_id, lang, fold(text))
        if usable(text) and key not in seen:
            seen.add(key)
            aliases.append([actor_id, lang, text, kind, source])

    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        code = country.alpha_3
        entry = table[code]
        name_en, name_en_source = getattr(country, "common_name", None) or country.name, "pycountry"
        if not usable(name_en):
            name_en, name_en_source = entry.en_names[0], "manual"
        sovereign = TERRITORIES.get(code, code)
        kind = "place" if code in TERRITORIES else "country"
        actors.append([code, kind, name_en, entry.names[0], sovereign, code, "pycountry"])

        for text in entry.names:
            alias(code, "ru", text, "name", "manual")
        for text in entry.official:
            alias(code, "ru", text, "official", "manual")
        for text in entry.abbrs:
            alias(code, "ru", text, "abbr", "manual")
        iso_ru = clean(ru.gettext(country.name))
        alias(code, "ru", iso_ru, "name", "pycountry")
        if hasattr(country, "official_name"):
            alias(code, "ru", clean(ru.gettext(country.official_name)), "official", "pycountry")
        for text in entry.adjectives:
            alias(code, "ru", text, "adj", "manual")
        for text in entry.demonyms:
            alias(code, "ru", text, "demonym", "manual")
        for text in entry.capitals + EXTRA_METONYMS.get(code, []):
            alias(code, "ru", text, "metonym", "manual")

        alias(code, "en", name_en, "name", name_en_source)
        alias(code, "en", country.name, "name", "pycountry")
        for text in entry.en_names:
            alias(code, "en", text, "name", "manual")
        if hasattr(country, "official_name"):
            alias(code, "en", country.official_name, "official", "pycountry")
        for text in entry.en_abbrs:
            alias(code, "en", text, "abbr", "manual")
        for text in entry.en_adjectives:
            alias(code, "en", text, "adj", "manual")
    return actors, aliases


def tsv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                        quotechar=None, escapechar=None)
    writer.writerows(rows)
    return out.getvalue()


def rewrite(path: Path, header: list[str], comment: str, rows: list[list[str]]) -> None:
    manual = ""
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if MANUAL_MARK in text:
            manual = text.split(MANUAL_MARK, 1)[1].lstrip("\n")
    generated = f"# version: 1\n# {comment}\n" + tsv([header] + rows)
    path.write_text(f"{generated}{MANUAL_MARK}\n{manual}", encoding="utf-8")


def main() -> None:
    actors, aliases = country_rows()
    rewrite(DATA / "actors.tsv", ACTOR_COLUMNS,
            "countries and territories: generated by scripts/build_countries.py", actors)
    for lang in LANGS:
        rewrite(DYAD / "lang" / lang / "data" / "kb_aliases.tsv", ALIAS_COLUMNS,
                "countries and territories: generated by scripts/build_countries.py",
                [row for row in aliases if row[1] == lang])
    print(f"{len(actors)} actors, {len(aliases)} aliases")


if __name__ == "__main__":
    main()
