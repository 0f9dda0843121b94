"""`dean show`: one initiative in full, for the terminal (Rich) and as Markdown."""

from __future__ import annotations

import datetime as dt
from typing import TextIO

from rich.table import Table as RichTable
from rich.text import Text

from deancli import views
from deancli.i18n import t
from deancli.model import Initiative, Plan
from deancli.render import markdown
from deancli.render.console import make_console
from deancli.render.tables import print_fields, render
from deancli.textsafe import safe


def heading(ini: Initiative, lang: str) -> str:
    return f"{ini.label} · {views.text_in(ini.title, lang)}"


def print_terminal(
    plan: Plan, ini: Initiative, as_of: dt.date, lang: str, out: TextIO, *, color: bool | None
) -> None:
    print_fields(heading(ini, lang), views.show_fields(plan, ini, as_of, lang), out, color=color)
    console = make_console(out, color=color)
    render(console, views.milestone_table(plan, ini, as_of, lang), lang)
    indicators = views.indicator_table(ini, lang)
    if indicators is not None:
        console.print()
        render(console, indicators, lang)
    console.print()
    console.print(Text(t("sources", lang), style="bold"))
    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(overflow="fold")
    for src in views.cited_sources(plan, ini):
        details = Text(safe(src.title))
        meta = " · ".join(safe(x) for x in (src.publisher, src.date or "") if x)
        details.append("\n" + meta, style="dim")
        if src.url:
            details.append("\n" + safe(src.url))
        grid.add_row(Text(safe(src.id)), details)
    console.print(grid)


def render_markdown(plan: Plan, ini: Initiative, as_of: dt.date, lang: str) -> str:
    parts = [markdown.render_fields(heading(ini, lang), views.show_fields(plan, ini, as_of, lang))]
    parts.append(markdown.render_table(views.milestone_table(plan, ini, as_of, lang), lang))
    indicators = views.indicator_table(ini, lang)
    if indicators is not None:
        parts.append("\n" + markdown.render_table(indicators, lang))
    parts.append("\n" + markdown.render_table(views.source_table(plan, ini, lang), lang))
    return "".join(parts)
