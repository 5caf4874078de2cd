"""The shift rule (dyad.watch.shift): a week's events and mean Goldstein against the pair's own
rolling baseline, table-driven."""
from __future__ import annotations

import datetime as dt

import pytest

from dyad.watch.shift import MIN_EVENTS, WINDOW, Week, monday, shifts, weekly

WEEK = "2025-06-02"          # a Monday


def _history(counts: list[int], gold: float | None = 2.0, current: int = 0, current_gold: float | None = None
             ) -> dict[str, Week]:
    """Weeks before WEEK with ``counts`` events (oldest first), then WEEK with ``current``."""
    start = dt.date.fromisoformat(WEEK)
    weeks = {}
    for k, n in enumerate(reversed(counts), 1):
        day = (start - dt.timedelta(weeks=k)).isoformat()
        weeks[day] = Week(day, n, gold if n else None)
    if current:
        weeks[WEEK] = Week(WEEK, current, current_gold)
    return weeks


@pytest.mark.parametrize("name, counts, current, current_gold, fired", [
    ("a quiet pair's single event", [0, 0, 1, 0, 0, 0, 0, 0], 1, -10.0, set()),
    ("a quiet pair's two events", [1, 0, 0, 0, 1, 0, 0, 0], 2, -10.0, set()),
    ("a busy pair's normal week", [20, 22, 19, 21, 20, 23, 18, 21], 23, 2.0, set()),
    ("a busy pair's slightly busier week", [20, 22, 19, 21, 20, 23, 18, 21], 24, 2.5, set()),
    ("a real jump in volume", [1, 0, 2, 1, 0, 1, 2, 1], 12, 2.0, {"events"}),
    ("a busy pair's week twice as busy", [20, 22, 19, 21, 20, 23, 18, 21], 45, 2.0, {"events"}),
    ("a turn to conflict at the usual volume", [5, 6, 5, 4, 6, 5, 5, 6], 5, -7.0, {"goldstein"}),
    ("a jump and a turn", [1, 0, 2, 1, 0, 1, 2, 1], 12, -8.0, {"events", "goldstein"}),
    ("too little history", [1, 0, 1], 12, 2.0, set()),
])
def test_watch_shift_table(name, counts, current, current_gold, fired):
    weeks = _history(counts, current=current, current_gold=current_gold)
    got = {s.metric for s in shifts(weeks, WEEK)}
    assert got == fired, name


def test_watch_shift_figures_state_the_window():
    weeks = _history([1, 0, 2, 1, 0, 1, 2, 1], current=12, current_gold=2.0)
    (s,) = shifts(weeks, WEEK)
    assert s.window == WINDOW and s.baseline == 8 and s.value == 12 and s.z >= 3
    assert s.to_json()["baseline_mean"] == 1.0 and s.to_json()["threshold"] == 3.0


def test_watch_shift_threshold_and_window_are_parameters():
    weeks = _history([2, 2, 2, 2, 2, 2, 2, 2], current=4, current_gold=2.0)
    assert shifts(weeks, WEEK) == []                       # z = 2 < 3
    assert [s.metric for s in shifts(weeks, WEEK, threshold=2.0)] == ["events"]
    assert shifts(weeks, WEEK, window=2, min_history=4) == []     # a 2-week window is short of history


def test_watch_shift_weeks_from_events():
    weeks = weekly([("2025-06-02", 1.0), ("2025-06-08", 3.0), ("2025-06-09", None), (None, 5.0)])
    assert weeks == {"2025-06-02": Week("2025-06-02", 2, 2.0), "2025-06-09": Week("2025-06-09", 1, None)}
    assert monday("2025-06-08") == "2025-06-02" and MIN_EVENTS == 3
