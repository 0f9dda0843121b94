"""Edits that lose nothing: the splice engine of `dean set`.

An edit is a list of operations on one document. Each operation is applied as a *splice* of
the original text at the exact position of the value it changes (positions from the same
parser dean validates with), so comments, blank lines, quoting, key order and line endings
elsewhere stay byte-identical. Before anything is written:

1. the new text is parsed, and its data must equal the old data with the operations applied
   (any other difference means the splice touched something else: the edit is refused);
2. the whole plan is validated with the new text in place; an edit that adds an error is
   refused with the diagnostics;
3. the file is written atomically (see :func:`write_atomic`) and only if it did not change on
   disk since it was read.
"""

from __future__ import annotations

import copy
from typing import Any

from deancli.base.diagnostics import Span
from deancli.base.i18n import tr
from deancli.edit.change import EditError, Op, PathKey
from deancli.edit.orders import INITIATIVE_ORDER, LEADS_ORDER, MILESTONE_ORDER, SOURCE_ORDER
from deancli.edit.yamltext import (
    Text,
    entry_end,
    render_entry,
    render_flow,
    render_item,
    render_scalar,
)
from deancli.plan import yamlio
from deancli.plan.loader import Document

__all__ = ["apply_to_data", "materialise", "render_flow", "render_scalar", "splice"]


def _get(data: Any, path: PathKey) -> Any:
    for p in path:
        data = data[p]
    return data


def apply_to_data(data: Any, ops: list[Op]) -> Any:
    """What the document's data must be after the operations (the splice is checked
    against this)."""
    data = copy.deepcopy(data)
    for op in ops:
        container = _get(data, op.target)
        if op.kind == "set":
            container[op.key] = op.value
        elif op.kind == "add":
            container.setdefault(op.key, [])
            container[op.key].append(op.value)
        elif op.kind == "remove":
            container[op.key].remove(op.value)
        elif op.kind == "insert":
            index, item = op.value
            container.setdefault(op.key, [])
            container[op.key].insert(index, item)
        elif op.kind == "move":
            source, dest = op.value
            lst = container[op.key]
            lst.insert(dest, lst.pop(source))
        elif op.kind == "replace":
            index, item = op.value
            container[op.key][index] = item
    return data


def _describe(path: PathKey) -> str:
    return ".".join(map(str, path)) or tr("the top level")


def materialise(data: Any, op: Op) -> Op:
    """``op`` made applicable to ``data``: a target whose parents are missing becomes a
    "set" of the first missing parent to the nested value (``summary.en=X`` on a file with
    no ``summary`` sets ``summary`` to ``{en: X}``). A path through something that is not a
    mapping is refused, never a crash."""
    node = data
    for depth, part in enumerate(op.target):
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            continue
        if not isinstance(node, dict):
            raise EditError(
                tr(
                    "cannot edit `{path}`: `{parent}` is not a mapping",
                    path=_describe((*op.target, op.key)),
                    parent=_describe(op.target[:depth]),
                )
            )
        if part not in node:
            if op.kind == "remove":
                shown = op.value if isinstance(op.value, str) else render_flow(op.value)
                raise EditError(
                    tr(
                        "`{value}` is not in `{path}`; nothing to remove",
                        value=shown,
                        path=_describe((*op.target, op.key)),
                    )
                )
            value: Any = op.value if op.kind == "set" else [op.value]
            for name in reversed((*op.target[depth + 1 :], op.key)):
                value = {name: value}
            return Op("set", op.target[:depth], str(part), value)
        node = node[part]
    if not isinstance(node, dict):
        raise EditError(
            tr(
                "cannot edit `{path}`: `{parent}` is not a mapping",
                path=_describe((*op.target, op.key)),
                parent=_describe(op.target),
            )
        )
    return op


def _order_for(target: PathKey) -> list[str]:
    if not target:
        return INITIATIVE_ORDER
    if target[0] == "milestones" and len(target) == 2:
        return MILESTONE_ORDER
    if target[0] == "sources" and len(target) == 2:
        return SOURCE_ORDER
    if target == ("leads",):
        return LEADS_ORDER
    return []


