"""Screenshots of each dashboard page (``make screenshots`` -> bench/screenshots/*.png).

Ingests our own example articles (examples/) into a fresh SQLite database, serves it on a free
loopback port and photographs the pages in headless Chromium (Debian's, via Playwright). The seed
article is third-party text, so it is never photographed into the repository.
"""
from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_browser import ARGS, CHROMIUM, LiveServer  # noqa: E402

OUT = ROOT / "bench" / "screenshots"


def pages(store) -> list[tuple[str, str]]:
    from dyad.store import queries as Q
    hit = Q.search(store.engine, "Эрдогана", 1)["items"]
    doc_id = hit[0]["id"] if hit else Q.documents(store.engine, limit=1)["items"][0]["id"]
    events = Q.events(store.engine, Q.EventFilter(document=doc_id), limit=1)["items"]
    focus = f"?focus={events[0]['id']}" if events else ""
    return [("index", "/"), ("dyad-AZE-TUR", "/dyad/AZE/TUR"),
            ("dyad-KAZ-TUR-filtered", "/dyad/KAZ/TUR?start=2025-01-01&plover=CONSULT&direction=both"),
            ("actor-TUR", "/actor/TUR"),
            ("document", f"/document/{doc_id}{focus}"), ("search", "/search?q=товарооборот"), ("api-docs", "/docs")]


def main() -> int:
    from playwright.sync_api import sync_playwright
    from dyad.ingest.run import ingest
    from dyad.store import open_store
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/screens.db"
        store = open_store(url)
        inputs = [str(ROOT / "examples")]
        ingest(inputs, store, err=io.StringIO())
        todo = pages(store)
        store.engine.dispose()
        with LiveServer(url) as live, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, path in todo:
                page.goto(live.url + path, wait_until="networkidle")
                page.wait_for_timeout(800)                  # charts, the map and the graph finish drawing
                page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
                print(f"{OUT / (name + '.png')}  <- {path}")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
