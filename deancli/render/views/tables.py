"""Terminal rendering of views (Rich). Every cell is a Text object, never markup.

Wide terminals get a table. Below 100 columns, a table with a long text column (titles) is
laid out in two tiers instead: each row's title on its own line across the full width, its
figures on the line(s) below, aligned under one header. That keeps 80 columns readable.
"""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from deancli.base.textsafe import safe
from deancli.render.console import make_console
from deancli.render.wrap import print_lines, wrap
from deancli.views.table import Bar, Cell, Stacked, Table, aligned_right, compact_bars

NARROW = 100


def _style(cell: Cell) -> str | None:
    ratio = cell.ratio if isinstance(cell, Bar | Stacked) else None
    if ratio is None:
        return None
    return "green" if ratio == 1 else "cyan"


def _lines(cell: Cell, lang: str) -> list[str]:
    if isinstance(cell, Stacked):
        return list(cell.lines)
    if isinstance(cell, Bar):
        return [cell.text(lang)]
    return [safe(cell)]


def _cell(cell: Cell, lang: str) -> Text:
    return Text("\n".join(_lines(cell, lang)), style=_style(cell) or "")


def rich_table(view: Table, lang: str) -> RichTable:
    table = RichTable(
        title=Text(safe(view.title), style="bold"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        padding=(0, 1),
        collapse_padding=True,
        show_footer=view.footer is not None,
        caption=Text(safe(view.caption, keep_newlines=True)) if view.caption else None,
        caption_justify="left",
        pad_edge=False,
        expand=False,
    )
    right = aligned_right(view)
    for i, header in enumerate(view.headers):
        wide = i in view.wide
        table.add_column(
            Text(header, style="bold"),
            footer=_cell(view.footer[i], lang) if view.footer else "",
            justify="right" if i in right else "left",
            overflow="fold",
            no_wrap=not (wide or i in view.wrap),
            ratio=1 if wide else None,
            min_width=12 if wide else None,
        )
    for row in view.rows:
        table.add_row(*(_cell(c, lang) for c in row))
    return table


LONG_LABEL = 12  # a first column wider than this (milestone ids) is not kept as a margin


def figure_groups(columns: list[int], widths: dict[int, int], room: int) -> list[list[int]]:
    """The figure columns in consecutive groups, each fitting ``room`` cells on one line
    (two spaces between columns): narrow terminals get the figures on two lines or more,
    rather than one line too long."""
    groups: list[list[int]] = []
    used = 0
    for i in columns:
        if groups and used + 2 + widths[i] <= room:
            groups[-1].append(i)
            used += 2 + widths[i]
        else:
            groups.append([i])
            used = widths[i]
    return groups


def tiered(view: Table, lang: str, width: int) -> list[Text]:
    """The two-tier layout: title line(s), then figures under a shared header. The first
    column labels the title line; when it is short (a date, a number) the figures line up
    after its width, else (ids) they start under it, indented by 2. Figures that do not fit
    one line continue on the next, under a header line of their own."""
    (wide,) = view.wide
    right = aligned_right(view)
    cols = [i for i in range(len(view.headers)) if i != wide]
    rows = view.rows + ([view.footer] if view.footer else [])
    widths = {
        i: max(
            [cell_len(view.headers[i])] + [cell_len(x) for r in rows for x in _lines(r[i], lang)]
        )
        for i in cols
    }
    first = cols[0]
    long_label = widths[first] > LONG_LABEL
    figures = cols[1:] if long_label else cols
    indent = "  " if long_label else " " * (widths[first] + 2)
    groups = figure_groups(figures, widths, width - len(indent))

    def line(group: list[int], cells: dict[int, str], styles: dict[int, str | None]) -> Text:
        out = Text(indent if long_label else "")
        for n, i in enumerate(group):
            value = cells.get(i, "")
            pad = widths[i] - cell_len(value)
            text = " " * pad + value if i in right else value + " " * pad
            if n:
                out.append("  ")
            elif not long_label and i != first:
                out.append(indent)
            out.append(text, style=styles.get(i) or "")
        out.rstrip()
        return out

    out = wrap(Text(safe(view.title), style="bold"), width)
    out.append(Text())
    headers = []
    for group in groups:
        header = line(group, {i: view.headers[i] for i in group}, {})
        header.stylize("bold")
        headers.append(header)
    if long_label:
        lead = Text(view.headers[first].ljust(widths[first]) + "  ", style="bold")
    else:
        lead = Text(indent[:-2] + "  ")
    out += wrap(Text(view.headers[wide], style="bold"), width, lead)
    out += headers
    rule = max(cell_len(h.plain) for h in headers)
    out.append(Text("─" * min(width, max(rule, 20)), style="dim"))
    for r_index, row in enumerate(rows):
        is_footer = view.footer is not None and r_index == len(rows) - 1
        label = safe(row[first]) if isinstance(row[first], str) else ""
        title = Text(_lines(row[wide], lang)[0], style="bold" if is_footer else "")
        if long_label:  # the rest wraps under the figures' margin
            out += wrap(title, width, Text(label + "  "), Text(indent))
        else:
            out += wrap(title, width, Text(label.ljust(widths[first]) + "  "), Text(indent))
        depth = max(len(_lines(row[i], lang)) for i in cols if i != first)
        styles = {i: _style(row[i]) for i in cols}
        for group in groups:
            for k in range(depth):
                cells = {}
                for i in group:
                    if i == first:
                        continue
                    lines = _lines(row[i], lang)
                    cells[i] = lines[k] if k < len(lines) else ""
                if any(cells.values()):
                    out.append(line(group, cells, styles))
        if r_index < len(rows) - 1:
            out.append(Text())
    if view.caption:
        out.append(Text())
        for caption_line in safe(view.caption, keep_newlines=True).splitlines():
            out += wrap(Text(caption_line), width) if caption_line.strip() else [Text()]
    return out


WIDE_MIN = 40  # the long text column needs at least this much for a table to read well


def _fits(view: Table, lang: str, width: int) -> bool:
    """Whether the columns other than the long text one leave it ``WIDE_MIN`` columns."""
    (wide,) = view.wide
    rows = view.rows + ([view.footer] if view.footer else [])
    others = [
        max([cell_len(view.headers[i])] + [cell_len(x) for r in rows for x in _lines(r[i], lang)])
        for i in range(len(view.headers))
        if i != wide
    ]
    return sum(others) + 3 * len(view.headers) + WIDE_MIN <= width


def render(console: Console, view: Table, lang: str) -> None:
    view = compact_bars(view, lang)
    if len(view.wide) == 1 and (console.width < NARROW or not _fits(view, lang, console.width)):
        print_lines(console, tiered(view, lang, console.width))
        return
    console.print(rich_table(view, lang))


def print_tables(
    views: list[Table], out: TextIO, lang: str, *, color: bool | None, width: int | None = None
) -> None:
    console = make_console(out, color=color, width=width)
    for i, view in enumerate(views):
        if i:
            console.print()
        render(console, view, lang)


def terminal_choice(out: TextIO, color: bool | None) -> tuple[bool, int]:
    """Whether output to ``out`` gets colour, and how wide it is: decided once against the
    real stream, for output rendered into a buffer first (for the pager)."""
    console = make_console(out, color=color)
    return console.color_system is not None, console.width


def print_fields(
    heading: str, fields: list[tuple[str, str]], out: TextIO, *, color: bool | None
) -> None:
    console = make_console(out, color=color)
    console.print(Text(safe(heading), style="bold"))
    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in fields:
        grid.add_row(Text(safe(label)), Text(safe(value)))
    console.print(grid)
    console.print()
