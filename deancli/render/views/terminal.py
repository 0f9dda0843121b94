"""Views for the terminal (Rich): tables that fit the width, long listings paged, the
timeline on a time axis, and `diff` as text."""

from __future__ import annotations

import io
from typing import TextIO

from deancli.base.i18n import t
from deancli.history.diff import PlanDiff
from deancli.history.series import HistoryView
from deancli.render import pager
from deancli.render.views import listing, tables
from deancli.render.views.base import Unsupported, View
from deancli.render.views.diff import render_text
from deancli.render.views.show import print_terminal
from deancli.render.views.timeline import render as render_timeline
from deancli.views.show import ShowView
from deancli.views.status import StatusView
from deancli.views.timeline import TimelineView


class TerminalRenderer:
    def __init__(self, out: TextIO, *, color: bool | None = None, pager: bool = True) -> None:
        self.out = out
        self.color = color
        self.pager = pager

    def render(self, view: View) -> None:
        if isinstance(view, StatusView):
            self.status(view)
        elif isinstance(view, ShowView):
            print_terminal(view, self.out, color=self.color)
        elif isinstance(view, TimelineView):
            render_timeline(
                view.items, view.undated, view.as_of, view.lang, self.out, color=self.color
            )
        elif isinstance(view, PlanDiff):
            render_text(view, self.out, color=self.color)
        elif isinstance(view, HistoryView):
            from deancli.render.views.history import print_terminal as print_history

            print_history(view, self.out, color=self.color)
        else:
            raise Unsupported(type(view).__name__)

    def status(self, view: StatusView) -> None:
        table = view.table()
        long = view.long_summary()
        if long is None:
            tables.print_tables([table], self.out, view.lang, color=self.color)
            return
        # thousands of rows: totals first, then one line per initiative, paged on a terminal
        # (see docs/performance.md, "Big views")
        use_color, width = tables.terminal_choice(self.out, self.color)
        buf = io.StringIO()
        tables.print_tables([long], buf, view.lang, color=use_color, width=width)
        note = t("listing_note", view.lang, n=f"{len(table.rows):,}")
        buf.write("\n")
        for line in listing.lines(table, view.lang, width=width, color=use_color, note=note):
            buf.write(line + "\n")
        pager.page(buf.getvalue(), self.out, enabled=self.pager)
