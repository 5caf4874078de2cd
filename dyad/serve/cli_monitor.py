"""The monitor's commands: `dyad watch`, `dyad sources add|list|remove`, `dyad alerts
add|list|remove`, `dyad brief`. Thin wrappers around dyad.watch, dyad.store.monitor and
dyad.serve.brief (docs/monitor.md)."""
from __future__ import annotations

import sys
from typing import List, Optional

import typer

from .cli_common import DB_HELP, _actor, _open_store

sources_app = typer.Typer(no_args_is_help=True, help="The feeds, sitemaps and folders `dyad watch` polls.")
alerts_app = typer.Typer(no_args_is_help=True, help="Alert rules on a pair or an actor, and the alerts fired.")

PAIR_SEPARATORS = (",", "/", ":", "–", "—")


def _usage(message: str) -> None:
    print(message, file=sys.stderr)
    raise typer.Exit(2)


def parse_pair(engine, text: str) -> tuple[str, str]:
    """``AZE-ARM``, ``Азербайджан-Армения``, ``AZE,ARM``: two actors by id or name. A hyphen inside
    a name (Гвинея-Бисау) is tried at every position; the first split whose sides both resolve wins."""
    from ..store import queries as Q
    text = text.strip()
    for sep in PAIR_SEPARATORS:
        if sep in text:
            a, _, b = text.partition(sep)
            return _actor(engine, a.strip()), _actor(engine, b.strip())
    cuts = [i for i, ch in enumerate(text) if ch == "-"]
    for i in cuts:
        a, b = text[:i].strip(), text[i + 1:].strip()
        if a and b:
            ra, rb = Q.resolve_actor(engine, a), Q.resolve_actor(engine, b)
            if ra and rb:
                return ra, rb
    _usage(f"E302 --pair {text!r}: give two actors as A-B (ids or names, e.g. AZE-ARM or Азербайджан-Армения)")
    raise AssertionError


# --- watch --------------------------------------------------------------------------------------

def watch(sources: Optional[List[str]] = typer.Argument(
              None, help="RSS/Atom feeds, sitemaps, pages (URLs), local feed files or folders; none: the "
                         "sources kept with `dyad sources add`."),
          every: Optional[str] = typer.Option(None, "--every", help="Poll every this long (30s, 15m, 1h) until "
                                                                    "SIGTERM; default 15m unless --once."),
          once: bool = typer.Option(False, "--once", help="Poll each source once and exit (cron, systemd timers)."),
          alerts: Optional[str] = typer.Option(None, "--alerts", help="Append the alerts fired as JSON lines to "
                                                                      "this file (else stdout)."),
          webhook: List[str] = typer.Option([], "--webhook", help="POST each alert as JSON to this URL "
                                                                  "(retried); repeat for more."),
          db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
          timeout: float = typer.Option(20.0, "--timeout", min=0.1, help="Seconds to wait for an answer."),
          max_bytes: int = typer.Option(5_000_000, "--max-bytes", min=1000, help="Refuse answers above this (E124)."),
          retries: int = typer.Option(2, "--retries", min=0, max=10, help="Tries again after a 5xx, timeout "
                                                                          "or refused connection."),
          backoff: float = typer.Option(1.0, "--backoff", min=0.0, help="Seconds before the first retry; "
                                                                        "doubled for each next one."),
          pages: bool = typer.Option(True, "--pages/--no-pages", help="Fetch each new item's page for its "
                                                                      "article text (else the feed's own text)."),
          date: Optional[str] = typer.Option(None, "--date", help="Date for items without one (YYYY-MM-DD).")) -> None:
    """Poll feeds, sitemaps, pages and folders; ingest what is new; fire the alert rules on it.

    Each poll fetches only what changed (ETag, Last-Modified, item ids and content hashes) and is
    stored per source (`dyad sources list`). One summary line per source on stderr; a failing
    source is one `SOURCE:1: Ennn` line and never stops the others. --once: exit status 1 when a
    source or an item failed. Without --once: runs until SIGTERM/SIGINT, then exits 0."""
    from ..ingest.readers import check_given_date
    from ..watch.loop import every_seconds
    from ..watch.loop import watch as run_watch
    from ..watch.poll import Options
    check_given_date(date)
    interval = None if once else every_seconds(every or "15m")
    if once and every:
        _usage("E302 give --once or --every, not both")
    store = _open_store(db)
    if alerts:
        try:                              # the file exists from the first poll on, empty until an alert fires
            open(alerts, "a", encoding="utf-8").close()
        except OSError as exc:
            from ..errors import DeliveryFailed, one_line, show_path
            print(DeliveryFailed(f"cannot write the alerts to {show_path(alerts)}: {one_line(exc)}").message,
                  file=sys.stderr)
    opts = Options(timeout=timeout, max_bytes=max_bytes, retries=retries, backoff=backoff, pages=pages, date=date)
    code = run_watch(store, [_source_key(s) for s in sources or []], interval, opts, alerts, webhook,
                     on_report=lambda r: print(r.line(), file=sys.stderr, flush=True))
    raise typer.Exit(code)


