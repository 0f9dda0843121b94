"""`dean history` for people: a burn-up chart for the terminal (milestones done per pillar,
stacked, under the milestones counted), the change from the first point to the last, and
the events with the slipped milestones; the same as Markdown. Drawn with Rich alone: the
chart is a grid of block characters, one glyph per pillar (so it reads without colour),
that fits the terminal's width (80 columns and up) with its legend."""

from __future__ import annotations

from typing import TextIO

from rich.cells import cell_len
from rich.text import Text

from deancli.base.i18n import t, tr
from deancli.base.textsafe import safe
from deancli.history import tables
from deancli.history.events import Event
from deancli.history.series import HistoryView
from deancli.render.console import make_console
from deancli.render.views.diff import describe
from deancli.render.views.tables import print_tables
from deancli.render.wrap import print_lines, print_wrapped, wrap, wrap_plain
from deancli.views.table import text_in

GLYPHS = ("█", "▓", "▒", "░", "▚", "▞", "▖", "▗")
STYLES = ("green", "cyan", "magenta", "yellow", "blue", "red", "bright_green", "bright_cyan")
HEIGHT = 10
AXIS = 7  # the y-axis labels and the axis line


def _columns(n: int, room: int) -> tuple[list[int], int]:
    """Which point each chart column shows (the last point of its share), and how many
    characters wide a column is."""
    if n <= room:
        width = max(1, min(3, room // n))
        return list(range(n)), width
    return [min(n - 1, round((j + 1) * n / room) - 1) for j in range(room)], 1


def chart(view: HistoryView, width: int) -> list[Text]:
    lang = view.lang
    points = view.points
    room = max(10, width - AXIS - 1)
    picks, col = _columns(len(points), room)
    numbers = [p.number for p in view.pillars]
    top = max([p.total.counted for p in points] + [1])
    height = min(HEIGHT, max(top, 3))  # below HEIGHT milestones, a row is one milestone
    step = top / height
    out: list[Text] = wrap(Text(t("history_chart", lang), style="bold"), width)
    for r in range(height - 1, -1, -1):
        label = ""
        if r == height - 1:
            label = str(top)
        elif r == height // 2 - 1 and height >= 6:
            label = str(round(top * (r + 1) / height))
        line = Text()
        line.append(f"{label:>{AXIS - 2}} ┤" if label else " " * (AXIS - 2) + " │", style="dim")
        low, high = r * step, (r + 1) * step
        for i in picks:
            p = points[i]
            per = {pp.number: pp.tally.done for pp in p.pillars}
            cum = 0.0
            glyph, style = " ", ""
            mid = (low + high) / 2
            for k, n in enumerate(numbers):
                cum += per.get(n, 0)
                if mid < cum:
                    glyph, style = GLYPHS[k % len(GLYPHS)], STYLES[k % len(STYLES)]
                    break
            if glyph == " " and low < p.total.counted <= high:
                glyph, style = "·", "bold"
            line.append(glyph * col, style=style)
        line.rstrip()
        out.append(line)
    out.append(Text(" " * (AXIS - 2) + "0 ┼" + "─" * (len(picks) * col), style="dim"))
    marks = "".join(("!" if not points[i].valid else " ") * col for i in picks)
    if "!" in marks:
        out.append(Text(" " * AXIS) + Text(marks.rstrip(), style="red bold"))
    first, last = points[0].label, points[-1].label
    span = len(picks) * col
    gap = max(1, span - cell_len(first) - cell_len(last))
    out.append(Text(" " * AXIS + (first + " " * gap + last if first != last else first)))
    out.append(Text())
    for k, info in enumerate(view.pillars):
        name = f"{info.roman} {safe(text_in(info.title, lang))}"
        key = Text(f"  {GLYPHS[k % len(GLYPHS)]} ", style=STYLES[k % len(STYLES)])
        out += wrap(Text(name), width, key, " " * (4 + len(info.roman) + 1))
    out.append(Text("  ·", style="bold") + Text(f" {t('history_counted', lang)}"))
    if "!" in marks:
        out.append(Text("  !", style="red bold") + Text(f" {t('history_invalid_mark', lang)}"))
    return out


def notes(view: HistoryView) -> list[str]:
    """What a reader must know before the figures (raw text: escape for the medium)."""
    lang = view.lang
    out = []
    if view.shallow:
        out.append(t("history_shallow", lang, date=view.starts.isoformat()))
    bad = view.invalid_points
    if bad:
        out.append(t("history_invalid_note", lang, n=bad))
        out += [f"  {line}" for line in tables.invalid_lines(view)]
    return out


def _what(view: HistoryView, e: Event) -> str:
    if e.change.field == "initiative":
        title = text_in(e.title, view.lang)
        if e.change.after:
            return tr("initiative added: {title}", lang=view.lang, title=title)
        return tr("initiative removed: {title}", lang=view.lang, title=title)
    return describe(e.change)


def event_groups(view: HistoryView) -> list[tuple[str, list[str]]]:
    """Per commit, its day and id, then one line per event: ``#8  milestone x: due ...``
    (raw text: escape for the medium)."""
    out: list[tuple[str, list[str]]] = []
    last = None
    for e in view.events or []:
        if e.commit != last:
            out.append((f"{e.date.isoformat()}  {e.commit[:12]}", []))
            last = e.commit
        out[-1][1].append(f"#{e.initiative:<3} {_what(view, e)}")
    return out


def event_lines(view: HistoryView) -> list[str]:
    """One line per event, with its day and commit (raw text: escape for the medium)."""
    return [
        f"{e.date.isoformat()} {e.commit[:12]} #{e.initiative} {_what(view, e)}"
        for e in view.events or []
    ]


def print_terminal(view: HistoryView, out: TextIO, *, color: bool | None) -> None:
    console = make_console(out, color=color)
    lang = view.lang
    width = console.width
    print_wrapped(console, Text(safe(tables.period_text(view)), style="bold"))
    for note in notes(view):
        lead = " " * (len(note) - len(note.lstrip()))
        print_wrapped(console, Text(safe(note.strip()), style="yellow"), first=lead)
    console.print()
    if view.events is not None:
        first, last = view.points[0].label, view.points[-1].label
        heading = t("history_events", lang, first=first, last=last)
        print_wrapped(console, Text(heading, style="bold"))
        groups = event_groups(view)
        if not groups:
            print_wrapped(console, t("history_no_events", lang))
        for head, lines in groups:
            print_wrapped(console, Text(head, style="bold"))
            for line in lines:
                print_lines(console, wrap_plain(safe(line), width, "  ", "       "))
        console.print()
        if view.slips:
            print_tables([tables.slips_table(view)], out, lang, color=color)
        else:
            print_wrapped(console, t("history_no_slips", lang))
        return
    print_lines(console, chart(view, width))
    console.print()
    print_tables([tables.change_table(view)], out, lang, color=color)
