"""Long listings, one line per row: no Rich table and no per-row layout beyond padding
strings, so thousands of rows print in milliseconds (a Rich table costs about 1 ms a row).
The wide column (titles) comes last and is cut with "…" to fit the width. Below 100
columns each row takes two lines instead: its title, then its figures. Every cell from a
plan file passes through :func:`deancli.textsafe.safe`."""

from __future__ import annotations

from rich.cells import cell_len

from deancli.base.i18n import t
from deancli.base.textsafe import safe
from deancli.render.views.tables import figure_groups
from deancli.render.wrap import shorten, wrap_plain
from deancli.views.table import Bar, Cell, Stacked, Table, aligned_right

BOLD, DIM, GREEN, CYAN, RESET = "\x1b[1m", "\x1b[2m", "\x1b[32m", "\x1b[36m", "\x1b[0m"
MIN_TITLE = 20
NARROW = 100


def _text(cell: Cell, lang: str) -> str:
    if isinstance(cell, Bar):
        pct = cell.percent()
        return f"{pct}%" if pct is not None else t("na", lang)
    if isinstance(cell, Stacked):
        return " ".join(cell.lines)
    return safe(cell)


def _color(cell: Cell) -> str:
    if isinstance(cell, Bar) and cell.ratio is not None:
        return GREEN if cell.ratio == 1 else CYAN
    return ""


def _fit(title: str, room: int) -> str:
    return shorten(title, room)


def lines(view: Table, lang: str, *, width: int, color: bool, note: str | None = None) -> list[str]:
    """The listing as lines of text (ANSI colour codes only when ``color``); ``note`` goes
    under the title."""
    wide = min(view.wide) if view.wide else None
    two_tier = wide is not None and width < NARROW
    cols = [i for i in range(len(view.headers)) if i != wide]
    label = cols[0] if two_tier else None  # the id: on the title line when two-tier
    figures = [i for i in cols if i != label]
    texts = [{i: _text(row[i], lang) for i in cols} for row in view.rows]
    sizes = {i: max([cell_len(view.headers[i])] + [cell_len(r[i]) for r in texts]) for i in cols}
    right = aligned_right(view)
    bold, dim, reset = (BOLD, DIM, RESET) if color else ("", "", "")

    def pad(i: int, value: str) -> str:
        gap = " " * (sizes[i] - cell_len(value))
        return gap + value if i in right else value + gap

    def figure_line(
        row: list[Cell] | None, cells: dict[int, str], group: list[int] | None = None
    ) -> str:
        parts = []
        for i in figures if group is None else group:
            shade = _color(row[i]) if color and row is not None else ""
            parts.append(f"{shade}{pad(i, cells[i])}{reset if shade else ''}")
        return "  ".join(parts)

    headers = {i: view.headers[i] for i in cols}
    out = [f"{bold}{line}{reset}" for line in wrap_plain(safe(view.title), width)]
    if note:
        out += [f"{dim}{line}{reset}" for line in wrap_plain(note, width)]
    out.append("")
    if two_tier:
        assert label is not None and wide is not None
        indent = " " * (sizes[label] + 2)
        room = max(MIN_TITLE, width - len(indent))
        groups = figure_groups(figures, sizes, width - len(indent))
        rule = min(
            width,
            len(indent) + max(sum(sizes[i] for i in g) + 2 * len(g) - 2 for g in groups),
        )
        out.append(f"{bold}{pad(label, view.headers[label])}  {view.headers[wide]}{reset}")
        for g in groups:
            out.append(f"{bold}{indent}{figure_line(None, headers, g).rstrip()}{reset}")
        out.append(f"{dim}{'─' * rule}{reset}")
        for row, cells in zip(view.rows, texts, strict=True):
            out.append(f"{pad(label, cells[label])}  {_fit(_text(row[wide], lang), room)}".rstrip())
            for g in groups:
                out.append(f"{indent}{figure_line(row, cells, g)}".rstrip())
    else:
        fixed = sum(sizes.values()) + 2 * len(cols)
        room = max(MIN_TITLE, width - fixed)
        header = figure_line(None, headers)
        if wide is not None:
            header += "  " + view.headers[wide]
        out.append(f"{bold}{header.rstrip()}{reset}")
        out.append(f"{dim}{'─' * min(width, fixed + room)}{reset}")
        for row, cells in zip(view.rows, texts, strict=True):
            line = figure_line(row, cells)
            if wide is not None:
                line += "  " + _fit(_text(row[wide], lang), room)
            out.append(line.rstrip())
    if view.caption:
        out.append("")
        for line in safe(view.caption, keep_newlines=True).splitlines():
            out += wrap_plain(line, width) if line.strip() else [""]
    return out
