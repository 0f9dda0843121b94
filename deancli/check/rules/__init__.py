"""Cross-file rules: one per module, registered here.

Each module has a docstring (the user documentation, shown in docs/rules.md), a ``RULE``
(code, name, severity, summary) and ``check(plan, ctx) -> Iterator[Diagnostic]``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from types import ModuleType

from deancli.check.rules._base import Context, RuleInfo

__all__ = ["RULE_MODULES", "Context", "RuleInfo", "iter_rules"]

RULE_MODULES = (
    "duplicate_ids",
    "file_name",
    "pillar_refs",
    "organization_refs",
    "dependency_refs",
    "dependency_cycles",
    "source_refs",
    "completion_date",
    "future_dates",
    "date_order",
    "missing_lead",
    "status_consistency",
)


def iter_rules() -> Iterator[ModuleType]:
    for name in RULE_MODULES:
        yield importlib.import_module(f"deancli.check.rules.{name}")
