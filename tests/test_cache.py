"""The start-up cache (dyad/cache.py): same values as building, rebuilt when an input changes."""
from __future__ import annotations

import pickle

from dyad import cache


def test_cached_value_is_built_once_per_content(tmp_path, monkeypatch):
    monkeypatch.setenv("DYAD_CACHE_DIR", str(tmp_path / "c"))
    data = tmp_path / "t.tsv"
    data.write_text("a\n1\n", encoding="utf-8")
    calls = []

    def build():
        calls.append(1)
        return {"rows": data.read_text(encoding="utf-8")}

    first = cache.cached("t", [data], ("dyad.cache",), build)
    again = cache.cached("t", [data], ("dyad.cache",), build)
    assert first == again and len(calls) == 1
    data.write_text("a\n2\n", encoding="utf-8")
    changed = cache.cached("t", [data], ("dyad.cache",), build)
    assert changed == {"rows": "a\n2\n"} and len(calls) == 2
    assert len(list((tmp_path / "c").glob("t-*.pickle"))) == 1     # the stale value is gone


def test_cache_off_and_broken_files_fall_back_to_building(tmp_path, monkeypatch):
    data = tmp_path / "t.tsv"
    data.write_text("x", encoding="utf-8")
    monkeypatch.setenv("DYAD_CACHE_DIR", "off")
    assert cache.cached("t", [data], (), lambda: 1) == 1
    assert cache.cache_dir() is None
    folder = tmp_path / "c"
    monkeypatch.setenv("DYAD_CACHE_DIR", str(folder))
    cache.cached("t", [data], (), lambda: 1)
    (stored,) = folder.glob("t-*.pickle")
    stored.write_bytes(b"not a pickle")
    assert cache.cached("t", [data], (), lambda: 2) == 2
    assert pickle.loads(stored.read_bytes()) == 2


def test_unwritable_cache_dir_is_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("DYAD_CACHE_DIR", str(blocker / "sub"))
    assert cache.cached("t", [], (), lambda: [3]) == [3]


def test_cached_knowledge_base_and_gazetteer_equal_fresh_builds(tmp_path, monkeypatch):
    from dyad.resolve.kb import build_kb, load_kb
    from dyad.resolve.places import build_gazetteer, gazetteer
    monkeypatch.setenv("DYAD_CACHE_DIR", str(tmp_path))
    load_kb.cache_clear()
    gazetteer.cache_clear()
    try:
        load_kb(), gazetteer()                       # written
        load_kb.cache_clear()
        gazetteer.cache_clear()
        kb, gaz = load_kb(), gazetteer()             # read back
        fresh = build_kb()
        assert kb.actors == fresh.actors and kb.aliases == fresh.aliases
        assert dict(kb.by_first_key) == dict(fresh.by_first_key)
        assert dict(kb.terms) == dict(fresh.terms) and kb.titles == fresh.titles
        assert kb.memberships == fresh.memberships and kb.sector_nouns == fresh.sector_nouns
        assert gaz == build_gazetteer()
    finally:
        load_kb.cache_clear()
        gazetteer.cache_clear()
