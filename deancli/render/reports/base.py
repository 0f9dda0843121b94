"""What every reporter of ``dean validate`` is: built with the stream to write to, then given
the result. ``human`` formats quote plan text for people and end with a summary line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Protocol, TextIO

from deancli.check.result import CheckResult


@dataclass(frozen=True)
class ReportOptions:
    """How much a human format shows (machine formats always carry everything; SARIF adds
    the suppressed findings only with ``show_suppressed``: code scanning would alert on them)."""

    quiet: bool = False  # only errors, then the summary line (which counts everything)
    verbose: bool = False  # every finding in full, never grouped
    show_suppressed: bool = False  # list what inline suppressions silenced, and why


class Reporter(Protocol):
    human: ClassVar[bool]

    def __init__(
        self,
        out: TextIO,
        *,
        color: bool | None = None,
        strict: bool = False,
        options: ReportOptions = ReportOptions(),
    ) -> None:
        """``strict``: warnings fail too (formats that record pass/fail use it)."""

    def report(self, result: CheckResult) -> None: ...


class StreamReporter:
    """What the machine formats share: the stream, ``strict``, and the options (which only
    human formats act on). A subclass writes ``report``."""

    human: ClassVar[bool] = False

    def __init__(
        self,
        out: TextIO,
        *,
        color: bool | None = None,
        strict: bool = False,
        options: ReportOptions = ReportOptions(),
    ) -> None:
        self.out = out
        self.strict = strict
        self.options = options
