"""Output under CI: whether dean runs under GitHub Actions, and the fence that keeps the
runner from reading workflow commands in text that quotes plan files."""

from __future__ import annotations

import io
import os
import re
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO


def in_actions(environ: dict[str, str] | None = None) -> bool:
    env = os.environ if environ is None else environ
    return env.get("GITHUB_ACTIONS") == "true"


@contextmanager
def fenced(out: TextIO, enabled: bool) -> Iterator[None]:
    """Under GitHub Actions, stop the runner from reading workflow commands in what follows:
    human output quotes plan files, and a value must never become a command. The token is
    random, so file content cannot guess it to turn commands back on."""
    if not enabled:
        yield
        return
    import secrets  # only under GitHub Actions (it costs about 5 ms to import)

    token = secrets.token_hex(16)
    out.write(f"::stop-commands::{token}\n")
    out.flush()
    try:
        yield
    finally:
        out.flush()
        out.write(f"::{token}::\n")
        out.flush()


def stdout_is_file() -> bool:
    """Standard output is a regular file (a redirect), not a CI log."""
    try:
        return stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):
        return False


_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")


def neutralise(text: str) -> str:
    """``text`` with nothing the Actions runner would read as a workflow command, shown
    visibly: a line whose first non-blank characters are ``::`` (the runner trims leading
    whitespace) starts with ``\\x3a:`` instead, and the legacy ``##[`` form, recognised
    anywhere in a line, becomes ``#\\x23[``. For output that cannot be fenced (standard
    error, whose lines interleave with standard output's in the log)."""
    if "::" not in text and "##[" not in text:
        return text
    parts = _LINE_BREAK.split(text)
    for i in range(0, len(parts), 2):  # even items are lines, odd ones the breaks
        line = parts[i]
        stripped = line.lstrip()
        if stripped.startswith("::"):
            cut = len(line) - len(stripped)
            line = f"{line[:cut]}\\x3a{line[cut + 1 :]}"
        parts[i] = line.replace("##[", "#\\x23[")
    return "".join(parts)


class NeutralisedStream(io.TextIOBase):
    """A text stream that writes whole lines through :func:`neutralise` (a partial line
    waits for its end, so a command split across writes is still seen)."""

    def __init__(self, inner: TextIO) -> None:
        super().__init__()
        self.inner = inner
        self._pending = ""

    def write(self, s: str) -> int:
        data = self._pending + s
        head, sep, tail = data.rpartition("\n")
        if sep:
            self.inner.write(neutralise(head + sep))
        self._pending = tail
        return len(s)

    def flush(self) -> None:
        self.inner.flush()

    def finish(self) -> None:
        if self._pending:
            self.inner.write(neutralise(self._pending))
            self._pending = ""
        self.inner.flush()

    def isatty(self) -> bool:
        return self.inner.isatty()

    def fileno(self) -> int:
        return self.inner.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.inner, "encoding", None) or "utf-8"


@contextmanager
def neutralised_stderr(enabled: bool) -> Iterator[None]:
    """Under GitHub Actions, standard error goes through :func:`neutralise` (dean's own
    messages there quote plan text: a refused edit shows the edited lines)."""
    if not enabled:
        yield
        return
    guard = NeutralisedStream(sys.stderr)
    previous, sys.stderr = sys.stderr, guard
    try:
        yield
    finally:
        sys.stderr = previous
        guard.finish()
