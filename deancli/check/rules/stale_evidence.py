"""DEAN220 stale-evidence: a status that claims something current (an initiative `active` or
`finalising`, a milestone `in_progress`, or `planned` and past due) rests on evidence older
than a threshold (12 months by default; `[stale-evidence] months` in the configuration).

Documented for users in docs/rules.md (`dean explain DEAN220`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import M, nM
from deancli.check.rules._base import Context, RuleInfo
from deancli.plan.evidence import (
    CURRENT_STATUSES,
    Evidence,
    is_stale,
    milestone_evidence,
    months_between,
    newest_evidence,
)
from deancli.plan.model import Plan, period_end

RULE = RuleInfo(
    "DEAN220",
    "stale-evidence",
    Severity.WARNING,
    "a current status whose newest evidence is older than the threshold",
)


def _age(evidence: Evidence | None, as_of: dt.date) -> str:
    if evidence is None:
        return M("no dated evidence")
    return nM(
        "newest evidence {date}, {n} month old",
        "newest evidence {date}, {n} months old",
        months_between(evidence.start, as_of),
        date=evidence.date,
    )


def check(plan: Plan, ctx: Context) -> Iterator[Diagnostic]:
    for ini in plan.initiatives:
        if not ini.doc.ok:
            continue
        if ini.status in CURRENT_STATUSES:
            ev = newest_evidence(plan, ini, ctx.as_of)
            if is_stale(ev, ctx.as_of, ctx.stale_months):
                yield RULE.diag(
                    ini.doc,
                    ("status",),
                    M(
                        "initiative {label} is `{status}` on stale evidence ({age})",
                        label=ini.label,
                        status=ini.status,
                        age=_age(ev, ctx.as_of),
                    ),
                    hint=M(
                        "cite newer evidence, or change the status to what the evidence "
                        "supports (`unknown` when nothing recent is public); suppress with a "
                        "reason if it is known to be current"
                    ),
                )
        for m in ini.milestones:
            current = m.status == "in_progress" or (
                m.status == "planned" and (end := period_end(m.due)) is not None and end < ctx.as_of
            )
            if not current:
                continue
            ev = milestone_evidence(plan, ini, m, ctx.as_of)
            if is_stale(ev, ctx.as_of, ctx.stale_months):
                yield RULE.diag(
                    ini.doc,
                    (*m.parts, "status"),
                    M(
                        "milestone `{id}` is `{status}` on stale evidence ({age})",
                        id=m.id,
                        status=m.status,
                        age=_age(ev, ctx.as_of),
                    ),
                    hint=M(
                        "cite newer evidence or record what is known (`unknown`, `done` with "
                        "`completed_by`, `cancelled`)"
                    ),
                )
