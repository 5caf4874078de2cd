"""The events golden files (tests/golden/events*.txt): one sentence and its expected events a line.

    python -m dyad.code.events_golden --check tests/golden/events.txt    # diff and accuracy
    python -m dyad.code.events_golden --regen tests/golden/events.txt    # after a deliberate change

It runs the whole pipeline on each line, so it sits beside the coder, not inside it (the pipeline
imports :mod:`dyad.code.events`; this module imports the pipeline).
"""
from __future__ import annotations

from typing import Sequence

from ..types import ActorRef, Document, Event
from .sides import country_key


# --- golden lines ---------------------------------------------------------------------------
def actor_label(a: ActorRef) -> str:
    """How the golden file names an actor: countries, their people and their state organs by
    alpha-3, non-state sectors by their code (CHNBUS), organisations by id (UN, SCO)."""
    return country_key(a)


def event_label(e: Event, article_date: str | None) -> str:
    src = "+".join(actor_label(a) for a in e.sources) or "?"
    tgt = "+".join(actor_label(a) for a in e.targets) or "-"
    out = f"{src}|{e.cameo}|{tgt}"
    if e.negated:
        out += " neg"
    if e.modality:
        out += f" {e.modality}"
    if e.date != article_date or (e.date_precision not in ("day", None)):
        out += f" @{e.date or 'none'}" + (f"/{e.date_precision}" if e.date_precision not in ("day", None) else "")
    return out


def golden_label(events: Sequence[Event], article_date: str | None) -> str:
    return " ; ".join(event_label(e, article_date) for e in events) or "-"


def read_golden(path) -> list[tuple[int, str, str, str]]:
    """(line number, article date, sentence, expected) for each case of a golden file."""
    from pathlib import Path
    date = "2025-08-31"
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            parts = line[1:].split()
            if len(parts) == 2 and parts[0] == "date":
                date = parts[1]
            continue
        sentence, sep, expected = line.partition("⇒")
        if not sep:
            raise ValueError(f"{path}:{n}: no ⇒ in the line")
        out.append((n, date, sentence.strip(), expected.strip()))
    return out


def code_text(text: str, date: str | None, lang: str = "ru") -> tuple[Event, ...]:
    """Run the whole pipeline on a bit of text and return its events."""
    from ..pipeline import process
    doc = Document(id="golden", text=text, date=date, lang=lang)
    return process(doc).events


def golden_language(path) -> str:
    """A golden file's language: ``# lang en`` in its header, else Russian."""
    from pathlib import Path
    for line in Path(path).read_text(encoding="utf-8").splitlines()[:20]:
        parts = line[1:].split() if line.startswith("#") else []
        if len(parts) == 2 and parts[0] == "lang":
            return parts[1]
    return "ru"


def run_golden(path) -> list[tuple[int, str, str, str, str]]:
    """(line, date, sentence, expected, got) for every case."""
    lang = golden_language(path)
    return [(n, d, s, exp, golden_label(code_text(s, d, lang), d)) for n, d, s, exp in read_golden(path)]


def label_triples(label: str) -> set[tuple[str, str, str]]:
    """(source, target, CAMEO root) of every side pair of a golden label (``-`` for no target,
    ``?`` for an unknown source): how the held-out English checks score events."""
    out = set()
    for event in label.split(" ; "):
        if "|" not in event:
            continue
        src, code, rest = event.split("|", 2)
        tgt = rest.split()[0] if rest else "-"
        for a in src.split("+"):
            for b in tgt.split("+"):
                out.add((a, b, code[:2]))
    return out


def _country(side: str) -> str:
    """A golden side as its country: a country's sector (CHNBUS, GEOOPP) is the country; a bare
    sector (OPP, COP), an unknown side or one that is neither a country nor an organisation of the
    knowledge base (a place, a person without a country) is ``-``."""
    from ..resolve.kb import load_kb
    kb = load_kb()
    if side in ("-", "?"):
        return "-"
    if len(side) == 6 and side[:3].isupper() and side[:3] in kb.actors and kb.actors[side[:3]].kind == "country":
        return side[:3]
    found = kb.actors.get(side)
    return side if found is not None and found.kind != "person" else "-"


def country_triples(label: str) -> set[tuple[str, str, str]]:
    """:func:`label_triples` with each side as its country (:func:`_country`), pairs whose sides are
    both unknown dropped: the held-out checks' (source country, target country, CAMEO root)."""
    return {(a, b, r) for a, b, r in ((_country(x), _country(y), r) for x, y, r in label_triples(label))
            if (a, b) != ("-", "-")}


