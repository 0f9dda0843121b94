"""DEAN212 status-mismatch: An initiative's status agrees with its milestones: a `completed`
initiative has no milestone still planned or in progress (context and illustrative milestones
aside). A warning.

Documented for users in docs/rules.md (`dean explain DEAN212`).
"""

from __future__ import annotations

from collections.abc import Iterator

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import M
from deancli.check.rules._base import Context, RuleInfo
from deancli.plan.model import Plan

RULE = RuleInfo(
    "DEAN212", "status-mismatch", Severity.WARNING, "a completed initiative with open milestones"
)


def check(plan: Plan, ctx: Context) -> Iterator[Diagnostic]:
    for ini in plan.initiatives:
        if ini.status != "completed":
            continue
        open_ = [
            m.id
            for m in ini.milestones
            if m.status in ("planned", "in_progress") and m.kind != "context" and not m.illustrative
        ]
        if open_:
            yield RULE.diag(
                ini.doc,
                ("status",),
                M("initiative is completed but milestones are open: {ids}", ids=", ".join(open_)),
                hint=M("mark those milestones done or cancelled, or change the status"),
            )
