from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deancli.base.suggest import _distance, closest

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


def _full_distance(a: str, b: str) -> int:
    """The textbook optimal-string-alignment distance, with the whole table."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


_letters = st.text(alphabet="abcDOC-_", max_size=12)


@settings(max_examples=300, deadline=None)
@given(a=_letters, b=_letters, cap=st.integers(0, 6))
def test_capped_distance_is_exact_up_to_the_cap(a, b, cap):
    full = _full_distance(a, b)
    assert _distance(a, b) == full
    capped = _distance(a, b, cap)
    assert capped == full if full <= cap else capped > cap
