"""DEAN204 unknown-organization: Every organization id (co-chairs, leads, participants, milestone
owners, `superseded_by`, one id or a list) is defined in organizations.yaml.

Documented for users in docs/rules.md (`dean explain DEAN204`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import M
from deancli.base.suggest import closest
from deancli.check.rules._base import Context, RuleInfo
from deancli.plan.loader import Document
from deancli.plan.model import Parts, Plan

RULE = RuleInfo(
    "DEAN204",
    "unknown-organization",
    Severity.ERROR,
    "an organization id that organizations.yaml does not define",
)


def _refs(doc: Document, data: dict[str, Any]) -> Iterator[tuple[str, Parts]]:
    def strs(container: Any, parts: Parts) -> Iterator[tuple[str, Parts]]:
        if isinstance(container, list):
            for i, x in enumerate(container):
                if isinstance(x, str):
                    yield x, (*parts, i)

    if doc.kind == "dialogue":
        dlg = data.get("dialogue")
        if isinstance(dlg, dict) and isinstance(dlg.get("co_chairs"), dict):
            for side, v in dlg["co_chairs"].items():
                yield from strs(v, ("dialogue", "co_chairs", side))
    elif doc.kind == "organizations":
        for i, o in enumerate(data.get("organizations") or []):
            if isinstance(o, dict) and isinstance(o.get("superseded_by"), str):
                yield o["superseded_by"], ("organizations", i, "superseded_by")
            elif isinstance(o, dict):  # a list when the functions were split
                yield from strs(o.get("superseded_by"), ("organizations", i, "superseded_by"))
    elif doc.kind == "initiative":
        leads = data.get("leads")
        if isinstance(leads, dict):
            for side in ("mx", "us"):
                yield from strs(leads.get(side), ("leads", side))
        for i, p in enumerate(data.get("participants") or []):
            if isinstance(p, dict) and isinstance(p.get("org"), str):
                yield p["org"], ("participants", i, "org")
        for i, m in enumerate(data.get("milestones") or []):
            if isinstance(m, dict):
                yield from strs(m.get("owners"), ("milestones", i, "owners"))


def check(plan: Plan, ctx: Context) -> Iterator[Diagnostic]:
    if plan.organizations_doc is None:
        return
    known = sorted(plan.organizations)
    for doc in plan.documents:
        if not doc.ok:
            continue
        for value, parts in _refs(doc, doc.data):
            if value in plan.organizations:
                continue
            guess = closest(value, known)
            known_list = ", ".join(known)
            yield RULE.diag(
                doc,
                parts,
                M("unknown organization `{id}`", id=value),
                hint=M("did you mean `{guess}`? (known ids: {ids})", guess=guess, ids=known_list)
                if guess
                else M("known ids: {ids}; or add it to organizations.yaml", ids=known_list),
            )
