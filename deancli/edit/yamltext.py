"""YAML text for values dean writes (plain when that reads back the same, else quoted; flow
or block layout as `dean fmt` lays it out), and positions in a file's text: what the splice
engine (:mod:`deancli.edit.splice`) puts where."""

from __future__ import annotations

import json
from typing import Any

from deancli.base.diagnostics import Span
from deancli.plan import yamlio


def render_scalar(value: Any) -> str:
    """YAML text for a scalar: plain when that reads back as the same value, else quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    text = str(value)
    if text and "\n" not in text:
        parsed = yamlio.parse(f"k: {text}\n")
        if not parsed.issues and parsed.data == {"k": text} and text == text.strip():
            return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def render_flow(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(render_flow(v) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{" + ", ".join(f"{render_scalar(k)}: {render_flow(v)}" for k, v in value.items()) + "}"
        )
    return render_scalar(value)


def render_entry(key: str, value: Any, indent: int, nl: str) -> str:
    """``key: value`` in block layout at ``indent`` (nested mappings and lists of mappings in
    block form, as `dean fmt` lays them out; other values in flow form)."""
    pad = " " * indent
    if isinstance(value, dict) and value:
        return f"{pad}{render_scalar(key)}:{nl}" + "".join(
            render_entry(k, v, indent + 2, nl) for k, v in value.items()
        )
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):
        return f"{pad}{render_scalar(key)}:{nl}" + "".join(
            render_item(v, indent + 2, nl) for v in value
        )
    return f"{pad}{render_scalar(key)}: {render_flow(value)}{nl}"


def render_item(value: Any, dash: int, nl: str) -> str:
    """A block-list item whose dash stands at column ``dash`` (0-based)."""
    if isinstance(value, dict) and value:
        body = "".join(render_entry(k, v, dash + 2, nl) for k, v in value.items())
        return " " * dash + "- " + body[dash + 2 :]
    return " " * dash + "- " + render_flow(value) + nl


class Text:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self.starts.append(i + 1)
        self.nl = "\r\n" if "\r\n" in text else "\n"

    def offset(self, line: int, column: int) -> int:
        if line - 1 >= len(self.starts):
            return len(self.text)
        return min(self.starts[line - 1] + column - 1, len(self.text))

    def line_end(self, line: int) -> int:
        """Offset just after the newline that ends ``line`` (or the end of the text)."""
        if line < len(self.starts):
            return self.starts[line]
        return len(self.text)

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.line_end(line)
        return self.text[start:end]


def entry_end(t: Text, span: Span) -> int:
    """Where to insert after a mapping entry or list item whose value has ``span``."""
    assert span.end_line is not None and span.end_column is not None
    if span.end_line > span.line:
        line_start = t.offset(span.end_line, 1)
        if not t.text[line_start : t.offset(span.end_line, span.end_column)].strip():
            # a block value ends where the next token starts (the next line's key or `-`)
            return line_start
    return t.line_end(span.end_line)
