"""Crash safety: SIGKILL `dyad ingest` at random moments, re-run, and check that every document is
stored exactly once and fully.

    .venv/bin/python bench/crash.py                       # 500 documents, 20 kills, SQLite
    .venv/bin/python bench/crash.py --db postgresql://... --docs 500 --kills 20 --workers 2

Method: a clean run stores the corpus into a reference database. Then a second database is
ingested again and again; each run is killed (SIGKILL to its whole process group, so pool workers
die too) at a random moment: during start-up and the first documents, or a random 0..2.5 s after
the run was seen committing (see :func:`crash_run`). After every kill, each stored document must have exactly the mentions, events and facts the clean run gave it
(a half-stored document fails this). Finally a run is let finish, and the two databases must hold
the same documents with the same counts; one more run must store nothing (idempotence).

tests/test_reliability_crash.py runs the same harness with a small budget.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

COUNTS_SQL = """
SELECT d.id, d.content_hash,
  (SELECT count(*) FROM mentions m WHERE m.document_id = d.id),
  (SELECT count(*) FROM events e WHERE e.document_id = d.id),
  (SELECT count(*) FROM facts f WHERE f.document_id = d.id)
FROM documents d
"""


def paragraphs() -> list[str]:
    """Paragraphs of the bundled examples and the seed article."""
    files = sorted((ROOT / "examples").glob("*.txt"))
    seed = ROOT.parent / "shared" / "seed" / "000_5f99e16c0eb99cba.txt"
    if seed.exists():
        files.append(seed)
    out = []
    for f in files:
        body = f.read_text(encoding="utf-8").split("\n", 1)[1]
        out.extend(p.strip() for p in body.split("\n\n") if len(p.strip()) > 80)
    return out


def make_corpus(root: Path, n: int, seed: int = 7) -> list[Path]:
    """``n`` distinct dated documents: half as .txt files in a directory, half as one JSON Lines file."""
    rng = random.Random(seed)
    paras = paragraphs()
    texts_dir = root / "texts"
    texts_dir.mkdir(parents=True, exist_ok=True)
    lines = []
    day = dt.date(2025, 1, 1)
    for i in range(n):
        body = "\n\n".join(rng.sample(paras, 2)) + f"\n\nМатериал номер {i}."
        date = (day + dt.timedelta(days=i % 300)).isoformat()
        if i % 2:
            lines.append(json.dumps({"id": f"j{i:05d}", "date": date, "text": body}, ensure_ascii=False))
        else:
            (texts_dir / f"{i:05d}.txt").write_text(f"date {date}\n{body}", encoding="utf-8")
    jsonl = root / "feed.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [texts_dir, jsonl]


def ingest_cmd(db: str, inputs: list[Path], workers: int) -> list[str]:
    return [PYTHON, "-m", "dyad", "ingest", "--db", db, "--workers", str(workers), "--no-progress",
            *map(str, inputs)]


def counts(db: str) -> dict[str, tuple]:
    """document id -> (content hash, mentions, events, facts), read in one statement (a snapshot)."""
    from sqlalchemy import create_engine, text
    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            return {row[0]: tuple(row[1:]) for row in conn.execute(text(COUNTS_SQL))}
    finally:
        engine.dispose()


def check_complete(got: dict[str, tuple], clean: dict[str, tuple]) -> list[str]:
    """Problems: documents stored that the clean run did not store, or stored with other counts."""
    problems = []
    hashes = [v[0] for v in got.values()]
    if len(hashes) != len(set(hashes)):
        problems.append("a content hash is stored twice")
    for doc_id, value in got.items():
        if doc_id not in clean:
            problems.append(f"{doc_id}: not in the clean run")
        elif value != clean[doc_id]:
            problems.append(f"{doc_id}: stored {value[1:]}, clean run {clean[doc_id][1:]}")
    return problems


@dataclass
class CrashReport:
    documents: int
    kills: int = 0                      # runs killed while storing
    finished_early: int = 0             # runs that ended before the kill came
    checks: int = 0                     # consistency checks passed after kills
    stored_at_kill: list[int] = field(default_factory=list)
    lost: int = 0                       # documents of the clean run missing at the end
    problems: list[str] = field(default_factory=list)
    clean_seconds: float = 0.0
    total_seconds: float = 0.0

    def line(self) -> str:
        return (f"{self.documents} documents, {self.kills} kills survived ({self.finished_early} runs "
                f"finished before their kill), {self.checks} checks, {self.lost} documents lost, "
                f"{len(self.problems)} problems; stored at each kill: {self.stored_at_kill}; "
                f"clean run {self.clean_seconds:.1f} s, total {self.total_seconds:.1f} s")


def clean_run(db: str, inputs: list[Path], workers: int) -> tuple[dict[str, tuple], float]:
    t0 = time.monotonic()
    r = subprocess.run(ingest_cmd(db, inputs, workers), capture_output=True, text=True, timeout=3600)
    if r.returncode not in (0, 1) or "Traceback" in r.stderr:
        raise RuntimeError(f"clean run failed ({r.returncode}):\n{r.stderr[-3000:]}")
    return counts(db), time.monotonic() - t0


def crash_run(db: str, inputs: list[Path], clean: dict[str, tuple], kills: int, workers: int = 1,
              timing: tuple[float, float] = (2.0, 5.0), seed: int = 1, log=print) -> CrashReport:
    """Kill ingest runs into ``db`` until ``kills`` kills landed, then let one finish.

    ``timing`` is (start-up, clean run) in seconds. A third of the kills come at a random moment
    of the first ``start-up + 2`` seconds (models loading, first documents in work); the others
    come a random 0..2.5 s after the run was seen committing (the writer commits at least every
    2 s, so these land anywhere in the next batch: processing, writing, committing)."""
    rng = random.Random(seed)
    report = CrashReport(documents=len(clean))
    startup, full = timing
    t0 = time.monotonic()
    attempts = 0
    while report.kills < kills and attempts < kills * 3:
        attempts += 1
        stored = 0
        try:
            stored = len(counts(db))
        except Exception:  # noqa: BLE001 - no schema yet
            pass
        if stored >= len(clean):         # everything stored: start again from an empty database
            _empty(db)
            stored = 0
        started = time.monotonic()
        proc = subprocess.Popen(ingest_cmd(db, inputs, workers), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        if rng.random() < 1 / 3:
            delay = rng.uniform(0.5, startup + 2)
        else:
            _wait_for_progress(proc, db, stored, started + full + 120)
            delay = time.monotonic() - started + rng.uniform(0, 2.5)
        try:
            proc.wait(timeout=max(delay - (time.monotonic() - started), 0.01))
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        try:
            os.killpg(proc.pid, signal.SIGKILL)      # any pool worker left behind
        except ProcessLookupError:
            pass
        if proc.returncode == -signal.SIGKILL:
            report.kills += 1
        else:
            report.finished_early += 1
        got = counts(db)
        problems = check_complete(got, clean)
        report.problems.extend(problems)
        report.checks += 1
        report.stored_at_kill.append(len(got))
        log(f"run {attempts}: {'killed' if proc.returncode == -signal.SIGKILL else 'ended'} at "
            f"{delay:.2f} s with {len(got)}/{len(clean)} stored, {len(problems)} problems")
    r = subprocess.run(ingest_cmd(db, inputs, workers), capture_output=True, text=True, timeout=3600)
    if "Traceback" in r.stderr:
        report.problems.append(f"the final run crashed: {r.stderr[-2000:]}")
    final = counts(db)
    report.lost = len(set(clean) - set(final))
    report.problems.extend(check_complete(final, clean))
    again = subprocess.run(ingest_cmd(db, inputs, workers), capture_output=True, text=True, timeout=3600)
    if counts(db) != final:
        report.problems.append("a re-run changed the store (not idempotent)")
    if any(" 0 stored," not in line for line in again.stdout.splitlines() if " stored," in line):
        report.problems.append(f"a re-run stored something: {again.stdout}")
    report.total_seconds = time.monotonic() - t0
    return report


def _wait_for_progress(proc, db: str, before: int, deadline: float) -> None:
    """Return once the run has committed something new (or ended, or the deadline passed)."""
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            if len(counts(db)) > before:
                return
        except Exception:  # noqa: BLE001 - the schema may not exist yet on the first run
            pass
        time.sleep(0.05)


def startup_seconds(db: str, inputs: list[Path], workers: int) -> float:
    """How long a run takes to store one document: start-up (models loading) plus a little."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text("date 2025-01-01\n" + paragraphs()[0], encoding="utf-8")
        t0 = time.monotonic()
        subprocess.run(ingest_cmd(f"sqlite:///{Path(tmp) / 'one.db'}", [one], workers),
                       capture_output=True, timeout=3600)
        return time.monotonic() - t0


