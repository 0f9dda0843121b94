from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from deancli.base.diagnostics import Diagnostic
from deancli.check.rules import Context, Rule
from deancli.plan.load import load_plan
from tests.unit.plans import AS_OF

RunRule = Callable[..., list[Diagnostic]]


@pytest.fixture
def run_rule(mini_plan: Callable[..., Path]) -> RunRule:
    """``run_rule(rule, files, as_of=...)``: the minimal plan changed by ``files``, loaded,
    and only ``rule`` run on it (no schema, no other rule)."""

    def run(rule: Rule, files: dict[str, str | None], as_of: str = AS_OF) -> list[Diagnostic]:
        loaded = load_plan(mini_plan(files))
        problems = [d for d in loaded.diagnostics if d.code != "DEAN013"]  # a file left out
        assert not problems, "the snippet must load cleanly"
        ctx = Context(as_of=dt.date.fromisoformat(as_of))
        found = list(rule.check(loaded.plan, ctx))
        for d in found:
            assert (d.code, d.name, d.severity) == (
                rule.RULE.code,
                rule.RULE.name,
                rule.RULE.severity,
            )
        return found

    return run
