"""HTML pages (trafilatura) and RSS/Atom feeds (feedparser) from local files: one document per page
or entry, dates from the page or entry (else --date), bad entries reported and skipped."""
from __future__ import annotations

import pytest

from dyad.ingest.readers import read_path
from dyad.ingest.web import html_text

PAGE = """<html><head><title>Переговоры в Астане</title>
<meta property="article:published_time" content="2025-06-12T10:00:00+03:00"></head>
<body><nav>Главная | Новости | Спорт</nav><article><h1>Переговоры в Астане</h1>
<p>Президент Казахстана Касым-Жомарт Токаев и Президент Узбекистана Шавкат Мирзиёев провели
переговоры в Астане во вторник.</p>
<p>Стороны обсудили развитие транспортных коридоров, товарооборот двух стран вырос на 12 процентов.</p>
<p>Лидеры подписали соглашение о демаркации границы.</p></article>
<footer>Все права защищены</footer></body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Лента</title><link>https://example.org/</link>
<item><title>Токаев посетил Ташкент</title><link>https://example.org/1</link><guid>n-1</guid>
<pubDate>Tue, 10 Jun 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Президент Казахстана Касым-Жомарт Токаев прибыл в Ташкент.&lt;/p&gt;&lt;p&gt;Стороны обсудили торговлю.&lt;/p&gt;</description></item>
<item><title>Без даты</title><link>https://example.org/2</link>
<description>Россия и Турция договорились о поставках газа.</description></item>
<item><title>Пустая</title><link>https://example.org/3</link><pubDate>Tue, 10 Jun 2025 09:00:00 GMT</pubDate></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Лента</title><id>urn:feed</id>
<updated>2025-06-11T00:00:00Z</updated>
<entry><title>Китай и Казахстан</title><id>urn:e1</id><link href="https://example.org/a"/>
<published>2025-06-11T07:00:00Z</published><updated>2025-06-11T07:00:00Z</updated>
<content type="html">&lt;p&gt;Председатель КНР Си Цзиньпин встретился с Токаевым в Пекине.&lt;/p&gt;</content></entry>
</feed>"""


@pytest.fixture
def web_dir(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "news.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "feed.atom").write_text(ATOM, encoding="utf-8")
    return tmp_path


def test_ingest_web_html_main_text_and_date(web_dir):
    [item] = list(read_path(web_dir / "page.html"))
    doc = item.document
    assert item.error is None and doc.date == "2025-06-12"
    assert doc.title == "Переговоры в Астане"
    assert "Шавкат Мирзиёев" in doc.text and "демаркации границы" in doc.text
    assert "Все права защищены" not in doc.text and "Спорт" not in doc.text


def test_ingest_web_html_without_date_needs_date(tmp_path):
    page = tmp_path / "nodate.htm"
    page.write_text(PAGE.replace('<meta property="article:published_time" content="2025-06-12T10:00:00+03:00">', ""),
                    encoding="utf-8")
    items = list(read_path(page, date="2025-01-02"))
    assert items[0].document is not None and items[0].document.date in ("2025-01-02",)
    [undated] = list(read_path(page))              # no --date: stored undated, dated from its text
    assert undated.document.date is None and undated.warnings[0].startswith(
        "W107 undated input: the page has no date in its metadata")


def test_ingest_web_rss_entries(web_dir):
    items = list(read_path(web_dir / "news.rss"))
    assert [i.line for i in items] == [1, 2, 3]
    first = items[0].document
    assert (first.id, first.date, first.url, first.title) == ("n-1", "2025-06-10", "https://example.org/1",
                                                               "Токаев посетил Ташкент")
    assert first.text == "Президент Казахстана Касым-Жомарт Токаев прибыл в Ташкент.\n\nСтороны обсудили торговлю."
    assert str(items[1].error).endswith("E106 entry has no date; give --date")
    assert str(items[2].error).endswith("E106 entry has no content or summary")
    dated = list(read_path(web_dir / "news.rss", date="2025-06-01"))
    assert dated[1].document.date == "2025-06-01" and dated[0].document.date == "2025-06-10"


def test_ingest_web_atom_and_directory(web_dir):
    [item] = list(read_path(web_dir / "feed.atom"))
    assert item.document.date == "2025-06-11" and item.document.url == "https://example.org/a"
    assert item.document.text == "Председатель КНР Си Цзиньпин встретился с Токаевым в Пекине."
    paths = {i.path.rsplit("/", 1)[1] for i in read_path(web_dir)}
    assert paths == {"page.html", "news.rss", "feed.atom"}


def test_ingest_web_not_a_feed(tmp_path):
    bad = tmp_path / "broken.xml"
    bad.write_text("<notafeed>", encoding="utf-8")
    [item] = list(read_path(bad))
    assert item.error is not None and item.error.code == "E101"


@pytest.mark.parametrize("fragment, text", [
    ("plain &amp; simple", "plain & simple"),
    ("<p>one</p><p>two<br>three</p>", "one\n\ntwo\nthree"),
    ("<div>a  <b>b</b>\n c</div><script>x()</script>", "a b c"),
])
def test_ingest_web_html_text(fragment, text):
    assert html_text(fragment) == text
