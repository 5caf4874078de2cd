"""The watch driver: poll every source, fire the rules on what was stored, deliver the alerts; once
(``--once``, for cron or a systemd timer) or every N seconds until SIGTERM or SIGINT.

A failing source never stops the others: it is reported (one ``SOURCE:1: Ennn`` line) and, when
watching, polled again after a backoff that doubles with each failure in a row (the interval,
then twice it, four times, up to BACKOFF_MAX times the interval). On SIGTERM the current poll
stops taking new items (those left are not marked seen: the next run takes them), the alerts of
what was stored are delivered, and the command exits 0.
"""
from __future__ import annotations

import re
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, TextIO

from ..errors import UsageError
from ..store import monitor as M
from . import alerts as A
from .deliver import deliver
from .poll import Options, Report, poll

BACKOFF_MAX = 16          # a failing source waits at most this many intervals
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def every_seconds(text: str) -> float:
    """``15m``, ``1h``, ``30s``, ``90`` (seconds) -> seconds; a UsageError (E300) otherwise."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", str(text))
    if not m or float(m.group(1)) <= 0:
        raise UsageError(f"--every {text!r}: give a duration such as 30s, 15m, 1h")
    return float(m.group(1)) * UNITS[m.group(2) or "s"]


@dataclass
class Stop:
    """Set by SIGTERM/SIGINT; waits wake up at once."""
    event: threading.Event = field(default_factory=threading.Event)

    def __call__(self) -> bool:
        return self.event.is_set()

    def wait(self, seconds: float) -> bool:
        return self.event.wait(seconds)

    def install(self) -> None:
        def handler(signum, frame):
            self.event.set()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, handler)


@dataclass(frozen=True, slots=True)
class Round:
    reports: tuple[Report, ...]
    alerts: tuple[M.Alert, ...]
    undelivered: int

    @property
    def failed(self) -> bool:
        return any(r.status == "failed" or r.failed for r in self.reports) or self.undelivered > 0


def poll_round(store, sources: list[M.Source], opts: Options, alerts_path: str | None, webhooks=(),
               err: TextIO | None = None, out: TextIO | None = None, stop: Callable[[], bool] = lambda: False,
               on_report: Callable[[Report], None] | None = None) -> Round:
    """Poll each source once (a failing one reported, the others polled), then fire and deliver."""
    err = err or sys.stderr
    reports = []
    for src in sources:
        if stop():
            break
        try:
            report = poll(store, src, opts, err, stop)
        except Exception as exc:  # noqa: BLE001 - one source's fault never stops the others
            from ..errors import one_line, show_path
            line = f"{show_path(src.url)}:1: E100 poll failed: {one_line(exc)}"
            print(line, file=err)
            M.record_poll(store.engine, M.Poll(source_id=src.id, started_at=M.now(), status="failed",
                                               error=line, finished_at=M.now()))
            report = Report(show_path(src.url), "?", "failed", error=line)
        reports.append(report)
        if on_report:
            on_report(report)
    docs = [d for r in reports for d in r.documents]
    fired = A.fire(store.engine, docs)
    hooks = {r.id: r.webhook for r in M.rules(store.engine) if r.webhook}
    undelivered = deliver(fired, alerts_path, webhooks, hooks, err=err, out=out) if fired else 0
    return Round(tuple(reports), tuple(fired), undelivered)


def watch(store, urls: list[str], every: float | None, opts: Options, alerts_path: str | None,
          webhooks=(), err: TextIO | None = None, stop: Stop | None = None,
          on_report: Callable[[Report], None] | None = None) -> int:
    """``every=None``: one round, exit status 1 when a source or an item failed. Else rounds every
    ``every`` seconds until ``stop``; exit status 0."""
    err = err or sys.stderr
    engine = store.engine
    if urls:
        sources = [M.source(engine, u) for u in urls]
    else:
        sources = M.sources(engine, kept_only=True)
        if not sources:
            raise UsageError("no sources: name feeds, sitemaps or folders, or keep some with `dyad sources add`")
    if stop is None:
        stop = Stop()
        stop.install()
    if every is None:
        result = poll_round(store, sources, opts, alerts_path, webhooks, err, stop=stop, on_report=on_report)
        return 1 if result.failed else 0
    due = {s.url: 0.0 for s in sources}
    while not stop():
        now = time.monotonic()
        ready = [s for s in (M.source(engine, s.url) for s in sources) if due[s.url] <= now]
        if ready:
            result = poll_round(store, ready, opts, alerts_path, webhooks, err, stop=stop, on_report=on_report)
            for s in ready:
                failures = M.source(engine, s.url).failures
                times = min(2 ** (failures - 1), BACKOFF_MAX) if failures else 1
                due[s.url] = time.monotonic() + every * times
        wait = max(0.05, min(due.values()) - time.monotonic())
        stop.wait(wait)
    print("watch: stopped (SIGTERM/SIGINT); the next run goes on from here", file=err)
    return 0
