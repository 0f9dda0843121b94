"""DEAN211 missing-lead: Each initiative names at least one lead organization for each party
(`leads.mx` and `leads.us`). A warning: for many DEAN initiatives no lead is publicly known, and
an empty list is the honest record of that.

Documented for users in docs/rules.md (`dean explain DEAN211`).
"""

from __future__ import annotations

from collections.abc import Iterator

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import N_, M
from deancli.check.rules._base import Context, RuleInfo
from deancli.plan.model import Plan

RULE = RuleInfo(
    "DEAN211", "missing-lead", Severity.WARNING, "no lead organization known for a party"
)

_MESSAGES = {
    "mx": N_("no Mexican lead for initiative {label}"),
    "us": N_("no U.S. lead for initiative {label}"),
}


def check(plan: Plan, ctx: Context) -> Iterator[Diagnostic]:
    for ini in plan.initiatives:
        leads = ini.data.get("leads")
        if not isinstance(leads, dict):
            continue
        for side in ("mx", "us"):
            if isinstance(leads.get(side), list) and not leads[side]:
                yield RULE.diag(
                    ini.doc,
                    ("leads", side),
                    M(_MESSAGES[side], label=ini.label),
                    hint=M("add the lead's organization id when a source names it"),
                    key=True,
                )
