"""The quality tables as Markdown, for `dyad eval` and for docs/quality.md.

    python -m dyad.eval.report DATA_DIR docs/quality.md [NEREL_JSONL]

reads factRuEval-2016's development split under DATA_DIR, runs Dyad and natasha's NER alone on
every text, and rewrites the output file with the date, Dyad's version, the command and the
tables. The actors section, the relational events and the confidence bands also run Dyad on
NEREL's development split when NEREL_JSONL is given. `make eval` calls it.
"""
from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path

from .. import __version__
from .gold import TYPES, GoldDoc
from .score import MICRO, MODES, Counts
from .coref import KINDS, NO_MENTION, LinkCounts
from .actors import NO_RULE, ActorCounts, Offence
from . import event_report as er
from .tasks import (ActorScores, CorefScores, EntityScores, Resolved, coref_error_lines, difference,
                    error_lines, meeting_errors, meeting_tellings, run, score_actors, score_coref,
                    score_entities, score_events, score_meetings,
                    score_resolution, show)

DATASETS = ("factrueval", "nerel", "brat", "jsonl")
TASKS = ("entities", "resolution", "meetings", "coref", "actors", "events")
DECIDED = ("meetings", "events")          # the tasks that read the coder's decisions
LABELS = {"factrueval": "factRuEval-2016", "nerel": "NEREL v1.1", "brat": "brat", "jsonl": "jsonl"}
DYAD_TYPES = ("Dyad's mention types PER, ORG, LOC are scored; ADJ, DEMONYM, TITLE, ANAPHOR and "
              "other types are not (they name actors, not entity spans)")


def load(dataset: str, path: str, date: str | None = None) -> tuple[list[GoldDoc], str, str | None]:
    """Gold documents, the type mapping used, and a note on dates."""
    if dataset == "factrueval":
        from . import factrueval
        return factrueval.read_dir(path), factrueval.MAPPING, factrueval.DATE_NOTE
    if dataset == "nerel":
        from . import nerel
        return nerel.read_dir(path), nerel.MAPPING, nerel.DATE_NOTE
    if dataset == "brat":
        from . import brat
        return brat.read_dir(path, date), brat.MAPPING, None if date else "brat has no dates: date = null"
    if dataset == "jsonl":
        from . import jsonl
        return jsonl.read_dir(path), jsonl.MAPPING, "dates as the records give them"
    raise ValueError(f"unknown dataset {dataset!r}; one of {', '.join(DATASETS)}")


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def entity_table(scores: EntityScores) -> list[str]:
    systems = sorted({s for s, _ in scores.counts}, key=lambda s: s != "dyad")
    head = "| type | gold |"
    rule = "|---|---:|"
    for mode in MODES:
        for system in systems:
            head += f" {system} {mode} P | R | F1 |"
            rule += "---:|---:|---:|"
    lines = [head, rule]
    for row in (*TYPES, MICRO):
        gold = scores.counts[(systems[0], MODES[0])].get(row, Counts()).gold
        line = f"| {'**micro**' if row == MICRO else row} | {gold} |"
        for mode in MODES:
            for system in systems:
                c = scores.counts[(system, mode)].get(row, Counts())
                p = "—" if row == "LOCORG" else _pct(c.precision)   # no prediction is typed LOCORG
                f = "—" if row == "LOCORG" else _pct(c.f1)
                line += f" {p} | {_pct(c.recall)} | {f} |"
        lines.append(line)
    counts = ", ".join(f"{s} {scores.counts[(s, 'exact')][MICRO].pred}" for s in systems)
    lines += ["", f"Predicted PER/ORG/LOC mentions: {counts}. A hit counts under the gold type, so a "
              "LOCORG hit by a LOC or ORG prediction adds to the LOCORG row; LOCORG has no precision "
              "of its own (nothing is predicted as LOCORG) but its hits and misses are in the micro row."]
    return lines


