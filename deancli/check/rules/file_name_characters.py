"""DEAN214 unsafe-file-name: an initiative file name holds a control, invisible or bidi
character (a newline, an escape, a zero-width space, a right-to-left override).

Documented for users in docs/rules.md (`dean explain DEAN214`).
"""

from __future__ import annotations

from collections.abc import Iterator

from deancli.base.diagnostics import Diagnostic, Location, Severity
from deancli.base.i18n import M
from deancli.base.textsafe import is_safe, safe
from deancli.check.rules._base import Context, RuleInfo
from deancli.plan.model import Plan

RULE = RuleInfo(
    "DEAN214",
    "unsafe-file-name",
    Severity.ERROR,
    "an initiative file name holds a control, invisible or bidi character",
)


def check(plan: Plan, ctx: Context) -> Iterator[Diagnostic]:
    for ini in plan.initiatives:
        name = ini.doc.path.name
        if is_safe(name):
            continue
        bad = sorted({safe(ch) for ch in name if not is_safe(ch)})
        want = f"{ini.id:02d}-{ini.slug or '<slug>'}.yaml" if ini.id is not None else "NN-slug.yaml"
        yield Diagnostic(  # about the whole file: no line
            RULE.code,
            RULE.name,
            RULE.severity,
            M(
                "file name `{name}` holds {characters}",
                name=name,
                characters=", ".join(f"`{b}`" for b in bad),
            ),
            Location(ini.doc.display),
            hint=M("rename the file to `{name}`", name=want),
        )
