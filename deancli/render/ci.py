"""Output under CI: whether dean runs under GitHub Actions, and the fence that keeps the
runner from reading workflow commands in text that quotes plan files."""

from __future__ import annotations

import os
import secrets
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
