"""DEAN220 stale-evidence (a warning): a current status on evidence older than the threshold."""

from __future__ import annotations

import datetime as dt

import pytest

from deancli.check.rules import Context, stale_evidence
from deancli.plan.load import load_plan
from tests.unit.plans import FIRST, initiative, where

# line 8 onwards is ``extra``; 6 is the status
DATED = "status_as_of: 2024-06-30\n"
MILESTONE = (
    "milestones:\n"
    "  - id: m1\n"
    "    title: {es: Hito, en: Milestone}\n"
    "    kind: deliverable\n"
    "    status: in_progress\n"
    "    status_as_of: 2024-06-30\n"
)

CASES = {
    # (files, as_of, months) -> findings
    "fresh: 12 months old": ({FIRST: initiative(extra=DATED)}, "2025-06-30", 12, []),
    "stale: 13 months old": (
        {FIRST: initiative(extra=DATED)},
        "2025-07-31",
        12,
        [("DEAN220", FIRST, 6, 9)],
    ),
    "a longer threshold": ({FIRST: initiative(extra=DATED)}, "2025-07-31", 24, []),
    "no dated evidence at all": (
        {FIRST: initiative()},
        "2025-07-31",
        12,
        [("DEAN220", FIRST, 6, 9)],
    ),
    "not a current status": (
        {FIRST: initiative(status="unknown", extra=DATED)},
        "2030-01-01",
        12,
        [],
    ),
    "a milestone in progress": (
        {FIRST: initiative(status="unknown", extra=MILESTONE)},
        "2026-01-01",
        12,
        [("DEAN220", FIRST, 12, 13)],
    ),
}


@pytest.mark.parametrize(("files", "as_of", "months", "expected"), CASES.values(), ids=CASES.keys())
def test_findings(mini_plan, files, as_of, months, expected):
    loaded = load_plan(mini_plan(files))
    ctx = Context(dt.date.fromisoformat(as_of), stale_months=months)
    found = where(list(stale_evidence.check(loaded.plan, ctx)))
    assert [f for f in found if f[1] == FIRST] == expected  # the second initiative aside


def test_the_message_names_the_age_and_the_evidence(run_rule):
    found = run_rule(stale_evidence, {FIRST: initiative(extra=DATED)}, as_of="2026-11-28")
    assert [d.message for d in found if d.location.path.endswith(FIRST)] == [
        "initiative 1 is `active` on stale evidence (newest evidence 2024-06-30, 28 months old)"
    ]
