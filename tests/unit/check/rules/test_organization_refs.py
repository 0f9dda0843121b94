"""DEAN204 unknown-organization: co-chairs, leads, participants, owners and `superseded_by`
name organizations of organizations.yaml."""

from __future__ import annotations

import pytest

from deancli.check.rules import organization_refs
from tests.unit.plans import DIALOGUE, FIRST, ORGANIZATIONS, initiative, where

ORGS = "organizations.yaml"

CASES = {
    "clean": ({}, []),
    "a lead": ({FIRST: initiative(leads="{mx: [SE], us: [DCO]}")}, [("DEAN204", FIRST, 7, 24)]),
    "each unknown lead": (
        {FIRST: initiative(leads="{mx: [XX, SE, YY], us: []}")},
        [("DEAN204", FIRST, 7, 14), ("DEAN204", FIRST, 7, 22)],
    ),
    "a participant": (
        {FIRST: initiative(extra="participants:\n  - org: SRE\n")},
        [("DEAN204", FIRST, 9, 10)],
    ),
    "a milestone owner": (
        {
            FIRST: initiative(
                extra="milestones:\n"
                "  - id: a\n"
                "    title: {es: A, en: A}\n"
                "    status: planned\n"
                "    owners: [SE, NOPE]\n"
            )
        },
        [("DEAN204", FIRST, 12, 18)],
    ),
    "a co-chair": (
        {"dialogue.yaml": DIALOGUE.replace("us: [DOC]", "us: [DOS]")},
        [("DEAN204", "dialogue.yaml", 9, 10)],
    ),
    "superseded_by": (
        {ORGS: ORGANIZATIONS.replace("    acronym: Commerce\n", "    superseded_by: DOT\n")},
        [("DEAN204", ORGS, 10, 20)],
    ),
    "no organizations.yaml: nothing to check against": (
        {ORGS: None, FIRST: initiative(leads="{mx: [XX], us: [YY]}")},
        [],
    ),
}


@pytest.mark.parametrize(("files", "expected"), CASES.values(), ids=CASES.keys())
def test_findings(run_rule, files, expected):
    assert where(run_rule(organization_refs, files)) == expected


def test_a_near_miss_gets_a_suggestion(run_rule):
    [d] = run_rule(organization_refs, {FIRST: initiative(leads="{mx: [SE], us: [DCO]}")})
    assert (d.message, d.hint) == (
        "unknown organization `DCO`",
        "did you mean `DOC`? (known ids: DOC, SE)",
    )


def test_otherwise_the_hint_lists_the_known_ids(run_rule):
    [d] = run_rule(organization_refs, {FIRST: initiative(leads="{mx: [SE], us: [QQQQQ]}")})
    assert d.hint == "known ids: DOC, SE; or add it to organizations.yaml"
