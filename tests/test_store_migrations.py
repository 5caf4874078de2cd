"""The Alembic migrations build exactly dyad/store/schema.py, and 0003 upgrades a stored 0002
database (backfilling date_source) and downgrades again, on SQLite and PostgreSQL. SQLite enforces
no length on a string column, and 0005 leaves its declared lengths as they were: there string
types are compared without their lengths."""
from __future__ import annotations

import json

from sqlalchemy import inspect, text

from conftest import alembic
from dyad.store import db as store_db
from dyad.store import schema as t


BACKEND_ONLY = {"documents_fts", "documents_fts_data", "documents_fts_idx", "documents_fts_content",
                "documents_fts_docsize", "documents_fts_config", "alembic_version", "ix_documents_search"}


def _include(obj, name, type_, reflected, compare_to) -> bool:
    return name not in BACKEND_ONLY and not (name or "").startswith("documents_fts")


def _compare_type(context, inspected_column, metadata_column, inspected_type, metadata_type):
    """On SQLite, VARCHAR(3), VARCHAR(200) and TEXT are one type (TEXT affinity, no length
    enforced); elsewhere Alembic's own comparison."""
    from sqlalchemy import String
    if context.dialect.name == "sqlite" and isinstance(inspected_type, String) \
            and isinstance(metadata_type, String):
        return False
    return None


def test_store_migrations_build_schema_py(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    engine = store_db.make_engine(db_url)
    store_db.migrate(engine)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": _include,
                                                         "compare_type": _compare_type})
        diff = compare_metadata(ctx, t.metadata)
    engine.dispose()
    assert diff == []


def test_store_migration_0003_backfills_and_downgrades(db_url):
    engine = store_db.make_engine(db_url)
    alembic(engine, "upgrade", "0002")
    with engine.begin() as conn:
        for doc_id, date in (("dated", "2025-06-12"), ("undated", None)):
            conn.execute(text("INSERT INTO documents (id, content_hash, date, text, warnings) "
                              "VALUES (:id, :h, :date, :text, '[]')"),
                         dict(id=doc_id, h=doc_id * 4, date=date, text=f"Текст {doc_id}"))
        conn.execute(text("INSERT INTO mentions (document_id, start, \"end\", text, type) "
                          "VALUES ('dated', 0, 5, 'Текст', 'LOC')"))
    alembic(engine, "upgrade", "0003")
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, date_source, date_precision FROM documents ORDER BY id")).all()
        mention = conn.execute(text("SELECT confidence, warnings FROM mentions")).one()
    assert [tuple(r) for r in rows] == [("dated", "given", "day"), ("undated", "none", None)]
    assert tuple(mention) == (None, None)              # not recorded before 0003

    from dyad.store import queries as Q
    doc = Q.document(engine, "dated")
    assert doc["mentions"][0]["confidence"] is None and doc["mentions"][0]["warnings"] == []
    assert json.loads(json.dumps(doc))["date_source"] == "given"

    alembic(engine, "downgrade", "0002")
    columns = {c["name"] for c in inspect(engine).get_columns("documents")}
    assert "date_source" not in columns and "date_precision" not in columns
    assert "confidence" not in {c["name"] for c in inspect(engine).get_columns("mentions")}
    assert Q.search(engine, "Текст")["total"] == 2          # full-text search (0002) still works
    alembic(engine, "upgrade", "head")
    assert Q.schema_revision(engine) == "0009"
    engine.dispose()
