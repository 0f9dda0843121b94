"""Reporters for `dean validate`: a name → class registry, imported lazily.

Adding a format = one module + one entry here; the CLI's --format choices come from it.
"""

from __future__ import annotations

import importlib
from typing import Any, Final

REPORTERS: Final[dict[str, str]] = {
    "full": "deancli.render.text:FullReporter",
    "concise": "deancli.render.text:ConciseReporter",
    "json": "deancli.render.json_report:JsonReporter",
    "github": "deancli.render.github:GithubReporter",
    "sarif": "deancli.render.sarif:SarifReporter",
    "junit": "deancli.render.junit:JunitReporter",
}


def get_reporter(name: str) -> Any:
    module, _, cls = REPORTERS[name].partition(":")
    return getattr(importlib.import_module(module), cls)
