"""Where alerts go: JSON lines (a file, appended, or stdout) and webhooks (POST, retried).

One alert is one JSON object on one line (:meth:`dyad.store.monitor.Alert.to_json`). A webhook
gets the same object as the body of a POST (``Content-Type: application/json``); an answer other
than 2xx, a refused connection or a timeout is tried again ``retries`` times, waiting ``backoff``
seconds, then twice that, and so on; then one E130 line is printed and the alert stays stored.
"""
from __future__ import annotations

import json
import sys
import time
import urllib.error
import urllib.request
from typing import Iterable, TextIO

from ..errors import DeliveryFailed, one_line, show_path
from ..store.monitor import Alert

WEBHOOK_TIMEOUT = 10.0


def alert_line(alert: Alert) -> str:
    return json.dumps(alert.to_json(), ensure_ascii=False, sort_keys=True)


def write_lines(alerts: Iterable[Alert], path: str | None, out: TextIO | None = None) -> None:
    """Append the alerts to ``path`` as JSON lines (flushed), else write them to ``out``/stdout."""
    alerts = list(alerts)
    if not alerts:
        return
    if path is None:
        out = out or sys.stdout
        for a in alerts:
            out.write(alert_line(a) + "\n")
        out.flush()
        return
    with open(path, "a", encoding="utf-8") as fh:
        for a in alerts:
            fh.write(alert_line(a) + "\n")


def post(url: str, alert: Alert, retries: int = 3, backoff: float = 1.0, sleep=time.sleep,
         timeout: float = WEBHOOK_TIMEOUT) -> None:
    """POST the alert to ``url``; raises DeliveryFailed after the last try."""
    body = alert_line(alert).encode("utf-8")
    last = ""
    for attempt in range(retries + 1):
        req = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": "application/json", "User-Agent": "dyad/0.1 (+alerts)"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                resp.read(1024)
                if 200 <= resp.status < 300:
                    return
                last = f"HTTP {resp.status}"
        except urllib.error.HTTPError as exc:
            last = f"HTTP {exc.code} {exc.reason}"
        except (OSError, ValueError) as exc:
            last = one_line(exc)
        if attempt < retries:
            sleep(backoff * 2 ** attempt)
    raise DeliveryFailed(f"webhook {show_path(url)}: alert {alert.id} not delivered after {retries + 1} tries ({last})")


def deliver(alerts: list[Alert], path: str | None, webhooks: Iterable[str] = (), rule_hooks: dict | None = None,
            err: TextIO | None = None, out: TextIO | None = None, retries: int = 3, backoff: float = 1.0) -> int:
    """Every alert to the lines and to each webhook (the command's and its rule's); returns the
    number of failed deliveries (each one E130 line on ``err``)."""
    err = err or sys.stderr
    failed = 0
    try:
        write_lines(alerts, path, out)
    except OSError as exc:
        print(DeliveryFailed(f"cannot write the alerts to {show_path(path)}: {one_line(exc)}").message, file=err)
        failed += len(alerts)
    for a in alerts:
        hooks = [*webhooks, *([rule_hooks[a.rule_id]] if (rule_hooks or {}).get(a.rule_id) else [])]
        for url in dict.fromkeys(hooks):
            try:
                post(url, a, retries, backoff)
            except DeliveryFailed as exc:
                print(exc.message, file=err)
                failed += 1
    return failed
