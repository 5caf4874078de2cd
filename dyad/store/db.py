"""One interface over SQLite (default, WAL mode) and PostgreSQL.

The database URL comes from ``--db``, else ``DYAD_DB``, else ``sqlite:///dyad.db``. A database that
does not exist yet is created and migrated to the newest Alembic revision on open. Each document
is written in one transaction with its mentions, events and facts.

Writers may run side by side (two ``dyad ingest`` runs, the API): documents and actors are inserted
with ``ON CONFLICT DO NOTHING`` on both backends, so a row another writer stored meanwhile is
skipped rather than failing the batch, and a document is stored once, with its rows written only
by the writer whose insert took it (:meth:`Store._insert_all`).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path
from typing import Callable, Iterable, Mapping

from sqlalchemy import create_engine, delete, event, func, insert, select, text, update
from sqlalchemy.engine import Engine

from .clusters import cluster_key
from ..code.dyads import actor_pairs
from ..types import Attitude, Event, Fact, Mention, Record
from . import schema as t

DEFAULT_URL = "sqlite:///dyad.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def resolve_url(url: str | None = None) -> str:
    return url or os.environ.get("DYAD_DB") or DEFAULT_URL


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (creates every table on a new database)."""
    from alembic import command
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def insert_new(conn, table):
    """An INSERT that skips a row whose key or unique value is already stored, also by a writer
    that commits meanwhile: ``ON CONFLICT DO NOTHING`` (PostgreSQL, SQLite 3.24+). Unlike SQLite's
    ``INSERT OR IGNORE`` it skips uniqueness conflicts only, never a NOT NULL or CHECK violation."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return dialect_insert(table).on_conflict_do_nothing()


def _search_terms(doc, given: Mapping[str, str | None] | None = None) -> str | None:
    """The normal forms of a document's words that differ from them (0008: full-text search finds
    any form): ``given[doc.id]`` when the worker computed them (its lemma cache is warm), else
    through the document's language here."""
    if given is not None and doc.id in given:
        return given[doc.id]
    from ..lang import document_terms
    return document_terms(doc)


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


COUNTS_LOCK = 0x44796164      # the advisory lock writers take before the count triggers ("Dyad")


