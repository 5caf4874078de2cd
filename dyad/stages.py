"""A pipeline stage as Dyad declares it: what it requires and what it provides.

The core's stages are listed in :mod:`dyad.pipeline`; a language package declares its own NLP
stages (:attr:`dyad.lang.base.Language.stages`) with the same type."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    id: str                 # versioned id of the implementation
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    doc: str
