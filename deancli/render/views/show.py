"""`dean show` for the terminal: key facts, tables, and the sources with their links.

A URL is never broken: each source's title is a hyperlink (OSC 8) on a colour terminal, and
its URL is printed once, whole: in the details column when it fits there, else on a line of
its own from the first column (a URL longer than the terminal is left for the terminal to
show; copying it, or clicking it where the terminal recognises URLs, gives it whole). On
terminals narrower than ``WIDE`` columns the sources are a list (id, then its details
indented) instead of a two-column table.
"""

from __future__ import annotations

from typing import Any, TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text

from deancli.base.i18n import t
from deancli.base.textsafe import link_target, safe
from deancli.render.console import make_console
from deancli.render.views.tables import print_fields, render
from deancli.render.wrap import print_lines, wrap
from deancli.views.show import ShowView

WIDE = 100  # from this width, sources are a table when the ids leave room for the details
DETAILS_MIN = 48  # the least room the details column needs


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
    print_sources(console, view.cited_sources(), lang)


def source_lines(src: Any, width: int, indent: int) -> list[Text]:
    """A source's details: its title (a link when its URL may be one), publisher and date,
    and the URL; wrapped at spaces to ``width`` after ``indent`` cells."""
    pad = " " * indent
    target = link_target(src.url) if src.url else None
    title = Text(safe(src.title), style=Style(link=target) if target else "")
    lines = wrap(title, width, pad)
    meta = " · ".join(safe(x) for x in (src.publisher, src.date or "") if x)
    if meta:
        lines += wrap(Text(meta, style="dim"), width, pad)
    if src.url:
        url = safe(src.url)
        whole = indent + cell_len(url) <= width
        lines.append(Text(pad if whole else "") + Text(url, style=Style(link=target, dim=True)))
    return lines


def print_sources(console: Console, sources: list[Any], lang: str) -> None:
    width = console.width
    heading = Text(t("sources", lang), style="bold")
    ids = [safe(src.id) for src in sources]
    column = max((cell_len(i) for i in ids), default=0) + 2
    if width >= WIDE and width - column >= DETAILS_MIN:  # a table: id, then details
        print_lines(console, [heading])
        for src, sid in zip(sources, ids, strict=True):
            details = source_lines(src, width, column)
            first = details[0]
            details[0] = Text(sid.ljust(column), style="bold") + first[column:]
            print_lines(console, details)
        return
    print_lines(console, [heading, Text()])  # a list: the id, then its details indented
    for n, (src, sid) in enumerate(zip(sources, ids, strict=True)):
        if n:
            print_lines(console, [Text()])
        print_lines(console, [Text(sid, style="bold"), *source_lines(src, width, 2)])
