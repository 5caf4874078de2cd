"""Web inputs: HTML pages (main text by trafilatura) and RSS/Atom feeds (feedparser), from a local
file or a URL.

A page is one document: its text is the main text trafilatura extracts; its date is ``--date``, else
the page's own date (metadata). A feed gives one document per entry: the entry's content (else its
summary) as plain text, its own publication date (else ``--date``), its link and title; the item's
line number is the entry's position in the feed (from 1).
"""
from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from typing import Iterator

from ..errors import (BadDate, EmptyInput, InputError, MissingField, UnreadablePath,
                      one_line, show_path)
from ..types import Document
from .items import MAX_ID, WEB_SUFFIXES, Item, content_id, parse_date  # noqa: F401

HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
BLOCKS = ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
          "table", "section", "article", "pre")
FETCH_TIMEOUT = 30


def is_url(path: str) -> bool:
    return str(path).startswith(("http://", "https://"))


# --- HTML pages ---------------------------------------------------------------------------------

def read_html(path: str, data: bytes, date: str | None = None, url: str | None = None) -> Document:
    """One page -> one document (its main text)."""
    import trafilatura
    found = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                        include_tables=False)
    meta = found.as_dict() if hasattr(found, "as_dict") else (found or {})
    text = (meta.get("text") or "").strip()
    if not text:
        raise EmptyInput(path, 1, "no main text found in the page")
    page_date = meta.get("date")
    if date is None and page_date:
        date = parse_date(str(page_date)[:10], path, 1)
    # undated (no --date, no metadata): stored, dated from its text, with W107 (readers.input_warnings)
    return Document(id=content_id(text), text=text, date=date, title=meta.get("title") or None,
                    url=url or meta.get("url") or None, source=path)


# --- feeds --------------------------------------------------------------------------------------

def html_text(fragment: str) -> str:
    """Plain text of an HTML fragment: block elements become paragraphs."""
    if "<" not in fragment:
        return _tidy(htmllib.unescape(fragment))
    import lxml.html
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - not HTML after all
        return _tidy(htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment)))
    for el in root.iter():      # in HTML a line break in the source is a space
        if el.text:
            el.text = re.sub(r"\s+", " ", el.text)
        if el.tail:
            el.tail = re.sub(r"\s+", " ", el.tail)
    for el in root.iter("br"):
        el.tail = "\n" + (el.tail or "")
    for el in root.iter(*BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    for el in root.iter("script", "style"):
        el.drop_tree()
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _entry_date(entry, path: str, number: int) -> str | None:
    """The entry's own date, checked as any other (E104 impossible, E110 out of range)."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                day = dt.date(*tuple(value)[:3])
            except (TypeError, ValueError):
                raise BadDate(path, number, f"entry date {tuple(value)[:3]} does not exist") from None
            return parse_date(day.isoformat(), path, number)
    return None


def read_feed(path: str, data: bytes, date: str | None = None) -> Iterator[Item]:
    """One document per entry; a bad entry is reported, the others go on."""
    import feedparser
    feed = feedparser.parse(data)
    if not feed.entries:
        why = f": {feed.bozo_exception}" if feed.get("bozo") else ""
        yield Item(path, 1, error=EmptyInput(path, 1, f"no feed entries{why}"))
        return
    for number, entry in enumerate(feed.entries, 1):
        try:
            content = entry.get("content") or []
            body = content[0].get("value", "") if content else entry.get("summary", "")
            text = html_text(body or "")
            if not text:
                raise MissingField(path, number, "entry has no content or summary")
            day = _entry_date(entry, path, number) or date
            if day is None:
                raise MissingField(path, number, "entry has no date; give --date")
            link = entry.get("link") or None
            ident = str(entry.get("id") or link or content_id(text))
            if len(ident) > MAX_ID:          # documents.id holds 200 characters
                ident = content_id(ident)
            title = html_text(entry.get("title", "")) or None
            yield Item(path, number, Document(id=ident, text=text, date=day, title=title,
                                              url=link, source=path))
        except InputError as err:
            yield Item(path, number, error=err)


# --- dispatch -----------------------------------------------------------------------------------

def _looks_like_feed(data: bytes, content_type: str = "") -> bool:
    if any(k in content_type for k in ("rss", "atom")):
        return True
    head = data[:2000].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def read_web_file(path: str, data: bytes, suffix: str, date: str | None = None) -> Iterator[Item]:
    """A local .html/.htm page or .xml/.rss/.atom feed."""
    if suffix in FEED_SUFFIXES or _looks_like_feed(data):
        yield from read_feed(path, data, date)
        return
    try:
        yield Item(path, 1, document=read_html(path, data, date))
    except InputError as err:
        yield Item(path, err.line, error=err)


def read_url(url: str, date: str | None = None) -> Iterator[Item]:
    """Fetch a page or a feed (told apart by content type and first bytes)."""
    import urllib.request
    shown = show_path(url)
    try:
        req = urllib.request.Request(url, headers={"User-Agent": "dyad/0.1 (+news ingest)"})
        with urllib.request.urlopen(req, timeout=FETCH_TIMEOUT) as resp:
            data = resp.read()
            content_type = resp.headers.get("Content-Type", "").lower()
    except Exception as exc:  # noqa: BLE001 - any network failure is one located input error
        yield Item(shown, 1, error=UnreadablePath(shown, 1, f"cannot fetch: {one_line(exc)}"))
        return
    if _looks_like_feed(data, content_type):
        yield from read_feed(shown, data, date)
        return
    try:
        yield Item(shown, 1, document=read_html(shown, data, date, url=url))
    except InputError as err:
        yield Item(shown, err.line, error=err)
