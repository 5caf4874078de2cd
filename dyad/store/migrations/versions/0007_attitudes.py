"""attitudes: document-level attitudes of one actor to another (dyad.types.Attitude)

One row per attitude: source and target actor ids and their countries (the pair filters read
these, as ``facts`` and ``event_dyads`` do), the document's date, polarity (pos | neg), score,
the number of sentences where the two actors meet, the first evidence span (every span is in
``record_json``), the rule. Documents stored before this revision have no attitudes until they
are ingested again.

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attitudes",
        sa.Column("id", sa.String(240), primary_key=True),
        sa.Column("document_id", sa.String(200), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("source_id", sa.Text, nullable=False),
        sa.Column("target_id", sa.Text, nullable=False),
        sa.Column("source_country", sa.Text),
        sa.Column("target_country", sa.Text),
        sa.Column("date", sa.String(10)),
        sa.Column("polarity", sa.String(3), nullable=False),
        sa.Column("score", sa.Float),
        sa.Column("sentences", sa.Integer),
        sa.Column("evidence_start", sa.Integer),
        sa.Column("evidence_end", sa.Integer),
        sa.Column("rule", sa.Text),
        sa.Column("record_json", sa.Text),
    )
    op.create_index("ix_attitudes_document_id", "attitudes", ["document_id"])
    op.create_index("ix_attitudes_pair", "attitudes", ["source_country", "target_country", "date"])
    op.create_index("ix_attitudes_source_id", "attitudes", ["source_id"])
    op.create_index("ix_attitudes_target_id", "attitudes", ["target_id"])


def downgrade() -> None:
    op.drop_table("attitudes")
