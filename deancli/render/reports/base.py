"""What every reporter of ``dean validate`` is: built with the stream to write to, then given
the result. ``human`` formats quote plan text for people and end with a summary line."""

from __future__ import annotations

from typing import ClassVar, Protocol, TextIO

from deancli.check.result import CheckResult


class Reporter(Protocol):
    human: ClassVar[bool]

    def __init__(self, out: TextIO, *, color: bool | None = None, strict: bool = False) -> None:
        """``strict``: warnings fail too (formats that record pass/fail use it)."""

    def report(self, result: CheckResult) -> None: ...
