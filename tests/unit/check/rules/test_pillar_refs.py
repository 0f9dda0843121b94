"""DEAN203 unknown-pillar: an initiative's pillar is defined in dialogue.yaml."""

from __future__ import annotations

import pytest

from deancli.check.rules import pillar_refs
from tests.unit.plans import FIRST, SECOND, initiative, where

CASES = {
    "clean": ({}, []),
    "pillar 5 of 2": ({FIRST: initiative(pillar=5)}, [("DEAN203", FIRST, 4, 9)]),
    "both files": (
        {FIRST: initiative(pillar=3), SECOND: initiative(2, "second", pillar=0)},
        [("DEAN203", FIRST, 4, 9), ("DEAN203", SECOND, 4, 9)],
    ),
    "not a number: the schema's finding": ({FIRST: initiative(pillar='"one"')}, []),
    "no dialogue.yaml: nothing to check against": (
        {"dialogue.yaml": None, FIRST: initiative(pillar=5)},
        [],
    ),
}


@pytest.mark.parametrize(("files", "expected"), CASES.values(), ids=CASES.keys())
def test_findings(run_rule, files, expected):
    assert where(run_rule(pillar_refs, files)) == expected


def test_the_hint_lists_the_pillars(run_rule):
    [d] = run_rule(pillar_refs, {FIRST: initiative(pillar=5)})
    assert (d.message, d.hint) == ("unknown pillar `5`", "pillars defined in dialogue.yaml: 1, 2")
