"""Fact extraction (trade figures, memberships, stances). Lands with its issue; until then no facts."""
from __future__ import annotations


def extract_facts(doc, analysis, mentions) -> tuple:
    return ()