def difference_lines(scores: EntityScores, limit: int = 12) -> list[str]:
    d = difference(scores)

    def block(title: str, counter, tag: str) -> list[str]:
        out = [f"**{title}**", "", "| type | Dyad rule | n | examples |", "|---|---|---:|---|"]
        for (typ, rule), n in counter.most_common(limit):
            ex = "; ".join(d.examples.get((tag, typ, rule), []))
            out.append(f"| {typ} | {rule} | {n} | {ex} |")
        return out + [""]

    return (block("Dyad's false hits that natasha does not make", d.extra_false, "false")
            + block("Gold mentions natasha finds and Dyad misses (with what Dyad had there)", d.lost, "lost")
            + block("Gold mentions Dyad finds and natasha misses", d.gained, "gained"))


def resolution_table(res: dict[str, Resolved]) -> list[str]:
    lines = ["| type | gold | resolved to an actor | to a known actor |", "|---|---:|---:|---:|"]
    for row, c in res.items():
        if c.gold == 0 and row != "all":
            continue
        any_, known = (c.any / c.gold, c.known / c.gold) if c.gold else (0.0, 0.0)
        lines.append(f"| {row} | {c.gold} | {_pct(any_)} | {_pct(known)} |")
    return lines + ["", "A gold mention counts as resolved when a Dyad mention of any type that overlaps "
                    "its name carries an actor; a known actor comes from the knowledge base or the "
                    "gazetteer, not an ad hoc `person:`/`org:`/`place:` id made from the NER span. "
                    "Named mentions only, nested ones included."]


