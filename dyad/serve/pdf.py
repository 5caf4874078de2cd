"""HTML to PDF through headless Chromium, driven by Playwright (the browser the dashboard's tests
drive): Debian's ``chromium`` (``$DYAD_CHROMIUM``, else /usr/bin/chromium, else ``chromium`` on the
PATH), never a browser download. Missing Playwright or Chromium is one E131 line."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..errors import DyadError

ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu",
        "--headless"]
CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


class PdfUnavailable(DyadError):
    code = "E131"


def chromium() -> str | None:
    given = os.environ.get("DYAD_CHROMIUM")
    if given:
        return given if os.path.exists(given) else None
    for path in CANDIDATES:
        if os.path.exists(path):
            return path
    return shutil.which("chromium") or shutil.which("chromium-browser")


def html_to_pdf(html: str, output: str | Path, timeout_ms: int = 60_000) -> None:
    """Print ``html`` (a self-contained page: no script, no network) to the PDF ``output``."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise PdfUnavailable("cannot write a PDF: Playwright is not installed (pip install playwright)") from None
    exe = chromium()
    if exe is None:
        raise PdfUnavailable("cannot write a PDF: no Chromium (apt-get install chromium, or set DYAD_CHROMIUM)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=ARGS, headless=True)
        try:
            page = browser.new_page()
            page.route("**/*", lambda route: route.abort() if not route.request.url.startswith(("data:", "about:"))
                       else route.continue_())
            page.set_content(html, wait_until="load", timeout=timeout_ms)
            page.pdf(path=str(output), format="A4", print_background=True,
                     margin={"top": "14mm", "bottom": "14mm", "left": "12mm", "right": "12mm"})
        finally:
            browser.close()
