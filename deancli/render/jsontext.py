"""JSON text for every machine document dean prints (validate --format json, the views'
JSON twins): one escaping path, so terminal control characters never reach a log raw."""

from __future__ import annotations

import json
from typing import Any

from deancli.base.textsafe import json_safe


def dumps(doc: Any) -> str:
    return json_safe(json.dumps(doc, ensure_ascii=False, indent=2))
