"""The `dyad` command: thin wrappers around importable functions.

Exit status: 0 when every input was processed, 1 when some input failed, 2 for a usage error.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from .. import __version__
from .cli_common import DB_HELP, _actor, _open_store
from .cli_monitor import register as register_monitor

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Dyad: dated, evidence-linked relations between states from Russian news.")
actors_app = typer.Typer(no_args_is_help=True, help="What the knowledge base holds about actors.")
app.add_typer(actors_app, name="actors")

DATE_HELP = "Article date YYYY-MM-DD for plain text files without a 'date' header."
CONFIDENCE_HELP = "Only events whose confidence is at least this (0-1; 0, the default: every event)."


def _check_date(date: Optional[str]) -> Optional[str]:
    if date is None:
        return None
    import datetime as dt
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        raise typer.BadParameter(f"{date!r} is not a date YYYY-MM-DD", param_hint="--date")
    return date


def _utf8_stdout():
    """stdout writing UTF-8 whatever the locale says (JSON Lines and CSV are UTF-8): Cyrillic stays
    readable, never a \\u escape nor an encoding error under LANG=C or PYTHONIOENCODING=ascii."""
    if hasattr(sys.stdout, "reconfigure") and (sys.stdout.encoding or "").lower().replace("-", "") != "utf8":
        sys.stdout.reconfigure(encoding="utf-8")
    return sys.stdout


def _check_confidence(value: float) -> float:
    if not 0.0 <= value <= 1.0:              # also NaN
        raise typer.BadParameter(f"{value!r} is not between 0 and 1", param_hint="--min-confidence")
    return value


@app.command()
def ingest(paths: List[str] = typer.Argument(
               ..., help="Files, directories or URLs (dated .txt, .jsonl, .html pages, RSS/Atom feeds)."),
           db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
           date: Optional[str] = typer.Option(None, "--date", help=DATE_HELP),
           workers: Optional[int] = typer.Option(
               None, "--workers", min=1, help="Extraction processes (default: the number of cores)."),
           cluster: Optional[str] = typer.Option(
               None, "--cluster", help="Run extraction on a Dask scheduler, e.g. tcp://HOST:8786."),
           progress: Optional[bool] = typer.Option(
               None, "--progress/--no-progress",
               help="Progress bar on stderr (default: when stderr is a terminal).")) -> None:
    """Read, extract and store documents; print a one-line summary per file.

    Documents already stored (same content) are skipped, so an interrupted run resumes."""
    from ..ingest.run import default_workers
    from ..ingest.run import ingest as run_ingest
    store = _open_store(db)
    summary = run_ingest(paths, store, _check_date(date), on_file=lambda f: print(f.line()),
                         workers=workers or default_workers(), cluster=cluster, progress=progress)
    raise typer.Exit(summary.exit_code)


@app.command()
def extract(paths: List[str] = typer.Argument(..., help="Files or directories (dated .txt, .jsonl)."),
            date: Optional[str] = typer.Option(None, "--date", help=DATE_HELP)) -> None:
    """Print one JSON record per document per line; store nothing."""
    from ..ingest.run import extract as run_extract
    summary = run_extract(paths, _utf8_stdout(), _check_date(date))
    raise typer.Exit(summary.exit_code)


@app.command()
def show(a: str = typer.Argument(..., help="Actor id, country code or name, e.g. AZE or Азербайджан"),
         b: str = typer.Argument(..., help="Actor id, country code or name, e.g. CHN or Турция"),
         db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
         limit: int = typer.Option(50, "--limit", min=1, max=10000),
         min_confidence: float = typer.Option(0.0, "--min-confidence", help=CONFIDENCE_HELP)) -> None:
    """A table of the events and facts stored for the pair A-B, newest first, with evidence, then
    the memberships of each side.

    A and B may be names in any case form (Турция, Турцией). --min-confidence leaves out the less
    sure events; facts have no confidence and stay."""
    from ..code.dyads import sides_text
    from ..store import queries as Q
    from .words import figure, words
    min_confidence = _check_confidence(min_confidence)
    engine = _open_store(db).engine
    a, b = _actor(engine, a), _actor(engine, b)
    events = Q.events(engine, Q.EventFilter(actors=(a, b), min_confidence=min_confidence), limit)["items"]
    facts = Q.facts(engine, Q.FactFilter(actors=(a, b)), limit)["items"]
    members = [f for x in (a, b) for f in Q.facts(engine, Q.FactFilter(actors=(x,), kinds=("membership",)),
                                                  limit)["items"]]
    names = Q.actor_names(engine, (a, b))
    rows = []
    for e in events:
        what = e.get("cameo_name") or e.get("cameo") or ""
        plover = (e.get("plover") or {}).get("type")
        rows.append((e.get("date") or "", "event", f"{what} ({e.get('cameo')}{', ' + plover if plover else ''})",
                     sides_text(e.get("sources") or [], e.get("targets") or [], e.get("rule")),
                     f"{e['confidence']:.2f}" if e.get("confidence") is not None else "-", e["evidence"].get("text") or ""))
    for f in facts + [m for m in members if m["id"] not in {x["id"] for x in facts}]:
        period = f.get("period") or {}
        when = f"{period['start']}..{period['end']}" if period.get("start") else (f["document"].get("date") or "")
        detail = figure(f) or "; ".join(f"{words(k)} {', '.join(map(words, v)) if isinstance(v, list) else words(v)}"
                                        for k, v in (f.get("attributes") or {}).items())
        subject, obj = f.get("subject") or {}, f.get("object") or {}
        rows.append((when, "fact", f"{words(f['kind'])}{': ' + detail if detail else ''}",
                     f"{subject.get('name') or subject.get('id')} → {obj.get('name') or obj.get('id') or ''}",
                     "", f["evidence"].get("text") or ""))
    rows.sort(key=lambda r: r[0], reverse=True)
    table = Table(title=f"{names.get(a, a)} - {names.get(b, b)} ({a} - {b}): {len(rows)} records", show_lines=True)
    for col in ("date", "record", "what", "actors", "conf", "evidence"):
        table.add_column(col, overflow="fold")
    for r in rows[:limit]:
        table.add_row(*r)
    Console().print(table)


@app.command()
def serve(host: str = typer.Option("127.0.0.1", "--host"),
          port: int = typer.Option(8000, "--port", min=1, max=65535),
          db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Serve the dashboard and the HTTP API on the configured database."""
    import uvicorn
    from .api import create_app
    uvicorn.run(create_app(db), host=host, port=port, log_level="info")


