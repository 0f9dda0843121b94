"""DEAN212 status-mismatch (a warning): a completed initiative has no open milestone, context
and illustrative milestones aside."""

from __future__ import annotations

import pytest

from deancli.check.rules import status_consistency
from tests.unit.plans import FIRST, initiative, milestone, milestones, where


def completed(*items, status="completed"):
    return {FIRST: initiative(status=status, extra=milestones(*items))}


DONE = milestone("d", "done", completed_on="2024-01-01")

CASES = {
    "clean": ({}, []),
    "all done": (completed(DONE, milestone("c", "cancelled")), []),
    "one planned": (completed(DONE, milestone("p", "planned")), [("DEAN212", FIRST, 6, 9)]),
    "one in progress": (completed(milestone("p", "in_progress")), [("DEAN212", FIRST, 6, 9)]),
    "unknown is not open": (completed(milestone("u", "unknown")), []),
    "a context milestone": (completed(milestone("x", "planned", kind="context")), []),
    "an illustrative milestone": (completed(milestone("x", "planned", illustrative="true")), []),
    "an active initiative may have open milestones": (
        completed(milestone("p", "planned"), status="active"),
        [],
    ),
}


@pytest.mark.parametrize(("files", "expected"), CASES.values(), ids=CASES.keys())
def test_findings(run_rule, files, expected):
    assert where(run_rule(status_consistency, files)) == expected


def test_the_message_lists_the_open_milestones(run_rule):
    [d] = run_rule(
        status_consistency,
        completed(milestone("p", "planned"), DONE, milestone("q", "in_progress")),
    )
    assert d.message == "initiative is completed but milestones are open: p, q"
