"""What a watched source lists (dyad.watch.listing): feeds, sitemaps, pages; malformed XML is E122."""
from __future__ import annotations

import pytest

from dyad.errors import MalformedFeed
from dyad.watch.listing import read_listing

RSS = ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
       '<item><guid>g1</guid><title>One</title><link>http://x/1</link><pubDate>Tue, 09 Sep 2025 10:00:00 GMT</pubDate>'
       '<description>&lt;p&gt;First text.&lt;/p&gt;</description></item>'
       '<item><title>Two</title><link>http://x/2</link></item></channel></rss>')
ATOM = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
        '<entry><id>urn:1</id><title>A</title><link href="http://x/a"/><updated>2025-09-10T08:00:00Z</updated>'
        '<content type="html">&lt;p&gt;Atom text.&lt;/p&gt;</content></entry></feed>')
SITEMAP = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
           '<url><loc>http://x/s1</loc><lastmod>2025-09-01</lastmod></url>'
           '<url><loc>http://x/s2</loc><news:news><news:publication_date>2025-09-02T10:00:00Z</news:publication_date>'
           '<news:title>S2</news:title></news:news></url></urlset>')


@pytest.mark.parametrize("body, kind, expected", [
    (RSS, "feed", [("g1", "http://x/1", "2025-09-09", "First text."), ("http://x/2", "http://x/2", None, "")]),
    (ATOM, "feed", [("urn:1", "http://x/a", "2025-09-10", "Atom text.")]),
    (SITEMAP, "sitemap", [("http://x/s1", "http://x/s1", "2025-09-01", ""), ("http://x/s2", "http://x/s2", "2025-09-02", "")]),
    ("<!doctype html><html><body><p>Hi</p></body></html>", "page", [("http://x/p", "http://x/p", None, "")]),
])
def test_watch_listing_kinds(body, kind, expected):
    listing = read_listing(body.encode(), "src", url="http://x/p")
    assert listing.kind == kind
    assert [(e.id, e.link, e.date, e.text) for e in listing.entries] == expected


@pytest.mark.parametrize("body, why", [
    ("<rss><channel><item><title>oops</ti", "malformed XML"),
    ("<?xml version='1.0'?><catalog><book/></catalog>", "neither RSS, Atom nor a sitemap"),
    ("   ", "empty answer"),
    ("<rss><channel><title>&nbsp;</title></channel></rss>", "malformed XML"),
])
def test_watch_listing_malformed_is_e122(body, why):
    with pytest.raises(MalformedFeed) as err:
        read_listing(body.encode(), "http://x/feed.xml")
    assert err.value.code == "E122" and why in str(err.value)
    assert str(err.value).startswith("http://x/feed.xml:1: E122 ") and "\n" not in str(err.value)


def test_watch_listing_hash_follows_content():
    one = read_listing(RSS.encode(), "src").entries[0]
    two = read_listing(RSS.replace("First text.", "First text, corrected.").encode(), "src").entries[0]
    assert one.id == two.id and one.hash != two.hash
