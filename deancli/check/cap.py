"""A cap on findings per file: hostile files must not flood a CI log (DEAN015)."""

from __future__ import annotations

from typing import Final

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import M, nM

MAX_FINDINGS_PER_FILE = 100
TOO_MANY_FINDINGS: Final = (
    "DEAN015",
    "too-many-findings",
    Severity.INFO,
    f"more than {MAX_FINDINGS_PER_FILE} findings in one file; the rest are counted, not listed",
)


def cap_per_file(diags: list[Diagnostic]) -> list[Diagnostic]:
    """At most MAX_FINDINGS_PER_FILE findings per file (the first in reading order), then one
    note saying how many more there are: hostile files must not flood a CI log."""
    from collections import defaultdict

    from deancli.base.diagnostics import Location

    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in diags:
        by_file[d.location.path].append(d)
    out: list[Diagnostic] = []
    for path, items in by_file.items():
        if len(items) <= MAX_FINDINGS_PER_FILE:
            out += items
            continue
        items.sort(key=Diagnostic.sort_key)
        out += items[:MAX_FINDINGS_PER_FILE]
        out.append(
            Diagnostic(
                *TOO_MANY_FINDINGS[:3],
                nM(
                    "{n} more finding in this file not shown",
                    "{n} more findings in this file not shown",
                    len(items) - MAX_FINDINGS_PER_FILE,
                ),
                Location(path),
                hint=M("fix the findings above and run dean validate again"),
            )
        )
    return out
