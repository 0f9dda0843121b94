"""DEAN205 unknown-dependency: `depends_on` and `related` name initiatives that exist; a
milestone's `depends_on` names a milestone of its file (`id`) or of another (`N/id`);
nothing depends on itself."""

from __future__ import annotations

import pytest

from deancli.check.rules import dependency_refs
from tests.unit.plans import FIRST, SECOND, initiative, milestone, milestones, where

CASES = {
    "clean": ({}, []),
    "initiatives that exist": ({FIRST: initiative(extra="depends_on: [2]\n")}, []),
    "an unknown initiative": (
        {FIRST: initiative(extra="depends_on: [2, 9]\n")},
        [("DEAN205", FIRST, 8, 17)],
    ),
    "an initiative on itself": (
        {FIRST: initiative(extra="depends_on: [1]\n")},
        [("DEAN205", FIRST, 8, 14)],
    ),
    "a wrong type is the schema's finding": (
        {FIRST: initiative(extra="depends_on: [two]\n")},
        [],
    ),
    "a related initiative": (
        {FIRST: initiative(extra="related:\n  - initiative: 2\n  - initiative: 12\n")},
        [("DEAN205", FIRST, 10, 17)],
    ),
    "milestones of the same file and of another": (
        {
            FIRST: initiative(extra=milestones(milestone("a"), milestone("b", depends_on="[a]"))),
            SECOND: initiative(2, "second", extra=milestones(milestone("c", depends_on="[1/b]"))),
        },
        [],
    ),
    "an unknown milestone": (
        {FIRST: initiative(extra=milestones(milestone("a"), milestone("b", depends_on="[a, z]")))},
        [("DEAN205", FIRST, 15, 21)],
    ),
    "a milestone of an unknown initiative": (
        {FIRST: initiative(extra=milestones(milestone("a", depends_on="[7/a]")))},
        [("DEAN205", FIRST, 12, 18)],
    ),
    "a milestone on itself, also as N/id": (
        {FIRST: initiative(extra=milestones(milestone("a", depends_on="[a, 1/a]")))},
        [("DEAN205", FIRST, 12, 18), ("DEAN205", FIRST, 12, 21)],
    ),
}


@pytest.mark.parametrize(("files", "expected"), CASES.values(), ids=CASES.keys())
def test_findings(run_rule, files, expected):
    assert where(run_rule(dependency_refs, files)) == expected


@pytest.mark.parametrize(
    ("extra", "message", "hint"),
    [
        (
            "depends_on: [9]\n",
            "unknown initiative `9`",
            "initiative ids in this plan: 1, 2",
        ),
        (
            milestones(milestone("a"), milestone("b", depends_on="[z]")),
            "unknown milestone `z`",
            "use a milestone id of this file (`a`), or N/id for initiative N",
        ),
        (
            milestones(milestone("a", depends_on="[z]")),
            "unknown milestone `z`",
            "use a milestone id of this file, or N/id for initiative N",
        ),
        (
            milestones(milestone("a", depends_on="[a]")),
            "milestone depends on itself",
            "remove this entry",
        ),
    ],
)
def test_messages(run_rule, extra, message, hint):
    [d] = run_rule(dependency_refs, {FIRST: initiative(extra=extra)})
    assert (d.message, d.hint) == (message, hint)
