"""What every reader makes (:class:`Item`) and the checks they share: content ids, dates.

:mod:`dyad.ingest.readers` (text, JSON Lines, directories) and :mod:`dyad.ingest.web` (pages,
feeds, URLs) both build on it; readers hands web pages to web, so the shared part sits here and
the two import no circle.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from ..errors import BadDate, DateOutOfRange, InputError
from ..types import Document

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
WEB_SUFFIXES = {".html", ".htm", ".xml", ".rss", ".atom"}   # pages and feeds: dyad.ingest.web
DATE_MIN, DATE_MAX = "1900-01-01", "2100-12-31"   # dates outside are refused (E110)
MAX_ID = 200                 # documents.id is String(200)


@dataclass(frozen=True, slots=True)
class Item:
    """One unit a reader produced: a document, or the error that replaced it.

    ``warnings`` are the reader's own (W101 future date, W102 detected encoding): the ingest driver
    prints them as ``PATH:LINE: Wnnn ...`` and stores them with the document's other warnings."""
    path: str
    line: int
    document: Document | None = None
    error: InputError | None = None
    warnings: tuple[str, ...] = ()


def content_id(text: str) -> str:
    """A stable id derived from the content (used when the input has none)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def parse_date(value, path: str, line: int) -> str:
    """A date YYYY-MM-DD that exists (else E104) and lies in DATE_MIN..DATE_MAX (else E110: the
    pipeline reckons relative dates from it, and a year such as 1 or 9999 leaves no room)."""
    if not isinstance(value, str) or not ISO_DATE.match(value):
        raise BadDate(path, line, f"date {value!r} is not YYYY-MM-DD")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise BadDate(path, line, f"date {value!r} does not exist") from None
    if not DATE_MIN <= value <= DATE_MAX:
        raise DateOutOfRange(path, line, f"date {value} is outside {DATE_MIN}..{DATE_MAX}, "
                                         "the dates Dyad reads")
    return value
