"""The JSON twin of every view: codes and both languages instead of labels, versioned
(docs/schemas/; add fields, never rename)."""

from __future__ import annotations

from typing import TextIO

from deancli.history.diff import PlanDiff, to_dict
from deancli.history.series import HistoryView
from deancli.render.jsontext import dumps
from deancli.render.views.base import Unsupported, View
from deancli.views.show import ShowView
from deancli.views.status import StatusView


class JsonRenderer:
    def __init__(self, out: TextIO, *, color: bool | None = None, pager: bool = True) -> None:
        self.out = out

    def render(self, view: View) -> None:
        if isinstance(view, StatusView | ShowView):
            doc = view.document()
        elif isinstance(view, PlanDiff):
            doc = to_dict(view)
        elif isinstance(view, HistoryView):
            from deancli.history.jsondoc import to_dict as history_dict

            doc = history_dict(view)
        else:
            raise Unsupported(type(view).__name__)
        self.out.write(dumps(doc) + "\n")
