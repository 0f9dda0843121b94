"""DEAN209 future-date: dates that record the past (completion, status as of, indicator
actuals) are not after the reference date; partial dates count from their first day."""

from __future__ import annotations

import pytest

from deancli.check.rules import future_dates
from tests.unit.plans import AS_OF, FIRST, initiative, milestone, milestones, where


def one(*args, **fields):
    return {FIRST: initiative(extra=milestones(milestone(*args, **fields)))}


ACTUALS = (
    "indicators:\n"
    "  - id: jobs\n"
    "    title: {es: Empleos, en: Jobs}\n"
    "    actuals:\n"
    "      - {date: 2025-06, value: 3}\n"
    "      - {date: %s, value: 4}\n"
)

CASES = {
    "clean": ({}, []),
    "completed on the reference date": (one("a", "done", completed_on=AS_OF), []),
    "completed the day after": (
        one("a", "done", completed_on="2026-11-29"),
        [("DEAN209", FIRST, 12, 19)],
    ),
    "completed by this year": (one("a", "done", completed_by='"2026"'), []),
    "completed by next year": (
        one("a", "done", completed_by='"2027"'),
        [("DEAN209", FIRST, 12, 19)],
    ),
    "completed by next month": (
        one("a", "done", completed_by="2026-12"),
        [("DEAN209", FIRST, 12, 19)],
    ),
    "a milestone's status_as_of": (
        one("a", "planned", status_as_of="2027-01-01"),
        [("DEAN209", FIRST, 12, 19)],
    ),
    "the initiative's status_as_of": (
        {FIRST: initiative(extra="status_as_of: 2027-01-01\n")},
        [("DEAN209", FIRST, 8, 15)],
    ),
    "an indicator's actual value": (
        {FIRST: initiative(extra=ACTUALS % "2027-03")},
        [("DEAN209", FIRST, 13, 16)],
    ),
    "a due date in the future is a plan, not a record": (one("a", due="2030-01-01"), []),
}


@pytest.mark.parametrize(("files", "expected"), CASES.values(), ids=CASES.keys())
def test_findings(run_rule, files, expected):
    assert where(run_rule(future_dates, files)) == expected


def test_the_reference_date_is_the_contexts(run_rule):
    files = one("a", "done", completed_on="2026-11-29")
    assert run_rule(future_dates, files, as_of="2026-11-29") == []
    [d] = run_rule(future_dates, files, as_of="2026-11-28")
    assert (d.message, d.hint) == (
        "`completed_on` 2026-11-29 is after the reference date 2026-11-28",
        "a past event cannot have a future date; check the year",
    )
