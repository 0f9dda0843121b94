"""Where the cursor stands in a buffer that may not parse (the user is typing): the path of
keys to it, read from the indentation of the lines above, and whether a key or a value is
being written there. Block style (``key:``, ``- item``) and one-line flow lists
(``key: [a, b]``, ``es: {kind: x, sources: [a]}``) are understood."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Parts = tuple[str | int, ...]

_WORD = re.compile(r"[A-Za-z0-9_./-]*")
_KEY = re.compile(r"([A-Za-z0-9_-]+):(?:\s+|$)")
_LINE_KEY = re.compile(r"^([^\s:#\[\]{},'\"-][^:#]*?):(\s+(.*))?$")


@dataclass
class Cursor:
    parts: Parts  # the value's path (mode "value") or the parent mapping's (mode "key")
    mode: str  # "key" or "value"
    start: int  # code-point columns of the word being written
    end: int
    word: str
    siblings: set[str] = field(default_factory=set)  # keys already in the mapping
    dash: bool = False  # a key written after "- " (the first key of a new list item)


def cursor_at(lines: list[str], line: int, column: int) -> Cursor | None:
    """The cursor at a 0-based line and code-point column, or None in a comment, in text, or
    where nothing can be completed."""
    if not 0 <= line < len(lines):
        return None
    text = lines[line]
    column = min(column, len(text))
    before = text[:column]
    if re.search(r"(^|\s)#", before) or before.count('"') % 2 or before.count("'") % 2:
        return None
    start = column
    while start > 0 and _WORD.fullmatch(text[start - 1]):
        start -= 1
    end = _WORD.match(text, column)
    stop = end.end() if end else column
    word = text[start:column]
    head = before[:start]
    indent = len(text) - len(text.lstrip(" "))
    m = re.match(r"^\s*((?:-(?:\s+|$))*)", head)
    assert m is not None
    content = m.end()
    if m.group(1):  # an item: what follows "- " is its value, or its mapping's first key
        base: Parts = (*_ancestors(lines, line, indent, dash=True), 0)
    else:
        base = _ancestors(lines, line, content)
    rest = head[content:]
    if "[" in rest or "{" in rest:  # a flow list (or a flow mapping holding one), open here
        flow = _flow(rest)
        if flow is None:
            return None
        keys, in_list = flow
        parts = (*base, *keys, *((0,) if in_list else ()))
        if not in_list and rest.rstrip().endswith(("{", ",")):
            return Cursor(parts, "key", start, stop, word, _flow_keys(rest))
        return Cursor(parts, "value", start, stop, word)
    k = _KEY.fullmatch(rest)
    if k:  # key: |
        return Cursor((*base, k.group(1)), "value", start, stop, word)
    if rest.strip():
        return None
    siblings = _siblings(lines, line, content, up=not m.group(1))
    if m.group(1):
        return Cursor(base, "value", start, stop, word, siblings, dash=True)
    return Cursor(base, "key", start, stop, word, siblings)


def _flow(text: str) -> tuple[list[str], bool] | None:
    """The keys of the flow collections still open at the end of ``text`` (``es: {sources:
    [a, `` -> ``[es, sources]``, in a list), or None when they cannot be told."""
    keys: list[str] = []
    opened: list[str] = []
    pending: str | None = None
    i = 0
    while i < len(text):
        ch = text[i]
        m = _KEY.match(text, i)
        if m and (i == 0 or text[i - 1] in " {,"):
            pending = m.group(1)
            i = m.end()
            continue
        if ch in "[{":
            opened.append(ch)
            keys.append(pending if pending is not None else "")
            pending = None
        elif ch in "]}":
            if not opened:
                return None
            opened.pop()
            keys.pop()
        elif ch == ",":
            pending = None
        i += 1
    if not opened or any(k == "" for k in keys[1:]):
        return None
    if pending is not None and opened[-1] == "{":  # `{kind: |`: the value of that key
        return [k for k in keys if k] + [pending], False
    return [k for k in keys if k], opened[-1] == "["


def _flow_keys(text: str) -> set[str]:
    inner = text[text.rfind("{") + 1 :]
    return {m.group(1) for m in _KEY.finditer(inner)}


def _ancestors(lines: list[str], line: int, column: int, *, dash: bool = False) -> Parts:
    """The keys (and list items, as 0) that contain what starts at ``column`` on ``line``
    (``dash``: a list item starts there)."""
    out: list[str | int] = []
    target, after_dash = column, dash
    for n in range(line - 1, -1, -1):
        text = lines[n]
        stripped = text.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        i = len(text) - len(stripped)
        if i > target:
            continue
        if stripped == "-" or stripped.startswith("- "):
            body = stripped[1:].lstrip(" ")
            ci = len(text) - len(body)
            if target < ci:  # a sibling item, or an item of a list we are not in
                continue
            m = _LINE_KEY.match(body)
            if target > ci and m and _opens(m):
                out.append(m.group(1))
            out.append(0)
            target, after_dash = i, True
            continue
        if i == target and not after_dash:
            continue  # a sibling key
        m = _LINE_KEY.match(stripped)
        if m is None or not _opens(m):
            continue
        out.append(m.group(1))
        target, after_dash = i, False
        if i == 0:
            break
    return tuple(reversed(out))


def _opens(m: re.Match[str]) -> bool:
    """The key on this line holds what follows on the next lines (nothing after its colon
    but a comment or a block scalar indicator)."""
    value = (m.group(3) or "").split(" #")[0].strip()
    return value in ("", "|", ">", "|-", ">-", "|+", ">+")


def _siblings(lines: list[str], line: int, column: int, *, up: bool = True) -> set[str]:
    """The keys written at ``column`` in the mapping around ``line`` (below it only, for the
    first key of a new list item)."""
    out: set[str] = set()
    for step in (-1, 1) if up else (1,):
        n = line + step
        while 0 <= n < len(lines):
            text = lines[n]
            stripped = text.lstrip(" ")
            n += step
            if not stripped or stripped.startswith("#"):
                continue
            i = len(text) - len(stripped)
            if stripped.startswith("- "):
                body = stripped[2:].lstrip(" ")
                ci = len(text) - len(body)
                if ci == column:
                    m = _LINE_KEY.match(body)
                    if m:
                        out.add(m.group(1))
                if i < column:
                    break
                continue
            if i < column:
                break
            if i == column:
                m = _LINE_KEY.match(stripped)
                if m:
                    out.add(m.group(1))
    return out
