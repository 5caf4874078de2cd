"""One poll of one watched source: fetch what changed, extract each new item's article, ingest it.

1. The source is fetched with the last answer's validators (ETag, Last-Modified): a 304 is
   ``unchanged`` and nothing more is done. Failures worth retrying (5xx, timeouts, refused
   connections) are retried with backoff (:func:`dyad.watch.fetch.fetch_retried`).
2. Its entries (:mod:`dyad.watch.listing`) are compared with the items it listed before (id and
   content hash, ``seen_items``): only new or changed ones go on.
3. Each new item's page is fetched and its main text extracted (trafilatura,
   :func:`dyad.ingest.web.read_html`); when the page cannot be used (not fetched, not HTML, no
   text) the feed's own text is stored instead (W120), and with neither the item is E125. The
   document is dated with the item's own date (pubDate, updated, lastmod), else the page's.
4. The documents go through the ingest's planner and single writer (:mod:`dyad.ingest.run`):
   stored once by content hash, near-duplicates grouped. A changed item (same id, new content) is
   stored as a new document ``ID@HASH``, the old one kept.
5. The poll is recorded (``polls``): when, status, HTTP status, validators, items, new, stored,
   the error line. Items that failed are not marked seen, so the next poll tries them again.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, TextIO

from ..errors import EmptyInput, InputError, ItemUnusable, SourceError, W_ITEM_PAGE, show_path
from ..ingest.items import Item
from ..ingest.web import is_url, read_html
from ..store import monitor as M
from ..types import Document
from . import fetch as F
from .listing import Entry, Listing, looks_like_html, read_folder, read_listing


@dataclass(frozen=True, slots=True)
class Options:
    timeout: float = F.TIMEOUT
    max_bytes: int = F.MAX_BYTES
    retries: int = 2
    backoff: float = 1.0
    pages: bool = True               # fetch each item's page (else the feed's own text)
    date: str | None = None          # for items without a date of their own


@dataclass(frozen=True, slots=True)
class Report:
    """What a poll did, for the summary line and the alerts."""
    source: str
    kind: str
    status: str                       # ok | unchanged | failed | stopped
    http_status: int | None = None
    items: int = 0
    new_items: int = 0
    stored: int = 0
    failed: int = 0
    events: int = 0
    facts: int = 0
    documents: tuple[str, ...] = ()   # ids of the documents this poll stored
    error: str | None = None

    def line(self) -> str:
        http = f" HTTP {self.http_status}," if self.http_status else ""
        if self.status == "failed":
            return f"{self.source}: failed ({(self.error or '').split(' ', 1)[0]}), polled again next time"
        if self.status == "unchanged":
            return f"{self.source}: unchanged ({self.kind}{', HTTP 304' if self.http_status == 304 else ''}), nothing new"
        return (f"{self.source}: {self.kind},{http} {self.items} items, {self.new_items} new, {self.stored} stored, "
                f"{self.failed} failed; {self.events} events, {self.facts} facts"
                + ("; stopped before the end" if self.status == "stopped" else ""))


def _listing(src: M.Source, opts: Options) -> tuple[Listing | None, F.Answer | None]:
    """The source's listing, or None when it is unchanged (a 304)."""
    path = Path(src.url)
    if not is_url(src.url):
        if path.is_dir():
            return read_folder(path), None
        where = show_path(src.url)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise SourceError(where, 1, f"cannot read: {exc.strerror or exc}") from None
        return read_listing(data, where, url=None), None
    answer = F.fetch_retried(src.url, src.etag, src.last_modified, retries=opts.retries, backoff=opts.backoff,
                             timeout=opts.timeout, max_bytes=opts.max_bytes)
    if answer.not_modified:
        return None, answer
    listing = read_listing(answer.body, show_path(src.url), answer.content_type, answer.url)
    if listing.kind == "sitemapindex":
        listing = _sitemaps(listing, opts)
    return listing, answer


SITEMAPS_MAX = 50          # sitemaps of a sitemap index read in one poll


def _sitemaps(index: Listing, opts: Options) -> Listing:
    """The URLs of the sitemaps a sitemap index lists (the first SITEMAPS_MAX; one that fails is
    left out, the others read)."""
    entries: list[Entry] = []
    for e in index.entries[:SITEMAPS_MAX]:
        try:
            answer = F.fetch_retried(e.link, retries=opts.retries, backoff=opts.backoff, timeout=opts.timeout,
                                     max_bytes=opts.max_bytes)
            child = read_listing(answer.body, show_path(e.link), answer.content_type, answer.url)
        except SourceError:
            continue
        if child.kind == "sitemap":
            entries.extend(replace(x, number=len(entries) + k + 1) for k, x in enumerate(child.entries))
    return Listing("sitemap", tuple(entries))


def _document(src: M.Source, entry: Entry, changed: bool, opts: Options, err: TextIO,
              page: bytes | None = None) -> Item:
    """The item's document: its page's main text, else the feed's text (W120), else E125."""
    where = show_path(src.url)
    ident = f"{entry.id}@{entry.hash[:12]}" if changed else entry.id
    doc, why = None, None
    if page is not None or (opts.pages and entry.link and is_url(entry.link)):
        try:
            if page is None:
                answer = F.fetch(entry.link, timeout=opts.timeout, max_bytes=opts.max_bytes, where=where,
                                 line=entry.number)
                page = answer.body
                if not looks_like_html(page, answer.content_type):
                    raise EmptyInput(where, entry.number, f"is not HTML ({answer.content_type or 'no content type'})")
            doc = read_html(where, page, entry.date or opts.date, url=entry.link)
        except InputError as exc:
            why = exc.detail if not isinstance(exc, SourceError) else f"{exc.code} {exc.detail}"
    if doc is None and entry.text:
        if why:
            print(f"{where}:{entry.number}: {W_ITEM_PAGE.format(why=_short(why))}", file=err)
        doc = Document(id=ident, text=entry.text, date=entry.date or opts.date, title=entry.title,
                       url=entry.link, source=src.url)
    if doc is None:
        return Item(where, entry.number, error=ItemUnusable(
            where, entry.number, f"item {entry.id!r}: no usable page ({_short(why or 'no link')}) and no text in the feed"))
    title = entry.title or doc.title
    doc = replace(doc, id=ident, title=title, url=entry.link or doc.url, source=src.url, date=entry.date or doc.date,
                  text=without_title(doc.text, (title, doc.title)))
    from ..ingest.readers import input_warnings
    return Item(where, entry.number, document=doc, warnings=input_warnings(doc, undated="the item has no date"))


