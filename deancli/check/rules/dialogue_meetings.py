"""DEAN221 dialogue-inactive: no meeting of the dialogue is recorded within a period before
the reference date (12 months by default; `[dialogue-meetings] months` in the
configuration).

Documented for users in docs/rules.md (`dean explain DEAN221`).
"""

from __future__ import annotations

from collections.abc import Iterator

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import M, nM
from deancli.check.rules._base import Context, RuleInfo
from deancli.plan.evidence import months_between
from deancli.plan.model import Plan, period_start

RULE = RuleInfo(
    "DEAN221",
    "dialogue-inactive",
    Severity.WARNING,
    "no meeting of the dialogue recorded within the period",
)


def check(plan: Plan, ctx: Context) -> Iterator[Diagnostic]:
    doc = plan.dialogue_doc
    if doc is None or not doc.ok or not isinstance(doc.data.get("dialogue"), dict):
        return
    dates = [s for m in plan.meetings if (s := period_start(m.date)) and s <= ctx.as_of]
    if not dates:
        return
    last = max(dates)
    age = months_between(last, ctx.as_of)
    if age > ctx.meeting_months:
        yield RULE.diag(
            doc,
            ("dialogue", "meetings"),
            nM(
                "no meeting of the dialogue recorded since {date} ({n} month)",
                "no meeting of the dialogue recorded since {date} ({n} months)",
                age,
                date=last.isoformat(),
            ),
            hint=M(
                "record a later meeting with its source, or say in `last_known_meeting` that "
                "none was found (and suppress this with that reason)"
            ),
            key=True,
        )
