"""`dean show` for the terminal: key facts, tables, and the sources with their links."""

from __future__ import annotations

from typing import TextIO

from rich.table import Table as RichTable
from rich.text import Text

from deancli.base.i18n import t
from deancli.base.textsafe import safe
from deancli.render.console import make_console
from deancli.render.views.tables import print_fields, render
from deancli.views.show import ShowView


def print_terminal(view: ShowView, out: TextIO, *, color: bool | None) -> None:
    lang = view.lang
    print_fields(view.heading(), view.fields(), out, color=color)
    console = make_console(out, color=color)
    render(console, view.milestones(), lang)
    notes = view.milestone_notes()
    if notes is not None:
        console.print()
        render(console, notes, lang)
    indicators = view.indicators()
    if indicators is not None:
        console.print()
        render(console, indicators, lang)
    console.print()
    console.print(Text(t("sources", lang), style="bold"))
    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(overflow="fold")
    for src in view.cited_sources():
        details = Text(safe(src.title))
        meta = " · ".join(safe(x) for x in (src.publisher, src.date or "") if x)
        details.append("\n" + meta, style="dim")
        if src.url:
            details.append("\n" + safe(src.url))
        grid.add_row(Text(safe(src.id)), details)
    console.print(grid)
