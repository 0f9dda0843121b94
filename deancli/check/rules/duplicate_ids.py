"""DEAN201 duplicate-id: Ids are unique: initiative ids across all files; milestone, indicator and
source ids within a file; source ids between a file and the shared sources of dialogue.yaml;
pillar numbers and organization ids in their registries.

Documented for users in docs/rules.md (`dean explain DEAN201`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import N_, M
from deancli.check.rules._base import Context, RuleInfo, related_at
from deancli.plan.loader import Document
from deancli.plan.model import Parts, Plan

RULE = RuleInfo("DEAN201", "duplicate-id", Severity.ERROR, "the same id is used twice")


# what is duplicated: (message, hint), each with its own words in Spanish
_WHAT = {
    "milestone id": (N_("duplicate milestone id `{value}`"), N_("give this milestone another id")),
    "indicator id": (N_("duplicate indicator id `{value}`"), N_("give this indicator another id")),
    "source id": (N_("duplicate source id `{value}`"), N_("give this source another id")),
    "pillar number": (
        N_("duplicate pillar number `{value}`"),
        N_("give this pillar another number"),
    ),
    "organization id": (
        N_("duplicate organization id `{value}`"),
        N_("give this organization another id"),
    ),
}


def _dupes(doc: Document, items: list[tuple[Any, Parts]], what: str) -> Iterator[Diagnostic]:
    first: dict[Any, Parts] = {}
    message, hint = _WHAT[what]
    for value, parts in items:
        if value in first:
            yield RULE.diag(
                doc,
                parts,
                M(message, value=value),
                hint=M(hint),
                related=(related_at(doc, first[value], M("first used here")),),
            )
        else:
            first[value] = parts


def check(plan: Plan, ctx: Context) -> Iterator[Diagnostic]:
    seen: dict[int, Any] = {}
    for ini in plan.initiatives:
        if ini.id is None:
            continue
        if ini.id in seen:
            other = seen[ini.id]
            yield RULE.diag(
                ini.doc,
                ("id",),
                M("duplicate initiative id `{id}`", id=ini.id),
                hint=M("each initiative needs its own number; use the next free one"),
                related=(
                    related_at(
                        other.doc, ("id",), M("also used in {path}", path=other.doc.display)
                    ),
                ),
            )
        else:
            seen[ini.id] = ini
        doc = ini.doc
        yield from _dupes(doc, [(m.id, (*m.parts, "id")) for m in ini.milestones], "milestone id")
        yield from _dupes(
            doc,
            [
                (ind.get("id"), ("indicators", i, "id"))
                for i, ind in enumerate(ini.data.get("indicators") or [])
                if isinstance(ind, dict) and isinstance(ind.get("id"), str)
            ],
            "indicator id",
        )
        yield from _dupes(doc, [(s.id, (*s.parts, "id")) for s in ini.sources], "source id")
        shared = {s.id: s for s in plan.shared_sources}
        for s in ini.sources:
            if s.id in shared:
                yield RULE.diag(
                    doc,
                    (*s.parts, "id"),
                    M("source id `{id}` is also a shared source", id=s.id),
                    hint=M(
                        "cite the shared source from dialogue.yaml and remove this copy, or "
                        "rename it"
                    ),
                    related=(
                        related_at(
                            shared[s.id].doc,
                            (*shared[s.id].parts, "id"),
                            M("shared source defined here"),
                        ),
                    ),
                )
    if plan.dialogue_doc is not None:
        doc = plan.dialogue_doc
        yield from _dupes(doc, [(s.id, (*s.parts, "id")) for s in plan.shared_sources], "source id")
        yield from _dupes(
            doc, [(p.number, (*p.parts, "number")) for p in plan.pillars], "pillar number"
        )
    if plan.organizations_doc is not None:
        doc = plan.organizations_doc
        data = doc.data.get("organizations") or []
        yield from _dupes(
            doc,
            [
                (o.get("id"), ("organizations", i, "id"))
                for i, o in enumerate(data if isinstance(data, list) else [])
                if isinstance(o, dict) and isinstance(o.get("id"), str)
            ],
            "organization id",
        )
