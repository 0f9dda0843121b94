"""DEAN207 unknown-source: Every source id cited (`sources`, `status_sources`, provenance, leads,
participants, indicators) is defined under `sources` in the same file or in dialogue.yaml.

Documented for users in docs/rules.md (`dean explain DEAN207`).
"""

from __future__ import annotations

from collections.abc import Iterator

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import M
from deancli.base.suggest import closest
from deancli.check.rules._base import Context, RuleInfo
from deancli.plan.model import Plan, cited_source_ids, iter_source_refs

RULE = RuleInfo(
    "DEAN207", "unknown-source", Severity.ERROR, "a cited source id that is not defined"
)


def check(plan: Plan, ctx: Context) -> Iterator[Diagnostic]:
    shared = {s.id for s in plan.shared_sources}
    for doc in plan.documents:
        if not doc.ok:
            continue
        local = (
            {
                s["id"]
                for s in (doc.data.get("sources") or [])
                if isinstance(s, dict) and isinstance(s.get("id"), str)
            }
            if isinstance(doc.data.get("sources"), list)
            else set()
        )
        known = shared | local
        if known.issuperset(cited_source_ids(doc)):
            continue  # every citation known: no need for their paths
        refs = sorted(iter_source_refs(doc.data), key=lambda r: str(r[1]))
        for value, parts in refs:
            if value in known:
                continue
            guess = closest(value, sorted(known))
            hint = (
                M("did you mean `{guess}`?", guess=guess)
                if guess
                else M(
                    "add it to this file's `sources` list (or to dialogue.yaml if several "
                    "files cite it)"
                )
            )
            yield RULE.diag(doc, parts, M("unknown source `{id}`", id=value), hint=hint)
