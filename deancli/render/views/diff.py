"""`dean diff` for the terminal, and the wording of changes that the Markdown form shares."""

from __future__ import annotations

from typing import Any, TextIO

from rich.text import Text

from deancli.base.i18n import N_, active, initiative_status, long_date, milestone_status, t, tr
from deancli.base.textsafe import safe
from deancli.history.diff import Change, PlanDiff
from deancli.render.console import make_console
from deancli.render.wrap import print_lines, wrap
from deancli.views.progress import Tally
from deancli.views.table import text_in


def _none() -> str:
    return t("none", active())


def _value(v: Any) -> str:
    if v is None or v == []:
        return _none()
    if isinstance(v, list):
        return ", ".join(str(x) for x in v)
    return str(v)


def _status(v: Any, milestone: bool) -> str:
    if not isinstance(v, str):
        return _value(v)
    lang = active()
    return milestone_status(v, lang) if milestone else initiative_status(v, lang)


_FIELDS = {
    "status": N_("status"),
    "pillar": N_("pillar"),
    "due": N_("due"),
    "completion date": N_("completion date"),
    "title": N_("title"),
    "title.es": N_("title (es)"),
    "title.en": N_("title (en)"),
    "leads.mx": N_("Mexican leads"),
    "leads.us": N_("U.S. leads"),
    "file": N_("file"),
}


def describe(c: Change) -> str:
    """One line in plain words, in the reader's language, e.g. ``milestone summit: due
    2024-Q1 → 2024-Q3``."""
    if c.field == "milestone":
        if c.after:
            return tr("milestone {id} added", id=c.milestone)
        return tr("milestone {id} removed", id=c.milestone)
    if c.field == "completed":
        text = tr(
            "completed ({before} → done, {after})",
            before=_status(c.before, True),
            after=_value(c.after),
        )
    else:
        label = tr(_FIELDS[c.field]) if c.field in _FIELDS else c.field
        if c.field == "status":
            before, after = (
                _status(c.before, bool(c.milestone)),
                _status(c.after, bool(c.milestone)),
            )
        else:
            before, after = _value(c.before), _value(c.after)
        text = f"{label} {before} → {after}"
    return tr("milestone {id}: {change}", id=c.milestone, change=text) if c.milestone else text


def tally_text(t: Tally | None) -> str:
    if t is None:
        return _none()
    pct = f" ({round(t.ratio * 100)}%)" if t.ratio is not None else ""
    return f"{t.done}/{t.counted}{pct}"


def heading(diff: PlanDiff) -> str:
    return tr(
        "Plan changes {base} → {head} (as of {date})",
        base=_side(diff.base),
        head=_side(diff.head),
        date=long_date(diff.as_of, active()),
    )


def _side(name: str) -> str:
    """A revision's name; the two names dean gives itself are translated."""
    if name == "working tree":
        return tr("working tree")
    if name.startswith("merge-base "):
        return tr("merge-base {sha}", sha=name.removeprefix("merge-base "))
    return name


def unreadable(path: str, side: str) -> str:
    if side == "base":
        return tr(
            "{path} could not be read at base; it is left out (dean validate says why)", path=path
        )
    return tr(
        "{path} could not be read at head; it is left out (dean validate says why)", path=path
    )


def render_text(diff: PlanDiff, out: TextIO, *, color: bool | None) -> None:
    """The changes, one per line, wrapped at spaces with the continuation indented under
    the line's text (never a word broken)."""
    console = make_console(out, color=color)
    lang = active()
    width = console.width
    lines: list[Text] = wrap(Text(safe(heading(diff)), style="bold"), width)
    for side, files in (("base", diff.invalid_base), ("head", diff.invalid_head)):
        for f in files:
            note = "! " + unreadable(safe(f), side)
            lines += wrap(Text(note, style="yellow"), width, "", "  ")
    if diff.empty:
        lines.append(Text(t("history_no_events", lang)))
    for d in diff.initiatives:
        title = safe(text_in(d.title, lang))
        # titles and changes wrap between words, under their first word
        if d.kind == "added":
            head = Text(tr("+ initiative {id} added: {title}", id=d.id, title=title), style="green")
        elif d.kind == "removed":
            head = Text(tr("- initiative {id} removed: {title}", id=d.id, title=title), style="red")
        else:
            head = Text(tr("~ initiative {id}: {title}", id=d.id, title=title), style="bold")
        lines += wrap(head, width, "", "  ")
        if d.kind not in ("added", "removed"):
            for c in d.changes:
                lines += wrap(Text(safe(describe(c))), width, "    ", "      ")
    lines += [Text(), Text(tr("Progress per pillar (done/counted)"), style="bold")]
    for p in diff.progress:
        mark = "" if tally_text(p.before) == tally_text(p.after) else "  *"
        lines.append(
            Text(f"  {p.roman:<4} {tally_text(p.before):>12} → {tally_text(p.after)}{mark}")
        )
    print_lines(console, lines)
