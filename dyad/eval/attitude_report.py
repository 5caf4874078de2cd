"""The quality page's attitude section: RuSentRel 1.1's training split, nested cross-validation
(``make eval`` appends it through :func:`dyad.eval.report.main`; ``python -m
dyad.eval.attitude_report RUSENTREL_DIR docs/quality.md`` replaces the section alone)."""
from __future__ import annotations

import sys
from pathlib import Path

HEADING = "## Attitudes: RuSentRel 1.1 (document-level pos/neg attitudes)"
FOLDS = 5


def attitude_section(rusentrel_dir: str | None) -> list[str]:
    lines = [HEADING, ""]
    if rusentrel_dir is None or not (Path(rusentrel_dir) / "rusentrel.jsonl").exists():
        return lines + ["Not measured: no RuSentRel directory (rusentrel.jsonl, synonyms.json, score.py) "
                        "was given.", ""]
    from .rusentrel import cross_validate, load, prepare
    from ..code.attitude_model import load as load_model
    from ..lang import get_language
    ds = load(Path(rusentrel_dir), "train")
    prepared = prepare(ds)
    cv, _ = cross_validate(ds, FOLDS, prepared)
    blind = _without_names(ds, prepared)
    model = load_model(Path(get_language("ru").attitude_model))
    pct = lambda x: f"{100 * x:.1f}"  # noqa: E731
    row = lambda name, r: (f"| {name} | {pct((r['pos_prec'] + r['neg_prec']) / 2)} | "  # noqa: E731
                           f"{pct((r['pos_recall'] + r['neg_recall']) / 2)} | {pct(r['f1_pos'])} | "
                           f"{pct(r['f1_neg'])} | **{pct(r['f1'])}** |")
    return lines + [
        f"The extraction setting of RuSentRel (entities given, the pos/neg pairs of each document "
        f"predicted), scored by the data's own `score.py` (the official metric: P and R averaged over "
        f"documents, F1 per class, their mean). {len(ds.docs)} training documents, {FOLDS}-fold "
        f"cross-validation by document, nested: each training part fits the sentence model, the "
        f"document model (on its own out-of-fold sentence probabilities) and the threshold, and the "
        f"held-out documents are scored once. `dyad eval rusentrel DIR --docs train --cv {FOLDS}` "
        f"gives the same figures; the test split is held out (checked outside the repository). The "
        f"best published system scores F1 41.9 on the test split, human agreement about 55.", "",
        "| model | P | R | F1 pos | F1 neg | F1 |", "|---|---:|---:|---:|---:|---:|",
        row("shipped features (lemmas, cues, the actors' names)", cv),
        row("without the actors' names (what is said only)", blind), "",
        f"The shipped model (`dyad/lang/ru/data/attitudes.v1.json`, sha {model.sha}, "
        f"{len(model.sentence.vocab)} features, threshold {model.doc.threshold[0]}) is trained on all "
        f"{len(ds.docs)} documents by `make train-attitudes`; its figures on those same documents are "
        "not a measure. The actors' names are features because who the actors are is part of what "
        "a text says of them (a group the press calls terrorist is attacked by every side), which "
        "holds for the 2016 press RuSentRel is made of and less for other years: the second row is "
        "what the words alone give.", ""]


def _without_names(ds, prepared):
    from dataclasses import replace
    from .rusentrel import cross_validate
    blind = []
    for d in prepared:
        cands = tuple(replace(c, features={k: v for k, v in c.features.items()
                                           if not k.startswith(("src=", "tgt=", "pair="))})
                      for c in d.candidates)
        blind.append(replace(d, candidates=cands))
    return cross_validate(ds, FOLDS, blind)[0]


def replace_section(page: str, section: list[str]) -> str:
    """The page with its attitude section replaced (or appended)."""
    text = "\n".join(section).rstrip("\n") + "\n"
    if HEADING not in page:
        return page.rstrip("\n") + "\n\n" + text
    head, rest = page.split(HEADING, 1)
    nxt = rest.find("\n## ")
    tail = rest[nxt + 1:] if nxt >= 0 else ""
    return head + text + ("\n" + tail if tail else "")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print("usage: python -m dyad.eval.attitude_report RUSENTREL_DIR OUTPUT.md", file=sys.stderr)
        return 2
    path = Path(argv[1])
    page = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(replace_section(page, attitude_section(argv[0])), encoding="utf-8")
    print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
