"""Numbered, greppable errors and warnings (E1xx input, E2xx store, E3xx usage; W for warnings)."""
from __future__ import annotations

MAX_DETAIL = 300             # characters of a driver's message kept in one error line


def show_path(path, backslash: bool = True) -> str:
    """A path as it may appear in a one-line message: characters that are not printable (control
    characters such as a newline, lone surrogates, the undecodable bytes of a file name that is not
    UTF-8) are escaped as ``repr`` would (``\\n``, ``\\xff``, ``\\ud800``), and so is a backslash; a
    plain path comes back unchanged. So one problem stays one line, and a name cannot forge one."""
    text = str(path)
    if text.isprintable() and not (backslash and "\\" in text):
        return text
    out = []
    for ch in text:
        if ch == "\\" and backslash:
            out.append("\\\\")
        elif ch.isprintable():
            out.append(ch)
        elif 0xDC80 <= ord(ch) <= 0xDCFF:     # an undecodable byte of the name (surrogateescape)
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        else:
            out.append(repr(ch)[1:-1])
    return "".join(out)


def one_line(exc: BaseException) -> str:
    """``Type: message`` on one line. For a database error (SQLAlchemy's, which carries the SQL
    statement and its parameters, i.e. the article text), only the first line of the driver's own
    message: never the statement, the parameters or a failing row."""
    orig = getattr(exc, "orig", None)
    inner = orig if isinstance(orig, BaseException) else exc
    lines = [line.strip() for line in str(inner).splitlines() if line.strip()]
    detail = show_path(lines[0], backslash=False) if lines else ""
    if len(detail) > MAX_DETAIL:
        detail = detail[:MAX_DETAIL] + "..."
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


class DyadError(Exception):
    code = "E000"
    template = "{detail}"

    def __init__(self, detail: str = "", **kwargs):
        self.detail = detail
        self.kwargs = kwargs
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return f"{self.code} {self.template.format(detail=self.detail, **self.kwargs)}"


class InputError(DyadError):
    """A problem with one input, located at PATH:LINE (LINE from 1; 1 for a whole-file problem)."""
    code = "E100"

    def __init__(self, path: str, line: int, detail: str):
        self.path = str(path)
        self.line = line
        super().__init__(detail)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class EmptyInput(InputError):
    code = "E101"


class NotUtf8(InputError):
    code = "E102"


# E103 (a file or page without a date) is no error since issue 19: it is stored, dated from its
# text, with warning W107 (W_UNDATED_INPUT).


class BadDate(InputError):
    code = "E104"


class BadJsonLine(InputError):
    code = "E105"


class MissingField(InputError):
    code = "E106"


class BinaryInput(InputError):
    code = "E107"


class TooLarge(InputError):
    code = "E108"


class UnreadablePath(InputError):
    code = "E109"


class DateOutOfRange(InputError):
    """A date outside DATE_MIN..DATE_MAX (dyad.ingest.readers): refused, as the pipeline reckons
    relative dates ("завтра", "через год") from it."""
    code = "E110"


class DuplicateId(InputError):
    """A second, different text under an id already used in the run or already stored."""
    code = "E111"


class SourceError(InputError):
    """A watched source (a feed, a sitemap, a page, a folder) that could not be polled, located at
    SOURCE:1 (or SOURCE:N for the feed's N-th item). ``retry``: worth trying again (a 5xx answer, a
    timeout, a refused connection), not a malformed or oversized answer."""
    code = "E120"
    retry = False


class SourceUnreachable(SourceError):
    """A connection refused or reset, an HTTP error status (a 5xx is retried, a 4xx is not)."""
    code = "E120"
    retry = True


class SourceTimeout(SourceError):
    code = "E121"
    retry = True


class MalformedFeed(SourceError):
    """Not well-formed XML, or XML that is neither RSS, Atom nor a sitemap."""
    code = "E122"


class RedirectLoop(SourceError):
    code = "E123"


class SourceTooLarge(SourceError):
    """An answer above the size cap (``--max-bytes``), refused without reading it whole."""
    code = "E124"


class ItemUnusable(SourceError):
    """A feed item whose page cannot be used (not fetched, not HTML, no main text) and whose feed
    entry carries no text of its own."""
    code = "E125"


class DeliveryFailed(DyadError):
    """An alert that could not be delivered (a webhook that kept failing, a file that cannot be
    written); the alert stays stored (`/alerts`)."""
    code = "E130"


class StoreError(DyadError):
    code = "E200"


class StoreUnavailable(StoreError):
    """The database cannot be opened, created or migrated (one line, exit status 1)."""
    code = "E201"


class UsageError(DyadError):
    code = "E300"


# Warnings are plain strings with a code, recorded with the document.
W_FUTURE_DATE = "W101 date {date} is after today"
W_ENCODING = "W102 decoded as {encoding}"
W_NOT_RUSSIAN = "W103 language {lang}: stored, not coded"
W_DATE_FROM_TEXT = "W104 undated: date estimated from the text as {date} ({precision}, {rule})"
W_NO_DATE = "W105 undated: no date in the text; titles resolve to offices, not people"
W_UNDATED_INPUT = ("W107 undated input: {what}; dated from its text (W104, W105 follow), "
                   "give --date to set it")
W_ITEM_PAGE = "W120 item page {why}: the feed's own text is stored instead"
W_FIELD_IGNORED = "W106 field {name!r} {why}: left out, the record is stored without it"
