"""Readers for the input formats Dyad accepts.

(a) dated text: a file that starts (after optional white space) with ``date YYYY-MM-DD`` and then
    the body; (b) a plain text file with a date given by the caller (``--date``); (c) JSON Lines
    with ``id``, ``date``, ``text`` and optional ``title``, ``url``, ``lang``; (d) a directory of
    such files (``*.txt``, ``*.jsonl``), read in sorted order.

Each yields :class:`Item`: a document or an :class:`~dyad.errors.InputError` naming the file and
line. A bad input never stops the others. The stored text is the body exactly as decoded: every
offset indexes it.

Bad input (docs/reliability.md): an empty file is E101; bytes that are neither UTF-8 nor confidently
cp1251/KOI8-R Russian are E102 (:mod:`dyad.ingest.encoding`; a detected encoding is kept in
``Document.encoding`` and reported as W102); a binary file is E107; a file, or a JSON line, above
``DYAD_MAX_BYTES`` bytes (default 1,000,000) is refused with E108 without being read whole; a path
that cannot be read (a file, a subdirectory, a dangling link, a link loop) is E109; a date outside
1900-01-01..2100-12-31 is E110; a date after tomorrow is kept with W101; a JSON Lines field
``title``, ``url`` or ``lang`` of the wrong type is left out with W106. Paths in messages, items and
``Document.source`` are escaped (:func:`dyad.errors.show_path`), so a message is always one line.
"""
from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from ..errors import (W_ENCODING, W_FIELD_IGNORED, W_FUTURE_DATE, W_UNDATED_INPUT, BadDate, BadJsonLine, BinaryInput,
                      DateOutOfRange, EmptyInput, InputError, MissingField, NotUtf8,
                      TooLarge, UnreadablePath, UsageError, show_path)
from ..types import Document
from . import encoding
from .items import DATE_MAX, DATE_MIN, ISO_DATE, MAX_ID, WEB_SUFFIXES, Item, content_id, parse_date  # noqa: F401

