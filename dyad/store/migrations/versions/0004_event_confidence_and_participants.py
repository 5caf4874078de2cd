"""min_confidence on the event aggregates; every participant of every event, one-sided ones too

``dyad_months_by_confidence``: ``dyad_months`` (0002) with the events' confidence in its key
(-1 for an event stored without one), kept by triggers on ``event_dyads`` in the same way (an
event counts once per pair, when its first row for the pair comes and when its last one goes). The
timeline, summary, top pairs and country partners of the events with at least a confidence sum
its rows with ``confidence >= x``: exact for any minimum, and as fast as ``dyad_months`` while
the coder gives a handful of distinct confidences. ``dyad_months`` stays for the unfiltered reads.

``event_dyads.confidence``: a copy of the event's (as its date, quad class and Goldstein already
are), which the new triggers and the pair's event list read. Backfilled from ``events``; the
triggers of 0002 fire on INSERT and DELETE only, so the backfill leaves ``dyad_months`` as it is.
``ix_events_confidence`` serves the event lists.

``event_actors``: one row per participant of an event and side (source | target), also for an
event that names one side only, which has no ``event_dyads`` row (dyad.code.dyads); the events of
an actor are read from it. Backfilled from ``events.sources_json`` and ``targets_json``.

Events with sources only that the coder marked ``+notarget`` (the target is unknown, not a
symmetric event) lose the dyad rows an earlier expansion gave them; the 0002 delete trigger
uncounts them (before the new table is filled).

Revision ID: 0004
Revises: 0003
"""
import json

from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BATCH = 5000
TABLE = "dyad_months_by_confidence"

# as in 0002, with the confidence
SAME_PAIR = ("d.event_id = {r}.event_id AND ((d.source_country = {r}.source_country AND "
             "d.target_country = {r}.target_country) OR (d.source_country = {r}.target_country AND "
             "d.target_country = {r}.source_country))")
COUNTABLE = ("{r}.month IS NOT NULL AND {r}.source_country IS NOT NULL AND {r}.target_country IS NOT NULL "
             "AND {r}.source_country <> {r}.target_country")
UPSERT = (f"INSERT INTO {TABLE} (a, b, month, cameo, quad_class, confidence, events, goldstein_n, goldstein_sum) "
          "VALUES ({lo}({r}.source_country, {r}.target_country), {hi}({r}.source_country, {r}.target_country), "
          "{r}.month, coalesce({r}.cameo, ''), coalesce({r}.quad_class, 0), coalesce({r}.confidence, -1), {d}, "
          "CASE WHEN {r}.goldstein IS NULL THEN 0 ELSE {d} END, coalesce({r}.goldstein, 0.0) * {d}) "
          "ON CONFLICT (a, b, month, cameo, quad_class, confidence) DO UPDATE SET "
          f"events = {TABLE}.events + excluded.events, goldstein_n = {TABLE}.goldstein_n + excluded.goldstein_n, "
          f"goldstein_sum = {TABLE}.goldstein_sum + excluded.goldstein_sum")
BACKFILL = (f"INSERT INTO {TABLE} (a, b, month, cameo, quad_class, confidence, events, goldstein_n, goldstein_sum) "
            "SELECT a, b, month, cameo, quad_class, confidence, count(*), count(goldstein), "
            "coalesce(sum(goldstein), 0.0) FROM "
            "(SELECT DISTINCT event_id, {lo}(source_country, target_country) AS a, "
            "{hi}(source_country, target_country) AS b, month, coalesce(cameo, '') AS cameo, "
            "coalesce(quad_class, 0) AS quad_class, coalesce(confidence, -1) AS confidence, goldstein "
            "FROM event_dyads r WHERE " + COUNTABLE.format(r="r")
            + ") AS x GROUP BY a, b, month, cameo, quad_class, confidence")


def _sqlite_counter() -> None:
    sql = dict(lo="min", hi="max")
    op.execute("CREATE TRIGGER event_dyads_confidence_insert AFTER INSERT ON event_dyads WHEN "
               + COUNTABLE.format(r="new") + " AND NOT EXISTS (SELECT 1 FROM event_dyads d WHERE "
               + SAME_PAIR.format(r="new") + " AND d.rowid <> new.rowid) BEGIN "
               + UPSERT.format(r="new", d=1, **sql) + "; END")
    op.execute("CREATE TRIGGER event_dyads_confidence_delete AFTER DELETE ON event_dyads WHEN "
               + COUNTABLE.format(r="old") + " AND NOT EXISTS (SELECT 1 FROM event_dyads d WHERE "
               + SAME_PAIR.format(r="old") + ") BEGIN "
               + UPSERT.format(r="old", d=-1, **sql) + "; END")
    op.execute(BACKFILL.format(**sql))


