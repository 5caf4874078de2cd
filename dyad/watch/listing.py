"""What a watched source lists: its entries, each with its own id and a hash of its content.

A feed (RSS, Atom, RDF: feedparser), a sitemap (``urlset``; a ``sitemapindex`` lists sitemaps),
a single HTML page (one entry: the page), or a folder (one entry per file the ingest reads).
The XML must be well-formed (lxml, no entities resolved, no network): anything else is E122, so a
truncated or garbled feed is reported, never half-read.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import MalformedFeed, show_path
from ..ingest.items import MAX_ID
from ..ingest.web import html_text

FEED_ROOTS = {"rss", "feed", "rdf"}
SITEMAP_ROOTS = {"urlset", "sitemapindex"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One item a source lists. ``text``: the feed's own text for it (content, else summary),
    empty for a sitemap's URL; ``path``: a folder's file."""
    id: str
    hash: str
    number: int                       # its position in the listing, from 1
    link: str | None = None
    title: str | None = None
    date: str | None = None           # YYYY-MM-DD: the item's pubDate / updated / lastmod
    text: str = ""
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Listing:
    kind: str                         # feed | sitemap | sitemapindex | page | folder
    entries: tuple[Entry, ...]


def digest(*parts) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(str(p or "").encode("utf-8", "surrogatepass") + b"\x00")
    return h.hexdigest()


def _bounded_id(ident: str) -> str:
    return ident if len(ident) <= MAX_ID else hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _xml_root(body: bytes, where: str):
    from lxml import etree
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        return etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise MalformedFeed(where, 1, f"malformed XML: {exc}") from None
    except ValueError as exc:       # an encoding declaration it cannot honour
        raise MalformedFeed(where, 1, f"malformed XML: {exc}") from None


def _local(tag) -> str:
    return str(tag).rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def looks_like_html(body: bytes, content_type: str = "") -> bool:
    if "html" in content_type and "xml" not in content_type.replace("xhtml", ""):
        return True
    head = body[:1000].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:300]


def read_listing(body: bytes, where: str, content_type: str = "", url: str | None = None) -> Listing:
    """The entries of a feed, a sitemap or an HTML page."""
    if not body.strip():
        raise MalformedFeed(where, 1, "empty answer: neither a feed, a sitemap nor a page")
    if looks_like_html(body, content_type) and not body.lstrip().startswith(b"<?xml"):
        return Listing("page", (Entry(id=_bounded_id(url or where), hash=digest(body), number=1, link=url),))
    root = _xml_root(body, where)
    kind = _local(root.tag)
    if kind in SITEMAP_ROOTS:
        return _sitemap(root, kind)
    if kind in FEED_ROOTS:
        return Listing("feed", tuple(_feed(body, where)))
    if kind == "html":
        return Listing("page", (Entry(id=_bounded_id(url or where), hash=digest(body), number=1, link=url),))
    raise MalformedFeed(where, 1, f"XML root <{kind}> is neither RSS, Atom nor a sitemap")


def _day(value) -> str | None:
    """YYYY-MM-DD of a parsed feed date (a time tuple) or an ISO date/time string."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()[:10]
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        return dt.date(*tuple(value)[:3]).isoformat()
    except (TypeError, ValueError):
        return None


def _feed(body: bytes, where: str):
    import feedparser
    feed = feedparser.parse(body)
    for number, e in enumerate(feed.entries, 1):
        content = e.get("content") or []
        raw = content[0].get("value", "") if content else e.get("summary", "")
        text = html_text(raw or "")
        link = e.get("link") or None
        title = html_text(e.get("title", "")) or None
        date = next((d for d in (_day(e.get(k)) for k in ("published_parsed", "updated_parsed", "created_parsed")) if d), None)
        ident = str(e.get("id") or link or digest(title, text))
        yield Entry(id=_bounded_id(ident), hash=digest(title, link, date, text), number=number, link=link,
                    title=title, date=date, text=text)


def _sitemap(root, kind: str) -> Listing:
    entries = []
    for number, node in enumerate((n for n in root if _local(n.tag) in ("url", "sitemap")), 1):
        fields = {}
        for child in node.iter():
            name = _local(child.tag)
            if name in ("loc", "lastmod", "publication_date", "title") and name not in fields and child.text:
                fields[name] = child.text.strip()
        loc = fields.get("loc")
        if not loc:
            continue
        date = _day(fields.get("publication_date")) or _day(fields.get("lastmod"))
        entries.append(Entry(id=_bounded_id(loc), hash=digest(loc, fields.get("lastmod"), fields.get("publication_date")),
                             number=number, link=loc, title=fields.get("title"), date=date))
    return Listing("sitemap" if kind == "urlset" else "sitemapindex", tuple(entries))


def read_folder(folder: Path) -> Listing:
    """One entry per file the ingest reads below ``folder`` (its walk, in name order): the file's
    path relative to the folder as its id, the hash of its bytes."""
    from ..errors import UnreadablePath
    from ..ingest.readers import READ_SUFFIXES, walk
    entries = []
    for number, path in enumerate(walk(folder), 1):
        if isinstance(path, UnreadablePath):
            continue                       # read_path reports it when the folder is ingested
        if path.suffix.lower() not in READ_SUFFIXES:
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        rel = show_path(path.relative_to(folder))
        entries.append(Entry(id=_bounded_id(rel), hash=hashlib.sha256(data).hexdigest(), number=number, path=str(path)))
    return Listing("folder", tuple(entries))
