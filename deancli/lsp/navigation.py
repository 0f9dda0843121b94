"""Go to definition and find references, for organization, source, milestone, initiative and
pillar ids, across the plan (the open buffers as they are)."""

from __future__ import annotations

from lsprotocol import types

from deancli.lsp.documents import LiveDocument, PlanState
from deancli.lsp.symbols import Parts, Symbol, node_at, places, symbol_at, value_at
from deancli.lsp.text import Lines


def lines_of(doc: LiveDocument, encoding: str, buffer: str | None = None) -> Lines:
    """The document's lines (remembered with it: documents are new after every change). A
    buffer dean could not read as text (too large, not UTF-8) still has the editor's text,
    ``buffer``, for the positions of its findings."""
    key = f"lines:{encoding}"
    if key not in doc.memo:
        text = doc.text if doc.text is not None else buffer
        doc.memo[key] = Lines(text or "", encoding)
    found: Lines = doc.memo[key]
    return found


def symbol_under(
    doc: LiveDocument, lines: Lines, pos: types.Position
) -> tuple[Symbol, Parts] | None:
    """The id under the cursor, and where it stands."""
    if not doc.ok:
        return None
    line, column = lines.from_client(pos)
    found = node_at(doc, line + 1, column + 1)
    if found is None or found[2]:
        return None
    parts = found[0]
    sym = symbol_at(doc, parts, value_at(doc, parts))
    return (sym, parts) if sym is not None else None


def location(doc: LiveDocument, parts: Parts, encoding: str) -> types.Location:
    return types.Location(doc.path.as_uri(), lines_of(doc, encoding).span_range(doc.span(parts)))


def definition(
    state: PlanState, doc: LiveDocument, lines: Lines, pos: types.Position, encoding: str
) -> list[types.Location] | None:
    found = symbol_under(doc, lines, pos)
    if found is None:
        return None
    sym, _ = found
    out = [
        location(d, parts, encoding)
        for d, parts, other in places(state, sym, definitions=True)
        if other.definition
    ]
    return out or None


def references(
    state: PlanState,
    doc: LiveDocument,
    lines: Lines,
    pos: types.Position,
    encoding: str,
    *,
    declaration: bool,
) -> list[types.Location] | None:
    found = symbol_under(doc, lines, pos)
    if found is None:
        return None
    sym, _ = found
    return [
        location(d, parts, encoding)
        for d, parts, other in places(state, sym)
        if declaration or not other.definition
    ]
