"""`dean timeline`: milestones on a time axis (a Gantt-like chart) in the terminal.

Glyphs differ as well as colours, so the chart reads the same with NO_COLOR:
done ●, upcoming ○, in progress ◐, overdue !, unknown ?, cancelled ×, outside event ◆;
an imprecise date (month, quarter, year) is drawn as a span ═ over its period; ┊ is today.
"""

from __future__ import annotations

import datetime as dt
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from deancli.base.i18n import t
from deancli.base.textsafe import safe
from deancli.render.console import make_console
from deancli.views.table import text_in
from deancli.views.timeline import TimelineItem

GLYPH = {
    "done": ("●", "green"),
    "upcoming": ("○", "cyan"),
    "in_progress": ("◐", "cyan"),
    "overdue": ("!", "bold red"),
    "unknown": ("?", "yellow"),
    "cancelled": ("×", "dim"),
    "context": ("◆", "dim"),
    "undated": ("○", "cyan"),
}
LEGEND = {
    "es": "● cumplido  ○ próximo  ◐ en curso  ! vencido  ? sin información  × cancelado  "
    "◆ contexto  ═ fecha imprecisa (mes, trimestre, año)  ┊ hoy",
    "en": "● done  ○ upcoming  ◐ in progress  ! overdue  ? unknown  × cancelled  "
    "◆ outside event  ═ imprecise date (month, quarter, year)  ┊ today",
}


def _clip(text: str, width: int) -> str:
    if len(text) <= width and text.isascii() and text.isprintable():  # one cell a character
        return text + " " * (width - len(text))
    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    out = ""
    for ch in text:
        if cell_len(out + ch) > width - 1:
            break
        out += ch
    return out + "…" + " " * (width - 1 - cell_len(out))


def _print_lines(console: Console, out: TextIO, lines: list[Text]) -> None:
    """Print chart lines: as their text when there is no colour (what Rich would print for
    them, without its per-segment work), else through Rich, several at a time."""
    if not lines:
        return
    if console.color_system is None and not console.is_terminal:
        out.write("".join(line.plain + "\n" for line in lines))
        return
    console.print(Text("\n").join(lines), soft_wrap=True)


def render(
    items: list[TimelineItem],
    undated: int,
    as_of: dt.date,
    lang: str,
    out: TextIO,
    *,
    color: bool | None,
) -> None:
    console = make_console(out, color=color)
    width = max(60, console.width)
    console.print(Text(t("timeline_title", lang, date=as_of.isoformat()), style="bold"))
    if not items:
        console.print(t("no_initiatives", lang))
        return
    work = [i for i in items if i.state != "context"] or items
    first_year = min(i.start.year for i in work)
    last_year = max(max(i.end.year for i in items), as_of.year)
    start = dt.date(first_year, 1, 1)
    end = dt.date(last_year, 12, 31)
    label_w = min(44, max(32, width // 3))  # id, then the date as written (10 cells)
    if width >= 100:  # room for whole milestone ids (what `dean set -m` takes)
        longest = max(cell_len(safe(i.milestone.id)) for i in items)
        label_w = max(label_w, min(longest + 13, width // 2))
    axis_w = width - label_w - 1
    span_days = (end - start).days + 1

    def col(day: dt.date) -> int:
        c = (day - start).days * axis_w // span_days
        return max(0, min(axis_w - 1, c))

    # year ruler
    ruler = [" "] * axis_w
    ticks = [" "] * axis_w
    for year in range(first_year, last_year + 1):
        c = col(dt.date(year, 1, 1))
        label = str(year) if axis_w // max(1, last_year - first_year + 1) >= 5 else str(year)[2:]
        if all(ruler[c + k] == " " for k in range(min(len(label), axis_w - c))):
            for k, ch in enumerate(label[: axis_w - c]):
                ruler[c + k] = ch
        ticks[c] = "╷"
    today = col(as_of)
    console.print(Text(" " * (label_w + 1) + "".join(ruler)), soft_wrap=True)
    console.print(Text(" " * (label_w + 1) + "".join(ticks), style="dim"), soft_wrap=True)
    current = None
    # lines are printed in batches (one print per line cost more than building them) and
    # each line's axis is appended as runs of one style, not cell by cell
    batch: list[Text] = []
    for item in items:
        if item.initiative is not current:
            current = item.initiative
            head = f"{current.label} {text_in(current.title, lang)}"
            batch.append(Text(_clip(safe(head), width).rstrip(), style="bold"))
        glyph, style = GLYPH.get(item.state, ("○", "cyan"))
        # the axis: spaces but for today's mark and the milestone's span (drawn over it)
        marks: dict[int, tuple[str, str]] = {today: ("┊", "magenta")}
        a, b = col(item.start), col(item.end)
        if item.end >= start:
            marks.update(dict.fromkeys(range(a, b), ("═", style)))
            marks[b] = (glyph, style)
        else:
            marks[0] = ("◂", style)
        line = Text(" " + _clip(safe(item.milestone.id), label_w - 12) + " ")
        line.append(_clip(safe(item.label), 10), style="dim")
        line.append(" ")
        run, run_style, at = "", "", 0
        for c in sorted(marks):
            ch, st = marks[c]
            if c > at:  # spaces before it
                if run_style and run:
                    line.append(run, style=run_style)
                    run = ""
                run, run_style = run + " " * (c - at), ""
            if st != run_style and run:
                line.append(run, style=run_style)
                run = ""
            run, run_style, at = run + ch, st, c + 1
        if at < axis_w:
            if run_style and run:
                line.append(run, style=run_style)
                run = ""
            run, run_style = run + " " * (axis_w - at), ""
        line.append(run, style=run_style)
        line.rstrip()
        batch.append(line)
        if len(batch) >= 200:
            _print_lines(console, out, batch)
            batch = []
    _print_lines(console, out, batch)
    console.print()
    console.print(Text(LEGEND[lang], style="dim"), overflow="fold")
    if undated:
        console.print(Text(t("undated_hidden", lang, n=undated), style="dim"))
