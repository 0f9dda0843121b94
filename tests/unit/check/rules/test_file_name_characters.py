"""DEAN214 unsafe-file-name (an error): control, invisible or bidi characters in a file
name. The message holds the name as it is; every output escapes it."""

from __future__ import annotations

import pytest

from deancli.check.rules import file_name_characters
from tests.unit.plans import initiative

CASES = {
    "a plain name": ("01-first.yaml", []),
    "an escape": ("01-first\x1b.yaml", ["file name `01-first\x1b.yaml` holds `\\x1b`"]),
    "a right-to-left override": (
        "01-fir\u202est.yaml",
        ["file name `01-fir\u202est.yaml` holds `\\u202e`"],
    ),
    "a zero-width space": (
        "01-first\u200b.yaml",
        ["file name `01-first\u200b.yaml` holds `\\u200b`"],
    ),
}


@pytest.mark.parametrize(("name", "expected"), CASES.values(), ids=CASES.keys())
def test_findings(run_rule, name, expected):
    found = run_rule(
        file_name_characters,
        {"initiatives/01-first.yaml": None, f"initiatives/{name}": initiative()},
    )
    assert [d.message for d in found] == expected
    assert all(
        d.location.line is None and d.hint == "rename the file to `01-first.yaml`" for d in found
    )
