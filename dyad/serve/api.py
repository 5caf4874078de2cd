"""The HTTP API and the web pages, one FastAPI app on the configured store."""
from __future__ import annotations

import html

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from .. import __version__
from ..store import open_store


def create_app(db: str | None = None) -> FastAPI:
    store = open_store(db)
    app = FastAPI(title="Dyad", version=__version__)
    app.state.store = store

    @app.get("/-/version")
    def version() -> dict:
        return {"dyad": __version__}

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        n = store.count("documents")
        return (f"<!doctype html><html><head><meta charset='utf-8'><title>Dyad</title></head><body>"
                f"<h1>Dyad</h1><p>{html.escape(str(n))} documents stored.</p></body></html>")

    return app
