"""Cyrillic to Latin: stable ASCII slugs for actors the knowledge base does not list
(:func:`slug`), and the Latin spellings a Russian-written name may have in an English source
(:func:`latin_variants`: Алиев -> aliyev, aliev...; Цзиньпин -> jinping).
"""
from __future__ import annotations

import heapq
import re
import unicodedata
from functools import lru_cache

TABLE = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
})


MAX_SLUG = 120              # longer names keep their start and a hash (ids stay addressable)


def slug(text: str) -> str:
    s = unicodedata.normalize("NFKD", text.lower().translate(TABLE))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if len(s) > MAX_SLUG:
        import hashlib
        s = s[:MAX_SLUG - 13].rstrip("-") + "-" + hashlib.sha256(s.encode()).hexdigest()[:12]
    return s or "x"


# --- spelling variants ------------------------------------------------------------------------
# Each letter's Latin spellings, likeliest first; the position of an option is its cost. Iotated
# vowels after a vowel, a sign or at the start of a word take their y- forms first (Алиев ->
# aliyev, Ельцин -> yeltsin); after a consonant the plain vowel comes first (Медведев -> medvedev).

LETTERS: dict[str, tuple[str, ...]] = {
    "а": ("a",), "б": ("b",), "в": ("v", "w"), "г": ("g", "h", "gh"), "д": ("d",),
    "е": ("e", "ye", "ie"), "ё": ("yo", "e", "o", "io", "ye", "jo"), "ж": ("zh", "j", "z", "g"),
    "з": ("z", "s"), "и": ("i", "y"), "й": ("y", "i", "", "j"), "к": ("k", "c", "q", "ck"),
    "л": ("l",), "м": ("m",), "н": ("n",), "о": ("o",), "п": ("p",), "р": ("r",),
    "с": ("s", "ss", "c"), "т": ("t",), "у": ("u", "ou", "oo"), "ф": ("f", "ph"),
    "х": ("kh", "h", "j", "ch", "x"), "ц": ("ts", "tz", "c", "z", "tc"), "ч": ("ch", "tch", "c"),
    "ш": ("sh", "s", "sch", "ch"), "щ": ("shch", "sch", "sh", "shh"), "ъ": ("",), "ы": ("y", "i", "yi"),
    "ь": ("",), "э": ("e", "a"), "ю": ("yu", "iu", "u", "ju", "you"),
    "я": ("ya", "ia", "a", "ja"),
}
IOTATED_AFTER_VOWEL = {"е": ("ye", "e", "ie"), "ю": ("yu", "iu", "u", "ju", "you"),
                       "я": ("ya", "ia", "a", "ja"), "ё": ("yo", "io", "ye", "e", "jo")}
VOWELS = set("аеёиоуыэюя")
WORD_END = {"у": ("u", "o", "ou", "oo"),     # Portuguese -o: Фернанду, Инасиу
            "о": ("o", "a")}                 # Belarusian -a: Лукашенко ~ LUKASHENKA

# Letter groups spelled as one sound; tried beside the letter-by-letter spelling.
GROUPS: dict[str, tuple[str, ...]] = {
    "дж": ("j", "dzh", "dj", "g", "c"),      # Джордж, Реджеп (Turkish c)
    "дз": ("dz", "z", "j"),                  # Синдзо, Дзюнъитиро
    "кс": ("ks", "x"),
    "кх": ("kh", "k"),
    "ий": ("iy", "y", "i", "ii", "yi", "ij"),
    "ый": ("y", "iy", "yi", "i"),
    "ай": ("ai", "ay", "aj"), "ей": ("ei", "ey", "ay", "ej"), "ой": ("oi", "oy", "oj"),
    "уй": ("ui", "uy"),
    "ья": ("ya", "ia", "iya"), "ье": ("ye", "ie", "e", "iye"), "ью": ("yu", "iu"),
    "ьи": ("yi", "i", "ii"), "ьё": ("yo", "io", "ye", "e"),
    "си": ("si", "shi"), "ти": ("ti", "chi"), "дзи": ("dzi", "ji", "zi"),     # Japanese (Polivanov)
    "сё": ("syo", "sho"), "тё": ("tyo", "cho"), "дзё": ("dzyo", "jo"),
    "сю": ("syu", "shu"), "тю": ("tyu", "chu"), "дзю": ("dzyu", "ju"), "ся": ("sya", "sha"),
    "тя": ("tya", "cha"),
    "уа": ("ua", "wa"), "уэ": ("ue", "we"), "уи": ("ui", "wi"), "уо": ("uo", "wo"),
}
MAX_GROUP = max(len(g) for g in GROUPS)


def _options(word: str, i: int) -> list[tuple[int, tuple[str, ...]]]:
    """(length, spellings) of every letter group that starts at ``word[i]``."""
    out = []
    for n in range(MAX_GROUP, 1, -1):
        group = word[i:i + n]
        if len(group) == n and group in GROUPS:
            out.append((n, GROUPS[group]))
    ch = word[i]
    prev = word[i - 1] if i else ""
    if ch in WORD_END and i == len(word) - 1 and i:
        out.append((1, WORD_END[ch]))
    elif ch in IOTATED_AFTER_VOWEL and (not prev or prev in VOWELS or prev in "ьъ"):
        out.append((1, IOTATED_AFTER_VOWEL[ch]))
    elif ch in LETTERS:
        out.append((1, LETTERS[ch]))
    else:
        out.append((1, (ch,)))
    return out


