"""GitHub Actions workflow commands: one annotation per finding, grouped per file.

Data and properties are escaped exactly as the Actions runner unescapes them
(actions/runner ActionCommand.cs): in data `%` `\\r` `\\n`; in properties also `:` and `,`.
Control characters are made visible first, so a value can neither end the command line
nor start a new one.

Positions follow the runner and the toolkit (docs/output.md cites them): ``endColumn`` is the
column of the last character, inclusive (the runner's IssueExtensions.ToAnnotation defaults it
to ``col``; actions/toolkit documents "Defaults to `startColumn`"), and columns are only sent
when the annotation starts and ends on the same line (the runner drops them otherwise).
"""

from __future__ import annotations

from itertools import groupby

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import say, tr
from deancli.base.textsafe import safe
from deancli.check.result import CheckResult
from deancli.render.reports.base import StreamReporter
from deancli.render.reports.regions import region
from deancli.render.reports.summary import counts

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def position(d: Diagnostic, lines: list[str] | None = None) -> list[str]:
    """``line``, ``col``, ``endLine``, ``endColumn`` as the runner reads them; nothing for a
    finding about the whole file (a file-level annotation)."""
    loc = d.location
    if loc.line is None:
        return []
    r = region(loc, lines)
    if loc.column is None or r.end_line != r.start_line:
        return [f"line={r.start_line}", f"endLine={r.end_line}"]
    last = max(r.start_column, r.end_column - 1)  # inclusive
    return [
        f"line={r.start_line}",
        f"col={r.start_column}",
        f"endLine={r.end_line}",
        f"endColumn={last}",
    ]


def annotation(d: Diagnostic, lines: list[str] | None = None) -> str:
    loc = d.location
    props = [f"file={escape_property(safe(loc.path))}", *position(d, lines)]
    props.append(f"title={escape_property(f'dean {d.code} {d.name}')}")
    message = safe(say(d.message))
    if d.hint:
        message += "\n" + tr("help: {hint}", hint=safe(say(d.hint)))
    for rel in d.related:
        where = safe(rel.location.path)
        if rel.location.line is not None:
            where += f":{rel.location.line}:{rel.location.column or 1}"
        message += "\n" + tr("note: {note} at {where}", note=safe(say(rel.message)), where=where)
    return f"::{LEVEL[d.severity]} {','.join(props)}::{escape_data(message)}"


class GithubReporter(StreamReporter):
    def report(self, result: CheckResult) -> None:
        for path, items in groupby(result.diagnostics, key=lambda d: d.location.path):
            self.out.write(f"::group::{escape_data(safe(path))}\n")
            for d in items:
                self.out.write(annotation(d, result.sources.get(path)) + "\n")
            self.out.write("::endgroup::\n")
        self.out.write(f"dean: {counts(result)}\n")  # as the job summary says
