"""Throughput and memory: natasha's bare pipeline vs Dyad's full ingest, 1 vs 2 workers.

    make bench            (or: .venv/bin/python bench/run.py [--min-mb 1] [--no-readme])

Corpus: ../shared/eval-dev/factRuEval-2016/devset/*.txt plus the Russian examples/*.txt, repeated with one
changed line per copy until it holds at least --min-mb MB (UTF-8), so no copy is skipped as already
stored. Each configuration runs in its own process, timed from process start to exit (interpreter
start and model loading included):

- natasha bare: Doc.segment, tag_morph, parse_syntax, tag_ner on every text; pinned to one core;
- dyad --workers 1: `dyad ingest` into a fresh SQLite file; pinned to the same core;
- dyad --workers 2: the same on two cores.

Peak RSS is sampled (psutil, every 50 ms) for every process of each run. The results go to stdout
and to bench/README.md between the ingest-throughput markers.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "eval-dev" / "factRuEval-2016" / "devset"
EXAMPLES = ROOT / "examples"
README = Path(__file__).resolve().parent / "README.md"
START, END = "<!-- ingest-throughput:start -->", "<!-- ingest-throughput:end -->"
DATE = "2016-06-01"
CONFIGS = ("natasha bare (1 core)", "dyad ingest --workers 1 (1 core)",
           "dyad ingest --workers 2 (2 cores)")


def build_corpus(out: Path, min_bytes: int, limit: int | None = None) -> tuple[int, int]:
    """Write the corpus as dated text files (at most ``limit`` of them); returns (documents,
    characters)."""
    bodies = []
    for path in sorted(DEVSET.glob("*.txt")):
        bodies.append((path.stem, path.read_text(encoding="utf-8-sig").strip()))
    for path in sorted(EXAMPLES.glob("*.txt")):
        if "_en_" in path.name:
            continue                    # the English examples are bench/english.py's
        text = path.read_text(encoding="utf-8")
        bodies.append((path.stem, text.split("\n", 1)[1].strip() if text.startswith("date ") else text))
    if not bodies:
        sys.exit(f"no texts under {DEVSET} or {EXAMPLES}")
    out.mkdir(parents=True)
    size = docs = chars = 0
    copy = 0
    while size < min_bytes:
        for stem, body in bodies:
            if limit is not None and docs >= limit:
                return docs, chars
            text = body if copy == 0 else f"{body}\nОбновлено: копия {copy}."
            data = f"date {DATE}\n{text}\n".encode("utf-8")
            (out / f"{copy:02d}_{stem}.txt").write_bytes(data)
            size += len(data)
            docs += 1
            chars += len(text)
        copy += 1
    return docs, chars


def natasha_bare(corpus: str) -> None:
    """The child process for the baseline: natasha's Doc API, every stage on every sentence."""
    from natasha import (Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser,
                         Segmenter)
    emb = NewsEmbedding()
    segmenter, morph = Segmenter(), NewsMorphTagger(emb)
    syntax, ner = NewsSyntaxParser(emb), NewsNERTagger(emb)
    for path in sorted(Path(corpus).glob("*.txt")):
        text = path.read_text(encoding="utf-8").split("\n", 1)[1]
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)


class PeakRss:
    """Samples the RSS of a process and its descendants; keeps the peak of each."""

    def __init__(self, pid: int):
        import psutil
        self.root = psutil.Process(pid)
        self.peak: dict[int, tuple[str, int]] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _loop(self):
        import psutil
        while not self.stop.is_set():
            try:
                procs = [self.root] + self.root.children(recursive=True)
            except psutil.Error:
                return
            for p in procs:
                try:
                    rss = p.memory_info().rss
                except psutil.Error:
                    continue
                role = "writer" if p.pid == self.root.pid else "worker"
                if rss > self.peak.get(p.pid, ("", 0))[1]:
                    self.peak[p.pid] = (role, rss)
            time.sleep(0.05)

    def done(self) -> dict[str, float]:
        self.stop.set()
        self.thread.join()
        mb = {}
        for role, rss in self.peak.values():
            mb[role] = max(mb.get(role, 0.0), rss / 2**20)
        return mb


