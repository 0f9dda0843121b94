"""What a position in a plan file is about: the schema node there, and the thing an id names
(an organization, a source, a milestone, an initiative, a pillar), defined once and
referred to across the plan. Completion, hover and navigation share this."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from deancli.base.diagnostics import Span
from deancli.lsp.documents import LiveDocument, PlanState
from deancli.plan.model import Initiative, Plan, milestone_key

Parts = tuple[str | int, ...]


# ------------------------------------------------------------------ the schemas


def _expand(
    root: dict[str, Any], node: Any, refs: frozenset[str]
) -> Iterator[tuple[dict[str, Any], frozenset[str]]]:
    """``node`` with its ``$ref`` followed and its ``oneOf``/``anyOf`` branches opened, each
    with the names of the ``$defs`` passed through."""
    seen = 0
    stack = [(node, refs)]
    while stack and seen < 64:
        seen += 1
        n, r = stack.pop()
        if not isinstance(n, dict):
            continue
        ref = n.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            name = ref.removeprefix("#/$defs/")
            stack.append(
                (
                    {
                        **root.get("$defs", {}).get(name, {}),
                        **{k: v for k, v in n.items() if k != "$ref"},
                    },
                    r | {name},
                )
            )
            continue
        branches = [b for key in ("oneOf", "anyOf") for b in n.get(key, [])]
        if branches:
            stack.extend((b, r) for b in reversed(branches))
        yield n, r


def schema_nodes(kind: str, parts: Parts) -> list[tuple[dict[str, Any], frozenset[str]]]:
    """The schema nodes that describe the value at ``parts`` in a file of ``kind``, each with
    the names of the ``$defs`` it comes from (``org_id``, ``source_ref``...)."""
    return _schema_nodes(kind, tuple(0 if isinstance(p, int) else p for p in parts))


@functools.lru_cache(maxsize=4096)
def _schema_nodes(kind: str, parts: Parts) -> list[tuple[dict[str, Any], frozenset[str]]]:
    import re

    from deancli.plan.schema import load_schema

    root = load_schema(kind)
    current: list[tuple[dict[str, Any], frozenset[str]]] = [(root, frozenset())]
    for part in parts:
        nxt: list[tuple[Any, frozenset[str]]] = []
        for node, refs in current:
            for n, _ in _expand(root, node, refs):
                if isinstance(part, int):
                    child = n.get("items")
                else:
                    child = n.get("properties", {}).get(part)
                    if child is None:
                        child = next(
                            (
                                v
                                for p, v in n.get("patternProperties", {}).items()
                                if re.search(p, part)
                            ),
                            None,
                        )
                if isinstance(child, dict):
                    nxt.append((child, frozenset()))
        current = nxt
    return [e for node, refs in current for e in _expand(root, node, refs)]


# ------------------------------------------------------------------ what an id names


@dataclass(frozen=True)
class Symbol:
    """An id at a place: ``kind`` is organization, source, milestone, initiative or pillar;
    ``key`` identifies it in the plan (for sources and milestones, with the file or
    initiative they belong to); ``definition`` says whether this place defines it."""

    kind: str
    key: Any
    value: Any
    definition: bool


def symbol_at(doc: LiveDocument, parts: Parts, value: Any) -> Symbol | None:
    """What the scalar ``value`` at ``parts`` of ``doc`` names, if anything."""
    data = doc.data if isinstance(doc.data, dict) else {}
    if (
        doc.kind == "organizations"
        and len(parts) == 3
        and parts[0] == "organizations"
        and parts[2] == "id"
    ):
        return Symbol("organization", value, value, True) if isinstance(value, str) else None
    if len(parts) == 3 and parts[0] == "sources" and parts[2] == "id" and isinstance(value, str):
        return Symbol("source", (_scope(doc), value), value, True)
    if doc.kind == "initiative":
        if parts == ("id",) and isinstance(value, int):
            return Symbol("initiative", value, value, True)
        if parts == ("pillar",) and isinstance(value, int):
            return Symbol("pillar", value, value, False)
        if (len(parts) == 2 and parts[0] == "depends_on") or (
            len(parts) == 3 and parts[0] == "related" and parts[2] == "initiative"
        ):
            return Symbol("initiative", value, value, False) if isinstance(value, int) else None
        if (
            len(parts) == 3
            and parts[0] == "milestones"
            and parts[2] == "id"
            and isinstance(value, str)
        ):
            return Symbol("milestone", (data.get("id"), value), value, True)
        if (
            len(parts) == 4
            and parts[0] == "milestones"
            and parts[2] == "depends_on"
            and isinstance(value, str)
        ):
            own = data.get("id")
            num, mid = _milestone_ref(own if isinstance(own, int) else None, value)
            return Symbol("milestone", (num, mid), value, False)
    if (
        doc.kind == "dialogue"
        and len(parts) == 3
        and parts[0] == "pillars"
        and parts[2] == "number"
    ):
        return Symbol("pillar", value, value, True) if isinstance(value, int) else None
    if not isinstance(value, str):
        return None
    refs = {r for _, rs in schema_nodes(doc.kind, parts) for r in rs}
    if "org_id" in refs:
        return Symbol("organization", value, value, False)
    if "source_ref" in refs:
        return Symbol("source", (_source_scope(doc, value), value), value, False)
    return None


def _milestone_ref(own: int | None, ref: str) -> tuple[int | None, str]:
    if "/" in ref:
        num, _, mid = ref.partition("/")
        return (int(num) if num.isdigit() else None), mid
    return own, ref


def _scope(doc: LiveDocument) -> str:
    """Sources defined in dialogue.yaml are shared by every file; others are the file's own."""
    return "" if doc.kind == "dialogue" else doc.rel


