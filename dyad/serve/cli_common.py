"""What the commands share: the database option, opening the store (one E201 line), actors by
id or name (E301)."""
from __future__ import annotations

import sys
from typing import Optional

import typer

DB_HELP = "Database URL (else $DYAD_DB, else sqlite:///dyad.db); created and migrated if new."


def _open_store(db: Optional[str]):
    """The store, else one line ``E201 cannot open the database URL: reason`` (password hidden)."""
    from sqlalchemy.exc import SQLAlchemyError
    from ..errors import StoreUnavailable, one_line, show_path
    from ..store import open_store
    from ..store.db import resolve_url
    try:
        return open_store(db)
    except (SQLAlchemyError, OSError, ImportError) as exc:    # ImportError: no driver for the URL
        url = resolve_url(db)
        try:
            from sqlalchemy.engine import make_url
            url = make_url(url).render_as_string(hide_password=True)
        except Exception:  # noqa: BLE001 - not a URL: show its scheme only, never a password
            url = url.split(":", 1)[0] + ":..."
        raise StoreUnavailable(f"cannot open the database {show_path(url)}: {one_line(exc)}") from None


def _actor(engine, name: str) -> str:
    """An actor id from an id or a name in any case form (Турция, Турцией, Erdogan); a usage error
    (exit 2) when nothing is known by it."""
    from ..store import queries as Q
    found = Q.resolve_actor(engine, name)
    if found is None:
        print(f"E301 no actor {name!r}; try `dyad actors search`", file=sys.stderr)
        raise typer.Exit(2)
    return found