def label_types(label: str) -> set[tuple[str, str]]:
    """(source, PLOVER type) of every event of a golden label."""
    from .codebook import plover_for
    out = set()
    for event in label.split(" ; "):
        if "|" not in event:
            continue
        src, code, _ = event.split("|", 2)
        p = plover_for(code)
        for a in src.split("+"):
            out.add((a, p.type if p else "?"))
    return out


def score(rows) -> dict[str, float]:
    """Pair scores over (source, target, root): precision, recall, F1; and the share of expected
    (source, PLOVER type) the coder gives."""
    tp = fp = fn = 0
    ctp = cfp = cfn = 0
    dtp = dfp = dfn = 0
    types_hit = types_all = 0
    for *_, exp, got in rows:
        e, g = label_triples(exp), label_triples(got)
        tp, fp, fn = tp + len(e & g), fp + len(g - e), fn + len(e - g)
        e, g = country_triples(exp), country_triples(got)
        ctp, cfp, cfn = ctp + len(e & g), cfp + len(g - e), cfn + len(e - g)
        e, g = {t for t in e if "-" not in t[:2]}, {t for t in g if "-" not in t[:2]}
        dtp, dfp, dfn = dtp + len(e & g), dfp + len(g - e), dfn + len(e - g)
        et, gt = label_types(exp), label_types(got)
        types_hit, types_all = types_hit + len(et & gt), types_all + len(et)
    p, r, f = _prf(tp, fp, fn)
    cp, cr, cf = _prf(ctp, cfp, cfn)
    dp, dr, df = _prf(dtp, dfp, dfn)
    return {"precision": p, "recall": r, "f1": f, "country_precision": cp, "country_recall": cr,
            "country_f1": cf, "dyadic_precision": dp, "dyadic_recall": dr, "dyadic_f1": df,
            "plover_type_source": types_hit / types_all if types_all else 0.0}


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def regen(path) -> tuple[int, int]:
    """Rewrite the expectations of a golden file with what the coder now produces."""
    from pathlib import Path
    p = Path(path)
    lines = p.read_text(encoding="utf-8").splitlines()
    date = "2025-08-31"
    lang = golden_language(path)
    changed = total = 0
    for i, line in enumerate(lines):
        s = line.strip()
        if s.startswith("# date"):
            date = s.split()[2]
        if not s or s.startswith("#") or "⇒" not in s:
            continue
        sentence, _, expected = s.partition("⇒")
        got = golden_label(code_text(sentence.strip(), date, lang), date)
        total += 1
        if got != expected.strip():
            changed += 1
        lines[i] = f"{sentence.strip()} ⇒ {got}"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed, total


def main(argv: Sequence[str] | None = None) -> int:
    import argparse
    parser = argparse.ArgumentParser(prog="python -m dyad.code.events_golden", description=__doc__.split("\n")[0])
    parser.add_argument("--regen", metavar="GOLDEN", help="rewrite the expectations of a golden file")
    parser.add_argument("--check", metavar="GOLDEN", help="print the differences and the accuracy")
    ns = parser.parse_args(argv)
    if ns.regen:
        changed, total = regen(ns.regen)
        print(f"{ns.regen}: {changed} of {total} expectations changed")
        return 0
    if ns.check:
        rows = run_golden(ns.check)
        bad = [r for r in rows if r[3] != r[4]]
        for n, _, s, exp, got in bad:
            print(f"{ns.check}:{n}: {s}\n    expected {exp}\n    got      {got}")
        print(f"{len(rows) - len(bad)}/{len(rows)} exact ({100 * (len(rows) - len(bad)) / max(len(rows), 1):.1f}%)")
        sc = score(rows)
        print(f"(source, target, root) pairs: P {100 * sc['precision']:.1f} R {100 * sc['recall']:.1f} "
              f"F1 {100 * sc['f1']:.1f}; by country P {100 * sc['country_precision']:.1f} "
              f"R {100 * sc['country_recall']:.1f} F1 {100 * sc['country_f1']:.1f}; both sides known "
              f"P {100 * sc['dyadic_precision']:.1f} R {100 * sc['dyadic_recall']:.1f} F1 {100 * sc['dyadic_f1']:.1f}; "
              f"(source, PLOVER type) found {100 * sc['plover_type_source']:.1f}%")
        return 0 if not bad else 1
    parser.print_help()
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
