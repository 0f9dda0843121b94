"""DEAN206 dependency-cycle: neither initiatives nor milestones depend on themselves
through a chain; each cycle is reported once, at the first edge of its first member."""

from __future__ import annotations

import pytest

from deancli.check.rules import dependency_cycles
from tests.unit.plans import FIRST, SECOND, initiative, milestone, milestones, where

THIRD = "initiatives/03-third.yaml"

CASES = {
    "clean": ({}, []),
    "a chain without a cycle": (
        {
            FIRST: initiative(extra="depends_on: [2]\n"),
            SECOND: initiative(2, "second", extra="depends_on: [3]\n"),
            THIRD: initiative(3, "third"),
        },
        [],
    ),
    "two initiatives": (
        {
            FIRST: initiative(extra="depends_on: [2]\n"),
            SECOND: initiative(2, "second", extra="depends_on: [1]\n"),
        },
        [("DEAN206", FIRST, 8, 14)],
    ),
    "three initiatives": (
        {
            FIRST: initiative(extra="depends_on: [2]\n"),
            SECOND: initiative(2, "second", extra="depends_on: [3]\n"),
            THIRD: initiative(3, "third", extra="depends_on: [1]\n"),
        },
        [("DEAN206", FIRST, 8, 14)],
    ),
    "reported at the entry that closes the cycle": (
        {
            FIRST: initiative(extra="depends_on: [3, 2]\n"),
            SECOND: initiative(2, "second", extra="depends_on: [1]\n"),
            THIRD: initiative(3, "third"),
        },
        [("DEAN206", FIRST, 8, 17)],
    ),
    "depending on itself is DEAN205's finding, not a cycle": (
        {FIRST: initiative(extra="depends_on: [1]\n")},
        [],
    ),
    "milestones in one file": (
        {
            FIRST: initiative(
                extra=milestones(milestone("a", depends_on="[b]"), milestone("b", depends_on="[a]"))
            )
        },
        [("DEAN206", FIRST, 12, 18)],
    ),
    "milestones across files": (
        {
            FIRST: initiative(extra=milestones(milestone("a", depends_on="[2/b]"))),
            SECOND: initiative(2, "second", extra=milestones(milestone("b", depends_on="[1/a]"))),
        },
        [("DEAN206", FIRST, 12, 18)],
    ),
    "an unknown milestone is no cycle": (
        {FIRST: initiative(extra=milestones(milestone("a", depends_on="[9/z]")))},
        [],
    ),
}


@pytest.mark.parametrize(("files", "expected"), CASES.values(), ids=CASES.keys())
def test_findings(run_rule, files, expected):
    assert where(run_rule(dependency_cycles, files)) == expected


def test_the_message_shows_the_cycle(run_rule):
    [d] = run_rule(
        dependency_cycles,
        {
            FIRST: initiative(extra=milestones(milestone("a", depends_on="[2/b]"))),
            SECOND: initiative(2, "second", extra=milestones(milestone("b", depends_on="[1/a]"))),
        },
    )
    assert d.message == "milestone dependency cycle 1/a → 2/b → 1/a"


def test_an_initiative_cycle_names_the_initiatives(run_rule):
    [d] = run_rule(
        dependency_cycles,
        {
            FIRST: initiative(extra="depends_on: [2]\n"),
            SECOND: initiative(2, "second", extra="depends_on: [1]\n"),
        },
    )
    assert (d.message, d.hint) == (
        "initiative dependency cycle 1 → 2 → 1",
        "remove one `depends_on` entry of the cycle",
    )
