"""Completion: the keys the schema allows at the cursor, and for values the ids the plan
defines (organizations with their names, sources with their titles, pillars, initiatives,
milestones for ``depends_on``), the choices the schema lists (status, kind...), or today's
date for a date."""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from deancli.base.textsafe import safe
from deancli.lsp.cursor import Cursor, cursor_at
from deancli.lsp.documents import LiveDocument, PlanState
from deancli.lsp.symbols import schema_nodes
from deancli.lsp.text import Lines

MAX_ITEMS = 2000


def complete(
    state: PlanState, doc: LiveDocument, lines: Lines, pos: types.Position, lang: str
) -> types.CompletionList | None:
    line, column = lines.from_client(pos)
    cur = cursor_at(lines.lines, line, column)
    if cur is None:
        return None
    rng = types.Range(lines.to_client(line, cur.start), lines.to_client(line, cur.end))
    if cur.mode == "key":
        items = _keys(doc.kind, cur)
    else:
        items = _values(state, doc, cur, lang)
        if cur.dash and _is_object(doc.kind, cur.parts):
            items = _keys(doc.kind, cur)
    for item in items:  # plan text shown in a list: escaped like every terminal output
        item.text_edit = types.TextEdit(rng, item.insert_text or item.label)
        item.insert_text = None
        item.label = safe(item.label)
        item.detail = safe(item.detail) if item.detail is not None else None
        if isinstance(item.documentation, types.MarkupContent):
            item.documentation.value = safe(item.documentation.value, keep_newlines=True)
    items.sort(key=lambda i: i.sort_text or i.label)  # the best first, if the list is cut
    incomplete = len(items) > MAX_ITEMS
    return types.CompletionList(is_incomplete=incomplete, items=items[:MAX_ITEMS])


def _is_object(kind: str, parts: tuple[str | int, ...]) -> bool:
    return any(n.get("type") == "object" for n, _ in schema_nodes(kind, parts))


def _keys(kind: str, cur: Cursor) -> list[types.CompletionItem]:
    out: dict[str, types.CompletionItem] = {}
    for node, _ in schema_nodes(kind, cur.parts):
        required = set(node.get("required", []))
        for name, prop in node.get("properties", {}).items():
            if name in cur.siblings or name in out or not isinstance(prop, dict):
                continue
            out[name] = types.CompletionItem(
                label=name,
                kind=types.CompletionItemKind.Property,
                detail=prop.get("title"),
                documentation=_doc(prop.get("description")),
                insert_text=f"{name}: ",
                sort_text=("0" if name in required else "1") + name,
            )
    return list(out.values())


def _doc(text: Any) -> types.MarkupContent | None:
    if not isinstance(text, str):
        return None
    return types.MarkupContent(types.MarkupKind.PlainText, text)


def _values(
    state: PlanState, doc: LiveDocument, cur: Cursor, lang: str
) -> list[types.CompletionItem]:
    plan = state.loaded.plan
    parts = cur.parts
    nodes = schema_nodes(doc.kind, parts)
    refs = {r for _, rs in nodes for r in rs}
    value = types.CompletionItemKind.Value
    if "org_id" in refs:
        side = next((p for p in reversed(parts) if p in ("mx", "us")), None)
        return [
            types.CompletionItem(
                label=o.id,
                kind=types.CompletionItemKind.Reference,
                detail=o.name.get(lang),
                documentation=_doc(f"{o.name.es or ''}\n{o.name.en or ''}".strip()),
                sort_text=("0" if side and (o.country or "").lower() == side else "1") + o.id,
            )
            for o in plan.organizations.values()
        ]
    if "source_ref" in refs:
        own = doc.data.get("sources") if isinstance(doc.data, dict) else None
        local = {
            s["id"]: s
            for s in (own if isinstance(own, list) and doc.kind != "dialogue" else [])
            if isinstance(s, dict) and isinstance(s.get("id"), str)
        }
        items = {s.id: (s.title, s.publisher, s.date, "1") for s in plan.shared_sources}
        items.update(
            {
                k: (str(s.get("title") or ""), str(s.get("publisher") or ""), s.get("date"), "0")
                for k, s in local.items()
            }
        )
        return [
            types.CompletionItem(
                label=k,
                kind=types.CompletionItemKind.Reference,
                detail=title,
                documentation=_doc(" · ".join(str(x) for x in (publisher, date) if x)),
                sort_text=rank + k,
            )
            for k, (title, publisher, date, rank) in items.items()
        ]
    if refs & {"date", "partial_date"}:  # the day the plan is seen as of (today by default)
        day = state.today().isoformat()
        return [types.CompletionItem(label=day, kind=value, detail=nodes[0][0].get("title"))]
    if doc.kind == "initiative" and parts == ("pillar",):
        return [
            types.CompletionItem(
                label=str(p.number), kind=value, detail=f"{p.roman}: {p.title.get(lang)}"
            )
            for p in plan.pillars
        ]
    if doc.kind == "initiative" and (
        (len(parts) == 2 and parts[0] == "depends_on")
        or (len(parts) == 3 and parts[0] == "related" and parts[2] == "initiative")
    ):
        return [
            types.CompletionItem(
                label=str(i.id), kind=types.CompletionItemKind.Reference, detail=i.title.get(lang)
            )
            for i in plan.initiatives
            if i.id is not None and i.doc is not doc
        ]
    if doc.kind == "initiative" and len(parts) == 4 and parts[::2] == ("milestones", "depends_on"):
        return _milestones(state, doc, lang)
    out: dict[str, types.CompletionItem] = {}
    for node, _ in nodes:
        choices = node.get("enum") or ([node["const"]] if "const" in node else [])
        if node.get("type") == "boolean":
            choices = [True, False]
        for c in choices:
            label = str(c).lower() if isinstance(c, bool) else str(c)
            out.setdefault(
                label,
                types.CompletionItem(
                    label=label, kind=types.CompletionItemKind.EnumMember, detail=node.get("title")
                ),
            )
    return list(out.values())


def _milestones(state: PlanState, doc: LiveDocument, lang: str) -> list[types.CompletionItem]:
    """This file's milestones by id, then every other initiative's as ``N/id``."""
    out = []
    for ini in state.loaded.plan.initiatives:
        here = ini.doc is doc
        for m in ini.milestones:
            if not here and ini.id is None:
                continue
            out.append(
                types.CompletionItem(
                    label=m.id if here else f"{ini.id}/{m.id}",
                    kind=types.CompletionItemKind.Reference,
                    detail=m.title.get(lang),
                    documentation=_doc(m.status),
                    sort_text=("0" if here else "1") + m.id,
                )
            )
    return out
