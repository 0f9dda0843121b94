"""DEAN203 unknown-pillar: An initiative's `pillar` is the number of a pillar defined in
dialogue.yaml.

Documented for users in docs/rules.md (`dean explain DEAN203`).
"""

from __future__ import annotations

from collections.abc import Iterator

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import M
from deancli.check.rules._base import Context, RuleInfo
from deancli.plan.model import Plan

RULE = RuleInfo(
    "DEAN203", "unknown-pillar", Severity.ERROR, "an initiative names a pillar that does not exist"
)


def check(plan: Plan, ctx: Context) -> Iterator[Diagnostic]:
    if plan.dialogue_doc is None:
        return
    numbers = [p.number for p in plan.pillars]
    for ini in plan.initiatives:
        if ini.pillar is not None and ini.pillar not in numbers:
            yield RULE.diag(
                ini.doc,
                ("pillar",),
                M("unknown pillar `{pillar}`", pillar=ini.pillar),
                hint=M(
                    "pillars defined in dialogue.yaml: {numbers}",
                    numbers=", ".join(map(str, numbers)),
                ),
            )
