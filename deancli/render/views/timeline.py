"""`dean timeline`: milestones on a time axis (a Gantt-like chart) in the terminal.

Glyphs differ as well as colours, so the chart reads the same with NO_COLOR:
done ●, upcoming ○, in progress ◐, overdue !, unknown ?, cancelled ×, context ◆;
an imprecise date (month, quarter, year) is drawn as a span ═ over its period; ┊ is today;
◂ stands at the left edge for a milestone that ends before the axis starts. The legend
lists every mark the chart draws, and only those (docs/output.md).
"""

from __future__ import annotations

import datetime as dt
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from deancli.base.i18n import N_, long_date, milestone_status, t, tr
from deancli.base.textsafe import safe
from deancli.render.console import make_console
from deancli.render.wrap import print_wrapped, wrap
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
# the legend's order; the marks that are not states
LEGEND_ORDER = (
    "done",
    "upcoming",
    "in_progress",
    "overdue",
    "unknown",
    "cancelled",
    "context",
    "span",
    "before",
    "today",
)
_MARKS = {
    "span": ("═", N_("imprecise date (month, quarter, year)")),
    "before": ("◂", N_("ends before the axis starts")),
    "today": ("┊", N_("today")),
}


def legend(drawn: set[str], lang: str) -> list[str]:
    """``● done``, ``═ imprecise date``...: one entry per mark in ``drawn`` (states and the
    keys of ``_MARKS``), in a fixed order."""
    out = []
    for key in LEGEND_ORDER:
        if key not in drawn:
            continue
        if key in _MARKS:
            glyph, label = _MARKS[key]
            out.append(f"{glyph} {tr(label, lang=lang)}")
        else:
            out.append(f"{GLYPH[key][0]} {milestone_status(key, lang)}")
    return out


def _wrapped(entries: list[str], width: int) -> list[str]:
    """Entries two spaces apart, on as few lines as fit ``width``; never split inside one."""
    lines: list[str] = []
    for entry in entries:
        if lines and cell_len(lines[-1]) + 2 + cell_len(entry) <= width:
            lines[-1] += "  " + entry
        else:
            lines.append(entry)
    return lines


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


def _print_lines(console: Console, lines: list[Text]) -> None:
    """Print chart lines: as their text when there is no colour (what Rich would print for
    them, without its per-segment work), else through Rich, several at a time."""
    if not lines:
        return
    if console.color_system is None and not console.is_terminal:
        console.file.write("".join(line.plain + "\n" for line in lines))
        return
    console.print(Text("\n").join(lines), soft_wrap=True, crop=False, overflow="ignore")


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
    print_wrapped(
        console, Text(t("timeline_title", lang, date=long_date(as_of, lang)), style="bold")
    )
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
    drawn = {"today"}
    lines: list[Text] = [
        Text((" " * (label_w + 1) + "".join(ruler)).rstrip()),
        Text(" " * (label_w + 1) + "".join(ticks), style="dim"),
    ]
    current = None
    # lines are printed at once (one print per line cost more than building them) and each
    # line's axis is appended as runs of one style, not cell by cell
    for item in items:
        if item.initiative is not current:
            current = item.initiative
            head = f"{current.label} {text_in(current.title, lang)}"
            lines += wrap(Text(safe(head), style="bold"), width, "", "  ")
        state = item.state if item.state in GLYPH else "upcoming"
        glyph, style = GLYPH[state]
        drawn.add("upcoming" if state == "undated" else state)
        # the axis: spaces but for today's mark and the milestone's span (drawn over it)
        marks: dict[int, tuple[str, str]] = {today: ("┊", "magenta")}
        a, b = col(item.start), col(item.end)
        if item.end >= start:
            marks.update(dict.fromkeys(range(a, b), ("═", style)))
            if b > a:
                drawn.add("span")
            marks[b] = (glyph, style)
        else:
            marks[0] = ("◂", style)
            drawn.add("before")
        mid = safe(item.milestone.id)
        if cell_len(mid) > id_room:  # a whole id on its own line, rather than a cut one
            lines.append(Text(" " + mid))
            mid = ""
        line = Text(" " + _clip(mid, id_room) + " ")
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
        lines.append(line)
    lines.append(Text())
    lines += [Text(x, style="dim") for x in _wrapped(legend(drawn, lang), width)]
    if undated:
        lines += wrap(Text(t("undated_hidden", lang, n=undated), style="dim"), width)
    _print_lines(console, lines)
