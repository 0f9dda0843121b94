"""DEAN211 missing-lead (a warning): each party names at least one lead."""

from __future__ import annotations

import pytest

from deancli.check.rules import missing_lead
from tests.unit.plans import FIRST, SECOND, initiative, where

CASES = {
    "clean": ({}, []),
    "no Mexican lead": (
        {FIRST: initiative(leads="{mx: [], us: [DOC]}")},
        [("DEAN211", FIRST, 7, 9)],
    ),
    "no lead at all": (
        {FIRST: initiative(leads="{mx: [], us: []}")},
        [("DEAN211", FIRST, 7, 9), ("DEAN211", FIRST, 7, 17)],
    ),
    "block style": (
        {FIRST: initiative(leads="\n  mx: [SE]\n  us: []\n")},
        [("DEAN211", FIRST, 9, 3)],
    ),
    "a missing list is the schema's finding": ({FIRST: initiative(leads="{mx: [SE]}")}, []),
    "in each file": (
        {
            FIRST: initiative(leads="{mx: [], us: [DOC]}"),
            SECOND: initiative(2, "second", leads="{mx: [SE], us: []}"),
        },
        [("DEAN211", FIRST, 7, 9), ("DEAN211", SECOND, 7, 19)],
    ),
}


@pytest.mark.parametrize(("files", "expected"), CASES.values(), ids=CASES.keys())
def test_findings(run_rule, files, expected):
    assert where(run_rule(missing_lead, files)) == expected


def test_the_message_names_the_party_and_the_initiative(run_rule):
    found = run_rule(missing_lead, {FIRST: initiative(leads="{mx: [], us: []}")})
    assert [d.message for d in found] == [
        "no Mexican lead for initiative 1",
        "no U.S. lead for initiative 1",
    ]
