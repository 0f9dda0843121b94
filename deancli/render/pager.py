"""Show long output through a pager on a terminal, the way git and gh do.

The pager is ``$DEAN_PAGER``, else ``$PAGER``, else ``less``; an empty value or ``cat``
turns paging off, as does ``--no-pager``. ``less`` gets ``LESS=FRX`` unless the user set
LESS (quit when the text fits one screen, keep colours, leave the text on the screen).
Output that fits the terminal, or that goes to a pipe or a file, is written directly.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
from collections.abc import Mapping
from typing import TextIO


def pager_command(environ: Mapping[str, str]) -> list[str] | None:
    for var in ("DEAN_PAGER", "PAGER"):
        if var in environ:
            raw = environ[var].strip()
            break
    else:
        raw = "less"
    if raw in ("", "cat"):
        return None
    try:
        argv = shlex.split(raw)
    except ValueError:
        return None
    return argv or None


def _is_terminal(out: TextIO) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def page(
    text: str, out: TextIO, *, enabled: bool = True, environ: Mapping[str, str] | None = None
) -> None:
    """Write ``text`` to ``out``, through the pager when that is wanted and useful."""
    env = os.environ if environ is None else environ
    argv = pager_command(env) if enabled and _is_terminal(out) else None
    if argv is None or text.count("\n") < shutil.get_terminal_size().lines:
        out.write(text)
        return
    child_env = dict(env)
    child_env.setdefault("LESS", "FRX")
    child_env.setdefault("LV", "-c")
    out.flush()  # anything already printed comes before the pager's screen
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, env=child_env)
    except OSError:  # no such pager: print as usual
        out.write(text)
        return
    assert proc.stdin is not None
    with contextlib.suppress(BrokenPipeError):  # the reader quit the pager early
        proc.stdin.write(text.encode(getattr(out, "encoding", None) or "utf-8", "replace"))
    with contextlib.suppress(BrokenPipeError):
        proc.stdin.close()
    while True:
        try:
            proc.wait()
            return
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager, as with git
            continue
