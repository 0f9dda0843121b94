"""Markdown tables for pasting into a pull request or a wiki. Text from plan files is escaped
so that it cannot add links, images, HTML or break the table."""

from __future__ import annotations

import re
from typing import TextIO

from deancli.textsafe import safe
from deancli.views import Bar, Cell, Stacked, Table

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def escape(text: str) -> str:
    """Plan text as inert Markdown: no HTML, links, images, emphasis or table breaks."""
    text = safe(text).replace("\\n", " ")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def _cell(cell: Cell, lang: str) -> str:
    if isinstance(cell, Bar):
        pct = cell.percent()
        return f"{pct}%" if pct is not None else ("n/d" if lang == "es" else "n/a")
    if isinstance(cell, Stacked):
        return " ".join(escape(line) for line in cell.lines)
    return escape(cell)


def render_table(view: Table, lang: str) -> str:
    lines = [f"### {escape(view.title)}", ""]
    lines.append("| " + " | ".join(escape(h) for h in view.headers) + " |")
    lines.append(
        "|"
        + "|".join("---:" if i in view.numeric else "---" for i in range(len(view.headers)))
        + "|"
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
