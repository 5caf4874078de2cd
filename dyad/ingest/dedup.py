"""Near-duplicate articles (wire copies, reposts): MinHash LSH groups them.

Every document is still stored and fully processed. A document whose estimated Jaccard similarity
(word 3-shingles) to a stored one reaches :data:`THRESHOLD` joins that document's group: both get
``documents.dup_group`` = the id of the group's first document. Inside a group, an event with the
same cluster key as an event stored earlier counts as one more mention of it: its
``events.cluster_id`` becomes that event's cluster id, so it is not a new event.

The worker computes a document's :func:`fingerprint` (the 32-bit SHA-1 hashes of its shingles,
which is what datasketch's MinHash hashes them to); the single writer turns it into the MinHash
signature and keeps the LSH index (:class:`Deduper`, seeded from the stored documents). Workers so
never import datasketch, whose import pulls in scipy (a quarter of a second per worker).
"""
from __future__ import annotations

import hashlib
import re
import struct
from functools import lru_cache

import numpy as np

from ..types import ActorRef, Event, Span

NUM_PERM = 128
SCHEME = "affine32"      # datasketch >= 2.0 hash family; signatures are only comparable within one
THRESHOLD = 0.7
SHINGLE = 3
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """Word k-grams of the folded text (punctuation and spacing do not matter)."""
    words = _WORD.findall(text.lower().replace("ё", "е"))
    if len(words) < k:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def fingerprint(text: str) -> np.ndarray:
    """The shingles of a text hashed as datasketch's ``sha1_hash32`` hashes them (uint32)."""
    return np.array([struct.unpack("<I", hashlib.sha1(s).digest()[:4])[0] for s in shingles(text)],
                    dtype=np.uint32)


@lru_cache(maxsize=1)
def _permutations():
    from datasketch import MinHash
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def signature_of(hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` values) of a :func:`fingerprint`."""
    from datasketch import MinHash
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashfunc=int, permutations=_permutations())
    mh.update_batch(hashes.tolist())
    return mh.hashvalues


def signature(text: str) -> np.ndarray:
    """The MinHash signature of a text (``NUM_PERM`` unsigned values)."""
    return signature_of(fingerprint(text))


def _minhash(values: np.ndarray):
    from datasketch import LeanMinHash
    return LeanMinHash(seed=1, hashvalues=values, scheme=SCHEME)


def _fallback_key(event: Event) -> tuple:
    actors = sorted({a.id for a in event.sources + event.targets})
    return (event.cameo, tuple(actors), event.date)


def cluster_key(event: Event):
    """The store's ``cluster_key`` (dyad.store.clusters) when it exists, else (CAMEO, sorted actor ids, date)."""
    try:
        from ..store.clusters import cluster_key as coder_key
    except ImportError:
        return _fallback_key(event)
    return coder_key(event)


def _actor(d: dict) -> ActorRef:
    return ActorRef(id=d["id"], name=d.get("name") or "", kind=d.get("kind") or "",
                    country=d.get("country"), code=d.get("code"), role=d.get("role"),
                    lat=d.get("lat"), lon=d.get("lon"), geonames_id=d.get("geonames_id"))


def event_from_json(d: dict) -> Event:
    """An :class:`Event` back from its stored JSON (enough for :func:`cluster_key`)."""
    from ..types import Location, Plover
    trig = d.get("trigger") or {}
    ev = d.get("evidence") or {}
    return Event(
        id=d["id"], date=d.get("date"), date_precision=d.get("date_precision"),
        sources=tuple(_actor(a) for a in d.get("sources") or ()),
        targets=tuple(_actor(a) for a in d.get("targets") or ()),
        cameo=d.get("cameo") or "", goldstein=d.get("goldstein"),
        plover=Plover(**d["plover"]) if d.get("plover") else None,
        location=Location(**d["location"]) if d.get("location") else None,
        trigger=Span(trig.get("start", 0), trig.get("end", 0)), trigger_text=trig.get("text") or "",
        evidence=Span(ev.get("start", 0), ev.get("end", 0)), negated=bool(d.get("negated")),
        modality=d.get("modality"), rule=d.get("rule") or "", confidence=d.get("confidence", 1.0),
        quad_class=d.get("quad_class"),
        mentions=tuple(Span(m["start"], m["end"]) for m in d.get("mentions") or ()))


class Deduper:
    """The writer's LSH index over every stored document, and the event keys of each group."""

    def __init__(self, store, threshold: float = THRESHOLD):
        from datasketch import MinHashLSH
        self.store = store
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.order: dict[str, int] = {}          # document id -> position in storing order
        self.group: dict[str, str] = {}          # document id -> its group, when it has one
        self.keys: dict[str, dict] = {}          # group -> {cluster key: cluster id}
        self._seeded = False

    def reset(self) -> None:
        """Forget everything (after a failed write) and re-read the store on the next document."""
        self.__init__(self.store, self.threshold)

    def seed(self) -> None:
        """Index the documents stored before this run (once, on the first new document)."""
        if self._seeded:
            return
        self._seeded = True
        for doc_id, group, text in self.store.dedup_documents():
            self._index(doc_id, signature(text))
            if group:
                self.group[doc_id] = group

    def _index(self, doc_id: str, values: np.ndarray) -> list[str]:
        mh = _minhash(values)
        if doc_id in self.order:                 # same id, new content: the new version replaces it
            self.lsh.remove(doc_id)
            self.group.pop(doc_id, None)
        hits = [h for h in self.lsh.query(mh) if h != doc_id]
        self.lsh.insert(doc_id, mh)
        self.order[doc_id] = len(self.order)
        return hits

    def add(self, conn, record, hashes: np.ndarray) -> str | None:
        """Index a newly stored record by its :func:`fingerprint`; set its group and its events'
        clusters. Returns the group."""
        self.seed()
        doc = record.document
        hits = self._index(doc.id, signature_of(hashes))
        if not hits:
            return None
        first = min(hits, key=self.order.__getitem__)
        group = self.group.get(first, first)
        members = [h for h in hits if h not in self.group] + [doc.id]
        self.store.set_dup_group(conn, members, group)
        keys = self._group_keys(conn, group, doc.id)
        for h in members:
            self.group[h] = group
        for event in record.events:
            key = cluster_key(event)
            own = f"{doc.id}:{event.id}"
            cluster = keys.setdefault(key, own)
            if cluster != own:
                self.store.set_event_cluster(conn, doc.id, event.id, cluster)
        return group

    def _group_keys(self, conn, group: str, new_doc: str) -> dict:
        """Cluster keys of the events stored in the group before ``new_doc``."""
        if group in self.keys:
            return self.keys[group]
        import json
        keys: dict = {}
        rows = [r for r in self.store.group_events(conn, group) if r[0] != new_doc]
        rows.sort(key=lambda r: self.order.get(r[0], -1))
        for _doc, cluster, blob in rows:
            keys.setdefault(cluster_key(event_from_json(json.loads(blob))), cluster)
        self.keys[group] = keys
        return keys
