"""`dyad brief A B`: the briefing on the seed article (Azerbaijan-China, with trade figures), as
HTML and as a PDF whose text, read back, holds every claim with its citation."""
from __future__ import annotations

import re
import subprocess
import sys
import unicodedata

import pytest

DYAD = [sys.executable, "-m", "dyad"]


def run(*args):
    return subprocess.run([*DYAD, *map(str, args)], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, seed_path):
    url = f"sqlite:///{tmp_path_factory.mktemp('brief') / 'seed.db'}"
    done = run("ingest", "--db", url, "--workers", "1", seed_path)
    assert done.returncode == 0, done.stderr
    return url


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _claims(url):
    from dyad.serve import brief as B
    from dyad.store import open_store
    store = open_store(url)
    data = B.gather(store.engine, "AZE", "CHN")
    store.engine.dispose()
    return data


def test_brief_gathers_the_pairs_figures_with_citations(seed_db):
    data = _claims(seed_db)
    turnover = [c for c in data.series if c.text.startswith("trade turnover")]
    assert turnover and "2.5 bn USD" in turnover[0].text
    assert turnover[0].citation.sentence.startswith("Товарооборот") and "2,5 млрд" in turnover[0].citation.sentence
    assert data.events and data.headline[0].startswith(f"{data.summary['events']} events")
    assert all(c.citation.sentence and c.citation.date == "2025-08-31" and c.citation.document for c in data.claims)


def test_brief_html_by_name_and_period(seed_db, tmp_path):
    out = tmp_path / "b.html"
    done = run("brief", "Азербайджан", "Китай", "--start", "2025-01-01", "--end", "2025-12-31", "--format", "html",
               "--output", out, "--db", seed_db)
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    assert "Азербайджан – Китай" in html and "<script" not in html
    for c in _claims(seed_db).claims:
        assert c.citation.sentence.replace("«", "&#171;")[:30] in html or c.citation.sentence[:30] in html
    empty = run("brief", "AZE", "CHN", "--start", "2030-01-01", "--format", "html", "--db", seed_db)
    assert "No trade or economic figures" in empty.stdout
    assert run("brief", "AZE", "CHN", "--start", "2025-02-30", "--db", seed_db).returncode == 2
    assert run("brief", "AZE", "CHN", "--format", "pdf", "--db", seed_db).returncode == 2


@pytest.mark.browser
def test_brief_pdf_every_claim_carries_its_citation(seed_db, tmp_path):
    from test_browser import _need_browser
    _need_browser()
    pytest.importorskip("pypdf")
    from pypdf import PdfReader
    out = tmp_path / "f.pdf"
    done = run("brief", "AZE", "CHN", "--format", "pdf", "--output", out, "--db", seed_db)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    text = _flat(" ".join(p.extract_text() for p in PdfReader(str(out)).pages))
    data = _claims(seed_db)
    (turnover,) = [c for c in data.series if c.text.startswith("trade turnover")]
    assert "2.5 bn USD" in text and _flat(turnover.citation.sentence) in text     # the figure and its sentence
    for c in data.claims:                 # each claim, then its sentence, title, date and document
        claim, cite = _flat(c.text), _flat(f"«{c.citation.sentence}»")
        at = text.find(claim)
        assert at >= 0, claim
        after = text[at + len(claim):]
        assert after.lstrip(" )").startswith(cite[:40]) or cite[:40] in after[:len(cite) + 400], (claim, cite)
        tail = after[after.find(cite[:40]) + len(cite):][:400]
        assert "2025-08-31" in tail and c.citation.document in tail, (claim, tail[:200])
    assert re.search(r"\d+ events between", text)
