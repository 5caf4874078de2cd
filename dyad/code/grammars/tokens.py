"""The one tokenizer every grammar shares, and the cheap text helpers around it.

Numbers are single tokens of type ``NUM``: ``2,5``, ``53.3``, ``1 200``, ``12 345,6`` (the group
separator is one space, no-break space, narrow no-break space or thin space; the leading group has
1-3 digits and every further group exactly 3). Everything else is tokenised as yargy does.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from yargy.tokenizer import MorphTokenizer, TokenRule

NUM = "NUM"
GROUP_SPACES = " \u00a0\u202f\u2009"
NUM_PATTERN = r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"

# A sentence break: end punctuation, spaces, then something that starts a sentence; not after an
# abbreviation that may be followed by a capital (``долл. США``). Not breaking is always safe.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+(?=[А-ЯЁA-Z«\"(\d])|\n+")
_ABBREVIATION = re.compile(
    r"(?:^|[^\w])(?:долл|дол|руб|р|млн|млрд|тыс|трлн|т|г|гг|барр|куб|м|кв|п|проц|ст|им|ул)\.$",
    re.IGNORECASE)


@cache
def tokenizer() -> MorphTokenizer:
    """The shared morph tokenizer (built once; pymorphy is slow to load)."""
    return MorphTokenizer().add_rules(TokenRule(NUM, NUM_PATTERN))


def chunks(text: str, wanted: re.Pattern[str]) -> Iterator[tuple[int, str]]:
    """Sentence-sized pieces of ``text`` that contain ``wanted``, with their offsets.

    Grammars run only on these pieces: a cheap regex check skips most of a news article.
    """
    start = 0
    for brk in _SENTENCE_BREAK.finditer(text):
        if "\n" not in brk.group(0) and _ABBREVIATION.search(text, max(0, brk.start() - 8), brk.start()):
            continue
        piece = text[start:brk.start()]
        if piece and wanted.search(piece):
            yield start, piece
        start = brk.end()
    piece = text[start:]
    if piece and wanted.search(piece):
        yield start, piece


def clause_before(text: str, start: int, words: int = 6) -> str:
    """The last ``words`` words before ``start`` inside the same clause (lowercased).

    A clause ends at a comma that is not a decimal comma, at ``;:()`` or a spaced dash.
    """
    left = text[max(0, start - 120):start]
    cut = max((m.end() for m in re.finditer(r"(?<!\d),|,(?!\d)|[;:()\n]|\s[-–—]\s|[.!?]\s", left)),
              default=0)
    return " ".join(left[cut:].lower().split()[-words:])


def clause_after(text: str, end: int, words: int = 3) -> str:
    """The first ``words`` words after ``end`` inside the same clause (lowercased)."""
    right = text[end:end + 60]
    m = re.search(r"(?<!\d),|,(?!\d)|[;:()\n]|\s[-–—]\s|[.!?](\s|$)", right)
    if m:
        right = right[:m.start()]
    return " ".join(right.lower().split()[:words])
