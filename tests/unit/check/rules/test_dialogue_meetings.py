"""DEAN221 dialogue-inactive (a warning): no meeting within the period before the date."""

from __future__ import annotations

import datetime as dt

import pytest

from deancli.check.rules import Context, dialogue_meetings
from deancli.plan.load import load_plan
from tests.unit.plans import where

# the minimal plan's last meeting is 2022-09-12; `meetings:` is line 10
CASES = {
    "12 months later": ("2023-09-12", 12, []),
    "13 months later": ("2023-10-12", 12, [("DEAN221", "dialogue.yaml", 10, 3)]),
    "a longer period": ("2023-10-12", 18, []),
    "meetings after the date do not count": ("2022-01-01", 12, []),
}


@pytest.mark.parametrize(("as_of", "months", "expected"), CASES.values(), ids=CASES.keys())
def test_findings(mini_plan, as_of, months, expected):
    loaded = load_plan(mini_plan({}))
    ctx = Context(dt.date.fromisoformat(as_of), meeting_months=months)
    assert where(list(dialogue_meetings.check(loaded.plan, ctx))) == expected


def test_the_message_says_since_when(run_rule):
    found = run_rule(dialogue_meetings, {}, as_of="2026-11-28")
    assert [d.message for d in found] == [
        "no meeting of the dialogue recorded since 2022-09-12 (50 months)"
    ]
