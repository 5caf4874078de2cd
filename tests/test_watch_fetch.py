"""Bounded, conditional fetches (dyad.watch.fetch) against a local server that misbehaves on purpose."""
from __future__ import annotations

import pytest

from dyad.errors import SourceError
from dyad.watch.fetch import fetch, fetch_retried
from feed_server import FeedServer


@pytest.fixture
def server():
    with FeedServer() as s:
        yield s


@pytest.mark.parametrize("name, route, code, why", [
    ("5xx", dict(body="x", status=503), "E120", "HTTP 503"),
    ("4xx", dict(body="x", status=404), "E120", "HTTP 404"),
    ("timeout", dict(body="x", delay=1.5), "E121", "no answer within 0.5 s"),
    ("redirect loop", dict(location="/loop"), "E123", "redirect loop"),
    ("huge body, announced", dict(body="x" * 20_000), "E124", "above the cap of 10,000"),
    ("huge body, streamed", dict(stream=200_000), "E124", "above the cap of 10,000"),
])
def test_watch_fetch_failures_are_one_numbered_line(server, name, route, code, why):
    url = server.route("/loop" if name == "redirect loop" else "/x", **route)
    with pytest.raises(SourceError) as err:
        fetch(url, timeout=0.5, max_bytes=10_000)
    line = str(err.value)
    assert err.value.code == code and why in line, name
    assert line.startswith(url + ":1: " + code) and "\n" not in line


def test_watch_fetch_redirect_chain_is_followed(server):
    server.route("/final", "<rss/>")
    server.route("/b", location="/final")
    url = server.route("/a", location="/b")
    assert fetch(url).body == b"<rss/>"


def test_watch_fetch_conditional_get_answers_304(server):
    url = server.route("/feed", "<rss/>")
    first = fetch(url)
    again = fetch(url, etag=first.etag)
    assert first.status == 200 and first.etag and again.not_modified and again.status == 304


def test_watch_fetch_retries_with_backoff(server):
    url = server.route("/flaky", "<rss/>", fail_first=2)
    waits = []
    answer = fetch_retried(url, retries=2, backoff=0.5, sleep=waits.append)
    assert answer.body == b"<rss/>" and waits == [0.5, 1.0] and server.hits["/flaky"] == 3


def test_watch_fetch_gives_up_and_does_not_retry_what_cannot_help(server):
    url = server.route("/down", status=500)
    with pytest.raises(SourceError):
        fetch_retried(url, retries=2, backoff=0, sleep=lambda s: None)
    assert server.hits["/down"] == 3
    url = server.route("/gone", status=404)
    with pytest.raises(SourceError):
        fetch_retried(url, retries=2, backoff=0, sleep=lambda s: None)
    assert server.hits["/gone"] == 1
