"""Event coding (CAMEO and PLOVER). The coder lands with its issue; until then no events."""
from __future__ import annotations


def code_events(doc, analysis, mentions) -> tuple:
    return ()
