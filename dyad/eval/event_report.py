"""The event tables as Markdown: NEREL's relational events, the confidence bands, the meetings'
error table; and the error listings `dyad eval ... --errors N` prints. The measures are in
:mod:`dyad.eval.events` and :mod:`dyad.eval.tasks`; docs/quality.md is made by
:mod:`dyad.eval.report`.

NEREL has no licence: the tables written to docs/quality.md carry counts only, never its text;
the listings (`--errors`) quote it on the terminal.
"""
from __future__ import annotations

from collections import Counter
from typing import Sequence

from . import events as ev
from .tasks import MeetingMiss, Run, show


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}"


def _share(n: int, total: int) -> str:
    return _pct(n / total if total else None)


# --- NEREL relational events ---------------------------------------------------------------
def outcome_table(s: ev.EventScores) -> list[str]:
    gold = len(s.judged)
    out = s.outcomes()
    lines = ["| relational gold events | n | % |", "|---|---:|---:|", f"| all | {gold} | 100.0 |"]
    for o in ev.OUTCOMES:
        label = f"**{o}**" if o == ev.WITH_ACTORS else o
        lines.append(f"| {label} | {out[o]} | {_share(out[o], gold)} |")
    return lines


def cause_table(s: ev.EventScores) -> list[str]:
    causes = s.causes()
    misses = sum(causes.values())
    lines = ["| cause | misses | % of misses | % of gold |", "|---|---:|---:|---:|"]
    order = {ev.NO_TRIGGER: 0}
    for cause, n in sorted(causes.items(), key=lambda kv: (not kv[0].startswith(("no trigger", "trigger rejected")),
                                                            order.get(kv[0], 1), -kv[1], kv[0])):
        lines.append(f"| {cause} | {n} | {_share(n, misses)} | {_share(n, len(s.judged))} |")
    lines.append(f"| **all misses** | {misses} | 100.0 | {_share(misses, len(s.judged))} |")
    return lines


def root_table(s: ev.EventScores) -> list[str]:
    from ..code import codebook
    lines = ["| CAMEO root | name | " + " | ".join(ev.OUTCOMES[:3]) + " |", "|---|---|---:|---:|---:|"]
    roots = s.roots()
    for root in sorted(roots, key=lambda r: (-roots[r][ev.WITH_ACTORS], -sum(roots[r].values()), r)):
        c = roots[root]
        lines.append(f"| {root} | {codebook.cameo(root).name.lower()} | "
                     + " | ".join(str(c[o]) for o in ev.OUTCOMES[:3]) + " |")
    total = sum(roots.values(), Counter())
    lines.append("| **all** | | " + " | ".join(str(total[o]) for o in ev.OUTCOMES[:3]) + " |")
    return lines


def events_intro(s: ev.EventScores) -> str:
    return (f"{s.documents} documents; {s.events} EVENT entities, {s.with_actors} of them with an "
            f"actor, {len(s.judged)} of those relational. Found with their actors: "
            f"**{s.outcomes()[ev.WITH_ACTORS]} / {len(s.judged)} "
            f"({_share(s.outcomes()[ev.WITH_ACTORS], len(s.judged))}%)**.")


EVENTS_NOTES = [
    "*Gold*: NEREL's EVENT entities (trigger spans, character offsets into the text) with the "
    "actors that an AGENT or PARTICIPANT_IN relation ties to them. Actor-like types: PERSON, "
    "ORGANIZATION, the places that act as states or their parts (COUNTRY, STATE_OR_PROVINCE, CITY: "
    "Dyad codes a city as its country) and the words that name people by what they are "
    "(PROFESSION, NATIONALITY: Dyad resolves titles, sector nouns and country adjectives); FAMILY, "
    "IDEOLOGY, WORK_OF_ART... arguments are not actors. Two arguments of one event joined by "
    "WORKS_AS or ALTERNATIVE_NAME (a minister and his name) are one actor. *Relational*: the "
    "trigger text has, at the start of one of its words, a stem of `dyad.eval.events."
    "RELATIONAL_STEMS`: meetings, visits, talks, calls, signings and agreements, praise, support, "
    "criticism, accusations, threats, appeals and demands, rejections, protests, arrests, "
    "detentions, investigations, trials, sentences, fines, releases, pardons, extraditions, "
    "expulsions, dismissals, resignations, bans, sanctions, blockades, repression, attacks, "
    "killings, abductions, surrenders, awards; acts with no other side (birth, death, illness, "
    "elections, moves) and appointments are not relational, nor oncoming traffic, demonstration "
    "flights and shooting oneself.",
    "",
    "*Dyad*: the coder's decisions (`dyad.code.events.decide` on the pipeline's analysis and "
    "mentions, documents undated as NEREL's are), read as tellings: one per accepted trigger, "
    "before repeated tellings of an event merge. A telling is on the gold event when its trigger "
    "shares a character with the gold trigger. One of its sources or targets *names* a gold actor "
    "when a mention Dyad resolved to that actor overlaps one of the gold actor's spans, when one "
    "of the telling's argument tokens does (an agent noun coded as its sector: \"пограничники "
    "задержали\" with the border guard as source), or when the names agree: every word of one (two letters or more) is a form of a word of the other, "
    "equal or with the same stem give or take a few final letters (\"Лаврова\" and \"Сергей "
    "Лавров\", \"Испании\" and \"МИД Испании\"); one Dyad actor names one gold actor. "
    "*Found with its actors*: a telling on the trigger names at least min(2, n) of the gold "
    "event's n actors. *Found with some*: the best telling names one of two or more. *The event "
    "lacks the actors*: a telling is on the trigger and names none. *Trigger rejected*: the coder "
    "matched a trigger there and rejected it (by the reason, cut before its parenthesis or "
    "quote). *No trigger*: the lexicon matched nothing on the gold trigger. Of the events lacking "
    "their actors, *no gold actor resolved by Dyad* means no mention with an actor overlaps any "
    "gold actor: the actors were never found, rather than other arguments chosen. *By CAMEO "
    "root*: the root of the best telling on each gold event.",
]


