"""how each document's date was obtained; each mention's confidence and warnings

``documents.date_source`` (given | text | none) and ``documents.date_precision`` (day | month |
year): an undated input is dated from its text (dyad.resolve.docdate), and ``date`` then holds
the first day of the estimated period. Documents stored before this revision are backfilled:
``given``/``day`` when they have a date, ``none`` when not (they were never estimated).

``mentions.confidence`` (0-1) and ``mentions.warnings`` (JSON list of "Wnnn ..." strings) are
left NULL for mentions stored before this revision: the resolver did not record them then.

Plain ADD/DROP COLUMN on both backends (SQLite 3.35+ drops columns in place): no table is
rebuilt, so the full-text triggers on ``documents`` (0002) stay as they are.

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COLUMNS = (
    ("documents", sa.Column("date_source", sa.String(length=8), nullable=True)),
    ("documents", sa.Column("date_precision", sa.String(length=8), nullable=True)),
    ("mentions", sa.Column("confidence", sa.Float(), nullable=True)),
    ("mentions", sa.Column("warnings", sa.Text(), nullable=True)),
)


def upgrade() -> None:
    for table, column in COLUMNS:
        op.add_column(table, column)
    op.execute("UPDATE documents SET date_source = 'given', date_precision = 'day' WHERE date IS NOT NULL")
    op.execute("UPDATE documents SET date_source = 'none' WHERE date IS NULL")


def downgrade() -> None:
    for table, column in reversed(COLUMNS):
        op.drop_column(table, column.name)
