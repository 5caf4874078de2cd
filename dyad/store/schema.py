"""The tables (SQLAlchemy Core). Alembic migrations under migrations/ create exactly these.

Full-text search is backend-specific and lives only in migration 0002: an FTS5 table with triggers
on SQLite, a GIN expression index on PostgreSQL (see dyad.store.queries.search).

A column keeps a length only where the code writes values of a fixed form (dates, months, hashes,
CAMEO codes, the reader-checked document id and language). Actor ids, countries (an actor id: the
knowledge base's historical states are ``russian-empire``), actor codes, rules and cluster keys are
built from the text and the knowledge base and have no bound: they are ``Text``, unbounded on both
backends as SQLite always treated them (migration 0005)."""
from __future__ import annotations

from sqlalchemy import (Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table,
                        Text, UniqueConstraint)

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", String(200), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("date", String(10), index=True),
    Column("lang", String(8)),
    Column("title", Text),
    Column("url", Text),
    Column("source", Text),
    Column("encoding", String(32)),
    Column("text", Text, nullable=False),
    Column("warnings", Text),               # JSON list
    Column("dup_group", String(200), index=True),  # near-duplicate group (first document's id)
    Column("ingested_at", String(32)),
    Column("date_source", String(8)),        # given | text | none (0003)
    Column("date_precision", String(8)),     # day | month | year (0003)
    Column("search_terms", Text),            # normal forms of the words, for full-text search (0008)
)

actors = Table(
    "actors", metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text),
    Column("kind", String(20), index=True),
    Column("country", Text, index=True),
    Column("code", Text),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(200), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text),
    Column("type", String(16)),
    Column("norm", Text),
    Column("actor_id", Text, index=True),
    Column("actor_json", Text),
    Column("rule", Text),
    Column("confidence", Float),             # 0003; NULL for mentions stored before it
    Column("warnings", Text),                # JSON list (0003)
    Index("ix_mentions_document", "document_id", "start"),
)

