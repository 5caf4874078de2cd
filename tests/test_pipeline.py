"""The pipeline's stages fit together, and cheap-before-expensive changes no result."""
from __future__ import annotations

import json


from conftest import EXAMPLES
import dyad.pipeline as pipeline
from dyad.ingest.readers import read_path


def test_pipeline_stages_are_provided_in_order():
    assert pipeline.check_stages() == []
    ids = [s.id for s in pipeline.STAGES]
    assert len(ids) == len(set(ids))


def _documents(seed_path):
    docs = [next(read_path(seed_path)).document]
    docs += [item.document for item in read_path(EXAMPLES)]
    return docs


def test_pipeline_selective_parse_changes_nothing(seed_path, monkeypatch):
    """Parsing only the sentences with a trigger gives the very same records as parsing all."""
    docs = _documents(seed_path)
    selective = [json.dumps(pipeline.process(d).to_json(), sort_keys=True) for d in docs]
    monkeypatch.setattr(pipeline, "_needs_parse", lambda sentence: True)
    full = [json.dumps(pipeline.process(d).to_json(), sort_keys=True) for d in docs]
    assert selective == full


def test_pipeline_parses_fewer_sentences_than_all(seed_path):
    doc = next(read_path(seed_path)).document
    analysis = pipeline.analysis_for(doc)
    parsed = sum(s.parsed for s in analysis.sentences)
    assert 0 < parsed < len(analysis.sentences)


def test_records_survive_pickling_between_processes(seed_record):
    """Workers send records to the writer pickled; they come back equal, field for field."""
    import pickle
    back = pickle.loads(pickle.dumps(seed_record, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == seed_record
    assert json.dumps(back.to_json(), sort_keys=True) == json.dumps(seed_record.to_json(), sort_keys=True)
    assert seed_record.events and back.events[0].sources == seed_record.events[0].sources
