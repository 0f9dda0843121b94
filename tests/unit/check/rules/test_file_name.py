"""DEAN202 file-name-mismatch: an initiative file is named NN-slug.yaml after its id and
slug."""

from __future__ import annotations

import pytest

from deancli.check.rules import file_name
from tests.unit.plans import FIRST, initiative, where

CASES = {
    "clean": ({}, []),
    "id disagrees": ({FIRST: initiative(3, "first")}, [("DEAN202", FIRST, 2, 5)]),
    "slug disagrees": ({FIRST: initiative(1, "other")}, [("DEAN202", FIRST, 3, 7)]),
    "one digit is too few": (
        {FIRST: None, "initiatives/1-first.yaml": initiative()},
        [("DEAN202", "initiatives/1-first.yaml", 2, 5)],
    ),
    "more zeros are fine": ({FIRST: None, "initiatives/0001-first.yaml": initiative()}, []),
    ".yml is fine": ({FIRST: None, "initiatives/01-first.yml": initiative()}, []),
    "no number in the name": (
        {FIRST: None, "initiatives/first.yaml": initiative()},
        [("DEAN202", "initiatives/first.yaml", 2, 5)],
    ),
    "no slug: any name after the number": (
        {FIRST: None, "initiatives/01-anything.yaml": initiative(slug=None)},
        [],
    ),
    "no id: nothing to compare (the schema reports it)": ({FIRST: initiative('"1"')}, []),
}


@pytest.mark.parametrize(("files", "expected"), CASES.values(), ids=CASES.keys())
def test_findings(run_rule, files, expected):
    assert where(run_rule(file_name, files)) == expected


@pytest.mark.parametrize(
    ("files", "message", "hint"),
    [
        (
            {FIRST: initiative(3, "first")},
            "file name `01-first.yaml` does not match id `3`",
            "rename the file to `03-first.yaml`",
        ),
        (
            {FIRST: initiative(1, "other")},
            "file name `01-first.yaml` does not match slug `other`",
            "rename the file to `01-other.yaml`, or set `slug: first`",
        ),
        (
            {FIRST: initiative(3, slug=None)},
            "file name `01-first.yaml` does not match id `3`",
            "rename the file to `03-<slug>.yaml`",
        ),
    ],
)
def test_the_hint_names_the_expected_file(run_rule, files, message, hint):
    [d] = run_rule(file_name, files)
    assert (d.message, d.hint) == (message, hint)
