"""What every answer carries, and what a request must show before its body is read.

:class:`Guard` wraps the whole app, outside Starlette's error handling (``DyadApp`` in
dyad.serve.api), so an error page and a 500 carry the same headers as any other answer:

- **Headers** on every response: ``Content-Security-Policy`` (:data:`POLICY`: scripts, images,
  fonts and connections from this origin only, no inline script, no plugins, no framing, forms
  sent here only; styles from this origin and inline, because plotly.js and cytoscape.js insert
  their own ``<style>`` elements, while Dyad's templates have none), ``X-Content-Type-Options:
  nosniff``, ``X-Frame-Options: DENY``, ``Referrer-Policy: same-origin``. A route that sets one of
  them keeps its own.
- **The token first.** A request with any method but GET, HEAD or OPTIONS is a write and needs
  ``Authorization: Bearer $DYAD_TOKEN`` (:func:`token_problem`), checked before a byte of its body
  is read: 403 while the server has no token, 401 without the header, 403 for a wrong token
  (compared in constant time).
- **Bounded bodies.** A write's body is at most ``max_body`` bytes (``$DYAD_MAX_BODY``, default
  :data:`DEFAULT_MAX_BODY`): a larger ``Content-Length`` answers 413 at once; a body sent without
  one (chunked) is read up to the limit, then 413. A refusal closes the connection, so what the
  client still sends is never read.
"""
from __future__ import annotations

import hmac
import json
import os

from ..errors import UsageError

DEFAULT_MAX_BODY = 8_000_000      # the largest upload (1,000,000 characters) even written as \\u escapes
READS = frozenset({"GET", "HEAD", "OPTIONS"})
POLICY = "; ".join((
    "default-src 'none'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
    "font-src 'self'", "connect-src 'self'", "form-action 'self'", "base-uri 'none'",
    "frame-ancestors 'none'"))
HEADERS = (
    (b"content-security-policy", POLICY.encode("ascii")),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
)


def max_body() -> int:
    """The largest request body accepted, in bytes: ``$DYAD_MAX_BODY``, else DEFAULT_MAX_BODY (any
    other value is a usage error: `dyad serve` prints one E300 line and exits with status 2)."""
    raw = os.environ.get("DYAD_MAX_BODY", "").strip()
    if not raw:
        return DEFAULT_MAX_BODY
    if not raw.replace("_", "").isdigit() or int(raw.replace("_", "")) < 1:
        raise UsageError(f"DYAD_MAX_BODY={raw!r} is not a positive whole number of bytes")
    return int(raw.replace("_", ""))


def token_problem(authorization: str | None) -> tuple[int, str, dict[str, str]] | None:
    """Why a write with this ``Authorization`` header is refused (status, message, headers), or
    None when it carries ``Bearer $DYAD_TOKEN``. No write is allowed while DYAD_TOKEN is unset."""
    expected = os.environ.get("DYAD_TOKEN") or ""
    if not expected:
        return 403, "writes are disabled: the server has no DYAD_TOKEN", {}
    scheme, _, given = (authorization or "").partition(" ")
    given = given.strip()
    if scheme.lower() != "bearer" or not given:
        return 401, "missing 'Authorization: Bearer <token>'", {"WWW-Authenticate": "Bearer"}
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        return 403, "wrong token", {}
    return None


def too_large(limit: int) -> str:
    return f"the request body is above the limit of {limit:,} bytes (DYAD_MAX_BODY)"


class Guard:
    """ASGI middleware: the headers on every answer; a write's token, then its size, before its body."""

    def __init__(self, app, max_body: int = DEFAULT_MAX_BODY):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send)
        if scope["method"] not in READS:
            headers = {k.lower(): v for k, v in scope.get("headers") or ()}
            problem = token_problem(headers.get(b"authorization", b"").decode("latin-1") or None)
            if problem is not None:
                await _refuse(send, *problem)
                return
            length = headers.get(b"content-length", b"").strip()
            if length and (not length.isdigit() or int(length) > self.max_body):
                await _refuse(send, 413 if length.isdigit() else 400,
                              too_large(self.max_body) if length.isdigit() else "bad Content-Length")
                return
            receive = await self._read_body(receive)
            if receive is None:
                await _refuse(send, 413, too_large(self.max_body))
                return
        await self.app(scope, receive, send)

    async def _read_body(self, receive):
        """The whole body, read here up to the limit (None above it), replayed to the app."""
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":          # the client went away
                first = message
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_body:
                return None
            if not message.get("more_body", False):
                first = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
                break
        pending = [first]

        async def replay():
            return pending.pop() if pending else await receive()
        return replay


def _with_headers(send):
    async def wrapped(message) -> None:
        if message["type"] == "http.response.start":
            own = {k.lower() for k, _ in message.get("headers") or ()}
            extra = [(k, v) for k, v in HEADERS if k not in own]
            if extra:
                message = {**message, "headers": [*(message.get("headers") or ()), *extra]}
        await send(message)
    return wrapped


async def _refuse(send, status: int, message: str, headers: dict[str, str] | None = None) -> None:
    """A JSON answer ``{"detail": message}``, as FastAPI gives, closing the connection."""
    body = json.dumps({"detail": message}).encode("utf-8")
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode("ascii")),
           (b"connection", b"close")]
    raw += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