def _splice_one(text: str, data: Any, op: Op) -> str:
    parsed = yamlio.parse(text, positions=True)
    if parsed.fatal or parsed.values is None or parsed.keys is None or parsed.styles is None:
        raise EditError(tr("the file does not parse; fix it first (dean validate)"))
    values, keys, styles = parsed.values, parsed.keys, parsed.styles
    t = Text(text)
    container = _get(data, op.target)
    if not isinstance(container, dict):
        raise EditError(tr("cannot edit: `{path}` is not a mapping", path=_describe(op.target)))
    here = (*op.target, op.key)

    if op.kind == "set" and op.key in container:
        current = container[op.key]
        if isinstance(current, dict | list) or isinstance(op.value, dict | list):
            if isinstance(current, list) and isinstance(op.value, list):
                span = values[here]
                return _replace(t, span, render_flow(op.value), styles.get(here))
            raise EditError(
                tr("cannot replace the structure at `{path}`; edit it by hand", path=op.key)
            )
        return _replace(t, values[here], render_scalar(op.value), styles.get(here))

    if op.kind == "set" or (op.kind in ("add", "insert") and op.key not in container):
        single = op.value if op.kind == "add" else op.value[1] if op.kind == "insert" else None
        value = op.value if op.kind == "set" else [single]
        return _insert_key(t, values, keys, container, op.target, op.key, value)

    lst = container.get(op.key)
    if not isinstance(lst, list):
        raise EditError(tr("`{path}` is not a list", path=_describe(here)))
    span = values[here]
    is_flow = t.text[t.offset(span.line, span.column)] == "["
    if op.kind == "add":
        if op.value in lst:
            shown = op.value if isinstance(op.value, str) else render_flow(op.value)
            raise EditError(
                tr(
                    "`{value}` is already in `{path}`; nothing to add",
                    value=shown,
                    path=_describe(here),
                )
            )
        return _insert_item(t, values, keys, here, lst, len(lst), op.value, is_flow)
    if op.kind == "insert":
        index, item_value = op.value
        return _insert_item(t, values, keys, here, lst, index, item_value, is_flow)
    if op.kind == "move":
        return _move_item(t, values, here, lst, op.value, is_flow)
    if op.kind == "replace":
        index, item_value = op.value
        at = (*here, index)
        if isinstance(lst[index], dict | list) or isinstance(item_value, dict | list):
            raise EditError(
                tr("cannot replace the structure at `{path}`; edit it by hand", path=_describe(at))
            )
        return _replace(t, values[at], render_scalar(item_value), styles.get(at))
    # remove
    if op.value not in lst:
        shown = op.value if isinstance(op.value, str) else render_flow(op.value)
        raise EditError(
            tr(
                "`{value}` is not in `{path}`; nothing to remove",
                value=shown,
                path=".".join(map(str, here)),
            )
        )
    index = lst.index(op.value)
    item = values[(*here, index)]
    if is_flow:
        start = t.offset(item.line, item.column)
        assert item.end_line is not None and item.end_column is not None
        end = t.offset(item.end_line, item.end_column)
        if index < len(lst) - 1:  # also drop the comma and space that follow
            nxt = values[(*here, index + 1)]
            end = t.offset(nxt.line, nxt.column)
        elif index > 0:  # the last item: drop the separator before it
            prev = values[(*here, index - 1)]
            assert prev.end_line is not None and prev.end_column is not None
            start = t.offset(prev.end_line, prev.end_column)
        return t.text[:start] + t.text[end:]
    start = t.starts[item.line - 1]
    end = entry_end(t, item)
    kept = _comments_of_item(t, item, start, end)
    if len(lst) == 1:  # the list becomes empty: write `key: []`, keeping a comment after it
        key_span = keys[here]
        assert key_span.end_line is not None and key_span.end_column is not None
        colon = t.text.index(":", t.offset(key_span.end_line, key_span.end_column))
        return t.text[: colon + 1] + " []" + t.text[colon + 1 : start] + kept + t.text[end:]
    return t.text[:start] + kept + t.text[end:]


def _chunk_start(t: Text, item: Span) -> int:
    """Where a block-list item starts, with the full-line comments right above it (a
    leading comment belongs to what follows it)."""
    line = item.line
    while line > 1 and t.line_text(line - 1).strip().startswith("#"):
        line -= 1
    return t.starts[line - 1]


def _insert_item(
    t: Text,
    values: dict[PathKey, Span],
    keys: dict[PathKey, Span],
    here: PathKey,
    lst: list[Any],
    index: int,
    value: Any,
    is_flow: bool,
) -> str:
    """``value`` inserted into the list at ``here`` before item ``index`` (or at the end)."""
    span = values[here]
    assert span.end_line is not None and span.end_column is not None
    if is_flow and not lst and isinstance(value, dict):
        # `key: []` becomes a block list (as `dean fmt` lays lists of mappings out), unless
        # a comment follows on the line (it would end up on the new item's last line)
        rest = t.text[t.offset(span.end_line, span.end_column) : t.line_end(span.end_line)]
        if not rest.strip():
            key_span = keys[here]
            indent = key_span.column - 1
            colon = t.text.index(":", t.offset(key_span.line, key_span.column))
            end = t.offset(span.end_line, span.end_column)
            body = render_item(value, indent + 2, t.nl)
            return t.text[: colon + 1] + t.nl + body[: -len(t.nl)] + t.text[end:]
    if is_flow:
        if index < len(lst):
            at = values[(*here, index)]
            pos = t.offset(at.line, at.column)
            return t.text[:pos] + render_flow(value) + ", " + t.text[pos:]
        close = t.offset(span.end_line, span.end_column) - 1
        sep = ", " if lst else ""
        return t.text[:close] + sep + render_flow(value) + t.text[close:]
    first = values[(*here, 0)]
    dash = t.line_text(first.line).index("-")
    if index < len(lst):
        pos = _chunk_start(t, values[(*here, index)])
    else:
        pos = entry_end(t, values[(*here, len(lst) - 1)])
    body = render_item(value, dash, t.nl)
    if pos > 0 and t.text[pos - 1] != "\n":
        body = t.nl + body
    return t.text[:pos] + body + t.text[pos:]


