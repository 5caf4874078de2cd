"""Readers: files and directories -> :class:`dyad.types.Document` (or located input errors)."""
from .readers import read_paths, read_path, Item

__all__ = ["read_paths", "read_path", "Item"]
