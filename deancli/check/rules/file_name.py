"""DEAN202 file-name-mismatch: An initiative file is named `NN-slug.yaml`: `NN` is its `id`, zero-
padded to at least two digits (`08`, or `0008` in a large plan), and `slug` its `slug` (when the
file has one).

Documented for users in docs/rules.md (`dean explain DEAN202`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import M
from deancli.check.rules._base import Context, RuleInfo
from deancli.plan.model import Plan

RULE = RuleInfo(
    "DEAN202",
    "file-name-mismatch",
    Severity.ERROR,
    "an initiative file's name disagrees with its id or slug",
)

# fullmatch with DOTALL: a newline in a name is part of the slug, never a line end
_NAME_RE = re.compile(r"(\d+)-(.+)\.ya?ml", re.S)


def expected_name(ident: int, slug: str | None) -> str:
    return f"{ident:02d}-{slug}.yaml" if slug else f"{ident:02d}-<slug>.yaml"


def check(plan: Plan, ctx: Context) -> Iterator[Diagnostic]:
    for ini in plan.initiatives:
        if ini.id is None:
            continue
        name = ini.doc.path.name
        m = _NAME_RE.fullmatch(name)
        want = expected_name(ini.id, ini.slug)
        if m is None or int(m.group(1)) != ini.id or len(m.group(1)) < 2:
            yield RULE.diag(
                ini.doc,
                ("id",),
                M("file name `{name}` does not match id `{id}`", name=name, id=ini.id),
                hint=M("rename the file to `{name}`", name=want),
            )
        elif ini.slug is not None and m.group(2) != ini.slug:
            yield RULE.diag(
                ini.doc,
                ("slug",),
                M("file name `{name}` does not match slug `{slug}`", name=name, slug=ini.slug),
                hint=M(
                    "rename the file to `{name}`, or set `slug: {slug}`", name=want, slug=m.group(2)
                ),
            )
