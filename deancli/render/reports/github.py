"""GitHub Actions workflow commands: one annotation per finding, grouped per file.

Data and properties are escaped exactly as the Actions runner unescapes them
(actions/runner ActionCommand.cs): in data `%` `\\r` `\\n`; in properties also `:` and `,`.
Control characters are made visible first, so a value can neither end the command line
nor start a new one.
"""

from __future__ import annotations

from itertools import groupby
from typing import ClassVar, TextIO

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.textsafe import plural, safe
from deancli.check.result import CheckResult
from deancli.render.reports.base import ReportOptions

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(d: Diagnostic) -> str:
    loc = d.location
    props = [f"file={escape_property(safe(loc.path))}"]
    if loc.line is not None:
        props.append(f"line={loc.line}")
        if loc.column is not None:
            props.append(f"col={loc.column}")
        if loc.end_line is not None:
            props.append(f"endLine={loc.end_line}")
            if loc.end_column is not None:
                props.append(f"endColumn={loc.end_column}")
    props.append(f"title={escape_property(f'dean {d.code} {d.name}')}")
    message = safe(d.message)
    if d.hint:
        message += "\nhelp: " + safe(d.hint)
    for rel in d.related:
        where = safe(rel.location.path)
        if rel.location.line is not None:
            where += f":{rel.location.line}:{rel.location.column or 1}"
        message += f"\nnote: {safe(rel.message)} at {where}"
    return f"::{LEVEL[d.severity]} {','.join(props)}::{escape_data(message)}"


class GithubReporter:
    human: ClassVar[bool] = False

    def __init__(
        self,
        out: TextIO,
        *,
        color: bool | None = None,
        strict: bool = False,
        options: ReportOptions = ReportOptions(),  # noqa: B008
    ) -> None:
        self.out = out

    def report(self, result: CheckResult) -> None:
        for path, items in groupby(result.diagnostics, key=lambda d: d.location.path):
            self.out.write(f"::group::{escape_data(safe(path))}\n")
            for d in items:
                self.out.write(annotation(d) + "\n")
            self.out.write("::endgroup::\n")
        self.out.write(
            f"dean: {plural(result.errors, 'error')}, {plural(result.warnings, 'warning')} "
            f"in {plural(result.files_checked, 'file')}\n"
        )
