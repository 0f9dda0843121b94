"""The canonical layout of a plan file, with its comments where they belong.

ruamel.yaml keeps a comment by hanging it on the node *before* it, so reordering keys moved a
comment written above a key to below the previous one. dean attaches comments itself:

- a *leading* comment (full-line comments and blank lines above a key or list item) belongs to
  the key or item below it, and moves and re-indents with it;
- a *trailing* comment (after content, on the same line) belongs to the line it ends: to the
  key or value that ends there;
- the comments at the very top of the file (the editor's schema line, a header separated from
  the first key by a blank line) stay at the top, and those after the last key at the end.

The text is laid out by ruamel without its comments, then each comment is put back next to
what it belongs to, with its original spacing. Positions come from the same parser dean
validates with, so a ``#`` inside a quoted or block scalar is never taken for a comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from deancli.base.diagnostics import Span
from deancli.base.i18n import tr
from deancli.edit.change import EditError, PathKey
from deancli.plan import yamlio

MODELINE = "# yaml-language-server:"
WIDTH = 1 << 30  # ruamel wraps long plain scalars at its width: never, here

# what a comment is attached to: ("key" | "value" | "top" | "end", path)
Owner = tuple[str, PathKey]


@dataclass
class Comments:
    """A file's comments, by what they belong to."""

    top: list[str] = field(default_factory=list)  # lines at the top of the file
    leading: dict[Owner, list[str]] = field(default_factory=dict)  # lines above an owner
    trailing: dict[Owner, str] = field(default_factory=dict)  # "<spaces># text" after it
    end: list[str] = field(default_factory=list)  # lines after the last content
    anchors: dict[Owner, int] = field(default_factory=dict)  # owner -> its line's indent


def comment_texts(text: str) -> list[str]:
    """Every comment of ``text`` (``# ...``), in order; a ``#`` inside a scalar is not one."""
    parsed = yamlio.parse(text, positions=True)
    if parsed.fatal or parsed.values is None:
        raise EditError(tr("the file does not parse"))
    lines = _Lines(text, parsed)
    return [c.strip() for _, c in lines.comments() if c.strip()]


class _Lines:
    """A text split into lines, with which characters lie inside a key or scalar value."""

    def __init__(self, text: str, parsed: Any) -> None:
        self.text = text
        self.starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self.starts.append(i + 1)
        if self.starts[-1] == len(text):
            self.starts.pop()
        self.parsed = parsed
        inside = bytearray(len(text) + 1)
        spans = list(parsed.keys.values())
        spans += [s for p, s in parsed.values.items() if not _is_collection(parsed.data, p)]
        for s in spans:
            a, b = self.offset(s.line, s.column), self.offset(s.end_line, s.end_column)
            inside[a:b] = b"\x01" * (b - a)
        self.inside = inside

    def offset(self, line: int | None, column: int | None) -> int:
        if line is None or column is None or line - 1 >= len(self.starts):
            return len(self.text)
        return min(self.starts[line - 1] + column - 1, len(self.text))

    def line(self, n: int) -> str:
        """Line ``n`` (1-based) without its line break."""
        start = self.starts[n - 1]
        end = self.starts[n] if n < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def comment_at(self, n: int) -> int | None:
        """Where the comment of line ``n`` starts (an index into the line), if it has one."""
        line, base = self.line(n), self.starts[n - 1]
        for i, ch in enumerate(line):
            if ch == "#" and (i == 0 or line[i - 1] in " \t") and not self.inside[base + i]:
                return i
        return None

    def is_blank(self, n: int) -> bool:
        return not self.line(n).strip() and not self.inside[self.starts[n - 1]]

    def comments(self) -> list[tuple[int, str]]:
        """(line, the comment with the spaces before it) for every comment."""
        out = []
        for n in range(1, len(self.starts) + 1):
            at = self.comment_at(n)
            if at is not None:
                line = self.line(n)
                gap = len(line[:at]) - len(line[:at].rstrip())
                out.append((n, line[at - gap :]))
        return out


def _is_collection(data: Any, path: PathKey) -> bool:
    for p in path:
        try:
            data = data[p]
        except (KeyError, IndexError, TypeError):
            return False
    return isinstance(data, dict | list)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _owners_starting(parsed: Any) -> dict[int, list[Owner]]:
    """For each line, what begins on it: mapping keys and list items (the comments above the
    first key of the file are the top's or that key's, never the root mapping's)."""
    out: dict[int, list[Owner]] = {}
    for path, span in parsed.keys.items():
        out.setdefault(span.line, []).append(("key", path))
    for path, span in parsed.values.items():
        if path and isinstance(path[-1], int):
            out.setdefault(span.line, []).append(("value", path))
    for owners in out.values():
        owners.sort(key=lambda o: len(o[1]))
    return out


def _owners_ending(parsed: Any, lines: _Lines) -> dict[int, list[tuple[int, Owner]]]:
    """For each line, what ends on it (after the line's indentation), with where it ends."""
    out: dict[int, list[tuple[int, Owner]]] = {}
    spans: list[tuple[Owner, Span]] = [(("key", p), s) for p, s in parsed.keys.items()]
    spans += [(("value", p), s) for p, s in parsed.values.items()]
    for owner, s in spans:
        if s.end_line is None or s.end_column is None or s.end_line > len(lines.starts):
            continue
        if s.end_column - 1 <= _indent(lines.line(s.end_line)):
            continue  # a block value ends where the next line's content begins
        out.setdefault(s.end_line, []).append((s.end_column, owner))
    return out