def _move_item(
    t: Text,
    values: dict[PathKey, Span],
    here: PathKey,
    lst: list[Any],
    move: tuple[int, int],
    is_flow: bool,
) -> str:
    """The list at ``here`` with item ``move[0]`` moved to position ``move[1]``: each item's
    text (with its leading comments, in a block list) moves verbatim; what stands between
    items stays where it is."""
    bounds = []
    for i in range(len(lst)):
        item = values[(*here, i)]
        assert item.end_line is not None and item.end_column is not None
        if is_flow:
            bounds.append(
                (t.offset(item.line, item.column), t.offset(item.end_line, item.end_column))
            )
        else:
            bounds.append((_chunk_start(t, item), entry_end(t, item)))
    pieces = [t.text[a:b] for a, b in bounds]
    gaps = [t.text[bounds[i][1] : bounds[i + 1][0]] for i in range(len(bounds) - 1)]
    if not is_flow:
        last_nl = pieces[-1].endswith("\n")
        pieces = [p if p.endswith("\n") else p + t.nl for p in pieces]
    order = list(range(len(lst)))
    order.insert(move[1], order.pop(move[0]))
    out = pieces[order[0]]
    for gap, k in zip(gaps, order[1:], strict=True):
        out += gap + pieces[k]
    if not is_flow and not last_nl:
        out = out[: -len(t.nl)]
    return t.text[: bounds[0][0]] + out + t.text[bounds[-1][1] :]


def _comments_of_item(t: Text, item: Span, start: int, end: int) -> str:
    """The comments on the lines of a block-list item being removed, as comment lines at
    the item's indentation: an edit never deletes a comment (the reader decides whether it
    still applies). Kept: the comment after a one-line item, and full-line comments."""
    dash = t.line_text(item.line).index("-")
    out = []
    if item.end_line == item.line and item.end_column is not None:
        after = t.text[t.offset(item.line, item.end_column) : t.line_end(item.line)]
        if after.strip().startswith("#"):
            out.append(" " * dash + after.strip())
    for line in t.text[start:end].splitlines()[1:]:
        if line.strip().startswith("#"):
            out.append(line.rstrip())
    return "".join(x + t.nl for x in out)


def _replace(t: Text, span: Span, new: str, style: str | None) -> str:
    assert span.end_line is not None and span.end_column is not None
    start = t.offset(span.line, span.column)
    end = t.offset(span.end_line, span.end_column)
    if style in ("literal", "folded"):
        # a block scalar runs to the start of the next line: keep that line break
        end_line_start = t.starts[span.end_line - 1] if span.end_column == 1 else end
        end = end_line_start
        new += t.nl
    return t.text[:start] + new + t.text[end:]


def _insert_key(
    t: Text,
    values: dict[PathKey, Span],
    keys: dict[PathKey, Span],
    container: dict[str, Any],
    target: PathKey,
    key: str,
    value: Any,
) -> str:
    if not container:
        raise EditError(tr("cannot add `{key}` to an empty mapping; edit it by hand", key=key))
    span = values[target]
    if t.text[t.offset(span.line, span.column)] == "{":
        path = _describe(target)
        raise EditError(tr("`{path}` is a flow mapping; edit it by hand", path=path))
    order = _order_for(target)
    existing = list(container)
    after: str | None = existing[-1]
    if key in order:
        before_keys = [k for k in order[: order.index(key)] if k in container]
        after = max(before_keys, key=existing.index) if before_keys else None
    first = keys[(*target, existing[0])]
    indent = first.column - 1
    if after is None:
        line_start = t.starts[first.line - 1]
        if t.text[line_start : t.offset(first.line, first.column)].strip() == "-":
            raise EditError(tr("cannot add `{key}` before the first key of a list item", key=key))
        at = line_start
    else:
        at = entry_end(t, values[(*target, after)])
    body = render_entry(key, value, indent, t.nl)
    if at > 0 and t.text[at - 1] != "\n":
        body = t.nl + body
    return t.text[:at] + body + t.text[at:]


def splice(doc: Document, ops: list[Op]) -> str:
    """The new text of ``doc`` with ``ops`` applied, checked against the expected data."""
    if doc.text is None or not doc.ok:
        raise EditError(tr("{path} cannot be read; fix it first (dean validate)", path=doc.display))
    text, data = doc.text, doc.data
    done = []
    for raw_op in ops:
        op = materialise(data, raw_op)
        text = _splice_one(text, data, op)
        data = apply_to_data(data, [op])
        done.append(op)
    expected = apply_to_data(doc.data, done)
    parsed = yamlio.parse(text)
    if parsed.fatal or parsed.data != expected:
        raise EditError(
            tr(
                "dean cannot make this edit to {path} without touching other content; "
                "edit the file by hand",
                path=doc.display,
            )
        )
    return text
