"""The repository holds only what its sessions wrote: no run of five words from the seed article
outside the phrases the issues themselves quote (scripts/seed_overlap.py)."""
from __future__ import annotations

import importlib.util

from conftest import ROOT, SEED, shared_file


def _overlap_module():
    spec = importlib.util.spec_from_file_location("seed_overlap", ROOT / "scripts" / "seed_overlap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_repo_hygiene_no_seed_text_in_the_repo():
    seed = shared_file(SEED).read_text(encoding="utf-8")
    assert _overlap_module().overlaps(seed) == {}


def test_repo_hygiene_the_check_finds_a_copy(tmp_path):
    """The check itself works: a sentence of the seed in a file is found."""
    import subprocess
    seed = shared_file(SEED).read_text(encoding="utf-8")
    sentence = seed.split(".")[3]
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "copy.txt").write_text(sentence, encoding="utf-8")
    subprocess.run(["git", "-C", str(tmp_path), "add", "copy.txt"], check=True)
    assert "copy.txt" in _overlap_module().overlaps(seed, tmp_path)
