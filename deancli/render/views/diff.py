"""`dean diff` for the terminal, and the wording of changes that the Markdown form shares."""

from __future__ import annotations

from typing import Any, TextIO

from rich.text import Text

from deancli.base.textsafe import safe
from deancli.history.diff import Change, PlanDiff
from deancli.render.console import make_console
from deancli.render.wrap import print_lines, wrap
from deancli.views.progress import Tally

NONE = "—"


def _value(v: Any) -> str:
    if v is None or v == []:
        return NONE
    if isinstance(v, list):
        return ", ".join(str(x) for x in v)
    return str(v)


def describe(c: Change) -> str:
    """One line in plain words, e.g. ``milestone summit: due 2024-Q1 → 2024-Q3``."""
    where = f"milestone {c.milestone}: " if c.milestone else ""
    if c.field == "milestone":
        return f"milestone {c.milestone} {'added' if c.after else 'removed'}"
    if c.field == "completed":
        return f"{where}completed ({_value(c.before)} → done, {_value(c.after)})"
    label = {"leads.mx": "Mexican leads", "leads.us": "U.S. leads"}.get(c.field, c.field)
    return f"{where}{label} {_value(c.before)} → {_value(c.after)}"


def tally_text(t: Tally | None) -> str:
    if t is None:
        return NONE
    pct = f" ({round(t.ratio * 100)}%)" if t.ratio is not None else ""
    return f"{t.done}/{t.counted}{pct}"


def heading(diff: PlanDiff) -> str:
    return f"Plan changes {diff.base} → {diff.head} (as of {diff.as_of.isoformat()})"


def render_text(diff: PlanDiff, out: TextIO, *, color: bool | None) -> None:
    """The changes, one per line, wrapped at spaces with the continuation indented under
    the line's text (never a word broken)."""
    console = make_console(out, color=color)
    width = console.width
    lines: list[Text] = wrap(Text(safe(heading(diff)), style="bold"), width)
    for label, files in (("base", diff.invalid_base), ("head", diff.invalid_head)):
        for f in files:
            note = (
                f"! {safe(f)} could not be read at {label}; it is left out (dean validate says why)"
            )
            lines += wrap(Text(note, style="yellow"), width, "", "  ")
    if diff.empty:
        lines.append(Text("No change to initiatives."))
    for d in diff.initiatives:
        title = safe(d.title.get("en"))
        if d.kind == "added":
            head = Text(f"+ initiative {d.id} added: {title}", style="green")
        elif d.kind == "removed":
            head = Text(f"- initiative {d.id} removed: {title}", style="red")
        else:
            head = Text(f"~ initiative {d.id}: {title}", style="bold")
        lines += wrap(head, width, "", "  ")
        if d.kind not in ("added", "removed"):
            for c in d.changes:
                lines += wrap(Text(safe(describe(c))), width, "    ", "      ")
    lines += [Text(), Text("Progress per pillar (done/counted)", style="bold")]
    for p in diff.progress:
        mark = "" if tally_text(p.before) == tally_text(p.after) else "  *"
        lines.append(
            Text(f"  {p.roman:<4} {tally_text(p.before):>12} → {tally_text(p.after)}{mark}")
        )
    print_lines(console, lines)
