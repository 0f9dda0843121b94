"""Progress semantics: the one place where the numbers in every view come from.

Pure functions over the model; no I/O, no rendering. Documented in docs/progress.md.

- A milestone **counts** toward progress unless it is `kind: context`, `illustrative: true` or
  `status: cancelled`.
- **done**: `status: done`. **unknown**: `status: unknown`.
- **overdue**: `status` planned or in_progress, with a `due` date whose period has ended before
  the reference date. The period follows `due_precision`: day → that day; month → the end of
  that month; quarter → the end of that quarter; year → 31 December. A quarter-precision
  milestone due 2024-Q1 is overdue from 2024-04-01.
- **progress** = done ÷ counted, or none when nothing counts (shown "n/a").
- **newest evidence**: the latest date among the sources an initiative cites, its
  `status_as_of`, and its milestones' completion and `status_as_of` dates, ignoring dates
  after the reference date. Partial dates count from the start of their period.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from deancli.plan.evidence import Evidence, newest, newest_evidence
from deancli.plan.model import (
    Initiative,
    Milestone,
    Plan,
    parse_date,
    period_start,
)

OPEN = ("planned", "in_progress")


def period_of(due: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    """The first and last day of the period a due date stands for."""
    if precision == "month":
        last = calendar.monthrange(due.year, due.month)[1]
        return due.replace(day=1), due.replace(day=last)
    if precision == "quarter":
        q = (due.month - 1) // 3
        start = dt.date(due.year, 3 * q + 1, 1)
        end_month = 3 * q + 3
        return start, dt.date(due.year, end_month, calendar.monthrange(due.year, end_month)[1])
    if precision == "year":
        return dt.date(due.year, 1, 1), dt.date(due.year, 12, 31)
    return due, due


def due_label(due: str | None, precision: str) -> str:
    """``2024-03-31`` with quarter precision → ``2024-Q1``; month → ``2024-03``; year → ``2024``."""
    date = parse_date(due)
    if date is None:
        return due or ""
    if precision == "month":
        return f"{date.year}-{date.month:02d}"
    if precision == "quarter":
        return f"{date.year}-Q{(date.month - 1) // 3 + 1}"
    if precision == "year":
        return str(date.year)
    return date.isoformat()


def counts(m: Milestone) -> bool:
    return m.kind != "context" and not m.illustrative and m.status != "cancelled"


def overdue_from(m: Milestone) -> dt.date | None:
    """The first day ``m`` is overdue (the day after its due period ends), or None when it
    cannot be (not open, or no full due date). ``dean history`` counts overdue milestones at
    many dates from this one figure."""
    if m.status not in OPEN:
        return None
    due = parse_date(m.due)
    if due is None:
        return None
    end = period_of(due, m.due_precision)[1]
    return None if end == dt.date.max else end + dt.timedelta(days=1)


def is_overdue(m: Milestone, as_of: dt.date) -> bool:
    first = overdue_from(m)
    return first is not None and first <= as_of


def state(m: Milestone, as_of: dt.date) -> str:
    """One word for a milestone on a given day: done, overdue, in_progress, upcoming, undated,
    unknown, cancelled, or context (an outside event that is not part of the plan's work)."""
    if m.kind == "context":
        return "context"
    if m.status in ("done", "cancelled", "unknown"):
        return m.status
    if is_overdue(m, as_of):
        return "overdue"
    if m.status == "in_progress":
        return "in_progress"
    return "upcoming" if parse_date(m.due) else "undated"


@dataclass(frozen=True)
class Tally:
    total: int = 0  # every milestone
    counted: int = 0  # those that count toward progress
    done: int = 0
    in_progress: int = 0
    planned: int = 0
    overdue: int = 0
    unknown: int = 0

    @property
    def ratio(self) -> float | None:
        return self.done / self.counted if self.counted else None

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(getattr(self, f) + getattr(other, f) for f in Tally.__dataclass_fields__))


