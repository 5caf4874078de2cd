"""The CAMEO and PLOVER codebooks (dyad/data/cameo*.tsv, plover_*.tsv) and their loader."""
import pytest

from dyad.code import codebook
from dyad.code.codebook import cameo, cameo_codes, contexts, plover_for, plover_types
from dyad.types import Plover

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
ROOTS = tuple(f"{r:02d}" for r in range(1, 21))


def test_codebook_versions_match_the_files():
    assert dict(codebook.versions()) == {
        "cameo": codebook.CAMEO_VERSION, "plover": codebook.PLOVER_VERSION,
        "plover_modes": codebook.PLOVER_VERSION, "plover_contexts": codebook.PLOVER_VERSION,
        "cameo2plover": codebook.CAMEO2PLOVER_VERSION,
    }
    assert codebook.CODEBOOK_VERSION.split("+") == [
        "cameo.gdelt.v1", "plover.v2.0-draft", "cameo2plover.2021.v1"]


def test_codebook_loads_once():
    assert codebook.load() is codebook.load()


def test_codebook_cameo_rows_are_well_formed():
    codes = cameo_codes()
    assert len(codes) == 311                  # every code GDELT scores
    for c in codes:
        assert -10 <= c.goldstein <= 10, c
        assert c.quad_class in (1, 2, 3, 4), c
        assert c.root == c.code[:2] and c.root in ROOTS, c
        assert cameo(c.root).code == c.root, c
        assert len(c.code) in (2, 3, 4) and c.name, c
        if len(c.code) == 4:
            assert cameo(c.code[:3]), c       # every 4-digit code has its 3-digit parent


@pytest.mark.parametrize("root, quad", [
    ("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("14", 3), ("15", 4), ("20", 4),
])
def test_codebook_quad_class_by_root(root, quad):
    assert {c.quad_class for c in cameo_codes() if c.root == root} == {quad}


@pytest.mark.parametrize("code, name, goldstein", [
    # values as in /work/shared/reference/cameo-goldstein.tsv
    ("043", "Host a visit", 2.8),
    ("190", "Use conventional military force", -10.0),
    ("01", "MAKE PUBLIC STATEMENT", 0.0),
    ("051", "Praise or endorse", 3.4),
    ("057", "Sign formal agreement", 8.0),
    ("163", "Impose embargo, boycott, or sanctions", -8.0),
    ("0874", "Retreat or surrender militarily", 10.0),
    ("0211", "Appeal for economic cooperation", 3.4),
    ("055", "Apologize", 7.0),                 # the table spells it "Apolgize"
])
def test_codebook_known_cameo_values(code, name, goldstein):
    c = cameo(code)
    assert (c.name, c.goldstein) == (name, goldstein)


def test_codebook_unknown_cameo_code():
    with pytest.raises(KeyError):
        cameo("999")
    assert not codebook.is_cameo("999")


@pytest.mark.parametrize("root", [r for r in ROOTS if r != "01"])
def test_codebook_every_root_maps_to_plover(root):
    assert plover_for(root).type in PLOVER_TYPES


def test_codebook_public_statements_have_no_plover_type():
    # PLOVER drops CAMEO 01 (manual Table 7.1); only 015 and 016 are coded, per its note 2
    assert plover_for("01") is None and plover_for("010") is None
    assert plover_for("015").type == "AGREE" and plover_for("016").type == "REJECT"


def test_codebook_every_cameo_code_maps_outside_root_01():
    for c in cameo_codes():
        if c.root != "01":
            assert plover_for(c.code) is not None, c


def test_codebook_all_plover_types_reachable_from_cameo():
    reached = {p.type for p in (plover_for(c.code) for c in cameo_codes()) if p}
    assert reached == set(PLOVER_TYPES)


@pytest.mark.parametrize("code, expected", [
    ("040", Plover("CONSULT", None, None)),
    ("041", Plover("CONSULT", "phone", None)),
    ("043", Plover("CONSULT", "visit", None)),
    ("057", Plover("SUPPORT", None, "diplomatic")),          # table and manual agree
    ("163", Plover("COERCE", "restrict", "diplomatic")),     # table, not the manual's SANCTION
    ("0841", Plover("RETREAT", "release", "legal")),
    ("082", Plover("CONCEDE", None, "pro_democracy")),       # table's "democracy"
    ("073", Plover("AID", None, "human_security")),          # table's "humanitarian"
    ("1121", Plover("ACCUSE", "allege", "crime;corruption")),
    ("186", Plover("ASSAULT", "targeted", None)),            # table's "assassinate"
    ("0254", Plover("REQUEST", "yield", "economic")),        # 02 APPEAL coded as 10 DEMAND
    ("20", Plover("ASSAULT", None, None)),
])
def test_codebook_plover_for_known_codes(code, expected):
    assert plover_for(code) == expected


@pytest.mark.parametrize("code, parent", [("0431", "043"), ("1999", "19"), ("0869", "086")])
def test_codebook_plover_for_falls_back(code, parent):
    assert plover_for(code) == plover_for(parent)


def test_codebook_plover_types_as_in_the_manual():
    types = plover_types()
    assert tuple(t.type for t in types) == PLOVER_TYPES
    quads = {t.type: t.quad_class for t in types}
    assert [t for t in PLOVER_TYPES if quads[t] == 1] == ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"]
    assert [t for t in PLOVER_TYPES if quads[t] == 2] == ["COOPERATE", "AID", "RETREAT"]
    assert [t for t in PLOVER_TYPES if quads[t] == 3] == [
        "REQUEST", "ACCUSE", "REJECT", "THREATEN"]
    assert all(t.definition for t in types)
    assert codebook.plover_type("SANCTION").quad_class == 4


def test_codebook_modes_and_contexts_are_the_manuals():
    modes = {t.type: {m.mode for m in t.modes} for t in plover_types()}
    assert modes["CONSULT"] == {"visit", "third-party", "multilateral", "phone"}
    assert modes["AGREE"] == set()
    names = [c.context for c in contexts()]
    assert len(names) == 37 and len(set(names)) == 37
    assert {"military", "economic", "diplomatic", "trafficking", "cbrn"} <= set(names)
    for code, p in codebook.load().plover.items():
        assert p.type in PLOVER_TYPES, code
        assert p.mode is None or p.mode in modes[p.type], (code, p)
        for context in (p.context or "").split(";"):
            assert not context or context in names, (code, p)
