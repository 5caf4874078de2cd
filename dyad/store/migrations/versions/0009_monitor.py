"""monitor: watched sources, their polls and seen items, alert rules and alerts (issue 20)

``sources`` (a feed, sitemap, page or folder; ``kept`` when `dyad sources add` added it; the last
answer's ETag and Last-Modified; failures in a row), ``polls`` (one per poll: times, status, HTTP
status, validators, items listed, new, stored, the error line), ``seen_items`` (per source: the
item's id and content hash, the document stored from it), ``alert_rules`` (a pair or an actor;
CAMEO roots, PLOVER types, facts, shift with its window and threshold; a webhook) and ``alerts``
(one per rule and event, fact or week: unique, so a rule never fires twice for one).

Revision ID: 0009
Revises: 0008
"""
from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("url", sa.Text, nullable=False, unique=True),
        sa.Column("name", sa.Text),
        sa.Column("kept", sa.Boolean, nullable=False),
        sa.Column("added_at", sa.String(32)),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("failures", sa.Integer, nullable=False),
    )
    op.create_table(
        "polls",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32)),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("http_status", sa.Integer),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("items", sa.Integer, nullable=False),
        sa.Column("new_items", sa.Integer, nullable=False),
        sa.Column("stored", sa.Integer, nullable=False),
        sa.Column("error", sa.Text),
    )
    op.create_index("ix_polls_source", "polls", ["source_id", "started_at"])
    op.create_table(
        "seen_items",
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("item_id", sa.Text, primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("document_id", sa.String(200)),
        sa.Column("seen_at", sa.String(32)),
    )
    op.create_table(
        "alert_rules",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("a", sa.Text, nullable=False),
        sa.Column("b", sa.Text),
        sa.Column("cameo_json", sa.Text, nullable=False),
        sa.Column("plover_json", sa.Text, nullable=False),
        sa.Column("facts", sa.Boolean, nullable=False),
        sa.Column("shift", sa.Boolean, nullable=False),
        sa.Column("weeks", sa.Integer, nullable=False),
        sa.Column("z", sa.Float, nullable=False),
        sa.Column("webhook", sa.Text),
        sa.Column("created_at", sa.String(32)),
    )
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("rule_id", sa.Integer, sa.ForeignKey("alert_rules.id", ondelete="CASCADE"), nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("a", sa.Text, nullable=False),
        sa.Column("b", sa.Text),
        sa.Column("fired_at", sa.String(32), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("figures_json", sa.Text, nullable=False),
        sa.Column("evidence_json", sa.Text, nullable=False),
        sa.UniqueConstraint("rule_id", "key", name="uq_alerts_rule_key"),
    )
    op.create_index("ix_alerts_pair", "alerts", ["a", "b", "fired_at"])


def downgrade() -> None:
    for table in ("alerts", "alert_rules", "seen_items", "polls", "sources"):
        op.drop_table(table)
