from __future__ import annotations

from typing import ClassVar, Protocol, TextIO

from deancli.result import CheckResult


class Reporter(Protocol):
    human: ClassVar[bool]

    def __init__(self, out: TextIO, *, color: bool | None = None) -> None: ...

    def report(self, result: CheckResult) -> None: ...
