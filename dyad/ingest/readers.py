"""Readers for the input formats Dyad accepts.

(a) dated text: a file that starts (after optional white space) with ``date YYYY-MM-DD`` and then
    the body; (b) a plain text file with a date given by the caller (``--date``); (c) JSON Lines
    with ``id``, ``date``, ``text`` and optional ``title``, ``url``, ``lang``; (d) a directory of
    such files (``*.txt``, ``*.jsonl``), read in sorted order.

Each yields :class:`Item`: a document or an :class:`~dyad.errors.InputError` naming the file and
line. A bad input never stops the others. The stored text is the body exactly as decoded: every
offset indexes it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import (BadDate, BadJsonLine, EmptyInput, InputError, MissingField, NoDateHeader,
                      NotUtf8, UnreadablePath)
from ..types import Document

DATE_HEADER = re.compile(r"\A(\s*)date[ \t]+(\S+)[ \t]*(?:\r?\n|[ \t]|\Z)", re.IGNORECASE)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
TEXT_SUFFIXES = {".txt", ".text", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True, slots=True)
class Item:
    """One unit a reader produced: a document, or the error that replaced it."""
    path: str
    line: int
    document: Document | None = None
    error: InputError | None = None


def content_id(text: str) -> str:
    """A stable id derived from the content (used when the input has none)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse_date(value, path: str, line: int) -> str:
    if not isinstance(value, str) or not ISO_DATE.match(value):
        raise BadDate(path, line, f"date {value!r} is not YYYY-MM-DD")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise BadDate(path, line, f"date {value!r} does not exist") from None
    return value


def decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise NotUtf8(path, line, f"bytes at offset {exc.start} are not valid UTF-8") from None


def read_dated_text(path: str, data: bytes, date: str | None = None) -> Document:
    """Format (a), or (b) when ``date`` is given and the file has no header."""
    text = decode(data, path)
    if not text.strip():
        raise EmptyInput(path, 1, "file is empty")
    m = DATE_HEADER.match(text)
    if m:
        line = m.group(1).count("\n") + 1
        header_date = parse_date(m.group(2), path, line)
        body = text[m.end():]
        # the body starts at its first non-blank character; the rest is kept as is
        body = body[len(body) - len(body.lstrip()):]
        if not body.strip():
            raise EmptyInput(path, line, "no article text after the date header")
        return Document(id=content_id(body), text=body, date=date or header_date, source=path)
    if date is None:
        first = text.lstrip().split("\n", 1)[0][:40]
        line = text[: len(text) - len(text.lstrip())].count("\n") + 1
        raise NoDateHeader(path, line, f"no 'date YYYY-MM-DD' header (starts with {first!r}); "
                                       "give --date for plain text")
    return Document(id=content_id(text), text=text, date=date, source=path)


def read_jsonl(path: str, lines: Iterable[bytes]) -> Iterator[Item]:
    """Format (c): one JSON object per line; blank lines are skipped; bad lines are reported."""
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise NotUtf8(path, number, "line is not valid UTF-8") from None
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BadJsonLine(path, number, f"not JSON: {exc.msg} at column {exc.colno}") from None
            if not isinstance(obj, dict):
                raise BadJsonLine(path, number, "a line must hold a JSON object")
            text = obj.get("text")
            if not isinstance(text, str) or not text.strip():
                raise MissingField(path, number, "field 'text' is missing or empty")
            date = obj.get("date")
            if date is not None:
                date = parse_date(date, path, number)
            doc_id = obj.get("id")
            doc_id = str(doc_id) if doc_id not in (None, "") else content_id(text)
            lang = obj.get("lang")
            yield Item(path, number, Document(
                id=doc_id, text=text, date=date, lang=lang if isinstance(lang, str) else None,
                title=obj.get("title") if isinstance(obj.get("title"), str) else None,
                url=obj.get("url") if isinstance(obj.get("url"), str) else None, source=path))
        except InputError as err:
            yield Item(path, number, error=err)


def read_path(path: str | Path, date: str | None = None) -> Iterator[Item]:
    """Read one file or directory; never raises for bad input, yields errors instead."""
    p = Path(path)
    name = str(path)
    if p.is_dir():
        for child in sorted(p.rglob("*")):
            if child.is_file() and not child.name.startswith(".") and (
                    child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES):
                yield from read_path(child, date)
        return
    if not p.is_file():
        yield Item(name, 1, error=UnreadablePath(name, 1, "no such file or directory"))
        return
    if p.suffix.lower() in JSONL_SUFFIXES:
        with p.open("rb") as fh:   # streamed: a JSON Lines file of any size
            yield from read_jsonl(name, fh)
        return
    try:
        doc = read_dated_text(name, p.read_bytes(), date)
    except InputError as err:
        yield Item(name, err.line, error=err)
        return
    yield Item(name, 1, document=doc)


def read_paths(paths: Iterable[str | Path], date: str | None = None) -> Iterator[Item]:
    for path in paths:
        yield from read_path(path, date)
