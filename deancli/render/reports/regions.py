"""Complete source regions for machine formats (SARIF regions, workflow annotations).

A finding may carry a start only, a start and an end, or no position at all (a finding about
the whole file). Formats whose consumers need every coordinate get one from here: a finding
without a column covers its whole line, one without a line covers the whole file, one with a
start only covers one character. Lines are the file's source lines when dean has them.
"""

from __future__ import annotations

from typing import NamedTuple

from deancli.base.diagnostics import Location


class Region(NamedTuple):
    """1-based; ``end_column`` is the column just past the last character (SARIF's
    convention). A region that ends at column 1 of a line ends with the line before it."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int


def _length(lines: list[str] | None, n: int) -> int | None:
    """The length of line ``n``; 0 past the end of a known file (an empty file has one
    empty line); None when the source is unknown."""
    if lines is None:
        return None
    return len(lines[n - 1]) if 1 <= n <= len(lines) else 0


def region(loc: Location, lines: list[str] | None) -> Region:
    if loc.line is None:  # the whole file
        if lines:
            return Region(1, 1, len(lines), len(lines[-1]) + 1)
        return Region(1, 1, 1, 1)
    line = loc.line
    if loc.column is None:  # the whole line
        n = _length(lines, line)
        return Region(line, 1, line, (n if n is not None else 0) + 1)
    column = loc.column
    end_line = loc.end_line if loc.end_line is not None else line
    if loc.end_column is not None and loc.end_line is not None:
        end_column = loc.end_column
    elif end_line == line:
        n = _length(lines, line)  # one character, if the line has one there
        end_column = column + 1 if n is None or column <= n else column
    else:
        n = _length(lines, end_line)
        end_column = (n if n is not None else 0) + 1
    # a span that stops at the start of a line (a block value ends at the next key) really
    # ends with the line before it
    while end_line > line and end_column == 1:
        n = _length(lines, end_line - 1)
        if n is None:
            break
        end_line -= 1
        end_column = n + 1
    if (end_line, end_column) < (line, column):
        end_line, end_column = line, column
    return Region(line, column, end_line, end_column)