def tally(milestones: list[Milestone], as_of: dt.date) -> Tally:
    counted = [m for m in milestones if counts(m)]
    return Tally(
        total=len(milestones),
        counted=len(counted),
        done=sum(m.status == "done" for m in counted),
        in_progress=sum(m.status == "in_progress" for m in counted),
        planned=sum(m.status == "planned" for m in counted),
        overdue=sum(is_overdue(m, as_of) for m in counted),
        unknown=sum(m.status == "unknown" for m in counted),
    )


@dataclass(frozen=True)
class NextDue:
    milestone: str
    due: str
    precision: str

    @property
    def label(self) -> str:
        return due_label(self.due, self.precision)


def next_due(ini: Initiative, as_of: dt.date) -> NextDue | None:
    """The open, counted milestone due soonest that is not overdue."""
    best: tuple[dt.date, Milestone] | None = None
    for m in ini.milestones:
        if m.status not in OPEN or not counts(m) or is_overdue(m, as_of):
            continue
        due = parse_date(m.due)
        if due is not None and (best is None or due < best[0]):
            best = (due, m)
    if best is None:
        return None
    m = best[1]
    assert m.due is not None
    return NextDue(m.id, m.due, m.due_precision)


@dataclass(frozen=True)
class InitiativeSummary:
    initiative: Initiative
    tally: Tally
    next_due: NextDue | None
    evidence: Evidence | None


@dataclass(frozen=True)
class PillarSummary:
    number: int
    roman: str
    initiatives: list[InitiativeSummary]
    tally: Tally
    evidence: Evidence | None
    by_status: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class PlanSummary:
    as_of: dt.date
    pillars: list[PillarSummary]
    tally: Tally
    evidence: Evidence | None
    initiatives: int
    unassigned: list[InitiativeSummary]  # initiatives whose pillar is not defined


def summarize_initiative(plan: Plan, ini: Initiative, as_of: dt.date) -> InitiativeSummary:
    return InitiativeSummary(
        ini, tally(ini.milestones, as_of), next_due(ini, as_of), newest_evidence(plan, ini, as_of)
    )


def summarize(plan: Plan, as_of: dt.date) -> PlanSummary:
    items = [summarize_initiative(plan, ini, as_of) for ini in plan.initiatives]
    return group(plan, items, as_of, keep_empty=True)


def group(
    plan: Plan, items: list[InitiativeSummary], as_of: dt.date, *, keep_empty: bool
) -> PlanSummary:
    """Pillar totals for ``items`` (every pillar, or only those with items)."""
    by_pillar: dict[int | None, list[InitiativeSummary]] = {}
    for s in items:
        by_pillar.setdefault(s.initiative.pillar, []).append(s)
    pillars = []
    numbers = {p.number for p in plan.pillars}
    for p in plan.pillars:
        mine = by_pillar.get(p.number, [])
        if not mine and not keep_empty:
            continue
        total = Tally()
        ev: Evidence | None = None
        by_status: dict[str, int] = {}
        for s in mine:
            total = total + s.tally
            ev = newest(ev, s.evidence)
            by_status[s.initiative.status] = by_status.get(s.initiative.status, 0) + 1
        pillars.append(PillarSummary(p.number, p.roman, mine, total, ev, by_status))
    grand = Tally()
    ev_all: Evidence | None = None
    for ps in pillars:
        grand = grand + ps.tally
        ev_all = newest(ev_all, ps.evidence)
    unassigned = [s for s in items if s.initiative.pillar not in numbers]
    return PlanSummary(as_of, pillars, grand, ev_all, len(items), unassigned)


def milestone_date(m: Milestone) -> tuple[dt.date | None, str]:
    """The date a milestone sorts and displays by: completion, else due."""
    if m.completed:
        return period_start(m.completed), m.completed
    if m.due:
        return parse_date(m.due), due_label(m.due, m.due_precision)
    return None, ""


def ordered_milestones(ini: Initiative) -> list[Milestone]:
    """Milestones by date (completion, else due), undated last, ties in file order."""
    far = dt.date.max
    keyed = [(milestone_date(m)[0] or far, i, m) for i, m in enumerate(ini.milestones)]
    keyed.sort(key=lambda k: (k[0], k[1]))
    return [m for _, _, m in keyed]
