"""``dean history --events``: what changed in each first-parent commit, from the semantic
diff of ``deancli.history.diff``, and how often each milestone's due date slipped."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from deancli.history.blobs import Blobs, build
from deancli.history.diff import Change, initiative_changes, milestone_due
from deancli.history.log import Commit, state_at
from deancli.plan.model import Initiative, Text, parse_date
from deancli.views import progress


@dataclass(frozen=True)
class Event:
    date: dt.date
    commit: str
    initiative: int
    title: Text
    change: Change  # field "initiative" (before/after "added"/"removed") for whole initiatives


@dataclass
class Slip:
    """A milestone whose due date moved later at least once."""

    initiative: int
    milestone: str
    title: Text  # the milestone's
    times: int = 0  # moves to a later date
    days: int = 0  # by how many days in all (end of period to end of period)
    earlier: int = 0  # moves to an earlier date
    first_due: str = ""
    due: str = ""  # now


def events_between(
    blobs: Blobs,
    commits: list[Commit],
    first_idx: int,
    last_idx: int,
    pillar: int | None,
    lead: str | None,
) -> tuple[list[Event], list[Slip]]:
    events: list[Event] = []
    slips: dict[tuple[int, str], Slip] = {}
    present = bool(state_at(commits, first_idx - 1)) if first_idx > 0 else False
    for i in range(first_idx, last_idx + 1):
        c = commits[i]
        had_plan = present
        present = present or any(ch.new is not None for ch in c.changes)
        if not had_plan:
            continue  # the plan's first commit: everything would be "added"
        before: dict[int, Initiative] = {}
        after: dict[int, Initiative] = {}
        unreadable: tuple[set[str], set[str]] = (set(), set())  # paths, before and after
        for ch in c.changes:
            if ch.kind != "initiative":
                continue
            for sha, side, bad in ((ch.old, before, unreadable[0]), (ch.new, after, unreadable[1])):
                if sha is None:
                    continue
                rec = blobs.record("initiative", sha)
                if rec.data is None:
                    bad.add(ch.rel)
                    continue
                ini = build(ch.rel, rec.data)
                if ini.id is not None:
                    side[ini.id] = ini
        for ident in sorted(set(before) | set(after)):
            a, b = before.get(ident), after.get(ident)
            ref = b or a
            assert ref is not None
            if not _selected(a, b, pillar, lead):
                continue
            if (b is None and ref.doc.rel in unreadable[1]) or (
                a is None and ref.doc.rel in unreadable[0]
            ):
                continue  # unreadable on one side: not added or removed (as in dean diff)
            if a is None or b is None:
                what = "added" if a is None else "removed"
                ch_ = Change("initiative", None if a is None else what, what if a is None else None)
                events.append(Event(c.date, c.sha, ident, ref.title, ch_))
                continue
            for change in initiative_changes(a, b):
                events.append(Event(c.date, c.sha, ident, b.title, change))
            _slips(slips, ident, a, b)
    ordered = sorted(slips.values(), key=lambda s: (-s.times, -s.days, s.initiative, s.milestone))
    return events, [s for s in ordered if s.times]


def _selected(
    a: Initiative | None, b: Initiative | None, pillar: int | None, lead: str | None
) -> bool:
    sides = [x for x in (a, b) if x is not None]
    if pillar is not None and not any(x.pillar == pillar for x in sides):
        return False
    return lead is None or any(lead in x.leads.get("mx", []) + x.leads.get("us", []) for x in sides)


def _due_end(due: str | None, precision: str) -> dt.date | None:
    day = parse_date(due)
    return None if day is None else progress.period_of(day, precision)[1]


def _slips(slips: dict[tuple[int, str], Slip], ident: int, a: Initiative, b: Initiative) -> None:
    old = {m.id: m for m in a.milestones}
    for m in b.milestones:
        prev = old.get(m.id)
        if prev is None or milestone_due(prev) == milestone_due(m):
            continue
        end_a, end_b = _due_end(prev.due, prev.due_precision), _due_end(m.due, m.due_precision)
        if end_a is None or end_b is None or end_a == end_b:
            continue
        slip = slips.get((ident, m.id))
        if slip is None:
            slip = slips[(ident, m.id)] = Slip(
                ident, m.id, m.title, first_due=milestone_due(prev) or ""
            )
        slip.due = milestone_due(m) or ""
        slip.title = m.title
        if end_b > end_a:
            slip.times += 1
            slip.days += (end_b - end_a).days
        else:
            slip.earlier += 1
