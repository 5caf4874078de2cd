"""One HTTP GET of a watched source or an item's page, bounded and conditional.

``If-None-Match`` / ``If-Modified-Since`` carry the last answer's validators (a 304 is
``not_modified``); a redirect loop or more than MAX_REDIRECTS redirects is E123; an answer above
``max_bytes`` is E124 (refused from its Content-Length, else after max_bytes + 1 bytes read); no
first byte or a stalled read within ``timeout`` seconds is E121 (the whole answer must come within
four times that); a refused connection or an error status is E120. Every failure is one
:class:`~dyad.errors.SourceError` naming the URL; ``retry`` says whether trying again may help (a
5xx, a timeout, a refused connection).
"""
from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from ..errors import (RedirectLoop, SourceError, SourceTimeout, SourceTooLarge, SourceUnreachable,
                      one_line, show_path)

USER_AGENT = "dyad/0.1 (+news monitor)"
MAX_REDIRECTS = 10
MAX_BYTES = 5_000_000        # an answer above this is refused (E124); --max-bytes changes it
TIMEOUT = 20.0               # seconds; --timeout changes it
CHUNK = 65536


@dataclass(frozen=True, slots=True)
class Answer:
    url: str                   # the final URL, after redirects
    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects, at most MAX_REDIRECTS, and calls a repeated URL a loop."""
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        chain = getattr(req, "dyad_chain", [req.full_url])
        if newurl in chain or len(chain) > MAX_REDIRECTS:
            raise RedirectLoop(show_path(chain[0]), 1, f"redirect loop: {' -> '.join(map(show_path, chain[-3:]))}"
                                                       f" -> {show_path(newurl)}")
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.dyad_chain = chain + [newurl]
        return new


_OPENER = urllib.request.build_opener(_Redirects)


def fetch(url: str, etag: str | None = None, last_modified: str | None = None, *,
          timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES, where: str | None = None,
          line: int = 1) -> Answer:
    """GET ``url``; ``where``/``line`` locate an error (the source, the item's number)."""
    where = where or show_path(url)
    headers = {"User-Agent": USER_AGENT, "Accept": "*/*"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    req = urllib.request.Request(url, headers=headers)
    try:
        with _OPENER.open(req, timeout=timeout) as resp:
            size = resp.headers.get("Content-Length")
            if size and size.isdigit() and int(size) > max_bytes:
                raise SourceTooLarge(where, line, f"answer of {int(size):,} bytes is above the cap of {max_bytes:,}")
            body = _read(resp, max_bytes, timeout * 4, where, line)
            return Answer(url=resp.geturl(), status=resp.status, body=body,
                          content_type=(resp.headers.get("Content-Type") or "").lower(),
                          etag=resp.headers.get("ETag"), last_modified=resp.headers.get("Last-Modified"))
    except SourceError as err:
        if err.path != where:            # the redirect handler names the first URL
            err = type(err)(where, line, err.detail)
        raise err from None
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Answer(url=url, status=304, etag=exc.headers.get("ETag") or etag,
                          last_modified=exc.headers.get("Last-Modified") or last_modified, not_modified=True)
        if 300 <= exc.code < 400:
            raise RedirectLoop(where, line, f"HTTP {exc.code}: {one_line(exc)}") from None
        err = SourceUnreachable(where, line, f"HTTP {exc.code} {exc.reason}")
        err.retry = exc.code >= 500 or exc.code == 429
        err.http_status = exc.code
        raise err from None
    except (TimeoutError, socket.timeout) as exc:
        raise SourceTimeout(where, line, f"no answer within {timeout:g} s ({one_line(exc)})") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            raise SourceTimeout(where, line, f"no answer within {timeout:g} s") from None
        raise SourceUnreachable(where, line, f"cannot fetch: {one_line(exc.reason if isinstance(exc.reason, BaseException) else exc)}") from None
    except (OSError, ValueError) as exc:    # a reset connection, a bad URL, a broken HTTP answer
        raise SourceUnreachable(where, line, f"cannot fetch: {one_line(exc)}") from None


def _read(resp, max_bytes: int, deadline_s: float, where: str, line: int) -> bytes:
    parts, size, deadline = [], 0, time.monotonic() + deadline_s
    while True:
        chunk = resp.read(CHUNK)
        if not chunk:
            return b"".join(parts)
        size += len(chunk)
        if size > max_bytes:
            raise SourceTooLarge(where, line, f"answer above the cap of {max_bytes:,} bytes")
        if time.monotonic() > deadline:
            raise SourceTimeout(where, line, f"answer not complete within {deadline_s:g} s")
        parts.append(chunk)


def fetch_retried(url: str, etag: str | None = None, last_modified: str | None = None, *,
                  retries: int = 2, backoff: float = 1.0, sleep=time.sleep, **kw) -> Answer:
    """:func:`fetch`, tried again up to ``retries`` times after a failure worth retrying, waiting
    ``backoff``, then twice that, and so on."""
    for attempt in range(retries + 1):
        try:
            return fetch(url, etag, last_modified, **kw)
        except SourceError as err:
            if not err.retry or attempt == retries:
                raise
            sleep(backoff * 2 ** attempt)
    raise AssertionError("unreachable")
