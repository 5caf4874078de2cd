"""A disk cache for what Dyad builds from its data files at start-up (the knowledge base with
its pymorphy3 alias keys, the gazetteer index): built once per content, then loaded in a fraction
of the time by every later process and worker.

The key is a SHA-256 over Dyad's version, Python's, pymorphy3's, the source of the modules that
build the value and the bytes of every input file, so editing a data file or the code that reads
it rebuilds the value. Files live in ``$DYAD_CACHE_DIR``, else ``$XDG_CACHE_HOME/dyad``, else
``~/.cache/dyad``; ``DYAD_CACHE_DIR=off`` turns the cache off. A cache that cannot be read or
written is skipped (the value is built as without it); writes are atomic (temporary file, then
rename), so concurrent workers never read half a file. The files are pickles: the cache directory
must be writable by its user only, like any cache of Python objects.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
FORMAT = 1


def cache_dir() -> Path | None:
    env = os.environ.get("DYAD_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "no") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dyad"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def key(name: str, inputs: Iterable[Path], code: Iterable[str]) -> str:
    from . import __version__
    h = hashlib.sha256()
    for part in (str(FORMAT), name, __version__, sys.version, _version("pymorphy3"),
                 _version("pymorphy3-dicts-ru")):
        h.update(part.encode() + b"\0")
    for module in code:
        h.update(Path(sys.modules[module].__file__).read_bytes())
    for path in sorted(inputs):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:32]


def cached(name: str, inputs: Iterable[Path], code: Iterable[str], build: Callable[[], T]) -> T:
    """``build()``, or the value it gave before for the same inputs and code."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key(name, inputs, code)}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"{name}-*.pickle"):      # values of earlier data or code
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-")
    except OSError:
        return value
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
    return value