# --- sources ------------------------------------------------------------------------------------

def _source_key(value: str) -> str:
    from pathlib import Path
    from ..ingest.web import is_url
    return value if is_url(value) else str(Path(value).resolve())


@sources_app.command("add")
def sources_add(urls: List[str] = typer.Argument(..., help="Feed, sitemap or page URLs, local feed files or folders."),
                name: Optional[str] = typer.Option(None, "--name", help="A name to list it by."),
                db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Keep sources in the database: a bare `dyad watch` polls them."""
    from ..store import monitor as M
    engine = _open_store(db).engine
    for url in urls:
        src = M.source(engine, _source_key(url), keep=True, name=name)
        print(f"source {src.id}: {src.url}")


@sources_app.command("list")
def sources_list(db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Every source, one line each: id, URL, kept or not, and its last poll (when, status, HTTP
    status, items listed, new, stored, the error)."""
    from ..store import monitor as M
    engine = _open_store(db).engine
    last = M.last_polls(engine)
    for s in M.sources(engine):
        p = last.get(s.id)
        name = f" ({s.name})" if s.name else ""
        kept = "kept" if s.kept else "not kept"
        if p is None:
            print(f"{s.id}\t{s.url}{name}\t{kept}\tnever polled")
            continue
        http = f" HTTP {p['http_status']}" if p.get("http_status") else ""
        print(f"{s.id}\t{s.url}{name}\t{kept}\t{p['finished_at'] or p['started_at']} {p['status']}{http}, "
              f"{p['items']} items, {p['new_items']} new, {p['stored']} stored"
              + (f", {s.failures} failures in a row" if s.failures else "") + (f"\t{p['error']}" if p.get("error") else ""))


@sources_app.command("remove")
def sources_remove(keys: List[str] = typer.Argument(..., help="Source ids or URLs."),
                   db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Remove sources with their polls and seen items (the documents stay)."""
    from ..store import monitor as M
    engine = _open_store(db).engine
    missing = [k for k in keys if not (M.remove_source(engine, k) or M.remove_source(engine, _source_key(k)))]
    for k in missing:
        print(f"E303 no source {k!r}; see `dyad sources list`", file=sys.stderr)
    raise typer.Exit(2 if missing else 0)


# --- alerts -------------------------------------------------------------------------------------

@alerts_app.command("add")
def alerts_add(pair: Optional[str] = typer.Option(None, "--pair", help="Two actors A-B (ids or names): "
                                                                       "AZE-ARM, Азербайджан-Армения."),
               actor: Optional[str] = typer.Option(None, "--actor", help="One actor (id or name) instead of a pair."),
               cameo: List[str] = typer.Option([], "--cameo", help="CAMEO root or code (19: 190..1999); repeat for more."),
               plover: List[str] = typer.Option([], "--plover", help="PLOVER event type (ASSAULT, THREATEN, "
                                                                     "SANCTION, ...); repeat for more."),
               facts: bool = typer.Option(False, "--facts", help="Fire on each new trade or economic figure."),
               shift: bool = typer.Option(False, "--shift", help="Fire on a shift of the pair's weekly events or "
                                                                 "mean Goldstein against its own baseline."),
               weeks: int = typer.Option(8, "--weeks", min=2, max=104, help="--shift: weeks of baseline."),
               z: float = typer.Option(3.0, "--z", min=0.5, help="--shift: fire when |z| is at least this."),
               webhook: Optional[str] = typer.Option(None, "--webhook", help="POST this rule's alerts here too."),
               db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Add an alert rule. With neither --cameo, --plover, --facts nor --shift it fires on every new
    event of the pair."""
    from ..store import monitor as M
    from .checks import cameo_prefixes, plover_names
    if bool(pair) == bool(actor):
        _usage("E302 give --pair A-B or --actor A")
    for c in cameo:
        if c not in cameo_prefixes():
            _usage(f"E302 --cameo {c!r}: no CAMEO code is or starts with this")
    plover = [p.upper() for p in plover]
    for p in plover:
        if p not in plover_names():
            _usage(f"E302 --plover {p!r}: not a PLOVER type ({', '.join(sorted(plover_names()))})")
    engine = _open_store(db).engine
    a, b = parse_pair(engine, pair) if pair else (_actor(engine, actor), None)
    if shift and not b:
        _usage("E302 --shift needs --pair")
    rule = M.add_rule(engine, M.Rule(id=0, a=a, b=b, cameo=tuple(dict.fromkeys(cameo)), plover=tuple(dict.fromkeys(plover)),
                                     facts=facts, shift=shift, weeks=weeks, z=z, webhook=webhook))
    print(f"rule {rule.id}: {rule.describe()}")


@alerts_app.command("list")
def alerts_list(fired: bool = typer.Option(False, "--fired", help="Print the alerts fired (newest first) as JSON "
                                                                  "lines instead of the rules."),
                limit: int = typer.Option(50, "--limit", min=1, max=10000),
                db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """The rules, one line each with the number of alerts it fired; --fired: the alerts themselves,
    as `dyad watch` delivers them."""
    import json
    from ..store import monitor as M
    engine = _open_store(db).engine
    if fired:
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")
        for a in M.alerts(engine, limit=limit)["items"]:
            print(json.dumps(a, ensure_ascii=False, sort_keys=True))
        return
    for r in M.rules(engine):
        hook = f"\twebhook {r.webhook}" if r.webhook else ""
        print(f"{r.id}\t{r.describe()}\t{len(M.fired_keys(engine, r.id))} alerts{hook}")


@alerts_app.command("remove")
def alerts_remove(ids: List[int] = typer.Argument(..., help="Rule ids (`dyad alerts list`)."),
                  db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Remove alert rules with the alerts they fired."""
    from ..store import monitor as M
    engine = _open_store(db).engine
    missing = [i for i in ids if not M.remove_rule(engine, i)]
    for i in missing:
        print(f"E303 no alert rule {i}; see `dyad alerts list`", file=sys.stderr)
    raise typer.Exit(2 if missing else 0)


# --- brief --------------------------------------------------------------------------------------

def brief(a: str = typer.Argument(..., help="Actor id, country code or name, e.g. AZE or Азербайджан"),
          b: str = typer.Argument(..., help="Actor id, country code or name, e.g. CHN or Китай"),
          start: Optional[str] = typer.Option(None, "--start", help="First day YYYY-MM-DD (default: the first record)."),
          end: Optional[str] = typer.Option(None, "--end", help="Last day YYYY-MM-DD (default: the last record)."),
          fmt: Optional[str] = typer.Option(None, "--format", help="html or pdf (default: from --output's suffix, "
                                                                    "else html)."),
          output: Optional[str] = typer.Option(None, "--output", "-o", help="Write here (html: else stdout)."),
          db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """A briefing on the pair for the period: headline figures, the cooperation and conflict timeline,
    trade and economic figures as series, key events, facts and attitudes, each claim followed by its
    citation (the sentence, the document's title, date and link). PDF through headless Chromium."""
    import datetime as dt
    from . import brief as B
    for name, day in (("--start", start), ("--end", end)):
        if day is not None:
            try:
                dt.date.fromisoformat(day)
            except ValueError:
                _usage(f"E300 {name} {day!r} is not a date YYYY-MM-DD")
    if start and end and start > end:
        _usage(f"E300 --end {end} is before --start {start}")
    fmt = (fmt or (output.rsplit(".", 1)[-1].lower() if output and "." in output else "html")).lower()
    if fmt not in ("html", "pdf"):
        _usage(f"E300 --format {fmt!r}: use html or pdf")
    if fmt == "pdf" and not output:
        _usage("E300 --format pdf needs --output FILE")
    engine = _open_store(db).engine
    a, b = _actor(engine, a), _actor(engine, b)
    data = B.gather(engine, a, b, start, end)
    html = B.render(data)
    if fmt == "html":
        if output:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(html)
        else:
            if hasattr(sys.stdout, "reconfigure"):
                sys.stdout.reconfigure(encoding="utf-8")
            sys.stdout.write(html)
        return
    from .pdf import PdfUnavailable, html_to_pdf
    try:
        html_to_pdf(html, output)
    except PdfUnavailable as exc:
        print(exc.message, file=sys.stderr)
        raise typer.Exit(1)
    print(f"{output}: {len(data.claims)} claims, each with its citation", file=sys.stderr)


def register(app: typer.Typer) -> None:
    app.command("watch")(watch)
    app.command("brief")(brief)
    app.add_typer(sources_app, name="sources")
    app.add_typer(alerts_app, name="alerts")