def without_title(text: str, titles) -> str:
    """The page's text without a first line that repeats its title (trafilatura keeps the page's
    heading; the title is stored apart, and a heading without a full stop would run into the first
    sentence)."""
    first, sep, rest = text.partition("\n")
    norm = " ".join(first.split()).casefold()
    if sep and rest.strip() and any(t and " ".join(t.split()).casefold() == norm for t in titles):
        return rest.lstrip()
    return text


def _short(why: str) -> str:
    return why if len(why) <= 200 else why[:200] + "..."


def _folder_items(src: M.Source, entries: list[Entry], opts: Options) -> list[tuple[Entry, Item]]:
    from ..ingest.readers import read_path
    return [(e, item) for e in entries for item in read_path(e.path, opts.date)]


def poll(store, src: M.Source, opts: Options = Options(), err: TextIO | None = None,
         stop: Callable[[], bool] = lambda: False) -> Report:
    """Poll one source and record it (``polls``); never raises for a failing source."""
    import sys
    err = err or sys.stderr
    engine = store.engine
    started = M.now()
    where = show_path(src.url)
    try:
        listing, answer = _listing(src, opts)
    except SourceError as exc:
        print(str(exc), file=err)
        status = getattr(exc, "http_status", None)
        M.record_poll(engine, M.Poll(source_id=src.id, started_at=started, status="failed", http_status=status,
                                     error=str(exc), finished_at=M.now()))
        return Report(where, "?", "failed", status, error=exc.message)
    http = answer.status if answer else None
    if listing is None:
        M.record_poll(engine, M.Poll(source_id=src.id, started_at=started, status="unchanged", http_status=http,
                                     etag=answer.etag, last_modified=answer.last_modified, finished_at=M.now()))
        return Report(where, "feed", "unchanged", http)
    seen = M.seen(engine, src.id)
    new = [e for e in listing.entries if seen.get(e.id) != e.hash]
    if listing.kind == "page" and new:    # the source is the page itself: its body is at hand
        pairs = [(new[0], _document(src, new[0], new[0].id in seen, opts, err, page=answer.body if answer else None))]
    elif listing.kind == "folder":
        pairs = _folder_items(src, new, opts)
    else:
        pairs = []
        for e in new:
            if stop():
                break
            pairs.append((e, _document(src, e, e.id in seen, opts, err)))
    stopped = len(pairs) < len(new) and listing.kind not in ("folder",)
    result = _ingest(store, pairs, err, stop)
    M.mark_seen(engine, src.id, result["seen"])
    status = "stopped" if stopped or result["stopped"] else "ok"
    M.record_poll(engine, M.Poll(source_id=src.id, started_at=started, status="ok", http_status=http,
                                 etag=answer.etag if answer else None,
                                 last_modified=answer.last_modified if answer else None,
                                 items=len(listing.entries), new_items=len(new), stored=len(result["stored"]),
                                 error=None, finished_at=M.now()))
    return Report(where, listing.kind, status, http, items=len(listing.entries), new_items=len(new),
                  stored=len(result["stored"]), failed=result["failed"], events=result["events"],
                  facts=result["facts"], documents=tuple(result["stored"]))


def _ingest(store, pairs: list[tuple[Entry, Item]], err: TextIO, stop) -> dict:
    """The ingest's planner and single writer over the items; which entries are done (stored or
    already stored: marked seen) and which documents were stored."""
    from ..ingest.run import LocalExecutor, RunSummary, Writer, _plan, _run
    entry_of = {id(item): entry for entry, item in pairs}
    tags: dict[str, list] = {"new": [], "skip": [], "error": []}
    entries_by_doc: dict[str, list[Entry]] = {}

    def planned():
        for item, tag in _plan((item for _, item in pairs), store):
            if stop() and tag == "new":
                tags["stopped"] = True
                continue
            entry = entry_of.get(id(item))
            if item.document is not None:
                entries_by_doc.setdefault(item.document.id, []).append(entry)
            tags[tag].append(item)
            yield item, tag

    summary = RunSummary()
    writer = Writer(store, summary, err, None, True, lambda n: None)
    with LocalExecutor() as executor:
        _run(planned(), executor, writer)
        writer.close()
    new_ids = [it.document.id for it in tags["new"]]
    stored = set(store.stored_ids(new_ids)) if new_ids else set()
    stored_ids = [i for i in new_ids if i in stored]
    done = []
    for it in tags["skip"] + [it for it in tags["new"] if it.document.id in stored]:
        for entry in entries_by_doc.get(it.document.id, []):
            if entry is not None:
                done.append((entry.id, entry.hash, it.document.id))
    done = list(dict.fromkeys(done))
    return {"stored": stored_ids, "seen": done, "failed": len(tags["error"]) + len(new_ids) - len(stored_ids),
            "events": sum(f.events for f in summary.files.values()),
            "facts": sum(f.facts for f in summary.files.values()), "stopped": bool(tags.get("stopped"))}
