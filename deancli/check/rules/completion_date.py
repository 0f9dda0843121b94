"""DEAN208 completion-date: A milestone with `status: done` has a completion date: `completed_on`
(the day) or `completed_by` (reported done by that date when the day is unknown). A milestone
that is not done has neither.

Documented for users in docs/rules.md (`dean explain DEAN208`).
"""

from __future__ import annotations

from collections.abc import Iterator

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import M
from deancli.check.rules._base import Context, RuleInfo
from deancli.plan.model import Plan

RULE = RuleInfo(
    "DEAN208",
    "completion-date",
    Severity.ERROR,
    "done without a completion date, or a completion date while not done",
)


def check(plan: Plan, ctx: Context) -> Iterator[Diagnostic]:
    for ini in plan.initiatives:
        for m in ini.milestones:
            has_date = "completed_on" in ini.data["milestones"][m.parts[1]] or (
                "completed_by" in ini.data["milestones"][m.parts[1]]
            )
            if m.status == "done" and not has_date:
                yield RULE.diag(
                    ini.doc,
                    (*m.parts, "status"),
                    M("milestone `{id}` is done but has no completion date", id=m.id),
                    hint=M(
                        "add `completed_on: YYYY-MM-DD`, or `completed_by:` when only a "
                        "reporting date is known"
                    ),
                )
            elif m.status != "done" and has_date:
                field = "completed_on" if m.completed_on else "completed_by"
                yield RULE.diag(
                    ini.doc,
                    (*m.parts, field),
                    M(
                        "milestone `{id}` has `{field}` but status `{status}`",
                        id=m.id,
                        field=field,
                        status=m.status,
                    ),
                    hint=M("set `status: done`, or remove the completion date"),
                    key=True,
                )
