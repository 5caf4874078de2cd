"""A local HTTP server on 127.0.0.1 whose answers a test sets and changes between polls, and which
misbehaves on purpose: 5xx, slow answers, redirect loops, huge bodies, non-HTML pages.

``server.route(path, body, status=200, content_type=..., delay=0, etag=True, location=None,
fail_first=0)``; ``server.hits[path]`` counts the requests, ``server.posts[path]`` keeps the
bodies POSTed. An ETag (the body's hash) is sent and a matching If-None-Match answers 304.
"""
from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    delay: float = 0.0
    etag: bool = True
    location: str | None = None
    fail_first: int = 0              # answer 503 to this many requests first
    stream: int = 0                  # send this many bytes of "x" (no Content-Length)


class FeedServer:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.posts: dict[str, list[bytes]] = {}
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                size = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(size)
                owner.hits[self.path] = owner.hits.get(self.path, 0) + 1
                r = owner.routes.get(self.path, Route(status=404))
                if owner.hits[self.path] <= r.fail_first:
                    self.send_response(503)
                    self.end_headers()
                    return
                owner.posts.setdefault(self.path, []).append(body)
                self.send_response(r.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_GET(self):
                owner.hits[self.path] = owner.hits.get(self.path, 0) + 1
                r = owner.routes.get(self.path)
                if r is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if r.delay:
                    time.sleep(r.delay)
                if owner.hits[self.path] <= r.fail_first:
                    self.send_response(503)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if r.location:
                    self.send_response(r.status if 300 <= r.status < 400 else 302)
                    self.send_header("Location", r.location)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                tag = '"' + hashlib.sha256(r.body).hexdigest()[:16] + '"'
                if r.etag and self.headers.get("If-None-Match") == tag and r.status == 200:
                    self.send_response(304)
                    self.send_header("ETag", tag)
                    self.end_headers()
                    return
                self.send_response(r.status)
                self.send_header("Content-Type", r.content_type)
                if r.etag:
                    self.send_header("ETag", tag)
                if r.stream:
                    self.end_headers()
                    chunk = b"x" * 65536
                    sent = 0
                    try:
                        while sent < r.stream:
                            self.wfile.write(chunk)
                            sent += len(chunk)
                    except OSError:
                        pass
                    return
                self.send_header("Content-Length", str(len(r.body)))
                self.end_headers()
                self.wfile.write(r.body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def route(self, path: str, body: bytes | str = b"", **kw) -> str:
        self.routes[path] = Route(body=body.encode("utf-8") if isinstance(body, str) else body, **kw)
        return self.url + path

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def rss(items: list[dict], title: str = "Test feed") -> str:
    """An RSS 2.0 feed of ``items`` (guid, title, link, date as RFC 822, text as content:encoded)."""
    parts = [f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
             f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>{title}</title>']
    for it in items:
        parts.append("<item>")
        for key in ("guid", "title", "link"):
            if it.get(key):
                parts.append(f"<{key}>{it[key]}</{key}>")
        if it.get("date"):
            parts.append(f"<pubDate>{it['date']}</pubDate>")
        if it.get("text"):
            parts.append(f"<content:encoded><![CDATA[{it['text']}]]></content:encoded>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "".join(parts)


def page(title: str, text: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<article><h1>{title}</h1>{paragraphs}</article></body></html>")
