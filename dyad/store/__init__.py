"""Storage: schema, migrations, SQLite and PostgreSQL behind one interface (:class:`Store`)."""
from .db import Store, resolve_url, open_store

__all__ = ["Store", "resolve_url", "open_store"]
