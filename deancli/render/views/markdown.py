"""Markdown for pasting into a pull request, a wiki or a job summary: `status`, `show`,
`diff` and `history`. Text from plan files is escaped
so that it cannot add links, images, HTML or break the table."""

from __future__ import annotations

from typing import TextIO

from deancli.base.i18n import active, t, tr
from deancli.history import tables as history_tables
from deancli.history.diff import PlanDiff
from deancli.history.series import HistoryView
from deancli.render.mdtext import escape
from deancli.render.views.base import Unsupported, View
from deancli.render.views.diff import describe, heading, tally_text, unreadable
from deancli.views.show import ShowView
from deancli.views.status import StatusView
from deancli.views.table import Bar, Cell, Stacked, Table, aligned_right, text_in


def _cell(cell: Cell, lang: str) -> str:
    if isinstance(cell, Bar):
        pct = cell.percent()
        return f"{pct}%" if pct is not None else t("na", lang)
    if isinstance(cell, Stacked):
        return " ".join(escape(line) for line in cell.lines)
    return escape(cell)


def render_table(view: Table, lang: str) -> str:
    lines = [f"### {escape(view.title)}", ""]
    right = aligned_right(view)
    lines.append("| " + " | ".join(escape(h) for h in view.headers) + " |")
    lines.append(
        "|" + "|".join("---:" if i in right else "---" for i in range(len(view.headers))) + "|"
    )
    for row in view.rows:
        lines.append("| " + " | ".join(_cell(c, lang) for c in row) + " |")
    if view.footer:
        lines.append(
            "| "
            + " | ".join(f"**{_cell(c, lang)}**" if _cell(c, lang) else "" for c in view.footer)
            + " |"
        )
    if view.caption:
        lines += ["", escape(view.caption)]
    return "\n".join(lines) + "\n"


def print_tables(views: list[Table], out: TextIO, lang: str) -> None:
    out.write("\n".join(render_table(v, lang) for v in views))


def render_fields(heading: str, fields: list[tuple[str, str]]) -> str:
    lines = [f"## {escape(heading)}", ""]
    lines += [f"- **{escape(label)}:** {escape(value)}" for label, value in fields]
    return "\n".join(lines) + "\n\n"


def show_markdown(view: ShowView) -> str:
    lang = view.lang
    parts = [render_fields(view.heading(), view.fields())]
    parts.append(render_table(view.milestones(), lang))
    notes = view.milestone_notes()
    if notes is not None:
        parts.append("\n" + render_table(notes, lang))
    indicators = view.indicators()
    if indicators is not None:
        parts.append("\n" + render_table(indicators, lang))
    parts.append("\n" + render_table(view.sources(), lang))
    return "".join(parts)


def diff_markdown(diff: PlanDiff) -> str:
    lang = active()
    lines = [f"### {escape(heading(diff))}", ""]
    for side, files in (("base", diff.invalid_base), ("head", diff.invalid_head)):
        for f in files:
            lines.append(f"> ⚠️ {escape(unreadable(f, side))}")
    if diff.invalid_base or diff.invalid_head:
        lines.append("")
    if diff.empty:
        lines += [t("history_no_events", lang), ""]
    for d in diff.initiatives:
        title = escape(text_in(d.title, lang))
        if d.kind == "added":
            lines.append(tr("- **Initiative {id} added**: {title}", id=d.id, title=title))
        elif d.kind == "removed":
            lines.append(tr("- **Initiative {id} removed**: {title}", id=d.id, title=title))
        else:
            lines.append(tr("- **Initiative {id}**: {title}", id=d.id, title=title))
            lines += [f"  - {escape(describe(c))}" for c in d.changes]
    headers = [t("pillar", lang), tr("Before"), tr("After")]
    lines += ["", "| " + " | ".join(headers) + " |", "|---|---:|---:|"]
    for p in diff.progress:
        before, after = tally_text(p.before), tally_text(p.after)
        lines.append(f"| {p.roman} {escape(text_in(p.title, lang))} | {before} | {after} |")
    return "\n".join(lines) + "\n"


def history_markdown(view: HistoryView) -> str:
    from deancli.render.views.history import event_lines, notes

    lang = view.lang
    parts = []
    said = notes(view)
    if said:
        parts.append("\n".join(f"> {escape(n.strip())}" for n in said) + "\n")
    if view.events is not None:
        first, last = view.points[0].label, view.points[-1].label
        lines = [f"### {escape(t('history_events', lang, first=first, last=last))}", ""]
        events = event_lines(view)
        lines += [f"- {escape(e)}" for e in events] or [t("history_no_events", lang)]
        parts.append("\n".join(lines) + "\n")
        if view.slips:
            parts.append(render_table(history_tables.slips_table(view), lang))
        else:
            parts.append(t("history_no_slips", lang) + "\n")
        return "\n".join(parts)
    parts.append(render_table(history_tables.points_table(view), lang))
    parts.append(render_table(history_tables.change_table(view), lang))
    return "\n".join(parts)


class MarkdownRenderer:
    def __init__(self, out: TextIO, *, color: bool | None = None, pager: bool = True) -> None:
        self.out = out

    def render(self, view: View) -> None:
        if isinstance(view, StatusView):
            print_tables([view.table()], self.out, view.lang)
        elif isinstance(view, ShowView):
            self.out.write(show_markdown(view))
        elif isinstance(view, PlanDiff):
            self.out.write(diff_markdown(view))
        elif isinstance(view, HistoryView):
            self.out.write(history_markdown(view))
        else:
            raise Unsupported(type(view).__name__)
