"""Dyad timeline over a generated database of one million events (issue 7's bench).

    .venv/bin/python bench/timeline.py [--events 1000000] [--db bench/out/timeline.db] [--runs 50]

Generates, with a fixed random seed, a SQLite database migrated to the newest schema and filled
with N events (one document per ten events, 40 countries, pairs weighted so a few dominate, 20%
symmetric events listed only as sources, dates over 2015-2025, confidences drawn from the values
the coder gives), then times :func:`dyad.store.queries.dyad_timeline` for the busiest pair and for
AZE-CHN (median and p95 of ``--runs`` calls each, after one warm-up), and the pair's summary, events
page, timeline and the top pairs with ``min_confidence`` 0.5 (counted from ``event_dyads``). The
database is reused when it already holds N events. Prints a Markdown table; bench/README.md keeps
the figures.
"""
from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dyad.store import open_store  # noqa: E402
from dyad.store import queries as Q  # noqa: E402

SEED = 20250831
COUNTRIES = ("AZE CHN RUS TUR KAZ UZB IRN USA IND PAK GEO ARM KGZ TJK TKM MNG JPN KOR PRK DEU "
             "FRA GBR ITA UKR BLR ISR SAU ARE EGY QAT IRQ SYR AFG BRA ZAF NGA IDN VNM THA MYS").split()
CAMEO = (("010", 1, 0.0), ("036", 1, 4.0), ("040", 1, 1.0), ("042", 1, 1.9), ("043", 1, 2.8),
         ("057", 1, 8.0), ("061", 2, 6.4), ("071", 2, 7.4), ("111", 3, -2.0), ("112", 3, -2.0),
         ("130", 3, -4.4), ("163", 4, -8.0), ("172", 4, -5.0), ("190", 4, -10.0))
CONFIDENCES = ((0.9, 50), (0.85, 15), (0.7, 10), (0.6, 10), (0.4, 10), (0.3, 5))   # value, weight
MIN_CONFIDENCE = 0.5


def generate(path: Path, n_events: int) -> None:
    if path.exists():
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    store = open_store(f"sqlite:///{path}")
    store.engine.dispose()
    rng = random.Random(SEED)
    weights = [1.0 / (i + 1) ** 1.1 for i in range(len(COUNTRIES))]
    months = [f"{y}-{m:02d}" for y in range(2015, 2026) for m in range(1, 13)]
    sure = random.Random(SEED + 1)          # its own stream: the events stay those of earlier runs
    levels, level_weights = zip(*CONFIDENCES)
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA journal_mode=WAL")
    docs, events, dyads, actors = [], [], [], []
    for i in range(n_events):
        if i % 10 == 0:
            doc_id = f"d{i // 10:07d}"
            day = f"{rng.choice(months)}-{rng.randint(1, 28):02d}"
            text = f"Документ {doc_id}: {' '.join(rng.choices(COUNTRIES, k=8))}."
            docs.append((doc_id, f"h{doc_id}", day, "ru", doc_id, text, "[]"))
        a, b = rng.choices(COUNTRIES, weights, k=2)
        while b == a:
            b = rng.choices(COUNTRIES, weights)[0]
        code, quad, gold = rng.choice(CAMEO)
        eid = f"{doc_id}:e{i % 10}"
        symmetric = rng.random() < 0.2
        src = [{"id": a, "country": a}] + ([{"id": b, "country": b}] if symmetric else [])
        tgt = [] if symmetric else [{"id": b, "country": b}]
        conf = sure.choices(levels, level_weights)[0]
        events.append((eid, doc_id, eid, day, "day", code, code[:2], quad, gold, 0, 0, 2, "rule.bench", conf,
                       json.dumps(src), json.dumps(tgt), json.dumps({"id": f"e{i % 10}", "cameo": code,
                                                                     "confidence": conf})))
        dyads.append((eid, a, b, a, b, day, day[:7], quad, gold, code, conf))
        if symmetric:
            dyads.append((eid, b, a, b, a, day, day[:7], quad, gold, code, conf))
        actors += [(eid, "source", x["id"], x["country"]) for x in src]
        actors += [(eid, "target", x["id"], x["country"]) for x in tgt]
        if len(events) >= 50_000:
            _flush(con, docs, events, dyads, actors)
    _flush(con, docs, events, dyads, actors)
    con.execute("ANALYZE")
    con.commit()
    con.close()


