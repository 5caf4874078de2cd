"""The records (mentions, events, facts) on the seed, examples/ and factRuEval-2016 dev are those
fingerprinted in tests/golden/record_fingerprints.tsv (scripts/record_fingerprints.py): a refactor
must leave every one identical. After a deliberate change to the records, regenerate with
``python scripts/record_fingerprints.py`` (or ``DYAD_REGEN=1``) and say why in the commit."""
from __future__ import annotations

import importlib.util

import pytest

from conftest import EVAL_DEV, IN_CI, REGEN, ROOT, SEED, shared_file

spec = importlib.util.spec_from_file_location("record_fingerprints", ROOT / "scripts" / "record_fingerprints.py")
fp = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fp)


@pytest.mark.parametrize("name", ["seed", "examples", "factrueval-dev"])
def test_refactor_records_identical(name):
    if name == "seed":
        shared_file(SEED)
    if name == "factrueval-dev":
        shared_file(EVAL_DEV / "devset")
    paths = fp.input_sets()[name]
    assert paths, f"no input files for {name}"
    rows = fp.fingerprints(name, paths)
    golden = [r for r in fp.read_golden() if r[0] == name]
    if REGEN and not IN_CI:
        pytest.skip("DYAD_REGEN=1: run scripts/record_fingerprints.py to rewrite the fingerprints")
    assert {r[1] for r in rows} == {r[1] for r in golden}, "the documents of the set changed"
    differ = [f"{r[1]}: got {r[2:5]} mentions/events/facts" for r, g in zip(rows, golden) if r != g]
    assert not differ, "records changed:\n" + "\n".join(differ)
