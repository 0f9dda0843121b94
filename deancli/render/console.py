"""The one way renderers make a Rich Console: markup, emoji and highlighting off, so that
text from plan files is printed as data; colour only on a terminal and never with NO_COLOR."""

from __future__ import annotations

import os
from typing import TextIO

from rich.console import Console


def make_console(out: TextIO, *, color: bool | None = None, width: int | None = None) -> Console:
    """``color``: True forces colour, False disables it, None decides from the terminal."""
    no_color = color is False or (color is None and "NO_COLOR" in os.environ)
    env_width = os.environ.get("COLUMNS")
    if width is None and env_width and env_width.isdigit():
        width = int(env_width)
    return Console(
        file=out,
        markup=False,
        emoji=False,
        highlight=False,
        no_color=no_color,
        force_terminal=True if color is True else None,
        color_system="auto" if not no_color else None,
        width=width,
        legacy_windows=False,
        soft_wrap=False,
    )
