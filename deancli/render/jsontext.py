"""JSON text for every machine document dean prints (validate --format json, the views'
JSON twins): one escaping path, so terminal control characters never reach a log raw.

Every string (values and keys) carries the same visible escapes as the text formats
(``safe()``: ``\\x1b``, ``\\n``, ``\\u202e``), so a CI step that prints a field with
``jq -r`` shows them visibly too. A file path that had to be escaped keeps its exact value
in a sibling field ``raw_<name>`` (``raw_path``), present only then (docs/output.md)."""

from __future__ import annotations

import json
from typing import Any

from deancli.base.textsafe import is_safe, json_safe, safe

RAW_FIELDS = frozenset({"path", "path_before", "path_after", "plan"})


def visible(doc: Any) -> Any:
    """``doc`` with every string escaped by ``safe()``; exact paths kept in ``raw_*``."""
    if isinstance(doc, str):
        return doc if is_safe(doc) else safe(doc)
    if isinstance(doc, dict):
        out: dict[Any, Any] = {}
        for key, value in doc.items():
            out[visible(key)] = visible(value)
            if key in RAW_FIELDS and isinstance(value, str) and not is_safe(value):
                out[f"raw_{key}"] = value
        return out
    if isinstance(doc, list | tuple):
        return [visible(v) for v in doc]
    return doc


def dumps(doc: Any) -> str:
    return json_safe(json.dumps(visible(doc), ensure_ascii=False, indent=2))
