"""Language detection, cheap and dependency-free: scripts, then letters, then function words.

1. Fewer than ``MIN_LETTERS`` letters: too short to tell, taken as Russian.
2. Cyrillic is at least half of the letters: Russian, unless letters Russian lacks say otherwise
   (Ukrainian і ї є ґ, Belarusian ў і, Serbian/Macedonian ђ ј љ њ ћ џ ѓ ќ ѕ, Kazakh/Kyrgyz/Tatar
   ә ғ қ ң ө ұ ү һ җ) in more than ``FOREIGN_SHARE`` of the letters (and
   at least ``MIN_FOREIGN`` times); or Bulgarian, which has none of
   ы э ё but uses ъ inside words.
3. Latin is at least half: the language whose function words cover most of the words (en, de, fr,
   es, it, pl, tr), else ``und``.
4. Otherwise the script that dominates: ``ar``, ``zh``, ``ja``, ``ko``, ``he``, ``el``, ``hy``,
   ``ka``, else ``und``.

Only ``ru`` is coded; every other language is stored and marked (W103).
"""
from __future__ import annotations

import re

MIN_LETTERS = 40
FOREIGN_SHARE = 0.01        # and at least MIN_FOREIGN of them: a quoted name is not enough
MIN_FOREIGN = 3
SAMPLE = 20000

CYRILLIC_MARKERS = (          # checked in order; the first whose letters pass FOREIGN_SHARE wins
    ("sr", "ђјљњћџ"), ("mk", "ѓќѕ"), ("kk", "әғқұһ"), ("ky", "ңөү"), ("tt", "җ"),
    ("be", "ў"), ("uk", "іїєґ"),
)
LATIN_WORDS = {
    "en": "the of and to in is that for on with as by was are from this be at it an said has have had "
          "were will would its after over not their his her which who they but also into more than "
          "against between about been could should new last first year years days ago week month "
          "two three president minister government talks told",
    "de": "der die und das ist nicht mit den von zu ein eine sich auf dem für des im",
    "fr": "le la les des et est un une du en dans que pour pas sur au qui avec",
    "es": "el la los las de y en que por con una para es del se al como más",
    "it": "il di che la le per un una del della non sono con gli è nel alla",
    "pl": "i w z na się nie do że to jest o jak po przez dla od są oraz",
    "tr": "ve bir bu da de için ile olarak çok daha gibi olan en ama",
}
LATIN_SETS = {lang: set(words.split()) for lang, words in LATIN_WORDS.items()}
SCRIPTS = (("ar", "\u0600", "\u06ff"), ("he", "\u0590", "\u05ff"), ("el", "\u0370", "\u03ff"),
           ("hy", "\u0530", "\u058f"), ("ka", "\u10a0", "\u10ff"), ("ja", "\u3040", "\u30ff"),
           ("ko", "\uac00", "\ud7af"), ("zh", "\u4e00", "\u9fff"))
WORD = re.compile(r"[^\W\d_]+")


def detect(text: str) -> str:
    sample = text[:SAMPLE]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < MIN_LETTERS:
        return "ru"
    n = len(letters)
    cyr = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    if cyr / n >= 0.5:
        return _cyrillic(sample, letters)
    latin = sum(1 for ch in letters if ch.isascii() or "\u00c0" <= ch <= "\u024f")
    if latin / n >= 0.5:
        return _latin(sample)
    best, share = "und", 0.0
    for lang, lo, hi in SCRIPTS:
        s = sum(1 for ch in letters if lo <= ch <= hi) / n
        if s > share:
            best, share = lang, s
    if best == "zh" and any("\u3040" <= ch <= "\u30ff" for ch in letters):
        best = "ja"
    return best if share >= 0.3 else "und"


def _cyrillic(sample: str, letters: list[str]) -> str:
    lower = [ch.lower() for ch in letters]
    n = len(lower)
    for lang, marks in CYRILLIC_MARKERS:
        found = sum(1 for ch in lower if ch in marks)
        if found >= MIN_FOREIGN and found / n > FOREIGN_SHARE:
            return lang
    if n >= 200 and not any(ch in "ыэё" for ch in lower):
        inner_hard_sign = len(re.findall(r"\w[ъ]\w", sample.lower()))
        if inner_hard_sign / n > 0.002:
            return "bg"
    return "ru"


def _latin(sample: str) -> str:
    words = [w.lower() for w in WORD.findall(sample)]
    if not words:
        return "und"
    scores = {lang: sum(1 for w in words if w in vocab) / len(words) for lang, vocab in LATIN_SETS.items()}
    lang = max(scores, key=scores.get)
    if scores[lang] >= 0.08:
        return lang
    # a short, headline-like text: the one language whose words it holds at all
    others = sorted(scores.values(), reverse=True)
    return lang if scores[lang] >= 0.04 and others[1] == 0 else "und"