def meetings_table(m: dict[str, Counts]) -> list[str]:
    lines = ["| match | gold | predicted | hits | P | R | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
    for mode, c in m.items():
        lines.append(f"| {mode} | {c.gold} | {c.pred} | {c.tp} | {_pct(c.precision)} | "
                     f"{_pct(c.recall)} | {_pct(c.f1)} |")
    return lines + ["", "Predicted meetings are Dyad's events with CAMEO root 04 (consult), one per "
                    "distinct set of participants (sources and targets) in a document. A gold "
                    "participant matches a predicted actor when Dyad resolved a mention of that "
                    "participant to the same actor, or, where either actor is unknown (ad hoc id or "
                    "none), when their normalised names agree (all the words of one among the "
                    "other's). exact: the participant sets match one-to-one; overlap: at least two "
                    "participants match (one, for a one-participant meeting)."]


COREF_NOTES = [
    "Predicted chains: Dyad's mentions of any type that carry an actor, grouped by actor id within "
    "the document (a group anaphor such as \"двух стран\" is a chain of its own, never one of its "
    "members'). Alignment, one to one: a predicted mention may match a gold mention when it touches "
    "the gold mention's head word (a person's surname, an organisation's name or else its "
    "descriptor: \"МИД\" in \"МИД России\", \"мэрии\" in \"мэрии Москвы\"); pairs are taken by "
    "the share of characters in common. Gold mentions: every mention of a scored type that "
    "factRuEval puts in an entity, nested and unnamed ones included.",
    "",
    "*MUC*, *B³*: computed over the gold mentions only. A gold mention aligned to a Dyad mention "
    "is in that mention's chain; an unaligned one is a chain of its own (a singleton); Dyad "
    "mentions aligned to no gold mention are left out, so precision counts wrong merges among gold "
    "mentions, not mentions the gold lacks. Entities mentioned once count in B³ (they are most of "
    "the chains) and not in MUC. Sums over all documents (micro).",
    "",
    "*Links*: a Dyad link is a mention that is not the first of its chain. It is judged when it and "
    "at least one earlier mention of its chain are aligned to gold mentions, and correct when one "
    "of those earlier mentions is in the same gold chain (P = correct / judged); links the gold "
    "cannot judge are counted under *not in gold*. A gold link is a gold mention that is not the "
    "first of its chain; it is found when Dyad put it in the chain of an earlier mention of its "
    "gold chain (R = found / gold links). By rule: P under the Dyad mention's rule, R under the "
    "rule of the Dyad mention aligned to the gold one (*" + NO_MENTION + "* when none is). By "
    "kind: *pronoun* is a one-word third-person or relative pronoun (он, его, который...), *name* "
    "a mention with a name, *description* any other (\"партии\", \"страны\").",
    "",
    "factRuEval annotates no pronouns and no bare titles (`job` spans such as \"президент\" belong "
    "to no mention), so Dyad's pronoun and title links (doc.pronoun, doc.relative, doc.title...) "
    "fall under *not in gold* and pronoun recall cannot be measured on this dataset.",
]


def _links_row(c: LinkCounts) -> str:
    p = _pct(c.precision) if c.judged else "—"
    r = _pct(c.recall) if c.gold else "—"
    return f"{c.judged} | {c.correct} | {p} | {c.gold} | {c.found} | {r}"


def coref_tables(scores: CorefScores) -> list[str]:
    t = scores.total
    lines = ["| metric | P | R | F1 |", "|---|---:|---:|---:|"]
    for name, pr in (("MUC", t.muc), ("B³", t.b3)):
        lines.append(f"| {name} | {_pct(pr.precision)} | {_pct(pr.recall)} | {_pct(pr.f1)} |")
    lines += ["", f"Gold: {t.gold_mentions} mentions in {t.gold_chains} chains ({scores.documents} "
              f"documents); Dyad: {t.predicted} mentions with an actor, {t.aligned} of them aligned "
              f"to a gold mention.", "",
              "**Links by the gold mention's kind**", "",
              "| gold kind | gold mentions | judged Dyad links | correct | P | gold links | found | R |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for kind in KINDS:
        lines.append(f"| {kind} | {t.kinds.get(kind, 0)} | {_links_row(t.by_kind.get(kind, LinkCounts()))} |")
    total = sum(t.by_kind.values(), LinkCounts())
    lines += [f"| **all** | {t.gold_mentions} | {_links_row(total)} |", "",
              "**Links by Dyad's rule**", "",
              "| Dyad rule | Dyad links | not in gold | judged | correct | P | gold links | found | R |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    rows = sorted(t.by_rule.items(), key=lambda kv: (kv[0] == NO_MENTION, -kv[1].links - kv[1].gold, kv[0]))
    for rule, c in rows:
        lines.append(f"| {rule} | {c.links} | {c.outside} | {_links_row(c)} |")
    c = t.links
    lines.append(f"| **all** | {c.links} | {c.outside} | {_links_row(c)} |")
    return lines


RUNS = ("undated", "dated")
ACTORS_NOTES = [
    "*(a) named people resolved to someone else*: of the PER mentions whose actor is a person "
    "(kind `person`, ad hoc `person:` ids included), those whose actor's name has no word agreeing "
    "with the mention's surname (its last word of two letters or more). Two words agree when their "
    "first k letters do, in lower case with ё as е, k being max(2, min(4, length − 1)) of the "
    "shorter word (\"Лаврова\" agrees with \"Лавров\", \"Анной\" with \"Анна\"); a Latin word "
    "and a Cyrillic one are compared as ASCII slugs. *(b) titles resolved against the name after "
    "them*: a mention that is not PER (a TITLE) whose actor is a person, followed within 2 "
    "characters (no letter between) by a PER mention whose actor is a person, makes a title+name pair; the pair is an offence when "
    "the two actor ids differ. Titles right after a word that embeds them are not pairs "
    "(заместитель, пресс-секретарь, помощник, советник, представитель, спикер, администрация, "
    "аппарат, посол, сотрудник, охрана, супруг(а), жена, муж, сын, дочь, вдова, кабинет, "
    "окружение, пресс-служба, канцелярия, офис, указ, бывший, экс, министр, глава, in any case "
    "form, matched on the start of the word before the title). The goal of both is 0. Neither "
    "needs gold annotation: they check Dyad's output against itself.",
    "",
    "*undated*: every document is given no date, so the pipeline estimates one from the text "
    "(`dyad.resolve.docdate.estimate_date`, at that estimate's precision: day, month or year; "
    "warning W104) or has none (W105; titles then resolve to offices, not people). *dated*: every "
    "document is given as its date the one the estimator finds in its text, as a day (date source "
    "`given`, precision `day`); the documents in which it finds none are left out of the dated run "
    "and counted (*without a date*).",
    "",
    "*mentions with warnings*: mentions carrying at least one warning, by code (W201: the person "
    "named after a title did not hold it on the date). *Mentions by resolver rule*: every mention "
    "Dyad made, with or without an actor, by the rule that resolved it (" + NO_RULE + ": none did), "
    "and the mean of their `confidence`.",
]


def _fraction(n: int, total: int) -> str:
    return f"{n} / {total}" + (f" ({_pct(n / total)}%)" if total else "")


def _warnings(c: ActorCounts) -> str:
    codes = ", ".join(f"{code} {k}" for code, k in sorted(c.warnings.items()))
    return f"{c.warned}" + (f" ({codes})" if codes else "")


def actors_tables(results: list[tuple[str, ActorScores]]) -> list[str]:
    """The (a) and (b) figures per dataset and run, then the mentions per rule."""
    lines = ["| dataset | run | documents | (a) named people resolved to someone else | "
             "(b) titles resolved against the name after them | mentions with warnings |",
             "|---|---|---:|---:|---:|---|"]
    for label, sc in results:
        for name in RUNS:
            c: ActorCounts = getattr(sc, name)
            docs = f"{c.documents}" + (f" ({sc.without_date} without a date)" if name == "dated" else "")
            lines.append(f"| {label} | {name} | {docs} | {_fraction(c.wrong_people, c.people)} | "
                         f"{_fraction(c.wrong_pairs, c.pairs)} | {_warnings(c)} |")
    by_rule = []
    for label, sc in results:
        for name in RUNS:
            c = getattr(sc, name)
            if c.wrong_by_rule:
                rules = ", ".join(f"{r} {k}" for r, k in c.wrong_by_rule.most_common())
                by_rule.append(f"{label} {name}: {rules}")
    lines += ["", "(a) by the rule of the offending mention: " + ("; ".join(by_rule) or "none") + ".",
              "", "**Mentions by resolver rule** (n: mentions, conf: their mean confidence)", ""]
    cols = [(label, name, getattr(sc, name)) for label, sc in results for name in RUNS]
    lines.append("| rule | " + " | ".join(f"{label} {name} n | conf" for label, name, _ in cols) + " |")
    lines.append("|---|" + "---:|---:|" * len(cols))
    total = sum((c.rules for *_, c in cols), Counter())
    for rule in sorted(total, key=lambda r: (r == NO_RULE, -total[r], r)):
        cells = [f"{c.rules[rule]} | {c.mean_confidence(rule):.2f}" if c.rules[rule] else "0 | —"
                 for *_, c in cols]
        lines.append(f"| {rule} | " + " | ".join(cells) + " |")
    cells = [f"{c.mentions} | {sum(c.confidence.values()) / c.mentions:.2f}" if c.mentions else "0 | —"
             for *_, c in cols]
    lines.append("| **all** | " + " | ".join(cells) + " |")
    return lines


def offence_lines(o: Offence) -> list[str]:
    m = o.mention
    a = m.actor
    where = f"{o.document}:{m.start} [{o.date or 'no date'}]"
    if o.measure == "a":
        head = (f"{where} (a) PER «{m.text}» {m.rule or NO_RULE} {m.confidence:.2f} → {a.id} "
                f"«{a.name}»")
        return [head, "    " + show(o.text, m.start, m.end)]
    p = o.name
    head = (f"{where} (b) {m.type} «{m.text}» {m.rule or NO_RULE} → {a.id} «{a.name}»; "
            f"PER «{p.text}» {p.rule or NO_RULE} → {p.actor.id} «{p.actor.name}»")
    return [head, "    " + show(o.text, m.start, p.end)]


def actor_error_lines(results: list[tuple[str, ActorScores]], n: int) -> list[str]:
    """The first ``n`` offences of each measure in each run, with their sentences."""
    out: list[str] = []
    for label, sc in results:
        for name in RUNS:
            c = getattr(sc, name)
            for measure in ("a", "b"):
                found = [o for o in c.offences if o.measure == measure]
                shown = f", the first {min(n, len(found))}:" if found else "."
                out += ["", f"{label} {name}: {len(found)} ({measure}) offences{shown}"]
                for o in found[:n]:
                    out += offence_lines(o)
    return out


def actor_lines(dataset: str, docs: list[GoldDoc], errors: int = 0) -> tuple[list[str], int]:
    """`dyad eval DATASET PATH --task actors`: both runs, the tables, the notes; and how many
    documents the pipeline failed on."""
    sc = score_actors(docs)
    failed = report_failures(sc.failed)
    results = [(LABELS.get(dataset, dataset), sc)]
    lines = actors_tables(results) + [""] + ACTORS_NOTES
    if errors:
        lines += actor_error_lines(results, errors)
    return lines, failed


def task_lines(task: str, runs, mapping: str, date_note: str | None, errors: int = 0) -> list[str]:
    notes = [f"Type mapping: {mapping}. {DYAD_TYPES}."] + ([f"Dates: {date_note}."] if date_note else [])
    if task == "entities":
        scores = score_entities(runs)
        lines = entity_table(scores) + [""] + notes
        if errors:
            lines += ["", f"First {errors} misses and first {errors} false hits of Dyad (exact match):", ""]
            lines += error_lines(scores, errors)
        return lines
    if task == "resolution":
        return resolution_table(score_resolution(runs)) + [""] + notes
    if task == "meetings":
        if all(r.gold.meetings is None for r in runs):
            return ["This dataset annotates no meetings."]
        return meeting_lines(runs, errors) + [""] + notes
    if task == "events":
        if all(r.gold.events is None for r in runs):
            return ["This dataset annotates no events (EVENT triggers with their actors); "
                    "factRuEval's Meeting facts are measured by --task meetings."]
        return event_lines(runs, errors) + [""] + notes
    if task == "coref":
        if all(r.gold.chains is None for r in runs):
            return ["This dataset annotates no coreference."]
        scores = score_coref(runs)
        lines = coref_tables(scores) + [""] + COREF_NOTES + [""] + notes
        if errors:
            lines += ["", f"First {errors} wrong links and first {errors} missed gold links of Dyad:", ""]
            lines += coref_error_lines(scores, errors)
        return lines
    raise ValueError(f"unknown task {task!r}; one of {', '.join(TASKS)}")


def meeting_lines(runs, errors: int = 0, bands: bool = True) -> list[str]:
    """The meetings table, why each gold meeting was missed, and (``bands``) the root-04
    tellings per confidence band."""
    misses = meeting_errors(runs)
    lines = (meetings_table(score_meetings(runs)) + ["", "**Why the gold meetings were missed**", ""]
             + er.meeting_error_table(misses, sum(len(r.gold.meetings or ()) for r in runs))
             + [""] + er.MEETINGS_ERROR_NOTES)
    tellings = meeting_tellings(runs)
    if bands:
        lines += (["", "**Root-04 tellings per confidence band** (percent)", ""]
                  + er.band_table(tellings, nerel=False) + [""] + er.BANDS_NOTES[:1] + [""]
                  + er.BANDS_NOTES[-1:])
    if errors:
        lines += er.meeting_miss_lines(runs, misses, errors) + er.wrong_lines(runs, tellings, errors)
    return lines


def event_lines(runs, errors: int = 0, bands: bool = True) -> list[str]:
    """NEREL's relational events: found, the misses by cause, by CAMEO root; and (``bands``)
    every telling per confidence band."""
    s = score_events(runs)
    lines = ([er.events_intro(s), ""] + er.outcome_table(s)
             + ["", "**Misses by cause**", ""] + er.cause_table(s)
             + ["", "**By the CAMEO root of the best telling**", ""] + er.root_table(s)
             + [""] + er.EVENTS_NOTES)
    if bands:
        lines += (["", "**Every telling per confidence band** (percent)", ""] + er.band_table(s.tellings)
                  + [""] + er.BANDS_NOTES[:2])
    if errors:
        lines += er.miss_lines(runs, s, errors) + er.wrong_lines(runs, s.tellings, errors)
    return lines


def run_cli(dataset: str, path: str, task: str = "entities", errors: int = 0,
            date: str | None = None) -> int:
    """`dyad eval`: print the task's table; 0 on success, 2 for a usage error."""
    if dataset not in DATASETS or task not in TASKS:
        print(f"E300 dataset must be one of {', '.join(DATASETS)} and task one of {', '.join(TASKS)}",
              file=sys.stderr)
        return 2
    if not Path(path).exists():
        print(f"E300 {path}: no such file or directory", file=sys.stderr)
        return 2
    docs, mapping, note = load(dataset, path, date)
    if task == "actors":
        lines, failed = actor_lines(dataset, docs, errors)
        print(f"{dataset} {path}: {len(docs)} documents, task actors (undated, then dated)"
              + (f", {failed} runs failed (measured as empty)" if failed else "") + "\n")
        print("\n".join(lines))
        return 1 if failed else 0
    runs = run(docs, baseline=(task == "entities"), decisions=task in DECIDED)
    failed = report_failures(runs)
    print(f"{dataset} {path}: {len(docs)} documents, task {task}"
          + (f", {failed} failed (scored as empty)" if failed else "") + "\n")
    print("\n".join(task_lines(task, runs, mapping, note, errors)))
    return 1 if failed else 0


def report_failures(runs) -> int:
    """Print one line per document the pipeline failed on; return how many."""
    failed = [r for r in runs if r.error]
    for r in failed:
        print(f"{r.gold.id}: E000 the pipeline failed: {r.error}", file=sys.stderr)
    return len(failed)


def build(data_dir: str, command: str, nerel_path: str | None = None) -> str:
    docs, mapping, note = load("factrueval", data_dir)
    runs = run(docs, decisions=True)
    if report_failures(runs):
        raise RuntimeError("the pipeline failed on some documents; the page is not rewritten")
    actors = [(LABELS["factrueval"], score_actors(docs, runs))]
    nerel_runs = []
    if nerel_path is not None:
        nerel_docs, *_ = load("nerel", nerel_path)      # undated, as the actors' undated run wants
        nerel_runs = run(nerel_docs, baseline=False, decisions=True)
        actors.append((LABELS["nerel"], score_actors(nerel_docs, nerel_runs)))
    if sum(report_failures(sc.failed) for _, sc in actors):
        raise RuntimeError("the pipeline failed on some documents; the page is not rewritten")
    nerel_note = (f"and on the development split of NEREL v1.1 ({len(nerel_docs)} documents, "
                  f"`{nerel_path}`)" if nerel_path is not None else
                  "(NEREL not measured: no NEREL_JSONL argument was given)")
    scores = score_entities(runs)
    n_meet = sum(len(r.gold.meetings or ()) for r in runs)
    n_events = sum(len(r.record.events) for r in runs)
    lines = [
        "# Quality",
        "",
        f"Generated {dt.date.today().isoformat()} by Dyad {__version__} with `{command}` on the "
        f"development split of factRuEval-2016 ({len(docs)} documents). The held-out test split is "
        "not used. Re-run `make eval` to regenerate this page; `dyad eval factrueval PATH --task "
        "entities|resolution|meetings|coref|actors [--errors N]` prints the same tables (`dyad eval "
        "nerel PATH --task actors|events` the actors tables and the relational events on NEREL).",
        "",
        f"Type mapping: {mapping}. {DYAD_TYPES}. A mention's name spans make it count; descriptor "
        "words (\"мэрия\", \"министр\") may be in or out of a predicted span; mentions with no name "
        "and mentions nested inside another are ignored (a prediction matching them is neither hit "
        "nor false hit); mentions with the same extent and different types accept either type.",
        "",
        f"Dates: {note}.",
        "",
        "## Entities: Dyad against natasha's NER alone",
        "",
        "Precision, recall, F1 in percent. *exact*: the predicted span equals the gold mention "
        "(with or without its descriptor words); *overlap*: they share a character. Types must agree.",
        "",
        *entity_table(scores),
        "",
        "### Where Dyad and natasha differ (exact match)",
        "",
        *difference_lines(scores),
        "## Resolution: gold mentions resolved to an actor",
        "",
        *resolution_table(score_resolution(runs)),
        "",
        "## Meetings",
        "",
        f"factRuEval's Meeting facts ({n_meet} in the development split) against Dyad's consult "
        f"events ({n_events} events of any kind were coded on these texts).",
        "",
        *meeting_lines(runs, bands=False),
        "",
        "`dyad eval factrueval PATH --task meetings --errors N` prints these tables, the band "
        "table below, each missed meeting with its sentence and the first N root-04 tellings judged "
        "wrong.",
        "",
        *nerel_event_section(nerel_runs, nerel_path),
        *confidence_section(runs, nerel_runs),
        "## Coreference",
        "",
        "factRuEval's coreference (`.coref`: the mentions of each entity) against Dyad's mentions "
        "grouped by actor, per document. Percent.",
        "",
        *coref_tables(score_coref(runs)),
        "",
        *COREF_NOTES,
        "",
        "## Actors: is the wrong person named?",
        "",
        f"Two counts whose goal is 0, on the development split of factRuEval-2016 ({len(docs)} "
        "documents) " + nerel_note + ", "
        "each run twice: *undated* and *dated*. No PER mention should resolve to a person whose name "
        "lacks the mention's surname (a), and no title should resolve against the name standing "
        "after it (b). n / N: offences / mentions or pairs measured.",
        "",
        *actors_tables(actors),
        "",
        *ACTORS_NOTES,
        "",
        "`dyad eval factrueval PATH --task actors --errors N` (or `nerel`) prints both runs and "
        "lists the first N offences of each kind with their sentences.",
        "",
    ]
    return "\n".join(lines)


def nerel_event_section(nerel_runs, nerel_path: str | None) -> list[str]:
    head = ["## Relational events on NEREL: found with their actors?", ""]
    if nerel_path is None:
        return head + ["Not measured: no NEREL_JSONL argument was given.", ""]
    return head + [
        f"The development split of NEREL v1.1 (`{nerel_path}`): its EVENT triggers that relate "
        "actors (a meeting, an arrest, an attack, an award...) against the events Dyad codes on the "
        "same trigger. Counts only: NEREL has no licence, so this page quotes none of its text "
        "(`dyad eval nerel PATH --task events --errors N` lists the misses with their sentences).",
        "", *event_lines(nerel_runs, bands=False), ""]


def confidence_section(runs, nerel_runs) -> list[str]:
    lines = ["## Confidence: precision per band", "",
             "Every event carries a `confidence` (0-1, docs/events.md). Is an event of confidence "
             "0.9 right more often than one of 0.4? Each telling (one accepted trigger, before "
             "repeated tellings merge) is judged against the gold of its dataset; percent.", ""]
    if nerel_runs:
        tellings = score_events(nerel_runs).tellings
        lines += ["**NEREL v1.1: every telling**", "", *er.band_table(tellings), "",
                  er.unannotated_line(tellings), ""]
    lines += ["**factRuEval-2016: the tellings of CAMEO root 04 (consult)**", "",
              *er.band_table(meeting_tellings(runs), nerel=False), "", *er.BANDS_NOTES, ""]
    return lines


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) not in (2, 3, 4, 5):
        print("usage: python -m dyad.eval.report DATA_DIR OUTPUT.md [NEREL_JSONL [PETRARCH_DIR "
              "[RUSENTREL_DIR]]]", file=sys.stderr)
        return 2
    data_dir, out, *rest = argv
    nerel_path = rest[0] if rest else None
    petrarch_dir = rest[1] if len(rest) > 1 else None
    rusentrel_dir = rest[2] if len(rest) > 2 else None      # absent or missing: the section says so
    if petrarch_dir is not None and not (Path(petrarch_dir) / "records.jsonl").exists():
        print(f"E300 {petrarch_dir}: no records.jsonl", file=sys.stderr)
        return 2
    if not Path(data_dir).is_dir():
        print(f"E300 {data_dir}: no such directory", file=sys.stderr)
        return 2
    if nerel_path is not None and not Path(nerel_path).exists():
        print(f"E300 {nerel_path}: no such file or directory", file=sys.stderr)
        return 2
    try:
        text = build(data_dir, " ".join(["python -m dyad.eval.report", *argv]), nerel_path)
        from .english_report import english_section
        text = text.rstrip("\n") + "\n\n" + "\n".join(english_section(petrarch_dir)) + "\n"
        from .attitude_report import attitude_section
        text = text.rstrip("\n") + "\n\n" + "\n".join(attitude_section(rusentrel_dir)) + "\n"
    except RuntimeError as exc:
        print(f"E000 {exc}", file=sys.stderr)
        return 1
    Path(out).write_text(text, encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
