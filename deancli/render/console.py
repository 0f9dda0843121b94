"""The one way renderers make a Rich Console: markup, emoji and highlighting off, so that
text from plan files is printed as data; colour only on a terminal and never with NO_COLOR.

Rich pads table cells and grids with spaces up to the column's width; a line that ends in
spaces is noise in a diff, a golden file or an editor, so the console writes through
:class:`TrimmedLines`, which drops the spaces at the end of every line (keeping the colour
and link codes that follow them)."""

from __future__ import annotations

import os
import re
from typing import Any, TextIO, cast

from rich.console import Console

# what may end a line after its text: spaces, colour codes (SGR) and OSC 8 link codes
_CODES = r"(?:\x1b\[[0-9;]*m|\x1b\]8;[^\x07\x1b]*(?:\x07|\x1b\\))"
_TAIL = re.compile(rf"(?: |{_CODES})*\Z")
_CODE = re.compile(_CODES)


def _trim(line: str) -> str:
    tail = _TAIL.search(line)
    assert tail is not None  # the pattern matches the empty string
    return line[: tail.start()] + "".join(_CODE.findall(tail.group()))


class TrimmedLines:
    """A text stream that writes to ``out`` without the spaces that end a line. Spaces at the
    end of a write are held back until the next write says whether more text follows them
    on the same line (then they are written) or the line ends (then they are dropped)."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._pending = ""

    def write(self, text: str) -> int:
        data = self._pending + text
        head, newline, last = data.rpartition("\n")
        done = "\n".join(_trim(line) for line in head.split("\n")) + "\n" if newline else ""
        tail = _TAIL.search(last)
        assert tail is not None
        self._pending = tail.group()
        self._out.write(done + last[: tail.start()])
        return len(text)

    def flush(self) -> None:
        # codes held back (a colour reset after trailing spaces) are written now: output
        # that ends without a newline keeps them; the spaces wait for the next write
        codes = "".join(_CODE.findall(self._pending))
        if codes:
            self._out.write(codes)
            self._pending = _CODE.sub("", self._pending)
        self._out.flush()

    def __getattr__(self, name: str) -> Any:  # isatty, encoding, fileno...: the stream's
        return getattr(self._out, name)


def is_terminal(out: TextIO) -> bool:
    """Whether ``out`` is a terminal (``TTY_COMPATIBLE=1`` or ``0`` says so, as for Rich),
    whatever ``--color`` forces: colour and layout are decided apart."""
    declared = os.environ.get("TTY_COMPATIBLE")
    if declared in ("0", "1"):
        return declared == "1"
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def make_console(out: TextIO, *, color: bool | None = None, width: int | None = None) -> Console:
    """``color``: True forces colour, False disables it, None decides from the terminal."""
    no_color = color is False or (color is None and "NO_COLOR" in os.environ)
    env_width = os.environ.get("COLUMNS")
    if width is None and env_width and env_width.isdigit():
        width = int(env_width)
    # a known width with a height: Rich otherwise takes any "dumb" terminal as 80 columns
    env_height = os.environ.get("LINES", "")
    height = int(env_height) if env_height.isdigit() else 25
    return Console(
        file=cast(TextIO, TrimmedLines(out)),
        markup=False,
        emoji=False,
        highlight=False,
        no_color=no_color,
        force_terminal=True if color is True else None,
        color_system="auto" if not no_color else None,
        width=width,
        height=height if width is not None else None,
        legacy_windows=False,
        soft_wrap=False,
    )
