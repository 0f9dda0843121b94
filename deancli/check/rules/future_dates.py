"""DEAN209 future-date: Dates that record the past are not after the reference date (today, or
`--as-of`): `completed_on`, `completed_by`, `status_as_of`, and the dates of indicator actual
values.

Documented for users in docs/rules.md (`dean explain DEAN209`).
"""

from __future__ import annotations

from collections.abc import Iterator

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import M
from deancli.check.rules._base import Context, RuleInfo
from deancli.plan.model import Plan, period_start

RULE = RuleInfo(
    "DEAN209", "future-date", Severity.ERROR, "a completion or status date after the reference date"
)


def check(plan: Plan, ctx: Context) -> Iterator[Diagnostic]:
    today = ctx.as_of
    for ini in plan.initiatives:
        fields: list[tuple[str | None, tuple[str | int, ...]]] = [
            (ini.status_as_of, ("status_as_of",))
        ]
        for m in ini.milestones:
            fields += [
                (m.completed_on, (*m.parts, "completed_on")),
                (m.completed_by, (*m.parts, "completed_by")),
                (m.status_as_of, (*m.parts, "status_as_of")),
            ]
        for n, ind in enumerate(ini.data.get("indicators") or []):
            if isinstance(ind, dict):
                for k, a in enumerate(ind.get("actuals") or []):
                    if isinstance(a, dict) and isinstance(a.get("date"), str):
                        fields.append((a["date"], ("indicators", n, "actuals", k, "date")))
        for value, parts in fields:
            start = period_start(value)
            if start is not None and start > today:
                yield RULE.diag(
                    ini.doc,
                    parts,
                    M(
                        "`{key}` {value} is after the reference date {today}",
                        key=parts[-1],
                        value=value,
                        today=today.isoformat(),
                    ),
                    hint=M("a past event cannot have a future date; check the year"),
                )
