"""DEAN205 unknown-dependency: References between initiatives and milestones resolve: `depends_on`
and `related[].initiative` name existing initiative ids; a milestone's `depends_on` names a
milestone of the same file (`id`) or of another initiative (`N/id`). Nothing depends on itself.

Documented for users in docs/rules.md (`dean explain DEAN205`).
"""

from __future__ import annotations

from collections.abc import Iterator

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import M
from deancli.check.rules._base import Context, RuleInfo
from deancli.plan.model import Plan, milestone_key

RULE = RuleInfo(
    "DEAN205",
    "unknown-dependency",
    Severity.ERROR,
    "a dependency or related initiative that does not exist",
)


def check(plan: Plan, ctx: Context) -> Iterator[Diagnostic]:
    ids = {i.id for i in plan.initiatives if i.id is not None}
    milestones = {(i.id, m.id) for i in plan.initiatives for m in i.milestones}
    for ini in plan.initiatives:
        deps = ini.data.get("depends_on")
        for n, dep in enumerate(deps if isinstance(deps, list) else []):
            if not isinstance(dep, int):
                continue
            if dep == ini.id:
                yield RULE.diag(
                    ini.doc,
                    ("depends_on", n),
                    M("initiative depends on itself"),
                    hint=M("remove this entry"),
                )
            elif dep not in ids:
                yield RULE.diag(
                    ini.doc,
                    ("depends_on", n),
                    M("unknown initiative `{id}`", id=dep),
                    hint=M(
                        "initiative ids in this plan: {ids}", ids=", ".join(map(str, sorted(ids)))
                    ),
                )
        related = ini.data.get("related")
        for n, rel in enumerate(related if isinstance(related, list) else []):
            target = rel.get("initiative") if isinstance(rel, dict) else None
            if isinstance(target, int) and target not in ids:
                yield RULE.diag(
                    ini.doc,
                    ("related", n, "initiative"),
                    M("unknown initiative `{id}`", id=target),
                    hint=M(
                        "initiative ids in this plan: {ids}", ids=", ".join(map(str, sorted(ids)))
                    ),
                )
        for m in ini.milestones:
            for n, ref in enumerate(m.depends_on):
                key = milestone_key(ini, ref)
                if key == (ini.id, m.id):
                    yield RULE.diag(
                        ini.doc,
                        (*m.parts, "depends_on", n),
                        M("milestone depends on itself"),
                        hint=M("remove this entry"),
                    )
                elif key not in milestones:
                    local = ", ".join(f"`{x.id}`" for x in ini.milestones if x is not m)
                    yield RULE.diag(
                        ini.doc,
                        (*m.parts, "depends_on", n),
                        M("unknown milestone `{ref}`", ref=ref),
                        hint=M(
                            "use a milestone id of this file ({ids}), or N/id for initiative N",
                            ids=local,
                        )
                        if local
                        else M("use a milestone id of this file, or N/id for initiative N"),
                    )
