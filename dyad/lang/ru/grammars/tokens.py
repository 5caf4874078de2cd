"""The one tokenizer every grammar shares, and the cheap text helpers around it.

Numbers are single tokens of type ``NUM``: ``2,5``, ``53.3``, ``1 200``, ``12 345,6`` (the group
separator is one space, no-break space, narrow no-break space or thin space; the leading group has
1-3 digits and every further group exactly 3). Everything else is tokenised as yargy does.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections import OrderedDict
from collections.abc import Iterator
from functools import cache

from yargy.morph import MorphAnalyzer
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


class _Morph(MorphAnalyzer):
    """yargy's analyser on the process's one pymorphy3 dictionary (yargy alone would load
    pymorphy2's as well)."""
    __call__ = lru_cache(10_000)(MorphAnalyzer.__call__)


class SharedTokenizer(MorphTokenizer):
    """A morph tokenizer that remembers the tokens of recent texts: the four grammars run over
    the same sentences, and tokenising (with pymorphy) costs more than parsing."""

    def __init__(self) -> None:
        from ..nlp import vocab
        super().__init__(morph=_Morph(vocab()))
        self.add_rules(TokenRule(NUM, NUM_PATTERN))
        self._recent: OrderedDict[str, list] = OrderedDict()

    def __call__(self, text):
        tokens = self._recent.get(text)
        if tokens is None:
            tokens = list(super().__call__(text))
            self._recent[text] = tokens
            if len(self._recent) > 256:
                self._recent.popitem(last=False)
        else:
            self._recent.move_to_end(text)
        return iter(tokens)


@cache
def tokenizer() -> SharedTokenizer:
    """The shared morph tokenizer (built once; pymorphy is slow to load)."""
    return SharedTokenizer()


def chunks(text: str, wanted: re.Pattern[str]) -> Iterator[tuple[int, str]]:
    """Sentence-sized pieces of ``text`` that contain ``wanted``, with their offsets.

    Grammars run only on these pieces: a cheap regex check skips most of a news article.
    """
    start = 0
    for brk in _SENTENCE_BREAK.finditer(text):
        if "\n" not in brk.group(0) and _ABBREVIATION.search(
                text, max(0, brk.start() - 8), brk.start()):
            continue
        piece = text[start:brk.start()]
        if piece and wanted.search(piece):
            yield start, piece
        start = brk.end()
    piece = text[start:]
    if piece and wanted.search(piece):
        yield start, piece


def windows(text: str, hint: re.Pattern[str], before: int = 40, after: int = 70,
            needs: re.Pattern[str] | None = None) -> Iterator[tuple[int, str]]:
    """Pieces of ``text`` around each ``hint`` match, with their offsets: ``before`` and
    ``after`` characters either side, widened to whole words, merged when they overlap and kept
    inside one sentence. Parsing is linear in tokens with a large constant, so the grammars parse
    only these pieces. A grammar whose matches each contain a hint, start at most ``before``
    characters before their first hint and end at most ``after`` characters after it, finds in
    the pieces exactly what it would find in the whole sentence. Pieces without a match of
    ``needs`` (when given) are skipped: an amount needs a scale or a unit word."""
    for offset, sentence in chunks(text, hint):
        spans: list[list[int]] = []
        for m in hint.finditer(sentence):
            start, end = max(0, m.start() - before), min(len(sentence), m.end() + after)
            while start > 0 and not sentence[start - 1].isspace():
                start -= 1
            while end < len(sentence) and not sentence[end].isspace():
                end += 1
            if spans and start <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], end)
            else:
                spans.append([start, end])
        for start, end in spans:
            if needs is None or needs.search(sentence, start, end):
                yield offset + start, sentence[start:end]


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
