"""CSV for spreadsheets (`status`: its table; `show`: the milestones; `history`): UTF-8 with
a byte-order mark (so spreadsheet programs keep the accents), one header row of stable column
names (docs/output.md), numbers in columns of their own (never ``12/18`` nor a dash: a
spreadsheet reads the first as a date and cannot sum the second), no Rich. Cells that a
spreadsheet would run as a formula are prefixed with an apostrophe (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io
from typing import TextIO

from deancli.base.textsafe import safe
from deancli.history.series import HistoryView
from deancli.render.views.base import Unsupported, View
from deancli.views.show import ShowView
from deancli.views.status import StatusView
from deancli.views.status_csv import NUMERIC_CSV, status_csv
from deancli.views.table import Bar, Cell, Stacked, Table

BOM = "\ufeff"


def _cell(cell: Cell) -> str:
    if isinstance(cell, Bar):
        pct = cell.percent()
        return "" if pct is None else str(pct)
    text = " ".join(cell.lines) if isinstance(cell, Stacked) else safe(cell)
    if text[:1] in ("=", "+", "-", "@"):
        text = "'" + text
    return text


def render(view: Table, made: frozenset[int] = frozenset()) -> str:
    """``made``: columns whose cells dean wrote itself (numbers, dates, commit ids), written
    as they are; every other cell is escaped. Long tables (dean history) save most of
    their time there."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(view.headers)
    for row in view.rows:
        writer.writerow([c if i in made else _cell(c) for i, c in enumerate(row)])
    if view.footer:
        writer.writerow([_cell(c) for c in view.footer])
    return buf.getvalue()


def write(view: Table, out: TextIO, made: frozenset[int] = frozenset()) -> None:
    out.write(BOM + render(view, made))


class CsvRenderer:
    def __init__(self, out: TextIO, *, color: bool | None = None, pager: bool = True) -> None:
        self.out = out

    def render(self, view: View) -> None:
        if isinstance(view, StatusView):
            table = status_csv(view)
            numbers = frozenset(i for i, h in enumerate(table.headers) if h in NUMERIC_CSV)
            write(table, self.out, numbers)
        elif isinstance(view, ShowView):
            write(view.csv_table(), self.out)
        elif isinstance(view, HistoryView):
            from deancli.history import tables

            if view.events is not None:
                write(tables.events_csv(view), self.out)
            else:
                table = tables.points_csv(view)
                write(table, self.out, tables.made_columns(table))
        else:
            raise Unsupported(type(view).__name__)
