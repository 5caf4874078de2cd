"""full-text search finds every word form: the documents' normal forms are indexed

``documents.search_terms``: the normal forms of the document's words that differ from the words
(Russian: pymorphy3's lemmas through the language interface, ``dyad.lang.search_terms``;
товарооборота: товарооборот), space-separated, written by the store with the document. Documents
stored before this revision are filled in here.

SQLite: ``documents_fts`` gets a fourth column ``terms`` (FTS5 ``porter unicode61`` as in 0006), and
the triggers of 0002 copy it; a query word is searched as written (a prefix) and as its normal
form (dyad.store.documents.fts5_query), so "Эрдогану" finds "Эрдоган" and "товарооборота" finds
"товарооборот".

PostgreSQL: the column is filled too; the search keeps ``to_tsvector('russian', ...)`` (0002),
whose Snowball stemmer already folds Russian and English forms.

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TRIGGERS = ("documents_fts_insert", "documents_fts_delete", "documents_fts_update")


def _fill() -> None:
    from dyad.lang import search_terms
    conn = op.get_bind()
    docs = sa.table("documents", sa.column("id"), sa.column("lang"), sa.column("title"), sa.column("text"),
                    sa.column("search_terms"))
    for doc_id, lang, title, body in conn.execute(sa.select(docs.c.id, docs.c.lang, docs.c.title, docs.c.text)).all():
        terms = " ".join(search_terms(f"{title or ''}\n{body}", lang)) or None
        conn.execute(docs.update().where(docs.c.id == doc_id).values(search_terms=terms))


def _fts(columns: str, values: str) -> None:
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS documents_fts")
    op.execute(f"CREATE VIRTUAL TABLE documents_fts USING fts5(doc_id UNINDEXED, {columns}, "
               "tokenize='porter unicode61')")
    op.execute(f"INSERT INTO documents_fts(doc_id, {columns}) SELECT id, {values.replace('new.', '')} FROM documents")
    op.execute("CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
               f"INSERT INTO documents_fts(doc_id, {columns}) VALUES (new.id, {values}); END")
    op.execute("CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
               "DELETE FROM documents_fts WHERE doc_id = old.id; END")
    op.execute(f"CREATE TRIGGER documents_fts_update AFTER UPDATE OF id, title, text, search_terms ON documents "
               "BEGIN DELETE FROM documents_fts WHERE doc_id = old.id; "
               f"INSERT INTO documents_fts(doc_id, {columns}) VALUES (new.id, {values}); END")


def upgrade() -> None:
    op.add_column("documents", sa.Column("search_terms", sa.Text(), nullable=True))
    _fill()
    if op.get_bind().dialect.name == "sqlite":
        _fts("title, text, terms", "new.title, new.text, new.search_terms")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _fts("title, text", "new.title, new.text")
        op.execute("DROP TRIGGER IF EXISTS documents_fts_update")
        op.execute("CREATE TRIGGER documents_fts_update AFTER UPDATE OF id, title, text ON documents BEGIN "
                   "DELETE FROM documents_fts WHERE doc_id = old.id; "
                   "INSERT INTO documents_fts(doc_id, title, text) VALUES (new.id, new.title, new.text); END")
    op.drop_column("documents", "search_terms")
