"""The progress semantics of docs/progress.md, on hand-built milestones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from deancli.plan.loader import Document
from deancli.plan.model import Milestone, Text
from deancli.views.progress import Tally, counts, due_label, is_overdue, period_of, state, tally

D = dt.date
DOC = Document(Path("/x.yaml"), "x.yaml", "x.yaml", "initiative")


def ms(
    status="planned",
    due=None,
    precision="day",
    kind="deliverable",
    illustrative=False,
    completed_on=None,
):
    return Milestone(
        id="m",
        title=Text("t", "t"),
        kind=kind,
        due=due,
        due_precision=precision,
        status=status,
        status_as_of=None,
        completed_on=completed_on,
        completed_by=None,
        owners=[],
        depends_on=[],
        basis=None,
        illustrative=illustrative,
        sources=[],
        note=Text(),
        doc=DOC,
        parts=("milestones", 0),
    )


@pytest.mark.parametrize(
    ("due", "precision", "as_of", "overdue"),
    [
        ("2024-03-31", "day", D(2024, 3, 31), False),
        ("2024-03-31", "day", D(2024, 4, 1), True),
        ("2024-03-15", "month", D(2024, 3, 31), False),
        ("2024-03-15", "month", D(2024, 4, 1), True),
        ("2024-02-01", "quarter", D(2024, 3, 31), False),
        ("2024-02-01", "quarter", D(2024, 4, 1), True),
        ("2024-06-30", "year", D(2024, 12, 31), False),
        ("2024-06-30", "year", D(2025, 1, 1), True),
    ],
)
def test_overdue_waits_for_the_end_of_the_period(due, precision, as_of, overdue):
    assert is_overdue(ms(due=due, precision=precision), as_of) is overdue


@pytest.mark.parametrize("status", ["done", "cancelled", "unknown"])
def test_closed_or_unknown_milestones_are_never_overdue(status):
    assert not is_overdue(ms(status=status, due="2020-01-01"), D(2026, 1, 1))


def test_in_progress_can_be_overdue():
    assert is_overdue(ms(status="in_progress", due="2020-01-01"), D(2026, 1, 1))


def test_what_counts():
    assert counts(ms())
    assert not counts(ms(kind="context"))
    assert not counts(ms(illustrative=True))
    assert not counts(ms(status="cancelled"))
    assert counts(ms(status="unknown"))


def test_tally_and_ratio():
    items = [
        ms(status="done", completed_on="2022-01-01"),
        ms(status="done", completed_on="2022-01-01", kind="context"),
        ms(status="planned", due="2020-01-01"),
        ms(status="unknown"),
        ms(status="cancelled"),
        ms(status="in_progress"),
    ]
    result = tally(items, D(2026, 1, 1))
    assert result == Tally(
        total=6, counted=4, done=1, in_progress=1, planned=1, overdue=1, unknown=1
    )
    assert result.ratio == 0.25
    assert Tally().ratio is None


def test_states():
    today = D(2026, 1, 1)
    assert state(ms(status="done", completed_on="2022-01-01"), today) == "done"
    assert state(ms(due="2027-01-01"), today) == "upcoming"
    assert state(ms(due="2025-01-01"), today) == "overdue"
    assert state(ms(), today) == "undated"
    assert state(ms(kind="context", status="done"), today) == "context"
    assert state(ms(status="in_progress"), today) == "in_progress"


@pytest.mark.parametrize(
    ("due", "precision", "label", "period"),
    [
        ("2024-03-31", "day", "2024-03-31", (D(2024, 3, 31), D(2024, 3, 31))),
        ("2024-03-31", "month", "2024-03", (D(2024, 3, 1), D(2024, 3, 31))),
        ("2024-03-31", "quarter", "2024-Q1", (D(2024, 1, 1), D(2024, 3, 31))),
        ("2024-11-30", "quarter", "2024-Q4", (D(2024, 10, 1), D(2024, 12, 31))),
        ("2024-12-31", "year", "2024", (D(2024, 1, 1), D(2024, 12, 31))),
    ],
)
def test_due_labels_and_periods(due, precision, label, period):
    assert due_label(due, precision) == label
    assert period_of(D.fromisoformat(due), precision) == period


def test_overdue_from_is_the_day_after_the_period():
    from deancli.views.progress import overdue_from

    assert overdue_from(ms(due="2024-02-01", precision="quarter")) == D(2024, 4, 1)
    assert overdue_from(ms(status="done", due="2024-02-01")) is None
    assert overdue_from(ms(due="9999-12-31")) is None  # the last date there is: never overdue
    assert not is_overdue(ms(due="9999-12-31"), D.max)