DATE_HEADER = re.compile(r"\A(\s*)date[ \t]+(\S+)[ \t]*(?:\r?\n|[ \t]|\Z)", re.IGNORECASE)
LOOKS_LIKE_HEADER = re.compile(r"\A(\s*)(date\b[ \t:]*[^\n]{0,40})", re.IGNORECASE)
TEXT_SUFFIXES = {".txt", ".text", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
READ_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | WEB_SUFFIXES   # what a directory's walk reads
DEFAULT_MAX_BYTES = 1_000_000
MAX_LANG = 8                 # documents.lang is String(8)


def max_bytes() -> int:
    """The largest input accepted, in bytes: ``$DYAD_MAX_BYTES``, else 1,000,000."""
    raw = os.environ.get("DYAD_MAX_BYTES", "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        value = 0
    if value <= 0:
        raise UsageError(f"DYAD_MAX_BYTES={raw!r} is not a positive whole number of bytes")
    return value


def check_given_date(date: str | None) -> None:
    """``--date``: a usage error (E300) unless a date in DATE_MIN..DATE_MAX."""
    if date is not None:
        try:
            parse_date(date, "--date", 1)
        except InputError as err:
            raise UsageError(f"--date: {err.detail}") from None


def input_warnings(doc: Document, today: dt.date | None = None, undated: str | None = None) -> tuple[str, ...]:
    """W101 for a date after tomorrow (a day of slack for time zones), W102 for a guessed encoding,
    W107 for a file or page without a date (``undated`` says what it lacks)."""
    out = [W_UNDATED_INPUT.format(what=undated)] if undated and doc.date is None else []
    today = today or dt.datetime.now(dt.timezone.utc).date()
    if doc.date and dt.date.fromisoformat(doc.date) > today + dt.timedelta(days=1):
        out.append(W_FUTURE_DATE.format(date=doc.date))
    if doc.encoding not in ("utf-8", "utf-8-sig", "utf-16"):
        out.append(W_ENCODING.format(encoding=doc.encoding))
    return tuple(out)


def _too_large(path: str, line: int, size: int | str, limit: int, what: str = "file") -> TooLarge:
    return TooLarge(path, line, f"{what} is {size} bytes, above the limit of {limit:,} bytes "
                                "(set DYAD_MAX_BYTES to raise it)")


def decode(data: bytes, path: str, line: int = 1) -> encoding.Decoded:
    """Binary -> E107; UTF-8, else confident cp1251/KOI8-R; else E102 at the first bad byte."""
    reason = encoding.binary_reason(data)
    if reason:
        raise BinaryInput(path, line, f"{reason}; Dyad reads text")
    decoded = encoding.decode(data)
    if decoded is None:
        offset = encoding.first_bad_utf8(data)
        where = line + data[:offset].count(b"\n")
        raise NotUtf8(path, where, f"bytes at offset {offset} are not valid UTF-8 "
                                   "(nor confidently cp1251 or KOI8-R Russian text)")
    if "\x00" in decoded.text:
        raise BinaryInput(path, line, "text holds NUL characters; Dyad reads text")
    return decoded


def read_dated_text(path: str, data: bytes, date: str | None = None) -> Document:
    """Format (a), or (b) when ``date`` is given and the file has no header; a file with neither is
    undated (``date`` None): the pipeline dates it from its text, and the reader warns (W107)."""
    if not data.strip():
        raise EmptyInput(path, 1, "file is empty")
    decoded = decode(data, path)
    text = decoded.text
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
        return Document(id=content_id(body), text=body, date=date or header_date, source=path,
                        encoding=decoded.encoding)
    if date is None:
        lead = text[: len(text) - len(text.lstrip())]
        line = lead.count("\n") + 1
        bad = LOOKS_LIKE_HEADER.match(text)
        if bad:
            raise BadDate(path, line, f"malformed date header {bad.group(2).strip()!r}; "
                                      "expected 'date YYYY-MM-DD'")
        text = text[len(lead):]          # undated: stored, dated from its text (W107, then W104/W105)
    return Document(id=content_id(text), text=text, date=date, source=path, encoding=decoded.encoding)


class Overlong(int):
    """Stands for a JSON line longer than the limit (its length so far); the line is skipped."""


def bounded_lines(fh: BinaryIO, limit: int) -> Iterator[bytes | Overlong]:
    """The lines of ``fh``, never holding more than ``limit`` + 1 bytes of one line in memory."""
    while True:
        raw = fh.readline(limit + 1)
        if not raw:
            return
        if len(raw) > limit and not raw.endswith(b"\n"):
            size = len(raw)
            while True:                   # skip the rest of the line in bounded pieces
                rest = fh.readline(1 << 20)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield Overlong(size)
        else:
            yield raw


def _string_field(obj: dict, name: str, path: str, number: int) -> str | None:
    value = obj.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadJsonLine(path, number, f"field {name!r} must be a string")
    if "\x00" in value:
        raise BinaryInput(path, number, f"field {name!r} holds NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise NotUtf8(path, number, f"field {name!r} holds invalid Unicode (a lone surrogate)") from None
    return value


def _json_kind(value) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return "a list" if isinstance(value, list) else "an object"


def _optional_field(obj: dict, name: str, path: str, number: int, warnings: list[str]) -> str | None:
    """An optional string field: null or absent is None; another type is left out with W106 (the
    record is kept); NUL characters or lone surrogates in it are an error, as in ``text``."""
    value = obj.get(name)
    if value is None or isinstance(value, str):
        return _string_field(obj, name, path, number)
    warnings.append(W_FIELD_IGNORED.format(name=name, why=f"is {_json_kind(value)}, not a string"))
    return None


def _jsonl_document(path: str, number: int, raw: bytes) -> tuple[Document, tuple[str, ...]]:
    if b"\x00" in raw:
        raise BinaryInput(path, number, f"binary data (NUL byte at column {raw.index(0) + 1})")
    try:
        line, codec = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        decoded = decode(raw, path, number)
        line, codec = decoded.text, decoded.encoding
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadJsonLine(path, number, f"not JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise BadJsonLine(path, number, "not JSON: nested too deeply") from None
    if not isinstance(obj, dict):
        raise BadJsonLine(path, number, "a line must hold a JSON object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise MissingField(path, number, "field 'text' is missing or empty")
    text = _string_field(obj, "text", path, number)
    date = obj.get("date")
    if date is not None:
        date = parse_date(date, path, number)
    doc_id = obj.get("id")
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int, float, type(None))):
        raise BadJsonLine(path, number, "field 'id' must be a string or a number")
    doc_id = _string_field({"id": str(doc_id)}, "id", path, number) if doc_id not in (None, "") else None
    if doc_id is not None and len(doc_id) > MAX_ID:
        raise BadJsonLine(path, number, f"field 'id' is longer than {MAX_ID} characters")
    if doc_id is not None and (doc_id.strip(".") == "" or "\x00" in doc_id):
        # "." and ".." are dot segments no HTTP client sends: a document under them is unreachable
        raise BadJsonLine(path, number, f"field 'id' {doc_id!r} cannot be served (dots only or NUL)")
    warnings: list[str] = []
    title = _optional_field(obj, "title", path, number, warnings)
    url = _optional_field(obj, "url", path, number, warnings)
    lang = _optional_field(obj, "lang", path, number, warnings) or None
    if lang is not None and not (len(lang) <= MAX_LANG and lang.isascii()):
        warnings.append(W_FIELD_IGNORED.format(
            name="lang", why=f"{lang[:20]!r} is not a language code (1 to {MAX_LANG} ASCII characters)"))
        lang = None                # the pipeline detects the language instead
    doc = Document(id=doc_id or content_id(text), text=text, date=date, lang=lang, title=title,
                   url=url, source=path, encoding=codec)
    return doc, tuple(warnings) + input_warnings(doc)


def read_jsonl(path: str, lines: Iterable[bytes | Overlong], limit: int | None = None) -> Iterator[Item]:
    """Format (c): one JSON object per line; blank lines are skipped; bad lines are reported.

    A UTF-8 byte-order mark before the first line is skipped; a UTF-16 or UTF-32 file (its mark)
    is one E102; a read that fails (OSError) is one E109 at the line it was reading."""
    limit = limit or max_bytes()
    lines = iter(lines)
    number = 0
    while True:
        try:
            raw = next(lines)
        except StopIteration:
            return
        except OSError as exc:
            err = UnreadablePath(path, number + 1, f"cannot read: {_reason(exc)}")
            yield Item(path, number + 1, error=err)
            return
        number += 1
        if number == 1 and not isinstance(raw, Overlong):
            if raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                yield Item(path, 1, error=NotUtf8(path, 1, "JSON Lines must be UTF-8; this file is UTF-16 "
                                                           "or UTF-32 (byte-order mark)"))
                return
        if isinstance(raw, Overlong) or len(raw.rstrip(b"\r\n")) > limit:
            err = _too_large(path, number, f"{int(raw) if isinstance(raw, Overlong) else len(raw):,}",
                             limit, "line")
            yield Item(path, number, error=err)
            continue
        if not raw.strip():
            continue
        try:
            doc, warnings = _jsonl_document(path, number, raw)
        except InputError as err:
            yield Item(path, number, error=err)
            continue
        yield Item(path, number, doc, warnings=warnings)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def why_not_read(p: Path) -> str:
    """Why a path that is neither a directory nor a regular file is not read (E109's message)."""
    try:
        st = p.lstat()
    except FileNotFoundError:
        return "no such file or directory"
    except OSError as exc:
        return f"cannot read: {_reason(exc)}"
    if stat.S_ISLNK(st.st_mode):
        try:
            st = p.stat()
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "symbolic link loop: not followed"
            if exc.errno == errno.ENOENT:
                return f"dangling symbolic link (to {show_path(os.readlink(p))}): not followed"
            return f"cannot read: {_reason(exc)}"
    if stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode):
        return "cannot read: it changed while being read"
    return "not a regular file (a FIFO, socket or device): not read"


def walk(root: Path) -> Iterator[Path | UnreadablePath]:
    """The files below ``root`` a directory read gives, in sorted order (depth first, by name):
    names with a suffix Dyad reads (READ_SUFFIXES), hidden names (a leading dot) left out,
    symbolic links followed. What cannot be followed or read is an E109 each, in its place: a
    subdirectory that cannot be listed, a dangling link, a link loop (a link back to a directory
    above it), a FIFO, socket or device."""
    st = root.stat()
    yield from _walk(root, {(st.st_dev, st.st_ino): root})


def _walk(directory: Path, above: dict) -> Iterator[Path | UnreadablePath]:
    try:
        with os.scandir(directory) as it:
            entries = sorted((e.name for e in it))
    except OSError as exc:
        yield UnreadablePath(show_path(directory), 1, f"cannot read the directory: {_reason(exc)}")
        return
    for entry in entries:
        if entry.startswith("."):
            continue
        path = directory / entry
        wanted = path.suffix.lower() in READ_SUFFIXES
        try:
            st = path.stat()
        except OSError:
            if wanted:
                yield UnreadablePath(show_path(path), 1, why_not_read(path))
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in above:
                yield UnreadablePath(show_path(path), 1, f"symbolic link loop (back to "
                                                         f"{show_path(above[key])}): not followed")
                continue
            yield from _walk(path, {**above, key: path})
        elif wanted:
            yield path if stat.S_ISREG(st.st_mode) else UnreadablePath(show_path(path), 1, why_not_read(path))


def read_path(path: str | Path, date: str | None = None) -> Iterator[Item]:
    """Read one file or directory; never raises for bad input, yields errors instead.

    Items, errors and ``Document.source`` name the path escaped (:func:`dyad.errors.show_path`);
    the file itself is opened by its real name."""
    check_given_date(date)
    p = Path(path)
    name = str(path)
    shown = show_path(name)
    if name.startswith(("http://", "https://")):
        from .web import read_url
        yield from read_url(name, date)
        return
    try:
        if p.is_dir():
            for child in walk(p):
                if isinstance(child, InputError):
                    yield Item(child.path, child.line, error=child)
                else:
                    yield from read_path(child, date)
            return
        if not p.is_file():
            yield Item(shown, 1, error=UnreadablePath(shown, 1, why_not_read(p)))
            return
        limit = max_bytes()
        if p.suffix.lower() in JSONL_SUFFIXES:
            with p.open("rb") as fh:   # streamed: a JSON Lines file of any size, bounded per line
                yield from read_jsonl(shown, bounded_lines(fh, limit), limit)
            return
        size = p.stat().st_size
        if size > limit:
            yield Item(shown, 1, error=_too_large(shown, 1, f"{size:,}", limit))
            return
        with p.open("rb") as fh:
            data = fh.read(limit + 1)      # the size may have changed since stat
    except OSError as exc:
        yield Item(shown, 1, error=UnreadablePath(shown, 1, f"cannot read: {_reason(exc)}"))
        return
    if len(data) > limit:
        yield Item(shown, 1, error=_too_large(shown, 1, f"more than {limit:,}", limit))
        return
    if p.suffix.lower() in WEB_SUFFIXES:
        from .web import read_web_file
        reason = encoding.binary_reason(data)
        if reason:
            yield Item(shown, 1, error=BinaryInput(shown, 1, f"{reason}; Dyad reads text"))
            return
        for item in read_web_file(shown, data, p.suffix.lower(), date):
            yield (replace(item, warnings=input_warnings(item.document, undated="the page has no date in its metadata"))
                   if item.document else item)
        return
    try:
        doc = read_dated_text(shown, data, date)
    except InputError as err:
        yield Item(shown, err.line, error=err)
        return
    yield Item(shown, 1, document=doc, warnings=input_warnings(doc, undated="no 'date YYYY-MM-DD' header"))


def read_paths(paths: Iterable[str | Path], date: str | None = None) -> Iterator[Item]:
    for path in paths:
        yield from read_path(path, date)


def count_lines(fh: BinaryIO, chunk: int = 1 << 16) -> int:
    """The non-blank lines of a JSON Lines file, read ``chunk`` bytes at a time (so a line of any
    length costs no memory)."""
    total, open_line = 0, False          # open_line: the current line has a non-blank byte
    while data := fh.read(chunk):
        *ended, rest = data.split(b"\n")
        for part in ended:
            total += open_line or bool(part.strip())
            open_line = False
        open_line = open_line or bool(rest.strip())
    return total + open_line
