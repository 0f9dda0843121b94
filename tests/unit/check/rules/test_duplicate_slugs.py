"""DEAN213 duplicate-slug (an error): two initiatives share a slug; both places reported."""

from __future__ import annotations

import pytest

from deancli.check.rules import duplicate_slugs
from tests.unit.plans import FIRST, SECOND, initiative, where

CASES = {
    "clean": ({}, []),
    "the same slug twice": (
        {SECOND: initiative(2, "first")},
        [("DEAN213", FIRST, 3, 7), ("DEAN213", SECOND, 3, 7)],
    ),
    "no slug is no duplicate": (
        {FIRST: initiative(slug=None), SECOND: initiative(2, None)},
        [],
    ),
}


@pytest.mark.parametrize(("files", "expected"), CASES.values(), ids=CASES.keys())
def test_findings(run_rule, files, expected):
    assert where(run_rule(duplicate_slugs, files)) == expected


def test_each_place_points_at_the_other(run_rule):
    found = run_rule(duplicate_slugs, {SECOND: initiative(2, "first")})
    assert [d.message for d in found] == [
        "slug `first` is also the slug of initiative 2",
        "slug `first` is also the slug of initiative 1",
    ]
    assert [r.location.path for d in found for r in d.related] == [SECOND, FIRST]
