from __future__ import annotations

import pytest

from deancli.suggest import closest

ORGS = ["AMEXCID", "COFEPRIS", "DHS", "DOC", "DOS", "SE", "SRE", "USAID", "USTR"]


@pytest.mark.parametrize(
    ("word", "candidates", "expected"),
    [
        ("DCO", ORGS, "DOC"),
        ("SER", ORGS, "SRE"),
        ("statsu", ["status", "slug", "summary"], "status"),
        ("anounced", ["announced", "id"], "announced"),
        ("unknwon", ["planned", "active", "unknown"], "unknown"),
        ("finished", ["planned", "in_progress", "done", "cancelled", "unknown"], None),
        ("XYZ", ORGS, None),
        ("", ORGS, None),
    ],
)
def test_closest(word, candidates, expected):
    assert closest(word, candidates) == expected
