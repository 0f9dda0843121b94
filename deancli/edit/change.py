"""What an edit is made of: the operations asked for, the change to one file's text, and the
error when dean refuses an edit."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deancli.base.diagnostics import Diagnostic
from deancli.base.errors import DeanError

PathKey = tuple[str | int, ...]


class EditError(DeanError):
    """An edit dean refuses to make; ``diagnostics`` say why when validation refused it, and
    ``sources`` hold the edited text they point into (display path -> lines)."""

    def __init__(
        self,
        message: str,
        diagnostics: list[Diagnostic] | None = None,
        sources: dict[str, list[str]] | None = None,
    ) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics or []
        self.sources = sources or {}


@dataclass(frozen=True)
class Op:
    """Set ``key`` of the mapping at ``target`` to ``value`` ("set"), or append ``value`` to
    / remove it from the list at ``target + (key,)`` ("add" / "remove")."""

    kind: str
    target: PathKey
    key: str
    value: Any


@dataclass
class Change:
    path: Path
    display: str
    before: str
    after: str
    written: bool = False

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        from deancli.base.textsafe import safe

        name = safe(self.display)  # a newline in a file name must not split a header line
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                fromfile=f"a/{name}",
                tofile=f"b/{name}",
            )
        )
