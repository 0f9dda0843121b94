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
from deancli.render.wrap import print_lines, print_wrapped, wrap
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


def legend_lines(lang: str, width: int) -> list[str]:
    """The legend wrapped between its entries, never inside one (``◆ outside event``)."""
    lines: list[str] = []
    for entry in LEGEND[lang].split("  "):
        if lines and cell_len(lines[-1]) + 2 + cell_len(entry) <= width:
            lines[-1] += "  " + entry
        else:
            lines.append(entry)
    return lines


def _label_width(items: list[TimelineItem], width: int, years: int) -> int:
    """The cells before the axis: a space, the milestone id, a space, the date (10 cells)
    and a space. Wide terminals keep whole ids there; narrower ones leave the axis at least
    6 cells a year (room for whole years on the ruler), and an id longer than its room
    goes on a line of its own above its bar."""
    longest = max(cell_len(safe(i.milestone.id)) for i in items)
    if width >= 100:
        label_w = min(44, max(32, width // 3))
        return max(label_w, min(longest + 13, width // 2))
    return max(24, min(longest + 13, width - 1 - max(30, 6 * years)))


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
    print_wrapped(console, Text(t("timeline_title", lang, date=as_of.isoformat()), style="bold"))
    if not items:
        print_wrapped(console, t("no_initiatives", lang))
        return
    work = [i for i in items if i.state != "context"] or items
    first_year = min(i.start.year for i in work)
    last_year = max(max(i.end.year for i in items), as_of.year)
    start = dt.date(first_year, 1, 1)
    end = dt.date(last_year, 12, 31)
    label_w = _label_width(items, width, last_year - first_year + 1)
    id_room = label_w - 12
    axis_w = width - label_w - 1
    span_days = (end - start).days + 1

    def col(day: dt.date) -> int:
        c = (day - start).days * axis_w // span_days
        return max(0, min(axis_w - 1, c))

    # year ruler: whole years, where there is room for them (with a space either side)
    ruler = [" "] * axis_w
    ticks = [" "] * axis_w
    for year in range(first_year, last_year + 1):
        c = col(dt.date(year, 1, 1))
        label = str(year)
        room = range(max(0, c - 1), min(axis_w, c + len(label) + 1))
        if c + len(label) <= axis_w and all(ruler[k] == " " for k in room):
            for k, ch in enumerate(label):
                ruler[c + k] = ch
        ticks[c] = "╷"
    today = col(as_of)
    lines: list[Text] = [
        Text((" " * (label_w + 1) + "".join(ruler)).rstrip()),
        Text(" " * (label_w + 1) + "".join(ticks), style="dim"),
    ]
    current = None
    for item in items:
        if item.initiative is not current:
            current = item.initiative
            head = f"{current.label} {text_in(current.title, lang)}"
            lines += wrap(Text(safe(head), style="bold"), width, "", "  ")
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
        mid = safe(item.milestone.id)
        if cell_len(mid) > id_room:  # a whole id on its own line, rather than a cut one
            lines.append(Text(" " + mid))
            mid = ""
        line = Text(" " + _clip(mid, id_room) + " ")
        line.append(_clip(safe(item.label), 10), style="dim")
        line.append(" ")
        for ch, st in cells:
            line.append(ch, style=st)
        line.rstrip()
        lines.append(line)
    lines.append(Text())
    lines += [Text(x, style="dim") for x in legend_lines(lang, width)]
    if undated:
        lines += wrap(Text(t("undated_hidden", lang, n=undated), style="dim"), width)
    print_lines(console, lines)
