"""Views are plain data: a title, column headers and rows of cells (no Rich, no I/O).

A cell is text (already in the reader's language), a :class:`Bar` or a :class:`Stacked` cell
that dean composed. Renderers in ``deancli.render.views`` turn the same table into a terminal
table, Markdown or CSV; the JSON twins of the views keep codes and both languages instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from deancli.base.i18n import LANGS, t
from deancli.plan.model import Text
from deancli.views.progress import Tally

JSON_VERSION = 1  # of every view's JSON document (docs/schemas/); add fields, never rename


@dataclass(frozen=True)
class Bar:
    """A progress bar: done of counted. ``ratio`` is None when nothing counts."""

    done: int
    counted: int

    @property
    def ratio(self) -> float | None:
        return self.done / self.counted if self.counted else None

    def percent(self) -> int | None:
        r = self.ratio
        return None if r is None else round(r * 100)

    def text(self, lang: str, width: int = 10) -> str:
        r = self.ratio
        if r is None:
            return t("na", lang)
        filled = round(r * width)
        return "█" * filled + "░" * (width - filled) + f" {round(r * 100):>3}%"

    def stacked(self, lang: str) -> Stacked:
        """Two lines for terminal tables: ``12/18   67%`` over a 10-cell bar."""
        r = self.ratio
        count = f"{self.done}/{self.counted}"
        if r is None:
            return Stacked((f"{count}  {t('na', lang)}",), self.ratio)
        filled = round(r * 10)
        pct = f"{round(r * 100)}%"
        return Stacked(
            (
                f"{count}{pct:>{max(len(pct) + 1, 10 - len(count))}}",
                "█" * filled + "░" * (10 - filled),
            ),
            r,
        )


@dataclass(frozen=True)
class Stacked:
    """A cell of several lines that dean composed itself (never from a plan file)."""

    lines: tuple[str, ...]
    ratio: float | None = None


Cell = str | Bar | Stacked


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    footer: list[Cell] | None = None
    wide: set[int] = field(default_factory=set)  # columns that take the spare width
    wrap: set[int] = field(default_factory=set)  # other columns that may wrap
    caption: str | None = None


_NUMBER = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?%?|\d+/\d+")


def _kind(cell: Cell) -> str:
    """``number``, ``mark`` (a mark of MARKS: neither), or ``text``."""
    if isinstance(cell, Bar):
        return "number"
    if isinstance(cell, Stacked):
        return "text"  # a block of fixed width (a count over a bar): it starts on the left
    value = cell.removesuffix(" *").strip()
    if not value or value in _MARK_TEXTS:
        return "mark"
    # a number, a fraction, a percentage, or several (``12/18 67%``, ``1 → 2``)
    tokens = value.replace("→", " ").split()
    return "number" if tokens and all(_NUMBER.fullmatch(x) for x in tokens) else "text"


def aligned_right(view: Table) -> set[int]:
    """The columns to align on the right: those that hold numbers (and marks) only. Their
    header goes on the right too; every other column, header included, is on the left.
    Decided by content, so the same table aligns the same in every language."""
    rows = view.rows + ([view.footer] if view.footer else [])
    out = set()
    for i in range(len(view.headers)):
        kinds = {_kind(row[i]) for row in rows if i < len(row)}
        if "number" in kinds and "text" not in kinds:
            out.add(i)
    return out


def text_in(text: Text, lang: str) -> str:
    """The text in ``lang``; when only the other language exists, say so visibly."""
    if text.has(lang):
        return text.get(lang)
    other = "en" if lang == "es" else "es"
    if text.has(other):
        return f"{text.get(other)} [{other}]"
    return ""


def count_cell(n: int, lang: str) -> str:
    """A count: a number, zero included (a mark would say something else)."""
    return str(n)


# the marks a cell may hold instead of a value: each means one thing (docs/output.md)
MARKS = ("none", "unknown_mark", "no_date", "na")
_MARK_TEXTS = frozenset(t(m, lang) for m in MARKS for lang in LANGS)
_MARK_LEGEND = {
    "none": "mark_none",
    "unknown_mark": "mark_not_known",
    "no_date": "mark_no_date",
    "na": "mark_na",
}


def marks_legend(view: Table, lang: str) -> str | None:
    """``Marks: — none · ? not publicly known ...``: the marks the table's cells use, else
    None."""
    texts: set[str] = set()
    for row in view.rows + ([view.footer] if view.footer else []):
        for cell in row:
            if isinstance(cell, str):
                texts.add(cell.removesuffix(" *"))
            elif isinstance(cell, Stacked):
                texts.update(part for line in cell.lines for part in line.split())
            elif cell.ratio is None:
                texts.add(t("na", lang))
    used = [_MARK_LEGEND[m] for m in MARKS if t(m, lang) in texts]
    if not used:
        return None
    return t("marks_legend", lang, marks=" · ".join(t(k, lang) for k in used))


def with_legend(view: Table, lang: str) -> Table:
    """The table with the legend of its marks added to its caption."""
    legend = marks_legend(view, lang)
    if legend is not None:
        view.caption = f"{view.caption}\n{legend}" if view.caption else legend
    return view


def done_cell(tally: Tally) -> str:
    return f"{tally.done}/{tally.counted}"


def text_json(text: Text) -> dict[str, str | None]:
    return {"es": text.es, "en": text.en}


def tally_json(tally: Tally) -> dict[str, Any]:
    return {
        "total": tally.total,
        "counted": tally.counted,
        "done": tally.done,
        "in_progress": tally.in_progress,
        "planned": tally.planned,
        "overdue": tally.overdue,
        "unknown": tally.unknown,
        "progress": None if tally.ratio is None else round(tally.ratio, 4),
    }


def compact_bars(view: Table, lang: str) -> Table:
    """For terminals: merge each "done" column and its bar into one stacked cell."""
    bar_cols = {
        i
        for row in view.rows + ([view.footer] if view.footer else [])
        for i, c in enumerate(row)
        if isinstance(c, Bar)
    }
    if not bar_cols:
        return view
    drop = {i - 1 for i in bar_cols}

    def merge(row: list[Cell]) -> list[Cell]:
        out: list[Cell] = []
        for i, c in enumerate(row):
            if i in drop:
                continue
            out.append(c.stacked(lang) if isinstance(c, Bar) else c)
        return out

    keep = [i for i in range(len(view.headers)) if i not in drop]
    remap = {old: new for new, old in enumerate(keep)}
    return Table(
        title=view.title,
        headers=[view.headers[i - 1] if i in bar_cols else view.headers[i] for i in keep],
        rows=[merge(r) for r in view.rows],
        footer=merge(view.footer) if view.footer else None,
        wide={remap[i] for i in view.wide if i in remap},
        wrap={remap[i] for i in view.wrap if i in remap},
        caption=view.caption,
    )
