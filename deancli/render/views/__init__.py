"""Renderers of the views (status, show, timeline, diff, history, report): a format → class
registry, imported lazily.

Adding a format = one module here + one line in ``VIEW_FORMATS``; each command's ``--format``
choices and help text come from the registry.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Final, NamedTuple

if TYPE_CHECKING:
    from deancli.render.views.base import ViewRenderer


class Entry(NamedTuple):
    target: str  # "module:Class", imported only when the format is used
    help: str  # shown in --help after the format's name
    views: frozenset[str]  # the commands that offer it
    quotes_plan: bool = True  # text for people: fenced under CI (see deancli.render.ci)


VIEW_FORMATS: Final[dict[str, Entry]] = {
    "table": Entry(
        "deancli.render.views.terminal:TerminalRenderer",
        "for the terminal",
        frozenset({"status", "show", "timeline"}),
    ),
    "text": Entry(
        "deancli.render.views.terminal:TerminalRenderer", "for the terminal", frozenset({"diff"})
    ),
    "chart": Entry(
        "deancli.render.views.terminal:TerminalRenderer",
        "a burn-up chart for the terminal",
        frozenset({"history"}),
    ),
    "json": Entry(
        "deancli.render.views.json_view:JsonRenderer",
        "every field, both languages",
        frozenset({"status", "show", "diff", "history"}),
        quotes_plan=False,
    ),
    "csv": Entry(
        "deancli.render.views.csv_out:CsvRenderer",
        "for spreadsheets",
        frozenset({"status", "show", "history"}),
    ),
    "markdown": Entry(
        "deancli.render.views.markdown:MarkdownRenderer",
        "for pull requests and wikis",
        frozenset({"status", "show", "diff", "history"}),
    ),
    "html": Entry(
        "deancli.render.views.html:HtmlRenderer",
        "one self-contained page, both languages",
        frozenset({"report"}),
        quotes_plan=False,
    ),
}


def formats_for(view: str) -> list[str]:
    return [name for name, e in VIEW_FORMATS.items() if view in e.views]


def describe(view: str) -> str:
    """The formats of one view for --help: ``table (for the terminal), json (...), ...``."""
    return ", ".join(f"{name} ({VIEW_FORMATS[name].help})" for name in formats_for(view))


def get_renderer(name: str) -> type[ViewRenderer]:
    module, _, cls = VIEW_FORMATS[name].target.partition(":")
    renderer: type[ViewRenderer] = getattr(importlib.import_module(module), cls)
    return renderer