def timed(cmd: list[str], cores: set[int]) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    import resource
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=lambda: os.sched_setaffinity(0, cores))
    rss = PeakRss(proc.pid)
    _, err = proc.communicate()
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    mem = rss.done()
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode()[-3000:]}")
    return {"seconds": seconds, "cpu": cpu, "rss_mb": mem, "load": max(load, os.getloadavg()[0])}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import psutil
    return (f"{cpu}, {len(os.sched_getaffinity(0))} cores available, "
            f"{psutil.virtual_memory().total / 2**30:.0f} GB RAM, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def _median_run(results: list[dict]) -> dict:
    """The run with the median wall time (its CPU time and memory with it); peak memory is the
    highest of all repeats."""
    ordered = sorted(results, key=lambda r: r["seconds"])
    run = dict(ordered[len(ordered) // 2])
    run["rss_mb"] = {role: max(r["rss_mb"].get(role, 0.0) for r in results)
                     for role in {k for r in results for k in r["rss_mb"]}}
    run["load"] = max(r["load"] for r in results)
    run["all_seconds"] = [round(r["seconds"], 2) for r in results]
    return run


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--child", choices=["natasha"])
    ap.add_argument("--min-mb", type=float, nargs="+", default=[1.0, 4.0],
                    help="corpus sizes (one table each)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each configuration (median)")
    ap.add_argument("--no-readme", action="store_true")
    ap.add_argument("corpus", nargs="?")
    args = ap.parse_args()
    if args.child == "natasha":
        natasha_bare(args.corpus)
        return
    cores = sorted(os.sched_getaffinity(0))
    if len(cores) < 2:
        print("warning: fewer than two cores; the 2-worker run shares one core", file=sys.stderr)
    py = sys.executable
    one, two = {cores[0]}, set(cores[:2])
    configs = dict(zip(CONFIGS, ((None, one), (1, one), (2, two))))

    def command(workers, corpus: Path, tmp: str, tag: str) -> list[str]:
        if workers is None:
            return [py, __file__, "--child", "natasha", str(corpus)]
        db = Path(tmp) / f"bench-{tag}.db"
        db.unlink(missing_ok=True)
        return [py, "-m", "dyad", "ingest", "--db", f"sqlite:///{db}", "--workers", str(workers),
                "--no-progress", str(corpus)]

    tables = []
    for mb in args.min_mb:
        tables.append(run_size(mb, configs, command, args.repeat))
    table = "\n\n".join(tables)
    print(table)
    if not args.no_readme and README.exists():
        text = README.read_text(encoding="utf-8")
        if START in text and END in text:
            head, rest = text.split(START, 1)
            README.write_text(head + START + "\n" + table + "\n" + END + rest.split(END, 1)[1], encoding="utf-8")


def run_size(mb: float, configs: dict, command, repeat: int) -> str:
    """One corpus of at least ``mb`` MB: start-up runs, then ``repeat`` interleaved full runs."""
    with tempfile.TemporaryDirectory(prefix="dyad-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        docs, chars = build_corpus(corpus, int(mb * 2**20))
        size = sum(p.stat().st_size for p in corpus.iterdir())
        print(f"corpus: {docs} articles, {chars:,} characters, {size / 2**20:.2f} MB", file=sys.stderr)
        tiny = Path(tmp) / "tiny"
        build_corpus(tiny, 1, limit=2)      # two short articles: --workers 2 starts its pool
        results: dict[str, list[dict]] = {name: [] for name in configs}
        startup: dict[str, float] = {}
        for name, (workers, cs) in configs.items():
            startup[name] = timed(command(workers, tiny, tmp, "tiny"), cs)["seconds"]
        for _ in range(max(1, repeat)):               # interleaved, so drifts hit every config
            for name, (workers, cs) in configs.items():
                results[name].append(timed(command(workers, corpus, tmp, str(workers)), cs))
    runs = {name: _median_run(rs) for name, rs in results.items()}
    print(json.dumps({"docs": docs, "chars": chars, "runs": runs, "startup": startup}), file=sys.stderr)
    return report(runs, startup, docs, chars, size, repeat)


def report(runs: dict, startup: dict, docs: int, chars: int, size: int, repeat: int) -> str:
    natasha, one, two = CONFIGS
    base, w1, w2 = runs[natasha], runs[one], runs[two]
    rows = []
    for name, r in runs.items():
        mem = r["rss_mb"]
        steady = chars / max(r["seconds"] - startup[name], 1e-9)
        vs_natasha = f"{base['seconds'] / r['seconds']:.2f}" if name != two else "-"
        vs_cpu = f"{base['cpu'] / r['cpu']:.2f}" if name != two else "-"
        vs_one = f"{w1['seconds'] / r['seconds']:.2f}" if name != natasha else "-"
        rows.append(f"| {name} | {r['seconds']:.1f} | {r['cpu']:.1f} | {startup[name]:.1f} | "
                    f"{chars / r['seconds']:,.0f} | {steady:,.0f} | {docs / r['seconds']:.1f} | "
                    f"{vs_natasha} | {vs_cpu} | {vs_one} | "
                    f"{mem.get('worker', mem.get('writer', 0)):.0f} | {mem.get('writer', 0):.0f} | "
                    f"{r['load']:.1f} |")
    return "\n".join([
        f"**{size / 2**20:.1f} MB.** Run {dt.date.today().isoformat()} on {machine()}. "
        f"Corpus: {docs} articles, {chars:,} characters ({size / 2**20:.2f} MB UTF-8): "
        "factRuEval-2016 devset and examples/, repeated with one changed line per copy. Times are "
        "wall-clock from process start (model loading included), the median of "
        f"{repeat} interleaved runs; start-up is the same command on two short articles.",
        "",
        "| run | wall s | CPU s | start-up s | chars/s (wall) | chars/s after start-up | "
        "articles/s (wall) | speed vs natasha bare (wall) | same, by CPU time | "
        "speed vs --workers 1 (wall) | peak RSS per worker, MB | peak RSS of the writer, MB | "
        "load avg |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        f"Dyad --workers 1 / natasha bare: **{base['seconds'] / w1['seconds']:.2f}x** by wall time, "
        f"**{base['cpu'] / w1['cpu']:.2f}x** by CPU time; 2 workers / 1 worker: "
        f"**{w1['seconds'] / w2['seconds']:.2f}x** by wall time (all wall times: "
        + "; ".join(f"{k.split(' (')[0]} {v['all_seconds']}" for k, v in runs.items()) + ").",
    ])


if __name__ == "__main__":
    main()