def _spell(word: str, limit: int) -> list[tuple[int, str]]:
    """The ``limit`` cheapest spellings of a lowercase Cyrillic word, with their costs."""
    states: dict[int, list[tuple[int, str]]] = {0: [(0, "")]}
    for i in range(len(word)):
        here = states.pop(i, None)
        if not here:
            continue
        here = heapq.nsmallest(limit, set(here))
        for n, spellings in _options(word, i):
            bucket = states.setdefault(i + n, [])
            for cost, text in here:
                for k, s in enumerate(spellings):
                    bucket.append((cost + k, text + s))
    return heapq.nsmallest(limit, set(states.get(len(word), [])))


# --- Chinese names in the Palladius system -> pinyin -----------------------------------------

_INITIALS = {"b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л",
             "g": "г", "k": "к", "h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч",
             "sh": "ш", "r": "ж", "z": "цз", "c": "ц", "s": "с"}
_FINALS = {"a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу",
           "an": "ань", "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "i": "и", "ia": "я",
           "ie": "е", "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин",
           "iong": "юн", "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань",
           "un": "унь", "uang": "уан"}
_PALATAL = {"u": "юй", "ue": "юэ", "uan": "юань", "un": "юнь"}      # ju qu xu = jü qü xü
_I_FINALS = ("i", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong")
_ZERO = {"а": "a", "ай": "ai", "ань": "an", "ан": "ang", "ао": "ao", "э": "e", "эй": "ei",
         "энь": "en", "эн": "eng", "эр": "er", "о": "o", "оу": "ou", "и": "yi", "я": "ya",
         "е": "ye", "яо": "yao", "ю": "you", "янь": "yan", "инь": "yin", "ян": "yang", "ин": "ying",
         "юн": "yong", "у": "wu", "ва": "wa", "вай": "wai", "вань": "wan", "ван": "wang",
         "вэй": "wei", "вэнь": "wen", "вэн": "weng", "во": "wo", "юй": "yu", "юэ": "yue",
         "юань": "yuan", "юнь": "yun"}


def _palladius() -> dict[str, frozenset[str]]:
    """Russian (Palladius) spelling of every pinyin syllable -> the syllables it may be."""
    table: dict[str, set[str]] = {}
    for latin, cyr in _INITIALS.items():
        finals = dict(_FINALS)
        if latin in ("j", "q", "x"):
            finals = {k: v for k, v in finals.items() if k in _I_FINALS} | _PALATAL
        for fin, cyr_fin in finals.items():
            if latin in ("z", "c", "s") and fin == "i":
                cyr_fin = "ы"                               # zi ci si: цзы цы сы
            table.setdefault(cyr + cyr_fin, set()).add(latin + fin)
    for cyr, latin in _ZERO.items():
        table.setdefault(cyr, set()).add(latin)
    table.setdefault("хуэй", set()).add("hui")
    return {k: frozenset(v) for k, v in table.items()}


PALLADIUS = _palladius()
MAX_SYLLABLE = max(len(k) for k in PALLADIUS)


def pinyin(word: str, limit: int = 16) -> list[str]:
    """Pinyin readings of a Russian-written Chinese name (Цзиньпин -> jinping), if the word splits
    into Palladius syllables; else nothing."""
    word = word.lower().replace("ё", "е")
    found: dict[int, list[str]] = {0: [""]}
    for i in range(len(word)):
        if i not in found:
            continue
        for n in range(1, MAX_SYLLABLE + 1):
            for latin in PALLADIUS.get(word[i:i + n], ()):
                found.setdefault(i + n, []).extend(p + latin for p in found[i][:limit])
    return sorted(set(found.get(len(word), [])))[:limit]


CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


@lru_cache(maxsize=50_000)
def latin_variants(word: str, limit: int = 200) -> tuple[str, ...]:
    """Latin spellings of one name word, likeliest first: a Latin word as itself (lowercase,
    accents dropped); a Cyrillic word in its ``limit`` cheapest letter-by-letter spellings, then
    its pinyin readings if it is a Chinese name in the Palladius system."""
    low = word.lower().replace("\u0301", "")
    if not CYRILLIC.search(low):
        return (ascii_letters(low),)
    low = re.sub(r"[^а-яё]", "", low)
    out = [text for _, text in _spell(low, limit)]
    out += [p for p in pinyin(low) if p not in out]
    return tuple(dict.fromkeys(out))


def ascii_letters(text: str) -> str:
    """Lowercase ASCII letters only: Erdoğan -> erdogan, Al-Assad -> alassad."""
    s = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[^a-z]", "", "".join(ch for ch in s if not unicodedata.combining(ch)))