def _source_scope(doc: LiveDocument, sid: str) -> str:
    """Where a cited source is defined: the file's own list first, else dialogue.yaml."""
    data = doc.data if isinstance(doc.data, dict) else {}
    own = data.get("sources")
    if (
        doc.kind != "dialogue"
        and isinstance(own, list)
        and any(isinstance(s, dict) and s.get("id") == sid for s in own)
    ):
        return doc.rel
    return ""


# ------------------------------------------------------------------ where it stands


def node_at(doc: LiveDocument, line: int, column: int) -> tuple[Parts, Span, bool] | None:
    """The innermost scalar (or key) at a 1-based line and column: its path, its span, and
    whether it is a key."""
    pos = doc.positions()
    if pos is None or pos.values is None or pos.keys is None:
        return None

    def inside(s: Span) -> bool:
        if s.end_line is None or s.end_column is None:
            return False
        return (s.line, s.column) <= (line, column) <= (s.end_line, s.end_column)

    for table, is_key in ((pos.keys, True), (pos.values, False)):
        for parts, span in table.items():
            if inside(span) and (is_key or not isinstance(dig(doc.data, parts), dict | list)):
                return parts, span, is_key
    return None


def dig(data: Any, parts: Parts) -> Any:
    """The value at ``parts`` in plain data, or None."""
    for p in parts:
        try:
            data = data[p]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def value_at(doc: LiveDocument, parts: Parts) -> Any:
    return dig(doc.data, parts)


def occurrences(doc: LiveDocument) -> list[tuple[Parts, Symbol]]:
    """Every id in ``doc`` that names something (remembered with the document)."""
    if "symbols" in doc.memo:
        return doc.memo["symbols"]  # type: ignore[no-any-return]
    out: list[tuple[Parts, Symbol]] = []
    stack: list[tuple[Any, Parts]] = [(doc.data, ())]
    while stack:
        node, parts = stack.pop()
        if isinstance(node, dict):
            stack.extend((v, (*parts, k)) for k, v in node.items() if isinstance(k, str))
        elif isinstance(node, list):
            stack.extend((v, (*parts, i)) for i, v in enumerate(node))
        elif isinstance(node, str | int) and not isinstance(node, bool):
            sym = _quick_symbol(doc, parts, node)
            if sym is not None:
                out.append((parts, sym))
    out.sort(key=lambda e: [str(p) for p in e[0]])
    doc.memo["symbols"] = out
    return out


_ID_KEYS = (
    "id",
    "org",
    "owners",
    "mx",
    "us",
    "superseded_by",
    "sources",
    "status_sources",
    "depends_on",
    "initiative",
    "pillar",
    "number",
)


def _quick_symbol(doc: LiveDocument, parts: Parts, value: Any) -> Symbol | None:
    """:func:`symbol_at`, skipping the schema for paths that cannot hold an id."""
    names = [p for p in parts if isinstance(p, str)]
    if not names or names[-1] not in _ID_KEYS:
        return None
    return symbol_at(doc, parts, value)


def _may_define(doc: LiveDocument, sym: Symbol) -> bool:
    """Whether ``doc`` is where ``sym`` could be defined (definitions need not walk the plan)."""
    if sym.kind == "organization":
        return doc.kind == "organizations"
    if sym.kind == "pillar":
        return doc.kind == "dialogue"
    if sym.kind == "source":
        scope = sym.key[0]
        return doc.kind == "dialogue" if scope == "" else doc.rel == scope
    if sym.kind == "milestone":
        return (
            doc.kind == "initiative"
            and isinstance(doc.data, dict)
            and (doc.data.get("id") == sym.key[0])
        )
    return doc.kind == "initiative"


def places(
    state: PlanState, sym: Symbol, *, definitions: bool = False
) -> list[tuple[LiveDocument, Parts, Symbol]]:
    """Every place in the plan that defines or names ``sym`` (only those that define it,
    with ``definitions``)."""
    out = []
    for doc in state.loaded.documents:
        assert isinstance(doc, LiveDocument)
        if not doc.ok or (definitions and not _may_define(doc, sym)):
            continue
        for parts, other in occurrences(doc):
            if other.kind == sym.kind and other.key == sym.key:
                out.append((doc, parts, other))
    return out


def initiative_of(plan: Plan, doc: LiveDocument) -> Initiative | None:
    return next((i for i in plan.initiatives if i.doc is doc), None)


__all__ = [
    "Symbol",
    "milestone_key",
    "node_at",
    "occurrences",
    "places",
    "schema_nodes",
    "symbol_at",
]
