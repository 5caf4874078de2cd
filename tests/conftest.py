"""Shared fixtures: the seed article, fresh databases on SQLite and PostgreSQL."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_5f99e16c0eb99cba.txt"
EVAL_DEV = SHARED / "eval-dev" / "factRuEval-2016"
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
IN_CI = os.environ.get("CI") == "true"
REGEN = os.environ.get("DYAD_REGEN") == "1"


def pytest_addoption(parser):
    parser.addoption("--runslow", action="store_true", default=False, help="run full-size slow tests")


DATA = ROOT / "dyad" / "data"
RU_DATA = ROOT / "dyad" / "lang" / "ru" / "data"
EN_DATA = ROOT / "dyad" / "lang" / "en" / "data"
ALIAS_DIRS = {"ru": RU_DATA, "en": EN_DATA}       # kb_aliases*.tsv: one table split by `lang`


def data_lines(path: Path) -> list[list[str]]:
    """A data file's lines split into cells with the csv module (independent of dyad's reader),
    `#` comments left out; the header is the first line."""
    import csv
    with open(path, encoding="utf-8", newline="") as f:
        lines = (line for line in f if not line.startswith("#"))
        return list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def data_rows(path: Path) -> list[dict[str, str]]:
    header, *rows = data_lines(path)
    return [dict(zip(header, row)) for row in rows]


def alias_rows(name: str) -> list[dict[str, str]]:
    """The rows of the alias table ``name`` (``kb_aliases_companies.tsv``): its Russian file's,
    then its English file's."""
    return [row for folder in ALIAS_DIRS.values() if (folder / name).exists()
            for row in data_rows(folder / name)]


def shared_file(path: Path) -> Path:
    """A file from ../shared: fail loudly in CI when it is missing, else skip."""
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing: CI must have ../shared beside the clone")
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return shared_file(SEED)


@pytest.fixture(scope="session")
def seed_record(seed_path):
    from dyad.ingest.readers import read_path
    from dyad.pipeline import process
    item = next(read_path(seed_path))
    return process(item.document)


def _pg_url() -> str | None:
    url = os.environ.get("DYAD_TEST_PG_URL")
    if not url and IN_CI:
        pytest.fail("DYAD_TEST_PG_URL is not set: `make test` starts PostgreSQL and sets it")
    return url


def fresh_pg_database() -> str:
    """A new, empty database on the test server; returns its URL."""
    from sqlalchemy import create_engine, text
    base = _pg_url()
    if not base:
        pytest.skip("no PostgreSQL server (set DYAD_TEST_PG_URL, or run `make test`)")
    name = "dyad_" + uuid.uuid4().hex[:12]
    admin = create_engine(base.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_url(request, tmp_path) -> str:
    """Every storage test runs on both backends, the same test on each (the PostgreSQL run is
    marked ``pg``: ``-m "not pg"`` leaves it out)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'dyad.db'}"
    return fresh_pg_database()


@pytest.fixture
def store(db_url):
    from dyad.store import open_store
    s = open_store(db_url)
    yield s
    s.engine.dispose()


def alembic(engine, action: str, revision: str) -> None:
    """Run Alembic's ``upgrade``/``downgrade`` to ``revision`` on ``engine`` (migration tests)."""
    from alembic import command
    from alembic.config import Config
    from dyad.store import db as store_db
    cfg = Config()
    cfg.set_main_option("script_location", str(store_db.MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        getattr(command, action)(cfg, revision)
