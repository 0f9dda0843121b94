"""DEAN201 duplicate-id: ids unique across initiatives, within a file, against the shared
sources, and in the pillar and organization registries."""

from __future__ import annotations

import pytest

from deancli.check.rules import duplicate_ids
from tests.unit.plans import DIALOGUE, FIRST, ORGANIZATIONS, SECOND, initiative, where

M = "  - {id: %s, title: {es: M, en: M}, status: planned}\n"
SRC = "  - {id: %s, title: T, publisher: P}\n"

CASES = {
    "clean": ({}, []),
    "initiative id in two files": (
        {SECOND: initiative(1, "second", pillar=2)},
        [("DEAN201", SECOND, 2, 5)],
    ),
    "milestone id twice in a file": (
        {FIRST: initiative(extra="milestones:\n" + M % "a" + M % "b" + M % "a")},
        [("DEAN201", FIRST, 11, 10)],
    ),
    "the same milestone id in two files is fine": (
        {
            FIRST: initiative(extra="milestones:\n" + M % "a"),
            SECOND: initiative(2, "second", extra="milestones:\n" + M % "a"),
        },
        [],
    ),
    "indicator id twice": (
        {
            FIRST: initiative(
                extra="indicators:\n"
                "  - {id: jobs, title: {es: E, en: J}}\n"
                "  - {id: jobs, title: {es: E, en: J}}\n"
            )
        },
        [("DEAN201", FIRST, 10, 10)],
    ),
    "source id twice in a file": (
        {FIRST: initiative(extra="sources:\n" + SRC % "a" + SRC % "a")},
        [("DEAN201", FIRST, 10, 10)],
    ),
    "a file's source repeats a shared source": (
        {FIRST: initiative(extra="sources:\n" + SRC % "b" + SRC % "shared")},
        [("DEAN201", FIRST, 10, 10)],
    ),
    "shared source id twice": (
        {"dialogue.yaml": DIALOGUE + SRC % "shared"},
        [("DEAN201", "dialogue.yaml", 26, 10)],
    ),
    "pillar number twice": (
        {"dialogue.yaml": DIALOGUE.replace("- number: 2\n", "- number: 1\n")},
        [("DEAN201", "dialogue.yaml", 19, 13)],
    ),
    "organization id twice": (
        {"organizations.yaml": ORGANIZATIONS.replace("- id: DOC\n", "- id: SE\n")},
        [("DEAN201", "organizations.yaml", 7, 9)],
    ),
}


@pytest.mark.parametrize(("files", "expected"), CASES.values(), ids=CASES.keys())
def test_findings(run_rule, files, expected):
    assert where(run_rule(duplicate_ids, files)) == expected


def test_a_duplicate_points_at_the_first_use(run_rule):
    [d] = run_rule(duplicate_ids, {SECOND: initiative(1, "second", pillar=2)})
    assert d.message == "duplicate initiative id `1`"
    [rel] = d.related
    assert (rel.message, rel.location.path, rel.location.line, rel.location.column) == (
        f"also used in {FIRST}",
        FIRST,
        2,
        5,
    )


def test_a_repeated_shared_source_points_at_dialogue_yaml(run_rule):
    [d] = run_rule(duplicate_ids, {FIRST: initiative(extra="sources:\n" + SRC % "shared")})
    assert d.message == "source id `shared` is also a shared source"
    [rel] = d.related
    assert (rel.message, rel.location.path, rel.location.line) == (
        "shared source defined here",
        "dialogue.yaml",
        23,
    )
