"""A shift in a pair's weekly events against its own rolling baseline.

Weeks start on Monday. For the week W the baseline is the WINDOW weeks before it (weeks without
events count as 0), never reaching before the pair's first event. The week is compared only when
the pair has at least MIN_HISTORY weeks of history before W and W holds at least MIN_EVENTS events:

    z = (x - mean(baseline)) / max(std(baseline), FLOOR)

for the volume (events in the week; FLOOR 1 event) and for the mean Goldstein score (baseline: the
weeks with events; FLOOR 1 point). A shift fires when |z| >= THRESHOLD (3 by default). So a quiet
pair's single event does not fire (too few events, and z = 1 against an empty baseline), a busy
pair's ordinary week does not either, and a week of 10 events after weeks of 0-2 does.
"""
from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass
from typing import Iterable

WINDOW = 8            # weeks of baseline
MIN_HISTORY = 4       # weeks of the pair's history needed before the week
MIN_EVENTS = 3        # events the week must hold
THRESHOLD = 3.0       # |z| at least this
FLOOR = {"events": 1.0, "goldstein": 1.0}


@dataclass(frozen=True, slots=True)
class Week:
    start: str                        # the Monday, YYYY-MM-DD
    events: int = 0
    goldstein: float | None = None    # the mean of the week's scored events


@dataclass(frozen=True, slots=True)
class Shift:
    metric: str                       # events | goldstein
    week: str
    value: float
    mean: float
    std: float
    z: float
    baseline: int                     # weeks in the baseline
    window: int
    threshold: float

    def to_json(self) -> dict:
        return {"metric": self.metric, "week": self.week, "value": round(self.value, 3),
                "baseline_mean": round(self.mean, 3), "baseline_std": round(self.std, 3), "z": round(self.z, 2),
                "baseline_weeks": self.baseline, "window": self.window, "threshold": self.threshold}


def monday(day: str) -> str:
    d = dt.date.fromisoformat(day[:10])
    return (d - dt.timedelta(days=d.weekday())).isoformat()


def weekly(events: Iterable[tuple[str, float | None]]) -> dict[str, Week]:
    """(date, Goldstein) of each event -> the weeks that hold events."""
    counts: dict[str, list] = {}
    for day, gold in events:
        if not day:
            continue
        row = counts.setdefault(monday(day), [0, []])
        row[0] += 1
        if gold is not None:
            row[1].append(float(gold))
    return {w: Week(w, n, sum(g) / len(g) if g else None) for w, (n, g) in counts.items()}


def _z(x: float, baseline: list[float], floor: float) -> tuple[float, float, float]:
    mean = statistics.fmean(baseline)
    std = statistics.pstdev(baseline) if len(baseline) > 1 else 0.0
    return mean, std, (x - mean) / max(std, floor)


def shifts(weeks: dict[str, Week], week: str, window: int = WINDOW, threshold: float = THRESHOLD,
           min_history: int = MIN_HISTORY, min_events: int = MIN_EVENTS) -> list[Shift]:
    """The shifts of ``week`` (a Monday) against the weeks before it."""
    current = weeks.get(week, Week(week))
    first = min(weeks) if weeks else week
    start = dt.date.fromisoformat(week)
    before = [(start - dt.timedelta(weeks=k)).isoformat() for k in range(window, 0, -1)]
    before = [w for w in before if w >= first]
    if len(before) < min_history or current.events < min_events:
        return []
    out = []
    counts = [float(weeks.get(w, Week(w)).events) for w in before]
    mean, std, z = _z(current.events, counts, FLOOR["events"])
    if abs(z) >= threshold:
        out.append(Shift("events", week, current.events, mean, std, z, len(before), window, threshold))
    golds = [weeks[w].goldstein for w in before if w in weeks and weeks[w].goldstein is not None]
    if current.goldstein is not None and len(golds) >= min_history:
        mean, std, z = _z(current.goldstein, golds, FLOOR["goldstein"])
        if abs(z) >= threshold:
            out.append(Shift("goldstein", week, current.goldstein, mean, std, z, len(golds), window, threshold))
    return out
