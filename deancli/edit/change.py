"""What an edit is made of: the operations asked for, the change to one file's text, and the
error when dean refuses an edit."""

from __future__ import annotations

import difflib
import re
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
    / remove it from the list at ``target + (key,)`` ("add" / "remove"). On that list also:
    "insert" (``value`` = (index, item)), "move" (``value`` = (from, to)) and "replace"
    (``value`` = (index, new item))."""

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

    def kept_comments(self) -> list[tuple[int, str, bool]]:
        """Comments on the lines this change rewrote, that were there before the change:
        (line number in the new text, the comment, whether the value on that line went from
        empty to non-empty). A comment describes the value it ends; after an edit it may no
        longer be true, and dean says so rather than keep it silently."""
        before = self.before.splitlines()
        after = self.after.splitlines()
        old_comments = {c for c in map(_trailing_comment, before) if c}
        out = []
        matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "replace":
                continue
            for offset, line in enumerate(after[j1:j2]):
                comment = _trailing_comment(line)
                if not comment or comment not in old_comments:
                    continue
                old = before[i1 + offset] if i1 + offset < i2 else ""
                was_empty = _EMPTY_RE.search(old.split(comment)[0]) is not None
                now_empty = _EMPTY_RE.search(line.split(comment)[0]) is not None
                out.append((j1 + offset + 1, comment, was_empty and not now_empty))
        return out


_EMPTY_RE = re.compile(r":\s*(\[\s*\]|\{\s*\}|\"\"|''|null|~)?\s*$")


def _trailing_comment(line: str) -> str | None:
    """The comment a line ends with (``# ...`` after a space, outside quotes), if any."""
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'" and (i == 0 or line[i - 1] in " :[{,"):
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[i:].rstrip() if line[:i].strip() else None
    return None