def _pg_counter() -> None:
    # BEFORE row triggers: they see the rows earlier in the same statement, not the current one.
    sql = dict(lo="LEAST", hi="GREATEST")
    op.execute("CREATE FUNCTION dyad_months_by_confidence_count() RETURNS trigger LANGUAGE plpgsql AS $$\n"
               "BEGIN\n"
               "  IF TG_OP = 'INSERT' THEN\n"
               "    IF " + COUNTABLE.format(r="NEW") + " AND NOT EXISTS (SELECT 1 FROM event_dyads d WHERE "
               + SAME_PAIR.format(r="NEW") + ") THEN\n      " + UPSERT.format(r="NEW", d=1, **sql) + ";\n"
               "    END IF;\n    RETURN NEW;\n  END IF;\n"
               "  IF " + COUNTABLE.format(r="OLD") + " AND NOT EXISTS (SELECT 1 FROM event_dyads d WHERE "
               + SAME_PAIR.format(r="OLD") + " AND d.ctid <> OLD.ctid) THEN\n      "
               + UPSERT.format(r="OLD", d=-1, **sql) + ";\n  END IF;\n  RETURN OLD;\nEND $$")
    op.execute("CREATE TRIGGER event_dyads_confidence_count BEFORE INSERT OR DELETE ON event_dyads "
               "FOR EACH ROW EXECUTE FUNCTION dyad_months_by_confidence_count()")
    op.execute(BACKFILL.format(**sql))


def _participants(event_id: str, sources: str | None, targets: str | None) -> list[dict]:
    rows, seen = [], set()
    for side, blob in (("source", sources), ("target", targets)):
        for actor in json.loads(blob or "[]"):
            key = (side, actor.get("id"))
            if actor.get("id") and key not in seen:
                seen.add(key)
                rows.append(dict(event_id=event_id, side=side, actor_id=actor["id"],
                                 country=(actor.get("country") or None)))
    return rows


def _backfill_participants() -> None:
    conn = op.get_bind()
    events = sa.table("events", sa.column("id"), sa.column("sources_json"), sa.column("targets_json"))
    actors = sa.table("event_actors", sa.column("event_id"), sa.column("side"), sa.column("actor_id"),
                      sa.column("country"))
    last = None
    while True:
        q = sa.select(events.c.id, events.c.sources_json, events.c.targets_json).order_by(events.c.id).limit(BATCH)
        rows = conn.execute(q if last is None else q.where(events.c.id > last)).all()
        if not rows:
            return
        batch = [p for r in rows for p in _participants(*r)]
        if batch:
            conn.execute(sa.insert(actors), batch)
        last = rows[-1][0]


def upgrade() -> None:
    op.add_column("event_dyads", sa.Column("confidence", sa.Float(), nullable=True))
    op.execute("UPDATE event_dyads SET confidence = "
               "(SELECT e.confidence FROM events e WHERE e.id = event_dyads.event_id)")
    op.execute("DELETE FROM event_dyads WHERE event_id IN (SELECT id FROM events WHERE "
               "(rule LIKE '%+notarget' OR rule LIKE '%+notarget+%') "
               "AND (targets_json IS NULL OR targets_json = '[]'))")
    op.create_index("ix_events_confidence", "events", ["confidence"], unique=False)
    op.create_table(
        TABLE,
        sa.Column("a", sa.String(3), nullable=False), sa.Column("b", sa.String(3), nullable=False),
        sa.Column("month", sa.String(7), nullable=False), sa.Column("cameo", sa.String(4), nullable=False),
        sa.Column("quad_class", sa.Integer, nullable=False), sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("events", sa.Integer, nullable=False), sa.Column("goldstein_n", sa.Integer, nullable=False),
        sa.Column("goldstein_sum", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("a", "b", "month", "cameo", "quad_class", "confidence"))
    op.create_index("ix_dyad_months_by_confidence_b", TABLE, ["b"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_counter()
    else:
        _pg_counter()
    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.String(length=240), nullable=False),
        sa.Column("side", sa.String(length=6), nullable=False),
        sa.Column("actor_id", sa.String(length=200), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "side", "actor_id"),
    )
    op.create_index("ix_event_actors_actor", "event_actors", ["actor_id"], unique=False)
    op.create_index("ix_event_actors_country", "event_actors", ["country"], unique=False)
    _backfill_participants()


def downgrade() -> None:
    op.drop_index("ix_event_actors_country", table_name="event_actors")
    op.drop_index("ix_event_actors_actor", table_name="event_actors")
    op.drop_table("event_actors")
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("event_dyads_confidence_insert", "event_dyads_confidence_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    else:
        op.execute("DROP TRIGGER IF EXISTS event_dyads_confidence_count ON event_dyads")
        op.execute("DROP FUNCTION IF EXISTS dyad_months_by_confidence_count()")
    op.drop_index("ix_dyad_months_by_confidence_b", table_name=TABLE)
    op.drop_table(TABLE)
    op.drop_index("ix_events_confidence", table_name="events")
    op.drop_column("event_dyads", "confidence")
