"""Source positions from the compact marks of the one parse (``yamlio.Parsed.marks``).

A file is parsed once, in the worker that reads it, recording three small integers per node
(where it starts and ends, as character offsets, and its style or where its subtree ends).
A finding's position is resolved from them when it is asked for, by walking the data along
the finding's path; the whole table of positions (what edits and suppressions need) is
built from them in one pass. Both give exactly what ``yamlio.parse(text, positions=True)``
gives (tests/unit/test_fast_path.py compares them on the whole test corpus).
"""

from __future__ import annotations

import bisect
import itertools
import re
from array import array
from typing import Any

from deancli.base.diagnostics import Span
from deancli.plan.yamlio import MARK_STYLES, PathKey

# the line breaks of libyaml's line count: CRLF counts once
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_BREAKS = "\r\n\x85\u2028\u2029"
# what str.splitlines() breaks at and libyaml does not (control characters: a plan file
# holding one is refused before it is parsed, but any text can be parsed)
_OTHER_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e]")


def line_starts(text: str) -> list[int]:
    """The character offset where each line starts (line 1 at offset 0), as libyaml counts
    lines."""
    if _OTHER_BREAKS.search(text):
        return [0, *(m.end() for m in _BREAK.finditer(text))]
    lines = text.splitlines(keepends=True)  # in C: the same breaks, CRLF once
    starts = [0, *itertools.accumulate(map(len, lines))]
    if lines and lines[-1][-1] not in _BREAKS:
        starts.pop()  # the end of a last line without a break starts no line
    return starts


class Marks:
    """A file's marks with its line starts: spans on demand."""

    __slots__ = ("data", "length", "marks", "starts")

    def __init__(self, data: Any, marks: array[int], text: str) -> None:
        self.data = data
        self.length = len(text)
        self.marks = marks
        # kept for every file with findings: 4 bytes a line, not a list of ints
        self.starts = array("I", line_starts(text))

    def _at(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index) - 1
        return line + 1, index - self.starts[line] + 1

    def span(self, node: int) -> Span:
        m = self.marks
        line, column = self._at(m[3 * node])
        end_line, end_column = self._at(m[3 * node + 1])
        return Span(line, column, end_line, end_column)

    def _after(self, node: int) -> int:
        link = self.marks[3 * node + 2]
        return link if link >= 0 else node + 1

    def locate(self, parts: PathKey) -> tuple[int, int | None, int]:
        """Walk ``parts`` as far as the data has them: (the node reached, the node of its key
        when the last step was a mapping key, how many parts were walked)."""
        node, data, key = 0, self.data, None
        walked = 0
        for part in parts:
            if type(data) is dict:
                if not isinstance(part, str) or part not in data:
                    break
                child = node + 1
                for k in data:
                    if k == part:
                        break
                    child = self._after(child + 1)
                key, node, data = child, child + 1, data[part]
            elif type(data) is list:
                if not isinstance(part, int) or not 0 <= part < len(data):
                    break
                child = node + 1
                for _ in range(part):
                    child = self._after(child)
                key, node, data = None, child, data[part]
            else:
                break
            walked += 1
        return node, key, walked

    def value_span(self, parts: PathKey, *, key: bool = False) -> Span:
        """As ``Document.span``: the span of the value (or key) at ``parts``, else of its
        nearest parent that exists."""
        node, key_node, walked = self.locate(parts)
        if key and walked == len(parts) and key_node is not None:
            return self.span(key_node)
        return self.span(node)

    def style(self, parts: PathKey) -> str | None:
        node, _, walked = self.locate(parts)
        if walked != len(parts):
            return None
        link = self.marks[3 * node + 2]
        if link >= 0 or not parts:
            return None
        return MARK_STYLES[-1 - link]

    def _path_to(self, target: int) -> tuple[PathKey, str]:
        """The path of node ``target`` and what it is: "key", "item" (of a list), "value" (of
        a mapping) or "root"."""
        node, data, kind = 0, self.data, "root"
        path: PathKey = ()
        while node != target:
            child = node + 1
            if type(data) is dict:
                for k, v in data.items():
                    if child == target:
                        return (*path, k), "key"
                    after = self._after(child + 1)
                    if target < after:
                        node, data, path, kind = child + 1, v, (*path, k), "value"
                        break
                    child = after
                else:  # pragma: no cover - the marks follow the data
                    raise AssertionError("node outside the data")
            elif type(data) is list:
                for i, v in enumerate(data):
                    after = self._after(child)
                    if target < after:
                        node, data, path, kind = child, v, (*path, i), "item"
                        break
                    child = after
                else:  # pragma: no cover
                    raise AssertionError("node outside the data")
            else:  # pragma: no cover
                raise AssertionError("node outside the data")
        return path, kind

    def starting_on(self, lines: set[int]) -> dict[int, PathKey]:
        """For each of ``lines`` (1-based) where one starts, the outermost mapping key or
        list item that starts on it: ``suppress.nodes_by_line`` of the full tables, for a
        few lines, without building them (ties go as there: keys before items, then in the
        order the parser finished them). Only the nodes starting on those lines are looked
        at: nodes start in document order, so they are found by bisection."""
        marks, starts = self.marks, self.starts
        best: dict[int, tuple[tuple[int, int, int, int], PathKey]] = {}
        begins = marks[0::3]
        if list(begins) != sorted(begins):  # pragma: no cover - libyaml's marks are ordered
            for node in range(1, len(begins)):
                line = bisect.bisect_right(starts, begins[node])
                if line in lines:
                    self._offer(node, line, best)
        else:
            for line in lines:
                if not 1 <= line <= len(starts):
                    continue
                lo = starts[line - 1]
                hi = starts[line] if line < len(starts) else self.length + 1
                first = max(1, bisect.bisect_left(begins, lo))
                for node in range(first, bisect.bisect_left(begins, hi)):
                    self._offer(node, line, best)
        return {line: path for line, (_, path) in best.items()}

    def _offer(
        self, node: int, line: int, best: dict[int, tuple[tuple[int, int, int, int], PathKey]]
    ) -> None:
        path, kind = self._path_to(node)
        if kind == "key":
            rank = (len(path), 0, self._after(node + 1), -(node + 1))
        elif kind == "item":
            rank = (len(path), 1, self._after(node), -node)
        else:
            return
        if line not in best or rank < best[line][0]:
            best[line] = (rank, path)

    def tables(
        self,
    ) -> tuple[dict[PathKey, Span], dict[PathKey, Span], dict[PathKey, str]]:
        """Every value's span, every key's span and every scalar value's style, by path: what
        ``yamlio.parse(text, positions=True)`` gives."""
        values: dict[PathKey, Span] = {}
        keys: dict[PathKey, Span] = {}
        styles: dict[PathKey, str] = {}
        span = self.span
        marks = self.marks

        def walk(data: Any, node: int, path: PathKey) -> int:
            """Record ``data`` (node ``node``) and its descendants; the node after them."""
            values[path] = span(node)
            link = marks[3 * node + 2]
            if link < 0:
                style = MARK_STYLES[-1 - link]
                if style is not None and path:
                    styles[path] = style
                return node + 1
            child = node + 1
            if type(data) is dict:
                for k, v in data.items():
                    keys[(*path, k)] = span(child)
                    child = walk(v, child + 1, (*path, k))
            elif type(data) is list:
                for i, v in enumerate(data):
                    child = walk(v, child, (*path, i))
            return child

        walk(self.data, 0, ())
        return values, keys, styles