def _flush(con, docs, events, dyads, actors) -> None:
    con.executemany("INSERT INTO documents (id, content_hash, date, lang, title, text, warnings) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)", docs)
    con.executemany("INSERT INTO events (id, document_id, cluster_id, date, date_precision, cameo, root, "
                    "quad_class, goldstein, negated, evidence_start, evidence_end, rule, confidence, "
                    "sources_json, targets_json, record_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", events)
    con.executemany("INSERT INTO event_dyads (event_id, source_id, target_id, source_country, target_country, "
                    "date, month, quad_class, goldstein, cameo, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?)", dyads)
    con.executemany("INSERT INTO event_actors (event_id, side, actor_id, country) VALUES (?,?,?,?)", actors)
    con.commit()
    docs.clear(), events.clear(), dyads.clear(), actors.clear()


def timed(fn, runs: int) -> tuple[float, float, object]:
    result = fn()                       # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "timeline.db")
    ap.add_argument("--runs", type=int, default=50)
    args = ap.parse_args()
    store = open_store(f"sqlite:///{args.db}") if args.db.exists() else None
    if store is None or store.count("events") != args.events:
        if store is not None:
            store.engine.dispose()
        t0 = time.perf_counter()
        generate(args.db, args.events)
        print(f"generated {args.events:,} events in {time.perf_counter() - t0:.0f} s: {args.db}", file=sys.stderr)
        store = open_store(f"sqlite:///{args.db}")
    engine = store.engine
    dyad_rows = store.count("event_dyads")
    busiest = Q.top_dyads(engine, 1)[0]
    print(f"events: {args.events:,}; event_dyads rows: {dyad_rows:,}; runs: {args.runs}\n")
    print("| query | pair | events of the pair | median ms | p95 ms |")
    print("|---|---|---:|---:|---:|")
    worst = 0.0
    pairs = [(busiest["a"], busiest["b"])] + [p for p in (("AZE", "CHN"), ("RUS", "TUR"))
                                              if set(p) != {busiest["a"], busiest["b"]}][:1]
    for a, b in pairs:
        med, p95, res = timed(lambda: Q.dyad_timeline(engine, a, b), args.runs)
        n = sum(m["events"] for m in res["months"])
        print(f"| dyad_timeline | {a}-{b} | {n:,} | {med:.1f} | {p95:.1f} |")
        worst = max(worst, med)
    for name, fn in (("dyad_summary", lambda: Q.dyad_summary(engine, "AZE", "CHN")),
                     ("events page (pair, 50)", lambda: Q.events(engine, Q.EventFilter(pair=("AZE", "CHN")), 50))):
        med, p95, _ = timed(fn, max(5, args.runs // 5))
        print(f"| {name} | AZE-CHN | | {med:.1f} | {p95:.1f} |")
    x, (a, b) = MIN_CONFIDENCE, pairs[0]          # counted from event_dyads
    for name, fn in (("dyad_timeline", lambda: Q.dyad_timeline(engine, a, b, min_confidence=x)),
                     ("dyad_summary", lambda: Q.dyad_summary(engine, a, b, min_confidence=x)),
                     ("events page (pair, 50)", lambda: Q.events(engine, Q.EventFilter(pair=(a, b), min_confidence=x), 50))):
        med, p95, res = timed(fn, max(5, args.runs // 5))
        n = f"{sum(m['events'] for m in res['months']):,}" if "months" in res else ""
        print(f"| {name}, min_confidence {x} | {a}-{b} | {n} | {med:.1f} | {p95:.1f} |")
    Q.TOP_DYADS_MAX_AGE = 0.0                 # time the query, not the reuse of its answer
    med, p95, _ = timed(lambda: Q.top_dyads(engine, 20, min_confidence=x), 3)
    print(f"| top_dyads (20), min_confidence {x} | | | {med:.1f} | {p95:.1f} |")
    print(f"\ntimeline median, worst pair: {worst:.1f} ms ({'under' if worst < 50 else 'OVER'} the 50 ms budget)")
    return 0 if worst < 50 else 1


if __name__ == "__main__":
    sys.exit(main())
