"""Text that fits the width without breaking a word: wrapped at spaces, a word longer than
the line left whole on a line of its own (a URL, a path, an id: breaking one would make it
wrong when copied), and shortening with "…" at a word's end.

Rich wraps at spaces too, but folds a word longer than the line into pieces; these helpers
never do. Widths are terminal cells (``rich.cells.cell_len``), so accents and wide
characters count as they are shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TextIO

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.text import Text

_WORD = re.compile(r"\S+")


def spans(plain: str, width: int, first: int = 0, rest: int | None = None) -> list[tuple[int, int]]:
    """Where to cut ``plain`` into lines of at most ``width`` cells, at spaces: (start, end)
    of each line, without the spaces around it. ``first`` and ``rest`` are the cells taken
    by what precedes the first line and the other lines (an indent, a label)."""
    rest = first if rest is None else rest
    out: list[tuple[int, int]] = []
    start = end = -1
    used = 0
    for m in _WORD.finditer(plain):
        if start < 0:
            start, end = m.start(), m.end()
            used = (rest if out else first) + cell_len(m.group())
            continue
        grown = used + cell_len(plain[end : m.end()])
        if grown <= width:
            end, used = m.end(), grown
        else:
            out.append((start, end))
            start, end = m.start(), m.end()
            used = rest + cell_len(m.group())
    if start >= 0:
        out.append((start, end))
    return out


def wrap(
    text: Text, width: int, first: str | Text = "", rest: str | Text | None = None
) -> list[Text]:
    """``text`` as lines of at most ``width`` cells (styles kept), each after ``first`` (the
    first line) or ``rest`` (the others; default: spaces as wide as ``first``)."""
    lead_rest = " " * _len(first) if rest is None else rest
    out = []
    for n, (a, b) in enumerate(_cuts(text.plain, width, first, lead_rest)):
        lead = first if n == 0 else lead_rest
        out.append((lead.copy() if isinstance(lead, Text) else Text(lead)) + text[a:b])
    return out


def wrap_plain(text: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    """:func:`wrap` for plain strings."""
    lead_rest = " " * _len(first) if rest is None else rest
    cuts = _cuts(text, width, first, lead_rest)
    return [
        f"{first if n == 0 else lead_rest}{text[a:b]}".rstrip() for n, (a, b) in enumerate(cuts)
    ]


def _cuts(plain: str, width: int, first: str | Text, rest: str | Text) -> list[tuple[int, int]]:
    return spans(plain, width, _len(first), _len(rest)) or [(0, 0)]


def _len(text: str | Text) -> int:
    return cell_len(text.plain if isinstance(text, Text) else text)


def shorten(text: str, room: int) -> str:
    """``text`` in at most ``room`` cells: whole when it fits, else cut after a word and
    ended with "…" (mid-word only when its first word alone is too long)."""
    if cell_len(text) <= room:
        return text
    if room < 2:
        return "…"[:room]
    head = set_cell_size(text, room - 1)
    at_space = head[-1:].isspace() or text[len(head) : len(head) + 1].isspace()
    if not at_space:  # the cut falls inside a word
        at = head.rstrip().rfind(" ")
        if at > 0:
            head = head[:at]
    return head.rstrip() + "…"


def print_lines(console: Console, lines: Iterable[Text | str]) -> None:
    """Print lines as they are: never wrapped nor cut again by Rich (a line holding one
    word longer than the terminal is left for the terminal to show whole)."""
    for line in lines:
        console.print(line, soft_wrap=True, crop=False, overflow="ignore")


def print_wrapped(
    console: Console,
    text: Text | str,
    *,
    first: str | Text = "",
    rest: str | Text | None = None,
    style: str = "",
) -> None:
    """Print ``text`` wrapped at spaces to the console's width."""
    body = text if isinstance(text, Text) else Text(text, style=style)
    print_lines(console, wrap(body, console.width, first, rest))


def write_wrapped(out: TextIO, text: str, *, rest: str = "  ") -> None:
    """A line of plain text for people (``would update PATH``) written to ``out`` wrapped
    at spaces to the terminal's width, the continuation indented by ``rest``."""
    from deancli.render.console import make_console

    width = make_console(out, color=False).width
    out.write("\n".join(wrap_plain(text, width, "", rest)) + "\n")