def _empty(db: str) -> None:
    from sqlalchemy import create_engine, text
    engine = create_engine(db)
    with engine.begin() as conn:
        for table in ("event_dyads", "event_actors", "events", "facts", "attitudes", "mentions", "documents"):
            conn.execute(text(f"DELETE FROM {table}"))
    engine.dispose()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--db", default=None, help="database URL for the killed runs (default: SQLite in --dir)")
    ap.add_argument("--dir", default=None, help="working directory (default: a temporary one)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    import tempfile
    work = Path(args.dir or tempfile.mkdtemp(prefix="dyad-crash-"))
    work.mkdir(parents=True, exist_ok=True)
    inputs = make_corpus(work / "corpus", args.docs)
    clean_db = f"sqlite:///{work / 'clean.db'}"
    clean, seconds = clean_run(clean_db, inputs, args.workers)
    startup = startup_seconds(clean_db, inputs, args.workers)
    print(f"clean run: {len(clean)} documents in {seconds:.1f} s; start-up {startup:.1f} s")
    db = args.db or f"sqlite:///{work / 'killed.db'}"
    report = crash_run(db, inputs, clean, args.kills, args.workers, (startup, seconds), args.seed)
    report.clean_seconds = seconds
    print(report.line())
    for p in report.problems[:20]:
        print("PROBLEM", p)
    return 1 if report.problems or report.lost else 0


if __name__ == "__main__":
    sys.exit(main())
