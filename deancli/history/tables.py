"""``dean history`` as tables (plain data, ``deancli.views.table``): the points for CSV
and Markdown, the change from the first point to the last, the events and the slipped
milestones. CSV columns have fixed English names (a data contract for spreadsheets and
scripts); titles and the other formats follow ``--lang``."""

from __future__ import annotations

from typing import Any

from deancli.base.i18n import t
from deancli.history.series import STATUSES, HistoryView, Point, PointTally, iter_rows
from deancli.views.table import Cell, Table, text_in

NONE = "—"


def period_text(view: HistoryView) -> str:
    first, last = view.points[0], view.points[-1]
    every = t(f"history_every_{view.every}", view.lang)
    return t(
        "history_title",
        view.lang,
        first=first.label,
        last=last.label,
        n=len(view.points),
        every=every,
    )


def _ratio(t_: PointTally) -> str:
    return "" if t_.ratio is None else f"{t_.ratio:.4f}"


def points_csv(view: HistoryView) -> Table:
    """One row per pillar per point, then the point's total."""
    statuses = list(STATUSES)
    for p in view.points:
        for tl in [pp.tally for pp in p.pillars] + [p.total]:
            statuses += [s for s in tl.by_status if s not in statuses]
    headers = [
        "point",
        "as_of",
        "commit",
        "valid",
        "pillar",
        "initiatives",
        "counted",
        "done",
        "overdue",
        "unknown",
        "progress",
        *(f"initiatives_{s}" for s in statuses),
        "problems",
    ]
    rows: list[list[Cell]] = []
    for point, pillar, tl in iter_rows(view):
        rows.append(
            [
                point.label,
                point.as_of.isoformat(),
                point.commit,
                "yes" if point.valid else "no",
                pillar,
                str(tl.initiatives),
                str(tl.counted),
                str(tl.done),
                str(tl.overdue),
                str(tl.unknown),
                _ratio(tl),
                *(str(tl.by_status.get(s, 0)) for s in statuses),
                " ".join(point.problems),
            ]
        )
    return Table(title="", headers=headers, rows=rows)


def made_columns(table: Table) -> frozenset[int]:
    """The columns of :func:`points_csv` that hold only what dean wrote (not the pillar's
    name from dialogue.yaml, nor file names)."""
    return frozenset(i for i, h in enumerate(table.headers) if h not in ("pillar", "problems"))


def _value(v: Any) -> str:
    if v is None or v == []:
        return ""
    if isinstance(v, list):
        return ", ".join(str(x) for x in v)
    return str(v)


def events_csv(view: HistoryView) -> Table:
    rows: list[list[Cell]] = []
    for e in view.events or []:
        rows.append(
            [
                e.date.isoformat(),
                e.commit,
                str(e.initiative),
                text_in(e.title, view.lang),
                e.change.field,
                e.change.milestone or "",
                _value(e.change.before),
                _value(e.change.after),
            ]
        )
    headers = ["date", "commit", "initiative", "title", "field", "milestone", "before", "after"]
    return Table(title="", headers=headers, rows=rows)


def _pair(a: str, b: str) -> str:
    return a if a == b else f"{a} → {b}"


def _done(tl: PointTally) -> str:
    pct = "" if tl.ratio is None else f" {round(tl.ratio * 100)}%"
    return f"{tl.done}/{tl.counted}{pct}"


def change_table(view: HistoryView) -> Table:
    """Each pillar and the total, at the first point → at the last."""
    lang = view.lang
    first, last = view.points[0], view.points[-1]
    romans = {p.number: p for p in view.pillars}
    before = {pp.number: pp.tally for pp in first.pillars}
    rows: list[list[Cell]] = []

    def row(label: str, title: str, a: PointTally | None, b: PointTally | None) -> list[Cell]:
        def get(tl: PointTally | None, what: str) -> str:
            if tl is None:
                return NONE
            return _done(tl) if what == "done" else str(getattr(tl, what))

        return [
            label,
            title,
            *(_pair(get(a, w), get(b, w)) for w in ("initiatives", "done", "overdue", "unknown")),
        ]

    for pp in last.pillars:
        info = romans.get(pp.number)
        title = text_in(info.title, lang) if info else ""
        label = info.roman if info else str(pp.number)
        rows.append(row(label, title, before.get(pp.number), pp.tally))
    footer = row("", t("total", lang), first.total, last.total)
    return Table(
        title=t("history_change", lang, first=first.label, last=last.label),
        headers=[
            t("id", lang),
            t("pillar", lang),
            t("initiatives_short", lang),
            t("milestones_done", lang),
            t("overdue", lang),
            t("unknown_count", lang),
        ],
        rows=rows,
        footer=footer,
        wide={1},
    )


def points_table(view: HistoryView) -> Table:
    """For Markdown: one row per point, totals and done per pillar."""
    lang = view.lang
    romans = [p.roman for p in view.pillars]
    numbers = [p.number for p in view.pillars]
    rows: list[list[Cell]] = []
    for p in view.points:
        per = {pp.number: pp.tally for pp in p.pillars}
        rows.append(
            [
                p.label,
                p.commit[:12],
                t("history_yes", lang) if p.valid else t("history_no", lang),
                _done(p.total),
                str(p.total.overdue),
                str(p.total.unknown),
                *(f"{per[n].done}/{per[n].counted}" if n in per else NONE for n in numbers),
            ]
        )
    return Table(
        title=period_text(view),
        headers=[
            t("date", lang),
            "commit",
            t("history_valid", lang),
            t("milestones_done", lang),
            t("overdue", lang),
            t("unknown_count", lang),
            *romans,
        ],
        rows=rows,
    )


def slips_table(view: HistoryView) -> Table:
    lang = view.lang
    rows: list[list[Cell]] = [
        [
            str(s.initiative),
            s.milestone,
            text_in(s.title, lang),
            str(s.times),
            str(s.days),
            _pair(s.first_due, s.due),
        ]
        for s in view.slips or []
    ]
    return Table(
        title=t("history_slips", lang),
        headers=[
            t("id", lang),
            t("milestone", lang),
            t("title", lang),
            t("history_times", lang),
            t("history_days", lang),
            t("history_due", lang),
        ],
        rows=rows,
        wide={2},
    )


def invalid_lines(view: HistoryView, limit: int = 5) -> list[str]:
    """``2025-04-02 ab12cd34ef56: initiatives/x.yaml`` for the first invalid points."""
    bad: list[Point] = [p for p in view.points if not p.valid]
    out = [f"{p.label} {p.commit[:12]}: {', '.join(p.problems)}" for p in bad[:limit]]
    if len(bad) > limit:
        out.append(t("history_more", view.lang, n=len(bad) - limit))
    return out
