"""CSV for spreadsheets: UTF-8 with a byte-order mark (so spreadsheet programs keep the
accents), one header row, no Rich. Cells that a spreadsheet would run as a formula are
prefixed with an apostrophe (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io
from typing import TextIO

from deancli.textsafe import safe
from deancli.views import Bar, Cell, Stacked, Table

BOM = "\ufeff"


def _cell(cell: Cell) -> str:
    if isinstance(cell, Bar):
        pct = cell.percent()
        return "" if pct is None else str(pct)
    text = " ".join(cell.lines) if isinstance(cell, Stacked) else safe(cell)
    if text[:1] in ("=", "+", "-", "@"):
        text = "'" + text
    return text


def render(view: Table) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(view.headers)
    for row in view.rows:
        writer.writerow([_cell(c) for c in row])
    if view.footer:
        writer.writerow([_cell(c) for c in view.footer])
    return buf.getvalue()


def write(view: Table, out: TextIO) -> None:
    out.write(BOM + render(view))
