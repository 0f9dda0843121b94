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
            st = state(m, as_of)
            if m.status == "done" and m.completed:
                start, end = period_start(m.completed), period_end(m.completed)
                label = m.completed
            elif m.due and (due := parse_date(m.due)) is not None:
                start, end = period_of(due, m.due_precision)
                label = due_label(m.due, m.due_precision)
            else:
                undated += 1
                continue
            if start is None or end is None:
                undated += 1
                continue
            items.append(TimelineItem(ini, m, start, end, st, label))
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