def miss_lines(runs: Sequence[Run], s: ev.EventScores, n: int) -> list[str]:
    """The first ``n`` misses of each cause, with what Dyad had and the sentence."""
    text = {r.gold.id: r.gold.text for r in runs}
    out: list[str] = []
    by_cause: dict[str, list[ev.Judged]] = {}
    for j in s.judged:
        if j.outcome != ev.WITH_ACTORS:
            by_cause.setdefault(j.cause, []).append(j)
    for cause, items in sorted(by_cause.items(), key=lambda kv: -len(kv[1])):
        out += ["", f"{cause}: {len(items)}, the first {min(n, len(items))}:"]
        for j in items[:n]:
            g = j.gold
            gold = "; ".join("/".join(a.texts) for a in g.actors)
            if j.event is not None:
                e = j.event
                had = (f"{e.cameo} {'+'.join(a.id for a in e.sources) or '?'} -> "
                       f"{'+'.join(a.id for a in e.targets) or '-'} conf {e.confidence} ({e.rule})")
            else:
                had = j.reason or "nothing"
            out += [f"{j.doc}:{g.trigger.start} «{g.text}» actors: {gold}; Dyad: {had}",
                    "    " + show(text[j.doc], g.trigger.start, g.trigger.end)]
    return out


# --- confidence bands ----------------------------------------------------------------------
def band_table(tellings: Sequence[ev.Telling], nerel: bool = True) -> list[str]:
    rows, above, total = ev.bands(tellings)
    unjudged = ("on gold events without actors | unannotated" if nerel
                else "in documents without Meeting facts")
    lines = [f"| confidence | tellings | mean confidence | judged | correct | P judged | {unjudged} | "
             "P strict |", "|---|---:|---:|---:|---:|---:|" + ("---:|---:|" if nerel else "---:|") + "---:|"]
    for b in (*rows, above, total):
        label = {"all": "**all**"}.get(b.label, b.label)
        mean = "—" if b.mean is None else f"{b.mean:.2f}"
        cells = f"{b.no_actors} | {b.unannotated}" if nerel else f"{b.unannotated}"
        lines.append(f"| {label} | {b.n} | {mean} | {b.judged} | {b.correct} | {_pct(b.lenient)} | "
                     f"{cells} | {_pct(b.strict)} |")
    below = sum((b for b, (_, hi) in zip(rows, ev.BANDS) if hi <= ev.THRESHOLD), ev.Band(""))
    lines += ["", f"Judged tellings below {ev.THRESHOLD}: {below.correct} / {below.judged} correct "
              f"({_pct(below.lenient)}%); {ev.THRESHOLD} or more: {above.correct} / {above.judged} "
              f"({_pct(above.lenient)}%). All tellings, strictly: {_pct(below.strict)}% and "
              f"{_pct(above.strict)}%."]
    return lines


def unannotated_line(tellings: Sequence[ev.Telling]) -> str:
    """The CAMEO roots of the tellings on no gold event, most frequent first."""
    from ..code import codebook
    roots = Counter(t.event.cameo[:2] for t in tellings if t.verdict == ev.UNANNOTATED)
    total = sum(roots.values())
    top = ", ".join(f"{n} {codebook.cameo(r).name.lower()} ({r})" for r, n in roots.most_common(3))
    return (f"The {total} unannotated tellings by CAMEO root: {top}" + (f", {total - sum(n for _, n in roots.most_common(3))} others" if len(roots) > 3 else "")
            + ". NEREL marks hardly any statements as events (\"заявил\", \"сообщил\" are not)." if total else "No telling is unannotated.")


