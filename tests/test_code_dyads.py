"""The dyadic expansion (dyad.code.dyads): which pairs an event makes, GDELT rows of one-sided events."""
from __future__ import annotations

import pytest

from dyad.code.dyads import actor_pairs, gdelt_pairs, one_sided, sides_text


def refs(ids: str) -> list[dict]:
    return [{"id": i, "name": i.lower()} for i in ids.split()]


def ids(pairs) -> list[str]:
    return [f"{s['id'] if s else ''}>{g['id'] if g else ''}" for s, g in pairs]


CASES = [   # sources, targets, rule -> pairs, GDELT rows, one-sided
    ("AZE", "CHN", "r", ["AZE>CHN"], ["AZE>CHN"], False),
    ("AZE RUS", "CHN", "r", ["AZE>CHN", "RUS>CHN"], ["AZE>CHN", "RUS>CHN"], False),
    ("AZE CHN", "", "r", ["AZE>CHN", "CHN>AZE"], ["AZE>CHN", "CHN>AZE"], False),       # symmetric
    ("RUS CHN", "", "r+notarget", [], ["RUS>", "CHN>"], True),                        # target unknown
    ("AZE", "", "r+notarget", [], ["AZE>"], True),
    ("AZE", "", "r", [], ["AZE>"], True),                                             # one actor alone
    ("", "AZE", "r+nosource", [], [">AZE"], True),
    ("", "AZE CHN", "r+nosource", [], [">AZE", ">CHN"], True),
    ("", "", "r", [], [">"], True),
    ("AZE", "AZE", "r", [], [], False),                                               # itself: no pair
    ("AZE CHN", "", "r+notargetish", ["AZE>CHN", "CHN>AZE"], ["AZE>CHN", "CHN>AZE"], False),
]


@pytest.mark.parametrize("sources, targets, rule, pairs, rows, single", CASES)
def test_dyads_pairs_and_gdelt_rows(sources, targets, rule, pairs, rows, single):
    s, t = refs(sources), refs(targets)
    assert ids(actor_pairs(s, t, rule)) == pairs
    assert ids(gdelt_pairs(s, t, rule)) == rows
    assert one_sided(s, t, rule) is single


def test_dyads_pairs_of_actor_refs():
    from records_for_api import AZE, CHN
    assert [(a.id, b.id) for a, b in actor_pairs((AZE, CHN), (), "trigger:x")] == [("AZE", "CHN"), ("CHN", "AZE")]


@pytest.mark.parametrize("sources, targets, rule, text", [
    ("AZE", "CHN", "r", "aze → chn"),
    ("AZE CHN", "", "r", "aze, chn"),
    ("AZE CHN", "", "r+notarget", "aze, chn → ?"),
    ("", "AZE", "r+nosource", "? → aze"),
    ("AZE", "", "r", "aze → ?"),
])
def test_dyads_sides_text(sources, targets, rule, text):
    assert sides_text(refs(sources), refs(targets), rule) == text
