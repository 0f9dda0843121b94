"""DEAN207 unknown-source: every cited source id is defined in the same file or shared in
dialogue.yaml."""

from __future__ import annotations

import pytest

from deancli.check.rules import source_refs
from tests.unit.plans import DIALOGUE, FIRST, SECOND, initiative, milestone, milestones, where

MINE = "sources:\n  - {id: mine, title: T, publisher: P}\n"
WITH_DIALOGUE_SOURCES = DIALOGUE.replace(
    "  work_plan_presented: 2021-12-13\n",
    "  work_plan_presented: 2021-12-13\n  sources: [shared, nope]\n",
)

CASES = {
    "clean": ({}, []),
    "shared and own sources": (
        {FIRST: initiative(extra="status_sources: [shared, mine]\n" + MINE)},
        [],
    ),
    "status_sources": (
        {FIRST: initiative(extra="status_sources: [nope]\n")},
        [("DEAN207", FIRST, 8, 18)],
    ),
    "a milestone's sources": (
        {FIRST: initiative(extra=milestones(milestone("a", sources="[shared, nope]")))},
        [("DEAN207", FIRST, 12, 23)],
    ),
    "the leads' sources": (
        {FIRST: initiative(leads="{mx: [SE], us: [DOC], sources: [nope]}")},
        [("DEAN207", FIRST, 7, 40)],
    ),
    "title provenance": (
        {FIRST: initiative(extra="title_provenance:\n  es: {kind: official, sources: [nope]}\n")},
        [("DEAN207", FIRST, 9, 34)],
    ),
    "dialogue.yaml cites its own sources": (
        {"dialogue.yaml": WITH_DIALOGUE_SOURCES},
        [("DEAN207", "dialogue.yaml", 7, 21)],
    ),
    "a file's sources are its own": (
        {
            FIRST: initiative(extra=MINE),
            SECOND: initiative(2, "second", extra="status_sources: [mine]\n"),
        },
        [("DEAN207", SECOND, 8, 18)],
    ),
    "ordered by their path in the data": (
        {
            FIRST: initiative(
                extra="status_sources: [one]\n"
                + milestones(milestone("a", sources="[two]"))
                + "title_provenance:\n  en: {kind: press, sources: [three]}\n"
            )
        },
        [("DEAN207", FIRST, 13, 15), ("DEAN207", FIRST, 8, 18), ("DEAN207", FIRST, 15, 31)],
    ),
}


@pytest.mark.parametrize(("files", "expected"), CASES.values(), ids=CASES.keys())
def test_findings(run_rule, files, expected):
    assert where(run_rule(source_refs, files)) == expected


def test_a_near_miss_gets_a_suggestion(run_rule):
    [d] = run_rule(source_refs, {FIRST: initiative(extra="status_sources: [sharde]\n")})
    assert (d.message, d.hint) == ("unknown source `sharde`", "did you mean `shared`?")


def test_otherwise_the_hint_says_where_to_define_it(run_rule):
    [d] = run_rule(source_refs, {FIRST: initiative(extra="status_sources: [xyzzy-2030]\n")})
    assert d.hint == (
        "add it to this file's `sources` list (or to dialogue.yaml if several files cite it)"
    )
