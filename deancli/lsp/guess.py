"""The "did you mean" of a finding, found again from the plan rather than read from its hint
(whose wording may be translated): the same ``closest`` over the same candidates, in the
same order, as the rule or schema check that made the finding."""

from __future__ import annotations

import re
from typing import Any

from deancli.base.suggest import closest
from deancli.lsp.documents import LiveDocument, PlanState
from deancli.lsp.symbols import Parts, dig, schema_nodes

_STEP = re.compile(r"\.([A-Za-z0-9_-]+)|\[(\d+)\]|\[('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\]")


def parse_json_path(text: str) -> Parts | None:
    """``$.a[0]['b c']`` -> ``("a", 0, "b c")`` (what ``base.diagnostics.json_path`` wrote)."""
    import ast

    if not text.startswith("$"):
        return None
    parts: list[str | int] = []
    pos = 1
    while pos < len(text):
        m = _STEP.match(text, pos)
        if m is None:
            return None
        if m.group(1) is not None:
            parts.append(m.group(1))
        elif m.group(2) is not None:
            parts.append(int(m.group(2)))
        else:
            try:
                parts.append(str(ast.literal_eval(m.group(3))))
            except (ValueError, SyntaxError):
                return None
        pos = m.end()
    return tuple(parts)


def suggestion(state: PlanState, doc: LiveDocument, code: str, json_path: Any) -> str | None:
    """The replacement dean suggests for the finding ``code`` at ``json_path`` of ``doc``."""
    if not isinstance(json_path, str) or not doc.ok:
        return None
    parts = parse_json_path(json_path)
    if not parts:
        return None
    plan = state.loaded.plan
    value = dig(doc.data, parts)
    if code == "DEAN204" and isinstance(value, str):  # unknown-organization
        return closest(value, sorted(plan.organizations))
    if code == "DEAN207" and isinstance(value, str):  # unknown-source
        own = doc.data.get("sources")
        local = {
            s["id"]
            for s in (own if isinstance(own, list) else [])
            if isinstance(s, dict) and isinstance(s.get("id"), str)
        }
        return closest(value, sorted({s.id for s in plan.shared_sources} | local))
    if code == "DEAN101" and isinstance(parts[-1], str):  # unknown-key
        for node, _ in schema_nodes(doc.kind, parts[:-1]):
            allowed = list(node.get("properties", {}))
            if allowed:
                return closest(parts[-1], allowed)
        return None
    if code == "DEAN104" and value is not None:  # invalid-choice
        for node, _ in schema_nodes(doc.kind, parts):
            if "enum" in node:
                return closest(str(value), [str(c) for c in node["enum"]])
    return None
