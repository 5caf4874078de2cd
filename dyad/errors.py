"""Numbered, greppable errors and warnings (E1xx input, E2xx store, E3xx usage; W for warnings)."""
from __future__ import annotations


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


class NoDateHeader(InputError):
    code = "E103"


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


class StoreError(DyadError):
    code = "E200"


class UsageError(DyadError):
    code = "E300"


# Warnings are plain strings with a code, recorded with the document.
W_FUTURE_DATE = "W101 date {date} is after today"
W_ENCODING = "W102 decoded as {encoding}"
W_NOT_RUSSIAN = "W103 language {lang}: stored, not coded"
W_DATE_FROM_TEXT = "W104 undated: date estimated from the text as {date} ({precision}, {rule})"
W_NO_DATE = "W105 undated: no date in the text; titles resolve to offices, not people"
