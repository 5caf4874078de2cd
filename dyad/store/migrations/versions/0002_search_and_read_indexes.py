"""full-text search over documents; indexes for the API's read queries

SQLite: an FTS5 table ``documents_fts`` (doc_id UNINDEXED, title, text) kept in step with
``documents`` by three triggers. It holds its own copy of the text rather than pointing at
``documents.rowid``, because VACUUM may renumber the rowids of a table without an INTEGER PRIMARY KEY.

PostgreSQL: a GIN index on ``to_tsvector('russian', title || ' ' || text)``; the search query uses
the same expression (:data:`dyad.store.documents.PG_TSVECTOR`), so no column is added and
``schema.py`` stays the same on both backends.

Both: ``dyad_months``, events per unordered pair of countries, month, CAMEO code and quad class,
kept by triggers on ``event_dyads`` (so every writer keeps it right, whatever path it takes). An
event counts once per pair however many rows its dyadic expansion gave the pair: a row is counted
when it is the first of its event for that pair, and uncounted when it is the last to go. The dyad
timeline, summary, top pairs and partners read it instead of scanning up to 10^5 dyad rows. Rows of
``event_dyads`` are never updated (only inserted and deleted). Also indexes on ``event_dyads`` for
the latest events of a pair and the events of an actor, and the pair index on ``facts``.

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

PG_TSVECTOR = "to_tsvector('russian'::regconfig, coalesce(title, '') || ' ' || text)"

INDEXES = (
    ("ix_event_dyads_pair_date", "event_dyads", ["source_country", "target_country", "date"]),
    ("ix_event_dyads_target", "event_dyads", ["target_country"]),
    ("ix_event_dyads_source_id", "event_dyads", ["source_id"]),
    ("ix_event_dyads_target_id", "event_dyads", ["target_id"]),
    ("ix_facts_pair", "facts", ["subject_country", "object_country"]),
)


SAME_PAIR = ("d.event_id = {r}.event_id AND ((d.source_country = {r}.source_country AND "
             "d.target_country = {r}.target_country) OR (d.source_country = {r}.target_country AND "
             "d.target_country = {r}.source_country))")
COUNTABLE = ("{r}.month IS NOT NULL AND {r}.source_country IS NOT NULL AND {r}.target_country IS NOT NULL "
             "AND {r}.source_country <> {r}.target_country")
UPSERT = ("INSERT INTO dyad_months (a, b, month, cameo, quad_class, events, goldstein_n, goldstein_sum) "
          "VALUES ({lo}({r}.source_country, {r}.target_country), {hi}({r}.source_country, {r}.target_country), "
          "{r}.month, coalesce({r}.cameo, ''), coalesce({r}.quad_class, 0), {d}, "
          "CASE WHEN {r}.goldstein IS NULL THEN 0 ELSE {d} END, coalesce({r}.goldstein, 0.0) * {d}) "
          "ON CONFLICT (a, b, month, cameo, quad_class) DO UPDATE SET events = dyad_months.events + excluded.events, "
          "goldstein_n = dyad_months.goldstein_n + excluded.goldstein_n, "
          "goldstein_sum = dyad_months.goldstein_sum + excluded.goldstein_sum")
BACKFILL = ("INSERT INTO dyad_months (a, b, month, cameo, quad_class, events, goldstein_n, goldstein_sum) "
            "SELECT a, b, month, cameo, quad_class, count(*), count(goldstein), coalesce(sum(goldstein), 0.0) FROM "
            "(SELECT DISTINCT event_id, {lo}(source_country, target_country) AS a, "
            "{hi}(source_country, target_country) AS b, month, coalesce(cameo, '') AS cameo, "
            "coalesce(quad_class, 0) AS quad_class, goldstein FROM event_dyads r WHERE " + COUNTABLE.format(r="r")
            + ") AS x GROUP BY a, b, month, cameo, quad_class")


def _sqlite_counter() -> None:
    sql = dict(lo="min", hi="max")
    op.execute("CREATE TRIGGER event_dyads_count_insert AFTER INSERT ON event_dyads WHEN "
               + COUNTABLE.format(r="new") + " AND NOT EXISTS (SELECT 1 FROM event_dyads d WHERE "
               + SAME_PAIR.format(r="new") + " AND d.rowid <> new.rowid) BEGIN "
               + UPSERT.format(r="new", d=1, **sql) + "; END")
    op.execute("CREATE TRIGGER event_dyads_count_delete AFTER DELETE ON event_dyads WHEN "
               + COUNTABLE.format(r="old") + " AND NOT EXISTS (SELECT 1 FROM event_dyads d WHERE "
               + SAME_PAIR.format(r="old") + ") BEGIN "
               + UPSERT.format(r="old", d=-1, **sql) + "; END")
    op.execute(BACKFILL.format(**sql))


def _pg_counter() -> None:
    # BEFORE row triggers: they see the rows earlier in the same statement, not the current one.
    sql = dict(lo="LEAST", hi="GREATEST")
    op.execute("CREATE FUNCTION dyad_months_count() RETURNS trigger LANGUAGE plpgsql AS $$\n"
               "BEGIN\n"
               "  IF TG_OP = 'INSERT' THEN\n"
               "    IF " + COUNTABLE.format(r="NEW") + " AND NOT EXISTS (SELECT 1 FROM event_dyads d WHERE "
               + SAME_PAIR.format(r="NEW") + ") THEN\n      " + UPSERT.format(r="NEW", d=1, **sql) + ";\n"
               "    END IF;\n    RETURN NEW;\n  END IF;\n"
               "  IF " + COUNTABLE.format(r="OLD") + " AND NOT EXISTS (SELECT 1 FROM event_dyads d WHERE "
               + SAME_PAIR.format(r="OLD") + " AND d.ctid <> OLD.ctid) THEN\n      "
               + UPSERT.format(r="OLD", d=-1, **sql) + ";\n  END IF;\n  RETURN OLD;\nEND $$")
    op.execute("CREATE TRIGGER event_dyads_count BEFORE INSERT OR DELETE ON event_dyads "
               "FOR EACH ROW EXECUTE FUNCTION dyad_months_count()")
    op.execute(BACKFILL.format(**sql))


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)
    op.create_table(
        "dyad_months",
        sa.Column("a", sa.String(3), nullable=False), sa.Column("b", sa.String(3), nullable=False),
        sa.Column("month", sa.String(7), nullable=False), sa.Column("cameo", sa.String(4), nullable=False),
        sa.Column("quad_class", sa.Integer, nullable=False), sa.Column("events", sa.Integer, nullable=False),
        sa.Column("goldstein_n", sa.Integer, nullable=False), sa.Column("goldstein_sum", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("a", "b", "month", "cameo", "quad_class"))
    op.create_index("ix_dyad_months_b", "dyad_months", ["b"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_counter()
        op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5("
                   "doc_id UNINDEXED, title, text, tokenize='unicode61')")
        op.execute("INSERT INTO documents_fts(doc_id, title, text) SELECT id, title, text FROM documents")
        op.execute("CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
                   "INSERT INTO documents_fts(doc_id, title, text) VALUES (new.id, new.title, new.text); END")
        op.execute("CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
                   "DELETE FROM documents_fts WHERE doc_id = old.id; END")
        op.execute("CREATE TRIGGER documents_fts_update AFTER UPDATE OF id, title, text ON documents BEGIN "
                   "DELETE FROM documents_fts WHERE doc_id = old.id; "
                   "INSERT INTO documents_fts(doc_id, title, text) VALUES (new.id, new.title, new.text); END")
    else:
        _pg_counter()
        op.execute(f"CREATE INDEX ix_documents_search ON documents USING gin ({PG_TSVECTOR})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("documents_fts_insert", "documents_fts_delete", "documents_fts_update",
                        "event_dyads_count_insert", "event_dyads_count_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_documents_search")
        op.execute("DROP TRIGGER IF EXISTS event_dyads_count ON event_dyads")
        op.execute("DROP FUNCTION IF EXISTS dyad_months_count()")
    op.drop_index("ix_dyad_months_b", table_name="dyad_months")
    op.drop_table("dyad_months")
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
