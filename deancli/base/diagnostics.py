"""The diagnostic model: what every check produces. Pure data."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()


class Span(NamedTuple):
    """A 1-based source range. ``end_*`` point just past the last character. (A named tuple:
    the parser makes one per node, and tuples are the cheapest immutable records.)"""

    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None


@dataclass(frozen=True, slots=True)
class Location:
    path: str  # as displayed: relative to the working directory when inside it
    line: int | None = None  # 1-based; None = the whole file
    column: int | None = None  # 1-based
    end_line: int | None = None
    end_column: int | None = None

    @classmethod
    def at(cls, path: str, span: Span | None) -> Location:
        if span is None:
            return cls(path)
        return cls(path, span.line, span.column, span.end_line, span.end_column)


@dataclass(frozen=True, slots=True)
class Related:
    location: Location
    message: str


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str  # "DEAN204": stable, never reused
    name: str  # "unknown-organization": kebab-case
    severity: Severity
    message: str  # one terse phrase, no trailing period; values in backticks
    location: Location
    json_path: str | None = None  # "$.milestones[2].status"
    hint: str | None = None  # rendered as "help: ..."
    related: tuple[Related, ...] = field(default=())

    def sort_key(self) -> tuple[str, int, int, int, str, str]:
        loc = self.location
        return (loc.path, loc.line or 0, loc.column or 0, -self.severity, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        loc = self.location
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "message": self.message,
            "path": loc.path,
            "line": loc.line,
            "column": loc.column,
            "end_line": loc.end_line,
            "end_column": loc.end_column,
            "json_path": self.json_path,
            "hint": self.hint,
            "related": [
                {
                    "message": r.message,
                    "path": r.location.path,
                    "line": r.location.line,
                    "column": r.location.column,
                }
                for r in self.related
            ],
        }


def json_path(parts: tuple[str | int, ...]) -> str:
    """Render a path of keys and indexes as ``$.a[0].b`` (check-jsonschema style)."""
    out = ["$"]
    for part in parts:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif part.replace("_", "").replace("-", "").isalnum() and part.isascii():
            out.append(f".{part}")
        else:
            out.append("[" + repr(part) + "]")
    return "".join(out)
