"""Positions: dean counts 1-based lines and code points; LSP counts 0-based lines and, by
default, UTF-16 code units (the client may agree on UTF-8 or UTF-32). Lines end at ``\\n``,
``\\r\\n`` or ``\\r``, as LSP and YAML both say."""

from __future__ import annotations

import re
from functools import cached_property

from lsprotocol import types

from deancli.base.diagnostics import Location, Span

_BREAK = re.compile(r"\r\n|\r|\n")


class Lines:
    """The lines of one text, and conversions between dean's and the client's positions."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = encoding

    @cached_property
    def lines(self) -> list[str]:
        return _BREAK.split(self.text)

    @cached_property
    def starts(self) -> list[int]:
        """Offset of the first character of each line."""
        out = [0]
        out.extend(m.end() for m in _BREAK.finditer(self.text))
        return out

    def line(self, n: int) -> str:
        """Line ``n`` (0-based); an empty string past the end."""
        return self.lines[n] if 0 <= n < len(self.lines) else ""

    def _units(self, text: str) -> int:
        if self.encoding == types.PositionEncodingKind.Utf32 or text.isascii():
            return len(text)
        if self.encoding == types.PositionEncodingKind.Utf8:
            return len(text.encode("utf-8", "surrogatepass"))
        return len(text.encode("utf-16-le", "surrogatepass")) // 2

    def to_client(self, line: int, column: int) -> types.Position:
        """0-based line and code-point column -> the client's position (clamped to the text)."""
        if line >= len(self.lines):
            last = len(self.lines) - 1
            return types.Position(last, self._units(self.lines[last]))
        line = max(line, 0)
        text = self.lines[line]
        return types.Position(line, self._units(text[: max(0, min(column, len(text)))]))

    def from_client(self, pos: types.Position) -> tuple[int, int]:
        """The client's position -> 0-based line and code-point column (clamped)."""
        if pos.line >= len(self.lines):
            last = len(self.lines) - 1
            return last, len(self.lines[last])
        text = self.lines[pos.line]
        if self.encoding == types.PositionEncodingKind.Utf32 or text.isascii():
            return pos.line, min(pos.character, len(text))
        units = 0
        for i, ch in enumerate(text):
            if units >= pos.character:
                return pos.line, i
            units += self._units(ch)
        return pos.line, len(text)

    def offset(self, line: int, column: int) -> int:
        """0-based line and code-point column -> offset in the text."""
        if line >= len(self.starts):
            return len(self.text)
        return self.starts[line] + min(column, len(self.lines[line]))

    def offset_of(self, pos: types.Position) -> int:
        return self.offset(*self.from_client(pos))

    def span_range(self, span: Span | None) -> types.Range:
        """A dean span as a client range. A span without an end covers the rest of its word
        (to the next space), or one character; no span is the start of the file."""
        if span is None:
            return types.Range(types.Position(0, 0), types.Position(0, 0))
        line, col = span.line - 1, span.column - 1
        if span.end_line is not None and span.end_column is not None:
            end_line, end_col = span.end_line - 1, span.end_column - 1
        else:
            text = self.line(line)
            m = re.compile(r"\S*").match(text, col)
            end_line, end_col = line, (m.end() if m and m.end() > col else col + 1)
        return types.Range(self.to_client(line, col), self.to_client(end_line, end_col))

    def location_range(self, loc: Location) -> types.Range:
        if loc.line is None:
            return self.span_range(None)
        return self.span_range(Span(loc.line, loc.column or 1, loc.end_line, loc.end_column))

    def whole(self) -> types.Range:
        last = len(self.lines) - 1
        return types.Range(types.Position(0, 0), self.to_client(last, len(self.lines[last])))
