"""A bounded load test on loopback: requests/s and p99 latency of Dyad's endpoints on the
one-million-event database while `dyad ingest` writes to it.

    .venv/bin/python bench/load.py [--seconds 30] [--clients 8] [--docs 300] [--no-readme]

Copies bench/out/timeline.db (made by bench/timeline.py) to bench/out/load.db, starts
`dyad serve` on 127.0.0.1 (one uvicorn process) and `dyad ingest --workers 1` of a generated corpus
into the same database; once the writer has committed, ``--clients`` threads send requests round-robin over ENDPOINTS for
``--seconds`` seconds (each thread waits for its answer before the next request, so the load is
bounded by the clients). Every answer must be 200 and parse. Writes a Markdown table into
bench/README.md between the ``load`` markers.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import crash  # noqa: E402

ENDPOINTS = (
    ("dyad summary", "/api/dyads/AZE/CHN"),
    ("dyad timeline", "/api/dyads/AZE/CHN/timeline"),
    ("dyad timeline (dated)", "/api/dyads/RUS/TUR/timeline?start=2020-01-01&end=2023-12-31"),
    ("top pairs", "/api/dyads?limit=20"),
    ("events of a pair", "/api/events?pair=AZE-CHN&limit=50"),
    ("events page 10", "/api/events?limit=50&offset=500"),
    ("facts", "/api/facts?limit=50"),
    ("documents", "/api/documents?limit=50"),
    ("search", "/api/search?q=%D0%BF%D0%B5%D1%80%D0%B5%D0%B3%D0%BE%D0%B2%D0%BE%D1%80%D1%8B"),
    ("actors search", "/api/actors?q=%D0%9A%D0%B0%D0%B7"),
    ("dyad page (HTML)", "/dyad/AZE/CHN"),
    ("version", "/-/version"),
)
MARK_START, MARK_END = "<!-- load:start -->", "<!-- load:end -->"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(base: str, timeout: float = 120) -> None:
    import httpx
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/-/version", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError("the server did not come up")


def drive(base: str, seconds: float, clients: int) -> tuple[dict, int, float]:
    import httpx
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(k: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as http:
            i = k
            while time.monotonic() < stop:
                name, path = ENDPOINTS[i % len(ENDPOINTS)]
                i += 1
                t0 = time.perf_counter()
                try:
                    r = http.get(path)
                    ok = r.status_code == 200 and (r.json() if "json" in r.headers.get("content-type", "")
                                                  else r.text) is not None
                except Exception as exc:  # noqa: BLE001 - recorded as an error
                    ok, r = False, exc
                dt_ms = (time.perf_counter() - t0) * 1000
                with lock:
                    latencies[name].append(dt_ms)
                    if not ok:
                        errors.append(f"{path}: {getattr(r, 'status_code', r)}")

    t0 = time.monotonic()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    from collections import Counter
    for e, n in Counter(errors).most_common(10):
        print(f"error x{n}: {e}", file=sys.stderr)
    return latencies, len(errors), time.monotonic() - t0


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] if values else 0.0


def table(latencies: dict, elapsed: float, errors: int, meta: str) -> str:
    total = sum(len(v) for v in latencies.values())
    every = [x for v in latencies.values() for x in v]
    lines = [meta, "",
             "| endpoint | requests | req/s | median ms | p99 ms | max ms |", "|---|---:|---:|---:|---:|---:|"]
    for name, path in ENDPOINTS:
        v = latencies.get(name, [])
        lines.append(f"| {name} `{path.split('?')[0]}` | {len(v)} | {len(v) / elapsed:.1f} | "
                     f"{statistics.median(v) if v else 0:.1f} | {pct(v, 0.99):.1f} | {max(v, default=0):.1f} |")
    lines.append(f"| **all** | {total} | **{total / elapsed:.1f}** | {statistics.median(every):.1f} | "
                 f"**{pct(every, 0.99):.1f}** | {max(every):.1f} |")
    lines += ["", f"Errors (non-200 or unparsable answers): **{errors}**."]
    return "\n".join(lines)


def write_readme(block: str) -> None:
    readme = ROOT / "bench" / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmarks\n"
    section = f"{MARK_START}\n{block}\n{MARK_END}"
    if MARK_START in text:
        head, rest = text.split(MARK_START, 1)
        text = head + section + rest.split(MARK_END, 1)[1]
    else:
        text = text.rstrip() + "\n\n## API under load while an ingest runs (issue 9)\n\n" + HOW + "\n\n" + section + "\n"
    readme.write_text(text, encoding="utf-8")


HOW = """`bench/load.py` copies the one-million-event database of `bench/timeline.py`, serves it with
`dyad serve` (one uvicorn process) on 127.0.0.1 and, while `dyad ingest --workers 1` writes a
generated corpus into the same database (SQLite WAL: one writer, many readers), sends requests from
N client threads, each waiting for its answer (a bounded, closed-loop load), round-robin over the
endpoints below for a fixed time. Every answer must be 200 and parse. The section between the
markers is rewritten by each run (`--no-readme` to skip)."""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--source", type=Path, default=ROOT / "bench" / "out" / "timeline.db")
    ap.add_argument("--no-readme", action="store_true")
    args = ap.parse_args(argv)
    if not args.source.exists():
        print(f"{args.source} is missing: run bench/timeline.py first", file=sys.stderr)
        return 2
    db_path = ROOT / "bench" / "out" / "load.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    shutil.copyfile(args.source, db_path)
    db = f"sqlite:///{db_path}"
    from sqlalchemy import create_engine, text
    engine = create_engine(db)
    with engine.connect() as conn:
        n_events = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
        n_docs_before = conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "dyad", "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    work = Path(tempfile.mkdtemp(prefix="dyad-load-"))
    try:
        wait_up(base)
        inputs = crash.make_corpus(work, args.docs, seed=99)
        writer = subprocess.Popen(crash.ingest_cmd(db, inputs, 1), stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True, start_new_session=True)
        deadline = time.monotonic() + 300      # let the writer load its models and commit once
        while time.monotonic() < deadline and writer.poll() is None:
            with engine.connect() as conn:
                if conn.execute(text("SELECT count(*) FROM documents")).scalar_one() > n_docs_before:
                    break
            time.sleep(0.5)
        with engine.connect() as conn:
            n_docs_start = conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
        latencies, errors, elapsed = drive(base, args.seconds, args.clients)
        writer_running = writer.poll() is None
        with engine.connect() as conn:
            n_docs_during = conn.execute(text("SELECT count(*) FROM documents")).scalar_one() - n_docs_start
    finally:
        for proc in (server, locals().get("writer")):
            if proc is not None and proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    meta = (f"Run {time.strftime('%Y-%m-%d')} on {platform.processor() or platform.machine()}, "
            f"{len(os.sched_getaffinity(0))} cores, Python {platform.python_version()}: {n_events:,} events, "
            f"{args.clients} clients for {elapsed:.0f} s; the ingest stored {n_docs_during} documents "
            f"meanwhile ({'still running at the end' if writer_running else 'finished before the end'}); "
            f"load average {os.getloadavg()[0]:.1f}.")
    block = table(latencies, elapsed, errors, meta)
    print(block)
    if not args.no_readme:
        write_readme(block)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
