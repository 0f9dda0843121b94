"""DEAN210 date-order: Dates are in a possible order: the dialogue was established before it was
relaunched and relaunched before its work plan was presented; meetings are listed oldest first;
an organization's `valid_from` is before its `valid_to`; a milestone is not completed before a
milestone it depends on.

Documented for users in docs/rules.md (`dean explain DEAN210`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import M
from deancli.check.rules._base import Context, RuleInfo, related_at
from deancli.plan.model import Plan, milestone_key, period_end, period_start

RULE = RuleInfo("DEAN210", "date-order", Severity.ERROR, "two dates in an impossible order")


def check(plan: Plan, ctx: Context) -> Iterator[Diagnostic]:
    doc = plan.dialogue_doc
    if doc is not None:
        dlg = doc.data.get("dialogue") if isinstance(doc.data.get("dialogue"), dict) else {}
        assert isinstance(dlg, dict)
        chain = [
            k
            for k in ("established", "relaunched", "work_plan_presented")
            if isinstance(dlg.get(k), str)
        ]
        for a, b in itertools.pairwise(chain):
            da, db = period_start(dlg[a]), period_start(dlg[b])
            if da and db and da > db:
                yield RULE.diag(
                    doc,
                    ("dialogue", b),
                    M(
                        "`{b}` {b_date} is before `{a}` {a_date}",
                        a=a,
                        b=b,
                        a_date=dlg[a],
                        b_date=dlg[b],
                    ),
                    hint=M("correct one of the two dates"),
                    related=(related_at(doc, ("dialogue", a), M("`{key}` is here", key=a)),),
                )
        prev = None
        for mt in plan.meetings:
            start = period_start(mt.date)
            if start is None:
                continue
            if prev is not None and start < prev[0]:
                yield RULE.diag(
                    doc,
                    (*mt.parts, "date"),
                    M(
                        "meeting of {date} is listed after the meeting of {previous}",
                        date=mt.date,
                        previous=prev[1],
                    ),
                    hint=M("list meetings oldest first, or correct the date"),
                )
            else:
                prev = (start, mt.date)
    odoc = plan.organizations_doc
    if odoc is not None:
        for i, o in enumerate(odoc.data.get("organizations") or []):
            if not isinstance(o, dict):
                continue
            start, end = o.get("valid_from"), o.get("valid_to")
            if isinstance(start, str) and isinstance(end, str):
                ds, de = period_start(start), period_start(end)
                if ds is not None and de is not None and ds > de:
                    yield RULE.diag(
                        odoc,
                        ("organizations", i, "valid_to"),
                        M("`valid_to` {end} is before `valid_from` {start}", end=end, start=start),
                        hint=M("correct one of the two dates"),
                    )
    done = {
        (ini.id, m.id): (ini, m) for ini in plan.initiatives for m in ini.milestones if m.completed
    }
    for ini in plan.initiatives:
        for m in ini.milestones:
            finished = period_end(m.completed)
            if finished is None:
                continue
            for n, ref in enumerate(m.depends_on):
                dep = done.get(milestone_key(ini, ref))
                if dep is None:
                    continue
                dep_start = period_start(dep[1].completed)
                if dep_start is not None and finished < dep_start:
                    yield RULE.diag(
                        ini.doc,
                        (*m.parts, "depends_on", n),
                        M(
                            "milestone `{id}` was completed ({date}) before `{ref}` "
                            "({ref_date}) that it depends on",
                            id=m.id,
                            date=m.completed,
                            ref=ref,
                            ref_date=dep[1].completed,
                        ),
                        hint=M("correct one of the completion dates, or the dependency"),
                    )
