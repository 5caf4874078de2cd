"""actor ids, countries, actor codes, rules and cluster keys without a length

The columns below held a length the code never promised: ``actors.country`` was VARCHAR(3) while
the knowledge base's historical states are countries of their own (``russian-empire``,
``ottoman-empire``), so on PostgreSQL every document that named one failed (SQLite ignores the
length and stored it). Actor ids are built from names (``person:`` + the transliterated name),
codes from a country and a sector (``russian-empireGOV``), rules and cluster keys from their
parts: none has a bound. They become TEXT, as SQLite always treated them.

PostgreSQL only: VARCHAR(n) to TEXT is a binary-compatible change, so no table is rewritten and no
index rebuilt. SQLite's declared types stay (it enforces no length; rebuilding the tables would
drop the triggers of 0002 and 0004): tests/test_store_migrations.py compares string types without
their lengths there. Downgrading refuses (PostgreSQL's error) a value longer than the old length.

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = (      # table, column, length before 0005
    ("actors", "id", 200), ("actors", "country", 3), ("actors", "code", 40),
    ("mentions", "actor_id", 200), ("mentions", "rule", 40),
    ("events", "cluster_id", 240), ("events", "rule", 80),
    ("event_dyads", "source_id", 200), ("event_dyads", "target_id", 200),
    ("event_dyads", "source_country", 3), ("event_dyads", "target_country", 3),
    ("event_actors", "actor_id", 200), ("event_actors", "country", 3),
    ("dyad_months", "a", 3), ("dyad_months", "b", 3),
    ("dyad_months_by_confidence", "a", 3), ("dyad_months_by_confidence", "b", 3),
    ("facts", "subject_id", 200), ("facts", "object_id", 200),
    ("facts", "subject_country", 3), ("facts", "object_country", 3), ("facts", "rule", 80),
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, length in COLUMNS:
        op.alter_column(table, column, type_=sa.Text(), existing_type=sa.String(length))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, length in COLUMNS:
        op.alter_column(table, column, type_=sa.String(length), existing_type=sa.Text())