def collect(text: str) -> tuple[str, Comments]:
    """``text`` without its comments and blank lines (outside scalars), and the comments by
    what they belong to."""
    parsed = yamlio.parse(text, positions=True)
    if parsed.fatal or parsed.values is None or parsed.keys is None:
        raise EditError(tr("the file does not parse"))
    lines = _Lines(text, parsed)
    starting = _owners_starting(parsed)
    ending = _owners_ending(parsed, lines)
    found = Comments()
    kept: list[str] = []
    pending: list[str] = []  # comment and blank lines waiting for the next content line
    seen_content = False
    for n in range(1, len(lines.starts) + 1):
        line = lines.line(n)
        at = lines.comment_at(n)
        if lines.is_blank(n) or (at is not None and not line[:at].strip()):
            pending.append("" if lines.is_blank(n) else line)
            continue
        if not seen_content:
            seen_content = True
            cut = max((i + 1 for i, x in enumerate(pending) if not x.strip()), default=0)
            top, pending = pending[:cut], pending[cut:]
            while pending and pending[0].lstrip().startswith(MODELINE):
                top.append(pending.pop(0))
            found.top = top
        owners = starting.get(n)
        if pending:
            if owners:
                found.leading.setdefault(owners[0], []).extend(pending)
                found.anchors[owners[0]] = _indent(line)
            else:  # e.g. `---`: they stay above it, with the top
                found.top.extend(pending)
            pending = []
        for owner in owners or []:
            found.anchors.setdefault(owner, _indent(line))
        if at is not None:
            before = [(col, o) for col, o in ending.get(n, []) if col - 1 <= at]
            if not before:
                raise EditError(tr("line {n}: cannot tell what its comment belongs to", n=n))
            owner = max(before, key=lambda x: (x[0], -len(x[1][1])))[1]
            gap = len(line[:at]) - len(line[:at].rstrip())
            found.trailing[owner] = line[at - gap :]
            line = line[:at].rstrip()
        kept.append(line)
    if not seen_content:
        found.top = pending
    else:
        found.end = pending
    return "\n".join(kept) + "\n", found


def restore(text: str, comments: Comments) -> str:
    """Put ``comments`` back into ``text`` (the same data, laid out anew)."""
    parsed = yamlio.parse(text, positions=True)
    if parsed.fatal or parsed.values is None or parsed.keys is None:
        raise EditError(tr("the laid-out text does not parse"))
    lines = _Lines(text, parsed)
    starting = _owners_starting(parsed)
    ending = {
        owner: line for line, items in _owners_ending(parsed, lines).items() for _, owner in items
    }
    where_start = {o: n for n, owners in starting.items() for o in owners}
    above: dict[int, list[str]] = {}
    for owner, group in comments.leading.items():
        n = where_start.get(owner)
        if n is None:
            raise EditError(tr("a comment's key is not in the laid-out text"))
        shift = _indent(lines.line(n)) - comments.anchors.get(owner, 0)
        moved = [_reindent(x, shift) for x in group]
        above.setdefault(n, []).extend(moved)
    after: dict[int, str] = {}
    for owner, comment in comments.trailing.items():
        n = ending.get(owner)
        if n is None or n in after:
            raise EditError(tr("a trailing comment has no line of its own in the laid-out text"))
        after[n] = comment
    out = list(comments.top)
    for n in range(1, len(lines.starts) + 1):
        out.extend(above.get(n, []))
        out.append(lines.line(n) + after.get(n, ""))
    out.extend(comments.end)
    return "\n".join(out) + "\n"


def _reindent(line: str, shift: int) -> str:
    if not line.strip():
        return ""
    if shift >= 0:
        return " " * shift + line
    return line[min(-shift, _indent(line)) :]


def canonical_text(text: str, orders: dict[str, list[str]]) -> str:
    """``text`` in dean's canonical layout, each comment where it belongs. Raises on input
    it cannot lay out (callers check the result and leave such a file alone)."""
    bare, comments = collect(text.replace("\r\n", "\n"))
    return restore(_dump(bare, orders, explicit=text.lstrip().startswith("---")), comments)


def _dump(text: str, orders: dict[str, list[str]], *, explicit: bool) -> str:
    """ruamel's round-trip layout of a comment-free text: 2-space mappings, list items
    indented by 2 under their key, keys in schema order (``orders`` maps a context name to its
    key order), full dates unquoted, no line wrapping, LF line endings."""
    import datetime as dt
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.explicit_start = explicit
    data = yaml.load(text)

    def reorder(node: Any, context: str) -> None:
        if isinstance(node, CommentedMap):
            order = orders.get(context, [])
            known = [k for k in order if k in node]
            rest = [k for k in node if k not in order and not str(k).startswith("x-")]
            ext = [k for k in node if k not in order and str(k).startswith("x-")]
            for key in known + rest + ext:
                node.move_to_end(key)
            for key in list(node):
                value = node[key]
                quoted = isinstance(value, SingleQuotedScalarString | DoubleQuotedScalarString)
                if quoted and len(value) == 10 and _is_iso_date(str(value)):
                    node[key] = dt.date.fromisoformat(str(value))
                child = f"{context}.{key}" if context else str(key)
                if isinstance(value, CommentedSeq):
                    child += "[]"
                reorder(value, child)
        elif isinstance(node, CommentedSeq):
            for item in node:
                reorder(item, context)

    reorder(data, "")
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _is_iso_date(value: str) -> bool:
    import datetime as dt

    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True