class Store:
    """The project's only door to the database."""

    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)

    # --- writing ----------------------------------------------------------------------------
    def has(self, text: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(t.documents.c.id).where(
                t.documents.c.content_hash == content_hash(text))).first() is not None

    def stored_hashes(self, digests: Iterable[str]) -> set[str]:
        """Which of these content hashes are stored (one query per 500; used to resume a run)."""
        digests = list(digests)
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(digests), 500):
                col = t.documents.c.content_hash
                found.update(r[0] for r in conn.execute(select(col).where(col.in_(digests[i:i + 500]))))
        return found

    def stored_ids(self, ids: Iterable[str]) -> dict[str, str | None]:
        """Which of these document ids are stored, each with its source (one query per 500; the
        ingest refuses a different text under a stored id, E111)."""
        ids = list(ids)
        found: dict[str, str | None] = {}
        d = t.documents
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                rows = conn.execute(select(d.c.id, d.c.source).where(d.c.id.in_(ids[i:i + 500])))
                found.update((row[0], row[1]) for row in rows)
        return found

    def save(self, record: Record) -> bool:
        """Store one record in one transaction. Returns False when it was already stored."""
        with self.engine.begin() as conn:
            return self.save_in(conn, record)

    def save_many(self, records: list[Record], after: Callable | None = None,
                  terms: Mapping[str, str | None] | None = None) -> list[bool]:
        """Store a batch in one transaction (each record as :meth:`save` would); ``after(conn,
        record)`` runs for each newly stored record inside it, in order. Returns one flag per
        record.

        The usual batch (new content, new ids) is written with one statement per table for the
        whole batch; a batch in which some content or id is already stored, or repeats, is
        written record by record, as :meth:`save` would. ``terms``: the documents' search terms
        by id, when the caller has them (dyad.lang.document_terms)."""
        with self.engine.begin() as conn:
            if self._all_new(conn, records):
                taken = {r.document.id for r in self._insert_all(conn, records, terms)}
                flags = []
                for record in records:        # a document another writer stored meanwhile: as save would
                    flags.append(record.document.id in taken or self.save_in(conn, record))
                    if flags[-1] and after is not None:
                        after(conn, record)
                return flags
            # record by record in the order of their content hashes (a text first in the batch
            # stays the one stored), so two writers lock the documents in one order; ``after``
            # then runs in the batch's order
            stored: dict[int, bool] = {}
            for k in sorted(range(len(records)), key=lambda k: (content_hash(records[k].document.text), k)):
                stored[k] = self.save_in(conn, records[k])
            flags = [stored[k] for k in range(len(records))]
            for record, flag in zip(records, flags):
                if flag and after is not None:
                    after(conn, record)
            return flags

    @staticmethod
    def _all_new(conn, records: list[Record]) -> bool:
        ids = [r.document.id for r in records]
        digests = [content_hash(r.document.text) for r in records]
        if len(set(ids)) < len(ids) or len(set(digests)) < len(digests):
            return False
        d = t.documents
        hit = conn.execute(select(d.c.id).where(d.c.content_hash.in_(digests) | d.c.id.in_(ids))
                           .limit(1)).first()
        return hit is None

    def _insert_all(self, conn, records: list[Record], terms: Mapping[str, str | None] | None = None
                    ) -> list[Record]:
        """Rows of every record, one multi-row insert per table (documents first: the others
        refer to them). The caller has checked that none of them is stored; a document that
        another writer stored since (its id or its text) is skipped with all its rows. Returns the
        records whose documents this insert stored.

        Documents go in the order of their content hashes (a copy of a text under another id,
        as feeds carry them, collides on it), actors of their ids, and event dyads in the order of
        the monthly counts their triggers update (:func:`_count_order`), so two writers that wait
        for each other's rows always wait in the same order (no deadlock between them)."""
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        rows = sorted((dict(
            id=r.document.id, content_hash=content_hash(r.document.text), date=r.document.date,
            lang=r.document.lang, title=r.document.title, url=r.document.url,
            source=r.document.source, encoding=r.document.encoding, text=r.document.text,
            warnings=_dump(list(r.warnings)), ingested_at=now, date_source=r.document.date_source,
            date_precision=r.document.date_precision, search_terms=_search_terms(r.document, terms)) for r in records),
            key=lambda row: (row["content_hash"], row["id"]))
        taken = set(conn.execute(insert_new(conn, t.documents).returning(t.documents.c.id), rows).scalars())
        records = [r for r in records if r.document.id in taken]
        if not records:
            return records
        self._save_actors(conn, *records)
        tables = (
            (t.mentions, [self._mention_row(r.document.id, m) for r in records for m in r.mentions]),
            (t.events, [self._event_row(r.document.id, e) for r in records for e in r.events]),
            (t.event_dyads, sorted((row for r in records for e in r.events
                                    for row in self._dyad_rows(r.document.id, e)), key=_count_order)),
            (t.event_actors, [row for r in records for e in r.events
                              for row in self._participant_rows(r.document.id, e)]),
            (t.facts, [self._fact_row(r.document.id, f) for r in records for f in r.facts]),
            (t.attitudes, [self._attitude_row(r.document.id, a) for r in records for a in r.attitudes]),
        )
        for table, rows in tables:
            if rows:
                if table is t.event_dyads and conn.dialect.name == "postgresql":
                    # The triggers of event_dyads update two count tables per row (by month, and by
                    # month and confidence) in an order no sorting of the rows can make the same
                    # for every writer: writers take turns at the counts (until they commit).
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": COUNTS_LOCK})
                conn.execute(insert(table), rows)
        return records

    def save_in(self, conn, record: Record) -> bool:
        """:meth:`save` on an open transaction."""
        doc = record.document
        digest = content_hash(doc.text)
        if conn.execute(select(t.documents.c.id).where(t.documents.c.content_hash == digest)).first():
            return False
        if conn.execute(select(t.documents.c.id).where(t.documents.c.id == doc.id)).first():
            self._delete(conn, doc.id)       # same id, new content: the new version replaces it
        if self._insert_all(conn, [record]):
            return True
        # another writer stored this text or this id since the checks above
        if conn.execute(select(t.documents.c.id).where(t.documents.c.content_hash == digest)).first():
            return False
        self._delete(conn, doc.id)
        return bool(self._insert_all(conn, [record]))

    def _delete(self, conn, doc_id: str) -> None:
        ids = [r[0] for r in conn.execute(select(t.events.c.id).where(t.events.c.document_id == doc_id))]
        if ids:
            conn.execute(delete(t.event_dyads).where(t.event_dyads.c.event_id.in_(ids)))
            conn.execute(delete(t.event_actors).where(t.event_actors.c.event_id.in_(ids)))
        for table in (t.events, t.facts, t.attitudes, t.mentions):
            conn.execute(delete(table).where(table.c.document_id == doc_id))
        conn.execute(delete(t.documents).where(t.documents.c.id == doc_id))

    def _save_actors(self, conn, *records: Record) -> None:
        refs = {}
        for record in records:
            for m in record.mentions:
                if m.actor:
                    refs[m.actor.id] = m.actor
            for e in record.events:
                for a in e.sources + e.targets:
                    refs[a.id] = a
            for f in record.facts:
                for a in (f.subject, f.object):
                    if a:
                        refs[a.id] = a
            for att in record.attitudes:
                refs[att.source.id] = att.source
                refs[att.target.id] = att.target
        if not refs:
            return
        known = {r[0] for r in conn.execute(select(t.actors.c.id).where(t.actors.c.id.in_(list(refs))))}
        new = [dict(id=a.id, name=a.name, kind=a.kind, country=a.country, code=a.code)
               for i, a in sorted(refs.items()) if i not in known]
        if new:          # an actor another writer stores meanwhile is skipped
            conn.execute(insert_new(conn, t.actors), new)

    @staticmethod
    def _mention_row(doc_id: str, m: Mention) -> dict:
        return dict(document_id=doc_id, start=m.start, end=m.end, text=m.text, type=m.type, norm=m.norm,
                    actor_id=m.actor.id if m.actor else None,
                    actor_json=_dump(m.actor.to_json()) if m.actor else None, rule=m.rule,
                    confidence=m.confidence, warnings=_dump(list(m.warnings)))

    @staticmethod
    def _event_row(doc_id: str, e: Event) -> dict:
        return dict(
            id=f"{doc_id}:{e.id}", document_id=doc_id, cluster_id=cluster_key(e), date=e.date,
            date_precision=e.date_precision, cameo=e.cameo, root=e.cameo[:2], quad_class=e.quad_class,
            goldstein=e.goldstein, plover_type=e.plover.type if e.plover else None,
            plover_mode=e.plover.mode if e.plover else None,
            plover_context=e.plover.context if e.plover else None,
            location_json=_dump(e.location.to_json()) if e.location else None,
            trigger_start=e.trigger.start, trigger_end=e.trigger.end, trigger_text=e.trigger_text,
            evidence_start=e.evidence.start, evidence_end=e.evidence.end, negated=e.negated,
            modality=e.modality, rule=e.rule, confidence=e.confidence,
            sources_json=_dump([a.to_json() for a in e.sources]),
            targets_json=_dump([a.to_json() for a in e.targets]), record_json=_dump(e.to_json()))

    @staticmethod
    def _dyad_rows(doc_id: str, e: Event) -> Iterable[dict]:
        """GDELT-style dyadic expansion (dyad.code.dyads.actor_pairs): every source with every
        target, every pair of participants of a symmetric event listed only as sources; none for an
        event that names one side only."""
        for s, g in actor_pairs(e.sources, e.targets, e.rule):
            yield dict(event_id=f"{doc_id}:{e.id}", source_id=s.id, target_id=g.id,
                       source_country=s.country, target_country=g.country, date=e.date,
                       month=e.date[:7] if e.date else None, quad_class=e.quad_class,
                       goldstein=e.goldstein, cameo=e.cameo, confidence=e.confidence)

    @staticmethod
    def _participant_rows(doc_id: str, e: Event) -> Iterable[dict]:
        """Every actor of the event once per side, one-sided events too (``event_actors``)."""
        seen = set()
        for side, refs in (("source", e.sources), ("target", e.targets)):
            for a in refs:
                if (side, a.id) not in seen:
                    seen.add((side, a.id))
                    yield dict(event_id=f"{doc_id}:{e.id}", side=side, actor_id=a.id, country=a.country)

    @staticmethod
    def _fact_row(doc_id: str, f: Fact) -> dict:
        return dict(
            id=f"{doc_id}:{f.id}", document_id=doc_id, kind=f.kind, subject_id=f.subject.id,
            object_id=f.object.id if f.object else None, subject_country=f.subject.country,
            object_country=f.object.country if f.object else None,
            period_start=f.period.start if f.period else None, period_end=f.period.end if f.period else None,
            value=f.value, unit=f.unit, comparator=f.comparator,
            change_kind=f.change.kind if f.change else None, change_value=f.change.value if f.change else None,
            baseline_start=f.change.baseline.start if f.change and f.change.baseline else None,
            baseline_end=f.change.baseline.end if f.change and f.change.baseline else None,
            attributes_json=_dump(f.to_json()["attributes"]), evidence_start=f.evidence.start,
            evidence_end=f.evidence.end, rule=f.rule, record_json=_dump(f.to_json()))

    @staticmethod
    def _attitude_row(doc_id: str, a: Attitude) -> dict:
        first = a.evidence[0] if a.evidence else None
        return dict(id=f"{doc_id}:{a.id}", document_id=doc_id, source_id=a.source.id, target_id=a.target.id,
                    source_country=a.source.country, target_country=a.target.country, date=a.date,
                    polarity=a.polarity, score=a.score, sentences=a.sentences,
                    evidence_start=first.start if first else None, evidence_end=first.end if first else None,
                    rule=a.rule, record_json=_dump(a.to_json()))

    # --- near-duplicate groups (dyad.ingest.dedup) --------------------------------------------
    @staticmethod
    def set_dup_group(conn, doc_ids: Iterable[str], group: str) -> None:
        """Put documents in a near-duplicate group (those already in one keep it)."""
        d = t.documents
        conn.execute(update(d).where(d.c.id.in_(list(doc_ids)), d.c.dup_group.is_(None))
                     .values(dup_group=group))

    @staticmethod
    def set_event_cluster(conn, doc_id: str, event_id: str, cluster_id: str) -> None:
        """Count an event as one more mention of the event ``cluster_id``."""
        conn.execute(update(t.events).where(t.events.c.id == f"{doc_id}:{event_id}")
                     .values(cluster_id=cluster_id))

    @staticmethod
    def group_events(conn, group: str) -> list[tuple[str, str, str]]:
        """(document id, cluster id, event JSON) of every event stored in a near-duplicate group."""
        d, e = t.documents, t.events
        rows = conn.execute(select(e.c.document_id, e.c.cluster_id, e.c.record_json).join(d)
                            .where(d.c.dup_group == group).order_by(e.c.id))
        return [tuple(r) for r in rows]

    def dedup_documents(self) -> Iterable[tuple[str, str | None, str]]:
        """(id, dup_group, text) of every stored document, in the order they were stored."""
        d = t.documents
        with self.engine.connect() as conn:
            yield from (tuple(r) for r in conn.execute(
                select(d.c.id, d.c.dup_group, d.c.text).order_by(d.c.ingested_at, d.c.id)))

    def duplicate_groups(self) -> list[dict]:
        """Every near-duplicate group: its id and members (id, date, title, source), oldest first."""
        d = t.documents
        groups: dict[str, list[dict]] = {}
        with self.engine.connect() as conn:
            rows = conn.execute(select(d.c.dup_group, d.c.id, d.c.date, d.c.title, d.c.source,
                                       func.substr(d.c.text, 1, 80).label("start"))
                                .where(d.c.dup_group.is_not(None))
                                .order_by(d.c.dup_group, d.c.date, d.c.id)).mappings()
            for r in rows:
                groups.setdefault(r["dup_group"], []).append(dict(r))
        return [{"group": g, "members": m} for g, m in groups.items()]

    # --- reading ----------------------------------------------------------------------------
    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(getattr(t, table))).scalar_one()

    def document(self, doc_id: str) -> dict | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents).where(t.documents.c.id == doc_id)).mappings().first()
            return dict(row) if row else None

    def pair_records(self, a: str, b: str, limit: int = 200, min_confidence: float = 0.0) -> list[dict]:
        """Events and facts that involve both actors (ids or country codes), newest first; events
        only when their confidence is at least ``min_confidence`` (facts have none)."""
        from .filters import EventFilter, event_where
        out: list[dict] = []
        with self.engine.connect() as conn:
            ev = t.events
            where = event_where(EventFilter(actors=(a, b), min_confidence=min_confidence))
            rows = conn.execute(select(ev, t.documents.c.text).join(t.documents).where(*where)
                                .order_by(ev.c.date.desc().nulls_last(), ev.c.id).limit(limit)).mappings()
            out.extend({"what": "event", **dict(row)} for row in rows)
            fa = t.facts
            rows = conn.execute(select(fa, t.documents.c.text, t.documents.c.date.label("doc_date"))
                                .join(t.documents)).mappings()
            for row in rows:
                ids = {row["subject_id"], row["object_id"], row["subject_country"], row["object_country"]}
                if {a, b} <= ids:
                    out.append({"what": "fact", **dict(row)})
        out.sort(key=lambda r: (r.get("date") or r.get("period_end") or r.get("doc_date") or ""),
                 reverse=True)
        return out[:limit]


def open_store(url: str | None = None) -> Store:
    store = Store(resolve_url(url))
    migrate(store.engine)
    return store


def _count_order(row: dict) -> tuple:
    """The key of the ``dyad_months`` (and by-confidence) rows an ``event_dyads`` row's triggers
    update (the pair sorted, as the triggers store it), then its own id: the order every writer
    locks those counts in."""
    a, b = row["source_country"] or "", row["target_country"] or ""
    return (min(a, b), max(a, b), row["month"] or "", row["cameo"] or "", row["quad_class"] or 0,
            row["confidence"] if row["confidence"] is not None else -1.0, row["event_id"],
            row["source_id"], row["target_id"])
