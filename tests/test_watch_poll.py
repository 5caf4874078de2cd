"""Polls of watched sources (dyad.watch): a local server whose feed changes between polls and whose
other sources misbehave on purpose; each failure is reported and the other sources still ingested.
On SQLite and PostgreSQL (the ``store`` fixture)."""
from __future__ import annotations

import io
import json

import pytest

from dyad.store import monitor as M
from dyad.watch.loop import poll_round
from dyad.watch.poll import Options
from feed_server import FeedServer, page, rss

CONFLICT = ("Азербайджанские войска обстреляли позиции армянской армии на границе, сообщило Министерство "
            "обороны Армении.")
TALKS = "Президент Азербайджана Ильхам Алиев провел переговоры с премьер-министром Армении Николом Пашиняном в Баку."
TRADE = "По данным таможни, товарооборот Азербайджана и Китая за восемь месяцев 2025 года достиг 3,2 млрд долларов."
OPTS = Options(timeout=1.0, max_bytes=200_000, retries=1, backoff=0.05)


def _item(server, guid, title, text, day, *, html=True, feed_text=None):
    link = server.route(f"/{guid}.html", page(title, text), content_type="text/html; charset=utf-8") if html else None
    return {"guid": guid, "title": title, "link": link, "date": day, "text": feed_text}


@pytest.fixture
def server():
    with FeedServer() as s:
        yield s


def _round(store, urls, path=None):
    err = io.StringIO()
    sources = [M.source(store.engine, u) for u in urls]
    result = poll_round(store, sources, OPTS, path, err=err, out=io.StringIO())
    return result, err.getvalue()


def test_watch_poll_new_items_once_and_alerts_on_new_conflict(store, server, tmp_path):
    alerts_file = tmp_path / "alerts.jsonl"
    M.add_rule(store.engine, M.Rule(id=0, a="AZE", b="ARM", cameo=("19",)))
    M.add_rule(store.engine, M.Rule(id=0, a="AZE", b="CHN", facts=True))
    items = [_item(server, "a1", "Переговоры", TALKS, "Tue, 09 Sep 2025 10:00:00 GMT")]
    feed = server.route("/feed.xml", rss(items))

    first, err = _round(store, [feed], str(alerts_file))
    (report,) = first.reports
    assert (report.status, report.items, report.new_items, report.stored) == ("ok", 1, 1, 1), err
    assert not first.alerts and not alerts_file.exists()         # talks are no assault
    doc = store.document("a1")
    assert doc["date"] == "2025-09-09" and doc["url"].endswith("/a1.html") and doc["title"] == "Переговоры"
    assert doc["text"].startswith("Президент Азербайджана")      # the page's text, its heading left out

    second, _ = _round(store, [feed], str(alerts_file))
    assert second.reports[0].status == "unchanged" and second.reports[0].stored == 0

    items.append(_item(server, "a2", "Обстрел на границе", CONFLICT, "Wed, 10 Sep 2025 08:00:00 GMT"))
    items.append(_item(server, "a3", "Торговля", TRADE, "Sun, 31 Aug 2025 08:00:00 GMT"))
    server.route("/feed.xml", rss(items))
    third, err = _round(store, [feed], str(alerts_file))
    assert third.reports[0].new_items == 2 and third.reports[0].stored == 2, err
    lines = [json.loads(x) for x in alerts_file.read_text(encoding="utf-8").splitlines()]
    kinds = sorted(x["kind"] for x in lines)
    assert kinds == ["event", "fact"], lines
    event = next(x for x in lines if x["kind"] == "event")
    assert event["pair"] == ["AZE", "ARM"] and event["figures"]["cameo"].startswith("19")
    assert event["figures"]["plover"] == "ASSAULT" and event["date"] == "2025-09-10"
    (ev,) = event["evidence"]
    assert ev["sentence"] == CONFLICT and ev["document"]["id"] == "a2" and ev["document"]["url"].endswith("/a2.html")
    fact = next(x for x in lines if x["kind"] == "fact")
    assert fact["figures"]["value"] == 3.2e9 and fact["evidence"][0]["sentence"] == TRADE

    server.route("/feed.xml", rss(items) + " ")      # a new ETag, the same items
    fourth, _ = _round(store, [feed], str(alerts_file))
    assert fourth.reports[0].new_items == 0 and not fourth.alerts
    assert len(alerts_file.read_text(encoding="utf-8").splitlines()) == 2      # nothing fired twice
    polls = M.last_polls(store.engine)
    assert polls[M.source(store.engine, feed).id]["status"] == "ok"