BANDS_NOTES = [
    "Bands are [low, high) but the last, [0.9, 1.0], holds 1.0; *>= 0.5* sums the tellings of "
    "confidence 0.5 or more. *P judged*: correct / judged. *P strict*: correct / tellings, every "
    "telling the gold cannot judge counted as wrong. A calibrated confidence would have P close to "
    "the band's mean confidence.",
    "",
    "*NEREL*: every telling whose trigger shares a character with a gold EVENT entity, relational "
    "or not, is judged: correct when its sources and targets name at least one actor of such an "
    "event (named as above), wrong otherwise; an actor that names nobody in the gold is not "
    "counted against it (kept simple: a telling with one right and one wrong side is correct). "
    "Tellings on gold events that have no actor, and tellings on no gold event (*unannotated*: "
    "NEREL marks events of its own choosing, so many of these may be right), are not judged.",
    "",
    "*factRuEval*: every telling of CAMEO root 04 (consult) is judged against its document's "
    "Meeting facts: correct when its participants match one as an *overlap* hit does (at least "
    "two participants matched, one for a one-participant meeting or telling), wrong otherwise; "
    "tellings in documents with no Meeting fact are not judged. factRuEval annotates few "
    "meetings (5 in 122 documents, as a fact with no trigger span), so both readings are rough.",
]


def wrong_lines(runs: Sequence[Run], tellings: Sequence[ev.Telling], n: int) -> list[str]:
    """The first ``n`` tellings judged wrong, highest confidence first, with their sentences."""
    text = {r.gold.id: r.gold.text for r in runs}
    wrong = sorted((t for t in tellings if t.verdict == ev.WRONG), key=lambda t: -t.event.confidence)
    out = ["", f"Tellings judged wrong: {len(wrong)}" + (f", the first {min(n, len(wrong))} by confidence:"
                                                       if wrong else ".")]
    for t in wrong[:n]:
        e = t.event
        out += [f"{t.doc}:{e.trigger.start} {e.cameo} «{e.trigger_text}» "
                f"{'+'.join(a.id for a in e.sources) or '?'} -> {'+'.join(a.id for a in e.targets) or '-'} "
                f"conf {e.confidence} ({e.rule})",
                "    " + show(text[t.doc], e.trigger.start, e.trigger.end)]
    return out


# --- meetings ------------------------------------------------------------------------------
def meeting_error_table(misses: Sequence[MeetingMiss], gold: int) -> list[str]:
    lines = ["| cause | gold meetings | meetings (document: participants → what Dyad had) |",
             "|---|---:|---|"]
    by_cause: dict[str, list[MeetingMiss]] = {}
    for m in misses:
        by_cause.setdefault(m.cause, []).append(m)
    for cause, items in sorted(by_cause.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        shown = "; ".join(f"{m.doc}: {' + '.join(m.names)} → {m.detail}" for m in items)
        lines.append(f"| {cause} | {len(items)} | {_escape(shown)} |")
    lines.append(f"| **not matched exactly** | {len(misses)} of {gold} | |")
    return lines


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


MEETINGS_ERROR_NOTES = [
    "Each gold meeting that no predicted meeting matches exactly (one to one, as the table above "
    "assigns them) is put under the first cause that holds: *participants matched in part* (an "
    "overlap hit); *coded under another CAMEO root*: a telling of another root names at least "
    "min(2, n) of its n participants (an intention to meet is 036, a statement 01x); *a meeting "
    "with other participants*: a root-04 telling stands in a sentence naming the participants; "
    "*meeting trigger rejected*: a root-04 trigger there was rejected (the reason); *no meeting "
    "trigger*: none was there. The sentences naming the participants are those of the coder's "
    "decisions in which at least min(2, n) of them are mentioned, else one.",
]


def meeting_miss_lines(runs: Sequence[Run], misses: Sequence[MeetingMiss], n: int) -> list[str]:
    text = {r.gold.id: r.gold.text for r in runs}
    out = ["", f"Gold meetings not matched exactly: {len(misses)}"
           + (f", the first {min(n, len(misses))}:" if misses else ".")]
    for m in misses[:n]:
        out.append(f"{m.doc} {m.meeting} {' + '.join(m.names)}: {m.cause}; Dyad: {m.detail}")
        if m.sentence is not None:
            t = text[m.doc]
            out.append("    " + " ".join(t[m.sentence.start:m.sentence.end].split()))
    return out
