"""Dated evidence: the newest date among what an initiative cites (its sources, its
`status_as_of`, its milestones' completion and `status_as_of` dates). Views show it; the
stale-evidence rule measures its age."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from deancli.plan.model import Initiative, Milestone, Plan, cited_source_ids, period_start


@dataclass(frozen=True)
class Evidence:
    """A dated piece of evidence. Partial dates (``2023-09``, ``2023``) compare by the start
    of their period (what is certain); on a tie the more precise date wins."""

    date: str  # as written (may be partial)
    start: dt.date

    def newer_than(self, other: Evidence | None) -> bool:
        if other is None:
            return True
        return (self.start, len(self.date)) > (other.start, len(other.date))


def newest(a: Evidence | None, b: Evidence | None) -> Evidence | None:
    if b is None:
        return a
    return b if b.newer_than(a) else a


def newest_evidence(plan: Plan, ini: Initiative, as_of: dt.date) -> Evidence | None:
    sources = plan.sources_for(ini)
    dates: set[str] = set()  # the same few dates recur: compare each once
    for ref in cited_source_ids(ini.doc):
        src = sources.get(ref)
        if src is not None and src.date:
            dates.add(src.date)
    if ini.status_as_of:
        dates.add(ini.status_as_of)
    for m in ini.milestones:
        dates.update(d for d in (m.completed, m.status_as_of) if d)
    best: Evidence | None = None
    for value in dates:
        start = period_start(value)
        if start is None or start > as_of:
            continue
        candidate = Evidence(value, start)
        if candidate.newer_than(best):
            best = candidate
    return best


def milestone_evidence(
    plan: Plan, ini: Initiative, m: Milestone, as_of: dt.date
) -> Evidence | None:
    """The newest dated evidence about one milestone: its dates and its sources' dates."""
    sources = plan.sources_for(ini)
    dates = {d for d in (m.completed, m.status_as_of) if d}
    dates.update(sources[r].date or "" for r in m.sources if r in sources)
    best: Evidence | None = None
    for value in dates:
        start = period_start(value) if value else None
        if start is None or start > as_of:
            continue
        candidate = Evidence(value, start)
        if candidate.newer_than(best):
            best = candidate
    return best


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (0 when ``end`` is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


CURRENT_STATUSES = ("active", "finalising")  # initiative statuses that claim the present


def is_stale(evidence: Evidence | None, as_of: dt.date, months: int) -> bool:
    """Evidence older than ``months`` before ``as_of`` (or none at all)."""
    return evidence is None or months_between(evidence.start, as_of) > months


def initiative_is_stale(
    plan: Plan, ini: Initiative, as_of: dt.date, months: int, evidence: Evidence | None = None
) -> bool:
    """An initiative whose status claims the present rests on stale evidence (DEAN220)."""
    if ini.status not in CURRENT_STATUSES:
        return False
    return is_stale(evidence or newest_evidence(plan, ini, as_of), as_of, months)
