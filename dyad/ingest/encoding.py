"""Bytes -> text: binary refused, UTF-8 first, then cp1251 or KOI8-R only when confident.

The check for the two single-byte Cyrillic encodings is small and explainable rather than a
general-purpose guesser (charset-normalizer takes short KOI8-R text for Shift-JIS):

1. decode the bytes with each candidate (a byte the code page does not define rules it out);
2. at least ``MIN_LETTERS`` of the decoded non-ASCII characters are Cyrillic letters, and at least
   ``MIN_CYRILLIC_SHARE`` of all non-ASCII characters are Cyrillic letters or the typographic signs
   Russian text uses (« » — – № …);
3. the letters look like Russian: their mean log-probability under Russian letter frequencies is at
   least ``MIN_LOGP`` bits, and lower-case letters are the majority unless the text is all capitals.
   Decoding cp1251 bytes as KOI8-R (or the reverse) swaps case and permutes the alphabet, which fails
   this test by a wide margin;
4. exactly one candidate passes, or the best beats the next by ``MARGIN`` bits per letter.

Anything else is not decoded: the caller reports where the first non-UTF-8 byte is.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

CANDIDATES = ("cp1251", "koi8_r")
MIN_LETTERS = 20
MIN_CYRILLIC_SHARE = 0.9
MIN_LOGP = -4.9          # Russian prose scores about -4.4; a permuted alphabet about -5.5 or lower
MARGIN = 0.4
SNIFF = 65536            # bytes looked at for the binary check and the encoding scores
CONTROL_SHARE = 0.01     # more C0 control bytes than this (besides \t \n \r \f \v ESC) is binary
TYPOGRAPHY = set("«»—–№…„“”‘’•·°\u00a0")

# Letter frequencies of Russian prose, per cent (Lyashevskaya & Sharov's frequency dictionary).
RUSSIAN_FREQ = {
    "о": 10.97, "е": 8.45, "а": 8.01, "и": 7.35, "н": 6.70, "т": 6.26, "с": 5.47, "р": 4.73,
    "в": 4.54, "л": 4.40, "к": 3.49, "м": 3.21, "д": 2.98, "п": 2.81, "у": 2.62, "я": 2.01,
    "ы": 1.90, "ь": 1.74, "г": 1.70, "з": 1.65, "б": 1.59, "ч": 1.44, "й": 1.21, "х": 0.97,
    "ж": 0.94, "ш": 0.73, "ю": 0.64, "ц": 0.48, "щ": 0.36, "э": 0.32, "ф": 0.26, "ъ": 0.04,
    "ё": 0.04,
}
_LOGP = {ch: math.log2(f / 100) for ch, f in RUSSIAN_FREQ.items()}
_UNKNOWN_LOGP = math.log2(0.0001)   # a Cyrillic letter Russian does not use (і, ў, ђ ...)

MAGIC = (
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/ODT)"),
    (b"\x1f\x8b", "gzip-compressed data"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"\xd0\xcf\x11\xe0", "an MS Office (OLE) document"),
    (b"BZh", "bzip2-compressed data"), (b"\xfd7zXZ", "xz-compressed data"), (b"7z\xbc\xaf", "a 7z archive"),
    (b"SQLite format 3\x00", "an SQLite database"), (b"\x7fELF", "an executable"),
)
BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str            # a Python codec name: utf-8, utf-8-sig, utf-16, cp1251, koi8_r
    detected: bool = False   # True when the encoding was guessed (recorded as warning W102)


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` looks like a binary file, or None. Looks at the first ``SNIFF`` bytes."""
    head = data[:SNIFF]
    for magic, what in MAGIC:
        if head.startswith(magic):
            return f"binary file ({what})"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None                          # UTF-16 with a byte-order mark: NUL bytes are expected
    if b"\x00" in head:
        return f"binary file (NUL byte at offset {head.index(0)})"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 11, 12, 13, 27))
    if head and controls / len(head) > CONTROL_SHARE:
        return f"binary file ({controls} control bytes in the first {len(head)})"
    return None


def letter_score(text: str) -> tuple[int, float, float, float]:
    """(Cyrillic letters, share of non-ASCII that is Cyrillic or typography, mean log2 p, lower share)."""
    letters = 0
    other = 0
    lower = 0
    logp = 0.0
    for ch in text:
        if ch < "\x80":
            continue
        if "\u0400" <= ch <= "\u04ff":
            letters += 1
            low = ch.lower()
            lower += ch == low
            logp += _LOGP.get(low, _UNKNOWN_LOGP)
        elif ch not in TYPOGRAPHY:
            other += 1
    share = letters / (letters + other) if letters + other else 0.0
    return letters, share, (logp / letters if letters else -99.0), (lower / letters if letters else 0.0)


def _plausible(text: str) -> float | None:
    """The Russian-likeness of a decoding (mean log2 p per letter), or None if it fails the test."""
    letters, share, logp, lower = letter_score(text)
    if letters < MIN_LETTERS or share < MIN_CYRILLIC_SHARE or logp < MIN_LOGP:
        return None
    if lower < 0.5 and lower > 0.02:       # mostly capitals but not all: a swapped-case decoding
        return None
    return logp


def detect_cyrillic(data: bytes) -> str | None:
    """cp1251 or koi8_r when the bytes are confidently one of them; otherwise None."""
    sample = data[:SNIFF]
    scores = []
    for codec in CANDIDATES:
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError as exc:
            if exc.start < len(sample) - 1 or len(sample) == len(data):
                continue
            text = sample[:exc.start].decode(codec)   # cut in the middle of the sniffed window
        score = _plausible(text)
        if score is not None:
            scores.append((score, codec))
    if not scores:
        return None
    scores.sort(reverse=True)
    if len(scores) > 1 and scores[0][0] - scores[1][0] < MARGIN:
        return None
    return scores[0][1]


def decode(data: bytes) -> Decoded | None:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else a confident cp1251/KOI8-R; None if neither.

    Binary data must be ruled out first (:func:`binary_reason`)."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError:
                return None
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    codec = detect_cyrillic(data)
    if codec is None:
        return None
    try:
        return Decoded(data.decode(codec), codec, detected=True)
    except UnicodeDecodeError:          # a byte past the sniffed window the code page lacks
        return None


def first_bad_utf8(data: bytes) -> int:
    """Offset of the first byte that is not valid UTF-8 (len(data) when there is none)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return len(data)
