"""A semantic diff of two plans: what a change means for the plan, not which lines moved.

Pure data; rendering lives in deancli.render.diff.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from deancli.plan.model import Initiative, Milestone, Plan, Text
from deancli.views.progress import Tally, due_label, summarize


@dataclass(frozen=True)
class Change:
    field: str  # status, title.es, leads.mx, milestone, due, ...
    before: Any
    after: Any
    milestone: str | None = None  # the milestone id, for milestone changes

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "milestone": self.milestone,
            "before": self.before,
            "after": self.after,
        }


@dataclass
class InitiativeDiff:
    id: int
    title: Text
    path_before: str | None
    path_after: str | None
    changes: list[Change] = field(default_factory=list)

    @property
    def kind(self) -> str:
        if self.path_before is None:
            return "added"
        if self.path_after is None:
            return "removed"
        return "changed"


@dataclass
class PillarProgress:
    number: int
    roman: str
    title: Text
    before: Tally | None
    after: Tally | None


@dataclass
class PlanDiff:
    base: str
    head: str
    as_of: dt.date
    initiatives: list[InitiativeDiff]
    progress: list[PillarProgress]
    invalid_base: list[str]  # plan files that could not be read at BASE (relative paths)
    invalid_head: list[str]

    @property
    def empty(self) -> bool:
        return not self.initiatives


def milestone_due(m: Milestone) -> str | None:
    return due_label(m.due, m.due_precision) if m.due else None


def _milestone_changes(a: Milestone | None, b: Milestone | None, mid: str) -> list[Change]:
    if a is None and b is not None:
        return [Change("milestone", None, "added", mid)]
    if b is None and a is not None:
        return [Change("milestone", "removed", None, mid)]
    assert a is not None and b is not None
    out = []
    if a.status != b.status:
        if b.status == "done":
            out.append(Change("completed", a.status, b.completed or "done", mid))
        else:
            out.append(Change("status", a.status, b.status, mid))
    if milestone_due(a) != milestone_due(b):
        out.append(Change("due", milestone_due(a), milestone_due(b), mid))
    if a.status == b.status == "done" and a.completed != b.completed:
        out.append(Change("completion date", a.completed, b.completed, mid))
    if (a.title.es, a.title.en) != (b.title.es, b.title.en):
        out.append(Change("title", a.title.get("en"), b.title.get("en"), mid))
    return out


def initiative_changes(a: Initiative, b: Initiative) -> list[Change]:
    """What changed in one initiative, matched by id: file, titles, pillar, status, leads,
    and each milestone (``dean diff`` and ``dean history --events`` share it)."""
    out = []
    if a.doc.rel != b.doc.rel:
        out.append(Change("file", a.doc.rel, b.doc.rel))
    for lang in ("es", "en"):
        if a.title.get(lang) != b.title.get(lang) and (a.title.has(lang) or b.title.has(lang)):
            out.append(Change(f"title.{lang}", a.title.get(lang), b.title.get(lang)))
    if a.pillar != b.pillar:
        out.append(Change("pillar", a.pillar, b.pillar))
    if a.status != b.status:
        out.append(Change("status", a.status, b.status))
    for side in ("mx", "us"):
        if a.leads.get(side, []) != b.leads.get(side, []):
            out.append(Change(f"leads.{side}", a.leads.get(side, []), b.leads.get(side, [])))
    ma = {m.id: m for m in a.milestones}
    mb = {m.id: m for m in b.milestones}
    order = [m.id for m in b.milestones] + [m.id for m in a.milestones if m.id not in mb]
    for mid in order:
        out += _milestone_changes(ma.get(mid), mb.get(mid), mid)
    return out


def diff_plans(
    before: Plan,
    after: Plan,
    *,
    base: str,
    head: str,
    as_of: dt.date,
    invalid_base: list[str],
    invalid_head: list[str],
) -> PlanDiff:
    ia = {i.id: i for i in before.initiatives if i.id is not None}
    ib = {i.id: i for i in after.initiatives if i.id is not None}
    diffs = []
    for ident in sorted(set(ia) | set(ib)):
        a, b = ia.get(ident), ib.get(ident)
        if (b is None and a is not None and a.doc.rel in invalid_head) or (
            a is None and b is not None and b.doc.rel in invalid_base
        ):
            continue  # unreadable on one side: named in invalid_*, not called added/removed
        title = (b or a).title  # type: ignore[union-attr]
        d = InitiativeDiff(ident, title, a.doc.rel if a else None, b.doc.rel if b else None)
        if a is not None and b is not None:
            d.changes = initiative_changes(a, b)
            if not d.changes:
                continue
        diffs.append(d)
    sa, sb = summarize(before, as_of), summarize(after, as_of)
    ta = {p.number: p for p in sa.pillars}
    tb = {p.number: p for p in sb.pillars}
    progress = []
    for number in sorted(set(ta) | set(tb)):
        pillar = after.pillar(number) or before.pillar(number)
        assert pillar is not None
        progress.append(
            PillarProgress(
                number,
                pillar.roman,
                pillar.title,
                ta[number].tally if number in ta else None,
                tb[number].tally if number in tb else None,
            )
        )
    return PlanDiff(base, head, as_of, diffs, progress, invalid_base, invalid_head)


def _tally(t: Tally | None) -> dict[str, Any] | None:
    if t is None:
        return None
    return {
        "done": t.done,
        "counted": t.counted,
        "overdue": t.overdue,
        "unknown": t.unknown,
        "progress": None if t.ratio is None else round(t.ratio, 4),
    }


def to_dict(diff: PlanDiff) -> dict[str, Any]:
    from deancli import __version__

    return {
        "version": 1,
        "kind": "diff",
        "tool": {"name": "dean", "version": __version__},
        "base": {"rev": diff.base, "invalid_files": diff.invalid_base},
        "head": {"rev": diff.head, "invalid_files": diff.invalid_head},
        "as_of": diff.as_of.isoformat(),
        "initiatives": [
            {
                "id": d.id,
                "kind": d.kind,
                "title": {"es": d.title.es, "en": d.title.en},
                "path_before": d.path_before,
                "path_after": d.path_after,
                "changes": [c.to_dict() for c in d.changes],
            }
            for d in diff.initiatives
        ],
        "progress": [
            {
                "pillar": p.number,
                "roman": p.roman,
                "before": _tally(p.before),
                "after": _tally(p.after),
            }
            for p in diff.progress
        ],
    }