events = Table(
    "events", metadata,
    Column("id", String(240), primary_key=True),
    Column("document_id", String(200), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("cluster_id", Text, index=True),  # one real-world event across documents
    Column("date", String(10), index=True),
    Column("date_precision", String(8)),
    Column("cameo", String(4), index=True),
    Column("root", String(2)),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    Column("plover_type", String(16), index=True),
    Column("plover_mode", String(40)),
    Column("plover_context", String(60)),
    Column("location_json", Text),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("trigger_text", Text),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("negated", Boolean, default=False),
    Column("modality", String(16)),
    Column("rule", Text),
    Column("confidence", Float),
    Column("sources_json", Text),
    Column("targets_json", Text),
    Column("record_json", Text),
    Index("ix_events_confidence", "confidence"),                                   # 0004
)

# One row per known (source, target) pair of an event: the dyadic expansion that timelines query
# (dyad.code.dyads.actor_pairs; an event that names one side only has none).
event_dyads = Table(
    "event_dyads", metadata,
    Column("event_id", String(240), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("source_id", Text, nullable=False),
    Column("target_id", Text, nullable=False),
    Column("source_country", Text),
    Column("target_country", Text),
    Column("date", String(10)),
    Column("month", String(7)),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    Column("cameo", String(4)),
    Column("confidence", Float),             # the event's (0004): dyad_months_by_confidence, pair pages
    Index("ix_event_dyads_pair", "source_country", "target_country", "month"),
    Index("ix_event_dyads_event", "event_id"),
    Index("ix_event_dyads_pair_date", "source_country", "target_country", "date"),   # 0002
    Index("ix_event_dyads_target", "target_country"),                              # 0002
    Index("ix_event_dyads_source_id", "source_id"),                                # 0002
    Index("ix_event_dyads_target_id", "target_id"),                                # 0002
)

# One row per participant of an event, each side (also of an event that names one side only): the
# events of an actor (0004).
event_actors = Table(
    "event_actors", metadata,
    Column("event_id", String(240), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("side", String(6), primary_key=True),                # source | target
    Column("actor_id", Text, primary_key=True),
    Column("country", Text),
    Index("ix_event_actors_actor", "actor_id"),
    Index("ix_event_actors_country", "country"),
)

# Events per unordered pair of countries (a < b), month, CAMEO code and quad class; kept by triggers
# on event_dyads (migration 0002), each event counted once per pair. The timeline reads this.
dyad_months = Table(
    "dyad_months", metadata,
    Column("a", Text, primary_key=True),
    Column("b", Text, primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("cameo", String(4), primary_key=True),       # '' when unknown
    Column("quad_class", Integer, primary_key=True),    # 0 when unknown
    Column("events", Integer, nullable=False),
    Column("goldstein_n", Integer, nullable=False),
    Column("goldstein_sum", Float, nullable=False),
    Index("ix_dyad_months_b", "b"),
)

# dyad_months with the events' confidence in the key (-1: none), kept the same way by triggers on
# event_dyads (migration 0004): the aggregates of the events with at least a confidence read it.
dyad_months_by_confidence = Table(
    "dyad_months_by_confidence", metadata,
    Column("a", Text, primary_key=True),
    Column("b", Text, primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("cameo", String(4), primary_key=True),
    Column("quad_class", Integer, primary_key=True),
    Column("confidence", Float, primary_key=True),
    Column("events", Integer, nullable=False),
    Column("goldstein_n", Integer, nullable=False),
    Column("goldstein_sum", Float, nullable=False),
    Index("ix_dyad_months_by_confidence_b", "b"),
)

facts = Table(
    "facts", metadata,
    Column("id", String(240), primary_key=True),
    Column("document_id", String(200), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("kind", String(24), index=True),
    Column("subject_id", Text, index=True),
    Column("object_id", Text, index=True),
    Column("subject_country", Text),
    Column("object_country", Text),
    Column("period_start", String(10)),
    Column("period_end", String(10)),
    Column("value", Float),
    Column("unit", String(12)),
    Column("comparator", String(1)),
    Column("change_kind", String(10)),
    Column("change_value", Float),
    Column("baseline_start", String(10)),
    Column("baseline_end", String(10)),
    Column("attributes_json", Text),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("rule", Text),
    Column("record_json", Text),
    Index("ix_facts_pair", "subject_country", "object_country"),                   # 0002
)

# One row per document-level attitude of one actor to another (dyad.types.Attitude; 0007).
attitudes = Table(
    "attitudes", metadata,
    Column("id", String(240), primary_key=True),
    Column("document_id", String(200), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("source_id", Text, nullable=False),
    Column("target_id", Text, nullable=False),
    Column("source_country", Text),
    Column("target_country", Text),
    Column("date", String(10)),
    Column("polarity", String(3), nullable=False),       # pos | neg
    Column("score", Float),
    Column("sentences", Integer),
    Column("evidence_start", Integer),                   # the first evidence span
    Column("evidence_end", Integer),
    Column("rule", Text),
    Column("record_json", Text),
    Index("ix_attitudes_pair", "source_country", "target_country", "date"),
    Index("ix_attitudes_source_id", "source_id"),
    Index("ix_attitudes_target_id", "target_id"),
)

# --- the monitor (0009): watched sources, their polls and seen items, alert rules and alerts ----

# A feed, sitemap, page or folder that `dyad watch` polls. ``kept``: added by `dyad sources add`
# (a bare `dyad watch` polls these); a source named on the command line is stored unkept, so that
# its polls and seen items are remembered too.
sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False, unique=True),       # a URL, or a folder's absolute path
    Column("name", Text),
    Column("kept", Boolean, nullable=False, default=False),
    Column("added_at", String(32)),
    Column("etag", Text),                                   # the last answer's validators
    Column("last_modified", Text),
    Column("failures", Integer, nullable=False, default=0),  # polls failed in a row (the backoff)
)

# One row per poll of a source: when, what it answered, what was new.
polls = Table(
    "polls", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("status", String(12), nullable=False),          # ok | unchanged | failed
    Column("http_status", Integer),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("items", Integer, nullable=False, default=0),    # items the answer listed
    Column("new_items", Integer, nullable=False, default=0),  # items new or changed since the last poll
    Column("stored", Integer, nullable=False, default=0),   # documents stored from them
    Column("error", Text),                                  # the one-line Ennn message
    Index("ix_polls_source", "source_id", "started_at"),
)

# The items a source has listed: its own id and a hash of its content, so a poll takes only what
# is new or changed.
seen_items = Table(
    "seen_items", metadata,
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True),
    Column("item_id", Text, primary_key=True),
    Column("content_hash", String(64), nullable=False),
    Column("document_id", String(200)),
    Column("seen_at", String(32)),
)

# An alert rule on a pair (a, b) or on one actor (a, b NULL): new events of CAMEO roots or PLOVER
# types, new trade figures, a shift of the pair's weekly events against its own baseline.
alert_rules = Table(
    "alert_rules", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("a", Text, nullable=False),
    Column("b", Text),
    Column("cameo_json", Text, nullable=False),             # JSON list of CAMEO roots or codes
    Column("plover_json", Text, nullable=False),            # JSON list of PLOVER types
    Column("facts", Boolean, nullable=False, default=False),
    Column("shift", Boolean, nullable=False, default=False),
    Column("weeks", Integer, nullable=False, default=8),    # shift: weeks of baseline
    Column("z", Float, nullable=False, default=3.0),         # shift: |z| at least this
    Column("webhook", Text),
    Column("created_at", String(32)),
)

# One row per alert fired: the rule, the pair, when, the figures that fired it and the evidence.
# (rule_id, key) is unique: a rule fires once per event, fact or week (its fired set).
alerts = Table(
    "alerts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("rule_id", Integer, ForeignKey("alert_rules.id", ondelete="CASCADE"), nullable=False),
    Column("key", Text, nullable=False),
    Column("kind", String(8), nullable=False),              # event | fact | shift
    Column("a", Text, nullable=False),
    Column("b", Text),
    Column("fired_at", String(32), nullable=False),
    Column("date", String(10)),                             # the event's, fact's or week's date
    Column("figures_json", Text, nullable=False),
    Column("evidence_json", Text, nullable=False),
    UniqueConstraint("rule_id", "key", name="uq_alerts_rule_key"),
    Index("ix_alerts_pair", "a", "b", "fired_at"),
)
