"""Regenerate Dyad's CAMEO and PLOVER codebooks in dyad/data/ from the reference tables.

Inputs (see /work/shared/reference/README.md):

    cameo-goldstein.tsv      GDELT's CAMEO.goldsteinscale.txt: every CAMEO code and its Goldstein score
    CAMEO2PLOVER-2021.txt    openeventdata/PLOVER conversion table (CC BY-SA 4.0)
    PLOVER_MANUAL-0.8.pdf    the PLOVER manual (CC BY-SA 4.0); used only to check the names below

Outputs: cameo.tsv, plover_types.tsv, plover_modes.tsv, plover_contexts.tsv, cameo2plover.tsv.

The definitions and glosses are our own words; only names, codes and numbers come from the
references. Where the conversion table and the manual disagree we follow the table and say so in
the file's header. Run from the repository root:

    .venv/bin/python scripts/build_codebooks.py [--reference DIR]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "dyad" / "data"
REFERENCE = Path("/work/shared/reference")

CAMEO_VERSION = "cameo.gdelt.v1"
PLOVER_VERSION = "plover.v2.0-draft"
CAMEO2PLOVER_VERSION = "cameo2plover.2021.v1"

PLOVER_LICENCE = "CC BY-SA 4.0 (Open Event Data Alliance, https://github.com/openeventdata/PLOVER)"
MANUAL_CITE = ("PLOVER manual, file PLOVER_MANUAL-0.8.pdf of openeventdata/PLOVER commit 5e0c24f, "
               "whose title page reads 'DRAFT Version: 2.0, 4 February 2024'")
TABLE_CITE = ("CAMEO2PLOVER conversion table, openeventdata/PLOVER commit 5e0c24f "
              "(for manual Draft 0.8, 17-September-2021, ed. Philip Schrodt)")
GOLDSTEIN_CITE = ("GDELT CAMEO.goldsteinscale.txt (copy in mpiccirilli/UNDP-BCPR-Project, "
                  "commit 08d29bb)")

# ---------------------------------------------------------------------------------------------
# CAMEO names the conversion table lacks. Root names as in the PLOVER manual's Table 7.1; the
# 01 and 02 subcodes (dropped by PLOVER) as titled in the CAMEO 1.1b3 codebook.

ROOT_NAMES = {
    "01": "MAKE PUBLIC STATEMENT", "02": "APPEAL", "03": "EXPRESS INTENT TO COOPERATE",
    "04": "CONSULT", "05": "ENGAGE IN DIPLOMATIC COOPERATION",
    "06": "ENGAGE IN MATERIAL COOPERATION", "07": "PROVIDE AID", "08": "YIELD",
    "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "EXHIBIT FORCE POSTURE", "16": "REDUCE RELATIONS", "17": "COERCE",
    "18": "ASSAULT", "19": "FIGHT", "20": "USE UNCONVENTIONAL MASS VIOLENCE",
}

CAMEO_NAMES = {
    "010": "Make statement, not specified below", "011": "Decline comment",
    "012": "Make pessimistic comment", "013": "Make optimistic comment",
    "014": "Consider policy option", "015": "Acknowledge or claim responsibility",
    "016": "Deny responsibility", "017": "Engage in symbolic act",
    "018": "Make empathetic comment", "019": "Express accord",
    "020": "Make an appeal or request, not specified below",
    "021": "Appeal for material cooperation", "0211": "Appeal for economic cooperation",
    "0212": "Appeal for military cooperation", "0213": "Appeal for judicial cooperation",
    "0214": "Appeal for intelligence",
    "022": "Appeal for diplomatic cooperation (such as policy support)",
    "023": "Appeal for aid", "0231": "Appeal for economic aid", "0232": "Appeal for military aid",
    "0233": "Appeal for humanitarian aid",
    "0234": "Appeal for military protection or peacekeeping",
    "024": "Appeal for political reform", "0241": "Appeal for change in leadership",
    "0242": "Appeal for policy change", "0243": "Appeal for rights",
    "0244": "Appeal for change in institutions, regime", "025": "Appeal to yield",
    "0251": "Appeal for easing of administrative sanctions",
    "0252": "Appeal for easing of popular dissent",
    "0253": "Appeal for release of persons or property",
    "0254": "Appeal for easing of economic sanctions, boycott, or embargo",
    "0255": "Appeal for target to allow international involvement (non-mediation)",
    "0256": "Appeal for de-escalation of military engagement",
    "026": "Appeal to others to meet or negotiate", "027": "Appeal to others to settle dispute",
    "028": "Appeal to others to engage in or accept mediation",
    # the table's own wording replaced: a placeholder and a duplicated row
    "100": "Demand, not specified below",
    "175": "Use tactics of violent repression",
}

NAME_TYPOS = {"Apolgize": "Apologize", "Ostruct": "Obstruct", "adminstrative": "administrative"}


def quad_class(root: str) -> int:
    """GDELT's quad class of a CAMEO root: 1 verbal coop, 2 material coop, 3 verbal conflict,
    4 material conflict."""
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 14 else 4


# ---------------------------------------------------------------------------------------------
# PLOVER event types: quad class and "requires recipient" from each type's own section of the
# manual (3.x.4 and 3.x.1/2), score from its Table 2.2, definition in our words.

@dataclass(frozen=True)
class PloverTypeRow:
    type: str
    quad_class: int
    score: float
    requires_recipient: bool
    section: str
    definition: str


PLOVER_TYPES = [
    PloverTypeRow("AGREE", 1, 2.5, False, "3.1",
                  "Commit to, offer or promise future cooperation, including a promise to sign or "
                  "ratify; cooperative acts announced for the future."),
    PloverTypeRow("CONSULT", 1, 2.5, False, "3.2",
                  "Meet, visit, host, negotiate or talk by telephone or another remote channel."),
    PloverTypeRow("SUPPORT", 1, 5, False, "3.3",
                  "Back someone verbally or diplomatically: praise, endorse, recognise, improve "
                  "ties, or sign or ratify an agreement."),
    PloverTypeRow("CONCEDE", 1, 4.5, False, "3.4",
                  "Give way in words without immediate material effect: promise to ease "
                  "restrictions, pardon, express regret, announce a future pull-back."),
    PloverTypeRow("COOPERATE", 2, 9.5, True, "3.5",
                  "Start, resume or widen material exchange that benefits both sides: trade, "
                  "investment, joint military drills, judicial or intelligence work."),
    PloverTypeRow("AID", 2, 10, True, "3.6",
                  "Give material help that mainly benefits the recipient: money, credit, debt "
                  "relief, arms, personnel, relief supplies or asylum."),
    PloverTypeRow("RETREAT", 2, 6.5, False, "3.7",
                  "Take a conciliatory step with immediate material effect: free captives, return "
                  "property, let others in, disarm, hold a ceasefire, withdraw or resign."),
    PloverTypeRow("REQUEST", 3, 0, False, "3.8",
                  "Ask for, call for, demand or order something in words, short of a threat."),
    PloverTypeRow("ACCUSE", 3, 3, False, "3.9",
                  "Disapprove, criticise or condemn; allege, charge or sue; or open an "
                  "investigation."),
    PloverTypeRow("REJECT", 3, -2, False, "3.10",
                  "Refuse or turn down a proposal, demand, cooperation, meeting or settlement."),
    PloverTypeRow("THREATEN", 3, -3.5, False, "3.11",
                  "Warn of serious coercive or forceful consequences."),
    PloverTypeRow("PROTEST", 4, -5, False, "3.12",
                  "Collective public dissent by civilians: demonstrations, riots, strikes, hunger "
                  "strikes, boycotts, blockades of passage."),
    PloverTypeRow("SANCTION", 4, -6, True, "3.13",
                  "Cut back existing relations: break or reduce ties, stop aid, halt talks, "
                  "expel diplomats, withdraw from a body."),
    PloverTypeRow("MOBILIZE", 4, -5.5, False, "3.14",
                  "Move or ready military, police or armed-group forces without using them."),
    PloverTypeRow("COERCE", 4, -7, False, "3.15",
                  "Repress or restrict by state power short of violence: arrest, deport, ban, "
                  "impose curfews, seize property, censor, cut services, cyber attacks."),
    PloverTypeRow("ASSAULT", 4, -9, False, "3.16",
                  "Use force that can cause serious physical harm: attacks, fighting, bombing, "
                  "killing, abduction, torture."),
]

# Modes per type, in the order of the manual's tables 3.1-3.11; score from Table 2.2 (None where
# the table gives none); gloss in our words.
PLOVER_MODES: dict[str, list[tuple[str, float | None, str]]] = {
    "CONSULT": [
        ("visit", 4, "the actor visits and the recipient hosts"),
        ("third-party", 1, "a third party hosts the meeting"),
        ("multilateral", 4, "the meeting is held within an alliance, IGO or other multilateral body"),
        ("phone", 1.5, "by telephone or another remote channel"),
    ],
    "RETREAT": [
        ("withdraw", 8, "pull forces out of an area or give up territory"),
        ("release", 6.5, "free captives"),
        ("disarm", 10, "disarm or hand over weapons"),
        ("ceasefire", 7.5, "put a ceasefire into effect"),
        ("access", 6.5, "let observers, peacekeepers or aid workers in"),
        ("resign", 4.5, "an official resigns"),
    ],
    "REQUEST": [
        ("assist", 0.5, "for exchange, relations or help of any kind"),
        ("change", -1, "for a change of policy, leadership or institutions"),
        ("yield", -1, "for a release, lifting of sanctions or restrictions, or a ceasefire"),
        ("meet", 0, "for a meeting or negotiations"),
    ],
    "ACCUSE": [
        ("disapprove", -2, "express disapproval, condemn or complain"),
        ("investigate", -3.5, "open or conduct an investigation of any kind"),
        ("allege", -3.5, "accuse formally or informally, charge, sue or bring to trial"),
    ],
    "REJECT": [
        ("assist", -1.5, "of exchange, relations or help of any kind"),
        ("change", -2, "of a change of policy, leadership or institutions"),
        ("yield", -2, "of a release, lifting of sanctions or restrictions, or a ceasefire"),
        ("meet", -2, "of a meeting or negotiations"),
    ],
    "THREATEN": [
        ("restrict", -3, "to restrict movement or trade, or ban political activity"),
        ("arrest", -3.5, "to arrest, detain or imprison"),
        ("relations", -3.5, "to suspend relations, talks or meetings"),
        ("expel", -3.5, "to expel diplomats, peacekeepers or NGOs"),
        ("territory", -4, "to occupy or take control of territory"),
        ("violence", -3.5, "to use violence"),
    ],
    "PROTEST": [
        ("demo", -5, "an organised, largely peaceful demonstration"),
        ("riot", -7, "a violent riot"),
        ("strike", -5, "workers walk out"),
        ("hunger", -4.5, "a hunger strike"),
        ("boycott", -4.5, "withdrawal of commercial or social relations"),
        ("obstruct", -4.5, "blocking passage or access to a place"),
        ("vandalize", None, "symbolic damage to property"),
    ],
    "SANCTION": [
        ("convict", -6, "found guilty or liable by a court or tribunal"),
        ("expel", -5.5, "expel an entity from a group, body or country (incl. diplomats)"),
        ("withdraw", -6, "withdraw oneself or non-military resources from a body or country"),
        ("discontinue", -6, "cut or end exchanges, including political or economic sanctions"),
    ],
    "MOBILIZE": [
        ("troops", -6.5, "armed personnel or units"),
        ("weapons", -6.5, "readiness of weapon systems"),
        ("police", -5.5, "police or security units"),
        ("militia", -6, "a non-state force with real military capability"),
    ],
    "COERCE": [
        ("seize", -7, "search, raid or confiscate"),
        ("restrict", -7, "restrict political freedoms or movement, ban from political life"),
        ("censor", -6.5, "censor or block publications or information"),
        ("curfew", -6.5, "impose a curfew"),
        ("martial-law", -7.5, "impose a state of emergency or martial law"),
        ("arrest", -7, "arrest or detain"),
        ("deport", -7, "expel or deport individuals"),
        ("withhold", -7, "cut off public goods or services"),
        ("misinformation", -6.5, "deceive or manipulate"),
        ("cyber", -7, "hacking and other cyber attacks"),
    ],
    "ASSAULT": [
        ("abduct", -8.5, "abduct, kidnap or hijack"),
        ("beat", -7.5, "beat or strike people"),
        ("torture", -8.5, "torture"),
        ("sexual", -8.5, "sexual violence"),
        ("targeted", -9.5, "targeted or mass killing of defenceless people, assassination"),
        ("destroy", -8.5, "deliberate destruction of property"),
        ("primitive", -8, "fire, blades, stones and similar"),
        ("firearms", -9, "rifles, pistols, light machine guns"),
        ("explosives", -9, "mines, IEDs, car bombs and other explosives"),
        ("suicide-attack", -9.5, "suicide attack by a person or vehicle"),
        ("aerial", -9.5, "manned aircraft"),
        ("drone", -9.5, "unmanned aircraft"),
        ("heavy-weapons", -9.5, "artillery, rockets, armour"),
        ("crowd-control", -7.5, "less-lethal crowd control such as tear gas or water cannon"),
        ("unconventional", -10, "chemical, biological, radiological or nuclear weapons"),
    ],
}

# The general contexts of the manual's Table 2.1, in its order: id (its name with '_' for
# spaces), then our gloss.
PLOVER_CONTEXTS = [
    ("military", "state armed forces: operations, assistance, spending (not militias or police)"),
    ("intelligence", "state intelligence services and covert gathering of information"),
    ("executive", "heads of government, executive agencies and the people around them"),
    ("legislative", "parliaments, law-making and parliamentary politics"),
    ("election", "elections, campaigns, voting and election monitoring"),
    ("political_institutions", "significant changes in, or unusual dealings between, political bodies and parties"),
    ("pro_democracy", "steps towards democratisation"),
    ("pro_autocracy", "steps towards autocracy or democratic backsliding"),
    ("economic", "trade, finance, development, the macroeconomy, state-business relations"),
    ("legal", "courts, judges and national or international law"),
    ("reparations", "compensation for past harm, monetary or not"),
    ("human_rights", "human rights in general terms"),
    ("rights_freedoms", "particular civil and political liberties: speech, press, assembly, movement"),
    ("repression", "forcible control of people by security forces"),
    ("human_security", "access to water, food, housing, energy and land"),
    ("gender", "women's issues, gender equality, reproductive rights"),
    ("lgbt", "LGBTQ people, laws and discrimination"),
    ("religion_ethnicity", "religious, ethnic, caste or language groups and relations between them"),
    ("inequality", "unequal distribution of resources and opportunities"),
    ("diplomatic", "formal diplomacy: embassies, foreign ministries, negotiations, treaties"),
    ("territory", "territorial disputes, sovereignty, separatism, forced displacement"),
    ("peacekeeping", "keeping or monitoring peace after a conflict, usually by multilateral missions"),
    ("health", "public health, disease and health systems"),
    ("asylum", "seeking or granting asylum"),
    ("migration", "migrants, refugees and displaced people"),
    ("disasters", "natural disasters, industrial accidents and spills"),
    ("natural_resource", "extraction, trade and disputes over natural resources"),
    ("environment", "pollution, climate and environmental policy or activism"),
    ("technology", "technological development and high-tech industry"),
    ("terrorism", "terrorist groups and acts, and counter-terrorism"),
    ("cbrn", "chemical, biological, radiological and nuclear weapons"),
    ("cyber", "cyber attacks, cyber security and cyber crime"),
    ("misinformation", "disinformation and influence operations"),
    ("crime", "crime and criminals in general"),
    ("corruption", "abuse of public office: bribery, embezzlement, nepotism"),
    ("illegal_drugs", "production, trade and policy of illegal drugs"),
    ("trafficking", "smuggling or trafficking of people or goods"),
]

# Table values outside the manual's vocabulary, mapped onto it (None: dropped).
CONTEXT_FIXES = {"humanitarian": "human_security", "democracy": "pro_democracy"}
MODE_FIXES = {
    ("RETREAT", "ease"): None,          # the table itself notes "ease" is no longer a mode
    ("RETREAT", "return"): None,
    ("THREATEN", "ban"): "restrict",
    ("THREATEN", "political"): "restrict",
    ("COERCE", "ban"): "restrict",
    ("ASSAULT", "seize"): "destroy",     # 1712 destroy property
    ("ASSAULT", "assassinate"): "targeted",
    ("ASSAULT", "massacre"): "targeted",
    ("ASSAULT", "cleansing"): None,
    ("ASSAULT", "pro_autocracy"): None,  # a context written in the mode column (175)
}

# Codes the 2021 table does not map, coded by Dyad. The manual drops CAMEO 01 and 02 (Table 7.1);
# we code 02 APPEAL like the matching 10 DEMAND code, and take up the manual's own suggestion
# (Table 7.1, note 2) for 015 and 016. The rest of 01 stays unmapped.
DYAD_01 = {"015": "AGREE", "016": "REJECT"}


def appeal_to_demand(code: str) -> str:
    """02x APPEAL code -> the 10x DEMAND code with the same meaning."""
    return "10" + code[2:]


NOTES_CAMEO2PLOVER = [
    "Where the table and the manual disagree this file follows the table:",
    "- 163 impose embargo, boycott or sanctions -> COERCE/restrict (manual 3.13: sanctions are SANCTION/discontinue).",
    "- 1712 destroy property -> ASSAULT; 191 blockade and 192 occupy territory -> COERCE; 175 violent repression -> ASSAULT;",
    "  201 mass expulsion -> ASSAULT (manual Table 7.1 maps by root only).",
    "- 0813 ease curfew and 0814 ease state of emergency -> RETREAT (manual 7.2: 081-083 are CONCEDE).",
    "- root 08 -> CONCEDE (the table lists 08 under both CONCEDE and RETREAT; 080 is CONCEDE).",
    "- root 20 -> ASSAULT (manual Table 7.1 prints the old name FIGHT).",
    "- 057 sign formal agreement -> SUPPORT: the manual agrees (3.3 includes signing; promises to sign are AGREE).",
    "Vocabulary fixes (original value in the note column): contexts humanitarian -> human_security,",
    "democracy -> pro_democracy; modes outside the manual's tables mapped onto them or dropped.",
    "Multiple contexts are joined with ';'. 1213 and 1214 are in the table but not in GDELT's CAMEO.",
    "Dyad additions (source dyad): the manual drops CAMEO 01 and 02; 02x APPEAL is coded as the matching",
    "10x DEMAND row, 015 -> AGREE and 016 -> REJECT per the manual's Table 7.1 note 2; other 01 codes unmapped.",
]


# ---------------------------------------------------------------------------------------------
# Readers

@dataclass(frozen=True)
class TableRow:
    code: str
    type: str
    mode: str
    context: str
    name: str


def read_goldstein(path: Path) -> dict[str, float]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["cameo", "goldstein"], lines[0]
    return {code: float(value) for code, value in (line.split("\t") for line in lines[1:] if line)}


def read_cameo2plover(path: Path) -> tuple[dict[str, str], dict[str, TableRow]]:
    """Root lines (`03: AGREE`) and code lines (`030: AGREE, mode, context # name`)."""
    roots: dict[str, str] = {}
    rows: dict[str, TableRow] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2}):\s*([A-Z]+)\s*$", line)
        if m:
            roots.setdefault(m.group(1), m.group(2))     # 08 appears twice: keep CONCEDE
            continue
        m = re.match(r"^(\d{3,4}):\s*([^#]*)#\s*(.*)$", line)
        if not m:
            continue
        code, body, name = m.groups()
        parts = [p.strip() for p in body.split(",")]
        parts += [""] * (3 - len(parts))
        name = name.split("  ")[0].strip()              # drop trailing editor remarks
        if code in rows:                                 # 175 is listed twice with one mapping
            continue
        rows[code] = TableRow(code, parts[0], parts[1], parts[2], name)
    return roots, rows


def manual_text(reference: Path) -> str | None:
    pdf = reference / "PLOVER_MANUAL-0.8.pdf"
    if not pdf.exists() or not shutil.which("pdftotext"):
        return None
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def check_against_manual(text: str) -> None:
    """Our type, mode and context names must be the manual's, neither more nor fewer."""
    contexts = text.split("Table 2.1: General contexts", 1)[1].split("2.3 ")[0]
    rows = re.findall(r"^ [a-z].*$", contexts, flags=re.M)        # one line per context
    ours = [c.replace("_", " ") for c, _ in PLOVER_CONTEXTS]
    assert len(rows) == len(ours), f"{len(rows)} contexts in the manual, {len(ours)} here"
    for row, name in zip(rows, ours):
        assert re.match(rf" {name}\s", row), f"context {name!r} is not the manual's {row!r}"
    for type_, modes in PLOVER_MODES.items():
        block = re.search(rf"Table 3\.\d+: {type_} modes.*?\n(.*?)(?:Adapted from|3\.\d+\.\d+ )",
                          text, flags=re.S).group(1)
        found = re.findall(r"^\s{1,8}([a-z][\w-]*)\s{2,}\S", block, flags=re.M)
        assert found == [m for m, _, _ in modes], f"{type_} modes differ: {found}"
    for row in PLOVER_TYPES:
        section = re.search(rf"\n{re.escape(row.section)}\s+{row.type}\n(.*?)Quad category: ([A-Z ]+)",
                            text, flags=re.S)
        assert section, row.type
        quad = {"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3,
                "MATERIAL CONFLICT": 4}[section.group(2).strip()]
        assert quad == row.quad_class, (row.type, quad)