@pytest.mark.parametrize("name, route, code", [
    ("5xx", dict(body="x", status=502), "E120"),
    ("timeout", dict(body="<rss/>", delay=2.0), "E121"),
    ("malformed XML", dict(body="<rss><channel><item><title>oops</ti"), "E122"),
    ("redirect loop", dict(location="/bad"), "E123"),
    ("huge body", dict(body="<rss>" + "x" * 300_000 + "</rss>"), "E124"),
])
def test_watch_poll_failing_source_is_reported_and_the_others_ingested(store, server, name, route, code):
    bad = server.route("/bad", **route)
    good = server.route("/good.xml", rss([_item(server, "g1", "Переговоры", TALKS, "Tue, 09 Sep 2025 10:00:00 GMT")]))
    result, err = _round(store, [bad, good])
    failed, ok = result.reports
    assert failed.status == "failed" and failed.error.startswith(code), (name, failed)
    assert f"{bad}:1: {code} " in err and len([x for x in err.splitlines() if bad in x]) == 1, err
    assert ok.status == "ok" and ok.stored == 1 and store.document("g1") is not None
    assert result.failed
    src = M.source(store.engine, bad)
    assert src.failures == 1 and M.last_polls(store.engine)[src.id]["error"].endswith(failed.error)


@pytest.mark.parametrize("name, link_route, feed_text, stored, line", [
    ("non-HTML page, the feed's text", dict(body=b"%PDF-1.4 binary", content_type="application/pdf"), TALKS, 1,
     "W120 item page is not HTML (application/pdf)"),
    ("failing page, the feed's text", dict(body="x", status=500), TALKS, 1, "W120 item page E120 HTTP 500"),
    ("non-HTML page, no feed text", dict(body=b"\x89PNG", content_type="image/png"), None, 0,
     "E125 item 'p1': no usable page"),
])
def test_watch_poll_unusable_item_page(store, server, name, link_route, feed_text, stored, line):
    link = server.route("/p1", **link_route)
    feed = server.route("/f.xml", rss([{"guid": "p1", "title": "T", "link": link, "text": feed_text,
                                         "date": "Tue, 09 Sep 2025 10:00:00 GMT"}]))
    result, err = _round(store, [feed])
    assert result.reports[0].stored == stored, (name, err)
    assert f"{feed}:1: {line}" in err, err
    if stored:
        assert store.document("p1")["text"] == TALKS


def test_watch_poll_changed_item_is_stored_anew(store, server):
    feed = server.route("/f.xml", rss([{"guid": "c1", "title": "T", "text": TALKS, "date": "Tue, 09 Sep 2025 10:00:00 GMT"}]))
    _round(store, [feed])
    server.route("/f.xml", rss([{"guid": "c1", "title": "T", "text": CONFLICT, "date": "Tue, 09 Sep 2025 10:00:00 GMT"}]))
    result, err = _round(store, [feed])
    assert result.reports[0].new_items == 1 and result.reports[0].stored == 1, err
    assert store.document("c1")["text"] == TALKS                      # the first version kept
    assert store.count("documents") == 2


def test_watch_poll_sitemap_and_folder(store, server, tmp_path):
    p1 = server.route("/s1.html", page("Переговоры", TALKS), content_type="text/html")
    sitemap = server.route("/sitemap.xml", '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                           f'sitemap/0.9"><url><loc>{p1}</loc><lastmod>2025-09-09</lastmod></url></urlset>',
                           content_type="application/xml")
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "one.txt").write_text("date 2025-09-10\n" + CONFLICT, encoding="utf-8")
    result, err = _round(store, [sitemap, str(folder)])
    assert [(r.kind, r.stored) for r in result.reports] == [("sitemap", 1), ("folder", 1)], err
    assert store.document(p1) is not None and store.document(p1)["date"] == "2025-09-09"
    (folder / "two.txt").write_text("date 2025-09-11\n" + TRADE, encoding="utf-8")
    again, _ = _round(store, [sitemap, str(folder)])
    assert [(r.new_items, r.stored) for r in again.reports] == [(0, 0), (1, 1)]
