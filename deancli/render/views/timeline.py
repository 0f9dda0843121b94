"""`dean timeline`: milestones on a time axis (a Gantt-like chart) in the terminal.

Glyphs differ as well as colours, so the chart reads the same with NO_COLOR:
done ●, upcoming ○, in progress ◐, overdue !, unknown ?, cancelled ×, outside event ◆;
an imprecise date (month, quarter, year) is drawn as a span ═ over its period; ┊ is today.
"""

from __future__ import annotations

import datetime as dt
from typing import TextIO

from rich.cells import cell_len
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
    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    out = ""
    for ch in text:
        if cell_len(out + ch) > width - 1:
            break
        out += ch
    return out + "…" + " " * (width - 1 - cell_len(out))


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
        cells: list[tuple[str, str]] = [(" ", "")] * axis_w
        cells[today] = ("┊", "magenta")
        a, b = col(item.start), col(item.end)
        clipped = item.end < start
        if not clipped:
            for c in range(a, b):
                cells[c] = ("═", style)
            cells[b] = (glyph, style)
        else:
            cells[0] = ("◂", style)
        line = Text(" " + _clip(safe(item.milestone.id), label_w - 12) + " ")
        line.append(_clip(safe(item.label), 10), style="dim")
        line.append(" ")
        run, run_style = "", ""
        for ch, st in cells:
            if st != run_style and run:
                line.append(run, style=run_style)
                run = ""
            run, run_style = run + ch, st
        line.append(run, style=run_style)
        line.rstrip()
        batch.append(line)
        if len(batch) >= 200:
            console.print(Text("\n").join(batch), soft_wrap=True)
            batch = []
    if batch:
        console.print(Text("\n").join(batch), soft_wrap=True)
    console.print()
    console.print(Text(LEGEND[lang], style="dim"), overflow="fold")
    if undated:
        console.print(Text(t("undated_hidden", lang, n=undated), style="dim"))
