"""`dean timeline`: every dated milestone on a time axis, as plain data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from deancli.plan.model import Initiative, Milestone, Plan, parse_date, period_end, period_start
from deancli.views.progress import due_label, ordered_milestones, period_of, state


@dataclass(frozen=True)
class TimelineItem:
    initiative: Initiative
    milestone: Milestone
    start: dt.date  # first day of the date's period
    end: dt.date  # last day (== start for a precise date)
    state: str  # see progress.state
    label: str  # the date as written, e.g. 2024-Q1


def milestone_span(
    status: str, completed: str | None, due: str | None, precision: str
) -> tuple[dt.date, dt.date, str] | None:
    """Where a milestone sits on the time axis: the first and last day of its completion
    date when done, else of its due date, and the date as written; None without a date."""
    if status == "done" and completed:
        start, end = period_start(completed), period_end(completed)
        label = completed
    elif due and (parsed := parse_date(due)) is not None:
        start, end = period_of(parsed, precision)
        label = due_label(due, precision)
    else:
        return None
    if start is None or end is None:
        return None
    return start, end, label


def timeline_items(
    plan: Plan, as_of: dt.date, pillar: int | None
) -> tuple[list[TimelineItem], int]:
    """Dated milestones (completion date when done, else due date), and how many have none."""
    items: list[TimelineItem] = []
    undated = 0
    for ini in plan.initiatives:
        if pillar is not None and ini.pillar != pillar:
            continue
        for m in ordered_milestones(ini):
            span = milestone_span(m.status, m.completed, m.due, m.due_precision)
            if span is None:
                undated += 1
                continue
            items.append(TimelineItem(ini, m, *span[:2], state(m, as_of), span[2]))
    return items, undated


@dataclass
class TimelineView:
    """What `dean timeline` shows: dated milestones, and how many have no date."""

    items: list[TimelineItem]
    undated: int
    as_of: dt.date
    lang: str


def build_timeline(plan: Plan, as_of: dt.date, lang: str, pillar: int | None) -> TimelineView:
    items, undated = timeline_items(plan, as_of, pillar)
    return TimelineView(items, undated, as_of, lang)
