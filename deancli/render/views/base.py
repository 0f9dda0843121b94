"""What every view renderer is: built with the stream to write to, then given a view (plain
data from ``deancli.views`` or ``deancli.history``). A renderer renders the views its registry
line names; :class:`Unsupported` is raised for any other (the CLI never offers it)."""

from __future__ import annotations

from typing import Protocol, TextIO, Union

from deancli.history.diff import PlanDiff
from deancli.history.series import HistoryView
from deancli.views.report import ReportView
from deancli.views.show import ShowView
from deancli.views.status import StatusView
from deancli.views.timeline import TimelineView

View = Union[  # noqa: UP007 (a runtime alias)
    StatusView, ShowView, TimelineView, PlanDiff, HistoryView, ReportView
]


class ViewRenderer(Protocol):
    def __init__(self, out: TextIO, *, color: bool | None = None, pager: bool = True) -> None:
        """``pager``: long output may go through a pager on a terminal."""

    def render(self, view: View) -> None: ...


class Unsupported(TypeError):
    """A renderer was given a view its registry line does not name (a bug in dean)."""
