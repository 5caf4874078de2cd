"""Stored ids in URLs: every id the store holds has an address.

A document id is any text of 1 to 200 characters without NUL (a feed's guid is often a URL,
``https://example.com/a/b``; a JSON line's id may hold a newline); an actor id is built from a name
(``person:…``, ``group:AZE+CHN``). Routes take them with the ``{name:id}`` path convertor (any
character, ``/`` and line breaks included), and pages write them with :func:`segment`, one
percent-encoded path segment, so ``/`` never splits an id and ``..`` inside one is never a dot
segment. The one exception: an id that is exactly ``.`` or ``..`` is a dot segment however it is
encoded, and clients remove it (RFC 3986, WHATWG URL); the API refuses such ids.

A pair's sides are countries: a three-letter code (any case) or a historical state of the
knowledge base, whose id is a lower-case slug (``russian-empire``).
"""
from __future__ import annotations

import re
from urllib.parse import quote

from starlette.convertors import Convertor, register_url_convertor

DOC_ID = r"^[^\x00]{1,200}$"          # documents.id
RECORD_ID = r"^[^\x00]{1,240}$"       # events.id, facts.id: the document id, ':', the record's own
ACTOR_ID = r"^[^\x00]{1,1000}$"
DOT_SEGMENTS = (".", "..")
COUNTRY_KEY = r"[A-Za-z]{3}|[a-z][a-z0-9]*(?:-[a-z0-9]+)+"
COUNTRY = rf"^(?:{COUNTRY_KEY})$"
PAIR = rf"^(?:{COUNTRY_KEY})-(?:{COUNTRY_KEY})$"
_PAIR = re.compile(rf"^({COUNTRY_KEY})-({COUNTRY_KEY})$")
_CODE = re.compile(r"^[A-Za-z]{3}$")


class IdConvertor(Convertor[str]):
    """A path parameter that is the rest of the path, any character included (Starlette's ``path``
    stops at a line break)."""
    regex = r"[\s\S]+"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return segment(value)


register_url_convertor("id", IdConvertor())


def segment(value) -> str:
    """An id as one path segment: every character but letters, digits and ``_.-~`` percent-encoded
    (UTF-8), ``/`` too."""
    return quote(str(value), safe="")


def country(value: str) -> str:
    """A pair's side as stored: a three-letter code in capitals, a historical state as it is."""
    return value.upper() if _CODE.match(value) else value


def pair(value: str) -> tuple[str, str]:
    """``AZE-CHN`` or ``russian-empire-ottoman-empire`` as its two countries (matching PAIR)."""
    a, b = _PAIR.match(value).groups()
    return country(a), country(b)


# An absolute http(s) URL with a host, without white space or control characters anywhere (browsers
# drop tabs and line breaks inside a URL and spaces around it: "java\tscript:" is "javascript:").
WEB_URL = re.compile(r"^https?://[^\s/?#\\\x00-\x1f\x7f]+(?:[/?#][^\s\x00-\x1f\x7f]*)?$", re.IGNORECASE)


def web_link(url) -> str | None:
    """``url`` when a page may link to it (an absolute http or https URL), else None: the page then
    shows it as text."""
    return url if isinstance(url, str) and WEB_URL.match(url) else None
