"""Cross-file rules: one per module, registered in ``RULES``.

A rule module has a ``RULE`` (:class:`RuleInfo`: code, name, severity, one-line summary) and
``check(plan, ctx) -> Iterator[Diagnostic]``; :class:`Rule` states that shape and mypy checks
every module in ``RULES`` against it. What a rule catches, why, and how to fix it is written
once, in docs/rules.md (``dean explain CODE`` shows it).

Adding a rule: a module here, one line in ``RULES``, a section in docs/rules.md
(CONTRIBUTING.md shows the real lines).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final, Protocol

from deancli.base.diagnostics import Diagnostic
from deancli.check.rules import (
    completion_date,
    date_order,
    dependency_cycles,
    dependency_refs,
    dialogue_meetings,
    duplicate_ids,
    duplicate_slugs,
    file_name,
    file_name_characters,
    future_dates,
    missing_lead,
    organization_refs,
    pillar_refs,
    source_refs,
    stale_evidence,
    status_consistency,
)
from deancli.check.rules._base import Context, RuleInfo
from deancli.plan.model import Plan

__all__ = ["RULES", "Context", "Rule", "RuleInfo"]


class Rule(Protocol):
    """What a rule module is (modules satisfy protocols in mypy)."""

    @property
    def RULE(self) -> RuleInfo: ...

    def check(self, plan: Plan, ctx: Context) -> Iterator[Diagnostic]: ...


RULES: Final[tuple[Rule, ...]] = (
    duplicate_ids,
    duplicate_slugs,
    file_name,
    file_name_characters,
    pillar_refs,
    organization_refs,
    dependency_refs,
    dependency_cycles,
    source_refs,
    completion_date,
    future_dates,
    date_order,
    missing_lead,
    status_consistency,
    stale_evidence,
    dialogue_meetings,
)
