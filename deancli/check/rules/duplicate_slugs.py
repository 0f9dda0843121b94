"""DEAN213 duplicate-slug: two initiatives share a slug, so `dean show SLUG` (and every
command that takes a slug) cannot tell them apart. Both places are reported.

Documented for users in docs/rules.md (`dean explain DEAN213`).
"""

from __future__ import annotations

from collections.abc import Iterator

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import M
from deancli.check.rules._base import Context, RuleInfo, related_at
from deancli.plan.model import Initiative, Plan

RULE = RuleInfo("DEAN213", "duplicate-slug", Severity.ERROR, "two initiatives share a slug")


def check(plan: Plan, ctx: Context) -> Iterator[Diagnostic]:
    by_slug: dict[str, list[Initiative]] = {}
    for ini in plan.initiatives:
        if ini.slug:
            by_slug.setdefault(ini.slug, []).append(ini)
    for slug, found in by_slug.items():
        if len(found) < 2:
            continue
        for ini in found:
            others = [o for o in found if o is not ini]
            yield RULE.diag(
                ini.doc,
                ("slug",),
                M(
                    "slug `{slug}` is also the slug of initiative {others}",
                    slug=slug,
                    others=", ".join(o.label for o in others),
                ),
                hint=M("give each initiative its own slug (and rename its file to match)"),
                related=tuple(related_at(o.doc, ("slug",), M("the same slug")) for o in others),
            )
