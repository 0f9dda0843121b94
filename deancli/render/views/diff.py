"""`dean diff` for the terminal, and the wording of changes that the Markdown form shares."""

from __future__ import annotations

from typing import Any, TextIO

from rich.text import Text

from deancli.base.textsafe import safe
from deancli.history.diff import Change, PlanDiff
from deancli.render.console import make_console
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
    console = make_console(out, color=color)
    console.print(Text(safe(heading(diff)), style="bold"), soft_wrap=True)
    for label, files in (("base", diff.invalid_base), ("head", diff.invalid_head)):
        for f in files:
            console.print(
                Text(
                    f"! {safe(f)} could not be read at {label}; it is left out "
                    "(dean validate says why)",
                    style="yellow",
                ),
                soft_wrap=True,
            )
    if diff.empty:
        console.print("No change to initiatives.")
    for d in diff.initiatives:
        title = safe(d.title.get("en"))
        if d.kind == "added":
            console.print(
                Text(f"+ initiative {d.id} added: {title}", style="green"), soft_wrap=True
            )
        elif d.kind == "removed":
            console.print(
                Text(f"- initiative {d.id} removed: {title}", style="red"), soft_wrap=True
            )
        else:
            console.print(Text(f"~ initiative {d.id}: {title}", style="bold"), soft_wrap=True)
            for c in d.changes:
                console.print(Text(f"    {safe(describe(c))}"), soft_wrap=True)
    console.print()
    console.print(Text("Progress per pillar (done/counted)", style="bold"))
    for p in diff.progress:
        mark = "" if tally_text(p.before) == tally_text(p.after) else "  *"
        console.print(f"  {p.roman:<4} {tally_text(p.before):>12} → {tally_text(p.after)}{mark}")
