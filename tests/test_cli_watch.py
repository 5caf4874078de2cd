"""`dyad watch`, `dyad sources`, `dyad alerts` end to end, as cron or an operator would run them:
a local feed that changes between polls, a broken feed beside it, SIGTERM, a webhook that fails
the first time."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from feed_server import FeedServer, page, rss

DYAD = [sys.executable, "-m", "dyad"]
CONFLICT = ("Азербайджанские войска обстреляли позиции армянской армии на границе, сообщило Министерство "
            "обороны Армении.")
TALKS = "Президент Азербайджана Ильхам Алиев провел переговоры с премьер-министром Армении Николом Пашиняном в Баку."


def run(*args, timeout=600):
    return subprocess.run([*DYAD, *map(str, args)], capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def server():
    with FeedServer() as s:
        yield s


def _item(server, guid, title, text, day):
    link = server.route(f"/{guid}.html", page(title, text), content_type="text/html; charset=utf-8")
    return {"guid": guid, "title": title, "link": link, "date": day}


def test_cli_watch_once_stores_new_items_alerts_and_reports_a_broken_feed(server, tmp_path, db_url):
    alerts = tmp_path / "alerts.jsonl"
    rule = run("alerts", "add", "--pair", "Азербайджан-Армения", "--cameo", "19", "--db", db_url)
    assert rule.returncode == 0 and "AZE-ARM: cameo 19" in rule.stdout, rule.stderr
    items = [_item(server, "n1", "Переговоры в Баку", TALKS, "Tue, 09 Sep 2025 10:00:00 GMT")]
    feed = server.route("/feed.xml", rss(items))
    broken = server.route("/broken.xml", "<rss><channel><item><title>oops</ti")
    args = ("watch", "--once", "--alerts", alerts, "--db", db_url, "--retries", "0", feed, broken)

    first = run(*args)
    assert first.returncode == 1, first.stderr                         # a source failed
    assert f"{broken}:1: E122 malformed XML" in first.stderr
    assert f"{feed}: feed, HTTP 200, 1 items, 1 new, 1 stored, 0 failed" in first.stderr
    second = run(*args)
    assert f"{feed}: unchanged" in second.stderr and "stored" not in second.stderr.split(feed)[1].split("\n")[0]
    assert alerts.read_text(encoding="utf-8") == ""                 # there, empty: nothing fired yet

    items.append(_item(server, "n2", "Обстрел на границе", CONFLICT, "Wed, 10 Sep 2025 08:00:00 GMT"))
    server.route("/feed.xml", rss(items))
    third = run(*args)
    assert f"{feed}: feed, HTTP 200, 2 items, 1 new, 1 stored" in third.stderr, third.stderr
    (line,) = alerts.read_text(encoding="utf-8").splitlines()
    alert = json.loads(line)
    assert alert["pair"] == ["AZE", "ARM"] and alert["kind"] == "event" and alert["figures"]["cameo"].startswith("19")
    assert alert["evidence"][0]["sentence"] == CONFLICT and alert["evidence"][0]["document"]["title"] == "Обстрел на границе"
    fourth = run(*args)
    assert fourth.returncode == 1 and len(alerts.read_text(encoding="utf-8").splitlines()) == 1

    listed = run("sources", "list", "--db", db_url)
    assert feed in listed.stdout and "unchanged" in listed.stdout and "E122" in listed.stdout
    fired = run("alerts", "list", "--fired", "--db", db_url)
    assert json.loads(fired.stdout.splitlines()[0])["evidence"][0]["sentence"] == CONFLICT


def test_cli_watch_alerts_to_stdout_and_webhook_retried(server, tmp_path):
    db = f"sqlite:///{tmp_path / 'w.db'}"
    hook = server.route("/hook", status=200, fail_first=1)
    assert run("alerts", "add", "--pair", "AZE-ARM", "--plover", "assault", "--db", db).returncode == 0
    feed = server.route("/f.xml", rss([_item(server, "w1", "Обстрел", CONFLICT, "Wed, 10 Sep 2025 08:00:00 GMT")]))
    out = run("watch", "--once", "--webhook", hook, "--db", db, feed)
    assert out.returncode == 0, out.stderr
    alert = json.loads(out.stdout.splitlines()[0])
    assert alert["figures"]["plover"] == "ASSAULT"
    assert server.hits["/hook"] == 2 and json.loads(server.posts["/hook"][0])["id"] == alert["id"]


def test_cli_sources_and_alert_rules_are_kept(server, tmp_path):
    db = f"sqlite:///{tmp_path / 's.db'}"
    feed = server.route("/f.xml", rss([_item(server, "k1", "Переговоры", TALKS, "Tue, 09 Sep 2025 10:00:00 GMT")]))
    added = run("sources", "add", feed, "--name", "test feed", "--db", db)
    assert added.returncode == 0 and "source 1:" in added.stdout
    watched = run("watch", "--once", "--db", db)                 # no sources named: the kept ones
    assert watched.returncode == 0 and "1 stored" in watched.stderr, watched.stderr
    assert "test feed" in run("sources", "list", "--db", db).stdout
    assert run("sources", "remove", feed, "--db", db).returncode == 0
    assert run("sources", "list", "--db", db).stdout == ""
    none = run("watch", "--once", "--db", db)
    assert none.returncode == 2 and "E300 no sources" in none.stderr

    rules = [run("alerts", "add", *a, "--db", db) for a in (["--actor", "Армения", "--cameo", "13"],
                                                           ["--pair", "AZE-CHN", "--facts", "--shift"])]
    assert all(r.returncode == 0 for r in rules), [r.stderr for r in rules]
    listed = run("alerts", "list", "--db", db).stdout
    assert "ARM: cameo 13" in listed and "AZE-CHN: facts; shift (z>=3, 8 weeks)" in listed
    assert run("alerts", "remove", "1", "--db", db).returncode == 0
    assert "ARM: cameo 13" not in run("alerts", "list", "--db", db).stdout
    for bad in (["--pair", "AZE-Нетакойстраны"], ["--pair", "AZE-ARM", "--cameo", "99"],
                ["--pair", "AZE-ARM", "--plover", "HUG"], ["--actor", "AZE", "--shift"], []):
        r = run("alerts", "add", *bad, "--db", db)
        assert r.returncode == 2 and r.stderr.strip().count("\n") == 0, (bad, r.stderr)


def test_cli_watch_exits_cleanly_on_sigterm(server, tmp_path):
    db = f"sqlite:///{tmp_path / 't.db'}"
    feed = server.route("/f.xml", rss([{"guid": "s1", "title": "T", "text": TALKS, "date": "Tue, 09 Sep 2025 10:00:00 GMT"}]))
    proc = subprocess.Popen([*DYAD, "watch", "--every", "1s", "--db", db, feed], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while server.hits.get("/f.xml", 0) < 2 and time.monotonic() < deadline:    # polled, then again
            time.sleep(0.2)
        assert server.hits.get("/f.xml", 0) >= 2
        sent = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err
        assert time.monotonic() - sent < 10 and "stopped" in err
        assert "1 stored" in err
    finally:
        if proc.poll() is None:
            proc.kill()
    from dyad.store import open_store
    store = open_store(db)
    assert store.document("s1") is not None
    store.engine.dispose()


def test_cli_watch_usage_errors(tmp_path):
    db = f"sqlite:///{tmp_path / 'u.db'}"
    for args in (["--every", "soon"], ["--once", "--every", "1m"], ["--date", "2025-13-01", "--once"]):
        r = run("watch", *args, "--db", db, "http://127.0.0.1:9/f.xml")
        assert r.returncode == 2, (args, r.stderr)
    assert os.path.exists(tmp_path / "u.db") or True
