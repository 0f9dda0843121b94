"""DEAN210 date-order: the dialogue's dates, its meetings, an organization's validity and
completions along milestone dependencies come in a possible order."""

from __future__ import annotations

import pytest

from deancli.check.rules import date_order
from tests.unit.plans import DIALOGUE, FIRST, ORGANIZATIONS, SECOND, initiative, milestone, where
from tests.unit.plans import milestones as ms

DLG = "dialogue.yaml"
ORGS = "organizations.yaml"


def dialogue(old, new):
    return {DLG: DIALOGUE.replace(old, new)}


def validity(start, end):
    return {
        ORGS: ORGANIZATIONS.replace(
            "    acronym: Commerce\n", f"    valid_from: {start}\n    valid_to: {end}\n"
        )
    }


A_DONE = milestone("a", "done", completed_on="2024-05-01")


def b_after_a(**completion):
    """Milestone b (done, with ``completion``) depends on a (done on 2024-05-01); b's
    `depends_on` is on line 17."""
    b = milestone("b", "done", **completion, depends_on="[a]")
    return {FIRST: initiative(extra=ms(A_DONE, b))}


CASES = {
    "clean": ({}, []),
    "relaunched before established": (
        dialogue("relaunched: 2021-09-09", "relaunched: 2012-01-01"),
        [("DEAN210", DLG, 5, 15)],
    ),
    "work plan before the relaunch": (
        dialogue("work_plan_presented: 2021-12-13", "work_plan_presented: 2021-09-08"),
        [("DEAN210", DLG, 6, 24)],
    ),
    "a partial date counts from its first day": (
        dialogue("established: 2013-09", "established: 2021-09"),
        [],
    ),
    "a meeting out of order": (
        dialogue("date: 2022-09-12", "date: 2021-09-08"),
        [("DEAN210", DLG, 13, 13)],
    ),
    "valid_to before valid_from": (
        validity("2020-01-01", "2019-12-31"),
        [("DEAN210", ORGS, 11, 15)],
    ),
    "valid one day": (validity("2020-01-01", "2020-01-01"), []),
    "completed before what it depends on": (
        b_after_a(completed_on="2024-04-30"),
        [("DEAN210", FIRST, 17, 18)],
    ),
    "completed the same day": (b_after_a(completed_on="2024-05-01"), []),
    "completed by a month that ended before": (
        b_after_a(completed_by="2024-04"),
        [("DEAN210", FIRST, 17, 18)],
    ),
    "completed by the month it depends on": (b_after_a(completed_by="2024-05"), []),
    "across files": (
        {
            FIRST: initiative(extra=ms(A_DONE)),
            SECOND: initiative(
                2,
                "second",
                extra=ms(milestone("b", "done", completed_on="2023-01-01", depends_on="[1/a]")),
            ),
        },
        [("DEAN210", SECOND, 13, 18)],
    ),
    "a dependency not done yet is not compared": (
        {
            FIRST: initiative(
                extra=ms(
                    milestone("a", "planned"),
                    milestone("b", "done", completed_on="2024-04-30", depends_on="[a]"),
                )
            )
        },
        [],
    ),
}


@pytest.mark.parametrize(("files", "expected"), CASES.values(), ids=CASES.keys())
def test_findings(run_rule, files, expected):
    assert where(run_rule(date_order, files)) == expected


def test_the_dialogue_finding_points_at_both_dates(run_rule):
    [d] = run_rule(date_order, dialogue("relaunched: 2021-09-09", "relaunched: 2012-01-01"))
    assert d.message == "`relaunched` 2012-01-01 is before `established` 2013-09"
    [rel] = d.related
    assert (rel.message, rel.location.line, rel.location.column) == ("`established` is here", 4, 16)