# ---------------------------------------------------------------------------------------------
# Writers

def write_tsv(path: Path, comments: list[str], columns: list[str], rows: list[list]) -> None:
    def cell(v) -> str:
        if v is None:
            return ""
        if isinstance(v, bool):
            return "1" if v else "0"
        if isinstance(v, float):
            return f"{v:g}" if v != int(v) else f"{v:.1f}"
        return str(v)
    lines = [f"# {c}" if c else "#" for c in comments]
    lines.append("\t".join(columns))
    lines += ["\t".join(cell(v) for v in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path.relative_to(DATA.parent.parent)}: {len(rows)} rows")


def clean_name(name: str) -> str:
    for bad, good in NAME_TYPOS.items():
        name = name.replace(bad, good)
    return name


def build_cameo(goldstein: dict[str, float], table: dict[str, TableRow]) -> list[list]:
    rows = []
    for code, score in goldstein.items():
        root = code[:2]
        if code in ROOT_NAMES:
            name, source = ROOT_NAMES[code], "gdelt-goldstein; plover-manual-table-7.1"
        elif code in CAMEO_NAMES:
            name, source = CAMEO_NAMES[code], "gdelt-goldstein; cameo-1.1b3"
        else:
            name, source = clean_name(table[code].name), "gdelt-goldstein; cameo2plover-2021"
        rows.append([code, name, score, root, quad_class(root), source])
    return rows


def fix_context(value: str, notes: list[str]) -> str:
    out = []
    for c in (p.strip() for p in value.split(";")):
        if not c:
            continue
        if c in CONTEXT_FIXES:
            notes.append(f"table context {c}")
            c = CONTEXT_FIXES[c]
        assert c in dict(PLOVER_CONTEXTS), f"unknown context {c!r}"
        out.append(c)
    return ";".join(out)


def fix_mode(type_: str, mode: str, notes: list[str]) -> str:
    if not mode or mode in {m for m, _, _ in PLOVER_MODES.get(type_, [])}:
        return mode
    assert (type_, mode) in MODE_FIXES, f"unknown mode {type_}/{mode}"
    notes.append(f"table mode {mode}")
    return MODE_FIXES[(type_, mode)] or ""


def build_cameo2plover(roots: dict[str, str], table: dict[str, TableRow],
                       goldstein: dict[str, float]) -> list[list]:
    names = {r[0]: r[1] for r in build_cameo(goldstein, table)}
    out = []
    for root, type_ in roots.items():
        out.append([root, type_, "", "", names[root], "cameo2plover-2021", ""])
    out.append(["02", "REQUEST", "", "", names["02"], "dyad", "coded as root 10 DEMAND"])
    for row in table.values():
        notes: list[str] = []
        mode = fix_mode(row.type, row.mode, notes)
        context = fix_context(row.context, notes)
        name = names.get(row.code) or clean_name(row.name)
        out.append([row.code, row.type, mode, context, name, "cameo2plover-2021", "; ".join(notes)])
    for code in goldstein:
        if code.startswith("02") and len(code) > 2:
            demand = table[appeal_to_demand(code)]
            notes = [f"coded as {demand.code}"]
            mode = fix_mode(demand.type, demand.mode, notes)
            context = fix_context(demand.context, notes)
            out.append([code, demand.type, mode, context, names[code], "dyad", "; ".join(notes)])
    for code, type_ in DYAD_01.items():
        out.append([code, type_, "", "", names[code], "dyad", "manual Table 7.1 note 2"])
    out.sort(key=lambda r: (r[0][:2], r[0].ljust(4, " ")))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    args = parser.parse_args()

    goldstein = read_goldstein(args.reference / "cameo-goldstein.tsv")
    roots, table = read_cameo2plover(args.reference / "CAMEO2PLOVER-2021.txt")
    text = manual_text(args.reference)
    if text is None:
        print("pdftotext not found: names not checked against the manual")
    else:
        check_against_manual(text)

    write_tsv(DATA / "cameo.tsv", [
        f"version: {CAMEO_VERSION}",
        "CAMEO event codes: every root, 3- and 4-digit code that GDELT scores.",
        f"goldstein: {GOLDSTEIN_CITE}.",
        f"name: from the {TABLE_CITE}, with spelling fixed; roots as in the PLOVER manual's",
        "Table 7.1; 01x/02x (absent from that table) as titled in the CAMEO 1.1b3 codebook.",
        "quad_class: GDELT's, by root: 1 verbal cooperation (01-05), 2 material cooperation (06-08),",
        "3 verbal conflict (09-14), 4 material conflict (15-20).",
        "Generated by scripts/build_codebooks.py; do not edit by hand.",
    ], ["code", "name", "goldstein", "root", "quad_class", "source"],
        build_cameo(goldstein, table))

    write_tsv(DATA / "plover_types.tsv", [
        f"version: {PLOVER_VERSION}",
        f"The 16 PLOVER event types. Source: {MANUAL_CITE}.",
        f"Licence of the PLOVER material: {PLOVER_LICENCE}; definitions are our own words.",
        "quad_class and requires_recipient: as stated in each type's own section (3.x) of the manual.",
        "The manual's Table 7.2 instead lists SANCTION under verbal conflict (3); we keep its section",
        "3.13 (material conflict, 4), which also matches CAMEO root 16.",
        "score: the manual's Table 2.2 PLOVER score. ACCUSE is printed there as +3 although all its",
        "modes score -2 to -3.5; we copy it as printed: treat it with care.",
        "Generated by scripts/build_codebooks.py; do not edit by hand.",
    ], ["type", "quad_class", "score", "requires_recipient", "definition", "source"],
        [[t.type, t.quad_class, float(t.score), t.requires_recipient, t.definition,
          f"plover-manual {t.section}"] for t in PLOVER_TYPES])

    write_tsv(DATA / "plover_modes.tsv", [
        f"version: {PLOVER_VERSION}",
        f"PLOVER modes per event type, from the manual's mode tables 3.1-3.11. Source: {MANUAL_CITE}.",
        f"Licence of the PLOVER material: {PLOVER_LICENCE}; glosses are our own words.",
        "AGREE, SUPPORT, CONCEDE, COOPERATE and AID have no modes. score: Table 2.2, empty where it",
        "gives none. The manual also mentions a 'sideAB' flag for two-sided ASSAULT (3.16.1), not a",
        "table mode, so it is not listed.",
        "Generated by scripts/build_codebooks.py; do not edit by hand.",
    ], ["type", "mode", "score", "gloss", "source"],
        [[t, m, None if s is None else float(s), g, "plover-manual"]
         for t, modes in PLOVER_MODES.items() for m, s, g in modes])

    write_tsv(DATA / "plover_contexts.tsv", [
        f"version: {PLOVER_VERSION}",
        "PLOVER general contexts, exactly those of the manual's Table 2.1 (details in its chapter 4).",
        f"Source: {MANUAL_CITE}. Licence: {PLOVER_LICENCE}. Glosses are our own words.",
        "context: the manual's name with '_' for spaces.",
        "Generated by scripts/build_codebooks.py; do not edit by hand.",
    ], ["context", "gloss", "source"],
        [[c, g, "plover-manual table 2.1"] for c, g in PLOVER_CONTEXTS])

    write_tsv(DATA / "cameo2plover.tsv", [
        f"version: {CAMEO2PLOVER_VERSION}",
        f"CAMEO code -> PLOVER type, mode, context. Source: {TABLE_CITE}.",
        f"Licence: {PLOVER_LICENCE}. Lookup falls back from a 4-digit code to its 3-digit parent,",
        "then to its root (dyad.code.codebook.plover_for).",
        *NOTES_CAMEO2PLOVER,
        "Generated by scripts/build_codebooks.py; do not edit by hand.",
    ], ["cameo", "type", "mode", "context", "name", "source", "note"],
        build_cameo2plover(roots, table, goldstein))


if __name__ == "__main__":
    main()
