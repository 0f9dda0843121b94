"""Hand-built check results for the reporter tests: every shape a finding can take (with
and without a position, end position, hint, related note; each severity) and one value
carrying characters that must never reach a terminal or a CI log raw."""

from __future__ import annotations

import datetime as dt

from deancli.base.diagnostics import Diagnostic, Location, Related, Severity
from deancli.check.result import CheckResult

A = "plan/initiatives/01-a.yaml"
DIALOGUE = "plan/dialogue.yaml"
NOTES = "plan/notes.yaml"

SOURCE_A = [
    "schema_version: 1",
    "id: 1",
    "leads: {mx: [], us: [DCO]}",
    "milestones:",
    "  - id: a",
    "  - id: a",
    "x-note: \x1b[31mred%\x1b[0m",
]

FINDINGS = [
    Diagnostic(
        "DEAN204",
        "unknown-organization",
        Severity.ERROR,
        "unknown organization `DCO`",
        Location(A, 3, 23, 3, 26),
        "$.leads.us[0]",
        "did you mean `DOC`? (known ids: DOC, SE)",
    ),
    Diagnostic(
        "DEAN201",
        "duplicate-id",
        Severity.ERROR,
        "duplicate milestone id `a`",
        Location(A, 6, 9, 6, 10),
        "$.milestones[1].id",
        "give this milestone id another id",
        (Related(Location(A, 5, 9, 5, 10), "first used here"),),
    ),
    Diagnostic(
        "DEAN211",
        "missing-lead",
        Severity.WARNING,
        "no Mexican lead for initiative 1",
        Location(A, 3, 9, 3, 11),
        "$.leads.mx",
        "add the lead's organization id when a source names it",
    ),
    Diagnostic(
        "DEAN101",
        "unknown-key",
        Severity.ERROR,
        "unknown key `x-note\x1b[31m`, 50% off,\nnext line ##[group]",
        Location(A, 7, 1),
        "$['x-note\\x1b']",
    ),
    Diagnostic(
        "DEAN004",
        "unexpected-file",
        Severity.WARNING,
        "file is not part of the plan layout and was not checked",
        Location(NOTES),
        hint="initiative files belong in initiatives/",
    ),
    Diagnostic(
        "DEAN015",
        "too-many-findings",
        Severity.INFO,
        "3 more findings in this file not shown",
        Location(DIALOGUE),
    ),
]

FILES = [DIALOGUE, "plan/organizations.yaml", A, "plan/initiatives/02-b.yaml"]


def result(findings: list[Diagnostic] | None = None) -> CheckResult:
    """The findings above (or ``findings``) in a plan of four files."""
    diags = FINDINGS if findings is None else findings
    return CheckResult(
        diagnostics=list(diags),
        files_checked=4,
        files_reported=4,
        plan_root="plan",
        as_of=dt.date(2026, 11, 28),
        initiatives=2,
        pillars=2,
        organizations=2,
        files=FILES,
        file_pillars={A: 1, "plan/initiatives/02-b.yaml": 2},
        pillar_labels={1: "I: One", 2: "II: Two"},
        sources={A: SOURCE_A} if diags else {},
    )
