"""Suggestions ("did you mean …?"): the closest candidate by edit distance.

A swap of two neighbouring letters counts as one edit, so `DCO` suggests `DOC` and `statsu`
suggests `status`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable


def _distance(a: str, b: str, cap: int | None = None) -> int:
    """Optimal string alignment distance (Damerau-Levenshtein without repeated edits).
    With ``cap``, stops as soon as the distance must exceed it (and returns ``cap + 1``)."""
    if cap is not None and abs(len(a) - len(b)) > cap:
        return cap + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if cap is not None and min(cur) > cap and min(prev) > cap:
            return cap + 1  # every later row is at least this far (a swap looks back one row)
        prev2, prev = prev, cur
    return prev[len(b)]


@functools.lru_cache(maxsize=1 << 16)
def _pair_distance(a: str, b: str, cap: int) -> int:
    # candidate lists differ from file to file (local sources) but share most entries
    return _distance(a, b, cap)


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The nearest candidate, if it is near enough to be a plausible typo."""
    return _closest(word, tuple(candidates))


@functools.lru_cache(maxsize=1024)
def _closest(word: str, candidates: tuple[str, ...]) -> str | None:
    # the same unknown id tends to recur across many files: answered once
    if len(word) > 200:
        return None
    cap = max(1, len(word) // 3)  # no candidate further than this can be suggested
    best: tuple[int, int, str] | None = None
    low = word.lower()
    for cand in candidates:
        key = (_pair_distance(low, cand.lower(), cap), abs(len(cand) - len(word)), cand)
        if best is None or key[:2] < best[:2]:
            best = key
    if best is None:
        return None
    limit = max(1, min(len(word), len(best[2])) // 3)
    return best[2] if best[0] <= limit else None
