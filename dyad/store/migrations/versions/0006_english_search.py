"""full-text search stems English as well as Russian

SQLite: ``documents_fts`` is rebuilt with FTS5's ``porter`` tokenizer over ``unicode61``, so
"sanctions" finds "sanctioned" and "sanction" in English documents (Porter stems ASCII words
only: Cyrillic words index as before, and the search still matches each word as a prefix, as
Russian needs). The triggers of 0002 keep the table in step by its name.

PostgreSQL: nothing to do. The ``russian`` text search configuration already stems ASCII words
with ``english_stem`` (its asciiword mapping), so English documents are searched stemmed.

Revision ID: 0006
Revises: 0005
"""
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _rebuild(tokenize: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE IF EXISTS documents_fts")
    op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5("
               f"doc_id UNINDEXED, title, text, tokenize='{tokenize}')")
    op.execute("INSERT INTO documents_fts(doc_id, title, text) SELECT id, title, text FROM documents")


def upgrade() -> None:
    _rebuild("porter unicode61")


def downgrade() -> None:
    _rebuild("unicode61")
