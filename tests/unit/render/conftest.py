from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from deancli.check.result import CheckResult
from deancli.render.reports import get_reporter

Report = Callable[..., str]


@pytest.fixture
def report(monkeypatch: pytest.MonkeyPatch) -> Report:
    """``report(format, result, **options)``: the reporter's output as text, colour off and
    a narrow terminal (the concise format, not on a terminal, must not wrap lines to it;
    the full format wraps them: its tests set their width)."""
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.delenv("NO_COLOR", raising=False)

    def run(name: str, result: CheckResult, *, color: bool | None = False, **options) -> str:
        out = io.StringIO()
        get_reporter(name)(out, color=color, **options).report(result)
        return out.getvalue()

    return run