@app.command()
def pipeline() -> None:
    """List the pipeline's stages per language (dyad/lang/): what each requires and provides.
    A document in a language without a package is stored uncoded (W103)."""
    from ..lang import get_language
    from ..pipeline import check_stages, stages_by_language
    for code, stages in stages_by_language().items():
        table = Table(title=f"Dyad pipeline: {code} ({get_language(code).name})")
        for col in ("stage", "id", "requires", "provides"):
            table.add_column(col)
        for s in stages:
            table.add_row(s.name, s.id, ", ".join(s.requires), ", ".join(s.provides))
        Console().print(table)
        for problem in check_stages(stages):
            print(f"{code}: {problem}", file=sys.stderr)


@app.command()
def version() -> None:
    """Print Dyad's version."""
    print(__version__)


@app.command()
def duplicates(db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """List the groups of near-duplicate documents (wire copies, reposts)."""
    from ..store import open_store
    groups = open_store(db).duplicate_groups()
    table = Table(title=f"{len(groups)} near-duplicate groups")
    for col in ("group", "document", "date", "title / start"):
        table.add_column(col, overflow="fold")
    for g in groups:
        for i, m in enumerate(g["members"]):
            table.add_row(g["group"] if i == 0 else "", m["id"], m["date"] or "",
                          m["title"] or (m["start"] or "").replace("\n", " "))
    Console().print(table)


@app.command("eval")
def eval_(dataset: str = typer.Argument(..., help="factrueval | nerel | brat | jsonl | petrarch | rusentrel"),
          path: str = typer.Argument(..., help="The dataset's folder (factRuEval: its root or devset/; "
                                                  "nerel: its .jsonl file; petrarch: the folder of "
                                                  "records.jsonl and dictionaries/; rusentrel: the "
                                                  "folder of rusentrel.jsonl, synonyms.json, score.py)"),
          task: str = typer.Option("entities", "--task",
                                   help="entities | resolution | meetings | coref | actors | events"),
          errors: int = typer.Option(0, "--errors", min=0,
                                     help="Print the first N misses and false hits (coref: wrong and "
                                          "missed links; actors: offences of each kind, each run)"),
          date: Optional[str] = typer.Option(None, "--date", help="Date for undated texts (brat)"),
          out: Optional[Path] = typer.Option(None, "--out", help="rusentrel: write one artN.opin.txt "
                                                                 "per document here"),
          docs: str = typer.Option("all", "--docs", help="rusentrel: train | test | all"),
          cv: int = typer.Option(0, "--cv", min=0, help="rusentrel: K-fold cross-validation by "
                                                        "document (train and score) instead of the "
                                                        "shipped model")) -> None:
    """Score Dyad on an annotated dataset; natasha's NER alone is the baseline (docs/quality.md).

    --task actors runs every document twice, undated and dated, and prints both. petrarch codes
    PETRARCH-2's English unit-test records with their own dictionaries (no --task). rusentrel
    predicts the document-level attitudes between RuSentRel's given entities and scores them
    with the directory's own score.py (no --task)."""
    if dataset == "rusentrel":
        if docs not in ("train", "test", "all"):
            raise typer.BadParameter("--docs is train, test or all")
        from ..eval.rusentrel import run_cli as rusentrel_cli
        rusentrel_cli(Path(path), out, docs, cv)
        raise typer.Exit(0)
    if dataset == "petrarch":
        from ..eval.petrarch import run_cli as petrarch_cli
        raise typer.Exit(petrarch_cli(path, errors))
    from ..eval.report import run_cli
    raise typer.Exit(run_cli(dataset, path, task, errors, _check_date(date)))


@app.command()
def explain(paths: List[str] = typer.Argument(..., help="Files or directories (dated .txt, .jsonl)."),
            date: Optional[str] = typer.Option(None, "--date", help=DATE_HELP)) -> None:
    """Why each event was (or was not) coded: triggers, rules, arguments, dates."""
    from ..code.explain import explain_document
    from ..ingest.readers import read_path
    failed = False
    for path in paths:
        for item in read_path(path, date=_check_date(date)):
            if item.document is None:               # one line per failed input, as ingest does
                print(str(item.error), file=sys.stderr)
                failed = True
            else:
                print(explain_document(item.document))
    raise typer.Exit(1 if failed else 0)


@app.command("export")
def export_events(fmt: str = typer.Option("plover", "--format",
                                          help="gdelt (GDELT 2.0 Events TSV with its header), plover (JSON "
                                               "lines), csv, jsonl or parquet (one flat row per event)"),
                  output: Optional[str] = typer.Option(None, "--output", "-o",
                                                       help="Write to this file (else stdout)."),
                  db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
                  min_confidence: float = typer.Option(0.0, "--min-confidence", help=CONFIDENCE_HELP)) -> None:
    """Write the stored events as GDELT 2.0 Events rows, POLECAT-style JSON lines, CSV, JSON Lines
    or Parquet: the writer of the API's /api/export/events.{tsv,csv,jsonl,parquet}.

    The PLOVER lines and the flat formats carry each event's confidence; GDELT's 61 columns have none."""
    from ..store.filters import EventFilter
    from .export import FORMATS, write
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r}: use {', '.join(FORMATS)}", param_hint="--format")
    f = EventFilter(min_confidence=_check_confidence(min_confidence))
    engine = _open_store(db).engine
    binary = fmt == "parquet"
    if output is None:
        write(fmt, sys.stdout.buffer if binary else _utf8_stdout(), engine, f, None)
        return
    with open(output, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as out:
        write(fmt, out, engine, f, None)


@app.command("facts")
def facts_series(a: str = typer.Argument(..., help="Actor id, country code or name, e.g. AZE"),
                 b: str = typer.Argument(..., help="Actor id, country code or name, e.g. Китай"),
                 kind: Optional[str] = typer.Option(None, "--kind", help="trade_turnover, export, "
                                                    "import, investment, loan, aid, rank, ..."),
                 db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """The pair's facts as a series by period; figures from different documents side by side, as
    wide as the terminal."""
    from .series import change_text, fact_series, value_text
    from ..store import open_store
    from ..types import FACT_KINDS
    if kind is not None and kind not in FACT_KINDS:
        raise typer.BadParameter(f"{kind!r} is not one of {', '.join(FACT_KINDS)}", param_hint="--kind")
    engine = open_store(db).engine
    a, b = _actor(engine, a), _actor(engine, b)
    rows = fact_series(engine, a, b, kind)
    table = Table(title=f"{a} - {b}{' ' + kind if kind else ''}: {len(rows)} facts", show_lines=True)
    for col in ("kind", "direction", "period", "value", "unit", "cmp", "change", "source", "evidence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        period = f"{r.start}..{r.end}" if r.start else "-"
        if r.of > 1:
            period += f" ({r.side} of {r.of})"
        source = f"{r.document_id} {r.document_date or ''}".strip()
        table.add_row(r.kind, f"{r.subject} > {r.object or '-'}", period, value_text(r), r.unit or "",
                      r.comparator if r.value is not None else "", change_text(r.change), source,
                      r.evidence)
    Console().print(table)          # the terminal's width (COLUMNS when it is not a terminal)


@actors_app.command("search")
def actors_search(name: str = typer.Argument(..., help="Part of a name, in Russian or English"),
                  limit: int = typer.Option(20, "--limit", min=1, max=1000)) -> None:
    """Find actors in the knowledge base by name or alias, in any case form."""
    from ..resolve.kb import load_kb
    kb = load_kb()
    table = Table(title=f"actors matching {name!r}")
    for col in ("id", "kind", "name_ru", "name_en", "country", "code"):
        table.add_column(col)
    from ..store.queries import kb_hits
    for a in kb_hits(kb, name)[:limit]:                 # any case form: Турцией, Эрдогану
        table.add_row(a.id, a.kind, a.name_ru, a.name_en, a.country or "", a.code or "")
    Console().print(table)


@actors_app.command("show")
def actors_show(actor_id: str = typer.Argument(..., help="Actor id: AZE, SCO, ilham-aliyev"),
                date: Optional[str] = typer.Option(None, "--date", help="Show roles on this date")) -> None:
    """Everything the knowledge base holds about one actor."""
    import datetime as dt
    from ..resolve.kb import load_kb
    kb = load_kb()
    actor = kb.actors.get(actor_id)
    if actor is None:
        print(f"E301 no actor {actor_id!r}; try `dyad actors search`", file=sys.stderr)
        raise typer.Exit(2)
    day = dt.date.fromisoformat(_check_date(date)) if date else None
    console = Console()
    console.print(f"[bold]{actor.id}[/bold] {actor.kind} {actor.name_ru} / {actor.name_en} "
                  f"country={actor.country or '-'} code={actor.code or '-'}")
    ref = kb.ref(actor_id, day)
    if ref and ref.role:
        console.print(f"role on {date or 'today'}: {ref.role} ({ref.code})")
    aliases = [a for a in kb.aliases if a.actor_id == actor_id]
    console.print("aliases: " + "; ".join(f"{a.alias} ({a.type}, {a.lang})" for a in aliases))
    terms = kb.terms_by_person.get(actor_id, [])
    for term in terms:
        console.print(f"office: {term.country} {term.office} {term.start}..{term.end or ''}"
                      + (" (acting)" if term.acting else ""))
    mem = [m for m in kb.memberships if m.member == actor_id or m.org == actor_id]
    for m in mem[:200]:
        console.print(f"membership: {m.member} in {m.org}: {m.status} {m.state} {m.start or ''}..{m.end or ''}")


register_monitor(app)       # watch, sources, alerts, brief (dyad.serve.cli_monitor)


def main() -> None:
    """The console entry point: a usage error in the environment (E3xx) is one line, exit 2; a
    database that cannot be used (E201) is one line, exit 1: never a traceback, the SQL or its
    parameters."""
    from ..errors import StoreError, UsageError, one_line
    from ..threads import single_threaded_blas
    single_threaded_blas()
    try:
        app(prog_name="dyad")
    except UsageError as err:
        print(err.message, file=sys.stderr)
        raise SystemExit(2) from None
    except StoreError as err:
        print(err.message, file=sys.stderr)
        raise SystemExit(1) from None
    except Exception as err:
        if not type(err).__module__.startswith("sqlalchemy"):
            raise
        print(f"E201 database error: {one_line(err)}", file=sys.stderr)
        raise SystemExit(1) from None
