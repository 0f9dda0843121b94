"""GitHub Actions workflow commands: one annotation per finding, grouped per file.

Data and properties are escaped exactly as the Actions runner unescapes them
(actions/runner ActionCommand.cs): in data `%` `\\r` `\\n`; in properties also `:` and `,`.
Control characters are made visible first, so a value can neither end the command line
nor start a new one.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import groupby
from typing import ClassVar, TextIO

from deancli.diagnostics import Diagnostic, Severity
from deancli.result import CheckResult
from deancli.textsafe import plural, safe

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

    def __init__(self, out: TextIO, *, color: bool | None = None) -> None:
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


def in_actions(environ: dict[str, str] | None = None) -> bool:
    import os

    env = os.environ if environ is None else environ
    return env.get("GITHUB_ACTIONS") == "true"


@contextmanager
def fenced(out: TextIO, enabled: bool) -> Iterator[None]:
    """Under GitHub Actions, stop the runner from reading workflow commands in what follows:
    human output quotes plan files, and a value must never become a command. The token is
    random, so file content cannot guess it to turn commands back on."""
    if not enabled:
        yield
        return
    token = secrets.token_hex(16)
    out.write(f"::stop-commands::{token}\n")
    out.flush()
    try:
        yield
    finally:
        out.flush()
        out.write(f"::{token}::\n")
        out.flush()
